"""Phase (d), transcripts: speaker turns, and first-person statements resolved to the speaker.

In a transcript or a meeting record a delegate says "we support ...", "my delegation cannot
accept ...", "our government prefers ...": the actor is the country of the current speaker. A
turn starts at a block that opens with

* "Mr. Silva (Brazil):", "H.E. Ms. Ito (Japan):", "Speaker (European Union):" - the actor named in
  the parentheses;
* "BRAZIL:", "Brazil:", "The European Union:" - a label that is exactly one actor name;
* "Andrew Owusu-Agyemang:" - a person listed in the report's roster of speakers ("- Name:
  Deputy Manager at the Cybersecurity Authority of Ghana") with exactly one state in the
  affiliation;
* "The representative of Brazil said ...", "Brazil's delegate stated ..." (reported speech: the
  turn lasts for that paragraph, and "his / her / its delegation" count too);
* the paragraph after the chair "gave the floor to Brazil".

Any other "Name:" label (the chair, a moderator, an unknown person) and every heading end the
turn. Within a turn with an actor, first-person phrases become mentions of that actor
(`FirstPerson`, with the cue "first-person in turn of BRA"); the later phases treat them like a
name. Only block starts are examined, plus one bounded regex pass over the blocks of a turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract import behalf as BH
from loaders.extract import labels as LB
from loaders.extract import words as W
from loaders.extract.mentions import Lexicon, Mention
from loaders.extract.text import Block, sentences

__all__ = ["FirstPerson", "Turn", "first_person", "pronoun_subject", "roster", "turns"]


class FirstPerson(Mention):
    """'we', 'my delegation', 'our country' standing for the current speaker's actor."""

    __slots__ = ("cue", "codes", "behalf")

    def __init__(
        self, start: int, end: int, code: str, cue: str, codes: tuple = (), behalf: str = ""
    ) -> None:
        super().__init__(start, end, code, False)
        self.cue = cue
        self.codes: tuple[str, ...] = codes or (code,)  # a joint statement: all its authors
        self.behalf = behalf  # the group the speaker speaks for ("" if none)

    def __repr__(self) -> str:
        return f"FirstPerson({self.start}, {self.end}, {self.code!r})"


@dataclass(frozen=True)
class Turn:
    """Blocks [start, end) of the clean text spoken by `code` (None: a non-actor speaker)."""

    start: int
    end: int
    code: str | None
    how: str  # label | parenthesis | roster | reported | floor | statement
    reported: bool = False  # third person ("his delegation") counts too
    codes: tuple[str, ...] = ()  # a joint statement: every author (code is the speaker)
    behalf: str = ""  # the group the speaker was given the floor for


