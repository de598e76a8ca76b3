"""Phase (d), tables: a treaty's status table ("Participant | Signature | Ratification") and
the sponsors line of a UN draft ("Chile, Ghana and Peru: draft resolution").

The sponsors line: the names run, separated by commas and "and", up to the colon before
"draft resolution" / "draft decision" / "amendment": each of them sponsors the draft (support,
no single proposer).

The depositary's status page lists each participant with the date of its signature (and of
its ratification, acceptance or accession). Copied as text, the columns often run together:
"Participant Signature ... Chile<date> Peru<date>", the name glued to its date. Each name
followed by a date is a signatory: one event, everyone in the table supporting (signing) the
treaty. Names are matched on a copy of the table with digits blanked out (same length, so the
offsets stay those of the text).
"""

from __future__ import annotations

import re

from loaders.extract.mentions import Lexicon
from loaders.extract.sentence import Ev
from loaders.extract.text import Block

# "Participant Signature", "| State | Signature |", "Country | Date of signature"
_HEADS = (
    r"(?:participants?|states?|countr(?:y|ies))[ \t]*(?:\|[ \t]*)?\(?[ \t]*(?:date[ \t]+of[ \t]+)?"
    r"(?:signature|ratification|accession)"
)
_HEAD = re.compile(r"(?i)\b" + _HEADS)
# a date after the name (a pipe between them in a table), or "| signed |"
_DATE = re.compile(
    r"[ \t]*(?:\|[ \t]*)?(?:\([^()\n]{0,40}\)[ \t]*)?(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{4}|"
    r"[Ss]igned\b)"
)
# the header without its leading \b: a search over the whole text that the regex engine runs
# fast, done once to skip the per-block search in texts without a status table (most)
_HEAD_ANYWHERE = re.compile(
    r"(?i)(?:participant|state|countr)[a-z]*[ \t]*(?:\|[ \t]*)?\(?[ \t]*(?:date[ \t]+of[ \t]+)?"
    r"(?:signature|ratification|accession)"
)
_DIGIT = re.compile(r"\d")
_MIN_ROWS = 3
_SPAN = 200_000  # at most this much text after the header is read as the table


def participant_tables(text: str, blocks: list[Block], lex: Lexicon) -> list[Ev]:
    """One signature event per status table of the text (none if there is no table)."""
    out: list[Ev] = []
    if _HEAD_ANYWHERE.search(text) is None:
        return out
    for blk in blocks:
        head = _HEAD.search(text, blk.start, blk.end)
        if head is None:
            continue
        a, b = head.end(), min(blk.end, head.end() + _SPAN)
        blank = _DIGIT.sub(" ", text[a:b])
        codes: dict[str, None] = {}
        for m in lex.find(blank, 0, len(blank)):
            if _DATE.match(text, a + m.end):
                codes[m.code] = None
        if len(codes) < _MIN_ROWS:
            continue
        ev = Ev(None, "sign the treaty (status table)", "signature", 0, None, None, 0, 0)
        ev.sides = {c: "support" for c in codes}
        ev.spans.append((blk.start, b))
        ev.cues.append("signatory in a status table")
        ev.conf = 0.85
        out.append(ev)
    return out


_SPONSORS = re.compile(
    r":[ \t]*(?:revised[ \t]+)?(?:draft[ \t]+(?:resolution|decision)|amendments?)\b"
)
# between two sponsors: a bracket ("(Federated States of)"), a comma or "and", and a "the"
# that opens the next name ("..., Switzerland, the former Yugoslav Republic of Macedonia")
_SEP = re.compile(
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t\n]*(?:,|and|,[ \t]*and)?[ \t\n]*(?:the[ \t]+)?"
)


def sponsor_lines(text: str, blocks: list[Block], lex: Lexicon) -> list[Ev]:
    """One event per sponsors line: the names that run without a gap up to the colon."""
    out: list[Ev] = []
    for blk in blocks:
        for hit in _SPONSORS.finditer(text, blk.start, blk.end):
            a = max(blk.start, hit.start() - 8000)  # 193 names fit
            ms = lex.find(text, a, hit.start())
            codes: list[str] = []
            end = hit.start()
            for m in reversed(ms):
                gap = text[m.end : end]
                if _SEP.fullmatch(gap) is None:
                    break
                codes.append(m.code)
                end = m.start
            if len(codes) < 2:
                continue
            ev = Ev(None, "the draft of this sponsors line", "sponsors", 0, None, None, 0, 0)
            ev.sides = {c: "support" for c in reversed(codes)}
            ev.spans.append((end, hit.end()))
            ev.cues.append("sponsors line of a draft")
            ev.conf = 0.85
            out.append(ev)
    return out
