"""Recorded roll-call votes to validated `RollCall` / `Vote` records and a `LoadPlan`.

Two layouts, told apart by the header of the votes file:

1. **unvotes** - the UN General Assembly data of the `unvotes` package (Voeten), read as is,
   gzipped (`.csv.gz`) or not:

   - votes: `rcid, country, country_code, vote` (`country_code` ISO 3166-1 alpha-2);
   - roll calls (found beside the votes file as `un_roll_calls.csv.gz` / `.csv` when not given):
     `rcid, session, importantvote, date, unres, amend, para, short, descr`.

2. **generic** - one CSV, one row per vote, columns in any order:

   - `roll_call`: the roll call; its proposal id is `RC-<roll_call>` (characters outside
     `A-Za-z0-9._-` become `-`), but a value that already is a project id (`UNGA-RC-9087`,
     `RC-...`) is kept, so a roll call taken from the unvotes data stays one proposal;
   - `session`: a known session id (`AHC-7`, `UNGA-74`) or a General Assembly session number
     (`74` -> `UNGA-74`);
   - `date`: ISO date (`2019-12-27`), may be empty;
   - `title`: what was voted on;
   - `resolution`: the resolution symbol as written (`A/RES/74/247`, `R/74/247`), may be empty;
   - `actor`: ISO 3166-1 alpha-3 code, or any name or alias the actor reference resolves
     (historical members too: `SUN`, `USSR`);
   - `vote`: `yes`, `no`, `abstain` (any case; also `Y`, `N`, `A`).

   The roll-call columns repeat on every row of a roll call and must agree.

Records:

- Roll calls: id `UNGA-RC-<rcid>`; session `UNGA-<n>`; `resolution` as written in the source
  (`R/74/247`); issue key `unga-<normalized resolution>` (`unga-a-res-74-247`, see
  `normalize_resolution`) or `unga-rc-<rcid>` when there is no usable symbol; title = `short`,
  else `descr`.
- Sessions `UNGA-<n>`: `SessionInfo(name="UN General Assembly 74th session", start/end = the
  first/last roll-call date of the session, venue, body="UNGA")`. For the unvotes layout the dates
  span every roll call of the session in the roll-calls file (so a slice gives the same dates);
  for the generic layout, the roll calls in the file.
- Countries (unvotes layout): ISO alpha-2 -> the project's ISO3 code (pycountry, cached).
  Historical members stay their own actors (`HISTORICAL`, kind "historical", with a successor);
  codes the data reuses across a change of state are mapped by the date of the roll call
  (`RU` before 24 Dec 1991 is the USSR, `YU` is Yugoslavia, then Serbia and Montenegro, then
  Serbia); rows without a code are resolved by the country name. The full table is in
  `HISTORY_TABLE` and in the module's tests. These date rules apply to the unvotes layout only:
  in the generic layout an actor means what it says (`RUS` is the Russian Federation).

Everything is validated before a plan is returned: an unknown country or name, a bad vote value,
a bad date, a roll call missing from the roll-calls file, a duplicate vote: each is a `LoadError`
with the file, the 1-based line in the (decompressed) CSV (header = line 1), the value, and the
closest known names. Up to `MAX_ERRORS` problems are collected, then `LoadErrors` is raised.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import difflib
import gc
import gzip
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from graphkit.model import Actor, RollCall, SessionInfo, Vote
from graphkit.store.ingest import BATCH, actor_steps, session_steps, vote_steps
from loaders.actors import ActorIndex, reference
from loaders.dataset import load_sessions
from loaders.errors import LoadError, LoadErrors
from loaders.plan import LoadPlan, reference_steps
from loaders.resources import data_dir

MAX_ERRORS = 50

UNVOTES_COLUMNS = ("rcid", "country", "country_code", "vote")
ROLL_CALL_COLUMNS = ("rcid", "session", "date", "unres", "short", "descr")
ROLL_CALL_OPTIONAL = ("importantvote", "amend", "para")
GENERIC_COLUMNS = ("roll_call", "session", "date", "title", "resolution", "actor", "vote")
ROLL_CALLS_BESIDE = ("un_roll_calls.csv.gz", "un_roll_calls.csv")

VOTE_VALUES = {
    "yes": "yes", "y": "yes",
    "no": "no", "n": "no",
    "abstain": "abstain", "a": "abstain", "abstention": "abstain",
}  # fmt: skip

# Historical members: ISO 3166-3 alpha-3 codes where they exist (SUN, YUG, SCG, CSK, DDR, YMD);
# YAR and ZAN have none (ISO kept YE/YEM for the Yemen Arab Republic) and use common short codes.
# TWN held China's seat until GA resolution 2758 (XXVI) of 25 Oct 1971.
HISTORICAL: tuple[Actor, ...] = (
    Actor("SUN", "Union of Soviet Socialist Republics", "historical", "EEG",
          ("USSR", "U.S.S.R.", "Soviet Union"), "RUS"),
    Actor("YUG", "Yugoslavia", "historical", "EEG",
          ("Socialist Federal Republic of Yugoslavia", "SFRY", "Federal Republic of Yugoslavia",
           "FRY"), "SRB"),
    Actor("SCG", "Serbia and Montenegro", "historical", "EEG", ("Serbia & Montenegro",), "SRB"),
    Actor("CSK", "Czechoslovakia", "historical", "EEG",
          ("Czechoslovak Socialist Republic", "Czech and Slovak Federal Republic"), "CZE"),
    Actor("DDR", "German Democratic Republic", "historical", "EEG", ("East Germany", "GDR"),
          "DEU"),
    Actor("YMD", "Democratic Yemen", "historical", "APG",
          ("South Yemen", "Yemen People's Republic", "People's Democratic Republic of Yemen"),
          "YEM"),
    Actor("YAR", "Yemen Arab Republic", "historical", "APG", ("North Yemen",), "YEM"),
    Actor("ZAN", "Zanzibar", "historical", "AFRICAN_GROUP", ("People's Republic of Zanzibar",),
          "TZA"),
    Actor("TWN", "Republic of China (Taiwan)", "historical", "APG", ("Taiwan",), "CHN"),
)  # fmt: skip

# unvotes alpha-2 codes that pycountry does not map to a current member (or maps wrongly for
# this data: `CS` was later Serbia and Montenegro in ISO, but here it is always Czechoslovakia).
# Old ISO codes of renamed states (BU Burma, DY Dahomey, HV Upper Volta, ZR Zaire, TP East
# Timor) map to the same state's current code; they are not in this snapshot but in older ones.
ALPHA2_EXTRA = {
    "SU": "SUN", "CS": "CSK", "DD": "DDR", "YD": "YMD", "TW": "TWN",
    "BU": "MMR", "DY": "BEN", "HV": "BFA", "ZR": "COD", "TP": "TLS",
}  # fmt: skip

# Codes that the unvotes data keeps across a change of state, as periods (first day, actor):
# the actor of a row is the one of the last period starting on or before the roll call's date.
# RU: Russia took over the USSR's seat on 24 Dec 1991. YU: Yugoslavia (the SFRY until 1992 and
# the FRY admitted in 2000: ISO YUG covered both), renamed Serbia and Montenegro on 4 Feb 2003,
# Serbia alone from 3 Jun 2006. YAR (rows without a code, by name): the Yemen Arab Republic's
# seat is the Republic of Yemen's from the union of 22 May 1990.
PERIODS: dict[str, tuple[tuple[str, str], ...]] = {
    "RU": (("", "SUN"), ("1991-12-24", "RUS")),
    "YU": (("", "YUG"), ("2003-02-04", "SCG"), ("2006-06-03", "SRB")),
    "YAR": (("", "YAR"), ("1990-05-22", "YEM")),
}

HISTORY_TABLE = """\
| in the data | actor | name | kind | successor | rule |
|---|---|---|---|---|---|
| RU before 1991-12-24 | SUN | Union of Soviet Socialist Republics | historical | RUS | by date |
| RU from 1991-12-24 | RUS | Russian Federation | state | | |
| YU before 2003-02-04 | YUG | Yugoslavia (SFRY 1945-92, FRY 2000-03) | historical | SRB | by date |
| YU 2003-02-04 .. 2006-06-02 | SCG | Serbia and Montenegro | historical | SRB | by date |
| YU from 2006-06-03 | SRB | Serbia | state | | |
| CS | CSK | Czechoslovakia | historical | CZE (and SVK) | |
| DD | DDR | German Democratic Republic | historical | DEU | |
| YD | YMD | Democratic Yemen | historical | YEM | |
| TW | TWN | Republic of China (Taiwan) | historical | CHN (the seat) | |
| (no code) Yemen Arab Republic, to 1990-05-21 | YAR | Yemen Arab Republic | historical | YEM | |
| (no code) Yemen Arab Republic, from 1990-05-22 | YEM | Yemen | state | | by date |
| (no code) Zanzibar | ZAN | Zanzibar | historical | TZA | by name |
| (no code) Federal Republic of Germany | DEU | Germany (same state) | state | | by name |
"""

_ORDINAL = {1: "st", 2: "nd", 3: "rd"}
_VENUES = {1: "London / New York", 3: "Paris / New York", 6: "Paris"}
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_UNRES = re.compile(r"^(R|SS|ESS)/(\d+)/(\d+)([A-Z]*)((?:/[A-Z]+)?)$")
_SLUG = re.compile(r"[^a-z0-9]+")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_PROJECT_ID = re.compile(r"^(UNGA-)?RC-[A-Za-z0-9._-]+$")
_UNGA = re.compile(r"^UNGA-(\d+)$")


# -- small pure helpers ---------------------------------------------------------------------------
def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL.get(n % 10, "th")
    return f"{n}{suffix}"


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


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
            return f"A/RES/{int(number)}{letters}({_roman(int(session))}){part}"
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


def _iso_date(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        return None


def vote_index(ref: ActorIndex | None = None) -> ActorIndex:
    """A copy of the actor reference with the historical members added (the shared one is
    left as it is)."""
    index = (ref or reference()).copy()
    for actor in HISTORICAL:
        if actor.code not in index.actors:
            index.add(actor)
    return index


# -- reading --------------------------------------------------------------------------------------
@dataclass
class VoteData:
    """Everything read from one votes source, validated."""

    layout: str  # "unvotes" | "generic"
    files: list[str]
    roll_calls: list[RollCall] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    sessions: list[SessionInfo] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # historical members voting here
    resolutions: dict[str, str | None] = field(default_factory=dict)  # roll call -> A/RES/...


class _Errors:
    """Problems of one file; `full` once MAX_ERRORS are collected (reading stops there)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[LoadError] = []

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_ERRORS

    def add(self, message: str, line: int | None, value: object = None, suggestions=None):
        self.items.append(
            LoadError(message, file=self.file, line=line, value=value,
                      suggestions=list(suggestions or []) or None)
        )  # fmt: skip

    def raise_if_any(self) -> None:
        if self.items:
            if self.full:
                self.items.append(LoadError(f"stopped after {MAX_ERRORS} problems", file=self.file))
            raise LoadErrors(self.items)


