"""Negotiation blocs against a recorded vote: do the camps of the talks vote as camps?

Pure: a partition (actor -> bloc) and votes (actor -> yes/no/abstain) in, a contingency table
and association measures out (scipy.stats.contingency).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

VOTE_ORDER = ("yes", "no", "abstain")


@dataclass(frozen=True)
class Validation:
    roll_call: str
    blocs: tuple[int, ...]
    labels: Mapping[int, str]
    votes: tuple[str, ...]
    table: tuple[tuple[int, ...], ...]  # rows: blocs, columns: votes
    actors: int  # in both
    cramers_v: float | None
    chi2: float | None
    p_value: float | None
    only_in_blocs: tuple[str, ...]  # took part in the talks, did not vote (or absent)
    method: str = "contingency: Cramér's V and chi-square (scipy.stats.contingency)"

    def to_dict(self) -> dict:
        return {
            "roll_call": self.roll_call,
            "method": self.method,
            "actors": self.actors,
            "cramers_v": self.cramers_v,
            "chi2": self.chi2,
            "p_value": self.p_value,
            "votes": list(self.votes),
            "table": [
                {
                    "bloc": b,
                    "label": self.labels.get(b, ""),
                    **dict(zip(self.votes, row, strict=True)),
                }
                for b, row in zip(self.blocs, self.table, strict=True)
            ],
            "only_in_blocs": list(self.only_in_blocs),
        }


def against_vote(
    partition: Mapping[str, int],
    votes: Mapping[str, str],
    *,
    roll_call: str,
    labels: Mapping[int, str] | None = None,
) -> Validation:
    from scipy.stats import chi2_contingency
    from scipy.stats.contingency import association

    actors = sorted(set(partition) & set(votes))
    blocs = tuple(sorted({partition[a] for a in actors}))
    cols = tuple(v for v in VOTE_ORDER if any(votes[a] == v for a in actors))
    table = np.zeros((len(blocs), len(cols)), dtype=int)
    for a in actors:
        table[blocs.index(partition[a]), cols.index(votes[a])] += 1
    v = chi2 = p = None
    if table.shape[0] >= 2 and table.shape[1] >= 2:
        v = float(association(table, method="cramer"))
        result = chi2_contingency(table)
        chi2, p = float(result.statistic), float(result.pvalue)
    return Validation(
        roll_call=roll_call,
        blocs=blocs,
        labels=dict(labels or {}),
        votes=cols,
        table=tuple(tuple(int(x) for x in row) for row in table),
        actors=len(actors),
        cramers_v=v,
        chi2=chi2,
        p_value=p,
        only_in_blocs=tuple(sorted(set(partition) - set(votes))),
    )
