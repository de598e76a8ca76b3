"""Phase (d), vote reports in prose: named members of a counted group of voters.

News reports give a vote's figures and name a few of the voters inside the count:

* "58 voted against it, including A, B and C": an `including` / `among them` list after a
  clause with a vote or stance word takes that side (the nearest such word before it);
* "A was among the 60 states that voted against the text" / "A and B were among those who
  abstained": a subject list placed among voters takes the side of their vote;
* "A (abstained) and B (no)": a name with its vote in brackets, on the vote in focus.

Both attach to the event in focus (the text the sentence or the previous ones are about), else
make an event of the clause's object ("it": tidy.coreferent joins it to the voted text).
"""

from __future__ import annotations

from loaders.extract import roles as RO
from loaders.extract import tidy as TI
from loaders.extract import verbs as VB
from loaders.extract import words as W
from loaders.extract.sentence import ActorList, Sentence

_INTRO = W.words("including notably among especially")
_STOP = W.words("; . while whereas but although : ( )")
_VOTERS = W.words("states countries nations members delegations governments those others ones")
_REL = W.words("that who which")
_STANCE = {
    "against": "oppose",
    "abstained": "neutral",
    "abstaining": "neutral",
    "abstain": "neutral",
    "abstention": "neutral",
    "abstentions": "neutral",
    "favour": "support",
    "favor": "support",
    "yes": "support",
    # "the text garnered support from 13 members, including A and B"
    "support": "support",
    "backing": "support",
    "opposition": "oppose",
    "objections": "oppose",
}
# "Others opposed the listing, including A and B": the unnamed subject's side verb
_STANCE.update(dict.fromkeys(W.words("opposed rejected objected resisted"), "oppose"))
_STANCE.update(
    dict.fromkeys(W.words("supported backed endorsed favoured favored signed ratified"), "support")
)
_NOUN_STANCE = W.words("support backing opposition objections")
# "the authors of the text were 47 states, including A and B": its co-sponsors
_SPONSORS = W.words(
    "authors sponsors co-authors sponsored cosponsored co-authored authored sponsoring cosponsoring"
)
_STANCE.update(dict.fromkeys(_SPONSORS, "support"))
_AFTER_VOTED = {"no": "oppose", "for": "support", "yes": "support"}


def _stance_before(S: Sentence, p: int) -> tuple[str, int] | None:
    """The vote or stance word nearest before token p in its clause, and its position."""
    tk = S.tk
    for k in range(p - 1, max(-1, p - 25), -1):
        t = tk[k]
        if t in _STOP:
            return None
        if t in _AFTER_VOTED and k > 0 and tk[k - 1] in W.VOTE_VERBS:
            return _AFTER_VOTED[t], k
        if t in _STANCE:
            return _STANCE[t], k
        if t in W.PHRASES and (hit := W.phrase_at(tk, k)) is not None and hit[0] in _PHRASE_SIDE:
            return _PHRASE_SIDE[hit[0]], hit[1] - 1  # "put their names to the Convention"
    return None


_PHRASE_SIDE = {W.SUP: "support", W.OPP: "oppose", W.NEU: "neutral"}


def _side(
    P, S: Sentence, L: ActorList, stance: str, k: int, end: int, cue: str, label: str = ""
) -> None:
    P._cue(cue, 0.8)
    if S.focus:
        targets = S.focus
    elif S.tk[k] in _SPONSORS and (voted := P._sponsored_text(S, L)) is not None:
        targets = [voted]  # "The measure had 47 co-authors, among them A": the text just named
    elif S.tk[k] in _SPONSORS:  # its own event: the voted text's backers (tidy.coreferent)
        targets = [P._new_event(S, None, RO.clause_text(P, S, L.start))]
    elif P._cur_ok(S, 3) and P.cur:
        targets = P.cur
    elif label:
        targets = [P._new_event(S, None, label)]
    elif S.tk[k] in _NOUN_STANCE:  # "the text garnered support from ...": the clause's text
        targets = [P._new_event(S, None, S.text_of(P.text, 0, k) or RO.clause_text(P, S, L.start))]
    else:
        stop = k + 1
        while stop < end and S.tk[stop] not in (",", ";", ".") and stop - k < 12:
            stop += 1
        option = S.text_of(P.text, k + 1, stop) if stop > k + 1 else ""
        if not any(c.isalnum() for c in option):
            option = RO.clause_text(P, S, L.start) if L.start > 0 else ""
        targets = [P._new_event(S, None, option or S.text_of(P.text, 0, S.n))]
    # "Russia vetoed the text. Those voting for it were A, B": for the text Russia is against
    stance = TI.on_object(targets, stance)
    P._attach(S, targets, L.members, stance)
    L.events, L.stance = targets, stance
    if cue.startswith("named among the voters") or "voters" in cue:
        P.vote = (targets, S.idx, P.section)  # later vote lines ("Against: ...") join it


