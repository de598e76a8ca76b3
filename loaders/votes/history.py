"""Historical UN members and the country codes of the unvotes data, from `data/unga_members.yaml`.

Historical members stay their own actors (kind "historical", with a successor). Codes the data
reuses across a change of state are mapped by the date of the roll call (`RU` before 24 Dec 1991
is the USSR). The tables are data, not code: `data/unga_members.yaml` says what each rule is
and why; this module only reads, checks and applies them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pycountry
import yaml

from graphkit.model import Actor
from loaders.actors import ActorIndex, reference
from loaders.errors import LoadError
from loaders.resources import data_dir

MEMBERS_FILE = "unga_members.yaml"
Periods = tuple[tuple[str, str], ...]  # (first day, actor code), first day "" = always


@dataclass(frozen=True)
class History:
    historical: tuple[Actor, ...]
    alpha2: dict[str, str]  # unvotes alpha-2 code -> project code (beyond pycountry)
    dated: dict[str, Periods]  # code or actor -> periods
    table: str  # the rules as a Markdown table


def _fail(path: Path, what: str) -> LoadError:
    return LoadError(f"{what} (the historical members table)", file=str(path))


def load_history(path: Path | None = None) -> History:
    """Read and check the table (a broken bundled file is a LoadError naming it)."""
    path = path or data_dir() / MEMBERS_FILE
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(path, f"cannot read: {exc}") from None
    if not isinstance(doc, dict):
        raise _fail(path, "expected a mapping")
    try:
        historical = tuple(
            Actor(
                str(m["code"]), str(m["name"]), "historical", str(m["region"]),
                tuple(str(a) for a in m.get("aliases") or ()), str(m["successor"]),
            )
            for m in doc["historical"]
        )  # fmt: skip
        alpha2 = {str(k): str(v) for k, v in doc["alpha2"].items()}
        dated = {
            str(code): tuple((str(p["from"] or ""), str(p["actor"])) for p in periods)
            for code, periods in doc["dated"].items()
        }
        columns, rows = doc["table"]["columns"], doc["table"]["rows"]
    except (KeyError, TypeError, AttributeError) as exc:
        raise _fail(path, f"malformed entry ({type(exc).__name__}: {exc})") from None
    for code, periods in dated.items():
        starts = [start for start, _ in periods]
        if not periods or starts[0] != "" or starts != sorted(starts):
            raise _fail(path, f"periods of {code} must start with '' and be in date order")
    return History(historical, alpha2, dated, _markdown(columns, rows))


def _markdown(columns: list, rows: list) -> str:
    def line(cells) -> str:
        return "|" + "|".join(f" {c} " if str(c) else " " for c in cells) + "|"

    return "\n".join([line(columns), "|" + "---|" * len(columns), *map(line, rows)]) + "\n"


@functools.lru_cache(maxsize=1)
def history() -> History:
    """The bundled table, read once per process."""
    return load_history()


def vote_index(ref: ActorIndex | None = None) -> ActorIndex:
    """A copy of the actor reference with the historical members added (the shared one is
    left as it is)."""
    index = (ref or reference()).copy()
    for actor in history().historical:
        if actor.code not in index.actors:
            index.add(actor)
    return index


class CountryResolver:
    """(data code, country name) -> project code, cached; dated codes by the roll call's date."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        table = history()
        self.alpha2, self.dated = table.alpha2, table.dated
        self.cache: dict[tuple[str, str], str | Periods | None] = {}
        self.fast: dict[str, str] = {}  # data codes that resolve to one code whatever the date

    def _lookup(self, cc: str, name: str):
        if cc:
            if cc in self.dated:
                return self.dated[cc]
            code = self.alpha2.get(cc)
            if code is None:
                country = pycountry.countries.get(alpha_2=cc) if len(cc) == 2 else None
                code = country.alpha_3 if country else None
            return code if code in self.index.actors else None
        code = self.index.resolve(name) if name else None
        return self.dated.get(code, code) if code else None

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
            country = pycountry.countries.get(alpha_2=cc) if len(cc) == 2 else None
            if country:
                why = (f"country code {cc!r} ({name}) is {country.alpha_3} {country.name}, "
                       "not a UN member or known actor")  # fmt: skip
            else:
                why = f"unknown country code {cc[:20]!r} ({name[:60]!r})"
        else:
            why = f"no country code and unknown country name {name[:60]!r}"
        return why, self.index.suggest(name[:200]) if name else []
