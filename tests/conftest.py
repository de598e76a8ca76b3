"""Fixtures: a real embedded database in a temp dir (no mocks), and the seed reports."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from graphkit.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
# the source reports and UN roll calls beside the clone (BLOCS_SHARED_DIR points elsewhere)
SHARED = Path(os.environ.get("BLOCS_SHARED_DIR") or ROOT.parent / "shared")
SEEDS = SHARED / "seeds"
UNVOTES = SHARED / "data" / "unvotes"

# Hostile figures of the run (kills survived, concurrent runs, bad inputs tried, damaged
# snapshots), each counted by a test only once it checked that nothing was lost.
TALLY: Counter = Counter()


NEO4J = bool(os.environ.get("NEO4J_URI"))
BACKENDS = ("embedded", "neo4j")


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", help="also run long soak variants")


def pytest_configure(config):
    config.addinivalue_line("markers", "embedded_only: the test is about the embedded store")


def pytest_generate_tests(metafunc):
    """Every test that takes a store (through `store_backend`) runs on both backends.

    Session scope groups the items by backend, so each backend's loaded database is built
    once; Neo4j items are skipped, visibly, when no server is configured (NEO4J_URI).
    """
    if "store_backend" not in metafunc.fixturenames:
        return
    embedded_only = any(
        metafunc.definition.get_closest_marker(m) is not None for m in ("embedded_only", "embedded")
    )
    values = [
        pytest.param(
            b,
            marks=pytest.mark.skipif(
                b == "neo4j" and not NEO4J, reason="NEO4J_URI is not set: no Neo4j server"
            ),
        )
        for b in BACKENDS
        if not (b == "neo4j" and embedded_only)
    ]
    metafunc.parametrize("store_backend", values, indirect=True, scope="session")


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--slow"):
        skip = pytest.mark.skip(reason="long soak variant: run with --slow")
        for item in items:
            if "slow" in item.keywords:
                item.add_marker(skip)


def pytest_runtest_teardown(item):
    """Tests that write to the Neo4j server on their own (notebooks open the default store;
    the `neo4j`-marked modules reset it) leave its contents unknown to `loaded_dir`."""
    if item.nodeid.endswith(".ipynb") or item.get_closest_marker("neo4j"):
        _NEO4J_GENERATION[0] += 1


def pytest_terminal_summary(terminalreporter):
    """The hostile figures; the count of store tests per backend and the Neo4j version."""
    if TALLY:
        figures = ", ".join(f"{name}: {n}" for name, n in sorted(TALLY.items()))
        terminalreporter.write_line(f"reliability (each with nothing lost): {figures}")
    per = {b: {"passed": 0, "failed": 0, "skipped": 0} for b in BACKENDS}
    for outcome in ("passed", "failed", "skipped", "error"):
        for rep in terminalreporter.stats.get(outcome, []):
            for b in BACKENDS:
                if getattr(rep, "when", "call") in ("call", "setup") and f"[{b}" in rep.nodeid:
                    key = "failed" if outcome == "error" else outcome
                    if outcome == "passed" and rep.when != "call":
                        continue
                    per[b][key] += 1
    if not any(n for c in per.values() for n in c.values()):
        return
    line = "; ".join(f"{b}: " + ", ".join(f"{n} {k}" for k, n in c.items()) for b, c in per.items())
    terminalreporter.write_line(f"store tests per backend: {line}")
    if _NEO4J_VERSION:
        terminalreporter.write_line(f"Neo4j server: {_NEO4J_VERSION[0]}")


_NEO4J_VERSION: list[str] = []
_NEO4J_GENERATION = [0]  # bumped whenever a test gets the Neo4j database fresh


class Neo4jTarget:
    """What `data_dir` is on Neo4j: the one configured server (its database wiped first)."""

    def __repr__(self) -> str:
        return "Neo4jTarget()"

    def _not_a_path(self, *_):
        raise TypeError("the Neo4j target is not a data dir: mark this test embedded_only")

    __fspath__ = __str__ = __truediv__ = _not_a_path


def _neo4j_store():
    from graphkit.store import Settings
    from graphkit.store.neo4j import Neo4jStore

    cfg = Settings.from_env()
    store = Neo4jStore(cfg.uri, cfg.user, cfg.password, cfg.database)
    if not _NEO4J_VERSION:
        _NEO4J_VERSION.append(store.server_version())
    return store


def _fresh_neo4j() -> None:
    store = _neo4j_store()
    try:
        store.reset()
    finally:
        store.close()
    _NEO4J_GENERATION[0] += 1


@pytest.fixture(scope="session")
def store_backend(request) -> str:
    """embedded or neo4j: set for every test that touches a store (pytest_generate_tests)."""
    return request.param


@pytest.fixture
def data_dir(store_backend, tmp_path):
    """Where a test's database lives: a fresh embedded data dir, or the Neo4j server wiped."""
    if store_backend == "neo4j":
        _fresh_neo4j()
        return Neo4jTarget()
    return tmp_path / "db"


