"""Phase (d), quoted speech: "We oppose the annex," Chile said.

News reports quote delegates in the first person. A quotation whose speaker is named right
before it (`Chile said: "..."`, `the Chilean envoy told reporters, "..."`) or right after it
(`"...," Chile said`, `"...," said the Chilean ambassador`) makes its "we", "my delegation" and
"our country" stand for that speaker's actor, as in a transcript turn. A quotation with no
speaker named beside it, or one whose speaker is no actor ("a diplomat said"), is left alone.
"""

from __future__ import annotations

import re

from loaders.extract import words as W
from loaders.extract.mentions import Lexicon
from loaders.extract.speakers import _FIRST, FirstPerson

__all__ = ["quoted_first_person"]

_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{3,600})[\"\u201d]")
SAY_WORDS = (
    "said", "says", "told", "stated", "added", "declared", "warned", "insisted", "argued",
    "stressed", "noted", "explained", "continued", "remarked", "wrote", "tweeted",
)  # fmt: skip
# "told" may take its hearers ("told reporters", "told the committee")
_SAY = "(?:" + "|".join(r"told(?:[ \t]+\w+){0,2}" if w == "told" else w for w in SAY_WORDS) + ")"
_REP = "|".join(sorted(W.REP_NOUNS, key=len, reverse=True))
# the speaker phrase: a name ("Chile", "Chile's envoy") or "the <Demonym> <rep noun>"
_BEFORE = re.compile(rf"(?P<who>[^.;\"\u201c\u201d\n]{{2,80}}?)[ \t]+{_SAY}[ \t]*[:,]?[ \t]*$")
_AFTER = re.compile(
    rf"[ \t]*,?[\"\u201d]?[ \t]*(?:{_SAY}[ \t]+(?P<who1>[^.;,\"\u201c\n]{{2,80}})|"
    rf"(?P<who2>[^.;,\"\u201c\n]{{2,80}}?)[ \t]+{_SAY})"
)
_DEMONYM_REP = re.compile(rf"(?i)\b(?:the[ \t]+)?(?P<dem>[A-Z][a-z]+)[ \t]+(?:{_REP})\b")


_CLAUSE = re.compile(r"(?i)\b(?:who|whom|which|that|after|before|when|while|as)\b|,")


def _speaker(phrase: str, lex: Lexicon) -> str | None:
    """The one actor a speaker phrase names, if exactly one ("Chile", "the Chilean envoy"),
    up to a clause of its own ("a diplomat who briefed Peru" names no speaker)."""
    cut = _CLAUSE.search(phrase)
    phrase = phrase[: cut.start()] if cut else phrase
    codes = {m.code for m in lex.find(phrase)}
    for m in _DEMONYM_REP.finditer(phrase):
        code = lex.demonym_codes.get(m.group("dem").lower())
        if code:
            codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def quoted_first_person(text: str, lex: Lexicon) -> list[FirstPerson]:
    """First-person phrases inside quotations whose speaker is named beside them."""
    out: list[FirstPerson] = []
    for q in _QUOTE.finditer(text):
        a, b = q.span(1)
        hits = list(_FIRST.finditer(text, a, b))
        if not hits:
            continue
        line_start = max(text.rfind("\n", 0, q.start()), 0)
        before = _BEFORE.search(text[max(line_start, q.start() - 120) : q.start()])
        code = _speaker(before.group("who"), lex) if before else None
        # after the quote only when the quoted sentence goes on ('"We oppose it," Chile said'),
        # not after a full stop ('"We oppose it." Peru said ...' is Peru's own sentence)
        goes_on = text[b - 1 : b] in (",", "?", "!") or text[b + 1 : b + 2] == ","
        if code is None and goes_on:
            after = _AFTER.match(text, b + 1, min(len(text), b + 130))
            if after:
                code = _speaker(after.group("who1") or after.group("who2") or "", lex)
        if code is None:
            continue
        cue = f"first-person in a quote of {code}"
        out.extend(FirstPerson(m.start(), m.end(), code, cue) for m in hits)
    return out
