"""Bloc reports for people: rich tables, Markdown, JSON documents. Pure: reports in, text out.

Every string that comes from data (codes, labels, names, warnings) goes through
`graphkit.textsafe.printable` and into `rich.text.Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from graphkit.analysis import Allies, BlocReport
from graphkit.textsafe import longest_word, narrowest_table, printable
from graphkit.tracking import Tracking

SHOW_BELOW = 0.9  # members placed with less evidence confidence show it next to their code


def _fmt(x: float | None, digits: int = 2) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _count(x: float) -> str:
    """Counts stay whole; weighted counts (attributed positions) show two decimals."""
    return str(int(round(x))) if abs(x - round(x)) < 1e-9 else f"{x:.2f}"


def _p(value: object) -> str:
    return printable(value)


def verdict(report: BlocReport) -> str:
    """Significant or not, in words, with the test."""
    if report.significant:
        return f"significant (z = {_fmt(report.zscore)} over {report.null_shuffles} shuffles)"
    if report.zscore is not None:
        return (f"NOT significant (z = {_fmt(report.zscore)} over {report.null_shuffles} "
                "shuffles; needs z >= 2)")  # fmt: skip
    return "NOT tested against the null model"


def header_line(report: BlocReport, window: str) -> str:
    gw = report.params.group_weight
    grouping = (
        f"{report.positions_attributed} attributed from group statements "
        f"(weight {'1/members' if gw == 'share' else gw})"
        if report.expand_groups
        else "group statements left to the groups"
    )
    pairs = report.opponent_pairs_together
    return _p(
        f"{report.session} [{window}]: {verdict(report)}; method {report.method} "
        f"({report.backend}, resolution {report.resolution}, {report.runs} runs, "
        f"{report.bootstrap} resamples, seed {report.seed}); quality {_fmt(report.modularity, 3)}; "
        f"{report.positions_stated} positions stated, {grouping}, on {report.questions} "
        f"questions; clear opponents in one bloc: {pairs.count} of {pairs.pairs}"
    )


def confidence_of(report: BlocReport, members: Sequence[str]) -> float | None:
    values = [report.membership[m].confidence for m in members if m in report.membership]
    return sum(values) / len(values) if values else None


def _members(report: BlocReport, members: Sequence[str]) -> str:
    out = []
    for m in members:
        c = report.membership[m].confidence
        out.append(_p(m) if c >= SHOW_BELOW else f"{_p(m)} ({c:.0%})")
    return ", ".join(out)


def report_table(report: BlocReport, window: str = "positions") -> Group:
    table = Table(title=Text(header_line(report, window)), title_justify="left", show_lines=True)
    for col in ("bloc", "label", "size", "cohesion", "stability", "confidence", "members"):
        table.add_column(col, overflow="fold")
    for b in report.blocs:
        label = f"{b.name} ({b.label})" if b.name else b.label
        table.add_row(
            str(b.id),
            Text(_p(label)),
            str(len(b.members)),
            _fmt(b.cohesion),
            _fmt(b.stability),
            _fmt(confidence_of(report, b.members)),
            Text(_members(report, b.members)),
        )
    parts = [table]
    if not report.blocs:
        parts.append(Text("No blocs: no actor has enough positions in this window."))
    for w in report.warnings:
        parts.append(Text(f"! {_p(w)}", style="bold"))
    if report.excluded:
        parts.append(
            Text(
                f"Left out (fewer than {report.min_positions} positions): "
                + ", ".join(map(_p, report.excluded))
            )
        )
    if report.method != "louvain" or report.frustration:
        parts.append(Text(f"Frustration (disagreement inside blocs): {_fmt(report.frustration)}"))
    return Group(*parts)


def report_markdown(report: BlocReport, window: str = "positions") -> str:
    lines = [f"## {_p(report.session)}", "", header_line(report, window), ""]
    lines += [f"- **warning**: {_p(w)}" for w in report.warnings]
    if report.warnings:
        lines.append("")
    lines += [
        "| bloc | label | size | cohesion | stability | confidence | members |",
        "|---|---|---|---|---|---|---|",
    ]
    for b in report.blocs:
        label = f"{b.name} ({b.label})" if b.name else b.label
        lines.append(
            f"| {b.id} | {_p(label)} | {len(b.members)} | {_fmt(b.cohesion)} | "
            f"{_fmt(b.stability)} | {_fmt(confidence_of(report, b.members))} | "
            f"{_members(report, b.members)} |"
        )
    if report.excluded:
        lines += [
            "",
            f"Left out (fewer than {report.min_positions} positions): "
            + ", ".join(map(_p, report.excluded)),
        ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- calendar


def calendar_rows(slots: Sequence, reports: Sequence[BlocReport]) -> list[dict]:
    """Per calendar session: dates, data or not, and the report's verdict when it has one."""
    by_id = {r.session: r for r in reports}
    rows = []
    for s in slots:
        r = by_id.get(s.id)
        rows.append({
            "session": s.id, "start": s.start, "end": s.end, "has_data": s.has_data,
            "reason": s.reason, "significant": r.significant if r else None,
            "blocs": len(r.blocs) if r else 0, "warnings": len(r.warnings) if r else 0,
        })  # fmt: skip
    return rows


