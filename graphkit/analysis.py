"""One entry point for the CLI and notebooks: positions in, a bloc report out.

`analyze` = attribute group statements (weighted) -> project to an agreement graph -> consensus
blocs -> significance against the null model -> bootstrap over questions for the evidence ->
labels, cohesion, checks and warnings. `analyze_sessions` does it per session and gives blocs
ids that stay the same through time. Everything is deterministic for a given seed.

The work comes in three phases that only meet at the end: the consensus (`_main`), the null
model (`_null`) and the bootstrap runs (`_resample`; they are scored against the consensus
partition afterwards). `analyze` runs them in turn; `analyze_sessions` with workers hands out
(session, phase) tasks, so the largest session no longer sets the pace alone. Both finish
with the same `_finish`, so the results are identical.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing as mp
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace

from graphkit.bloc_report import (
    PALETTE,
    STABLE_BLOC,
    SWING_CONFIDENCE,
    Bloc,
    BlocReport,
    Membership,
    OpponentPairs,
    clear_opponents,
    opponents_together,
    warnings_of,
)
from graphkit.communities import _igraph, blocs_of
from graphkit.consensus import consensus
from graphkit.evidence import Resamples, joined, resample, score
from graphkit.labels import describe, invert_membership
from graphkit.model import Position
from graphkit.params import METHODS, Params
from graphkit.positions import dedupe, expand_groups
from graphkit.projection import Projection, project
from graphkit.relations import Allies, Relation, allies
from graphkit.significance import (
    NullModelResult,
    null_observed,
    null_result,
    null_samples,
    significance,
)
from graphkit.tracking import Tracking, track

EARLY_STOP = 20  # consensus runs that, all alike, end the consensus (graphkit.consensus)

__all__ = [
    "METHODS", "PALETTE", "Allies", "Bloc", "BlocReport", "Membership", "OpponentPairs",
    "Params", "Relation", "allies", "analyze", "analyze_sessions", "clear_opponents",
    "relabel", "with_names",
]  # fmt: skip


def _session_label(positions: Sequence[Position]) -> str:
    return "+".join(sorted({p.session for p in positions})) or "empty"


def _one_blas_thread():
    """The analysis makes thousands of small matrix products (126 x 57 for AHC-7); OpenBLAS
    spreading each over threads makes them 5-20x slower on a busy 2-core machine, and worse
    with two worker processes. Scoped, so the caller's own numpy keeps its threads."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


@dataclass(frozen=True)
class _Job:
    """One window to analyse and how; every phase starts from it."""

    positions: Sequence[Position]
    params: Params
    membership: Mapping[str, Sequence[str]]
    actor_groups: Mapping[str, Collection[str]] | None
    actor_kinds: Mapping[str, str] | None
    session_label: str | None
    min_cooccurrences: int
    # projection -> runner (seed -> labels) for the consensus runs; None: in process
    runner_factory: Callable[[Projection], Callable[[int], object]] | None = None

    @functools.cached_property
    def rows(self) -> list[Position]:
        p = self.params
        if not (p.expand and self.membership):
            return list(self.positions)
        return expand_groups(self.positions, self.membership, self.actor_kinds,
                             group_weight=p.group_weight)  # fmt: skip

    @functools.cached_property
    def projection(self) -> Projection:
        return project(self.rows, min_positions=self.params.min_positions,
                       min_cooccurrences=self.min_cooccurrences,
                       shrinkage=self.params.shrinkage)  # fmt: skip

    def method(self) -> dict:
        p = self.params
        return {"method": p.method, "resolution": p.resolution, "backend": p.backend,
                "shrinkage": p.shrinkage, "min_cooccurrences": self.min_cooccurrences}  # fmt: skip


