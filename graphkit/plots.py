"""Figures of bloc results. Pure: reports and graphs in, a matplotlib Figure out.

Nothing here reads the database (`graphkit.api` gathers the inputs from a store, so the
CLI and the notebooks call the same functions). Figures are built with matplotlib's object API
on an Agg canvas: no pyplot state, no GUI backend; in a notebook a returned Figure displays
itself.

- `network`: one session's agreement network, nodes colored by bloc, labeled with codes.
- `flow`: bloc membership across sessions as an alluvial chart, swing actors highlighted.
- `heatmap`: the actor-by-actor agreement index, ordered by bloc.
- `profile`: one actor's closest allies and strongest opponents, session by session.

Colors: `bloc_color(id)` is a fixed palette keyed by the stable bloc id that
`graphkit.tracking` gives, so a bloc has one color in every figure of the same analysis.

Label overlap in `network`: every node is a circle with its code written inside; each label's
size is measured with the renderer (in points), the layout is built in points (1 data unit =
1 point, the figure is sized to fit), and `separate` pushes apart any two nodes whose boxes
(max of circle and text, plus padding) intersect until none do. Since the figure is never
rescaled afterwards, no two labels overlap in the saved file, whatever its dpi.
"""

from __future__ import annotations

import math
import textwrap
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import matplotlib
import networkx as nx
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from graphkit.analysis import Allies, BlocReport
from graphkit.errors import BlocsError
from graphkit.projection import Projection
from graphkit.tracking import Tracking

# Fixed palette keyed by stable bloc id (id mod len). The first eight are the ones to use for
# the Browser's Color0..Color7 labels so the database view and the figures agree.
PALETTE = (
    "#1f77b4",  # blue
    "#ff7f0e",  # orange
    "#2ca02c",  # green
    "#d62728",  # red
    "#9467bd",  # purple
    "#8c564b",  # brown
    "#e377c2",  # pink
    "#17becf",  # cyan
    "#bcbd22",  # olive
    "#393b79",  # indigo
    "#637939",  # moss
    "#8c6d31",  # ochre
    "#843c39",  # maroon
    "#7b4173",  # plum
)
UNASSIGNED = "#9e9e9e"  # actors without a bloc (not in the report)
ALLY, OPPONENT = "#2166ac", "#b2182b"  # the ends of the diverging agreement colormap
SUFFIXES = (".png", ".svg")
LOW_CONFIDENCE = 0.9  # ring nodes placed in their bloc in fewer runs than this


def bloc_color(bloc_id: int) -> str:
    """The color of a (stable) bloc id; the same id always gets the same color."""
    if bloc_id is None or int(bloc_id) < 0:
        return UNASSIGNED
    return PALETTE[int(bloc_id) % len(PALETTE)]


def ink(color: str) -> str:
    """Black or white, whichever reads better on `color`."""
    r, g, b = matplotlib.colors.to_rgb(color)
    lum = 0.2126 * r**2.2 + 0.7152 * g**2.2 + 0.0722 * b**2.2
    return "black" if lum > 0.2 else "white"


def _figure(width: float = 8.0, height: float = 6.0) -> Figure:
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def _graph(data: nx.Graph | Projection) -> nx.Graph:
    return data.graph if isinstance(data, Projection) else data


def method_line(report: BlocReport) -> str:
    """The parameters that reproduce a report, in one line for figure titles."""
    grouping = "group statements expanded" if report.expand_groups else "groups as such"
    return (
        f"method {report.method} ({report.backend}), resolution {report.resolution:g}, "
        f"{report.runs} runs, seed {report.seed}, min {report.min_positions} positions, "
        f"{grouping}"
    )


def _wrap(text: str, width_in: float, font_size: float) -> str:
    chars = max(20, int(width_in * 72 / (0.55 * font_size)))
    return "\n".join(textwrap.fill(line, chars) for line in text.splitlines())


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _bloc_legend(fig: Figure, entries, *, top: float, title: str, font_size: float = 8):
    """A legend of bloc entries (id, label) placed with its top at figure fraction `top`."""
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=8,
            markerfacecolor=bloc_color(b),
            markeredgecolor="white",
        )
        for b, _ in entries
    ]
    labels = [_short(f"#{b}  {label}") for b, label in entries]
    return fig.legend(
        handles,
        labels,
        loc="upper center",
        bbox_to_anchor=(0.5, top),
        frameon=False,
        fontsize=font_size,
        title=title,
        title_fontsize=font_size,
        alignment="left",
    )


