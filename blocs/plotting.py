"""`blocs plot KIND -o FILE`: figures of the blocs. Thin: options in, graphkit.api and
graphkit.plots called, a file out."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from blocs.common import err, handled, store_of
from blocs.options import analysis_options
from graphkit.params import Params
from graphkit.store.export import Window

SUFFIXES = (".png", ".svg")  # what graphkit.plots.save writes; checked here before heavy imports


class Kind(StrEnum):
    network = "network"
    flow = "flow"
    heatmap = "heatmap"
    profile = "profile"


def _check(kind: Kind, output: Path, session, actor, full, strongest, disparity, negative):
    """Refuse option combinations that would be silently ignored, before any work."""
    from graphkit.errors import BlocsError

    if output.suffix.lower() not in SUFFIXES:
        got = f"'{output.suffix}'" if output.suffix else "no suffix"
        raise BlocsError(f"{output}: cannot write {got}; use .png or .svg")
    if not output.parent.is_dir():
        raise BlocsError(f"{output}: folder {output.parent} does not exist")
    only = {
        "--session": (session, (Kind.network, Kind.heatmap)),
        "--actor": (actor, (Kind.profile,)),
        "--full": (full, (Kind.heatmap,)),
        "--strongest": (strongest is not None, (Kind.network,)),
        "--disparity": (disparity is not None, (Kind.network,)),
        "--negative": (negative, (Kind.network,)),
    }
    for flag, (given, kinds) in only.items():
        if given and kind not in kinds:
            raise BlocsError(f"{flag} applies to {' and '.join(kinds)}, not {kind}")
    if strongest is not None and disparity is not None:
        raise BlocsError("--strongest and --disparity choose the backbone two ways: give one")
    if kind is Kind.profile and not actor:
        raise BlocsError("plot profile needs --actor CODE (e.g. --actor USA)")


def _resolve(actor: str | None) -> str | None:
    from graphkit.errors import BlocsError

    if not actor:
        return None
    from loaders.actors import reference

    code = reference().resolve(actor)
    if code is None:
        hints = ", ".join(reference().suggest(actor)) or "none"
        raise BlocsError(f"unknown actor {actor!r} (closest: {hints})")
    return code


@analysis_options(window=("source",), omit=("workers",))
def plot(
    ctx: typer.Context,
    params: Params,
    window: Window,
    kind: Annotated[
        Kind,
        typer.Argument(
            help="network: one session's agreement network; flow: blocs across sessions on a "
            "time axis; heatmap: agreement by bloc (--full: every pair); profile: one actor's "
            "allies and opponents over time."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write: .png or .svg.")],
    session: Annotated[
        str | None,
        typer.Option(
            "--session", "-s", help="network/heatmap: session (default AHC-7, else the latest)."
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="profile: actor code or name, e.g. USA or 'the US'.")
    ] = None,
    top: Annotated[int, typer.Option(min=1, help="profile: rows of allies and of opponents.")] = 5,
    full: Annotated[
        bool, typer.Option("--full", help="heatmap: every pair of actors, not bloc by bloc.")
    ] = False,
    strongest: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="network: draw each actor's K strongest agreements (default "
            "3; 0: every agreeing pair).",
        ),
    ] = None,
    disparity: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="network: backbone by disparity filter at significance ALPHA (e.g. 0.05) instead.",
        ),
    ] = None,
    negative: Annotated[
        bool, typer.Option("--negative", help="network: also each actor's strongest disagreement.")
    ] = False,
    dpi: Annotated[int, typer.Option(min=72, max=1200, help="PNG resolution.")] = 300,
) -> None:
    """Draw the blocs: network, flow, heatmap or profile, as PNG or SVG, 16 cm wide.

    Bloc ids and colors are tracked across sessions: one bloc, one color in every figure.
    """
    with handled():
        _check(kind, output, session, actor, full, strongest, disparity, negative)
        code = _resolve(actor)
        from graphkit import api, plots

        with store_of(ctx) as store:
            if kind in (Kind.network, Kind.heatmap):
                data = api.session_view(store, session, params, window.source)
            elif kind is Kind.flow:
                data = api.flow_data(store, params, window.source)
            else:
                data = api.actor_profile(store, code, params, window.source, top=top)
        backbone = {"strongest": 3 if strongest is None else strongest, "disparity": disparity}
        fig, what = _draw(kind, data, window.source, full=full, negative=negative, **backbone)
        path = plots.save(fig, output, dpi=dpi)
    err.print(f"Wrote {kind} plot ({what}) to {path}.")


def _draw(kind: Kind, data, source: str, *, full, negative, strongest, disparity):
    """The figure of `kind` from what `graphkit.api` gathered, and a few words on it."""
    from graphkit import plots

    if kind is Kind.network:
        fig = plots.network(
            data.graph,
            data.report,
            names=data.names,
            kinds=data.kinds,
            timeline=data.timeline,
            window=source,
            strongest=strongest,
            disparity=disparity,
            negative=negative,
        )
        return fig, f"{data.session}, {_count(len(data.report.membership), 'actor')}"
    if kind is Kind.heatmap:
        fig = plots.heatmap(
            data.graph, data.report, full=full, timeline=data.timeline, window=source
        )
        return fig, f"{data.session}, {_count(len(data.report.membership), 'actor')}"
    if kind is Kind.flow:
        fig = plots.flow(data.reports, data.tracking, timeline=data.timeline, window=source)
        swings = _count(len(data.tracking.swings), "swing")
        return fig, f"{_count(len(data.reports), 'session')}, {swings}"
    fig = plots.profile(
        data.allies,
        data.actor,
        reports=data.reports,
        name=data.name,
        names=data.names,
        timeline=data.timeline,
        top=data.top,
        window=source,
    )
    analysed = sum(v is not None for v in data.allies.values())
    return fig, f"{data.actor}, {_count(analysed, 'session')}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def register(app: typer.Typer) -> None:
    app.command()(plot)
