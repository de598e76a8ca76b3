"""Blocs from an agreement graph: one import for the pieces spread over their modules.

* `graphkit.communities`, `graphkit.netagreement`, `graphkit.methods`: one seeded run by
  method (net, louvain, signed) and backend.
* `graphkit.consensus`: many runs, one consensus partition, seed stability.
* `graphkit.significance`: the null model (degree-preserving shuffles) and the stated test.
* `graphkit.evidence`: the bootstrap over questions (evidence confidence, bloc stability).
* `graphkit.labels`: cohesion, frustration and labels by evidence.
"""

from __future__ import annotations

from graphkit.communities import (
    GraphLike,
    LouvainFn,
    Partition,
    SignedFn,
    _igraph,
    _labels_modularity,
    _leidenalg,
    _runner,
    blocs_of,
    canonical,
    louvain,
    modularity,
    positive_graph,
    signed_blocs,
    signed_layers,
)
from graphkit.consensus import ConsensusResult, coassignment, consensus, with_bloc
from graphkit.evidence import Evidence, bootstrap
from graphkit.labels import (
    cohesion,
    frustration,
    invert_membership,
    label_blocs,
    leading_members,
)
from graphkit.methods import method_fn, method_quality, method_runner
from graphkit.netagreement import NetFn, NetSolver, net_blocs, net_quality, net_weights
from graphkit.params import BACKENDS, DEFAULT_BACKEND
from graphkit.projection import EdgeList
from graphkit.significance import (
    MIN_SHUFFLES,
    MIN_Z,
    NullModelResult,
    PartitionFn,
    Significance,
    null_model_zscore,
    shuffle_edges,
    shuffle_graph,
    significance,
)

__all__ = [
    "BACKENDS", "DEFAULT_BACKEND", "MIN_SHUFFLES", "MIN_Z", "ConsensusResult", "EdgeList",
    "Evidence", "GraphLike", "LouvainFn", "NetFn", "NetSolver", "NullModelResult", "Partition",
    "PartitionFn", "Significance", "SignedFn", "_igraph", "_labels_modularity", "_leidenalg",
    "_runner", "blocs_of", "bootstrap", "canonical", "coassignment", "cohesion", "consensus",
    "frustration", "invert_membership", "label_blocs", "leading_members", "louvain",
    "method_fn", "method_quality", "method_runner", "modularity", "net_blocs", "net_quality",
    "net_weights", "null_model_zscore", "positive_graph", "shuffle_edges", "shuffle_graph",
    "signed_blocs", "signed_layers", "significance", "with_bloc",
]  # fmt: skip
