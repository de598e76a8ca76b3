"""The one row loop of the votes loader, shared by both layouts.

A layout says where its columns are and how to turn a row's roll call and voter into project
ids; the loop does everything else: line numbers, the field count, vote values, duplicate votes,
the error cap. It is the hot path of the 870,109-vote history (`bench/load_votes.py`), so the
common case is two dict lookups per row: a layout fills `rc_fast` (roll call as written -> id)
and `actor_fast` (voter as written -> code) with the values that need no further checking, and
is called only on a miss.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graphkit.model import Vote
from loaders.votes.csvfile import Errors, Numbered

VOTE_VALUES = {
    "yes": "yes", "y": "yes",
    "no": "no", "n": "no",
    "abstain": "abstain", "a": "abstain", "abstention": "abstain",
}  # fmt: skip
INVALID = ""  # a roll call id of a row whose roll call is invalid: validate the row, keep nothing


@dataclass
class RowLayout:
    """Where a layout's columns are, and its two lookups for the misses of the fast dicts.

    roll_call(row, line) -> id, INVALID (reported; check the voter and vote all the same), or
    None (skip the row: not selected, or reported). actor(row, line, rc_id) -> code or None
    (reported). check(row, line, rc_id) -> False to skip a row of a known roll call (reported).
    """

    width: int
    i_rc: int
    i_actor: int
    i_vote: int
    i_label: int  # the column quoted when a voter votes twice
    roll_call: Callable[[list[str], int], str | None]
    actor: Callable[[list[str], int, str], str | None]
    label: Callable[[str], str]  # how a duplicate's message names the roll call
    check: Callable[[list[str], int, str], bool] | None = None
    rc_fast: dict[str, str] = field(default_factory=dict)
    actor_fast: dict[str, str] = field(default_factory=dict)


def collect_votes(rows: Numbered, layout: RowLayout, errors: Errors, prefix: str) -> list[Vote]:
    """Votes of every row (source `prefix` + line); problems go to `errors` (reading stops
    when it is full). Kept as one flat loop on purpose: this is ~80% of the load's CPU time."""
    reader = rows.reader  # no generator: the line is counted inline
    width, i_rc, i_actor, i_vote = layout.width, layout.i_rc, layout.i_actor, layout.i_vote
    rc_fast, actor_fast = layout.rc_fast, layout.actor_fast
    roll_call, actor, check = layout.roll_call, layout.actor, layout.check
    values = VOTE_VALUES
    votes: list[Vote] = []
    append = votes.append
    # Vote(...) runs four object.__setattr__ calls (a frozen dataclass): a third of the loop's
    # time. The same record is built by filling a new instance's __dict__ (test_votes compares
    # the records to Vote(...)); a Vote with __slots__ would take the plain way.
    new, plain = object.__new__, hasattr(Vote, "__slots__")
    voters: dict[str, set[str]] = {}  # roll call id -> codes that voted (duplicate check)
    end = reader.line_num
    for row in reader:
        line = end + 1
        end = reader.line_num
        if len(row) != width:
            if any(cell.strip() for cell in row):
                errors.add(f"{len(row)} fields, expected {width}", line, row[: width + 1])
                if errors.full:
                    break
            continue
        rc_id = rc_fast.get(row[i_rc])
        if rc_id is None:
            rc_id = roll_call(row, line)
            if rc_id is None:
                if errors.full:
                    break
                continue
        elif check is not None and not check(row, line, rc_id):
            if errors.full:
                break
            continue
        code = actor_fast.get(row[i_actor])
        if code is None:
            code = actor(row, line, rc_id)
        vote = values.get(row[i_vote])
        if vote is None:
            raw_vote = row[i_vote]
            vote = values.get(raw_vote.strip().lower())
            if vote is None:
                errors.add(f"vote {raw_vote[:40]!r} must be yes, no or abstain (or Y, N, A)",
                           line, raw_vote[:40])  # fmt: skip
        if code is None or vote is None or not rc_id:  # not rc_id: INVALID
            if errors.full:
                break
            continue
        codes = voters.get(rc_id)
        if codes is None:
            codes = voters[rc_id] = set()
        elif code in codes:
            first = next(v.source for v in reversed(votes) if v.roll_call == rc_id
                         and v.actor == code)  # fmt: skip
            errors.add(f"{code} votes twice on roll call {layout.label(rc_id)} (first on {first})",
                       line, row[layout.i_label])  # fmt: skip
            if errors.full:
                break
            continue
        codes.add(code)
        if plain:
            append(Vote(rc_id, code, vote, prefix + str(line)))
            continue
        record = new(Vote)
        fields = record.__dict__
        fields["roll_call"], fields["actor"] = rc_id, code
        fields["vote"], fields["source"] = vote, prefix + str(line)
        append(record)
    return votes
