"""What a bloc report holds: blocs, memberships, checks, warnings, and its JSON shape.

The thresholds behind the warnings are here, each with its reason; `graphkit.analysis` fills
the records.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import networkx as nx

from graphkit.model import Position
from graphkit.params import Params
from graphkit.positions import direct_only
from graphkit.projection import EdgeList, project

PALETTE = 8  # colors: stable id mod 8, like cypher/blocs.grass Color0 .. Color7
# What makes a session too thin to read (warnings, not refusals). bench/planted_blocs.py: with
# 10 proposals, planted blocs among 60 actors are recovered with ARI 0.82 without noise and
# 0.32 at 30% noise; with 25, 0.85 and 0.67.
MIN_QUESTIONS = 10
MIN_STATED = 30
MIN_ACTORS = 6
LEFT_OUT_SHARE = 1 / 3  # warn when a third of the actors seen are too thin to place
ATTRIBUTED_SHARE = 2 / 3  # warn when two positions in three are attributed, not stated
LOW_CONFIDENCE = 0.5  # with its bloc in fewer than half the resamples: thin evidence
SWING_CONFIDENCE = 0.7  # a swing needs the actor with its bloc in 7 of 10 resamples, both sides
STABLE_BLOC = 0.5  # Hennig (2007): a bloc with bootstrap Jaccard below 0.5 has dissolved


class Membership(NamedTuple):
    """An actor's bloc, how firmly the evidence places it there, and how firmly the seed does."""

    bloc: int
    confidence: float  # share of bootstrap resamples of the questions with its bloc
    seed_stability: float  # share of consensus runs (seeds) with its bloc


@dataclass(frozen=True)
class Bloc:
    id: int
    label: str  # leading members by evidence, then the groups it mostly holds
    members: tuple[str, ...]
    cohesion: float | None  # pooled agreement index inside; None for a bloc of one
    stability: float | None = None  # bootstrap Jaccard (graphkit.evidence); None if skipped
    name: str | None = None  # given by the user (--names FILE.yaml)

    @property
    def color(self) -> int:
        return self.id % PALETTE

    @property
    def title(self) -> str:
        """The user's name if given, else the label."""
        return self.name or self.label


@dataclass(frozen=True)
class OpponentPairs:
    """Clear opponents (direct statements: opposite sides at least twice, never the same side)
    and how many of them the blocs put together; `pairs` counts those with both actors placed."""

    count: int
    pairs: int
    together: tuple[tuple[str, str], ...]

    @property
    def rate(self) -> float | None:
        return self.count / self.pairs if self.pairs else None

    def to_dict(self) -> dict:
        rate = None if self.rate is None else round(self.rate, 6)
        return {"count": self.count, "pairs": self.pairs, "rate": rate,
                "together": [list(p) for p in self.together]}  # fmt: skip


@dataclass(frozen=True)
class BlocReport:
    """Blocs of one session (or window) and every parameter needed to reproduce them."""

    session: str
    params: Params  # what was asked; the fields below say what was effectively done
    expand_groups: bool
    modularity: float  # the method's quality of the final partition
    zscore: float | None
    blocs: tuple[Bloc, ...]
    membership: Mapping[str, Membership]
    excluded: tuple[str, ...]
    positions_used: int
    frustration: float
    backend: str
    null_shuffles: int
    null_method: str | None
    converged: bool
    significant: bool = False
    warnings: tuple[str, ...] = ()
    positions_stated: int = 0
    positions_attributed: int = 0
    opponent_pairs_together: OpponentPairs = OpponentPairs(0, 0, ())
    questions: int = 0  # resampling units: multi-option issues and other proposals / roll calls
    bootstrap: int = 0  # resamples done
    runs_done: int = 0  # consensus runs done (fewer than asked when the first 20 all agree)
    # the signed agreement graph the blocs were found on, as arrays (not serialized; saves
    # re-projecting); `graph` is its networkx view, built on first use
    edges: EdgeList | None = field(default=None, compare=False, repr=False)

    method = property(lambda self: self.params.method)
    resolution = property(lambda self: self.params.resolution)
    seed = property(lambda self: self.params.seed)
    runs = property(lambda self: self.params.runs)
    min_positions = property(lambda self: self.params.min_positions)

    @functools.cached_property
    def graph(self) -> nx.Graph | None:
        return None if self.edges is None else self.edges.to_graph()

    def partition(self) -> dict[str, int]:
        return {actor: m.bloc for actor, m in self.membership.items()}

    def confidence(self) -> dict[str, float]:
        """Evidence confidence per actor (the bootstrap over questions)."""
        return {actor: m.confidence for actor, m in self.membership.items()}

    def seed_stability(self) -> dict[str, float]:
        return {actor: m.seed_stability for actor, m in self.membership.items()}

    def to_dict(self) -> dict:
        """The JSON shape the CLI prints and the store saves."""
        return _report_dict(self)


