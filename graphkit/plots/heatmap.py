"""`heatmap`: agreement between blocs (the default summary) or between every pair of actors
(`full=True`), drawn from the numbers and label lanes of `graphkit.plots.matrix`."""

from __future__ import annotations

import matplotlib
import networkx as nx
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from graphkit.analysis import BlocReport
from graphkit.errors import BlocsError
from graphkit.plots.matrix import (
    Lanes,
    agreement_matrix,
    bloc_order,
    bloc_pairs,
    label_lanes,
    runs_of,
)
from graphkit.plots.network import graph_of
from graphkit.plots.style import (
    MARGIN_IN,
    MUTED,
    SMALL_PT,
    TITLE_PT,
    bloc_color,
    bloc_title,
    count,
    ink,
    method_line,
    significance,
    significance_line,
    source_words,
)
from graphkit.plots.text import KeyRow, Sheet, measure
from graphkit.plots.timeline import period_of
from graphkit.projection import Projection

CMAP = matplotlib.colormaps["RdBu"].with_extremes(bad="#bdbdbd")
STRIP_PT = 5.0


def heatmap(
    data: nx.Graph | Projection,
    report: BlocReport,
    *,
    full: bool = False,
    timeline=None,
    title: str | None = None,
    window: str | None = None,
) -> Figure:
    """Agreement by bloc: mean index between and within blocs with the number of pairs behind
    each cell (default), or, with `full`, the index of every pair of actors ordered by bloc."""
    G = graph_of(data)
    if not report.blocs:
        raise BlocsError(f"nothing to plot: no blocs in {report.session}")
    period = period_of(timeline, report.session)
    when = f"{report.session}{f' ({period})' if period else ''}"
    flag = " (not significant)" if significance(report) is False else ""
    if full:
        head = title or f"Agreement between every pair of actors, {when}, ordered by bloc{flag}"
        return _full(G, report, head, window)
    head = title or (
        f"Agreement within and between blocs, {when}: "
        f"{count(len(report.blocs), 'bloc')}, {count(len(report.membership), 'actor')}"
        f"{flag}"
    )
    return _summary(G, report, head, window)


def _colorbar(sheet: Sheet, im, *, center: float | None = None, width: float = 2.0) -> None:
    """A horizontal colorbar `width` inches wide centred on `center` (default: the page)."""
    center = sheet.width / 2 if center is None else center
    left = min(max(center - width / 2, sheet.margin), sheet.width - sheet.margin - width)
    cax = sheet.axes(0.08, left=left, width=width, above=0.06, below=0.3)
    bar = sheet.fig.colorbar(im, cax=cax, orientation="horizontal")
    bar.set_ticks([-1, -0.5, 0, 0.5, 1], labels=["-1", "-0.5", "0", "+0.5", "+1"])
    bar.ax.tick_params(labelsize=SMALL_PT, length=2, pad=1.5)
    bar.set_label("agreement index (grey: no shared proposal)", fontsize=SMALL_PT, labelpad=2)
    bar.outline.set_linewidth(0.4)


def _fit_label(sheet: Sheet, text: str, width: float, height: float, size: float) -> str:
    """`text` wrapped to `width` inches, cut word by word (ending in "...") to fit `height`."""
    words = text.split(" ")
    for keep in range(len(words), 0, -1):
        body = sheet.wrap(
            " ".join(words[:keep]) + ("" if keep == len(words) else " ..."), size, width
        )
        if sheet.measure(body, size)[1] <= height:
            return body
    return words[0]