def _below(fig: Figure, artist, gap_in: float) -> float:
    """Figure fraction `gap_in` inches below the bottom of a drawn artist (e.g. a legend)."""
    box = artist.get_window_extent(fig.canvas.get_renderer())
    return box.y0 / fig.bbox.height - gap_in / fig.get_figheight()


def _legend_height(rows: int) -> float:
    return 0.3 + 0.18 * rows


# --------------------------------------------------------------------------- network


def text_sizes(labels: Sequence[str], font_size: float, fig: Figure) -> np.ndarray:
    """(n, 2) width and height of each label in points, as the renderer draws it."""
    renderer = fig.canvas.get_renderer()
    prop = FontProperties(size=font_size)
    out = np.zeros((len(labels), 2))
    for i, label in enumerate(labels):
        w, h, _ = renderer.get_text_width_height_descent(str(label), prop, ismath=False)
        out[i] = (w * 72.0 / fig.dpi, h * 72.0 / fig.dpi)
    return out


def overlaps(pos: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Index pairs (i < j) whose boxes (center `pos`, half sizes `half`) intersect."""
    n = len(pos)
    if n < 2:
        return np.zeros((0, 2), dtype=int)
    iu, ju = np.triu_indices(n, 1)
    gap = half[iu] + half[ju] - np.abs(pos[iu] - pos[ju])
    hit = (gap > 0).all(axis=1)
    return np.stack([iu[hit], ju[hit]], axis=1)


def separate(
    pos: np.ndarray, half: np.ndarray, *, iterations: int = 300, max_rounds: int = 60
) -> np.ndarray:
    """Move boxes apart until no two intersect; small moves, so the layout keeps its shape.

    Each overlapping pair is pushed apart along the axis where it overlaps least, half the
    overlap each (summed over pairs). If that has not converged after `iterations` passes, the
    layout is spread by 5% around its center and the passes start again, which always ends.
    """
    pos = np.array(pos, dtype=float, copy=True)
    n = len(pos)
    if n < 2:
        return pos
    iu, ju = np.triu_indices(n, 1)
    for _ in range(max_rounds):
        for _ in range(iterations):
            d = pos[iu] - pos[ju]
            gap = half[iu] + half[ju] - np.abs(d)
            hit = (gap > 0).all(axis=1)
            if not hit.any():
                return pos
            i, j, d, gap = iu[hit], ju[hit], d[hit], gap[hit]
            rows = np.arange(len(i))
            axis = (gap[:, 0] > gap[:, 1]).astype(int)
            sign = np.where(d[rows, axis] >= 0, 1.0, -1.0)
            step = np.zeros((len(i), 2))
            step[rows, axis] = sign * (gap[rows, axis] / 2 + 0.05)
            delta = np.zeros_like(pos)
            np.add.at(delta, i, step)
            np.add.at(delta, j, -step)
            pos += delta
        center = pos.mean(axis=0)
        pos = center + (pos - center) * 1.05
    if len(overlaps(pos, half)):  # pragma: no cover - spreading always converges first
        raise RuntimeError("could not separate the labels")
    return pos


def _pack_circles(radii: Sequence[float], gap: float) -> np.ndarray:
    """Greedy packing: each circle (largest first) goes where it touches one already placed
    without overlapping any, as close to the center as possible (wider than tall)."""
    centers: list[np.ndarray] = []
    angles = np.linspace(0, 2 * np.pi, 72, endpoint=False)
    ring = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    for k, r in enumerate(radii):
        if k == 0:
            centers.append(np.zeros(2))
            continue
        placed = np.array(centers)
        placed_r = np.array(radii[:k])
        best, best_score = None, math.inf
        for c, rc in zip(placed, placed_r, strict=True):
            for p in c + (rc + r + gap) * ring:
                dist = np.hypot(*(placed - p).T)
                if (dist >= placed_r + r + gap - 1e-6).all():
                    score = math.hypot(p[0], 1.6 * p[1])
                    if score < best_score - 1e-9:
                        best, best_score = p, score
        centers.append(best)
    return np.array(centers).reshape(-1, 2)


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
    inside = set(members)
    H.add_edges_from(
        (u, v, {"weight": float(d.get("weight", 0.0))})
        for u, v, d in G.subgraph(inside).edges(data=True)
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


@dataclass(frozen=True)
class NetworkLayout:
    """Node positions in points, each node's half box (circle or text, plus padding)."""

    actors: tuple[str, ...]
    pos: np.ndarray
    half: np.ndarray
    diameter: float


def network_layout(
    G: nx.Graph,
    bloc_of: Mapping[str, int],
    text: np.ndarray,
    *,
    seed: int = 0,
    pad: float = 1.5,
    fill: float = 2.4,
) -> NetworkLayout:
    """Blocs as packed disks (area ~ `fill` x their labels' area), then labels separated."""
    actors = tuple(bloc_of)
    short = [w for a, (w, _) in zip(actors, text, strict=True) if len(a) <= 3]
    diameter = max(max(short, default=text[:, 0].max(initial=0.0)), 1.9 * text[:, 1].max()) + 3
    half = np.maximum(text, diameter) / 2 + pad
    index = {a: i for i, a in enumerate(actors)}
    members: dict[int, list[str]] = defaultdict(list)
    for a in actors:
        members[bloc_of[a]].append(a)
    order = sorted(members, key=lambda b: (-len(members[b]), b))
    area = (2 * half).prod(axis=1)
    radii = [math.sqrt(fill * sum(area[index[a]] for a in members[b]) / math.pi) for b in order]
    centers = _pack_circles(radii, gap=1.5 * diameter)
    pos = np.zeros((len(actors), 2))
    for b, c, r in zip(order, centers, radii, strict=True):
        rows = [index[a] for a in members[b]]
        pos[rows] = c + _disk_layout(G, members[b], seed) * r
    return NetworkLayout(actors, separate(pos, half), half, diameter)


def network(
    data: nx.Graph | Projection,
    report: BlocReport,
    *,
    title: str | None = None,
    window: str | None = None,
    negative: bool = False,
    negative_below: float = -0.5,
    font_size: float = 7.0,
    seed: int = 0,
) -> Figure:
    """One session's agreement network: a node per actor, colored by bloc, labeled by code.

    Grey lines: positive agreement index (darker, thicker = stronger). `negative` also draws
    pairs with index <= `negative_below` as red dashed lines. A black ring marks actors placed
    in their bloc in fewer than 90% of the consensus runs. `window` (e.g. "positions") is
    added to the default title.
    """
    G = _graph(data)
    part = report.partition()
    actors = sorted(set(G.nodes) | set(part))
    bloc_of = {a: part.get(a, -1) for a in actors}
    confidence = report.confidence()
    fig = _figure()
    text = text_sizes(actors, font_size, fig) if actors else np.zeros((0, 2))
    if actors:
        lay = network_layout(G, bloc_of, text, seed=seed)
        pos, half, diameter = lay.pos, lay.half, lay.diameter
        margin = diameter / 2
        lo = (pos - half).min(axis=0) - margin
        hi = (pos + half).max(axis=0) + margin
    else:
        pos, half, diameter = np.zeros((0, 2)), np.zeros((0, 2)), 20.0
        lo, hi = np.array([0.0, 0.0]), np.array([300.0, 200.0])
    ax_w, ax_h = (hi - lo) / 72.0
    blocs = sorted(report.blocs, key=lambda b: (-len(b.members), b.id))
    entries = [(b.id, f"{b.label}  ({len(b.members)})") for b in blocs]
    if any(v < 0 for v in bloc_of.values()):
        entries.append((-1, "no bloc (not in the report)"))
    fig_w = max(ax_w + 0.5, 7.5)
    title_h, caption_h = 0.8, 0.45
    legend_h = _legend_height(len(entries) + 1)
    fig_h = ax_h + title_h + legend_h + caption_h
    fig.set_size_inches(fig_w, fig_h)
    ax = fig.add_axes(
        (
            (fig_w - ax_w) / 2 / fig_w,
            (legend_h + caption_h) / fig_h,
            ax_w / fig_w,
            ax_h / fig_h,
        )
    )
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_aspect("equal")
    ax.set_axis_off()
    at = {a: pos[i] for i, a in enumerate(actors)}

    edges = [(u, v, d) for u, v, d in G.edges(data=True) if u in at and v in at]
    plus = sorted((d.get("index", 0.0), u, v) for u, v, d in edges if d.get("index", 0.0) > 0)
    if plus:
        w = np.array([x for x, _, _ in plus])
        colors = np.zeros((len(plus), 4))
        colors[:, :3] = 0.35
        colors[:, 3] = 0.02 + 0.25 * w**2
        ax.add_collection(
            LineCollection(
                [(at[u], at[v]) for _, u, v in plus],
                colors=colors,
                linewidths=0.3 + 0.9 * w,
                zorder=1,
                gid="edges:positive",
            )
        )
    if negative:
        minus = sorted(
            (d["index"], u, v) for u, v, d in edges if d.get("index", 0.0) <= negative_below
        )
        if minus:
            ax.add_collection(
                LineCollection(
                    [(at[u], at[v]) for _, u, v in minus],
                    colors=[
                        matplotlib.colors.to_rgba(OPPONENT, 0.04 + 0.16 * abs(x))
                        for x, _, _ in minus
                    ],
                    linewidths=0.5,
                    linestyles="--",
                    zorder=1,
                    gid="edges:negative",
                )
            )

    by_bloc: dict[int, list[str]] = defaultdict(list)
    for a in actors:
        by_bloc[bloc_of[a]].append(a)
    for b, members in sorted(by_bloc.items()):
        xy = np.array([at[a] for a in members])
        low = np.array([confidence.get(a, 1.0) < LOW_CONFIDENCE for a in members])
        ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=diameter**2,
            c=bloc_color(b),
            edgecolors=["black" if x else "white" for x in low],
            linewidths=np.where(low, 1.4, 0.6),
            zorder=3,
            gid=f"nodes:{b}",
        )
    for i, a in enumerate(actors):
        color = bloc_color(bloc_of[a])
        wide = text[i, 0] > diameter - 3
        ax.text(
            *pos[i],
            a,
            ha="center",
            va="center",
            fontsize=font_size,
            color=ink(color),
            zorder=4,
            gid="node-label",
            bbox=dict(boxstyle="round,pad=0.1", fc=color, ec="none") if wide else None,
        )

    if title is None:
        scope = f" [{window}]" if window else ""
        title = (
            f"{report.session}{scope}: agreement network of {len(actors)} actors, "
            f"{len(report.blocs)} blocs (modularity {report.modularity:.2f})\n"
            + method_line(report)
        )
    ax.set_title(_wrap(title, fig_w - 0.3, 10), fontsize=10, pad=12)
    legend = _bloc_legend(
        fig, entries, top=(legend_h + caption_h) / fig_h, title="Blocs (stable id)"
    )
    caption = (
        "Node: an actor (code), colored by bloc; black ring: in its bloc in fewer than "
        f"{LOW_CONFIDENCE:.0%} of runs. Grey line: agreement index > 0 (darker = stronger)."
    )
    if negative:
        caption += f" Red dashed: index <= {negative_below:g}."
    if report.excluded:
        caption += (
            f" Left out: {len(report.excluded)} actors with fewer than "
            f"{report.min_positions} positions."
        )
    fig.text(
        0.5,
        _below(fig, legend, 0.1),
        _wrap(caption, fig_w - 0.4, 7),
        ha="center",
        va="top",
        fontsize=7,
        color="#444444",
    )
    return fig


