"""`--engine gds`: the consensus runs inside Neo4j's Graph Data Science, same report shape."""

from __future__ import annotations

import json

from tests.conftest import Neo4jTarget, blocs

ARGS = ("report", "--session", "AHC-7", "--method", "louvain", "--format", "json", "--runs", "20")


def test_gds_engine_gives_the_report_on_neo4j_and_one_line_elsewhere(loaded_dir):
    r = blocs(*ARGS, "--engine", "gds", data_dir=loaded_dir)
    if not isinstance(loaded_dir, Neo4jTarget):
        assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
        assert "Graph Data Science" in r.stderr
        return
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["params"]["engine"] == "gds" and doc["params"]["method"] == "louvain"
    member = {a: m["bloc"] for a, m in doc["membership"].items()}
    assert member["USA"] == member["GBR"] != member["RUS"]
    inproc = json.loads(blocs(*ARGS, data_dir=loaded_dir).stdout)
    assert set(inproc["membership"]) == set(member)  # same actors, same projection


def test_gds_engine_refuses_signed_methods_in_one_line(loaded_dir):
    r = blocs("report", "--session", "AHC-7", "--engine", "gds", data_dir=loaded_dir)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "--method louvain" in r.stderr
