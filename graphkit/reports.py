"""Bloc reports for people: rich tables, Markdown, JSON documents. Pure: reports in, text out."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from graphkit.analysis import Allies, BlocReport
from graphkit.tracking import Tracking


def _fmt(x: float | None, digits: int = 2) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def header_line(report: BlocReport, window: str) -> str:
    grouping = "group statements expanded to members" if report.expand_groups else "groups as such"
    return (
        f"{report.session} [{window}]: method {report.method} ({report.backend}, "
        f"resolution {report.resolution}, {report.runs} runs, seed {report.seed}); "
        f"modularity {_fmt(report.modularity, 3)}, z-score {_fmt(report.zscore)} "
        f"vs {report.null_shuffles} shuffles; {report.positions_used} positions used; {grouping}"
    )


def confidence_of(report: BlocReport, members: Sequence[str]) -> float | None:
    values = [report.membership[m][1] for m in members if m in report.membership]
    return sum(values) / len(values) if values else None


def report_table(report: BlocReport, window: str = "positions") -> Group:
    table = Table(title=Text(header_line(report, window)), title_justify="left", show_lines=True)
    for col in ("bloc", "label", "size", "cohesion", "confidence", "members"):
        table.add_column(col, overflow="fold")
    for b in report.blocs:
        members = ", ".join(
            f"{m}" if report.membership[m][1] >= 0.9 else f"{m} ({report.membership[m][1]:.0%})"
            for m in b.members
        )
        table.add_row(
            str(b.id),
            Text(b.label),
            str(len(b.members)),
            _fmt(b.cohesion),
            _fmt(confidence_of(report, b.members)),
            Text(members),
        )
    parts = [table]
    if not report.blocs:
        parts.append(Text("No blocs: no actor has enough positions in this window."))
    if report.excluded:
        parts.append(
            Text(
                f"Left out (fewer than {report.min_positions} positions): "
                + ", ".join(report.excluded)
            )
        )
    if report.method == "signed" or report.frustration:
        parts.append(Text(f"Frustration (disagreement inside blocs): {_fmt(report.frustration)}"))
    return Group(*parts)


def report_markdown(report: BlocReport, window: str = "positions") -> str:
    lines = [f"## {report.session}", "", header_line(report, window), ""]
    lines += [
        "| bloc | label | size | cohesion | confidence | members |",
        "|---|---|---|---|---|---|",
    ]
    for b in report.blocs:
        lines.append(
            f"| {b.id} | {b.label} | {len(b.members)} | {_fmt(b.cohesion)} | "
            f"{_fmt(confidence_of(report, b.members))} | {', '.join(b.members)} |"
        )
    if report.excluded:
        lines += [
            "",
            f"Left out (fewer than {report.min_positions} positions): "
            + ", ".join(report.excluded),
        ]
    return "\n".join(lines) + "\n"


def tracking_dict(tracking: Tracking) -> dict:
    return {
        "method": tracking.method,
        "sessions": list(tracking.sessions),
        "lineage": {
            s: {str(b): list(m) for b, m in blocs.items()} for s, blocs in tracking.lineage.items()
        },
        "splits": [vars(x) | {"into": list(x.into)} for x in tracking.splits],
        "merges": [vars(x) | {"sources": list(x.sources)} for x in tracking.merges],
        "swings": [vars(x) for x in tracking.swings],
        "min_jaccard": tracking.min_jaccard,
        "min_share": tracking.min_share,
    }


def tracking_table(tracking: Tracking) -> Group:
    lineage = Table(title="Bloc lineage (stable ids across sessions)", title_justify="left")
    lineage.add_column("bloc")
    for s in tracking.sessions:
        lineage.add_column(s, overflow="fold")
    ids = sorted({b for blocs in tracking.lineage.values() for b in blocs})
    for b in ids:
        cells = []
        for s in tracking.sessions:
            members = tracking.lineage.get(s, {}).get(b)
            cells.append(
                ""
                if members is None
                else f"{len(members)}: {', '.join(members[:6])}"
                + (" ..." if len(members) > 6 else "")
            )
        lineage.add_row(str(b), *cells)
    swings = Table(title="Swing actors", title_justify="left")
    for col in ("actor", "from", "to", "bloc", "confidence"):
        swings.add_column(col)
    for w in tracking.swings:
        swings.add_row(
            w.actor,
            w.session_from,
            w.session_to,
            f"{w.bloc_from} -> {w.bloc_to}",
            f"{_fmt(w.confidence_from)} -> {_fmt(w.confidence_to)}",
        )
    notes = [
        f"split: bloc {x.bloc} ({x.session_from}) -> {list(x.into)} ({x.session_to})"
        for x in tracking.splits
    ]
    notes += [
        f"merge: {list(x.sources)} ({x.session_from}) -> bloc {x.bloc} ({x.session_to})"
        for x in tracking.merges
    ]
    return Group(lineage, swings, Text("\n".join(notes) or "No splits or merges."))


def tracking_markdown(tracking: Tracking) -> str:
    lines = [
        "## Tracking",
        "",
        "| actor | from | to | bloc | confidence |",
        "|---|---|---|---|---|",
    ]
    for w in tracking.swings:
        lines.append(
            f"| {w.actor} | {w.session_from} | {w.session_to} | {w.bloc_from} -> {w.bloc_to} | "
            f"{_fmt(w.confidence_from)} -> {_fmt(w.confidence_to)} |"
        )
    for x in tracking.splits:
        lines.append(f"\nSplit: bloc {x.bloc} ({x.session_from}) into {list(x.into)}")
    for x in tracking.merges:
        lines.append(f"\nMerge: {list(x.sources)} ({x.session_from}) into bloc {x.bloc}")
    return "\n".join(lines) + "\n"


def allies_table(result: Allies, names: dict[str, str], window: str) -> Group:
    tables = []
    for title, rows in (
        ("Closest allies", result.allies),
        ("Strongest opponents", result.opponents),
    ):
        t = Table(title=Text(f"{title} of {result.actor} [{window}]"), title_justify="left")
        for col in ("actor", "name", "index", "agree", "disagree", "shared"):
            t.add_column(col)
        for r in rows:
            t.add_row(
                r.actor,
                Text(names.get(r.actor, "")),
                f"{r.index:+.2f}",
                f"{r.agreements:g}",
                f"{r.disagreements:g}",
                str(r.cooccurrences),
            )
        tables.append(t)
    return Group(*tables)


def allies_dict(result: Allies) -> dict:
    return {
        "actor": result.actor,
        "allies": [vars(r) for r in result.allies],
        "opponents": [vars(r) for r in result.opponents],
    }
