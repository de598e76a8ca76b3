"""The store: one interface over two databases, the embedded FalkorDB default and Neo4j.

Both run the same named queries from `cypher/`. Reads return rows as dicts. Writes are given as
a list of steps (query name, parameters) and are atomic: all steps or none.

- Neo4j: one explicit transaction for all steps.
- Embedded: FalkorDB runs each query atomically but has no multi-query transactions, so a write
  copies the graph to a staging key (GRAPH.COPY), writes there, swaps it in and snapshots to
  disk; a failed snapshot swaps the old graph back. Writers are serialized by a lock on the
  data dir (`embedded.py`, `server.py`, `datadir.py`, `snapshots.py`).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit.errors import QueryError, StoreUnavailable
from graphkit.model import LABELS
from graphkit.store.queries import NamedQuery, get_query

GRAPH_NAME = "blocs"
Step = tuple[str, dict[str, Any]]
Progress = Callable[[int], None]
Notify = Callable[[str], None]

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
    supports_gds: bool = False  # Neo4j with Graph Data Science: the `gds` engine and its queries

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query. Write queries are refused: they go through `write` (atomic)."""
        query = get_query(name)
        if query.mode == "gds" and not self.supports_gds:
            raise QueryError(f"query '{name}' needs Neo4j with Graph Data Science ({self.backend})")
        if query.mode not in ("read", "gds"):
            raise QueryError(
                f"query '{name}' writes to the database; it runs only as a step of an atomic "
                "load, never on its own"
            )
        query.check_params(params)
        return self._run(query, params)

    def write(self, steps: Iterable[Step], progress: Progress | None = None) -> int:
        """Run write steps atomically (all or none); returns the number of steps."""
        prepared = []
        for name, params in steps:
            query = get_query(name)
            if query.mode != "write":
                raise QueryError(f"query '{name}' is a {query.mode} query, not a write step")
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


@dataclass(frozen=True)
class Settings:
    """Which database to open. Built from the environment by the caller (the CLI adds `.env`)."""

    uri: str | None = None  # Neo4j Bolt URI; None: the embedded store
    user: str = "neo4j"
    password: str | None = field(default=None, repr=False)  # never printed
    database: str | None = None
    data_dir: str | Path | None = None  # embedded store's data dir
    lock_timeout: float = 300.0  # seconds to wait for another writer of the embedded store

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        uri: str | None = None,
        data_dir: str | Path | None = None,
    ) -> Settings:
        """Explicit values win; then NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE,
        BLOCS_DATA_DIR, BLOCS_LOCK_TIMEOUT from `env` (default: the process environment)."""
        env = os.environ if env is None else env
        return cls(
            uri=uri or env.get("NEO4J_URI") or None,
            user=env.get("NEO4J_USER") or "neo4j",
            password=env.get("NEO4J_PASSWORD"),
            database=env.get("NEO4J_DATABASE") or None,
            data_dir=data_dir or env.get("BLOCS_DATA_DIR") or None,
            lock_timeout=_seconds(env.get("BLOCS_LOCK_TIMEOUT"), cls.lock_timeout),
        )


def _seconds(text: str | None, default: float) -> float:
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86400:  # nan fails both comparisons
        raise StoreUnavailable(
            f"BLOCS_LOCK_TIMEOUT must be a number of seconds from 0 to 86400, got {text[:40]!r}"
        )
    return value


def open_store(settings: Settings | None = None, *, notify: Notify | None = None) -> Store:
    """Neo4j when the settings name a URI, else the embedded default. `notify` receives the
    embedded store's waiting messages (another writer holds the database)."""
    cfg = settings or Settings.from_env()
    if cfg.uri:
        from graphkit.store.neo4j import Neo4jStore

        return Neo4jStore(cfg.uri, cfg.user, cfg.password, cfg.database)
    from graphkit.store.embedded import EmbeddedStore

    return EmbeddedStore(cfg.data_dir, lock_timeout=cfg.lock_timeout, notify=notify)


@contextlib.contextmanager
def connect(
    uri: str | None = None,
    data_dir: str | Path | None = None,
    *,
    settings: Settings | None = None,
    notify: Notify | None = None,
) -> Iterator[Store]:
    """A store for the duration of a `with` block (closed at the end)."""
    store = open_store(settings or Settings.from_env(uri=uri, data_dir=data_dir), notify=notify)
    try:
        yield store
    finally:
        store.close()


def batched(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
