"""One name per method: runs, quality and fast resampling runs for net, louvain, signed."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from graphkit.communities import (
    LouvainFn,
    Runner,
    SignedFn,
    _labels_modularity,
    _runner,
    _signed_runner,
)
from graphkit.netagreement import NetFn, NetSolver, _net_runner, net_quality
from graphkit.params import METHODS
from graphkit.projection import DEFAULT_SHRINKAGE, EdgeList, edge_list


def method_runner(edges: EdgeList, method: str, resolution: float, backend: str) -> Runner:
    """One seeded run of `method` ("net", "louvain" with `backend`, "signed") on `edges`."""
    if method == "net":
        return _net_runner(edges, resolution)
    if method == "signed":
        return _signed_runner(edges, resolution)
    if method == "louvain":
        pairs, w = edges.positive()
        return _runner(len(edges.nodes), pairs, w, backend, resolution)
    raise ValueError(f"unknown method {method!r}; choose from {METHODS}")


SampleRun = Callable[..., tuple[np.ndarray, float]]


def needs_cooccurrences(method: str, min_cooccurrences: int) -> bool:
    """Whether a sample's runs need the co-occurrence counts (only to drop thin pairs; "net"
    gives a pair with no side taken weight 0 anyway)."""
    return method != "net" or min_cooccurrences > 1


def sample_runner(
    actors: list,
    method: str,
    resolution: float,
    backend: str,
    *,
    shrinkage: float = DEFAULT_SHRINKAGE,
    min_cooccurrences: int = 1,
) -> SampleRun:
    """`run(agree, disagree, cooc, seed, keep=None) -> (labels, quality)`: one seeded run of
    `method` on counts of `actors` (a bootstrap resample or a null sample), with the method's
    quality of its result. "net" reuses one complete igraph graph (`NetSolver`)."""
    if method == "net":
        solver = NetSolver(len(actors))

        def run_net(agree, disagree, cooc, seed, keep=None):
            net = solver.weights(agree, disagree, cooc, shrinkage=shrinkage,
                                 min_cooccurrences=min_cooccurrences, keep=keep)  # fmt: skip
            labels = solver.run(net, resolution, seed)
            return labels, solver.quality(net, labels, resolution)

        return run_net

    def run_any(agree, disagree, cooc, seed, keep=None):
        edges = edge_list(actors, agree, disagree, cooc, shrinkage=shrinkage,
                          min_cooccurrences=min_cooccurrences, keep=keep)  # fmt: skip
        labels = method_runner(edges, method, resolution, backend)(seed)
        return labels, method_quality(edges, labels, method, resolution)

    return run_any


def method_quality(edges: EdgeList, labels: np.ndarray, method: str, resolution: float) -> float:
    """The statistic a method is judged by: "net" its own objective, the others modularity of
    the positive part (the two-layer objective of "signed" has no common scale across graphs)."""
    if method == "net":
        return net_quality(edges, labels, resolution)
    pairs, w = edges.positive()
    return _labels_modularity(len(edges.nodes), pairs, w, labels, resolution)


def method_fn(method: str, resolution: float, backend: str) -> LouvainFn | SignedFn | NetFn:
    """The (graph, seed) -> partition function of a method, for the null model."""
    if method == "net":
        return NetFn(resolution)
    if method == "signed":
        return SignedFn(resolution)
    return LouvainFn(resolution, backend)
