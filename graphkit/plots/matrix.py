"""Numbers and geometry behind the heatmaps (pure): actors ordered by bloc, the bloc-by-bloc
summary, the full agreement matrix, and where the full matrix's labels go.

Labels of a large matrix. At one column's width a 126-actor matrix has cells 3 points tall,
too small for any label. Labels are therefore dealt out over both sides (rows left and right,
columns top and bottom) and, if still too dense, over staggered lanes on each side, joined to
their row or column by a thin leader, so every label is at a readable size and none touch.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graphkit.analysis import BlocReport


def bloc_order(G: nx.Graph, report: BlocReport) -> list[str]:
    """Actors grouped by bloc (largest bloc first), most central member first in each.

    Centrality = summed positive agreement with the other members of the same bloc.
    """
    part = report.partition()
    actors = sorted(set(G.nodes) | set(part))
    members: dict[int, list[str]] = defaultdict(list)
    for a in actors:
        members[part.get(a, -1)].append(a)

    def strength(a: str, inside: set) -> float:
        if a not in G:
            return 0.0
        return sum(float(d.get("weight", 0.0)) for u, d in G[a].items() if u in inside)

    out = []
    for b in sorted(members, key=lambda b: (b < 0, -len(members[b]), b)):
        inside = set(members[b])
        out.extend(sorted(members[b], key=lambda a: (-strength(a, inside), a)))
    return out


def agreement_matrix(G: nx.Graph, order: list[str]) -> np.ndarray:
    """Pair index in the given order; NaN for pairs without a shared proposal, 1 on the
    diagonal."""
    idx = {a: i for i, a in enumerate(order)}
    M = np.full((len(order), len(order)), np.nan)
    for u, v, d in G.edges(data=True):
        if u in idx and v in idx:
            M[idx[u], idx[v]] = M[idx[v], idx[u]] = float(d.get("index", np.nan))
    np.fill_diagonal(M, 1.0)
    return M


@dataclass(frozen=True)
class BlocPairs:
    """Agreement between and within blocs (rows and columns in `blocs` order).

    mean: mean agreement index over the pairs that share a proposal (NaN if none);
    pairs: how many such pairs; possible: all pairs (one actor from each bloc, or two members).
    The diagonal's mean is the bloc's cohesion.
    """

    blocs: tuple[int, ...]
    sizes: tuple[int, ...]
    mean: np.ndarray
    pairs: np.ndarray
    possible: np.ndarray


def bloc_pairs(G: nx.Graph, report: BlocReport) -> BlocPairs:
    blocs = sorted(report.blocs, key=lambda b: (-len(b.members), b.id))
    row = {b.id: i for i, b in enumerate(blocs)}
    part = report.partition()
    k = len(blocs)
    total, pairs = np.zeros((k, k)), np.zeros((k, k), dtype=int)
    for u, v, d in G.edges(data=True):
        if u in part and v in part and "index" in d:
            i, j = row[part[u]], row[part[v]]
            for a, b in {(i, j), (j, i)}:
                total[a, b] += float(d["index"])
                pairs[a, b] += 1
    sizes = np.array([len(b.members) for b in blocs])
    possible = np.outer(sizes, sizes)
    np.fill_diagonal(possible, sizes * (sizes - 1) // 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(pairs > 0, total / np.maximum(pairs, 1), np.nan)
    return BlocPairs(
        tuple(b.id for b in blocs), tuple(int(s) for s in sizes), mean, pairs, possible
    )


@dataclass(frozen=True)
class Lanes:
    """Where a full matrix's labels go: `sides` (1: left and top; 2: also right and bottom)
    and `lanes` staggered columns of labels per side; `cell` points per row."""

    sides: int
    lanes: int
    cell: float
    margin: float  # points from the matrix edge to the outer edge of the labels, per side

    def place(self, i: int) -> tuple[int, int]:
        """(side 0/1, lane) of row (or column) i."""
        return i % self.sides, (i // self.sides) % self.lanes


def label_lanes(
    n: int,
    label_w: float,
    label_h: float,
    width: float,
    *,
    strip: float = 5.0,
    max_cell: float = 16.0,
) -> Lanes:
    """The fewest sides and lanes that give every label of `n` rows room, in `width` points.

    A lane is `label_w` + 3 points wide; labels of one lane are sides x lanes rows apart,
    which must be at least `label_h` + 1 points.
    """
    best = None
    for sides, lanes in ((1, 1), (2, 1), (2, 2), (2, 3), (2, 4)):
        margin = strip + 2.0 + lanes * (label_w + 3.0)
        cell = min(max_cell, (width - sides * margin) / max(n, 1))
        best = Lanes(sides, lanes, cell, margin)
        if cell > 0 and sides * lanes * cell >= label_h + 1.0:
            return best
    return Lanes(best.sides, best.lanes, max(best.cell, (label_h + 1) / 8), best.margin)


def runs_of(order: list[str], part: dict[str, int]) -> list[tuple[int, int, int]]:
    """(bloc, first row, row after the last) for each bloc's contiguous run in `order`."""
    runs, start = [], 0
    for k in range(1, len(order) + 1):
        if k == len(order) or part.get(order[k], -1) != part.get(order[start], -1):
            runs.append((part.get(order[start], -1), start, k))
            start = k
    return runs