_LABEL = re.compile(r"[^\W\d_][^\n:()]{0,60}?(?:\(([^()\n]{2,60})\))?[ \t]{0,3}:(?=\s|$)")
_CART = re.compile(r">>[ \t]*")
_ROSTER = re.compile(
    r"[-\u2013\u2014\u2022*][ \t]{1,3}([^\W\d_][^\n:]{1,60}?):[ \t]{1,3}(\S[^\n]{0,400})"
)
_REPORTED = re.compile(
    r"(?:The|the)[ \t]+(?:representative|delegate|delegation|speaker|ambassador|observer)s?"
    r"[ \t]+(?:of|for)[ \t]+"
)
_FLOOR = re.compile(
    r"(?i:floor[ \t]+to|you[ \t]+have[ \t]+the[ \t]+floor|next[ \t]+speaker|I[ \t]+see|"
    r"call[ \t]+on|calls[ \t]+on|recogni[sz]e|give[ \t]+the[ \t]+floor|right[ \t]+of[ \t]+reply)"
)
# only the chair says these: after a delegate's turn with no label, they end that turn
_CHAIR_FLOOR = re.compile(
    r"(?i)\b(?:I[ \t]+(?:now[ \t]+|will[ \t]+|would[ \t]+now[ \t]+)?(?:give|pass)[ \t]+the[ \t]+"
    r"floor[ \t]+to|you[ \t]+have[ \t]+the[ \t]+floor|the[ \t]+floor[ \t]+is[ \t]+yours|"
    r"next[ \t]+(?:on[ \t]+my[ \t]+list|speaker)|I[ \t]+(?:now[ \t]+)?call[ \t]+(?:up)?on)\b"
)
# a transcript's speaker line with its time stamp ("Iran  12:04", "Speaker 2  0:05:31")
STAMPED = re.compile(r"([^\n]{1,60}?)[ \t]+\(?\d{1,2}:\d{2}(?::\d{2})?\)?[ \t]*$")
_UNNAMED = frozenset(["speaker", "unknown", "participant", "voice"])
_GENERIC = frozenset(["speaker", "delegate", "delegation", "representative", "delegate"])
_SPEECH_AFTER = re.compile(
    r"[ \t]{1,3}(?:also[ \t]+)?(?:said|stated|noted|stressed|emphasi[sz]ed|explained|added|"
    r"underlined|recalled|indicated|observed|argued|expressed|welcomed|supported|proposed)\b"
)
# "\b(?:[Ww]e|[Mm]y ...|[Oo]ur ...)\b" written to open with a character class (the regex engine
# then skips ahead to candidates; a leading \b stops that): the lookbehind after the first
# letter is the \b before it, the lookbehinds in the branches pick the branch by that letter
_FIRST = re.compile(
    r"[WwMmOo](?<!\w[WwMmOo])(?:(?<=[Ww])e|(?<=[Mm])y[ \t]+(?:delegation|country|[Gg]overnment)|"
    r"(?<=[Oo])ur[ \t]+(?:delegations?|countries|country|[Gg]overnments?)|"
    # "let me reiterate our support": the delegate speaking
    r"(?<=[Ll]et[ \t]m)e|(?<=[Aa]llow[ \t]m)e)\b"
)
_THIRD = re.compile(  # "\b(?:[Hh]is|[Hh]er|[Ii]ts)[ \t]+(?:delegation|country|government)\b"
    r"[HhIi](?<!\w[HhIi])(?:(?<=[Hh])is|(?<=[Hh])er|(?<=[Ii])ts)[ \t]+"
    r"(?:delegation|country|government)\b"
)
# "The Kingdom welcomes ...": a monarchy's delegate naming its state by its style, in its own
# turn ("the Kingdom of Spain" is a name, found as such)
_OWN_STYLE = re.compile(r"\b[Tt]he[ \t]+Kingdom\b(?![ \t]+of\b)")
# "The Union" in the EU's own turn, "the Federation" in Russia's: the speaker by its short style
_OWN_NAME = {
    "EU": re.compile(r"\b[Tt]he[ \t]+(?:European[ \t]+)?Union\b(?![ \t]+(?:of|and)\b)"),
    "RUS": re.compile(r"\b[Tt]he[ \t]+Federation\b(?![ \t]+of\b)"),
}
# "I support", "I am pleased"; not "Annex I to", "Chapter I of" (a numeral after a word)
_I = re.compile(
    r"(?<![A-Za-z] )(?<![A-Za-z]\n)\bI\b(?=[ \t]+[a-z])|(?<=[.,;!?] )I\b(?=[ \t]+[a-z])"
)
_NON_SPEAKERS = frozenset(
    [
        "chair", "chairperson", "chairman", "madam", "moderator", "president", "facilitator",
        "secretariat", "secretary", "note", "summary", "question", "answer", "q", "a",
    ]
)  # fmt: skip


def roster(text: str, blocks: list[Block], lex: Lexicon) -> dict[str, str]:
    """Person name -> actor code, from "- Name: affiliation ... of Ghana" lines.

    Only lines whose affiliation names exactly one actor count; the full name and the last
    word of a multi-word name ("Owusu-Agyemang") are keys.
    """
    out: dict[str, str] = {}
    for blk in blocks:
        if blk.end - blk.start > 500:
            continue
        m = _ROSTER.match(text, blk.start, blk.end)
        if m is None:
            continue
        name = m.group(1).strip()
        if len(name.split()) > 5 or lex.find(text, m.start(1), m.end(1)):
            continue  # a country label, not a person
        codes = {x.code for x in lex.find(text, m.start(2), m.end(2))}
        if len(codes) != 1:
            continue
        code = codes.pop()
        out[name] = code
    return out


_label_code = LB.label_code  # "Brazil:", "The European Union:" (labels.py)


# how a delegate's words under its country's name open ("We ...", "Thank you, Chair")
_DELEGATE_OPENING = re.compile(
    r"[ \t]*(?:(?:We|I|My|Our|Let me|Allow me)\b|Thank|Mr\.?[ \t]|Madam|Mister|Madame|"
    r"Excellenc|Distinguished|Dear|Colleagues|Chair|President|Co-chair|Good (?:morning|afternoon))"
)


