"""The embedded store: FalkorDB on a private unix socket, writes made atomic by copy-and-swap.

FalkorDB runs each query atomically but has no multi-query transactions, so a write copies the
graph to a staging key (GRAPH.COPY), writes there, swaps it in (MULTI/EXEC: readers see the old
graph or the new one), and SAVEs. The old graph is kept under a third key until the SAVE has
worked: if the SAVE fails (a full disk), the old graph is swapped back, so a failed save means
the write did not happen, in memory as on disk. Writers are serialized by a lock on the data dir.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from graphkit.errors import QueryError, StoreUnavailable
from graphkit.store import GRAPH_NAME, Store, _plain, schema_steps
from graphkit.store.datadir import LOCK_TIMEOUT, Notify
from graphkit.store.queries import NamedQuery, get_query
from graphkit.store.snapshots import foreign_keys
from graphkit.textsafe import printable


def leftover_names(graph: str) -> tuple[str, str]:
    """Keys of a write besides the graph: its staging copy, and the graph it replaces (kept
    until the save worked)."""
    return f"{graph}__staging", f"{graph}__before"


def _connection_errors() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, ConnectionError)


class EmbeddedStore(Store):
    backend = "embedded (FalkorDB)"

    def __init__(
        self,
        data_dir: Path | str | None = None,
        graph: str = GRAPH_NAME,
        *,
        lock_timeout: float = LOCK_TIMEOUT,
        notify: Notify | None = None,
    ):
        from falkordb import FalkorDB

        from graphkit.store.server import EmbeddedServer

        self.server = EmbeddedServer(data_dir, lock_timeout=lock_timeout, notify=notify)
        self.graph_name = graph
        self.staging_name, self.before_name = leftover_names(graph)
        self.where = str(self.server.data_dir)
        try:
            self.server.start()
        except BaseException:
            self.server.dir.close()
            raise
        try:
            self.db = FalkorDB(unix_socket_path=self.server.dir.socket_path("blocs.sock"))
            self.conn = self.db.connection
            with self._talking("opening the database"):
                self._check_contents()
                self._drop_leftovers()
        except BaseException:
            self.server.stop()
            raise

    # -- guards -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def _talking(self, doing: str):
        """A server that dies under us is one line, not a redis traceback."""
        try:
            yield
        except _connection_errors() as exc:
            raise StoreUnavailable(
                f"the embedded database server stopped answering while {doing} "
                f"({type(exc).__name__}); check `blocs db status` and retry (loads are "
                "idempotent)"
            ) from None

    def _check_contents(self) -> None:
        """Refuse a database that holds something other than ours (a foreign snapshot)."""
        foreign = foreign_keys(self.conn, {self.graph_name, *leftover_names(self.graph_name)})
        if foreign:
            shown = ", ".join(printable(k) for k in foreign[:5])
            raise StoreUnavailable(
                f"the database in {printable(self.where)} holds data that is not a blocs "
                f"database ({shown}); nothing was changed. If its snapshot was replaced, "
                "`blocs db recover` restores the previous one"
            )

    def _drop_leftovers(self) -> None:
        """A killed writer's staging copy (and a swapped-out graph) go, if no writer runs."""
        fd = self.server.dir.try_lock("write.lock")
        if fd is None:
            return  # a live writer owns them
        try:
            self._drop(self.staging_name)
            self._drop(self.before_name)
        finally:
            os.close(fd)

    def _graph_exists(self, name: str) -> bool:
        return name in self.conn.execute_command("GRAPH.LIST")

    # -- reads ------------------------------------------------------------------------------
    def _run(self, query: NamedQuery, params: dict) -> list[dict]:
        with self._talking(f"running query '{query.name}'"):
            if not self._graph_exists(self.graph_name):
                self._init_graph(self.graph_name)  # in memory only: never saved by a read
            return self._query(self.graph_name, query, params)

    def _query(self, graph: str, query: NamedQuery, params: dict) -> list[dict]:
        try:
            result = self.db.select_graph(graph).query(query.text, params)
        except _connection_errors():
            raise
        except Exception as exc:
            raise QueryError(f"query '{query.name}' failed: {printable(exc)}") from exc
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

    # -- writes -----------------------------------------------------------------------------
    def _write(self, steps, progress) -> None:
        with self.server.write_lock(), self._talking("writing"):
            self._drop(self.staging_name)  # left over by a killed writer
            self._drop(self.before_name)
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
                with contextlib.suppress(Exception):
                    self._drop(self.staging_name)
                raise
            self._commit(self.staging_name)

    def _commit(self, new: str | None) -> None:
        """Make `new` (a staging graph; None: no graph) the graph, durably, or change nothing.

        The swap is one MULTI/EXEC; the replaced graph stays under `before_name` until the
        SAVE worked, and is swapped back if it did not."""
        had_old = self._holds_data(self.graph_name)
        with self.conn.pipeline(transaction=True) as tx:
            if had_old:
                tx.rename(self.graph_name, self.before_name)
            if new:
                tx.rename(new, self.graph_name)
            tx.execute()
        try:
            self.server.save(self.conn)
        except StoreUnavailable as exc:
            self._undo(had_old, new)
            raise StoreUnavailable(
                f"{exc}; the write was undone, nothing was changed: free some space in "
                f"{printable(self.where)} and retry"
            ) from None
        if had_old:
            self._drop(self.before_name)
            # the saved snapshot still holds the replaced graph: save once more without it
            # (best effort: the data is safe either way, and a leftover is dropped at start)
            with contextlib.suppress(StoreUnavailable):
                self.server.save(self.conn, rotate=False)

    def _undo(self, had_old: bool, new: str | None) -> None:
        with self.conn.pipeline(transaction=True) as tx:
            if new:
                tx.rename(self.graph_name, new)
            if had_old:
                tx.rename(self.before_name, self.graph_name)
            tx.execute()
        if new:
            self._drop(new)

    def _holds_data(self, graph: str) -> bool:
        """A graph worth keeping for an undo (an empty one, made by a read, is not)."""
        if not self._graph_exists(graph):
            return False
        query = get_query("db_node_count").text
        rows = self.conn.execute_command("GRAPH.RO_QUERY", graph, query)
        return bool(rows[1] and rows[1][0][0])

    def _drop(self, graph: str) -> None:
        if self._graph_exists(graph):
            self.conn.execute_command("GRAPH.DELETE", graph)

    def reset(self) -> None:
        with self.server.write_lock(), self._talking("deleting the data"):
            self._drop(self.staging_name)
            self._drop(self.before_name)
            self._commit(None)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.connection.close()
        self.server.stop()
