"""Phase (d), statements: "I have the honour to speak on behalf of A, B and my own country, C".

The opening sentence of a statement (or of a speaker's turn) names everybody the "we" of the
text stands for. `honour` finds it near the start of a turn or of the document and returns

* the speaker: the actor after "my (own) country", else the state that delivers the statement
  according to its header ("delivered by Finland", "Permanent Mission of Finland"), else the
  first name of the list;
* every author (a joint statement: all of them share each position of the text);
* the group the speaker speaks for, when the list is one group ("on behalf of the European
  Union"): the group's own name in the text then stands for the speaker too.

Only a bounded window at the start of each turn and the first blocks of a document are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.mentions import Lexicon
from loaders.extract.text import Block

__all__ = ["Honour", "honour", "header_speaker"]

_HONOUR = re.compile(
    r"(?i)\b(?:I|we)[ \t]+(?:(?:have|had)[ \t]+the[ \t]+(?:honou?r|privilege|pleasure)[ \t]+"
    r"(?:to|of)[ \t]+|am[ \t]+|are[ \t]+)?(?:speak|deliver|make|present|read|take[ \t]+the"
    r"[ \t]+floor|taking[ \t]+the[ \t]+floor)(?:ing)?\b[^.\n]{0,60}?\b(?:on[ \t]+behalf[ \t]+of|"
    r"for(?=[ \t]+(?:the[ \t]+)?[A-Z]))"  # "I speak for the African Group"
    r"[ \t]+(?:the[ \t]+following(?:[ \t]+[A-Za-z-]+){0,3}[ \t]*:[ \t]*)?"  # "... countries:"
)
_MY_COUNTRY = re.compile(r"(?i)\bmy[ \t]+(?:own[ \t]+)?(?:country|delegation)[ \t]*,?[ \t]*")
_SENT_END = re.compile(r"[.;:](?:\s|$)|\n")
_LIST_END = re.compile(r"\.(?:\s|$)|\n")
_HEADER_BY = re.compile(
    r"(?i)\b(?:delivered|presented|made|read)[ \t]+by[ \t]+(?:the[ \t]+)?|"
    r"\b(?:Permanent[ \t]+)?(?:Mission|Representative)[ \t]+of[ \t]+(?:the[ \t]+)?"
)
_WINDOW = 200  # the opening sentence starts this close to the start of its block
_HEAD_BLOCKS = 8


@dataclass(frozen=True)
class Honour:
    start: int  # the block that holds the opening sentence
    code: str
    codes: tuple[str, ...]
    behalf: str


def header_speaker(text: str, blocks: list[Block], lex: Lexicon) -> str | None:
    """The state a statement's header says delivers it ("delivered by Finland on behalf of
    the EU", "Permanent Mission of Finland"), or None."""
    for blk in blocks:
        if blk.end - blk.start > 600:
            continue
        for m in _HEADER_BY.finditer(text, blk.start, blk.end):
            ms = lex.find(text, m.end(), min(blk.end, m.end() + 60))
            if ms and ms[0].start == m.end() and not lex.index.is_group(ms[0].code):
                return ms[0].code
    return None


def honour(text: str, blk: Block, lex: Lexicon, speaker: str | None = None) -> Honour | None:
    """The opening "on behalf of" sentence in the first characters of a block, or None.
    `speaker` is the actor already known to speak (a turn label, a statement header)."""
    m = _HONOUR.search(text, blk.start, min(blk.end, blk.start + _WINDOW))
    if m is None:
        return None
    e = _SENT_END.search(text, m.end(), blk.end)
    if e is not None and text[e.start()] == ":" and not lex.find(text, m.end(), e.start()):
        # "on behalf of the participants: A, B and C; D and E; and my own country, F."
        e = _LIST_END.search(text, e.end(), blk.end)
    end = blk.end if e is None else e.start()
    ms = lex.find(text, m.end(), end)
    if not ms:
        return None
    codes = tuple(dict.fromkeys(x.code for x in ms))
    code = speaker if speaker in codes else None
    for my in _MY_COUNTRY.finditer(text, m.end(), end):
        own = [x for x in ms if x.start == my.end()]
        if own:
            code = own[0].code
    group = codes[0] if len(codes) == 1 and lex.index.is_group(codes[0]) else ""
    if group and speaker and speaker != group and not lex.index.is_group(speaker):
        return Honour(blk.start, speaker, (speaker,), group)
    if code is None:
        code = speaker if speaker and not group and speaker not in codes else codes[0]
    return Honour(blk.start, code, tuple(dict.fromkeys((code, *codes))), "")
