"""Boxes that must not touch: overlap tests and the moves that pull them apart (pure numpy).

Layouts are built in points (1 data unit = 1 point at print size), with each label's box
measured by the renderer, so boxes kept apart here stay apart in the saved file at any dpi.
"""

from __future__ import annotations

import numpy as np


def overlaps(pos: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Index pairs (i < j) whose boxes (center `pos`, half sizes `half`) intersect."""
    n = len(pos)
    if n < 2:
        return np.zeros((0, 2), dtype=int)
    iu, ju = np.triu_indices(n, 1)
    gap = half[iu] + half[ju] - np.abs(pos[iu] - pos[ju])
    hit = (gap > 0).all(axis=1)
    return np.stack([iu[hit], ju[hit]], axis=1)


def separate(
    pos: np.ndarray, half: np.ndarray, *, iterations: int = 300, max_rounds: int = 60
) -> np.ndarray:
    """Move boxes apart until no two intersect; small moves, so the layout keeps its shape.

    Each overlapping pair is pushed apart along the axis where it overlaps least, half the
    overlap each (summed over pairs). If that has not converged after `iterations` passes, the
    layout is spread by 5% around its center and the passes start again, which always ends.
    """
    pos = np.array(pos, dtype=float, copy=True)
    n = len(pos)
    if n < 2:
        return pos
    # boxes on the very same spot have no direction to move in: fan them out first
    same = np.unique(pos, axis=0, return_inverse=True)[1].ravel()
    if len(set(same.tolist())) < n:
        angle = np.arange(n) * 2.399963  # golden angle: a deterministic, even fan
        pos += np.stack([np.cos(angle), np.sin(angle)], axis=1) * half.min() * 0.1
    iu, ju = np.triu_indices(n, 1)
    for _ in range(max_rounds):
        for _ in range(iterations):
            d = pos[iu] - pos[ju]
            gap = half[iu] + half[ju] - np.abs(d)
            hit = (gap > 0).all(axis=1)
            if not hit.any():
                return pos
            i, j, d, gap = iu[hit], ju[hit], d[hit], gap[hit]
            rows = np.arange(len(i))
            axis = (gap[:, 0] > gap[:, 1]).astype(int)
            sign = np.where(d[rows, axis] >= 0, 1.0, -1.0)
            step = np.zeros((len(i), 2))
            step[rows, axis] = sign * (gap[rows, axis] / 2 + 0.05)
            delta = np.zeros_like(pos)
            np.add.at(delta, i, step)
            np.add.at(delta, j, -step)
            pos += delta
        center = pos.mean(axis=0)
        pos = center + (pos - center) * 1.05
    if len(overlaps(pos, half)):  # pragma: no cover - spreading always converges first
        raise RuntimeError("could not separate the labels")
    return pos


def spread(ys: list[float], min_gap: float, lo: float | None = None) -> list[float]:
    """Sorted label positions nudged apart so consecutive ones are at least `min_gap` apart,
    centred on where they wanted to be (or starting no lower than `lo`)."""
    out = list(ys)
    for k in range(1, len(out)):
        out[k] = max(out[k], out[k - 1] + min_gap)
    shift = (out[-1] - ys[-1]) / 2 if out else 0.0
    out = [y - shift for y in out]
    if lo is not None and out and out[0] < lo:
        out = [y + lo - out[0] for y in out]
    return out
