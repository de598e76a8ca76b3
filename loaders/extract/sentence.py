"""Phase (a/b) data: the tokens of one sentence with its actor mentions mapped onto them.

`Sentence` holds the tokens (words and punctuation over the folded sentence), the mentions and
the per-sentence parse state shared by the later phases (lists.py, roles.py, verbs.py,
events.py). `ActorList` is one list of actors ("Chile, Peru and Mexico") found by lists.py.
Small token helpers used by several phases live here too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate

from loaders.extract import words as W
from loaders.extract.mentions import Mention
from loaders.extract.text import fold

# a document symbol's part ("L.23", "Rev.1": one token, its full stop ends no clause), a dotted
# acronym ("U.S.", two letter-dot pairs or more), a run of letters/digits, or one other
# non-space character; the acronym is spelt out as "A.B.(A.)*" rather than "(?:A.){2,}" so
# that most words fail it on the second character without entering a repeat
_TOKEN = re.compile(r"[A-Z][a-z]{0,2}\.\d+\b|[A-Za-z]\.[A-Za-z]\.(?:[A-Za-z]\.)*|[^\W_]+|[^\w\s]")
_PRINCIPLE = re.compile(r"^(?:the )?(?:full )?(?:respect for|principles? of)\b")
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
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
    # the option is what its first side-taker spoke against ("Iran opposed the inclusion of
    # X": option X, IRN oppose); those who back that side later ("supported by") oppose too
    neg: bool = False
    # the option is what its first side-takers spoke against, held as their own view ("Kenya
    # opposed the annex": KEN proposes "against the annex"); see tidy.against
    view: bool = False
    cues: list[str] = field(default_factory=list)  # the rules that built it, first = creator
    conf: float = 1.0  # the least sure of those rules (see events.Parser._note)
    anaphor: bool = False  # its object was only "it" / "this" (tidy.coreferent may resolve it)
    last: int = -1  # the last sentence that took a side on it or named it (events._touch)
    # a remark its speaker went on to take a side after ("highlighted X and supported Y"):
    # dropped, the side is the position (coordination.second_verb)
    superseded: bool = False

    def says_what_to_do(self) -> bool:
        """Does the option say what should be done ("the need for", "must", "essential")? A
        view that does is a position; one that does not is a remark."""
        option = self.option.lower()
        if _PRINCIPLE.search(option):
            return True  # "respect for sovereignty", "the principle of non-intervention"
        return not W.NORMATIVE.isdisjoint(re.findall(r"[a-z]+", option))

    def bare_view(self) -> bool:
        """Only a view stated by one actor ("X said the text would ..."), no side taken."""
        return not self.sides and bool(self.cues) and all("statement verb" in c for c in self.cues)

    def backed(self, stance: str) -> str:
        """The side of one who backs its first side-taker ("supported by"): on a negative
        event (`neg`) backing them is opposing the option, and the reverse."""
        if self.neg and stance in ("support", "oppose"):
            return "oppose" if stance == "support" else "support"
        return stance

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
class ActorList:
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
        "voiced",
        "joint",
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
        # split keeps the tokens at odd places (gaps between them at even ones); offsets are
        # the running sum of the pieces' lengths (faster than a match object per token)
        parts = _TOKEN_SPLIT.split(fold(text[a:b]))
        off = list(accumulate(map(len, parts), initial=a))
        tw = parts[1::2]
        ts = off[1:-1:2]
        te = off[2:-1:2]
        tk = [w.lower() for w in tw]
        for m in mentions:
            if m.start == m.end and a <= m.start < b:  # a turn's unspoken subject: "we"
                i = bisect.bisect_left(ts, m.start)
                verb = getattr(m, "verb", "")  # unspoken.Unspoken: a light verb left out
                implied = ["we", verb] if verb else ["we"]
                ts[i:i] = [m.start] * len(implied)
                te[i:i] = [m.start] * len(implied)
                tw[i:i] = implied
                tk[i:i] = implied
        self.ts, self.te, self.tk, self.tw, self.n = ts, te, tk, tw, len(tk)
        self.ments: list[Mention] = []
        self.mtok: list[tuple[int, int]] = []
        for m in mentions:
            i = bisect.bisect_left(ts, m.start)
            j = i + 1 if m.start == m.end else bisect.bisect_left(ts, m.end)
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
        self.voiced: set[int] = set()  # speakers named after their group ("represented by")
        self.joint: dict[int, int] = {}  # "the US-Albania draft": co-author -> first author
        self.extra_targets: list[tuple[int, int, str]] = []  # demonym references
        self.lists: list[ActorList] = []
        self.list_at: dict[int, ActorList] = {}
        self.focus: list[Ev] | None = None
        self.touched: list[Ev] = []
        self.last_passive: str | None = None
        self.subj_anaphor = False
        self.pending: list[tuple[list[int], str]] = []  # "Supported by X, Y proposed ..."
        self.deferred: list[ActorList] = []
        # "X, supported by Y, opposed ...": Y takes X's side (or the other side: "opposed by")
        self.inherit: dict[int, tuple[ActorList, bool]] = {}
        self.obj_range: dict[int, tuple[int, int]] = {}  # id(event) -> object token range
        self.bullet = False

    def text_of(self, text: str, i: int, j: int) -> str:
        if i >= j or i >= self.n:
            return ""
        return text[self.ts[i] : self.te[min(j, self.n) - 1]]


def close_paren(S: Sentence, j: int, limit: int) -> int | None:
    depth = 0
    for t in range(j, min(S.n, j + limit)):
        if S.tk[t] == "(":
            depth += 1
        elif S.tk[t] == ")":
            depth -= 1
            if depth == 0:
                return t
    return None


def verbish(t: str) -> bool:
    return t in W.VERBS or t in W.PHRASES or t in W.LIGHT_VERBS or t in W.AUX or t in W.NEG


def flip(cls: str | None) -> str | None:
    if cls in (W.SUP, W.ALIGN):
        return W.OPP
    if cls == W.OPP:
        return W.SUP
    return None


def adverbial(tk: list[str], j: int) -> int:
    if tk[j] not in _ADV_FIRST:
        return 0
    for phrase in W.ADVERBIALS:
        n = len(phrase)
        if tk[j] == phrase[0] and tuple(tk[j : j + n]) == phrase:
            return n
    return 0


_ADV_FIRST = frozenset(p[0] for p in W.ADVERBIALS)
_WEEKDAYS = W.words("monday tuesday wednesday thursday friday saturday sunday")
_MONTH_NAMES = W.words(
    "january february march april may june july august september october november december"
)
_DAY_PARTS = W.words("morning afternoon evening night")
_TIME_WORDS = W.words("yesterday today tonight earlier later now eventually subsequently")
_LAST = W.words("last this next")
_PERIODS = W.words("week month year night session weekend")


def _date_word(tk: list[str], k: int) -> bool:
    t = tk[k]
    if t in _WEEKDAYS or t in _MONTH_NAMES or t in _DAY_PARTS or t.isdigit():
        return True
    return t == "," and k + 1 < len(tk) and tk[k + 1].isdigit()  # "on 13 November, 2019"


def time_adverbial(tk: list[str], j: int) -> int:
    """Tokens of a time phrase between a subject and its verb: 'on Friday', 'on 13 November
    2019', 'on Friday night', 'yesterday', 'last week' (0 if none)."""
    t = tk[j]
    if t in _TIME_WORDS:
        return 1
    if t in _LAST and tk[j + 1 : j + 2] and tk[j + 1] in _PERIODS:
        return 2
    if t != "on" or j + 1 >= len(tk):
        return 0
    k = j + 1
    while k < len(tk) and k - j <= 5 and _date_word(tk, k):
        k += 1
    # "on 4 May" needs a day or weekday, not "on May" alone ("on may" is no date)
    dated = any(tk[i] in _WEEKDAYS or tk[i].isdigit() for i in range(j + 1, k))
    return k - j if dated else 0
