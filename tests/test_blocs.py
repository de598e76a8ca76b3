"""Blocs: planted structure recovered, backends agree, net and signed vs positive-only, the
null models and the significance test, bootstrap evidence, labels."""

from __future__ import annotations

import random

import community as community_louvain
import networkx as nx
import numpy as np
import pytest

from graphkit.blocs import (
    BACKENDS,
    EdgeList,
    LouvainFn,
    NetSolver,
    NullModelResult,
    blocs_of,
    bootstrap,
    canonical,
    cohesion,
    consensus,
    frustration,
    label_blocs,
    louvain,
    modularity,
    net_blocs,
    net_quality,
    null_model_zscore,
    positive_graph,
    shuffle_edges,
    shuffle_graph,
    signed_blocs,
    significance,
)
from graphkit.evidence import resample, score
from graphkit.model import Position
from graphkit.projection import project
from graphkit.significance import null_model_permuted


def as_sets(partition):
    return {frozenset(m) for m in blocs_of(partition).values()}


def planted_positions(seed=0, camps=3, size=8, proposals=40, noise=0.15, absent=0.2):
    """Camps vote together on every proposal; each actor strays with probability `noise`."""
    rng = random.Random(seed)
    truth = {f"{chr(65 + c)}{i:02d}": c for c in range(camps) for i in range(size)}
    rows = []
    for k in range(proposals):
        camp_stance = [rng.choice(["support", "oppose"]) for _ in range(camps)]
        for actor, camp in truth.items():
            if rng.random() < absent:
                continue
            stance = (
                camp_stance[camp]
                if rng.random() > noise
                else rng.choice(["support", "oppose", "neutral"])
            )
            rows.append(Position(actor, f"P{k:03d}", None, stance, "AHC-1"))
    camps_ = {frozenset(a for a, c in truth.items() if c == k) for k in range(camps)}
    return rows, camps_


def two_camps(unanimous=30, contested=2, size=6):
    """Camps that agree on every unanimous proposal and split on every contested one."""
    camp_a = [f"A{i}" for i in range(size)]
    camp_b = [f"B{i}" for i in range(size)]
    rows = []
    for k in range(unanimous):
        rows += [Position(x, f"U{k:02d}", None, "support", "AHC-2") for x in camp_a + camp_b]
    for k in range(contested):
        rows += [Position(x, f"C{k:02d}", None, "support", "AHC-2") for x in camp_a]
        rows += [Position(x, f"C{k:02d}", None, "oppose", "AHC-2") for x in camp_b]
    return project(rows).graph, {frozenset(camp_a), frozenset(camp_b)}


@pytest.fixture(scope="module")
def planted():
    rows, truth = planted_positions()
    return project(rows).graph, truth


# --------------------------------------------------------------------------- recovery


@pytest.mark.parametrize("backend", BACKENDS)
def test_single_runs_recover_planted_camps(planted, backend):
    G, truth = planted
    for seed in range(3):
        assert as_sets(louvain(G, seed=seed, backend=backend)) == truth


@pytest.mark.parametrize("backend", BACKENDS)
def test_consensus_recovers_planted_camps_with_full_confidence(planted, backend):
    G, truth = planted
    result = consensus(G, runs=30, seed=0, backend=backend)
    assert as_sets(result.partition) == truth
    assert result.converged
    assert set(result.confidence.values()) == {1.0}
    assert result.coassignment.shape == (24, 24)
    assert result.modularity == pytest.approx(
        nx.community.modularity(positive_graph(G), as_sets(result.partition))
    )


def test_noisier_camps_still_recovered_by_consensus():
    rows, truth = planted_positions(seed=5, noise=0.35, proposals=60)
    result = consensus(project(rows).graph, runs=50, seed=1)
    assert as_sets(result.partition) == truth


def test_louvain_is_python_louvain_on_the_sorted_positive_graph(planted):
    G, _ = planted
    G = G.copy()
    G.add_edge("A00", "B00", weight=-0.5)  # negative weights are left out, not an error
    H = positive_graph(G)
    assert list(H.nodes) == sorted(G.nodes)
    assert not H.has_edge("A00", "B00")
    for seed in range(3):
        direct = community_louvain.best_partition(H, random_state=seed, resolution=0.8)
        assert louvain(G, seed=seed, resolution=0.8) == canonical(direct)