_VOTE_LABEL = W.words(
    "against favour favor abstained abstaining abstention abstentions voted for approval "
    "oppositions affirmative negative yes no"
)


def vote_label(S: Sentence) -> bool:
    """A short label over a list of voters: 'Against the motion:', 'Abstained:'."""
    label = S.tk[RO.subject_start(S) : S.n - 1]
    return 0 < len(label) <= 5 and any(t in _VOTE_LABEL for t in label)


def held_vote(P, S: Sentence) -> list | None:
    """The vote a list under a vote label belongs to: that of the previous such list (one vote,
    several lists), else the vote reported just before."""
    for held, sections in ((P.colon_vote, 0), (P.vote, 1)):
        # a short heading ("Full list of votes") may stand between the vote and its lists
        if held and held[0] and 0 <= P.section - held[2] <= sections and S.idx - held[1] <= 4:
            return held[0]
    return None


def _before_list(S: Sentence, L: ActorList) -> int:
    """Index of the word just before the list, past any "the" ("were the A, B")."""
    p = L.start - 1
    while p > 0 and S.tk[p] == "the":
        p -= 1
    if p > 1 and S.tk[p] in W.KIN_NOUNS and S.tk[p - 1] in W.POSSESSIVES:
        p -= 2  # "including our neighbours A and B"
    return p


def counted_members(P, S: Sentence, L: ActorList, role: str) -> bool:
    """'58 voted against it, including A and B': True when the list was read so."""
    tk = S.tk
    if role in ("PASS", "LABEL"):
        return False  # "supported by many states, including A": the by-list reads it
    p = _before_list(S, L)
    if p > 0 and tk[p] == "(":
        # "including three permanent members (A, B and C)": the count names them in brackets
        q = next((q for q in range(p - 1, max(0, p - 6), -1) if tk[q] in _INTRO), -1)
        p = q if q > 0 and not any(t in _STOP for t in tk[q:p]) else p
    if p < 1 or not (tk[p] in _INTRO or (tk[p] == "them" and tk[p - 1] == "among")):
        return False
    if tk[p] == "them":
        p -= 1
    if tk[p] == "notably" and tk[p - 1] in ("most", "more"):
        p -= 1  # "Most members abstained, most notably A and B"
    if tk[p - 1] != "," and tk[p - 1] not in _VOTERS:
        return False  # "58 voted against it, including A", "co-sponsored by 44 states including A"
    j, _neg, _each = VB.onset(S, L.end, S.n)
    if VB.verb(S, j, S.n) is not None:
        return False  # "60 states, including A, voted against": the list is the subject
    hit = _stance_before(S, p)
    if hit is None:
        return False
    stance, k = hit
    _side(P, S, L, stance, k, p, "named inside a count of voters or sponsors")
    return True


def _counted_voters(tk: list[str], k: int) -> bool:
    """'three countries that', 'only European state that', 'two states which' from token k."""
    q = k + (k < len(tk) and (tk[k].isdigit() or tk[k] in _NUMBERS or tk[k] == "only"))
    if q > k and q + 2 < len(tk) and tk[q + 1] in _ANY_VOTERS:
        q += 1  # an adjective: "the only European state that", "the two Nordic countries"
    return q + 1 < len(tk) and tk[q] in _ANY_VOTERS and tk[q + 1] in _REL