def _status(row: dict) -> str:
    if not row["has_data"]:
        return f"no data: {row['reason']}"
    if row["significant"] is None:
        return "data, not analysed in this window"
    return "significant" if row["significant"] else "not significant"


def calendar_table(slots: Sequence, reports: Sequence[BlocReport]) -> Table:
    table = Table(title="Sessions", title_justify="left")
    for col in ("session", "dates", "status", "blocs", "warnings"):
        table.add_column(col)
    for row in calendar_rows(slots, reports):
        dates = " - ".join(x for x in (row["start"], row["end"]) if x)
        table.add_row(_p(row["session"]), _p(dates), Text(_p(_status(row))),
                      str(row["blocs"]), str(row["warnings"]))  # fmt: skip
    return table


def calendar_markdown(slots: Sequence, reports: Sequence[BlocReport]) -> str:
    lines = ["## Sessions", "", "| session | dates | status | blocs | warnings |",
             "|---|---|---|---|---|"]  # fmt: skip
    for row in calendar_rows(slots, reports):
        dates = " - ".join(x for x in (row["start"], row["end"]) if x)
        lines.append(f"| {_p(row['session'])} | {_p(dates)} | {_p(_status(row))} | "
                     f"{row['blocs']} | {row['warnings']} |")  # fmt: skip
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- tracking


def tracking_dict(tracking: Tracking) -> dict:
    def blocs(d: Mapping) -> dict:
        return {s: {str(b): list(m) for b, m in bs.items()} for s, bs in d.items()}

    return {
        "method": tracking.method,
        "sessions": list(tracking.sessions),
        "lineage": blocs(tracking.lineage),
        "weak": list(tracking.weak),
        "weak_blocs": blocs(tracking.weak_blocs),
        "splits": [vars(x) | {"into": list(x.into)} for x in tracking.splits],
        "merges": [vars(x) | {"sources": list(x.sources)} for x in tracking.merges],
        "swings": [vars(x) for x in tracking.swings],
        "swings_firm_only": tracking.firm_only,
        "min_jaccard": tracking.min_jaccard,
        "min_share": tracking.min_share,
    }


def _cell(members: Sequence[str] | None) -> str:
    if members is None:
        return ""
    head = ", ".join(map(_p, members[:6]))
    return f"{len(members)}: {head}" + (" ..." if len(members) > 6 else "")


def _columns(tracking: Tracking, slots: Sequence | None) -> list[tuple[str, str]]:
    """(session, how it shows) for every calendar session, else every tracked one."""
    ids = [s.id for s in slots] if slots else list(tracking.sessions)
    tracked = set(tracking.sessions)
    out = []
    for s in ids:
        if s not in tracked:
            out.append((s, "no data"))
        elif s in tracking.weak:
            out.append((s, "not significant"))
        else:
            out.append((s, ""))
    return out


class _FitOrLong:
    """The lineage grid (blocs x sessions) where the console is wide enough for it with no word
    broken; else the same cells as a long table, one row per bloc and session (three columns
    fit any terminal). Decided at print time, from the console's width."""

    def __init__(self, grid: Table, narrowest: int, long: Table):
        self.grid, self.narrowest, self.long = grid, narrowest, long

    def __rich_console__(self, console, options):
        yield self.grid if self.narrowest <= options.max_width else self.long


def _lineage(
    tracking: Tracking, columns: list[tuple[str, str]], names: Mapping[int, str]
) -> _FitOrLong:
    title = "Bloc lineage (stable ids across sessions)"
    heads = [_p(f"{s} ({note})" if note else s) for s, note in columns]
    ids = sorted({b for bs in [*tracking.lineage.values(), *tracking.weak_blocs.values()]
                  for b in bs})  # fmt: skip
    rows = []  # (bloc label, [(text, dim)] per column)
    for b in ids:
        cells = []
        for s, note in columns:
            if note == "not significant":
                members = tracking.weak_blocs.get(s, {}).get(b)
                cells.append((f"({_cell(members)})" if members else "", True))
            else:
                cells.append((_cell(tracking.lineage.get(s, {}).get(b)), False))
        rows.append((_p(f"{b}: {names[b]}" if b in names else str(b)), cells))
    widths = [longest_word("bloc", *(r[0] for r in rows))]
    widths += [longest_word(h, *(r[1][i][0] for r in rows)) for i, h in enumerate(heads)]
    grid = Table(title=title, title_justify="left")
    for head, width in zip(["bloc", *heads], widths, strict=True):
        grid.add_column(head, min_width=width, overflow="fold")
    long = Table(title=title, title_justify="left")
    for head in ("bloc", "session", "members"):
        long.add_column(head, overflow="fold")
    for label, cells in rows:
        grid.add_row(Text(label), *(Text(t, style="dim" if dim else "") for t, dim in cells))
        for head, (text, dim) in zip(heads, cells, strict=True):
            if text:
                long.add_row(Text(label), Text(head), Text(text, style="dim" if dim else ""))
    return _FitOrLong(grid, narrowest_table(widths), long)


