"""Phase (d), part 3: what one subject's second verb, and an object pointing back, mean.

Helpers of `assemble.Assembly` (P is the parser, as in lists.py):

* `second_verb`: after "X <verb> A", a coordinated "and / but / then <verb> B" is a second
  event when it proposes something new after a side ("backed A, then proposed B"), makes a
  second demand ("called for A, and underscored the need for B") or takes the other side
  ("backed A but rejected B"); the same side again, or an object pointing back ("would oppose
  any weakening of it"), restates the first;
* `side_on_the_object`: "..., while B supported it" after "A opposed X" is a side on X itself;
* `among_themselves`: "A and B disagreed on X" makes them no allies;
* `align_with_actors`: "Iran opposed X. China backed Iran" puts China against X;
* `unnamed_subject_side`: "Several opposed it, with Russia noting that ..." puts Russia
  against it;
* `note_unnamed` / `named_after`: "Four countries abstained. These were A and B.";
* `do_likewise`: "we urge others to do the same" restates the side taken;
* `same_object`: "A supported the inclusion of X. B opposed the inclusion of X" is one option
  (`object_key`: a provision named first, else the first three content words).
"""

from __future__ import annotations

import functools
import re

from loaders.extract import objects as OB
from loaders.extract import roles as RO
from loaders.extract import sentence as ST
from loaders.extract import tidy as TI
from loaders.extract import verbs as VB
from loaders.extract import words as W
from loaders.extract.sentence import ActorList, Ev, Sentence
from loaders.extract.text import fold


def second_verb(
    P, S: Sentence, L: ActorList, cls: str, vend: int, created: bool, main: int | None = None
) -> None:
    """The coordinated second verb of a subject list ("requested more time ... and suggested
    removing ..."), read after its first verb phrase made (or joined) an event. `main`: where
    the main clause resumes after a relative aside ("The US, which voted no, called for X")."""
    limit = S.n
    k = VB.object_end(S, vend, limit)
    resumes = main is not None and k == main - 1  # the relative's closing comma: an "and"
    if k + 1 < limit and S.tk[k] == "," and S.tk[k + 1] in ("then", "and", "but"):
        k += 1  # "It backed X, then proposed Y"
    # "highlighted the threat, calling for a ban": a participle is a second verb too
    participle = k + 1 < limit and S.tk[k] == "," and S.tk[k + 1].endswith("ing")
    coordinated = k < limit and (S.tk[k] in ("and", "but", "then") or participle)
    if not (coordinated or resumes):
        return
    if _joined_by(S, L, k + 1):
        return
    nominal = VB.stance_noun(S, k + 1)
    if nominal is not None and _own_object(S, nominal[1], False):
        # "reiterated its support for X and its opposition to Y": a stance of its own
        P._cue(*P.verb_cue(nominal[0]))
        P._assert(S, L, nominal[0], nominal[1], False, force_new=True)
        _asides_too(P, S, L)
        return
    j2, neg2, _e = VB.onset(S, k + 1, limit)
    hit2 = VB.verb(S, j2, limit)
    if resumes and hit2 is not None and _turned_on_it(P, S, L, cls, hit2, neg2):
        return  # "Canada, which initially backed it, later turned against it": now against
    demand = participle and hit2 is not None and _participle_demand(S, hit2)
    if hit2 is None or participle and not demand:
        return  # "welcomed the text, urging states to ratify it": the same text
    # a second proposal after taking a side on something else ("backed X, then proposed
    # Y"), or after a remark ("highlighted the threat, calling for a ban"); after a view or
    # a proposal it is the same position restated
    after_remark = cls == W.STMT  # also "recalled its role and called for X"
    again = hit2[0] == W.PROP and (
        not created or (cls in (W.SUP, W.OPP) and not P.light) or after_remark
    )
    again = again or participle and hit2[0] == W.STMT  # "..., adding that X must ..."
    if not neg2 and (again or (hit2[0] == W.STMT and not created)):
        P._cue(*P.verb_cue(hit2[0]))  # the second verb's own cue
        P._assert(S, L, hit2[0], hit2[1], False, force_new=True)
    elif not neg2 and created and not P.light and _second_demand(S, cls, hit2):
        P._assert(S, L, W.PROP, hit2[1], False, force_new=True)
    elif not neg2 and hit2[0] == W.STMT and _says_must(S, hit2[1]):
        # "opposed X, and said the safeguard should be cut back": a demand of its own
        P._cue(*P.verb_cue(W.STMT))
        P._assert(S, L, W.STMT, hit2[1], False, force_new=True)
    elif _second_side(S, cls, hit2, neg2):
        cls2 = ST.flip(hit2[0]) if neg2 else hit2[0]
        P._cue(*P.verb_cue(cls2))
        first = list(S.focus or L.events or ())
        P._assert(S, L, cls2, hit2[1], False, force_new=True)
        if cls == W.STMT:  # "highlighted X and supported Y": the remark was no position
            for ev in first:
                if ev not in (S.focus or ()) and ev.cues and "statement verb" in ev.cues[0]:
                    ev.superseded = not ev.says_what_to_do()
    else:
        return
    _asides_too(P, S, L)