def turns(text: str, blocks: list[Block], lex: Lexicon) -> list[Turn]:
    """Speaker turns of a document, in order (empty for reports without speaker labels)."""
    people = roster(text, blocks, lex)
    out: list[Turn] = []
    cur: tuple | None = None  # (start, code, how, reported, codes)
    floor: str | None = None
    floor_behalf = behalf = ""
    opening = _opening(text, blocks, lex)
    for bi, blk in enumerate(blocks):
        new = _statement_header(text, blk, lex) if bi < 3 or blk.kind == "h" else None
        if new is not None and new[1] is None:
            # "United States Mission to ... in Vienna" / "Statement under item 7": the line above
            new = _author_line(text, blocks[bi - 1], blk, lex) if bi > 0 else None
        if new is None and cur is None and bi < _OPENING_BLOCKS:
            new = _signatories(text, blk, lex)  # "We, the representatives of A, B and C"
        if new is None and opening is not None and bi == opening[0]:
            new = (blk.start, opening[1], "statement", False, ())
        if new is None:
            new = _agenda_heading(text, blk, lex)  # "Washington's stated lines:", then items
        if new is None and blk.kind == "h" and not (cur and cur[2] == "statement"):
            # a heading that is one actor's name ("Australia", then its words) opens its turn
            # ("Ambassador Ortiz", any other heading, ends the turn); a sub-heading keeps a
            # statement
            stamp = STAMPED.match(text, blk.start, blk.end)  # "Iran  12:04" (otter.ai)
            end = blk.start + len(stamp.group(1)) if stamp else blk.end
            code = _label_code(text, blk.start, end, lex) if end - blk.start < 60 else None
            nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
            if code and not stamp and (nxt is None or not _DELEGATE_OPENING.match(text, nxt.start)):
                code = None  # a section named after a country, not its delegate speaking
            new = (blk.start, code, "label" if code else "heading", False, ())
            if stamp and code is None and stamp.group(1).split()[0].lower() in _UNNAMED:
                # "Speaker 2  0:05": whoever the chair gave the floor to, else nobody known
                new = (blk.start, floor, "floor" if floor else "heading", False, ())
            if code is None and (inline := _turn_start(text, blk, lex, people)) and inline[1]:
                new = inline  # a short line that opens with its speaker ("07.59 UK - want ...")
        if new is None:
            new = _turn_start(text, blk, lex, people)
            if (
                new
                and new[1] is None
                and cur
                and cur[2] == "statement"
                and LB.topic(text, blk, _NON_SPEAKERS)
            ):
                new = None  # "AGENDA ITEM 5: ..." inside a statement: a sub-heading
        if new is None and bi < _OPENING_BLOCKS and (cur is None or cur[1] is None) and not opening:
            new = _honour(text, blk, lex)  # "I have the honour to speak on behalf of A, B"
        generic = new is not None and new[1] is None and new[2] == "label"
        if generic and text[blk.start : blk.start + 20].split(":")[0].strip().lower() in _GENERIC:
            new = None  # "Speaker:": whoever was given the floor
        if new is None and floor is not None:
            new = (blk.start, floor, "floor", False, ())
        if (
            new is None
            and cur is not None
            and cur[2] == "floor"
            and _CHAIR_FLOOR.search(text, blk.start, min(blk.end, blk.start + 300))
        ):
            new = (blk.start, None, "heading", False, ())  # the chair again: "Next, I give ..."
        if new is not None:
            if cur is not None:
                out.append(Turn(cur[0], blk.start, cur[1], cur[2], cur[3], cur[4], behalf))
            behalf = floor_behalf if floor is not None and new[1] == floor else ""
            cur = new
        floor = _floor_to(text, blk, lex, cur is None or cur[1] is None)
        floor_behalf = _floor_behalf(text, blk, lex, floor)
        if cur is None or cur[3]:  # the next speaker of a summary paragraph takes over
            for pos, code, group in _reported_within(text, blk, lex):
                if cur is not None and (pos <= cur[0] or code == cur[1]):
                    continue
                if cur is not None:
                    out.append(Turn(cur[0], pos, cur[1], cur[2], True, cur[4], behalf))
                cur, behalf = (pos, code, "reported", True, ()), group
        if cur is not None and cur[3]:  # reported speech: one paragraph
            out.append(Turn(cur[0], blk.end, cur[1], cur[2], True, cur[4], behalf))
            cur = None
    if cur is not None and blocks:
        out.append(Turn(cur[0], blocks[-1].end, cur[1], cur[2], cur[3], cur[4], behalf))
    out = [t for t in out if t.code is not None]
    out = _with_honour(text, blocks, out, lex)
    return [_with_aligned(text, t, lex) if t.how == "statement" else t for t in out]


def _with_honour(text: str, blocks: list[Block], out: list[Turn], lex: Lexicon) -> list[Turn]:
    """Turns that open with "I have the honour to speak on behalf of ..." (behalf.py) take
    its authors and group; a document that opens with one outside any turn becomes one."""
    head = blocks[:_OPENING_BLOCKS]
    at = {b.start: b for b in blocks} if out else {}
    res: list[Turn] = []
    covered = False
    for t in out:
        h = None
        if t.how == "statement":  # the header above the opening sentence names who speaks
            for bi, b in enumerate(head):
                if t.start <= b.start < t.end and BH.honour(text, b, lex) is not None:
                    speaker = BH.header_speaker(text, head[:bi], lex) or t.code
                    h = BH.honour(text, b, lex, speaker)
                    break
        else:
            first = at.get(t.start)
            h = BH.honour(text, first, lex, t.code) if first is not None else None
        if h is not None:
            codes = h.codes if len(h.codes) > 1 else t.codes
            t = Turn(t.start, t.end, h.code, t.how, t.reported, codes, h.behalf or t.behalf)
        covered = covered or any(t.start <= b.start < t.end for b in head)
        res.append(t)
    if covered:
        return res
    for bi, b in enumerate(head):
        h = BH.honour(text, b, lex, BH.header_speaker(text, head[:bi], lex))
        if h is not None:
            end = min([t.start for t in res if t.start > b.start] + [blocks[-1].end])
            turn = Turn(b.start, end, h.code, "statement", False, h.codes, h.behalf)
            return [turn, *res]
    return res


