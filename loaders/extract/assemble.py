"""Phase (d), part 2: a list with its role becomes (part of) an event.

`Assembly` is mixed into the Parser of events.py: a subject list with a verb of its own makes
a new event (a single actor is its proposer, a single actor against a draft provision its
opponent); passive lists ("supported by"), anaphora ("This proposal was supported by", "did not
support it") and references ("Brazil's proposal") attach to the event in focus, in the same
sentence or a recent one of the same section.
"""

from __future__ import annotations

import re

from loaders.extract import coordination as CO
from loaders.extract import modifiers as MO
from loaders.extract import objects as OB
from loaders.extract import roles as RO
from loaders.extract import sentence as ST
from loaders.extract import tidy as TI
from loaders.extract import verbs as VB
from loaders.extract import words as W
from loaders.extract.sentence import ActorList, Ev, Sentence
from loaders.extract.text import fold

# "Conversely, B raised concerns": the opposite side of what the last sentence backed
_OPENS_CONTRAST = re.compile(r"(?:conversely|in contrast|by contrast|on the other hand)\b")

# verb class of a subject's verb phrase -> (cue name, reliability)
_VERB_CUES = {
    W.SUP: ("subject + support verb", 0.88),
    W.OPP: ("subject + opposition verb", 0.88),
    W.NEU: ("subject + reserve verb", 0.8),
    W.PROP: ("subject + proposal verb", 0.85),
    W.STMT: ("subject + statement verb", 0.7),
    W.ALIGN: ("subject + alignment verb", 0.82),
}


_TOPIC_LEADS = (("as", "for"), ("as", "regards"), ("as", "to"), ("regarding",), ("concerning",),
                ("with", "regard", "to"), ("with", "respect", "to"), ("turning", "to"))  # fmt: skip


def _fronted_topic(S: Sentence, before: int) -> tuple[int, int] | None:
    """'As for X, we ...', 'Regarding X, Chile ...': the tokens of X (it names no actor and
    ends at the comma before the subject at `before`), else None."""
    tk = S.tk
    lead = next((len(t) for t in _TOPIC_LEADS if tuple(tk[: len(t)]) == t), 0)
    if not lead or before < lead + 2 or tk[before - 1] != ",":
        return None
    if any(q in S.in_mention for q in range(lead, before - 1)) or "," in tk[lead : before - 1]:
        return None
    return lead, before - 1


def _backs_it_already(S: Sentence, L) -> bool:
    """Every member of the list is for the sentence's event already ("Kenya backed the goal,
    but it could not accept the text"): its objection is to another option, not to that one."""
    codes = {S.ments[mi].code for mi in L.members}
    ev = S.focus[-1] if S.focus else None
    if ev is None or not codes:
        return False
    return all(c == ev.proposer or ev.sides.get(c) == "support" for c in codes) and not ev.neg


_VIEW_NOUNS = W.words(
    "view views position positions stance concern concerns objection objections reservation "
    "reservations argument arguments point remarks"
)


def _a_view_just_stated(S: Sentence, j: int, end: int) -> bool:
    """'that view', 'this position', 'those concerns', 'the same view': a short object naming
    somebody's stated view, not the text it is about."""
    tk = S.tk
    if j < end and tk[j] in ("with", "to"):
        j += 1
    if not (0 < end - j <= 3) or tk[j] not in ("that", "this", "those", "these", "the", "such"):
        return False
    words = tk[j + 1 : end]
    return (
        bool(words)
        and words[-1] in _VIEW_NOUNS
        and all(w in _VIEW_NOUNS or w in ("same", "previous", "latter", "former") for w in words)
    )


def _adverbial_object(S: Sentence, j: int, end: int) -> bool:
    """An 'object' that is only a time or manner phrase: 'at once', 'on Tuesday', 'again'."""
    toks = S.tk[j:end]
    if not toks or len(toks) > 4:
        return False
    if all(t in W.AUX or t in W.ADVERB_OBJECTS for t in toks):
        return True
    return toks[0] in W.TIME_PREPS and not any(t in W.DRAFT_WORDS for t in toks)


def _labelled(evs: list | None) -> bool:
    return bool(evs) and all(any("label" in c for c in ev.cues) for ev in evs)  # type: ignore[union-attr]


def _clause_follows(S: Sentence, vend: int) -> bool:
    """A reported clause with a subject list of its own right after a speech verb."""
    k = vend + 1 if vend < S.n and S.tk[vend] in ("that", ",") else vend
    return k in S.list_at or (k + 1 in S.list_at and S.tk[k] == "the")


_SAME_FIRST = frozenset(p[0] for p in W.SAME_PHRASES if p)


def _hedged(tk: list[str], start: int, j: int) -> bool:
    """A hedge in the words right before the verb ("may", "reportedly"), not one inside a
    clause skipped on the way ("Peru, which may host the session, backed it")."""
    q = j - 1
    while q >= start and (tk[q] in W.AUX or tk[q] in W.HEDGES or tk[q].endswith("ly")):
        if tk[q] in W.HEDGES:
            return True
        q -= 1
    # "the US will only support a resolution that demands ...": a condition, not a side
    return j > 0 and tk[j - 1] == "only" and tk[j + 1 : j + 2] in (["a"], ["an"], ["any"])


_ASIDES = (
    ("for", "example"), ("for", "instance"), ("in", "particular"), ("however",), ("moreover",),
    ("furthermore",), ("therefore",), ("in", "this", "regard"), ("in", "addition"),
)  # fmt: skip


def _stance_of(cls: str) -> str:
    """The side a verb class takes: against, neutral, else for (a proposal backs its text)."""
    return {W.OPP: "oppose", W.NEU: "neutral"}.get(cls, "support")


def _past_aside(tk: list[str], k: int) -> int:
    """After ', for example,' / ', however,' right after a verb: the object's start; else k."""
    if k >= len(tk) or tk[k] != ",":
        return k
    for words in _ASIDES:
        end = k + 1 + len(words)
        if tuple(tk[k + 1 : end]) == words and end < len(tk) and tk[end] == ",":
            return end + 1
    if k + 2 < len(tk) and (tk[k + 1] in W.TIME_PREPS or tk[k + 1] in ("from", "since")):
        close = next((q for q in range(k + 2, min(len(tk), k + 7)) if tk[q] == ","), None)
        if close is not None and all(t.isalnum() for t in tk[k + 1 : close]):
            return close + 1  # "has supported, from the outset, the idea of ..."
    if k + 2 < len(tk) and tk[k + 1] in ("with", "without", "albeit"):
        close = next((q for q in range(k + 2, min(len(tk), k + 6)) if tk[q] == ","), None)
        if close is not None and tk[close - 1] in _HEDGE_NOUNS:
            return close + 1  # "has given its backing, with reservations, to the process"
    return _raised_object(tk, k)