def open_store(target):
    """A store on `target` (a data dir, or the Neo4j server)."""
    return _neo4j_store() if isinstance(target, Neo4jTarget) else EmbeddedStore(target)


@pytest.fixture
def store(data_dir):
    s = open_store(data_dir)
    yield s
    s.close()


def _load_bundled(s) -> None:
    from graphkit import api
    from graphkit.store.export import Window
    from loaders.pipeline import execute, plan_bundled

    execute(s, plan_bundled())
    params = api.Params(runs=10, null_shuffles=0)
    reports, tracking = api.session_reports(s, Window(), params)
    api.write_blocs(s, reports, tracking)  # Browser queries read stored blocs


@pytest.fixture(scope="session")
def _embedded_loaded(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("loaded") / "db"
    s = EmbeddedStore(path)
    try:
        _load_bundled(s)
    finally:
        s.close()
    return path


_NEO4J_LOADED = [-1]  # the generation in which the Neo4j database last held the bundled data


def _ensure_neo4j_loaded() -> None:
    if _NEO4J_LOADED[0] != _NEO4J_GENERATION[0]:
        _fresh_neo4j()
        s = _neo4j_store()
        try:
            _load_bundled(s)
        finally:
            s.close()
        _NEO4J_LOADED[0] = _NEO4J_GENERATION[0]


@pytest.fixture(scope="module")
def loaded_dir(store_backend, request):
    """A database holding the bundled dataset and its blocs (read-only for the test).

    Embedded: built once per test session. Neo4j (one database for all tests): rebuilt only
    when a test wiped it since; `_neo4j_loaded_guard` re-checks before every test using it.
    """
    if store_backend == "embedded":
        return request.getfixturevalue("_embedded_loaded")
    _ensure_neo4j_loaded()
    return Neo4jTarget()


@pytest.fixture(autouse=True)
def _neo4j_loaded_guard(request):
    if "loaded_dir" in request.fixturenames and isinstance(
        request.getfixturevalue("loaded_dir"), Neo4jTarget
    ):
        _ensure_neo4j_loaded()


@pytest.fixture
def loaded_store(loaded_dir):
    s = open_store(loaded_dir)
    yield s
    s.close()


def cli_env(data_dir=None, **extra: str) -> dict[str, str]:
    """The environment of a `blocs` subprocess on `data_dir` (a data dir or a Neo4jTarget):
    the NEO4J_* settings only for Neo4j, this checkout's code first on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if isinstance(data_dir, Neo4jTarget):
        env.update({k: v for k, v in os.environ.items() if k.startswith("NEO4J_")})
    elif data_dir is not None:
        env["BLOCS_DATA_DIR"] = os.fspath(data_dir)
    env.update(extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def blocs(*args: str, data_dir=None, env: dict | None = None, **kw):
    """Run the real `blocs` CLI of this checkout in a subprocess (not whatever is on PATH).

    data_dir: an embedded data dir, or a Neo4jTarget (then the NEO4J_* settings are passed).
    """
    full_env = cli_env(data_dir, **(env or {}))
    cmd = [sys.executable, "-m", "blocs", *args]
    kw.setdefault("timeout", 300)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, **kw)


def counts(store) -> tuple[dict, dict]:
    labels = {r["label"]: r["nodes"] for r in store.run("db_labels")}
    rels = {r["type"]: r["relationships"] for r in store.run("db_relationships")}
    return labels, rels
