"""Text preparation for the report extractor.

* Markdown and HTML are stripped to plain text by markup.py (`Doc`, `prepare`, re-exported
  here), whose segment map keeps every offset pointing back into the file as given.
* `fold` makes a same-length copy for matching (accents removed, apostrophes and dashes unified).
* `blocks` cuts the clean text into headings, bullets and paragraphs (hard-wrapped plain text is
  rejoined), and `sentences` cuts blocks into sentences, without regular expressions that can
  backtrack: every pattern here is bounded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from loaders.extract.markup import Doc, plain, prepare  # noqa: F401  (re-exported)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------------------------
# Folding for matching (same length as the input)


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x00C0, 0x0250):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch and base.isascii():
            table[cp] = base
    for ch in "\u2019\u2018\u02bc\u00b4`\u2032":
        table[ord(ch)] = "'"
    for ch in "\u201c\u201d\u201e\u2033":
        table[ord(ch)] = '"'
    for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        table[ord(ch)] = "-"
    for ch in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003":
        table[ord(ch)] = " "
    table[ord("\u00df")] = "s"  # keep length 1
    table[ord("\u00e6")] = "a"
    table[ord("\u00c6")] = "A"
    table[ord("\u0153")] = "o"
    table[ord("\u0152")] = "O"
    table[ord("\u00f8")] = "o"
    table[ord("\u00d8")] = "O"
    table[ord("\u0131")] = "i"
    return table


_FOLD = _fold_table()


_COMMON = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u00a0", " "),
)


def fold(text: str) -> str:
    """Same-length copy with accents stripped and apostrophes, quotes, dashes unified."""
    if text.isascii():
        return text
    for a, b in _COMMON:
        if a in text:
            text = text.replace(a, b)
    if text.isascii():
        return text
    return text.translate(_FOLD)


# the UN's name of North Macedonia until 2019, written "the former ..." in its lists and votes
_FYROM = re.compile(r"\bformer(?=[ \t]+Yugoslav[ \t]+Republic[ \t]+of[ \t]+Macedonia)")


def un_names(text: str) -> str:
    """Same-length copy where a UN list name that opens in lower case is capitalised."""
    if "Yugoslav" not in text:
        return text
    return _FYROM.sub("Former", text)


# --------------------------------------------------------------------------------------------
# Blocks and sentences


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str  # "h" heading, "b" bullet, "p" paragraph


_BULLET = re.compile(
    r"[ \t]*(?:[-*+\u2022\u00b7\u25aa\u25cf\u2013\u2014o][ \t]+|\(?[0-9]{1,3}[.)][ \t]+)"
)
_SPEAKER_LINE = re.compile(
    r"[ \t]{0,3}(?:[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]*){0,4}"  # BRAZIL:, SAINT LUCIA:
    r"|[A-Z][a-z]{1,12}"  # Chair:, Speaker:
    r"|(?:[A-Z][\w.'\u2019-]*[ \t]+){0,4}\([^()\n]{2,50}\))"  # Mr. Silva (Brazil):
    r"[ \t]{0,2}:[ \t]"
)
_TERMINAL = frozenset(".!?:;\"'\u201d\u2019)]")


def _is_heading_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 220:
        return False
    if s[-1] in ".!?:;,":
        return False
    words = s.split()
    if len(words) > 28:
        return False
    if len(words) >= 16 and sum(w[:1].islower() for w in words) * 2 > len(words):
        return False  # a sentence whose full stop was lost ("In its submission ..., India ...")
    if s[0] in "-*+\u2022\u00b7\u2013\u2014" and len(s) > 1 and s[1] in " \t":
        return False  # a bullet
    if _INNER_STOP.search(s):
        return False  # "Indonesia had a busy day. It backed ...": sentences, not a title
    last = s[s.rfind(" ") + 1 :].lower()
    if _VOTE_LINE.match(s) or last in _VOTE_TAIL_WORDS and _VOTE_TAIL.search(s):
        return False  # "In favour: A, B", "Against (3): C", "1. Algeria - Yes": a vote list
    return s[0].isupper() or s[0].isdigit() or s[0] in "#[(\"'"


_INNER_STOP = re.compile(r"[a-z][a-z][.!?][ \t]+[A-Z]")  # not [a-z]{2}: see _SENT_END
# a row of a vote table: "Iran | Yes", "United States - Against", "| Brazil | Abstained |"
_VOTE_ROW = re.compile(
    r"(?i)\|?[ \t]*[^|:\n]{2,60}?[ \t]*(?:\||[-\u2013\u2014:])[ \t]*"
    r"(?:yes|no|for|against|abstain(?:ed|ing|s)?|in[ \t]+favou?r)[ \t]*\|?[ \t]*$"
)
_VOTE_LINE = re.compile(
    # "1 against: A", "4 abstain: B", "Voted for: C"
    r"(?i)(?:\d{1,3}[ \t]+)?(?:votes?[ \t]+|voting[ \t]+|voted[ \t]+)?"
    r"(?:against|in[ \t]+fav(?:ou?)r|for|yes|no|abstentions?|abstain|abstains|"
    r"abstaining|abstained|co-?sponsors|sponsors)\b(?:[^:\n]{0,30}:|[ \t]*[-\u2013\u2014][ \t])"
    r"[ \t]*\S"  # ... or a dash: "Yes \u2014 A, B"
)


_VOTE_TAIL_WORDS = _words("yes no abstained abstain abstention against favour favor")
_VOTE_TAIL = re.compile(
    r"(?i)[ \t][-:\u2013\u2014][ \t]*(?:yes|no|abstained|abstain|abstention|against|"
    r"in[ \t]+fav(?:ou?)r)$"
)


_BLANK = " \t\r\n\f\v\u00a0\ufeff\u200b\u2028\u2029"


def blocks(doc: Doc) -> list[Block]:
    """Headings, bullets and paragraphs of the clean text, in order."""
    text = doc.text
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    wrapped = _looks_wrapped(text, lines)
    out: list[Block] = []
    if not wrapped:
        return _cart_split(text, _line_blocks(doc, lines))
    width = _wrap_width(text, lines)
    cur_a = cur_b = -1
    cur_kind = "p"
    cur_labelled = False  # the current block opened with a speaker label
    colon_run = False  # the line above ended with ':' or was a group's line under one
    depth = 0  # brackets the current block has opened and not closed
    for a, b in lines:
        seg = text[a:b]
        stripped = seg.strip(_BLANK)
        if not stripped:
            if cur_a >= 0:
                out.append(Block(cur_a, cur_b, cur_kind))
                cur_a = -1
            continue
        lead = len(seg) - len(seg.lstrip(_BLANK))
        a2, b2 = a + lead, a + lead + len(stripped)
        # a speaker label ("BRAZIL:", "Mr. Silva (Brazil):") starts a block like a bullet
        bullet = bool(_BULLET.match(seg))
        # "Backed it:" then "Iran; Syria" on a line of its own: an unmarked item of the list
        # "(among them the EU, the United" then "Kingdom and Canada)": inside the bracket
        in_bracket = cur_a >= 0 and depth > 0
        named_item = (
            colon_run
            and not bullet
            and not in_bracket
            and _name_line(stripped)
            and not _GROUP_LINE.match(stripped)
        )
        bullet = bullet or named_item
        label = not bullet and bool(_SPEAKER_LINE.match(seg))
        # "Yes \u2014 A, B" under "In favour: C, D": each side's line is a block of its own
        label = label or (not bullet and bool(_VOTE_LINE.match(stripped)))
        # "the signatories are:" then "Northern Africa: A; B" lines: a group's line each
        grouped = colon_run and not bullet and bool(_GROUP_LINE.match(stripped))
        # a line ending in ':' opens a block, and so does the first line after a run of them
        label = not in_bracket and (label or colon_run or stripped.endswith(":"))
        colon_run = grouped or stripped.endswith(":")
        heading = not in_bracket and (
            doc.is_heading(a2, b2)
            or not grouped
            and not named_item
            and _is_heading_line(stripped)
            and len(stripped) < 0.7 * width
            and not _VOTE_ROW.match(stripped)
        )
        if heading:
            if cur_a >= 0:
                out.append(Block(cur_a, cur_b, cur_kind))
                cur_a = -1
            out.append(Block(a2, b2, "h"))
            continue
        # "CHAIR: ... Egypt, please." then a line "Thank you, Chair. ...": the delegate's turn
        thanks = cur_labelled and text[cur_b - 1] in _TERMINAL and _THANKS.match(stripped)
        if (bullet or label or thanks) and cur_a >= 0:
            out.append(Block(cur_a, cur_b, cur_kind))
            cur_a = -1
        if cur_a < 0:
            cur_a, cur_b, cur_kind = a2, b2, ("b" if bullet else "p")
            cur_labelled = label
            depth = 0
        else:
            cur_b = b2
        depth += stripped.count("(") - stripped.count(")")
        if (stripped[-1] in _TERMINAL and len(stripped) < 0.75 * width) or stripped[-1] == ":":
            out.append(Block(cur_a, cur_b, cur_kind))
            cur_a = -1
    if cur_a >= 0:
        out.append(Block(cur_a, cur_b, cur_kind))
    return _cart_split(text, out)


# "Northern Africa: Algeria; Egypt", "Latin America and the Caribbean: Chile, Peru"
_GROUP_LINE = re.compile(r"[A-Z][\w'\u2019-]*+(?:[ \t]+[\w'\u2019-]+){0,4}[ \t]*:[ \t]+\S")


_THANKS = re.compile(r"(?:Thank you|Thanks|Gracias|Merci)\b")


# live captions run the turns together: "... Thank you. >> EGYPT: Thank you, Chairman."
_CART = re.compile(r"(?<=\s)>>[ \t]*[A-Z][A-Z.'\u2019 -]{1,40}:")


def _cart_split(text: str, out: list[Block]) -> list[Block]:
    """Paragraphs holding several '>> LABEL:' turns, cut at each label."""
    if ">>" not in text:
        return out
    res: list[Block] = []
    for blk in out:
        a = blk.start
        if blk.kind == "p" and text.find(">>", blk.start + 1, blk.end) >= 0:
            for m in _CART.finditer(text, blk.start + 1, blk.end):
                end = len(text[a : m.start()].rstrip()) + a
                if end > a:
                    res.append(Block(a, end, blk.kind))
                a = m.start()
        res.append(Block(a, blk.end, blk.kind) if a != blk.start else blk)
    return res


_RUN_ON_WORDS = _words(
    "and or of the to by for with in on a an from at as that which who whose than nor but"
)


def _runs_on(text: str, end: int) -> bool:
    """Does the line ending at `end` stop mid-sentence (a comma, 'and', 'of the', or inside
    a bracket it opened)?"""
    if text[end - 1 : end] == ",":
        return True
    start = text.rfind("\n", 0, end) + 1
    if text.count("(", start, end) > text.count(")", start, end):
        return True  # "Against: 102 (among them the EU, the United" then "Kingdom and Canada)"
    k = end
    while k > 0 and end - k < 8 and text[k - 1].isalpha():
        k -= 1
    return text[k:end] in _RUN_ON_WORDS


_NAME_SMALL = frozenset(["of", "the", "and", "de", "da", "du", "del", "d'", "di", "la", "le"])


def _name_line(line: str) -> bool:
    """A short line of capitalised words only ("Bolivia (Plurinational State of)"): a name."""
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", line)
    if not words or len(line) > 60 or len(words) > 7:
        return False
    return all(w[0].isupper() or w.lower() in _NAME_SMALL for w in words)


def _line_blocks(doc: Doc, lines: list[tuple[int, int]]) -> list[Block]:
    """One block per line (text that is not hard-wrapped), except that a line stopping
    mid-sentence, or one going on in lowercase, runs on into the next."""
    text = doc.text
    out: list[Block] = []
    colon_run = False  # in the lines right under one ending with ':' ("Co-sponsors:")
    for a, b in lines:
        seg = text[a:b]
        stripped = seg.strip(_BLANK)
        if not stripped:
            colon_run = False
            continue
        lead = len(seg) - len(seg.lstrip(_BLANK))
        a2, b2 = a + lead, a + lead + len(stripped)
        bullet = bool(_BULLET.match(seg))
        prev = out[-1] if out else None
        colon_run = colon_run and prev is not None and prev.end == a - 1
        # "Co-sponsors:" then "Chile", "Peru" on lines of their own: unmarked list items
        if colon_run and not bullet and (_name_line(stripped) or _GROUP_LINE.match(stripped)):
            out.append(Block(a2, b2, "b"))
            continue
        colon_run = stripped.endswith(":") and not _SPEAKER_LINE.match(seg)
        if (
            prev is not None
            and prev.end == a - 1  # the line right above, no blank line between
            and (
                (prev.kind != "h" and _runs_on(text, prev.end))
                or (stripped[:1].islower() and not doc.is_heading(prev.start, prev.end))
            )
            and not bullet
            and not _SPEAKER_LINE.match(seg)
            and not doc.is_heading(a2, b2)
        ):
            # "... by the delegation of the" / "Russian Federation, which ...", or a line
            # going on in lowercase: one block (a heading is never continued in lowercase)
            out[-1] = Block(prev.start, b2, "p" if prev.kind == "h" else prev.kind)
            continue
        heading_like = (
            _is_heading_line(stripped)
            and not _SPEAKER_LINE.match(seg)
            and not _VOTE_ROW.match(stripped)
        )
        # "Voted in favour:" then "1. Peru", "2. Chile": items of a list, not numbered headings
        # (a blank line may stand between the colon and the first item)
        item = bullet and prev is not None and not text[prev.end : a].strip(_BLANK)
        item = item and (text[prev.end - 1 : prev.end] == ":" or prev.kind == "b")  # type: ignore[union-attr]
        if not item and (doc.is_heading(a2, b2) or (heading_like and not _runs_on(text, b2))):
            kind = "h"
        elif bullet:
            kind = "b"
        else:
            kind = "p"
        out.append(Block(a2, b2, kind))
    return out


def _looks_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    sample = [(a, b) for a, b in lines[:4000] if b - a >= 20]
    if len(sample) < 3:  # a short passage wrapped at 80-100 columns still counts
        return False
    long_lines = sum(1 for a, b in sample if b - a > 120)
    if long_lines > 0.05 * len(sample):
        return False
    open_ended = 0
    for a, b in sample:
        last = text[a:b].rstrip()[-1:]
        if last and last not in _TERMINAL:
            open_ended += 1
    return open_ended > 0.4 * len(sample)


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int:
    lengths = sorted(b - a for a, b in lines[:4000] if b > a)
    if not lengths:
        return 80
    return max(40, lengths[int(0.9 * (len(lengths) - 1))])


# "[.!?][.!?]*", not "[.!?]+": a pattern that opens with a character class lets the regex
# engine skip ahead to the next candidate (one that opens with a repeat does not)
# a run of stops counts once, from its first (no backtracking into it: "!!!..." is linear)
_SENT_END = re.compile(
    r"(?<![.!?])[.!?][.!?]*+[\"'\u201d\u2019)\]]*+(?=\s+[\"'\u201c\u2018(\[\u2022]?[A-Z0-9\u00C0-\u00DE\"'\u201c\u2018(\[\u2022])"
)
_ABBREV = _words(
    "e g i ie eg etc al cf vs viz no nos art arts para paras p pp mr mrs ms dr st mt prof "
    "amb h e jan feb mar apr jun jul aug sep sept oct nov dec approx fig figs vol inc ltd "
    "co corp u s k n gov dept rev res doc sec ch dem rep fed sts"
)
_TITLES = _words("mr mrs ms dr st mt prof amb")
_STARTERS = _words(
    "the this that these those it its they their he she we in on at during however "
    "meanwhile while but and also then there some many several most a an as after before "
    "following according"
)
MAX_SENTENCE = 20000
_PREV_WORD = re.compile(r"[^\W\d_]{1,20}$")


def count_sentences(text: str, start: int, end: int) -> int:
    """A cheap sentence count for blocks that need no parsing (context bookkeeping only)."""
    return 1 + len(_SENT_END.findall(text, start, end))


# a salutation line that ends in a comma ("Madam Chair,", "Distinguished Madam Chair,
# Delegates, Ladies and Gentlemen,") before the words of a speech on the next line
_SALUTE_LINE = re.compile(
    r"((?:Distinguished[ \t]+|Honou?rable[ \t]+|Dear[ \t]+)?(?:Madam|Madame|Mr\.?|Mister|"
    r"Your)[ \t]+(?:Chair|Chairman|Chairperson|President|Excellenc\w+|Vice-Chair)"
    r"[^\n.]{0,80},)[ \t]*\n[ \t]*(?=\S)"
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end]."""
    out: list[tuple[int, int]] = []
    a = start
    hail = _SALUTE_LINE.match(text, start, end)
    if hail is not None:  # "Distinguished Madam Chair, Delegates,\n": a line of its own
        out.append((start, hail.end(1)))
        a = start = hail.end()
    for m in _SENT_END.finditer(text, start, end):
        e = m.end()
        # next non-space character
        j = e
        while j < end and text[j].isspace():
            j += 1
        if j >= end:
            break
        nxt = text[j]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018([\u2022"):
            continue
        k = m.start()
        if text[k] == ".":
            w, we = _prev_word(text, max(a, k - 20), k)
            word = text[w:we].lower()
            if w == we:
                w = k
            if word in _ABBREV or len(word) == 1:
                # dotted acronym (U.S.) followed by a typical sentence opener still ends it,
                # as does an acronym in capitals ("the draft APR. They ...": not April)
                dotted = w >= 2 and text[w - 1] == "." and len(word) == 1
                capitals = len(word) > 1 and text[w:we].isupper() and word not in _TITLES
                if not (dotted or capitals):
                    continue
                nw = _next_word(text, j, end).lower()
                if nw not in _STARTERS:
                    continue
        out.extend(_cap(text, a, e))
        a = j
    if a < end:
        out.extend(_cap(text, a, end))
    return out


def _prev_word(text: str, lo: int, k: int) -> tuple[int, int]:
    """The letters right before k (not before lo) as (start, end), as `_PREV_WORD.search(text,
    lo, k)` finds them ('$' also matches before a final newline); start == end if none."""
    e = k - 1 if k > lo and text[k - 1] == "\n" else k
    s = e
    while s > lo and (c := text[s - 1]).isalnum() and not c.isdecimal():
        s -= 1
    return s, e


def _next_word(text: str, j: int, end: int) -> str:
    k = j
    while k < end and k - j < 30 and (text[k].isalpha()):
        k += 1
    return text[j:k]


def _cap(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split an over-long 'sentence' (no punctuation) into bounded chunks at whitespace."""
    out = []
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        if cut <= a:
            cut = a + MAX_SENTENCE
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out
