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
    report = analyze(rows, membership=GROUPS, session_label="AHC-1", runs=20, null_shuffles=20)
    assert as_sets(report) == truth
    assert report.excluded == ("Z99",)
    assert report.positions_used == len(rows) - 1
    assert report.positions_stated == len(rows) and report.positions_attributed == 0
    d = json.loads(json.dumps(report.to_dict()))
    required = {
        "session", "method", "resolution", "modularity", "zscore", "blocs", "membership",
        "excluded", "positions_used", "significant", "warnings", "positions_stated",
        "positions_attributed", "opponent_pairs_together", "bootstrap", "questions",
    }  # fmt: skip
    assert required <= d.keys()
    assert {"seed", "runs", "expand_groups", "frustration"} <= d.keys()
    assert d["session"] == "AHC-1" and d["method"] == "net" and d["runs"] == 20
    assert d["significant"] is True and d["zscore"] >= 2
    assert d["bootstrap"] == 30 and d["questions"] == 40 and d["runs_done"] == 20
    assert d["excluded"] == ["Z99"]
    assert [set(b) for b in d["blocs"]] == [
        {"id", "label", "name", "color", "members", "cohesion", "stability"}
    ] * 3
    assert set(d["membership"]["A03"]) == {"bloc", "confidence", "seed_stability"}
    assert d["membership"]["A03"]["bloc"] == report.membership["A03"].bloc
    assert d["membership"]["A03"]["seed_stability"] == 1.0
    assert set(d["membership"]) == set().union(*truth)
    assert set(d["opponent_pairs_together"]) == {"count", "pairs", "rate", "together"}
    weog_bloc = next(b for b in d["blocs"] if "A00" in b["members"])
    assert weog_bloc["label"].endswith("+ WEOG")
    assert weog_bloc["cohesion"] > 0.5 and weog_bloc["stability"] > 0.9
    assert weog_bloc["color"] == weog_bloc["id"] % 8
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
    with pytest.raises(InvalidParams, match="method must be one of net, louvain, signed"):
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
        assert {b.id for b in r.blocs} == {m.bloc for m in r.membership.values()}
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


# --------------------------------------------------------------------------- trust


def backed_by_camps(west, east, proposals, session="AHC-1"):
    """West supports every proposal, East opposes it (a clear two-camp negotiation)."""
    rows = []
    for k in range(proposals):
        rows += [Position(a, f"P{k:02d}", None, "support", session) for a in west]
        rows += [Position(a, f"P{k:02d}", None, "oppose", session) for a in east]
    return rows


def test_a_state_opposing_a_camp_lands_outside_it_though_its_group_backs_the_camp():
    """SPK speaks for the group GRP on every proposal, with the West; member X says itself,
    twice, the opposite. Counted as 7 copies of SPK's word, X sat with the West; one voice
    shared among 7 members, with X's own word replacing it where X spoke, it does not."""
    west, east = camp("W", 8), camp("E", 8)
    members = ["SPK", "X", *camp("G", 5)]
    rows = backed_by_camps(west, east, 10)
    rows += [Position("SPK", f"P{k:02d}", None, "support", "AHC-1", on_behalf_of="GRP")
             for k in range(10)]  # fmt: skip
    rows += [Position("X", f"P{k:02d}", None, "oppose", "AHC-1") for k in (0, 1)]
    membership = {"GRP": members}
    report = analyze(rows, membership=membership, runs=20, null_shuffles=0, bootstrap=0)
    part = report.partition()
    assert part["X"] != part["W00"], "X opposed the West's proposals itself"
    assert part["SPK"] == part["W00"] and part["G00"] == part["W00"]
    assert report.positions_attributed == 6 * 10 - 2  # X's own word replaced two copies
    # the old reading (every copy a full statement, disagreement ignored) got it wrong
    old = analyze(rows, membership=membership, runs=20, null_shuffles=0, bootstrap=0,
                  method="louvain", group_weight=1.0)  # fmt: skip
    assert old.partition()["X"] == old.partition()["W00"]


