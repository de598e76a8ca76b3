"""Calibrated confidences: how often the facts of an event like this one are right.

The rules stamp each event with an ordinal reliability (`Parser._note`: the least sure rule,
lowered for long sentences, first-person subjects, attachments across sentences). Those
numbers rank cues but are not frequencies. `calibrated` replaces them, per event, by an
estimate of the share of right facts (actor, camp) measured on in-repo data that anyone can
rerun: the own-words corpus dev half (bench/extract_corpus/dev) and the seed reports against
data/positions. `python bench/extract_calibration.py --fit` recomputes the table
(cue_reliability.tsv next to this module).

An event's confidence combines two measured shares. Its cue class, `group / detail`: the group
of the rule that built it (its first cue: "subject + side verb", "by-list", "label", ...) and
how its sides were reached: "alone" (one rule), "attached" (more rules added sides in the same
sentence), "later sentence" (a side attached across sentences, or a later mention folded in),
"first-person" (a speaker's "we", a pronoun or a defined group stood for the subject); a class
seen on few facts is shrunk toward its group, the group toward the overall share "*". And its
size: an event with one or two facts ("1-2 facts") is a false alarm far more often than a
larger one ("3+ facts"), about one fact in five against one in fifty in the in-repo data. The
two are added in log-odds (`combine`): logit(p) = logit(class) + logit(size) - logit(overall).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TABLE = Path(__file__).with_name("cue_reliability.tsv")
# no rule is certain, and the in-repo data are the text the rules were written on: a class
# right on every fact there still gets at most this
CEILING = 0.99
STRENGTH = 8.0  # pseudo-facts of the prior in the smoothing (bench/extract_calibration.py)

_PREFIX = re.compile(
    r"^(?:(?:first-person|unspoken subject) in (?:turn|a quote) of [^:]+|"
    r"'[^']*' (?:for [^:]+|defined above)): "
)
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
    ("vote after the name", "vote"),  # "1. Algeria - Yes"
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
    ("backs an actor", "another's side"),
    ("unnamed subject", "another's side"),
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


def size_of(n_facts: int) -> str:
    return "1-2 facts" if n_facts <= 2 else "3+ facts"


def keys(cues: str | list[str], n_facts: int) -> tuple[list[str], str]:
    """The cue keys of an event, most specific first, and its size key."""
    cls = event_class(cues)
    return [cls, group_of(cls), "*"], size_of(n_facts)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def combine(cue_rel: float, size_rel: float, overall: float) -> float:
    """The cue key's share moved, in log-odds, by how far the size key is from the overall
    share: logit(p) = logit(cue) + logit(size) - logit(overall)."""
    z = _logit(cue_rel) + _logit(size_rel) - _logit(overall)
    return min(CEILING, round(1 / (1 + math.exp(-z)), 3))


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


def calibrated(raw: float, cues: list[str], n_facts: int) -> float:
    """The share of right facts expected for the event's cue class and size (raw if there is
    no table)."""
    if _OFF or "*" not in _TABLE:
        return raw
    memo = (n_facts <= 2, *cues)
    hit = _MEMO.get(memo)
    if hit is None:
        cue_keys, size = keys(cues, n_facts)
        cue_rel = next(_TABLE[k] for k in cue_keys if k in _TABLE)
        overall = _TABLE["*"]
        hit = combine(cue_rel, _TABLE.get(size, overall), overall)
        if len(_MEMO) < 10_000:
            _MEMO[memo] = hit
    return hit


_MEMO: dict[tuple[str, ...], float] = {}
