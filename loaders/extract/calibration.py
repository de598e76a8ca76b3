"""Calibrated confidences: how often an event of a given cue class is right.

The rules stamp each event with an ordinal reliability (`Parser._note`: the least sure rule,
lowered for long sentences, first-person subjects, attachments across sentences). Those
numbers rank cues but are not frequencies. `calibrated` replaces them, per event, by the share
of right facts (actor, camp) measured for the event's cue class on in-repo data that anyone can
rerun: the own-words corpus dev half (bench/extract_corpus/dev) and the seed reports against
data/positions. `python bench/extract_calibration.py --fit` recomputes the table
(cue_reliability.tsv next to this module); rare classes are shrunk toward their group and the
group toward the overall share (`STRENGTH` pseudo-facts), so a class seen a few times keeps
about the group's figure.

A cue class is `group / detail`: the group of the rule that built the event (its first cue:
"subject + side verb", "by-list", "label", ...) and how the event's sides were reached:
"alone" (one rule), "attached" (more rules added sides in the same sentence), "later sentence"
(a side attached across sentences, or a later mention folded in), "first-person" (a speaker's
"we", a pronoun or a defined group stood for the subject).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TABLE = Path(__file__).with_name("cue_reliability.tsv")
STRENGTH = 8.0  # pseudo-facts of the prior in the smoothing (bench/extract_calibration.py)

_PREFIX = re.compile(r"^(?:first-person in turn of [^:]+|'[^']*' (?:for [^:]+|defined above)): ")
_LATER = (
    " + previous sentence's proposal",
    " + the vote in focus",
    " + same object as a recent event",
)
# (substring of a rule's cue name, group), first match wins
_GROUPS: tuple[tuple[str, str], ...] = (
    ("status table", "table"),
    ("sponsors line", "table"),
    ("coreferent mention", "reference"),
    ("reference to a named proposal", "reference"),
    ("after the name", "reference"),
    ("vote", "vote"),
    ("count", "vote"),
    ("label", "label"),
    ("list after a colon", "label"),
    ("by list", "by-list"),
    ("-by list", "by-list"),
    ("support verb", "subject + side verb"),
    ("opposition verb", "subject + side verb"),
    ("alignment verb", "subject + side verb"),
    ("proposal verb", "subject + proposal verb"),
    ("reserve verb", "subject + reserve verb"),
    ("statement verb", "subject + statement verb"),
    ("relative clause", "another's side"),
    ("parenthetical side", "another's side"),
    ("previous speaker's side", "another's side"),
    ("co-author", "another's side"),
    ("backers", "another's side"),
    ("after the list", "label"),
)


def base_cue(name: str) -> tuple[str, bool, bool]:
    """(rule name, first-person?, across sentences?) of one cue name."""
    fp = False
    while (m := _PREFIX.match(name)) is not None:
        name, fp = name[m.end() :], True
    later = False
    for suffix in _LATER:
        if name.endswith(suffix):
            name, later = name[: -len(suffix)], True
    return name, fp, later


def group_of(cls: str) -> str:
    return cls.split(" / ")[0]


def cue_group(rule: str) -> str:
    for part, group in _GROUPS:
        if part in rule:
            return group
    return "other"


def event_class(cue: str | list[str]) -> str:
    """The cue class of an event from its cue ("a; b" as in the output, or the list)."""
    names = [c for c in (cue.split("; ") if isinstance(cue, str) else cue) if c]
    if not names:
        return "other / alone"
    parts = [base_cue(n) for n in names]
    group = cue_group(parts[0][0])
    if any(fp for _r, fp, _l in parts):
        detail = "first-person"
    elif any(later for _r, _f, later in parts) or any(
        cue_group(r) == "reference" for r, _f, _l in parts[1:]
    ):
        detail = "later sentence"
    elif len(parts) > 1:
        detail = "attached"
    else:
        detail = "alone"
    return f"{group} / {detail}"


def _load(path: Path = TABLE) -> dict[str, float]:
    out: dict[str, float] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, rel, *_n = line.split("\t")
        out[key] = float(rel)
    return out


_TABLE: dict[str, float] = _load()
_OFF = False


def reload() -> None:
    """Read the table again (after bench/extract_calibration.py --fit rewrote it)."""
    global _TABLE
    _TABLE = _load()
    _MEMO.clear()


@contextmanager
def disabled(off: bool = True) -> Iterator[None]:
    """While in force (if `off`), `calibrated` returns the rules' own confidence."""
    global _OFF
    before, _OFF = _OFF, off or _OFF
    try:
        yield
    finally:
        _OFF = before


def calibrated(raw: float, cues: list[str]) -> float:
    """The share of right facts measured for the event's cue class (raw if no table)."""
    if _OFF or not _TABLE:
        return raw
    key = tuple(cues)
    hit = _MEMO.get(key)
    if hit is None:
        cls = event_class(cues)
        hit = _TABLE.get(cls)
        if hit is None:
            hit = _TABLE.get(group_of(cls), _TABLE.get("*", raw))
        if len(_MEMO) < 10_000:
            _MEMO[key] = hit
    return hit


_MEMO: dict[tuple[str, ...], float] = {}
