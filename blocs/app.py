"""`blocs`: the command line. Thin: parses options, calls library functions, prints.

Library errors (all `BlocsError`) become one line `Error: ...` on stderr and exit code 1.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from blocs import analysis as cli_analysis
from blocs import plotting as cli_plots
from blocs.common import (
    Fmt,
    check_output_file,
    err,
    handled,
    json_text,
    note,
    out,
    parse_param,
    print_rows,
    store_of,
)
from graphkit.textsafe import printable

# rich_markup_mode=None: Click's plain help, which wraps at the terminal's width and never
# truncates an option name (Rich's help panels cut `--no-expand-groups` at 80 columns), and
# plain one-line usage errors instead of boxes.
app = typer.Typer(
    help="Who sides with whom: voting blocs in UN negotiations, from reports and roll calls.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
db_app = typer.Typer(
    help="Inspect and manage the database.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(db_app, name="db")


def version() -> str:
    """The installed package's version (the checkout's pyproject.toml when not installed)."""
    from importlib import metadata

    try:
        return metadata.version("ahc-blocs")
    except metadata.PackageNotFoundError:
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        with contextlib.suppress(OSError, tomllib.TOMLDecodeError, KeyError):
            return tomllib.loads(pyproject.read_text())["project"]["version"]
        return "unknown"


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"blocs {version()}\n")
        raise typer.Exit()


@app.callback()
def global_options(
    ctx: typer.Context,
    uri: Annotated[
        str | None,
        typer.Option(help="Neo4j Bolt URI (or NEO4J_URI); without it, the embedded database."),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Data dir of the embedded database (or BLOCS_DATA_DIR)."),
    ] = None,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options: which database to use."""
    ctx.obj = {"uri": uri, "data_dir": data_dir}