_HEDGE_NOUNS = W.words(
    "reservations reservation caveats caveat conditions misgivings hesitation reluctance "
    "enthusiasm qualifications reluctantly"
)


def _second_of_raised(S: Sentence, L: ActorList) -> bool:
    """Is L the subject of the second clause of ', and B supported, X'?"""
    b = L.start - (L.start > 0 and S.tk[L.start - 1] == "the")
    return b >= 2 and S.tk[b - 1] in ("and", "but", "while", "whereas") and S.tk[b - 2] == ","


def _raised_object(tk: list[str], k: int) -> int:
    """'Iran opposed, and Russia supported, the inclusion of X': the object both verbs share
    comes after the second clause's comma. At the first verb's comma (k), the object's start;
    else k."""
    if k + 3 >= len(tk) or tk[k + 1] not in ("and", "but", "while", "whereas"):
        return k
    close = next((q for q in range(k + 3, min(len(tk), k + 14)) if tk[q] in (",", ";")), None)
    if close is None or tk[close] != "," or close + 1 >= len(tk):
        return k
    verb = tk[close - 1]
    if verb not in W.VERBS and not verb.endswith("ed"):
        return k
    return close + 1


def _joined_in(S: Sentence, vend: int, oend: int) -> tuple[list[int], tuple[str, int]] | None:
    """'joined China in voting against the resolution': the joined names and the side of
    the gerund after "in" (its verb class and where its object starts), else None."""
    tk = S.tk
    if vend < 1 or tk[vend - 1] not in ("joined", "join", "joins") or vend not in S.list_at:
        return None
    L2 = S.list_at[vend]
    at = L2.end
    if at < S.n and tk[at] in ("and", ","):  # "... and dozens of other nations in signing"
        at = next((q for q in range(at + 1, min(S.n, at + 7)) if tk[q] == "in"), at)
        if any(q in S.mstart_at for q in range(L2.end, at)):
            at = L2.end
    g = at + 1
    if at >= S.n or tk[at] != "in" or g >= S.n or not tk[g].endswith("ing"):
        return None
    hit = VB.verb(S, g, S.n)
    if hit is None or hit[0] not in (W.SUP, W.OPP, W.NEU):
        return None
    return list(L2.members), hit


# "Iran has not signed the Budapest Convention", "which Russia and China have not joined":
# staying out of a treaty takes no side in the talks ("did not join (the) consensus" still does)
_MEMBERSHIP_VERBS = W.words(
    "join joins joined joining sign signs signed signing ratify ratifies ratified ratifying "
    "accede accedes acceded acceding"
    " signatory signatories co-signatories signers"  # "was not among the signatories"
)


def _stays_out(tk: list[str], j: int, vend: int) -> bool:
    return not _MEMBERSHIP_VERBS.isdisjoint(tk[j:vend]) and "consensus" not in tk[vend : vend + 4]


_SIGNED = W.words("signed signing concluded co-signed")
_CONCERNS = W.words("concerns concern worries reservations objections misgivings doubts")
_PLURAL_TEXT_NOUNS = W.words("proposals suggestions amendments ideas initiatives drafts texts")


def _sided_otherwise(S: Sentence, ev, members: list[int], stance: str) -> bool:
    """Has one of `members` already taken another side on `ev` than `stance` would give?"""
    if stance not in ("support", "oppose", "neutral"):
        return False
    stance = ev.backed(stance)  # as _attach(backing=True) records it
    had = [ev.sides.get(S.ments[mi].code) for mi in members]
    return any(h is not None and h != stance for h in had)


_NP_BOUNDS = W.words("than rather and or , ; : ( to on at with over for of by about")


def _bracketed_head(S: Sentence, start: int) -> tuple[int, int] | None:
    """'rather than the simple majority (favoured by Russia)': a by-list that opens a bracket
    right after the rival a clause sets aside is that rival's (its token range), else None."""
    tk = S.tk
    par = start - 3
    if par < 1 or tk[par] != "(" or tk[start - 1] != "by" or tk[start - 2] not in W.PASSIVE:
        return None
    k = par - 1
    while k >= 0 and par - k <= 8 and tk[k] not in _NP_BOUNDS and k not in S.in_mention:
        if tk[k] in W.VERBS or tk[k] in W.BE:
            break
        k -= 1
    lo = k + 1
    if k < 0 or tk[k] not in ("than", "instead", "versus", "vs", "over"):
        return None  # "delete this term (supported by A, B)": the subject's side, read as usual
    return (lo, par) if par - lo >= 1 and any(t.isalpha() for t in tk[lo:par]) else None


def _speaker_start(S: Sentence) -> int:
    """Where the subject starts, past "the representative of" before the name it speaks for
    (a sentence whose subject is that phrase has no topic of its own before the name)."""
    i = RO.subject_start(S)
    k = i + (i < S.n and S.tk[i] == "the")
    if k + 1 < S.n and S.tk[k] in W.SPEAKER_NOUNS and S.tk[k + 1] == "of":
        return k + 2
    mi = S.mstart_at.get(i)  # "Norway's representative said ...": the same, name first
    if mi is not None and S.mend[mi] - i >= 3 and S.tk[S.mend[mi] - 1] in W.SPEAKER_NOUNS:
        return S.mend[mi] - 1  # the mention spans its "'s representative"
    return i


def _modal_in(toks: list[str]) -> bool:
    """A clause that says what must be done: "should", "must", "needs to be", "has to"."""
    if not W.MODALS.isdisjoint(toks):
        return True
    pairs = zip(toks, toks[1:], strict=False)
    return any(a in ("needs", "need", "has", "have") and b == "to" for a, b in pairs)


def _coordinated_verb(S: Sentence, j: int, limit: int) -> tuple[int, bool] | None:
    """'spoke (on Taiwan's behalf) and asked for X': a verb that takes no side, then "and" and
    one that does. The second verb's onset and its negation, else None."""
    tk = S.tk
    if j >= limit or not tk[j].isalpha() or not S.tw[j][:1].islower() or tk[j] == "to":
        return None  # not "expect Russia to consider and support such a draft?"
    for q in range(j + 1, min(limit, j + 8)):
        if tk[q : q + 2] in ([",", "then"], [",", "and"], [",", "but"]):
            q += 1  # "thanked the chair, then complained that ..."
        if tk[q] not in ("and", "then", "but") and (tk[q] in W.CLAUSE_END or q in S.in_mention):
            return None
        if tk[q] in ("and", "then", "but"):
            j2, neg2, _each = VB.onset(S, q + 1, limit)
            return (j2, neg2) if VB.verb(S, j2, limit) is not None else None
    return None


