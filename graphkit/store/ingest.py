"""Typed records to write steps (named query + UNWIND batch). Pure: no database here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from graphkit.model import Actor, Event, RollCall, SessionInfo, Vote
from graphkit.store import Step

BATCH = 5000


def _batches(name: str, rows: list[dict], size: int | None = None) -> Iterator[Step]:
    size = size or BATCH  # read at call time, so benchmarks can vary it
    for i in range(0, len(rows), size):
        yield (name, {"rows": rows[i : i + size]})


def actor_steps(actors: Iterable[Actor], groups: dict[str, tuple[str, ...]]) -> list[Step]:
    actors = sorted(actors, key=lambda a: a.code)
    rows = [
        {
            "code": a.code,
            "name": a.name,
            "kind": a.kind,
            "region": a.region,
            "successor": a.successor,
        }
        for a in actors
    ]
    known = {a.code for a in actors}
    members = [
        {"member": m, "group": g}
        for g in sorted(groups)
        for m in groups[g]
        if m in known and g in known
    ]
    return [*_batches("write_actors", rows), *_batches("write_memberships", members)]


def session_steps(sessions: Iterable[SessionInfo]) -> list[Step]:
    rows = [
        {
            "id": s.id,
            "name": s.name,
            "start": s.start,
            "end": s.end,
            "venue": s.venue,
            "body": s.body,
        }
        for s in sorted(sessions, key=lambda s: s.id)
    ]
    return list(_batches("write_sessions", rows))


def event_steps(events: list[Event], dataset: str) -> list[Step]:
    """Proposals, then their positions (replacing earlier versions of the same proposals)."""
    proposals, stances, proposed = [], [], []
    for ev in events:
        cite = ev.citation
        source = str(cite)
        proposals.append(
            {
                "id": ev.id,
                "session": ev.session,
                "issue": ev.issue,
                "option": ev.option,
                "kind": ev.kind,
                "date": ev.date,
                "title": None,
                "source": source,
                "source_file": cite.file,
                "char_start": cite.start,
                "char_end": cite.end,
                "locator": cite.locator,
                "text": cite.text,
                "dataset": dataset,
                "topics": None,
            }
        )
        sides = [("support", c) for c in ((ev.proposer,) if ev.proposer else ()) + ev.support]
        sides += [("oppose", c) for c in ev.oppose] + [("neutral", c) for c in ev.neutral]
        for stance, code in sides:
            stances.append(
                {
                    "actor": code,
                    "proposal": ev.id,
                    "stance": stance,
                    "proposer": code == ev.proposer,
                    "on_behalf_of": ev.on_behalf_of.get(code),
                    "date": ev.date,
                    "source": source,
                    "source_file": cite.file,
                    "char_start": cite.start,
                    "char_end": cite.end,
                    "dataset": dataset,
                }
            )
        if ev.proposer:
            proposed.append(
                {
                    "actor": ev.proposer,
                    "proposal": ev.id,
                    "on_behalf_of": ev.on_behalf_of.get(ev.proposer),
                    "source": source,
                }
            )
    ids = [ev.id for ev in events]
    clear = [("clear_positions", {"ids": ids[i : i + BATCH]}) for i in range(0, len(ids), BATCH)]
    return [
        *clear,
        *_batches("write_proposals", proposals),
        *_batches("write_stances", stances),
        *_batches("write_proposed", proposed),
    ]


def vote_steps(roll_calls: list[RollCall], votes: list[Vote], batch: int = BATCH) -> list[Step]:
    proposals = [
        {
            "id": rc.id,
            "session": rc.session,
            "issue": rc.issue,
            "option": rc.title,
            "kind": "vote",
            "date": rc.date,
            "title": rc.resolution,
            "source": rc.source,
            "source_file": rc.source,
            "char_start": None,
            "char_end": None,
            "locator": None,
            "text": None,
            "dataset": rc.source,
            "topics": list(rc.topics) or None,
        }
        for rc in roll_calls
    ]
    rows = [
        {"actor": v.actor, "proposal": v.roll_call, "vote": v.vote, "source": v.source}
        for v in votes
    ]
    return [*_batches("write_proposals", proposals, batch), *_batches("write_votes", rows, batch)]


def bloc_steps(reports: list, tracking=None) -> list[Step]:
    """(:Bloc) nodes, IN_BLOC edges and SUCCEEDED_BY lineage for per-session bloc reports.

    A bloc node's id is `method/session/bloc`; `bloc` is the id tracked across sessions, so the
    same camp keeps its number (and its color in the Browser) from one session to the next.
    """
    if not reports:
        return []
    method = reports[0].method
    blocs, members = [], []
    for r in reports:
        for b in r.blocs:
            node = f"{method}/{r.session}/{b.id}"
            blocs.append(
                {
                    "id": node,
                    "session": r.session,
                    "bloc": b.id,
                    "label": b.label,
                    "name": b.name,  # the user's name for the tracked bloc (--names), or None
                    "method": method,
                    "resolution": r.resolution,
                    "seed": r.seed,
                    "runs": r.runs,
                    "cohesion": b.cohesion,
                    "size": len(b.members),
                    "modularity": r.modularity,
                    "zscore": r.zscore,
                }
            )
            members += [
                {"actor": m, "bloc": node, "confidence": r.membership[m][1], "session": r.session}
                for m in b.members
            ]
    lineage = []
    if tracking is not None:
        sessions = [s for s in tracking.sessions if tracking.lineage.get(s)]  # skip empty ones
        for before, after in zip(sessions, sessions[1:], strict=False):
            for bloc, now in tracking.lineage.get(after, {}).items():
                then = tracking.lineage.get(before, {}).get(bloc)
                if then:
                    jac = len(set(then) & set(now)) / len(set(then) | set(now))
                    lineage.append(
                        {
                            "source": f"{method}/{before}/{bloc}",
                            "target": f"{method}/{after}/{bloc}",
                            "jaccard": jac,
                        }
                    )
    clear = ("clear_blocs", {"sessions": [r.session for r in reports], "method": method})
    return [
        clear,
        *_batches("write_blocs", blocs),
        *_batches("write_bloc_members", members),
        *_batches("write_bloc_lineage", lineage),
    ]
