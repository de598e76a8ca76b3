"""Every named query: valid for Neo4j's own parser, well-formed header, runs on the embedded db."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from graphkit.store.queries import cypher_dir, load_queries, parse_query_file, used_params
from tests.conftest import ROOT

QUERIES = load_queries()
WRITES = {n for n, q in QUERIES.items() if re.search(r"\b(MERGE|CREATE|DELETE|SET)\b", q.text)}
READS = sorted(n for n, q in QUERIES.items() if q.mode == "read")
GDS = sorted(n for n, q in QUERIES.items() if q.mode == "gds")


def test_every_file_has_a_matching_name_and_params():
    for path in sorted(cypher_dir().glob("*.cypher")):
        q = parse_query_file(path)
        assert q.name == path.stem
        assert set(q.params) == used_params(q.text)
        assert q.summary, f"{path.name} needs a header saying what it answers"


def test_neo4j_parser_accepts_every_file():
    node = shutil.which("node")
    installed = (ROOT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir()
    if not (node and installed):
        if os.environ.get("CI"):
            pytest.fail("Neo4j's Cypher parser is not installed (npm ci) but CI requires it")
        pytest.skip("npm package @neo4j-cypher/language-support not installed: run `npm ci`")
    result = subprocess.run(
        [node, "tools/lint_cypher.mjs"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        f"{len(list(cypher_dir().glob('*.cypher')))} files checked, 0 with problems"
        in result.stdout
    )


def test_the_linter_rejects_a_broken_query(tmp_path):
    node = shutil.which("node")
    if not (node and (ROOT / "node_modules").is_dir()):
        pytest.skip("npm package not installed")
    bad = tmp_path / "bad.cypher"
    bad.write_text("// name: bad\n// x\n// params: a\nMATCH (n:Actr {code: $a}) RETRUN n\n")
    result = subprocess.run(
        [node, "tools/lint_cypher.mjs", str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1 and "RETRUN" in result.stdout and "Actr" in result.stdout


def browser_params(text: str) -> dict:
    """The `// :param k => value` example lines, read as Python values."""
    params = {}
    for key, literal in re.findall(r"^// :param (\w+) => (.+)$", text, re.M):
        js = re.sub(r"'((?:[^'\\]|\\.)*)'", lambda m: json.dumps(m.group(1)), literal)
        js = re.sub(r"([{,]\s*)(\w+):", r'\1"\2":', js)
        params[key] = json.loads(js)
    return params


@pytest.mark.parametrize("name", READS)
def test_every_read_query_runs_on_the_bundled_data(name, loaded_store):
    q = QUERIES[name]
    params = {p: None for p in q.params} | browser_params(q.text)
    assert set(params) == set(q.params), f"{name}: give every parameter a :param example"
    rows = loaded_store.run(name, **params)
    assert rows, f"{name} returned no rows with its example parameters"


@pytest.mark.parametrize("name", sorted(WRITES - {"schema", "reset", "clear_positions"}))
def test_every_write_query_documents_a_runnable_example(name, store):
    q = QUERIES[name]
    params = browser_params(q.text)
    assert set(params) == set(q.params), f"{name}: give every parameter a :param example"
    store.write([(name, params)])  # runs for real on an empty graph: MATCHes may find nothing


def test_gds_queries_run_on_neo4j_and_are_refused_elsewhere(loaded_store):
    """The gds engine's steps: on Neo4j they project, run and drop; elsewhere one clear error."""
    from graphkit.errors import QueryError

    assert set(GDS) == {"gds_version", "gds_project_agreement", "gds_leiden_runs", "gds_drop"}
    if not loaded_store.supports_gds:
        with pytest.raises(QueryError, match="needs Neo4j with Graph Data Science"):
            loaded_store.run("gds_version")
        return
    assert loaded_store.run("gds_version")[0]["gds"].startswith("2.")
    rows = [{"a": "USA", "b": "GBR", "w": 1.0}, {"a": "RUS", "b": None, "w": None}]
    rows += [{"a": "USA", "b": None, "w": None}, {"a": "GBR", "b": None, "w": None}]
    made = loaded_store.run("gds_project_agreement", graph="test-gds", rows=rows)
    try:
        assert made == [{"graph": "test-gds", "nodes": 3, "relationships": 2}]
        runs = loaded_store.run("gds_leiden_runs", graph="test-gds", seeds=[0, 1], resolution=1.0)
        by_seed = {}
        for r in runs:
            by_seed.setdefault(r["seed"], {})[r["actor"]] = r["community"]
        assert set(by_seed) == {0, 1}
        for labels in by_seed.values():
            assert labels["USA"] == labels["GBR"] != labels["RUS"]
    finally:
        assert loaded_store.run("gds_drop", graph="test-gds") == [{"graph": "test-gds"}]
    assert loaded_store.run("gds_drop", graph="test-gds") == []
