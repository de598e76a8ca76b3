"""Bloc reports from the real bundled data, through the real CLI and embedded database."""

from __future__ import annotations

import json
import os

import networkx as nx
import pytest

from tests.conftest import blocs, counts, open_store

FAST = ("--runs", "20", "--bootstrap", "10")  # the null model keeps its 20 shuffles


@pytest.fixture(scope="module")
def ahc7(loaded_dir):
    result = blocs("report", "--session", "AHC-7", "--format", "json", *FAST, data_dir=loaded_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_report_json_shape(ahc7):
    assert {
        "session",
        "method",
        "resolution",
        "modularity",
        "zscore",
        "blocs",
        "membership",
        "excluded",
        "positions_used",
    } <= set(ahc7)
    assert ahc7["session"] == "AHC-7" and ahc7["method"] == "net"
    assert {"significant", "warnings", "positions_stated", "positions_attributed",
            "opponent_pairs_together"} <= set(ahc7)  # fmt: skip
    assert set(ahc7["opponent_pairs_together"]) >= {"count", "rate"}
    for bloc in ahc7["blocs"]:
        assert {"id", "label", "name", "members", "cohesion", "stability"} <= set(bloc)
        assert all(ahc7["membership"][m]["bloc"] == bloc["id"] for m in bloc["members"])
    for v in ahc7["membership"].values():
        assert set(v) == {"bloc", "confidence", "seed_stability"}
        assert 0 <= v["confidence"] <= 1 and 0 <= v["seed_stability"] <= 1
    assert ahc7["positions_used"] > 500


def test_ahc7_western_bloc_matches_the_reports(ahc7):
    """In AHC-7 the reports put the US with the UK, Canada, Australia, Japan and New Zealand,
    and against Russia, Iran, Syria, Nicaragua and Cuba."""
    member = ahc7["membership"]
    usa = member["USA"]["bloc"]
    assert all(member[c]["bloc"] == usa for c in ("GBR", "CAN", "AUS", "JPN", "NZL"))
    assert all(member[c]["bloc"] != usa for c in ("RUS", "IRN", "SYR", "NIC", "CUB"))
    assert ahc7["significant"] and ahc7["zscore"] > 3, "far from what shuffled sessions give"


def test_same_seed_same_report(loaded_dir, ahc7):
    again = blocs("report", "--session", "AHC-7", "--format", "json", *FAST, data_dir=loaded_dir)
    assert json.loads(again.stdout) == ahc7


def test_all_sessions_tracks_blocs(loaded_dir):
    result = blocs("report", "--all-sessions", "--format", "json", *FAST, data_dir=loaded_dir)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    sessions = [r["session"] for r in doc["reports"]]
    assert sessions == sorted(sessions) and {"AHC-1", "AHC-5", "AHC-7"} <= set(sessions)
    assert doc["tracking"]["sessions"] == sessions
    # the two camps keep their tracked ids from AHC-1 to AHC-7
    first, last = doc["reports"][0], doc["reports"][sessions.index("AHC-7")]
    for code in ("USA", "RUS"):
        assert first["membership"][code]["bloc"] == last["membership"][code]["bloc"]
    assert last["membership"]["USA"]["bloc"] != last["membership"]["RUS"]["bloc"]
    # every session of the calendar is listed, with data or not
    listed = {row["session"]: row for row in doc["sessions"]}
    assert set(sessions) <= set(listed)
    assert all(listed[s]["has_data"] == (s in sessions) for s in listed)


def test_write_stores_blocs_idempotently(data_dir):
    data = data_dir
    assert blocs("load", data_dir=data).returncode == 0
    for _ in range(2):
        r = blocs("report", "--all-sessions", "--write", *FAST, data_dir=data)
        assert r.returncode == 0, r.stderr
    s = open_store(data)
    try:
        labels, rels = counts(s)
        assert labels["Bloc"] >= 3 and rels["IN_BLOC"] > 100 and rels["SUCCEEDED_BY"] >= 1
        rows = s.run("state_timeline", actor="USA")
        assert any(r["bloc"] is not None for r in rows)
    finally:
        s.close()
    first_state = labels, rels
    r = blocs("report", "--all-sessions", "--write", *FAST, data_dir=data)
    s = open_store(data)
    try:
        assert counts(s) == first_state
    finally:
        s.close()


def test_write_stores_the_names_given(data_dir, tmp_path):
    """`--write --names FILE` stores each tracked bloc's name beside its id (Browser, queries)."""
    assert blocs("load", data_dir=data_dir).returncode == 0
    r = blocs("report", "--session", "AHC-7", "--format", "json", *FAST, data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    usa_bloc = next(b["id"] for b in json.loads(r.stdout)["blocs"] if "USA" in b["members"])
    names = tmp_path / "names.yaml"
    names.write_text(f"{usa_bloc}: Friends of the safeguards\n", encoding="utf-8")
    r = blocs("report", "--session", "AHC-7", "--write", "--names", str(names), *FAST,
              data_dir=data_dir)  # fmt: skip
    assert r.returncode == 0, r.stderr
    s = open_store(data_dir)
    try:
        rows = {row["session"]: row for row in s.run("state_timeline", actor="USA")}
    finally:
        s.close()
    assert rows["AHC-7"]["bloc"] == usa_bloc
    assert rows["AHC-7"]["bloc_name"] == "Friends of the safeguards"


def test_state_allies_and_opponents(loaded_dir):
    r = blocs("state", "the US", "--session", "AHC-7", "--format", "json", data_dir=loaded_dir)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["actor"] == "USA"
    assert "GBR" in {a["actor"] for a in doc["allies"]} | {"GBR"}
    assert {"RUS", "IRN"} & {a["actor"] for a in doc["opponents"]}
    assert all(a["index"] > 0 for a in doc["allies"])
    bad = blocs("state", "Atlantis", data_dir=loaded_dir)
    assert bad.returncode == 1 and bad.stderr.startswith("Error: unknown actor")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_export_for_gephi(tmp_path, loaded_dir, fmt):
    path = tmp_path / f"g.{fmt}"
    r = blocs(
        "export",
        "--format",
        fmt,
        "-o",
        str(path),
        "--session",
        "AHC-7",
        "--runs",
        "10",
        data_dir=loaded_dir,
    )
    assert r.returncode == 0, r.stderr
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "no partial file is left"
    umask = os.umask(0o022)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask, "the mode of a plainly written file"
    if fmt == "csv":
        assert path.read_text().startswith("source,target,agreements")
        return
    G = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert G.number_of_nodes() > 50
    assert G.nodes["USA"]["bloc"] == G.nodes["GBR"]["bloc"] != G.nodes["RUS"]["bloc"]


def test_export_checks_its_path_before_opening_the_store(tmp_path):
    not_a_store = tmp_path / "a_file"
    not_a_store.write_text("not a data folder")
    r = blocs("export", "-o", str(tmp_path), data_dir=not_a_store)
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert r.stderr.startswith(f"Error: {tmp_path}: is a folder"), r.stderr
    assert not_a_store.read_text() == "not a data folder"


def test_wrong_or_empty_sessions_are_one_line_errors_listing_sessions_with_data(loaded_dir):
    from graphkit import api

    s = open_store(loaded_dir)
    try:
        calendar = api.session_calendar(s, "positions")
    finally:
        s.close()
    with_data = [c.id for c in calendar if c.has_data]
    empty = [c.id for c in calendar if not c.has_data]
    listed = "sessions with positions: " + ", ".join(with_data)
    for session in ["ahc-7", "AHC-9", *empty[:1]]:
        r = blocs("report", "--session", session, data_dir=loaded_dir)
        assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
        assert r.stderr.startswith("Error: ") and listed in r.stderr
        assert "load data first" not in r.stderr
    assert "did you mean AHC-7" in blocs("report", "--session", "ahc-7", data_dir=loaded_dir).stderr


def test_query_command_refuses_write_queries_and_lists_reads_only(loaded_dir):
    before = blocs("db", "status", "--format", "json", data_dir=loaded_dir).stdout
    for name in ("reset", "clear_blocs", "write_sessions"):
        r = blocs("query", name, "-p", "rows=[]", data_dir=loaded_dir)
        assert r.returncode == 1, r.stdout
        assert r.stderr.count("\n") == 1 and "runs read queries only" in r.stderr
    listed = json.loads(blocs("query", "--list", "--format", "json", data_dir=loaded_dir).stdout)
    names = {row["name"] for row in listed}
    assert "positions" in names and not names & {"reset", "clear_blocs", "write_sessions"}
    assert blocs("db", "status", "--format", "json", data_dir=loaded_dir).stdout == before


def test_load_option_combinations_are_checked(tmp_path):
    r = blocs("load", "--session", "AHC-7", data_dir=tmp_path / "db")
    assert r.returncode == 1 and "applies to prose reports only" in r.stderr
    r = blocs("load", "--roll-calls", "x.csv", data_dir=tmp_path / "db")
    assert r.returncode == 1 and "apply to a votes file" in r.stderr
    assert not (tmp_path / "db" / "dump.rdb").exists()
