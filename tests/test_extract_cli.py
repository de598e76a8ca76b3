"""`blocs extract` and `blocs load --report` end to end (real CLI, real embedded database)."""

from __future__ import annotations

import json

from tests.conftest import Neo4jTarget, blocs, counts, open_store

REPORT = (
    "Concluding session, day 3 (31 January 2024).\n"
    "Norway proposed to delete paragraph 3, which was supported by Chile, Japan, Swizterland "
    "and Lichtenstein, but opposed by Iran and Jamaica (on behalf of the Caribbean Community).\n"
)


def test_extract_prints_events_without_writing(tmp_path, data_dir):
    path = tmp_path / "day3.txt"
    path.write_text(REPORT, encoding="utf-8")
    r = blocs("extract", str(path), "--session", "AHC-7", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    events = doc["documents"][0]["events"]
    nor = next(e for e in events if e["proposer"] == "NOR")
    assert set(nor["support"]) == {"CHL", "JPN", "LIE"} and set(nor["oppose"]) == {"IRN", "JAM"}
    assert nor["on_behalf_of"] == {"JAM": "CARICOM"}
    assert REPORT[nor["char_start"] : nor["char_end"]].startswith("Norway")
    assert "Swizterland" in r.stderr and "Switzerland" in r.stderr, "reported, not dropped"
    if isinstance(data_dir, Neo4jTarget):  # wiped by the fixture: still empty
        s = open_store(data_dir)
        try:
            assert not s.run("positions", session=None), "extract writes nothing"
        finally:
            s.close()
    else:
        assert not data_dir.exists(), "extract writes nothing"


def test_load_report_writes_events_with_provenance_idempotently(tmp_path, data_dir, store):
    path = tmp_path / "day3.txt"
    path.write_text(REPORT, encoding="utf-8")
    loads = []
    for _ in range(2):
        r = blocs("load", "--report", str(path), "--session", "AHC-7", data_dir=data_dir)
        assert r.returncode == 0, r.stderr
        loads.append(counts(store))
    assert loads[0] == loads[1] and loads[0][1]["SUPPORTED"] >= 4
    rows = store.run("positions", session="AHC-7")
    assert {(r["actor"], r["stance"]) for r in rows} >= {("NOR", "support"), ("IRN", "oppose")}
    assert all(r["source"].startswith(str(path)) for r in rows)
    texts = store.run("article_proposals", issue="")
    assert any("Norway" in (t["option"] or "") or t["proposer"] == "NOR" for t in texts)


def test_undecodable_report_is_a_clear_error(tmp_path, data_dir):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Norway proposed \xff\xfe things")
    r = blocs("load", "--report", str(path), "--session", "AHC-7", data_dir=data_dir)
    assert r.returncode == 1 and "not UTF-8" in r.stderr and "Traceback" not in r.stderr


def test_min_confidence_keeps_only_the_surer_events(tmp_path, data_dir):
    path = tmp_path / "day3.txt"
    path.write_text(REPORT + "Peru called for a review clause.\n", encoding="utf-8")
    runs = {}
    for t in ("0", "0.95"):
        r = blocs("extract", str(path), "--session", "AHC-7", "--min-confidence", t,
                  data_dir=data_dir)  # fmt: skip
        assert r.returncode == 0, r.stderr
        runs[t] = json.loads(r.stdout)["documents"][0]["events"]
    assert all(e["confidence"] >= 0.95 for e in runs["0.95"])
    assert {e["char_start"] for e in runs["0.95"]} <= {e["char_start"] for e in runs["0"]}
    assert len(runs["0.95"]) < len(runs["0"])
    bad = blocs("extract", str(path), "--min-confidence", "2", data_dir=data_dir)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
