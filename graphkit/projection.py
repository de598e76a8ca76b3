"""From side-taking records to a signed actor-to-actor agreement graph.

Pure and deterministic (the output never depends on input order). `project` counts, for every
pair of actors, the proposals on which they took the same side, opposite sides, or any position
at all, through `graphkit.incidence` (matrix products, or a list of the pairs that meet); the
same `Incidence` is what the bootstrap resamples and the null model permutes, so both count
by exactly these rules.

Counting rules (documented here because every number downstream depends on them):

* stated positions: support/support and oppose/oppose agree, support/oppose disagree; a neutral
  position is presence (it co-occurs) without a side.
* recorded votes: yes/yes, no/no and abstain/abstain agree, yes/no disagrees, an abstention
  against yes or no is half a disagreement (`abstain_weight`).
* competing options: proposals sharing an `issue` are alternative answers to one question.
  Two actors who both back some option of the issue, but no option in common, disagree once
  for that issue (support-A vs support-B). Backing one option while the other actor opposes a
  different option gives no signal: with three or more options, opposing B says nothing about
  A, and when actors state both halves the direct comparisons already count them. Only stated
  positions compete; roll calls that share a resolution key (paragraph votes, the whole text)
  are not mutually exclusive and are compared one by one.
* weights: every position carries a weight (1 for what an actor said or voted itself, less for
  a group statement attributed to a member, see `graphkit.positions`); a pair's agreement or
  disagreement on a proposal counts the smaller of the two weights (for an issue, of each
  actor's heaviest support on it). Agreements and disagreements are these weighted sums.
* co-occurrence = proposals both took a position on, plus one per multi-option issue where
  both took any position (an unweighted count), so agreements + disagreements <= cooccurrences.
* index = (agree - disagree) / (agree + disagree), the share-based agreement index; net =
  (agree - disagree) / (agree + disagree + shrinkage): the posterior mean of the index under a
  uniform prior on the agreement rate when shrinkage = 2 (Laplace), so a pair seen on one
  proposal reads 1/3, not 1, and one attributed agreement (weight 1/14) reads ~0.03.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from graphkit.incidence import Incidence
from graphkit.incidence import build as build_incidence
from graphkit.model import Position
from graphkit.positions import dedupe, expand_groups

__all__ = [
    "EdgeList", "Incidence", "Projection", "as_edges", "dedupe", "edge_list", "expand_groups",
    "project",
]  # fmt: skip

METHOD = "agreement-projection/v2"  # v2: weighted positions, `net` with shrinkage
DEFAULT_SHRINKAGE = 2.0


@dataclass(frozen=True)
class Projection:
    """The agreement graph and how it was made.

    Edge attributes: agreements, disagreements (weighted), cooccurrences (a count), index in
    [-1, 1], weight = max(index, 0) (the positive part the Louvain method uses) and net (the
    shrunk index the default method uses); node attributes: positions (all) and stated.
    `edges` holds the graph as arrays (what the analysis uses); `graph`, the networkx view,
    is built on first use (nodes and edges inserted sorted; python-louvain depends on it).
    """

    edges: EdgeList
    actors: tuple[str, ...]
    excluded: tuple[str, ...]
    positions_used: int  # cells of the actors kept, stated and attributed
    position_counts: Mapping[str, int]  # every actor seen, excluded ones included
    min_positions: int
    min_cooccurrences: int
    abstain_weight: float
    incidence: Incidence | None = field(default=None, repr=False)  # for resampling
    positions_stated: int = 0  # cells stated by the actor itself (all actors seen)
    positions_attributed: int = 0  # cells attributed from a group statement (all actors seen)
    shrinkage: float = DEFAULT_SHRINKAGE
    method: str = METHOD
    params: Mapping[str, object] = field(default_factory=dict)

    @functools.cached_property
    def graph(self) -> nx.Graph:
        return self.edges.to_graph()


@dataclass(frozen=True, eq=False)
class EdgeList:
    """A graph as arrays: sorted nodes, edges (i < j, sorted) and per-edge attribute columns.

    Converting an nx graph once and working on arrays is what keeps 100 runs and the null
    model cheap on dense 190-node graphs (iterating nx edges costs ~20 ms a pass).
    """

    nodes: list
    pairs: np.ndarray  # (E, 2) int64, row-sorted
    attrs: dict[str, np.ndarray]  # name -> (E,) float, NaN where an edge lacks it
    node_attrs: dict[str, np.ndarray] = field(default_factory=dict)  # name -> (N,) values
    graph_attrs: dict[str, object] = field(default_factory=dict)

    INTEGER = ("cooccurrences",)  # columns handed to networkx as int

    @classmethod
    def from_graph(cls, G: nx.Graph) -> EdgeList:
        nodes = sorted(G.nodes)
        pos = {v: i for i, v in enumerate(nodes)}
        edges = list(G.edges(data=True))
        pairs = np.array([(pos[u], pos[v]) for u, v, _ in edges], dtype=np.int64).reshape(-1, 2)
        pairs.sort(axis=1)
        attrs = {}
        for k in sorted({k for _, _, d in edges for k in d}):
            try:
                attrs[k] = np.array([d.get(k, np.nan) for _, _, d in edges], dtype=float)
            except (TypeError, ValueError):
                continue  # non-numeric attributes (labels, notes) are not needed here
        order = np.lexsort((pairs[:, 1], pairs[:, 0]))
        return cls(nodes, pairs[order], {k: a[order] for k, a in attrs.items()})

    def column(self, name: str, default: float = 0.0) -> np.ndarray:
        col = self.attrs.get(name)
        if col is None:
            return np.full(len(self.pairs), default)
        return np.where(np.isnan(col), default, col)

    def positive(self, weight: str = "weight") -> tuple[np.ndarray, np.ndarray]:
        """Edges with positive `weight` (missing weight = 1, as in networkx)."""
        w = self.column(weight, 1.0)
        keep = w > 0
        return self.pairs[keep], w[keep]

    def to_graph(self, **graph_attrs) -> nx.Graph:
        """The networkx graph (nodes and edges inserted sorted; NaN attributes left out)."""
        G = nx.Graph(**{**self.graph_attrs, **graph_attrs})
        node_cols = {k: v.tolist() for k, v in self.node_attrs.items()}
        G.add_nodes_from((v, {k: c[i] for k, c in node_cols.items()}) for i, v in
                         enumerate(self.nodes))  # fmt: skip
        keys = list(self.attrs)
        cols = [
            [int(x) for x in self.attrs[k].tolist()] if k in self.INTEGER and
            not np.isnan(self.attrs[k]).any() else self.attrs[k].tolist()
            for k in keys
        ]  # fmt: skip
        nodes = self.nodes
        G.add_edges_from(
            (nodes[i], nodes[j], {k: c[e] for k, c in zip(keys, cols, strict=True) if c[e] == c[e]})
            for e, (i, j) in enumerate(self.pairs.tolist())
        )
        return G


def as_edges(G: nx.Graph | EdgeList | Projection) -> EdgeList:
    """Accept a graph, its arrays, or a projection (which carries its arrays ready-made)."""
    if isinstance(G, EdgeList):
        return G
    if isinstance(G, Projection):
        return G.edges
    return EdgeList.from_graph(G)


def edge_list(
    actors: Sequence[str],
    agree: np.ndarray,
    disagree: np.ndarray,
    cooc: np.ndarray,
    *,
    min_cooccurrences: int = 1,
    shrinkage: float = DEFAULT_SHRINKAGE,
    keep: np.ndarray | None = None,
) -> EdgeList:
    """Edges (i < j) with at least `min_cooccurrences`, among actors where `keep` is true."""
    n = len(actors)
    iu, ju = np.triu_indices(n, k=1)
    ok = cooc[iu, ju] >= max(min_cooccurrences, 1) - 1e-9
    if keep is not None:
        ok &= keep[iu] & keep[ju]
    iu, ju = iu[ok], ju[ok]
    a, d = agree[iu, ju], disagree[iu, ju]
    a = np.where(np.abs(a) < 1e-12, 0.0, a)
    d = np.where(np.abs(d) < 1e-12, 0.0, d)  # float residue of the issue-level subtraction
    total = a + d
    idx = np.where(total > 0, (a - d) / np.where(total > 0, total, 1.0), 0.0)
    attrs = {
        "agreements": a,
        "disagreements": d,
        "cooccurrences": np.rint(cooc[iu, ju]),
        "index": idx,
        "weight": np.maximum(idx, 0.0),
        "net": (a - d) / (total + shrinkage) if shrinkage > 0 else idx,
    }
    return EdgeList(list(actors), np.stack([iu, ju], axis=1).astype(np.int64), attrs)


def project(
    positions: Iterable[Position],
    *,
    min_positions: int = 3,
    min_cooccurrences: int = 1,
    abstain_weight: float = 0.5,
    shrinkage: float = DEFAULT_SHRINKAGE,
) -> Projection:
    """Signed agreement graph between actors with at least `min_positions` positions.

    Counts come from `graphkit.incidence` (products or a pair list, never a loop over actor
    pairs), which keeps dense roll-call sessions cheap. Pairs with fewer than `min_cooccurrences`
    shared proposals/issues get no edge. Attributed positions count towards `min_positions`
    like stated ones (their weight shows in the counts).
    """
    cells = dedupe(positions)
    counts: dict[str, int] = defaultdict(int)
    stated: dict[str, int] = defaultdict(int)
    for p in cells:
        counts[p.actor] += 1
        stated[p.actor] += not p.attributed
    actors = tuple(sorted(a for a, c in counts.items() if c >= min_positions))
    excluded = tuple(sorted(a for a, c in counts.items() if c < min_positions))
    # options per issue are a property of the data, so they are counted before exclusion
    options: dict[str, set[str]] = defaultdict(set)
    for p in cells:
        if p.kind == "position" and p.issue is not None:
            options[p.issue].add(p.proposal)
    multi = [i for i, props in options.items() if len(props) > 1]
    inc = build_incidence(cells, actors, multi, abstain_weight=abstain_weight)
    agree, disagree, cooc = inc.counts()
    edges = edge_list(
        actors, agree, disagree, cooc, min_cooccurrences=min_cooccurrences, shrinkage=shrinkage
    )
    edges = EdgeList(
        edges.nodes,
        edges.pairs,
        edges.attrs,
        node_attrs={
            "positions": np.array([counts[a] for a in actors], dtype=np.int64),
            "stated": np.array([stated[a] for a in actors], dtype=np.int64),
        },
        graph_attrs={
            "method": METHOD, "min_positions": min_positions,
            "min_cooccurrences": min_cooccurrences, "abstain_weight": abstain_weight,
            "shrinkage": shrinkage,
        },
    )  # fmt: skip
    attributed = sum(1 for p in cells if p.attributed)
    return Projection(
        edges=edges,
        actors=actors,
        excluded=excluded,
        positions_used=sum(counts[a] for a in actors),
        position_counts=dict(sorted(counts.items())),
        min_positions=min_positions,
        min_cooccurrences=min_cooccurrences,
        abstain_weight=abstain_weight,
        incidence=inc,
        positions_stated=len(cells) - attributed,
        positions_attributed=attributed,
        shrinkage=shrinkage,
        params={
            "min_positions": min_positions,
            "min_cooccurrences": min_cooccurrences,
            "abstain_weight": abstain_weight,
            "shrinkage": shrinkage,
        },
    )
