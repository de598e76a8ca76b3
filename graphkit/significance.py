"""Is there any bloc structure? The found blocs against the same method on shuffled data.

Two null models:

* `null_model_permuted` (what `analyze` uses): the session itself, with the participants of
  each question dealt out again at random (`Cells.permuted`). Every question keeps its split
  (how many backed, opposed, stayed neutral, with their weights) and every actor its
  participation; only the alignment of sides across questions is lost. This is the null of
  roll-call analysis ("do the same actors keep ending up on the same side?") and it is fair to
  sparse negotiation records, where who happens to speak on what is not itself a bloc.
* `null_model_zscore`: degree-preserving shuffles of the agreement graph (for graphs without
  the positions behind them).

The test (`significance`): the method's own quality (modularity, or the signed modularity of
"net") of one run on the real data against one run on each of `shuffles` null samples;
z = (observed - mean) / sd. A session is significant when, over at least 20 shuffles, z >= 2
and the observed quality beats every shuffle (empirical p = 1/(shuffles + 1) <= 0.05; no
normality assumed). On 80 sessions of random positions, 2.5% passed z >= 2 alone, as a
one-sided normal reading predicts (tests/test_analysis.py checks a dozen).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graphkit.communities import GraphLike, _labels_modularity
from graphkit.methods import needs_cooccurrences, sample_runner
from graphkit.projection import DEFAULT_SHRINKAGE, EdgeList, Incidence, as_edges

PartitionFn = Callable[[nx.Graph, int], Mapping[Hashable, int]]
MIN_SHUFFLES = 20  # below this, a z-score is too noisy to call anything significant
MIN_Z = 2.0


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
    seed+1..); the statistic is `partition_fn.quality(edges, labels)` when it has one (the
    "net" objective), else modularity at `resolution` on each graph's positive part.
    `LouvainFn`/`SignedFn`/`NetFn` skip the nx round trip, most of the cost on dense graphs.
    """
    edges = as_edges(G)
    n = len(edges.nodes)

    def score(el: EdgeList, s: int) -> float:
        if hasattr(partition_fn, "labels"):
            labels = partition_fn.labels(el, s)
        else:
            part = partition_fn(el.to_graph(), s)
            labels = np.array([part[v] for v in el.nodes])
        if hasattr(partition_fn, "quality"):
            return float(partition_fn.quality(el, labels))
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


def _summary(observed: float, values: list[float]) -> tuple[float, float, float | None]:
    arr = np.array(values, dtype=float)
    mean = float(arr.mean()) if arr.size else float("nan")
    std = float(arr.std(ddof=1)) if arr.size > 1 else 0.0
    z = (observed - mean) / std if std > 1e-12 else None
    return mean, std, z


def null_model_permuted(
    inc: Incidence,
    *,
    method: str,
    resolution: float,
    backend: str,
    shuffles: int,
    seed: int,
    shrinkage: float = DEFAULT_SHRINKAGE,
    min_cooccurrences: int = 1,
) -> NullModelResult:
    """One run of `method` on the counts of `inc` (seed `seed`) against one run on each of
    `shuffles` permuted sessions (`null_samples`)."""
    common = {"method": method, "resolution": resolution, "backend": backend,
              "shrinkage": shrinkage, "min_cooccurrences": min_cooccurrences}  # fmt: skip
    observed = null_observed(inc, seed=seed, **common)
    values = null_samples(inc, shuffles=shuffles, seed=seed, **common)
    return null_result(observed, values, seed)


def null_observed(inc: Incidence, *, seed: int, **method) -> float:
    """The method's quality of one run (seed `seed`) on the real counts."""
    run = sample_runner(list(inc.actors), **method)
    return run(*inc.counts(), seed)[1]


def null_samples(
    inc: Incidence, *, shuffles: int, seed: int, start: int = 0, stop: int | None = None,
    **method,
) -> list[float]:  # fmt: skip
    """Qualities of permuted sessions start .. stop-1 of `shuffles`: shuffle k deals from a
    generator seeded (seed, k) and runs with seed + 1 + k, so chunks give the same values."""
    run = sample_runner(list(inc.actors), **method)
    need = needs_cooccurrences(method["method"], method.get("min_cooccurrences", 1))
    stop = shuffles if stop is None else min(stop, shuffles)
    values = []
    for k in range(start, stop):
        deal = inc.deal(np.random.default_rng([seed, k]))
        values.append(run(*inc.counts(deal=deal, cooccurrences=need), seed + 1 + k)[1])
    return values


def null_result(observed: float, values: list[float], seed: int) -> NullModelResult:
    mean, std, z = _summary(observed, values)
    return NullModelResult(observed, mean, std, z, len(values), "permute-within-questions", seed,
                           tuple(values))  # fmt: skip


@dataclass(frozen=True)
class Significance:
    """The stated test: z >= `min_z` over at least `min_shuffles` shuffles."""

    significant: bool
    z: float | None
    shuffles: int
    reason: str | None  # why not, in words; None when significant
    min_z: float = MIN_Z
    min_shuffles: int = MIN_SHUFFLES


def significance(
    null: NullModelResult | None,
    *,
    min_shuffles: int = MIN_SHUFFLES,
    min_z: float = MIN_Z,
) -> Significance:
    """Read a null-model result as a yes/no answer, with the reason when it is no."""
    if null is None or null.shuffles == 0:
        return Significance(False, None, 0, "not tested (no null-model shuffles)", min_z,
                            min_shuffles)  # fmt: skip
    if null.shuffles < min_shuffles:
        reason = f"not tested enough ({null.shuffles} shuffles, {min_shuffles} needed)"
        return Significance(False, null.z, null.shuffles, reason, min_z, min_shuffles)
    if null.z is None:
        reason = "no structure beyond the degrees (every shuffle scores the same)"
        return Significance(False, None, null.shuffles, reason, min_z, min_shuffles)
    if null.z < min_z:
        reason = f"not significant (z = {null.z:.2f} < {min_z:g} over {null.shuffles} shuffles)"
        return Significance(False, null.z, null.shuffles, reason, min_z, min_shuffles)
    beaten = sum(v >= null.observed for v in null.values)
    if beaten:
        reason = (f"not significant ({beaten} of {null.shuffles} shuffles score as high; "
                  f"z = {null.z:.2f})")  # fmt: skip
        return Significance(False, null.z, null.shuffles, reason, min_z, min_shuffles)
    return Significance(True, null.z, null.shuffles, None, min_z, min_shuffles)