def test_random_sessions_are_flagged_not_significant():
    """Sides dealt at random: the test (z >= 2 and above every shuffle, 20 shuffles) should
    call at most about 1 in 40 significant; 12 sessions, so one false alarm is tolerated."""
    flagged = []
    for seed in range(12):
        rng = random.Random(seed)
        actors = [f"R{i:02d}" for i in range(rng.choice((12, 24, 36)))]
        rows = [
            Position(a, f"P{k:02d}", None, rng.choice(("support", "oppose")), "AHC-3")
            for k in range(rng.choice((15, 30, 45)))
            for a in actors
            if rng.random() < 0.7
        ]
        noise = analyze(rows, runs=10, bootstrap=0)
        flagged.append(noise.significant)
        if not noise.significant:
            assert any(w.startswith("not significant") for w in noise.warnings)
    assert sum(flagged) <= 1, flagged
    camps = analyze(backed_by_camps(camp("W", 12), camp("E", 12), 30), runs=20)
    assert camps.significant is True and camps.zscore >= 2


def test_an_actor_placed_by_one_position_gets_low_confidence():
    rows = camps_positions([camp("A", 8), camp("B", 8)], proposals=30, noise=0.05)
    rows.append(Position("Z99", "AHC-1-P000", None, "support", "AHC-1"))
    report = analyze(rows, runs=20, null_shuffles=0, min_positions=1)
    z = report.membership["Z99"]
    assert z.confidence < 0.7, "absent from every resample that misses its one proposal"
    assert z.seed_stability == 1.0, "the seed alone would have read full confidence"
    firm = [report.membership[a].confidence for a in camp("A", 8)]
    assert min(firm) > 0.9
    assert report.to_dict()["membership"]["Z99"]["confidence"] == pytest.approx(z.confidence)


def test_group_weight_is_one_voice_shared_by_the_members():
    members = camp("M", 4)
    rows = [Position("EU", f"p{k}", None, "support", "AHC-3") for k in range(3)]
    rows += [Position("USA", f"p{k}", None, "support", "AHC-3") for k in range(3)]
    report = analyze(rows, membership={"EU": members}, runs=5, null_shuffles=0, bootstrap=0)
    G = report.graph
    assert G.edges["M00", "USA"]["agreements"] == pytest.approx(3 * 0.25)
    assert G.edges["M00", "M01"]["agreements"] == pytest.approx(3 * 0.25)
    assert report.positions_stated == 6 and report.positions_attributed == 12
    fixed = analyze(rows, membership={"EU": members}, runs=5, null_shuffles=0, bootstrap=0,
                    group_weight=0.5)  # fmt: skip
    assert fixed.graph.edges["M00", "USA"]["agreements"] == pytest.approx(1.5)


def test_weak_sessions_get_ids_but_no_swings():
    west, east = camp("W", 8), camp("E", 8)
    strong = backed_by_camps(west, east, 20, session="AHC-1")
    rng = random.Random(3)
    mixed = [*west[:4], *east[4:]], [*east[:4], *west[4:]]  # noise: camps reshuffled
    weak = [
        Position(a, f"Q{k:02d}", None, rng.choice(("support", "oppose")), "AHC-2")
        for k in range(12)
        for a in [*mixed[0], *mixed[1]]
    ]
    later = backed_by_camps(west, east, 20, session="AHC-3")
    data = {"AHC-1": strong, "AHC-2": weak, "AHC-3": later}
    reports, tracking = analyze_sessions(data, runs=10)
    assert [r.significant for r in reports] == [True, False, True]
    assert tracking.weak == ("AHC-2",) and "AHC-2" not in tracking.lineage
    assert tracking.swings == ()
    assert reports[0].membership["W00"].bloc == reports[2].membership["W00"].bloc
    assert all(r.blocs for r in reports)  # the weak session's blocs still carry ids
    loose, t2 = analyze_sessions(data, runs=10, include_weak=True)
    assert t2.weak == () and "AHC-2" in t2.lineage
