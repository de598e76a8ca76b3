"""The actor reference: every UN member state, the observers, the EU and negotiating groups.

Canonical names come from pycountry; `data/actors.yaml` adds only UN facts (regional groups,
negotiating groups, observers) and the aliases reports really use. `ActorIndex.resolve` maps
any of those spellings to a project code (ISO3, `EU`, or a group code).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

from graphkit.model import Actor
from loaders.resources import data_dir

MAX_NAME = 200  # the longest actor name is ~60 characters: longer input is no name (and is
# neither normalized into the cache nor compared letter by letter for suggestions)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Fold case, accents, apostrophes, hyphens and a leading 'the' so spellings compare."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("-", " ").replace(".", "")
    text = _SPACES.sub(" ", text).strip(" ,;:")
    if text.startswith("the "):
        text = text[4:]
    return text


def _pycountry_names(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return []
    # display name: the common name, or the official one where ISO inverts it ("Iran, ...")
    display = getattr(country, "common_name", None)
    if not display and "," in country.name:
        display = getattr(country, "official_name", None)
    names = [display or country.name, country.name]
    for attr in ("official_name", "common_name"):
        value = getattr(country, attr, None)
        if value:
            names.append(value)
    return names


class ActorIndex:
    """Lookup from any known spelling to an actor code, with suggestions for misses."""

    def __init__(self, actors: dict[str, Actor], groups: dict[str, tuple[str, ...]]):
        self.actors = actors
        self.groups = groups  # group code -> member state codes
        self._by_alias: dict[str, str] = {}
        for code in sorted(actors):
            actor = actors[code]
            for alias in (code, actor.name, *actor.aliases):
                self._by_alias.setdefault(normalize(alias), code)

    def resolve(self, name: str) -> str | None:
        """The code for a name as written in a report, or None."""
        if not isinstance(name, str) or len(name) > MAX_NAME:
            return None
        if name in self.actors:
            return name
        return self._by_alias.get(normalize(name))

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Closest known names, as 'Name (CODE)', for error messages."""
        key = normalize(str(name)[:MAX_NAME])
        matches = difflib.get_close_matches(key, list(self._by_alias), n=n * 3, cutoff=0.6)
        if matches:  # keep only those nearly as close as the best one
            best = difflib.SequenceMatcher(None, key, matches[0]).ratio()
            matches = [
                m for m in matches if difflib.SequenceMatcher(None, key, m).ratio() >= best - 0.1
            ]
        out: list[str] = []
        for match in matches:
            code = self._by_alias[match]
            label = f"{self.actors[code].name} ({code})"
            if label not in out:
                out.append(label)
        return out[:n]

    def aliases(self, code: str) -> list[str]:
        """Every spelling that resolves to this code (normalized)."""
        return sorted(alias for alias, c in self._by_alias.items() if c == code)

    def is_group(self, code: str) -> bool:
        return code in self.groups

    def states(self) -> list[Actor]:
        return [a for a in self.actors.values() if a.kind in ("state", "observer")]

    def groups_of(self, code: str) -> set[str]:
        """Group codes (regional and negotiating) that a state belongs to."""
        return {g for g, members in self.groups.items() if code in members}

    def copy(self) -> ActorIndex:
        """An independent index, so a load can add actors without touching the shared one."""
        clone = ActorIndex.__new__(ActorIndex)
        clone.actors, clone.groups = dict(self.actors), dict(self.groups)
        clone._by_alias = dict(self._by_alias)
        return clone

    def add(self, actor: Actor, members: tuple[str, ...] | None = None) -> None:
        """Register an extra actor (a historical member, a new group) at run time."""
        self.actors[actor.code] = actor
        for alias in (actor.code, actor.name, *actor.aliases):
            self._by_alias.setdefault(normalize(alias), actor.code)
        if members is not None:
            self.groups[actor.code] = members


def load_reference(path: Path | None = None) -> ActorIndex:
    """Build the index from `actors.yaml` and pycountry."""
    path = path or data_dir() / "actors.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    aliases: dict[str, list[str]] = spec.get("aliases", {})
    region_of = {code: region for region, codes in spec["regions"].items() for code in codes}
    actors: dict[str, Actor] = {}
    for code in sorted(set(region_of) | set(spec.get("observers", []))):
        names = _pycountry_names(code)
        if not names:
            raise ValueError(f"{path}: {code} is not an ISO 3166-1 alpha-3 code")
        kind = "state" if code in region_of else "observer"
        extra = tuple(dict.fromkeys([*names[1:], *aliases.get(code, [])]))
        actors[code] = Actor(code, names[0], kind, region_of.get(code), extra)
    groups: dict[str, tuple[str, ...]] = {}
    for code, group in spec["groups"].items():
        members = group["members"]
        if members == "region":
            members = spec["regions"][code]
        groups[code] = tuple(sorted(members))
        actors[code] = Actor(code, group["name"], "group", None, tuple(group.get("aliases", [])))
    return ActorIndex(actors, groups)


@lru_cache(maxsize=1)
def reference() -> ActorIndex:
    """The bundled reference, loaded once per process."""
    return load_reference()