def analyze(
    positions: Iterable[Position],
    params: Params | None = None,
    *,
    membership: Mapping[str, Sequence[str]] | None = None,
    actor_groups: Mapping[str, Collection[str]] | None = None,
    actor_kinds: Mapping[str, str] | None = None,
    session_label: str | None = None,
    min_cooccurrences: int = 1,
    runner_factory: Callable | None = None,
    **overrides,
) -> BlocReport:
    """Blocs of one set of positions (one session or a window of them).

    `params` (default `Params()`), with any field overridden by keyword (`runs=10`), says how.
    membership: group -> member states, used to attribute group statements and, when
    `actor_groups` (actor -> groups) is not given, to name blocs. Methods: see
    `graphkit.methods`. Seeds: consensus runs seed .. seed+runs-1 (and its rounds after), the
    null model seed (shuffles seed+1 ..), the bootstrap seed (runs seed + b).
    """
    job = _Job(list(positions), replace(params or Params(), **overrides), membership or {},
               actor_groups, actor_kinds, session_label, min_cooccurrences,
               runner_factory)  # fmt: skip
    with _one_blas_thread():
        return _whole(job)


def _main(job: _Job) -> BlocReport:
    """The consensus blocs and everything they alone determine (no evidence, no test yet)."""
    params, proj = job.params, job.projection
    method = job.method()
    runner = job.runner_factory(proj) if job.runner_factory is not None else None
    result = consensus(proj, runs=params.runs, resolution=params.resolution, seed=params.seed,
                       backend=params.backend, method=method["method"],
                       early_stop=EARLY_STOP, runner=runner)  # fmt: skip
    groups = job.actor_groups
    if groups is None:
        groups = invert_membership(job.membership)
    about = describe(proj.edges, result.partition, groups)
    blocs = tuple(
        Bloc(k, about.labels[k], tuple(members), about.cohesion[k])
        for k, members in blocs_of(result.partition).items()
    )
    kinds = job.actor_kinds or {}
    pure_groups = {g for g in job.membership if kinds.get(g, "group") == "group"}
    conf = result.confidence
    return BlocReport(
        session=job.session_label if job.session_label is not None else _session_label(job.rows),
        params=params,
        expand_groups=bool(params.expand and job.membership),
        modularity=result.modularity,
        zscore=None,
        blocs=blocs,
        membership={
            a: Membership(result.partition[a], conf[a], conf[a]) for a in sorted(result.partition)
        },
        excluded=proj.excluded,
        positions_used=proj.positions_used,
        frustration=about.frustration,
        backend=result.backend,
        null_shuffles=0,
        null_method=None,
        converged=result.converged,
        runs_done=result.runs,
        positions_stated=len(dedupe(job.positions)),  # group rows included: they were said
        positions_attributed=proj.positions_attributed,
        opponent_pairs_together=opponents_together(
            clear_opponents(job.positions, pure_groups), result.partition
        ),
        questions=proj.incidence.n_units if proj.incidence is not None else 0,
        edges=proj.edges,
    )


def _null(job: _Job, start: int = 0, stop: int | None = None) -> tuple | None:
    """Null-model samples start .. stop-1 as (observed quality or None, qualities); the
    observed run belongs to the first chunk. None when there is nothing to shuffle."""
    params, proj = job.params, job.projection
    if params.null_shuffles <= 0 or len(proj.edges.pairs) <= 1 or proj.incidence is None:
        return None
    inc, seed = proj.incidence, params.seed
    observed = null_observed(inc, seed=seed, **job.method()) if start == 0 else None
    values = null_samples(inc, shuffles=params.null_shuffles, seed=seed, start=start, stop=stop,
                          **job.method())  # fmt: skip
    return observed, values


def _resample(job: _Job, start: int = 0, stop: int | None = None) -> Resamples | None:
    """Bootstrap runs start .. stop-1 (scored against the consensus in `_finish`)."""
    params, proj = job.params, job.projection
    if params.bootstrap <= 0 or proj.incidence is None or not proj.actors:
        return None
    return resample(proj.incidence, resamples=params.bootstrap, seed=params.seed, start=start,
                    stop=stop, **job.method())  # fmt: skip


def _joined_null(parts: Sequence[tuple | None], seed: int) -> NullModelResult | None:
    if not parts or parts[0] is None:
        return None
    values = [v for part in parts for v in part[1]]
    return null_result(parts[0][0], values, seed)


def _whole(job: _Job) -> BlocReport:
    """One job start to end in this process: consensus, null model, bootstrap, warnings."""
    return _finish(_main(job), [_null(job)], [_resample(job)])


