"""The unvotes layout: the UN General Assembly data of the `unvotes` package (Voeten), as is.

- votes: `rcid, country, country_code, vote` (`country_code` ISO 3166-1 alpha-2);
- roll calls (found beside the votes as `un_roll_calls.csv.gz` / `.csv` when not given):
  `rcid, session, importantvote, date, unres, amend, para, short, descr`;
- topics (optional, beside them as `un_roll_call_issues.csv.gz` / `.csv`): `rcid, short_name,
  issue`, one row per topic of a roll call (`me`, `nu`, `di`, `hr`, `co`, `ec`).

Countries: ISO alpha-2 -> the project's ISO3 code; historical members and codes reused across
a change of state by `history.CountryResolver`; rows without a code by the country name.
"""

from __future__ import annotations

from pathlib import Path

from graphkit.model import RollCall
from graphkit.store.export import UNGA_TOPICS
from graphkit.textsafe import printable
from loaders.actors import ActorIndex
from loaders.errors import LoadError
from loaders.votes.csvfile import UNVOTES_COLUMNS, CsvText, Errors
from loaders.votes.history import CountryResolver
from loaders.votes.rows import RowLayout, collect_votes
from loaders.votes.symbols import (
    as_rcid,
    iso_date,
    issue_key,
    listed,
    normalize_resolution,
    unga_session,
    whole_number,
)

ROLL_CALL_COLUMNS = ("rcid", "session", "date", "unres", "short", "descr")
ROLL_CALL_OPTIONAL = ("importantvote", "amend", "para")
TOPIC_COLUMNS = ("rcid", "short_name")
ROLL_CALLS_BESIDE = ("un_roll_calls.csv.gz", "un_roll_calls.csv")
TOPICS_BESIDE = ("un_roll_call_issues.csv.gz", "un_roll_call_issues.csv")
Table = dict[str, tuple[int, int, str | None, str, str]]  # rcid -> (line, session, date, ...)


def read_roll_calls(path: Path) -> Table:
    """rcid -> (line, session number, date, unres, title) for every roll call of the file."""
    errors = Errors(str(path))
    out: Table = {}
    with CsvText(path) as (header, rows):
        missing = [c for c in ROLL_CALL_COLUMNS if c not in header]
        if missing:
            raise LoadError(
                f"not an unvotes roll-calls file: missing column(s) {', '.join(missing)} "
                f"(expected {', '.join(ROLL_CALL_COLUMNS + ROLL_CALL_OPTIONAL)})",
                file=str(path), line=1, value=[printable(h)[:40] for h in header[:20]],
            )  # fmt: skip
        i_id, i_s, i_d, i_u, i_short, i_descr = (header.index(c) for c in ROLL_CALL_COLUMNS)
        for line, row in rows:
            if errors.full:
                break
            if len(row) != len(header):
                if any(cell.strip() for cell in row):
                    errors.add(f"{len(row)} fields, expected {len(header)}", line)
                continue
            raw_id, raw_session, raw_date = row[i_id], row[i_s], row[i_d].strip()
            rcid, session = whole_number(raw_id), whole_number(raw_session)
            if rcid is None or session is None or not 1 <= session <= 1000:
                errors.add(f"rcid {raw_id[:20]!r} and session {raw_session[:20]!r} must be "
                           "whole numbers (session 1 to 1000)", line)  # fmt: skip
                continue
            date = iso_date(raw_date) if raw_date else None
            if raw_date and date is None:
                errors.add(f"date {raw_date[:40]!r} is not an ISO date (YYYY-MM-DD)", line)
                continue
            key = str(rcid)
            if key in out:
                errors.add(f"rcid {key} is also on line {out[key][0]}", line, raw_id)
                continue
            title = row[i_short].strip() or row[i_descr].strip() or f"Roll call {key}"
            out[key] = (line, session, date, row[i_u].strip(), title)
    errors.raise_if_any()
    if not out:
        raise LoadError("holds no roll calls (header only)", file=str(path))
    return out


def read_topics(path: Path, table: Table) -> dict[str, tuple[str, ...]]:
    """rcid -> its topic codes (sorted), checked against the roll calls and the known topics."""
    errors = Errors(str(path))
    found: dict[str, set[str]] = {}
    seen: dict[tuple[str, str], int] = {}
    with CsvText(path) as (header, rows):
        missing = [c for c in TOPIC_COLUMNS if c not in header]
        if missing:
            raise LoadError(
                f"not an unvotes roll-call topics file: missing column(s) {', '.join(missing)} "
                "(expected rcid, short_name, issue)",
                file=str(path), line=1,
            )  # fmt: skip
        i_id, i_topic = (header.index(c) for c in TOPIC_COLUMNS)
        for line, row in rows:
            if errors.full:
                break
            if len(row) != len(header):
                if any(cell.strip() for cell in row):
                    errors.add(f"{len(row)} fields, expected {len(header)}", line)
                continue
            rcid, topic = as_rcid(row[i_id]), row[i_topic].strip().lower()
            if rcid not in table:
                errors.add(f"roll call {row[i_id][:20]!r} is not in the roll-calls file", line)
            elif topic not in UNGA_TOPICS:
                errors.add(f"unknown topic {topic[:20]!r} (known: {', '.join(UNGA_TOPICS)})",
                           line, topic[:20])  # fmt: skip
            elif (rcid, topic) in seen:
                errors.add(f"topic {topic} of roll call {rcid} is also on line "
                           f"{seen[rcid, topic]}", line)  # fmt: skip
            else:
                seen[rcid, topic] = line
                found.setdefault(rcid, set()).add(topic)
    errors.raise_if_any()
    return {rcid: tuple(sorted(codes)) for rcid, codes in found.items()}


