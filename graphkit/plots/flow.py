"""`flow`: bloc membership across sessions on a time axis, drawn from `flow_layout`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from matplotlib.figure import Figure
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke

from graphkit.analysis import BlocReport
from graphkit.errors import BlocsError
from graphkit.plots.flow_layout import POOL, FlowLayout, Ribbon, flow_layout
from graphkit.plots.style import (
    INK,
    MUTED,
    NO_DATA,
    NOT_ANALYSED,
    SMALL_PT,
    TEXT_PT,
    TITLE_PT,
    bloc_color,
    bloc_title,
    count,
    format_span,
    ink,
    method_line,
    new_figure,
    significance_rule,
    source_words,
)
from graphkit.plots.text import KeyRow, Sheet, measure
from graphkit.plots.timeline import as_slots, missing_sessions
from graphkit.tracking import Tracking

AXES_IN = 2.7  # height of the chart itself
HEAD_PT = SMALL_PT


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


def _swings(reports, tracking) -> list[tuple[str, str, str, int, int]]:
    """(actor, from, to, bloc before, bloc after): the tracking's swings when given (it may
    leave out sessions it does not trust), else every bloc change between columns."""
    if tracking is not None:
        return [
            (s.actor, s.session_from, s.session_to, s.bloc_from, s.bloc_to) for s in tracking.swings
        ]
    out = []
    for r0, r1 in zip(reports, reports[1:], strict=False):
        p0, p1 = r0.partition(), r1.partition()
        out += [
            (a, r0.session, r1.session, p0[a], p1[a])
            for a in sorted(p0.keys() & p1.keys())
            if p0[a] != p1[a]
        ]
    return out


@dataclass(frozen=True)
class Header:
    x: float
    session: str
    text: str
    has_data: bool


def _headers(lay: FlowLayout) -> tuple[list[Header], bool]:
    """A header per column and gap, and whether side by side they would collide (then they
    are set upright, one line each)."""
    heads = [
        Header(c.x, c.session,
               f"{c.session}\n{c.analysed}" + (" n.s." if c.significant is False else ""), True)
        for c in lay.columns
    ]  # fmt: skip
    heads += [Header((g.x0 + g.x1) / 2, g.session, f"{g.session}\nno data", False)
              for g in lay.gaps]  # fmt: skip
    heads.sort(key=lambda h: h.x)
    scratch = new_figure()
    spans = [((h.x - lay.xlim[0]) / lay.pt, measure(scratch, h.text, HEAD_PT)[0]) for h in heads]
    crowded = any(b - a < (wa + wb) / 2 + 3 for (a, wa), (b, wb) in pairwise(spans))
    return heads, crowded


def flow(
    reports: Sequence[BlocReport],
    tracking: Tracking | None = None,
    *,
    timeline=None,
    highlight_swings: bool = True,
    title: str | None = None,
    window: str | None = None,
    max_names: int = 12,
) -> Figure:
    """Blocs of every session with data, on a time axis, with the actors moving between them.

    `timeline`: the session calendar (dates, sessions without data); without it columns are
    evenly spaced. Blocks are blocs (stable ids and colors; height = actors), grey blocks the
    actors not analysed in that session, bands the actors going from one to the next session
    with data. Swing bands (tracked bloc changed) are outlined and listed under the chart.
    """
    reports = list(reports)
    if not reports:
        raise BlocsError("nothing to plot: no session has blocs")
    if not any(r.membership for r in reports):
        raise BlocsError(
            f"nothing to plot: no actor took {reports[0].min_positions} or more positions in "
            "any session"
        )
    sheet = Sheet()
    width_pt = sheet.inner * 72
    lay = flow_layout(reports, timeline, width_pt=width_pt)
    heads, crowded = _headers(lay)
    upright = max(measure(sheet.fig, h.text.replace("\n", " "), HEAD_PT)[0] for h in heads)
    head_h = (upright if crowded else 2.5 * HEAD_PT) / 72 + 0.08
    slots = as_slots(timeline)
    span = format_span(*(_ends(slots, reports))) if lay.dated else ""
    where = source_words(window)
    sheet.text(
        title
        or (
            f"Blocs across {len(reports)} sessions"
            + (f", {span}" if span else "")
            + (f" ({where})" if where else "")
        ),
        size=TITLE_PT,
        weight="bold",
        gap=0.04,
        gid="title",
    )
    ax = sheet.axes(AXES_IN, above=head_h, below=0.22 if lay.dated else 0.05)
    swings = _swings(reports, tracking)
    hot = {(s0, s1, b0, b1) for _, s0, s1, b0, b1 in swings} if highlight_swings else set()
    _draw(ax, lay, hot)
    _draw_headers(ax, heads, crowded)
    if lay.dated:
        _time_axis(ax, lay)
    sheet.key(_key_rows(reports, lay), max_columns=1)
    sheet.text(_swing_text(swings, max_names), size=SMALL_PT, gid="swing-list", gap=0.05)
    sheet.text(
        _caption(reports, tracking, lay, slots, window), size=SMALL_PT, color=MUTED, gid="caption"
    )
    return sheet.finish()


def _ends(slots, reports):
    by_id = {s.id: s for s in slots}
    return by_id[reports[0].session].start, by_id[reports[-1].session].end


def _draw(ax, lay: FlowLayout, hot: set) -> None:
    ax.set_xlim(*lay.xlim)
    ax.set_ylim(0, lay.height)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_yticks([])
    ax.set_xticks([])
    for g in lay.gaps:
        ax.add_patch(
            Rectangle(
                (g.x0, 0),
                g.x1 - g.x0,
                lay.height,
                facecolor=NO_DATA,
                edgecolor="#bdbdbd",
                linewidth=0.4,
                linestyle=(0, (2, 2)),
                zorder=0,
                gid=f"gap:{g.session}",
            )
        )
    for c in lay.columns:
        for b, (bottom, top) in c.blocks.items():
            pool = b == POOL
            ax.add_patch(
                Rectangle(
                    (c.x0, bottom),
                    c.x1 - c.x0,
                    top - bottom,
                    facecolor=NOT_ANALYSED if pool else bloc_color(b),
                    edgecolor="white",
                    linewidth=0.5,
                    hatch="////" if (pool or c.significant is False) else None,
                    zorder=3,
                    gid=f"{'pool' if pool else 'block'}:{c.session}:{b}",
                )
            )
            if (top - bottom) / (lay.height / (AXES_IN * 72)) >= 8:
                color = MUTED if pool else ink(bloc_color(b))
                fill = NOT_ANALYSED if pool else bloc_color(b)
                ax.text(
                    c.x,
                    (top + bottom) / 2,
                    str(round(top - bottom)),
                    ha="center",
                    va="center",
                    fontsize=6,
                    color=color,
                    zorder=5,
                    fontweight="bold",
                    gid=f"size:{c.session}:{b}",
                    # a halo in the block's color keeps the number legible over hatching
                    path_effects=[withStroke(linewidth=1.6, foreground=fill)],
                )
    for rib in lay.ribbons:
        _ribbon(ax, rib, hot)


def _ribbon(ax, rib: Ribbon, hot: set) -> None:
    band, n = rib.band, len(rib.band.actors)
    if band.bloc_from == POOL and band.bloc_to == POOL:
        return  # not analysed in either: the grey blocks say it
    swing = (band.session_from, band.session_to, band.bloc_from, band.bloc_to) in hot
    grey = POOL in (band.bloc_from, band.bloc_to)  # entering or leaving: a faint tint
    color = bloc_color(band.bloc_to if band.bloc_from == POOL else band.bloc_from)
    ax.add_patch(
        PathPatch(
            _band_path(rib.x0, rib.x1, rib.top0, rib.top0 - n, rib.top1, rib.top1 - n),
            facecolor=color,
            alpha=0.16 if grey else (0.75 if swing else 0.38),
            edgecolor=INK if swing else "none",
            linewidth=0.6 if swing else 0.0,
            zorder=4 if swing else 2,
            gid=f"band:{band.session_from}:{band.bloc_from}->{band.session_to}:{band.bloc_to}",
        )
    )


def _draw_headers(ax, heads: list[Header], crowded: bool) -> None:
    for h in heads:
        ax.annotate(
            h.text.replace("\n", " ") if crowded else h.text,
            xy=(h.x, 1),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="left" if crowded else "center",
            va="center" if crowded else "bottom",
            rotation=90 if crowded else 0,
            rotation_mode="anchor",
            fontsize=HEAD_PT,
            color=INK if h.has_data else MUTED,
            fontweight="bold" if h.has_data else "normal",
            fontstyle="normal" if h.has_data else "italic",
            gid=f"header:{h.session}",
        )


def _time_axis(ax, lay: FlowLayout) -> None:
    """Year boundaries as ticks, quarter ticks between, each year's label in its middle."""
    lo, hi = lay.xlim
    first, last = dt.date.fromordinal(int(lo)), dt.date.fromordinal(int(hi))
    years = range(first.year, last.year + 2)
    bounds = [dt.date(y, 1, 1).toordinal() for y in years]
    ax.set_xticks([b for b in bounds if lo <= b <= hi], labels=[])
    quarters = [dt.date(y, m, 1).toordinal() for y in years for m in (4, 7, 10)]
    ax.set_xticks([q for q in quarters if lo <= q <= hi], minor=True)
    ax.tick_params(axis="x", which="major", length=5, width=0.6)
    ax.tick_params(axis="x", which="minor", length=2.5, width=0.4)
    for y, a, b in zip(years, bounds, bounds[1:], strict=False):
        a, b = max(a, lo), min(b, hi)
        if (b - a) / lay.pt >= 24:
            ax.text(
                (a + b) / 2,
                -4 * lay.height / (AXES_IN * 72),
                str(y),
                ha="center",
                va="top",
                fontsize=TEXT_PT,
                color=INK,
                gid="year",
            )


