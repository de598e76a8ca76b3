"""Recorded roll-call votes to validated `RollCall` / `Vote` records and a `LoadPlan`.

Two layouts, told apart by the header of the votes file: **unvotes**, the UN General Assembly
data of the `unvotes` package read as is (`unvotes.py`), and **generic**, one CSV row per vote
(`generic.py`). Both feed the one row loop of `rows.py`; the historical members and the dated
country codes are data (`data/unga_members.yaml`, read by `history.py`).

Records:

- Roll calls: id `UNGA-RC-<rcid>` (generic: `RC-<roll_call>`); session `UNGA-<n>`; `resolution`
  as written in the source (`R/74/247`); issue key `unga-<normalized resolution>`
  (`unga-a-res-74-247`, see `normalize_resolution`) or `unga-rc-<rcid>` when there is no usable
  symbol; title = `short`, else `descr`; topics (unvotes) from the roll-call topics file.
- Sessions `UNGA-<n>`: `SessionInfo(name="UN General Assembly 74th session", start/end = the
  first/last roll-call date of the session, venue, body="UNGA")`. For the unvotes layout the dates
  span every roll call of the session in the roll-calls file (so a slice gives the same dates);
  for the generic layout, the roll calls in the file.

Everything is validated before a plan is returned: an unknown country or name, a bad vote value,
a bad date, a roll call missing from the roll-calls file, a duplicate vote, a file without votes:
each is a `LoadError` with the file, the 1-based line in the (decompressed) CSV (header = line
1), the value, and the closest known names. Up to `MAX_ERRORS` problems are collected, then
`LoadErrors` is raised.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.model import Actor, RollCall, SessionInfo, Vote
from graphkit.store.ingest import BATCH, actor_steps, session_steps, vote_steps
from loaders.actors import ActorIndex, reference
from loaders.errors import LoadError
from loaders.plan import LoadPlan, reference_steps
from loaders.resources import data_dir
from loaders.votes.csvfile import (
    GENERIC_COLUMNS,
    MAX_ERRORS,
    UNVOTES_COLUMNS,
    check_file,
    detect_layout,
    gc_paused,
    read_header,
)
from loaders.votes.history import history, vote_index
from loaders.votes.rows import VOTE_VALUES
from loaders.votes.symbols import issue_key, normalize_resolution, session_set, unga_session
from loaders.votes.unvotes import (
    ROLL_CALLS_BESIDE,
    TOPICS_BESIDE,
    beside,
    read_unvotes,
    roll_calls_beside,
)

__all__ = [
    "BUNDLED", "BUNDLED_RCIDS", "GENERIC_COLUMNS", "HISTORICAL", "HISTORY_TABLE", "MAX_ERRORS",
    "ROLL_CALLS_BESIDE", "TOPICS_BESIDE", "UNVOTES_COLUMNS", "VOTE_VALUES", "VoteData",
    "bundled_votes_files", "detect_layout", "issue_key", "make_bundled", "normalize_resolution",
    "plan_from", "plan_votes", "read_votes", "unga_session", "vote_index", "write_generic",
]  # fmt: skip

HISTORICAL: tuple[Actor, ...] = history().historical
HISTORY_TABLE: str = history().table


@dataclass
class VoteData:
    """Everything read from one votes source, validated."""

    layout: str  # "unvotes" | "generic"
    files: list[str]
    roll_calls: list[RollCall] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    sessions: list[SessionInfo] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # historical members voting here
    resolutions: dict[str, str | None] = field(default_factory=dict)  # roll call -> A/RES/...


def historical_used(votes: list[Vote], index: ActorIndex) -> list[Actor]:
    codes = {v.actor for v in votes}
    return [index.actors[c] for c in sorted(codes) if index.actors[c].kind == "historical"]


def read_votes(
    votes_path: Path | str,
    roll_calls_path: Path | str | None = None,
    *,
    topics_path: Path | str | None = None,
    ref: ActorIndex | None = None,
    sessions_filter: Iterable[int | str] | int | str | None = None,
    rcids: Iterable[int | str] | int | str | None = None,
) -> VoteData:
    """Read and validate a votes file (either layout); raises LoadError / LoadErrors.

    `sessions_filter`: session numbers or ids (`74`, `"UNGA-74"`); `rcids`: unvotes rcids or
    roll-call ids (`9087`, `"UNGA-RC-9087"`; generic layout: the `roll_call` value or its id).
    `topics_path` (unvotes): the roll-call topics, by default found beside the votes.
    """
    path = Path(votes_path)
    check_file(path)
    index = vote_index(ref)
    layout = detect_layout(read_header(path), str(path))
    sessions = session_set(sessions_filter)
    if layout == "unvotes":
        rc_path = _given(roll_calls_path) or roll_calls_beside(path)
        topics = _given(topics_path) or beside(path, TOPICS_BESIDE)
        with gc_paused():
            data = read_unvotes(path, rc_path, topics, index, sessions, rcids)
    else:
        for given, what in ((roll_calls_path, "roll-calls"), (topics_path, "topics")):
            if given:
                raise LoadError(
                    f"the generic layout holds its roll calls itself: no {what} file is used",
                    file=str(given),
                )
        from loaders.votes.generic import read_generic

        with gc_paused():
            data = read_generic(path, index, sessions, rcids)
    if not data.votes and sessions is None and rcids is None:
        raise LoadError("holds no votes (a header only)", file=str(path))
    return data


def _given(path: Path | str | None) -> Path | None:
    if path is None:
        return None
    check_file(Path(path))
    return Path(path)


def plan_votes(
    votes_path: Path | str,
    roll_calls_path: Path | str | None = None,
    *,
    topics_path: Path | str | None = None,
    ref: ActorIndex | None = None,
    sessions_filter: Iterable[int | str] | int | str | None = None,
    rcids: Iterable[int | str] | int | str | None = None,
    batch: int = BATCH,
    with_reference: bool = True,
) -> LoadPlan:
    """Validate a votes source into a plan (reference actors and sessions, the historical members
    and UNGA sessions it uses, its roll calls and votes); raises on any problem. Every step
    MERGEs, so loading twice changes nothing; `execute` writes it atomically."""
    data = read_votes(votes_path, roll_calls_path, topics_path=topics_path, ref=ref,
                      sessions_filter=sessions_filter, rcids=rcids)  # fmt: skip
    return plan_from(data, ref=ref, batch=batch, with_reference=with_reference)


def plan_from(
    data: VoteData,
    *,
    ref: ActorIndex | None = None,
    batch: int = BATCH,
    with_reference: bool = True,
) -> LoadPlan:
    """The plan of validated vote data; `with_reference=False` when the caller adds it once."""
    plan = LoadPlan(files=list(data.files))
    if with_reference:
        plan.steps = reference_steps(ref or reference())
    plan.steps += actor_steps(data.actors, {})
    plan.steps += session_steps(data.sessions)
    with gc_paused():
        plan.steps += vote_steps(data.roll_calls, data.votes, batch)
    plan.votes = len(data.votes)
    return plan


# -- the bundled file -----------------------------------------------------------------------------
BUNDLED = "votes/unga_cybercrime_resolutions.csv"
# A/RES/73/187 (17 Dec 2018) and A/RES/74/247 (27 Dec 2019) in the unvotes data.
BUNDLED_RCIDS = (6138, 9087)


def bundled_votes_files() -> list[Path]:
    return sorted((data_dir() / "votes").glob("*.csv"))


def write_generic(data: VoteData, out) -> int:
    """Write roll calls and votes in the generic layout (rows by roll call, then actor code)."""
    calls = {rc.id: rc for rc in data.roll_calls}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GENERIC_COLUMNS)
    rows = 0
    order = {rc.id: i for i, rc in enumerate(data.roll_calls)}
    for v in sorted(data.votes, key=lambda v: (order[v.roll_call], v.actor)):
        rc = calls[v.roll_call]
        writer.writerow(
            [rc.id, rc.session, rc.date or "", rc.title, rc.resolution or "", v.actor, v.vote]
        )
        rows += 1
    return rows


def make_bundled(unvotes_dir: Path | str, out: Path | str | None = None) -> Path:
    """Regenerate the bundled CSV from the unvotes data (`bench/make_bundled_votes.py`)."""
    unvotes_dir = Path(unvotes_dir)
    target = Path(out) if out else data_dir() / BUNDLED
    data = read_votes(unvotes_dir / "un_votes.csv.gz", rcids=BUNDLED_RCIDS)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="") as f:
        write_generic(data, f)
    return target
