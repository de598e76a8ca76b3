"""From side-taking records to a signed actor-to-actor agreement graph.

Two steps, both pure and deterministic (the output never depends on input order):

* `expand_groups` copies what a group said (the EU, CARICOM, the African Group, or a state
  speaking on behalf of one) to the group's member states, because reports credit the group
  while the question is how the states line up.
* `project` counts, for every pair of actors, the proposals on which they took the same side,
  opposite sides, or any position at all. Counting is done with sparse actor-by-proposal
  matrices so a 193-state General Assembly session costs a few matrix products.

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
* co-occurrence = proposals both took a position on, plus one per multi-option issue where
  both took any position, so agreements + disagreements <= cooccurrences always holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import networkx as nx
import numpy as np
from scipy import sparse

from graphkit.model import STANCES, VOTES, Position

METHOD = "agreement-projection/v1"

# side codes of one actor-proposal cell
_FOR, _AGAINST, _ABSTAIN, _NONE = 1, 2, 3, 0
_SIDE = {"support": _FOR, "yes": _FOR, "oppose": _AGAINST, "no": _AGAINST, "abstain": _ABSTAIN}


@dataclass(frozen=True)
class Projection:
    """The agreement graph and how it was made.

    Edge attributes: agreements, disagreements, cooccurrences, index in [-1, 1] and
    weight = max(index, 0), the positive part that modularity-based methods use.
    Nodes and edges are inserted in sorted order (python-louvain depends on it).
    """

    graph: nx.Graph
    edges: EdgeList  # the same graph as arrays, for the fast paths in graphkit.blocs
    actors: tuple[str, ...]
    excluded: tuple[str, ...]
    positions_used: int
    position_counts: Mapping[str, int]  # every actor seen, excluded ones included
    min_positions: int
    min_cooccurrences: int
    abstain_weight: float
    method: str = METHOD
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class EdgeList:
    """A graph as arrays: sorted nodes, edges (i < j, sorted) and per-edge attribute columns.

    Converting an nx graph once and working on arrays is what keeps 100 runs and the null
    model cheap on dense 190-node graphs (iterating nx edges costs ~20 ms a pass).
    """

    nodes: list
    pairs: np.ndarray  # (E, 2) int64, row-sorted
    attrs: dict[str, np.ndarray]  # name -> (E,) float, NaN where an edge lacks it

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
        G = nx.Graph(**graph_attrs)
        G.add_nodes_from(self.nodes)
        keys = list(self.attrs)
        cols = [self.attrs[k].tolist() for k in keys]
        for e, (i, j) in enumerate(self.pairs.tolist()):
            data = {k: c[e] for k, c in zip(keys, cols, strict=True) if c[e] == c[e]}
            G.add_edge(self.nodes[i], self.nodes[j], **data)
        return G


def as_edges(G: nx.Graph | EdgeList | Projection) -> EdgeList:
    """Accept a graph, its arrays, or a projection (which carries its arrays ready-made)."""
    if isinstance(G, EdgeList):
        return G
    if isinstance(G, Projection):
        return G.edges
    return EdgeList.from_graph(G)


def _is_group(actor: str, membership: Mapping[str, Sequence[str]]) -> bool:
    return actor in membership and bool(membership[actor])


def expand_groups(
    positions: Iterable[Position],
    membership: Mapping[str, Sequence[str]],
    actor_kinds: Mapping[str, str] | None = None,
) -> list[Position]:
    """Copy group positions to member states; a member's own position on a proposal wins.

    A position is expanded when its actor is a key of `membership` (EU, CARICOM, ...) or when it
    was said `on_behalf_of` such a group; copies carry `on_behalf_of=<group>` and
    `proposer=False`. The speaker keeps its own row. The group's own row is dropped when it is
    a pure grouping (no `actor_kinds`, or `actor_kinds[group] == "group"`) and kept for
    groups that are parties in their own right (e.g. the EU given as "observer").
    When two groups give one member conflicting stances on a proposal the member gets none:
    nobody said what it thinks. One level only: members that are groups are not re-expanded.
    Output is sorted, so it does not depend on input order.
    """
    positions = list(positions)
    own: set[tuple[str, str]] = set()
    kept: list[Position] = []
    for p in positions:
        is_group_row = _is_group(p.actor, membership)
        keep_row = not is_group_row or (
            actor_kinds is not None and actor_kinds.get(p.actor, "group") != "group"
        )
        if keep_row:
            own.add((p.actor, p.proposal))
            kept.append(p)

    copies: dict[tuple[str, str], dict[str, list[Position]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for p in positions:
        groups = {g for g in (p.actor, p.on_behalf_of) if g and _is_group(g, membership)}
        for group in sorted(groups):
            for member in membership[group]:
                if member == p.actor or (member, p.proposal) in own:
                    continue
                copy = replace(p, actor=member, on_behalf_of=group, proposer=False)
                copies[(member, p.proposal)][group].append(copy)
    for by_group in copies.values():
        # each group's latest word first, then the groups must agree
        resolved = {g: dedupe(rows)[0] for g, rows in sorted(by_group.items())}
        if len({r.stance for r in resolved.values()}) == 1:
            kept.append(next(iter(resolved.values())))
    return sorted(kept, key=_sort_key)


def _sort_key(p: Position) -> tuple:
    return (
        p.actor,
        p.proposal,
        p.date or "",
        p.kind,
        p.stance,
        p.issue or "",
        p.session,
        p.on_behalf_of or "",
        p.proposer,
    )


def dedupe(positions: Iterable[Position]) -> list[Position]:
    """One cell per (actor, proposal): the latest dated record wins.

    Records of the same date that disagree make the cell neutral (present, no side), because
    the report does not say which one stands. Input order never matters.
    """
    cells: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in positions:
        if p.stance not in STANCES and p.stance not in VOTES:
            raise ValueError(f"unknown stance {p.stance!r} for {p.actor} on {p.proposal}")
        cells[(p.actor, p.proposal)].append(p)
    out = []
    for key in sorted(cells):
        if len(cells[key]) == 1:
            out.append(cells[key][0])
            continue
        rows = sorted(cells[key], key=_sort_key)
        latest = rows[-1].date or ""
        last = [r for r in rows if (r.date or "") == latest]
        if len({r.stance for r in last}) > 1:
            out.append(replace(last[0], stance="neutral", kind="position"))
        else:
            out.append(last[-1])
    return out


def _indicator(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sparse.csr_matrix:
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=shape)


def _issue_counts(
    support: sparse.csr_matrix,
    present: sparse.csr_matrix,
    issue_of: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Issue-level co-occurrence and competing-option disagreement, actor x actor.

    `support`/`present` hold stated positions only; `issue_of[j]` is the multi-option issue
    index of proposal j or -1. Loops over issues (not actor pairs), one product each.
    """
    n = support.shape[0]
    cooc = np.zeros((n, n))
    disagree = np.zeros((n, n))
    cols = np.flatnonzero(issue_of >= 0)
    if cols.size == 0:
        return cooc, disagree
    n_issues = int(issue_of.max()) + 1
    to_issue = _indicator(cols, issue_of[cols], (len(issue_of), n_issues))
    touched = ((present @ to_issue) > 0).astype(np.float64)
    backs = ((support @ to_issue) > 0).astype(np.float64)
    cooc = (touched @ touched.T).toarray()
    both_back = (backs @ backs.T).toarray()
    share_option = np.zeros((n, n))
    support_csc = support.tocsc()
    for i in range(n_issues):
        block = support_csc[:, cols[issue_of[cols] == i]]
        share_option += ((block @ block.T) > 0).toarray()
    disagree = both_back - share_option
    return cooc, disagree


