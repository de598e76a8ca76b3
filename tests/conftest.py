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


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", help="also run long soak variants")


# Hostile figures of the run (kills survived, concurrent runs, bad inputs tried, damaged
# snapshots), each counted by a test only once it checked that nothing was lost.
TALLY: Counter = Counter()


def pytest_terminal_summary(terminalreporter):
    if TALLY:
        figures = ", ".join(f"{name}: {n}" for name, n in sorted(TALLY.items()))
        terminalreporter.write_line(f"reliability (each with nothing lost): {figures}")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="long soak variant: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "db"


@pytest.fixture
def store(data_dir):
    s = EmbeddedStore(data_dir)
    yield s
    s.close()


@pytest.fixture(scope="session")
def loaded_dir(tmp_path_factory) -> Path:
    """A data dir holding the bundled dataset and its blocs, built once per test session."""
    from graphkit import api
    from graphkit.store.export import Window
    from loaders.pipeline import execute, plan_bundled

    path = tmp_path_factory.mktemp("loaded") / "db"
    s = EmbeddedStore(path)
    try:
        execute(s, plan_bundled())
        params = api.Params(runs=10, null_shuffles=0)
        reports, tracking = api.session_reports(s, Window(), params)
        api.write_blocs(s, reports, tracking)  # Browser queries read stored blocs
    finally:
        s.close()
    return path


@pytest.fixture
def loaded_store(loaded_dir):
    s = EmbeddedStore(loaded_dir)
    yield s
    s.close()


def blocs(*args: str, data_dir: Path | None = None, env: dict | None = None, **kw):
    """Run the real `blocs` CLI of this checkout in a subprocess (not whatever is on PATH)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if data_dir is not None:
        full_env["BLOCS_DATA_DIR"] = str(data_dir)
    full_env.update(env or {})
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full_env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "blocs", *args]
    kw.setdefault("timeout", 300)
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, **kw)


def counts(store) -> tuple[dict, dict]:
    labels = {r["label"]: r["nodes"] for r in store.run("db_labels")}
    rels = {r["type"]: r["relationships"] for r in store.run("db_relationships")}
    return labels, rels
