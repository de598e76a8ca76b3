"""Phase (c), a verb's object: does it refer back to the event in focus ("it", "this proposal",
"the idea"), or is it only an action noun ("deletion", "its inclusion")? And which actors'
proposals it names (`targets_in`: "the proposal of X", "backed Chile", "shared the view of
Japan"). Bounded token windows.
"""

from __future__ import annotations

from loaders.extract import sentence as ST
from loaders.extract import words as W
from loaders.extract.sentence import Sentence

_ACTION_ENDINGS = ("tion", "sion", "val", "ment", "ance", "ence")


def bare_action(S: Sentence, j: int, end: int) -> bool:
    """An object that is only an action noun: 'deletion', 'retention', 'its inclusion'."""
    toks = S.tk[j:end]
    if toks and toks[0] in ("its", "their"):
        toks = toks[1:]
    if len(toks) != 1 or not toks[0].isalpha():
        return False
    return toks[0].endswith(_ACTION_ENDINGS) and S.tw[j + len(S.tk[j:end]) - 1].islower()


KEEPS = W.words("retained kept maintained preserved stay stays remain remains retain keep")
DROPS = W.words(
    "deleted removed dropped struck scrapped deleting removing dropping delete remove drop "
    "strike scrap"
)
_KEEPING = W.words("keeping retaining maintaining preserving")
_MODAL_BE = W.words("to be should would must shall could")


def fate_of_it(S: Sentence, j: int, end: int) -> str | None:
    """What an object wants done with the thing in focus: 'keep' ("it retained", "to keep
    it", "keeping it", "that it stay") or 'drop' ("it deleted", "to delete it"), else None."""
    tk = S.tk
    k = j + 1 if j < end and tk[j] == "that" else j
    if k < end and tk[k] == "it":  # "it (to be) retained", "that it (should) stay"
        k += 1
        while k < end and tk[k] in _MODAL_BE:
            k += 1
        fate = tk[k] if k < end else ""
    elif k + 2 < end + 1 and tk[k] == "to" and tk[k + 2 : k + 3] == ["it"]:
        fate = tk[k + 1]  # "to keep it", "to delete it"
    elif k + 1 < end and tk[k + 1] == "it" and (tk[k] in _KEEPING or tk[k] in DROPS):
        fate = "keep" if tk[k] in _KEEPING else tk[k]  # "keeping it", "deleting it"
    else:
        return None
    if fate in KEEPS or fate in _KEEPING:
        return "keep"
    return "drop" if fate in DROPS else None


def anaphoric_object(S: Sentence, j: int, end: int, cls: str | None = None) -> bool:
    """Does the object at tokens [j, end) refer back to the event in focus? A clause of 'it' /
    'the proposal' + be is a verdict on it: it refers back when the verdict took a side ('said
    it was a step backwards'), not otherwise ('said it was a long day')."""
    tk = S.tk
    if j >= end:
        return False
    det = tk[j] in ("the", "this", "that", "these")  # "the proposal was", "this proposal is"
    k = j + 2 if det and j + 1 < end and tk[j + 1] in W.ANAPHORIC_NOUNS else j + 1
    if (tk[j] in W.VERDICT_SUBJECTS or k == j + 2) and k < end and tk[k] in W.BE:
        return cls in (W.SUP, W.OPP)
    if fate_of_it(S, j, end) is not None:
        return True  # "preferred to keep it", "insisted that it stay"
    t = tk[j]
    if t in ("with", "to", "on", "of", "for", "about", "over", "regarding") and j + 1 < end:
        j += 1
        t = tk[j]
    if t in ("it", "they") and cls == W.STMT and j + 1 < end and tk[j + 1] not in W.CLAUSE_END:
        return False  # "Togo said it had doubts": "it" is the speaker, in a clause of its own
    if t in ("it", "them", "this", "these", "such"):
        return True
    if "such" in tk[j : min(end, j + 6)]:
        return True  # "opposed the inclusion of such offences": the ones just proposed
    if t == "that" and (j + 1 >= end or tk[j + 1] in W.PROPOSAL_NOUNS):
        return True
    if t == "the" and j + 1 < end:
        nxt = tk[j + 1]
        if _sponsors(tk, j + 1, end):
            return True  # "China joined the (co-)sponsors": of the text just named
        if nxt in W.ANAPHOR_ADJ:
            return True
        h = j + 1  # "the draft resolution", "the draft decision": one noun
        if nxt == "draft" and h + 1 < end and tk[h + 1] in _DRAFTED:
            h += 1
        if tk[h] in W.ANAPHORIC_NOUNS and (
            h + 1 >= end or tk[h + 1] in W.CLAUSE_END or _adverbial_tail(S, h + 1, end)
        ):
            return True  # "the idea", "the proposal in principle"
    return False