def _key_rows(reports, lay: FlowLayout) -> list[KeyRow]:
    last: dict[int, object] = {}
    sizes: dict[int, list[str]] = {}
    for r in reports:
        for b in r.blocs:
            last[b.id] = b
            sizes.setdefault(b.id, []).append(f"{r.session} {len(b.members)}")
    rows = [
        KeyRow(
            f"{bloc_title(last[k])} ({', '.join(sizes[k])})",
            bloc_color(k),
            "box",
            gid=f"key:bloc:{k}",
        )
        for k in sorted(last)
    ]
    rows.append(
        KeyRow(
            f"not analysed in that session (nothing recorded there, or fewer than "
            f"{reports[0].min_positions} positions)",
            NOT_ANALYSED,
            "box",
            edge="white",
            hatch="////",
            gid="key:pool",
        )
    )
    if lay.gaps:
        rows.append(KeyRow("session without data", NO_DATA, "box", edge="#bdbdbd", gid="key:gap"))
    if any(c.significant is False for c in lay.columns):
        rule = significance_rule(reports[0])
        rows.append(KeyRow(f"n.s.: blocs not significant in that session ({rule}); hatched",
                           "#888888", "box", edge="white", hatch="////", gid="key:ns"))  # fmt: skip
    return rows


def _swing_text(swings, max_names: int) -> str:
    if not swings:
        return "No actor changed bloc between consecutive sessions."
    steps: dict[tuple[str, str], dict[tuple[int, int], list[str]]] = {}
    for actor, s0, s1, b0, b1 in swings:
        steps.setdefault((s0, s1), {}).setdefault((b0, b1), []).append(actor)
    lines = ["Swing actors (tracked bloc changed; outlined bands):"]
    for (s0, s1), moves in steps.items():
        parts = []
        for (b0, b1), actors in sorted(moves.items()):
            shown = ", ".join(sorted(actors)[:max_names])
            more = len(actors) - max_names
            parts.append(f"{shown}{f' +{more}' if more > 0 else ''} (#{b0} to #{b1})")
        lines.append(f"{s0} to {s1}: " + "; ".join(parts))
    return "\n".join(lines)