def _subject_codes(S: Sentence, L: ActorList) -> tuple[str, ...]:
    """The actors a later pronoun may stand for: all those a 'they' stood for, too."""
    out: dict[str, None] = {}
    for mi in L.members:
        m = S.ments[mi]
        out.update(dict.fromkeys(getattr(m, "codes", None) or (m.code,)))
    return tuple(out)


def _indefinite(S: Sentence, vend: int, oend: int) -> bool:
    """'open to a wider convention': an object of its own (an indefinite noun phrase), not
    the option just discussed."""
    return oend - vend >= 2 and S.tk[vend] in ("a", "an")


def _same_text(S: Sentence, ev) -> bool:
    """Can 'the text' / 'the measure' of this sentence be the event just made? In its
    paragraph, yes; across one-sentence paragraphs (news wire), when that event is a text."""
    return ev.para == S.para or (S.para - ev.para <= 3 and TI.text_kind(ev.option) == "res")


def _relative_passive(S: Sentence, start: int) -> bool:
    """', which was supported by A', ', which was tabled by A and has enjoyed the backing of
    B': a relative pronoun opens the passive (or 'of' list) before the list."""
    tk = S.tk
    window = tk[max(0, start - 6) : start]
    if "by" in window and ("which" in window or "that" in window):
        return True
    if not ({"by", "of"} & set(tk[max(0, start - 3) : start])):
        return False
    for q in range(start - 1, max(0, start - 15), -1):
        if tk[q] in (";", ".", ":"):
            return False
        if tk[q] == "which" and tk[q - 1] == ",":
            return True
    return False


_PARTICIPLE_ASIDES = W.words(
    "criticised criticized praised accused condemned elected chosen described seen known "
    "cited named faulted lauded blamed"
)


def _participle_aside(S: Sentence, k: int) -> bool:
    """', criticised in a report for ...', ', praised by China for ...': a participle said of
    the name before the comma, then a preposition."""
    return (
        S.tk[k] in _PARTICIPLE_ASIDES
        and S.tk[k + 1 : k + 2] != [","]
        and (S.tk[k + 1] in ("by", "for", "in", "as", "at", "over", "earlier", "last"))
    )


_TEXT_NOUNS = W.PROPOSAL_NOUNS | W.DOC_NOUNS | W.DRAFT_WORDS


def _about_the_focus(S: Sentence, L: ActorList) -> bool:
    """Is the noun before the relative pronoun of L ('the annex, which A proposed') the
    object of the event in focus (a word of its option), or a text of some kind?"""
    tk = S.tk
    r = next((q for q in range(L.start - 1, max(-1, L.start - 3), -1) if tk[q] in _REL), None)
    if r is None or r == 0:
        return True
    at = r - 1 - (r > 1 and tk[r - 1] == ",")
    noun = tk[at]
    if noun in _TEXT_NOUNS or not noun.isalpha() or at in S.in_mention:
        return True  # "the proposal by Japan, supported by the EU, which Brazil questioned"
    return any(noun in fold(ev.option).lower().split() for ev in S.focus)


_REL = W.words("which that")
_CLEFT_BE = W.words("was is were are")


def _cleft(S: Sentence, start: int) -> bool:
    """'It was A that ...', 'It is A and B who ...' opening a clause: A is the subject."""
    tk = S.tk
    start -= start > 0 and tk[start - 1] == "the"
    if start < 2 or tk[start - 1] not in _CLEFT_BE or tk[start - 2] != "it":
        return False
    return start == 2 or tk[start - 3] in W.CLAUSE_END or tk[start - 3] in ("and", "but")


def _idle_view(ev: Ev) -> bool:
    """A bare remark ("the mission said") that says nothing of what should be done."""
    return ev.bare_view() and not ev.says_what_to_do()


_FOR_WORDS = W.words("favour favor supporting supporters proponents support sponsors")


