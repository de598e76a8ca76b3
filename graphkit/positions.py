"""What each actor said: one cell per actor and proposal, and group statements shared out.

Pure and deterministic (the output never depends on input order):

* `dedupe` keeps one record per (actor, proposal): the latest dated one.
* `expand_groups` gives the member states of a group (the EU, CARICOM, the African Group, or a
  state speaking on behalf of one) an *attributed* position when the group speaks, because
  reports credit the group while the question is how the states line up. A group statement is
  one voice: by default each of the group's n members gets weight 1/n, so the statement weighs
  as much as one state's in every count (`graphkit.projection` multiplies weights pairwise), and
  a 27-member EU statement no longer outvotes what a state said for itself. A member's own
  statement on the question replaces what its groups said.
* `direct_only` drops attributed rows again: the positions as stated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from graphkit.model import STANCES, VOTES, Position

GROUP_WEIGHTS = ("share",)  # or a number in (0, 1]: a fixed weight for every attributed row


def attributed_weight(group_weight: float | str, members: int) -> float:
    """Weight of one member's copy of a group statement: 1/members ("share") or a fixed value.

    "share" is the default because a statement made for a group is one voice: its weight summed
    over the members is 1, so agreeing with a group statement counts once, like agreeing with
    one state, and its members are not counted as n independent witnesses.
    """
    if group_weight == "share":
        return 1.0 / max(members, 1)
    return float(group_weight)


def question(p: Position) -> str:
    """The question a position answers: its issue (competing options) or the proposal itself."""
    return p.issue if p.kind == "position" and p.issue else p.proposal


def _is_group(actor: str | None, membership: Mapping[str, Sequence[str]]) -> bool:
    return actor is not None and actor in membership and bool(membership[actor])


def expand_groups(
    positions: Iterable[Position],
    membership: Mapping[str, Sequence[str]],
    actor_kinds: Mapping[str, str] | None = None,
    *,
    group_weight: float | str = "share",
) -> list[Position]:
    """Attribute group statements to member states; a member's own word on the question wins.

    A position is shared out when its actor is a key of `membership` (EU, CARICOM, ...) or when
    it was said `on_behalf_of` such a group. Copies carry `attributed=True`, `weight` (see
    `attributed_weight`), `on_behalf_of=<group>` and `proposer=False`. The speaker keeps its own
    row (weight 1: it said it). A member that stated any position on the same question (the
    proposal, or any competing option of its issue) keeps only its own positions there: it
    spoke for itself, so what its groups said is not put in its mouth. The group's own row is
    dropped when it is a pure grouping (no `actor_kinds`, or `actor_kinds[group] == "group"`)
    and kept for groups that are parties in their own right (e.g. the EU given as "observer").
    When two groups give one member conflicting stances on a proposal the member gets none:
    nobody said what it thinks; when they agree, the copy of the heavier (smaller) group is
    kept. One level only: members that are groups are not re-expanded. Already attributed rows
    pass through unchanged, so expanding twice changes nothing. Output is sorted.
    """
    positions = list(positions)
    own: set[tuple[str, str]] = set()
    kept: list[Position] = []
    for p in positions:
        is_group_row = _is_group(p.actor, membership) and not p.attributed
        keep_row = not is_group_row or (
            actor_kinds is not None and actor_kinds.get(p.actor, "group") != "group"
        )
        if keep_row:
            if not p.attributed:
                own.add((p.actor, question(p)))
            kept.append(p)

    already = {(p.actor, p.proposal) for p in kept if p.attributed}
    # what each group said on each proposal: its latest word (one dedupe per group statement)
    said: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in positions:
        if p.attributed:
            continue
        for group in {g for g in (p.actor, p.on_behalf_of) if _is_group(g, membership)}:
            said[(group, p.proposal)].append(p)
    heard: dict[tuple[str, str], list[tuple[str, Position]]] = defaultdict(list)
    for (group, proposal), rows in sorted(said.items()):
        statement = dedupe(rows)[0]
        for member in membership[group]:
            if (member, question(statement)) in own or (member, proposal) in already:
                continue
            if any(r.actor == member for r in rows):
                continue  # the speaker keeps its own row
            heard[(member, proposal)].append((group, statement))
    for (member, _), voices in heard.items():
        # the groups must agree; then the heavier (smaller) group's copy, alphabetical on ties
        if len({statement.stance for _, statement in voices}) != 1:
            continue
        weights = [attributed_weight(group_weight, len(membership[g])) for g, _ in voices]
        k = max(range(len(voices)), key=lambda i: weights[i])
        group, statement = voices[k]
        kept.append(replace(statement, actor=member, on_behalf_of=group, proposer=False,
                            attributed=True, weight=weights[k]))  # fmt: skip
    return sorted(kept, key=_sort_key)


def direct_only(positions: Iterable[Position]) -> list[Position]:
    """The positions as stated: attributed copies of group statements left out."""
    return [p for p in positions if not p.attributed]


def _sort_key(p: Position) -> tuple:
    return (
        p.actor,
        p.proposal,
        p.date or "",
        p.kind,
        p.stance,
        p.issue or "",
        p.session,
        p.on_behalf_of or "",
        p.proposer,
        p.attributed,
        p.weight,
    )


def dedupe(positions: Iterable[Position]) -> list[Position]:
    """One cell per (actor, proposal): the latest dated record wins.

    Records of the same date that disagree make the cell neutral (present, no side), because
    the report does not say which one stands. Input order never matters.
    """
    cells: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in positions:
        if p.stance not in STANCES and p.stance not in VOTES:
            raise ValueError(f"unknown stance {p.stance!r} for {p.actor} on {p.proposal}")
        cells[(p.actor, p.proposal)].append(p)
    out = []
    for key in sorted(cells):
        if len(cells[key]) == 1:
            out.append(cells[key][0])
            continue
        rows = sorted(cells[key], key=_sort_key)
        latest = rows[-1].date or ""
        last = [r for r in rows if (r.date or "") == latest]
        if len({r.stance for r in last}) > 1:
            out.append(replace(last[0], stance="neutral", kind="position"))
        else:
            out.append(last[-1])
    return out
