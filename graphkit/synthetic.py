"""Synthetic negotiations and roll calls with planted blocs, to measure how much data makes a
bloc trustworthy. Pure and seeded: same arguments, same positions.

Negotiations: each proposal belongs to a random "sponsor" bloc; every actor takes a side with
probability `participation`: its bloc's side (support if it is the sponsor bloc, else support
or oppose by the bloc's stance on the sponsor, drawn once per pair of blocs), flipped to a random
stance with probability `noise`. Every few proposals share an issue, as competing options.
Roll calls: each bloc has a preferred vote per roll call; members follow it, or vote at random
(yes / no / abstain) with probability `noise`.
"""

from __future__ import annotations

import numpy as np

from graphkit.model import Position


def planted_partition(n_actors: int, n_blocs: int) -> dict[str, int]:
    """Actors A000 ... split into `n_blocs` near-equal planted blocs."""
    return {f"A{i:03d}": i % n_blocs for i in range(n_actors)}


def negotiation(
    n_actors: int,
    n_blocs: int,
    n_proposals: int,
    *,
    noise: float,
    participation: float = 0.6,
    options_per_issue: int = 2,
    seed: int = 0,
    session: str = "SYN-1",
) -> tuple[list[Position], dict[str, int]]:
    rng = np.random.default_rng(seed)
    truth = planted_partition(n_actors, n_blocs)
    # stance of bloc b towards proposals sponsored by bloc s: +1 support / -1 oppose
    affinity = np.where(rng.random((n_blocs, n_blocs)) < 0.35, 1, -1)
    np.fill_diagonal(affinity, 1)
    positions = []
    for k in range(n_proposals):
        sponsor = int(rng.integers(n_blocs))
        proposal = f"{session}-P{k:04d}"
        issue = f"{session}-I{k // options_per_issue:04d}"
        for actor, bloc in truth.items():
            if rng.random() >= participation:
                continue
            side = affinity[bloc, sponsor]
            if rng.random() < noise:
                side = rng.choice([1, -1])
            stance = "support" if side > 0 else "oppose"
            positions.append(Position(actor, proposal, issue, stance, session))
    return positions, truth


def roll_calls(
    n_actors: int,
    n_blocs: int,
    n_votes: int,
    *,
    noise: float,
    seed: int = 0,
    session: str = "SYN-V",
) -> tuple[list[Position], dict[str, int]]:
    rng = np.random.default_rng(seed)
    truth = planted_partition(n_actors, n_blocs)
    choices = np.array(["yes", "no", "abstain"])
    positions = []
    for k in range(n_votes):
        preferred = rng.choice(choices[:2], size=n_blocs)  # blocs vote yes or no
        for actor, bloc in truth.items():
            vote = rng.choice(choices) if rng.random() < noise else preferred[bloc]
            positions.append(
                Position(
                    actor,
                    f"{session}-R{k:04d}",
                    f"{session}-R{k:04d}",
                    str(vote),
                    session,
                    kind="vote",
                )  # fmt: skip
            )
    return positions, truth


def recovery(truth: dict[str, int], found: dict[str, int]) -> dict[str, float]:
    """NMI and adjusted Rand index between planted and found partitions (actors in both)."""
    import igraph  # compare_communities: a maintained implementation of both measures

    actors = sorted(set(truth) & set(found))
    a = [truth[x] for x in actors]
    b = [found[x] for x in actors]
    return {
        "nmi": float(igraph.compare_communities(a, b, method="nmi")),
        "ari": float(igraph.compare_communities(a, b, method="adjusted_rand")),
    }
