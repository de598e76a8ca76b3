"""Draft dataset files from extracted events, and citation overlap between loads.

    text = draft_yaml(result.events, "reports/ahc6_day3.txt", default_session="AHC-6")
    Path("data/positions/010_ahc6_day3.yaml").write_text(text)   # then review it by hand

The draft is in the curated format of data/README.md (`report:`, `events:` with id, session,
date, issue, option, proposer, support, oppose, neutral, on_behalf_of, cite [start, end)), which
`loaders.dataset.read_positions_file` accepts as it is. Each event is preceded by YAML comments
with the extractor's confidence and cue, so a reviewer can start with the least sure ones; the
options are the report's own words and say so (the dataset wants them reworded).

`overlapping(new, loaded)` tells which citations of a new load overlap citations already loaded
(same source file, overlapping [start, end)), so that a load can refuse to count a passage twice
unless asked to (`--allow-overlap`); `from_source(loaded, source)` selects the citations that came
from one source (for an unload). Both are pure functions over citations.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.extract.output import check_sessions, report_stem

__all__ = ["Cited", "draft_yaml", "from_source", "overlapping", "source_key"]

_ISSUE_CHARS = re.compile(r"[^a-z0-9-]+")


def _q(text: str) -> str:
    """A YAML scalar for any string (a JSON string is a valid double-quoted YAML scalar)."""
    return json.dumps(text, ensure_ascii=False)


def _codes(codes: Iterable[str]) -> str:
    return "[" + ", ".join(codes) + "]"


def draft_yaml(
    events: Sequence[Any],
    source_path: str | Path,
    *,
    default_session: str | None = None,
    title: str | None = None,
    report: str | None = None,
) -> str:
    """A dataset file (YAML text) holding `events` extracted from `source_path`.

    `events` are `ExtractedEvent`s (`extract_file(...).events`) or `graphkit.model.Event`s.
    `report:` is the file name of `source_path` unless `report` is given. Events without a
    session take `default_session`; if some still have none, LoadError lists their offsets.
    Ids are `x-<stem>-<start>` (unique within the file).
    """
    src = Path(str(source_path))
    stem = report_stem(src)
    rows = [_row(e) for e in events]
    missing = [f"{r['start']}-{r['end']}" for r in rows if not (r["session"] or default_session)]
    check_sessions(missing, source_path)
    out = [
        f"report: {_q(report or src.name)}",
        f"title: {_q(title or f'Draft from {src.name} (extractor output, to be reviewed)')}",
        "# Drafted by the report extractor. Check every event against the report, reword each",
        "# option in your own words, and add what the extractor missed (data/README.md).",
        "events:" if rows else "events: []",
    ]
    seen: set[str] = set()
    for r in rows:
        base = f"x-{stem}-{r['start']}"
        eid, n = base, 2
        while eid in seen:
            eid, n = f"{base}-{n}", n + 1
        seen.add(eid)
        out.extend(_event_lines(r, eid, r["session"] or default_session))
    return "\n".join(out) + "\n"


def _row(e: Any) -> dict:
    """The fields of an ExtractedEvent or a graphkit Event, in one shape."""
    cit = getattr(e, "citation", None)
    start = cit.start if cit is not None else e.char_start
    end = cit.end if cit is not None else e.char_end
    proposer = e.proposer
    return {
        "start": int(start),
        "end": int(end),
        "session": e.session,
        "date": e.date,
        "issue": e.issue or "unspecified",
        "option": e.option or e.issue or "unspecified",
        "proposer": proposer,
        "support": [c for c in dict.fromkeys(e.support) if c != proposer],
        "oppose": list(dict.fromkeys(e.oppose)),
        "neutral": list(dict.fromkeys(e.neutral)),
        "on_behalf_of": dict(e.on_behalf_of),
        "confidence": getattr(e, "confidence", None),
        "cue": getattr(e, "cue", None),
    }


def _event_lines(r: dict, eid: str, session: str) -> list[str]:
    lines = [""]
    if r["confidence"] is not None or r["cue"]:
        conf = f"{r['confidence']:.2f}" if r["confidence"] is not None else "?"
        lines.append(f"  # confidence {conf}; cue: {r['cue'] or '?'}")
    issue = _ISSUE_CHARS.sub("-", str(r["issue"]).lower()).strip("-") or "unspecified"
    lines += [f"  - id: {eid}", f"    session: {session}"]
    if r["date"]:
        lines.append(f"    date: {r['date']}")
    lines.append(f"    issue: {issue}")
    lines.append(f"    option: {_q(' '.join(str(r['option']).split()))}  # report's words: reword")
    if r["proposer"]:
        lines.append(f"    proposer: {r['proposer']}")
    for side in ("support", "oppose", "neutral"):
        if r[side]:
            lines.append(f"    {side}: {_codes(r[side])}")
    if r["on_behalf_of"]:
        pairs = ", ".join(f"{k}: {v}" for k, v in r["on_behalf_of"].items())
        lines.append(f"    on_behalf_of: {{{pairs}}}")
    lines.append(f"    cite: [{r['start']}, {r['end']}]")
    return lines


# ------------------------------------------------------------------------------------------
# Citation overlap


@dataclass(frozen=True)
class Cited:
    """One cited passage: the event (or proposal) id, its source file and [start, end)."""

    id: str
    file: str
    start: int
    end: int


def source_key(file: str | Path) -> str:
    """How two citations are told to come from the same source: the file name.

    Dataset files name their report by file name (`report: 001_x.txt`) while loads of a report
    keep the path given on the command line, so only the last path component is compared.
    """
    return Path(str(file)).name


def _cited(x: Any) -> Cited:
    if isinstance(x, Cited):
        return x
    if isinstance(x, tuple):
        return Cited(str(x[0]), str(x[1]), int(x[2]), int(x[3]))
    cit = getattr(x, "citation", None)
    if cit is not None:  # a graphkit Event
        return Cited(x.id, cit.file, cit.start, cit.end)
    return Cited(getattr(x, "id", ""), x.file, x.start, x.end)  # a Citation


def overlapping(new: Iterable[Any], loaded: Iterable[Any]) -> list[tuple[Cited, Cited]]:
    """Pairs (new, loaded) of citations from the same source whose [start, end) overlap.

    Items are `Cited`, graphkit `Event`s, `Citation`s or (id, file, start, end) tuples.
    Empty spans overlap nothing. Sorted by new start, then loaded start; O((n + m) log m + k).
    """
    by_src: dict[str, list[Cited]] = {}
    for x in loaded:
        c = _cited(x)
        if c.end > c.start:
            by_src.setdefault(source_key(c.file), []).append(c)
    index: dict[str, tuple[list[int], list[Cited], list[int]]] = {}
    for key, cs in by_src.items():
        cs.sort(key=lambda c: (c.start, c.end))
        # running maximum of ends: lets the scan stop early without an interval tree
        run, best = [], -1
        for c in cs:
            best = max(best, c.end)
            run.append(best)
        index[key] = ([c.start for c in cs], cs, run)
    out: list[tuple[Cited, Cited]] = []
    for x in new:
        n = _cited(x)
        hit = index.get(source_key(n.file))
        if hit is None or n.end <= n.start:
            continue
        starts, cs, run = hit
        hi = bisect.bisect_left(starts, n.end)  # loaded starting before the new end
        lo = bisect.bisect_right(run, n.start)  # first whose running max end passes new start
        for c in cs[lo:hi]:
            if c.end > n.start:
                out.append((n, c))
    out.sort(key=lambda p: (p[0].start, p[1].start, p[0].id, p[1].id))
    return out


def from_source(loaded: Iterable[Any], source: str | Path) -> list[Cited]:
    """The loaded citations that came from `source` (a report path, or a file name)."""
    key = source_key(source)
    return [c for c in map(_cited, loaded) if source_key(c.file) == key]
