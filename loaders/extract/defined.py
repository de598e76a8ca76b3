"""Phase (d), a collective named once with its members in brackets, then by the noun alone.

Joint statements define their authors once ("The Member States (A, B, C) advocate ...", "the
co-sponsors (A and B)") and then write "The Member States are in favour of ...", "The
co-sponsors also support ...". `note` records the noun phrase of a bracketed list; `opening`
reads a later sentence that opens with it as a subject standing for all the members (like a
joint statement's "we": speakers.FirstPerson with all the codes).
"""

from __future__ import annotations

import re

from loaders.extract import words as W
from loaders.extract.sentence import Sentence
from loaders.extract.speakers import FirstPerson

_COLLECTIVE = W.words(
    "states countries members sponsors co-sponsors cosponsors delegations governments nations "
    "parties signatories authors co-authors group"
)


def note(P, S: Sentence) -> None:
    """'The Member States (A, B, C)': remember 'member states' for A, B and C."""
    tk = S.tk
    for L in S.lists:
        k = L.start - 1
        if k < 2 or tk[k] != "(" or L.end >= S.n or tk[L.end] != ")" or len(L.members) < 2:
            continue
        words = []
        p = k - 1
        while p >= 0 and len(words) < 4 and tk[p] != "the" and (tk[p].isalpha() or tk[p] == "-"):
            words.insert(0, tk[p])
            p -= 1
        if p < 0 or tk[p] != "the" or not words:
            continue
        if words[-1] not in _COLLECTIVE and "".join(words[-3:]) not in _COLLECTIVE:
            continue  # "co - sponsors" is three tokens
        phrase = " ".join(words).replace(" - ", "-")
        codes = tuple(dict.fromkeys(S.ments[mi].code for mi in L.members))
        P.defined[phrase] = (
            re.compile(r"The[ \t]+" + r"[ \t]*".join(map(re.escape, words)), re.I),
            codes,
        )


def opening(P, text: str, a: int, b: int) -> FirstPerson | None:
    """A sentence opening with a recorded collective noun: a subject for all its members."""
    for phrase, (pat, codes) in P.defined.items():
        m = pat.match(text, a, min(b, a + 80))
        if m is not None and not text[m.end() : m.end() + 1].isalnum():
            return FirstPerson(m.start(), m.end(), codes[0], f"'the {phrase}' defined above", codes)
    return None


def named_in(P, text: str, a: int, b: int) -> bool:
    """Does a block name a recorded collective (so that its sentences are parsed)?"""
    block = text[a:b].lower()
    return any(phrase.replace("-", " - ") in block or phrase in block for phrase in P.defined)