def _finish(
    report: BlocReport, nulls: Sequence[tuple | None], runs: Sequence[Resamples | None]
) -> BlocReport:
    """Attach the test and the evidence (from their chunks, in order) to the consensus
    report, then the warnings."""
    null = _joined_null(nulls, report.params.seed)
    runs = joined(list(runs)) if runs and runs[0] is not None else None
    test = significance(null)
    if null is None and report.params.null_shuffles > 0:
        test = replace(test, reason="not tested: fewer than two pairs of actors to compare")
    evidence = score(runs, report.partition()) if runs is not None else None
    if evidence is not None and evidence.resamples:
        report = replace(
            report,
            blocs=tuple(replace(b, stability=evidence.stability.get(b.id)) for b in report.blocs),
            membership={
                a: m._replace(confidence=evidence.confidence[a])
                for a, m in report.membership.items()
            },
            bootstrap=evidence.resamples,
        )
    report = replace(
        report,
        zscore=null.z if null else None,
        null_shuffles=null.shuffles if null else 0,
        null_method=null.method if null else None,
        significant=test.significant,
    )
    return replace(report, warnings=warnings_of(report, test.reason))


def relabel(report: BlocReport, mapping: Mapping[Hashable, int]) -> BlocReport:
    """The same report with bloc ids replaced (e.g. by stable tracked ids)."""
    return replace(
        report,
        blocs=tuple(replace(b, id=mapping[b.id]) for b in report.blocs),
        membership={a: m._replace(bloc=mapping[m.bloc]) for a, m in report.membership.items()},
    )


def with_names(report: BlocReport, names: Mapping[int, str]) -> BlocReport:
    """The same report with the user's bloc names (tracked id -> name) attached."""
    if not names:
        return report
    return replace(report, blocs=tuple(replace(b, name=names.get(b.id)) for b in report.blocs))


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


# set in the parent just before forking, so workers read the positions without pickling them
_FORK_JOB: dict = {}
CHUNK = {"resample": 15, "null": 10}  # resamples / shuffles per task: spreads a big session
SMALL_SESSION = 500  # positions: below this a session is one task (a task costs ~2 ms)


def _task(job: _Job, phase: str, start: int = 0, stop: int | None = None):
    with _one_blas_thread():
        if phase == "all":
            return _whole(job)
        if phase == "main":
            return _main(job)
        return (_null if phase == "null" else _resample)(job, start, stop)


def _task_forked(task: tuple[str, str, int, int]):
    session, phase, start, stop = task
    return _task(_FORK_JOB["jobs"][session], phase, start, stop)


def _tasks(
    sessions: Sequence[str], params: Params, sizes: Mapping[str, int]
) -> list[tuple[str, str, int, int]]:
    """(session, phase, start, stop): the consensus, then the chunks of the bootstrap and of
    the null model, sessions in the order given; a small session is one task ("all")."""
    out = []
    for s in sessions:
        if sizes[s] < SMALL_SESSION:
            out.append((s, "all", 0, 0))
            continue
        out.append((s, "main", 0, 0))
        for phase, total in (("resample", params.bootstrap), ("null", params.null_shuffles)):
            step = CHUNK[phase]
            out += [(s, phase, a, min(a + step, total)) for a in range(0, total, step)]
            if total <= 0:
                out.append((s, phase, 0, 0))
    return out


def _jobs(positions_by_session, kwargs: dict) -> dict[str, _Job]:
    params = kwargs["params"]
    return {
        s: _Job(rows, params, kwargs.get("membership") or {}, kwargs.get("actor_groups"),
                kwargs.get("actor_kinds"), s, kwargs.get("min_cooccurrences", 1),
                kwargs.get("runner_factory"))
        for s, rows in positions_by_session.items()
    }  # fmt: skip