# --------------------------------------------------------------------------- heatmap


def bloc_order(data: nx.Graph | Projection, report: BlocReport) -> list[str]:
    """Actors grouped by bloc (largest bloc first), most central member first in each.

    Centrality = summed positive agreement with the other members of the same bloc.
    """
    G = _graph(data)
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


def heatmap(
    data: nx.Graph | Projection,
    report: BlocReport,
    *,
    title: str | None = None,
    window: str | None = None,
) -> Figure:
    """Agreement index of every pair of actors, rows and columns ordered by bloc.

    Blue = same side, red = opposite sides, grey = never took a position on the same
    proposal. Colored strips and lines mark the blocs; the diagonal is 1.
    """
    G = _graph(data)
    order = bloc_order(G, report)
    part = report.partition()
    n = len(order)
    idx = {a: i for i, a in enumerate(order)}
    M = np.full((n, n), np.nan)
    for u, v, d in G.edges(data=True):
        if u in idx and v in idx:
            M[idx[u], idx[v]] = M[idx[v], idx[u]] = float(d.get("index", np.nan))
    np.fill_diagonal(M, 1.0)

    font = 5.5 if n > 80 else 6.5 if n > 40 else 8.0
    cell = font + 2.5  # points per row, so tick labels never overlap
    mat_in = max(n * cell / 72.0, 3.0)
    blocs = sorted(report.blocs, key=lambda b: (-len(b.members), b.id))
    entries = [(b.id, f"{b.label}  ({len(b.members)})") for b in blocs]
    left, right, top, bottom = 0.9, 1.3, 0.9, 0.6
    legend_h = _legend_height(len(entries) + 1)
    fig_w = max(mat_in + left + right, 7.5)
    fig_h = mat_in + top + bottom + legend_h
    fig = _figure(fig_w, fig_h)
    x0 = left + (fig_w - left - right - mat_in) / 2
    ax = fig.add_axes((x0 / fig_w, (bottom + legend_h) / fig_h, mat_in / fig_w, mat_in / fig_h))
    cmap = matplotlib.colormaps["RdBu"].with_extremes(bad="#bdbdbd")
    im = ax.imshow(M, cmap=cmap, vmin=-1, vmax=1, interpolation="nearest", aspect="auto")
    im.set_gid("agreement-matrix")
    ticks = np.arange(n)
    ax.set_xticks(ticks, labels=order, rotation=90, fontsize=font)
    ax.set_yticks(ticks, labels=order, fontsize=font)
    ax.tick_params(length=0, pad=9)
    ax.xaxis.set_ticks_position("bottom")

    # bloc strips along both axes and boundaries inside the matrix
    start = 0
    runs = []
    for k in range(1, n + 1):
        if k == n or part.get(order[k], -1) != part.get(order[start], -1):
            runs.append((part.get(order[start], -1), start, k))
            start = k
    strip = 6.0 / cell  # strip width in cells (6 points)
    for b, s, e in runs:
        color = bloc_color(b)
        for rect in (
            Rectangle((-0.5 - strip - 0.2, s - 0.5), strip, e - s),
            Rectangle((s - 0.5, n - 0.5 + 0.2), e - s, strip),
        ):
            rect.set(facecolor=color, edgecolor="none", clip_on=False, gid=f"strip:{b}")
            ax.add_patch(rect)
        if s > 0:
            ax.axhline(s - 0.5, color="black", linewidth=0.9)
            ax.axvline(s - 0.5, color="black", linewidth=0.9)
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_ylim(n - 0.5, -0.5)

    cax = fig.add_axes(
        (
            (x0 + mat_in + 0.35) / fig_w,
            (bottom + legend_h + mat_in * 0.25) / fig_h,
            0.15 / fig_w,
            (mat_in * 0.5) / fig_h,
        )
    )
    bar = fig.colorbar(im, cax=cax)
    bar.set_label("agreement index\n(grey: no shared proposal)", fontsize=7)
    bar.ax.tick_params(labelsize=7)

    if title is None:
        scope = f" [{window}]" if window else ""
        title = (
            f"{report.session}{scope}: agreement index between {n} actors, "
            f"ordered by bloc ({len(report.blocs)} blocs)\n" + method_line(report)
        )
    ax.set_title(_wrap(title, fig_w - 0.3, 10), fontsize=10, pad=14)
    _bloc_legend(fig, entries, top=legend_h / fig_h, title="Blocs (stable id)")
    return fig


