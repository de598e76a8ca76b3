"""Blocs that survive the seed: many seeded runs, then one consensus partition.

Modularity optima are degenerate on flat agreement graphs; one run is one draw. `consensus`
runs a method `runs` times and re-clusters the co-assignment matrix (Lancichinetti &
Fortunato 2012) until the runs agree. Its per-actor `confidence` is the *seed stability*:
how often an actor sat with its bloc across seeds, which says nothing about how much evidence
placed it there (`graphkit.evidence` answers that by resampling the proposals).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

import numpy as np

from graphkit.communities import GraphLike, Partition, _igraph, _partition, _runner
from graphkit.methods import method_quality, method_runner
from graphkit.params import DEFAULT_BACKEND
from graphkit.projection import as_edges

BACKEND_OF = {"net": "igraph-leiden-net", "signed": "leiden-signed"}  # louvain: its backend


@dataclass(frozen=True, eq=False)
class ConsensusResult:
    """Final partition over `runs` seeded runs, with per-actor seed stability (`confidence`).

    coassignment[i, j] = share of runs in which nodes[i] and nodes[j] shared a bloc;
    `modularity` is the method's quality of the final partition (`method_quality`).
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
    detection: str = "louvain"  # the method of the runs: net, louvain or signed
    method: str = "consensus/lancichinetti-fortunato"


def _first_seen(row: np.ndarray) -> np.ndarray:
    """Labels renumbered by first appearance: equal arrays = equal partitions."""
    _, first, inverse = np.unique(row, return_index=True, return_inverse=True)
    return np.argsort(np.argsort(first))[inverse]


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


def with_bloc(labels: np.ndarray, final: np.ndarray, present: np.ndarray | None = None):
    """Per run (row of `labels`) and node: did the node's community hold a strict majority of
    its final bloc's members present in that run? For a bloc of one: was the node alone?

    `present` (runs x nodes, bool) marks who took part in a run (a bootstrap resample); an
    absent node is never with its bloc: nothing placed it there.
    """
    runs, n = labels.shape
    if present is None:
        present = np.ones((runs, n), dtype=bool)
    k = int(final.max()) + 1 if n else 0
    onehot = np.zeros((n, k))
    onehot[np.arange(n), final] = 1.0
    out = np.zeros((runs, n), dtype=bool)
    for r, row in enumerate(labels):
        here = present[r]
        same = (row[:, None] == row[None, :]) & here[:, None] & here[None, :]
        with_bloc = (same.astype(float) @ onehot)[np.arange(n), final]
        size = (onehot * here[:, None]).sum(axis=0)[final]
        alone = same.sum(axis=1) == 1
        hit = np.where(size == 1, alone, with_bloc > size / 2)
        out[r] = hit & here
    return out


def _confidence(labels: np.ndarray, final: np.ndarray) -> np.ndarray:
    """Share of runs in which each node sat with its final bloc (`with_bloc`)."""
    return with_bloc(labels, final).mean(axis=0) if len(labels) else np.zeros(labels.shape[1])


def consensus(
    G: GraphLike,
    *,
    runs: int = 100,
    resolution: float = 1.0,
    seed: int = 0,
    backend: str = DEFAULT_BACKEND,
    signed: bool = False,
    method: str | None = None,
    threshold: float = 0.5,
    max_rounds: int = 10,
    round_runs: int = 10,
    early_stop: int | None = None,
    runner: Callable[[int], np.ndarray] | None = None,
) -> ConsensusResult:
    """Blocs that survive the seed: run `runs` times (seeds seed..seed+runs-1), then agree.

    `runner` (seed -> a label per node, in the sorted node order of `G`) replaces the
    in-process runs, e.g. GDS Leiden inside Neo4j (`graphkit.store.gds.GdsRunner`); the
    consensus, the co-assignment and the seed stability are computed here the same way.

    `early_stop` (e.g. 20): when that many first runs all return the same partition, stop
    there: every further run would very probably repeat it (had a different partition a
    share of 15% or more, 20 identical draws would happen with probability < 4%), and the
    seed stability is 1 for everyone either way. Leiden does this on most sessions (AHC-1, -5:
    one partition in 100 runs); contested ones (AHC-7: six) run in full. `runs` says how many
    ran.

    Modularity optima are degenerate on flat agreement graphs; one run is one draw. The final
    partition comes from re-clustering the co-assignment matrix with `backend` (see
    `_consensus_labels`; its rounds are seeded from seed+runs on). `method` says what each run
    optimises (`graphkit.communities.method_runner`; default "louvain", or "signed" when
    `signed=True`).
    """
    if runs < 1:
        raise ValueError("runs must be >= 1")
    method = method or ("signed" if signed else "louvain")
    edges = as_edges(G)
    nodes, n = edges.nodes, len(edges.nodes)
    run = runner if runner is not None else method_runner(edges, method, resolution, backend)
    first = runs if early_stop is None else min(early_stop, runs)
    labels = np.array([run(seed + r) for r in range(first)], dtype=np.int64).reshape(first, n)
    if first < runs and len({tuple(_first_seen(row)) for row in labels}) > 1:
        rest = [run(seed + r) for r in range(first, runs)]
        labels = np.concatenate([labels, np.array(rest, dtype=np.int64).reshape(-1, n)])
    runs = len(labels)
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
        modularity=method_quality(edges, final, method, resolution),
        nodes=tuple(nodes),
        coassignment=D,
        runs=runs,
        seed=seed,
        resolution=resolution,
        backend=BACKEND_OF.get(method, backend),
        signed=method == "signed",
        threshold=threshold,
        rounds=rounds,
        converged=converged,
        detection=method,
    )