_ONE_VOTER = W.words("state country nation member delegation one")
_ANY_VOTERS = _VOTERS | _ONE_VOTER  # "the only state that", "the three countries that"


def _past_apposition(S: Sentence, k: int) -> int:
    """After ', Russia's traditional friend,' (a short aside with no verb): the token after
    its closing comma; else k."""
    tk = S.tk
    if k >= S.n or tk[k] != ",":
        return k
    for q in range(k + 1, min(S.n, k + 7)):
        if tk[q] == ",":
            return q + 1 if q + 1 < S.n and tk[q + 1] in W.BE else k
        if tk[q] in W.CLAUSE_END or tk[q] in W.VERBS or tk[q] in W.BE:
            return k
    return k


_ALSO = W.words("also too again likewise both all")


def among_voters(P, S: Sentence, L: ActorList) -> bool:
    """'A was among (one of) the 60 states that voted against the text': True when read so."""
    tk = S.tk
    k = _past_apposition(S, L.end)  # "Serbia, Russia's traditional friend, was the only ..."
    if k < S.n and tk[k] in ("was", "were", "is", "are"):
        k += 1  # "A was among ...", or a headline's "A, B and C among those who ..."
    if k < S.n and tk[k] in _ALSO:
        k += 1  # "A and B were also among the governments that ..."
    if tk[k : k + 2] == ["one", "of"]:
        k += 1  # "A was one of the 120 countries that voted in favour"
    elif tk[k : k + 1] == ["the"] and k > L.end and _counted_voters(tk, k + 1):
        pass  # "A, B and C were the three countries that opposed the resolution"
    elif k + 1 >= S.n or tk[k] != "among":
        return False
    e = k + 1
    voters = _ANY_VOTERS if tk[k] == "the" else _VOTERS  # "the only state that"
    while e < S.n and e - k < 8 and tk[e] not in voters:
        e += 1
    if e >= S.n or tk[e] not in voters:
        return False
    e += 1
    if e < S.n and (tk[e] in _REL or tk[e] == "to" and tk[k] != "the"):
        e += 1  # "among the states that voted", "one of 41 governments to endorse X"
    if e + 1 < S.n and tk[e] in ("had", "have", "has"):
        e += 1  # "among the governments that had rejected X"
    if e < S.n and tk[e] not in W.VOTE_VERBS and tk[e] not in _STANCE:
        phrase = W.phrase_at(tk, e)  # "among the states that pushed back on the text"
        cls = phrase[0] if phrase else W.VERBS.get(tk[e])  # "who wanted / backed a treaty"
        stance = {W.SUP: "support", W.PROP: "support", W.OPP: "oppose", W.NEU: "neutral"}
        if cls in stance:
            at = phrase[1] - 1 if phrase else e  # the object follows the whole phrase
            _side(P, S, L, stance[cls], at, S.n, "named among the backers of one side")
            return True
    if e >= S.n or tk[e] not in W.VOTE_VERBS and tk[e] not in _STANCE:
        return False
    stance = None
    for q in range(e, min(S.n, e + 4)):
        t = tk[q]
        if t in _AFTER_VOTED and tk[q - 1] in W.VOTE_VERBS:
            stance = _AFTER_VOTED[t]
        elif t in _STANCE:
            stance = _STANCE[t]
        if stance:
            _side(P, S, L, stance, q, S.n, "named among the voters of one side")
            return True
    return False


_PAREN = {
    "abstained": "neutral",
    "abstaining": "neutral",
    "abstention": "neutral",
    "abstain": "neutral",
    "against": "oppose",
    "no": "oppose",
    "yes": "support",
    "favour": "support",
    "favor": "support",
    "for": "support",
}


