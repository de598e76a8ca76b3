"""Subgraphs out of the database (through named queries) into typed records and NetworkX.

Windows: one session, several, a date range, an issue (key prefix), a General Assembly topic
of the roll calls, and the source of evidence (stated positions, recorded votes, or both).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from graphkit.errors import InvalidParams
from graphkit.model import Position
from graphkit.store import Store

SOURCES = {"positions": "position", "votes": "vote", "both": None}
# The General Assembly roll calls' topics (the unvotes data's `un_roll_call_issues`)
UNGA_TOPICS = {
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "hr": "Human rights",
    "co": "Colonialism",
    "ec": "Economic development",
}


@dataclass(frozen=True)
class Window:
    """Which part of the graph to analyse; carried into reports so results say what they used."""

    sessions: tuple[str, ...] | None = None
    date_from: str | None = None
    date_to: str | None = None
    issue: str | None = None
    source: str = "positions"
    topic: str | None = None  # a General Assembly topic code (hr) or name (human rights)

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise InvalidParams(
                f"source must be one of {', '.join(SOURCES)}, got {self.source!r}", param="source"
            )
        if self.topic is not None:
            object.__setattr__(self, "topic", topic_code(self.topic))
            if self.source == "positions":
                raise InvalidParams(
                    "a topic selects General Assembly roll calls, which are votes: choose the "
                    "votes (or both) as the source",
                    param="source",
                )
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                try:
                    dt.date.fromisoformat(value)
                except (TypeError, ValueError):
                    raise InvalidParams(
                        f"{name.replace('_', ' ')} must be a date YYYY-MM-DD, got "
                        f"{str(value)[:40]!r}",
                        param=name,
                    ) from None

    def params(self) -> dict:
        return {
            "sessions": list(self.sessions) if self.sessions else None,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "issue": self.issue,
            "topic": self.topic,
            "kind": SOURCES[self.source],
        }


def topic_code(text: str) -> str:
    """`hr`, `HR` or `human rights` -> `hr`; anything else is refused with the known topics."""
    key = str(text).strip().lower()
    for code, name in UNGA_TOPICS.items():
        if key in (code, name.lower()):
            return code
    known = ", ".join(f"{c} ({n})" for c, n in UNGA_TOPICS.items())
    raise InvalidParams(f"unknown topic {str(text)[:40]!r}; the topics are {known}", param="topic")


def export_positions(store: Store, window: Window = Window()) -> list[Position]:
    """Positions of a window, sorted by session, proposal and actor (stable input order)."""
    out = []
    for row in store.run("export_positions", **window.params()):
        kind = row["kind"] or "position"
        for cell in sorted(row["cells"]):
            actor, stance, behalf, proposer = cell.split(" ")
            out.append(
                Position(
                    actor=actor,
                    proposal=row["proposal"],
                    issue=row["issue"],
                    stance=stance,
                    session=row["session"],
                    date=row["date"],
                    kind=kind,
                    on_behalf_of=None if behalf == "-" else behalf,
                    proposer=proposer == "p",
                )
            )
    return out


def by_session(positions: Sequence[Position], order: Sequence[str]) -> dict[str, list[Position]]:
    """Positions grouped by session, sessions in the given (chronological) order."""
    groups: dict[str, list[Position]] = {}
    for p in positions:
        groups.setdefault(p.session, []).append(p)
    ranked = {s: i for i, s in enumerate(order)}
    return {s: groups[s] for s in sorted(groups, key=lambda s: (ranked.get(s, len(ranked)), s))}


@dataclass(frozen=True)
class Context:
    """What the analysis needs to know about actors: groups, their members, kinds, names."""

    membership: dict[str, list[str]]  # group -> member codes
    actor_groups: dict[str, set[str]]  # actor -> groups it belongs to
    kinds: dict[str, str]
    names: dict[str, str]
    session_order: list[str]


def context(store: Store) -> Context:
    membership = {r["group"]: list(r["members"]) for r in store.run("group_members")}
    actor_groups: dict[str, set[str]] = {}
    for group, members in membership.items():
        for m in members:
            actor_groups.setdefault(m, set()).add(group)
    actors = store.run("actor_names")
    sessions = [r["session"] for r in store.run("sessions")]
    return Context(
        membership=membership,
        actor_groups=actor_groups,
        kinds={r["code"]: r["kind"] for r in actors},
        names={r["code"]: r["name"] for r in actors},
        session_order=sessions,
    )


def bipartite_graph(positions: Sequence[Position]):
    """Actor-proposal graph (sorted insertion), edge attribute `stance`."""
    import networkx as nx  # here, not at the top: loaders read UNGA_TOPICS without it

    G = nx.Graph()
    for p in sorted(positions, key=lambda p: (p.actor, p.proposal)):
        G.add_node(p.actor, kind="actor")
        G.add_node(p.proposal, kind="proposal", issue=p.issue, session=p.session)
        G.add_edge(p.actor, p.proposal, stance=p.stance, on_behalf_of=p.on_behalf_of or "")
    return G
