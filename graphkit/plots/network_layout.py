"""Where the network figure puts things: which edges to draw (the backbone) and where each
actor's label goes (pure: graph and label sizes in, coordinates in points out).

Backbone. An agreement graph of one session is nearly complete (AHC-7: 7,262 agreeing pairs
among 126 actors), so drawing every edge gives a hairball. Two standard filters:

- strongest k per actor (default k = 3): each actor keeps its k highest agreement indices,
  ties broken by the number of proposals both took a side on, then by code; an edge is drawn
  if either end keeps it. Works on the ties at index 1.0 that dominate stated positions.
- disparity filter (Serrano, Boguna and Vespignani 2009, PNAS 106:6483): an edge is kept if,
  for either end, its share of that actor's strength is unlikely (p < alpha) under a uniform
  split of the strength over the actor's edges. With nearly equal weights it keeps little.

Layout. Each bloc is laid out on its own in an ellipse (members spread evenly, strongly tied
ones toward the middle, then labels separated); the blocs sit side by side in rows that fill
the column, each in its own box, and a bloc's hull is the convex hull of its members' label
boxes. Nothing overlaps by construction, whatever the dpi.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graphkit.plots.boxes import separate


@dataclass(frozen=True)
class Backbone:
    """The edges a network figure draws and the rule that chose them (for the caption)."""

    edges: tuple[tuple[str, str, float], ...]  # (u, v, index), u < v
    rule: str
    candidates: int  # edges the rule chose from


def _evidence(d: Mapping) -> float:
    return float(d.get("agreements", 0.0)) + float(d.get("disagreements", 0.0))


def strongest_edges(
    G: nx.Graph, k: int, *, sign: int = 1, near: Mapping[str, np.ndarray] | None = None
) -> Backbone:
    """Each actor's `k` strongest agreements (`sign` = -1: its `k` strongest disagreements).

    Ties on index and evidence are common (27 EU states with identical records): with `near`
    (actor -> position) the nearest partners win them, so the drawing shows local structure
    rather than hubs made by alphabetical order; without it, codes decide.
    """
    pool = [(u, v, d) for u, v, d in G.edges(data=True) if sign * float(d.get("index", 0)) > 0]
    by_actor: dict[str, list] = defaultdict(list)
    for u, v, d in pool:
        dist = float(np.hypot(*(near[u] - near[v]))) if near is not None else 0.0
        key = (-sign * float(d["index"]), -_evidence(d), round(dist, 6))
        by_actor[u].append((*key, v, u, v))
        by_actor[v].append((*key, u, u, v))
    kept = set()
    for rows in by_actor.values():
        for *_, u, v in sorted(rows)[:k]:
            kept.add((min(u, v), max(u, v)))
    edges = tuple(sorted((u, v, float(G[u][v]["index"])) for u, v in kept))
    what = "agreements" if sign > 0 else "disagreements"
    ties = (
        "ties by shared proposals, then by nearness"
        if near is not None
        else ("ties by shared proposals")
    )
    return Backbone(edges, f"each actor's {k} strongest {what} (index; {ties})", len(pool))


def disparity_edges(G: nx.Graph, alpha: float) -> Backbone:
    """Edges significant at `alpha` for either end under the disparity filter (on `weight`)."""
    pool = [(u, v, float(d.get("weight", 0.0))) for u, v, d in G.edges(data=True)]
    pool = [(u, v, w) for u, v, w in pool if w > 0]
    strength: dict[str, float] = defaultdict(float)
    degree: dict[str, int] = defaultdict(int)
    for u, v, w in pool:
        for a in (u, v):
            strength[a] += w
            degree[a] += 1

    def p_value(a: str, w: float) -> float:
        k = degree[a]  # an actor with one edge says nothing about it: only the other end does
        return 1.0 if k <= 1 else (1.0 - w / strength[a]) ** (k - 1)

    kept = [
        (min(u, v), max(u, v), float(G[u][v]["index"]))
        for u, v, w in pool
        if min(p_value(u, w), p_value(v, w)) < alpha
    ]
    rule = f"disparity filter backbone (alpha = {alpha:g})"
    return Backbone(tuple(sorted(kept)), rule, len(pool))


def all_edges(G: nx.Graph) -> Backbone:
    pool = [(u, v, float(d["index"])) for u, v, d in G.edges(data=True) if d.get("index", 0) > 0]
    edges = tuple(sorted((min(u, v), max(u, v), x) for u, v, x in pool))
    return Backbone(edges, "every agreeing pair", len(edges))


# --------------------------------------------------------------------------- positions


@dataclass(frozen=True)
class NetworkLayout:
    """Label centres and half sizes in points; blocs with their members and hull polygons."""

    actors: tuple[str, ...]
    pos: np.ndarray
    half: np.ndarray
    blocs: dict[int, tuple[str, ...]]
    hulls: dict[int, np.ndarray]  # bloc -> (m, 2) polygon around its members' boxes
    lo: np.ndarray  # bottom-left of everything drawn (hulls included)
    hi: np.ndarray


def _disk_layout(G: nx.Graph, members: Sequence[str], seed: int) -> np.ndarray:
    """Members spread evenly over the unit disk, strongly tied ones toward the middle.

    A spring layout on the positive agreement inside the bloc gives directions and the
    radial order; radii are then evened out (rank -> sqrt) so outliers do not squeeze the rest.
    """
    m = len(members)
    if m == 1:
        return np.zeros((1, 2))
    H = nx.Graph()
    H.add_nodes_from(members)
    H.add_edges_from(
        (u, v, {"weight": float(d.get("weight", 0.0))})
        for u, v, d in G.subgraph(members).edges(data=True)
        if float(d.get("weight", 0.0)) > 0
    )
    raw = nx.spring_layout(H, weight="weight", seed=seed, iterations=100)
    xy = np.array([raw[a] for a in members], dtype=float)
    xy -= xy.mean(axis=0)
    radius = np.hypot(xy[:, 0], xy[:, 1])
    angle = np.arctan2(xy[:, 1], xy[:, 0])
    rank = np.empty(m)
    rank[np.lexsort((np.arange(m), radius))] = np.arange(m)
    even = np.sqrt((rank + 0.5) / m)
    return np.stack([even * np.cos(angle), even * np.sin(angle)], axis=1)


def _turn(o, a, b) -> float:
    """> 0 when o -> a -> b turns left."""
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (counter-clockwise) of 2-d points, by Andrew's monotone chain."""
    pts = sorted(set(map(tuple, np.round(points, 6))))
    if len(pts) <= 2:
        return np.array(pts)

    def half_hull(seq):
        out: list = []
        for p in seq:
            while len(out) >= 2 and _turn(out[-2], out[-1], p) <= 0:
                out.pop()
            out.append(p)
        return out[:-1]

    return np.array(half_hull(pts) + half_hull(reversed(pts)))


