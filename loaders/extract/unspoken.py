"""Phase (d), transcripts: the subject a note-taker leaves out of a speaker's turn.

Live blogs and meeting notes write a turn as "Russia: would like to return to p2. Support Japan
in bracketing the text." After the label, a sentence that opens with a verb of taking a side
(or a modal: "Would like to ...", "Cannot accept ...") has the speaker as its subject. Each one
gets a zero-width `FirstPerson` at the verb, which `sentence.Sentence` reads as the token "we":
from there on it is the same first-person statement as "We support Japan". A sentence that
opens with a stance noun ("Some reservations about p3-5") also gets the light verb it leaves
out ("we expressed some reservations about p3-5").
"""

from __future__ import annotations

import bisect
import re

from loaders.extract import words as W
from loaders.extract.speakers import FirstPerson, Turn
from loaders.extract.text import sentences

# a sentence start inside a turn: after a full stop, or at the start of a line
_START = re.compile(
    r"(?:(?<=[.!?][ \t])|(?<=[.!?][ \t]{2})|(?<=\n)|(?<=:[ \t])"
    r"|(?<=[\u2013\u2014][ \t])|(?<=\][ \t]))"  # after "UK - " and "[Peru] " labels too
    r"([A-Za-z][a-z']+)\b"
)
_SIDE_CLASSES = frozenset([W.SUP, W.OPP, W.PROP, W.NEU, W.ALIGN])
# modals and auxiliaries a subject-less verb phrase opens with
_OPENERS = W.words("would will cannot can could wish wishes want wants does do also fully strongly")
_ASKING = W.words("could would can will")
_GO_ON = W.words("keep continue")
# "Support for X was broad": a noun, not the speaker's verb
_NOUN_NEXT = W.words("for from of was were is are came has had among")


# "Some reservations about p3-5", "Support for the Japanese text": a stance noun with its
# object reads as "we expressed ..."
_DETERMINERS = W.words("some strong serious full our great")
_NOUN_OBJECT = W.words("about for to on regarding over with of")


class Unspoken(FirstPerson):
    """A zero-width speaker mention; `verb` is a light verb implied before a stance noun."""

    __slots__ = ("verb",)

    def __init__(self, at: int, turn: Turn, verb: str = "") -> None:
        cue = f"unspoken subject in turn of {turn.code}"
        super().__init__(at, at, turn.code or "", cue, turn.codes, turn.behalf)
        self.verb = verb


def _implied(text: str, word: str, end: int) -> str | None:
    """None when no speaker is implied; else the light verb to supply ("" for none)."""
    w = word.lower()
    words = re.findall(r"[A-Za-z'-]+", text[end : end + 40])[:2]
    if not words:
        return None
    nxt = words[0].lower()
    if w in _ASKING and nxt == "you" and words[1:2] and words[1].lower() in ("please", "kindly"):
        return "requested"  # "Could you please delay the item": the speaker's request
    if w in _OPENERS:
        return ""
    if w in _GO_ON and nxt.endswith("ing") and W.VERBS.get(nxt) in _SIDE_CLASSES:
        return ""  # "Keep backing the Budapest Convention": the speaker keeps backing it
    if w in W.PREPOSITIONS and nxt in W.DETERMINERS:
        return None  # "Against this backdrop, ...": a preposition opens the sentence
    if W.VERBS.get(w) in _SIDE_CLASSES and nxt not in _NOUN_NEXT:
        return ""
    noun, after = (nxt, words[1:]) if w in _DETERMINERS else (w, words)
    if W.LIGHT_NOUNS.get(noun) in _SIDE_CLASSES and after and after[0].lower() in _NOUN_OBJECT:
        return "expressed"
    return None


def unspoken_subjects(text: str, turn_list: list[Turn]) -> list[Unspoken]:
    """A zero-width speaker mention before each subject-less verb of a labelled turn."""
    out = []
    for t in turn_list:
        if t.code is None or t.how != "label":
            continue
        for m in _START.finditer(text, t.start, t.end):
            verb = _implied(text, m.group(1), m.end(1))
            if verb is not None:
                out.append(Unspoken(m.start(1), t, verb))
    return out


# "our position is the same as that of Japan": "our" is the speaker (phrases.py reads the rest)
_OUR_VIEW = re.compile(r"\b[Oo]ur[ \t]+(?:position|view|views|stance|approach|preference)\b")
_PREVIOUS = re.compile(r"\b(?:the|The)[ \t]+(?:previous|preceding|last)[ \t]+speaker\b")


