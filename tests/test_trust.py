"""Blocs a user can trust, checked on the real bundled data (issue 12's "done when" lines).

One analysis with the default parameters, shared by the tests; independent checks (the Cypher
aggregation of the database) where a number could otherwise only agree with itself.
"""

from __future__ import annotations

import json

import pytest

from graphkit import api
from graphkit.params import Params
from graphkit.store.export import Window
from tests.conftest import blocs, open_store


@pytest.fixture(scope="module")
def tracked(loaded_dir):

    s = open_store(loaded_dir)
    try:
        reports, tracking = api.session_reports(s, Window(), Params())
        kinds = api.context(s).kinds
        clear = {}  # session -> clear-opponent pairs, from the database's own aggregation
        for r in reports:
            rows = s.run("pairwise_agreement", session=r.session)
            clear[r.session] = {
                (x["x"], x["y"]) for x in rows
                if x["agreements"] == 0 and x["disagreements"] >= 2
                and kinds.get(x["x"]) != "group" and kinds.get(x["y"]) != "group"
            }  # fmt: skip
        yield {r.session: r for r in reports}, tracking, clear
    finally:
        s.close()


def test_mexico_and_brazil_are_not_in_the_russia_china_bloc_in_ahc1(tracked):
    part = tracked[0]["AHC-1"].partition()
    camp = part["RUS"]
    assert part["CHN"] == camp
    assert part["MEX"] != camp and part["BRA"] != camp


def test_at_most_one_percent_of_clear_opponents_share_a_bloc(tracked):
    reports, _, clear = tracked
    together = placed = 0
    for session, pairs in clear.items():
        part = reports[session].partition()
        both = [(a, b) for a, b in pairs if a in part and b in part]
        placed += len(both)
        together += sum(part[a] == part[b] for a, b in both)
        got = reports[session].opponent_pairs_together
        assert (got.count, got.pairs) == (sum(part[a] == part[b] for a, b in both), len(both))
    assert placed > 100
    assert together <= 0.01 * placed, f"{together} of {placed} clear opponents in one bloc"


def test_thin_sessions_carry_warnings(tracked):
    reports = tracked[0]
    assert reports["AHC-5"].warnings
    thin = reports["AHC-7R"]
    assert not thin.significant
    assert any(w.startswith(("few positions", "few actors")) for w in thin.warnings)
    assert any(w.startswith("single-actor blocs") for w in thin.warnings)
    assert reports["AHC-7"].significant


def test_group_statements_count_once_and_stated_positions_are_counted_apart(tracked):
    from loaders.coverage import coverage

    ahc1 = tracked[0]["AHC-1"]
    stated = next(r.positions for r in coverage() if r.session == "AHC-1")
    assert ahc1.positions_stated == stated, "the positions the AHC-1 sources record"
    assert ahc1.positions_attributed > ahc1.positions_stated
    eu = next(b for b in ahc1.blocs if "DEU" in b.members)
    assert not set(eu.label.split(" + ")[0].split(", ")) & {"AUT", "BEL", "BGR"}, eu.label


def test_the_russia_china_camp_is_labelled_by_its_leading_members(tracked):
    ahc7 = tracked[0]["AHC-7"]
    camp = next(b for b in ahc7.blocs if "RUS" in b.members)
    assert "RUS" in camp.label.split(" + ")[0]


def test_swings_and_lineage_come_from_significant_sessions(tracked):
    reports, tracking, _ = tracked
    # sessions with blocs that are not significant (sessions with no bloc are not tracked)
    weak = {s for s, r in reports.items() if not r.significant and r.blocs}
    assert set(tracking.weak) == weak and not weak & set(tracking.lineage)
    for w in tracking.swings:
        assert w.session_from not in weak and w.session_to not in weak


def test_one_bloc_one_id_in_every_output(tracked, loaded_dir, tmp_path):

    ahc7 = tracked[0]["AHC-7"]
    s = open_store(loaded_dir)
    try:
        alone = api.window_report(s, Window(sessions=("AHC-7",)), Params())
        _, result = api.validate_against_vote(s, Window(sessions=("AHC-7",)), "UNGA-RC-9087")
        G = api.bloc_graph(s, Window(sessions=("AHC-7",)), Params())
    finally:
        s.close()
    assert alone.partition() == ahc7.partition()
    assert set(result.blocs) <= {b.id for b in ahc7.blocs}
    assert all(G.nodes[a]["bloc"] == m.bloc for a, m in ahc7.membership.items())
    assert all(G.nodes[a]["color"] == m.bloc % 8 for a, m in ahc7.membership.items())
    tracking = tracked[1]
    assert tracking.lineage["AHC-7"] == {b.id: b.members for b in ahc7.blocs}


def test_state_gives_the_numbers_of_the_allies_in_session_query(loaded_dir):

    s = open_store(loaded_dir)
    try:
        for session, actor in (("AHC-1", "MEX"), ("AHC-1", "RUS"), ("AHC-7", "USA")):
            params = Params(min_positions=1, expand=False)
            result = api.state_relations(s, actor, Window(sessions=(session,)), params, top=1000)
            rows = s.run("allies_in_session", actor=actor, session=session)
            by = {r["actor"]: r for r in rows}
            for rel in (*result.allies, *result.opponents):
                row = by[rel.actor]
                assert (row["agreements"], row["disagreements"], row["shared"]) == (
                    rel.agreements, rel.disagreements, rel.cooccurrences)  # fmt: skip
            assert [r["actor"] for r in rows if r["agreements"] > 0] == [
                r.actor for r in result.allies]  # fmt: skip
    finally:
        s.close()


def test_strongest_opponents_are_ranked_by_the_evidence_behind_them(loaded_dir):
    r = blocs("state", "RUS", "--session", "AHC-1", "--format", "json", "--top", "5",
              data_dir=loaded_dir)  # fmt: skip
    assert r.returncode == 0, r.stderr
    foes = json.loads(r.stdout)["opponents"]
    assert [f["index"] for f in foes] == sorted(f["index"] for f in foes)
    keys = [(f["index"], -(f["agreements"] + f["disagreements"])) for f in foes]
    assert keys == sorted(keys)
    assert not {"AUT", "BEL", "BGR", "CYP", "CZE"} & {f["actor"] for f in foes}


def test_users_name_blocs_by_tracked_id(loaded_dir, tmp_path, tracked):
    camp = tracked[0]["AHC-7"].membership["RUS"].bloc
    names = tmp_path / "names.yaml"
    names.write_text(f"{camp}: Like-minded group\n", encoding="utf-8")
    r = blocs("report", "--session", "AHC-7", "--format", "json", "--names", str(names),
              data_dir=loaded_dir)  # fmt: skip
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    named = next(b for b in doc["blocs"] if b["id"] == camp)
    assert named["name"] == "Like-minded group" and "RUS" in named["members"]
    names.write_text("camp: [1, 2]\n", encoding="utf-8")
    bad = blocs("report", "--session", "AHC-7", "--names", str(names), data_dir=loaded_dir)
    assert bad.returncode == 1 and "bloc ids are whole numbers" in bad.stderr
