"""Session and date detection: dated headings, "day 4 (1 February)", "On 30 and 31 January",
"April 11-21, 2023", "the fifth session", "AHC-7". Dates map to AHC sessions through the date
ranges of `data/sessions.yaml`; a missing year comes from the context (the last full date or
heading), or failing that from the one session whose dates contain that day and month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from loaders.resources import data_dir

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s{0,3}(?:-|\u2013|\u2014|to|and|&)\s{0,3}"
DATE_RE = re.compile(
    # 30 and 31 January 2024 / 28 February-11 March 2022 / 1 February
    rf"(?<![\w/])(?P<d1>[0-3]?\d){_ORD}(?:{_DASH}(?P<d1b>[0-3]?\d){_ORD})?\s{{1,3}}"
    rf"(?P<m1>{_MONTH})\.?(?:{_DASH}(?P<d2>[0-3]?\d){_ORD}\s{{1,3}}(?P<m2>{_MONTH})\.?)?"
    rf"(?:,?\s{{1,3}}(?P<y1>(?:19|20)\d\d))?(?![\w/])"
    # January 29, 2024 / April 11-21, 2023 / April 8 2022
    rf"|(?<![\w/])(?P<m3>{_MONTH})\.?\s{{1,3}}(?P<d3>[0-3]?\d){_ORD}"
    rf"(?:\s{{0,3}}(?:-|\u2013|to)\s{{0,3}}(?P<d3b>[0-3]?\d){_ORD})?"
    rf"(?:,?\s{{1,3}}(?P<y3>(?:19|20)\d\d))?(?![\w/])"
    # March 2022
    rf"|(?<![\w/])(?P<m4>{_MONTH})\s{{1,3}}(?P<y4>(?:19|20)\d\d)(?![\w/])"
    # 2024-01-30
    r"|(?<![\w/-])(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\w/])"
)
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "7th": 7,
}
SESSION_RE = re.compile(
    r"(?i)\b(?P<re>reconvened|resumed)\s{1,3}(?:concluding\s{1,3}|final\s{1,3})?session\b"
    r"|\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|4th|5th|6th|7th"
    r"|concluding|final)\s{1,3}(?:(?:substantive|negotiating|formal)\s{1,3})?session\b"
    r"|\bAHC\s?-?\s?(?P<num>[1-7])(?P<r>R)?\b"
)
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# one scan for the twelve stems (capitalised, so two never overlap): every place a stem starts
_MONTH_STEM_AT = re.compile("|".join(_MONTH_STEMS))
_MONTH_AT = re.compile(_MONTH + r"(?![a-z])")
_DIGIT = re.compile(r"\d")
_ISO_PREFILTER = re.compile(r"\d\d\d\d-[01]\d-[0-3]\d")


def _positions(text: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    end = len(text) if end is None else end
    out = []
    p = text.find(needle, start, end)
    while p >= 0:
        out.append(p)
        p = text.find(needle, p + 1, end)
    return out


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Every date expression in text[start:end], in order (month names, ISO dates)."""
    out: list[re.Match[str]] = []
    n = len(text) if end is None else end
    last = start
    starts = [m.start() for m in _MONTH_STEM_AT.finditer(text, start, n)]
    for p in starts:
        if p < last or (p > 0 and text[p - 1].isalpha()) or not _MONTH_AT.match(text, p):
            continue
        if not _DIGIT.search(text, max(0, p - 12), min(n, p + 16)):
            continue
        hit = DATE_RE.search(text, max(last, p - 24), min(n, p + 48))
        while hit is not None and hit.end() <= p:
            hit = DATE_RE.search(text, hit.end(), min(n, p + 48))
        if hit is not None and hit.start() <= p < hit.end():
            out.append(hit)
            last = hit.end()
    for p in _positions(text, "-", start, n):
        if p < start + 4 or not text[p - 4 : p].isdigit():
            continue
        m = _ISO_PREFILTER.match(text, p - 4)
        if m is None:
            continue
        hit = DATE_RE.match(text, m.start(), min(n, m.end() + 1))
        if hit is not None and hit.group("iy"):
            out.append(hit)
    out.sort(key=lambda h: h.start())
    return out


