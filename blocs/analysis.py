"""`blocs report`, `state`, `track`, `export`, `validate`: thin wrappers over graphkit.api.

Every command analyses with the same default parameters, so a bloc has the same tracked id
(and color, and user name) in each of them.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from blocs.common import check_output_file, err, handled, out, store_of
from blocs.options import NamesOption, ReportFmt, analysis_options
from graphkit.params import Params
from graphkit.store.export import Window


class ExportFmt(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


def _names(path: Path | None) -> dict[int, str]:
    from graphkit import api

    return api.read_names(path) if path is not None else {}


@analysis_options()
def report(
    ctx: typer.Context,
    params: Params,
    window: Window,
    all_sessions: Annotated[
        bool, typer.Option("--all-sessions", help="Blocs per session, tracked across sessions.")
    ] = False,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="Output format.")] = ReportFmt.table,
    write: Annotated[
        bool, typer.Option("--write", help="Store the blocs in the graph (Bloc, IN_BLOC).")
    ] = False,
    names: NamesOption = None,
) -> None:
    """Voting blocs: members, labels, cohesion, stability, confidence, significance, warnings.

    With no session, date or issue given, reports every session (like --all-sessions) and
    lists the sessions without data. One --session gives that session's tracked blocs; several
    (or --from/--to/--issue) analyse the window as a whole, ids matched to the tracked blocs.
    """
    from graphkit import api, reports

    source = window.source
    per_session = all_sessions or not (
        window.sessions or window.date_from or window.date_to or window.issue
    )
    with handled():
        given = _names(names)
        with store_of(ctx) as store:
            slots = api.session_calendar(store, source)
            if per_session:
                results, tracking = api.session_reports(store, window, params)
            else:
                results, tracking = [api.window_report(store, window, params)], None
            results = [api.with_names(r, given) for r in results]
            if write:
                api.write_blocs(store, results, tracking)
    if fmt is ReportFmt.json:
        docs = [r.to_dict() | {"window": api.describe(window)} for r in results]
        if per_session:
            doc = {"sessions": reports.calendar_rows(slots, results), "reports": docs,
                   "tracking": reports.tracking_dict(tracking)}  # fmt: skip
        else:
            doc = docs[0]
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    elif fmt is ReportFmt.markdown:
        text = reports.calendar_markdown(slots, results) + "\n" if per_session else ""
        text += "".join(reports.report_markdown(r, source) for r in results)
        if tracking is not None:
            text += "\n" + reports.tracking_markdown(tracking, slots, given)
        sys.stdout.write(text)
    else:
        if per_session:
            out.print(reports.calendar_table(slots, results))
        for r in results:
            out.print(reports.report_table(r, source))
        if tracking is not None and len(results) > 1:
            out.print(reports.tracking_table(tracking, slots, given))
    if write:
        err.print(f"Stored blocs of {len(results)} session(s) in the graph.")


@analysis_options(
    omit=("method", "resolution", "runs", "seed", "backend", "null_shuffles", "workers",
          "bootstrap", "include_weak"),
    min_positions=1,
    expand=False,
)  # fmt: skip
def state(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Actor code or name, e.g. USA or 'the UK'.")],
    params: Params,
    window: Window,
    top: Annotated[int, typer.Option(min=1, help="How many allies and opponents.")] = 10,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="Output format.")] = ReportFmt.table,
) -> None:
    """Closest allies and strongest opponents of one actor, with agreement counts.

    Ranked by the agreement index, then by how many proposals back it. By default on positions
    as stated (the numbers of the `allies_in_session` query); --expand-groups adds what the
    actor's groups said, each attributed position weighing 1/members.
    """
    from graphkit import api, reports
    from graphkit.errors import BlocsError
    from loaders.actors import reference

    with handled(), store_of(ctx) as store:
        names = api.context(store).names
        actor = reference().resolve(code) or (code if code in names else None)
        if actor is None:
            hints = ", ".join(reference().suggest(code)) or "none"
            raise BlocsError(f"unknown actor {code!r} (closest: {hints})")
        result = api.state_relations(store, actor, window, params, top=top)
    if fmt is ReportFmt.json:
        sys.stdout.write(json.dumps(reports.allies_dict(result), indent=2) + "\n")
    else:
        out.print(reports.allies_table(result, names, api.describe(window)))


@analysis_options(window=("source",))
def track(
    ctx: typer.Context,
    params: Params,
    window: Window,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="Output format.")] = ReportFmt.table,
    names: NamesOption = None,
) -> None:
    """Bloc lineage across sessions, splits and merges, and the swing actors.

    Lineage and swings come from the significant sessions (--include-weak for all), and a swing
    needs the actor firmly placed on both sides; sessions without data are listed as such.
    """
    from graphkit import api, reports

    with handled():
        given = _names(names)
        with store_of(ctx) as store:
            slots = api.session_calendar(store, window.source)
            results, tracking = api.session_reports(store, window, params)
    if fmt is ReportFmt.json:
        doc = reports.tracking_dict(tracking) | {
            "calendar": reports.calendar_rows(slots, results),
            "names": {str(k): v for k, v in given.items()},
        }
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    elif fmt is ReportFmt.markdown:
        sys.stdout.write(reports.tracking_markdown(tracking, slots, given))
    else:
        out.print(reports.calendar_table(slots, results))
        out.print(reports.tracking_table(tracking, slots, given))


@analysis_options(omit=("workers",))
def export(
    ctx: typer.Context,
    params: Params,
    window: Window,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    fmt: Annotated[ExportFmt, typer.Option("--format", help="graphml, gexf (Gephi) or csv.")] = (
        ExportFmt.graphml
    ),
    names: NamesOption = None,
) -> None:
    """Export the agreement graph with bloc attributes (tracked ids, for Gephi and friends)."""
    import networkx as nx

    from graphkit import api

    with handled():
        check_output_file(output, "blocs.graphml")  # before the analysis: a bad path costs nothing
        given = _names(names)
        with store_of(ctx) as store:
            G = api.bloc_graph(store, window, params)
        for node in G.nodes:
            if G.nodes[node]["bloc"] in given:
                G.nodes[node]["bloc_name"] = given[G.nodes[node]["bloc"]]
        writer = {ExportFmt.graphml: nx.write_graphml, ExportFmt.gexf: nx.write_gexf}
        _write_atomically(output, lambda path: writer.get(fmt, _write_csv)(G, path))
    err.print(f"Wrote {G.number_of_nodes()} actors, {G.number_of_edges()} edges to {output}.")


def _write_atomically(output: Path, write) -> None:
    """Write beside `output`, then swap it in: a failed or interrupted export leaves the old
    file (or none), never half of one."""
    import os
    import tempfile

    fd, part = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".part")
    os.close(fd)
    umask = os.umask(0o022)
    os.umask(umask)
    try:
        os.chmod(part, 0o666 & ~umask)  # as a plain open() would have made it, not mkstemp's 600
        write(Path(part))
        os.replace(part, output)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise


def _write_csv(G, output: Path) -> None:
    import csv

    columns = ["agreements", "disagreements", "cooccurrences", "index", "net"]
    with output.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "target", *columns, "source_bloc", "target_bloc"])
        for a, b, d in sorted(G.edges(data=True)):
            w.writerow([a, b, *(d.get(c) for c in columns), G.nodes[a]["bloc"],
                        G.nodes[b]["bloc"]])  # fmt: skip


@analysis_options(window=("session",), omit=("workers",))
def validate(
    ctx: typer.Context,
    params: Params,
    window: Window,
    roll_call: Annotated[
        str, typer.Option(help="Roll call to compare with (default: A/RES/74/247).")
    ] = "UNGA-RC-9087",
    fmt: Annotated[ReportFmt, typer.Option("--format", help="Output format.")] = ReportFmt.table,
    names: NamesOption = None,
) -> None:
    """Negotiation blocs against a recorded vote: contingency table and Cramér's V.

    Blocs come from stated positions (default: AHC-7, tracked ids as in `blocs report`); the
    vote from recorded votes (default: A/RES/74/247, which created the Ad Hoc Committee). Only
    actors present in both count.
    """
    from dataclasses import replace

    from rich.table import Table
    from rich.text import Text

    from graphkit import api
    from graphkit.textsafe import printable

    window = replace(window, sessions=window.sessions or ("AHC-7",))
    with handled():
        given = _names(names)
        with store_of(ctx) as store:
            report_, result = api.validate_against_vote(store, window, roll_call, params)
    labels = {b: given.get(b, label) for b, label in result.labels.items()}
    result = replace(result, labels=labels)
    if fmt is ReportFmt.json:
        doc = result.to_dict() | {"blocs_from": report_.session, "blocs_method": report_.method,
                                  "significant": report_.significant,
                                  "warnings": list(report_.warnings)}  # fmt: skip
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return
    v = "n/a" if result.cramers_v is None else f"{result.cramers_v:.2f}"
    p = "n/a" if result.p_value is None else f"{result.p_value:.2g}"
    title = (f"Blocs of {report_.session} ({report_.method}) against {roll_call}: "
             f"{result.actors} actors in both; Cramér's V {v}, chi-square p {p}")  # fmt: skip
    table = Table(title=Text(printable(title)), title_justify="left")
    for col in ("bloc", "label", *result.votes):
        table.add_column(col)
    for b, row in zip(result.blocs, result.table, strict=True):
        table.add_row(str(b), Text(printable(result.labels.get(b, ""))), *map(str, row))
    out.print(table)
    for w in report_.warnings:
        out.print(Text(printable(f"! {w}")))
    if result.only_in_blocs:
        out.print(Text("In the blocs but no vote recorded: " + ", ".join(result.only_in_blocs)))


def register(app: typer.Typer) -> None:
    for fn in (report, state, track, export, validate):
        app.command()(fn)