class _Text:
    """A CSV file as text, gzipped or not (by its magic bytes), with read errors as LoadError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with open(path, "rb") as raw:
                gz = raw.read(2) == b"\x1f\x8b"
            if gz:
                binary = gzip.open(path, "rb")  # noqa: SIM115 - closed by the wrapper
                self.handle = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
            else:
                self.handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as exc:
            raise LoadError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None

    def __enter__(self) -> tuple[list[str], _Numbered]:
        """(header names, stripped and lowercased; rows as (first line, fields))."""
        reader = csv.reader(self.handle)
        try:
            header = next(reader, None)
        except BaseException as exc:
            self.__exit__(type(exc), exc, None)
            raise
        if not header:
            self.handle.close()
            raise LoadError("empty file: expected a CSV header", file=str(self.path), line=1)
        return [c.strip().lower() for c in header], _Numbered(reader)

    def __exit__(self, exc_type, exc, tb):
        self.handle.close()
        if exc_type is None or isinstance(exc, LoadError):
            return False
        if issubclass(exc_type, UnicodeDecodeError):
            raise LoadError("not UTF-8 text", file=str(self.path)) from None
        if issubclass(exc_type, EOFError | OSError | csv.Error):
            raise LoadError(f"cannot read: {exc}", file=str(self.path)) from None
        return False


class _Numbered:
    """Rows as (first line of the record, fields): 1-based lines of the text (header = 1),
    right for records that span lines too."""

    def __init__(self, reader) -> None:
        self.reader = reader

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader = self.reader
        end = reader.line_num
        for row in reader:
            yield end + 1, row
            end = reader.line_num


@contextlib.contextmanager
def _gc_paused():
    """No cyclic GC while building ~1M small records: none of them form cycles, and the
    collector's repeated passes over the growing heap would take longer than the reading."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _header(path: Path) -> list[str]:
    with _Text(path) as (header, _):
        return header