def test_backends_agree_with_python_louvain_on_modularity():
    rng = np.random.default_rng(4)
    labels = rng.integers(0, 4, 60)
    G = nx.Graph()
    G.add_nodes_from(range(60))
    for i in range(60):
        for j in range(i + 1, 60):
            same = labels[i] == labels[j]
            if rng.random() < (0.5 if same else 0.1):
                G.add_edge(
                    i, j, weight=float(rng.uniform(0.5, 1.0) if same else rng.uniform(0, 0.5))
                )
    reference = louvain(G, seed=0)
    q_ref = modularity(G, reference)
    for backend in BACKENDS:
        part = louvain(G, seed=0, backend=backend)
        assert modularity(G, part) == pytest.approx(q_ref, abs=0.01)
        assert as_sets(part) == as_sets(reference)


def test_modularity_matches_networkx_and_ignores_negative_edges():
    G = nx.karate_club_graph()
    part = louvain(G, seed=1)
    expected = nx.community.modularity(G, as_sets(part), resolution=1.3)
    assert modularity(G, part, resolution=1.3) == pytest.approx(expected)
    G.add_edge(0, 33, weight=-5.0)  # python-louvain would raise; the positive part ignores it
    assert louvain(G, seed=1) == part
    assert modularity(G, part, resolution=1.3) == pytest.approx(expected)


def test_resolution_changes_the_number_of_blocs(planted):
    G, _ = planted
    coarse = consensus(G, runs=10, resolution=0.3)
    fine = consensus(G, runs=10, resolution=3.0)
    assert len(set(coarse.partition.values())) < 3 < len(set(fine.partition.values()))


# --------------------------------------------------------------------------- signed


def test_signed_separates_camps_that_positive_louvain_merges():
    G, camps = two_camps(unanimous=30, contested=2)
    # net index across camps is 28/32 = 0.875: Louvain sees one friendly crowd
    for seed in range(5):
        assert len(set(louvain(G, seed=seed).values())) == 1
    for seed in range(5):
        assert as_sets(signed_blocs(G, seed=seed)) == camps
    assert as_sets(consensus(G, runs=10, signed=True).partition) == camps
    assert len(set(consensus(G, runs=10).partition.values())) == 1


def test_signed_recovers_planted_camps(planted):
    G, truth = planted
    assert as_sets(signed_blocs(G, seed=0)) == truth


def test_frustration_is_share_of_disagreement_inside_blocs():
    G, camps = two_camps(unanimous=5, contested=3)
    split = {a: k for k, camp in enumerate(sorted(camps, key=min)) for a in camp}
    assert frustration(G, split) == 0.0
    assert frustration(G, dict.fromkeys(G, 0)) == 1.0
    mixed = {a: int(a[1]) % 2 for a in G}  # each bloc holds half of each camp
    # 2 blocs of 6, each with 3 A and 3 B: 9 of the 36 cross-camp pairs per bloc
    assert frustration(G, mixed) == pytest.approx(18 / 36)


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_output_and_insertion_order_does_not_matter(planted):
    G, _ = planted
    base = consensus(G, runs=20, seed=7)
    again = consensus(G, runs=20, seed=7)
    assert base.partition == again.partition
    assert base.confidence == again.confidence
    edges = list(G.edges(data=True))
    nodes = list(G.nodes)
    random.Random(0).shuffle(edges)
    random.Random(1).shuffle(nodes)
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    for backend in BACKENDS:
        assert louvain(H, seed=3, backend=backend) == louvain(G, seed=3, backend=backend)
    assert consensus(H, runs=20, seed=7).partition == base.partition
    assert signed_blocs(H, seed=2) == signed_blocs(G, seed=2)


def test_seeds_matter_on_an_ambiguous_graph():
    G = nx.gnp_random_graph(60, 0.1, seed=3)
    runs = {tuple(sorted(louvain(G, seed=s, backend="igraph").items())) for s in range(8)}
    assert len(runs) > 1  # otherwise consensus over seeds would be pointless
    result = consensus(G, runs=30, seed=0)
    assert min(result.confidence.values()) < 1.0