def _dashed_vote(S: Sentence, L: ActorList) -> str | None:
    """'1. Algeria - Yes', 'Republic of Korea (South) - Yes', 'Russia: Abstained': a line of one
    name and its vote (nothing else after it). The stance, else None."""
    if len(L.members) != 1:
        return None
    tk = S.tk
    e = L.end
    if e + 1 < S.n and tk[e] == "(":  # "(South)"
        close = next((q for q in range(e + 1, min(S.n, e + 5)) if tk[q] == ")"), None)
        e = close + 1 if close is not None else e
    if e + 1 >= S.n or tk[e] not in ("-", ":", "\u2013", "\u2014", "|"):
        return None  # also a table row "| Russia | Yes |"
    w = [t for t in tk[e + 1 :] if t not in ("voted", "in", "vote", ".", "|")]
    return _PAREN.get(w[0]) if len(w) == 1 else None


def paren_votes(P, S: Sentence, L: ActorList) -> bool:
    """'Mali (abstained) and Togo (no vote recorded)': each name with its vote in brackets
    takes that side on the vote in focus (the names without one are left alone); so does a
    line of one name and its vote ('1. Algeria - Yes')."""
    tk = S.tk
    found = []
    for mi in L.members:
        e = S.mend[mi]
        if e + 2 < S.n and tk[e] == "(":
            w = [t for t in tk[e + 1 : e + 5] if t not in ("voted", "in", "vote")]
            if w and w[0] in _PAREN and len(w) > 1 and w[1] == ")":
                found.append((mi, _PAREN[w[0]]))
    if found:
        found = _bracketed_runs(S, L, found)
    dashed = _dashed_vote(S, L) if not found else None
    if dashed:
        found.append((L.members[0], dashed))
    if not found:
        return False
    vote = P.vote
    label = _vote_label(P, S, L)
    if S.focus:
        targets = S.focus
    elif vote and vote[0] and vote[2] == P.section and S.idx - vote[1] <= 4:
        targets = vote[0]
    elif P._cur_ok(S, 2) and P.cur:
        targets = P.cur
    elif dashed or label:
        targets = None
    else:
        return False
    P._cue("vote in brackets after the name" if not dashed else "vote after the name", 0.8)
    if targets is None:
        targets = [P._new_event(S, None, label or "the vote")]  # a roll call, no named vote
    for mi, stance in found:
        P._attach(S, targets, [mi], stance)
    if dashed or label:
        P.vote = (targets, S.idx, P.section)  # the next line of the roll call joins it
    return True


def _bracketed_runs(S: Sentence, L: ActorList, found: list) -> list:
    """'Russia, China and Cuba (in favour); Canada and Japan (against)': a bracket after
    the last name of a run ('and' before it, ';' or the end after it) is the run's vote."""
    tk = S.tk
    own = dict(found)
    out = []
    run: list[int] = []
    for mi in L.members:
        if mi not in own:
            run.append(mi)
            continue
        start, e = S.mtok[mi][0], S.mend[mi]
        close = next((q for q in range(e, min(S.n, e + 7)) if tk[q] == ")"), e)
        ends = close + 1 >= S.n or tk[close + 1] in (";", ".")
        if start > 0 and tk[start - 1 - (tk[start - 1] == "the")] == "and" and ends:
            out.extend((x, own[mi]) for x in run)
        run = []
        out.append((mi, own[mi]))
    return out


def _vote_label(P, S: Sentence, L: ActorList) -> str:
    """'On the draft: A (yes), B (no)': the words before the colon that opens the list."""
    b = L.start - (L.start > 0 and S.tk[L.start - 1] == "the")
    if b < 2 or S.tk[b - 1] != ":" or any(q in S.mstart_at for q in range(0, b - 1)):
        return ""
    return S.text_of(P.text, 0, b - 1)


_FRONTED = {"supporters": "support", "backers": "support", "proponents": "support"}
_FRONTED.update(opponents="oppose", critics="oppose", naysayers="oppose", abstainers="neutral")