def _cluster(G, members, half, seed: int, size: tuple[float, float]) -> np.ndarray:
    """One bloc's label centres in an ellipse of `size` (width, height) points, separated,
    centred on its bounding box."""
    xy = separate(_disk_layout(G, members, seed) * np.array(size) / 2, half)
    lo, hi = (xy - half).min(axis=0), (xy + half).max(axis=0)
    return xy - (lo + hi) / 2


def _rows(areas: Sequence[float], n_rows: int) -> list[list[int]]:
    """Blocs (largest first) dealt to rows, each to the row holding the least area so far."""
    rows: list[list[int]] = [[] for _ in range(n_rows)]
    load = [0.0] * n_rows
    for i in sorted(range(len(areas)), key=lambda i: -areas[i]):
        r = min(range(n_rows), key=lambda r: (load[r], r))
        rows[r].append(i)
        load[r] += areas[i]
    return [sorted(r) for r in rows if r]


def _ellipses(areas, widest, row: list[int], width: float, gap: float) -> tuple[float, dict]:
    """Height shared by a row of ellipses and each one's width so the row fills `width`:
    an ellipse of width w and height h has area pi/4 w h; none narrower than its widest label."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in row if i not in fixed]
        room = width - gap * (len(row) - 1) - sum(fixed.values())
        height = 4 * sum(areas[i] for i in free) / (math.pi * max(room, 1.0)) if free else 1.0
        widths = {i: 4 * areas[i] / (math.pi * height) for i in free} | fixed
        small = [i for i in free if widths[i] < widest[i]]
        if not small:
            return height, widths
        fixed |= {i: widest[i] for i in small}


def _roundness(areas, widest, rows, width, gap) -> float:
    """How far from circles the ellipses of an arrangement are (area-weighted |log w/h|)."""
    total = 0.0
    for row in rows:
        h, w = _ellipses(areas, widest, row, width, gap)
        total += sum(areas[i] * abs(math.log(w[i] / h)) for i in row)
    return total


def network_layout(
    G: nx.Graph,
    bloc_of: Mapping[str, int],
    half: np.ndarray,
    *,
    max_width: float,
    seed: int = 0,
    fill: float = 1.3,
    hull_pad: float = 4.0,
) -> NetworkLayout:
    """Blocs as elliptic clusters (area ~ `fill` x their labels' area) side by side in one to
    three rows that fill `max_width` points, the rows chosen so the clusters are as round as
    possible; a row that comes out too wide after separation is redone taller."""
    actors = tuple(bloc_of)
    index = {a: i for i, a in enumerate(actors)}
    members: dict[int, list[str]] = defaultdict(list)
    for a in actors:
        members[bloc_of[a]].append(a)
    order = sorted(members, key=lambda b: (-len(members[b]), b))
    halves = [half[[index[a] for a in members[b]]] for b in order]
    areas = [fill * float((2 * h).prod(axis=1).sum()) for h in halves]
    widest = [float(2 * h[:, 0].max()) for h in halves]
    gap = 3 * hull_pad
    pad = hull_pad + 1.0
    max_width -= 2 * pad  # the hulls' rounded edges go around the boxes
    options = [_rows(areas, r) for r in range(1, min(3, len(order)) + 1)]
    rows = min(options, key=lambda rs: _roundness(areas, widest, rs, max_width, gap))
    pos = np.zeros((len(actors), 2))
    y = 0.0
    for row in rows:
        target = max_width
        for _ in range(6):
            height, widths = _ellipses(areas, widest, row, target, gap)
            placed = {
                i: _cluster(G, members[order[i]], halves[i], seed, (widths[i], height)) for i in row
            }
            extent = {i: (placed[i] + halves[i]).max(axis=0) * 2 for i in row}
            used = sum(extent[i][0] for i in row) + gap * (len(row) - 1)
            if used <= max_width + 1e-6:
                break
            target *= max_width / used * 0.97
        x = -used / 2
        row_h = max(extent[i][1] for i in row)
        for i in row:
            rows_idx = [index[a] for a in members[order[i]]]
            pos[rows_idx] = placed[i] + [x + extent[i][0] / 2, y - row_h / 2]
            x += extent[i][0] + gap
        y -= row_h + gap
    hulls = {}
    for b in order:
        idx = [index[a] for a in members[b]]
        corners = np.concatenate(
            [pos[idx] + half[idx] * s for s in ([1, 1], [1, -1], [-1, 1], [-1, -1])]
        )
        hulls[b] = convex_hull(corners)
    lo, hi = (pos - half).min(axis=0) - pad, (pos + half).max(axis=0) + pad
    return NetworkLayout(actors, pos, half, {b: tuple(members[b]) for b in order}, hulls, lo, hi)
