"""One interface over two databases: the embedded FalkorDB default and Neo4j.

Both run the same named queries from `cypher/`. Reads return rows as dicts. Writes are given as
a list of steps (query name, parameters) and are atomic: all steps or none.

- Neo4j: one explicit transaction for all steps.
- Embedded: FalkorDB runs each query atomically but has no multi-query transactions, so a write
  copies the graph to a staging key (GRAPH.COPY), writes there, and swaps it in with RENAME, then
  snapshots to disk. Writers are serialized by a file lock on the data dir.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from graphkit.errors import QueryError, StoreUnavailable
from graphkit.model import LABELS
from graphkit.queries import NamedQuery, get_query

GRAPH_NAME = "blocs"
Step = tuple[str, dict[str, Any]]
Progress = Callable[[int], None]

_CONSTRAINT = re.compile(
    r"CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \((\w+):(\w+)\) REQUIRE \1\.(\w+) IS UNIQUE", re.I
)
_INDEX = re.compile(r"CREATE INDEX \w+ IF NOT EXISTS FOR \((\w+):(\w+)\) ON \(\1\.(\w+)\)", re.I)


_SCALARS = frozenset({str, int, float, bool})


def _plain(value: Any) -> Any:
    """Turn driver objects (nodes, paths, dates) into JSON-friendly values."""
    if value is None or type(value) in _SCALARS:  # the common case, kept cheap
        return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    labels = getattr(value, "labels", None)
    props = getattr(value, "properties", None)
    if props is None and hasattr(value, "items") and hasattr(value, "element_id"):
        props = dict(value.items())
    if props is not None:
        out = {k: _plain(v) for k, v in props.items()}
        if labels is not None:
            out["_labels"] = sorted(labels)
        rel_type = getattr(value, "relation", None) or getattr(value, "type", None)
        if isinstance(rel_type, str):
            out["_type"] = rel_type
        return out
    nodes = getattr(value, "nodes", None)
    if callable(nodes):  # FalkorDB path
        return {
            "nodes": [_plain(n) for n in value.nodes()],
            "edges": [_plain(e) for e in value.edges()],
        }
    if nodes is not None and hasattr(value, "relationships"):  # Neo4j path
        return {
            "nodes": [_plain(n) for n in nodes],
            "edges": [_plain(r) for r in value.relationships],
        }
    return value


def schema_steps(query: NamedQuery) -> list[tuple[str, str, str]]:
    """(kind, label, property) for each statement of schema.cypher; labels from the fixed list."""
    out = []
    for stmt in query.statements:
        match = _CONSTRAINT.fullmatch(stmt) or _INDEX.fullmatch(stmt)
        if not match:
            raise QueryError(f"schema statement not understood: {stmt[:80]}")
        kind = "unique" if stmt.upper().startswith("CREATE CONSTRAINT") else "index"
        label, prop = match.group(2), match.group(3)
        if label not in LABELS:
            raise QueryError(f"schema uses unknown label {label}")
        out.append((kind, label, prop))
    return out


class Store:
    """What every backend offers."""

    backend: str = "?"
    where: str = "?"

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        query = get_query(name)
        query.check_params(params)
        return self._run(query, params)

    def write(self, steps: Iterable[Step], progress: Progress | None = None) -> int:
        """Run write steps atomically; returns the number of steps."""
        prepared = []
        for name, params in steps:
            query = get_query(name)
            query.check_params(params)
            prepared.append((query, params))
        self._write(prepared, progress)
        return len(prepared)

    def _run(self, query: NamedQuery, params: dict) -> list[dict]:
        raise NotImplementedError

    def _write(self, steps: list[tuple[NamedQuery, dict]], progress: Progress | None) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class EmbeddedStore(Store):
    backend = "embedded (FalkorDB)"

    def __init__(self, data_dir: Path | str | None = None, graph: str = GRAPH_NAME):
        from falkordb import FalkorDB

        from graphkit.embedded import EmbeddedServer

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


class Neo4jStore(Store):
    backend = "Neo4j"

    def __init__(self, uri: str, user: str, password: str | None, database: str | None = None):
        import neo4j
        from neo4j import GraphDatabase

        self.where = uri
        self.database = database
        try:
            self.driver = GraphDatabase.driver(uri, auth=(user, password or ""))
            self.driver.verify_connectivity()
        except neo4j.exceptions.AuthError:
            raise StoreUnavailable(
                f"Neo4j at {uri} refused the credentials for user '{user}' "
                "(check NEO4J_USER / NEO4J_PASSWORD)"
            ) from None
        except Exception as exc:
            reason = type(exc).__name__
            raise StoreUnavailable(f"cannot reach Neo4j at {uri} ({reason})") from None
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        with self.driver.session(database=self.database) as session:
            for stmt in get_query("schema").statements:
                session.run(stmt)

    def _run(self, query: NamedQuery, params: dict) -> list[dict]:
        try:
            with self.driver.session(database=self.database) as session:
                result = session.run(query.text, params)
                return [{k: _plain(v) for k, v in rec.items()} for rec in result]
        except Exception as exc:
            raise QueryError(f"query '{query.name}' failed: {exc}") from exc

    def _write(self, steps, progress) -> None:
        with self.driver.session(database=self.database) as session:
            tx = session.begin_transaction()
            try:
                for query, params in steps:
                    tx.run(query.text, params).consume()
                    if progress:
                        progress(1)
                tx.commit()
            except BaseException as exc:
                tx.rollback()
                if isinstance(exc, Exception):
                    raise QueryError(f"write failed, nothing was changed: {exc}") from exc
                raise

    def reset(self) -> None:
        self.write([("reset", {})])

    def close(self) -> None:
        self.driver.close()


def _env_file_values() -> dict[str, str]:
    """Values from a git-ignored `.env` in the working directory (environment wins)."""
    path = Path(".env")
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path).items() if v is not None}


def settings(uri: str | None = None, data_dir: str | Path | None = None) -> dict[str, Any]:
    env = {**_env_file_values(), **os.environ}
    return {
        "uri": uri or env.get("NEO4J_URI") or None,
        "user": env.get("NEO4J_USER", "neo4j"),
        "password": env.get("NEO4J_PASSWORD"),
        "database": env.get("NEO4J_DATABASE") or None,
        "data_dir": data_dir or env.get("BLOCS_DATA_DIR") or None,
    }


def open_store(uri: str | None = None, data_dir: str | Path | None = None) -> Store:
    """Neo4j when a URI is given (argument or NEO4J_URI), else the embedded default."""
    cfg = settings(uri, data_dir)
    if cfg["uri"]:
        return Neo4jStore(cfg["uri"], cfg["user"], cfg["password"], cfg["database"])
    return EmbeddedStore(cfg["data_dir"])


@contextlib.contextmanager
def connect(uri: str | None = None, data_dir: str | Path | None = None) -> Iterator[Store]:
    store = open_store(uri, data_dir)
    try:
        yield store
    finally:
        store.close()


def batched(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