def fronted_camp(P, S: Sentence, L: ActorList) -> bool:
    """'The (seven) naysayers were (the usual ones:) A, B', 'The main backers are C and D': a
    camp named first, then its members."""
    tk = S.tk
    if (
        _FRONTED.keys().isdisjoint(tk[max(0, L.start - 8) : L.start])
        and "camp" not in tk[max(0, L.start - 8) : L.start]
    ):
        return False
    h = RO.subject_start(S)
    h += h < S.n and tk[h] == "the"
    q = h
    while q < L.start and q - h < 2 and tk[q] not in _FRONTED:
        q += 1  # "seven", "main", "usual"
    camp = _named_camp(tk, h, L.start)
    if camp is not None:
        q = camp[0]  # "Those in the no camp included A": the camp noun stands for its side
    elif q >= L.start or tk[q] not in _FRONTED or q + 1 >= L.start:
        return False
    c = q + 1
    if tk[c] in ("of", "for"):  # "The backers of the text were A and B"
        c = next((i for i in range(c, min(L.start, c + 8)) if tk[i] in _COPULA), L.start)
        if any(i in S.in_mention for i in range(q + 1, c)):
            return False  # "the backers of Russia's draft": an actor before the list
    if c >= L.start or tk[c] not in _COPULA:
        return False
    between = range(c + 1, L.start)
    if len(between) > 4 or any(i in S.in_mention for i in between):
        return False
    label = S.text_of(P.text, h, c)
    stance = camp[1] if camp is not None else _FRONTED[tk[q]]
    _side(P, S, L, stance, q, S.n, "named after a fronted camp ('The opponents were')", label)
    return True


_CAMP_SIDE = {
    **dict.fromkeys(W.words("no nay against opposing"), "oppose"),
    **dict.fromkeys(W.words("yes aye supporting"), "support"),
    **dict.fromkeys(W.words("abstention abstaining"), "neutral"),
}


def _named_camp(tk: list[str], h: int, end: int) -> tuple[int, str] | None:
    """'(those in) the no camp', 'the yes camp', 'the \"no\" camp' from token h: the index of
    'camp' and its side, when a side word is right before it."""
    for q in range(h, min(end, h + 7)):
        if tk[q] == "camp":
            k = q - 1 - (tk[q - 1] in ('"', "'"))
            return (q, _CAMP_SIDE[tk[k]]) if k >= h and tk[k] in _CAMP_SIDE else None
    return None


def among_fronted(P, S: Sentence, L: ActorList) -> bool:
    """'Among the co-sponsors were A and B', 'Among those voting against were C and D'."""
    tk = S.tk
    p = _before_list(S, L)
    if not tk or tk[0] != "among" or p < 2 or tk[p] not in ("were", "was", "are", "is"):
        return False
    stance = next((_FRONTED[t] for t in tk[1:p] if t in _FRONTED), None)
    hit = None if stance else _stance_before(S, p)
    if hit is not None:
        stance = hit[0]
    if stance is None:
        return False
    label = S.text_of(P.text, 1, p)
    _side(P, S, L, stance, p, S.n, "named after a fronted 'Among the ... were'", label)
    return True


_COUNTED = {
    "against": "oppose",
    "abstention": "neutral",
    "abstentions": "neutral",
    "favour": "support",
    "favor": "support",
}
_VOTED = W.words("approved adopted approving adopting passed rejected")
_NUMBERS = W.words("one two three four five six seven eight nine ten eleven twelve")


def _voted_text(P, S: Sentence) -> str:
    """What the sentence says was voted: the subject of "was approved" ("The resolution was
    approved with 18 votes"), else the object of "adopted" ("adopted the draft by 9 votes")."""
    tk = S.tk
    k = next((i for i in range(S.n) if tk[i] in _VOTED), -1)
    if k >= 2 and tk[k - 1] in W.BE:
        return S.text_of(P.text, RO.subject_start(S), k - 1)
    stop = k + 1
    while 0 < stop < S.n and tk[stop] not in (",", ";", ".", "(", "by") and stop - k < 16:
        stop += 1
    return S.text_of(P.text, k + 1, stop) if k >= 0 and stop > k + 1 else ""


