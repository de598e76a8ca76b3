"""The Browser query library on the real bundled data: rows that answer each question."""

from __future__ import annotations

from tests.conftest import blocs


def test_allies_in_session(loaded_store):
    rows = loaded_store.run("allies_in_session", actor="USA", session="AHC-7")
    by_actor = {r["actor"]: r for r in rows}
    assert rows[0]["agreement_index"] >= rows[-1]["agreement_index"]
    assert by_actor["CAN"]["agreement_index"] > 0.8
    assert by_actor["RUS"]["agreement_index"] < 0 and by_actor["RUS"]["disagreements"] >= 5
    # competing options count: USA backed a 60-ratification threshold, CHN the 40 one
    assert by_actor["CHN"]["disagreements"] >= 1


def test_divisive_proposals(loaded_store):
    rows = loaded_store.run("divisive_proposals", session="AHC-7", top=5)
    assert 1 <= len(rows) <= 5
    scores = [r["divisiveness"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    for r in rows:
        assert r["divisiveness"] == min(r["support"], r["oppose"]) > 0
        assert not set(r["supporters"]) & set(r["opponents"])


def test_article_proposals(loaded_store):
    rows = loaded_store.run("article_proposals", issue="art58")
    assert {r["issue"] for r in rows} == {"art58-secretariat"}
    russian = [r for r in rows if r["proposer"] == "RUS"]
    assert russian and {"MLI", "IRN"} <= set(russian[0]["supported_by"])
    assert {"JPN", "USA"} <= set(russian[0]["opposed_by"])
    assert "RUS" not in russian[0]["supported_by"], "the proposer is listed as proposer"
    assert len(rows) == 3, "three competing options on the secretariat"


def test_bridge_actors(loaded_store):
    rows = loaded_store.run("bridge_actors", session="AHC-7", method="net", min_agreements=3)
    assert rows
    assert all(r["blocs_reached"] >= 2 and len(r["agreements_by_bloc"]) >= 2 for r in rows)


def test_group_cohesion(loaded_store):
    eu = loaded_store.run("group_cohesion", group="EU", session=None)[0]
    assert eu["group"] == "EU" and eu["member_positions"] > 0
    assert 0 <= eu["cohesion"] <= 1
    assert eu["agreeing"] <= eu["member_positions"]


def test_state_timeline(loaded_store):
    rows = loaded_store.run("state_timeline", actor="USA")
    sessions = [r["session"] for r in rows]
    assert "AHC-7" in sessions and sessions.index("AHC-1") < sessions.index("AHC-7")
    ahc7 = next(r for r in rows if r["session"] == "AHC-7")
    assert ahc7["supported"] > ahc7["opposed"] > 0
    assert ahc7["bloc"] is not None and 0 < ahc7["confidence"] <= 1


def test_browser_session_graph(loaded_store):
    rows = loaded_store.run("browser_session_graph", session="AHC-7", method="net")
    assert rows
    bloc = rows[0]["b"]
    assert "Bloc" in bloc["_labels"] and any(lab.startswith("Color") for lab in bloc["_labels"])
    assert rows[0]["a"]["code"] and rows[0]["m"]["_type"] == "IN_BLOC"


def test_query_cli_prints_rows(loaded_dir):
    r = blocs("query", "group_cohesion", "-p", "group=EU", "-p", "session=null",
              "--format", "csv", data_dir=loaded_dir)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith("group,name,proposals")
    bad = blocs("query", "group_cohesion", "-p", "group=EU", data_dir=loaded_dir)
    assert bad.returncode == 1 and "missing session" in bad.stderr