def _asides_too(P, S: Sentence, L: ActorList) -> None:
    """'BOLIVIA, with CUBA and CHINA, highlighted X and supported Y': those of the subject's
    asides ("with ...", "for ...") share its second event too."""
    if not S.focus:
        return
    for start, (owner, flip) in S.inherit.items():
        aside = S.list_at.get(start)
        if owner is not L or aside is None or flip:
            continue
        for ev in S.focus:
            side = "support" if ev.proposer in {S.ments[mi].code for mi in L.members} else None
            side = side or ev.sides.get(S.ments[L.members[0]].code)
            if side:
                P._attach(S, [ev], aside.members, side)


def _participle_demand(S: Sentence, hit2: tuple[str, int]) -> bool:
    """', calling for a ban' (a proposal of its own) or ', adding that the review must stay
    voluntary' (a remark that says what must be done) after a first verb phrase."""
    cls2, vend2 = hit2
    if cls2 == W.PROP:
        return _own_object(S, vend2, False)
    obj = S.tk[vend2 : VB.object_end(S, vend2, S.n)]
    return cls2 == W.STMT and obj[:1] == ["that"] and not W.MODALS.isdisjoint(obj)


def _says_must(S: Sentence, vend: int) -> bool:
    """The words after a second speech verb say what must be done ("said the safeguard
    should be cut back"), with no name and nothing pointing back in them."""
    obj = S.tk[vend : VB.object_end(S, vend, S.n)]
    if not obj or any(k in S.mstart_at for k in range(vend, vend + len(obj))):
        return False
    return not W.MODALS.isdisjoint(obj) and W.ANAPHORS.isdisjoint(obj[:2])


def _own_object(S: Sentence, vend: int, strict: bool = True) -> bool:
    """Does the verb phrase ending at `vend` have an object that points back at nothing?
    Not strict: only a pronoun or a first word points back ("a ban on such arms" does not)."""
    obj = S.tk[vend : VB.object_end(S, vend, S.n)]
    if not obj or {"its", "their"} & set(obj):
        return False
    if not strict:
        return obj[0] not in W.ANAPHORS and not {"it", "them"} & set(obj)
    return W.ANAPHORS.isdisjoint(obj)


def _backed_by_list(S: Sentence, j: int) -> int | None:
    """'joined / supported by A, B' at token j: the start of the by-list, else None."""
    tk = S.tk
    if j + 2 >= S.n or W.PASSIVE.get(tk[j]) != W.SUP:
        return None
    by = j + 1 if tk[j + 1] == "by" else None
    if tk[j] == "joined" and tk[j + 1] == "in" and tk[j + 3 : j + 4] == ["by"]:
        by = j + 3  # "joined in opposition by the EU"
    if by is None or by + 1 >= S.n:
        return None
    at = by + 1 + (tk[by + 1] == "the")  # "joined by (the) EU"
    return at if at in S.list_at else None


