"""Blocs from an agreement graph: Louvain, consensus over seeds, significance, signed blocs.

Conventions:

* graphs come from `graphkit.projection.project`: edge `weight` = max(index, 0) is what
  modularity sees; `agreements`/`disagreements` feed the signed method and frustration.
* every partition returned here is canonical: bloc 0 is the largest, ties broken by the
  smallest member, so the same blocs always print with the same ids.
* every random choice takes an explicit seed. The one global touched is igraph's
  process-wide generator: the igraph backend swaps in `random.Random(seed)` for the call and
  restores Python's `random` module (igraph's default) afterwards, so it is not thread-safe.

Backends (same modularity objective, `backend=`): "python-louvain" is the reference,
"networkx" its networkx port, "igraph" the C multilevel (Louvain) implementation, "leiden"
leidenalg's RBConfiguration (modularity with resolution). igraph is the default for consensus:
on dense 190-node UNGA-like graphs (~18k edges) one run takes ~2.5 ms against ~100 ms for
python-louvain, ~80 ms for networkx and ~32 ms for leiden, with identical partitions (NMI 1.0
per seed and for the 100-run consensus) on planted graphs; see bench/community_backends.py.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterator, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graphkit.params import BACKENDS, DEFAULT_BACKEND
from graphkit.projection import EdgeList, Projection, as_edges


def _igraph():
    """igraph, imported on first use with matplotlib hidden.

    igraph imports matplotlib.pyplot at import time for its drawing module (about a second of a
    cold start), which bloc detection never uses; our figures use matplotlib directly and are
    unaffected once this import is done.
    """
    import sys

    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # -> ImportError in igraph
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
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


# --------------------------------------------------------------------------- consensus


@dataclass(frozen=True, eq=False)
class ConsensusResult:
    """Final partition over `runs` seeded runs, with per-actor confidence.

    coassignment[i, j] = share of runs in which nodes[i] and nodes[j] shared a bloc.
    """

    partition: Partition
    confidence: dict[Hashable, float]
    modularity: float
    nodes: tuple
    coassignment: np.ndarray
    runs: int
    seed: int
    resolution: float
    backend: str
    signed: bool
    threshold: float
    rounds: int
    converged: bool
    method: str = "consensus/lancichinetti-fortunato"


def coassignment(labels: np.ndarray) -> np.ndarray:
    """Share of runs (rows of `labels`) in which each pair of nodes sat together."""
    labels = np.asarray(labels)
    runs, n = labels.shape
    out = np.zeros((n, n))
    for row in labels:
        out += row[:, None] == row[None, :]
    return out / max(runs, 1)


def _components(mask: np.ndarray) -> np.ndarray:
    """Component labels, numbered by lowest vertex (igraph: already loaded, unlike csgraph)."""
    rows, cols = np.nonzero(np.triu(mask, 1))
    g = _igraph().Graph(n=len(mask), edges=np.column_stack([rows, cols]).tolist())
    return np.array(g.connected_components().membership, dtype=np.int64)


def _consensus_labels(
    D: np.ndarray, *, backend: str, threshold: float, seed: int, max_rounds: int, round_runs: int
) -> tuple[np.ndarray, int, bool]:
    """Lancichinetti & Fortunato (2012): re-cluster the co-assignment graph until all agree.

    Entries below `threshold` are dropped, so an actor that sits with nobody in most runs
    ends up alone. If the rounds do not converge, pairs together in a majority of the last
    round's runs are joined (connected components).
    """
    n = D.shape[0]
    iu, ju = np.triu_indices(n, k=1)
    for rnd in range(max_rounds):
        if np.all((D < 1e-9) | (D > 1 - 1e-9)):
            return _components(D > 0.5), rnd, True
        keep = D[iu, ju] >= threshold
        pairs = np.stack([iu[keep], ju[keep]], axis=1)
        run = _runner(n, pairs, D[iu, ju][keep], backend, 1.0)
        base = seed + rnd * round_runs
        D = coassignment(np.array([run(base + r) for r in range(round_runs)]))
    return _components(D > 0.5), max_rounds, bool(np.all((D < 1e-9) | (D > 1 - 1e-9)))


def _confidence(labels: np.ndarray, final: np.ndarray) -> np.ndarray:
    """Share of runs in which each node's community held a strict majority of its final bloc.

    For a bloc of one, the share of runs in which the node was alone.
    """
    runs, n = labels.shape
    k = int(final.max()) + 1 if n else 0
    onehot = np.zeros((n, k))
    onehot[np.arange(n), final] = 1.0
    size = onehot.sum(axis=0)[final]
    hits = np.zeros(n)
    for row in labels:
        same = (row[:, None] == row[None, :]).astype(float)
        with_bloc = (same @ onehot)[np.arange(n), final]
        alone = same.sum(axis=1) == 1
        hits += np.where(size == 1, alone, with_bloc > size / 2)
    return hits / max(runs, 1)


def consensus(
    G: GraphLike,
    *,
    runs: int = 100,
    resolution: float = 1.0,
    seed: int = 0,
    backend: str = DEFAULT_BACKEND,
    signed: bool = False,
    threshold: float = 0.5,
    max_rounds: int = 10,
    round_runs: int = 10,
) -> ConsensusResult:
    """Blocs that survive the seed: run `runs` times (seeds seed..seed+runs-1), then agree.

    Modularity optima are degenerate on flat agreement graphs; one run is one draw. The final
    partition comes from re-clustering the co-assignment matrix with `backend` (see
    `_consensus_labels`; its rounds are seeded from seed+runs on). `signed=True` uses
    `signed_blocs` for the runs. `modularity` is that of the final partition on the positive
    graph, at `resolution`.
    """
    if runs < 1:
        raise ValueError("runs must be >= 1")
    edges = as_edges(G)
    nodes, n = edges.nodes, len(edges.nodes)
    pairs, w = edges.positive()
    run = _signed_runner(edges, resolution) if signed else _runner(n, pairs, w, backend, resolution)
    labels = np.array([run(seed + r) for r in range(runs)], dtype=np.int64).reshape(runs, n)
    D = coassignment(labels)
    final, rounds, converged = _consensus_labels(
        D,
        backend=backend,
        threshold=threshold,
        seed=seed + runs,
        max_rounds=max_rounds,
        round_runs=round_runs,
    )
    partition = _partition(nodes, final)
    final = np.array([partition[v] for v in nodes], dtype=np.int64)
    conf = _confidence(labels, final) if n else np.zeros(0)
    return ConsensusResult(
        partition=partition,
        confidence={v: float(c) for v, c in zip(nodes, conf, strict=True)},
        modularity=_labels_modularity(n, pairs, w, final, resolution),
        nodes=tuple(nodes),
        coassignment=D,
        runs=runs,
        seed=seed,
        resolution=resolution,
        backend="leiden-signed" if signed else backend,
        signed=signed,
        threshold=threshold,
        rounds=rounds,
        converged=converged,
    )


# --------------------------------------------------------------------------- null model


@dataclass(frozen=True)
class NullModelResult:
    """Modularity of the found partition against the same method on shuffled graphs.

    Unpacks as (mean, std, z). z is None when the shuffles all score the same.
    """

    observed: float
    mean: float
    std: float
    z: float | None
    shuffles: int
    method: str
    seed: int
    values: tuple[float, ...]

    def __iter__(self) -> Iterator:
        return iter((self.mean, self.std, self.z))


def _shuffle_method(edges: EdgeList, method: str) -> str:
    if method != "auto":
        return method
    n, e = len(edges.nodes), len(edges.pairs)
    return "swap" if n > 1 and e <= 0.5 * n * (n - 1) / 2 else "permute"


def shuffle_edges(
    edges: EdgeList, rng: np.random.Generator, *, method: str = "auto", swaps_per_edge: int = 10
) -> EdgeList:
    """A degree-preserving randomisation; each edge's attributes travel as one bundle.

    "permute": same edges, attribute bundles permuted across them (right for dense graphs:
    a UNGA session is nearly complete and leaves no room for swaps). "swap": double-edge
    swaps (u-v, x-y -> u-x, v-y) with the bundles moving along, for sparse graphs, where who
    co-occurs with whom is itself structure. "auto" swaps when at most half the pairs are edges.
    """
    method = _shuffle_method(edges, method)
    e = len(edges.pairs)
    if method == "permute":
        perm = rng.permutation(e)
        return EdgeList(edges.nodes, edges.pairs, {k: a[perm] for k, a in edges.attrs.items()})
    if method != "swap":
        raise ValueError(f"unknown shuffle method {method!r}")
    pairs = [tuple(p) for p in edges.pairs.tolist()]
    present = set(pairs)
    tries = swaps_per_edge * e if e >= 2 else 0
    picks = rng.integers(0, max(e, 1), size=(tries, 2)).tolist()
    flips = (rng.random(tries) < 0.5).tolist()
    for (a, b), flip in zip(picks, flips, strict=True):
        if a == b:
            continue
        (u, v), (x, y) = pairs[a], pairs[b]
        if flip:
            x, y = y, x
        new_a, new_b = (min(u, x), max(u, x)), (min(v, y), max(v, y))
        if u == x or v == y or new_a in present or new_b in present:
            continue
        present -= {pairs[a], pairs[b]}
        present |= {new_a, new_b}
        pairs[a], pairs[b] = new_a, new_b
    arr = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    order = np.lexsort((arr[:, 1], arr[:, 0]))
    return EdgeList(edges.nodes, arr[order], {k: a[order] for k, a in edges.attrs.items()})


def shuffle_graph(
    G: nx.Graph, rng: np.random.Generator, *, method: str = "auto", swaps_per_edge: int = 10
) -> nx.Graph:
    """`shuffle_edges` on an nx graph (nodes and edges inserted sorted)."""
    edges = shuffle_edges(EdgeList.from_graph(G), rng, method=method, swaps_per_edge=swaps_per_edge)
    return edges.to_graph(**G.graph)


def null_model_zscore(
    G: GraphLike,
    partition_fn: PartitionFn,
    *,
    shuffles: int = 20,
    seed: int,
    method: str = "auto",
    resolution: float = 1.0,
) -> NullModelResult:
    """Is the bloc structure more than what any graph with these degrees would show?

    `partition_fn(graph, seed)` runs on G (seed) and on `shuffles` shuffled copies (seeds
    seed+1..); the statistic is modularity at `resolution` on each graph's positive part.
    `LouvainFn`/`SignedFn` skip the nx round trip, which is most of the cost on dense graphs.
    """
    edges = as_edges(G)
    n = len(edges.nodes)

    def score(el: EdgeList, s: int) -> float:
        if hasattr(partition_fn, "labels"):
            labels = partition_fn.labels(el, s)
        else:
            part = partition_fn(el.to_graph(), s)
            labels = np.array([part[v] for v in el.nodes])
        pairs, w = el.positive()
        return _labels_modularity(n, pairs, w, labels, resolution)

    observed = score(edges, seed)
    rng = np.random.default_rng(seed)
    values = [
        score(shuffle_edges(edges, rng, method=method), seed + 1 + k) for k in range(shuffles)
    ]
    arr = np.array(values, dtype=float)
    mean = float(arr.mean()) if arr.size else float("nan")
    std = float(arr.std(ddof=1)) if arr.size > 1 else 0.0
    z = (observed - mean) / std if std > 1e-12 else None
    method = _shuffle_method(edges, method)
    return NullModelResult(observed, mean, std, z, shuffles, method, seed, tuple(values))


# --------------------------------------------------------------------------- description


def frustration(
    G: nx.Graph, partition: Mapping[Hashable, int], *, weight: str = "disagreements"
) -> float:
    """Share of all disagreement that falls inside blocs (0 = blocs never disagree inside)."""
    inside = total = 0.0
    for u, v, d in G.edges(data=True):
        x = float(d.get(weight, 0.0))
        total += x
        if partition.get(u) is not None and partition.get(u) == partition.get(v):
            inside += x
    return inside / total if total > 0 else 0.0


def cohesion(G: nx.Graph, members: Collection[Hashable]) -> float | None:
    """Mean agreement index over member pairs that share proposals; None for fewer than 2."""
    sub = G.subgraph(members)
    values = [float(d.get("index", d.get("weight", 0.0))) for _, _, d in sub.edges(data=True)]
    return float(np.mean(values)) if values else None


def label_blocs(
    G: nx.Graph,
    partition: Mapping[Hashable, int],
    actor_groups: Mapping[str, Collection[str]],
    *,
    top: int = 3,
    min_share: float = 0.5,
) -> dict[int, str]:
    """Readable names: the `top` most central members, then the groups the bloc mostly holds.

    Centrality is the number of agreements with the rest of the bloc (weighted degree on the
    `agreements` attribute, else `weight`). `actor_groups` maps actor -> its groups;
    a group is named when more than `min_share` of its members in the graph sit in the bloc
    (at most three, largest share first), e.g. "USA, GBR, CAN + WEOG".
    """
    group_members: dict[str, set] = defaultdict(set)
    for actor in G.nodes:
        for group in actor_groups.get(actor, ()):
            group_members[group].add(actor)
    labels = {}
    for bloc, members in blocs_of(partition).items():
        inside = set(members)
        # agreements inside the bloc (falling back to weight): an actor that sided with its bloc
        # often counts more than one seen once, whose index is as high
        strength = {
            v: sum(
                float(d.get("agreements", d.get("weight", 0.0)))
                for u, d in G[v].items()
                if u in inside
            )  # fmt: skip
            if v in G
            else 0.0
            for v in members
        }
        central = sorted(members, key=lambda v: (-strength[v], v))[:top]
        shares = []
        for group, gm in group_members.items():
            if len(gm) < 2:
                continue
            share = len(gm & inside) / len(gm)
            if share > min_share:
                shares.append((-share, -len(gm), group))
        groups = [g for _, _, g in sorted(shares)[:3]]
        label = ", ".join(map(str, central))
        if groups:
            label += " + " + ", ".join(groups)
        elif len(members) > len(central):
            label += f" + {len(members) - len(central)} more"
        labels[bloc] = label
    return labels


def invert_membership(membership: Mapping[str, Collection[str]]) -> dict[str, set[str]]:
    """group -> members into actor -> groups (the shape `label_blocs` takes)."""
    out: dict[str, set[str]] = defaultdict(set)
    for group, members in membership.items():
        for m in members:
            out[m].add(group)
    return dict(out)
