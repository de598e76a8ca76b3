"""One entry point for the CLI and notebooks: positions in, a bloc report out.

`analyze` = expand group statements -> project to an agreement graph -> consensus blocs ->
significance, labels and cohesion. `analyze_sessions` does it per session and gives blocs ids
that stay the same through time. Everything is deterministic for a given seed.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing as mp
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import networkx as nx

from graphkit.blocs import (
    LouvainFn,
    SignedFn,
    blocs_of,
    cohesion,
    consensus,
    frustration,
    invert_membership,
    label_blocs,
    null_model_zscore,
)
from graphkit.model import Position
from graphkit.params import METHODS, Params
from graphkit.projection import Projection, expand_groups, project
from graphkit.tracking import Tracking, track

__all__ = ["METHODS", "Params", "analyze", "analyze_sessions", "allies"]


@dataclass(frozen=True)
class Bloc:
    id: int
    label: str
    members: tuple[str, ...]
    cohesion: float | None  # mean agreement index inside; None for a bloc of one


@dataclass(frozen=True)
class BlocReport:
    """Blocs of one session (or window) and every parameter needed to reproduce them."""

    session: str
    params: Params  # what was asked; the fields below say what was effectively done
    expand_groups: bool
    modularity: float
    zscore: float | None
    blocs: tuple[Bloc, ...]
    membership: Mapping[str, tuple[int, float]]  # actor -> (bloc id, confidence)
    excluded: tuple[str, ...]
    positions_used: int
    frustration: float
    backend: str
    null_shuffles: int
    null_method: str | None
    converged: bool
    # the signed agreement graph the blocs were found on (not serialized; saves re-projecting)
    graph: nx.Graph | None = field(default=None, compare=False, repr=False)

    method = property(lambda self: self.params.method)
    resolution = property(lambda self: self.params.resolution)
    seed = property(lambda self: self.params.seed)
    runs = property(lambda self: self.params.runs)
    min_positions = property(lambda self: self.params.min_positions)

    def partition(self) -> dict[str, int]:
        return {actor: bloc for actor, (bloc, _) in self.membership.items()}

    def confidence(self) -> dict[str, float]:
        return {actor: conf for actor, (_, conf) in self.membership.items()}

    def to_dict(self) -> dict:
        """The JSON shape the CLI prints and the store saves."""

        def num(x: float | None) -> float | None:
            return None if x is None else round(float(x), 6)

        return {
            "session": self.session,
            "method": self.method,
            "resolution": self.resolution,
            "modularity": num(self.modularity),
            "zscore": num(self.zscore),
            "blocs": [
                {
                    "id": b.id,
                    "label": b.label,
                    "members": list(b.members),
                    "cohesion": num(b.cohesion),
                }
                for b in self.blocs
            ],
            "membership": {
                actor: {"bloc": bloc, "confidence": num(conf)}
                for actor, (bloc, conf) in sorted(self.membership.items())
            },
            "excluded": list(self.excluded),
            "positions_used": self.positions_used,
            "seed": self.seed,
            "runs": self.runs,
            "expand_groups": self.expand_groups,
            "frustration": num(self.frustration),
            "backend": self.backend,
            "min_positions": self.min_positions,
            "null_shuffles": self.null_shuffles,
            "null_method": self.null_method,
            "converged": self.converged,
            "params": self.params.to_dict(),
        }


def _session_label(positions: Sequence[Position]) -> str:
    return "+".join(sorted({p.session for p in positions})) or "empty"


def analyze(
    positions: Iterable[Position],
    params: Params | None = None,
    *,
    membership: Mapping[str, Sequence[str]] | None = None,
    actor_groups: Mapping[str, Collection[str]] | None = None,
    actor_kinds: Mapping[str, str] | None = None,
    session_label: str | None = None,
    min_cooccurrences: int = 1,
    **overrides,
) -> BlocReport:
    """Blocs of one set of positions (one session or a window of them).

    `params` (default `Params()`), with any field overridden by keyword (`runs=10`), says how.
    membership: group -> member states, used to expand group statements and, when
    `actor_groups` (actor -> groups) is not given, to name blocs. method "louvain" = consensus
    of `runs` modularity runs on the positive agreement graph; "signed" = consensus of signed
    Leiden runs that also push disagreeing actors apart. zscore compares one run's modularity
    with the same method on `null_shuffles` degree-preserving shuffles (0 = skip).
    Cost on a dense 190-state UNGA session: ~0.6 s CPU for louvain with 100 igraph runs;
    signed Leiden runs take ~150 ms each (~15 s for 100), so use fewer runs there.
    """
    params = replace(params or Params(), **overrides)
    method, resolution, runs, seed = params.method, params.resolution, params.runs, params.seed
    min_positions, expand, backend = params.min_positions, params.expand, params.backend
    null_shuffles = params.null_shuffles
    positions = list(positions)
    membership = membership or {}
    if expand and membership:
        positions = expand_groups(positions, membership, actor_kinds)
    proj = project(positions, min_positions=min_positions, min_cooccurrences=min_cooccurrences)
    G = proj.graph
    signed = method == "signed"
    result = consensus(
        proj, runs=runs, resolution=resolution, seed=seed, backend=backend, signed=signed
    )
    zscore, null_method = None, None
    if null_shuffles > 0 and G.number_of_edges() > 1:
        fn = SignedFn(resolution) if signed else LouvainFn(resolution, backend)
        null = null_model_zscore(proj, fn, shuffles=null_shuffles, seed=seed, resolution=resolution)
        zscore, null_method = null.z, null.method
    groups = actor_groups if actor_groups is not None else invert_membership(membership)
    labels = label_blocs(G, result.partition, groups)
    blocs = tuple(
        Bloc(id=k, label=labels[k], members=tuple(members), cohesion=cohesion(G, members))
        for k, members in blocs_of(result.partition).items()
    )
    return BlocReport(
        session=session_label if session_label is not None else _session_label(positions),
        params=params,
        expand_groups=bool(expand and membership),
        modularity=result.modularity,
        zscore=zscore,
        blocs=blocs,
        membership={
            a: (result.partition[a], result.confidence[a]) for a in sorted(result.partition)
        },
        excluded=proj.excluded,
        positions_used=proj.positions_used,
        frustration=frustration(G, result.partition),
        backend=result.backend,
        null_shuffles=null_shuffles if null_method else 0,
        null_method=null_method,
        converged=result.converged,
        graph=G,
    )


def relabel(report: BlocReport, mapping: Mapping[Hashable, int]) -> BlocReport:
    """The same report with bloc ids replaced (e.g. by stable tracked ids)."""
    return replace(
        report,
        blocs=tuple(replace(b, id=mapping[b.id]) for b in report.blocs),
        membership={a: (mapping[b], c) for a, (b, c) in report.membership.items()},
    )


# set in the parent just before forking, so workers read the positions without pickling them
_FORK_JOB: dict = {}


def _analyze_forked(session: str) -> BlocReport:
    positions, kwargs = _FORK_JOB["data"][session], _FORK_JOB["kwargs"]
    return analyze(positions, session_label=session, **kwargs)


def _analyze_pickled(item: tuple[str, Sequence[Position]], kwargs: dict) -> BlocReport:
    session, positions = item
    return analyze(positions, session_label=session, **kwargs)


@contextmanager
def _gc_frozen():
    """Keep the garbage collector off the input: with 870k positions in memory, full
    collections triggered by the graph code cost ~40% of the run. Left alone if the caller
    already froze objects."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def analyze_sessions(
    positions_by_session: Mapping[str, Sequence[Position]],
    params: Params | None = None,
    *,
    min_jaccard: float = 0.2,
    min_share: float = 0.25,
    **kwargs,
) -> tuple[list[BlocReport], Tracking]:
    """`analyze` each session (in the mapping's order), then give blocs stable ids.

    `params.workers` > 1 analyses sessions in parallel processes (forked where the platform
    allows, so the positions are not pickled); results are identical to `workers=1`.
    Other keyword arguments go to `analyze` (context, or overrides of `params` fields).
    """
    fields_ = set(Params.__dataclass_fields__)
    params = replace(params or Params(), **{k: v for k, v in kwargs.items() if k in fields_})
    kwargs = {k: v for k, v in kwargs.items() if k not in fields_} | {"params": params}
    workers = params.workers
    sessions = list(positions_by_session)
    with _gc_frozen():
        if workers > 1 and len(sessions) > 1:
            if "fork" in mp.get_all_start_methods():
                _FORK_JOB.update(data=positions_by_session, kwargs=kwargs)
                # largest sessions first, so one long session does not start last
                by_size = sorted(sessions, key=lambda s: -len(positions_by_session[s]))
                try:
                    with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
                        done = dict(zip(by_size, pool.map(_analyze_forked, by_size), strict=True))
                    reports = [done[s] for s in sessions]
                finally:
                    _FORK_JOB.clear()
            else:
                one = functools.partial(_analyze_pickled, kwargs=kwargs)
                with ProcessPoolExecutor(workers) as pool:
                    reports = list(pool.map(one, positions_by_session.items()))
        else:
            reports = [
                analyze(positions_by_session[s], session_label=s, **kwargs) for s in sessions
            ]
    tracking = track(
        [(r.session, r.partition(), r.confidence()) for r in reports],
        min_jaccard=min_jaccard,
        min_share=min_share,
    )
    stable = [relabel(r, tracking.mapping[r.session]) for r in reports]
    return stable, tracking