def _num(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def _report_dict(r: BlocReport) -> dict:
    return {
        "session": r.session,
        "method": r.method,
        "resolution": r.resolution,
        "significant": r.significant,
        "warnings": list(r.warnings),
        "modularity": _num(r.modularity),
        "zscore": _num(r.zscore),
        "blocs": [
            {
                "id": b.id,
                "label": b.label,
                "name": b.name,
                "color": b.color,
                "members": list(b.members),
                "cohesion": _num(b.cohesion),
                "stability": _num(b.stability),
            }
            for b in r.blocs
        ],  # fmt: skip
        "membership": {
            actor: {
                "bloc": m.bloc,
                "confidence": _num(m.confidence),
                "seed_stability": _num(m.seed_stability),
            }
            for actor, m in sorted(r.membership.items())
        },  # fmt: skip
        "excluded": list(r.excluded),
        "positions_used": r.positions_used,
        "positions_stated": r.positions_stated,
        "positions_attributed": r.positions_attributed,
        "questions": r.questions,
        "opponent_pairs_together": r.opponent_pairs_together.to_dict(),
        "seed": r.seed,
        "runs": r.runs,
        "runs_done": r.runs_done,
        "bootstrap": r.bootstrap,
        "expand_groups": r.expand_groups,
        "frustration": _num(r.frustration),
        "backend": r.backend,
        "min_positions": r.min_positions,
        "null_shuffles": r.null_shuffles,
        "null_method": r.null_method,
        "converged": r.converged,
        "params": r.params.to_dict(),
    }


def clear_opponents(
    positions: Iterable[Position], groups: Collection[str] = ()
) -> list[tuple[str, str]]:
    """Pairs of actors that took opposite sides at least twice and never the same side, on
    what they stated themselves (attributed rows left out); `groups` (pure groupings such as
    the African Group) are not actors of their own and are left out too."""
    edges = project(direct_only(positions), min_positions=1).edges
    a, d = edges.column("agreements"), edges.column("disagreements")
    nodes = edges.nodes
    return sorted(
        (nodes[i], nodes[j])
        for (i, j), ok in zip(edges.pairs.tolist(), ((a == 0) & (d >= 2)).tolist(), strict=True)
        if ok and nodes[i] not in groups and nodes[j] not in groups
    )


def opponents_together(
    pairs: Sequence[tuple[str, str]], partition: Mapping[str, int]
) -> OpponentPairs:
    placed = [(a, b) for a, b in pairs if a in partition and b in partition]
    together = tuple((a, b) for a, b in placed if partition[a] == partition[b])
    return OpponentPairs(len(together), len(placed), together)


def warnings_of(report: BlocReport, reason: str | None) -> tuple[str, ...]:
    """What a reader must know before reading the blocs, in words."""
    out = []
    n = len(report.membership)
    if report.positions_stated < MIN_STATED or report.questions < MIN_QUESTIONS:
        out.append(
            f"few positions: {report.positions_stated} stated on {report.questions} questions "
            f"(a reading needs about {MIN_STATED} on {MIN_QUESTIONS})"
        )
    if n < MIN_ACTORS:
        out.append(f"few actors: {n} placed (fewer than {MIN_ACTORS})")
    seen = n + len(report.excluded)
    if seen and len(report.excluded) >= seen * LEFT_OUT_SHARE:
        out.append(
            f"many actors left out: {len(report.excluded)} of {seen} took fewer than "
            f"{report.min_positions} positions"
        )
    total = report.positions_stated + report.positions_attributed
    if total and report.positions_attributed > total * ATTRIBUTED_SHARE:
        out.append(
            f"mostly group statements: {report.positions_attributed} of {total} positions "
            "are attributed to members from what their group said"
        )
    if reason:
        out.append(reason)
    alone = [b.members[0] for b in report.blocs if len(b.members) == 1]
    if alone:
        out.append(f"single-actor blocs: {', '.join(alone)}")
    shaky = [b for b in report.blocs if b.stability is not None and b.stability < STABLE_BLOC]
    shaky = [b for b in shaky if len(b.members) > 1]
    if shaky:
        shown = "; ".join(f"{b.label.split(' + ')[0]} ({b.stability:.2f})" for b in shaky[:4])
        out.append(f"blocs that dissolve when proposals are resampled: {shown}")
    low = sorted(a for a, m in report.membership.items() if m.confidence < LOW_CONFIDENCE)
    if low and report.bootstrap:
        shown = ", ".join(low[:8]) + (" ..." if len(low) > 8 else "")
        out.append(
            f"thin evidence: {len(low)} of {n} actors placed with confidence below "
            f"{LOW_CONFIDENCE:g} ({shown})"
        )
    if not report.bootstrap and n:
        out.append("evidence not resampled (--bootstrap 0): confidence is seed stability")
    pairs = report.opponent_pairs_together
    if pairs.count:
        shown = ", ".join(f"{a}-{b}" for a, b in pairs.together[:4])
        out.append(f"clear opponents in one bloc: {pairs.count} of {pairs.pairs} ({shown})")
    if not report.converged:
        out.append("consensus did not converge: blocs joined by majority of the last runs")
    return tuple(out)
