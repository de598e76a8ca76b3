"""Small pure helpers of the votes loader: UN resolution symbols, ids, sessions, numbers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from graphkit.model import SessionInfo

MAX_SESSION = 1000  # General Assembly session numbers (79 in 2024): beyond is a typo
_ORDINAL = {1: "st", 2: "nd", 3: "rd"}
_VENUES = {1: "London / New York", 3: "Paris / New York", 6: "Paris"}
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_UNRES = re.compile(r"^(R|SS|ESS)/(\d{1,4})/(\d{1,6})([A-Z]*)((?:/[A-Z]+)?)$")
_SLUG = re.compile(r"[^a-z0-9]+")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_PROJECT_ID = re.compile(r"^(UNGA-)?RC-[A-Za-z0-9._-]+$")
UNGA = re.compile(r"^UNGA-(\d{1,4})$")
_WHOLE = re.compile(r"^\s*(\d{1,18})(?:\.0*)?\s*$")  # "74", "74.0": R's numbers as written


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL.get(n % 10, "th")
    return f"{n}{suffix}"


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def whole_number(text: str) -> int | None:
    """`74` or `74.0` (how R writes numbers) as an int; None for anything else, including
    numbers too long to be an id (no float conversion, so no overflow)."""
    match = _WHOLE.match(text)
    return int(match.group(1)) if match else None


def normalize_resolution(unres: str | None) -> str | None:
    """The UN symbol of a resolution as the unvotes data writes it, or None if not a symbol.

    `R/74/247` -> `A/RES/74/247` (`A/RES/...` is kept); sessions 1-30 numbered resolutions
    across sessions, so `R/26/2758` -> `A/RES/2758(XXVI)`; special and emergency special
    sessions: `SS/10/2` -> `A/RES/S-10/2`, `ESS/10/14` -> `A/RES/ES-10/14`. Part letters and
    part numerals are kept (`R/73/27A` -> `A/RES/73/27A`).
    """
    if not unres:
        return None
    text = re.sub(r"\s+", "", unres.strip())
    if text.upper().startswith("A/RES/"):
        return "A/RES/" + text[6:]
    match = _UNRES.match(text)
    if not match:
        return None
    kind, session, number, letters, part = match.groups()
    if kind == "R":
        if int(session) <= 30:
            return f"A/RES/{int(number)}{letters}({roman(int(session))}){part}"
        return f"A/RES/{int(session)}/{int(number)}{letters}{part}"
    prefix = "S-" if kind == "SS" else "ES-"
    return f"A/RES/{prefix}{int(session)}/{int(number)}{letters}{part}"


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def issue_key(resolution: str | None, roll_call_id: str) -> str:
    """`unga-a-res-74-247` for a resolution symbol, else the roll call (`unga-rc-9087`)."""
    norm = normalize_resolution(resolution)
    if norm:
        return "unga-" + slug(norm)
    return slug(roll_call_id)


def generic_roll_call_id(value: str) -> str:
    value = value.strip()
    if _PROJECT_ID.match(value):
        return value
    return "RC-" + _ID_UNSAFE.sub("-", value).strip("-")


def unga_session(number: int, dates: Iterable[str | None] = ()) -> SessionInfo:
    known = sorted(d for d in dates if d)
    return SessionInfo(
        id=f"UNGA-{number}",
        name=f"UN General Assembly {ordinal(number)} session",
        start=known[0] if known else None,
        end=known[-1] if known else None,
        venue=_VENUES.get(number, "New York"),
        body="UNGA",
    )


def iso_date(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        return None


def as_rcid(value: object) -> str:
    """An unvotes rcid as the canonical text (`9087`), from `9087`, `9087.0`, `UNGA-RC-9087`."""
    text = str(value).strip()
    if text.upper().startswith("UNGA-RC-"):
        text = text[8:]
    number = whole_number(text)
    return str(number) if number is not None else text


def listed(values) -> list:
    return [values] if isinstance(values, str | int) else list(values)


def session_set(sessions_filter) -> set[str] | None:
    """Session ids from numbers or ids (`74`, `"74"`, `"UNGA-74"`); a number out of range is
    refused here rather than matching nothing."""
    from graphkit.errors import LoadError

    if sessions_filter is None:
        return None
    out = set()
    for s in listed(sessions_filter):
        text = str(s).strip()
        number = whole_number(text)
        if number is None and text.isdigit():  # too many digits
            number = MAX_SESSION + 1
        if number is not None:
            if not 1 <= number <= MAX_SESSION:
                raise LoadError(
                    f"General Assembly session {text[:20]!r} is out of range (1 to {MAX_SESSION})",
                    value=text[:20],
                )
            text = f"UNGA-{number}"
        out.add(text)
    return out