def _summary(G: nx.Graph, report: BlocReport, head: str, window: str | None) -> Figure:
    bp = bloc_pairs(G, report)
    k = len(bp.blocs)
    sheet = Sheet()
    blocs = {b.id: b for b in report.blocs}
    most = 2.3  # inches for the row labels at most
    cell = min(0.75, (sheet.inner - most - 0.1) / k)
    labels = [
        _fit_label(
            sheet, f"{bloc_title(blocs[b])} ({bp.sizes[i]})", most - 0.12, cell * 0.95, SMALL_PT
        )
        for i, b in enumerate(bp.blocs)
    ]
    label_w = max(sheet.measure(t, SMALL_PT, "bold")[0] for t in labels) + 0.1
    left = MARGIN_IN + (sheet.inner - label_w - k * cell) / 2 + label_w  # the block centred
    sheet.text(head, size=TITLE_PT, weight="bold", gap=0.04, gid="title")
    ax = sheet.axes(k * cell, left=left, width=k * cell, above=0.3, below=0.02)
    im = ax.imshow(bp.mean, cmap=CMAP, vmin=-1, vmax=1, interpolation="nearest")
    im.set_gid("bloc-matrix")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_linewidth(0.4)
    for i, b in enumerate(bp.blocs):
        ax.annotate(
            f"#{b}\n({bp.sizes[i]})",
            xy=(i, -0.5),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=SMALL_PT,
            color=bloc_color(b),
            fontweight="bold",
            gid=f"col:{b}",
        )
        ax.annotate(
            labels[i],
            xy=(-0.5, i),
            xytext=(-4, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=SMALL_PT,
            color=bloc_color(b),
            fontweight="bold",
            gid=f"row:{b}",
        )
        for j in range(k):
            _cell_text(ax, bp, i, j, cell)
    _colorbar(sheet, im, center=left + k * cell / 2)
    caption = (
        f"{source_words(window).capitalize() + ' in ' + report.session + '. ' if window else ''}"
        "Each cell: mean agreement index ((agreements - disagreements) / (agreements + "
        "disagreements)) over the pairs of actors, one from the row's bloc and one from the "
        "column's, that took a side on a common proposal; on the diagonal, pairs of members "
        "(the bloc's cohesion). n: such pairs, of all possible pairs. Blue: mostly the same "
        "side; red: mostly opposite sides. " + method_line(report)
    )
    caption += _evidence_note(report)
    sheet.text(caption, size=SMALL_PT, color=MUTED, gid="caption")
    return sheet.finish()


def _evidence_note(report: BlocReport) -> str:
    """Significance and who was left out, as caption sentences."""
    text = ""
    sig = significance_line(report)
    if sig:
        text += " " + sig[0].upper() + sig[1:]
    if report.excluded:
        text += (
            f" Left out: {count(len(report.excluded), 'actor')} with fewer than "
            f"{report.min_positions} positions."
        )
    return text


def _cell_text(ax, bp, i: int, j: int, cell: float) -> None:
    mean, n, of = bp.mean[i, j], int(bp.pairs[i, j]), int(bp.possible[i, j])
    if np.isnan(mean):
        text, color = "no shared\nproposal", "black"
    else:
        color = ink(matplotlib.colors.to_hex(CMAP((mean + 1) / 2)))
        text = f"{mean:+.2f}\nn={n:,}" + (f"\nof {of:,}" if cell >= 0.6 else "")
    ax.text(
        j,
        i,
        text,
        ha="center",
        va="center",
        fontsize=SMALL_PT if cell >= 0.5 else 6,
        color=color,
        gid=f"cell:{bp.blocs[i]}:{bp.blocs[j]}",
        linespacing=1.15,
    )


def _full(G: nx.Graph, report: BlocReport, head: str, window: str | None) -> Figure:
    order = bloc_order(G, report)
    part = report.partition()
    n = len(order)
    sheet = Sheet()
    size = SMALL_PT
    label_w = max(measure(sheet.fig, a, size)[0] for a in order)
    label_h = measure(sheet.fig, "Ag", size)[1]
    lanes = label_lanes(n, label_w, label_h, sheet.inner * 72, strip=STRIP_PT)
    side_in = n * lanes.cell / 72
    margin_in = lanes.margin / 72
    total = side_in + lanes.sides * margin_in
    left = (sheet.width - total) / 2 + margin_in
    sheet.text(head, size=TITLE_PT, weight="bold", gap=0.04, gid="title")
    ax = sheet.axes(
        side_in,
        left=left,
        width=side_in,
        above=margin_in + 0.02,
        below=margin_in if lanes.sides == 2 else 0.02,
    )
    im = ax.imshow(
        agreement_matrix(G, order),
        cmap=CMAP,
        vmin=-1,
        vmax=1,
        interpolation="nearest",
        aspect="auto",
    )
    im.set_gid("agreement-matrix")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_ylim(n - 0.5, -0.5)
    _strips_and_bounds(ax, order, part, lanes)
    for i, a in enumerate(order):
        _matrix_label(ax, a, i, n, lanes, label_w, size)
    _colorbar(sheet, im)
    blocs = sorted(report.blocs, key=lambda b: (-len(b.members), b.id))
    sheet.key(
        [
            KeyRow(
                f"{bloc_title(b)} ({len(b.members)})",
                bloc_color(b.id),
                "box",
                gid=f"key:bloc:{b.id}",
            )
            for b in blocs
        ],
        max_columns=1,
    )
    where = source_words(window)
    how = (
        "Codes alternate between the two sides" if lanes.sides == 2 else "Codes on the left and top"
    ) + (
        f", in {lanes.lanes} staggered lanes joined to their row or column"
        if lanes.lanes > 1
        else ""
    )
    caption = (
        f"{where.capitalize() + ' in ' + report.session + '. ' if where else ''}"
        f"Agreement index of every pair of the {n} actors (blue: mostly the same side; red: "
        "mostly opposite sides; grey: no proposal on which both took a side); rows and "
        "columns in the same order, grouped by bloc (colored strips, black lines; largest bloc "
        f"first, most central member first). {how}. " + method_line(report)
    )
    caption += _evidence_note(report)
    sheet.text(caption, size=SMALL_PT, color=MUTED, gid="caption")
    return sheet.finish()


def _strips_and_bounds(ax, order, part, lanes: Lanes) -> None:
    unit = 1.0 / lanes.cell  # data units per point
    n = len(order)
    for b, s, e in runs_of(order, part):
        for rect in (
            Rectangle((-0.5 - (STRIP_PT + 1) * unit, s - 0.5), STRIP_PT * unit, e - s),
            Rectangle((s - 0.5, -0.5 - (STRIP_PT + 1) * unit), e - s, STRIP_PT * unit),
        ):
            rect.set(facecolor=bloc_color(b), edgecolor="none", clip_on=False, gid=f"strip:{b}")
            ax.add_patch(rect)
        if s > 0:
            ax.axhline(s - 0.5, color="black", linewidth=0.6)
            ax.axvline(s - 0.5, color="black", linewidth=0.6)
    ax.set_xlim(-0.5, n - 0.5)


def _matrix_label(ax, actor: str, i: int, n: int, lanes: Lanes, label_w: float, size: float):
    """Row i's label (left or right) and column i's label (top or bottom), on their lanes."""
    unit = 1.0 / lanes.cell
    side, lane = lanes.place(i)
    edge = (STRIP_PT + 1.5) * unit if side == 0 else 1.5 * unit
    off = STRIP_PT + 2.0 + lane * (label_w + 3.0) if side == 0 else 2.0 + lane * (label_w + 3.0)
    off -= 0.5 if side == 0 else 0.0
    leader = dict(arrowstyle="-", color="#9e9e9e", lw=0.3, shrinkA=0.5, shrinkB=0) if lane else None
    sign = -1 if side == 0 else 1
    row_x = -0.5 - edge if side == 0 else n - 0.5 + edge
    ax.annotate(
        actor,
        xy=(row_x, i),
        xytext=(sign * (off - (edge / unit)), 0),
        textcoords="offset points",
        ha="right" if side == 0 else "left",
        va="center",
        fontsize=size,
        annotation_clip=False,
        arrowprops=leader,
        gid=f"row-label:{actor}",
    )
    col_y = -0.5 - edge if side == 0 else n - 0.5 + edge
    ax.annotate(
        actor,
        xy=(i, col_y),
        xytext=(0, -sign * (off - (edge / unit))),
        textcoords="offset points",
        ha="center",
        va="bottom" if side == 0 else "top",
        rotation=90,
        fontsize=size,
        annotation_clip=False,
        arrowprops=leader,
        gid=f"col-label:{actor}",
    )
