"""The embedded store: FalkorDB on a private unix socket, writes made atomic by copy-and-swap.

FalkorDB runs each query atomically but has no multi-query transactions, so a write copies the
graph to a staging key (GRAPH.COPY), writes there, and swaps it in with RENAME, then snapshots
to disk. Writers are serialized by a file lock on the data dir.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from graphkit.errors import QueryError
from graphkit.store import GRAPH_NAME, Store, _plain, schema_steps
from graphkit.store.queries import NamedQuery, get_query


class EmbeddedStore(Store):
    backend = "embedded (FalkorDB)"

    def __init__(self, data_dir: Path | str | None = None, graph: str = GRAPH_NAME):
        from falkordb import FalkorDB

        from graphkit.store.server import EmbeddedServer

        self.server = EmbeddedServer(data_dir)
        self.graph_name = graph
        self.staging_name = f"{graph}__staging"
        self.server.start()
        try:
            self.db = FalkorDB(unix_socket_path=str(self.server.socket))
            self.conn = self.db.connection
        except Exception:
            self.server.stop()
            raise
        self.where = str(self.server.data_dir)

    def _graph_exists(self, name: str) -> bool:
        return name in self.conn.execute_command("GRAPH.LIST")

    def _run(self, query: NamedQuery, params: dict) -> list[dict]:
        if not self._graph_exists(self.graph_name):
            self._init_graph(self.graph_name)
        return self._query(self.graph_name, query, params)

    def _query(self, graph: str, query: NamedQuery, params: dict) -> list[dict]:
        try:
            result = self.db.select_graph(graph).query(query.text, params)
        except Exception as exc:
            raise QueryError(f"query '{query.name}' failed: {exc}") from exc
        names = [h[1] for h in result.header]
        return [dict(zip(names, map(_plain, row), strict=True)) for row in result.result_set]

    def _init_graph(self, graph: str) -> None:
        """Create the graph with the indexes and unique constraints of schema.cypher."""
        g = self.db.select_graph(graph)
        for kind, label, prop in schema_steps(get_query("schema")):
            with contextlib.suppress(Exception):  # "already indexed"
                g.query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
            if kind == "unique":
                with contextlib.suppress(Exception):
                    self.conn.execute_command(
                        "GRAPH.CONSTRAINT", "CREATE", graph, "UNIQUE", "NODE", label,
                        "PROPERTIES", 1, prop,
                    )  # fmt: skip

    def _write(self, steps, progress) -> None:
        with self.server.write_lock():
            self._drop(self.staging_name)  # left over by a killed writer
            if self._graph_exists(self.graph_name):
                self.conn.execute_command("GRAPH.COPY", self.graph_name, self.staging_name)
            else:
                self._init_graph(self.staging_name)
            try:
                for query, params in steps:
                    self._query(self.staging_name, query, params)
                    if progress:
                        progress(1)
            except BaseException:
                self._drop(self.staging_name)
                raise
            self.conn.execute_command("RENAME", self.staging_name, self.graph_name)
            self.server.save(self.conn)

    def _drop(self, graph: str) -> None:
        if self._graph_exists(graph):
            self.conn.execute_command("GRAPH.DELETE", graph)

    def reset(self) -> None:
        with self.server.write_lock():
            self._drop(self.staging_name)
            self._drop(self.graph_name)
            self.server.save(self.conn)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.connection.close()
        self.server.stop()
