"""Projection: counting rules, group expansion, exclusion, and a brute-force reference."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from dataclasses import replace

import numpy as np
import pytest

from graphkit.model import Position
from graphkit.projection import EdgeList, dedupe, expand_groups, project


def pos(actor, proposal, stance, issue=None, kind="position", **kw):
    kw.setdefault("session", "AHC-1")
    return Position(actor=actor, proposal=proposal, issue=issue, stance=stance, kind=kind, **kw)


def edge(proj, a, b):
    return proj.graph.edges[a, b]


# --------------------------------------------------------------------------- stated positions


def test_same_side_agrees_opposite_sides_disagree_neutral_only_cooccurs():
    rows = [
        pos("AAA", "p1", "support"),
        pos("BBB", "p1", "support"),
        pos("CCC", "p1", "oppose"),
        pos("DDD", "p1", "neutral"),
        pos("AAA", "p2", "oppose"),
        pos("BBB", "p2", "oppose"),
        pos("CCC", "p2", "support"),
        pos("DDD", "p2", "neutral"),
    ]
    proj = project(rows, min_positions=1)
    ab, ac, ad = edge(proj, "AAA", "BBB"), edge(proj, "AAA", "CCC"), edge(proj, "AAA", "DDD")
    assert (ab["agreements"], ab["disagreements"], ab["cooccurrences"]) == (2, 0, 2)
    assert ab["index"] == 1.0 and ab["weight"] == 1.0
    assert (ac["agreements"], ac["disagreements"], ac["cooccurrences"]) == (0, 2, 2)
    assert ac["index"] == -1.0 and ac["weight"] == 0.0
    assert (ad["agreements"], ad["disagreements"], ad["cooccurrences"]) == (0, 0, 2)
    assert ad["index"] == 0.0


def test_competing_options_of_one_issue_disagree():
    # two options of one issue: AAA and BBB back option 1, CCC backs option 2
    rows = [
        pos("AAA", "opt1", "support", issue="jurisdiction"),
        pos("BBB", "opt1", "support", issue="jurisdiction"),
        pos("CCC", "opt2", "support", issue="jurisdiction"),
    ]
    proj = project(rows, min_positions=1)
    ac = edge(proj, "AAA", "CCC")
    assert (ac["agreements"], ac["disagreements"], ac["cooccurrences"]) == (0, 1, 1)
    assert ac["index"] == -1.0
    ab = edge(proj, "AAA", "BBB")
    # one shared proposal plus the issue both spoke on
    assert (ab["agreements"], ab["disagreements"], ab["cooccurrences"]) == (1, 0, 2)


def test_same_option_ids_in_different_issues_do_not_compete():
    rows = [pos("AAA", "opt1", "support", issue="i1"), pos("CCC", "opt2", "support", issue="i2")]
    proj = project(rows, min_positions=1)
    assert not proj.graph.has_edge("AAA", "CCC")


def test_backing_an_option_vs_opposing_another_gives_no_signal():
    rows = [
        pos("AAA", "opt1", "support", issue="i"),
        pos("CCC", "opt2", "oppose", issue="i"),
    ]
    proj = project(rows, min_positions=1)
    ac = edge(proj, "AAA", "CCC")
    assert (ac["agreements"], ac["disagreements"], ac["cooccurrences"]) == (0, 0, 1)


def test_backing_both_options_does_not_compete_with_backing_one():
    rows = [
        pos("AAA", "opt1", "support", issue="i"),
        pos("AAA", "opt2", "support", issue="i"),
        pos("BBB", "opt1", "support", issue="i"),
    ]
    ab = edge(project(rows, min_positions=1), "AAA", "BBB")
    assert (ab["agreements"], ab["disagreements"]) == (1, 0)


def test_direct_and_issue_level_disagreement_add_up_within_cooccurrence():
    rows = [
        pos("AAA", "opt1", "support", issue="i"),
        pos("AAA", "opt2", "oppose", issue="i"),
        pos("BBB", "opt1", "oppose", issue="i"),
        pos("BBB", "opt2", "support", issue="i"),
    ]
    ab = edge(project(rows, min_positions=1), "AAA", "BBB")
    assert (ab["agreements"], ab["disagreements"], ab["cooccurrences"]) == (0, 3, 3)


# --------------------------------------------------------------------------- votes


def test_vote_abstention_counts_half_a_disagreement():
    rows = []
    for k, (a, b) in enumerate(
        [("yes", "yes"), ("no", "no"), ("abstain", "abstain"), ("yes", "no"), ("yes", "abstain")]
    ):
        rows += [pos("AAA", f"rc{k}", a, kind="vote"), pos("BBB", f"rc{k}", b, kind="vote")]
    proj = project(rows, min_positions=1)
    ab = edge(proj, "AAA", "BBB")
    assert ab["agreements"] == 3
    assert ab["disagreements"] == 1.5
    assert ab["cooccurrences"] == 5
    assert ab["index"] == pytest.approx((3 - 1.5) / 4.5)


def test_abstain_weight_is_a_parameter():
    rows = [pos("AAA", "rc", "abstain", kind="vote"), pos("BBB", "rc", "no", kind="vote")]
    proj = project(rows, min_positions=1, abstain_weight=1.0)
    assert edge(proj, "AAA", "BBB")["disagreements"] == 1.0
    assert proj.abstain_weight == 1.0


def test_votes_sharing_an_issue_are_not_competing_options():
    # paragraph vote and whole-resolution vote under one resolution key
    rows = [
        pos("AAA", "rc-para", "yes", issue="res-1", kind="vote"),
        pos("BBB", "rc-whole", "yes", issue="res-1", kind="vote"),
    ]
    assert not project(rows, min_positions=1).graph.has_edge("AAA", "BBB")


# --------------------------------------------------------------------------- exclusion, dedupe


def test_min_positions_excludes_sparse_actors():
    rows = [pos("AAA", f"p{k}", "support") for k in range(3)]
    rows += [pos("BBB", f"p{k}", "support") for k in range(3)]
    rows += [pos("CCC", f"p{k}", "support") for k in range(2)]
    proj = project(rows, min_positions=3)
    assert proj.excluded == ("CCC",)
    assert set(proj.graph.nodes) == {"AAA", "BBB"}
    assert proj.positions_used == 6
    assert proj.position_counts == {"AAA": 3, "BBB": 3, "CCC": 2}
    assert proj.graph.nodes["AAA"]["positions"] == 3
    assert project(rows, min_positions=2).excluded == ()


def test_min_cooccurrences_drops_thin_edges():
    rows = [pos("AAA", "p1", "support"), pos("BBB", "p1", "support"), pos("AAA", "p2", "oppose")]
    rows += [pos("BBB", "p2", "oppose"), pos("CCC", "p2", "support")]
    proj = project(rows, min_positions=1, min_cooccurrences=2)
    assert list(proj.graph.edges) == [("AAA", "BBB")]


def test_dedupe_latest_wins_and_same_day_conflict_is_neutral():
    rows = [
        pos("AAA", "p1", "oppose", date="2023-01-10"),
        pos("AAA", "p1", "support", date="2023-01-12"),
        pos("BBB", "p1", "support", date="2023-01-12"),
        pos("BBB", "p1", "oppose", date="2023-01-12"),
    ]
    cells = {(p.actor, p.proposal): p.stance for p in dedupe(rows)}
    assert cells == {("AAA", "p1"): "support", ("BBB", "p1"): "neutral"}
    assert dedupe(list(reversed(rows))) == dedupe(rows)


def test_unknown_stance_is_an_error():
    with pytest.raises(ValueError, match="unknown stance"):
        project([pos("AAA", "p1", "maybe")])


# --------------------------------------------------------------------------- group expansion


MEMBERSHIP = {"EU": ["FRA", "DEU", "ITA"], "AFRICAN_GROUP": ["EGY", "NGA"], "ARAB_GROUP": ["EGY"]}


def test_group_position_is_copied_to_members_and_own_position_wins():
    rows = [
        pos("EU", "p1", "support"),
        pos("ITA", "p1", "oppose"),  # its own word beats the EU's
    ]
    out = {(p.actor, p.proposal): p for p in expand_groups(rows, MEMBERSHIP)}
    assert {a for a, _ in out} == {"FRA", "DEU", "ITA"}  # pure grouping row dropped
    assert out[("FRA", "p1")].stance == "support"
    assert out[("FRA", "p1")].on_behalf_of == "EU"
    assert out[("ITA", "p1")].stance == "oppose"


def test_on_behalf_of_speaker_keeps_its_row_and_members_get_copies():
    rows = [pos("NGA", "p1", "oppose", on_behalf_of="AFRICAN_GROUP", proposer=True)]
    out = {(p.actor, p.proposal): p for p in expand_groups(rows, MEMBERSHIP)}
    assert set(out) == {("NGA", "p1"), ("EGY", "p1")}
    assert out[("NGA", "p1")].proposer is True
    assert out[("EGY", "p1")].proposer is False
    assert out[("EGY", "p1")].stance == "oppose"


def test_conflicting_groups_leave_the_shared_member_without_a_position():
    rows = [pos("AFRICAN_GROUP", "p1", "support"), pos("ARAB_GROUP", "p1", "oppose")]
    out = {(p.actor, p.stance) for p in expand_groups(rows, MEMBERSHIP)}
    assert out == {("NGA", "support")}  # EGY is in both, they disagree
    rows[1] = pos("ARAB_GROUP", "p1", "support")
    assert ("EGY", "support") in {(p.actor, p.stance) for p in expand_groups(rows, MEMBERSHIP)}


def test_group_latest_statement_counts_before_conflict_check():
    rows = [
        pos("EU", "p1", "oppose", date="2023-01-01"),
        pos("EU", "p1", "support", date="2023-02-01"),
    ]
    out = {(p.actor, p.stance) for p in expand_groups(rows, MEMBERSHIP)}
    assert out == {("FRA", "support"), ("DEU", "support"), ("ITA", "support")}


def test_actor_kinds_keep_rows_of_groups_that_are_parties():
    rows = [pos("EU", "p1", "support"), pos("AFRICAN_GROUP", "p1", "oppose")]
    kinds = {"EU": "observer", "AFRICAN_GROUP": "group"}
    actors = {p.actor for p in expand_groups(rows, MEMBERSHIP, kinds)}
    assert "EU" in actors and "AFRICAN_GROUP" not in actors


def test_expansion_is_deterministic_and_idempotent():
    rows = [
        pos("EU", "p1", "support"),
        pos("NGA", "p2", "oppose", on_behalf_of="AFRICAN_GROUP"),
        pos("FRA", "p2", "support"),
        pos("ITA", "p1", "oppose"),
    ]
    once = expand_groups(rows, MEMBERSHIP)
    rng = random.Random(3)
    for _ in range(5):
        shuffled = rows[:]
        rng.shuffle(shuffled)
        assert expand_groups(shuffled, MEMBERSHIP) == once
    assert expand_groups(once, MEMBERSHIP) == once


def test_projection_of_expanded_group_links_members():
    rows = [pos("EU", f"p{k}", "support") for k in range(3)]
    rows += [pos("USA", f"p{k}", "oppose") for k in range(3)]
    proj = project(expand_groups(rows, MEMBERSHIP))
    assert set(proj.graph.nodes) == {"DEU", "FRA", "ITA", "USA"}
    assert edge(proj, "DEU", "FRA")["index"] == 1.0
    assert edge(proj, "FRA", "USA")["index"] == -1.0


# --------------------------------------------------------------------------- determinism


def test_graph_is_built_in_sorted_order_and_ignores_input_order():
    rows = random_positions(random.Random(7), actors=12, proposals=20)
    base = project(rows, min_positions=2)
    assert list(base.graph.nodes) == sorted(base.graph.nodes)
    assert list(base.graph.edges) == sorted(tuple(sorted(e)) for e in base.graph.edges)
    rng = random.Random(1)
    for _ in range(3):
        shuffled = rows[:]
        rng.shuffle(shuffled)
        other = project(shuffled, min_positions=2)
        assert list(other.graph.nodes) == list(base.graph.nodes)
        assert list(other.graph.edges(data=True)) == list(base.graph.edges(data=True))


def test_edge_arrays_match_the_graph():
    proj = project(random_positions(random.Random(2), actors=10, proposals=15), min_positions=1)
    from_graph = EdgeList.from_graph(proj.graph)
    assert from_graph.nodes == proj.edges.nodes
    assert (from_graph.pairs == proj.edges.pairs).all()
    for key in ("agreements", "disagreements", "cooccurrences", "index", "weight"):
        assert from_graph.attrs[key] == pytest.approx(proj.edges.attrs[key])


# --------------------------------------------------------------------------- brute force


def random_positions(rng, actors=9, proposals=14, issues=4):
    codes = [f"A{k:02d}" for k in range(actors)]
    rows = []
    for k in range(proposals):
        kind = "vote" if rng.random() < 0.35 else "position"
        issue = f"i{rng.randrange(issues)}" if rng.random() < 0.7 else None
        stances = ("yes", "no", "abstain") if kind == "vote" else ("support", "oppose", "neutral")
        for code in codes:
            if rng.random() < 0.55:
                rows.append(pos(code, f"p{k:02d}", rng.choice(stances), issue=issue, kind=kind))
    # a few duplicate records, some conflicting, some with dates
    for p in rng.sample(rows, min(5, len(rows))):
        rows.append(Position(**{**p.__dict__, "stance": p.stance, "date": "2024-01-01"}))
    return rows


SIDE = {"support": 1, "yes": 1, "oppose": -1, "no": -1, "abstain": 0}


def reference(rows, min_positions, abstain_weight=0.5):
    """Pairwise loops over the counting rules, written independently of the matrix code."""
    cells = {(p.actor, p.proposal): p for p in dedupe(rows)}
    count = defaultdict(int)
    for actor, _ in cells:
        count[actor] += 1
    keep = sorted(a for a, c in count.items() if c >= min_positions)
    options = defaultdict(set)
    for p in cells.values():
        if p.kind == "position" and p.issue is not None:
            options[p.issue].add(p.proposal)
    multi = {i for i, o in options.items() if len(o) > 1}
    proposals = sorted({prop for _, prop in cells})
    out = {}
    for a, b in itertools.combinations(keep, 2):
        agree = disagree = cooc = 0
        for prop in proposals:
            pa, pb = cells.get((a, prop)), cells.get((b, prop))
            if pa is None or pb is None:
                continue
            cooc += 1
            sa, sb = SIDE.get(pa.stance), SIDE.get(pb.stance)
            if sa is None or sb is None:
                continue
            if sa == sb:
                agree += 1
            elif sa == 0 or sb == 0:
                disagree += abstain_weight
            else:
                disagree += 1
        for issue in sorted(multi):

            def stated(actor, issue=issue):
                return [
                    p
                    for (x, _), p in cells.items()
                    if x == actor and p.kind == "position" and p.issue == issue
                ]

            ra, rb = stated(a), stated(b)
            if ra and rb:
                cooc += 1
                back_a = {p.proposal for p in ra if p.stance == "support"}
                back_b = {p.proposal for p in rb if p.stance == "support"}
                if back_a and back_b and not back_a & back_b:
                    disagree += 1
        if cooc:
            out[(a, b)] = (agree, disagree, cooc)
    return keep, out


@pytest.mark.parametrize("seed", range(12))
def test_projection_equals_brute_force_reference(seed):
    rng = random.Random(seed)
    rows = random_positions(rng, actors=rng.randint(3, 10), proposals=rng.randint(4, 16))
    min_positions = rng.choice([1, 2, 3])
    proj = project(rows, min_positions=min_positions)
    keep, ref = reference(rows, min_positions)
    assert list(proj.graph.nodes) == keep
    got = {
        (u, v): (d["agreements"], d["disagreements"], d["cooccurrences"])
        for u, v, d in proj.graph.edges(data=True)
    }
    assert got.keys() == ref.keys()
    for key, (a, d, c) in ref.items():
        assert got[key] == pytest.approx((a, d, c)), key
        index = proj.graph.edges[key]["index"]
        assert index == pytest.approx((a - d) / (a + d) if a + d else 0.0)
        assert -1.0 <= index <= 1.0
        assert a + d <= c


# --------------------------------------------------------------------------- weights


def weighted_reference(rows, min_positions, abstain_weight=0.5):
    """`reference` with weighted positions: each comparison counts the smaller weight."""
    cells = {(p.actor, p.proposal): p for p in dedupe(rows)}
    count = defaultdict(int)
    for actor, _ in cells:
        count[actor] += 1
    keep = sorted(a for a, c in count.items() if c >= min_positions)
    options = defaultdict(set)
    for p in cells.values():
        if p.kind == "position" and p.issue is not None:
            options[p.issue].add(p.proposal)
    multi = {i for i, o in options.items() if len(o) > 1}
    out = {}
    for a, b in itertools.combinations(keep, 2):
        agree = disagree = 0.0
        for prop in sorted({prop for _, prop in cells}):
            pa, pb = cells.get((a, prop)), cells.get((b, prop))
            if pa is None or pb is None:
                continue
            w = min(pa.weight, pb.weight)
            sa, sb = SIDE.get(pa.stance), SIDE.get(pb.stance)
            if sa is None or sb is None:
                continue
            if sa == sb:
                agree += w
            elif sa == 0 or sb == 0:
                disagree += abstain_weight * w
            else:
                disagree += w
        for issue in sorted(multi):
            backs = {}
            for actor in (a, b):
                rows_ = [p for (x, _), p in cells.items() if x == actor and p.issue == issue
                         and p.kind == "position" and p.stance == "support"]  # fmt: skip
                backs[actor] = ({p.proposal for p in rows_}, max((p.weight for p in rows_),
                                                                 default=0.0))  # fmt: skip
            (opts_a, wa), (opts_b, wb) = backs[a], backs[b]
            if opts_a and opts_b and not opts_a & opts_b:
                disagree += min(wa, wb)
        out[(a, b)] = (agree, disagree)
    return keep, out


@pytest.mark.parametrize("seed", range(10))
def test_weighted_projection_equals_brute_force(seed):
    rng = random.Random(100 + seed)
    rows = random_positions(rng, actors=rng.randint(3, 9), proposals=rng.randint(4, 14))
    rows = [Position(**{**p.__dict__, "weight": rng.choice([1.0, 1.0, 0.5, 0.25, 1 / 7])})
            for p in rows]  # fmt: skip
    proj = project(rows, min_positions=1)
    assert proj.incidence.pairs is not None, "several weights: the pair-list path"
    keep, ref = weighted_reference(rows, 1)
    assert list(proj.graph.nodes) == keep
    for (a, b), (agree, disagree) in ref.items():
        if not proj.graph.has_edge(a, b):
            assert agree == disagree == 0
            continue
        d = proj.graph.edges[a, b]
        assert (d["agreements"], d["disagreements"]) == pytest.approx((agree, disagree)), (a, b)
        assert d["agreements"] + d["disagreements"] <= d["cooccurrences"] + 1e-9


def test_both_counting_paths_agree_on_equal_weights():
    from graphkit.incidence import _pairs, build

    rows = dedupe(random_positions(random.Random(5), actors=10, proposals=16))
    actors = sorted({p.actor for p in rows})
    options = defaultdict(set)
    for p in rows:
        if p.kind == "position" and p.issue:
            options[p.issue].add(p.proposal)
    multi = [i for i, o in options.items() if len(o) > 1]
    inc = build(rows, actors, multi)
    assert inc.dense is not None
    index = {a: k for k, a in enumerate(actors)}
    col = {prop: k for k, prop in enumerate(inc.proposals)}
    from graphkit.incidence import SIDE as CODES

    issue_index = {i: k for k, i in enumerate(sorted(multi))}
    issue_of = np.array([-1] * len(inc.proposals))
    for p in rows:
        if p.kind == "position" and p.issue in issue_index:
            issue_of[col[p.proposal]] = issue_index[p.issue]
    cols = np.array([col[p.proposal] for p in rows])
    arrays = (
        np.array([index[p.actor] for p in rows]), cols,
        np.array([CODES.get(p.stance, 0) for p in rows]), np.ones(len(rows)),
        np.array([p.kind == "position" for p in rows]) & (issue_of[cols] >= 0), issue_of[cols],
        inc.unit_of[cols],
    )  # fmt: skip
    listed = replace(inc, dense=None, pairs=_pairs(arrays, len(multi), 0.5, inc.unit_of))
    mult = np.random.default_rng(0).integers(0, 3, inc.n_units).astype(float)
    deal = inc.deal(np.random.default_rng(1))
    off = ~np.eye(len(actors), dtype=bool)  # the diagonal (an actor with itself) is never read
    for kwargs in ({}, {"multiplicity": mult}, {"deal": deal}):
        for x, y in zip(inc.counts(**kwargs), listed.counts(**kwargs), strict=True):
            assert x[off] == pytest.approx(y[off])


def test_a_resample_counts_like_the_duplicated_data():
    rows = random_positions(random.Random(8), actors=7, proposals=10, issues=3)
    proj = project(rows, min_positions=1)
    inc = proj.incidence
    mult = np.zeros(inc.n_units)
    mult[inc.unit_of[0]] = 2  # the first question drawn twice, the rest not at all
    agree, disagree, cooc = inc.counts(mult)
    drawn = {inc.proposals[j] for j in np.flatnonzero(inc.unit_of == inc.unit_of[0])}
    only = [p for p in dedupe(rows) if p.proposal in drawn and p.actor in proj.actors]
    again = project(only, min_positions=1)
    for u, v, d in again.graph.edges(data=True):
        i, j = inc.actors.index(u), inc.actors.index(v)
        assert agree[i, j] == pytest.approx(2 * d["agreements"])
        assert disagree[i, j] == pytest.approx(2 * d["disagreements"])
        assert cooc[i, j] == pytest.approx(2 * d["cooccurrences"])


def test_a_deal_keeps_each_question_split_and_who_took_part_in_it():
    rows = random_positions(random.Random(9), actors=9, proposals=12)
    inc = project(rows, min_positions=1).incidence
    deal = inc.deal(np.random.default_rng(4))
    for u, who in enumerate(inc.participants):
        assert sorted(deal[u, who].tolist()) == who.tolist()
    dealt_seen = inc._dealt(inc.seen, inc.unit_of, deal)
    assert (dealt_seen.sum(axis=0) == inc.seen.sum(axis=0)).all()  # each proposal's turnout

    def questions(seen):
        return [set(inc.unit_of[np.flatnonzero(row)].tolist()) for row in seen]

    assert questions(dealt_seen) == questions(inc.seen)
    assert (deal != np.arange(len(inc.actors))).any(), "someone did move"


def test_attributed_copies_carry_weight_and_yield_to_the_members_word_on_the_question():
    rows = [
        pos("EU", "opt1", "support", issue="i"),
        pos("FRA", "opt2", "support", issue="i"),  # France spoke for itself on the question
        pos("EU", "p9", "oppose"),
    ]
    out = {(p.actor, p.proposal): p for p in expand_groups(rows, MEMBERSHIP)}
    assert ("FRA", "opt1") not in out, "its own word on the issue replaces the EU's"
    assert out[("FRA", "opt2")].attributed is False and out[("FRA", "opt2")].weight == 1.0
    assert out[("DEU", "opt1")].attributed is True
    assert out[("DEU", "opt1")].weight == pytest.approx(1 / 3)
    assert out[("FRA", "p9")].weight == pytest.approx(1 / 3)
    fixed = {(p.actor, p.proposal): p for p in expand_groups(rows, MEMBERSHIP, group_weight=0.5)}
    assert fixed[("DEU", "opt1")].weight == 0.5
    proj = project(expand_groups(rows, MEMBERSHIP), min_positions=1)
    assert proj.positions_attributed == 5 and proj.positions_stated == 1


def test_net_agreement_shrinks_thin_pairs():
    rows = [pos("AAA", "p1", "support"), pos("BBB", "p1", "support")]
    rows += [pos("CCC", f"q{k}", "support") for k in range(8)]
    rows += [pos("DDD", f"q{k}", "support") for k in range(8)]
    proj = project(rows, min_positions=1)
    one, many = edge(proj, "AAA", "BBB"), edge(proj, "CCC", "DDD")
    assert one["index"] == many["index"] == 1.0
    assert one["net"] == pytest.approx(1 / 3) and many["net"] == pytest.approx(8 / 10)
    assert edge(project(rows, min_positions=1, shrinkage=0), "AAA", "BBB")["net"] == 1.0
