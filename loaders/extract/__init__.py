"""Report extractor: side-taking events from negotiation reports in English prose.

    result = extract_text(text, file="report.txt", session="AHC-7")
    result = extract_file("report.md")              # Markdown / HTML stripped, offsets kept
    to_json([(path, result)])                       # {"documents": [{"file", "events": [...]}]}
    event_rows([(path, result)])                    # flat rows for a table or CSV
    to_events(path, result, default_session="AHC-7")  # graphkit.model.Event records

Offsets (`char_start`, `char_end`) are Python string offsets into the file's text as decoded
(UTF-8), also for Markdown and HTML input. Names inside actor lists that resolve to no actor are
reported in `unresolved` with the closest known names; they are never silently dropped.

Conventions (those of the curated dataset, data/README.md):
* an event is one option of one question; its span covers the sentences that state it (the
  proposal and every later sentence that adds a side to it, e.g. "This proposal was supported");
* a single actor putting a position forward is its `proposer` (implied support); several actors
  voicing the same view are `support` without a proposer; "opposed by", "did not support it",
  "were not in agreement on the inclusion of this provision" are `oppose`; opposing a piece of
  text ("Iran opposed the inclusion of X", "cannot accept X") is an event X with the actor in
  `oppose`, and those backing that actor ("This position was supported by") oppose X too;
  opposing something that is no piece of text ("Kenya opposed data retention") is Kenya's own
  view, labelled "against data retention" (Kenya its proposer, its backers `support`, those who
  back data retention itself `oppose`);
  reserving a position, asking for time, appreciating without supporting, abstaining, a
  lukewarm response are `neutral`; the sides of one vote ("voted yes / no / abstained", "In
  favour: ... Against: ...", explanations of vote) are one event without a proposer;
* transcripts and statements: "we", "my delegation", "our country" in a speaker's turn ("Mr. X
  (Brazil):", "BRAZIL:", a roster of panelists, "The representative of Brazil said", the floor
  given by the chair, "Statement by Brazil") stand for the speaker's actor;
* every event has a `confidence` (0-1) and the `cue` (the rules that produced it); the
  confidence estimates the share of right facts for its cue class and size (calibration.py);
* "Jamaica (on behalf of CARICOM)": JAM takes the side, `on_behalf_of == {"JAM": "CARICOM"}`;
  a group named without a speaker ("the Caribbean Community") is itself the actor;
* competing options of one question (30 / 40 / 60 ratifications, "on the other hand", "while")
  are separate events sharing `issue`, derived from article references ("art64-entry-...")
  when there are any, else from the section heading and the option;
* session and date come from the report (dated headings, "On 30 January", "day 4 (1 February)",
  "the fifth session", mapped through data/sessions.yaml), else from the arguments.

How it works, phase by phase (each module usable and testable on its own):
(a) markup.py (Markdown/HTML stripped, offset map), text.py (blocks, sentences, folding),
    dates.py (sessions and days);
(b) mentions.py: actor names (also capitals and demonyms); sentence.py: tokens with their
    mentions; references.py: references to somebody's proposal; lists.py: mentions grouped
    into lists, on-behalf-of;
(c) roles.py (left context of a list: "supported by", "which", "aligned with", labels), objects.py
    (is a verb's object "it" or a bare "deletion"?) and
    verbs.py (the verb phrase of a subject list, with its polarity);
(d) speakers.py (turns and first-person phrases) with labels.py (who a speaker label
    names), unspoken.py (a turn's subject-less sentences, "our position", "the previous
    speaker", a statement's own demands), behalf.py (joint statements), colons.py (lists
    under a colon, in bullets or blocks of names), quotes.py
    (a quotation's "we" is its named speaker), events.py + assemble.py (lists with their roles
    become events, across the sentences of a paragraph), coordination.py (a subject's second
    verb, quarrels, sides on an object pointing back), votes.py (voters named inside a count);
    words.py and phrases.py hold the word classes; (e) tidy.py folds a speaker's
    restated views into its position and later mentions of one voted text into its event.
    draft.py writes dataset YAML and checks citation overlap; output.py the JSON, rows and
    loader events; calibration.py the confidences.
Only sentences naming an actor are parsed; all scans are linear (see bench/extract_speed.py)
and bounded per sentence.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass, field
from pathlib import Path

from loaders.actors import ActorIndex, reference
from loaders.errors import LoadError
from loaders.extract import calibration as CAL
from loaders.extract import words as W
from loaders.extract.dates import Context, find_dates, find_session_names
from loaders.extract.defined import named_in
from loaders.extract.events import Ev, Parser, candidate_names, find_articles
from loaders.extract.mentions import lexicon

# the output layouts live in output.py; re-exported here, where callers have always found them
from loaders.extract.output import event_rows, to_events, to_json  # noqa: E402
from loaders.extract.quotes import quoted_first_person
from loaders.extract.reported import reported_speakers
from loaders.extract.speakers import STAMPED, FirstPerson, first_person, pronoun_subject, turns
from loaders.extract.tables import participant_tables, sponsor_lines
from loaders.extract.text import Doc, blocks, count_sentences, prepare, sentences, un_names
from loaders.extract.tidy import against, aligned, coreferent, plural_references, restatements
from loaders.extract.unspoken import speaker_references, statement_demands, unspoken_subjects

__all__ = [
    "ExtractResult",
    "ExtractedEvent",
    "Unresolved",
    "extract_file",
    "extract_text",
    "event_rows",
    "to_events",
    "to_json",
]


@dataclass
class ExtractedEvent:
    char_start: int
    char_end: int
    proposer: str | None
    option: str
    support: list[str] = field(default_factory=list)
    oppose: list[str] = field(default_factory=list)
    neutral: list[str] = field(default_factory=list)
    on_behalf_of: dict[str, str] = field(default_factory=dict)
    session: str | None = None
    date: str | None = None
    issue: str = ""
    sentence: str = ""
    confidence: float = 1.0  # 0-1: expected share of right facts (calibration.py)
    cue: str = ""  # the rule(s) that produced the event, e.g. "supported-by list"

    def actors(self) -> set[str]:
        out = set(self.support) | set(self.oppose) | set(self.neutral)
        if self.proposer:
            out.add(self.proposer)
        return out


@dataclass
class Unresolved:
    name: str
    char_start: int
    char_end: int
    suggestions: list[str] = field(default_factory=list)


@dataclass
class ExtractResult:
    events: list[ExtractedEvent] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    file: str = "<text>"

    def confident(self, threshold: float) -> ExtractResult:
        """Only the events whose confidence reaches `threshold`: precision for recall (the
        confidence is calibrated, so a threshold keeps about that share of right facts)."""
        kept = [e for e in self.events if e.confidence >= threshold]
        return ExtractResult(kept, self.unresolved, self.file)


def extract_text(
    text: str,
    *,
    file: str = "<text>",
    session: str | None = None,
    date: str | None = None,
    index: ActorIndex | None = None,
    kind: str | None = None,
) -> ExtractResult:
    """Side-taking events of one report given as text (plain, Markdown or HTML).

    `kind` forces "text", "markdown" or "html"; by default it is taken from the file name's
    extension or sniffed. `session` / `date` apply where the report itself does not say.
    """
    if not isinstance(text, str):
        raise TypeError("extract_text expects str; use extract_file for bytes on disk")
    doc = prepare(text, file if file != "<text>" else "", kind)
    return _extract(doc, text, file, session, date, index or reference())


def extract_file(
    path: str | Path, *, session: str | None = None, date: str | None = None
) -> ExtractResult:
    """Read a UTF-8 report (plain text, Markdown or HTML) and extract its events."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise LoadError(
            f"not UTF-8 text: undecodable byte 0x{bad} at byte offset {exc.start} "
            "(convert the file to UTF-8)",
            file=str(path),
        ) from None
    return extract_text(text, file=str(path), session=session, date=date)


