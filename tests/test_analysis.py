"""analyze / analyze_sessions / allies: the entry points the CLI and notebooks call."""

from __future__ import annotations

import json
import random

import pytest

from graphkit.analysis import BlocReport, allies, analyze, analyze_sessions
from graphkit.errors import InvalidParams
from graphkit.model import Position
from graphkit.projection import project

GROUPS = {"WEOG": ["A00", "A01", "A02", "A03", "A04", "A05"], "GRULAC": ["C00", "C01", "C02"]}


def camps_positions(camps, *, session="AHC-1", proposals=40, noise=0.1, seed=0, vote=False):
    """Each camp (list of actors) takes one side per proposal; actors stray with `noise`."""
    rng = random.Random(seed)
    sides = ("yes", "no") if vote else ("support", "oppose")
    rows = []
    for k in range(proposals):
        camp_side = [rng.choice(sides) for _ in camps]
        for camp, side in zip(camps, camp_side, strict=True):
            for actor in camp:
                stance = side if rng.random() > noise else rng.choice(sides)
                rows.append(
                    Position(
                        actor,
                        f"{session}-P{k:03d}",
                        None,
                        stance,
                        session,
                        kind="vote" if vote else "position",
                    )
                )
    return rows


def camp(letter, size):
    return [f"{letter}{i:02d}" for i in range(size)]


def as_sets(report: BlocReport):
    return {frozenset(b.members) for b in report.blocs}


@pytest.fixture(scope="module")
def three_camps():
    camps = [camp("A", 8), camp("B", 8), camp("C", 8)]
    rows = camps_positions(camps)
    rows += [Position("Z99", "AHC-1-P000", None, "support", "AHC-1")]  # one position only
    return rows, {frozenset(c) for c in camps}


def test_report_recovers_camps_and_has_the_json_shape(three_camps):
    rows, truth = three_camps
    report = analyze(rows, membership=GROUPS, session_label="AHC-1", runs=20, null_shuffles=5)
    assert as_sets(report) == truth
    assert report.excluded == ("Z99",)
    assert report.positions_used == len(rows) - 1
    d = json.loads(json.dumps(report.to_dict()))
    required = {
        "session",
        "method",
        "resolution",
        "modularity",
        "zscore",
        "blocs",
        "membership",
        "excluded",
        "positions_used",
    }
    assert required <= d.keys()
    assert {"seed", "runs", "expand_groups", "frustration"} <= d.keys()
    assert d["session"] == "AHC-1" and d["method"] == "louvain" and d["runs"] == 20
    assert d["zscore"] > 3
    assert d["excluded"] == ["Z99"]
    assert [set(b) for b in d["blocs"]] == [{"id", "label", "members", "cohesion"}] * 3
    assert d["membership"]["A03"] == {"bloc": report.membership["A03"][0], "confidence": 1.0}
    assert set(d["membership"]) == set().union(*truth)
    weog_bloc = next(b for b in d["blocs"] if "A00" in b["members"])
    assert weog_bloc["label"].endswith("+ WEOG")
    assert weog_bloc["cohesion"] > 0.5
    assert report.frustration < 0.2


def test_same_seed_same_report_whatever_the_input_order(three_camps):
    rows, _ = three_camps
    kwargs = dict(membership=GROUPS, runs=15, seed=4, null_shuffles=3)
    base = analyze(rows, **kwargs).to_dict()
    shuffled = rows[:]
    random.Random(9).shuffle(shuffled)
    assert analyze(shuffled, **kwargs).to_dict() == base
    assert base["session"] == "AHC-1"  # derived from the positions when not given


def test_group_statements_are_expanded_only_when_asked():
    members = camp("A", 4)
    rows = [Position("EU", f"p{k}", None, "support", "AHC-3") for k in range(4)]
    rows += [Position("USA", f"p{k}", None, "oppose", "AHC-3") for k in range(4)]
    rows += [Position("RUS", f"p{k}", None, "oppose", "AHC-3") for k in range(4)]
    membership = {"EU": members}
    expanded = analyze(rows, membership=membership, runs=5, null_shuffles=0)
    assert set(expanded.membership) == {*members, "USA", "RUS"}
    assert expanded.expand_groups is True
    assert frozenset(members) in as_sets(expanded)
    flat = analyze(rows, membership=membership, expand=False, runs=5, null_shuffles=0)
    assert set(flat.membership) == {"EU", "USA", "RUS"}
    assert flat.expand_groups is False
    assert flat.zscore is None and flat.to_dict()["zscore"] is None