def _joined_by(S: Sentence, L: ActorList, j: int) -> bool:
    """'Iran opposed X and was joined by Syria': the by-list takes the subject's side."""
    by = _backed_by_list(S, j + 1) if j < S.n and S.tk[j] in W.BE else None
    if by is None or not L.events or L.stance not in ("support", "oppose"):
        return False
    S.inherit[by] = (L, False)
    return True


def _second_demand(S: Sentence, cls: str, hit2: tuple[str, int]) -> bool:
    """After a proposal, a second proposal verb (or "stressed the need for") with an object
    of its own, pointing at nothing said before, is a second demand."""
    cls2, vend2 = hit2
    if cls != W.PROP:
        return False
    tk = S.tk
    need = cls2 == W.STMT and tk[vend2 : vend2 + 3] in (
        ["the", "need", "for"],
        ["the", "importance", "of"],
    )
    if cls2 != W.PROP and not need:
        return False
    oend2 = VB.object_end(S, vend2, S.n)
    obj = tk[vend2:oend2]
    if len(obj) < 3 or any(k in S.mstart_at for k in range(vend2, oend2)):
        return False
    return _own_object(S, vend2)


def _second_side(S: Sentence, cls: str, hit2: tuple[str, int], neg2: bool) -> bool:
    """A coordinated verb taking the other side on an object of its own ("supported X but
    opposed Y"), or any side after a remark ("highlighted X and supported Y"). The same side
    again elaborates the first ("backed X and welcomed Y"), and an object pointing back
    ("would oppose any weakening of it") restates it."""
    cls2, vend2 = hit2
    if neg2:
        cls2 = ST.flip(cls2)
    if cls2 not in (W.SUP, W.OPP) or cls != W.STMT and (cls2 == W.OPP) == (cls == W.OPP):
        return False  # (after a remark, "highlighted X and supported Y", any side is new)
    oend2 = VB.object_end(S, vend2, S.n)
    obj = S.tk[vend2:oend2]
    if not obj or any(k in S.mstart_at for k in range(vend2, oend2)):
        return False  # no object, or a named actor there ("and opposed Russia's text")
    if not W.ANAPHORS.isdisjoint(obj[1:]) or obj[0] in W.ANAPHORS:
        return False
    return not OB.anaphoric_object(S, vend2, oend2) and not OB.bare_action(S, vend2, oend2)


def _turned_on_it(
    P, S: Sentence, L: ActorList, cls: str, hit2: tuple[str, int], neg2: bool
) -> bool:
    """The main clause after a relative aside takes the other side on the same thing ('it',
    'the text'): the main clause is the position now, so it replaces the aside's."""
    cls2 = ST.flip(hit2[0]) if neg2 else hit2[0]
    if cls2 not in (W.SUP, W.OPP) or cls not in (W.SUP, W.OPP) or cls2 == cls:
        return False
    oend2 = VB.object_end(S, hit2[1], S.n)
    if not (OB.anaphoric_object(S, hit2[1], oend2) or S.tk[hit2[1] : hit2[1] + 1] == ["it"]):
        return False
    stance = "support" if cls2 == W.SUP else "oppose"
    changed = False
    for ev in S.focus or ():
        for mi in L.members:
            code = S.ments[mi].code
            if code in ev.sides and code != ev.proposer:
                ev.sides[code] = TI.on_object([ev], stance)
                changed = True
    return changed


def side_on_the_object(S: Sentence, evs: list[Ev], stance: str, vend: int, oend: int) -> str:
    """ "..., while B supported it": "it" (or "the text") is the object of an opponent's view,
    so B is against that view; "B supported this position" backs the view itself."""
    if OB.fate_of_it(S, vend, oend) is not None:
        return _fate_of_it(S, evs, TI.on_object(evs, stance), vend, oend)
    obj = [t for t in S.tk[vend:oend] if t not in W.DETERMINERS and t not in W.ADVERB_OBJECTS]
    if not obj or (obj[0] not in ("it", "them") and obj[0] not in W.DOC_NOUNS):
        return stance
    if obj[0] == "them" and "with" in S.tk[max(0, vend - 1) : vend + 1]:
        return stance  # "aligned itself with them", "sided with them": the people, not a text
    return TI.on_object(evs, stance)