@app.command()
def load(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Position files (.yaml) or folders; none: the bundled dataset."),
    ] = None,
    votes: Annotated[
        Path | None,
        typer.Option(help="Roll-call votes: unvotes layout (.csv/.csv.gz) or the generic CSV."),
    ] = None,
    roll_calls: Annotated[
        Path | None,
        typer.Option(help="unvotes roll-calls file (default: un_roll_calls.csv.gz beside it)."),
    ] = None,
    topics: Annotated[
        Path | None,
        typer.Option(
            help="unvotes roll-call topics (default: un_roll_call_issues.csv.gz beside it)."
        ),
    ] = None,
    vote_session: Annotated[
        list[str] | None,
        typer.Option(help="Only these General Assembly sessions of --votes (74 or UNGA-74)."),
    ] = None,
    report: Annotated[
        list[Path] | None,
        typer.Option(
            help="A prose report (text, Markdown, HTML): extract its events and load them."
        ),
    ] = None,
    session: Annotated[
        str | None, typer.Option(help="With --report: session where the report does not say.")
    ] = None,
    allow_overlap: Annotated[
        bool,
        typer.Option(
            "--allow-overlap",
            help="Load passages that a loaded source already covers (counts them twice).",
        ),
    ] = False,
) -> None:
    """Load curated positions and recorded votes into the database (atomic, idempotent).

    Every file is validated first; on any problem nothing is written and each problem is
    reported with its file, line and value. With no argument: the bundled dataset (every
    AHC position file and the General Assembly votes that frame the negotiations).
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from loaders.pipeline import execute, plan_load

    with handled():
        plan, unresolved = plan_load(
            list(paths or []),
            reports=list(report or []),
            votes=votes,
            roll_calls=roll_calls,
            topics=topics,
            vote_sessions=vote_session or None,
            session=session,
        )
        for path, u in unresolved:
            _warn_unresolved(path, [u])
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} batches"),
            TimeElapsedColumn(),
        )
        with (
            store_of(ctx) as store,
            Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar,
        ):
            if not allow_overlap:
                _refuse_overlaps(store, plan)
            task = bar.add_task("Writing", total=len(plan.steps))
            execute(store, plan, lambda n: bar.advance(task, n))
        what = [f"{len(plan.events):,} events, {plan.positions:,} positions"]
        if plan.votes:
            what.append(f"{plan.votes:,} votes")
        note(
            f"Loaded {' and '.join(what)} from {len(plan.files)} file(s) "
            f"into {store.backend} ({printable(store.where)})."
        )


def _refuse_overlaps(store, plan) -> None:
    """A passage already loaded from the same source would count twice: refuse, say the fix."""
    from graphkit.errors import LoadError
    from loaders.overlap import overlaps, refuse_overlaps

    loaded = store.run("loaded_citations")
    try:
        refuse_overlaps(overlaps(plan, loaded), {r["id"]: r["dataset"] for r in loaded})
    except LoadError as exc:
        exc.args = (exc.args[0] + " (--allow-overlap loads them anyway; `blocs unload SOURCE` "
                    "removes a loaded source)",)  # fmt: skip
        raise


def _warn_unresolved(path, unresolved) -> None:
    """Names the extractor could not resolve: reported with the closest known names."""
    for u in unresolved:
        hint = f" (closest: {', '.join(u.suggestions)})" if u.suggestions else ""
        note(printable(f"Warning: {path}:{u.char_start}: no actor named {u.name!r}{hint}"))


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Reports: plain text, Markdown or HTML.")],
    session: Annotated[
        str | None, typer.Option(help="Session where the report does not say, e.g. AHC-7.")
    ] = None,
    date: Annotated[str | None, typer.Option(help="Date where the report does not say.")] = None,
    fmt: Annotated[
        Fmt, typer.Option("--format", help="Output format (json keeps every field).")
    ] = Fmt.json,
    draft: Annotated[
        Path | None,
        typer.Option(
            help="Also write the events as a dataset file to review and `blocs load` "
            "(one report only)."
        ),
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Keep only events at least this confident (0-1; the confidence is the share "
            "of right facts measured for the event's kind: 0.9 trades recall for precision).",
        ),
    ] = 0.0,
) -> None:
    """Side-taking events found in prose reports (printed, not written).

    Offsets point into each file as given. Names that resolve to no known actor are listed on
    stderr with the closest known names. `blocs load --report FILE` writes the events.
    """
    from loaders.extract import event_rows, extract_file, to_json
    from loaders.pipeline import check_date, check_report_file

    with handled():
        if date is not None:
            check_date(date)
        for p in files:
            check_report_file(p)
        results = [
            (str(p), extract_file(p, session=session, date=date).confident(min_confidence))
            for p in files
        ]
        if draft is not None:
            _write_draft(draft, files, results, session)
    for path, result in results:
        _warn_unresolved(path, result.unresolved)
    if fmt is Fmt.json:
        sys.stdout.write(json_text(to_json(results)) + "\n")
    else:
        print_rows(event_rows(results), fmt, "Extracted side-taking events")


def _write_draft(draft: Path, files, results, session) -> None:
    """The extracted events as a curated dataset file (confidence and cue as comments)."""
    from graphkit.errors import LoadError
    from loaders.extract.draft import draft_yaml

    if len(files) != 1:
        raise LoadError("--draft writes one dataset file per report: give one report", file=None)
    check_output_file(draft, "draft.yaml")
    text = draft_yaml(results[0][1].events, files[0], default_session=session)
    try:
        draft.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise LoadError(f"cannot write: {exc.strerror}", file=str(draft)) from None
    note(f"Wrote a draft of {len(results[0][1].events)} event(s) to {printable(draft)}.")


@app.command()
def unload(
    ctx: typer.Context,
    source: Annotated[
        str | None,
        typer.Argument(help="A loaded source: dataset file or report name (see --list)."),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the loaded sources.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Remove one loaded source's proposals and positions (atomic); other sources stay."""
    from graphkit.errors import UnknownName

    with handled(), store_of(ctx) as store:
        sources = store.run("loaded_sources")
        if list_ or source is None:
            print_rows(sources, fmt, "Loaded sources")
            return
        names = {r["source"]: r for r in sources if r["source"]}
        key = Path(source).name if Path(source).name in names else source
        if key not in names:
            import difflib

            close = difflib.get_close_matches(key, list(names), n=3)
            raise UnknownName(
                f"no loaded source {source!r}"
                + (f" (closest: {', '.join(close)})" if close else "; see `blocs unload --list`"),
                suggestions=close,
            )
        store.write([("unload_source", {"dataset": key})])
        row = names[key]
        note(
            f"Removed {row['proposals']:,} proposal(s) and {row['positions']:,} position(s) of "
            f"{printable(key)}; stored blocs may be stale (`blocs report --all-sessions --write`)."
        )