@dataclass(frozen=True)
class Relation:
    actor: str
    index: float
    agreements: float
    disagreements: float
    cooccurrences: int


@dataclass(frozen=True)
class Allies:
    """Closest allies (highest index) and strongest opponents (lowest index) of one actor."""

    actor: str
    allies: tuple[Relation, ...]
    opponents: tuple[Relation, ...]
    top: int


def allies(
    data: Iterable[Position] | Projection | nx.Graph,
    actor: str,
    *,
    top: int = 10,
    **project_kwargs,
) -> Allies:
    """Who sides with `actor` and who against, from positions, a projection or its graph.

    Allies need at least one agreement, opponents at least one disagreement; ties are broken
    by the counts, then by code, so the lists are stable.
    """
    if isinstance(data, Projection):
        G = data.graph
    elif isinstance(data, nx.Graph):
        G = data
    else:
        G = project(list(data), **project_kwargs).graph
    if actor not in G:
        raise KeyError(f"{actor} is not in the graph (too few positions, or unknown)")
    rel = [
        Relation(
            other,
            float(d["index"]),
            float(d["agreements"]),
            float(d["disagreements"]),
            int(d["cooccurrences"]),
        )
        for other, d in sorted(G[actor].items())
    ]
    friends = sorted(
        (r for r in rel if r.agreements > 0),
        key=lambda r: (-r.index, -r.agreements, r.actor),
    )
    foes = sorted(
        (r for r in rel if r.disagreements > 0),
        key=lambda r: (r.index, -r.disagreements, r.actor),
    )
    return Allies(actor, tuple(friends[:top]), tuple(foes[:top]), top)