_ALIGNED = re.compile(
    r"(?i)(?:align(?:s|ed)?|associate[sd]?)[ \t\n]+(?:itself|themselves)[ \t\n]+with[ \t\n]+"
    r"this[ \t\n]+(?:statement|explanation|declaration|intervention|position)|"
    r"joining[ \t\n]+this[ \t\n]+statement"
)


_SENT_END = re.compile(r"[.!?](?:\s|$)")


def _with_aligned(text: str, t: Turn, lex: Lexicon) -> Turn:
    """'Albania and Georgia align themselves with this statement': they share its 'we'."""
    m = _ALIGNED.search(text, t.start, t.end)
    if m is None:
        return t
    a = text.rfind(". ", t.start, m.start())
    a = t.start if a < 0 else a + 2
    e = _SENT_END.search(text, m.end(), t.end)  # "... with this statement.\n\nUkraine ..."
    b = t.end if e is None else e.start()
    aligned = [x.code for x in lex.find(text, a, b) if x.code != t.code]
    if not aligned:
        return t
    codes = tuple(dict.fromkeys((t.code, *t.codes, *aligned)))
    return Turn(t.start, t.end, t.code, t.how, t.reported, codes, t.behalf)


_STATEMENT_WORDS = (
    r"(?:joint[ \t]+)?(?:statements?|remarks|interventions?|explanations?[ \t]+of[ \t]+(?:vote|"
    r"position)|address|speech|declaration|submission)\b"
)
_STATEMENT = re.compile("(?i)" + _STATEMENT_WORDS)


# "Explanation of vote ... on Ukraine", "Statement regarding Syria": the topic, not the author
_TOPIC = re.compile(r"(?i)\b(?:on|regarding|concerning|about|in|against)[ \t]+(?:the[ \t]+)?$")


def _authors(text: str, blk: Block, lex: Lexicon) -> list:
    """The names in a statement heading that may be its author (not its topic)."""
    ms = lex.find(text, blk.start, blk.end)
    return [m for m in ms if not _TOPIC.search(text, max(blk.start, m.start - 40), m.start)]


_AGENDA = re.compile(
    r"(?:'s|\u2019s)[ \t]+(?:[a-z]+[ \t]+){0,2}(?:lines|priorities|positions|goals|objectives|"
    r"asks|demands|aims|proposals|red[ \t]+lines)[ \t]*:[ \t]*$"
)


def _agenda_heading(text: str, blk: Block, lex: Lexicon) -> tuple | None:
    """A block that ends in 'Washington's stated lines:' / 'The EU's key asks:': the items
    under it are that actor's, as in its own labelled turn (their verbs have no subject)."""
    end = blk.end
    while end > blk.start and text[end - 1] in " \t\n":
        end -= 1
    if end == blk.start or text[end - 1] != ":" or end - blk.start > 400:
        return None
    ms = lex.find(text, max(blk.start, end - 80), end)
    if not ms or not _AGENDA.match(text, ms[-1].end, end):
        return None
    return (blk.start, ms[-1].code, "label", False, ())


def _opening_author(text: str, blk: Block, lex: Lexicon, longest: int):
    """The actor a short heading line opens with (no sentence inside it), else None."""
    line = text[blk.start : blk.end]
    if len(line) > longest or ". " in line.rstrip(". \n"):
        return None
    ms = lex.find(text, blk.start, blk.end)
    return ms[0] if ms and ms[0].start - blk.start <= 4 else None


def _author_line(text: str, above: Block, blk: Block, lex: Lexicon) -> tuple | None:
    """A short line above an authorless statement heading that opens with an actor's name
    ("United States Mission to International Organizations in Vienna")."""
    m = _opening_author(text, above, lex, 150)
    return (blk.start, m.code, "statement", False, ()) if m is not None else None