def _extract(
    doc: Doc, source: str, file: str, session: str | None, date: str | None, ix: ActorIndex
) -> ExtractResult:
    clean = un_names(doc.text)  # same length: offsets hold
    lex = lexicon(ix)
    ctx = Context(session, date)
    parser = Parser(clean, ix, lex)
    all_blocks = blocks(doc)
    # transcripts: "we" / "my delegation" in a speaker's turn stand for the speaker's actor
    turn_list = turns(clean, all_blocks, lex)
    first = first_person(clean, turn_list, lex)
    # "Russia: ... Support Japan in ...", "our position is ...", "the previous speaker"
    silent = unspoken_subjects(clean, turn_list) + speaker_references(clean, turn_list)
    # "The convention should ..." in a statement by X: X's demand
    silent += statement_demands(clean, turn_list, all_blocks, lex)
    if silent:
        first = sorted(first + silent, key=lambda m: m.start)
    quoted = quoted_first_person(clean, lex)  # "We oppose it," Chile said.
    quoted += reported_speakers(clean, all_blocks, lex)  # "The text must ..., Chile said."
    if quoted:
        taken = {(m.start, m.end) for m in first}
        first = sorted(first + [m for m in quoted if (m.start, m.end) not in taken],
                       key=lambda m: m.start)  # fmt: skip
    # the header of a statement ("Statement delivered by X on behalf of ...") names its
    # speaker: it is read as the speaker of the text, not as a side-taking sentence
    parser.skip_blocks = {t.start for t in turn_list if t.how == "statement"}
    sidx = 0
    # Work through the document in chunks of whole blocks (about 1 MB): the per-chunk lists of
    # names, dates and article references stay small, so time and memory grow linearly.
    i = 0
    while i < len(all_blocks):
        j = i
        size = 0
        while j < len(all_blocks) and (size < _CHUNK or j == i):
            size += all_blocks[j].end - all_blocks[j].start + 1
            j += 1
        cs, ce = all_blocks[i].start, all_blocks[j - 1].end
        sidx = _chunk(clean, all_blocks, i, j, cs, ce, lex, ctx, parser, sidx, first)
        i = j
    for ev in participant_tables(clean, all_blocks, lex) + sponsor_lines(clean, all_blocks, lex):
        ev.session, ev.date = ctx.current()
        parser.events.append(ev)
    kept = coreferent(plural_references(restatements([e for e in parser.events if _keep(e)])))
    aligned(kept, turn_list)
    events = [_finish(ev, doc, source) for ev in kept]
    events.sort(key=lambda e: (e.char_start, e.char_end))
    unresolved = []
    for c in candidate_names(parser):
        unresolved.append(
            Unresolved(c.name, doc.orig(c.start), doc.orig(c.end, end=True), ix.suggest(c.name))
        )
    return ExtractResult(events, unresolved, file)


