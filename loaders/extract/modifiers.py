"""Phase (c/d), a list that modifies a noun instead of being a subject.

"despite US and EU opposition", "Russian-led", "a Chinese-backed text", "U.S.-led opposition":
`noun_context` tells such a list from a subject ("we support"), `noun_side` reads the class of
the noun or hyphenated participle right after it (assemble.Assembly._noun_sided applies it).
"""

from __future__ import annotations

from loaders.extract import objects as OB
from loaders.extract import verbs as VB
from loaders.extract import words as W
from loaders.extract.sentence import ActorList, Sentence
from loaders.extract.speakers import FirstPerson

_NOUN_CONTEXT = W.words(
    "the a despite amid with without over against facing and but after into met drew faced "
    "sparked provoked triggered encountered attracted"
)


def noun_context(S: Sentence, L: ActorList, role: str) -> bool:
    """The list modifies a noun ('despite US opposition'), it is not a subject ('we support')."""
    if any(isinstance(S.ments[mi], FirstPerson) for mi in L.members):
        return False
    if role == "NONE":
        return True
    if L.start > 1 and S.tk[L.start - 1] == "," and S.tk[L.start - 2] in W.HYPHEN_SIDE:
        return True  # "a Russian-sponsored, Chinese-backed text": the second of two
    if VB.leads_coalition(S, L.end):
        return False  # "A US-led coalition blocked it": the leader is the clause's subject
    e = L.end  # "Russian-drafted text", opening the sentence
    if e + 1 < S.n and S.tk[e] == "-" and S.tk[e + 1] in W.HYPHEN_SIDE and S.ts[e] == S.te[e - 1]:
        return True
    return role == "SUBJ" and L.start > 0 and S.tk[L.start - 1] in _NOUN_CONTEXT


def noun_side(S: Sentence, L: ActorList) -> tuple[str, tuple[str, float]] | None:
    """'despite US and EU opposition', 'Russian-led', 'a Chinese-backed text': the class of the
    noun or hyphenated participle right after the list."""
    e = L.end
    if e >= S.n:
        return None
    t = S.tk[e]
    if t in W.LIST_NOUN_SIDE and not _verb_here(S, e):
        return W.LIST_NOUN_SIDE[t], (f"'{t}' after the list", 0.8)
    if t == "-" and e + 1 < S.n and S.tk[e + 1] in W.HYPHEN_SIDE and S.ts[e] == S.te[e - 1]:
        part = S.tk[e + 1]
        noun = S.tk[e + 2] if e + 2 < S.n else ""  # "U.S.-led opposition": the noun's side
        if noun in W.LIST_NOUN_SIDE:
            return W.LIST_NOUN_SIDE[noun], (f"'-{part} {noun}' after the name", 0.8)
        if not _text_follows(S, e + 2, part):
            return "skip", ("", 0.0)  # "Russian-backed hackers", "the Algerian-led committee"
        return W.HYPHEN_SIDE[part], (f"'-{part}' after the name", 0.82)
    return None


def _verb_here(S: Sentence, e: int) -> bool:
    """'The EU and its member states support keeping article 5': "support" is the verb of a
    subject opening the sentence when an object follows it, not the noun of "EU support for
    the text" (a preposition, a verb or the end follows the noun)."""
    nxt = S.tk[e + 1] if e + 1 < S.n else "."
    if nxt in W.CLAUSE_END or nxt in W.PREPOSITIONS or nxt in W.AUX or nxt in W.BE:
        return False
    return nxt in W.DETERMINERS or nxt.endswith("ing") or nxt in ("it", "this", "these")


# what a sponsor's participle may qualify: a text or a move in the negotiation
_TEXTS = W.words(
    "resolution resolutions text texts draft drafts proposal proposals bid initiative "
    "initiatives convention treaty pact amendment amendments language plan push effort "
    "efforts call move measure approach document documents version committee process"
)
_LED_NOT = W.words("committee process negotiations talks session bureau coalition group")


def _text_follows(S: Sentence, k: int, part: str) -> bool:
    for q in range(k, min(S.n, k + 8)):
        t = S.tk[q]
        if t in (".", ";", ")", ":"):
            return False
        if part == "led" and t in _LED_NOT:
            return False
        if t in _TEXTS:
            return True
    return False