def _named_header(text: str, blk: Block, lex: Lexicon) -> tuple | None:
    """'Russian Federation: statement by its deputy head of delegation', 'Viet Nam, Ministry
    of Foreign Affairs: remarks by ...', 'United States Mission ... / Statement under item 7':
    a short heading that opens with its author's name and calls itself a statement."""
    head = text[blk.start : min(blk.end, blk.start + 300)]
    if ":" not in head and "\n" not in head.rstrip() and ". " not in head[:60]:
        return None  # (cheap: a heading names its author before a colon, stop or line break)
    if not _STATEMENT.search(head):
        return None
    m = _opening_author(text, blk, lex, 300)
    if m is None and len(head) <= 300:  # "Russian Federation. Remarks by D. V. Bukin, ..."
        ms = lex.find(text, blk.start, min(blk.end, blk.start + 60))
        m = (
            ms[0]
            if ms and ms[0].start - blk.start <= 4 and text[ms[0].end : ms[0].end + 2] == ". "
            else None
        )
    if m is None or not _AFTER_AUTHOR.match(text, m.end, blk.end):
        return None  # "Iran said it backed the statement": a sentence, not a heading
    return (blk.start, m.code, "statement", False, ())


# after the author's name: ", Ministry of Foreign Affairs: remarks", ": statement by", or a line
# of its own ("United States Mission to ... in Vienna" / "Statement under item 7")
_AFTER_AUTHOR = re.compile(
    r"(?:(?:,[^:\n]{0,60})?:[ \t]*"
    + _STATEMENT_WORDS
    + r"|\.[ \t]+(?i:"  # "Russian Federation. Remarks by ..."
    + _STATEMENT_WORDS
    + r"))"
    + r"|[^\n.]{0,80}\n[ \t]*(?i:"
    + _STATEMENT_WORDS
    + ")"
)


def _statement_header(text: str, blk: Block, lex: Lexicon) -> tuple | None:
    """'Statement by Brazil', 'Remarks of the United Kingdom on ...', 'Statement on behalf of
    the European Union', 'Joint statement delivered by New Zealand on behalf of ...: A, B, C'."""
    if blk.end - blk.start > 600:
        return None
    if not _STATEMENT.match(text, blk.start, blk.end):
        return _named_header(text, blk, lex)
    head = text[blk.start : blk.end]
    ms = _authors(text, blk, lex)
    if not ms:
        return (blk.start, None, "statement", False, ())  # the author may be on a later line
    colon = head.find(":")
    if head[:12].lower().startswith("joint") and colon > 0:
        codes = tuple(dict.fromkeys(m.code for m in ms))
        return (blk.start, ms[0].code, "statement", False, codes)
    k = head.find("on behalf of")
    if k >= 0:
        after = [m for m in ms if m.start >= blk.start + k]
        if after:
            return (blk.start, after[0].code, "statement", False, ())
    return (blk.start, ms[0].code, "statement", False, ())


_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")


def _verb_follows(text: str, k: int, end: int) -> bool:
    """'India's submission proposed X': a sentence about the paper, not a title."""
    m = _NEXT_WORD.match(text, k, end)
    return m is not None and m.group(1) in W.VERBS


_SALUTATION = re.compile(
    r"(?:Madam|Madame|Mister|Mr\.?|Mme\.?)[ \t]+(?:Chair|Chairman|Chairperson|Chairwoman|"
    r"President|Vice-Chair)\b|(?:Your[ \t]+)?Excellenc(?:y|ies)\b|Distinguished[ \t]+delegates\b"
)
_AUTHOR_FIRST = re.compile(
    r"(?i)(?:['\u2019]s)?[ \t]*(?:[-\u2013\u2014:][ \t]*)?" + _STATEMENT_WORDS
)  # "Chile statement - ...", "Ghana's Statement"
# "The Chilean Foreign Ministry released the following statement:": its publisher is the author
_PUBLISHED = re.compile(
    r"(?i)\b(?:released|issued|published|delivered|made)[ \t]+the[ \t]+following[ \t]+"
    r"(?:joint[ \t]+)?(?:statement|press[ \t]+release|remarks|note)[ \t]*:?[ \t]*$"
)
_OPENING_BLOCKS = 8
# a short title line ending in its kind ("PHILIPPINE STATEMENT", "National Statement") or a
# delivery line ("To be delivered by"): the author is named on the lines below
_TITLE_END = re.compile(
    r"(?i)(?:[\w\u2019'-]+[ \t]+){0,3}(?:statement|remarks|intervention|speech)[ \t]*$|"
    r"(?:to[ \t]+be[ \t]+)?delivered[ \t]+by\b"
)


def _honour(text: str, blk: Block, lex: Lexicon) -> tuple | None:
    """'I have the honour to deliver this statement on behalf of A, B and my own country, C':
    a joint statement (behalf.honour reads the sentence); its voice is C (the speaker's own
    country, else the first named), all of them speak. A group alone is not joint."""
    if blk.end - blk.start > 500:
        return None
    h = BH.honour(text, blk, lex)
    if h is None or h.behalf or len(h.codes) < 2:
        return None
    return (blk.start, h.code, "statement", False, h.codes)