def detect_layout(header: list[str], file: str = "") -> str:
    """'unvotes' or 'generic' from a header (lowercased names); LoadError otherwise."""
    cols = set(header)
    if set(UNVOTES_COLUMNS) <= cols:
        return "unvotes"
    if set(GENERIC_COLUMNS) <= cols:
        extra = [c for c in header if c not in GENERIC_COLUMNS]
        if extra:
            raise LoadError(
                f"unknown column(s) {', '.join(extra)}; the generic layout has exactly "
                f"{', '.join(GENERIC_COLUMNS)}",
                file=file, line=1, value=extra,
            )  # fmt: skip
        return "generic"
    if "rcid" in cols and "unres" in cols:
        raise LoadError(
            "this is a roll-calls file: give the votes file (rcid, country, country_code, vote)"
            " and this one as the roll calls",
            file=file, line=1,
        )  # fmt: skip
    want = (
        GENERIC_COLUMNS
        if len(cols & set(GENERIC_COLUMNS)) > len(cols & set(UNVOTES_COLUMNS))
        else UNVOTES_COLUMNS
    )
    missing = [c for c in want if c not in cols]
    hints = [m for c in missing for m in difflib.get_close_matches(c, header, n=1)]
    raise LoadError(
        f"unknown votes layout (header: {', '.join(header)}); expected the unvotes columns "
        f"({', '.join(UNVOTES_COLUMNS)}) or the generic columns ({', '.join(GENERIC_COLUMNS)});"
        f" missing {', '.join(missing)}"
        + (f" (found {', '.join(hints)})" if hints else ""),
        file=file, line=1, value=header,
    )  # fmt: skip


