"""What the figures need (`blocs plot` and the notebooks), gathered from a store.

Part of the facade: `graphkit.api` re-exports every name here, so callers use `api.session_view`
etc. The numbers come from the same functions as the reports (`api.session_reports`), so a
figure's blocs carry the same tracked ids, names and colors.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graphkit import api
from graphkit.analysis import Allies, BlocReport, allies
from graphkit.errors import NoData, UnknownName
from graphkit.params import Params
from graphkit.positions import expand_groups
from graphkit.projection import project
from graphkit.store import Store
from graphkit.store.export import Window, by_session, context
from graphkit.tracking import Tracking

DEFAULT_PARAMS = Params()


@dataclass(frozen=True)
class TimelineSlot:
    """A session on the calendar, for the figures' time axes (dates as 'YYYY-MM-DD')."""

    id: str
    start: str | None
    end: str | None
    has_data: bool  # holds data of the figure's source
    reason: str  # why it holds none ("" when it has data)


def timeline(store: Store, source: str = "positions") -> tuple[TimelineSlot, ...]:
    """Every session of the store, in date order, with its dates and whether it holds
    `source` data: what a time axis needs, including the sessions without data."""
    api.check_source(source)
    out = []
    for r in store.run("sessions"):
        has = api.holds(r, source)
        start, end = r.get("start"), r.get("end")
        out.append(
            TimelineSlot(
                str(r["session"]),
                None if start is None else str(start)[:10],
                None if end is None else str(end)[:10],
                has,
                "" if has else api.NO_DATA_REASON[source],
            )
        )
    return tuple(out)


def sessions_with_data(store: Store, source: str = "positions") -> list[str]:
    """Sessions (chronological) holding any stated positions / votes / either."""
    return [s.id for s in timeline(store, source) if s.has_data]


def default_session(store: Store, source: str = "positions") -> str:
    """AHC-7 (the session with the most recorded positions) if it has data, else the latest."""
    sessions = sessions_with_data(store, source)
    if not sessions:
        raise NoData(f"no {source} in the database")
    return "AHC-7" if "AHC-7" in sessions else sessions[-1]


def session_graphs(
    store: Store, params: Params = DEFAULT_PARAMS, source: str = "positions"
) -> dict[str, nx.Graph]:
    """Per session (chronological), the signed agreement graph the blocs are computed on.

    Same steps as `analyze`: group statements expanded (if `params.expand`), then projected
    with `params.min_positions`; edge attributes agreements, disagreements, index, weight.
    """
    positions, ctx = api.load_window(store, Window(source=source))
    out = {}
    for session, rows in by_session(positions, ctx.session_order).items():
        if params.expand:
            rows = expand_groups(rows, ctx.membership, actor_kinds=ctx.kinds)
        out[session] = project(rows, min_positions=params.min_positions).graph
    return out


@dataclass(frozen=True)
class SessionView:
    """One session's blocs (stable ids), the agreement graph behind them, and what a figure
    needs to name things: actor names and kinds, the session calendar."""

    session: str
    report: BlocReport
    graph: nx.Graph
    reports: tuple[BlocReport, ...]  # every session, same analysis (for flow and colors)
    tracking: Tracking
    window: Window
    params: Params
    names: dict[str, str]
    kinds: dict[str, str]
    timeline: tuple[TimelineSlot, ...]

    def describe(self) -> str:
        return api.describe(self.window)


def session_view(
    store: Store,
    session: str | None = None,
    params: Params = DEFAULT_PARAMS,
    source: str = "positions",
) -> SessionView:
    """Blocs of `session` (default: `default_session`) for `network` and `heatmap`.

    All sessions of the source are analysed so the blocs get their stable, tracked ids; the
    graph is the one the session's blocs were found on.
    """
    session = session or default_session(store, source)
    window = Window(source=source)
    reports, tracking = api.session_reports(store, window, params)
    by_id = {r.session: r for r in reports}
    if session not in by_id:
        raise UnknownName(
            f"no {source} in session {session!r}; sessions with {source}: "
            + (", ".join(by_id) or "none"),
            suggestions=list(by_id),
        )
    report = by_id[session]
    ctx = context(store)
    return SessionView(
        session,
        report,
        report.graph,
        tuple(reports),
        tracking,
        window,
        params,
        ctx.names,
        ctx.kinds,
        timeline(store, source),
    )


@dataclass(frozen=True)
class FlowData:
    """Blocs of every session with stable ids, their tracking, and the calendar (for `flow`)."""

    reports: tuple[BlocReport, ...]
    tracking: Tracking
    timeline: tuple[TimelineSlot, ...]
    params: Params
    source: str


def flow_data(store: Store, params: Params = DEFAULT_PARAMS, source: str = "positions") -> FlowData:
    reports, tracking = api.session_reports(store, Window(source=source), params)
    return FlowData(tuple(reports), tracking, timeline(store, source), params, source)


@dataclass(frozen=True)
class ActorProfile:
    """One actor's relations per session, with the blocs and calendar of those sessions."""

    actor: str
    name: str
    allies: dict[str, Allies | None]  # session -> every relation; None: not analysed there
    reports: tuple[BlocReport, ...]
    tracking: Tracking
    params: Params
    top: int  # rows the figure shows of each kind
    names: dict[str, str]
    timeline: tuple[TimelineSlot, ...]


def actor_profile(
    store: Store,
    actor: str,
    params: Params = DEFAULT_PARAMS,
    source: str = "positions",
    top: int = 5,
) -> ActorProfile:
    """Every ally and opponent of `actor` (a code) in each session with data; the figure
    ranks them and shows `top` rows of each (ties share a row, so all are kept here).

    The same relations as `blocs state CODE --session S` with `params.min_positions`: the
    actor is absent (None) from sessions where it took fewer positions than that.
    """
    reports, tracking = api.session_reports(store, Window(source=source), params)
    per: dict[str, Allies | None] = {
        r.session: allies(r.graph, actor, top=r.graph.number_of_nodes())
        if actor in r.graph
        else None
        for r in reports
    }
    if all(v is None for v in per.values()):
        raise NoData(f"{actor} took fewer than {params.min_positions} {source} in every session")
    ctx = context(store)
    return ActorProfile(
        actor,
        ctx.names.get(actor, actor),
        per,
        tuple(reports),
        tracking,
        params,
        top,
        ctx.names,
        timeline(store, source),
    )