def counted_brackets(P, S: Sentence, L: ActorList) -> bool:
    """'by a recorded vote of 170 in favour to 2 against (A, B), with 4 abstentions (C, D)':
    the names in brackets after a count take its side. Lists of one sentence share one event:
    the text in focus, else the text the sentence approves or adopts."""
    tk = S.tk
    s = L.start
    if s < 3 or tk[s - 1] != "(" or tk[s - 2] not in _COUNTED:
        return False
    q = s - 3  # "170 in favour (", "18 votes in favor (", "9 votes against ("
    while q > 0 and tk[q] in ("in", "votes", "vote") and s - q <= 5:
        q -= 1
    num = tk[q] if q >= 0 else ""
    if not (num.isdigit() or num in _NUMBERS) or not {"vote", "votes"} & set(tk[: S.n]):
        return False
    if L.end >= S.n or tk[L.end] != ")":
        return False  # the brackets hold only the names
    mine = getattr(P, "counted", None)
    mine = mine if mine and mine[0] == S.idx else None
    P._cue("names in brackets after a vote count", 0.85)
    if S.focus:
        targets = S.focus
    elif mine:
        targets = mine[1]
    else:
        targets = [P._new_event(S, None, _voted_text(P, S) or "the text put to the vote")]
    P.counted = (S.idx, targets)
    P._attach(S, targets, L.members, _COUNTED[tk[s - 2]])
    L.events, L.stance = targets, _COUNTED[tk[s - 2]]
    return True


def fronted_sponsors(P, S: Sentence, L: ActorList) -> bool:
    """'The (original) sponsors of the text were A and B', 'The countries that signed as
    co-sponsors are A and B': a fronted subject naming a text's backers, then the list."""
    tk = S.tk
    p = _before_list(S, L)
    p -= p > 2 and tk[p] == ":"  # "The countries sponsoring the resolution were: A, B"
    if not tk or tk[0] != "the" or p < 2 or tk[p] not in ("were", "are", "included", "include"):
        return False
    k = next((i for i in range(1, p) if tk[i] in _SPONSORS or tk[i] == "cosponsors"), -1)
    if k < 0 or any(S.mstart_at.get(i) is not None for i in range(p)):
        return False  # "the authors of Russia's draft were": an actor before the list
    label = S.text_of(P.text, 0, p)
    cue = "named after a fronted 'The sponsors ... were'"
    if P._cur_ok(S, 2) and P.cur and all(cue in ev.cues for ev in P.cur):
        P._cue(cue, 0.8)  # "The new co-sponsors are A. The original sponsors were B": one text
        P._attach(S, P.cur, L.members, "support")
        L.events, L.stance = P.cur, "support"
        return True
    _side(P, S, L, "support", k, S.n, cue, label)
    return True


_COPULA = W.words("were are was is included include comprised")
_VOTED_TO = {
    **dict.fromkeys(W.words("adopt approve support pass back endorse accept"), "support"),
    **dict.fromkeys(W.words("reject block oppose defeat"), "oppose"),
}
_STANCE_VERBS = {
    **dict.fromkeys(W.words("supporting backing supported backed"), "support"),
    **dict.fromkeys(W.words("opposing opposed rejecting rejected"), "oppose"),
}


def _voters_stance(S: Sentence, p: int, start: int = 0) -> tuple[str, int] | None:
    """The side a fronted group of voters took: 'voting in favour', 'that voted to adopt it',
    'who opposed the text' (its clause starts at token `start`)."""
    hit = _stance_before(S, p)
    if hit is not None and hit[1] >= start:
        return hit
    tk = S.tk
    for k in range(max(1, start), p):
        if tk[k] in W.VOTE_VERBS and k + 2 < p and tk[k + 1] == "to" and tk[k + 2] in _VOTED_TO:
            return _VOTED_TO[tk[k + 2]], k + 2
        if tk[k] in _STANCE_VERBS:
            return _STANCE_VERBS[tk[k]], k
    return None