@db_app.command("status")
def db_status(
    ctx: typer.Context,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Backend, node counts by label and relationship counts by type."""
    with handled(), store_of(ctx) as store:
        labels = store.run("db_labels")
        rels = store.run("db_relationships")
        if fmt is Fmt.json:
            doc = {
                "backend": store.backend,
                "where": store.where,
                "nodes": {r["label"]: r["nodes"] for r in labels},
                "relationships": {r["type"]: r["relationships"] for r in rels},
            }
            sys.stdout.write(json_text(doc) + "\n")
            return
        out.print(f"Backend: {store.backend} ({printable(store.where)})", markup=False)
        print_rows(labels, fmt, "Nodes")
        print_rows(rels, fmt, "Relationships")


@db_app.command("reset")
def db_reset(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Confirm: delete everything.")] = False,
) -> None:
    """Delete every node and relationship."""
    if not yes:
        note("Error: this deletes all data; run again with --yes to confirm.")
        raise typer.Exit(2)
    with handled(), store_of(ctx) as store:
        store.reset()
        note(f"Deleted all data in {store.backend} ({printable(store.where)}).")


@db_app.command("recover")
def db_recover(
    ctx: typer.Context,
    empty: Annotated[
        bool,
        typer.Option(
            "--empty",
            help="When no snapshot can be restored: move both aside and start empty.",
        ),
    ] = False,
) -> None:
    """Check the embedded snapshots; if dump.rdb is damaged or missing, restore the previous one.

    A healthy snapshot is left alone. Damaged files are kept as dump.rdb.damaged-*.
    """
    from graphkit.store import Settings
    from graphkit.store.server import recover

    with handled():
        if ctx.obj["uri"]:
            raise _not_embedded()
        settings = Settings.from_env(None, None, ctx.obj["data_dir"])
        note(printable(recover(settings.data_dir, empty=empty, notify=note,
                               lock_timeout=settings.lock_timeout)))  # fmt: skip


def _not_embedded():
    from graphkit.errors import StoreUnavailable

    return StoreUnavailable("`db recover` repairs the embedded database; Neo4j keeps no snapshots")


@app.command()
def positions(
    ctx: typer.Context,
    session: Annotated[str | None, typer.Option(help="Only this session, e.g. AHC-7.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """List every actor position: event, session, date, issue, option, actor, stance, source."""
    with handled(), store_of(ctx) as store:
        rows = store.run("positions", session=session)
        print_rows(rows, fmt, f"Positions{' in ' + printable(session) if session else ''}")


@app.command()
def query(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="Query name (a file in cypher/).")] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-p", help="key=value; value is JSON if it parses (null, 3, [..])."
        ),
    ] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
) -> None:
    """Run a named query from cypher/ and print its rows (parameters only, never pasted)."""
    from graphkit.errors import QueryError
    from graphkit.store.queries import get_query, load_queries

    with handled():
        reads = {n: q for n, q in load_queries().items() if q.mode == "read"}
        if list_ or name is None:
            rows = [
                {"name": q.name, "params": ", ".join(q.params), "answers": q.summary}
                for q in reads.values()
            ]
            print_rows(rows, fmt, "Named queries (read-only)")
            return
        query = get_query(name)
        if query.mode == "gds":
            raise QueryError(
                f"query '{name}' is a step of the gds engine; `blocs query` runs read queries "
                "only (use `blocs report --engine gds`)"
            )
        if query.mode != "read":
            raise QueryError(
                f"query '{name}' writes to the database; `blocs query` runs read queries only "
                "(writes happen through `blocs load`, `blocs report --write`, `blocs db reset`)"
            )
        params = dict(parse_param(p) for p in param or [])
        query.check_params(params)
        with store_of(ctx) as store:
            print_rows(store.run(name, **params), fmt, name)


cli_analysis.register(app)
cli_plots.register(app)


def main() -> None:
    """The `blocs` console script. The last line of defence: an error a command did not turn
    into a message (a refused output path, say) is still one line, never a traceback."""
    from blocs.common import fail_line
    from graphkit.errors import BlocsError

    try:
        app(prog_name="blocs")
    except (BlocsError, OSError, MemoryError) as exc:
        sys.exit(fail_line(exc))
