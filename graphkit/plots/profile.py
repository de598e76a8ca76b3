"""`profile`: one actor's closest allies and strongest opponents, one panel per session in
which it was analysed. `rank_relations` (pure) decides the rows; the rest draws them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure

from graphkit.analysis import Allies, BlocReport
from graphkit.errors import BlocsError
from graphkit.plots.names import MAX_NAME_PT, short_name
from graphkit.plots.style import (
    ALLY,
    INK,
    MUTED,
    OPPONENT,
    SMALL_PT,
    TEXT_PT,
    TITLE_PT,
    bloc_color,
    bloc_title,
    method_line,
    source_words,
)
from graphkit.plots.text import KeyRow, Sheet, measure
from graphkit.plots.timeline import as_slots, period_of

ROW_PT = 9.5  # vertical pitch of one row
MAX_LISTED = 3  # codes named in a row of tied actors before "+k"


@dataclass(frozen=True)
class Row:
    """Actors with the same agreement index and the same number of shared sided proposals."""

    actors: tuple[str, ...]
    index: float
    n: float  # proposals on which both took a side (agreements + disagreements)
    kind: str  # "ally" or "opponent"


def rank_relations(rel: Allies, top: int) -> tuple[list[Row], list[Row]]:
    """Allies (index > 0) from the highest index down and opponents (index < 0) from the lowest
    up, each ranked by index, then by evidence (more shared proposals first). Actors tied on
    both share one row (`top` rows each), so ties are shown as ties, not cut alphabetically."""
    seen: dict[str, object] = {}
    for r in (*rel.allies, *rel.opponents):
        seen.setdefault(r.actor, r)

    def rows(kind: str, sign: int) -> list[Row]:
        chosen = [r for r in seen.values() if sign * r.index > 0]
        chosen.sort(
            key=lambda r: (-sign * round(r.index, 9), -(r.agreements + r.disagreements), r.actor)
        )
        out: list[Row] = []
        for r in chosen:
            n = r.agreements + r.disagreements
            if out and abs(out[-1].index - r.index) < 1e-9 and out[-1].n == n:
                out[-1] = Row((*out[-1].actors, r.actor), out[-1].index, n, kind)
            elif len(out) == top:
                break
            else:
                out.append(Row((r.actor,), r.index, n, kind))
        return out

    return rows("ally", 1), rows("opponent", -1)


def row_label(row: Row, names: Mapping[str, str] | None, fig) -> str:
    if len(row.actors) == 1:
        code = row.actors[0]
        name = short_name(code, (names or {}).get(code)) if names else code
        return name if measure(fig, name, SMALL_PT)[0] <= MAX_NAME_PT else code
    listed = ", ".join(row.actors[:MAX_LISTED])
    more = len(row.actors) - MAX_LISTED
    return listed + (f" +{more}" if more > 0 else "")


def _absence(
    session: str, actor: str, reports: Mapping[str, BlocReport], allies: Allies | None
) -> str:
    r = reports.get(session)
    if r is not None and actor in r.excluded:
        return f"fewer than {r.min_positions} positions"
    if allies is not None:  # analysed, but every proposal it took a side on was its alone
        return "no proposal on which another actor took a side"
    return "no position recorded"


def profile(
    per_session_allies: Mapping[str, Allies | None],
    actor: str,
    *,
    reports: Sequence[BlocReport] | None = None,
    name: str | None = None,
    names: Mapping[str, str] | None = None,
    timeline=None,
    top: int = 5,
    title: str | None = None,
    window: str | None = None,
) -> Figure:
    """Closest allies (blue) and strongest opponents (red) of `actor`, a panel per session in
    which it was analysed (sessions where it was not are listed in the caption, with why).
    With `reports` (stable ids), each panel names the actor's bloc in the bloc's color."""
    by_session = {r.session: r for r in reports or ()}
    ranked = {s: rank_relations(a, top) for s, a in per_session_allies.items() if a is not None}
    ranked = {s: v for s, v in ranked.items() if v[0] or v[1]}
    if not ranked:
        raise BlocsError(f"nothing to plot: {actor} shares no sided proposal in any session")
    sheet = Sheet()
    fig = sheet.fig
    labels = {s: [row_label(r, names, fig) for r in (*al, *op)] for s, (al, op) in ranked.items()}
    label_w = max(measure(fig, t, SMALL_PT)[0] for v in labels.values() for t in v) / 72 + 0.06
    value_w = measure(fig, "+1.00 n=000", SMALL_PT)[0] / 72 + 0.08
    ncols = 1 if len(ranked) == 1 else 2
    panel_w = sheet.inner / ncols
    plot_w = min(2.2, panel_w - label_w - value_w - 0.12)
    who = f"{name} ({actor})" if name and name != actor else actor
    where = source_words(window)
    sheet.text(
        title
        or f"{who}: closest allies and strongest opponents, session by session"
        + (f" ({where})" if where else ""),
        size=TITLE_PT,
        weight="bold",
        gap=0.06,
        gid="title",
    )
    sessions = list(ranked)
    for k in range(0, len(sessions), ncols):
        chunk = sessions[k : k + ncols]
        n_rows = max(len(ranked[s][0]) + len(ranked[s][1]) for s in chunk) + 1
        boxes = [(sheet.margin + c * panel_w + label_w, plot_w) for c in range(len(chunk))]
        bottom = k + ncols >= len(sessions)
        axes = sheet.axes_row(n_rows * ROW_PT / 72, boxes, above=0.2, below=0.32 if bottom else 0.2)
        for ax, s in zip(axes, chunk, strict=True):
            _panel(
                ax,
                s,
                ranked[s],
                labels[s],
                by_session.get(s),
                actor,
                timeline,
                n_rows,
                xlabel=bottom,
            )
    sheet.key(_key(ranked, by_session, actor), max_columns=1)
    sheet.text(
        _caption(per_session_allies, ranked, by_session, actor, timeline, top, window),
        size=SMALL_PT,
        color=MUTED,
        gid="caption",
    )
    return sheet.finish()


def _panel(ax, session, ranked, labels, report, actor, timeline, n_rows, *, xlabel) -> None:
    allies, opponents = ranked
    ax.set_gid(f"panel:{session}")
    bloc = report.partition().get(actor) if report else None
    period = period_of(timeline, session)
    head = (
        session + (f" ({period})" if period else "") + ("" if bloc is None else f", bloc #{bloc}")
    )
    ax.set_title(
        head,
        fontsize=TEXT_PT,
        color=INK if bloc is None else bloc_color(bloc),
        fontweight="bold",
        loc="left",
        gid=f"panel-title:{session}",
        pad=3,
    )
    rows = [*allies, *opponents]
    ys = [-(k + (1.0 if r.kind == "opponent" and allies else 0.0)) for k, r in enumerate(rows)]
    for r, y in zip(rows, ys, strict=True):
        color = ALLY if r.kind == "ally" else OPPONENT
        ax.plot([0, r.index], [y, y], color=color, linewidth=1.0, alpha=0.6)
        ax.plot([r.index], [y], "o", color=color, markersize=3.5, gid=f"{r.kind}:{r.actors[0]}")
        ax.annotate(
            f"{r.index:+.2f} n={r.n:g}",
            xy=(1, y),
            xycoords=("axes fraction", "data"),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=SMALL_PT,
            color=MUTED,
            gid="value",
        )
    ax.set_yticks(ys, labels=labels)
    ax.tick_params(axis="y", labelsize=SMALL_PT, length=0, pad=3)
    ax.set_ylim(-n_rows + 0.4, 0.6)
    ax.set_xlim(-1.08, 1.08)
    ax.set_xticks([-1, 0, 1], labels=["-1", "0", "+1"])
    ax.tick_params(axis="x", labelsize=SMALL_PT, length=2, pad=1.5)
    ax.axvline(0, color="#999999", linewidth=0.5)
    if allies and opponents:
        ax.axhline(-len(allies) - 0.5 + 0.0, color="#cccccc", linewidth=0.5, linestyle=":")
    for spine in ax.spines.values():
        spine.set_linewidth(0.4)
    if xlabel:
        ax.set_xlabel("agreement index", fontsize=SMALL_PT, labelpad=1.5)


def _key(ranked, by_session, actor) -> list[KeyRow]:
    rows = [
        KeyRow("closest allies (agreement index > 0)", ALLY, "dot", gid="key:ally"),
        KeyRow("strongest opponents (index < 0)", OPPONENT, "dot", gid="key:opponent"),
    ]
    blocs: dict[int, tuple[object, list[str]]] = {}
    for s in ranked:
        r = by_session.get(s)
        bloc = r.partition().get(actor) if r else None
        if bloc is None:
            continue
        b = next(x for x in r.blocs if x.id == bloc)
        blocs.setdefault(bloc, (b, []))[1].append(f"{s}: {len(b.members)}")
    for bloc, (b, seen) in blocs.items():
        rows.append(
            KeyRow(
                f"{bloc_title(b)} ({', '.join(seen)})",
                bloc_color(bloc),
                "box",
                gid=f"key:bloc:{bloc}",
            )
        )
    return rows


def _caption(per_session, ranked, by_session, actor, timeline, top, window) -> str:
    where = source_words(window)
    text = (
        f"{where.capitalize() + '. ' if where else ''}Agreement index = (agreements - "
        "disagreements) / (agreements + disagreements) over the n proposals on which both took "
        f"a side; up to {top} rows each, ranked by index, then by n; actors tied on both share a "
        'row ("+k": k more with the same values).'
    )
    missing = [
        f"{s} ({_absence(s, actor, by_session, a)})"
        for s, a in per_session.items()
        if s not in ranked
    ]
    if missing:
        text += f" Not analysed: {', '.join(missing)}."
    slots = as_slots(timeline)
    ids = [s.id for s in slots]
    inside = [ids.index(s) for s in per_session if s in ids]
    span = slots[min(inside) : max(inside) + 1] if inside else []
    empty = [s.id for s in span if not s.has_data and s.id not in per_session]
    if empty:
        text += f" Sessions without data: {', '.join(empty)}."
    if by_session:
        text += " " + method_line(next(iter(by_session.values())))
    return text