_RETENTION = W.words("retain retained retaining retention keep keeping kept maintain maintaining")


def _fate_of_it(S: Sentence, evs: list[Ev], stance: str, vend: int, oend: int) -> str:
    """ "wanted it retained" after "X called for the paragraph to be dropped": wanting the
    object kept is against its deletion, wanting it dropped is against the option (or its
    keeping)."""
    fate = OB.fate_of_it(S, vend, oend) if stance in ("support", "oppose") and evs else None
    if fate is None:
        return stance
    words = fold(evs[-1].option).lower().split()
    removal = not (_DELETION | OB.DROPS).isdisjoint(words)
    keeping = not _RETENTION.isdisjoint(words)
    against = removal if fate == "keep" else (keeping or not removal)
    return ("oppose" if stance == "support" else "support") if against else stance


_RECIPROCAL = W.words(
    "disagree disagrees disagreed disagreeing differ differs differed clash clashes clashed "
    "diverge diverges diverged split sparred argued quarrelled quarreled"
)


def among_themselves(S: Sentence, L: ActorList, j: int, vend: int) -> bool:
    """ "A and B disagreed on X", "A clashed with B over X": a quarrel between the named,
    which says neither's side (it is no view they share)."""
    if S.tk[j] not in _RECIPROCAL:
        return False
    after = S.tk[vend] if vend < S.n else "."
    if after == "with":  # "clashed with B", "with each other": mutual; "disagreed with B's
        # proposal": against it
        mutual = S.tk[vend + 1 : vend + 3] == ["each", "other"]
        return mutual or (S.tk[j] not in W.VERBS and vend + 1 in S.mstart_at)
    several = len({S.ments[mi].code for mi in L.members}) > 1
    return several and after in ("on", "over", "about", "among", "between", "amongst")


def do_likewise(obj: list[str]) -> bool:
    """An appeal to others to take the speaker's side ("urge all states to do the same")."""
    text = " ".join(obj)
    return any(p in text for p in ("do the same", "do likewise", "follow suit", "follow our lead"))


_KEY_STOP = W.words("the a an of and to in on for by with its their this that these those")


_PROVISION = re.compile(
    r"(?:(?:to|on|about|for|with|against|over)\s+)?(?:the\s+)?(article|paragraph|para|clause|section|op|pp)\s+(\d++[a-z]?+(?:\s*\(\w+\))*+)"
    r"(?![\w(])(?!\s*(?:and|or|to|-)\s*\d)"
)


def object_key(option: str) -> tuple[str, ...] | None:
    """A provision named first ("article 5 as drafted" and "article 5" are one), else the
    first three content words of an option, if it has three."""
    folded = fold(option).lower().strip()
    m = _PROVISION.match(folded)
    if m:
        return (m.group(1), re.sub(r"\s+", "", m.group(2)))
    words = [w for w in re.findall(r"[a-z0-9]+", folded) if w not in _KEY_STOP]
    return tuple(words[:3]) if len(words) >= 3 else None


def same_object(P, S: Sentence, option: str, age: int = 2) -> Ev | None:
    """A recent event of this section (`age` sentences back at most) whose option opens
    with the same three content words ("the inclusion of digital assets ..."), else one
    that names the same thing otherwise (`_same_thing`: a quoted term, or a two-word name
    that both delete; no other article)."""
    key = object_key(option)
    recent = []
    for ev in reversed(P.events[-12:]):
        if ev.section != P.section or S.idx - ev.sent > max(age, _NAMED_AGE):
            break
        if ev.sent < S.idx and not ev.latent:
            recent.append(ev)
    if key is not None:
        for ev in recent:
            if S.idx - ev.sent <= age and object_key(ev.option) == key:
                return ev
    # a quoted term or a two-word name is a surer sign than three opening words: it reaches
    # back over a few turns of one debate ("the 'may' clauses", "removing the gender
    # perspective")
    mine = _signature(option)
    return next((ev for ev in recent if _same_thing(mine, _signature(ev.option))), None)


