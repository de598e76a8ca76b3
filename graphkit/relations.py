"""Who sides with whom: one actor's closest allies and strongest opponents, with the counts.

Ranked by the agreement index, then by how many sides taken together or apart back it (the
weighted agreements + disagreements), then by code; `blocs state` and the Cypher query
`allies_in_session` rank the same way, and on positions as stated give the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graphkit.model import Position
from graphkit.projection import Projection, project


@dataclass(frozen=True)
class Relation:
    actor: str
    index: float
    agreements: float
    disagreements: float
    cooccurrences: int

    @property
    def evidence(self) -> float:
        """Sides taken together or apart: how many proposals back the index."""
        return self.agreements + self.disagreements


@dataclass(frozen=True)
class Allies:
    """Closest allies (highest index) and strongest opponents (lowest index) of one actor."""

    actor: str
    allies: tuple[Relation, ...]
    opponents: tuple[Relation, ...]
    top: int


def allies(
    data: Iterable[Position] | Projection | nx.Graph,
    actor: str,
    *,
    top: int = 10,
    **project_kwargs,
) -> Allies:
    """Who sides with `actor` and who against, from positions, a projection or its graph.

    Allies need at least one agreement, opponents at least one disagreement. Ties of the index
    are broken by the evidence behind it (a -1.00 from five proposals before a -1.00 from one,
    or from one attributed group statement), then by code, so the lists are stable.
    """
    if isinstance(data, Projection):
        G = data.graph
    elif isinstance(data, nx.Graph):
        G = data
    else:
        G = project(list(data), **project_kwargs).graph
    if actor not in G:
        raise KeyError(f"{actor} is not in the graph (too few positions, or unknown)")
    rel = [
        Relation(
            other,
            float(d["index"]),
            float(d["agreements"]),
            float(d["disagreements"]),
            int(d["cooccurrences"]),
        )
        for other, d in sorted(G[actor].items())
    ]
    friends = sorted(
        (r for r in rel if r.agreements > 0),
        key=lambda r: (-round(r.index, 9), -round(r.evidence, 9), r.actor),
    )
    foes = sorted(
        (r for r in rel if r.disagreements > 0),
        key=lambda r: (round(r.index, 9), -round(r.evidence, 9), r.actor),
    )
    return Allies(actor, tuple(friends[:top]), tuple(foes[:top]), top)
