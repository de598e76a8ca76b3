"""Pairwise counts of who took which side on what, cheap enough to redo a hundred times.

`graphkit.projection.project` counts once; the bootstrap (`graphkit.evidence`) recounts with
questions drawn with replacement, the null model (`graphkit.significance`) with each question's
participants dealt out again. All three go through `Incidence.counts`, so they share one set of
rules (listed in `graphkit.projection`), and an `Incidence` is built once per window.

A pair's agreement on a proposal weighs the smaller of its two position weights: an agreement
is only as firm as the weaker statement behind it (a state agreeing with a 14-member group's
statement gets 1/14; two members holding that statement also 1/14).

Two exact ways to count, picked by the data: when every position has the same weight (votes,
positions as stated) the counts are dense matrix products (a 193-state General Assembly
session is a few products); otherwise the pairs of positions that meet on a proposal or an
issue are listed once with their weights, and a count is a weighted `bincount` over them.
Resampling scales each pair by how often its question was drawn; permuting maps its two
actors through the question's permutation. Neither rebuilds anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graphkit.model import Position

# side codes of one actor-proposal cell
FOR, AGAINST, ABSTAIN, NONE = 1, 2, 3, 0
SIDE = {"support": FOR, "yes": FOR, "oppose": AGAINST, "no": AGAINST, "abstain": ABSTAIN}


@dataclass(frozen=True, eq=False)
class _Dense:
    """All weights equal (`scale`): side indicator matrices, actor x proposal / issue."""

    scale: float
    for_: np.ndarray
    against: np.ndarray
    abstain: np.ndarray
    issue_backs: np.ndarray  # (n, I) backs some option of the issue
    share: np.ndarray  # (I, n, n) backs a common option of the issue


@dataclass(frozen=True, eq=False)
class _Pairs:
    """Every pair of positions meeting on a proposal or issue: actors, unit, weights."""

    i: np.ndarray
    j: np.ndarray
    unit: np.ndarray
    agree: np.ndarray
    disagree: np.ndarray


@dataclass(frozen=True, eq=False)
class Incidence:
    """The positions of one window's actors, ready to be counted, resampled and permuted.

    A proposal's resampling unit (a *question*) is its multi-option issue (competing options
    answer one question and are drawn together) or the proposal itself.
    """

    actors: tuple[str, ...]
    proposals: tuple[str, ...]
    unit_of: np.ndarray  # (m,) unit of each proposal
    n_units: int
    issue_unit: np.ndarray  # (I,) unit of each multi-option issue
    seen: np.ndarray  # (n, m) ones where the actor took any position
    issue_seen: np.ndarray  # (n, I) ones where the actor stated anything on the issue
    participants: tuple[np.ndarray, ...]  # per unit: the actors who took part in it
    abstain_weight: float
    dense: _Dense | None
    pairs: _Pairs | None

    def counts(
        self,
        multiplicity: np.ndarray | None = None,
        deal: np.ndarray | None = None,
        *,
        cooccurrences: bool = True,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """(agree, disagree, cooccurrences), dense actor x actor.

        multiplicity: how often each unit counts (a bootstrap draw); deal: a (units, n) table
        mapping each actor to the one that takes its place in that unit (`deal`);
        cooccurrences=False skips them (None), for samples that need only the sides.
        """
        mult = np.ones(self.n_units) if multiplicity is None else np.asarray(multiplicity)
        if self.dense is not None:
            agree, disagree = self._dense_counts(mult, deal)
        else:
            agree, disagree = self._pair_counts(mult, deal)
        if not cooccurrences:
            return agree, disagree, None
        seen, issue_seen = self.seen, self.issue_seen
        if deal is not None:
            seen, issue_seen = (
                self._dealt(seen, self.unit_of, deal),
                self._dealt(issue_seen, self.issue_unit, deal),
            )
        cooc = (seen * mult[self.unit_of]) @ seen.T
        if len(self.issue_unit):
            cooc += (issue_seen * mult[self.issue_unit]) @ issue_seen.T
        return agree, disagree, cooc

    def drawn_positions(self, multiplicity: np.ndarray) -> np.ndarray:
        """Per actor, how many of its cells fall in drawn units (each cell once)."""
        return self.seen @ (multiplicity[self.unit_of] > 0).astype(np.float64)

    def deal(self, rng: np.random.Generator) -> np.ndarray:
        """A random deal: in each question, its participants take each other's places, so every
        question keeps its split and every actor the questions it took part in; only the
        alignment of sides across questions is lost (the null model of `graphkit.significance`).
        """
        n = len(self.actors)
        table = np.tile(np.arange(n), (self.n_units, 1))
        for u, who in enumerate(self.participants):
            if len(who) > 1:
                table[u, who] = rng.permutation(who)
        return table

    @staticmethod
    def _dealt(mat: np.ndarray, unit_of: np.ndarray, deal: np.ndarray) -> np.ndarray:
        out = np.empty_like(mat)
        for col, u in enumerate(unit_of.tolist()):
            out[deal[u], col] = mat[:, col]
        return out

    def _dense_counts(self, mult: np.ndarray, deal: np.ndarray | None):
        d = self.dense
        f, a, ab, backs = d.for_, d.against, d.abstain, d.issue_backs
        share = d.share
        if deal is not None:
            f, a, ab = (self._dealt(x, self.unit_of, deal) for x in (f, a, ab))
            backs = self._dealt(backs, self.issue_unit, deal)
            if len(self.issue_unit):
                share = np.stack([_swap(x, deal[u]) for x, u in zip(share, self.issue_unit.tolist(),
                                                                      strict=True)])  # fmt: skip
        c = mult[self.unit_of]
        fc, ac, abc = f * c, a * c, ab * c
        agree = fc @ f.T + ac @ a.T + abc @ ab.T
        cross = fc @ a.T
        half = abc @ (f + a).T
        disagree = cross + cross.T + self.abstain_weight * (half + half.T)
        if len(self.issue_unit):
            ci = mult[self.issue_unit]
            disagree += (backs * ci) @ backs.T - np.tensordot(ci, share, axes=1)
        return d.scale * agree, d.scale * disagree

    def _pair_counts(self, mult: np.ndarray, deal: np.ndarray | None):
        p, n = self.pairs, len(self.actors)
        i, j = (p.i, p.j) if deal is None else (deal[p.unit, p.i], deal[p.unit, p.j])
        key, c = i * n + j, mult[p.unit]
        agree = np.bincount(key, p.agree * c, n * n).reshape(n, n)
        disagree = np.bincount(key, p.disagree * c, n * n).reshape(n, n)
        return agree + agree.T, disagree + disagree.T


def _swap(square: np.ndarray, perm: np.ndarray) -> np.ndarray:
    """square[a, b] moved to [perm[a], perm[b]]."""
    out = np.empty_like(square)
    out[np.ix_(perm, perm)] = square
    return out


def build(
    cells: Sequence[Position], actors: Sequence[str], multi_issues: Sequence[str], *,
    abstain_weight: float = 0.5,
) -> Incidence:  # fmt: skip
    """The incidence of deduplicated `cells` of `actors`; `multi_issues` have 2+ options."""
    index = {a: k for k, a in enumerate(actors)}
    used = [p for p in cells if p.actor in index]
    proposals = tuple(sorted({p.proposal for p in used}))
    col = {prop: k for k, prop in enumerate(proposals)}
    used_issues = {p.issue for p in used if p.kind == "position"}
    issue_index = {i: k for k, i in enumerate(sorted(set(multi_issues) & used_issues))}
    n, m, n_issues = len(actors), len(proposals), len(issue_index)
    issue_of = np.full(m, -1, dtype=np.int64)
    for p in used:
        if p.kind == "position" and p.issue in issue_index:
            issue_of[col[p.proposal]] = issue_index[p.issue]
    rows = np.array([index[p.actor] for p in used], dtype=np.int64)
    cols = np.array([col[p.proposal] for p in used], dtype=np.int64)
    side = np.array([SIDE.get(p.stance, NONE) for p in used], dtype=np.int64)
    weight = np.array([p.weight for p in used], dtype=np.float64)
    stated = np.array([p.kind == "position" for p in used], dtype=bool)
    issue_cols = issue_of[cols] if len(used) else np.zeros(0, dtype=np.int64)
    on_issue = stated & (issue_cols >= 0)
    # questions: one per multi-option issue, then one per other proposal
    unit_of = np.where(issue_of >= 0, issue_of, n_issues + np.arange(m)).astype(np.int64)
    seen = np.zeros((n, m))
    seen[rows, cols] = 1.0
    issue_seen = np.zeros((n, n_issues))
    issue_seen[rows[on_issue], issue_cols[on_issue]] = 1.0
    unit_rows = unit_of[cols] if len(used) else np.zeros(0, dtype=np.int64)
    participants = _participants(unit_rows, rows, n_issues + m)
    arrays = (rows, cols, side, weight, on_issue, issue_cols, unit_rows)
    single = len(np.unique(weight)) <= 1
    return Incidence(
        actors=tuple(actors),
        proposals=proposals,
        unit_of=unit_of,
        n_units=n_issues + m,
        issue_unit=np.arange(n_issues, dtype=np.int64),
        seen=seen,
        issue_seen=issue_seen,
        participants=participants,
        abstain_weight=abstain_weight,
        dense=_dense(arrays, n, m, n_issues) if single else None,
        pairs=None if single else _pairs(arrays, n_issues, abstain_weight, unit_of),
    )


def _participants(units: np.ndarray, rows: np.ndarray, n_units: int) -> tuple[np.ndarray, ...]:
    """Per unit, the sorted distinct actors with a cell in it (one sort, not one per unit)."""
    pairs = np.unique(np.stack([units, rows], axis=1), axis=0) if len(rows) else np.zeros((0, 2))
    bounds = np.searchsorted(pairs[:, 0], np.arange(n_units + 1))
    return tuple(pairs[bounds[u] : bounds[u + 1], 1].astype(np.int64) for u in range(n_units))


def _dense(arrays, n: int, m: int, n_issues: int) -> _Dense:
    rows, cols, side, weight, on_issue, issue_cols, _ = arrays

    def indicator(mask: np.ndarray) -> np.ndarray:
        out = np.zeros((n, m))
        out[rows[mask], cols[mask]] = 1.0
        return out

    backs = on_issue & (side == FOR)
    issue_backs = np.zeros((n, n_issues))
    issue_backs[rows[backs], issue_cols[backs]] = 1.0
    share = np.zeros((n_issues, n, n))
    for issue in range(n_issues):
        mine = backs & (issue_cols == issue)
        if mine.any():
            _, local = np.unique(cols[mine], return_inverse=True)
            block = np.zeros((n, local.max() + 1))
            block[rows[mine], local] = 1.0
            share[issue] = (block @ block.T) > 0
    scale = float(weight[0]) if len(weight) else 1.0
    return _Dense(scale, indicator(side == FOR), indicator(side == AGAINST),
                  indicator(side == ABSTAIN), issue_backs, share)  # fmt: skip


def _pairs(arrays, n_issues: int, abstain_weight: float, unit_of: np.ndarray) -> _Pairs:
    """List each pair (i < j) of positions on one proposal, and of actors on one issue."""
    rows, cols, side, weight, on_issue, issue_cols, _ = arrays
    out: dict[str, list[np.ndarray]] = {k: [] for k in ("i", "j", "unit", "agree", "disagree")}

    def add(i, j, unit, agree, disagree):
        keep = (agree != 0) | (disagree != 0)
        for key, v in zip(out, (i, j, unit, agree, disagree), strict=True):
            out[key].append(v[keep])

    order = np.argsort(cols, kind="stable")
    for chunk in np.split(order, np.flatnonzero(np.diff(cols[order])) + 1):
        if len(chunk) < 2:
            continue
        a, b = np.triu_indices(len(chunk), k=1)
        r, s, w = rows[chunk], side[chunk], weight[chunk]
        sa, sb = s[a], s[b]
        low = np.minimum(w[a], w[b])
        sided = (sa != NONE) & (sb != NONE)
        opposite = ((sa == FOR) & (sb == AGAINST)) | ((sa == AGAINST) & (sb == FOR))
        half = sided & ((sa == ABSTAIN) != (sb == ABSTAIN))
        agree = np.where(sided & (sa == sb), low, 0.0)
        disagree = np.where(opposite, low, 0.0) + np.where(half, abstain_weight * low, 0.0)
        lo, hi = np.minimum(r[a], r[b]), np.maximum(r[a], r[b])
        add(lo, hi, np.full(len(a), unit_of[cols[chunk[0]]]), agree, disagree)
    for issue in range(n_issues):
        backs = on_issue & (issue_cols == issue) & (side == FOR)
        who, inverse = np.unique(rows[backs], return_inverse=True)
        if len(who) < 2:
            continue
        heaviest = np.zeros(len(who))
        np.maximum.at(heaviest, inverse, weight[backs])
        _, option = np.unique(cols[backs], return_inverse=True)
        holds = np.zeros((len(who), option.max() + 1), dtype=bool)
        holds[inverse, option] = True
        a, b = np.triu_indices(len(who), k=1)
        apart = ~(holds[a] & holds[b]).any(axis=1)  # both back an option, none in common
        disagree = np.where(apart, np.minimum(heaviest[a], heaviest[b]), 0.0)
        add(who[a], who[b], np.full(len(a), issue), np.zeros(len(a)), disagree)
    if not out["i"]:
        empty = np.zeros(0, dtype=np.int64)
        return _Pairs(empty, empty, empty, np.zeros(0), np.zeros(0))
    cat = {k: np.concatenate(v) for k, v in out.items()}
    return _Pairs(cat["i"], cat["j"], cat["unit"], cat["agree"], cat["disagree"])