# --------------------------------------------------------------------------- flow


@dataclass(frozen=True)
class Band:
    """Actors in bloc `bloc_from` in one session and `bloc_to` in the next one."""

    session_from: str
    session_to: str
    bloc_from: int
    bloc_to: int
    actors: tuple[str, ...]

    @property
    def swing(self) -> bool:
        return self.bloc_from != self.bloc_to


def flow_bands(reports: Sequence[BlocReport]) -> list[Band]:
    """Bands between consecutive reports (stable ids): one per (bloc before, bloc after).

    Only actors analysed in both sessions move along a band; the others enter or leave.
    """
    bands = []
    for r0, r1 in pairwise(reports):
        p0, p1 = r0.partition(), r1.partition()
        moves: dict[tuple[int, int], list[str]] = defaultdict(list)
        for a in sorted(p0.keys() & p1.keys()):
            moves[(p0[a], p1[a])].append(a)
        bands.extend(
            Band(r0.session, r1.session, a, b, tuple(actors))
            for (a, b), actors in sorted(moves.items())
        )
    return bands


def _band_path(x0: float, x1: float, top0: float, bot0: float, top1: float, bot1: float):
    xm = (x0 + x1) / 2
    verts = [
        (x0, top0),
        (xm, top0),
        (xm, top1),
        (x1, top1),
        (x1, bot1),
        (xm, bot1),
        (xm, bot0),
        (x0, bot0),
        (x0, top0),
    ]
    codes = [MplPath.MOVETO] + [MplPath.CURVE4] * 3 + [MplPath.LINETO] + [MplPath.CURVE4] * 3
    codes.append(MplPath.CLOSEPOLY)
    return MplPath(verts, codes)


