"""Output of the extractor: JSON (`blocs extract --format json`), flat rows for a table or CSV,
and the loader's events (ids, citations with offsets, the default session)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from graphkit.model import Citation, Event
from loaders.errors import LoadError

if TYPE_CHECKING:
    from loaders.extract import ExtractResult

__all__ = ["event_rows", "to_events", "to_json"]


def to_json(results: list[tuple[str | Path, ExtractResult]], *, unresolved: bool = False) -> dict:
    """{"documents": [{"file": path, "events": [...]}]}, JSON-ready.

    Events carry char_start, char_end, proposer, option, support, oppose, neutral,
    on_behalf_of, session, date, plus issue, sentence, confidence and cue. With
    `unresolved=True` each document also lists the names that resolved to no actor, with
    suggestions.
    """
    docs = []
    for path, res in results:
        events = []
        for e in res.events:
            events.append(
                {
                    "char_start": e.char_start,
                    "char_end": e.char_end,
                    "proposer": e.proposer,
                    "option": e.option,
                    "support": list(e.support),
                    "oppose": list(e.oppose),
                    "neutral": list(e.neutral),
                    "on_behalf_of": dict(e.on_behalf_of),
                    "session": e.session,
                    "date": e.date,
                    "issue": e.issue,
                    "sentence": e.sentence,
                    "confidence": e.confidence,
                    "cue": e.cue,
                }
            )
        doc: dict = {"file": str(path), "events": events}
        if unresolved:
            doc["unresolved"] = [
                {
                    "name": u.name,
                    "char_start": u.char_start,
                    "char_end": u.char_end,
                    "suggestions": list(u.suggestions),
                }
                for u in res.unresolved
            ]
        docs.append(doc)
    return {"documents": docs}


def event_rows(results: list[tuple[str | Path, ExtractResult]]) -> list[dict]:
    """One flat row per event of every document, for a table or CSV (the CLI prints them and
    chooses the layout: a table that never breaks a word, or one record per event)."""
    rows = []
    for path, res in results:
        name = Path(str(path)).name
        for e in res.events:
            behalf = "".join(f" ({k} for {v})" for k, v in e.on_behalf_of.items())
            rows.append(
                {
                    "file": name,
                    "span": f"{e.char_start}-{e.char_end}",
                    "session": e.session or "",
                    "date": e.date or "",
                    "proposer": (e.proposer or "") + behalf,
                    "support": ", ".join(e.support),
                    "oppose": ", ".join(e.oppose),
                    "neutral": ", ".join(e.neutral),
                    "conf": f"{e.confidence:.2f}",
                    "cue": e.cue,
                    "option": e.option,
                }
            )
    return rows


_ID_CHARS = re.compile(r"[^a-z0-9]+")


def report_stem(path: str | Path) -> str:
    """The file's stem as it goes into event ids (`x-<stem>-<start>`): lowercase, dashes."""
    return _ID_CHARS.sub("-", Path(str(path)).stem.lower()).strip("-")[:60] or "report"


def check_sessions(missing: list[str], path: str | Path) -> None:
    """LoadError naming the offsets of the events left without a session, if any."""
    if missing:
        shown = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
        raise LoadError(
            f"{len(missing)} extracted event(s) have no session (offsets {shown}); "
            "the report does not say which session: pass a default session",
            file=str(path),
        )


def to_events(
    path: str | Path, result: ExtractResult, *, default_session: str | None = None
) -> list[Event]:
    """Events for the loader: ids `x-<stem>-<start>`, citations with offsets and the passage.

    Events without a session (the report does not say) take `default_session`; if some still
    have none, LoadError lists them.
    """
    stem = report_stem(path)
    out: list[Event] = []
    missing: list[str] = []
    seen: set[str] = set()
    for e in result.events:
        base = f"x-{stem}-{e.char_start}"
        eid, n = base, 2
        while eid in seen:
            eid, n = f"{base}-{n}", n + 1
        seen.add(eid)
        session = e.session or default_session
        if session is None:
            missing.append(f"{e.char_start}-{e.char_end}")
            continue
        out.append(
            Event(
                id=eid,
                session=session,
                issue=e.issue or "unspecified",
                option=e.option or e.issue or "unspecified",
                citation=Citation(str(path), e.char_start, e.char_end, e.sentence),
                date=e.date,
                proposer=e.proposer,
                support=tuple(e.support),
                oppose=tuple(e.oppose),
                neutral=tuple(e.neutral),
                on_behalf_of=dict(e.on_behalf_of),
                confidence=e.confidence,
                cue=e.cue or None,
            )
        )
    check_sessions(missing, path)
    return out