def _caption(reports, tracking, lay: FlowLayout, slots, window) -> str:
    where = source_words(window)
    x = (
        "x: time, each session at its dates (blocks at least 10 pt wide); "
        if lay.dated
        else "Sessions evenly spaced (no dates for every session); "
    )
    text = (
        f"{(where + '. ').capitalize() if where else ''}{x}block height: actors (every column "
        f"holds the same {lay.universe} actors, all those analysed in some session shown); "
        "bands: actors from their bloc in one session to their bloc in the next session with "
        "data. " + method_line(reports[0])
    )
    if tracking is not None:
        text += (
            f" Bloc ids follow members across sessions (Jaccard >= "
            f"{tracking.min_jaccard:g}, one-to-one), so one bloc keeps its id and color."
        )
    zs = [f"{r.session} {'n/a' if r.zscore is None else format(r.zscore, '.1f')}" for r in reports]
    if any(r.zscore is not None for r in reports):
        text += (
            f" Modularity z-score against {max(r.null_shuffles for r in reports)} "
            f"degree-preserving shuffles (above ~3: unlikely by chance): {', '.join(zs)}."
        )
    shown = {c.session for c in lay.columns} | {g.session for g in lay.gaps}
    outside = [s for ids in missing_sessions(slots, shown).values() for s in ids]
    if outside:
        listed = ", ".join(outside) if len(outside) <= 8 else count(len(outside), "session")
        text += f" Outside the range shown, without {where or 'data'}: {listed}."
    return text
