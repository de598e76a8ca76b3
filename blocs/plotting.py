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


@analysis_options(window=("source",), omit=("null_shuffles", "workers"), null_shuffles=0)
def plot(
    ctx: typer.Context,
    params: Params,
    window: Window,
    kind: Annotated[
        Kind,
        typer.Argument(
            help="network: one session's agreement network; flow: blocs across sessions; "
            "heatmap: agreement matrix by bloc; profile: one actor's allies over time."
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
    top: Annotated[int, typer.Option(min=1, help="profile: allies and opponents shown.")] = 5,
    negative: Annotated[
        bool, typer.Option("--negative", help="network: also draw strong disagreement.")
    ] = False,
) -> None:
    """Draw the blocs: network, flow, heatmap or profile, as PNG or SVG.

    Bloc ids and colors are tracked across sessions: one bloc, one color in every figure.
    """
    from graphkit.errors import BlocsError

    with handled():
        if output.suffix.lower() not in SUFFIXES:
            got = f"'{output.suffix}'" if output.suffix else "no suffix"
            raise BlocsError(f"{output}: cannot write {got}; use .png or .svg")
        if not output.parent.is_dir():
            raise BlocsError(f"{output}: folder {output.parent} does not exist")
        if session and kind not in (Kind.network, Kind.heatmap):
            raise BlocsError(f"--session applies to network and heatmap, not {kind}")
        if actor and kind is not Kind.profile:
            raise BlocsError(f"--actor applies to profile, not {kind}")
        if kind is Kind.profile and not actor:
            raise BlocsError("plot profile needs --actor CODE (e.g. --actor USA)")
        code = None
        if actor:
            from loaders.actors import reference

            code = reference().resolve(actor)
            if code is None:
                hints = ", ".join(reference().suggest(actor)) or "none"
                raise BlocsError(f"unknown actor {actor!r} (closest: {hints})")
        from graphkit import api, plots

        source = window.source
        with store_of(ctx) as store:
            if kind in (Kind.network, Kind.heatmap):
                view = api.session_view(store, session, params, source)
            elif kind is Kind.flow:
                reports, tracking = api.flow_data(store, params, source)
            else:
                prof = api.actor_profile(store, code, params, source, top=top)
        if kind is Kind.network:
            fig = plots.network(view.graph, view.report, window=source, negative=negative)
            what = f"{view.session}, {len(view.report.membership)} actors"
        elif kind is Kind.heatmap:
            fig = plots.heatmap(view.graph, view.report, window=source)
            what = f"{view.session}, {len(view.report.membership)} actors"
        elif kind is Kind.flow:
            fig = plots.flow(reports, tracking, window=source)
            what = f"{len(reports)} sessions, {len(tracking.swings)} swings"
        else:
            fig = plots.profile(prof.allies, prof.actor, reports=prof.reports, name=prof.name)
            what = f"{prof.actor}, {sum(v is not None for v in prof.allies.values())} sessions"
        path = plots.save(fig, output)
    err.print(f"Wrote {kind} plot ({what}) to {path}.")


def register(app: typer.Typer) -> None:
    app.command()(plot)