_CHUNK = 1_000_000
# a heading that reads as a headline: a verb of adoption or of taking a side, or "X-backed"
_HEADLINE = re.compile(
    r"(?i)\b(?:adopts?|approves?|passe[sd]|backs?|rejects?|opposes?|supports?|votes?)\b|"
    r"\b(?:sponsored|backed|drafted|proposed|supported|opposed|rejected|launched|initiated|"
    r"submitted|tabled|introduced) by\b|"
    r"[a-z.]-(?:sponsored|backed|drafted|led|proposed)\b"
)


# a heading over a vote list: "Who voted against?", "Member states that voted in favour"
_VOTE_HEADING = re.compile(
    r"(?i)\b(?:voted|voting|votes?|abstain\w*|in[ \t]+favou?r|co-?sponsor\w*|"
    r"against(?![ \t]+(?:cyber|[Cc]orruption|[Tt]ransnational|[Cc]rime|[Tt]orture|[Ww]omen)|"
    r"[ \t]+the[ \t]+[Cc]riminal)|co-?authors?|sponsors|signatories)\b"
)  # not a title: "Convention against Cybercrime", "against Transnational Organized Crime"


def _vote_line(text: str, a: int, b: int) -> bool:
    """A short line that names a vote side, as a heading over a list of voters would."""
    return b - a < 120 and _VOTE_HEADING.search(text, a, b) is not None


def _short_question(text: str, a: int, b: int) -> bool:
    """A short question ("Who voted against?"), which may announce a list of voters."""
    return text[b - 1 : b] == "?" and b - a < 60


# "Four countries abstained." names nobody, but the next sentence may ("These were ...")
_COUNT_SUBJECT = re.compile(
    r"[ \t\n]*(?:[A-Z][a-z]+|\d+)[ \t]+(?:other[ \t]+)?(?:countries|states|members|nations)\b"
)
# "The text, which ..., cleared the Third Committee by 88 votes to 58": a text, a vote count
_TEXT_VOTED = re.compile(
    r"[ \t\n]*(?:The[ \t]+)?(?:[Dd]raft[ \t]+)?"
    r"(?:[Tt]ext|[Rr]esolution|[Mm]easure|[Dd]raft|[Aa]mendment|[Dd]ecision)\b"
    r"(?:[^.;]|\.(?=[ \t]*[\dA-Z/])){0,300}?"
    r"\bby[ \t]+(?:a[ \t]+(?:recorded[ \t]+)?vote[ \t]+of[ \t]+)?\d+[ \t]+"
    r"(?:votes[ \t]+)?(?:in[ \t]+favou?r[ \t]*)?(?:to|,)[ \t]+\d+"
    r"|[ \t\n]*(?:The[ \t]+)?(?:[Dd]raft[ \t]+)?(?:[Tt]ext|[Rr]esolution|[Mm]easure|[Dd]raft)\b"
    r"[^.;]{0,60}?\b(?:passed|adopted|approved|cleared)\b"
    r"[^.;]{0,40}?\b\d+[ \t]*[-\u2013][ \t]*\d+\b"
)
_BODY_ADOPTED = re.compile(
    r"[ \t\n]*(?:The[ \t]+)?(?:General[ \t]+Assembly|Assembly|(?:Third[ \t]+)?Committee|plenary)"
    r"[^.;]{0,30}?\b(?:adopted|approved|passed)[ \t]+"
    r"(?P<text>(?:the|a|its)[ \t]+(?:draft[ \t]+)?(?:resolution|text|convention|decision|draft)\b"
    r"(?:[ \t]+[A-Z0-9][\w./-]*)?)"
)
_DIGIT = re.compile(r"\d")