def find_session_names(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    n = len(text) if end is None else end
    last = start
    hits = [(p - 1, False) for p in _positions(text, "ession", start, n)]
    hits += [(p - 1, False) for p in _positions(text, "ESSION", start, n)]
    hits += [(p, True) for p in _positions(text, "AHC", start, n)]
    for p, ahc in sorted(hits):
        if p < last or p < start:
            continue
        lo = max(last, p - 48) if not ahc else p
        hit = SESSION_RE.search(text, lo, min(n, p + 12))
        if hit is not None and hit.end() > p:
            out.append(hit)
            last = hit.end()
    return out


_DEADLINE = re.compile(r"(?i)(?:\bby|\buntil|\bbefore|\bdeadline(?: of)?|\bdue)\s{0,3}$")
_DAY_NEAR = re.compile(r"(?i)\bday\s{1,3}\d{1,2}\b")


@dataclass(frozen=True)
class Session:
    id: str
    name: str
    start: dt.date
    end: dt.date


@lru_cache(maxsize=4)
def sessions(path: str | None = None) -> tuple[Session, ...]:
    """The AHC sessions of data/sessions.yaml, in order."""
    with open(path or data_dir() / "sessions.yaml", encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    out = []
    for row in spec.get("sessions", []):
        start, end = row.get("start"), row.get("end")
        if not isinstance(start, dt.date) or not isinstance(end, dt.date):
            start, end = dt.date.fromisoformat(str(start)), dt.date.fromisoformat(str(end))
        out.append(Session(str(row["id"]), str(row.get("name", "")), start, end))
    return tuple(out)


def session_on(day: dt.date) -> str | None:
    for s in sessions():
        if s.start <= day <= s.end:
            return s.id
    return None


def session_overlapping(a: dt.date, b: dt.date) -> str | None:
    for s in sessions():
        if a <= s.end and s.start <= b:
            return s.id
    return None


def session_by_ordinal(word: str) -> str | None:
    word = word.lower()
    ss = sessions()
    if word in ("concluding", "final"):
        hits = [s for s in ss if s.name.lower().startswith("concluding")]
        return hits[0].id if hits else None
    if word in ("reconvened", "resumed"):
        hits = [s for s in ss if s.name.lower().startswith("reconvened")]
        return hits[0].id if hits else None
    n = _ORDINALS.get(word)
    regular = [s for s in ss if not s.name.lower().startswith("reconvened")]
    if n and n <= len(regular):
        return regular[n - 1].id
    return None


def infer_year(month: int, day: int) -> int | None:
    """The year of the one session whose dates contain this day and month, if unique."""
    years = set()
    for s in sessions():
        for y in range(s.start.year, s.end.year + 1):
            try:
                d = dt.date(y, month, day)
            except ValueError:
                continue
            if s.start <= d <= s.end:
                years.add(y)
    return years.pop() if len(years) == 1 else None


@dataclass
class DateHit:
    start: int
    end: int
    first: tuple[int, int]  # (month, day)
    last: tuple[int, int] | None  # end of a range
    year: int | None
    day_precise: bool  # a single day (not a range, not month-only)


def parse_date(m: re.Match[str]) -> DateHit | None:
    g = m.groupdict()
    try:
        if g["iy"]:
            return DateHit(
                m.start(), m.end(), (int(g["im"]), int(g["id"])), None, int(g["iy"]), True
            )
        if g["m1"]:
            m1 = _MONTHS[g["m1"].lower()]
            d1 = int(g["d1"])
            year = int(g["y1"]) if g["y1"] else None
            if g["m2"]:
                return DateHit(
                    m.start(),
                    m.end(),
                    (m1, d1),
                    (_MONTHS[g["m2"].lower()], int(g["d2"])),
                    year,
                    False,
                )
            if g["d1b"]:
                return DateHit(m.start(), m.end(), (m1, d1), (m1, int(g["d1b"])), year, False)
            return DateHit(m.start(), m.end(), (m1, d1), None, year, True)
        if g["m3"]:
            m3 = _MONTHS[g["m3"].lower()]
            year = int(g["y3"]) if g["y3"] else None
            if g["d3b"]:
                return DateHit(
                    m.start(), m.end(), (m3, int(g["d3"])), (m3, int(g["d3b"])), year, False
                )
            return DateHit(m.start(), m.end(), (m3, int(g["d3"])), None, year, True)
        if g["m4"]:
            return DateHit(
                m.start(), m.end(), (_MONTHS[g["m4"].lower()], 1), None, int(g["y4"]), False
            )
    except (KeyError, ValueError):
        return None
    return None


def _mkdate(year: int | None, md: tuple[int, int]) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, md[0], md[1])
    except ValueError:
        return None


class Context:
    """Session, date and year in force while walking a report from top to bottom."""

    def __init__(self, session: str | None = None, date: str | None = None) -> None:
        self.default_session = session
        self.default_date = date
        self.year: int | None = None
        if date:
            try:
                self.year = dt.date.fromisoformat(date).year
            except ValueError:
                self.year = None
        if self.year is None and session:
            for s in sessions():
                if s.id == session:
                    self.year = s.start.year
        self.session: str | None = None
        self.date: str | None = None
        self.section_has_session = False

    def _resolve(self, hit: DateHit) -> tuple[dt.date | None, dt.date | None]:
        year = hit.year
        if year is None:
            year = self.year
            first = _mkdate(year, hit.first)
            if first is None or (session_on(first) is None and hit.day_precise):
                guess = infer_year(*hit.first)
                if guess is not None:
                    year = guess
        first = _mkdate(year, hit.first)
        last = _mkdate(year, hit.last) if hit.last else None
        if first and last and last < first:
            last = _mkdate(year + 1 if year else None, hit.last) if hit.last else None
        return first, last

    def heading(self, text: str, start: int, dates: list[re.Match[str]]) -> None:
        """A heading may set the year and the session, never the day.

        A dated heading (or one naming a session) starts a new dated section: the day in force
        is cleared. An undated sub-heading keeps the day and session of its section.
        """
        names = (
            list(SESSION_RE.finditer(text))
            if ("ession" in text or "AHC" in text or "ESSION" in text)
            else []
        )
        if dates or names:
            self.date = None
            self.section_has_session = False
        for m in dates:
            hit = parse_date(m)
            if hit is None:
                continue
            if hit.year:
                self.year = hit.year
            first, last = self._resolve(hit)
            sid = None
            if first:
                sid = session_overlapping(first, last or first)
            if sid:
                self.session = sid
                self.section_has_session = True
        for m in names:
            sid = _session_of(m)
            if sid:
                self.session = sid
                self.section_has_session = True

    def sentence(
        self, text: str, start: int, end: int, dates: list[re.Match[str]], names: list
    ) -> None:
        """Body sentence: dated time-setting phrases early in the sentence set the day."""
        for m in dates:
            hit = parse_date(m)
            if hit is None:
                continue
            if hit.year:
                self.year = hit.year
            if _DEADLINE.search(text, max(start, m.start() - 16), m.start()):
                continue
            first, last = self._resolve(hit)
            if first is None:
                continue
            sid = session_overlapping(first, last or first)
            if sid is None:
                continue
            self.session = sid
            self.section_has_session = True
            early = _word_count(text, start, m.start()) <= 12 or bool(
                _DAY_NEAR.search(text, max(start, m.start() - 20), min(end, m.end() + 20))
            )
            if early:
                self.date = first.isoformat() if hit.day_precise else None
        for m in names:
            sid = _session_of(m)
            if sid and not self.section_has_session:
                self.session = sid
                self.section_has_session = True

    def current(self) -> tuple[str | None, str | None]:
        session = self.session or self.default_session
        date = self.date or self.default_date
        if self.session is None and date and not self.default_session:
            try:
                session = session_on(dt.date.fromisoformat(date))
            except ValueError:
                session = None
        return session, date


def _session_of(m: re.Match[str]) -> str | None:
    if m.group("re"):
        return session_by_ordinal("reconvened")
    if m.group("ord"):
        return session_by_ordinal(m.group("ord"))
    if m.group("num"):
        sid = f"AHC-{m.group('num')}" + ("R" if m.group("r") else "")
        return sid if any(s.id == sid for s in sessions()) else None
    return None


def _word_count(text: str, a: int, b: int) -> int:
    return len(text[a:b].split()) if b - a < 400 else 99
