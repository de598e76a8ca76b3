"""The facade the CLI and the notebooks share: a store and a window in, bloc results out.

Every function takes an open store (`graphkit.store.connect`) and plain parameters and returns
typed results; none prints or draws. The figures' data come from here too, so a figure made by
`blocs plot` and one made in a notebook come from the same numbers.

One bloc, one id: bloc ids are the stable ids tracked across the sessions of the chosen source
(`session_reports`); a one-session report is that session's tracked report, and any other
window's blocs are matched to the tracked blocs of its latest session, so the same camp has
the same number (and color, id mod 8) in report, track, export, validate, --write and the
figures, given the same parameters. Tracking is causal, so a session's ids need only the
sessions up to it.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graphkit.analysis import (
    Allies,
    BlocReport,
    allies,
    analyze,
    analyze_sessions,
    relabel,
    with_names,
)
from graphkit.errors import BlocsError, NoData, UnknownName
from graphkit.model import Position
from graphkit.params import Params
from graphkit.positions import expand_groups
from graphkit.store import Store
from graphkit.store.export import Context, Window, by_session, context, export_positions
from graphkit.store.ingest import bloc_steps
from graphkit.tracking import Tracking, match_blocs

__all__ = [
    "ActorProfile", "FlowData", "Params", "SessionSlot", "SessionView", "TimelineSlot",
    "Window", "actor_profile", "bloc_graph", "check_window", "default_session", "describe",
    "flow_data", "load_window", "read_names", "session_calendar", "session_graphs",
    "session_reports", "session_view", "sessions_with_data", "state_relations", "timeline",
    "untracked_report", "validate_against_vote", "window_report", "with_names", "write_blocs",
]  # fmt: skip

# Figures use the same analysis as reports (significance included), so their blocs carry the
# same tracked ids and colors.
DEFAULT_PARAMS = Params()
PLOT_PARAMS = DEFAULT_PARAMS
_COUNTS = {"positions": ("positions",), "votes": ("votes",), "both": ("positions", "votes")}
# Why a session shows nothing, in one vocabulary for the reports' calendar and the figures' axes.
NO_DATA_REASON = {
    "positions": "no stated positions loaded",
    "votes": "no recorded votes loaded",
    "both": "no stated positions or recorded votes loaded",
}


def check_source(source: str) -> None:
    """Refuse an unknown evidence source in one line (positions, votes or both)."""
    if source not in _COUNTS:
        raise BlocsError(f"source must be one of {', '.join(_COUNTS)}")


def holds(row: Mapping, source: str) -> bool:
    """Whether a row of cypher/sessions.cypher holds data of `source`."""
    return any((row.get(k) or 0) > 0 for k in _COUNTS[source])


@contextlib.contextmanager
def _engine(store: Store, params: Params):
    """The consensus runs' engine: in process (nothing to add), or GDS Leiden inside Neo4j.

    With `params.engine == "gds"` each window's agreement graph is projected into the GDS
    catalog when its consensus starts and dropped when the analysis is done (also on error).
    """
    if params.engine != "gds":
        yield {}
        return
    from graphkit.store.gds import GdsRunner, check_gds

    check_gds(store)
    opened: list[GdsRunner] = []

    def factory(proj):
        pairs, weights = proj.edges.positive()
        runner = GdsRunner(store, proj.edges.nodes, pairs, weights, params.resolution)
        opened.append(runner.__enter__())
        return runner

    try:
        yield {"runner_factory": factory}
    finally:
        for runner in opened:
            runner.__exit__(None, None, None)


def untracked_report(store: Store, window: Window, params: Params = DEFAULT_PARAMS) -> BlocReport:
    """Blocs of one window on its own (no tracking: ids are the consensus's own); for
    comparing engines and settings on the same window."""
    positions, ctx = load_window(store, window)
    label = "+".join(window.sessions) if window.sessions else describe(window)
    with _engine(store, params) as engine:
        return analyze(positions, params, session_label=label, **_context_kwargs(ctx), **engine)


def _context_kwargs(ctx: Context) -> dict:
    return {"membership": ctx.membership, "actor_groups": ctx.actor_groups,
            "actor_kinds": ctx.kinds}  # fmt: skip


@dataclass(frozen=True)
class SessionSlot:
    """One session of the calendar: its dates, and whether the source has data for it."""

    id: str
    start: str | None
    end: str | None
    has_data: bool
    reason: str | None  # why there is nothing to show; None when has_data


def session_calendar(store: Store, source: str = "positions") -> list[SessionSlot]:
    """Every session of the bodies the source covers (AHC for positions, UNGA for votes), in
    date order, with or without data, so reports and figures can show a gap as a gap."""
    check_source(source)
    rows = list(store.run("sessions"))
    bodies = {r.get("body") for r in rows if holds(r, source)}
    return [
        SessionSlot(r["session"], r.get("start"), r.get("end"), holds(r, source),
                    None if holds(r, source) else NO_DATA_REASON[source])
        for r in rows
        if r.get("body") in bodies
    ]  # fmt: skip


class NoSessionData(UnknownName):
    """A session that does not exist, or exists without data of the asked source."""


def check_window(store: Store, window: Window) -> None:
    """Refuse sessions that are unknown or hold no data of the window's source, in one line
    that lists the sessions that do (and the closest match of a misspelt one)."""
    if not window.sessions:
        return
    rows = {r["session"]: r for r in store.run("sessions")}
    with_data = [s.id for s in session_calendar(store, window.source) if s.has_data]
    listed = ", ".join(with_data) or "none"
    for session in window.sessions:
        if session in with_data:
            continue
        if session in rows:
            when = " to ".join(x for x in (rows[session].get("start"), rows[session].get("end"))
                               if x)  # fmt: skip
            raise NoSessionData(
                f"session {session} ({when or 'no dates'}) holds no {window.source}; "
                f"sessions with {window.source}: {listed}",
                suggestions=with_data,
            )
        by_case = {s.upper(): s for s in rows}
        close = [by_case[session.upper()]] if session.upper() in by_case else []
        for pool in (with_data, list(rows)):  # sessions with data first
            close = close or difflib.get_close_matches(session, pool, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise NoSessionData(
            f"unknown session {session!r}{hint}; sessions with {window.source}: {listed}",
            suggestions=close,
        )


def load_window(store: Store, window: Window) -> tuple[list[Position], Context]:
    check_window(store, window)
    positions = export_positions(store, window)
    if not positions:
        raise NoData(f"no {window.source} in this window ({describe(window)})")
    return positions, context(store)


def describe(window: Window) -> str:
    parts = [window.source]
    if window.sessions:
        parts.append("sessions " + ", ".join(window.sessions))
    if window.date_from or window.date_to:
        parts.append(f"dates {window.date_from or '...'} to {window.date_to or '...'}")
    if window.issue:
        parts.append(f"issue {window.issue}*")
    return "; ".join(parts)


def _single_session(window: Window) -> str | None:
    one = window.sessions is not None and len(window.sessions) == 1
    if one and not (window.date_from or window.date_to or window.issue):
        return window.sessions[0]
    return None


def _tracked_until(
    store: Store, source: str, last: str, params: Params
) -> tuple[list[BlocReport], Tracking]:
    """Tracked reports of the sessions of `source` up to `last` (ids are causal)."""
    positions, ctx = load_window(store, Window(source=source))
    grouped = by_session(positions, ctx.session_order)
    order = list(grouped)
    if last in grouped:
        grouped = {s: grouped[s] for s in order[: order.index(last) + 1]}
    with _engine(store, params) as engine:
        return analyze_sessions(grouped, params, **_context_kwargs(ctx), **engine)


def window_report(store: Store, window: Window, params: Params = DEFAULT_PARAMS) -> BlocReport:
    """Blocs of one window taken as a whole (one session, a date range, an issue ...), with
    the tracked ids: a one-session window is that session's tracked report; otherwise the
    window's blocs are matched to the tracked blocs of the latest session it covers (fresh ids,
    beyond every tracked one, for blocs that match none)."""
    single = _single_session(window)
    if single is not None:
        check_window(store, window)
        reports, _ = _tracked_until(store, window.source, single, params)
        return next(r for r in reports if r.session == single)
    positions, ctx = load_window(store, window)
    label = "+".join(window.sessions) if window.sessions else describe(window)
    with _engine(store, params) as engine:
        report = analyze(positions, params, session_label=label, **_context_kwargs(ctx), **engine)
    covered = [s for s in ctx.session_order if s in {p.session for p in positions}]
    reports, tracking = _tracked_until(store, window.source, covered[-1], params)
    return _matched(report, reports, tracking)


def _matched(report: BlocReport, reports: list[BlocReport], tracking: Tracking) -> BlocReport:
    """`report` with ids of the tracked blocs it overlaps most (latest link of the chain)."""
    links = [r for r in reports if r.session in tracking.lineage and tracking.lineage[r.session]]
    used = [b.id for r in reports for b in r.blocs]
    next_id = max(used, default=-1) + 1
    if not links:
        return relabel(report, {b.id: next_id + k for k, b in enumerate(report.blocs)})
    prev = {b.id: set(b.members) for b in links[-1].blocs}
    curr = {b.id: set(b.members) for b in report.blocs}
    m = match_blocs(prev, curr, min_jaccard=tracking.min_jaccard, next_id=next_id)
    return relabel(report, m.mapping)


def session_reports(
    store: Store, window: Window, params: Params = DEFAULT_PARAMS
) -> tuple[list[BlocReport], Tracking]:
    """Blocs per session with data, in chronological order, with ids tracked across sessions
    (`session_calendar` lists the sessions without data)."""
    positions, ctx = load_window(store, window)
    grouped = by_session(positions, ctx.session_order)
    with _engine(store, params) as engine:
        return analyze_sessions(grouped, params, **_context_kwargs(ctx), **engine)


def read_names(path: str | Path) -> dict[int, str]:
    """Bloc names from a YAML file mapping tracked ids to names (`4: Like-minded group`)."""
    import yaml

    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BlocsError(f"{path}: cannot read the bloc names ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f"{path}:{line + 1}" if line is not None else str(path)
        raise BlocsError(f"{where}: not valid YAML") from None
    if doc is None:
        return {}
    if not isinstance(doc, Mapping):
        raise BlocsError(f"{path}: expected a mapping of bloc id to name, e.g. '4: Like-minded'")
    names = {}
    for key, name in doc.items():
        if isinstance(key, bool) or not isinstance(key, int | str) or not str(key).isdigit():
            raise BlocsError(f"{path}: bloc ids are whole numbers (tracked ids), got {key!r}")
        if not isinstance(name, str) or not name.strip():
            raise BlocsError(f"{path}: the name of bloc {key} must be a non-empty text")
        names[int(key)] = name.strip()
    return names


def state_relations(
    store: Store, actor: str, window: Window, params: Params = DEFAULT_PARAMS, top: int = 10
) -> Allies:
    """Closest allies and strongest opponents of `actor` in `window` (no bloc detection).

    With `params.expand` the actor's groups' statements count with their attributed weight;
    without, the numbers are those of positions as stated (the `allies_in_session` query)."""
    positions, ctx = load_window(store, window)
    if params.expand:
        positions = expand_groups(positions, ctx.membership, actor_kinds=ctx.kinds,
                                  group_weight=params.group_weight)  # fmt: skip
    try:
        return allies(positions, actor, top=top, min_positions=params.min_positions,
                      shrinkage=params.shrinkage)  # fmt: skip
    except KeyError:
        groups = sorted(ctx.actor_groups.get(actor, ()))
        hint = ""
        if groups and not params.expand:
            hint = f"; its groups ({', '.join(groups)}) did: try --expand-groups"
        raise BlocsError(
            f"{actor} took fewer than {params.min_positions} position(s) in this window "
            f"({describe(window)}){hint}"
        ) from None


def bloc_graph(store: Store, window: Window, params: Params = DEFAULT_PARAMS) -> nx.Graph:
    """The signed agreement graph with each node's tracked bloc, confidence, seed stability,
    color and groups (for export)."""
    report = window_report(store, window, params)
    ctx = context(store)
    G = report.graph.copy()
    blocs = {b.id: b for b in report.blocs}
    for node in G.nodes:
        m = report.membership.get(node)
        bloc = blocs.get(m.bloc) if m else None
        G.nodes[node].update(
            bloc=m.bloc if m else -1,
            bloc_label=bloc.label if bloc else "",
            bloc_name=(bloc.name or "") if bloc else "",
            color=bloc.color if bloc else -1,
            confidence=float(m.confidence) if m else 0.0,
            seed_stability=float(m.seed_stability) if m else 0.0,
            name=ctx.names.get(node, node),
            groups=",".join(sorted(ctx.actor_groups.get(node, ()))),
        )
    G.graph.update(
        {k: v for k, v in report.to_dict().items() if isinstance(v, str | int | float | bool)}
    )
    return G


def write_blocs(store: Store, reports: list[BlocReport], tracking: Tracking | None) -> int:
    """Store per-session blocs in the graph (Bloc nodes, IN_BLOC edges, lineage)."""
    known = set(context(store).session_order)
    per_session = [r for r in reports if r.session in known]
    if not per_session:
        raise BlocsError("only per-session blocs can be stored (one session, or all sessions)")
    return store.write(bloc_steps(per_session, tracking))


def validate_against_vote(
    store: Store, window: Window, roll_call: str, params: Params = DEFAULT_PARAMS
):
    """Blocs of `window` (stated positions, tracked ids) against one recorded vote, for actors
    in both."""
    from graphkit.validate import against_vote

    report = window_report(store, window, params)
    votes = {
        p.actor: p.stance
        for p in export_positions(store, Window(source="votes"))
        if p.proposal == roll_call
    }
    if not votes:
        raise NoData(f"no recorded votes for roll call {roll_call!r}")
    labels = {b.id: b.title for b in report.blocs}
    return report, against_vote(report.partition(), votes, roll_call=roll_call, labels=labels)


# the figures' data live in graphkit/figuredata.py (this module would pass 500 lines); they are
# part of this facade
from graphkit.figuredata import (  # noqa: E402
    ActorProfile,
    FlowData,
    SessionView,
    TimelineSlot,
    actor_profile,
    default_session,
    flow_data,
    session_graphs,
    session_view,
    sessions_with_data,
    timeline,
)
