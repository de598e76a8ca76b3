"""How firmly the evidence places each actor: a bootstrap over the questions of a session.

Seed stability (`graphkit.consensus`) says whether the optimiser finds the same blocs again;
it reads 1.00 for an actor whose place hangs on a single proposal. This module asks the other
question: if the record had held a somewhat different sample of the same session's questions,
would the actor still sit with its bloc? Each resample draws the questions (a multi-option
issue with all its competing options, or one proposal, or one roll call) with replacement,
counts them with the same rules as `graphkit.projection` (`Incidence.counts`), and runs the
method once with its own seed. An actor absent from a resample (none of its questions drawn)
is not with its bloc there: nothing placed it (nor is an actor whose drawn questions show no
side shared or opposed with anyone: the method would put it anywhere at no cost). So an actor
placed by one proposal reads about 0.63 at most (the chance that a given question is drawn).

Per bloc, `stability` is Hennig's (2007) bootstrap Jaccard: the mean over resamples of the best
Jaccard overlap between the bloc (members present in the resample) and a resample community;
below ~0.5 a bloc dissolves under resampling, above ~0.75 it is stable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from graphkit.consensus import with_bloc
from graphkit.methods import needs_cooccurrences, sample_runner
from graphkit.projection import DEFAULT_SHRINKAGE, Incidence

METHOD = "bootstrap over questions (issues, proposals, roll calls)"


@dataclass(frozen=True)
class Evidence:
    """Per-actor share of resamples with its bloc, per-bloc bootstrap Jaccard."""

    confidence: dict[str, float]
    stability: dict[int, float]
    resamples: int
    seed: int
    method: str = METHOD


@dataclass(frozen=True, eq=False)
class Resamples:
    """The method's labels on each resample, before any partition is scored against them (so
    they can be computed in parallel with the consensus)."""

    actors: tuple[str, ...]
    labels: np.ndarray  # (resamples, actors)
    present: np.ndarray  # (resamples, actors) bool: took part in a drawn question
    seed: int


def resample(
    inc: Incidence,
    *,
    method: str,
    resolution: float,
    backend: str,
    resamples: int,
    seed: int,
    shrinkage: float = DEFAULT_SHRINKAGE,
    min_cooccurrences: int = 1,
    start: int = 0,
    stop: int | None = None,
) -> Resamples:
    """Draw the questions and run the method once, for resamples start .. stop-1 of
    `resamples`: resample b draws from a generator seeded (seed, b) and runs with seed + b, so
    any split of the range into chunks (worker tasks) gives the same resamples."""
    actors = tuple(inc.actors)
    n = len(actors)
    stop = resamples if stop is None else min(stop, resamples)
    count = max(stop - start, 0)
    labels = np.zeros((count, n), dtype=np.int64)
    present = np.zeros((count, n), dtype=bool)
    if n == 0 or inc.n_units == 0:
        return Resamples(actors, labels[:0], present[:0], seed)
    run = sample_runner(list(actors), method, resolution, backend, shrinkage=shrinkage,
                        min_cooccurrences=min_cooccurrences)  # fmt: skip
    need = needs_cooccurrences(method, min_cooccurrences)
    for row, b in enumerate(range(start, stop)):
        rng = np.random.default_rng([seed, b])
        draws = np.bincount(rng.integers(0, inc.n_units, inc.n_units), minlength=inc.n_units)
        mult = draws.astype(np.float64)
        here = inc.drawn_positions(mult) > 0
        agree, disagree, cooc = inc.counts(mult, cooccurrences=need)
        labels[row], _ = run(agree, disagree, cooc, seed + b, keep=here)
        # placed only by a side taken with someone present (neutral cells alone place nobody:
        # the method would drop such an actor anywhere at no cost)
        sided = ((agree + disagree) * here[None, :]).sum(axis=1) - np.diag(agree + disagree)
        present[row] = here & (sided > 1e-12)
    return Resamples(actors, labels, present, seed)


def joined(parts: list[Resamples]) -> Resamples:
    """Chunks of one bootstrap (in order) as one."""
    first = parts[0]
    return Resamples(first.actors, np.concatenate([p.labels for p in parts]),
                     np.concatenate([p.present for p in parts]), first.seed)  # fmt: skip


def score(resamples: Resamples, partition: Mapping[str, int]) -> Evidence:
    """How often each actor of `partition` sits with its bloc across `resamples`."""
    if not len(resamples.labels):
        return Evidence({}, {}, 0, resamples.seed)
    final = np.array([partition.get(a, -1) for a in resamples.actors], dtype=np.int64)
    scored = final >= 0
    final = np.where(scored, final, final.max() + 1)
    hits = with_bloc(resamples.labels, final, resamples.present).mean(axis=0)
    confidence = {
        a: float(h) for a, h, ok in zip(resamples.actors, hits, scored, strict=True) if ok
    }
    stability = _stability(resamples.labels, resamples.present, final, scored)
    return Evidence(confidence, stability, len(resamples.labels), resamples.seed)


def bootstrap(
    inc: Incidence,
    partition: Mapping[str, int],
    *,
    resamples: int,
    seed: int,
    **method,
) -> Evidence:
    """`resample` then `score`: the evidence for `partition` (method, resolution, backend,
    shrinkage, min_cooccurrences as keywords)."""
    return score(resample(inc, resamples=resamples, seed=seed, **method), partition)


def _stability(
    labels: np.ndarray, present: np.ndarray, final: np.ndarray, scored: np.ndarray
) -> dict[int, float]:
    """Mean over resamples of max_C |B ∩ C| / |B ∪ C|, B = the bloc's present members."""
    out = {}
    for bloc in np.unique(final[scored]).tolist():
        members = (final == bloc) & scored
        scores = []
        for row, here in zip(labels, present, strict=True):
            inside = members & here
            if not inside.any():
                scores.append(0.0)
                continue
            best = 0.0
            for c in np.unique(row[inside]).tolist():
                community = (row == c) & here
                best = max(best, (inside & community).sum() / (inside | community).sum())
            scores.append(best)
        out[int(bloc)] = float(np.mean(scores))
    return out