def speaker_references(text: str, turn_list: list[Turn]) -> list[FirstPerson]:
    """'our position' in a delegate's turn, and 'the previous speaker' (the delegate of the
    turn before, when one was named)."""
    out = []
    before: Turn | None = None
    for t in sorted(turn_list, key=lambda t: t.start):
        if t.code is None or t.how not in ("label", "parenthesis", "floor"):
            continue
        cue = f"first-person in turn of {t.code}"
        for m in _OUR_VIEW.finditer(text, t.start, t.end):
            out.append(FirstPerson(m.start(), m.end(), t.code, cue, t.codes, t.behalf))
        if before is not None and before.code and before.code != t.code:
            prev = f"the previous speaker: {before.code}"
            for m in _PREVIOUS.finditer(text, t.start, t.end):
                out.append(FirstPerson(m.start(), m.end(), before.code, prev, before.codes))
        before = t
    return out


# A statement's own demands: "The convention should lay down provisions on ..." in a statement
# by Malaysia is Malaysia saying so (read as "we said the convention should ...").
_DEMAND = re.compile(
    r"\b(?:should|must|shall|needs? to|"
    r"[Ii]t is (?:also |equally )?(?:important|essential|necessary|crucial|vital))\b"
)
# a sentence opening with one of these restates a point made before
_POINTS_BACK = W.ANAPHORS | W.words("they he she its their such both")
# "It is vital that the instrument should ...": "it" points at nothing before
_EXPLETIVE = re.compile(
    r"It[ \t]+is[ \t]+(?:(?:also|equally)[ \t]+)?(?:vital|essential|important|necessary|crucial|"
    r"imperative|indispensable|critical|key)[ \t]+(?:that|to)\b"
)
_TOPIC_OPENING = re.compile(
    r"(?:On|Regarding|Concerning|With[ \t]+(?:respect|regard)[ \t]+to|As[ \t]+(?:for|regards)|"
    r"In[ \t]+relation[ \t]+to|Turning[ \t]+to)\b[^,.;:]{1,80},[ \t]*"
)
# "This means all countries should ...": a conclusion drawn, not a point restated
_INFERENCE = re.compile(r"(?:This|That)[ \t]+(?:means|is[ \t]+why|is[ \t]+the[ \t]+reason)\b")
_COURTESIES = W.words("thanks gratitude appreciation congratulations condolences greetings")
_SPOKEN = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Mm]y|I|[Uu]s)\b|[?\u201c\u201d\"]")


def statement_demands(text: str, turn_list: list[Turn], blocks: list, lex) -> list[Unspoken]:
    """A zero-width author mention, with an implied 'said', before each sentence of a
    statement that says what must be done and names nobody (no actor, no first person). The
    sentences are the parser's own (text.sentences, block by block), so the mention opens
    exactly the sentence the parser reads."""
    out = []
    starts = [blk.start for blk in blocks]
    for t in turn_list:
        if t.code is None or t.how != "statement":
            continue
        lo, hi = bisect.bisect_left(starts, t.start), bisect.bisect_left(starts, t.end)
        spans = [s for blk in blocks[lo:hi] for s in sentences(text, blk.start, blk.end)]
        for a, b in spans:
            sentence = text[a:b]
            words = sentence.split()
            if len(words) < 6 or not _DEMAND.search(sentence):
                continue
            expletive = _EXPLETIVE.match(sentence) is not None
            spoken = _SPOKEN.search(sentence)
            if spoken and expletive and spoken.group(0).lower() in ("our", "my"):
                spoken = None  # "It is vital that the text of our talks should ...": no subject
            if spoken or lex.find(text, a, b):
                continue  # its own subject, a quotation, or another actor's demand
            concluded = expletive or _INFERENCE.match(sentence) is not None
            if words[0].lower() in _POINTS_BACK and not concluded:
                continue  # "These principles should ...": a point made before, restated
            if words[0].lower() in _COURTESIES:
                continue  # "Thanks should also go to the Secretariat": no demand
            topic = _TOPIC_OPENING.match(sentence)  # "On questions 24 and 25, X should ..."
            out.append(Unspoken(a + topic.end() if topic else a, t, "said"))
    return out
