"""The Neo4j backend, against a real server: run with NEO4J_URI (and NEO4J_PASSWORD) set.

Skipped otherwise (the skip reason is printed by `pytest -ra`). Uses the database given by
NEO4J_DATABASE (default `neo4j`) and deletes everything in it: point it at a scratch database.
"""

from __future__ import annotations

import json
import os

import pytest

from graphkit.errors import QueryError
from graphkit.store import Settings
from graphkit.store.neo4j import Neo4jStore
from loaders.pipeline import execute, plan_positions
from tests.conftest import blocs

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"),
        reason="NEO4J_URI is not set: Neo4j backend tests need a real Neo4j server",
    ),
]


@pytest.fixture
def neo4j():
    cfg = Settings.from_env()
    store = Neo4jStore(cfg.uri, cfg.user, cfg.password, cfg.database)
    store.reset()
    yield store
    store.reset()
    store.close()


def _counts(store):
    labels = {r["label"]: r["nodes"] for r in store.run("db_labels")}
    rels = {r["type"]: r["relationships"] for r in store.run("db_relationships")}
    return labels, rels


def test_load_is_idempotent_on_neo4j(neo4j):
    execute(neo4j, plan_positions())
    first = _counts(neo4j)
    execute(neo4j, plan_positions())
    assert _counts(neo4j) == first
    assert first[0]["State"] >= 195


def test_failed_write_rolls_back_on_neo4j(neo4j):
    execute(neo4j, plan_positions())
    before = _counts(neo4j)
    with pytest.raises(QueryError):
        neo4j.write([("write_sessions", {"rows": [{"id": "X"}]}), ("write_sessions", {"rows": 3})])
    assert _counts(neo4j) == before


def test_every_read_query_runs_on_neo4j(neo4j):
    from tests.test_cypher import QUERIES, READS, browser_params

    execute(neo4j, plan_positions())
    for name in READS:
        q = QUERIES[name]
        params = {p: None for p in q.params} | browser_params(q.text)
        neo4j.run(name, **params)


def test_cli_report_on_neo4j(neo4j):
    execute(neo4j, plan_positions())
    neo4j_env = {k: v for k, v in os.environ.items() if k.startswith("NEO4J_")}
    r = blocs("report", "--session", "AHC-7", "--format", "json", "--runs", "10", env=neo4j_env)
    assert r.returncode == 0, r.stderr
    member = json.loads(r.stdout)["membership"]
    assert member["USA"]["bloc"] == member["GBR"]["bloc"] != member["RUS"]["bloc"]