def _analyze_all(
    positions_by_session: Mapping[str, Sequence[Position]], workers: int, kwargs: dict
) -> list[BlocReport]:
    """Every session's report; with workers > 1 the consensus and every chunk of the bootstrap
    and of the null model is a task of its own (largest sessions first), forked where the
    platform allows so nothing is pickled in. Same results as serially: chunks are seeded by
    their index."""
    jobs = _jobs(positions_by_session, kwargs)
    sessions = list(jobs)
    if kwargs.get("runner_factory") is not None:  # runs in a database: one session at a time
        workers = 1
    if workers <= 1 or len(sessions) < 1:
        with _one_blas_thread():
            return [_whole(j) for j in jobs.values()]
    by_size = sorted(sessions, key=lambda s: -len(positions_by_session[s]))
    tasks = _tasks(by_size, kwargs["params"], {s: len(positions_by_session[s]) for s in sessions})
    if "fork" in mp.get_all_start_methods():
        # made once here and inherited by the forked workers: igraph (~0.07 s to import per
        # process) and each session's projection (all its tasks use it)
        _igraph()
        with _one_blas_thread():
            for job in jobs.values():
                job.projection  # noqa: B018  # computed and cached on the job
        _FORK_JOB.update(jobs=jobs)
        try:
            with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
                done = dict(zip(tasks, pool.map(_task_forked, tasks), strict=True))
        finally:
            _FORK_JOB.clear()
    else:
        with ProcessPoolExecutor(workers) as pool:
            out = pool.map(_task, *zip(*[(jobs[s], ph, a, b) for s, ph, a, b in tasks],
                                       strict=True))  # fmt: skip
            done = dict(zip(tasks, out, strict=True))
    reports = []
    for s in sessions:
        whole = [t for t in tasks if t[0] == s and t[1] == "all"]
        if whole:
            reports.append(done[whole[0]])
            continue
        main = done[next(t for t in tasks if t[0] == s and t[1] == "main")]
        nulls = [done[t] for t in tasks if t[0] == s and t[1] == "null"]
        runs = [done[t] for t in tasks if t[0] == s and t[1] == "resample"]
        with _one_blas_thread():
            reports.append(_finish(main, nulls, runs))
    return reports


def analyze_sessions(
    positions_by_session: Mapping[str, Sequence[Position]],
    params: Params | None = None,
    *,
    min_jaccard: float = 0.2,
    min_share: float = 0.25,
    **kwargs,
) -> tuple[list[BlocReport], Tracking]:
    """`analyze` each session (in the mapping's order), then give blocs stable ids.

    Sessions that are not significant are weak links (`graphkit.tracking`): their blocs get
    ids, but lineage and swings come from the significant ones, and swings only from actors
    firmly placed on both sides (`_firm`), unless `params.include_weak`.
    A session whose significance was not tested (no shuffles) counts as a link: nothing says
    it is noise. `params.workers` > 1 analyses sessions in parallel processes (forked where the
    platform allows, so the positions are not pickled); results are identical to `workers=1`.
    Other keyword arguments go to `analyze` (context, or overrides of `params` fields).
    """
    fields_ = set(Params.__dataclass_fields__)
    params = replace(params or Params(), **{k: v for k, v in kwargs.items() if k in fields_})
    kwargs = {k: v for k, v in kwargs.items() if k not in fields_} | {"params": params}
    with _gc_frozen():
        reports = _analyze_all(positions_by_session, params.workers, kwargs)
    weak = () if params.include_weak or params.null_shuffles == 0 else _weak(reports)
    tracking = track(
        [(r.session, r.partition(), r.confidence()) for r in reports],
        min_jaccard=min_jaccard,
        min_share=min_share,
        weak=weak,
        firm=None if params.include_weak else {r.session: _firm(r) for r in reports},
    )
    stable = [relabel(r, tracking.mapping[r.session]) for r in reports]
    return stable, tracking


def _firm(report: BlocReport) -> set[str]:
    """Actors a swing may be read from: confidence >= SWING_CONFIDENCE in a bloc that holds
    under resampling (stability >= STABLE_BLOC), or everyone when the bootstrap was skipped."""
    if not report.bootstrap:
        return set(report.membership)
    stable = {b.id for b in report.blocs if (b.stability or 0.0) >= STABLE_BLOC}
    return {
        a
        for a, m in report.membership.items()
        if m.confidence >= SWING_CONFIDENCE and m.bloc in stable
    }


def _weak(reports: Sequence[BlocReport]) -> tuple[str, ...]:
    return tuple(r.session for r in reports if not r.significant)
