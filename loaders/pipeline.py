"""Load sources into a store: validate every file first, then write all of it atomically."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.ingest import actor_steps, event_steps, session_steps
from graphkit.model import Event
from graphkit.store import Step, Store
from loaders.actors import ActorIndex, reference
from loaders.dataset import bundled_position_files, load_sessions, read_positions_file
from loaders.errors import LoadError, LoadErrors


@dataclass
class LoadPlan:
    """What a load will write, built and validated before touching the database."""

    files: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    positions: int = 0
    votes: int = 0


def reference_steps(ref: ActorIndex) -> list[Step]:
    """Actors, groups, memberships and sessions: merged on every load (cheap, idempotent)."""
    return actor_steps(ref.actors.values(), ref.groups) + session_steps(load_sessions().values())


def _expand(paths: list[Path]) -> list[Path]:
    out = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        elif not path.exists():
            raise LoadError("no such file or folder", file=str(path))
        else:
            out.append(path)
    return out


def plan_positions(paths: list[Path] | None = None, ref: ActorIndex | None = None) -> LoadPlan:
    """Validate position files (default: the bundled dataset) into a plan; raises on any error."""
    ref = (ref or reference()).copy()  # files may declare extra actors
    sessions = load_sessions()
    files = _expand(paths) if paths else bundled_position_files()
    plan = LoadPlan()
    errors: list[LoadError] = []
    seen: dict[str, str] = {}
    for path in files:
        if path.suffix not in (".yaml", ".yml"):
            errors.append(LoadError("not a positions file (.yaml); for votes use --votes",
                                    file=str(path)))  # fmt: skip
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
    plan.steps = reference_steps(ref) + plan.steps
    plan.positions = sum(
        len(e.support) + len(e.oppose) + len(e.neutral) + (1 if e.proposer else 0)
        for e in plan.events
    )
    return plan


def execute(store: Store, plan: LoadPlan, progress: Callable[[int], None] | None = None) -> None:
    """Write the plan in one atomic write."""
    store.write(plan.steps, progress)


def merge(plan: LoadPlan, other: LoadPlan) -> LoadPlan:
    """One plan writing both (still one atomic write)."""
    plan.files += other.files
    plan.events += other.events
    plan.steps += other.steps
    plan.positions += other.positions
    plan.votes += other.votes
    return plan


def plan_bundled() -> LoadPlan:
    """The whole bundled dataset: every position file and the framing General Assembly votes."""
    from loaders.votes import bundled_votes_files, plan_votes

    plan = plan_positions()
    for path in bundled_votes_files():
        merge(plan, plan_votes(path))
    return plan


def plan_report(path: Path, session: str | None = None, date: str | None = None):
    """Extract a prose report and plan its events (with file, offsets and passage) for loading.

    Returns the plan and the names the extractor could not resolve (reported, never dropped).
    """
    from graphkit.ingest import event_steps as steps_of
    from loaders.extract import extract_file, to_events

    if session is not None and session not in load_sessions():
        raise LoadError(f"unknown session {session!r}", file=str(path))
    result = extract_file(path, session=session, date=date)
    events = to_events(path, result, default_session=session)
    plan = LoadPlan(files=[str(path)], events=events)
    plan.steps = reference_steps(reference()) + steps_of(events, Path(path).name)
    plan.positions = sum(
        len(e.support) + len(e.oppose) + len(e.neutral) + (1 if e.proposer else 0) for e in events
    )
    return plan, result.unresolved
