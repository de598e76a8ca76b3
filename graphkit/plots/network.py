"""`network`: one session's agreement network, drawn from `network_layout` (which decides
where everything goes); this module only draws and writes the words around it."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib
import networkx as nx
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from graphkit.analysis import BlocReport
from graphkit.errors import BlocsError
from graphkit.plots.names import actor_labels
from graphkit.plots.network_layout import (
    Backbone,
    NetworkLayout,
    all_edges,
    disparity_edges,
    network_layout,
    strongest_edges,
)
from graphkit.plots.style import (
    COLUMN_IN,
    INK,
    LOW_STABILITY,
    MARGIN_IN,
    MUTED,
    OPPONENT,
    SMALL_PT,
    TITLE_PT,
    UNASSIGNED,
    bloc_color,
    bloc_title,
    count,
    ink,
    lighten,
    method_line,
    new_figure,
    significance,
    significance_line,
    source_words,
    stability,
)
from graphkit.plots.text import KeyRow, Sheet, text_sizes
from graphkit.plots.timeline import period_of
from graphkit.projection import Projection

PILL_PAD = 0.28  # label box padding, in font sizes (matplotlib's boxstyle pad)
GAP_PT = 0.8  # free space kept around each label box


def graph_of(data: nx.Graph | Projection) -> nx.Graph:
    return data.graph if isinstance(data, Projection) else data


def choose_backbone(
    G: nx.Graph, strongest: int | None = 3, disparity: float | None = None, near=None
) -> Backbone:
    """The edges to draw: disparity filter if `disparity` (alpha) is given, else each actor's
    `strongest` agreements (ties to the `near`est, actor -> position); `strongest` 0 or None
    with no alpha: every agreeing pair."""
    if disparity is not None:
        if not 0 < disparity < 1:
            raise BlocsError(f"disparity alpha must be between 0 and 1, got {disparity}")
        return disparity_edges(G, disparity)
    if strongest:
        if strongest < 0:
            raise BlocsError(f"strongest must be >= 0, got {strongest}")
        return strongest_edges(G, strongest, near=near)
    return all_edges(G)


def _layout(G, bloc_of, names, kinds, font_size, seed, max_width):
    """Labels (short names, falling back to codes if names cannot fit) and their layout."""
    scratch = new_figure()
    pad = PILL_PAD * font_size + GAP_PT
    actors = list(bloc_of)
    for use_names in (True, False) if names else (False,):
        labels = actor_labels(actors, names if use_names else None, scratch, font_size, kinds=kinds)
        half = text_sizes([labels[a] for a in actors], font_size, scratch) / 2 + pad
        lay = network_layout(G, bloc_of, half, max_width=max_width, seed=seed)
        if (lay.hi - lay.lo)[0] <= max_width:
            break
    return labels, lay


def network(
    data: nx.Graph | Projection,
    report: BlocReport,
    *,
    names: Mapping[str, str] | None = None,
    kinds: Mapping[str, str] | None = None,
    timeline=None,
    title: str | None = None,
    window: str | None = None,
    strongest: int | None = 3,
    disparity: float | None = None,
    negative: bool = False,
    negative_below: float = -0.5,
    font_size: float = SMALL_PT,
    seed: int = 0,
) -> Figure:
    """One session's agreement network at one column's width.

    A label per actor (short name from `names`, code where the name is long), filled with its
    bloc's color; a shaded hull per bloc; grey lines: the backbone (`choose_backbone`);
    `negative`: also each actor's strongest disagreement with index <= `negative_below`, as red
    dashed lines. `timeline` (session slots) adds the session's dates to the title.
    """
    G = graph_of(data)
    part = report.partition()
    actors = sorted(set(G.nodes) | set(part))
    if not actors:
        raise BlocsError(
            f"nothing to plot: no actor took {report.min_positions} or more positions in "
            f"{report.session}"
        )
    bloc_of = {a: part.get(a, -1) for a in actors}
    width = COLUMN_IN
    labels, lay = _layout(G, bloc_of, names, kinds, font_size, seed, (width - 2 * MARGIN_IN) * 72)
    ax_w, ax_h = (lay.hi - lay.lo) / 72.0
    sheet = Sheet(max(width, ax_w + 2 * MARGIN_IN))
    near = dict(zip(lay.actors, lay.pos, strict=True))
    backbone = choose_backbone(G, strongest, disparity, near)
    minus = strongest_edges(G, 1, sign=-1, near=near) if negative else None
    minus_edges = [e for e in (minus.edges if minus else ()) if e[2] <= negative_below]

    period = period_of(timeline, report.session)
    flag = significance(report)
    head = title or (
        f"Agreement network, {report.session}{f' ({period})' if period else ''}: "
        f"{count(len(part), 'actor')} in {count(len(report.blocs), 'bloc')}"
        + (" (not significant)" if flag is False else "")
    )
    sheet.text(head, size=TITLE_PT, weight="bold", gap=0.06, gid="title")
    ax = sheet.axes(ax_h, left=(sheet.width - ax_w) / 2, width=ax_w, below=0.06)
    _draw(ax, lay, labels, bloc_of, stability(report), backbone, minus_edges, font_size)

    blocs = sorted(report.blocs, key=lambda b: (-len(b.members), b.id))
    rows = [
        KeyRow(
            f"{bloc_title(b)}: {count(len(b.members), 'actor')}"
            + (f", cohesion {b.cohesion:.2f}" if b.cohesion is not None else ""),
            bloc_color(b.id),
            "box",
            gid=f"key:bloc:{b.id}",
        )
        for b in blocs
    ]
    if any(v < 0 for v in bloc_of.values()):
        rows.append(KeyRow("no bloc (not in the report)", UNASSIGNED, "box", gid="key:bloc:-1"))
    sheet.key(rows, max_columns=1)
    caption = _caption(report, window, backbone, minus_edges, negative, negative_below, labels, G)
    sheet.text(caption, size=SMALL_PT, color=MUTED, gid="caption")
    return sheet.finish()


def _draw(ax, lay: NetworkLayout, labels, bloc_of, stable, backbone, minus_edges, font_size):
    ax.set_xlim(lay.lo[0], lay.hi[0])
    ax.set_ylim(lay.lo[1], lay.hi[1])
    ax.set_aspect("equal")
    ax.set_axis_off()
    for b, hull in lay.hulls.items():
        tint = lighten(bloc_color(b), 0.85)
        ax.add_patch(
            Polygon(
                hull,
                closed=True,
                facecolor=tint,
                edgecolor=tint,
                linewidth=8,
                joinstyle="round",
                zorder=0,
                gid=f"hull:{b}",
            )
        )
    at = {a: lay.pos[i] for i, a in enumerate(lay.actors)}
    plus = [(x, u, v) for u, v, x in backbone.edges if u in at and v in at]
    if plus:
        w = np.array([x for x, _, _ in plus])
        colors = np.zeros((len(plus), 4))
        colors[:, :3] = 0.3
        colors[:, 3] = 0.12 + 0.4 * w
        ax.add_collection(
            LineCollection(
                [(at[u], at[v]) for _, u, v in plus],
                colors=colors,
                linewidths=0.3 + 0.6 * w,
                zorder=1,
                gid="edges:positive",
            )
        )
    if minus_edges:
        ax.add_collection(
            LineCollection(
                [(at[u], at[v]) for u, v, _ in minus_edges if u in at and v in at],
                colors=[
                    matplotlib.colors.to_rgba(OPPONENT, 0.25 + 0.5 * abs(x))
                    for *_, x in minus_edges
                ],
                linewidths=0.6,
                linestyles=(0, (3, 2)),
                zorder=2,
                gid="edges:negative",
            )
        )
    for i, a in enumerate(lay.actors):
        color = bloc_color(bloc_of[a])
        shaky = stable.get(a, 1.0) < LOW_STABILITY
        ax.text(
            *lay.pos[i],
            labels[a],
            ha="center",
            va="center",
            fontsize=font_size,
            color=ink(color),
            zorder=4,
            gid=f"node:{a}",
            bbox=dict(
                boxstyle=f"round,pad={PILL_PAD}",
                fc=color,
                ec=INK if shaky else "white",
                lw=1.0 if shaky else 0.4,
            ),
        )


def _caption(report, window, backbone, minus_edges, negative, negative_below, labels, G) -> str:
    where = source_words(window)
    named = sum(1 for a, label in labels.items() if label != a)
    parts = [
        (f"{where.capitalize()} in {report.session}. " if where else "")
        + "Each label is an actor"
        + (" (short name; ISO 3166 code where the name is long)" if named else " (its code)")
        + ", filled with its bloc's color; shaded areas enclose a bloc; a dark outline marks "
        f"an actor in its bloc in fewer than {LOW_STABILITY:.0%} of the runs.",
        f"Grey lines: {backbone.rule}, {len(backbone.edges):,} of "
        f"{count(backbone.candidates, 'agreeing pair')}"
        + (
            ""
            if backbone.edges or not backbone.candidates
            else " (the weights are too even for the filter to single any edge out)"
        )
        + "; darker = higher agreement index ((agreements - disagreements) / (agreements + "
        "disagreements)).",
    ]
    if negative:
        parts.append(
            f"Red dashed: each actor's strongest disagreement with index <= {negative_below:g} "
            f"({count(len(minus_edges), 'pair')})."
        )
    parts.append(method_line(report) + f" Modularity {report.modularity:.2f}.")
    sig = significance_line(report)
    if sig:
        parts.append(sig[0].upper() + sig[1:])
    if report.excluded:
        parts.append(
            f"Left out: {count(len(report.excluded), 'actor')} with fewer than "
            f"{report.min_positions} positions."
        )
    return " ".join(parts)