# "We, the representatives of A, B and C" (or "the Foreign Ministers of"): a joint statement's
# opening names who "we" are for the paragraphs below
_WE_THE = re.compile(
    r"[ \t]*We,[ \t]+the[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:representatives|ministers|leaders|heads|"
    r"delegations|delegates|governments|members)[ \t]+of\b"
)


def _signatories(text: str, blk: Block, lex: Lexicon) -> tuple | None:
    if blk.end - blk.start > 600 or not _WE_THE.match(text, blk.start, blk.end):
        return None
    ms = lex.find(text, blk.start, blk.end)
    if not ms or text[ms[-1].end : blk.end].strip(" \t\n,.:;"):
        return None  # "We, the representatives of A and B, welcome X": a sentence, read as one
    codes = tuple(dict.fromkeys(m.code for m in ms))
    return (blk.start, codes[0], "statement", False, codes) if len(codes) > 1 else None


def _opening(text: str, blocks: list[Block], lex: Lexicon) -> tuple[int, str] | None:
    """The author of a statement whose title is not a plain "Statement by X" line: (index of
    the block that opens the statement, actor), or None.

    * "Statement by" / "Remarks of" alone on a line, the author a few short lines below
      ("Ambassador ... / of Chile to the United Nations");
    * "Chile statement - ...", "EU Statement on ...": the author's name, then the word;
    * a speech ("Madam Chair," / "Mr. President," in the first blocks) under a title that
      names exactly one actor ("Chile at the general debate of ...").
    """
    head = blocks[:_OPENING_BLOCKS]
    for bi, blk in enumerate(head):
        if blk.end - blk.start > 300:
            continue
        pub = _PUBLISHED.search(text, blk.start, blk.end)
        ms = lex.find(text, blk.start, pub.start()) if pub else []
        if ms:
            return bi, ms[-1].code  # the statement is the text below that line
        titled = _STATEMENT.match(text, blk.start, blk.end) or _TITLE_END.match(
            text, blk.start, blk.end
        )  # "Statement by", "PHILIPPINE STATEMENT", "To be delivered by"
        if titled and not _authors(text, blk, lex):
            for nxt in head[bi + 1 : bi + 5]:
                if nxt.end - nxt.start > 200:
                    break
                ms = lex.find(text, nxt.start, nxt.end)
                if ms:
                    return bi, ms[0].code
            continue
        ms = lex.find(text, blk.start, blk.end)
        lead = text[blk.start : ms[0].start].strip().lower() if ms else "-"
        # "UK Statement at ...", also after a title ("Human rights first: UK Statement at")
        titled = lead in ("", "the") or lead.endswith((":", "|", "\u2013", "\u2014", " -"))
        title = _AUTHOR_FIRST.match(text, ms[0].end, blk.end) if titled else None
        if title is not None and not _verb_follows(text, title.end(), blk.end):
            return bi, ms[0].code
    for bi, blk in enumerate(head):
        if _SALUTATION.match(text, blk.start, min(blk.end, blk.start + 40)):
            codes = {m.code for b in head[:bi] for m in lex.find(text, b.start, b.end)}
            if len(codes) == 1 and bi > 0:
                return 0, codes.pop()
            break
    return None


def _turn_start(text: str, blk: Block, lex: Lexicon, people: dict[str, str]) -> tuple | None:
    a = blk.start
    if blk.kind == "b":  # "- Name: ..." bullets are the roster or lists, not turns
        return None
    cart = _CART.match(text, a, blk.end) or LB.STAMP.match(text, a, blk.end)
    a = cart.end() if cart else a  # ">> CANADA: Thank you" (captions), "07.59 UK - ..."
    lim = min(blk.end, a + 130)
    inline = LB.inline_label(text, a, lim, lex)  # "[Peru] We ..."
    if inline is not None:
        return (blk.start, inline, "label", False, ())
    m = _LABEL.match(text, a, lim) if text.find(":", a, lim) >= 0 else None  # needs a ':'
    if m is not None:
        if m.group(1) and not LB.officer(text, a, m.start(1)):  # not "Vice-Chair (Peru):"
            code = _label_code(text, m.start(1), m.end(1), lex)
            if code is not None:
                return (blk.start, code, "parenthesis", False, ())
        label_end = m.end() - 1
        if m.group(1):  # "Russian Federation (right of reply):": the name before the note
            label_end = m.start(1) - 1
        code = _label_code(text, a, label_end, lex)
        if code is not None:
            return (blk.start, code, "label", False, ())
        name = text[a:label_end].strip()
        if name in people:
            return (blk.start, people[name], "roster", False, ())
        code = LB.described_speaker(text, a, label_end, lex)  # "Delegation of Brazil:"
        if code is not None:
            return (blk.start, code, "label", False, ())
        words = name.split()
        if 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words if w.isalpha()):
            return (blk.start, None, "label", False, ())  # somebody else speaks
        if words and words[0].lower() in _NON_SPEAKERS:
            return (blk.start, None, "label", False, ())
        return None
    r = _REPORTED.match(text, a, min(blk.end, a + 60))
    if r is not None:
        ms = lex.find(text, r.end(), min(blk.end, r.end() + 60))
        if ms and ms[0].start == r.end() and _SPEECH_AFTER.match(text, ms[0].end, blk.end):
            return (blk.start, ms[0].code, "reported", True, ())
    lim = min(blk.end, a + 60)
    ms = lex.find(text, a, lim) if lex.may_start(text, a, lim) else []
    if ms and ms[0].start == a:
        rest = text[ms[0].end : min(blk.end, ms[0].end + 40)]
        if re.match(r"'s[ \t]+(?:representative|delegate|delegation|ambassador)\b", rest):
            return (blk.start, ms[0].code, "reported", True, ())
    return None


