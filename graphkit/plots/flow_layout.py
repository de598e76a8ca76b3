"""Where the flow chart puts things (pure: bloc reports and a calendar in, geometry out).

x is time: a session's column sits at its dates (days), at least `min_block_pt` wide so a
two-week session stays visible; sessions without data between two with data are gaps. y
counts actors: every column stacks the same actors (everyone analysed in any session of the
chart), blocs first (by stable id) and, at the bottom, those not analysed in that session, so
bands conserve actors and someone who falls silent flows into "not analysed" instead of
ending a bloc. Without dates for every session, columns are evenly spaced.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from graphkit.analysis import BlocReport
from graphkit.plots.style import significance
from graphkit.plots.timeline import Slot, as_slots

POOL = -1  # the block of actors not analysed in a session


@dataclass(frozen=True)
class Band:
    """Actors in bloc `bloc_from` in one session and `bloc_to` in the next one (POOL: not
    analysed there)."""

    session_from: str
    session_to: str
    bloc_from: int
    bloc_to: int
    actors: tuple[str, ...]

    @property
    def swing(self) -> bool:
        return self.bloc_from != self.bloc_to and POOL not in (self.bloc_from, self.bloc_to)


def universe_of(reports: Iterable[BlocReport]) -> tuple[str, ...]:
    return tuple(sorted(set().union(*(r.membership.keys() for r in reports))))


def flow_bands(reports: Sequence[BlocReport], *, pool: bool = False) -> list[Band]:
    """Bands between consecutive reports: one per (bloc before, bloc after) pair.

    Without `pool`, only actors analysed in both sessions (bloc to bloc); with it, every actor
    of the chart, those not analysed in a session counted in POOL.
    """
    everyone = universe_of(reports)
    bands = []
    for r0, r1 in pairwise(reports):
        p0, p1 = r0.partition(), r1.partition()
        moves: dict[tuple[int, int], list[str]] = defaultdict(list)
        for a in everyone if pool else sorted(p0.keys() & p1.keys()):
            moves[(p0.get(a, POOL), p1.get(a, POOL))].append(a)
        bands.extend(
            Band(r0.session, r1.session, a, b, tuple(actors))
            for (a, b), actors in sorted(moves.items())
        )
    return bands


@dataclass(frozen=True)
class Column:
    session: str
    x0: float
    x1: float
    blocks: dict[int, tuple[float, float]]  # bloc (or POOL) -> (bottom, top)
    analysed: int
    significant: bool | None

    @property
    def x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Gap:
    session: str
    x0: float
    x1: float
    reason: str


@dataclass(frozen=True)
class Ribbon:
    band: Band
    x0: float
    x1: float
    top0: float
    top1: float


@dataclass(frozen=True)
class FlowLayout:
    columns: tuple[Column, ...]
    gaps: tuple[Gap, ...]
    ribbons: tuple[Ribbon, ...]
    universe: int
    height: float
    xlim: tuple[float, float]
    dated: bool
    pt: float  # x units per point


def _x_extents(reports, slots: list[Slot], width_pt: float, min_block_pt: float):
    """(session -> (x0, x1)) for columns and gaps, the x limits, dated?, units per point."""
    by_id = {s.id: s for s in slots}
    names = [r.session for r in reports]
    if not all(n in by_id and by_id[n].dated for n in names):
        n = len(names)
        pt = (n + 0.2) / width_pt
        half = max(0.05, min(0.2, 0.5 * min_block_pt * pt))
        ext = {s: (i - half, i + half) for i, s in enumerate(names)}
        return ext, [], (-0.6, n - 0.4), False, pt
    first, last = by_id[names[0]], by_id[names[-1]]
    inside = [s for s in slots if s.dated and first.start <= s.start <= last.start]
    lo, hi = first.start.toordinal(), last.end.toordinal() + 1
    pad = max(10.0, 0.03 * (hi - lo))
    xlim = (lo - pad, hi + pad)
    pt = (xlim[1] - xlim[0]) / width_pt
    mids = sorted((s.start.toordinal() + s.end.toordinal() + 1) / 2 for s in inside)
    spacing = min((b - a for a, b in pairwise(mids)), default=hi - lo)
    block = min(max(min_block_pt * pt, 0.0), 0.6 * spacing)
    ext = {}
    for s in inside:
        a, b = s.start.toordinal(), s.end.toordinal() + 1
        if b - a < block:
            mid = (a + b) / 2
            a, b = mid - block / 2, mid + block / 2
        ext[s.id] = (a, b)
    gaps = [Gap(s.id, *ext[s.id], s.reason or "no data") for s in inside if s.id not in names]
    return ext, gaps, xlim, True, pt


def _stack(report: BlocReport, everyone: int, top: float, gap: float):
    sizes = sorted((b.id, len(b.members)) for b in report.blocs)
    rest = everyone - sum(n for _, n in sizes)
    if rest:
        sizes.append((POOL, rest))
    blocks, y = {}, top
    for b, n in sizes:
        blocks[b] = (y - n, y)
        y -= n + gap
    return blocks


def flow_layout(
    reports: Sequence[BlocReport],
    timeline: Iterable | None = None,
    *,
    width_pt: float,
    min_block_pt: float = 10.0,
) -> FlowLayout:
    """Columns, gaps and ribbons of the flow chart for an axes `width_pt` points wide."""
    reports = list(reports)
    everyone = universe_of(reports)
    ext, gaps, xlim, dated, pt = _x_extents(reports, as_slots(timeline), width_pt, min_block_pt)
    gap = max(1.0, 0.03 * len(everyone))
    deepest = max(len(r.blocs) + (len(r.membership) < len(everyone)) for r in reports)
    height = len(everyone) + gap * max(deepest - 1, 0)
    columns = tuple(
        Column(
            r.session,
            *ext[r.session],
            _stack(r, len(everyone), height, gap),
            len(r.membership),
            significance(r),
        )
        for r in reports
    )
    return FlowLayout(
        columns, tuple(gaps), _ribbons(reports, columns), len(everyone), height, xlim, dated, pt
    )


def _ribbons(reports, columns) -> tuple[Ribbon, ...]:
    """Bands stacked from the top of each block, ordered by the other end's position, so the
    out-going side of a block and the in-coming side of the next one never cross."""
    col = {c.session: c for c in columns}
    bands = flow_bands(reports, pool=True)
    out = []
    for r0, r1 in pairwise(reports):
        c0, c1 = col[r0.session], col[r1.session]
        step = [b for b in bands if b.session_from == r0.session]
        cursor = {("a", k): v[1] for k, v in c0.blocks.items()}
        cursor |= {("b", k): v[1] for k, v in c1.blocks.items()}
        rank0 = {k: -v[1] for k, v in c0.blocks.items()}
        rank1 = {k: -v[1] for k, v in c1.blocks.items()}
        tops0, tops1 = {}, {}
        for band in sorted(step, key=lambda b: (rank0[b.bloc_from], rank1[b.bloc_to])):
            tops0[band] = cursor[("a", band.bloc_from)]
            cursor[("a", band.bloc_from)] -= len(band.actors)
        for band in sorted(step, key=lambda b: (rank1[b.bloc_to], rank0[b.bloc_from])):
            tops1[band] = cursor[("b", band.bloc_to)]
            cursor[("b", band.bloc_to)] -= len(band.actors)
        out += [Ribbon(b, c0.x1, c1.x0, tops0[b], tops1[b]) for b in step]
    return tuple(out)
