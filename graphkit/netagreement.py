"""The default method, "net": signed modularity of the shrunk net agreement, with Leiden.

Weights: net_ij = (a - d) / (a + d + shrinkage), signed (shrinkage keeps a pair seen on one or
two proposals, or only through an attributed group statement, from weighing like a pair seen
on twenty). Split into its positive part w+ and negative part w-, with strengths k+ and k- and
half sums m+ and m-, the objective is Traag & Bruggeman's (2009) signed Potts model

    Q = 1/(m+ + m-) * sum over pairs in one bloc of
        [w+_ij - gamma+ k+_i k+_j / 2m+]  -  [w-_ij - gamma- k-_i k-_j / 2m-]

with gamma+ = resolution and gamma- = NEGATIVE_NULL * resolution = 0.6 * resolution.
Agreement counts above what the actors' agreement degrees predict (as in modularity);
disagreement inside a bloc costs beyond 0.6 of what their disagreement degrees predict. Why
0.6, measured on bench/planted_blocs.py (mean over its sweep) and the bundled AHC-7 session
(Cramér's V with the 74/247 vote; Louvain, the previous default: NMI 0.804, ARI 0.786, V 0.61):

    gamma-   planted NMI / ARI   V      clear opponents together (of 585)
    0        0.781 / 0.742       0.62   0     noisy blocs fragment: the positive null
                                              expects more than they hold net of disagreement
    0.5      0.802 / 0.780       0.62   0
    0.6      0.806 / 0.786       0.61   0     the default
    0.65     0.806 / 0.784       0.51   0
    1        0.794 / 0.766       0.49   4     Gomez, Jensen & Arenas (2009): rewards putting
                                              together actors that both oppose many others
                                              (most EU members went in with CARICOM)

The null terms are not a product of one node weight, so the whole null is folded into the
weights of a complete graph and optimised as igraph's CPM at resolution 0 (igraph's C Leiden;
one run ~1.5 ms for 126 actors).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graphkit.communities import GraphLike, Partition, Runner, _igraph, _partition
from graphkit.projection import DEFAULT_SHRINKAGE, EdgeList, as_edges

NEGATIVE_NULL = 0.6  # gamma- / gamma+ (module docstring)
LEIDEN_ITERATIONS = 2  # igraph's default; iterating to convergence moves Q by < 0.1% here


def net_weights(edges: EdgeList) -> np.ndarray:
    """Signed weight per edge: `net` if present, else computed from agreements/disagreements
    (default shrinkage), else `index`, else `weight` (hand-made graphs)."""
    if "net" in edges.attrs:
        return edges.column("net")
    if "agreements" in edges.attrs and "disagreements" in edges.attrs:
        a, d = edges.column("agreements"), edges.column("disagreements")
        return (a - d) / (a + d + DEFAULT_SHRINKAGE)
    if "index" in edges.attrs:
        return edges.column("index")
    return edges.column("weight", 1.0)


def _leiden(g, weights: list, seed: int) -> np.ndarray:
    """One seeded Leiden run, CPM at resolution 0 on `weights` (igraph's C core, without
    building a VertexClustering)."""
    ig = _igraph()
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership, _ = ig.GraphBase.community_leiden(
            g, edge_weights=weights, node_weights=None, resolution=0.0,
            normalize_resolution=False, beta=0.01, initial_membership=None,
            n_iterations=LEIDEN_ITERATIONS,
        )  # fmt: skip
    finally:
        ig.set_random_number_generator(random)
    return np.array(membership)


class NetSolver:
    """Runs of the "net" method on one set of n actors, under weights that may change.

    Works on the complete graph (`Graph.Full`, edges in `np.triu_indices` order): the signed
    null model gives every pair a term, met or not. The bootstrap and the null model recount the
    same actors a hundred times; building an igraph graph costs more than a Leiden run on it,
    so the graph is built once and each sample only changes the weights.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.iu, self.ju = np.triu_indices(n, k=1)
        self.graph = _igraph().Graph.Full(n) if n > 1 else None

    def weights(
        self,
        agree: np.ndarray,
        disagree: np.ndarray,
        cooc: np.ndarray | None,
        *,
        shrinkage: float = DEFAULT_SHRINKAGE,
        min_cooccurrences: int = 1,
        keep: np.ndarray | None = None,
    ) -> np.ndarray:
        """Net agreement per pair (triu order), 0 where the pair did not meet enough; without
        `cooc` (None), a pair meets when it took sides (enough for min_cooccurrences = 1: a
        pair with no side taken has net 0 anyway)."""
        iu, ju = self.iu, self.ju
        a, d = agree[iu, ju], disagree[iu, ju]
        met = np.ones(len(iu), dtype=bool) if cooc is None else (
            cooc[iu, ju] >= max(min_cooccurrences, 1) - 1e-9)  # fmt: skip
        if keep is not None:
            met &= keep[iu] & keep[ju]
        total = a + d
        net = (a - d) / (total + shrinkage) if shrinkage > 0 else (a - d) / np.maximum(total, 1e-12)
        return np.where(met & (total > 1e-12), net, 0.0)

    def from_edges(self, edges: EdgeList) -> np.ndarray:
        """The net weights of an edge list, in this solver's pair order."""
        full = np.zeros((self.n, self.n))
        full[edges.pairs[:, 0], edges.pairs[:, 1]] = net_weights(edges)
        return full[self.iu, self.ju]

    def _degrees(self, net: np.ndarray):
        pos, neg = np.maximum(net, 0.0), np.maximum(-net, 0.0)
        kp = np.bincount(self.iu, pos, self.n) + np.bincount(self.ju, pos, self.n)
        kn = np.bincount(self.iu, neg, self.n) + np.bincount(self.ju, neg, self.n)
        return kp, kn, float(kp.sum()), float(kn.sum())

    def modularity_weights(self, net: np.ndarray, resolution: float) -> np.ndarray:
        """Each pair's net weight less its null-model expectation (module docstring)."""
        kp, kn, two_mp, two_mn = self._degrees(net)
        out = net.copy()
        if two_mp > 0:
            out -= resolution * kp[self.iu] * kp[self.ju] / two_mp
        if two_mn > 0:
            out += NEGATIVE_NULL * resolution * kn[self.iu] * kn[self.ju] / two_mn
        return out

    def run(self, net: np.ndarray, resolution: float, seed: int) -> np.ndarray:
        return self.runner(net, resolution)(seed)

    def runner(self, net: np.ndarray, resolution: float) -> Runner:
        """Seeded runs on one weighting (the weights are folded once, not once per seed)."""
        if self.n <= 1 or not np.any(net > 0):
            return lambda seed: np.arange(self.n)
        weights = self.modularity_weights(net, resolution).tolist()
        return lambda seed: _leiden(self.graph, weights, seed)

    def quality(self, net: np.ndarray, labels: np.ndarray, resolution: float) -> float:
        """Q of `labels` (module docstring), diagonal null terms included as in modularity,
        so a single bloc of unanimous allies scores 0."""
        kp, kn, two_mp, two_mn = self._degrees(net)
        if two_mp + two_mn <= 0 or len(labels) == 0:
            return 0.0
        _, lab = np.unique(labels, return_inverse=True)
        inside = float(net[lab[self.iu] == lab[self.ju]].sum())
        k = lab.max() + 1
        null = 0.0
        if two_mp > 0:
            null += resolution * (np.bincount(lab, kp, k) ** 2).sum() / (2 * two_mp)
        if two_mn > 0:
            null -= NEGATIVE_NULL * resolution * (np.bincount(lab, kn, k) ** 2).sum() / (2 * two_mn)
        return (inside - null) / ((two_mp + two_mn) / 2)