_REPORTED_IN = re.compile(
    r"\b(?:[Tt]he[ \t]+(?:representative|delegate|delegation|speaker|ambassador|observer)s?"
    r"[ \t]+(?:of|for)[ \t]+|'s[ \t]+(?:representative|delegate|delegation|ambassador)\b)"
)
# ", speaking on behalf of the African Group," between the speaker and the verb
_ASIDE = re.compile(r",[^,;.\n]{3,90},")


def _reported_within(text: str, blk: Block, lex: Lexicon) -> list[tuple[int, str, str]]:
    """Sentences of a paragraph that report a new speaker ("... The representative of Chile
    said her delegation ...", "Also explaining her vote, the delegate of Peru said ..."):
    (sentence start, the speaker's code, the group of an aside "speaking on behalf of G" or
    ""). A meeting summary gives several speakers a paragraph, and "her delegation" is the one
    the sentence names, not the paragraph's first."""
    if blk.kind != "p" or _REPORTED_IN.search(text, blk.start, blk.end) is None:
        return []
    out = []
    for a, b in sentences(text, blk.start, blk.end):
        r = _REPORTED_IN.search(text, a, b)
        if r is None or r.start() - a > 120:
            continue
        if r.group(0).startswith("'"):  # "Chile's representative said"
            ms = [m for m in lex.find(text, a, r.start()) if m.end == r.start()]
            verb_at = r.end()
        else:
            ms = [m for m in lex.find(text, r.end(), min(b, r.end() + 60)) if m.start == r.end()]
            verb_at = ms[0].end if ms else b
        if not ms:
            continue
        aside = _ASIDE.match(text, verb_at, b)
        if _SPEECH_AFTER.match(text, verb_at, b):
            out.append((a, ms[0].code, ""))
        elif (
            aside
            and _SPEECH_AFTER.match(text, aside.end(), b)
            and not _THIRD.search(text, aside.start(), aside.end())
        ):  # not ", expressing his country's support for X,": that aside has its own subject
            out.append((a, ms[0].code, _aside_group(text, aside, lex)))
    return out


_FOR_GROUP = re.compile(r"(?i)\b(?:behalf[ \t]+of|speaking[ \t]+for|for)[ \t]+")


def _aside_group(text: str, aside: re.Match[str], lex: Lexicon) -> str:
    """', speaking on behalf of the African Group,': the group (else "")."""
    f = _FOR_GROUP.search(text, aside.start(), aside.end())
    if f is None:
        return ""
    ms = lex.find(text, f.end(), aside.end())
    return ms[0].code if ms and lex.index.is_group(ms[0].code) else ""


_NAME_CLOSES = re.compile(r"(?:,?[ \t]*please)?[ \t]*[.!]?[ \t]*")


def _floor_to(text: str, blk: Block, lex: Lexicon, unlabelled: bool = False) -> str | None:
    """'The Chair gave the floor to Brazil.' (the next block is Brazil's); also 'I give the
    floor to Egypt' said by a speaker with no name (`unlabelled`: "Speaker 1  0:03")."""
    if blk.end - blk.start > 300:
        return None
    head = text[blk.start : blk.start + 40].split(":")[0].strip().lower()
    chair = head in _NON_SPEAKERS or head.startswith(("the chair", "the president"))
    if not chair and not unlabelled:
        return None  # only the chair gives the floor
    # a speaker with no label: only the chair's own words ("I give the floor to")
    f = (_FLOOR if chair else _CHAIR_FLOOR).search(text, blk.start, blk.end)
    ms = lex.find(text, blk.start, blk.end)  # "Thank you, Brazil. Norway, you have the floor."
    if f is None and chair and ms:
        # "... Does anyone else wish to speak? Georgia." / "Australia, please.": the name
        # that closes the chair's words
        last = ms[-1]
        if _NAME_CLOSES.fullmatch(text, last.end, blk.end) and text[
            max(blk.start, last.start - 2) : last.start
        ].strip() in ("", ".", "?", ":"):
            return last.code
    if f is None or not ms:
        return None
    after = [m for m in ms if m.start >= f.end()]
    return (after[0] if after else ms[-1]).code