_INTRODUCING = W.words("introducing presenting tabling")
# "Hailing the text as a landmark, South Africa said ...": the opening participle's side
_OPENING_SIDES = {
    **dict.fromkeys(W.words("hailing welcoming praising backing supporting endorsing"), "support"),
    **dict.fromkeys(W.words("rejecting opposing criticising criticizing"), "oppose"),
}


def introducer(P, S: Sentence, L) -> None:
    """'Introducing the draft, the representative of Chile said ...': the subject after the
    opening participle is the proposer of what it introduces (its own event); after 'Hailing
    X,' or 'Rejecting X,' it takes that side on X."""
    tk = S.tk
    if not tk or L.start < 3 or len(L.members) != 1:
        return
    side = _OPENING_SIDES.get(tk[0])
    if tk[0] not in _INTRODUCING and side is None:
        return
    comma = next((k for k in range(1, min(L.start, 16)) if tk[k] == ","), None)
    if comma is None or comma < 2 or any(k in S.in_mention for k in range(1, comma)):
        return
    if any(t in (",", ";") for t in tk[comma + 1 : L.start]):
        return  # the list is not the subject right after the opening phrase
    option = S.text_of(P.text, 1, comma)
    if side is not None and OB.people_object(S, 1, comma):
        return  # "Welcoming the delegates, Chile said": greeting people takes no side
    if side is not None:
        verb = "support verb" if side == "support" else "opposition verb"  # calibrated as such
        P._cue(f"opening participle '{tk[0].capitalize()} X,' + subject: {verb}", 0.75)
        P._attach(S, [P._new_event(S, None, option)], L.members, side)
        return
    P._cue("opening 'Introducing X,' before the subject", 0.8)
    P._new_event(S, S.ments[L.members[0]].code, option)


# "A (Chile) was elected Vice-Chair", "Indonesia was appointed the committee's rapporteur": an
# election of officers takes no side on any text (the country is the officer's nationality)
_ELECTED = W.words("elected appointed approved nominated confirmed re-elected")
_OFFICES = W.words(
    "chair chairs vice-chair vice-chairs chairperson chairman co-chair co-chairs rapporteur "
    "rapporteurs president vice-president vice-presidents bureau officer officers facilitator "
    "facilitators co-facilitator co-facilitators"
)


def _names_office(window: list[str]) -> bool:
    if any(t in _OFFICES for t in window):
        return True
    pairs = zip(window, window[1:], window[2:], strict=False)  # tokenised "vice - chair"
    return any(a in ("vice", "co") and b == "-" and c in _OFFICES for a, b, c in pairs)


def elected_officer(S: Sentence, j: int, vend: int) -> bool:
    """The verb at tokens [j, vend) elects somebody to an office ('were approved as Chairs',
    'Chair A (Zambia) and Vice-Chair B (Chile) were elected')."""
    tk = S.tk
    if not any(t in _ELECTED for t in tk[j:vend]):
        return False
    if _names_office(tk[vend : min(S.n, vend + 6)]):
        return True
    passive = any(t in ("was", "were") for t in tk[max(0, j - 1) : vend])
    return passive and _names_office(tk[max(0, j - 16) : j])


_SPEECH_NOUNS = W.words(
    "statement statements remarks explanation explanations intervention "
    "interventions comments speech speeches"
)
_PROPOSAL_LIKE = W.PROPOSAL_NOUNS - _SPEECH_NOUNS


def speech_made(S: Sentence, start: int) -> bool:
    """'Statements ... were made / delivered by (the representatives of) X': speeches, not
    a proposal of X's."""
    tk = S.tk
    k = start - 1
    if k >= 3 and tk[k] == "of" and tk[k - 1] in ("representative", "representatives"):
        k -= 3 if tk[k - 2] == "the" else 2
    if k < 1 or tk[k] != "by" or tk[k - 1] not in ("made", "delivered", "given"):
        return False
    before = tk[max(0, k - 12) : k - 1]
    return not _SPEECH_NOUNS.isdisjoint(before) and _PROPOSAL_LIKE.isdisjoint(before)