def tracking_table(
    tracking: Tracking, slots: Sequence | None = None, names: Mapping[int, str] | None = None
) -> Group:
    names = names or {}
    lineage = _lineage(tracking, _columns(tracking, slots), names)
    swings = Table(title="Swing actors (significant sessions, firm placements)",
                   title_justify="left")  # fmt: skip
    for col in ("actor", "from", "to", "bloc", "confidence"):
        swings.add_column(col)
    for w in tracking.swings:
        swings.add_row(_p(w.actor), _p(w.session_from), _p(w.session_to),
                       f"{w.bloc_from} -> {w.bloc_to}",
                       f"{_fmt(w.confidence_from)} -> {_fmt(w.confidence_to)}")  # fmt: skip
    notes = [
        f"split: bloc {x.bloc} ({x.session_from}) -> {list(x.into)} ({x.session_to})"
        for x in tracking.splits
    ]
    notes += [
        f"merge: {list(x.sources)} ({x.session_from}) -> bloc {x.bloc} ({x.session_to})"
        for x in tracking.merges
    ]
    if tracking.weak:
        notes.append("Not significant (ids given, kept out of lineage and swings): "
                     + ", ".join(map(_p, tracking.weak)))  # fmt: skip
    if not tracking.swings:
        notes.append("No swing actors.")
    return Group(lineage, swings, *(Text(_p(n)) for n in notes))


def tracking_markdown(
    tracking: Tracking, slots: Sequence | None = None, names: Mapping[int, str] | None = None
) -> str:
    names = names or {}
    columns = _columns(tracking, slots)
    head = [f"{s} ({note})" if note else s for s, note in columns]
    lines = ["## Tracking", "", "| bloc | " + " | ".join(map(_p, head)) + " |",
             "|---|" + "---|" * len(columns)]  # fmt: skip
    ids = sorted({b for bs in [*tracking.lineage.values(), *tracking.weak_blocs.values()]
                  for b in bs})  # fmt: skip
    for b in ids:
        cells = []
        for s, note in columns:
            source = tracking.weak_blocs if note == "not significant" else tracking.lineage
            members = source.get(s, {}).get(b)
            text = _cell(members)
            cells.append(f"({text})" if text and note else text)
        label = f"{b}: {names[b]}" if b in names else str(b)
        lines.append(f"| {_p(label)} | " + " | ".join(cells) + " |")
    lines += ["", "| actor | from | to | bloc | confidence |", "|---|---|---|---|---|"]
    for w in tracking.swings:
        lines.append(
            f"| {_p(w.actor)} | {_p(w.session_from)} | {_p(w.session_to)} | "
            f"{w.bloc_from} -> {w.bloc_to} | "
            f"{_fmt(w.confidence_from)} -> {_fmt(w.confidence_to)} |"
        )
    for x in tracking.splits:
        lines.append(f"\nSplit: bloc {x.bloc} ({_p(x.session_from)}) into {list(x.into)}")
    for x in tracking.merges:
        lines.append(f"\nMerge: {list(x.sources)} ({_p(x.session_from)}) into bloc {x.bloc}")
    if tracking.weak:
        lines.append("\nNot significant (kept out of lineage and swings): "
                     + ", ".join(map(_p, tracking.weak)))  # fmt: skip
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- allies


def allies_table(result: Allies, names: dict[str, str], window: str) -> Group:
    tables = []
    for title, rows in (
        ("Closest allies", result.allies),
        ("Strongest opponents", result.opponents),
    ):
        t = Table(
            title=Text(_p(f"{title} of {result.actor} [{window}], by index then proposals")),
            title_justify="left",
        )
        for col in ("actor", "name", "index", "agree", "disagree", "shared"):
            t.add_column(col)
        for r in rows:
            t.add_row(
                _p(r.actor),
                Text(_p(names.get(r.actor, ""))),
                f"{r.index:+.2f}",
                _count(r.agreements),
                _count(r.disagreements),
                str(r.cooccurrences),
            )
        tables.append(t)
    return Group(*tables)


def allies_dict(result: Allies) -> dict:
    return {
        "actor": result.actor,
        "ranking": "index, then agreements + disagreements, then code",
        "allies": [vars(r) for r in result.allies],
        "opponents": [vars(r) for r in result.opponents],
    }
