"""Sessions on a calendar: what the figures know about when each session sat and whether it
holds data. Accepts any records with `id` (or `session`), `start`, `end`, `has_data` and
`reason` attributes (`graphkit.api.TimelineSlot`, or the trust layer's `SessionSlot`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from graphkit.plots.style import as_date, format_period


@dataclass(frozen=True)
class Slot:
    id: str
    start: dt.date | None
    end: dt.date | None
    has_data: bool
    reason: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None


def as_slots(timeline: Iterable | None) -> list[Slot]:
    """Slots from any calendar records, in date order (undated ones keep their place last)."""
    out = []
    for item in timeline or ():
        sid = getattr(item, "id", None) or getattr(item, "session", None)
        start = as_date(getattr(item, "start", None))
        end = as_date(getattr(item, "end", None)) or start
        out.append(
            Slot(
                str(sid),
                start,
                end,
                bool(getattr(item, "has_data", True)),
                str(getattr(item, "reason", "") or ""),
            )
        )
    ranked = {s.id: i for i, s in enumerate(out)}
    return sorted(out, key=lambda s: (s.start is None, s.start or dt.date.min, ranked[s.id]))


def slot_of(timeline: Iterable | None, session: str) -> Slot | None:
    return next((s for s in as_slots(timeline) if s.id == session), None)


def period_of(timeline: Iterable | None, session: str) -> str:
    """'29 Jan - 9 Feb 2024' for a session on the calendar, '' otherwise."""
    slot = slot_of(timeline, session)
    return format_period(slot.start, slot.end) if slot else ""


def missing_sessions(timeline: Iterable | None, shown: Iterable[str]) -> dict[str, list[str]]:
    """Sessions of the calendar that a figure does not show, grouped by why (in date order)."""
    shown = set(shown)
    out: dict[str, list[str]] = {}
    for s in as_slots(timeline):
        if s.id not in shown:
            out.setdefault(s.reason or ("no data" if not s.has_data else "not shown"), []).append(
                s.id
            )
    return out