def project(
    positions: Iterable[Position],
    *,
    min_positions: int = 3,
    min_cooccurrences: int = 1,
    abstain_weight: float = 0.5,
) -> Projection:
    """Signed agreement graph between actors with at least `min_positions` positions.

    Why sparse products: A_for @ A_for.T counts shared support for all pairs at once, which is
    what keeps dense roll-call sessions cheap. Pairs with fewer than `min_cooccurrences`
    shared proposals/issues get no edge (an index from one shared proposal is mostly noise).
    """
    cells = dedupe(positions)
    counts: dict[str, int] = defaultdict(int)
    for p in cells:
        counts[p.actor] += 1
    actors = tuple(sorted(a for a, c in counts.items() if c >= min_positions))
    excluded = tuple(sorted(a for a, c in counts.items() if c < min_positions))
    graph = nx.Graph(method=METHOD, min_positions=min_positions)
    graph.graph.update(min_cooccurrences=min_cooccurrences, abstain_weight=abstain_weight)
    for a in actors:
        graph.add_node(a, positions=counts[a])

    # options per issue are a property of the data, so they are counted before exclusion
    options: dict[str, set[str]] = defaultdict(set)
    for p in cells:
        if p.kind == "position" and p.issue is not None:
            options[p.issue].add(p.proposal)
    multi = sorted(i for i, props in options.items() if len(props) > 1)
    issue_index = {issue: k for k, issue in enumerate(multi)}

    index = {a: k for k, a in enumerate(actors)}
    used = [p for p in cells if p.actor in index]
    proposals = sorted({p.proposal for p in used})
    col = {prop: k for k, prop in enumerate(proposals)}
    issue_of = np.full(len(proposals), -1, dtype=np.int64)
    for p in used:
        if p.kind == "position" and p.issue in issue_index:
            issue_of[col[p.proposal]] = issue_index[p.issue]

    n, m = len(actors), len(proposals)
    rows = np.array([index[p.actor] for p in used], dtype=np.int64)
    cols = np.array([col[p.proposal] for p in used], dtype=np.int64)
    side = np.array([_SIDE.get(p.stance, _NONE) for p in used], dtype=np.int64)
    stated = np.array([p.kind == "position" for p in used], dtype=bool)

    def mat(mask: np.ndarray) -> sparse.csr_matrix:
        return _indicator(rows[mask], cols[mask], (n, m))

    present, for_, against, abstain = (
        mat(np.ones_like(stated)),
        mat(side == _FOR),
        mat(side == _AGAINST),
        mat(side == _ABSTAIN),
    )
    sided = for_ + against
    agree = (for_ @ for_.T + against @ against.T + abstain @ abstain.T).toarray()
    disagree = (for_ @ against.T + against @ for_.T).toarray()
    disagree += abstain_weight * (abstain @ sided.T + sided @ abstain.T).toarray()
    cooc = (present @ present.T).toarray()
    issue_cooc, issue_disagree = _issue_counts(mat((side == _FOR) & stated), mat(stated), issue_of)
    cooc += issue_cooc
    disagree += issue_disagree

    iu, ju = np.triu_indices(n, k=1)
    keep = cooc[iu, ju] >= max(min_cooccurrences, 1)
    iu, ju = iu[keep], ju[keep]
    a, d = agree[iu, ju], disagree[iu, ju]
    total = a + d
    idx = np.where(total > 0, (a - d) / np.where(total > 0, total, 1.0), 0.0)
    attrs = {
        "agreements": a,
        "disagreements": d,
        "cooccurrences": cooc[iu, ju],
        "index": idx,
        "weight": np.maximum(idx, 0.0),
    }
    edges = EdgeList(list(actors), np.stack([iu, ju], axis=1).astype(np.int64), attrs)
    cols = [(k, v.tolist()) for k, v in attrs.items()]
    graph.add_edges_from(
        (
            actors[i],
            actors[j],
            {k: (int(v[e]) if k == "cooccurrences" else v[e]) for k, v in cols},
        )
        for e, (i, j) in enumerate(zip(iu.tolist(), ju.tolist(), strict=True))
    )
    return Projection(
        graph=graph,
        edges=edges,
        actors=actors,
        excluded=excluded,
        positions_used=len(used),
        position_counts=dict(sorted(counts.items())),
        min_positions=min_positions,
        min_cooccurrences=min_cooccurrences,
        abstain_weight=abstain_weight,
        params={
            "min_positions": min_positions,
            "min_cooccurrences": min_cooccurrences,
            "abstain_weight": abstain_weight,
        },
    )