def _spread(ys: list[float], min_gap: float) -> list[float]:
    """Nudge sorted label positions apart so consecutive ones are at least `min_gap` apart."""
    out = list(ys)
    for k in range(1, len(out)):
        out[k] = max(out[k], out[k - 1] + min_gap)
    shift = (out[-1] - ys[-1]) / 2 if out else 0.0
    return [y - shift for y in out]


def flow(
    reports: Sequence[BlocReport],
    tracking: Tracking | None = None,
    *,
    highlight_swings: bool = True,
    title: str | None = None,
    window: str | None = None,
    max_names: int = 6,
) -> Figure:
    """Bloc membership across sessions as an alluvial chart.

    Columns are sessions, stacked blocks are blocs (height = members, stable ids and colors),
    bands carry actors from their bloc in one session to their bloc in the next. Actors not
    analysed in the next (or previous) session leave (or enter) without a band, so a block
    can be taller than its bands. Swing bands (bloc changed) are outlined and named, and all
    swings are listed under the chart.
    """
    reports = list(reports)
    if not reports:
        raise BlocsError("nothing to plot: no session has blocs")
    sessions = [r.session for r in reports]
    bands = flow_bands(reports)
    swings = [b for b in bands if b.swing]
    if tracking is not None:
        tracked = {(s.actor, s.session_from, s.session_to) for s in tracking.swings}
        drawn = {(a, b.session_from, b.session_to) for b in swings for a in b.actors}
        if tracked - drawn:
            raise BlocsError("tracking and reports disagree: run them from the same analysis")

    # block geometry: 1 data unit = 1 actor vertically, 1 column per session horizontally
    stacks = {
        r.session: [(b.id, len(b.members)) for b in sorted(r.blocs, key=lambda b: b.id)]
        for r in reports
    }
    tallest = max(sum(n for _, n in s) for s in stacks.values()) or 1
    gap = max(2.0, 0.06 * tallest)
    height = max(sum(n for _, n in s) + gap * (len(s) - 1) for s in stacks.values())
    width = 0.2
    blocks: dict[tuple[str, int], tuple[float, float, float]] = {}  # -> (x, bottom, top)
    for i, r in enumerate(reports):
        stack = stacks[r.session]
        used = sum(n for _, n in stack) + gap * (len(stack) - 1)
        y = (height + used) / 2
        for b, n in stack:
            blocks[(r.session, b)] = (float(i), y - n, y)
            y -= n + gap

    entries: dict[int, str] = {}
    for r in reports:
        for b in r.blocs:
            entries[b.id] = f"{b.label}  ({r.session}: {len(b.members)})"
    legend_rows = len(entries) + 1
    swing_lines = []
    for (s0, s1), group in _by_step(swings).items():
        parts = [f"{', '.join(b.actors)} (#{b.bloc_from}→#{b.bloc_to})" for b in group]
        swing_lines.append(f"{s0} → {s1}: " + "; ".join(parts))
    swing_text = (
        "Swing actors (bloc changed between consecutive sessions):\n" + "\n".join(swing_lines)
        if swing_lines
        else "No actor changed bloc between consecutive sessions."
    )
    m = len(reports)
    fig_w = max(8.0, 2.4 * m + 1.5)
    swing_text = _wrap(swing_text, fig_w - 0.8, 7.5)
    swing_h = 0.2 + 0.15 * (swing_text.count("\n") + 1)
    ax_h, title_h = 5.0, 1.2
    legend_h = _legend_height(legend_rows)
    fig_h = title_h + ax_h + legend_h + swing_h
    fig = _figure(fig_w, fig_h)
    ax = fig.add_axes(
        (0.6 / fig_w, (legend_h + swing_h) / fig_h, (fig_w - 1.2) / fig_w, ax_h / fig_h)
    )
    ax.set_xlim(-0.45, m - 1 + 0.45)
    ax.set_ylim(-0.02 * height, height * 1.02)
    ax.set_axis_off()
    units_per_pt = height * 1.04 / (ax_h * 72)

    for (s, b), (x, bottom, top) in blocks.items():
        ax.add_patch(
            Rectangle(
                (x - width / 2, bottom),
                width,
                top - bottom,
                facecolor=bloc_color(b),
                edgecolor="white",
                linewidth=0.8,
                zorder=3,
                gid=f"block:{s}:{b}",
            )
        )
        label = f"#{b} · {int(round(top - bottom))}"
        color = bloc_color(b)
        if (top - bottom) / units_per_pt >= 10:
            ax.text(
                x,
                (top + bottom) / 2,
                label,
                ha="center",
                va="center",
                fontsize=7,
                color=ink(color),
                zorder=5,
                fontweight="bold",
            )
        else:
            ax.text(
                x + width / 2 + 0.02,
                (top + bottom) / 2,
                label,
                ha="left",
                va="center",
                fontsize=6.5,
                zorder=5,
                bbox=dict(fc="white", ec="none", alpha=0.8, pad=0.5),
            )
    for i, r in enumerate(reports):
        ax.text(
            i,
            height * 1.02 + 4 * units_per_pt,
            f"{r.session}\n{_count(len(r.membership), 'actor')}",
            ha="center",
            va="bottom",
            fontsize=8.5,
            fontweight="bold",
        )

    # bands: stacked from the top of each block, ordered by the other end's position, so
    # the out-going side of a block and the in-coming side of the next one never cross
    rank = {k: (v[0], -v[2]) for k, v in blocks.items()}
    annotations: dict[tuple[str, str], list[tuple[float, float, Band]]] = defaultdict(list)
    for s0, s1 in pairwise(sessions):
        step = [b for b in bands if b.session_from == s0]
        cursor = {k: v[2] for k, v in blocks.items() if k[0] in (s0, s1)}
        tops0, tops1 = {}, {}
        for band in sorted(step, key=lambda b: (rank[(s0, b.bloc_from)], rank[(s1, b.bloc_to)])):
            tops0[band] = cursor[(s0, band.bloc_from)]
            cursor[(s0, band.bloc_from)] -= len(band.actors)
        for band in sorted(step, key=lambda b: (rank[(s1, b.bloc_to)], rank[(s0, b.bloc_from)])):
            tops1[band] = cursor[(s1, band.bloc_to)]
            cursor[(s1, band.bloc_to)] -= len(band.actors)
        for band in step:
            n = len(band.actors)
            x0 = blocks[(s0, band.bloc_from)][0] + width / 2
            x1 = blocks[(s1, band.bloc_to)][0] - width / 2
            t0, t1 = tops0[band], tops1[band]
            hot = highlight_swings and band.swing
            ax.add_patch(
                PathPatch(
                    _band_path(x0, x1, t0, t0 - n, t1, t1 - n),
                    facecolor=bloc_color(band.bloc_from),
                    alpha=0.75 if hot else 0.3,
                    edgecolor="#222222" if hot else "none",
                    linewidth=0.7 if hot else 0.0,
                    zorder=4 if hot else 2,
                    gid=f"band:{s0}:{band.bloc_from}->{s1}:{band.bloc_to}",
                )
            )
            if hot:
                mid = (t0 + t1 - n) / 2
                annotations[(s0, s1)].append(((x0 + x1) / 2, mid, band))

    for group in annotations.values():
        group.sort(key=lambda t: -t[1])
        ys = _spread([-y for _, y, _ in group], 11 * units_per_pt)
        for (x, _, band), y in zip(group, ys, strict=True):
            names = list(band.actors)
            shown = ", ".join(names[:max_names]) + (
                f" +{len(names) - max_names}" if len(names) > max_names else ""
            )
            ax.text(
                x,
                -y,
                f"{shown}  #{band.bloc_from}→#{band.bloc_to}",
                ha="center",
                va="center",
                fontsize=6.5,
                zorder=6,
                gid="swing-label",
                bbox=dict(fc="white", ec="#222222", lw=0.4, alpha=0.9, pad=1.5),
            )

    if title is None:
        scope = f" [{window}]" if window else ""
        title = f"Blocs across sessions{scope}: {', '.join(sessions)}\n" + method_line(reports[0])
        if tracking is not None:
            title += (
                f"; ids tracked by member overlap (Jaccard >= {tracking.min_jaccard:g}, one-to-one)"
            )
    ax.set_title(_wrap(title, fig_w - 0.3, 10), fontsize=10, pad=40)
    legend = _bloc_legend(
        fig,
        sorted(entries.items()),
        top=(legend_h + swing_h) / fig_h,
        title="Blocs (stable id, label and size where last seen)",
    )
    fig.text(
        0.6 / fig_w,
        _below(fig, legend, 0.15),
        swing_text,
        ha="left",
        va="top",
        fontsize=7.5,
        gid="swing-list",
    )
    return fig


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _by_step(bands: Sequence[Band]) -> dict[tuple[str, str], list[Band]]:
    out: dict[tuple[str, str], list[Band]] = {}
    for b in bands:
        out.setdefault((b.session_from, b.session_to), []).append(b)
    return out


