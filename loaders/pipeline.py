"""Sources to one load plan: validate every input first, then write all of it atomically.

`plan_load` is the one entry point: curated position files, prose reports and roll-call votes
in any combination, the reference actors and sessions added once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from graphkit.errors import LoadError, LoadErrors
from graphkit.store.ingest import event_steps
from loaders.actors import ActorIndex, reference
from loaders.dataset import bundled_position_files, load_sessions, read_positions_file
from loaders.plan import LoadPlan, execute, merge, positions_in, reference_steps

__all__ = ["LoadPlan", "execute", "merge", "plan_bundled", "plan_load", "plan_positions",
           "plan_report"]  # fmt: skip


def _expand(paths: Sequence[Path]) -> list[Path]:
    out = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
            if not found:
                raise LoadError("folder holds no position files (.yaml)", file=str(path))
            out.extend(found)
        elif not path.exists():
            raise LoadError("no such file or folder", file=str(path))
        else:
            out.append(path)
    return out


def _position_plan(files: list[Path], ref: ActorIndex) -> LoadPlan:
    """Events of the position files (no reference steps); raises with every problem found."""
    sessions = load_sessions()
    plan = LoadPlan()
    errors: list[LoadError] = []
    seen: dict[str, str] = {}
    for path in files:
        if path.suffix not in (".yaml", ".yml"):
            errors.append(LoadError("not a positions file (.yaml); recorded votes are loaded "
                                    "as votes", file=str(path)))  # fmt: skip
            continue
        try:
            events = read_positions_file(path, ref, sessions)
        except LoadErrors as exc:
            errors.extend(exc.errors)
            continue
        except LoadError as exc:
            errors.append(exc)
            continue
        for ev in events:
            if ev.id in seen:
                errors.append(LoadError(f"event id {ev.id!r} is also in {seen[ev.id]}",
                                        file=str(path)))  # fmt: skip
            seen[ev.id] = str(path)
        plan.files.append(str(path))
        plan.events.extend(events)
        plan.steps.extend(event_steps(events, path.name))
    if errors:
        raise LoadErrors(errors)
    plan.positions = positions_in(plan.events)
    return plan


MAX_REPORT_BYTES = 64 << 20  # the largest seed report is ~0.1 MB; a device is never a report


def check_report_file(path: Path | str) -> None:
    """A report must be a regular file of sensible size: `/dev/zero`, a pipe or a folder given
    as a report would otherwise be read until memory runs out."""
    from loaders.files import regular_file

    st = regular_file(path, folder="is a folder; give the report files themselves")
    if st.st_size > MAX_REPORT_BYTES:
        raise LoadError(
            f"is {st.st_size / 2**20:,.0f} MB; reports are read whole and limited to "
            f"{MAX_REPORT_BYTES >> 20} MB (split it)",
            file=str(path),
        )


def _report_plan(path: Path, session: str | None, date: str | None):
    from loaders.extract import extract_file, to_events

    check_report_file(path)
    result = extract_file(path, session=session, date=date)
    events = to_events(path, result, default_session=session)
    plan = LoadPlan(files=[str(path)], events=events, steps=event_steps(events, Path(path).name))
    plan.positions = positions_in(events)
    return plan, result.unresolved


def plan_load(
    paths: Sequence[Path] = (),
    *,
    reports: Sequence[Path] = (),
    votes: Path | None = None,
    roll_calls: Path | None = None,
    topics: Path | None = None,
    vote_sessions: Iterable[int | str] | None = None,
    session: str | None = None,
    date: str | None = None,
    bundled: bool | None = None,
) -> tuple[LoadPlan, list]:
    """One plan for any combination of sources, validated as a whole before anything is written.

    paths: position files or folders; reports: prose reports (extracted, with provenance;
    `session`/`date` apply where a report does not say); votes: a roll-call file (unvotes
    layout with `roll_calls` and `topics` beside it, or the generic CSV), limited to
    `vote_sessions`.
    bundled: the bundled dataset (default: when no source is given). Returns the plan and the
    names in reports that resolved to no actor (for the caller to report).
    """
    if (session is not None or date is not None) and not reports:
        raise LoadError("a default session or date applies to prose reports only; none given")
    if (roll_calls is not None or topics is not None or vote_sessions) and votes is None:
        raise LoadError(
            "a roll-calls file, a topics file or vote sessions apply to a votes file; none given"
        )
    if session is not None and session not in load_sessions():
        import difflib

        close = difflib.get_close_matches(session, list(load_sessions()), n=3)
        raise LoadError(f"unknown session {session!r}", value=session, suggestions=close)
    if date is not None:
        check_date(date)
    if bundled is None:
        bundled = not (paths or reports or votes)
    ref = reference().copy()  # position files may declare extra actors
    plan = LoadPlan()
    files = [*(_expand(paths) if paths else []), *(bundled_position_files() if bundled else [])]
    if files:
        merge(plan, _position_plan(files, ref))
    unresolved = []
    for path in reports:
        rplan, missing = _report_plan(Path(path), session, date)
        merge(plan, rplan)
        unresolved += [(str(path), u) for u in missing]
    from loaders.votes import bundled_votes_files, plan_votes

    vote_files = [(Path(votes), roll_calls, topics, vote_sessions)] if votes is not None else []
    if bundled:
        vote_files += [(p, None, None, None) for p in bundled_votes_files()]
    for vpath, rc_path, topics_path, vsessions in vote_files:
        vplan = plan_votes(vpath, rc_path, topics_path=topics_path,
                           sessions_filter=vsessions or None, with_reference=False)  # fmt: skip
        if not vplan.votes:
            wanted = ", ".join(str(s)[:20] for s in vsessions or ())
            raise LoadError(f"holds no votes of session(s) {wanted}", file=str(vpath))
        merge(plan, vplan)
    plan.steps = reference_steps(ref) + plan.steps
    return plan, unresolved


def check_date(date: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise LoadError(f"date must be YYYY-MM-DD, got {date[:40]!r}", value=date) from None


def plan_positions(paths: Sequence[Path] | None = None) -> LoadPlan:
    """Position files (default: the bundled ones), with the reference; raises on any error."""
    if paths:
        return plan_load(list(paths))[0]
    return _bundled_positions()


def _bundled_positions() -> LoadPlan:
    ref = reference().copy()
    plan = _position_plan(bundled_position_files(), ref)
    plan.steps = reference_steps(ref) + plan.steps
    return plan


def plan_bundled() -> LoadPlan:
    """The whole bundled dataset: every position file and the framing General Assembly votes."""
    return plan_load(bundled=True)[0]


def plan_report(path: Path, session: str | None = None, date: str | None = None):
    """Extract a prose report and plan its events (with file, offsets and passage) for loading.

    Returns the plan and the names the extractor could not resolve (reported, never dropped).
    """
    plan, unresolved = plan_load(reports=[path], session=session, date=date)
    return plan, [u for _, u in unresolved]
