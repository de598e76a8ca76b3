"""Follow blocs through sessions: stable ids, splits, merges and swing actors.

Each session is clustered on its own, so bloc numbers mean nothing across sessions. Matching
consecutive sessions by member overlap (Jaccard, one-to-one by maximum-weight matching) lets
"the EU bloc" keep one id from AHC-1 to AHC-7R. Overlaps are measured on the actors present in
both sessions, so a bloc that grows because more states spoke (AHC-5: 7 Western states with
enough positions, AHC-7: 38) keeps its id, and absences do not read as splits; a match needs
at least `min_overlap` shared members, so a bloc of newcomers does not inherit an old id
through one shared member.

Weak sessions (not significant against the null model, by default) still get ids, by matching
their blocs to the last session that is not weak, so a bloc keeps its color; but they are not
links of the chain: the lineage, splits, merges and swing actors come from the other sessions
only, so blocs read into noise never make a swing. The chain is causal: a session's ids depend
only on the sessions before it.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

Members = Mapping[Hashable, set]


@dataclass(frozen=True)
class Matching:
    """How the blocs of one session map onto the previous one.

    mapping: current bloc id -> stable id (a previous id, or a new one for unmatched blocs).
    splits: (previous id, current ids) where the previous bloc spread over 2+ current blocs.
    merges: (current id, previous ids) where the current bloc gathers 2+ previous blocs.
    """

    mapping: dict[Hashable, int]
    jaccard: dict[Hashable, float]
    new: tuple[Hashable, ...]
    ended: tuple[Hashable, ...]
    splits: tuple[tuple[Hashable, tuple[Hashable, ...]], ...]
    merges: tuple[tuple[Hashable, tuple[Hashable, ...]], ...]
    min_jaccard: float
    min_share: float
    min_overlap: int


def _significant(
    source: set, targets: Members, common: set, min_share: float, min_overlap: int
) -> tuple:
    """Targets holding at least `min_share` of `source` (present in both) and `min_overlap`."""
    base = len(source & common)
    hits = []
    for tid in sorted(targets):
        k = len(source & targets[tid])
        if k >= min_overlap and base and k >= min_share * base:
            hits.append(tid)
    return tuple(hits)


def match_blocs(
    prev: Members,
    curr: Members,
    *,
    min_jaccard: float = 0.2,
    min_share: float = 0.25,
    min_overlap: int = 2,
    next_id: int | None = None,
) -> Matching:
    """Give each current bloc the id of the previous bloc it overlaps most (one-to-one).

    Jaccard is |P & C| / |(P | C) & common|, common = actors present in both sessions; pairs
    below `min_jaccard` or sharing fewer than `min_overlap` members stay unmatched; unmatched
    current blocs get fresh ids from
    `next_id` (default: one past the largest previous id) in sorted order. A split is a
    previous bloc with >= `min_share` of its members in each of 2+ current blocs; a merge is
    the same seen backwards in time.
    """
    prev_ids, curr_ids = sorted(prev), sorted(curr)
    prev_sets = {k: set(prev[k]) for k in prev_ids}
    curr_sets = {k: set(curr[k]) for k in curr_ids}
    common = set().union(*prev_sets.values()) & set().union(*curr_sets.values())
    jac = np.zeros((len(prev_ids), len(curr_ids)))
    for i, p in enumerate(prev_ids):
        for j, c in enumerate(curr_ids):
            shared = len(prev_sets[p] & curr_sets[c])
            union = len((prev_sets[p] | curr_sets[c]) & common)
            jac[i, j] = shared / union if union and shared >= min_overlap else 0.0
    mapping: dict[Hashable, int] = {}
    scores: dict[Hashable, float] = {}
    # one-to-one assignment maximizing total Jaccard over the eligible pairs (networkx's
    # max_weight_matching: exact, and already loaded, where scipy.optimize costs ~0.25 s to import)
    eligible = nx.Graph()
    for i, j in zip(*np.nonzero(jac >= max(min_jaccard, 1e-12)), strict=True):
        eligible.add_edge(("prev", int(i)), ("curr", int(j)), weight=float(jac[i, j]))
    for a, b in sorted(nx.max_weight_matching(eligible)):
        (_, i), (_, j) = (a, b) if a[0] == "prev" else (b, a)
        mapping[curr_ids[j]] = prev_ids[i]
        scores[curr_ids[j]] = float(jac[i, j])
    if next_id is None:
        next_id = max((int(k) for k in prev_ids), default=-1) + 1
    new = tuple(c for c in curr_ids if c not in mapping)
    for c in new:
        mapping[c] = next_id
        scores[c] = 0.0
        next_id += 1
    matched_prev = {mapping[c] for c in curr_ids if c not in new}
    splits = []
    for p in prev_ids:
        into = _significant(prev_sets[p], curr_sets, common, min_share, min_overlap)
        if len(into) >= 2:
            splits.append((p, into))
    merges = []
    for c in curr_ids:
        sources = _significant(curr_sets[c], prev_sets, common, min_share, min_overlap)
        if len(sources) >= 2:
            merges.append((c, sources))
    return Matching(
        mapping={c: mapping[c] for c in curr_ids},
        jaccard={c: scores[c] for c in curr_ids},
        new=new,
        ended=tuple(p for p in prev_ids if p not in matched_prev),
        splits=tuple(splits),
        merges=tuple(merges),
        min_jaccard=min_jaccard,
        min_share=min_share,
        min_overlap=min_overlap,
    )


@dataclass(frozen=True)
class Split:
    session_from: str
    session_to: str
    bloc: int  # stable id before
    into: tuple[int, ...]  # stable ids after


@dataclass(frozen=True)
class Merge:
    session_from: str
    session_to: str
    bloc: int  # stable id after
    sources: tuple[int, ...]  # stable ids before


@dataclass(frozen=True)
class Swing:
    """An actor whose stable bloc changed between two sessions it attended in a row."""

    actor: str
    session_from: str
    session_to: str
    bloc_from: int
    bloc_to: int
    confidence_from: float | None
    confidence_to: float | None


@dataclass(frozen=True)
class Tracking:
    """Bloc lineage: session -> stable id -> members, with splits, merges and swings."""

    sessions: tuple[str, ...]
    lineage: dict[str, dict[int, tuple[str, ...]]]  # links of the chain only
    mapping: dict[str, dict[Hashable, int]]  # session -> raw bloc id -> stable id (every one)
    splits: tuple[Split, ...]
    merges: tuple[Merge, ...]
    swings: tuple[Swing, ...]
    min_jaccard: float
    min_share: float
    min_overlap: int
    weak: tuple[str, ...] = ()  # sessions given ids but kept out of the chain
    firm_only: bool = False  # swings only of actors firmly placed on both sides
    weak_blocs: dict[str, dict[int, tuple[str, ...]]] = field(default_factory=dict)
    method: str = "jaccard-max-weight-matching"


def _members(partition: Mapping[str, Hashable]) -> dict[Hashable, set]:
    out: dict[Hashable, set] = {}
    for actor, bloc in partition.items():
        out.setdefault(bloc, set()).add(actor)
    return out


def track(
    sessions: Sequence[tuple[str, Mapping[str, Hashable], Mapping[str, float] | None]],
    *,
    min_jaccard: float = 0.2,
    min_share: float = 0.25,
    min_overlap: int = 2,
    weak: Collection[str] = (),
    firm: Mapping[str, Collection[str]] | None = None,
) -> Tracking:
    """Stable bloc ids through `sessions` (in the order given) of (id, partition, confidence).

    Each session is matched to the one before it that has blocs and is not `weak` (a session
    without blocs, such as a General Assembly session with a single roll call, is skipped
    rather than ending every lineage). Ids are never reused: a bloc that disappears and comes
    back later gets a new id. A swing is an actor present in two consecutive links of the chain
    whose stable bloc differs and, when `firm` (session -> actors) is given, firmly placed in
    both (a move of an actor the evidence hardly places, or out of a bloc that dissolves under
    resampling, is not news). Weak sessions get ids the same way but change nothing after them.
    """
    weak = set(weak)
    weak_seen: list[str] = []
    weak_blocs: dict[str, dict[int, tuple[str, ...]]] = {}
    lineage: dict[str, dict[int, tuple[str, ...]]] = {}
    mappings: dict[str, dict[Hashable, int]] = {}
    splits, merges, swings = [], [], []
    prev: dict[int, set] = {}
    prev_session: str | None = None
    next_id = 0
    last: dict[str, tuple[int, float | None]] = {}  # actor -> (stable bloc, confidence) before
    firm_before: set[str] = set()
    for session, partition, confidence in sessions:
        curr = _members(partition)
        if not curr:  # no blocs (e.g. a session without enough votes): carry the last ones over
            if session not in weak:
                lineage[session] = {}
            mappings[session] = {}
            continue
        if session in weak:
            mapping, next_id = _ids_without_linking(prev, curr, next_id, min_jaccard, min_overlap)
            mappings[session] = dict(sorted(mapping.items()))
            weak_blocs[session] = _stable_blocs(curr, mapping)
            weak_seen.append(session)
            continue
        if prev_session is None:  # the first link (weak sessions before it used some ids)
            mapping = {raw: next_id + k for k, raw in enumerate(sorted(curr))}
            next_id += len(mapping)
        else:
            m = match_blocs(prev, curr, min_jaccard=min_jaccard, min_share=min_share,
                            min_overlap=min_overlap, next_id=next_id)  # fmt: skip
            mapping = m.mapping
            next_id = max([next_id - 1, *mapping.values()]) + 1
            splits += [Split(prev_session, session, p, tuple(mapping[c] for c in into))
                       for p, into in m.splits]  # fmt: skip
            merges += [Merge(prev_session, session, mapping[c], tuple(sources))
                       for c, sources in m.merges]  # fmt: skip
        lineage[session] = _stable_blocs(curr, mapping)
        mappings[session] = dict(sorted(mapping.items()))
        now = {a: (mapping[partition[a]], None if confidence is None else confidence.get(a))
               for a in sorted(partition)}  # fmt: skip
        allowed = None if firm is None else set(firm[session]) & firm_before
        swings += _swings(last, now, prev_session, session, allowed)
        last = now
        firm_before = set(firm[session]) if firm is not None else set()
        prev, prev_session = {k: set(v) for k, v in lineage[session].items()}, session
    return Tracking(
        sessions=tuple(s for s, _, _ in sessions),
        lineage=lineage,
        mapping=mappings,
        splits=tuple(splits),
        merges=tuple(merges),
        swings=tuple(swings),
        min_jaccard=min_jaccard,
        min_share=min_share,
        min_overlap=min_overlap,
        weak=tuple(weak_seen),
        weak_blocs=weak_blocs,
        firm_only=firm is not None,
    )


def _stable_blocs(curr: Members, mapping: Mapping[Hashable, int]) -> dict[int, tuple[str, ...]]:
    stable = {mapping[raw]: members for raw, members in curr.items()}
    return {k: tuple(sorted(stable[k])) for k in sorted(stable)}


def _swings(
    before: Mapping[str, tuple[int, float | None]],
    now: Mapping[str, tuple[int, float | None]],
    session_from: str | None,
    session_to: str,
    allowed: set[str] | None,
) -> list[Swing]:
    """Actors in both links whose stable bloc changed (only `allowed` ones, when given)."""
    out = []
    for actor, (bloc, conf) in now.items():
        moved = actor in before and before[actor][0] != bloc
        if moved and (allowed is None or actor in allowed):
            out.append(Swing(actor, session_from, session_to, before[actor][0], bloc,
                             before[actor][1], conf))  # fmt: skip
    return out


def _ids_without_linking(
    prev: Members, curr: Members, next_id: int, min_jaccard: float, min_overlap: int
) -> tuple[dict[Hashable, int], int]:
    """Ids for a weak session: matched to the last link of the chain, fresh ids otherwise."""
    if not prev:
        mapping = {raw: next_id + k for k, raw in enumerate(sorted(curr))}
        return mapping, next_id + len(mapping)
    m = match_blocs(prev, curr, min_jaccard=min_jaccard, min_overlap=min_overlap, next_id=next_id)
    return m.mapping, max([next_id - 1, *m.mapping.values()]) + 1
