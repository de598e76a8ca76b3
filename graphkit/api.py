"""The functions the CLI and the notebooks share: database window in, bloc results out."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import networkx as nx

from graphkit.analysis import Allies, BlocReport, allies, analyze, analyze_sessions
from graphkit.blocs import DEFAULT_BACKEND
from graphkit.errors import BlocsError
from graphkit.export import Context, Window, by_session, context, export_positions
from graphkit.ingest import bloc_steps
from graphkit.model import Position
from graphkit.projection import expand_groups, project
from graphkit.store import Store
from graphkit.tracking import Tracking


@dataclass(frozen=True)
class Params:
    """Analysis parameters, carried into every result so it can be reproduced."""

    method: str = "louvain"
    resolution: float = 1.0
    runs: int = 100
    seed: int = 0
    min_positions: int = 3
    expand: bool = True
    backend: str = DEFAULT_BACKEND
    null_shuffles: int = 20
    workers: int = 1

    def analyze_kwargs(self, ctx: Context) -> dict:
        kw = asdict(self)
        kw.pop("workers")
        return kw | {
            "membership": ctx.membership,
            "actor_groups": ctx.actor_groups,
            "actor_kinds": ctx.kinds,
        }


def load_window(store: Store, window: Window) -> tuple[list[Position], Context]:
    positions = export_positions(store, window)
    if not positions:
        raise BlocsError(
            f"no {window.source} in this window ({describe(window)}); load data first "
            "(`blocs load`) or widen the window"
        )
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


def window_report(store: Store, window: Window, params: Params = Params()) -> BlocReport:
    """Blocs of one window taken as a whole (one session, a date range, an issue ...)."""
    positions, ctx = load_window(store, window)
    label = "+".join(window.sessions) if window.sessions else describe(window)
    return analyze(positions, session_label=label, **params.analyze_kwargs(ctx))


def session_reports(
    store: Store, window: Window, params: Params = Params()
) -> tuple[list[BlocReport], Tracking]:
    """Blocs per session in chronological order, with ids tracked across sessions."""
    positions, ctx = load_window(store, window)
    grouped = by_session(positions, ctx.session_order)
    return analyze_sessions(grouped, workers=params.workers, **params.analyze_kwargs(ctx))


def state_relations(
    store: Store, actor: str, window: Window, params: Params = Params(), top: int = 10
) -> Allies:
    positions, ctx = load_window(store, window)
    if params.expand:
        positions = expand_groups(positions, ctx.membership, actor_kinds=ctx.kinds)
    try:
        return allies(positions, actor, top=top, min_positions=params.min_positions)
    except KeyError as exc:
        raise BlocsError(str(exc).strip("'\"")) from None


def bloc_graph(store: Store, window: Window, params: Params = Params()) -> nx.Graph:
    """The signed agreement graph with each node's bloc, confidence and groups (for export)."""
    positions, ctx = load_window(store, window)
    report = analyze(positions, **params.analyze_kwargs(ctx))
    if params.expand:
        positions = expand_groups(positions, ctx.membership, actor_kinds=ctx.kinds)
    G = project(positions, min_positions=params.min_positions).graph.copy()
    labels = {b.id: b.label for b in report.blocs}
    for node in G.nodes:
        bloc, conf = report.membership.get(node, (-1, 0.0))
        G.nodes[node].update(
            bloc=bloc,
            bloc_label=labels.get(bloc, ""),
            confidence=float(conf),
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
        raise BlocsError("--write stores per-session blocs: use --session or --all-sessions")
    return store.write(bloc_steps(per_session, tracking))


def validate_against_vote(store: Store, window: Window, roll_call: str, params: Params = Params()):
    """Blocs of `window` (stated positions) against one recorded vote, for actors in both."""
    from graphkit.validate import against_vote

    report = window_report(store, window, params)
    votes = {
        p.actor: p.stance
        for p in export_positions(store, Window(source="votes"))
        if p.proposal == roll_call
    }
    if not votes:
        raise BlocsError(f"no recorded votes for roll call {roll_call!r}; load votes first")
    labels = {b.id: b.label for b in report.blocs}
    return report, against_vote(report.partition(), votes, roll_call=roll_call, labels=labels)
