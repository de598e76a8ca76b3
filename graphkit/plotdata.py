"""What the figures in `graphkit.plots` need, gathered from a store.

The CLI (`blocs plot`) and the notebooks call these, so a figure made either way comes from
the same numbers. Every function takes an open store (`graphkit.store.connect`) and returns
plain results; none draws.

Bloc ids are the stable ids of `graphkit.api.session_reports` (tracked across every session
of the chosen source), so one bloc keeps its number and color in all four kinds of figure.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graphkit import api
from graphkit.analysis import Allies, BlocReport, allies
from graphkit.errors import BlocsError
from graphkit.export import Window, by_session
from graphkit.projection import expand_groups, project
from graphkit.store import Store
from graphkit.tracking import Tracking

# Figures do not show the null model's z-score, so they skip its shuffles by default.
PLOT_PARAMS = api.Params(null_shuffles=0)
_COUNTS = {"positions": ("positions",), "votes": ("votes",), "both": ("positions", "votes")}


def sessions_with_data(store: Store, source: str = "positions") -> list[str]:
    """Sessions (chronological) holding any stated positions / votes / either."""
    if source not in _COUNTS:
        raise BlocsError(f"source must be one of {', '.join(_COUNTS)}")
    return [
        r["session"]
        for r in store.run("sessions")
        if any((r.get(k) or 0) > 0 for k in _COUNTS[source])
    ]


def default_session(store: Store, source: str = "positions") -> str:
    """AHC-7 (the session with the most recorded positions) if it has data, else the latest."""
    sessions = sessions_with_data(store, source)
    if not sessions:
        raise BlocsError(f"no {source} in the database; load data first (`blocs load`)")
    return "AHC-7" if "AHC-7" in sessions else sessions[-1]


def session_graphs(
    store: Store, params: api.Params = PLOT_PARAMS, source: str = "positions"
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
    """One session's blocs (stable ids) and the agreement graph behind them."""

    session: str
    report: BlocReport
    graph: nx.Graph
    reports: tuple[BlocReport, ...]  # every session, same analysis (for flow and colors)
    tracking: Tracking
    window: Window
    params: api.Params

    def describe(self) -> str:
        return api.describe(self.window)


def session_view(
    store: Store,
    session: str | None = None,
    params: api.Params = PLOT_PARAMS,
    source: str = "positions",
) -> SessionView:
    """Blocs of `session` (default: `default_session`) for `network` and `heatmap`.

    All sessions of the source are analysed so the blocs get their stable, tracked ids.
    """
    session = session or default_session(store, source)
    window = Window(source=source)
    reports, tracking = api.session_reports(store, window, params)
    by_id = {r.session: r for r in reports}
    if session not in by_id:
        raise BlocsError(
            f"no {source} in session {session!r}; sessions with {source}: "
            + (", ".join(by_id) or "none")
        )
    graph = session_graphs(store, params, source)[session]
    return SessionView(session, by_id[session], graph, tuple(reports), tracking, window, params)


def flow_data(
    store: Store, params: api.Params = PLOT_PARAMS, source: str = "positions"
) -> tuple[list[BlocReport], Tracking]:
    """Blocs of every session with stable ids, and their tracking (for `plots.flow`)."""
    return api.session_reports(store, Window(source=source), params)


@dataclass(frozen=True)
class ActorProfile:
    """One actor's allies and opponents per session, with the blocs of those sessions."""

    actor: str
    name: str
    allies: dict[str, Allies | None]  # session -> relations; None: too few positions there
    reports: tuple[BlocReport, ...]
    tracking: Tracking
    params: api.Params
    top: int


def actor_profile(
    store: Store,
    actor: str,
    params: api.Params = PLOT_PARAMS,
    source: str = "positions",
    top: int = 5,
) -> ActorProfile:
    """Top `top` allies and opponents of `actor` (a code) in each session with data.

    The same relations as `blocs state CODE --session S` with `params.min_positions`: the
    actor is absent (None) from sessions where it took fewer positions than that.
    """
    reports, tracking = api.session_reports(store, Window(source=source), params)
    per: dict[str, Allies | None] = {}
    for session, G in session_graphs(store, params, source).items():
        per[session] = allies(G, actor, top=top) if actor in G else None
    if all(v is None for v in per.values()):
        raise BlocsError(
            f"{actor} took fewer than {params.min_positions} {source} in every session; "
            "try --min-positions 1"
        )
    name = api.context(store).names.get(actor, actor)
    return ActorProfile(actor, name, per, tuple(reports), tracking, params, top)