_NAMED_AGE = 20
_ADOPTED = W.words("convention text draft resolution treaty instrument")


_DELETION = W.words("delete deleted deleting deletion remove removed removing removal strike")
_QUOTED = re.compile(r"\"([^\"]{1,40})\"|(?<![\w'])'([^']{1,40})'(?![\w'])")
_ARTICLES = re.compile(r"\barticles?\s+(\d+)(?:\s*(?:and|,|or)\s*(\d+))?")
_GENERIC = W.words(
    "article articles paragraph paragraphs provision provisions text draft proposal reference "
    "references language wording formulation clause clauses convention chapter word words "
    "current currently drafted revised further new whole any all"
)


@functools.lru_cache(maxsize=4096)
def _signature(option: str) -> tuple:
    """(a deletion?, quoted terms, two-word names, article numbers, the number the option
    is made of or None, its numbers) of an option; cached, as every side taken compares its
    option with a dozen recent ones."""
    folded = fold(option).lower()
    words = re.findall(r"[a-z0-9]+", folded)
    deletion = any(w in _DELETION for w in words)
    quoted = {q.strip() for m in _QUOTED.findall(folded) for q in m if q.strip()}
    pairs = {
        (a, b) for a, b in zip(words, words[1:], strict=False) if _name_word(a) and _name_word(b)
    }
    arts = {n for m in _ARTICLES.finditer(folded) for n in m.groups() if n}
    content = [w for w in words if w not in _KEY_STOP]
    rest = [w for w in content[1:] if not w.endswith("ly")]
    if content[:1] == ["adoption"] and all(w in _ADOPTED for w in rest):
        quoted.add("the adoption")  # "welcomes the adoption" after "joined the adoption"
    nums = frozenset(_NUMBER_WORDS.get(w, w) for w in words if w in _NUMBER_WORDS or w.isdigit())
    bare = next(iter(nums)) if len(content) == 1 and len(nums) == 1 else None
    return deletion, frozenset(quoted), frozenset(pairs), frozenset(arts), bare, nums - arts


_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(_UNITS)} | {
    w: str(10 * n) for n, w in enumerate(_TENS, 2)
}
_NOT_NAMES = _KEY_STOP | _GENERIC | _DELETION | W.PREPOSITIONS | W.BE


def _name_word(w: str) -> bool:
    return len(w) > 2 and not w.isdigit() and w not in _NOT_NAMES


def _same_thing(a, b) -> bool:
    """Two options name one thing: both deletions or neither, no conflicting article, and a
    shared quoted term ("may") or, for deletions, a shared two-word name ("gender
    perspective")."""
    if a[0] != b[0] or (a[3] and b[3] and not a[3] & b[3]):
        return False
    if a[4] is not None and a[4] in b[5] or b[4] is not None and b[4] in a[5]:
        return True  # "would favour sixty" after "set the figure at sixty ratifications"
    # a shared name alone ("human rights") is too common unless both delete it
    return bool(a[1] & b[1]) or (a[0] and bool(a[2] & b[2]))


def _bare_actors(S: Sentence, vend: int) -> list[str]:
    """The actors a verb's object is made of, when it is only them ("backed Iran", "sided
    with Cuba and Syria", "joined Iran in opposing it"); [] for "Iran's proposal"."""
    k = vend
    while k < S.n and k not in S.mstart_at and S.tk[k] in ("the", "with", "its", "their"):
        k += 1  # "backed its Russian partner"
    if k + 1 < S.n and S.tk[k] in W.KIN_NOUNS and k + 1 in S.mstart_at:
        k += 1  # "backed its ally Russia"
    mi = S.mstart_at.get(k)
    if mi is None or S.mflag[mi] != "":
        return []  # no name here, or a possessive / proposal noun ("Iran's amendment")
    L = S.list_at.get(k)
    members = L.members if L is not None else [mi]
    after = S.mend[members[-1]] if L is None else L.end
    if after < S.n and (S.tk[after] in W.PROPOSAL_NOUNS or S.tk[after] in ("'s", "'")):
        return []
    return list(dict.fromkeys(S.ments[x].code for x in members))