def _floor_behalf(text: str, blk: Block, lex: Lexicon, floor: str | None) -> str:
    """'I give the floor to Qatar, on behalf of the Arab Group': the group (else "")."""
    if floor is None:
        return ""
    k = text.find("behalf of", blk.start, blk.end)
    if k < 0:
        return ""
    ms = [m for m in lex.find(text, k, min(blk.end, k + 80)) if m.code != floor]
    return ms[0].code if ms and lex.index.is_group(ms[0].code) else ""


def first_person(text: str, turn_list: list[Turn], lex: Lexicon | None = None) -> list[FirstPerson]:
    """First-person (and, in reported speech, third-person) phrases of every turn. In a turn
    for a group, 'our member States', 'the Group' and the group's name are the speaker too."""
    out: list[FirstPerson] = []
    for t in turn_list:
        if t.code is None:
            continue
        cue = f"first-person in turn of {t.code}"
        hits = [(m.start(), m.end()) for m in _FIRST.finditer(text, t.start, t.end)]
        if t.how in ("label", "parenthesis", "floor"):  # a delegate's own turn: "I support"
            hits += [(m.start(), m.end()) for m in _I.finditer(text, t.start, t.end)]
            hits += [(m.start(), m.end()) for m in _OWN_STYLE.finditer(text, t.start, t.end)]
            style = _OWN_NAME.get(t.code)  # "The Union also voted against" in the EU's turn
            if style is not None:
                hits += [(m.start(), m.end()) for m in style.finditer(text, t.start, t.end)]
        if t.reported:
            hits += [(m.start(), m.end()) for m in _THIRD.finditer(text, t.start, t.end)]
        if t.behalf:
            hits += [(m.start(), m.end()) for m in _GROUP_SELF.finditer(text, t.start, t.end)]
            if lex is not None:
                hits += [(m.start, m.end) for m in lex.find(text, t.start, t.end)
                         if m.code == t.behalf and not _BEHALF_BEFORE.search(
                             text, max(t.start, m.start - 20), m.start)]  # fmt: skip
        for a, b in sorted(set(hits)):
            out.append(FirstPerson(a, b, t.code, cue, t.codes, t.behalf))
    return out


# "speaking on behalf of the Arab Group": the group's name there is the group, not "we"
_BEHALF_BEFORE = re.compile(r"(?:behalf[ \t]+of|speaking[ \t]+for)[ \t]+(?:the[ \t]+)?$")
_GROUP_SELF = re.compile(
    r"\b(?:[Oo]ur[ \t]+(?:member[ \t]+[Ss]tates|[Gg]roup|members)|[Tt]he[ \t]+Group)\b"
)


_PRONOUN = re.compile(
    r"([Ii]t|[Tt]hey|[Hh]e|[Ss]he|The [Gg]roup|The bloc|The delegation|That delegation|"
    r"The country|The [Rr]epublic|The [Mm]inistry|"
    r"The (?:co-)?signatories|The (?:co-)?sponsors|"
    r"Its (?:representative|delegate|delegation)|Their (?:representatives|delegates))[ \t\n]+"
    r"(?:(?:also|then|later|initially|again|subsequently|too|further)[ \t\n]+)?([a-z]+)"
)
_PLURAL = ("They", "Their")  # a subject of several actors; "the group": one or several
_ONE = ("It", "He", "She", "Its", "The delegation", "That delegation", "The country",
        "The republic", "The Republic", "The ministry", "The Ministry")  # fmt: skip


def pronoun_subject(
    text: str, a: int, b: int, codes: tuple, is_group=lambda code: False
) -> FirstPerson | None:
    """'It backed ...', 'They proposed ...', 'The group opposed ...', 'Its representative said'
    opening the sentence text[a:b]: the actors `codes` of a recent subject (one for it / he /
    she / its delegate, several for they / their delegates, either for the group)."""
    m = _PRONOUN.match(text, a, min(b, a + 60))
    if m is None:
        return None
    w, word = m.group(2), m.group(1)
    word = word[:1].upper() + word[1:]  # "However, it raised": after a connective
    if w in W.BE or not (w in W.VERBS or w in W.PHRASES or w in W.LIGHT_VERBS or w in W.AUX):
        return None  # "It was supported by": the proposal, not its author
    head = word.split()[0]
    if (
        (head in _PLURAL or word.endswith("s"))
        and len(codes) < 2
        or (head in _ONE or word in _ONE)
        and len(codes) > 1
    ):
        return None
    if word.lower() in ("the group", "the bloc") and len(codes) < 2 and not is_group(codes[0]):
        return None  # "Ghana opposed X. The group also ...": not Ghana
    return FirstPerson(m.start(1), m.end(1), codes[0], f"'{word}' for {codes[0]}", codes)