_DRAFTED = W.words("resolution resolutions decision decisions text convention treaty")


_AS_ROLE = W.words(
    "co-proponents proponents co-proponent proponent co-sponsors co-sponsor sponsors sponsor "
    "cosponsors cosponsor amended drafted revised proposed"
)


def _adverbial_tail(S: Sentence, j: int, end: int) -> bool:
    """'in principle', 'as well', 'too', 'at once' after an object: no topic of its own."""
    toks = S.tk[j:end]
    if toks[:1] == ["as"] and len(toks) <= 5 and not _AS_ROLE.isdisjoint(toks):
        return True  # "supported the proposal as co-proponents", "as amended", "as drafted"
    if not toks or len(toks) > 3:
        return False
    if ST.adverbial(S.tk, j) == len(toks):
        return True
    return all(t in W.ADVERB_OBJECTS or t in W.AUX for t in toks) or toks == ["in", "principle"]


def _sponsors(tk: list[str], j: int, end: int) -> bool:
    """'sponsors' / 'co - sponsors' (tokens j...) and nothing after but the clause end."""
    if tk[j : j + 2] == ["co", "-"]:
        j += 2
    if j >= end or tk[j] not in W.SPONSOR_NOUNS and tk[j] not in ("sponsors", "sponsor"):
        return False
    return j + 1 >= end or tk[j + 1] in W.CLAUSE_END


def _refers_to(S: Sentence, j: int, k: int) -> bool:
    """Is the mention at token k the author of the object starting at j? 'the proposal of X',
    'the amendment tabled by X', 'the statement just made by the delegation of X', 'what the
    distinguished delegate of X said'."""
    tk = S.tk
    q = k - 1
    if q >= j and tk[q] == "the":
        q -= 1
    if q >= j + 1 and tk[q] == "of" and tk[q - 1] in W.SPEAKER_NOUNS:
        q -= 2
        while q >= j and tk[q] in ("the", "distinguished", "honourable", "honorable"):
            q -= 1
    if q < j:
        return False
    if (
        tk[q] in ("that", "which")
        and q > j
        and tk[q - 1] in W.TARGET_NOUNS
        or (tk[q] in W.TARGET_NOUNS and q + 1 == k - (tk[k - 1] == "the"))
    ):  # "the statement that Egypt read out", "the proposals (the) Russia tabled"
        end = S.mend[S.mstart_at[k]]
        return end < S.n and tk[end] in _AUTHORED_VERBS
    if tk[q] in ("by", "of", "from"):  # "the proposals from Russia and Iran"
        p = q - 1
        if p >= j and tk[p] in W.PASSIVE:
            p -= 1
            if p >= j and tk[p] in _PHRASAL_PROPOSED:
                p -= 1  # "the proposals put forward by X"
        while p >= j and tk[p] in ("just", "earlier", "previously", "already"):
            p -= 1
        return p >= j and tk[p] in W.TARGET_NOUNS
    return tk[j] == "what"


_PHRASAL_PROPOSED = W.words("put brought set")
_AUTHORED_VERBS = W.words(
    "made read delivered presented tabled put proposed submitted gave introduced circulated "
    "had suggested puts makes tables submits presents proposes has"
)
_OWNER_LINKS = W.words("of by the expressed made voiced put raised just earlier already")