_VIEW_NOUNS = W.words("proposals positions views suggestions amendments ideas stance position")


def _views_of(S: Sentence, vend: int) -> list[str]:
    """'Syria's proposals', 'Iran's positions' as the whole object at vend: [that actor], the
    one whose recent sides the subject takes, else []."""
    k = vend
    while k < S.n and S.tk[k] in ("the", "all", "of", "for", "to", "with"):
        k += 1
    mi = S.mstart_at.get(k)
    if mi is None or S.poss_end[mi] <= 0:
        return []
    noun = S.poss_end[mi]
    if noun >= S.n or S.tk[noun] not in _VIEW_NOUNS:
        return []
    after = noun + 1
    if after < S.n and S.tk[after] not in W.CLAUSE_END and S.tk[after] not in ("and",):
        return []  # "Syria's proposals on Article 5": those are a text of their own
    return [S.ments[mi].code]


def _side_taken(P, S: Sentence, code: str) -> tuple[Ev, str] | None:
    """The side `code` took in this or the previous sentence, when it took one and did not
    propose the thing itself (a proposer's backers are read as backing the proposal)."""
    taken = _sides_taken(P, S, code, 1)
    return taken[0] if taken else None


def _sides_taken(
    P, S: Sentence, code: str, age: int, proposals: bool = False
) -> list[tuple[Ev, str]]:
    """Every side `code` took in the last `age` sentences, latest first; [] when it proposed
    something since (then backing it is backing that proposal), unless `proposals` (its
    proposals count as its side: "support for Syria's proposals")."""
    out = []
    for ev in reversed(P.events[-50:]):
        if ev.section != P.section or S.idx - ev.last > age:
            continue
        if ev.proposer == code and proposals and not ev.latent:
            out.append((ev, "oppose" if TI.against(ev) else "support"))
            continue
        if ev.proposer == code:
            return out
        side = ev.sides.get(code)
        if side in ("support", "oppose"):
            out.append((ev, side))
    return out


def joined_by(P, S: Sentence, L: ActorList, j: int) -> bool:
    """'Iran rejected X. Tehran was joined by Damascus': the by-list takes Iran's side on X,
    when Iran has just taken one (else the caller reads a reference to Iran's proposal)."""
    by = _backed_by_list(S, j)
    if by is None:
        return False
    codes = list(dict.fromkeys(S.ments[mi].code for mi in L.members))
    sides = [_side_taken(P, S, c) for c in codes]
    if any(s is None for s in sides):
        return False
    stances = {side for _ev, side in sides}  # type: ignore[misc]
    if len(stances) != 1:
        return False
    L.events = list(dict.fromkeys(ev for ev, _side in sides))  # type: ignore[misc]
    L.stance = stances.pop()
    S.inherit[by] = (L, False)
    return True


def align_with_actors(
    P, S: Sentence, L: ActorList, cls: str, span: tuple[int, int], stance: str
) -> bool:
    """'Iran opposed X. China backed Iran': China opposes X too (backing an actor is taking its
    side, and opposing one the other side). True when handled: every named actor had just
    taken a side."""
    if stance not in ("support", "oppose"):
        return False
    vend, oend = span
    codes = _bare_actors(S, vend)
    # a speaker's "we join Egypt" points at Egypt's whole turn; prose at the last sentence
    age = _TURN_AGE if P.fp_cue else 1
    views = not codes
    if views:
        codes = _views_of(S, vend)  # "expressed its support for Syria's proposals"
        age = _TURN_AGE
    sides = [_sides_taken(P, S, c, age, views)[: None if age > 1 else 1] for c in codes]
    if not codes or any(not s for s in sides):
        return False
    OB.targets_in(S, vend, oend, cls)  # marks the names used
    P._cue("backs an actor: that actor's side", 0.8)
    for taken in sides:
        for ev, side in taken:
            st = side if stance == "support" else ("oppose" if side == "support" else "support")
            P._attach(S, [ev], L.members, st)
    return True