def beside(votes_path: Path, names: tuple[str, ...]) -> Path | None:
    for name in names:
        candidate = votes_path.parent / name
        if candidate.exists():
            return candidate
    return None


def roll_calls_beside(votes_path: Path) -> Path:
    found = beside(votes_path, ROLL_CALLS_BESIDE)
    if found is None:
        raise LoadError(
            f"no roll-calls file beside the votes ({' or '.join(ROLL_CALLS_BESIDE)} in "
            f"{votes_path.parent}): give it explicitly",
            file=str(votes_path),
        )
    return found


def read_unvotes(path: Path, rc_path: Path, topics_path: Path | None, index: ActorIndex,
                 sessions: set[str] | None, rcids):  # fmt: skip
    """Votes, roll calls, sessions and resolutions of the selected roll calls."""
    from loaders.votes import VoteData, historical_used

    table = read_roll_calls(rc_path)
    topics = read_topics(topics_path, table) if topics_path is not None else {}
    wanted = None if rcids is None else {as_rcid(r) for r in listed(rcids)}
    rc_ids = {
        rcid: f"UNGA-RC-{rcid}"
        for rcid, (_, session, *_rest) in table.items()
        if (sessions is None or f"UNGA-{session}" in sessions)
        and (wanted is None or rcid in wanted)
    }  # fmt: skip
    errors = Errors(str(path))
    with CsvText(path) as (header, rows):
        layout = _layout(header, rc_path.name, table, rc_ids, CountryResolver(index), errors)
        votes = collect_votes(rows, layout, errors, f"{path.name}:")
    errors.raise_if_any()

    used = {v.roll_call for v in votes}
    roll_calls, resolutions, used_sessions = [], {}, set()
    for rcid in sorted(rc_ids, key=int):
        rc_id = rc_ids[rcid]
        if rc_id not in used:
            continue
        line, session, date, unres, title = table[rcid]
        roll_calls.append(RollCall(
            id=rc_id, session=f"UNGA-{session}", date=date, title=title,
            resolution=unres or None, issue=issue_key(unres, rc_id),
            source=f"{rc_path.name}:{line}", topics=topics.get(rcid, ()),
        ))  # fmt: skip
        resolutions[rc_id] = normalize_resolution(unres)
        used_sessions.add(session)
    session_dates: dict[int, list[str | None]] = {}
    for _, session, date, _, _ in table.values():
        if session in used_sessions:
            session_dates.setdefault(session, []).append(date)
    infos = [unga_session(n, session_dates[n]) for n in sorted(used_sessions)]
    files = [str(path), str(rc_path)] + ([str(topics_path)] if topics_path else [])
    return VoteData("unvotes", files, roll_calls, votes, infos,
                    historical_used(votes, index), resolutions)  # fmt: skip


def _layout(header, rc_name: str, table: Table, rc_ids: dict[str, str],
            resolver: CountryResolver, errors: Errors) -> RowLayout:  # fmt: skip
    """The unvotes columns and lookups: a roll call by its rcid (as written, then canonical),
    a country by its code (date-ruled codes and code-less rows on the slow path)."""
    i_rc, i_name, i_cc, i_vote = (header.index(c) for c in UNVOTES_COLUMNS)
    dates = {rc_id: table[rcid][2] for rcid, rc_id in rc_ids.items()}

    def roll_call(row: list[str], line: int) -> str | None:
        raw = row[i_rc]
        if raw in table:
            return None  # a roll call that is not selected
        rcid = as_rcid(raw)
        rc_id = rc_ids.get(rcid)
        if rc_id is not None:
            return rc_id
        if rcid not in table:
            errors.add(f"roll call {raw[:20]!r} is not in {rc_name}", line, raw[:20])
        return None

    def actor(row: list[str], line: int, rc_id: str) -> str | None:
        cc, name = row[i_cc], row[i_name]
        code = resolver.code(cc, name, dates[rc_id])
        if code is None and (cc != cc.strip().upper() or name != name.strip()):
            cc, name = cc.strip().upper(), name.strip()
            code = resolver.code(cc, name, dates[rc_id])
        if code is None:
            why, hints = resolver.explain(cc, name)
            errors.add(why, line, (cc or name)[:60], hints)
        return code

    return RowLayout(
        width=len(header), i_rc=i_rc, i_actor=i_cc, i_vote=i_vote, i_label=i_name,
        roll_call=roll_call, actor=actor, label=lambda rc_id: rc_id.removeprefix("UNGA-RC-"),
        rc_fast=rc_ids, actor_fast=resolver.fast,
    )  # fmt: skip
