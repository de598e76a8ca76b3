"""The geometry behind the figures, checked on its own: boxes kept apart, the network's
backbone and layout, the full matrix's label lanes, the flow's time axis, the profile's
ranking, measured text wrapping, short names and the session calendar."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

import networkx as nx
import numpy as np
import pytest

from graphkit import api, plots
from graphkit.analysis import Allies, Relation
from graphkit.plots.network_layout import convex_hull
from graphkit.plots.style import new_figure
from graphkit.plots.text import measure, wrap


def test_separate_resolves_a_pile_of_boxes():
    pos = np.zeros((30, 2))  # everyone on the same spot
    half = np.full((30, 2), [12.0, 5.0])
    out = plots.separate(pos, half)
    assert len(plots.overlaps(out, half)) == 0


def agreement_graph(n: int = 40, seed: int = 3) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.Graph()
    for i in range(n):
        for j in range(i + 1, n):
            a = rng.randint(0, 6)
            d = rng.randint(0, 6)
            if a + d:
                x = (a - d) / (a + d)
                G.add_edge(f"A{i:02d}", f"A{j:02d}", agreements=a, disagreements=d, index=x,
                           weight=max(x, 0.0), cooccurrences=a + d)  # fmt: skip
    return G


@pytest.mark.parametrize("k", [1, 3])
def test_strongest_edges_keep_each_actors_best(k):
    G = agreement_graph()
    bone = plots.strongest_edges(G, k)
    kept = {(u, v) for u, v, _ in bone.edges}
    assert len(kept) <= k * G.number_of_nodes()
    for a in G:
        ranked = sorted(
            ((-d["index"], -(d["agreements"] + d["disagreements"]), b) for b, d in G[a].items()
             if d["index"] > 0)
        )  # fmt: skip
        for *_, b in ranked[:k]:
            assert (min(a, b), max(a, b)) in kept
    assert all(x > 0 for *_, x in bone.edges)
    assert bone.candidates == sum(1 for *_, d in G.edges(data=True) if d["index"] > 0)


def test_strongest_edges_break_ties_by_nearness_not_by_code():
    G = nx.Graph()
    for other in ("B", "C", "Z"):
        G.add_edge("A", other, index=1.0, agreements=4, disagreements=0, weight=1.0)
    near = {"A": np.zeros(2), "B": np.array([50.0, 0]), "C": np.array([40.0, 0]),
            "Z": np.array([1.0, 0])}  # fmt: skip
    assert {(u, v) for u, v, _ in plots.strongest_edges(G, 1, near=near).edges} >= {("A", "Z")}
    assert ("A", "B") in {(u, v) for u, v, _ in plots.strongest_edges(G, 1).edges}


def test_disparity_filter_keeps_a_dominant_edge_and_nothing_from_even_weights():
    star = nx.Graph()
    for k in range(10):
        star.add_edge("hub", f"L{k}", weight=0.05, index=0.05)
    star.add_edge("hub", "best", weight=1.0, index=1.0)
    kept = {(u, v) for u, v, _ in plots.disparity_edges(star, 0.05).edges}
    assert ("best", "hub") in kept and ("L0", "hub") not in kept
    even = nx.complete_graph([f"E{k}" for k in range(12)])
    nx.set_edge_attributes(even, 1.0, "weight")
    nx.set_edge_attributes(even, 1.0, "index")
    assert plots.disparity_edges(even, 0.05).edges == ()


def test_network_layout_fits_the_column_without_overlaps_and_hulls_apart():
    G = agreement_graph(60)
    bloc_of = {a: int(a[1:]) % 4 for a in G}
    fig = new_figure()
    half = plots.text_sizes([f"Name {a}" for a in G], 6.5, fig) / 2 + 2.5
    width = (16 / 2.54 - 0.2) * 72
    lay = plots.network_layout(G, bloc_of, half, max_width=width)
    assert (lay.hi - lay.lo)[0] <= width + 1e-6
    assert len(plots.overlaps(lay.pos, half)) == 0
    boxes = {b: (h.min(axis=0), h.max(axis=0)) for b, h in lay.hulls.items()}
    for b, (lo, hi) in boxes.items():
        for c, (lo2, hi2) in boxes.items():
            if b < c:
                assert (hi < lo2).any() or (hi2 < lo).any(), (b, c)
        inside = lay.pos[[i for i, a in enumerate(lay.actors) if bloc_of[a] == b]]
        assert (inside >= lo - 1e-6).all() and (inside <= hi + 1e-6).all()


def test_convex_hull_of_a_square_with_inner_points():
    pts = np.array([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1], [0.5, 1.5]], dtype=float)
    hull = convex_hull(pts)
    assert sorted(map(tuple, hull)) == [(0, 0), (0, 2), (2, 0), (2, 2)]


@pytest.mark.parametrize("n", [10, 60, 126, 190])
def test_label_lanes_give_every_label_room(n):
    width = (16 / 2.54 - 0.2) * 72
    lanes = plots.label_lanes(n, label_w=17.0, label_h=7.6, width=width)
    assert lanes.sides * lanes.lanes * lanes.cell >= 7.6 + 1.0
    if n <= 126:
        assert n * lanes.cell + lanes.sides * lanes.margin <= width + 1e-6
    if n == 10:
        assert (lanes.sides, lanes.lanes) == (1, 1)
    seen = {lanes.place(i) for i in range(n)}
    assert len(seen) == min(n, lanes.sides * lanes.lanes)


# --------------------------------------------------------------------------- flow


def report(session: str, blocs: dict[int, list[str]]):
    """A bloc report as the figures read it (the fields they use, real values)."""
    from graphkit.analysis import Bloc, BlocReport, Membership
    from graphkit.params import Params

    membership = {a: Membership(b, 1.0, 1.0) for b, members in blocs.items() for a in members}
    return BlocReport(
        session=session, params=Params(runs=1, null_shuffles=0), expand_groups=False,
        modularity=0.3, zscore=None,
        blocs=tuple(Bloc(b, f"bloc {b}", tuple(m), 1.0) for b, m in blocs.items()),
        membership=membership, excluded=(), positions_used=10, frustration=0.0,
        backend="igraph", null_shuffles=0, null_method=None, converged=True,
    )  # fmt: skip


def slot(session, start, end, has_data=True):
    return SimpleNamespace(id=session, start=start, end=end, has_data=has_data,
                           reason="" if has_data else "no stated positions loaded")  # fmt: skip


def test_flow_layout_puts_columns_at_their_dates_and_keeps_gaps():
    reports = [report("S1", {0: ["A", "B"], 1: ["C"]}), report("S3", {0: ["A"], 1: ["C", "D"]})]
    calendar = [slot("S1", "2022-01-10", "2022-01-20"), slot("S2", "2022-03-01", "2022-03-11",
                False), slot("S3", "2022-09-05", "2022-09-16")]  # fmt: skip
    lay = plots.flow_layout(reports, calendar, width_pt=400)
    assert lay.dated and [g.session for g in lay.gaps] == ["S2"]
    x = {c.session: c.x for c in lay.columns}
    mid = dt.date(2022, 9, 5).toordinal() + 6  # 5-16 Sep: the middle of 12 days
    assert x["S3"] == pytest.approx(mid)
    assert x["S1"] < lay.gaps[0].x0 < lay.gaps[0].x1 < x["S3"]
    for c in lay.columns:  # every column stacks the same 4 actors
        assert sum(top - bottom for bottom, top in c.blocks.values()) == pytest.approx(4)
    assert lay.columns[0].blocks[plots.POOL][1] - lay.columns[0].blocks[plots.POOL][0] == 1
    undated = plots.flow_layout(reports, None, width_pt=400)
    assert not undated.dated and [c.x for c in undated.columns] == [0, 1]


def test_flow_bands_carry_silent_actors_to_not_analysed():
    reports = [report("S1", {0: ["A", "B"], 1: ["C"]}), report("S2", {0: ["A"], 1: ["C", "D"]})]
    bands = {(b.bloc_from, b.bloc_to): b.actors for b in plots.flow_bands(reports, pool=True)}
    assert bands == {(0, 0): ("A",), (0, plots.POOL): ("B",), (1, 1): ("C",),
                     (plots.POOL, 1): ("D",)}  # fmt: skip
    assert [b.actors for b in plots.flow_bands(reports) if b.swing] == []


# --------------------------------------------------------------------------- profile


def rel(actor, index, n):
    agree = n * (1 + index) / 2
    return Relation(actor, index, agree, n - agree, n)


def test_rank_relations_ranks_by_index_then_evidence_and_groups_ties():
    friends = (rel("ZZZ", 1.0, 9), rel("AAA", 1.0, 5), rel("BBB", 1.0, 5), rel("CCC", 0.5, 20))
    foes = (rel("DDD", -1.0, 2), rel("EEE", -1.0, 7), rel("CCC", 0.5, 20))
    allies, opponents = plots.rank_relations(Allies("X", friends, foes, 10), top=2)
    assert [r.actors for r in allies] == [("ZZZ",), ("AAA", "BBB")]  # not cut alphabetically
    assert [r.actors for r in opponents] == [("EEE",), ("DDD",)]
    assert all(r.index < 0 for r in opponents)


# --------------------------------------------------------------------------- text, names


def test_wrap_stays_within_the_width_and_keeps_short_groups_whole():
    fig = new_figure()
    text = ("Blocs: consensus of 100 Louvain runs (igraph, resolution 1, seeds 0-99); actors "
            "with at least 3 positions; group statements counted for member states.")  # fmt: skip
    for width in (120, 200, 330):
        lines = wrap(fig, text, width, 7).split("\n")
        assert all(measure(fig, line, 7)[0] <= width for line in lines)
        assert any("(igraph, resolution 1, seeds 0-99);" in line for line in lines)
        assert " ".join(lines) == text


def test_actor_labels_use_short_names_and_fall_back_to_codes():
    fig = new_figure()
    names = {"GBR": "United Kingdom", "DEU": "Germany", "LIE": "Liechtenstein",
             "EU": "European Union", "AFRICAN_GROUP": "African Group"}  # fmt: skip
    labels = plots.actor_labels(names, names, fig, 6.5, kinds={"EU": "group"})
    assert labels == {"GBR": "UK", "DEU": "Germany", "LIE": "LIE", "EU": "EU",
                      "AFRICAN_GROUP": "AFRICAN_GROUP"}  # fmt: skip


# --------------------------------------------------------------------------- calendar


def test_timeline_lists_every_session_of_the_store_with_its_data(loaded_store):
    rows = loaded_store.run("sessions")
    for source in ("positions", "votes"):
        slots = api.timeline(loaded_store, source)
        assert [s.id for s in slots] == [r["session"] for r in rows]
        assert [s.id for s in slots if s.has_data] == api.sessions_with_data(loaded_store, source)
        assert all(s.reason for s in slots if not s.has_data)
        assert all(s.start <= s.end for s in slots if s.start)
    assert any(not s.has_data for s in api.timeline(loaded_store, "positions"))