_TURN_AGE = 8  # sentences: about one or two turns of a transcript


def unnamed_subject_side(P, S: Sentence, L: ActorList) -> None:
    """'Several delegations opposed the proposal, with Russia noting that ...': the list
    takes the side of a clause whose subject names nobody (a new event on its object)."""
    own = L.end + (L.end < S.n and S.tk[L.end] == ",")
    hit = VB.verb(S, own, S.n) if own < S.n and S.tk[own].endswith("ing") else None
    if hit is not None and hit[0] in _CLAUSE_SIDES:
        P._subject(S, L, relative=False)  # "with some, including A, calling for X": their X
        return
    start = RO.subject_start(S)
    found = _clause_side(S, start, min(L.start, start + 12), L.start, stop_at_names=True)
    if found is None:
        return
    stance, vend, oend = found
    option = S.text_of(P.text, vend, oend)
    if option:
        P._cue("side of a clause with an unnamed subject", 0.7)
        P._attach(S, [P._new_event(S, None, option)], L.members, stance)


_CLAUSE_SIDES = {W.SUP: "support", W.PROP: "support", W.OPP: "oppose", W.NEU: "neutral"}


def _clause_side(
    S: Sentence, start: int, stop: int, limit: int, stop_at_names: bool = False
) -> tuple[str, int, int] | None:
    """(stance, object start, object end) of the first side verb in tokens [start, stop),
    negation before it applied; None when there is none, when the negated class has no
    opposite, or (`stop_at_names`) when a name comes first (its own verb reads it)."""
    for j in range(start, stop):
        if stop_at_names and j in S.in_mention:
            return None
        hit = VB.verb(S, j, limit)
        if hit is None or hit[0] not in _CLAUSE_SIDES:
            continue
        neg = any(t in W.NEG for t in S.tk[start:j])
        cls = ST.flip(hit[0]) if neg else hit[0]
        if cls is None:
            return None
        return _CLAUSE_SIDES[cls], hit[1], VB.object_end(S, hit[1], limit)
    return None


_COUNTED = W.words("countries states members delegations nations governments others")
_NAMING = (
    ["these", "were"], ["they", "were"], ["those", "were"], ["these", "are"], ["they", "are"],
    ["they", "included"], ["these", "included"], ["they", "include"], ["among", "them", "were"],
)  # fmt: skip


def note_unnamed(P, S: Sentence) -> None:
    """'Four countries (of the Council) abstained.' names nobody: its side is kept for the
    next sentence ("These were China, India and Brazil.", `named_after`)."""
    tk = S.tk
    i = RO.subject_start(S)
    k = next((q for q in range(i, min(S.n, i + 4)) if tk[q] in _COUNTED), None)
    if k is None:
        return
    found = _clause_side(S, k + 1, min(S.n, k + 16), S.n)
    if found is not None:
        stance, vend, oend = found
        P.unnamed = (stance, S.idx, S.text_of(P.text, vend, oend))


def named_after(P, S: Sentence, L: ActorList) -> bool:
    """'These were China, India, Brazil and Gabon.' right after 'Four countries abstained':
    the list takes that side, on the vote (or text) in focus. True when handled."""
    if P.unnamed is None or S.idx - P.unnamed[1] != 1:
        return False
    if S.tk[RO.subject_start(S) : L.start] not in _NAMING:
        return False
    stance, _sent, option = P.unnamed
    vote = P.vote
    evs = vote[0] if vote and vote[0] and S.idx - vote[1] <= 4 else None
    evs = evs or (P.cur if P._cur_ok(S, 3) else None)
    if not evs:
        evs = [P._new_event(S, None, option or S.text_of(P.text, 0, S.n))]
    P._cue("named after an unnamed count", 0.8)
    P._attach(S, evs, L.members, stance)
    return True
