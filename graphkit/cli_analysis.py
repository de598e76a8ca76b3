"""`blocs report`, `state`, `track`, `export`: thin wrappers over graphkit.api."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graphkit.cli_common import err, handled, out, store_of


class ReportFmt(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


class Source(StrEnum):
    positions = "positions"
    votes = "votes"
    both = "both"


class Method(StrEnum):
    louvain = "louvain"
    signed = "signed"


class Backend(StrEnum):
    python_louvain = "python-louvain"
    igraph = "igraph"
    leiden = "leiden"


class ExportFmt(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


Session = Annotated[
    list[str] | None, typer.Option("--session", "-s", help="Session id (repeatable), e.g. AHC-7.")
]
DateFrom = Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")]
DateTo = Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")]
Issue = Annotated[str | None, typer.Option(help="Issue key prefix, e.g. art64.")]
SourceOpt = Annotated[Source, typer.Option(help="Stated positions, recorded votes, or both.")]
MethodOpt = Annotated[
    Method, typer.Option(help="louvain: positive agreement; signed: also disagreement.")
]
Resolution = Annotated[float, typer.Option(help="Modularity resolution (>1: smaller blocs).")]
Runs = Annotated[int, typer.Option(min=1, help="Consensus runs (seeds seed..seed+runs-1).")]
Seed = Annotated[int, typer.Option(help="First seed; same input and seed, same output.")]
MinPositions = Annotated[
    int, typer.Option(min=1, help="Leave out actors with fewer positions in the window.")
]
Expand = Annotated[
    bool,
    typer.Option("--expand-groups/--no-expand-groups", help="Expand group statements to members."),
]
BackendOpt = Annotated[Backend, typer.Option(help="Louvain implementation for the runs.")]
Shuffles = Annotated[
    int, typer.Option(min=0, help="Null-model shuffles for the z-score (0: skip).")
]


def _params(method, resolution, runs, seed, min_positions, expand, backend, shuffles, workers=1):
    from graphkit.api import Params

    return Params(
        method=method.value,
        resolution=resolution,
        runs=runs,
        seed=seed,
        min_positions=min_positions,
        expand=expand,
        backend=backend.value,
        null_shuffles=shuffles,
        workers=workers,
    )


def _window(session, date_from, date_to, issue, source):
    from graphkit.export import Window

    return Window(
        sessions=tuple(session) if session else None,
        date_from=date_from,
        date_to=date_to,
        issue=issue,
        source=source.value,
    )


def report(
    ctx: typer.Context,
    session: Session = None,
    all_sessions: Annotated[
        bool, typer.Option("--all-sessions", help="Blocs per session, tracked across sessions.")
    ] = False,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    issue: Issue = None,
    source: SourceOpt = Source.positions,
    method: MethodOpt = Method.louvain,
    resolution: Resolution = 1.0,
    runs: Runs = 100,
    seed: Seed = 0,
    min_positions: MinPositions = 3,
    expand: Expand = True,
    backend: BackendOpt = Backend.igraph,
    null_shuffles: Shuffles = 20,
    workers: Annotated[int, typer.Option(min=1, help="Processes for --all-sessions.")] = 2,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="Output format.")] = ReportFmt.table,
    write: Annotated[
        bool, typer.Option("--write", help="Store the blocs in the graph (Bloc, IN_BLOC).")
    ] = False,
) -> None:
    """Voting blocs: members, labels, cohesion, confidence, modularity and z-score.

    With no session, date or issue given, reports every session (like --all-sessions).
    With one or more --session (or --from/--to/--issue), the window is analysed as a whole.
    """
    from graphkit import api, reports

    params = _params(
        method, resolution, runs, seed, min_positions, expand, backend, null_shuffles, workers
    )
    window = _window(session, date_from, date_to, issue, source)
    per_session = all_sessions or not (session or date_from or date_to or issue)
    with handled(), store_of(ctx) as store:
        if per_session:
            results, tracking = api.session_reports(store, window, params)
        else:
            results, tracking = [api.window_report(store, window, params)], None
        if write:
            api.write_blocs(store, results, tracking)
    if fmt is ReportFmt.json:
        docs = [r.to_dict() | {"window": api.describe(window)} for r in results]
        doc = (
            {"reports": docs, "tracking": reports.tracking_dict(tracking)}
            if per_session
            else docs[0]
        )
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    elif fmt is ReportFmt.markdown:
        text = "".join(reports.report_markdown(r, source.value) for r in results)
        if tracking is not None:
            text += "\n" + reports.tracking_markdown(tracking)
        sys.stdout.write(text)
    else:
        for r in results:
            out.print(reports.report_table(r, source.value))
        if tracking is not None and len(results) > 1:
            out.print(reports.tracking_table(tracking))
    if write:
        err.print(f"Stored blocs of {len(results)} session(s) in the graph.")


def state(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Actor code or name, e.g. USA or 'the UK'.")],
    session: Session = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    issue: Issue = None,
    source: SourceOpt = Source.positions,
    min_positions: MinPositions = 1,
    expand: Expand = True,
    top: Annotated[int, typer.Option(min=1, help="How many allies and opponents.")] = 10,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="Output format.")] = ReportFmt.table,
) -> None:
    """Closest allies and strongest opponents of one actor, with agreement counts."""
    from graphkit import api, reports
    from graphkit.errors import BlocsError
    from loaders.actors import reference

    window = _window(session, date_from, date_to, issue, source)
    params = api.Params(min_positions=min_positions, expand=expand)
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


def track(
    ctx: typer.Context,
    source: SourceOpt = Source.positions,
    method: MethodOpt = Method.louvain,
    resolution: Resolution = 1.0,
    runs: Runs = 100,
    seed: Seed = 0,
    min_positions: MinPositions = 3,
    expand: Expand = True,
    backend: BackendOpt = Backend.igraph,
    workers: Annotated[int, typer.Option(min=1, help="Processes.")] = 2,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="Output format.")] = ReportFmt.table,
) -> None:
    """Bloc lineage across sessions, splits and merges, and the swing actors."""
    from graphkit import api, reports

    params = _params(method, resolution, runs, seed, min_positions, expand, backend, 0, workers)
    with handled(), store_of(ctx) as store:
        _, tracking = api.session_reports(store, _window(None, None, None, None, source), params)
    if fmt is ReportFmt.json:
        sys.stdout.write(json.dumps(reports.tracking_dict(tracking), indent=2) + "\n")
    elif fmt is ReportFmt.markdown:
        sys.stdout.write(reports.tracking_markdown(tracking))
    else:
        out.print(reports.tracking_table(tracking))


def export(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    fmt: Annotated[ExportFmt, typer.Option("--format", help="graphml, gexf (Gephi) or csv.")] = (
        ExportFmt.graphml
    ),
    session: Session = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    issue: Issue = None,
    source: SourceOpt = Source.positions,
    method: MethodOpt = Method.louvain,
    min_positions: MinPositions = 3,
    expand: Expand = True,
    runs: Runs = 100,
    seed: Seed = 0,
) -> None:
    """Export the agreement graph with bloc attributes (for Gephi and friends)."""
    import networkx as nx

    from graphkit import api

    params = api.Params(
        method=method.value,
        min_positions=min_positions,
        expand=expand,
        runs=runs,
        seed=seed,
        null_shuffles=0,
    )
    with handled(), store_of(ctx) as store:
        G = api.bloc_graph(store, _window(session, date_from, date_to, issue, source), params)
    if fmt is ExportFmt.graphml:
        nx.write_graphml(G, output)
    elif fmt is ExportFmt.gexf:
        nx.write_gexf(G, output)
    else:
        import csv

        with output.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(
                [
                    "source",
                    "target",
                    "agreements",
                    "disagreements",
                    "cooccurrences",
                    "index",
                    "source_bloc",
                    "target_bloc",
                ]
            )
            for a, b, d in sorted(G.edges(data=True)):
                w.writerow(
                    [
                        a,
                        b,
                        d["agreements"],
                        d["disagreements"],
                        d["cooccurrences"],
                        d["index"],
                        G.nodes[a]["bloc"],
                        G.nodes[b]["bloc"],
                    ]
                )
    err.print(f"Wrote {G.number_of_nodes()} actors, {G.number_of_edges()} edges to {output}.")


def validate(
    ctx: typer.Context,
    roll_call: Annotated[
        str, typer.Option(help="Roll call to compare with (default: A/RES/74/247).")
    ] = "UNGA-RC-9087",
    session: Session = None,
    method: MethodOpt = Method.louvain,
    runs: Runs = 100,
    seed: Seed = 0,
    min_positions: MinPositions = 3,
    expand: Expand = True,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="Output format.")] = ReportFmt.table,
) -> None:
    """Negotiation blocs against a recorded vote: contingency table and Cramér's V.

    Blocs come from stated positions (default: AHC-7); the vote from recorded votes (default:
    A/RES/74/247, which created the Ad Hoc Committee). Only actors present in both count.
    """
    from rich.table import Table
    from rich.text import Text

    from graphkit import api
    from graphkit.export import Window

    params = api.Params(method=method.value, runs=runs, seed=seed, min_positions=min_positions,
                        expand=expand, null_shuffles=0)  # fmt: skip
    window = Window(sessions=tuple(session or ["AHC-7"]))
    with handled(), store_of(ctx) as store:
        report_, result = api.validate_against_vote(store, window, roll_call, params)
    if fmt is ReportFmt.json:
        doc = result.to_dict() | {"blocs_from": report_.session, "blocs_method": report_.method}
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return
    v = "n/a" if result.cramers_v is None else f"{result.cramers_v:.2f}"
    p = "n/a" if result.p_value is None else f"{result.p_value:.2g}"
    title = (f"Blocs of {report_.session} ({report_.method}) against {roll_call}: "
             f"{result.actors} actors in both; Cramér's V {v}, chi-square p {p}")  # fmt: skip
    table = Table(title=Text(title), title_justify="left")
    for col in ("bloc", "label", *result.votes):
        table.add_column(col)
    for b, row in zip(result.blocs, result.table, strict=True):
        table.add_row(str(b), Text(result.labels.get(b, "")), *map(str, row))
    out.print(table)
    if result.only_in_blocs:
        out.print(Text("In the blocs but no vote recorded: " + ", ".join(result.only_in_blocs)))


def register(app: typer.Typer) -> None:
    for fn in (report, state, track, export, validate):
        app.command()(fn)