def test_canonical_ids_by_size_then_smallest_member():
    part = canonical({"c": 5, "a": 9, "b": 9, "d": 5, "e": 5, "f": 1})
    assert part == {"a": 1, "b": 1, "c": 0, "d": 0, "e": 0, "f": 2}
    assert canonical({"x": 3, "y": 4}) == {"x": 0, "y": 1}


# --------------------------------------------------------------------------- confidence


def test_confidence_is_lower_for_a_swing_actor():
    # two cliques and one actor tied equally to both
    G = nx.Graph()
    left, right = [f"L{i}" for i in range(5)], [f"R{i}" for i in range(5)]
    for group in (left, right):
        G.add_edges_from(
            (u, v, {"weight": 1.0}) for i, u in enumerate(group) for v in group[i + 1 :]
        )
    G.add_edges_from(("SW", v, {"weight": 1.0}) for v in left + right)
    G.add_edge("L0", "R0", weight=0.2)
    result = consensus(G, runs=50, seed=0)
    assert result.confidence["SW"] < 1.0
    assert all(result.confidence[v] == 1.0 for v in left[1:] + right[1:])


# --------------------------------------------------------------------------- null model


def test_null_model_flags_planted_structure_and_not_noise(planted):
    G, _ = planted
    res = null_model_zscore(G, LouvainFn(), shuffles=10, seed=0)
    assert res.z is not None and res.z > 5
    mean, std, z = res
    assert (mean, std, z) == (res.mean, res.std, res.z)
    assert res.method == "permute"  # the projection is dense
    R = nx.gnp_random_graph(40, 0.15, seed=2)
    nx.set_edge_attributes(R, 1.0, "weight")
    noise = null_model_zscore(R, LouvainFn(backend="igraph"), shuffles=10, seed=0)
    assert noise.method == "swap"
    assert noise.z is not None and noise.z < 3


def test_null_model_accepts_any_partition_function(planted):
    G, _ = planted

    def fn(graph, seed):
        return louvain(graph, seed=seed, backend="networkx")

    slow = null_model_zscore(G, fn, shuffles=3, seed=1)
    fast = null_model_zscore(G, LouvainFn(backend="networkx"), shuffles=3, seed=1)
    assert slow.values == pytest.approx(fast.values)


def test_swaps_preserve_degrees_and_carry_weights():
    G = nx.gnp_random_graph(30, 0.2, seed=1)
    for k, (u, v) in enumerate(G.edges):
        G.edges[u, v]["weight"] = float(k)
    H = shuffle_graph(G, np.random.default_rng(0), method="swap")
    assert dict(H.degree) == dict(G.degree)
    assert set(H.edges) != set(G.edges)
    assert sorted(w for *_, w in H.edges(data="weight")) == sorted(
        w for *_, w in G.edges(data="weight")
    )
    P = shuffle_edges(EdgeList.from_graph(G), np.random.default_rng(0), method="permute")
    assert (P.pairs == EdgeList.from_graph(G).pairs).all()


# --------------------------------------------------------------------------- description


def test_cohesion_is_mean_index_inside():
    G = nx.Graph()
    G.add_edge("a", "b", index=1.0)
    G.add_edge("b", "c", index=0.5)
    G.add_edge("a", "c", index=0.0)
    G.add_edge("c", "d", index=-1.0)
    assert cohesion(G, ["a", "b", "c"]) == pytest.approx(0.5)
    assert cohesion(G, ["a"]) is None


def test_labels_name_central_members_and_groups_mostly_inside():
    G = nx.Graph()
    west = ["USA", "GBR", "CAN", "AUS"]
    weights = {"USA": 3.0, "GBR": 2.0, "CAN": 1.5, "AUS": 1.0}
    for i, u in enumerate(west):
        for v in west[i + 1 :]:
            G.add_edge(u, v, weight=weights[u] * weights[v])
    G.add_edge("RUS", "CHN", weight=1.0)
    G.add_edge("CHN", "IRN", weight=1.0)
    part = {a: 0 for a in west} | {"RUS": 1, "CHN": 1, "IRN": 1}
    groups = {
        "USA": {"WEOG"},
        "GBR": {"WEOG"},
        "CAN": {"WEOG"},
        "AUS": {"WEOG"},
        "RUS": {"EEG"},
        "CHN": {"APG"},
        "IRN": {"APG"},
    }
    labels = label_blocs(G, part, groups)
    assert labels[0] == "USA, GBR, CAN + WEOG"
    assert labels[1] == "CHN, IRN, RUS + APG"  # EEG has one member here: not a group sign


