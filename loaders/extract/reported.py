"""Phase (d), reported speech without quotation marks: "The text must include safeguards,
Chile said." / "..., said the Chilean envoy." / "..., according to Russia."

Wire reports put the speaker after the words: the clause before the comma is the speaker's
view, as if the sentence opened with "Chile said that". Only a clause that says what must be
done, or takes a side with a verb, and names no actor of its own is read this way; the speaker
phrase must name exactly one actor (`quotes._speaker`).
"""

from __future__ import annotations

import bisect
import re

from loaders.extract.mentions import Lexicon
from loaders.extract.quotes import _SAY, SAY_WORDS, _speaker
from loaders.extract.speakers import FirstPerson
from loaders.extract.text import Block, sentences

__all__ = ["reported_speakers"]

# ", Chile said." / ", the Chilean envoy told reporters." / ", said Chile." / ", according to X."
_TAIL = re.compile(
    rf",[ \t]*(?:{_SAY}[ \t]+(?P<who1>[^,;.\"\u201c\u201d]{{2,60}})|"
    rf"(?P<who2>[^,;.\"\u201c\u201d]{{2,60}}?)[ \t]+{_SAY}(?:[ \t]+[^,;.\"\u201c\u201d]{{0,40}})?|"
    rf"according[ \t]+to[ \t]+(?P<who3>[^,;.\"\u201c\u201d]{{2,60}}))"
    r"(?:,[ \t]*(?:which|who|where)\b[^;]{0,120}?)?[ \t]*[.!]?[ \t]*$"  # ", which met in ..."
)
# the clause says what must be done (a view with a side needs a verb the parser reads anyway)
_MUST = re.compile(
    r"\b(?:should|must|shall|needs?[ \t]+to|has[ \t]+to|have[ \t]+to|cannot|can[ \t]*not|"
    r"would[ \t]+not|will[ \t]+not|won\u2019t|won't)\b"
)
_QUOTED = re.compile(r"[ \t]*[\"\u201c\u201d']")  # the clause opens a quotation


_SAY_WORDS = (*SAY_WORDS, "according")  # "..., according to Russia."


def _speech_words(text: str) -> list[int]:
    """Sorted positions of the speech verbs of `_SAY` with a comma shortly before them
    (str.find: much faster than a regex scan of the whole text)."""
    out = []
    for w in _SAY_WORDS:
        i = text.find(w)
        while i >= 0:
            # only a tail can match: a comma shortly before, the sentence's end soon after
            if text.rfind(",", max(0, i - 70), i) >= 0 and text.find(".", i, i + 130) >= 0:
                out.append(i)
            i = text.find(w, i + len(w))
    return sorted(out)


class Reported(FirstPerson):
    """A zero-width speaker mention at the start of a reported clause (implied 'said')."""

    __slots__ = ("verb",)

    def __init__(self, at: int, code: str) -> None:
        super().__init__(at, at, code, f"reported speech of {code}")
        self.verb = "said"


def reported_speakers(text: str, blocks: list[Block], lex: Lexicon) -> list[Reported]:
    """A speaker mention before each reported clause whose speaker is named after it."""
    out: list[Reported] = []
    says = _speech_words(text)
    for blk in blocks:
        i = bisect.bisect_left(says, blk.start)
        if i >= len(says) or says[i] >= blk.end:
            continue  # most blocks: no speech verb, no sentence split needed
        for a, b in sentences(text, blk.start, blk.end):
            i = bisect.bisect_left(says, a)
            if i >= len(says) or says[i] >= b:
                continue  # no speech verb in this sentence
            tail = _TAIL.search(text, a, b)
            if tail is None or tail.start() - a < 20:
                continue
            head = text[a : tail.start()]
            must = _MUST.search(head)
            if _QUOTED.match(head) or not must or lex.find(text, a, tail.start()):
                continue  # a quotation (quotes.py), no demand, or the clause's own subject
            who = tail.group("who1") or tail.group("who2") or tail.group("who3")
            code = _speaker(who, lex)
            if code is not None:
                # "In order to curb X, states must agree on Y, India said": the clause of "must"
                comma = head.rfind(", ", 0, must.start())
                out.append(Reported(a + comma + 2 if comma >= 0 else a, code))
    return out
