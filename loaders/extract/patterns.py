"""The construction parser: from sentences with actor names to side-taking events.

Per sentence (only sentences that name an actor are parsed):

1. tokens (words and punctuation) over the folded sentence; actor mentions mapped onto them;
2. "on behalf of" phrases: the group a speaker spoke for ("Jamaica (on behalf of CARICOM)",
   "France speaking on behalf of the EU"), and "on behalf of itself and A, B" (A, B join);
3. references to somebody's proposal ("Brazil's proposal", "the UK proposal", "the Canadian
   proposal") are marked: they point at that actor's event rather than naming a side;
4. actor lists: mentions joined by commas, "and", Oxford commas, "as well as", parentheticals
   and adjacency, with unknown capitalised names inside a list kept as candidates;
5. each list gets a role from its left context, scanned backwards over fillers ("a large number
   of member states, including"): "supported by", "opposed by", "not supported by", "but not
   by", "received support from", "proposed by", "which", "aligned with" ... or, by default, it
   is the subject of the verb phrase on its right ("supported", "did not agree with", "got behind",
   "preferred", "reserved their position", "requested more time", "called for", "proposed" ...);
6. events: a subject list with a verb of its own makes a new event (a single actor is its
   proposer); passive lists, anaphora ("This proposal was supported by", "It was not supported
   by", "did not support it") and references attach to the event in focus (in the same sentence,
   else the last one within three sentences of the same section).

All scans are bounded (windows of a few tokens), so a sentence is parsed in linear time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from loaders.actors import ActorIndex, normalize
from loaders.extract import words as W
from loaders.extract.mentions import CAPITALS, DEMONYMS, Lexicon, Mention
from loaders.extract.text import fold

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+|[^\w\s]")
ART_RE = re.compile(
    r"[Aa]rt(?:icles?|s?\.)\s{0,3}(\d{1,3})(?:\s{0,3}\(\s{0,2}(\d{1,2}|[a-z])\s{0,2}\))?"
    r"(?P<more>(?:\s{0,3}(?:,|and|&)\s{0,3}\d{1,3}){0,8})"
    r"(?:\s{0,3}(?:\(|,)?\s{0,3}(?:on|concerning|regarding)\s{1,3}(?P<desc>[A-Za-z][^.;:,()]{0,80}))?"
)


def find_articles(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """'Article 64', 'Articles 5 and 24', 'Art. 31 (2)' with an optional 'on the ...'."""
    end = len(text) if end is None else end
    out = []
    last = start
    starts = []
    for needle in ("rticle", "rt.", "rts."):
        p = text.find(needle, start, end)
        while p >= 0:
            if p > start and text[p - 1] in "Aa":
                starts.append(p - 1)
            p = text.find(needle, p + 1, end)
    for p in sorted(set(starts)):
        if p < last or (p > 0 and (text[p - 1].isalnum() or text[p - 1] == "_")):
            continue
        hit = ART_RE.match(text, p, min(end, p + 200))
        if hit is not None:
            out.append(hit)
            last = hit.end()
    return out


_ACTION_ENDINGS = ("tion", "sion", "val", "ment", "ance", "ence")
_DEMONYM_KEYS = frozenset(k.lower() for k in DEMONYMS if " " not in k)
_CAPITAL_KEYS = frozenset(k.lower() for k in CAPITALS if " " not in k)
_ADV_FIRST = frozenset(p[0] for p in W.ADVERBIALS)
_SLUG_STOP = W.words("the a an of and to in on for by with its their this that")
_STOP_CAND = W.words(
    "chair chairs chairperson vice secretariat secretary general committee article articles "
    "paragraph paragraphs chapter member members states state countries country delegation "
    "delegations observers observer parties party others other all some many "
    "several both most few convention conventions protocol resolution conference session "
    "sessions un unodc ohchr ngo ngos civil society office organization organisation "
    "organizations organisations council commission union court assembly foundation "
    "institute university watch international inc ltd corp company companies agency "
    "department ministry mr ms mrs dr president ambassador minister the a an however "
    "moreover furthermore meanwhile also therefore thus in on at for by with january "
    "february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday north south east west western "
    "eastern global latin stakeholders stakeholder industry private sector academia "
    "budapest malabo interpol europol oecd icc icrc cso csos ahc cnd ict icts mla mlat "
    "mlats crc coe uncac untoc unctoc gge ungge oewg gitoc gi toc ddos cbdr mou mous ceo it "
    "ai gmt utc pm am id ii iii iv q hrw eff icann igf wsis unga unsc unesco unicef itu "
    "wipo secretary-general bureau team panel panelists panellists moderator speaker "
    "speakers experts expert friends co-chairs co-facilitators facilitator facilitators "
    "draft text provisions provision africa asia europe america americas pacific caribbean "
    "middle"
)
_AFTER_CAND = W.words(", and or ; ) . : & as well")
_BEFORE_CAND = W.words("by from including as : ( , like namely of and")


@dataclass(eq=False)
class Ev:
    """An event being built (clean-text offsets)."""

    proposer: str | None
    option: str
    issue: str
    section: int
    session: str | None
    date: str | None
    sent: int
    para: int
    sides: dict[str, str] = field(default_factory=dict)  # code -> support|oppose|neutral
    behalf: dict[str, str] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    latent: bool = False

    def add(self, code: str, stance: str) -> None:
        if code == self.proposer or code in self.sides:
            return
        self.sides[code] = stance
        self.latent = False


@dataclass
class Candidate:
    name: str
    start: int
    end: int


@dataclass
class _List:
    members: list[int]  # mention indices
    start: int  # token index of the first member
    end: int  # token index after the list (after on-behalf / parentheses)
    each: bool = False
    candidates: list[tuple[int, int]] = field(default_factory=list)  # token spans
    role: str | None = None
    events: list[Ev] | None = None  # where this list took a side, and which
    stance: str | None = None
    neg: bool = False  # "neither A nor B ..."


class Sentence:
    """Tokens and mentions of one sentence, plus the parse state of that sentence."""

    __slots__ = (
        "a",
        "b",
        "ts",
        "te",
        "tk",
        "tw",
        "n",
        "ments",
        "mtok",
        "mend",
        "mflag",
        "poss_end",
        "tnoun_end",
        "mstart_at",
        "in_mention",
        "behalf",
        "behalf_skip",
        "coauthor_at",
        "extra_targets",
        "lists",
        "list_at",
        "focus",
        "touched",
        "last_passive",
        "subj_anaphor",
        "idx",
        "para",
        "section",
        "pending",
        "bullet",
        "deferred",
        "inherit",
        "obj_range",
    )

    def __init__(self, text: str, a: int, b: int, mentions: list[Mention]) -> None:
        self.a, self.b = a, b
        fs = fold(text[a:b])
        ms = list(_TOKEN.finditer(fs))
        tw = [m.group() for m in ms]
        ts = [a + m.start() for m in ms]
        te = [s + len(w) for s, w in zip(ts, tw, strict=True)]
        tk = [w.lower() for w in tw]
        self.ts, self.te, self.tk, self.tw, self.n = ts, te, tk, tw, len(tk)
        self.ments: list[Mention] = []
        self.mtok: list[tuple[int, int]] = []
        for m in mentions:
            i = bisect.bisect_left(ts, m.start)
            j = bisect.bisect_left(ts, m.end)
            if i < j:
                self.ments.append(m)
                self.mtok.append((i, j))
        self.mflag = [""] * len(self.ments)
        self.poss_end = [-1] * len(self.ments)
        self.tnoun_end = [-1] * len(self.ments)
        self.mstart_at = {i: k for k, (i, _j) in enumerate(self.mtok)}
        self.in_mention = {}
        for k, (i, j) in enumerate(self.mtok):
            for t in range(i, j):
                self.in_mention[t] = k
        self.mend = [j for _i, j in self.mtok]
        self.behalf: dict[int, str] = {}  # speaker mention -> group code
        self.behalf_skip: dict[int, int] = {}  # token index -> token index after the phrase
        self.coauthor_at: set[int] = set()
        self.extra_targets: list[tuple[int, int, str]] = []  # demonym references
        self.lists: list[_List] = []
        self.list_at: dict[int, _List] = {}
        self.focus: list[Ev] | None = None
        self.touched: list[Ev] = []
        self.last_passive: str | None = None
        self.subj_anaphor = False
        self.pending: list[tuple[list[int], str]] = []  # "Supported by X, Y proposed ..."
        self.deferred: list[_List] = []
        # "X, supported by Y, opposed ...": Y takes X's side (or the other side: "opposed by")
        self.inherit: dict[int, tuple[_List, bool]] = {}
        self.obj_range: dict[int, tuple[int, int]] = {}  # id(event) -> object token range
        self.bullet = False

    def text_of(self, text: str, i: int, j: int) -> str:
        if i >= j or i >= self.n:
            return ""
        return text[self.ts[i] : self.te[min(j, self.n) - 1]]


def _slug(text: str, n: int = 4) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", fold(text).lower()) if w not in _SLUG_STOP]
    return "-".join(words[:n])


class Parser:
    """Walks the sentences of one document and builds events."""

    def __init__(self, text: str, index: ActorIndex, lex: Lexicon) -> None:
        self.text = text
        self.index = index
        self.lex = lex
        self.events: list[Ev] = []
        self.candidates: list[Candidate] = []
        self.section = 0
        self.cur: list[Ev] | None = None
        self.cur_sent = -99
        self.cur_section = -1
        self.art_key: str | None = None
        self.art_sent = -99
        self.art_para = -1  # the block it was named in; -2: the section heading
        self.art_desc: dict[str, str] = {}
        self.heading_text = ""
        self._heading_slug: str | None = ""
        self.session: str | None = None
        self.date: str | None = None
        # "The proposal was supported by the following:" + bullets of names
        self.colon: tuple | None = None
        self.last_subject: tuple[list[Ev], str] | None = None

    # ---------------------------------------------------------------------------------------
    # document-level context

    def new_section(self, heading_text: str, arts: list[re.Match[str]]) -> None:
        self.section += 1
        self.cur = None
        self.art_key = None
        self.heading_text = heading_text
        self._heading_slug = None
        if arts:
            self.note_articles(arts, -1, -2)

    @property
    def heading_slug(self) -> str:
        if self._heading_slug is None:
            self._heading_slug = _slug(self.heading_text, 3)
        return self._heading_slug

    def note_articles(self, arts: list[re.Match[str]], sidx: int, para: int) -> str | None:
        """Article references in force: for the section (heading) or their paragraph."""
        keys = []
        for m in arts:
            num = m.group(1)
            key = f"art{num}"
            if m.group(2):
                key += f"-{m.group(2)}"
            more = re.findall(r"\d{1,3}", m.group("more") or "")
            keys.append(key)
            keys.extend(f"art{x}" for x in more)
            desc = m.group("desc")
            if desc and f"art{num}" not in self.art_desc:
                slug = _slug(desc, 4)
                if slug:
                    self.art_desc[f"art{num}"] = slug
        if not keys:
            return None
        key = "-".join(dict.fromkeys(keys[:3]))
        first = keys[0].split("-")[0]
        if first in self.art_desc and len(keys) == 1:
            key = f"{key}-{self.art_desc[first]}"
        self.art_key = key
        self.art_sent = sidx
        self.art_para = para
        return key

    # ---------------------------------------------------------------------------------------
    # sentence parsing

    def parse(
        self, a: int, b: int, mentions: list[Mention], sidx: int, para: int, bullet: bool = False
    ) -> None:
        S = Sentence(self.text, a, b, mentions)
        S.idx, S.para, S.section, S.bullet = sidx, para, self.section, bullet
        if S.n > 6000:
            self._parse_long(S, sidx, para)
            return
        if not S.ments:
            S.subj_anaphor = self._subject_anaphor(S)
            self._colon_intro(S)
            return
        self._possessives(S)
        self._behalf(S)
        self._demonyms(S)
        self._targets(S)
        self._lists(S)
        S.subj_anaphor = self._subject_anaphor(S)
        items: list[tuple[int, str, object]] = [(L.start, "L", L) for L in S.lists]
        for k, flag in enumerate(S.mflag):
            if flag == "target":
                items.append((S.mtok[k][0], "T", k))
        for i, j, code in S.extra_targets:
            items.append((i, "D", (i, j, code)))
        items.sort(key=lambda x: x[0])
        for _pos, kind, obj in items:
            if kind == "L":
                self._do_list(S, obj)  # type: ignore[arg-type]
                while S.deferred:
                    self._do_list(S, S.deferred.pop(0))
            elif kind == "T":
                k = obj  # type: ignore[assignment]
                if S.mflag[k] == "target":
                    self._reference(S, S.ments[k].code, self._after_noun(S, k), S.mtok[k][0])
            else:
                i, j, code = obj  # type: ignore[misc]
                if (i, j, code) in S.extra_targets:
                    self._reference(S, code, j, i)
        if S.pending:
            ev = self._new_event(S, None, S.text_of(self.text, 0, S.n))
            for members, stance in S.pending:
                self._attach(S, [ev], members, stance)
            S.pending = []
        self._colon_intro(S)
        if S.focus:
            self.cur = S.focus
            self.cur_sent = sidx
            self.cur_section = self.section

    def end_colon(self) -> None:
        self.colon = None

    def _cue_before(self, S: Sentence, colon: int) -> str | None:
        """The stance announced before a colon: 'supported by:', 'In favour:', 'opposed it:'."""
        tk = S.tk
        for k in range(colon - 1, max(-1, colon - 9), -1):
            t = tk[k]
            if t == "by" and k > 0:
                j = k - 1
                while j > 0 and tk[j] in W.AUX:
                    j -= 1
                return W.PASSIVE.get(tk[j])
            if t in ("favour", "favor"):
                return W.SUP
            c = W.VERBS.get(t) or W.NOUN_CUES.get(t)
            if c:
                negated = any(x in W.NEG for x in tk[max(0, k - 3) : k])
                return _flip(c) if negated else c
            if t in (";", ":", "."):
                break
        return None

    def _colon_intro(self, S: Sentence) -> None:
        """A sentence ending in ':' with a stance cue announces a list of names below it."""
        tk = S.tk
        if not tk or tk[-1] != ":":
            return
        cls = self._cue_before(S, S.n - 1)
        if cls in (W.SUP, W.OPP, W.NEU):
            events = S.focus or (self.cur if S.subj_anaphor and self._cur_ok(S, 2) else None)
            self.colon = (cls, events, S.idx, (S.a, S.b), S.text_of(self.text, 0, S.n - 1))

    def _colon_member(self, S: Sentence, L: _List) -> bool:
        if not (S.bullet and self.colon):
            return False
        cls, events, since, span, intro = self.colon
        stance = {W.SUP: "support", W.OPP: "oppose", W.NEU: "neutral"}[cls]
        if not events:
            events = [self._new_event(S, None, intro)]
            self.colon = (cls, events, since, span, intro)
        for ev in events:
            if span not in ev.spans:
                ev.spans.append(span)
        self._attach(S, events, L.members, stance)
        return True

    def _parse_long(self, S: Sentence, sidx: int, para: int) -> None:
        """Extremely long 'sentences' (tables, lists of lists) are parsed in windows."""
        step = 3000
        for w0 in range(0, S.n, step):
            w1 = min(S.n, w0 + step)
            a, b = S.ts[w0], S.te[w1 - 1]
            ms = [m for m in S.ments if a <= m.start and m.end <= b]
            if ms:
                self.parse(a, b, ms, sidx, para)

    # --- pre-passes -----------------------------------------------------------------------

    def _possessives(self, S: Sentence) -> None:
        tk, te, ts = S.tk, S.te, S.ts
        for k, (_i, j) in enumerate(S.mtok):
            if j + 1 < S.n and tk[j] == "'" and tk[j + 1] == "s" and te[j] == ts[j + 1]:
                if ts[j] == te[j - 1]:
                    S.poss_end[k] = j + 2
            elif j < S.n and tk[j] == "'" and ts[j] == te[j - 1] and tk[j - 1].endswith("s"):
                S.poss_end[k] = j + 1

    def _behalf(self, S: Sentence) -> None:
        tk = S.tk
        seg = self.text[S.a : S.b]
        if "behalf" not in seg and " for " not in seg and "(for" not in seg:
            return
        for k in range(1, S.n - 1):
            after_name = tk[k - 1] == "," and (k - 2) in S.in_mention
            if tk[k] == "for" and (tk[k - 1] in ("speaking", "spoke", "speaks", "(") or after_name):
                if k + 1 < S.n and (
                    k + 1 in S.mstart_at or (tk[k + 1] == "the" and k + 2 in S.mstart_at)
                ):
                    j = k + 2 if tk[k + 1] == "the" else k + 1
                    mi = S.mstart_at[j]
                    if self.index.is_group(S.ments[mi].code):
                        self._behalf_target(S, k, k - 1, mi)
                continue
            if tk[k] != "behalf" or tk[k - 1] != "on" or tk[k + 1] != "of":
                continue
            start = k - 1
            if start > 0 and tk[start - 1] in ("speaking", "spoke", "speaks", "acting", "also"):
                start -= 1
            if start > 0 and tk[start - 1] == "(":
                start -= 1
            j = k + 2
            if j < S.n and tk[j] == "the":
                j += 1
            if j < S.n and tk[j] in ("itself", "themselves", "himself", "herself"):
                if j + 1 < S.n and tk[j + 1] in ("and", ","):
                    nxt = j + 2
                    while nxt < S.n and nxt < j + 5 and nxt not in S.mstart_at:
                        nxt += 1
                    if nxt in S.mstart_at:
                        S.coauthor_at.add(nxt)
                continue
            mi = S.mstart_at.get(j)
            if mi is None:
                cand_end = self._candidate_span(S, j)
                if cand_end:
                    self._add_candidate(S, j, cand_end)
                continue
            self._behalf_target(S, k, start, mi)

    def _behalf_target(self, S: Sentence, k: int, start: int, mi: int) -> None:
        tk = S.tk
        S.mflag[mi] = "behalf"
        end = S.mend[mi]
        while end < S.n and tk[end] in ("countries", "states", "member", "members", "group"):
            end += 1
        if start > 0 and tk[start - 1] == "(" and tk[start] != "(":
            start -= 1
        if tk[start] == "(" and end < S.n and tk[end] == ")":
            end += 1
        S.behalf_skip[start] = end
        code = S.ments[mi].code
        if not self.index.is_group(code):
            return
        # the speaker: nearest preceding free mention within 25 tokens
        for sk in range(mi - 1, -1, -1):
            si, _sj = S.mtok[sk]
            if k - si > 25:
                break
            if S.mflag[sk] == "":
                S.behalf[sk] = code
                break

    def _demonyms(self, S: Sentence) -> None:
        """'the Canadian proposal', 'Moscow's draft', 'sided with Tehran': references."""
        codes = self.lex.demonym_codes
        capitals = self.lex.capital_codes
        tk = S.tk
        if _DEMONYM_KEYS.isdisjoint(tk) and _CAPITAL_KEYS.isdisjoint(tk):
            return
        for k in range(S.n):
            t = tk[k]
            if (t not in codes and t not in capitals) or k in S.in_mention:
                continue
            if not S.tw[k][:1].isupper():
                continue
            code = codes.get(t) or capitals[t]
            start = k + 1
            if t in capitals:
                if start + 1 < S.n and tk[start] == "'" and tk[start + 1] == "s":
                    start += 2  # "Moscow's proposal"
                elif (
                    k >= 2
                    and tk[k - 1] == "with"
                    and (tk[k - 2] in W.ALIGN_VERBS or tk[k - 2] in W.AGREE_VERBS)
                ):
                    S.extra_targets.append((k, k + 1, code))  # "sided with Tehran"
                    continue
                else:
                    continue
            for j in range(start, min(S.n, start + 2)):
                if tk[j] in W.TARGET_NOUNS:
                    S.extra_targets.append((k, j + 1, code))
                    break
                if not tk[j].isalpha():
                    break

    def _targets(self, S: Sentence) -> None:
        tk = S.tk
        for k, (_i, j) in enumerate(S.mtok):
            if S.mflag[k]:
                continue
            pe = S.poss_end[k]
            if pe > 0 and pe < S.n and tk[pe] in W.REP_NOUNS:
                S.mend[k] = pe + 1  # "Egypt's delegation": the speaker itself
                continue
            if pe > 0:
                for t in range(pe, min(S.n, pe + 4)):
                    if tk[t] in W.PROPOSAL_NOUNS:
                        S.mflag[k] = "target"
                        S.tnoun_end[k] = t + 1
                        break
                    if not tk[t].isalpha() and tk[t] != "-":
                        break
            elif j < S.n and tk[j] in W.TARGET_NOUNS:
                S.mflag[k] = "target"
                S.tnoun_end[k] = j + 1
            if pe > 0 and S.mflag[k] == "":
                S.mflag[k] = "poss"  # "Russia's invasion": not a side-taker

    # --- lists -----------------------------------------------------------------------------

    def _lists(self, S: Sentence) -> None:
        k = 0
        nm = len(S.ments)
        while k < nm:
            if S.mflag[k] != "":
                k += 1
                continue
            L = self._build_list(S, k)
            S.lists.append(L)
            S.list_at[L.start] = L
            k = max(L.members) + 1 if L.members else k + 1

    def _build_list(self, S: Sentence, k0: int) -> _List:
        tk = S.tk
        members = [k0]
        L = _List(members, S.mtok[k0][0], S.mend[k0])
        j = S.mend[k0]
        while j < S.n:
            j = self._skip_attached(S, j, L)
            k = j
            saw_sep = False
            steps = 0
            while k < S.n and steps < 8:
                t = tk[k]
                if k in S.behalf_skip:
                    k = S.behalf_skip[k]
                    L.end = k
                elif t in (",", "and", "or", "&", "plus", "nor"):
                    saw_sep = True
                    k += 1
                elif t == "as" and tk[k + 1 : k + 3] == ["well", "as"]:
                    k += 3
                    saw_sep = True
                elif t == "the":
                    k += 1
                elif t in ("together", "along", "jointly") and k + 1 < S.n and tk[k + 1] == "with":
                    k += 2
                    saw_sep = True
                else:
                    break
                steps += 1
            mi = S.mstart_at.get(k)
            if mi is not None and S.mflag[mi] == "" and (saw_sep or k == j):
                if k in S.coauthor_at:
                    break
                members.append(mi)
                j = S.mend[mi]
                L.end = j
                continue
            if saw_sep and k < S.n and S.tw[k][:1].isupper() and k not in S.in_mention:
                ce = self._candidate_span(S, k)
                if ce and (ce >= S.n or tk[ce] in _AFTER_CAND or S.mstart_at.get(ce) is not None):
                    L.candidates.append((k, ce))
                    j = ce
                    L.end = j
                    continue
            if saw_sep and k < S.n and tk[k] in W.LIST_END_WORDS:
                L.end = k + 1
                j = k + 1
                if j < S.n and tk[j] == "(":
                    j = self._skip_attached(S, j, L)
            break
        if L.end < S.n and tk[L.end] in ("respectively", "each"):
            L.each = True
        if L.start > 0 and tk[L.start - 1] == "neither":
            L.neg = True
        return L

    def _skip_attached(self, S: Sentence, j: int, L: _List) -> int:
        """After a member: on-behalf phrases, '(UK)', '(in that order)', '(Algeria, ...)'."""
        tk = S.tk
        if self.index.is_group(S.ments[L.members[-1]].code):
            # "the European Union members", "CARICOM countries", "Arab Group member states"
            k = j
            while k < S.n and k - j < 2 and tk[k] in ("members", "member", "states", "countries"):
                k += 1
            if k > j:
                L.end = j = k
        for _ in range(4):
            if j in S.behalf_skip:
                j = S.behalf_skip[j]
                L.end = j
                continue
            if j < S.n and tk[j] == "(":
                close = self._close_paren(S, j, 40)
                if close is None:
                    return j
                inner = [
                    S.mstart_at[t]
                    for t in range(j + 1, close)
                    if t in S.mstart_at and S.mflag[S.mstart_at[t]] == ""
                ]
                last_code = S.ments[L.members[-1]].code
                fresh = [mi for mi in inner if S.ments[mi].code != last_code]
                if fresh:
                    if any(
                        t not in S.in_mention and tk[t] in ("which", "who")
                        for t in range(j + 1, close)
                    ):
                        return j
                    L.members.extend(fresh)
                for mi in inner:
                    if mi not in fresh:
                        S.mflag[mi] = "dup"
                L.end = close + 1
                j = close + 1
                continue
            break
        return j

    def _close_paren(self, S: Sentence, j: int, limit: int) -> int | None:
        depth = 0
        for t in range(j, min(S.n, j + limit)):
            if S.tk[t] == "(":
                depth += 1
            elif S.tk[t] == ")":
                depth -= 1
                if depth == 0:
                    return t
        return None

    def _candidate_span(self, S: Sentence, k: int) -> int | None:
        """End of a capitalised name starting at token k that is not a known actor."""
        tk, tw = S.tk, S.tw
        j = k
        words = 0
        while j < S.n and j - k < 8:
            if j in S.in_mention:
                return None
            w = tw[j]
            if w[:1].isupper() and w.isalnum():
                words += 1
                j += 1
                continue
            if (
                tk[j] in ("of", "the", "and", "de", "da", "du", "del", "-", "'")
                and j + 1 < S.n
                and (tw[j + 1][:1].isupper() or (tk[j] == "of" and tk[j + 1].isdigit()))
                and j + 1 not in S.in_mention
                and words
            ):
                j += 1
                if tk[j].isdigit():  # "Group of 77"
                    j += 1
                continue
            break
        if not words:
            return None
        toks = [tk[t] for t in range(k, j) if tk[t].isalnum()]
        if any(t in _STOP_CAND for t in toks):
            return None
        first = tw[k]
        if len(first) > 1 and not first.isupper() and any(c.isupper() for c in first[1:]):
            return None  # CamelCase brand names
        if first.isupper() and len(first) > 1 and words == 1 and not first.isalpha():
            return None
        if all(t.isdigit() for t in toks):
            return None
        return j

    def _add_candidate(self, S: Sentence, i: int, j: int) -> None:
        a, b = S.ts[i], S.te[j - 1]
        self.candidates.append(Candidate(self.text[a:b], a, b))

    # --- roles -----------------------------------------------------------------------------

    def _backscan(self, S: Sentence, start: int) -> tuple[str, str | None]:
        tk = S.tk
        k = start - 1
        steps = 0
        comma = False
        while k >= 0 and steps < 16:
            t = tk[k]
            if t == ",":
                comma = True
            if t == "of" and k > 0 and tk[k - 1] in W.OF_QUANT:
                k -= 2
                steps += 2
                continue
            if t in W.FILLERS or (t.endswith("ly") and len(t) > 4 and t not in W.LY_NOT_ADVERBS):
                k -= 1
                steps += 1
                continue
            if k in S.in_mention and S.mflag[S.in_mention[k]] in ("dup", "behalf"):
                k -= 1
                steps += 1
                continue
            # an unknown first item of the list: "supported by Freedonia, Chile and Peru"
            if (
                S.tw[k][:1].isupper()
                and k not in S.in_mention
                and k + 1 < S.n
                and tk[k + 1] in (",", "and")
            ):
                b = k
                while (
                    b > 0 and k - b < 6 and S.tw[b - 1][:1].isupper() and b - 1 not in S.in_mention
                ):
                    b -= 1
                if b > 0 and tk[b - 1] in _BEFORE_CAND and b - 1 not in S.in_mention:
                    k = b - 1
                    steps += 1
                    continue
            break
        if k < 0:
            return "SUBJ", None
        t = tk[k]
        if k + 1 < start and tk[k + 1] == ":":
            label = self._cue_before(S, k + 1)
            if label in (W.SUP, W.OPP, W.NEU):
                return "LABEL", label
        if t == "by":
            return self._passive_by(S, k)
        if t == "from":
            p = k - 1
            while p >= 0 and tk[p] in ("including", ",", "notably", "especially", "particularly"):
                p -= 1  # "broad support, including from"
            if p >= 0 and tk[p] in ("came", "come", "comes", "coming"):
                p -= 1  # "support came from", "suggestions came from"
            while p >= 0 and tk[p] in W.FROM_ADJ:
                p -= 1
            if p >= 0 and tk[p] in W.FROM_NOUNS:
                return "PASS", W.FROM_NOUNS[tk[p]]
            if p >= 0 and tk[p] in W.LIGHT_NOUNS:
                return "PASS", W.LIGHT_NOUNS[tk[p]]
            return "NONE", None
        if t == "of":
            p = tk[k - 1] if k > 0 else ""
            if p in W.OF_NOUNS:
                return "PASS", W.OF_NOUNS[p]
            if p in W.SPEAKER_NOUNS:
                return "SUBJ", None  # "the representative of Egypt said ..."
            return "NONE", None
        if t == "with":
            p = tk[k - 1] if k > 0 else ""
            if (
                p in W.ALIGN_VERBS
                or p in W.AGREE_VERBS
                or p
                in (
                    "line",
                    "agreement",
                    "concurred",
                    "itself",
                    "themselves",
                    "solidarity",
                    "forces",
                )
            ):
                return "TARGET", None
            if p in ("together", "along", "jointly"):
                return "COAUTH", None
            if p == "," and k >= 2 and (k - 2) in S.in_mention:
                return "COAUTH", None
            return "SUBJ", None
        if t in W.INCLUDED_CUES:
            return "INCL", None
        if t == "which":
            return "REL", None
        if t == "that":
            p = tk[k - 1] if k > 0 else ""
            return ("REL", None) if p in W.PROPOSAL_NOUNS else ("SUBJ", None)
        if t in W.NOUN_CUES:
            return "PASS", W.NOUN_CUES[t]
        if t in W.SUBJECT_CUES or not t.isalnum():
            return "SUBJ", None
        if t == "for" and k > 0 and tk[k - 1] in W.SPEAKER_NOUNS:
            return "SUBJ", None  # "the speaker for Japan"
        if t in W.PREPOSITIONS and not comma:
            return "NONE", None
        if k in S.in_mention or comma:
            return "SUBJ", None  # a new clause after a comma: the list is its subject
        if t in W.VERBS or t in W.ALIGN_VERBS:
            return "TARGET", None
        if t.endswith("ed") and len(t) > 3:
            return "NONE", None
        return "SUBJ", None

    def _passive_by(self, S: Sentence, k: int) -> tuple[str, str | None]:
        tk = S.tk
        p = k - 1
        while p >= 0 and (
            tk[p] in W.AUX
            or tk[p] in ("was", "were", "been", "being", "be", "is", "are")
            or (tk[p].endswith("ly") and len(tk[p]) > 4 and tk[p] not in W.LY_NOT_ADVERBS)
        ):
            p -= 1
        if p < 0:
            return "NONE", None
        w = tk[p]
        last = S.last_passive or W.SUP
        if w == "not":
            q = tk[p - 1] if p > 0 else ""
            if q in ("but", "and", ","):
                return "PASS", _flip(last)
            return "PASS", W.OPP
        if w in ("and", ",", "or"):
            return "PASS", last
        if w in W.PASSIVE:
            cls = W.PASSIVE[w]
            q = p - 1
            while q >= 0 and (tk[q] in W.AUX or tk[q] in ("was", "were", "been", "be")):
                if tk[q] in ("was", "were", "been", "be", "is", "are"):
                    q -= 1
                    continue
                q -= 1
            if q >= 0 and tk[q] == "not":
                flipped = _flip(cls)
                if flipped is None:
                    return "NONE", None
                cls = flipped
            return "PASS", cls
        if w in ("response", "reaction", "reception", "responses", "reactions"):
            if any(tk[x] in W.NEUTRAL_RESPONSE for x in range(max(0, p - 3), p)):
                return "PASS", W.NEU
            return "NONE", None
        # "new proposals relating to ... by Pakistan and India"
        for q in range(p, max(-1, p - 25), -1):
            if tk[q] == ";":
                break
            if tk[q] in (
                "proposal",
                "proposals",
                "suggestion",
                "suggestions",
                "amendment",
                "amendments",
                "submission",
                "submissions",
                "initiative",
            ):
                return "PASS", W.PROP
        return "NONE", None

    # --- verb phrases ----------------------------------------------------------------------

    def _onset(
        self, S: Sentence, j: int, limit: int, owner: _List | None = None
    ) -> tuple[int, bool, bool]:
        """Skip auxiliaries, adverbs, interjections; return (index, negated, each)."""
        tk = S.tk
        neg = each = False
        steps = 0
        if j < limit and tk[j] in W.REP_NOUNS:
            j += 1  # "the United States delegation said"
        while j < limit and steps < 18:
            steps += 1
            t = tk[j]
            behalf_self = tk[j + 1 : j + 3] == ["on", "behalf"] if t == "," else False
            if t == "," and j + 1 < limit and (tk[j + 1] in W.PARENTHETICAL_START or behalf_self):
                close = None
                for k in range(j + 2, min(limit, j + 60)):
                    if tk[k] in (",", ";"):
                        close = k
                        if (
                            k + 1 < limit
                            and k + 1 not in S.mstart_at
                            and tk[k + 1] not in ("and", "or", "the")
                        ):
                            break
                if close is not None and tk[close] == ",":
                    if owner is not None:
                        flip = tk[j + 1] == "opposed"
                        for t in range(j + 2, close):
                            if t in S.list_at:
                                S.inherit[t] = (owner, flip)
                    j = close + 1
                    continue
            if t == ",":
                k = j + 1
                ok = k < limit and S.tw[k][:1].islower() and not _verbish(tk[k])
                while ok and k < limit and k - j <= 9 and tk[k] != ",":
                    if k in S.in_mention or tk[k] in (";", ".", "(", ")"):
                        ok = False
                    k += 1
                if ok and k < limit and tk[k] == "," and k > j + 1:
                    j = k + 1
                else:
                    j += 1
                continue
            if t == "(":
                close = self._close_paren(S, j, 24)
                if close is None:
                    return limit, neg, each
                j = close + 1
                continue
            if t in (")", "'", ":") or (t == "t" and j > 0 and tk[j - 1] == "'"):
                j += 1
                continue
            if t in W.NEG:
                neg = True
                j += 1
                continue
            if t in ("each", "respectively"):
                each = True
                j += 1
                continue
            adv = _adverbial(tk, j)
            if adv:
                j += adv
                continue
            if t in W.AUX or (t.endswith("ly") and len(t) > 4 and t not in W.LY_NOT_ADVERBS):
                j += 1
                continue
            break
        return j, neg, each

    def _verb(self, S: Sentence, j: int, limit: int, depth: int = 0) -> tuple[str, int] | None:
        """Class of the verb phrase starting at token j, and the token after it."""
        tk = S.tk
        if j >= limit:
            return None
        t = tk[j]
        if t in W.TIME_REQUEST and not W.NO_STANCE_OBJECTS.isdisjoint(tk[j + 1 : j + 4]):
            return None  # "asked for clarification"
        for toks, cls in W.PHRASES.get(t, ()):
            if tuple(tk[j : j + len(toks)]) == toks:
                return cls, j + len(toks)
        speech = t in W.SPEECH and depth == 0 and j + 2 < limit
        if speech and tk[j + 1] == "that" and tk[j + 2] in W.PRONOUN_SUBJECTS:
            subj = j + 3
        elif speech and tk[j + 1] in W.PRONOUN_SUBJECTS:
            subj = j + 2  # "said it could accept"
        else:
            subj = 0
        if subj:
            k, neg, _each = self._onset(S, subj, limit)
            inner = self._verb(S, k, limit, depth + 1)
            if inner and inner[0] in (W.SUP, W.OPP, W.NEU, W.ALIGN):
                cls = _flip(inner[0]) if neg else inner[0]
                if cls:
                    return cls, inner[1]
        if t in W.TIME_REQUEST and "time" in tk[j + 1 : j + 4]:
            return W.NEU, j + 1
        if t in W.FIND_VERBS:
            for k in range(j + 1, min(limit, j + 8)):
                if tk[k] in W.NEG_ADJ:
                    return W.OPP, j + 1
                if tk[k] in W.POS_ADJ:
                    return W.SUP, j + 1
                if tk[k] in W.CLAUSE_END:
                    break
        if t in W.ALIGN_VERBS:
            k = j + 1
            if k < limit and tk[k] in ("itself", "themselves", "himself", "herself"):
                k += 1
            if k < limit and tk[k] == "with":
                return W.ALIGN, k + 1
            return W.SUP, j + 1
        if t in W.AGREE_VERBS:
            if j + 1 < limit and tk[j + 1] == "with":
                return W.ALIGN, j + 2
            return W.SUP, j + 1
        if t in ("recalled", "recall", "recalls", "reiterated", "reiterate", "reiterates"):
            for k in range(j + 1, min(limit, j + 4)):
                if tk[k] in W.LIGHT_NOUNS or tk[k] in ("position", "proposal"):
                    return W.PROP, j + 1
            return W.STMT, j + 1
        if t in W.LIGHT_VERBS:
            for k in range(j + 1, min(limit, j + 6)):
                if tk[k] in W.LIGHT_NOUNS:
                    return W.LIGHT_NOUNS[tk[k]], k + 1
                if tk[k] in W.CLAUSE_END or k in S.mstart_at:
                    break
            if t in W.VERBS:
                return W.VERBS[t], j + 1
            return None
        if t in W.VERBS:
            return W.VERBS[t], j + 1
        if t in W.PRED_START:
            for k in range(j + 1, min(limit, j + 5)):
                if tk[k] in W.PRED_NOUNS:
                    return W.PRED_NOUNS[tk[k]], k + 1
        if depth == 0:
            for k in range(j + 1, min(limit, j + 5)):
                if tk[k] == "by" and k + 1 < limit and tk[k + 1].endswith("ing"):
                    return self._verb(S, k + 1, limit, depth + 1)
                if tk[k] in W.CLAUSE_END:
                    break
        return None

    def _object_end(self, S: Sentence, j: int, limit: int) -> int:
        tk = S.tk
        k = j
        while k < limit and k - j < 45:
            t = tk[k]
            if t == "(":
                close = self._close_paren(S, k, 12)
                if close is not None and not any(x in S.mstart_at for x in range(k, close)):
                    k = close + 1
                    continue
                break
            if t in W.CLAUSE_END:
                break
            if k in S.list_at and k != j:
                break
            if t == "and" and k + 1 < limit and (tk[k + 1] in W.VERBS or tk[k + 1] in W.PHRASES):
                break
            k += 1
        return k

    # --- events ----------------------------------------------------------------------------

    def _new_event(
        self, S: Sentence, proposer: str | None, option: str, contrast: bool = False
    ) -> Ev:
        issue = None
        if self.art_key and (self.art_para in (-2, S.para) or 0 <= S.idx - self.art_sent <= 2):
            issue = self.art_key
        prev = S.focus[-1] if S.focus else (self.cur[-1] if self._cur_ok(S, 3) else None)
        same_kind = prev is not None and _last_word(prev.option) == _last_word(option) != ""
        if issue is None and prev is not None and (contrast or same_kind):
            issue = prev.issue
        if issue is None:
            slug = _slug(option, 4) or "unspecified"
            issue = f"{self.heading_slug}-{slug}" if self.heading_slug else slug
        option = option.strip(" ,;:") or S.text_of(self.text, 0, S.n)
        ev = Ev(
            proposer,
            option[:240],
            issue[:120],
            self.section,
            self.session,
            self.date,
            S.idx,
            S.para,
        )
        ev.spans.append((S.a, S.b))
        self.events.append(ev)
        return ev

    def _touch(self, S: Sentence, evs: list[Ev]) -> None:
        for ev in evs:
            if not ev.spans or ev.spans[-1] != (S.a, S.b):
                ev.spans.append((S.a, S.b))
            if ev not in S.touched:
                S.touched.append(ev)
        S.focus = evs

    def _attach(self, S: Sentence, evs: list[Ev], members: list[int], stance: str) -> None:
        for ev in evs:
            for mi in members:
                code = S.ments[mi].code
                ev.add(code, stance)
                if mi in S.behalf and (code == ev.proposer or code in ev.sides):
                    ev.behalf[code] = S.behalf[mi]
        self._touch(S, evs)

    def _cur_ok(self, S: Sentence, age: int) -> bool:
        return (
            self.cur is not None
            and self.cur_section == self.section
            and S.idx - self.cur_sent <= age
        )

    def _find_event(self, S: Sentence, code: str) -> Ev | None:
        events = self.events
        for i in range(len(events) - 1, max(-1, len(events) - 301), -1):
            ev = events[i]
            if ev.section != self.section:
                break
            if ev.proposer == code:
                return ev
        return None

    def _author(
        self,
        S: Sentence,
        L: _List,
        cls: str,
        option: str,
        contrast: bool,
        draft_object: bool,
        obj: tuple[int, int] = (0, 0),
    ) -> list[Ev]:
        """A new event (or one per actor) whose side is taken by the list itself."""
        evs = self._author_events(S, L, cls, option, contrast, draft_object)
        for ev in evs:
            S.obj_range[id(ev)] = obj
        return evs

    def _author_events(
        self, S: Sentence, L: _List, cls: str, option: str, contrast: bool, draft_object: bool
    ) -> list[Ev]:
        members = L.members
        if cls == W.NEU:
            ev = self._new_event(S, None, option, contrast)
            self._attach(S, [ev], members, "neutral")
            return [ev]
        if L.each and len(members) > 1:
            evs = []
            for mi in members:
                ev = self._new_event(S, S.ments[mi].code, option, contrast)
                if mi in S.behalf:
                    ev.behalf[ev.proposer] = S.behalf[mi]  # type: ignore[index]
                evs.append(ev)
            self._touch(S, evs)
            return evs
        if len(set(S.ments[mi].code for mi in members)) == 1:
            ev = self._new_event(S, S.ments[members[0]].code, option, contrast)
            if members[0] in S.behalf:
                ev.behalf[ev.proposer] = S.behalf[members[0]]  # type: ignore[index]
            self._touch(S, [ev])
            return [ev]
        ev = self._new_event(S, None, option, contrast)
        stance = "oppose" if cls == W.OPP and draft_object else "support"
        self._attach(S, [ev], members, stance)
        return [ev]

    def _np_end(self, S: Sentence, j: int) -> int:
        end = self._object_end(S, j, S.n)
        for q in range(j, end):
            if S.tk[q] in ("was", "were", "is", "are", "has", "had", "have", "would", "will"):
                return q
        return end

    def _reference(self, S: Sentence, code: str, after: int, start: int | None = None) -> None:
        """'Russia's proposal to ...': the focus becomes that actor's (possibly new) event."""
        ev = self._find_event(S, code)
        if ev is None:
            end = self._np_end(S, after)
            if after < S.n and S.tk[after] not in ("to", "on", "for", "regarding", "that", "of"):
                end = after
            first = start if start is not None else max(0, after - 3)
            option = S.text_of(self.text, first, end) or S.text_of(self.text, 0, S.n)
            ev = self._new_event(S, code, option)
            ev.latent = True
        self._touch(S, [ev])

    def _after_noun(self, S: Sentence, k: int) -> int:
        e = S.tnoun_end[k]
        return e if e > 0 else S.mend[k]

    def _contrast(self, S: Sentence, start: int) -> bool:
        tk = S.tk
        for k in range(start - 1, max(-1, start - 40), -1):
            if tk[k] in W.CONTRAST and (start - k <= 12 or k == 0):
                return True
            if tk[k] == ";":
                break
        return False

    def _subject_start(self, S: Sentence) -> int:
        """Index of the main clause's first token (after 'On Tuesday,', 'However,' ...)."""
        tk = S.tk
        i = 1 if tk and tk[0] in ("\u2022", "-", "*", "\u00b7") else 0
        if i < S.n and tk[i] in W.INTRO_STARTERS:
            for k in range(i + 1, min(S.n, i + 18)):
                if tk[k] == ",":
                    return k + 1
        return i

    def _subject_anaphor(self, S: Sentence) -> bool:
        tk = S.tk
        connective = bool(tk) and tk[0] in W.CONNECTIVES
        i = self._subject_start(S)
        if i >= S.n:
            return False
        t = tk[i]
        if t in W.SUBJECT_ANAPHORS:
            return True
        if t == "the" and i + 1 < S.n and tk[i + 1] in W.ANAPHOR_ADJ:
            return True
        return connective and (
            t in W.PROPOSAL_NOUNS or (i + 1 < S.n and tk[i + 1] in W.PROPOSAL_NOUNS)
        )

    def _new_clause(self, S: Sentence, start: int) -> bool:
        """'..., whereas option 2 was preferred by X': a passive with a subject of its own."""
        tk = S.tk
        for c in range(start - 1, max(-1, start - 16), -1):
            if c in S.in_mention:
                return False
            if tk[c] in ("whereas", "while", ";"):
                between = tk[c + 1 : start]
                if between and between[0] in ("which", "this", "it", "that", "these", "they"):
                    return False
                return any(t in W.BE for t in between) and len(between) >= 4
        return False

    def _passive_anaphor(self, S: Sentence, upto: int) -> bool:
        tk = S.tk
        for k in range(upto - 1, max(-1, upto - 9), -1):
            t = tk[k]
            if t in (";",):
                break
            if t in ("this", "these", "it", "such"):
                return True
            if t == "the" and k + 1 < S.n and tk[k + 1] in W.ANAPHOR_ADJ:
                return True
        return S.subj_anaphor

    def _targets_in(self, S: Sentence, j: int, end: int, cls: str) -> list[str]:
        """Codes whose proposal the object refers to."""
        out = []
        bare_ok = cls in (W.SUP, W.OPP, W.ALIGN)
        for k in range(j, min(S.n, end + 1, j + 12)):
            mi = S.mstart_at.get(k)
            if mi is not None:
                flag = S.mflag[mi]
                by_noun = k >= 2 and S.tk[k - 1] in ("by", "of") and S.tk[k - 2] in W.TARGET_NOUNS
                bare = bare_ok and all(t in ("the", "with") for t in S.tk[j:k])
                if flag == "target" or (flag == "" and (by_noun or bare)):
                    out.append(S.ments[mi].code)
                    S.mflag[mi] = "used"
                    L = S.list_at.get(k)
                    if L is not None:
                        for x in L.members:
                            code = S.ments[x].code
                            if code not in out:
                                out.append(code)
                            S.mflag[x] = "used"
                        L.role = "TARGET"
                    continue
            for i2, j2, code in list(S.extra_targets):
                if i2 == k:
                    out.append(code)
                    S.extra_targets.remove((i2, j2, code))
        return out

    def _bare_action(self, S: Sentence, j: int, end: int) -> bool:
        """An object that is only an action noun: 'deletion', 'retention', 'its inclusion'."""
        toks = S.tk[j:end]
        if toks and toks[0] in ("its", "their"):
            toks = toks[1:]
        if len(toks) != 1 or not toks[0].isalpha():
            return False
        return toks[0].endswith(_ACTION_ENDINGS) and S.tw[j + len(S.tk[j:end]) - 1].islower()

    def _anaphoric_object(self, S: Sentence, j: int, end: int) -> bool:
        tk = S.tk
        if j >= end:
            return False
        t = tk[j]
        if t in ("with", "to", "on", "of", "for", "about", "over", "regarding") and j + 1 < end:
            j += 1
            t = tk[j]
        if t in ("it", "them", "this", "these", "such"):
            return True
        if t == "that" and (j + 1 >= end or tk[j + 1] in W.PROPOSAL_NOUNS):
            return True
        if t == "the" and j + 1 < end:
            nxt = tk[j + 1]
            if nxt in W.ANAPHOR_ADJ:
                return True
            if nxt in W.ANAPHORIC_NOUNS and (j + 2 >= end or tk[j + 2] in W.CLAUSE_END):
                return True
        return False

    def _do_list(self, S: Sentence, L: _List) -> None:
        if L.role == "TARGET" or any(S.mflag[mi] == "used" for mi in L.members):
            return
        role, cls = self._backscan(S, L.start)
        if L.start in S.coauthor_at:
            role = "COAUTH"
        if L.start in S.inherit:
            owner, flip = S.inherit[L.start]
            if owner.events and owner.stance in ("support", "oppose"):
                stance = owner.stance
                if flip:
                    stance = "oppose" if stance == "support" else "support"
                L.role = "INHERIT"
                self._note_candidates(S, L)
                self._attach(S, owner.events, L.members, stance)
                return
        L.role = role
        if role in ("NONE", "TARGET"):
            return
        self._note_candidates(S, L)
        if role in ("PASS", "LABEL"):
            self._passive(S, L, cls or W.SUP, label=(role == "LABEL"))
        elif role == "COAUTH":
            if S.focus:
                self._attach(S, S.focus, L.members, "support")
        elif role == "INCL":
            self._included(S, L)
        else:
            self._subject(S, L, relative=(role == "REL"))

    def _note_candidates(self, S: Sentence, L: _List) -> None:
        for i, j in L.candidates:
            self._add_candidate(S, i, j)
        # an unknown first item: "supported by Fooland, Iran and Syria"
        s = L.start
        if s >= 2 and S.tk[s - 1] in (",", "and"):
            e = s - 1
            b = e
            while b > 0 and e - b < 7:
                prev = S.tk[b - 1]
                if prev == "the":
                    break
                if (
                    (
                        S.tw[b - 1][:1].isupper()
                        or (prev.isdigit() and b >= 2 and S.tk[b - 2] == "of")
                    )
                    and b - 1 not in S.in_mention
                    or (
                        prev in ("of", "and")
                        and b >= 2
                        and (S.tw[b - 2][:1].isupper() or S.tk[b - 2].isdigit())
                    )
                ):
                    b -= 1
                else:
                    break
            opener = b == 0 or (b == 1 and S.tk[0] == "the")
            if b < e and (opener or (S.tk[b - 1] in _BEFORE_CAND and b - 1 not in S.in_mention)):
                end = self._candidate_span(S, b)
                if end == e:
                    self._add_candidate(S, b, e)

    def _passive(self, S: Sentence, L: _List, cls: str, label: bool = False) -> None:
        S.last_passive = cls if cls in (W.SUP, W.OPP) else S.last_passive
        members = L.members
        if cls == W.PROP:
            # "Chile supported the amendment tabled by Mexico": Mexico is that event's proposer
            if S.focus and len(members) == 1:
                ev = S.focus[-1]
                lo, hi = S.obj_range.get(id(ev), (0, 0))
                if ev.proposer is None and lo <= L.start <= hi:
                    code = S.ments[members[0]].code
                    ev.sides.pop(code, None)
                    ev.proposer = code
                    self._touch(S, [ev])
                    return
            option = self._clause_text(S, L.start)
            if L.end < S.n and S.tk[L.end] in ("to", "on", "for", "regarding", "that", "of"):
                stop = self._np_end(S, L.end + 1)
                more = S.text_of(self.text, L.end, stop)
                option = f"{option} {more}".strip()
            codes = {S.ments[mi].code for mi in members}
            if len(codes) == 1:
                recent = self._find_event(S, S.ments[members[0]].code)
                if recent is not None and S.idx - recent.sent <= 3:
                    recent.latent = False
                    self._touch(S, [recent])
                    return
            if L.each and len(members) > 1:
                evs = [self._new_event(S, S.ments[mi].code, option) for mi in members]
                self._touch(S, evs)
                return
            ev = self._new_event(S, S.ments[members[0]].code, option)
            if members[0] in S.behalf:
                ev.behalf[ev.proposer] = S.behalf[members[0]]  # type: ignore[index]
            self._attach(S, [ev], members[1:], "support")
            return
        stance = {W.SUP: "support", W.OPP: "oppose", W.NEU: "neutral"}.get(cls, "support")
        targets: list[Ev] | None = None
        both = any(S.tk[k] in W.BOTH_OF_WHICH for k in range(max(0, L.start - 8), L.start)) and (
            "which" in S.tk[max(0, L.start - 8) : L.start]
        )
        if both and S.touched:
            targets = list(S.touched)
        elif S.focus and not self._new_clause(S, L.start):
            targets = S.focus
        elif self._passive_anaphor(S, L.start) and self._cur_ok(S, 3):
            targets = self.cur
        elif label and self._bare_label(S, L.start) and self._cur_ok(S, 1):
            targets = self.cur  # "In favour: A, B. Against: C."
        if targets is None and not S.focus:
            # "Support came from Chile for the Mexican proposal"
            for k in range(L.end, min(S.n, L.end + 4)):
                mi = S.mstart_at.get(k)
                if mi is not None and S.mflag[mi] == "target":
                    S.mflag[mi] = "used"
                    self._reference(S, S.ments[mi].code, self._after_noun(S, mi), k)
                    targets = S.focus
                    break
                hit = next((x for x in S.extra_targets if x[0] == k), None)
                if hit is not None:
                    S.extra_targets.remove(hit)
                    self._reference(S, hit[2], hit[1], k)
                    targets = S.focus
                    break
        if cls == W.STMT and targets is None:
            self._author(S, L, W.STMT, self._clause_text(S, L.start), False, False)
            return
        if targets is None and stance in ("support", "oppose") and self._clause_initial(S, L):
            S.pending.append((list(members), stance))
            return
        if targets is None and stance in ("support", "oppose") and self._split_subject(S, L):
            S.pending.append((list(L.members), stance))
            return
        if targets is None:
            contrast = S.focus is not None
            ev = self._new_event(S, None, self._clause_text(S, L.start), contrast)
            targets = [ev]
        self._attach(S, targets, members, stance)

    def _split_subject(self, S: Sentence, L: _List) -> bool:
        """'Supported by A and B, C proposed ...': the last name, after a comma, is a subject."""
        tk = S.tk
        if len(L.members) < 2 or not tk or tk[0] not in W.PASSIVE:
            return False
        last = L.members[-1]
        gap = tk[S.mend[L.members[-2]] : S.mtok[last][0]]
        if gap != [","]:
            return False
        j, _neg, _each = self._onset(S, L.end, S.n)
        if self._verb(S, j, S.n) is None:
            return False
        L.members.pop()
        sub = _List([last], S.mtok[last][0], L.end)
        S.lists.append(sub)
        S.list_at[sub.start] = sub
        S.deferred.append(sub)
        return True

    def _bare_label(self, S: Sentence, start: int) -> bool:
        """A label with no topic of its own ('Against:', 'supported it:')."""
        tk = S.tk
        colon = start - 1
        while colon > 0 and tk[colon] != ":":
            colon -= 1
        before = tk[max(0, colon - 8) : colon]
        if any(t in ("it", "this", "them", "these") for t in before):
            return True
        return colon - self._subject_start(S) <= 3

    def _clause_initial(self, S: Sentence, L: _List) -> bool:
        """'Supported by X, Y proposed ...': the passive opens the sentence, a subject follows."""
        tk = S.tk
        if L.start > 8 or not tk or tk[0] not in W.PASSIVE and tk[0] not in ("with", "in"):
            return False
        return any(other.start >= L.end for other in S.lists)

    def _included(self, S: Sentence, L: _List) -> None:
        tk = S.tk
        stance = None
        for k in range(max(0, L.start - 30), L.start):
            t = tk[k]
            if t == ";":
                stance = None
            elif t in ("favour", "favor", "supporting", "supporters", "proponents", "support"):
                stance = "support"
            elif t in ("against", "opposing", "opponents", "opposed", "critics"):
                stance = "oppose"
        if stance is None:
            return
        ev = self._new_event(S, None, self._clause_text(S, L.start), contrast=True)
        self._attach(S, [ev], L.members, stance)

    def _clause_text(self, S: Sentence, upto: int) -> str:
        tk = S.tk
        k = upto - 1
        while k > 0 and tk[k] not in (";", "whereas", "while", ":") and upto - k < 40:
            k -= 1
        start = k + 1 if tk[k] in (";", "whereas", "while", ":") else k
        # drop the cue words right before the list ("was supported by")
        end = upto
        while end > start and (
            tk[end - 1] in W.FILLERS
            or tk[end - 1] in W.PASSIVE
            or tk[end - 1] in ("by", "from", "was", "were", "been")
        ):
            end -= 1
        return S.text_of(self.text, start, end)

    def _subject(self, S: Sentence, L: _List, relative: bool) -> None:
        limit = S.n
        j, neg, each = self._onset(S, L.end, limit, owner=L)
        if each:
            L.each = True
        tk = S.tk
        # "Russia was joined by China": the by-list sides with Russia's position
        if (
            j < limit
            and tk[j] in W.PASSIVE
            and any(t in W.BE for t in tk[L.end : j])
            and j + 1 < limit
            and tk[j + 1] == "by"
        ):
            for mi in L.members:
                self._reference(S, S.ments[mi].code, j)
            return
        # "China did likewise": the side of the previous speaker
        for phrase in W.SAME_PHRASES:
            n = len(phrase)
            j0 = L.end + 1 if L.end < limit and tk[L.end] in ("also", "then", ",") else L.end
            ends = j0 + n >= limit or tk[j0 + n] in W.CLAUSE_END
            same = tuple(tk[j0 : j0 + n]) == phrase and ends
            if same and self.last_subject and self._cur_ok(S, 2):
                evs, stance = self.last_subject
                self._attach(S, evs, L.members, stance)
                L.events, L.stance = evs, stance
                return
        hit = self._verb(S, j, limit)
        if hit is None:
            self._colon_member(S, L)
            return
        cls, vend = hit
        if L.neg:
            neg = not neg
        if neg:
            cls = _flip(cls)
            if cls is None:
                return
        created = self._assert(S, L, cls, vend, relative)
        L.events = S.focus
        self.last_subject = None
        L.stance = {W.OPP: "oppose", W.NEU: "neutral"}.get(cls, "support")
        if created and cls == W.OPP and S.focus and len(L.members) == 1:
            L.stance = "support"  # a single author of a negative position is its proposer
        elif created and cls == W.OPP and S.focus:
            ev = S.focus[-1]
            code = S.ments[L.members[0]].code
            L.stance = ev.sides.get(code, "support")
        if L.events and L.stance:
            self.last_subject = (L.events, L.stance)
        if S.pending and S.focus:
            for members, stance in S.pending:
                self._attach(S, S.focus, members, stance)
            S.pending = []
        # a coordinated second verb: "requested more time ... and suggested removing ..."
        oend = self._object_end(S, vend, limit)
        k = oend
        if not created and k < limit and S.tk[k] in ("and", "but"):
            j2, neg2, _e = self._onset(S, k + 1, limit)
            hit2 = self._verb(S, j2, limit)
            if hit2 and hit2[0] in (W.PROP, W.STMT) and not neg2:
                self._assert(S, L, hit2[0], hit2[1], False, force_new=True)

    def _assert(
        self, S: Sentence, L: _List, cls: str, vend: int, relative: bool, force_new: bool = False
    ) -> bool:
        """Apply one verb phrase of a subject list; True if it made a new event."""
        limit = S.n
        oend = self._object_end(S, vend, limit)
        option = S.text_of(self.text, vend, oend)
        stance = {W.OPP: "oppose", W.NEU: "neutral"}.get(cls, "support")
        if relative and S.focus and not force_new:
            self._attach(S, S.focus, L.members, stance)
            return False
        targets = [] if force_new else self._targets_in(S, vend, oend, cls)
        if oend in S.list_at and oend > vend and S.tk[oend - 1] in ("by", "of", "from"):
            # "the proposal made by Brazil on the preamble": the option continues after the name
            option = S.text_of(self.text, vend, self._np_end(S, S.list_at[oend].end))
        if targets:
            evs = []
            for code in targets:
                ev = self._find_event(S, code)
                if ev is None:
                    ev = self._new_event(S, code, option)
                evs.append(ev)
            self._attach(S, evs, L.members, stance)
            return False
        if not force_new:
            anaphoric = self._anaphoric_object(S, vend, oend)
            if not anaphoric and cls in (W.SUP, W.OPP) and self._bare_action(S, vend, oend):
                # "Russia and China supported retention." right after a proposal
                anaphoric = S.focus is not None or (
                    self._cur_ok(S, 1) and self.cur is not None and self.cur[-1].para == S.para
                )
            if cls == W.NEU and not anaphoric:
                window = S.tk[vend : min(oend, vend + 10)]
                anaphoric = any(
                    w in ("this", "these", "it", "proposal", "proposals") for w in window
                )
            empty = oend <= vend and cls in (W.SUP, W.OPP, W.ALIGN)
            in_sentence = S.focus is not None and S.focus[-1].sent == S.idx
            if (
                anaphoric
                or empty
                or (cls == W.NEU)
                or (cls == W.OPP and in_sentence and oend - vend <= 3)
            ):
                if S.focus:
                    self._attach(S, S.focus, L.members, stance)
                    return False
                own_topic = not anaphoric and L.start > self._subject_start(S) + 2
                if self._cur_ok(S, 3 if anaphoric else 2) and not own_topic:
                    self._attach(S, self.cur, L.members, stance)  # type: ignore[arg-type]
                    return False
                if own_topic and len(option.split()) <= 1:
                    option = self._clause_text(S, L.start)
        draft = any(t in W.DRAFT_WORDS for t in S.tk[vend : min(oend, vend + 6)])
        contrast = self._contrast(S, L.start)
        self._author(
            S, L, cls, option or S.text_of(self.text, L.start, oend), contrast, draft, (vend, oend)
        )
        return True


def _verbish(t: str) -> bool:
    return t in W.VERBS or t in W.PHRASES or t in W.LIGHT_VERBS or t in W.AUX or t in W.NEG


def _flip(cls: str | None) -> str | None:
    if cls in (W.SUP, W.ALIGN):
        return W.OPP
    if cls == W.OPP:
        return W.SUP
    return None


def _adverbial(tk: list[str], j: int) -> int:
    if tk[j] not in _ADV_FIRST:
        return 0
    for phrase in W.ADVERBIALS:
        n = len(phrase)
        if tk[j] == phrase[0] and tuple(tk[j : j + n]) == phrase:
            return n
    return 0


def _last_word(text: str) -> str:
    words = re.findall(r"[a-z]+", text.lower()[-60:])
    w = words[-1] if words else ""
    return w if len(w) > 4 else ""


def candidate_names(parser: Parser) -> list[Candidate]:
    seen = set()
    out = []
    for c in parser.candidates:
        key = (c.start, c.end)
        if key in seen:
            continue
        seen.add(key)
        if normalize(c.name) in ("", "the"):
            continue
        out.append(c)
    return out