def _bare(S: Sentence, j: int, k: int) -> bool:
    """The object from j is only the name at k ("backed Chile", "sided with the EU"), or the
    name owns the noun a verb phrase ended with ("shared the view | of Japan")."""
    if all(t in ("the", "with", "its", "their") or t in W.KIN_NOUNS for t in S.tk[j:k]):
        return True  # "backed its Russian partner", "backed its ally Russia"
    return j > 0 and S.tk[j - 1] in W.TARGET_NOUNS and all(t in _OWNER_LINKS for t in S.tk[j:k])


def targets_in(S: Sentence, j: int, end: int, cls: str) -> list[str]:
    """Codes whose proposal the object refers to."""
    out = []
    bare_ok = cls in (W.SUP, W.OPP, W.ALIGN)
    for k in range(j, min(S.n, end + 1, j + 12)):
        mi = S.mstart_at.get(k)
        if mi is not None:
            flag = S.mflag[mi]
            by_noun = _refers_to(S, j, k)
            bare = bare_ok and _bare(S, j, k)
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


# people one greets or thanks, not options: "welcomed delegates", "thanked the chair"
_PEOPLE = W.words(
    "delegates delegations participants colleagues everyone everybody chair chairperson "
    "president secretariat facilitator facilitators ministers guests observers host hosts"
)


def people_object(S: Sentence, j: int, end: int) -> bool:
    """Is the object at tokens [j, end) only people ("welcomed delegates", "welcomed the
    Chair")? Welcoming them takes no side."""
    toks = []
    for t in S.tk[j:end]:
        if t in W.PREPOSITIONS or t in W.CLAUSE_END:
            break  # "welcomed delegates to Lima": the head noun comes before "to"
        if t not in W.DETERMINERS and t not in ("all", "fellow"):
            toks.append(t)
    if len(toks) >= 3 and toks[0] in _PEOPLE and toks[1:3] == ["'", "s"]:
        return len(toks) <= 5 and toks[-1] in _EFFORTS  # "the Chair's tireless efforts"
    return 0 < len(toks) <= 2 and toks[-1] in _PEOPLE


_EFFORTS = W.words("efforts effort work leadership guidance hospitality stewardship")


_CONDEMN = W.words("condemn condemns condemned condemning deplore deplores deplored deploring")


def condemned_act(S: Sentence, vend: int, end: int) -> bool:
    """'The EU condemns Russia's military aggression': condemning an act (no draft, article
    or proposal in the object) takes no side on an option of the negotiation."""
    if vend == 0 or S.tk[vend - 1] not in _CONDEMN:
        return False
    toks = S.tk[vend:end]
    if toks[:1] == ["in"] and "terms" in toks[:6]:
        toks = toks[toks.index("terms") + 1 :]  # "in the strongest possible terms": a manner
    return all(t not in W.DRAFT_WORDS and t not in W.PROPOSAL_NOUNS for t in toks)


# a side's own unease, shared by another: "shared Washington's worry", "echoed US concerns"
_WORRIES = W.words(
    "concern concerns worry worries misgivings reservations doubts fears objection objections"
)


def worry_owners(S: Sentence, j: int, end: int) -> list[int]:
    """Mentions whose concern the object at [j, end) names: "Washington's worry that ...",
    "US concerns about it", "the concerns of the United States". Sharing it is opposing what
    they worry about (the annotation guide: backing an objection opposes the option)."""
    tk = S.tk
    stop = min(S.n, end, j + 8)
    k = j + (j < stop and tk[j] in W.DETERMINERS)
    if k < stop and tk[k] in _WORRIES and k + 1 < stop and tk[k + 1] == "of":
        mi = S.mstart_at.get(k + 2)
        if mi is None and k + 2 < stop and tk[k + 2] == "the":
            mi = S.mstart_at.get(k + 3)
        return [mi] if mi is not None and S.mflag[mi] in ("", "target", "poss") else []
    mi = S.mstart_at.get(k)
    if mi is None or S.mflag[mi] not in ("", "target", "poss"):
        return []
    after = S.mend[mi]
    if tk[after : after + 2] == ["'", "s"]:
        after += 2
    return [mi] if after < stop and tk[after] in _WORRIES else []