# --------------------------------------------------------------------------- net (default)


def test_net_reads_net_agreement_between_camps():
    # 30 agreements for 2 disagreements is a net ally; 5 for 5 is not
    G, camps = two_camps(unanimous=30, contested=2)
    assert len(set(consensus(G, runs=10, method="net").partition.values())) == 1
    G, camps = two_camps(unanimous=5, contested=5)
    for seed in range(5):
        assert as_sets(net_blocs(G, seed=seed)) == camps
    result = consensus(G, runs=10, method="net")
    assert as_sets(result.partition) == camps and result.detection == "net"
    assert result.backend == "igraph-leiden-net"


def test_net_recovers_planted_camps_and_its_quality_is_the_solvers(planted):
    G, truth = planted
    assert as_sets(net_blocs(G, seed=0)) == truth
    edges = EdgeList.from_graph(G)
    n = len(edges.nodes)
    a = np.zeros((n, n))
    d = np.zeros((n, n))
    c = np.zeros((n, n))
    for (i, j), x, y, z in zip(edges.pairs.tolist(), edges.column("agreements"),
                               edges.column("disagreements"), edges.column("cooccurrences"),
                               strict=True):  # fmt: skip
        a[i, j], d[i, j], c[i, j] = x, y, z
        a[j, i], d[j, i], c[j, i] = x, y, z
    solver = NetSolver(n)
    net = solver.weights(a, d, c)
    labels = solver.run(net, 1.0, seed=0)
    assert {frozenset(edges.nodes[k] for k in np.flatnonzero(labels == x))
            for x in set(labels.tolist())} == truth  # fmt: skip
    assert solver.quality(net, labels, 1.0) == pytest.approx(net_quality(edges, labels))


def test_net_keeps_clear_opponents_apart_where_louvain_joins_them():
    # X agrees with the A camp on many unanimous proposals but opposes A00 and A01 twice
    camp_a = [f"A{i:02d}" for i in range(6)]
    rows = []
    for k in range(12):
        rows += [Position(x, f"U{k}", None, "support", "AHC-1") for x in [*camp_a, "X"]]
    for k in range(2):
        rows += [Position(x, f"C{k}", None, "support", "AHC-1") for x in camp_a[:2]]
        rows += [Position("X", f"C{k}", None, "oppose", "AHC-1")]
    G = project(rows).graph
    assert G.edges["A00", "X"]["index"] > 0  # 12 agreements outweigh 2 disagreements
    net = consensus(G, runs=10, method="net").partition
    assert net["A02"] == net["A03"]


# --------------------------------------------------------------------------- significance


def random_session(seed=0, actors=20, proposals=30):
    rng = random.Random(seed)
    return [
        Position(f"R{i:02d}", f"P{k:02d}", None, rng.choice(("support", "oppose")), "AHC-4")
        for k in range(proposals)
        for i in range(actors)
        if rng.random() < 0.7
    ]


def test_permutation_null_model_tells_structure_from_noise():
    rows, _ = planted_positions()
    inc = project(rows).incidence
    res = null_model_permuted(inc, method="net", resolution=1.0, backend="igraph",
                              shuffles=20, seed=0)  # fmt: skip
    assert res.method == "permute-within-questions" and res.shuffles == 20
    assert res.z is not None and res.z > 5
    assert significance(res).significant
    noise = null_model_permuted(project(random_session()).incidence, method="net",
                                resolution=1.0, backend="igraph", shuffles=20, seed=0)  # fmt: skip
    test = significance(noise)
    assert not test.significant and test.reason.startswith("not significant")
    same = null_model_permuted(inc, method="net", resolution=1.0, backend="igraph",
                               shuffles=20, seed=0)  # fmt: skip
    assert same.values == res.values, "seeded"


