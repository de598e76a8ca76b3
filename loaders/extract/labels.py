"""Phase (d), transcripts: who a speaker label names.

`speakers.turns` reads "Brazil:" (a label that is exactly an actor name) itself. The labels
here describe the speaker instead: "Delegation of Brazil:", "H.E. Mr. Juan Ruiz, Ambassador
of Chile:", "BRAZIL (Mr. Silva):", "Mexico (on behalf of GRULAC):" name one state among other
words; "[Peru] We support ..." and "Peru - We support ..." put the name before the words with
no colon. A label of the chair or another officer ("Chair (Mexico):") names no speaker.
"""

from __future__ import annotations

import re

from loaders.extract import words as W
from loaders.extract.mentions import Lexicon

# officers: a country after one of these is the officer's nationality, not a delegation
_OFFICERS = frozenset(
    ["chair", "chairperson", "chairman", "vice-chair", "co-chair", "president", "facilitator",
     "moderator", "secretariat", "secretary", "rapporteur", "coordinator", "cochair"]
)  # fmt: skip
# a label describes a speaker only with one of these ("Delegation of Brazil", "Mr. Silva")
_ROLES = frozenset(
    ["delegation", "delegate", "representative", "ambassador", "minister", "mission", "envoy",
     "spokesperson", "mr", "ms", "mrs", "dr", "h", "excellency", "head", "observer"]
)  # fmt: skip
_TOLD = frozenset(["told", "tells", "wrote", "writes", "added", "asked", "replied"])
_FOR_GROUP = re.compile(r"(?i)\b(?:on[ \t]+behalf[ \t]+of|for[ \t]+the|speaking[ \t]+for)\b")
_INLINE = re.compile(
    r"\[([^\]\n]{2,40})\][ \t]*(?=[A-Z])"  # "[Peru] We ..."
    r"|([^\W\d_][^\n\u2014\u2013]{1,40}?)[ \t]+[\u2014\u2013][ \t]+(?=[A-Za-z])"  # "Peru - we ..."
)
# a live blog's time stamp before a label: "07.59 UK - want ...", "14:02 Brazil: ..."
STAMP = re.compile(r"\d{1,2}[.:h]\d{2}[ \t]+")


def label_code(text: str, a: int, b: int, lex: Lexicon) -> str | None:
    """The actor when text[a:b] is exactly one actor name (optionally after 'The')."""
    ms = lex.find(text, a, b)
    if len(ms) != 1:
        return None
    pre = text[a : ms[0].start].strip().lower()
    post = text[ms[0].end : b].strip()
    return ms[0].code if pre in ("", "the") and post == "" else None


def described_speaker(text: str, a: int, b: int, lex: Lexicon) -> str | None:
    """The one actor a descriptive label names ("Delegation of Brazil"), outside any
    "on behalf of ..." part; None for an officer's label or when it names none or several."""
    if b - a > 90:
        return None
    words = re.findall(r"[a-z-]+", text[a:b].lower())
    if not words or any(w in _OFFICERS for w in words):
        return None
    if _ROLES.isdisjoint(words) and not _FOR_GROUP.search(text, a, b):
        return None  # "Reactions to the Russian proposal:": a topic, not a speaker
    if any(w in W.VERBS or w in W.SPEECH or w in _TOLD for w in words):
        return None  # "The Ghanaian delegate told reporters:": a sentence, not a label
    cut = _FOR_GROUP.search(text, a, b)
    codes = {m.code for m in lex.find(text, a, cut.start() if cut else b)}
    return codes.pop() if len(codes) == 1 else None


def officer(text: str, a: int, b: int) -> bool:
    """Does text[a:b] name an officer ("Vice-Chair", "Chair")? Then '(Australia)' after it
    is a nationality."""
    return not _OFFICERS.isdisjoint(re.findall(r"[a-z-]+", text[a:b].lower()))


def inline_label(text: str, a: int, end: int, lex: Lexicon) -> str | None:
    """'[Peru] We support ...', 'Peru - We support ...': the actor a bracket or a dash
    label names exactly (`label_code`)."""
    m = _INLINE.match(text, a, end)
    if m is None:
        return None
    g = 1 if m.group(1) else 2
    return label_code(text, m.start(g), m.end(g), lex)


def topic(text: str, blk, non_speakers: frozenset) -> bool:
    """A 'Label:' that names no speaker (no chair, no 'Mr. X', no person's name)."""
    head = text[blk.start : min(blk.end, blk.start + 40)].split(":")[0].split()
    first = head[0].rstrip(".").lower() if head else ""
    return bool(head) and head[0].isupper() and first not in non_speakers | _TITLES


_TITLES = frozenset(["mr", "ms", "mrs", "dr", "h.e", "he", "ambassador", "minister", "prof"])