def _counted(text: str, a: int, b: int) -> bool:
    """A digit in the sentence (cheap, before the vote-count pattern)."""
    return _DIGIT.search(text, a, b) is not None


def _adopted(text: str, a: int, b: int) -> bool:
    """An adoption verb in the sentence (cheap, before the adopted-text pattern)."""
    seg = text[a:b]
    return "dopted" in seg or "pproved" in seg or "passed" in seg


_LEFT_OF_NAMES = re.compile(r"(?:[A-Z]:)?(?:[\s,;.:()\d*&-]|\band\b|\bthe\b)*")


def _only_names(text: str, a: int, b: int, ms: list) -> bool:
    """Is text[a:b] a list of names only (commas, 'and', a letter label like 'B:')? Short
    lines like that are read as headings, except under a colon that announces them."""
    rest, k = [], a
    for m in ms:
        rest.append(text[k : m.start])
        k = m.end
    rest.append(text[k:b])
    return _LEFT_OF_NAMES.fullmatch(" ".join(rest).strip()) is not None


_BYLINE = re.compile(r"(?:[Bb]y\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}")


_NOUN_ENDINGS = (
    "tion", "tions", "sion", "sions", "ment", "ments", "ance", "ence", "ity", "ities", "ism",
    "ness", "ship", "ing", "ings", "ics", "ure", "ures", "age", "ary", "ory", "als", "ives",
)  # fmt: skip
_HEADING_WORDS = W.words(
    "session sessions week weeks day days part parts chapter chapters article articles cluster "
    "clusters scope overview introduction conclusion conclusions summary background preamble "
    "general final other issues issue matters measures rights obligations remarks notes note "
    "observations key takeaways highlights update updates news report reports statement "
    "statements agenda item items plenary committee group groups draft text texts provisions "
    "annex annexes convention treaty negotiations talks vote votes results outcome next steps"
)


def _is_byline(heading: str, after_heading: bool) -> bool:
    """A line naming the report's author ("By A. Writer", or two to four capitalised words
    right under the title): it must not name the next section's issues."""
    line = heading.strip()
    if not _BYLINE.fullmatch(line):
        return False
    if line[:3].lower() == "by ":
        return True
    # two to four capitalised words under the title read as a person's name unless one of
    # them is a common noun of headings ("Criminalization Provisions", "Final Remarks")
    words = line.lower().replace("’", "'").split()
    return after_heading and not any(
        w.endswith(_NOUN_ENDINGS) or w in _HEADING_WORDS for w in words
    )


