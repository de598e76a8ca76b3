"""One seeded community-detection run on an agreement graph: Louvain backends, signed layers.

The default method lives in `graphkit.netagreement`; `graphkit.methods` dispatches by name.

Conventions:

* graphs come from `graphkit.projection.project`: edge `net` (the shrunk agreement index) is
  what the default method sees; `weight` = max(index, 0) is what Louvain's modularity sees;
  `agreements`/`disagreements` feed the two-layer signed method.
* every partition returned here is canonical: bloc 0 is the largest, ties broken by the
  smallest member, so the same blocs always print with the same ids.
* every random choice takes an explicit seed. The one global touched is igraph's
  process-wide generator: the igraph runs swap in `random.Random(seed)` for the call and
  restore Python's `random` module (igraph's default) afterwards, so they are not thread-safe.

Methods (`Params.method`):

* "net" (default, `graphkit.netagreement`): blocs that agree inside and do not disagree
  inside; Leiden on the shrunk net agreement with the null model on its positive part.
* "louvain": modularity on the positive part only (the previous default; disagreement is
  ignored), `backend` chooses the implementation.
* "signed": leidenalg multiplex, agreement and disagreement rates as two layers each with its
  own configuration null model, layer weights 1 and -1.

Louvain backends (same modularity objective, `backend=`): "python-louvain" is the reference,
"networkx" its networkx port, "igraph" the C multilevel implementation, "leiden" leidenalg's
RBConfiguration. igraph is the default: on dense 190-node UNGA-like graphs one run takes
~2.5 ms against ~100 ms for python-louvain, with identical partitions on planted graphs (see
bench/community_backends.py).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graphkit.params import BACKENDS
from graphkit.projection import EdgeList, Projection, as_edges


def _igraph():
    """igraph, imported on first use with matplotlib and wcwidth hidden.

    igraph imports matplotlib.pyplot at import time for its drawing module (about a second of a
    cold start), and its table printer imports the optional wcwidth (~30-100 ms cold); bloc
    detection uses neither. Our figures use matplotlib directly and are unaffected once this
    import is done; igraph's summaries then measure characters with unicodedata instead.
    """
    import sys

    if "igraph" in sys.modules:
        import igraph

        return igraph
    hidden = [m for m in ("matplotlib", "wcwidth") if m not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # -> ImportError inside igraph
    try:
        import igraph
    finally:
        for name in hidden:
            del sys.modules[name]
    return igraph


def _leidenalg():
    _igraph()
    import leidenalg

    return leidenalg


Partition = dict[Hashable, int]
GraphLike = nx.Graph | EdgeList | Projection  # projections and arrays skip nx conversion
PartitionFn = Callable[[nx.Graph, int], Mapping[Hashable, int]]


# --------------------------------------------------------------------------- helpers


def canonical(partition: Mapping[Hashable, int]) -> Partition:
    """Renumber blocs by size (largest = 0), then by smallest member; keys sorted."""
    groups: dict[int, list] = defaultdict(list)
    for node, label in partition.items():
        groups[label].append(node)
    blocks = sorted((sorted(m) for m in groups.values()), key=lambda m: (-len(m), m[0]))
    return dict(sorted((node, k) for k, members in enumerate(blocks) for node in members))


def blocs_of(partition: Mapping[Hashable, int]) -> dict[int, list]:
    """Bloc id -> sorted members."""
    out: dict[int, list] = defaultdict(list)
    for node, label in partition.items():
        out[label].append(node)
    return {k: sorted(v) for k, v in sorted(out.items())}


def positive_graph(G: nx.Graph, weight: str = "weight") -> nx.Graph:
    """Copy of G with only edges of positive weight, nodes and edges inserted sorted.

    python-louvain raises on negative weights and its result depends on insertion order.
    """
    edges = EdgeList.from_graph(G)
    pairs, w = edges.positive(weight)
    H = nx.Graph()
    H.add_nodes_from(edges.nodes)
    for (i, j), x in zip(pairs.tolist(), w.tolist(), strict=True):
        H.add_edge(edges.nodes[i], edges.nodes[j], weight=x)
    return H


def _labels_modularity(
    n: int, pairs: np.ndarray, w: np.ndarray, labels: np.ndarray, resolution: float
) -> float:
    m = w.sum()
    if m <= 0 or n == 0:
        return 0.0
    _, lab = np.unique(labels, return_inverse=True)
    k = lab.max() + 1
    inside = w[lab[pairs[:, 0]] == lab[pairs[:, 1]]].sum()
    strength = np.bincount(lab[pairs[:, 0]], w, k) + np.bincount(lab[pairs[:, 1]], w, k)
    return float(inside / m - resolution * ((strength / (2 * m)) ** 2).sum())


def modularity(
    G: GraphLike,
    partition: Mapping[Hashable, int],
    *,
    resolution: float = 1.0,
    weight: str = "weight",
) -> float:
    """Newman modularity on the positive part of G (same value as networkx's)."""
    edges = as_edges(G)
    pairs, w = edges.positive(weight)
    labels = np.array([partition[v] for v in edges.nodes])
    return _labels_modularity(len(edges.nodes), pairs, w, labels, resolution)


# --------------------------------------------------------------------------- runners

Runner = Callable[[int], np.ndarray]


def _runner(n: int, pairs: np.ndarray, w: np.ndarray, backend: str, resolution: float) -> Runner:
    """Prepare the graph once for `backend`; each call runs one seeded optimisation."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose from {BACKENDS}")
    if n == 0:
        return lambda seed: np.zeros(0, dtype=np.int64)
    if backend in ("python-louvain", "networkx"):
        H = nx.Graph()
        H.add_nodes_from(range(n))
        H.add_weighted_edges_from(
            (i, j, x) for (i, j), x in zip(pairs.tolist(), w.tolist(), strict=True)
        )

        def run_nx(seed: int) -> np.ndarray:
            if backend == "python-louvain":
                import community as community_louvain  # python-louvain

                part = community_louvain.best_partition(
                    H, weight="weight", resolution=resolution, random_state=seed
                )
                return np.array([part[i] for i in range(n)])
            comms = nx.community.louvain_communities(
                H, weight="weight", resolution=resolution, seed=seed
            )
            lab = np.empty(n, dtype=np.int64)
            for k, c in enumerate(comms):
                lab[list(c)] = k
            return lab

        return run_nx
    ig = _igraph()
    g = ig.Graph(n=n, edges=pairs.tolist(), directed=False)
    weights = w.tolist()
    if backend == "igraph":

        def run_igraph(seed: int) -> np.ndarray:
            ig.set_random_number_generator(random.Random(seed))
            try:
                cl = g.community_multilevel(weights=weights, resolution=resolution)
            finally:
                ig.set_random_number_generator(random)
            return np.array(cl.membership)

        return run_igraph

    la = _leidenalg()

    def run_leiden(seed: int) -> np.ndarray:
        part = la.RBConfigurationVertexPartition(
            g, weights=weights, resolution_parameter=resolution
        )
        opt = la.Optimiser()
        opt.set_rng_seed(seed)
        opt.optimise_partition(part, n_iterations=-1)
        return np.array(part.membership)

    return run_leiden


def signed_layers(edges: EdgeList) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Positive (pairs, weights) and negative (pairs, weights), each layer summing to 1.

    Per edge the positive layer is the agreement rate a/(a+d) and the negative layer the
    disagreement rate d/(a+d). Graphs without agreement counts use the sign of `index`
    (or of `weight`). Normalising each layer is what lets a few contested proposals weigh as
    much as many unanimous ones (leidenalg's documented recipe for negative links uses
    ModularityVertexPartition, normalised per layer; this is the same at resolution 1).
    """
    if "agreements" in edges.attrs and "disagreements" in edges.attrs:
        a, d = edges.column("agreements"), edges.column("disagreements")
        total = a + d
        safe = np.where(total > 0, total, 1.0)
        p, q = np.where(total > 0, a / safe, 0.0), np.where(total > 0, d / safe, 0.0)
    else:
        x = edges.column("index") if "index" in edges.attrs else edges.column("weight", 1.0)
        p, q = np.maximum(x, 0.0), np.maximum(-x, 0.0)

    def layer(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        keep = v > 0
        w = v[keep]
        return edges.pairs[keep], (w / w.sum() if w.size else w)

    return (*layer(p), *layer(q))


def _signed_runner(edges: EdgeList, resolution: float) -> Runner:
    pos_pairs, pos_w, neg_pairs, neg_w = signed_layers(edges)
    n = len(edges.nodes)
    if n == 0 or pos_w.size == 0:
        return lambda seed: np.arange(n)
    if neg_w.size == 0:  # nothing to push apart: plain modularity
        return _runner(n, pos_pairs, pos_w, "leiden", resolution)
    ig, la = _igraph(), _leidenalg()
    g_pos = ig.Graph(n=n, edges=pos_pairs.tolist())
    g_neg = ig.Graph(n=n, edges=neg_pairs.tolist())
    pos_list, neg_list = pos_w.tolist(), neg_w.tolist()

    def run(seed: int) -> np.ndarray:
        part_pos = la.RBConfigurationVertexPartition(
            g_pos, weights=pos_list, resolution_parameter=resolution
        )
        part_neg = la.RBConfigurationVertexPartition(
            g_neg, weights=neg_list, resolution_parameter=resolution
        )
        opt = la.Optimiser()
        opt.set_rng_seed(seed)
        opt.optimise_partition_multiplex(
            [part_pos, part_neg], layer_weights=[1, -1], n_iterations=-1
        )
        return np.array(part_pos.membership)

    return run


# --------------------------------------------------------------------------- single runs


def _partition(nodes: list, labels: np.ndarray) -> Partition:
    return canonical(dict(zip(nodes, labels.tolist(), strict=True)))


@dataclass(frozen=True)
class LouvainFn:
    """`louvain` as a (graph, seed) -> partition function, with an array fast path."""

    resolution: float = 1.0
    backend: str = "python-louvain"

    def __call__(self, G: nx.Graph, seed: int) -> Partition:
        return louvain(G, resolution=self.resolution, seed=seed, backend=self.backend)

    def labels(self, edges: EdgeList, seed: int) -> np.ndarray:
        pairs, w = edges.positive()
        return _runner(len(edges.nodes), pairs, w, self.backend, self.resolution)(seed)


@dataclass(frozen=True)
class SignedFn:
    """`signed_blocs` as a (graph, seed) -> partition function, with an array fast path."""

    resolution: float = 1.0

    def __call__(self, G: nx.Graph, seed: int) -> Partition:
        return signed_blocs(G, resolution=self.resolution, seed=seed)

    def labels(self, edges: EdgeList, seed: int) -> np.ndarray:
        return _signed_runner(edges, self.resolution)(seed)


def louvain(
    G: GraphLike,
    *,
    resolution: float = 1.0,
    seed: int,
    backend: str = "python-louvain",
    weight: str = "weight",
) -> Partition:
    """One Louvain run on the positive agreement graph (python-louvain by default)."""
    edges = as_edges(G)
    pairs, w = edges.positive(weight)
    return _partition(edges.nodes, _runner(len(edges.nodes), pairs, w, backend, resolution)(seed))


def signed_blocs(G: GraphLike, *, resolution: float = 1.0, seed: int) -> Partition:
    """Blocs that agree inside and disagree across: leidenalg multiplex, layers weighted 1, -1.

    Unlike Louvain on the net index, disagreement is its own layer with its own null model, so
    two camps that agree on everything unanimous but split on every contested proposal come
    out apart (Traag & Bruggeman 2009 signed modularity, optimised with Leiden).
    """
    edges = as_edges(G)
    return _partition(edges.nodes, _signed_runner(edges, resolution)(seed))