def _net_runner(edges: EdgeList, resolution: float) -> Runner:
    """Seeded runs of the "net" method on the projection's edges (the consensus runs)."""
    solver = NetSolver(len(edges.nodes))
    return solver.runner(solver.from_edges(edges), resolution)


def net_quality(edges: EdgeList, labels: np.ndarray, resolution: float = 1.0) -> float:
    """The "net" objective of `labels` on `edges` (`NetSolver.quality`)."""
    solver = NetSolver(len(edges.nodes))
    return solver.quality(solver.from_edges(edges), np.asarray(labels), resolution)


@dataclass(frozen=True)
class NetFn:
    """`net_blocs` as a (graph, seed) -> partition function, with an array fast path."""

    resolution: float = 1.0

    def __call__(self, G: nx.Graph, seed: int) -> Partition:
        return net_blocs(G, resolution=self.resolution, seed=seed)

    def labels(self, edges: EdgeList, seed: int) -> np.ndarray:
        return _net_runner(edges, self.resolution)(seed)

    def quality(self, edges: EdgeList, labels: np.ndarray) -> float:
        return net_quality(edges, labels, self.resolution)


def net_blocs(G: GraphLike, *, resolution: float = 1.0, seed: int) -> Partition:
    """One run of the default method (module docstring)."""
    edges = as_edges(G)
    return _partition(edges.nodes, _net_runner(edges, resolution)(seed))
