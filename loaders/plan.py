"""A load plan: what a load will write, built and validated before the database is touched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graphkit.model import Event
from graphkit.store import Step, Store
from graphkit.store.ingest import actor_steps, session_steps
from loaders.actors import ActorIndex
from loaders.dataset import load_sessions


@dataclass
class LoadPlan:
    """Steps for one atomic write, and what they hold (for the summary line)."""

    files: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    positions: int = 0
    votes: int = 0


def reference_steps(ref: ActorIndex) -> list[Step]:
    """Actors, groups, memberships and sessions: merged on every load (cheap, idempotent)."""
    return actor_steps(ref.actors.values(), ref.groups) + session_steps(load_sessions().values())


def positions_in(events: list[Event]) -> int:
    """Actor positions the events state (the proposer counts once)."""
    return sum(
        len(e.support) + len(e.oppose) + len(e.neutral) + (1 if e.proposer else 0) for e in events
    )


def merge(plan: LoadPlan, other: LoadPlan) -> LoadPlan:
    """One plan writing both (still one atomic write)."""
    plan.files += other.files
    plan.events += other.events
    plan.steps += other.steps
    plan.positions += other.positions
    plan.votes += other.votes
    return plan


def execute(store: Store, plan: LoadPlan, progress: Callable[[int], None] | None = None) -> None:
    """Write the plan in one atomic write."""
    store.write(plan.steps, progress)
