"""The generic layout: one CSV, one row per vote, columns in any order.

- `roll_call`: the roll call; its proposal id is `RC-<roll_call>` (characters outside
  `A-Za-z0-9._-` become `-`), but a value that already is a project id (`UNGA-RC-9087`,
  `RC-...`) is kept, so a roll call taken from the unvotes data stays one proposal;
- `session`: a known session id (`AHC-7`, `UNGA-74`) or a General Assembly session number
  (`74` -> `UNGA-74`);
- `date`: ISO date (`2019-12-27`), may be empty;
- `title`: what was voted on;
- `resolution`: the resolution symbol as written (`A/RES/74/247`, `R/74/247`), may be empty;
- `actor`: ISO 3166-1 alpha-3 code, or any name or alias the actor reference resolves
  (historical members too: `SUN`, `USSR`); an actor means what it says (no date rules);
- `vote`: `yes`, `no`, `abstain` (any case; also `Y`, `N`, `A`).

The roll-call columns repeat on every row of a roll call and must agree.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from graphkit.model import RollCall
from loaders.actors import ActorIndex
from loaders.dataset import load_sessions
from loaders.votes.csvfile import GENERIC_COLUMNS, CsvText, Errors
from loaders.votes.rows import INVALID, RowLayout, collect_votes
from loaders.votes.symbols import (
    MAX_SESSION,
    UNGA,
    generic_roll_call_id,
    iso_date,
    issue_key,
    listed,
    normalize_resolution,
    unga_session,
    whole_number,
)

_CALL_FIELDS = ("session", "date", "title", "resolution")


@dataclass
class Call:
    line: int
    id: str
    session: str
    date: str | None
    fields: tuple[str, str, str, str]  # session, date, title, resolution as written


def read_generic(path: Path, index: ActorIndex, sessions: set[str] | None, rcids):
    """Votes and roll calls of the file (those selected by `sessions` and `rcids`)."""
    from loaders.votes import VoteData, historical_used

    errors = Errors(str(path))
    wanted = None if rcids is None else {str(r).strip() for r in listed(rcids)}
    calls: dict[str, Call | None] = {}  # roll_call as written (stripped) -> call (None: invalid)
    with CsvText(path) as (header, rows):
        layout = _layout(header, index, sessions, wanted, calls, errors)
        votes = collect_votes(rows, layout, errors, f"{path.name}:")
    errors.raise_if_any()

    used = {v.roll_call for v in votes}
    roll_calls, resolutions = [], {}
    unga_dates: dict[int, list[str | None]] = {}
    for raw_rc, call in calls.items():
        if call is None or call.id not in used:
            continue
        _, _, title, resolution = call.fields
        roll_calls.append(RollCall(
            id=call.id, session=call.session, date=call.date,
            title=title or f"Roll call {raw_rc}", resolution=resolution or None,
            issue=issue_key(resolution, call.id), source=f"{path.name}:{call.line}",
        ))  # fmt: skip
        resolutions[call.id] = normalize_resolution(resolution)
        match = UNGA.match(call.session)
        if match:
            unga_dates.setdefault(int(match.group(1)), []).append(call.date)
    infos = [unga_session(n, unga_dates[n]) for n in sorted(unga_dates)]
    return VoteData("generic", [str(path)], roll_calls, votes, infos,
                    historical_used(votes, index), resolutions)  # fmt: skip


def _layout(header, index: ActorIndex, sessions, wanted, calls, errors: Errors) -> RowLayout:
    """The generic columns and lookups: a roll call is validated at its first row and checked
    for agreement on every row; an actor is resolved once per spelling."""
    i_rc, i_s, i_d, i_t, i_r, i_a, i_v = (header.index(c) for c in GENERIC_COLUMNS)
    known_sessions = load_sessions()
    ids: dict[str, str] = {}  # roll call id -> roll_call as written (two spellings, one id)
    rc_fast: dict[str, str] = {}
    actor_fast: dict[str, str] = {}

    def fields_of(row: list[str]) -> tuple[str, str, str, str]:
        return row[i_s].strip(), row[i_d].strip(), row[i_t].strip(), row[i_r].strip()

    def agrees(call: Call, row: list[str], line: int) -> bool:
        fields = fields_of(row)
        if call.fields == fields:
            return True
        k = next(k for k in range(4) if call.fields[k] != fields[k])
        errors.add(
            f"roll call {row[i_rc].strip()[:40]!r} has {_CALL_FIELDS[k]} {fields[k][:60]!r} "
            f"here but {call.fields[k][:60]!r} on line {call.line}",
            line, fields[k][:60],
        )  # fmt: skip
        return False

    def roll_call(row: list[str], line: int) -> str | None:
        raw = row[i_rc].strip()
        if raw not in calls:
            call = _new_call(raw, fields_of(row), line, known_sessions, errors)
            if call is not None and ids.setdefault(call.id, raw) != raw:
                errors.add(f"roll_call {raw[:40]!r} and {ids[call.id][:40]!r} are both "
                           f"{call.id[:40]}", line, raw[:40])  # fmt: skip
                call = None
            calls[raw] = call
        call = calls[raw]
        if call is None:
            return INVALID  # reported at its first row; the voter and vote are still checked
        if not agrees(call, row, line):
            return None
        if (wanted is not None and raw not in wanted and call.id not in wanted) or (
            sessions is not None and call.session not in sessions
        ):
            return None
        rc_fast[row[i_rc]] = call.id
        return call.id

    by_id: dict[str, Call] = {}

    def check(row: list[str], line: int, rc_id: str) -> bool:
        call = by_id.get(rc_id)
        if call is None:
            call = by_id[rc_id] = calls[ids[rc_id]]
        return agrees(call, row, line)

    def actor(row: list[str], line: int, rc_id: str) -> str | None:
        raw = row[i_a]
        name = raw.strip()
        code = index.resolve(name)
        if code is None:
            errors.add(f"unknown actor {name[:60]!r}", line, raw[:60],
                       index.suggest(name[:200]) if name else None)  # fmt: skip
            return None
        if index.is_group(code):
            errors.add(f"{name[:60]!r} is a group: votes are cast by states", line, raw[:60])
            return None
        actor_fast[raw] = code
        return code

    return RowLayout(
        width=len(header), i_rc=i_rc, i_actor=i_a, i_vote=i_v, i_label=i_a,
        roll_call=roll_call, actor=actor, label=lambda rc_id: repr(ids[rc_id]), check=check,
        rc_fast=rc_fast, actor_fast=actor_fast,
    )  # fmt: skip


def _new_call(raw_rc: str, fields, line: int, known_sessions, errors: Errors) -> Call | None:
    raw_session, raw_date, _, _ = fields
    n_before = len(errors.items)
    rc_id = generic_roll_call_id(raw_rc) if raw_rc else ""
    if rc_id in ("", "RC-"):
        errors.add(f"roll_call {raw_rc[:40]!r} is empty or has no usable characters", line,
                   raw_rc[:40])  # fmt: skip
    session = None
    number = whole_number(raw_session)
    if raw_session in known_sessions or UNGA.match(raw_session):
        session = raw_session
    elif number is not None and 1 <= number <= MAX_SESSION:
        session = f"UNGA-{number}"
    else:
        close = difflib.get_close_matches(raw_session[:40], sorted(known_sessions), n=2)
        errors.add(
            f"unknown session {raw_session[:40]!r}: a session id (AHC-7, UNGA-74) or a General "
            f"Assembly session number (1 to {MAX_SESSION})",
            line, raw_session[:40], close,
        )  # fmt: skip
    date = iso_date(raw_date) if raw_date else None
    if raw_date and date is None:
        errors.add(f"date {raw_date[:40]!r} is not an ISO date (YYYY-MM-DD)", line, raw_date[:40])
    if len(errors.items) > n_before or session is None:
        return None
    return Call(line, rc_id, session, date, fields)