def _clause_start(tk: list[str], p: int) -> int:
    """The token after the last ';' or ', while' before p, else 0 (the sentence's start)."""
    for q in range(p - 1, 0, -1):
        if tk[q] == ";" or (tk[q] in ("while", "whereas") and tk[q - 1] == ","):
            return q + 1
    return 0


def fronted_voters(P, S: Sentence, L: ActorList) -> bool:
    """'The countries voting in favour were A and B', 'Those who voted against it were C',
    'States that voted to adopt the text included D': a fronted group of voters, then the
    list, which takes their side on the vote."""
    tk = S.tk
    p = _before_list(S, L)
    p -= p > 2 and tk[p] == ":"  # "The countries voting in favour were: A, B"
    if p > 3 and tk[p] == "and" and S.tw[p - 1][:1].isupper() and tk[p - 2] in _COPULA:
        p -= 2  # "... include NATO and EU countries, as well as A": a name we do not know first
    cs = _clause_start(tk, p)  # "...; those against included C": the second clause's voters
    if p < 2 or tk[p] not in _COPULA or any(S.mstart_at.get(i) is not None for i in range(cs, p)):
        return False
    head = RO.subject_start(S) if cs == 0 else cs  # "In the vote, the countries that ..."
    head += head < p and tk[head] == "the"
    head += head < p and (tk[head].isdigit() or tk[head] in _NUMBERS)  # "The 27 countries"
    if tk[head] not in _VOTERS or head + 1 >= p:
        return False
    hit = _voters_stance(S, p, cs)
    if hit is None:
        return False
    label = S.text_of(P.text, 0, p)
    cue = "named after fronted voters ('Those voting for were')"
    recent = P.events[-1] if P.events else None
    fresh = recent is not None and recent.section == P.section and S.idx - recent.sent <= 1
    if not S.focus and not (P._cur_ok(S, 3) and P.cur) and fresh:
        # "The Chinese draft was defeated. Those supporting it were A, B": the text just named
        P._cue(cue, 0.8)
        stance = TI.on_object([recent], hit[0])
        P._attach(S, [recent], L.members, stance)
        L.events, L.stance = [recent], stance
        return True
    _side(P, S, L, hit[0], hit[1], p, cue, label)
    return True


_PARTICIPLES = {
    **dict.fromkeys(W.words("opposing rejecting"), "oppose"),
    **dict.fromkeys(W.words("supporting backing sponsoring co-sponsoring"), "support"),
    "abstaining": "neutral",
}


def fronted_participle(P, S: Sentence, L: ActorList) -> bool:
    """'Voting against were A and B', 'Opposing the text were C', 'Abstaining were D': an
    inverted sentence, the side before the copula and the list after it."""
    tk = S.tk
    p = _before_list(S, L)
    p -= p > 1 and tk[p] == ":"  # "Voting YES were: A, B"
    cs = _clause_start(tk, p)  # "Voting yes were A; voting no were B": the second clause
    if (
        p < cs + 1
        or tk[p] not in ("were", "was", "are")
        or tk[cs] not in _PARTICIPLES
        and (tk[cs] not in ("voting", "in"))
    ):
        return False
    if any(S.mstart_at.get(i) is not None for i in range(cs, p)):
        return False
    hit = _stance_before(S, p)
    stance = hit[0] if hit else _PARTICIPLES.get(tk[0])
    if stance is None:
        return False
    k = hit[1] if hit else 0
    cue = "named after a fronted 'Voting against were'"
    _side(P, S, L, stance, k, p, cue + " voters", S.text_of(P.text, cs, p))
    return True


def read_voters(P, S: Sentence, L: ActorList, role: str) -> bool:
    """True when the list was read as voters or sponsors by one of the rules above."""
    if counted_brackets(P, S, L) or paren_votes(P, S, L) or counted_members(P, S, L, role):
        return True
    if among_voters(P, S, L) or among_fronted(P, S, L) or fronted_sponsors(P, S, L):
        return True
    return fronted_voters(P, S, L) or fronted_participle(P, S, L) or fronted_camp(P, S, L)