class Assembly:
    """Event-building handlers for the roles of roles.py (mixin of events.Parser)."""

    def _passive(self, S: Sentence, L: ActorList, cls: str, label: bool = False) -> None:
        S.last_passive = cls if cls in (W.SUP, W.OPP) else S.last_passive
        members = L.members
        if cls == W.PROP and MO.speech_made(S, L.start):
            return  # "Statements in explanation of vote were made by A and B": no side
        if cls == W.PROP:
            # "Chile supported the amendment tabled by Mexico": Mexico is that event's proposer
            if S.focus and len(members) == 1:
                ev = S.focus[-1]
                lo, hi = S.obj_range.get(id(ev), (0, 0))
                relative = ev.sent == S.idx and _relative_passive(S, L.start)
                if ev.proposer is None and (lo <= L.start <= hi or relative):
                    # also "abstained on this draft, which was put forward by Russia"
                    code = S.ments[members[0]].code
                    ev.sides.pop(code, None)
                    ev.proposer = code
                    self._touch(S, [ev])
                    return
            option = RO.clause_text(self, S, L.start)
            if L.end < S.n and S.tk[L.end] in ("to", "on", "for", "regarding", "that", "of"):
                stop = VB.np_end(S, L.end + 1)
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
        np = _bracketed_head(S, L.start)
        if np is not None:
            # "rather than the simple majority (favoured by Russia)": the noun before it
            self._attach(S, [self._new_event(S, None, S.text_of(self.text, *np))], members, stance)
            return
        targets: list[Ev] | None = None
        both = any(S.tk[k] in W.BOTH_OF_WHICH for k in range(max(0, L.start - 8), L.start)) and (
            "which" in S.tk[max(0, L.start - 8) : L.start]
        )
        if both and S.touched:
            targets = list(S.touched)
        elif S.focus and not RO.new_clause(S, L.start):
            targets = S.focus
        elif (RO.passive_anaphor(S, L.start) and self._cur_ok(S, 3)) or (
            RO.came_from_alone(S, L) and self._cur_ok(S, 2)  # "Support came from Chile."
        ):
            targets = self.cur
        elif label and RO.bare_label(S, L.start) and self._cur_ok(S, 3):
            targets = self.cur  # "In favour: A, B. Against: C."
            # "Russia vetoed the text. In favour: A, B": for the text Russia is against
            stance = TI.on_object(targets, stance)  # type: ignore[arg-type]
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
            self._author(S, L, W.STMT, RO.clause_text(self, S, L.start), False, False)
            return
        if targets is None and stance in ("support", "oppose") and RO.clause_initial(S, L):
            S.pending.append((list(members), stance))
            return
        if targets is None and stance in ("support", "oppose") and self._split_subject(S, L):
            S.pending.append((list(L.members), stance))
            return
        if targets is None:
            option = RO.clause_text(self, S, L.start)
            c = L.end if S.tk[0] in W.OPENING_PREPS else S.n  # "Despite X from A, the text ..."
            if c < S.n and S.tk[c] == ",":
                option = S.text_of(self.text, c + 1, S.n)
            targets = [self._new_event(S, None, option, S.focus is not None)]
        # "Iran opposed the draft, which was supported by Chile": the relative is the draft's,
        # so Chile backs the draft, not Iran's side ("..., supported by Chile" would)
        back = not (S.focus and targets is S.focus and _relative_passive(S, L.start))
        if not back:  # on an opponent's own view ("against the resolution"): the other side
            stance = TI.on_object(targets, stance)  # type: ignore[arg-type]
        self._attach(S, targets, members, stance, backing=back)

    def _antecedent(self, S: Sentence) -> list[Ev]:
        """The events 'it' / 'the idea' refer to: those of the previous sentence, unless they
        are a bare view ("X said the obligation would collide with ..."); then the last
        proposal of the last three sentences."""
        cur: list[Ev] = self.cur or []
        if cur and all(ev.bare_view() for ev in cur):
            for ev in reversed(self.events[-20:]):
                if ev.section == self.section and S.idx - ev.sent <= 3 and not ev.bare_view():
                    return [ev]
        return cur

    def _vote(self, S: Sentence, L: ActorList, cls: str, j: int, vend: int) -> bool:
        """'X voted yes; Y voted no, as did Z; W abstained': the sides of one vote. A vote verb
        whose object names no provision of its own joins the vote of the last four sentences."""
        tk = S.tk
        if not any(t in W.VOTE_VERBS for t in tk[j:vend]) or self.vote is None:
            return False
        evs, sent, section = self.vote
        if not evs or section != self.section or S.idx - sent > 4:
            return False
        oend = VB.object_end(S, vend, S.n)
        if any(t in W.PROVISION_WORDS for t in tk[vend:oend]):
            return False
        stance = _stance_of(cls)
        name, conf = self.cue
        self._cue(f"{name} + the vote in focus", conf * 0.9)
        self._attach(S, evs, L.members, stance)
        self.vote = (evs, S.idx, section)
        L.events, L.stance = evs, stance
        self.last_subject = (evs, stance)
        return True

    def _authors_label(self, S: Sentence, L: ActorList) -> None:
        """'- Proposed by: A, B' in a fact sheet: the text the sheet describes (its heading),
        authored by A with B; the sheet's other label lines ("Supported by:") join it."""
        codes = [S.ments[mi].code for mi in L.members]
        self._cue("author label", 0.8)
        option = self.heading_text.strip() or RO.clause_text(self, S, L.start)
        ev = self._new_event(S, codes[0], option)
        self._attach(S, [ev], L.members[1:], "support")

    def _fronted_gerund(self, S: Sentence, L: ActorList) -> None:
        """'Backing the proposal were A and B': the fronted verb is theirs, on its object (or
        on the event in focus, for "Opposing it were C and D")."""
        hit = RO.fronted_gerund(S, L.start - 1 - (S.tk[L.start - 1] == "the"))
        if hit is None:
            return
        cls, vend = hit
        cop = L.start - 1 - (S.tk[L.start - 1] == "the")
        self._cue(f"fronted {cls.lower()} verb", 0.75)
        stance = "support" if cls == W.PROP else _stance_of(cls)
        if OB.anaphoric_object(S, vend, cop, cls):
            target = S.focus or (self._antecedent(S) if self._cur_ok(S, 2) else None)
            if target:
                self._attach(S, target, L.members, TI.on_object(target, stance))
            return
        ev = self._new_event(S, None, S.text_of(self.text, vend, cop))
        self._attach(S, [ev], L.members, stance)

    def _after_label(self, S: Sentence, L: ActorList) -> None:
        """'... align themselves with this statement: the candidate countries A, B; C; D': a
        later list of the same sentence, with no verb, after a colon with a stance cue."""
        tk = S.tk
        colon = next((k for k in range(L.start - 1, -1, -1) if tk[k] == ":"), -1)
        if colon < 0 or any(t == "." for t in tk[colon : L.start]):
            return
        cls = RO.cue_before(S, colon)
        if cls not in (W.SUP, W.OPP, W.NEU):
            return
        stance = {W.SUP: "support", W.OPP: "oppose", W.NEU: "neutral"}[cls]
        self._cue(f"{stance} label, later in the sentence", 0.75)
        if S.focus:
            targets = S.focus
        elif self._cur_ok(S, 2) and any(t in W.ANAPHORS for t in tk[max(0, colon - 4) : colon]):
            targets = self.cur  # "... with this statement:"
        elif self._cur_ok(S, 3) and RO.bare_label(S, L.start) and _labelled(self.cur):
            targets = self.cur  # "In favour: 29 (A, B)" then "Against: 3 (C)": one vote
        else:
            targets = [self._new_event(S, None, S.text_of(self.text, 0, colon))]
        self._attach(S, targets, L.members, stance, backing=True)  # type: ignore[arg-type]

    def _split_subject(self, S: Sentence, L: ActorList) -> bool:
        """'Supported by A and B, C proposed ...': the last name, after a comma, is a subject."""
        tk = S.tk
        if len(L.members) < 2 or not tk or tk[0] not in W.PASSIVE:
            return False
        last = L.members[-1]
        gap = tk[S.mend[L.members[-2]] : S.mtok[last][0]]
        if gap != [","]:
            return False
        j, _neg, _each = VB.onset(S, L.end, S.n)
        if VB.verb(S, j, S.n) is None:
            return False
        L.members.pop()
        sub = ActorList([last], S.mtok[last][0], L.end)
        S.lists.append(sub)
        S.list_at[sub.start] = sub
        S.deferred.append(sub)
        return True

    def _co_signers(self, S: Sentence, L: ActorList) -> bool:
        """'Russia signed an agreement with like-minded governments, including A and B': the
        names after 'including' sign the text in focus with its signer. True when read."""
        tk = S.tk
        b = L.start - (L.start > 0 and tk[L.start - 1] == "the")
        if (
            S.focus
            and b > 2
            and tk[b - 1] == "with"
            and not _SIGNED.isdisjoint(tk[max(0, b - 6) : b])
        ):
            # "Russia signed an agreement with Belarus and Cuba": its co-signers
            return self._as_sponsors(S, S.focus, L, "co-signers of the text in focus", 0.75)
        if not S.focus or L.start < 2 or tk[L.start - 1] not in ("including", "among"):
            return False
        before = tk[max(0, L.start - 20) : L.start]
        if _SIGNED.isdisjoint(before) or "with" not in before:
            return False
        return self._as_sponsors(S, S.focus, L, "co-signers of the text in focus", 0.75)

    def _among_sponsors(self, S: Sentence, L: ActorList) -> bool:
        """'..., with seventeen co-sponsors behind it, China and Iran among them', 'with China
        and Iran among the co-sponsors': the names co-sponsor the text of the sentence (or
        the one just reported). True when read."""
        tk = S.tk
        tail = tk[L.end : L.end + 6]  # "among the co - sponsors"
        sponsors_after = tail[:1] == ["among"] and any(t in W.SPONSOR_NOUNS for t in tail)
        sponsors_before = tail[:2] == ["among", "them"] and any(
            t in W.SPONSOR_NOUNS for t in tk[max(0, L.start - 10) : L.start]
        )
        if not (sponsors_after or sponsors_before):
            return False
        text = S.focus or (self.cur if self._cur_ok(S, 2) else None)
        if not text:
            voted = self._sponsored_text(S, L)
            text = [voted] if voted is not None else None
        if not text:
            return False
        return self._as_sponsors(S, text[-1:], L, "co-sponsors named among them", 0.8)

    def _as_sponsors(self, S: Sentence, evs: list, L: ActorList, cue: str, conf: float) -> bool:
        """The list backs `evs` as their co-sponsors (or co-signers); the list is read."""
        self._cue(cue, conf)
        self._attach(S, evs, L.members, "support")
        L.role = "SPONSORS"
        return True

    def _included(self, S: Sentence, L: ActorList) -> None:
        tk = S.tk
        stance = None
        sponsors = False
        for k in range(max(0, L.start - 30), L.start):
            t = tk[k]
            if t == ";":
                stance, sponsors = None, False
            elif t in _FOR_WORDS or t in W.SPONSOR_NOUNS:  # "co-sponsors included A, B"
                stance, sponsors = "support", t in W.SPONSOR_NOUNS
            elif t in ("against", "opposing", "opponents", "opposed", "critics"):
                stance = "oppose"
        if stance is None:
            # "A group of states, including A and B, voiced concerns over X": the verb after
            # the list is the unnamed subject's, and so the members'
            if L.end < S.n and S.tk[L.end] == ",":
                self._subject(S, L, relative=False)
            return
        if S.focus and "which" in tk[max(0, L.start - 5) : L.start]:
            # "A was one of the 120 that voted for X, which included B and C": the same vote
            self._attach(S, S.focus, L.members, TI.on_object(S.focus, stance))
            return
        voted = self._sponsored_text(S, L) if sponsors and not S.focus else None
        if voted is not None:
            # "The measure had 47 co-authors, among them A and B": the text just reported
            self._cue("co-sponsors of the text just named", 0.8)
            self._attach(S, [voted], L.members, "support")
            return
        ev = self._new_event(S, None, RO.clause_text(self, S, L.start), contrast=True)
        self._attach(S, [ev], L.members, stance)

    def _sponsored_text(self, S: Sentence, L: ActorList) -> Ev | None:
        """The resolution or draft of the last few sentences whose co-sponsors a sentence
        lists, when that sentence names no text of its own (no symbol, no 'draft')."""
        before = S.tk[: L.start]
        if "draft" in before or any("/" in t or t.startswith("l.") for t in before):
            return None
        for ev in reversed(self.events[-12:]):
            if ev.section != self.section or S.idx - ev.sent > 4:
                return None
            if ev.sent < S.idx and not ev.latent and TI.text_kind(ev.option) in ("res", "treaty"):
                return ev
        return None

    def _joined_or_same(self, S: Sentence, L: ActorList, j: int) -> bool:
        """'Russia was joined by China' (a reference: the by-list sides with Russia) and
        'China did likewise' (the previous speaker's side): True when handled."""
        limit = S.n
        tk = S.tk
        # "Russia was joined by China": the by-list sides with Russia's position
        if (
            j < limit
            and tk[j] in W.PASSIVE
            and any(t in W.BE for t in tk[L.end : j])
            and j + 1 < limit
            and (tk[j + 1] == "by" or tk[j + 1] == "in" and tk[j + 3 : j + 4] == ["by"])
        ):  # also "was joined in opposition by the EU"
            for mi in [] if CO.joined_by(self, S, L, j) else L.members:
                self._reference(S, S.ments[mi].code, j)  # the by-list backs Russia's proposal
            return True
        # "China did likewise": the side of the previous speaker
        j0 = L.end + 1 if L.end < limit and tk[L.end] in ("also", "then", ",") else L.end
        if j0 >= limit or tk[j0] not in _SAME_FIRST:
            return False  # no phrase can start here
        for phrase in W.SAME_PHRASES:
            n = len(phrase)
            ends = j0 + n >= limit or tk[j0 + n] in W.CLAUSE_END
            same = tuple(tk[j0 : j0 + n]) == phrase and ends
            if same and self.last_subject and self._cur_ok(S, 2):
                evs, stance = self.last_subject
                self._cue("did-likewise: the previous speaker's side", 0.75)
                self._attach(S, evs, L.members, TI.on_object(evs, stance))
                L.events, L.stance = evs, stance
                return True
        return False

    def _subject(self, S: Sentence, L: ActorList, relative: bool) -> None:
        limit = S.n
        start = L.end
        main = None  # the main clause's verb after a relative aside
        if start + 2 < limit and S.tk[start] == "," and _participle_aside(S, start + 1):
            # "Vietnam, criticised in a report for curbs, has arrested ...": what was said
            # of the name is no verb of its own; the main clause after the closing comma is
            close = next((q for q in range(start + 2, min(limit, start + 25)) if S.tk[q] == ","), 0)
            if not close:
                return
            start = close + 1
        elif (
            start + 1 < limit
            and S.tk[start] == ","
            and S.tk[start + 1] in ("who", "which", "whose")
        ):
            # "Brazil's delegate, who also abstained, said ...": the relative's verb, and the
            # main verb after its closing comma when the relative takes no side
            main = next((q + 1 for q in range(start + 2, min(limit, start + 30))
                         if S.tk[q] in (",", ";")), None)  # fmt: skip
            main = main if main is not None and S.tk[main - 1] == "," else None
            start += 2
        elif start < limit and S.tk[start] in ("that", "who") and _cleft(S, L.start):
            start += 1  # "It was Iran that called for a vote": Iran called for it
        j, neg, each = VB.onset(S, start, limit, owner=L)
        if main is not None and VB.verb(S, j, main) is None:
            start, main = main, None  # "The EU, which had doubts about X, backed Y": Y
            j, neg, each = VB.onset(S, start, limit, owner=L)
        if each:
            L.each = True
        tk = S.tk
        if _hedged(tk, start, j):
            return  # "Peru might oppose it", "Peru reportedly backed it": no side stated
        if self._joined_or_same(S, L, j):
            return
        hit = VB.verb(S, j, limit)
        bracketed = L.start > 0 and tk[L.start - 1] == "("  # "Chair Liana B. (Indonesia) opened"
        if hit is None and not bracketed and (later := _coordinated_verb(S, j, limit)):
            j, neg2 = later  # "Paraguay spoke on Taiwan's behalf and asked for X"
            neg = neg or neg2
            hit = VB.verb(S, j, limit)
        if hit is None and not relative and L.start <= RO.subject_start(S) + 1:
            # "Indonesia had a busy day. It backed ...": a subject for a later pronoun
            self.last_actor = (_subject_codes(S, L), S.idx, S.para, self.section)
        if hit is None:
            if not self._colon_member(S, L):
                self._after_label(S, L)
            return
        cls, vend = hit
        if MO.elected_officer(S, j, vend):
            return
        if L.start > 0 and tk[L.start - 1] == "what" and tk[j] in W.FIND_VERBS:
            return  # "what Beijing calls 're-education camps'": a name, no position
        if CO.among_themselves(S, L, j, vend):
            return
        # "voiced concerns about X" (a light verb and its noun) states a view; "opposed X" not
        self.light = tk[j] in W.LIGHT_VERBS and vend - 1 > j and tk[vend - 1] in W.LIGHT_NOUNS
        if cls == W.STMT and self.fp_cue and self.fp_cue.startswith("'"):
            # "They drew attention to ...": a view, too weak for a guessed subject, unless it
            # says what must be done ("They stressed the need for a binding text")
            start = _past_aside(tk, vend)  # "We are of the view, for example, that ..."
            obj = tk[start : VB.object_end(S, start, limit)]
            clause = bool(obj) and obj[0] in ("that", ",", ":")  # a clause: only its modal
            if W.NORMATIVE.isdisjoint(obj) or clause and not _modal_in(obj):
                return
        if cls == W.STMT and _clause_follows(S, vend):
            return  # "X said that his delegation supported ...": the inner clause takes the side
        if L.neg:
            neg = not neg
        base = _VERB_CUES.get(cls, ("verb", 0.6))
        # "said it cannot accept X": the negation inside the verb phrase counts too
        self.negated = neg or VB.negated_inside(tk, j, vend)
        if neg:
            if _stays_out(tk, j, vend):
                return
            cls = ST.flip(cls)
            if cls is None:
                return
            base = (f"negated {base[0]}", base[1] * 0.92)
        if relative:
            base = (f"which-clause {base[0]}", base[1] * 0.95)
        self._cue(*base)
        if self._vote(S, L, cls, j, vend):
            return
        created = self._assert(S, L, cls, vend, relative)
        if created and any(t in W.VOTE_VERBS for t in tk[j:vend]):
            no = "oppose" if cls == W.OPP else "support"  # "voted no": against the text
            for ev in S.focus or ():
                if ev.proposer:  # a vote is nobody's proposal: its first voters vote yes
                    ev.sides = {ev.proposer: "support", **ev.sides}
                    ev.proposer = None
                ev.sides = {c: no if s == "support" else s for c, s in ev.sides.items()}
                ev.neg = ev.neg or no == "oppose"
            self.vote = (S.focus, S.idx, self.section)
        L.events = S.focus
        self.last_subject = None
        L.stance = _stance_of(cls)
        if L.events and L.stance:
            self.last_subject = (L.events, L.stance)
        if S.pending and S.focus:
            for members, stance in S.pending:
                self._attach(S, S.focus, members, stance)
            S.pending = []
        CO.second_verb(self, S, L, cls, vend, created, main)
        self.last_actor = (_subject_codes(S, L), S.idx, S.para, self.section)

    def _shared_worry(self, S: Sentence, L: ActorList, vend: int, oend: int) -> bool:
        """'Japan shared Washington's worry that such wording ...' after a proposal: both
        oppose the option in focus. Without one, the concern stays a view of its owner."""
        start = vend
        if self.light:  # "shared the US concern", "shared the concerns of the United States"
            start = next((q + 1 for q in range(vend - 2, max(-1, vend - 8), -1)
                          if S.tk[q] in W.LIGHT_VERBS), vend)  # fmt: skip
        owners = (
            OB.worry_owners(S, start, max(oend, vend + 4)) if start < vend or not self.light else []
        )
        owned = {S.ments[mi].code for mi in owners} | set(_subject_codes(S, L))

        def options(evs: list[Ev] | None) -> list[Ev]:  # not the speaker's own remark
            return [ev for ev in evs or [] if ev.proposer not in owned and not _idle_view(ev)]

        focus = options(S.focus) or options(S.touched)[-1:]
        if not focus and self._cur_ok(S, 1) and self.cur and self.cur[-1].para == S.para:
            focus = options(self.cur[-1:])
        if not owners or not focus:
            return False
        for mi in owners:
            S.mflag[mi] = "used"
            if mi in S.list_at:
                S.list_at[mi].role = "TARGET"
        self._cue(f"{self.cue[0]} + a concern shared over the option in focus", self.cue[1] * 0.9)
        self._attach(S, focus, owners + list(L.members), "oppose")
        return True

    @staticmethod
    def verb_cue(cls: str) -> tuple[str, float]:
        """The cue name and reliability of a subject's verb of class `cls`."""
        return _VERB_CUES.get(cls, ("verb", 0.6))

    def _assert(
        self,
        S: Sentence,
        L: ActorList,
        cls: str,
        vend: int,
        relative: bool,
        force_new: bool = False,
    ) -> bool:
        """Apply one verb phrase of a subject list; True if it made a new event.

        Kept in one function (about 90 lines): the tests run in order of precedence,
        relative clause, then references to a named proposal, then anaphora to the event in
        focus or of the previous sentence, and only then a new event of its own."""
        limit = S.n
        vend = _past_aside(S.tk, vend)  # "We are of the view, for example, that X should ..."
        if vend < limit and S.tk[vend] == "," and _second_of_raised(S, L):
            vend += 1  # "Iran opposed, and Russia supported, the inclusion": Russia's object
        oend = VB.object_end(S, vend, limit)
        option = S.text_of(self.text, vend, oend)
        if S.tk[vend - 1] == "consensus" and (oend <= vend or _adverbial_object(S, vend, oend)):
            option = "the adoption by consensus"  # "joined the consensus (today)": no object
        if cls == W.PROP and CO.do_likewise(S.tk[vend:oend]):
            return False  # "we urge others to do the same": the side already taken, restated
        stance = _stance_of(cls)
        if cls in (W.SUP, W.NEU) and OB.people_object(S, vend, oend):
            return False  # "welcomed delegates", "welcomed the Chair": no side on an option
        if cls == W.OPP and OB.condemned_act(S, vend, oend):
            return False  # "condemns Russia's aggression": an act, not an option
        if cls == W.OPP and S.tk[vend - 2 : vend] == ["up", "against"] and vend in S.mstart_at:
            return False  # "Washington lined up against Moscow": a rivalry, not a side on a text
        joined = _joined_in(S, vend, oend) if cls == W.SUP and not force_new else None
        if joined is not None:
            # "Eritrea joined China in voting against the resolution": both take that side
            members, (cls2, vend2) = joined
            self._cue(*self.verb_cue(cls2))
            created = self._assert(S, L, cls2, vend2, relative)
            side2 = _stance_of(cls2)
            if S.focus:
                self._attach(S, S.focus, members, TI.on_object(S.focus, side2))
            return created
        bare_it = False  # "voted against it" with nothing to refer to in the paragraph
        if relative and S.focus and not force_new:
            # "X opposed the annex, which Y had proposed": the clause is about the object
            if not _about_the_focus(S, L):
                return False  # "..., the Council of Europe accord that Washington promoted"
            self._attach(S, S.focus, L.members, TI.on_object(S.focus, stance))
            return False
        if not force_new and cls in (W.SUP, W.STMT, W.OPP) and self._shared_worry(S, L, vend, oend):
            return False
        if not force_new and CO.align_with_actors(self, S, L, cls, (vend, oend), stance):
            return False  # "China backed Iran" after Iran opposed X: Iran's side is taken
        targets = [] if force_new else OB.targets_in(S, vend, oend, cls)
        if oend in S.list_at and oend > vend and S.tk[oend - 1] in ("by", "of", "from"):
            # "the proposal made by Brazil on the preamble": the option continues after the name
            option = S.text_of(self.text, vend, VB.np_end(S, S.list_at[oend].end))
        if targets:
            evs = []
            whole = vend < S.n and S.tk[vend] == "what"  # "supports what X said": all of it
            # "echo the concerns raised by Egypt": Egypt's side on what it objected to
            whole = whole or cls == W.SUP and not _CONCERNS.isdisjoint(S.tk[vend : vend + 3])
            co_authors = {S.ments[mi].code: mi for mi in S.joint if S.mflag[mi] == "used"}
            targets = [c for c in targets if c not in co_authors]
            plural = not _PLURAL_TEXT_NOUNS.isdisjoint(S.tk[vend : min(oend, vend + 4)])
            for code in targets:
                found = self._find_events(S, code) if whole else []
                if plural and not found:  # "opposed Russia's proposals": each one it made
                    found = self._find_events(S, code)
                    if stance != "support":  # backing them takes its side on each (its
                        found = [e for e in found if e.proposer == code]  # rejections too)
                    found = [] if len(found) < 2 else found
                if not found:
                    ev = self._find_event(S, code)
                    if ev is not None and _sided_otherwise(S, ev, L.members, stance):
                        ev = None  # "abstained on Russia's draft ... endorsed Russian pleas for
                        # X": a side it did not take on that text names another one
                    found = [ev if ev is not None else self._new_event(S, code, option)]
                evs.extend(found)
            if co_authors:  # "the US-Albania draft": one text, its second author backs it
                self._attach(S, evs[:1], list(co_authors.values()), "support")
            self._attach(S, evs, L.members, stance, backing=True)
            return False
        if not force_new:
            anaphoric = OB.anaphoric_object(S, vend, oend, cls)
            if anaphoric and S.tk[vend + 1 : vend + 2] and S.tk[vend + 1] in W.DOC_NOUNS:
                # "supported the text": the text of this paragraph's proposal, if any
                anaphoric = S.focus is not None or (
                    self.cur is not None and self._cur_ok(S, 3) and _same_text(S, self.cur[-1])
                )
            if not anaphoric and cls in (W.SUP, W.OPP) and OB.bare_action(S, vend, oend):
                # "Russia and China supported retention." right after a proposal
                anaphoric = S.focus is not None or (
                    self._cur_ok(S, 1) and self.cur is not None and self.cur[-1].para == S.para
                )
            if cls == W.NEU and not anaphoric:
                window = S.tk[vend : min(oend, vend + 10)]
                anaphoric = any(
                    w in ("this", "these", "it", "proposal", "proposals") for w in window
                )
            bare = oend <= vend or _adverbial_object(S, vend, oend)
            empty = bare and cls in (W.SUP, W.OPP, W.ALIGN)
            if anaphoric and cls == W.SUP and _a_view_just_stated(S, vend, oend):
                empty = True  # "supported that view": the side of whoever stated it
            if (
                anaphoric
                and cls in (W.ALIGN, W.SUP)
                and "them" in S.tk[vend : vend + 2]
                and "with" in S.tk[vend - 1 : vend + 1]
                and self.last_subject
                and self._cur_ok(S, 1)
            ):  # "aligned itself with them": the side of those just named
                evs, side = self.last_subject
                named = self.last_actor[0] if self.last_actor else ()
                for ev in evs[:1]:  # as the event records them (an opponent's own view)
                    side = next((("support" if c == ev.proposer else ev.sides[c]) for c in named
                                 if c == ev.proposer or c in ev.sides), side)  # fmt: skip
                self._cue(f"{self.cue[0]} + the side of those just named", self.cue[1] * 0.9)
                self._attach(S, evs, L.members, side)
                return False
            if bare and cls == W.STMT and not S.focus and not self._cur_ok(S, 2):
                return False  # "an official said on Tuesday": no view of its own
            if cls == W.OPP and S.tk[vend - 1] in W.REPLY_ENDS and (S.focus or self._cur_ok(S, 2)):
                empty = True  # "X shot back that ...": against what was just said
            topic = _fronted_topic(S, L.start) if (bare or cls == W.NEU) else None
            if topic is not None:  # "As for the copyright offence, we keep an open mind"
                option, anaphoric, empty = S.text_of(self.text, *topic), False, False
            in_sentence = S.focus is not None and S.focus[-1].sent == S.idx
            # "joined consensus but dissociated itself from paragraph 5": a provision of its own
            named = not W.PROVISION_WORDS.isdisjoint(S.tk[vend:oend])
            if topic is None and (
                anaphoric
                or empty
                or (cls == W.NEU and not _indefinite(S, vend, oend))
                or (
                    cls == W.OPP
                    and in_sentence
                    and oend - vend <= 3
                    and not named
                    and not _backs_it_already(S, L)
                )
            ):
                if S.focus:
                    stance = CO.side_on_the_object(S, S.focus, stance, vend, oend)
                    self._attach(S, S.focus, L.members, stance, backing=empty)
                    return False
                own_topic = not anaphoric and L.start > _speaker_start(S) + 2
                target = self._antecedent(S) if anaphoric else self.cur
                if anaphoric and target and all(_idle_view(ev) for ev in target):
                    target = None  # "X said ... . They voted against it": not X's remark
                # a speaker's "this proposal" reaches back over the chair's turn between
                age = (6 if self.fp_cue else 3) if anaphoric else 2
                if target and self._cur_ok(S, age) and not own_topic:
                    name, conf = self.cue
                    self._cue(f"{name} + previous sentence's proposal", conf * 0.9)
                    # no object ("followed in support"): they back the previous speaker
                    stance = CO.side_on_the_object(S, target, stance, vend, oend)  # type: ignore[arg-type]
                    if cls == W.ALIGN and self.last_subject and self.last_subject[0] == target:
                        stance = self.last_subject[1]  # "align with this statement": its side
                    self._attach(S, target, L.members, stance, backing=empty)  # type: ignore[arg-type]
                    return False
                if cls == W.ALIGN and anaphoric:
                    return False  # "A and B align themselves with this statement", opening it
                if own_topic and len(option.split()) <= 1:
                    bare_it = empty or option.strip().lower() in W.ANAPHORS
                    option = RO.clause_text(self, S, L.start)
        # a speaker's turn answers the last delegate's over the chair's words between
        age = 6 if self.fp_cue else 2
        same = (
            CO.same_object(self, S, option, age) if cls in (W.SUP, W.OPP) and not relative else None
        )
        if same is not None and not force_new:
            # "A supported the inclusion of X. B opposed the inclusion of X": one option
            self._cue(f"{self.cue[0]} + same object as a recent event", self.cue[1] * 0.95)
            self._attach(S, [same], L.members, stance)
            return False
        # a verb against a piece of text (not a light "voiced concerns about"), or a denied
        # support ("cannot accept X"): the option is X, the list against it
        # ("opposed the adoption of the resolution": against the text itself)
        obj = S.tk[vend : min(oend, vend + 6)]
        draft = any(t in W.DRAFT_WORDS or t == "adoption" for t in obj) and not (self.light)
        draft = draft or (cls == W.OPP and self.negated)
        contrast = RO.contrast(S, L.start)
        if cls == W.OPP and self.light and not relative and self._against_the_last(S, L):
            return False  # "A backed X. Conversely, B raised concerns about Y": B against X
        for ev in self._author(
            S, L, cls, option or S.text_of(self.text, L.start, oend), contrast, draft, (vend, oend)
        ):
            ev.anaphor = bare_it
        return True

    def _against_the_last(self, S: Sentence, L: ActorList) -> bool:
        """A sentence that opens with 'Conversely' / 'In contrast' / 'By contrast' / 'On the
        other hand' sets its concerns ("raised concerns about", a light verb: doubts about
        an aspect, not a rival text) against the one option the last sentence backed."""
        if not _OPENS_CONTRAST.match(" ".join(S.tk[:4])) or not self._cur_ok(S, 1):
            return False
        last = [ev for ev in self.cur or () if ev.sent == S.idx - 1]
        if len(last) != 1 or TI.against(last[0]) or not (last[0].sides or last[0].proposer):
            return False
        if any(s != "support" for s in last[0].sides.values()):
            return False  # the last sentence had two sides already
        self._cue(f"{self.cue[0]} + contrast with the last sentence", self.cue[1] * 0.9)
        self._attach(S, last, L.members, "oppose")
        return True

    def _noun_sided(self, S: Sentence, L: ActorList, cls: str) -> None:
        """The side named by a noun after the list: on the event in focus, else on the thing
        the sentence talks about (its option: the words after the noun, or before the list)."""
        skip = 2 if S.tk[L.end] == "-" else 1
        after = L.end + skip
        while after < S.n and S.tk[after] in ("and", ",", "or"):
            # "a Russian-sponsored and China-backed resolution": the noun after the last one
            q = next((q for q in range(after, min(S.n, after + 8)) if S.tk[q] in W.HYPHEN_SIDE), 0)
            after = q + 1 if q else S.n
        stop = VB.np_end(S, after)
        option = S.text_of(self.text, after, stop) if stop > after else ""
        if cls == W.PROP and not (S.focus and all(TI.against(e) or e.neg for e in S.focus)):
            ev = self._new_event(
                S, S.ments[L.members[0]].code, option or S.text_of(self.text, 0, S.n)
            )
            self._attach(S, [ev], L.members[1:], "support")
            return
        stance = "oppose" if cls == W.OPP else "support"
        if S.focus:
            # "Iran objected to a US-backed proposal": backing the object of a view against it
            stance = TI.on_object(S.focus, stance)
            self._attach(S, S.focus, L.members, stance)  # they back the object, not its opponent
            return
        if skip == 1 or not option:
            option = RO.clause_text(self, S, L.start)
        ev = self._new_event(S, None, option or S.text_of(self.text, 0, S.n))
        self._attach(S, [ev], L.members, stance)
