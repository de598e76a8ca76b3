"""A new load against what is loaded: passages counted twice, and what an unload removes.

A report whose passages a curated file already encodes (or the same report loaded twice under
two names) would count each position twice and move actors between blocs. `overlaps` finds
the passages a plan shares with the loaded citations (same source file, overlapping offsets);
the CLI refuses such a load unless the user says `--allow-overlap`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from graphkit.errors import LoadError
from loaders.extract.draft import Cited, overlapping, source_key
from loaders.plan import LoadPlan


def overlaps(plan: LoadPlan, loaded: Iterable[Mapping]) -> list[tuple[Cited, Cited]]:
    """(new, loaded) citation pairs that overlap; re-loading a source over itself is not one."""
    new = [e for e in plan.events if e.citation.start is not None and e.citation.end is not None]
    replacing = {e.id for e in plan.events}  # a reload replaces its own proposals by id
    rows = [
        Cited(r["id"], r["file"], int(r["start"]), int(r["end"]))
        for r in loaded
        if r.get("file") and r.get("start") is not None and r["id"] not in replacing
    ]
    return overlapping(new, rows)


def refuse_overlaps(pairs: list[tuple[Cited, Cited]], datasets: Mapping[str, str]) -> None:
    """One line naming the first overlap and how many there are (LoadError), if any."""
    if not pairs:
        return
    new, old = pairs[0]
    where = datasets.get(old.id) or source_key(old.file)
    raise LoadError(
        f"{len(pairs)} passage(s) are already loaded from {source_key(old.file)} by {where}: "
        f"e.g. [{new.start}, {new.end}) overlaps {old.id} [{old.start}, {old.end}); loading "
        "them again would count the same positions twice",
        file=new.file,
    )