def _chunk(
    clean: str,
    all_blocks: list,
    i: int,
    j: int,
    cs: int,
    ce: int,
    lex,
    ctx: Context,
    parser: Parser,
    sidx: int,
    first: list[FirstPerson],
) -> int:
    """Blocks i..j-1 (text [cs, ce)); returns the running sentence index.

    One loop over blocks and sentences with the hit lists walked by index (about 90
    lines): this is the hot path of bench/extract_speed.py, kept free of per-sentence calls
    for sentences that name nobody."""
    mentions = lex.find(clean, cs, ce)
    if first:
        lo = bisect.bisect_left(first, cs, key=lambda m: m.start)
        hi = bisect.bisect_left(first, ce, key=lambda m: m.start)
        if hi > lo:
            # a first-person span replaces a name at the same place (the group a speaker
            # speaks for stands for the speaker)
            spans = {(m.start, m.end) for m in first[lo:hi]}
            mentions = [m for m in mentions if (m.start, m.end) not in spans]
            mentions = list(heapq.merge(mentions, first[lo:hi], key=lambda m: m.start))
    date_hits = find_dates(clean, cs, ce)
    name_hits = find_session_names(clean, cs, ce)
    art_hits = find_articles(clean, cs, ce)
    mi = di = ni = ai = 0
    nm, nd, nn, na = len(mentions), len(date_hits), len(name_hits), len(art_hits)
    for bi in range(i, j):
        blk = all_blocks[bi]
        if blk.kind != "b":
            parser.end_colon()
        if blk.kind == "h":
            ds, di = _take(date_hits, di, blk.start, blk.end)
            _ns, ni = _take(name_hits, ni, blk.start, blk.end)
            arts, ai = _take(art_hits, ai, blk.start, blk.end)
            heading = clean[blk.start : blk.end]
            ms = []
            while mi < nm and mentions[mi].start < blk.end:
                if mentions[mi].start >= blk.start:
                    ms.append(mentions[mi])
                mi += 1
            if ms and parser.colon_names and _only_names(clean, blk.start, blk.end, ms):
                parser.parse(blk.start, blk.end, ms, sidx, bi)  # "For (141):", "Bahamas, ..."
                sidx += 1
                continue
            if not ms and _is_byline(heading, bi > 0 and all_blocks[bi - 1].kind == "h"):
                sidx += 1  # an author's name under the title: not a section of its own
                continue
            if len(heading) < 70 and STAMPED.match(heading):
                sidx += 1  # "Speaker 2  0:05", "Iran  12:04": a turn's label, no section
                continue
            ctx.heading(heading, blk.start, ds)
            parser.new_section(heading, arts)
            if not ms and _VOTE_HEADING.search(heading):
                parser.heading_intro(blk.start, blk.end, sidx, bi)  # "Who voted against?"
            if ms and _HEADLINE.search(heading):
                # a news headline ("UN adopts Russian-drafted text despite US objections")
                parser.parse(blk.start, blk.end, ms, sidx, bi)
            sidx += 1
            continue
        # a statement's opening sentence ("I have the honour to deliver this statement on
        # behalf of A, B") names its speakers, no side: the rest of its block is read
        header = blk.start in parser.skip_blocks
        busy = (
            (mi < nm and mentions[mi].start < blk.end)
            or (di < nd and date_hits[di].start() < blk.end)
            or (ni < nn and name_hits[ni].start() < blk.end)
            or clean[blk.end - 1 : blk.end] == ":"
            or _short_question(clean, blk.start, blk.end)
            or _vote_line(clean, blk.start, blk.end)
            or (parser.defined and named_in(parser, clean, blk.start, blk.end))
            # a paragraph of its own opening "They also backed X" (one-sentence news lines)
            or parser.pronoun(clean, blk.start, blk.end, sidx) is not None
        )
        if not busy:
            # nothing to parse here: keep the bookkeeping (sentence count, article context)
            if ai < na and art_hits[ai].start() < blk.end:
                arts, ai = _take(art_hits, ai, blk.start, blk.end)
                parser.note_articles(arts, sidx, bi)
            sidx += count_sentences(clean, blk.start, blk.end)
            continue
        for a, b in sentences(clean, blk.start, blk.end):
            if header:
                header = False
                while mi < nm and mentions[mi].start < b:
                    mi += 1
                sidx += 1
                continue
            if (di < nd and date_hits[di].start() < b) or (ni < nn and name_hits[ni].start() < b):
                ds, di = _take(date_hits, di, a, b)
                ns, ni = _take(name_hits, ni, a, b)
                if ds or ns:
                    ctx.sentence(clean, a, b, ds, ns)
            parser.session, parser.date = ctx.current()
            if ai < na and art_hits[ai].start() < b:
                arts, ai = _take(art_hits, ai, a, b)
                if arts:
                    parser.note_articles(arts, sidx, bi)
            ms = []
            while mi < nm and mentions[mi].start < b:
                m = mentions[mi]
                if m.start >= a and m.end <= b:
                    ms.append(m)
                mi += 1
            pro = parser.pronoun(clean, a, b, sidx)
            # "It also calls on Russia to withdraw": "it" is not the actor it names
            if pro is not None and all(getattr(m, "code", None) != pro.code for m in ms):
                ms.insert(0, pro)
            if parser.colon_subject is not None and "; (" in clean[a:b]:
                ms = sorted(ms + parser.colon_items(clean, a, b, sidx), key=lambda x: x.start)
            if ms and (", " in clean[a:b] or ": " in clean[a:b] or "; " in clean[a:b]):
                ms = _clause_pronouns(clean, a, b, ms, parser.index)
            if not ms and clean[b - 1 : b] not in ".!?:;" and _vote_line(clean, a, b):
                parser.heading_intro(a, b, sidx, bi)  # "Member states that voted in favour"
            elif not ms and _counted(clean, a, b) and _TEXT_VOTED.match(clean, a, b):
                parser.counted_text(a, b, sidx, bi)  # "The text cleared it by 88 votes to 58"
            elif not ms and _adopted(clean, a, b) and (adopted := _BODY_ADOPTED.match(clean, a, b)):
                # "The General Assembly adopted the resolution": that text, named by nobody
                parser.counted_text(a, b, sidx, bi, adopted.span("text"))
            elif (
                ms
                or clean[b - 1 : b] == ":"
                or _short_question(clean, a, b)
                or _COUNT_SUBJECT.match(clean, a, b)
            ):
                parser.parse(a, b, ms, sidx, bi, blk.kind == "b")
            sidx += 1
    return sidx