def test_significance_needs_enough_shuffles_and_z_of_two():
    def result(z, shuffles):
        return NullModelResult(0.3, 0.1, 0.05, z, shuffles, "x", 0, ())

    assert significance(None).reason == "not tested (no null-model shuffles)"
    assert significance(result(9.0, 10)).reason.startswith("not tested enough")
    assert not significance(result(None, 20)).significant
    assert not significance(result(1.99, 20)).significant
    assert significance(result(2.0, 20)).significant
    assert significance(result(2.0, 20)).reason is None


# --------------------------------------------------------------------------- evidence


def test_bootstrap_confidence_and_stability_of_planted_camps(planted):
    rows, truth = planted_positions()
    proj = project(rows)
    part = consensus(proj, runs=10, method="net").partition
    ev = bootstrap(proj.incidence, part, resamples=30, seed=0, method="net", resolution=1.0,
                   backend="igraph")  # fmt: skip
    assert ev.resamples == 30 and set(ev.confidence) == set(part)
    assert min(ev.confidence.values()) >= 0.7
    assert sum(ev.confidence.values()) / len(part) >= 0.95
    assert min(ev.stability.values()) >= 0.9
    again = bootstrap(proj.incidence, part, resamples=30, seed=0, method="net", resolution=1.0,
                      backend="igraph")  # fmt: skip
    assert again == ev


def test_bootstrap_confidence_drops_with_the_evidence():
    rows, _ = planted_positions(noise=0.15, proposals=40)
    rows += [Position("Z00", "P000", None, "support", "AHC-1"),  # placed by this one only
             Position("Z00", "P001", None, "neutral", "AHC-1"),
             Position("Z00", "P002", None, "neutral", "AHC-1")]  # fmt: skip
    proj = project(rows)
    part = consensus(proj, runs=10, method="net").partition
    runs = resample(proj.incidence, resamples=100, seed=1, method="net", resolution=1.0,
                    backend="igraph")  # fmt: skip
    ev = score(runs, part)
    z = proj.incidence.actors.index("Z00")
    drew_p000 = runs.present[:, z].mean()  # expected 1 - (39/40)^40 = 0.64
    assert abs(drew_p000 - 0.64) < 0.15
    assert ev.confidence["Z00"] <= drew_p000 < 0.8
    others = [v for k, v in ev.confidence.items() if k != "Z00"]
    assert sum(others) / len(others) > 0.9


# --------------------------------------------------------------------------- labels


def test_labels_lead_with_members_who_spoke_and_name_silent_blocs_by_group():
    rows = [Position("EU", f"p{k}", None, "support", "AHC-1") for k in range(4)]
    rows += [Position("FRA", f"p{k}", None, "support", "AHC-1", on_behalf_of="EU")
             for k in range(2)]  # fmt: skip
    rows += [Position(x, f"p{k}", None, "oppose", "AHC-1") for k in range(4) for x in
             ("RUS", "CHN", "IRN")]  # fmt: skip
    membership = {"EU": ["AUT", "BEL", "DEU", "FRA", "ITA"]}
    from graphkit.positions import expand_groups

    proj = project(expand_groups(rows, membership))
    part = consensus(proj, runs=5, method="net").partition
    from graphkit.labels import describe

    about = describe(proj.edges, part, {m: {"EU"} for m in membership["EU"]})
    eu = part["AUT"]
    assert about.labels[eu] == "FRA + EU", "AUT, BEL ... never spoke: named by who did"
    assert about.leading[eu][0] == "FRA"
    silent = {m: 0 for m in ("AUT", "BEL")}
    assert describe(proj.edges, silent, {m: {"EU"} for m in silent}).labels[0] == "EU"


def test_cohesion_is_pooled_over_the_evidence():
    G = nx.Graph()
    G.add_edge("a", "b", agreements=9.0, disagreements=1.0, index=0.8)
    G.add_edge("a", "c", agreements=0.0, disagreements=0.1, index=-1.0)
    assert cohesion(G, ["a", "b", "c"]) == pytest.approx((9 - 1.1) / (9 + 1.1))