def test_signed_method_splits_what_louvain_merges():
    left, right = camp("L", 6), camp("R", 6)
    rows = []
    for k in range(30):  # unanimous
        rows += [Position(a, f"U{k}", None, "support", "AHC-5") for a in left + right]
    for k in range(2):  # contested
        rows += [Position(a, f"C{k}", None, "support", "AHC-5") for a in left]
        rows += [Position(a, f"C{k}", None, "oppose", "AHC-5") for a in right]
    louvain = analyze(rows, runs=10, null_shuffles=0)
    signed = analyze(rows, method="signed", runs=10, null_shuffles=0)
    assert len(louvain.blocs) == 1 and louvain.frustration == 1.0
    assert as_sets(signed) == {frozenset(left), frozenset(right)}
    assert signed.frustration == 0.0
    assert signed.method == "signed" and signed.backend == "leiden-signed"


def test_votes_with_abstentions_find_blocs():
    camps = [camp("A", 7), camp("B", 7)]
    rows = camps_positions(camps, vote=True, session="UNGA-74", proposals=30)
    rows += [Position(a, "UNGA-74-X", None, "abstain", "UNGA-74", kind="vote") for a in camps[0]]
    report = analyze(rows, runs=10, null_shuffles=0)
    assert as_sets(report) == {frozenset(c) for c in camps}


def test_unknown_method_is_an_error(three_camps):
    with pytest.raises(InvalidParams, match="method must be one of louvain, signed"):
        analyze(three_camps[0], method="kmeans")


# --------------------------------------------------------------------------- sessions


def sessions_with_a_swing():
    """WEST is the biggest bloc, then the smallest (so its canonical id changes); A05 defects."""
    out = {}
    sizes = [(9, 6), (4, 8), (4, 8)]
    for k, (west_n, east_n) in enumerate(sizes):
        west, east = camp("W", west_n), camp("E", east_n)
        if k == 2:
            west, east = west[:-1], [*east, west[-1]]
        session = f"AHC-{k + 1}"
        out[session] = camps_positions([west, east], session=session, seed=k)
    return out


def test_analyze_sessions_gives_stable_ids_and_finds_swings():
    reports, tracking = analyze_sessions(sessions_with_a_swing(), runs=10, null_shuffles=0)
    assert [r.session for r in reports] == ["AHC-1", "AHC-2", "AHC-3"]
    west_ids = [r.membership["W00"][0] for r in reports]
    east_ids = [r.membership["E00"][0] for r in reports]
    assert len(set(west_ids)) == 1 and len(set(east_ids)) == 1
    assert west_ids[0] != east_ids[0]
    # canonical ids alone would have swapped between AHC-1 and AHC-2
    data = sessions_with_a_swing()
    alone = [analyze(data[s], runs=10, null_shuffles=0).membership["W00"][0] for s in data]
    assert alone[0] != alone[1]
    for r in reports:
        assert {b.id for b in r.blocs} == {bloc for bloc, _ in r.membership.values()}
    assert [(s.actor, s.session_from, s.session_to) for s in tracking.swings] == [
        ("W03", "AHC-2", "AHC-3")
    ]
    assert tracking.lineage["AHC-3"][east_ids[0]] == tuple(sorted([*camp("E", 8), "W03"]))


def test_parallel_sessions_give_the_same_reports():
    data = sessions_with_a_swing()
    serial, t1 = analyze_sessions(data, runs=5, null_shuffles=2)
    parallel, t2 = analyze_sessions(data, runs=5, null_shuffles=2, workers=2)
    assert [r.to_dict() for r in serial] == [r.to_dict() for r in parallel]
    assert t1.lineage == t2.lineage


# --------------------------------------------------------------------------- allies


def test_allies_and_opponents(three_camps):
    rows, _ = three_camps
    result = allies(rows, "A00", top=3)
    assert len(result.allies) == 3
    assert all(r.actor.startswith("A") for r in result.allies)
    assert result.allies[0].index >= result.allies[-1].index
    assert all(not r.actor.startswith("A") for r in result.opponents)
    assert result.opponents[0].index <= result.opponents[-1].index
    assert result.opponents[0].disagreements > 0
    same = allies(project(rows), "A00", top=3)
    assert same == result
    with pytest.raises(KeyError):
        allies(rows, "Z99")  # excluded: one position only