# --------------------------------------------------------------------------- profile


def profile(
    per_session_allies: Mapping[str, Allies | None],
    actor: str,
    *,
    reports: Sequence[BlocReport] | None = None,
    name: str | None = None,
    title: str | None = None,
    columns: int = 4,
) -> Figure:
    """One actor's closest allies and strongest opponents in each session (small multiples).

    `per_session_allies`: session -> `Allies` (None where the actor had too few positions).
    Each panel is a dot plot of the agreement index: allies (blue) on top, opponents (red)
    below. With `reports` (stable ids), each panel title names the actor's bloc in its color.
    """
    sessions = list(per_session_allies)
    if not sessions:
        raise BlocsError("nothing to plot: no session")
    blocs = {r.session: r.partition() for r in reports or ()}
    rows_of = {
        s: ([] if a is None else [(r, "ally") for r in a.allies])
        + ([] if a is None else [(r, "opponent") for r in a.opponents])
        for s, a in per_session_allies.items()
    }
    longest = max((len(v) for v in rows_of.values()), default=1) or 1
    ncols = min(columns, len(sessions))
    nrows = math.ceil(len(sessions) / ncols)
    panel_w, panel_h = 2.7, 0.6 + 0.17 * (longest + 1)
    fig_w, fig_h = max(ncols * panel_w + 0.6, 6.0), nrows * panel_h + 1.3
    fig = _figure(fig_w, fig_h)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    fig.subplots_adjust(
        left=0.55 / fig_w,
        right=1 - 0.2 / fig_w,
        top=1 - 0.95 / fig_h,
        bottom=0.45 / fig_h,
        wspace=0.45,
        hspace=0.6,
    )
    for ax, s in zip(axes.flat, sessions, strict=False):
        ax.set_gid(f"panel:{s}")
        bloc = blocs.get(s, {}).get(actor)
        head = s if bloc is None else f"{s} · bloc #{bloc}"
        ax.set_title(
            head,
            fontsize=8.5,
            color="black" if bloc is None else bloc_color(bloc),
            fontweight="bold",
        )
        rows = rows_of[s]
        if not rows:
            why = (
                "not analysed here\n(too few positions)"
                if per_session_allies[s] is None
                else ("no shared proposals")
            )
            ax.text(
                0.5,
                0.5,
                why,
                transform=ax.transAxes,
                ha="center",
                va="center",
                fontsize=7,
                color="#666666",
                gid="absent",
            )
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        ax.set_xlim(-1.15, 2.2)
        ax.axvline(0, color="#999999", linewidth=0.6)
        ax.tick_params(labelsize=6.5, length=2)
        ax.set_xticks([-1, 0, 1])
        n_allies = sum(1 for _, kind in rows if kind == "ally")
        gap = 1.0 if 0 < n_allies < len(rows) else 0.0
        ys = [-(k + (gap if kind == "opponent" else 0.0)) for k, (_, kind) in enumerate(rows)]
        for (r, kind), y in zip(rows, ys, strict=True):
            color = ALLY if kind == "ally" else OPPONENT
            ax.plot([0, r.index], [y, y], color=color, linewidth=1.0, alpha=0.6)
            ax.plot([r.index], [y], "o", color=color, markersize=4, gid=f"{kind}:{r.actor}")
            sided = int(round(r.agreements + r.disagreements))
            ax.text(
                max(r.index, 0) + 0.07,
                y,
                f"{r.index:+.2f}  n={sided}",
                va="center",
                fontsize=6,
                color="#333333",
            )
        ax.set_yticks(ys, labels=[r.actor for r, _ in rows])
        ax.set_ylim(min(ys) - 0.8, 0.8)
        if gap:
            ax.axhline(-n_allies, color="#cccccc", linewidth=0.5, linestyle=":")
        ax.set_xlabel("agreement index", fontsize=6.5)
    for ax in list(axes.flat)[len(sessions) :]:
        ax.set_visible(False)
    who = f"{name} ({actor})" if name and name != actor else actor
    if title is None:
        title = (
            f"{who}: closest allies (blue) and strongest opponents (red), session by session\n"
            "agreement index = (agreements - disagreements) / (agreements + disagreements) "
            "on the proposals both took a side on (n)"
        )
        if reports:
            title += "; " + method_line(reports[0])
    fig.suptitle(_wrap(title, fig_w - 0.3, 9), fontsize=9, y=1 - 0.1 / fig_h, va="top")
    return fig


# --------------------------------------------------------------------------- files


def check_suffix(path: str | Path) -> Path:
    """The path, if it names a file type `save` writes (.png or .svg)."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        got = f"'{path.suffix}'" if path.suffix else "no suffix"
        raise BlocsError(f"{path}: cannot write {got}; use .png or .svg")
    return path


def save(fig: Figure, path: str | Path, *, dpi: int = 150) -> Path:
    """Write a figure as PNG or SVG (by suffix; anything else is an error)."""
    path = check_suffix(path)
    if not path.parent.is_dir():
        raise BlocsError(f"{path}: folder {path.parent} does not exist")
    fmt = path.suffix.lower().lstrip(".")
    # svg text stays text (searchable, editable); no dates, so the same figure gives the same file
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "ahc-blocs"}):
        fig.savefig(
            path,
            format=fmt,
            dpi=dpi,
            bbox_inches="tight",  # crops the margins only: nothing is rescaled
            pad_inches=0.15,
            metadata={"Date": None} if fmt == "svg" else None,
        )
    return path
