"""Curated position datasets (YAML, format in data/README.md) to validated `Event` records.

Everything is checked before anything is written: unknown actors (with the closest known
names), the same actor on two sides, malformed dates, missing or unknown fields, duplicate ids.
Errors name the file and line; all problems of a file are reported at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graphkit.model import Actor, Citation, Event, SessionInfo
from loaders.actors import ActorIndex
from loaders.errors import LoadError, LoadErrors
from loaders.resources import data_dir
from loaders.yamlfile import Lined, LinedList, read_yaml, shown

EVENT_FIELDS = {
    "id", "session", "date", "issue", "option", "proposer", "support", "oppose", "neutral",
    "on_behalf_of", "cite", "note",
}  # fmt: skip
REQUIRED = ("id", "session", "issue", "option", "cite")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")


def load_sessions(path: Path | None = None) -> dict[str, SessionInfo]:
    """The known sessions (`data/sessions.yaml` by default), by id, in file order."""
    return dict(_sessions(path or data_dir() / "sessions.yaml"))


@functools.lru_cache(maxsize=4)
def _sessions(path: Path) -> tuple[tuple[str, SessionInfo], ...]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {}
    for row in spec["sessions"]:
        out[row["id"]] = SessionInfo(
            id=row["id"],
            name=row["name"],
            start=str(row["start"]),
            end=str(row["end"]),
            venue=row.get("venue"),
            body=row.get("body", "AHC"),
        )
    return tuple(out.items())


@dataclass
class _Checker:
    """Collects errors for one file, with line numbers."""

    file: str
    errors: list[LoadError]

    def error(self, message: str, line: int | None, value: object = None, suggestions=None):
        self.errors.append(
            LoadError(message, file=self.file, line=line, value=value, suggestions=suggestions)
        )


def _date(value: Any, check: _Checker, line: int) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        check.error(f"date {shown(value)} is not an ISO date (YYYY-MM-DD)", line, value)
        return None


def _actor(name: Any, ref: ActorIndex, check: _Checker, line: int, field: str) -> str | None:
    code = ref.resolve(name) if isinstance(name, str) else None
    if code is None:
        check.error(
            f"unknown actor {shown(name)} in '{field}'",
            line,
            name,
            ref.suggest(str(name)[:200]) or None,
        )
    return code


def _actor_list(ev: Lined, field: str, ref: ActorIndex, check: _Checker) -> tuple[str, ...]:
    raw = ev.get(field)
    if raw is None:
        return ()
    line = ev.key_lines.get(field, ev.line)
    if not isinstance(raw, list):
        check.error(f"'{field}' must be a list of actors, got {shown(raw)}", line, raw)
        return ()
    codes: list[str] = []
    lines = getattr(raw, "item_lines", [line] * len(raw))
    for item, item_line in zip(raw, lines, strict=True):
        code = _actor(item, ref, check, item_line, field)
        if code and code not in codes:
            codes.append(code)
    return tuple(codes)


@dataclass(frozen=True)
class Origin:
    """The source a dataset file encodes: a report file (offsets) or a web page (locators)."""

    name: str  # report file name, or page address
    web: bool = False


SOURCE_FIELDS = {"url", "title", "publisher", "published", "accessed"}
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def _citation(cite: Any, origin: Origin, check: _Checker, line: int) -> Citation:
    """[start, end) offsets into a report, or {at: where on the page[, url: page]} for the web."""
    if origin.web:
        ok = isinstance(cite, dict) and set(cite) <= {"at", "url"}
        at = cite.get("at") if ok else None
        url = cite.get("url", origin.name) if ok else None
        if not (isinstance(at, str) and 3 <= len(at.strip()) <= 300) or not (
            isinstance(url, str) and _URL.match(url)
        ):
            check.error(
                "cite of a web source must be {at: where on the page (3-300 characters)"
                f"[, url: https://...]}}, got {shown(cite)}",
                line,
            )
            return Citation(origin.name, locator="?")
        return Citation(url, locator=at.strip())
    ok = isinstance(cite, list) and len(cite) == 2 and all(type(c) is int for c in cite)
    if not ok or not 0 <= cite[0] < cite[1]:
        if cite is not None:
            check.error(f"cite must be [start, end] with 0 <= start < end, got {shown(cite)}", line)
        return Citation(origin.name, 0, 0)
    return Citation(origin.name, cite[0], cite[1])


def _origin(doc: Lined, check: _Checker) -> Origin:
    """A file names either `report` (a seed report file) or `source` (a web page)."""
    report, source = doc.get("report"), doc.get("source")
    if source is None:
        if not isinstance(report, str) or not report:
            check.error(
                "missing 'report' (the source file name) or 'source' (a web page)", doc.line
            )
        return Origin(str(report))
    line = doc.key_lines.get("source", doc.line)
    if report is not None:
        check.error("give either 'report' or 'source', not both", line)
    if not isinstance(source, dict):
        check.error("'source' must be a mapping {url, title, publisher, published}", line)
        return Origin("?", web=True)
    for key in source:
        if key not in SOURCE_FIELDS:
            close = difflib.get_close_matches(str(key)[:40], sorted(SOURCE_FIELDS), n=1)
            check.error(f"unknown source field {shown(key)}", line, key, close or None)
    url = source.get("url")
    if not isinstance(url, str) or not _URL.match(url):
        check.error(f"source url must be an http(s) address, got {shown(url)}", line)
        url = "?"
    for key in ("title", "publisher"):
        if not isinstance(source.get(key), str) or not source[key].strip():
            check.error(f"source needs a '{key}'", line)
    if source.get("published") is None:
        check.error("source needs a 'published' date (YYYY-MM-DD)", line)
    for key in ("published", "accessed"):
        _date(source.get(key), check, line)
    return Origin(url, web=True)


def parse_event(
    ev: Any, ref: ActorIndex, sessions: dict[str, SessionInfo], origin: Origin, check: _Checker
) -> Event | None:
    if not isinstance(ev, Lined):
        check.error(f"an event must be a mapping, got {shown(ev)}", getattr(ev, "line", None), ev)
        return None
    n_before = len(check.errors)
    for key in ev:
        if key not in EVENT_FIELDS:
            close = difflib.get_close_matches(str(key)[:40], sorted(EVENT_FIELDS), n=1)
            check.error(f"unknown field {shown(key)}", ev.key_lines.get(key), key, close or None)
    for key in REQUIRED:
        if ev.get(key) in (None, ""):
            check.error(f"missing field '{key}'", ev.line)
    event_id = str(ev.get("id", ""))
    if event_id and not _ID.match(event_id):
        check.error(
            f"id {shown(event_id)} must be lowercase letters, digits and hyphens",
            ev.key_lines.get("id"),
        )
    session = ev.get("session")
    if session is not None and not isinstance(session, str):
        check.error(
            f"session must be a session id such as AHC-7, got {shown(session)}",
            ev.key_lines.get("session"),
            session,
        )
        session = None
    elif session is not None and session not in sessions:
        close = difflib.get_close_matches(str(session)[:40], sorted(sessions), n=2)
        check.error(
            f"unknown session {shown(session)}", ev.key_lines.get("session"), session, close
        )
    date = _date(ev.get("date"), check, ev.key_lines.get("date", ev.line))
    citation = _citation(ev.get("cite"), origin, check, ev.key_lines.get("cite", ev.line))
    proposer = None
    if ev.get("proposer") is not None:
        proposer = _actor(ev["proposer"], ref, check, ev.key_lines.get("proposer"), "proposer")
    sides = {s: _actor_list(ev, s, ref, check) for s in ("support", "oppose", "neutral")}
    on_behalf = {}
    raw_behalf = ev.get("on_behalf_of") or {}
    behalf_line = ev.key_lines.get("on_behalf_of", ev.line)
    if not isinstance(raw_behalf, dict):
        check.error("on_behalf_of must map a speaker to a group", behalf_line, raw_behalf)
        raw_behalf = {}
    for speaker, group in raw_behalf.items():
        s_code = _actor(speaker, ref, check, behalf_line, "on_behalf_of")
        g_code = _actor(group, ref, check, behalf_line, "on_behalf_of")
        if s_code and g_code:
            on_behalf[s_code] = g_code
    seen: dict[str, str] = {proposer: "proposer"} if proposer else {}
    for side, codes in sides.items():
        for code in codes:
            if code in seen and not (seen[code] == "proposer" and side == "support"):
                check.error(
                    f"{code} is on two sides of event {shown(event_id)} ({seen[code]} and {side})",
                    ev.key_lines.get(side, ev.line),
                    code,
                )
            seen.setdefault(code, side)
    for speaker in on_behalf:
        if speaker not in seen:
            check.error(f"on_behalf_of speaker {speaker} takes no side in the event", behalf_line)
    if len(check.errors) > n_before:
        return None
    support = tuple(c for c in sides["support"] if c != proposer)
    return Event(
        id=event_id,
        session=session,
        issue=str(ev["issue"]),
        option=str(ev["option"]),
        citation=citation,
        date=date,
        proposer=proposer,
        support=support,
        oppose=sides["oppose"],
        neutral=sides["neutral"],
        on_behalf_of=on_behalf,
    )


_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,23}$")
ACTOR_FIELDS = {"code", "name", "kind", "aliases", "members"}


def declare_actors(raw: Any, ref: ActorIndex, check: _Checker) -> None:
    """Actors a dataset file declares (beyond the UN reference), added to `ref` in place."""
    if raw is None:
        return
    if not isinstance(raw, LinedList):
        check.error("'actors' must be a list of {code, name, kind}", getattr(raw, "line", None))
        return
    for item in raw:
        line = getattr(item, "line", raw.line)
        if not isinstance(item, Lined):
            check.error(f"an actor must be a mapping, got {shown(item)}", line, item)
            continue
        for key in set(item) - ACTOR_FIELDS:
            check.error(f"unknown actor field {shown(key)}", item.key_lines.get(key), key)
        code, name, kind = item.get("code"), item.get("name"), item.get("kind", "state")
        if not isinstance(code, str) or not _CODE.match(code):
            check.error(f"actor code {shown(code)} must be A-Z, digits or _ (2-24)", line, code)
            continue
        if code in ref.actors:
            check.error(f"actor code {code} is already {shown(ref.actors[code].name)}", line, code)
            continue
        if not isinstance(name, str) or not name.strip():
            check.error(f"actor {code} needs a name", line)
            continue
        if kind not in ("state", "group", "observer"):
            check.error(f"actor kind {shown(kind)} must be state, group or observer", line, kind)
            continue
        aliases = tuple(str(a) for a in item.get("aliases") or ())
        members = None
        if kind == "group":
            members = tuple(
                c
                for c in (_actor(m, ref, check, line, "members") for m in item.get("members") or ())
                if c
            )
        ref.add(Actor(code, name, kind, None, aliases), members)


def read_positions_file(
    path: Path, ref: ActorIndex, sessions: dict[str, SessionInfo]
) -> list[Event]:
    """All events of one dataset file, or LoadErrors listing every problem found.

    Actors the file declares under `actors:` are added to `ref` (pass a copy). A first pass
    validates without line numbers (fast); only when it finds a problem is the file parsed
    again with line numbers, so that every error names its line.
    """
    try:
        return _read_positions(path, ref.copy(), sessions, lines=False, into=ref)
    except (LoadError, ValueError):  # e.g. YAML's own date parser rejecting 2024-13-45
        return _read_positions(path, ref, sessions, lines=True)


def _read_positions(path, ref, sessions, *, lines: bool, into=None) -> list[Event]:
    doc = read_yaml(path, lines=lines)
    check = _Checker(str(path), [])
    if not isinstance(doc, Lined) or not isinstance(doc.get("events"), list):
        raise LoadError(
            "expected a mapping with 'report' (or 'source') and an 'events' list", file=str(path)
        )
    if not doc["events"]:
        raise LoadError("holds no events (the 'events' list is empty)", file=str(path))
    origin = _origin(doc, check)
    declare_actors(doc.get("actors"), ref, check)
    events, ids = [], {}
    for raw in doc["events"]:
        event = parse_event(raw, ref, sessions, origin, check)
        if event is None:
            continue
        if event.id in ids:
            check.error(
                f"duplicate event id {shown(event.id)} (first at line {ids[event.id]})", raw.line
            )
            continue
        ids[event.id] = raw.line
        events.append(event)
    if check.errors:
        raise LoadErrors(check.errors)
    if into is not None and into is not ref:  # the fast pass worked on a copy
        for code in set(ref.actors) - set(into.actors):
            into.add(ref.actors[code], ref.groups.get(code))
    return events


def bundled_position_files() -> list[Path]:
    return sorted((data_dir() / "positions").glob("*.yaml"))
