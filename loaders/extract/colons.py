"""Phase (d), lists under a colon: "The proposal was supported by the following:" with a bullet
of names under it, "In favour (141):" then "A: Afghanistan, Albania" and "B: Bahamas, ..." (a
block of names only, read as a heading elsewhere), "submitted by:" then the sponsors' block.

Helpers of `events.Parser` (P): `colon_intro` notes the stance a sentence ending in ':'
announces, `colon_member` gives it to a list below, `end_colon` closes it at a block that is
neither a bullet nor a block of names only.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from loaders.extract import roles as RO
from loaders.extract import votes as VO
from loaders.extract import words as W
from loaders.extract.sentence import ActorList, Sentence


class Colon(NamedTuple):
    """What a colon (or a vote heading) announces for the names below it."""

    cls: str  # W.SUP / W.OPP / W.NEU
    events: list | None  # the events the names take a side on (made on the first list)
    since: int  # the sentence of the colon
    span: tuple[int, int]
    intro: str  # the words before the colon: the option of a new event
    vote: bool  # a vote label ("Against:", "For (141):")
    heading: bool  # a heading or question ("Who abstained?"): a count line may follow it


def end_colon(P) -> None:
    """A block that is not a bullet ends the list under a colon; a block of names only may
    still take it ("For (141):" then "A: Afghanistan, ..." then "B: ..."), as long as each
    block in between did."""
    if P.colon is not None:
        P.colon_names = P.colon
    elif not P.names_used:
        P.colon_names = None
    P.colon, P.names_used = None, False


# "5 countries, including:", "34 states, among them:": a count under a vote heading
_COUNT_INCLUDING = re.compile(
    r"(?i)\s*(?:\d+|[a-z]+)[ \t]+(?:other[ \t]+)?(?:countries|states|members|nations|"
    r"delegations)[ \t]*,?[ \t]*(?:including|among[ \t]+them|namely)?[ \t]*:?\s*$"
)


_ANAPHORS = W.words("it this these them those")


def _anaphoric(tk: list[str], colon: int) -> bool:
    """A label pointing back ('Against it:', 'Backed that drive:'), not 'States that voted:'."""
    for i, t in enumerate(tk[:colon]):
        if t in _ANAPHORS or (
            t == "that"
            and 0 < i < colon - 1
            and tk[i - 1] in W.VERBS
            and (tk[i + 1] not in W.VERBS or tk[i + 2] in (",", ":"))
        ):
            return True
    return False


def colon_intro(P, S: Sentence, heading: bool = False) -> None:
    """A sentence ending in ':' with a stance cue announces a list of names below it; so does
    a heading with one ("Who voted against?", "Member states that voted in favour")."""
    tk = S.tk
    question = bool(tk) and tk[-1] == "?" and tk[0] in ("who", "which") and S.n <= 8
    if not tk or tk[-1] != ":" and not heading and not question:
        return  # "... voted against:", a heading, or a question: "Who voted against?"
    heading = heading or question
    colon = S.n - 1 if tk[-1] in (":", "?") else S.n
    cls = RO.cue_before(S, colon)
    cls = W.SUP if cls == W.PROP else cls  # "submitted by:" + its sponsors
    text = S.text_of(P.text, 0, colon)
    if cls is None and P.colon_names and P.colon_names.heading and _COUNT_INCLUDING.match(text):
        P.colon = P.colon_names  # "Who abstained?" then "34 countries, including:"
        return
    if cls in (W.SUP, W.OPP, W.NEU):
        events = S.focus or (P.cur if S.subj_anaphor and P._cur_ok(S, 2) else None)
        if not events and colon <= 8 and _anaphoric(tk, colon) and P.cur:
            events = P.cur if P._cur_ok(S, 4) else None  # "Backed that drive:", "Against it:"
        vote = VO.vote_label(S)
        events = events or (VO.held_vote(P, S) if vote else None)
        P.colon = Colon(cls, events, S.idx, (S.a, S.b), text, vote, heading)


def colon_member(P, S: Sentence, L: ActorList) -> bool:
    """The list takes the stance of the colon above it: True when it did."""
    names = not (S.bullet and P.colon) and P.colon_names and names_only(S, L)
    if not (S.bullet and P.colon) and not names:
        return False  # a bullet, or a block of names only ("A: Afghanistan, Albania")
    colon = P.colon_names if names else P.colon
    stance = {W.SUP: "support", W.OPP: "oppose", W.NEU: "neutral"}[colon.cls]
    P._cue(f"{stance} list after a colon", 0.8)
    if not colon.events:
        colon = colon._replace(events=[P._new_event(S, None, colon.intro)])
        if names:
            P.colon_names = colon
        else:
            P.colon = colon
    events, span, vote = colon.events, colon.span, colon.vote
    P.names_used = P.names_used or bool(names)
    for ev in events:
        if span not in ev.spans:
            ev.spans.append(span)
    P._attach(S, events, L.members, stance)
    if vote:
        P.colon_vote = (events, S.idx, P.section)
    return True


def names_only(S: Sentence, L: ActorList) -> bool:
    """Is the sentence the list L and nothing else (a short label such as "A:" before it, a
    full stop or a closing bracket after it)? Such a block under "submitted by:" or "For
    (141):" is that label's list."""
    head = S.tk[: L.start]
    if len(head) == 2 and head[0].isdigit() and head[1] in (".", ")"):
        head = []  # "1. Algeria", "2) Angola": a numbered line of a list
    if head and head[-1] != ":":
        return False
    if len(head) > 2 and not _group_label(S, len(head) - 1):
        return False
    return all(t in (".", ")", "(", ";") for t in S.tk[L.end :])


def group_member(P, S: Sentence, L: ActorList) -> bool:
    """'Northern Africa: Algeria; Egypt' under 'the signatories are:': a line of names under a
    group's name takes the colon's side (not an option of its own): True when it did."""
    if P.colon is None or L.start < 2 or S.tk[L.start - 1] != ":":
        return False
    words = S.tw[: L.start - 1]
    if not all(w[:1].isupper() or w in ("and", "the", "of") for w in words):
        return False
    return _group_label(S, L.start - 1) and colon_member(P, S, L)


def _group_label(S: Sentence, colon: int) -> bool:
    """'Northern Africa:', 'Latin America and the Caribbean:': a short label grouping the
    names after it, with no side of its own ("Against:" is a label of its own)."""
    words = S.tk[:colon]
    if len(words) > 5 or not all(t.isalpha() for t in words):
        return False
    return RO.cue_before(S, colon) is None and W.VOTE_WORDS.isdisjoint(words)