def _session_set(sessions_filter) -> set[str] | None:
    if sessions_filter is None:
        return None
    if isinstance(sessions_filter, str | int):
        sessions_filter = [sessions_filter]
    out = set()
    for s in sessions_filter:
        text = str(s).strip()
        out.add(f"UNGA-{int(float(text))}" if re.fullmatch(r"\d+(\.0*)?", text) else text)
    return out


class _Resolver:
    """(data code, country name) -> project code, cached; dated codes by the roll call's date."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.cache: dict[tuple[str, str], str | tuple[tuple[str, str], ...] | None] = {}
        self.fast: dict[str, str] = {}  # data codes that resolve to one code whatever the date

    def _lookup(self, cc: str, name: str):
        if cc:
            if cc in PERIODS:
                return PERIODS[cc]
            code = ALPHA2_EXTRA.get(cc)
            if code is None:
                country = pycountry.countries.get(alpha_2=cc)
                code = country.alpha_3 if country else None
            return code if code in self.index.actors else None
        code = self.index.resolve(name) if name else None
        return PERIODS.get(code, code) if code else None

    def code(self, cc: str, name: str, date: str | None) -> str | None:
        key = (cc, name)
        try:
            hit = self.cache[key]
        except KeyError:
            hit = self.cache[key] = self._lookup(cc, name)
            if cc and type(hit) is str:
                self.fast[cc] = hit
        if hit is None or type(hit) is str:
            return hit
        if date is None:
            return hit[-1][1]
        for start, code in reversed(hit):
            if date >= start:
                return code
        return hit[0][1]  # pragma: no cover - the first period starts at ""

    def explain(self, cc: str, name: str) -> tuple[str, list[str]]:
        if cc:
            country = pycountry.countries.get(alpha_2=cc)
            if country:
                why = (f"country code {cc!r} ({name}) is {country.alpha_3} {country.name}, "
                       "not a UN member or known actor")  # fmt: skip
            else:
                why = f"unknown country code {cc!r} ({name!r})"
        else:
            why = f"no country code and unknown country name {name!r}"
        return why, self.index.suggest(name) if name else []


def _read_roll_calls(path: Path) -> dict[str, tuple[int, int, str | None, str, str]]:
    """rcid -> (line, session number, date, unres, title) for every roll call of the file."""
    errors = _Errors(str(path))
    out: dict[str, tuple[int, int, str | None, str, str]] = {}
    with _Text(path) as (header, rows):
        missing = [c for c in ROLL_CALL_COLUMNS if c not in header]
        if missing:
            raise LoadError(
                f"not an unvotes roll-calls file: missing column(s) {', '.join(missing)} "
                f"(expected {', '.join(ROLL_CALL_COLUMNS + ROLL_CALL_OPTIONAL)})",
                file=str(path), line=1, value=header,
            )  # fmt: skip
        i_id, i_s, i_d, i_u, i_short, i_descr = (header.index(c) for c in ROLL_CALL_COLUMNS)
        for line, row in rows:
            if errors.full:
                break
            if len(row) != len(header):
                if any(cell.strip() for cell in row):
                    errors.add(f"{len(row)} fields, expected {len(header)}", line, row)
                continue
            raw_id, raw_session, raw_date = row[i_id], row[i_s], row[i_d].strip()
            try:
                rcid = str(int(float(raw_id)))
                session = int(float(raw_session))
            except ValueError:
                errors.add(f"rcid {raw_id!r} and session {raw_session!r} must be numbers", line)
                continue
            date = _iso_date(raw_date) if raw_date else None
            if raw_date and date is None:
                errors.add(f"date {raw_date!r} is not an ISO date (YYYY-MM-DD)", line, raw_date)
                continue
            if rcid in out:
                errors.add(f"rcid {rcid} is also on line {out[rcid][0]}", line, raw_id)
                continue
            title = row[i_short].strip() or row[i_descr].strip() or f"Roll call {rcid}"
            out[rcid] = (line, session, date, row[i_u].strip(), title)
    errors.raise_if_any()
    return out


def _roll_calls_beside(votes_path: Path) -> Path:
    for name in ROLL_CALLS_BESIDE:
        candidate = votes_path.parent / name
        if candidate.exists():
            return candidate
    raise LoadError(
        f"no roll-calls file beside the votes ({' or '.join(ROLL_CALLS_BESIDE)} in "
        f"{votes_path.parent}): give it explicitly",
        file=str(votes_path),
    )


def _as_rcid(value: str) -> str:
    text = str(value).strip()
    if text.upper().startswith("UNGA-RC-"):
        text = text[8:]
    try:
        return str(int(float(text)))
    except ValueError:
        return text


def _read_unvotes(
    path: Path, rc_path: Path, index: ActorIndex, sessions: set[str] | None, rcids
) -> VoteData:
    table = _read_roll_calls(rc_path)
    wanted = None if rcids is None else {_as_rcid(r) for r in _listed(rcids)}
    rc_ids = {
        rcid: f"UNGA-RC-{rcid}"
        for rcid, (_, session, *_rest) in table.items()
        if (sessions is None or f"UNGA-{session}" in sessions)
        and (wanted is None or rcid in wanted)
    }  # fmt: skip
    dates = {rcid: table[rcid][2] for rcid in rc_ids}

    errors = _Errors(str(path))
    resolver = _Resolver(index)
    fast = resolver.fast  # data code -> project code, for codes without date rules
    values = VOTE_VALUES
    prefix = f"{path.name}:"
    votes: list[Vote] = []
    append = votes.append
    voters: dict[str, set[str]] = {}  # roll call id -> codes that voted (duplicate check)
    with _Text(path) as (header, rows):
        i_rc, i_name, i_cc, i_vote = (header.index(c) for c in UNVOTES_COLUMNS)
        width = len(header)
        reader = rows.reader  # the hot loop: no generator, the line counted inline
        end = reader.line_num
        for row in reader:
            line = end + 1
            end = reader.line_num
            if len(row) != width:
                if any(cell.strip() for cell in row):
                    errors.add(f"{len(row)} fields, expected {width}", line, row)
                    if errors.full:
                        break
                continue
            rcid = row[i_rc]
            rc_id = rc_ids.get(rcid)
            if rc_id is None:
                if rcid in table:
                    continue  # not selected
                rcid = _as_rcid(rcid)
                rc_id = rc_ids.get(rcid)
                if rc_id is None:
                    if rcid not in table:
                        errors.add(f"roll call {row[i_rc]!r} is not in {rc_path.name}", line,
                                   row[i_rc])  # fmt: skip
                        if errors.full:
                            break
                    continue
            code = fast.get(row[i_cc])
            if code is None:
                cc, name = row[i_cc], row[i_name]
                code = resolver.code(cc, name, dates[rcid])
                if code is None and (cc != cc.strip().upper() or name != name.strip()):
                    cc, name = cc.strip().upper(), name.strip()
                    code = resolver.code(cc, name, dates[rcid])
                if code is None:
                    why, hints = resolver.explain(cc, name)
                    errors.add(why, line, cc or name, hints)
            vote = values.get(row[i_vote])
            if vote is None:
                raw_vote = row[i_vote]
                vote = values.get(raw_vote.strip().lower())
                if vote is None:
                    errors.add(f"vote {raw_vote!r} must be yes, no or abstain (or Y, N, A)",
                               line, raw_vote)  # fmt: skip
            if code is None or vote is None:
                if errors.full:
                    break
                continue
            codes = voters.get(rc_id)
            if codes is None:
                codes = voters[rc_id] = set()
            elif code in codes:
                first = next(v.source for v in reversed(votes) if v.roll_call == rc_id
                             and v.actor == code)  # fmt: skip
                errors.add(f"{code} votes twice on roll call {rcid} (first on {first})", line,
                           row[i_name])  # fmt: skip
                if errors.full:
                    break
                continue
            codes.add(code)
            append(Vote(rc_id, code, vote, prefix + str(line)))
    errors.raise_if_any()
    del voters

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
            source=f"{rc_path.name}:{line}",
        ))  # fmt: skip
        resolutions[rc_id] = normalize_resolution(unres)
        used_sessions.add(session)
    session_dates: dict[int, list[str | None]] = {}
    for _, session, date, _, _ in table.values():
        if session in used_sessions:
            session_dates.setdefault(session, []).append(date)
    infos = [unga_session(n, session_dates[n]) for n in sorted(used_sessions)]
    return VoteData("unvotes", [str(path), str(rc_path)], roll_calls, votes, infos,
                    _historical_used(votes, index), resolutions)  # fmt: skip


def _listed(values) -> list:
    return [values] if isinstance(values, str | int) else list(values)


def _historical_used(votes: list[Vote], index: ActorIndex) -> list[Actor]:
    codes = {v.actor for v in votes}
    return [index.actors[c] for c in sorted(codes) if index.actors[c].kind == "historical"]


@dataclass
class _Call:
    line: int
    id: str
    session: str
    date: str | None
    fields: tuple[str, str, str, str]  # session, date, title, resolution as written


_CALL_FIELDS = ("session", "date", "title", "resolution")


def _read_generic(path: Path, index: ActorIndex, sessions: set[str] | None, rcids) -> VoteData:
    known_sessions = load_sessions()
    errors = _Errors(str(path))
    fname = path.name
    wanted = None if rcids is None else {str(r).strip() for r in _listed(rcids)}
    calls: dict[str, _Call | None] = {}  # roll_call as written -> roll call (None: invalid)
    ids: dict[str, str] = {}  # roll call id -> roll_call as written
    actor_cache: dict[str, str | None] = {}
    votes: list[Vote] = []
    seen: dict[tuple[str, str], int] = {}
    with _Text(path) as (header, rows):
        i_rc, i_s, i_d, i_t, i_r, i_a, i_v = (header.index(c) for c in GENERIC_COLUMNS)
        width = len(header)
        for line, row in rows:
            if errors.full:
                break
            if len(row) != width:
                if any(cell.strip() for cell in row):
                    errors.add(f"{len(row)} fields, expected {width}", line, row)
                continue
            raw_rc = row[i_rc].strip()
            fields = (row[i_s].strip(), row[i_d].strip(), row[i_t].strip(), row[i_r].strip())
            if raw_rc not in calls:
                call = _generic_call(raw_rc, fields, line, known_sessions, errors)
                if call is not None and ids.setdefault(call.id, raw_rc) != raw_rc:
                    errors.add(f"roll_call {raw_rc!r} and {ids[call.id]!r} are both {call.id}",
                               line, raw_rc)  # fmt: skip
                    call = None
                calls[raw_rc] = call
            call = calls[raw_rc]
            if call is not None and call.fields != fields:
                k = next(k for k in range(4) if call.fields[k] != fields[k])
                errors.add(
                    f"roll call {raw_rc!r} has {_CALL_FIELDS[k]} {fields[k]!r} here but "
                    f"{call.fields[k]!r} on line {call.line}",
                    line, fields[k],
                )  # fmt: skip
                continue
            if call is not None and (
                (wanted is not None and raw_rc not in wanted and call.id not in wanted)
                or (sessions is not None and call.session not in sessions)
            ):
                continue
            raw_actor = row[i_a]
            try:
                code = actor_cache[raw_actor]
            except KeyError:
                code = index.resolve(raw_actor.strip())
                if code is not None and index.is_group(code):
                    code = ""
                actor_cache[raw_actor] = code
            raw_vote = row[i_v]
            vote = VOTE_VALUES.get(raw_vote.strip().lower())
            if code is None:
                actor = raw_actor.strip()
                errors.add(f"unknown actor {actor!r}", line, raw_actor,
                           index.suggest(actor) if actor else None)  # fmt: skip
            elif code == "":
                errors.add(f"{raw_actor.strip()!r} is a group: votes are cast by states", line,
                           raw_actor)  # fmt: skip
            if vote is None:
                errors.add(f"vote {raw_vote!r} must be yes, no or abstain (or Y, N, A)", line,
                           raw_vote)  # fmt: skip
            if not code or vote is None or call is None:
                continue
            first = seen.setdefault((call.id, code), line)
            if first != line:
                errors.add(f"{code} votes twice on roll call {raw_rc!r} (first on line {first})",
                           line, raw_actor)  # fmt: skip
                continue
            votes.append(Vote(call.id, code, vote, f"{fname}:{line}"))
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
            issue=issue_key(resolution, call.id), source=f"{fname}:{call.line}",
        ))  # fmt: skip
        resolutions[call.id] = normalize_resolution(resolution)
        match = _UNGA.match(call.session)
        if match:
            unga_dates.setdefault(int(match.group(1)), []).append(call.date)
    infos = [unga_session(n, unga_dates[n]) for n in sorted(unga_dates)]
    return VoteData("generic", [str(path)], roll_calls, votes, infos,
                    _historical_used(votes, index), resolutions)  # fmt: skip


def _generic_call(raw_rc: str, fields, line: int, known_sessions, errors: _Errors) -> _Call | None:
    raw_session, raw_date, _, _ = fields
    n_before = len(errors.items)
    rc_id = generic_roll_call_id(raw_rc) if raw_rc else ""
    if rc_id in ("", "RC-"):
        errors.add(f"roll_call {raw_rc!r} is empty or has no usable characters", line, raw_rc)
    session = None
    if raw_session in known_sessions or _UNGA.match(raw_session):
        session = raw_session
    elif re.fullmatch(r"\d+(\.0*)?", raw_session):
        session = f"UNGA-{int(float(raw_session))}"
    else:
        close = difflib.get_close_matches(raw_session, sorted(known_sessions), n=2)
        errors.add(
            f"unknown session {raw_session!r}: a session id (AHC-7, UNGA-74) or a General "
            "Assembly session number (74)",
            line, raw_session, close,
        )  # fmt: skip
    date = _iso_date(raw_date) if raw_date else None
    if raw_date and date is None:
        errors.add(f"date {raw_date!r} is not an ISO date (YYYY-MM-DD)", line, raw_date)
    if len(errors.items) > n_before or session is None:
        return None
    return _Call(line, rc_id, session, date, fields)


def read_votes(
    votes_path: Path | str,
    roll_calls_path: Path | str | None = None,
    *,
    ref: ActorIndex | None = None,
    sessions_filter: Iterable[int | str] | int | str | None = None,
    rcids: Iterable[int | str] | int | str | None = None,
) -> VoteData:
    """Read and validate a votes file (either layout); raises LoadError / LoadErrors.

    `sessions_filter`: session numbers or ids (`74`, `"UNGA-74"`); `rcids`: unvotes rcids or
    roll-call ids (`9087`, `"UNGA-RC-9087"`; generic layout: the `roll_call` value or its id).
    """
    path = Path(votes_path)
    if not path.is_file():
        raise LoadError("no such file", file=str(path))
    index = vote_index(ref)
    layout = detect_layout(_header(path), str(path))
    sessions = _session_set(sessions_filter)
    if layout == "unvotes":
        rc_path = Path(roll_calls_path) if roll_calls_path else None
        if rc_path is not None and not rc_path.is_file():
            raise LoadError("no such file", file=str(rc_path))
        rc_path = rc_path or _roll_calls_beside(path)
        with _gc_paused():
            return _read_unvotes(path, rc_path, index, sessions, rcids)
    if roll_calls_path:
        raise LoadError(
            "the generic layout holds the roll calls itself: no roll-calls file is used",
            file=str(roll_calls_path),
        )
    with _gc_paused():
        return _read_generic(path, index, sessions, rcids)


def plan_votes(
    votes_path: Path | str,
    roll_calls_path: Path | str | None = None,
    *,
    ref: ActorIndex | None = None,
    sessions_filter: Iterable[int | str] | int | str | None = None,
    rcids: Iterable[int | str] | int | str | None = None,
    batch: int = BATCH,
    with_reference: bool = True,
) -> LoadPlan:
    """Validate a votes source into a plan (reference actors and sessions, the historical members
    and UNGA sessions it uses, its roll calls and votes); raises on any problem. Every step
    MERGEs, so loading twice changes nothing; `execute` writes it atomically."""
    data = read_votes(
        votes_path, roll_calls_path, ref=ref, sessions_filter=sessions_filter, rcids=rcids
    )
    return plan_from(data, ref=ref, batch=batch, with_reference=with_reference)


def plan_from(
    data: VoteData,
    *,
    ref: ActorIndex | None = None,
    batch: int = BATCH,
    with_reference: bool = True,
) -> LoadPlan:
    """The plan of validated vote data; `with_reference=False` when the caller adds it once."""
    plan = LoadPlan(files=list(data.files))
    if with_reference:
        plan.steps = reference_steps(ref or reference())
    plan.steps += actor_steps(data.actors, {})
    plan.steps += session_steps(data.sessions)
    with _gc_paused():
        plan.steps += vote_steps(data.roll_calls, data.votes, batch)
    plan.votes = len(data.votes)
    return plan


# -- the bundled file -----------------------------------------------------------------------------
BUNDLED = "votes/unga_cybercrime_resolutions.csv"
# A/RES/73/187 (17 Dec 2018) and A/RES/74/247 (27 Dec 2019) in the unvotes data.
BUNDLED_RCIDS = (6138, 9087)


def bundled_votes_files() -> list[Path]:
    return sorted((data_dir() / "votes").glob("*.csv"))


def write_generic(data: VoteData, out) -> int:
    """Write roll calls and votes in the generic layout (rows by roll call, then actor code)."""
    calls = {rc.id: rc for rc in data.roll_calls}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GENERIC_COLUMNS)
    rows = 0
    order = {rc.id: i for i, rc in enumerate(data.roll_calls)}
    for v in sorted(data.votes, key=lambda v: (order[v.roll_call], v.actor)):
        rc = calls[v.roll_call]
        writer.writerow(
            [rc.id, rc.session, rc.date or "", rc.title, rc.resolution or "", v.actor, v.vote]
        )
        rows += 1
    return rows


def make_bundled(unvotes_dir: Path | str, out: Path | str | None = None) -> Path:
    """Regenerate the bundled CSV from the unvotes data (`bench/make_bundled_votes.py`)."""
    unvotes_dir = Path(unvotes_dir)
    target = Path(out) if out else data_dir() / BUNDLED
    data = read_votes(unvotes_dir / "un_votes.csv.gz", rcids=BUNDLED_RCIDS)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="") as f:
        write_generic(data, f)
    return target