_CLAUSE_PRONOUN = re.compile(r"[,:;] (?:but |and |yet |so )?(?=(?:it|he|she) [a-z])")


def _clause_pronouns(text: str, a: int, b: int, ms: list, ix: ActorIndex) -> list:
    """ "While Kenya supported the goal, it could not accept the text", "X backed A, but it
    opposed B": "it" after a comma is the one actor named before it in the sentence."""
    out = list(ms)
    for m in _CLAUSE_PRONOUN.finditer(text, a, b):
        p = m.end()
        before = {x.code for x in ms if x.end <= m.start()}
        if len(before) != 1 or any(x.start <= p < x.end for x in ms):
            continue
        hit = pronoun_subject(text, p, b, tuple(before), ix.is_group)
        if hit is not None:
            out.append(hit)
    return sorted(out, key=lambda x: x.start) if len(out) > len(ms) else ms


def _take(hits: list[re.Match[str]], i: int, a: int, b: int) -> tuple[list, int]:
    out = []
    while i < len(hits) and hits[i].start() < b:
        if hits[i].start() >= a:
            out.append(hits[i])
        i += 1
    return out, i


def _keep(ev: Ev) -> bool:
    if ev.latent or ev.superseded:
        return False
    if not ev.sides and ev.cues and all("statement verb" in c for c in ev.cues):
        # "X said ...", "X stressed ...": a side only when it says what should be done
        return ev.says_what_to_do()
    if ev.cues == ["stated-by list"] and not ev.sides:
        return False  # "Statement of Iran before action ...": a title, not a side
    return bool(ev.proposer or ev.sides)


def _view_label(ev: Ev) -> str:
    """An opponent's view of its own ("Kenya opposed the annex": KEN proposes, its backers
    support) says what it is against, so that a reviewer or the graph never reads it as the
    annex proposed by Kenya."""
    if not against(ev):
        return ev.option
    option = ev.option.strip()
    if re.match(r"(?i)(?:against|no|not|none)\b", option):
        return option
    option = re.sub(r"(?i)^(?:to|about|on|with|over|of)\s+", "", option)
    words = option.split(maxsplit=1)  # "refused to support the annex": against the annex
    if len(words) == 2 and W.VERBS.get(words[0].lower()) == W.SUP:
        option = words[1]
    return "against " + option


def _finish(ev: Ev, doc: Doc, source: str) -> ExtractedEvent:
    a = min(s for s, _ in ev.spans)
    b = max(e for _, e in ev.spans)
    oa, ob = doc.orig(a), doc.orig(b, end=True)
    sides: dict[str, list[str]] = {"support": [], "oppose": [], "neutral": []}
    for code, stance in ev.sides.items():
        if code != ev.proposer:
            sides[stance].append(code)
    present = set(ev.sides) | ({ev.proposer} if ev.proposer else set())
    behalf = {k: v for k, v in ev.behalf.items() if k in present}
    return ExtractedEvent(
        char_start=oa,
        char_end=ob,
        proposer=ev.proposer,
        option=_view_label(ev),
        support=sides["support"],
        oppose=sides["oppose"],
        neutral=sides["neutral"],
        on_behalf_of=behalf,
        session=ev.session,
        date=ev.date,
        issue=ev.issue,
        sentence=source[oa:ob],
        confidence=CAL.calibrated(ev.conf, ev.cues, len(present)),
        cue="; ".join(ev.cues),
    )
