"""Phase (c), the right context: the verb phrase of a subject list and its polarity.

`onset` skips auxiliaries, adverbs, parentheticals and interjections after a subject and notes
negation ("did not", "never", "no longer") and distributive "each"/"respectively". `verb`
classifies the verb phrase that starts there (stance verbs, light verbs + nouns such as "made
a proposal" / "voiced opposition", multi-word phrases, "said it could accept", "found it
problematic") and returns where it ends; `object_end` finds the end of its object.
"""

from __future__ import annotations

from loaders.extract import sentence as ST
from loaders.extract import words as W
from loaders.extract.sentence import ActorList, Sentence

_PREP_AND = [[p, "and"] for p in ("in", "to", "with", "about", "on", "by")]
_GROUP_NOUNS = frozenset(
    ("countries", "states", "powers", "nations", "allies", "partners", "governments")
)
_COALITIONS = W.words("coalition coalitions bloc blocs block group groups alliance camp")
_DASHES = frozenset(("-", "\u2013", "\u2014"))
_DISCOURSE = W.words(
    "thank share highlight call say mention add note make raise begin start conclude express "
    "congratulate touch focus refer point comment explain clarify ask speak address flag recall "
    "underline stress emphasise emphasize inform take give respond reply answer provide "
    "acknowledge reflect elaborate briefly turn go come return put talk tell hear commend "
    "pay recognise recognize present introduce join"
)
# "wish to / are ready to / are constrained to" + a stance verb: that verb's side
_REFUSE = W.words("refused refuse refuses refusing declined decline declines")
_WITHHELD = _REFUSE | W.words("denied denies deny denying withheld withholding")
_ADMISSION = W.words("visa visas entry accreditation")
# "failed to block X": the side of the act tried (bare "failed to agree" is none)
_FAILED = W.words("failed fails")
_UNABLE = frozenset(("unable", "unwilling", "reluctant")) | _REFUSE
_PRESENT = W.words("presented presents present presenting unveiled unveils")
_PRESENTED = W.words("treaty convention resolution text texts plan framework")
_TRY = W.words(
    "like attempted attempt attempts attempting tried try tries trying sought lobbying lobbied "
    "lobby lobbies"
)
WANT = (
    _TRY
    | _UNABLE
    | _FAILED
    | W.words(
        "wish wishes want wants intend intends decided decide chose choose able ready "
        "prepared willing constrained obliged compelled forced determined threatened "
        "threatens threaten vowed vows pledged pledges opted opt opts promised promises promise"
    )
)
_COMMIT = W.words("vowed vows pledged pledges promised promises promise determined")
_ENGAGE = W.words(
    "working work engaging engage continuing continue cooperating cooperate contributing "
    "participating engagement cooperation dialogue"
)
_REGRET = W.words("regret regrets regretted deplore deplores deplored lament laments")
_SELF_PRONOUNS = W.words("it we they")
# "regret that the proposal failed / was rejected": an outcome the speaker wanted otherwise
_FAILED_OUTCOME = W.words("failed unable rejected defeated dropped deleted removed")


_HALT = W.words("stop halt prevent thwart sink kill")
_HALTED = W.DRAFT_WORDS | W.DOC_NOUNS | W.words("adoption vote treaty convention resolutions")


def _halts_a_text(tk: list[str], to: int, limit: int) -> bool:
    """'stop / prevent / halt' + a text within a few words ("stop the resolution", "prevent
    the adoption of the text"), not "prevent crime"."""
    if to >= limit or tk[to] not in _HALT:
        return False
    return not _HALTED.isdisjoint(tk[to + 1 : min(limit, to + 4)])


_SPENT = W.words("spent spend spends spending")
_HEADED = W.words("headed led fronted spearheaded formed joined")
_GROUP_HEADS = W.words("group coalition bloc camp alliance core caucus list")
_TIME_OPENERS = W.words("on last this earlier")


_JOINED = W.words("joined join joins joining")
_FOUGHT = W.words("fought fight fights fighting battled")


def _fought_text(tk: list[str], k: int, limit: int) -> bool:
    """'fought it', 'fought the draft resolution': a text as the object (not 'fought
    cybercrime', nor 'fought for X', which phrases read)."""
    if k >= limit:
        return False
    if tk[k] in ("it", "this", "them"):
        return True
    return tk[k] in ("the", "this", "that") and any(
        _text_noun(t) for t in tk[k + 1 : min(limit, k + 4)]
    )


def _group_clause(tk: list[str], j: int, limit: int) -> int | None:
    """'headed a group of a dozen governments that (on Monday) put out X': the first token of
    the group's own verb, which is the heads' too."""
    if tk[j + 1 : j + 2] not in (["a"], ["an"], ["the"]):
        return None
    head = next((q for q in range(j + 2, min(limit, j + 5)) if tk[q] in _GROUP_HEADS), None)
    if head is None:
        return None
    for q in range(head + 1, min(limit - 1, head + 9)):
        if tk[q] in W.CLAUSE_END:
            return None
        if tk[q] in ("that", "which", "who"):
            k = q + 1
            return k + 2 if tk[k] in _TIME_OPENERS and k + 2 < limit else k
    return None


_HOSTING = W.words("host chair facilitate convene organize organise coordinate moderate")
_ADJUNCT_OPENERS = W.words("on in at during last yesterday today earlier late after this")


def _past_adjunct(S: Sentence, s0: int, limit: int) -> int:
    """'said on Wednesday that it ...', 'said in a statement it would ...': the reported
    clause after a short adjunct of time or place (none that names an actor), else s0."""
    tk = S.tk
    for k in range(s0 + 1, min(limit - 1, s0 + 7)):
        if k in S.mstart_at or tk[k] in W.CLAUSE_END:
            return s0
        if tk[k] == "that" and tk[k - 1] not in ("in", "on", "at"):
            return k + 1
        if tk[k] in W.PRONOUN_SUBJECTS and tk[k] not in ("its", "their"):
            return k
    return s0


def leads_coalition(S: Sentence, e: int) -> bool:
    """'a US-led coalition', 'the Russian-led bloc' from token e, right after the name: a camp
    named after its leader."""
    tk = S.tk
    return (
        e + 2 < S.n
        and tk[e] == "-"
        and tk[e + 1] == "led"
        and S.ts[e] == S.te[e - 1]
        and tk[e + 2] in _COALITIONS
    )


def _negation(tk: list[str], k: int) -> bool:
    """Token k negates: "not", "never", ... or the "t" of "can't" (tokens "can", "'", "t")."""
    if tk[k] in W.NEG:
        return tk[k + 1 : k + 2] != ["only"]  # "not only": no negation
    return tk[k] == "t" and k > 1 and tk[k - 1] == "'"


def negated_inside(tk: list[str], j: int, vend: int) -> bool:
    """A negation within tokens j..vend ("said it did not support", "said it can't accept")."""
    return any(_negation(tk, k) for k in range(j, vend))


def _regret(S: Sentence, j: int, limit: int) -> tuple[str, int] | None:
    """'We regret that X was not adopted': for X; 'regret that X was adopted': against it.
    None when an actor is the clause's subject (it takes its own side)."""
    tk = S.tk
    k = j + 1
    if tk[k : k + 2] == ["to", "see"]:
        k += 2
    if tk[k : k + 1] != ["that"]:
        return None
    neg = False
    if any(q in S.mstart_at for q in range(k + 1, min(limit, k + 4))):
        return None  # "regret that Chile could not ...": Chile's own side
    if k + 2 < limit and tk[k + 1] in _SELF_PRONOUNS:
        q, neg, _each = onset(S, k + 2, limit)  # "regrets that it could not support X": its
        inner = verb(S, q, limit, 1)  # own side, the clause's verb (negated: flipped)
        if inner is not None and inner[0] in (W.SUP, W.OPP, W.NEU):
            cls = ST.flip(inner[0]) if neg else inner[0]
            return (cls, inner[1]) if cls else None
    for q in range(k + 1, min(limit, k + 40)):
        if tk[q] in (".", ";", ":", "but", "while", "whereas"):
            break
        if _negation(tk, q) or tk[q] in _FAILED_OUTCOME:
            neg = True
    return (W.SUP if neg else W.OPP), k + 1


def onset(
    S: Sentence, j: int, limit: int, owner: ActorList | None = None
) -> tuple[int, bool, bool]:
    """Skip auxiliaries, adverbs, interjections; return (index, negated, each)."""
    tk = S.tk
    neg = each = False
    steps = 0
    if j + 2 < limit and leads_coalition(S, j):
        j += 3  # "a US-led coalition (of states) blocked it": the leader's verb
        if j + 1 < limit and tk[j] == "of" and tk[j + 1] in _GROUP_NOUNS:
            j += 2
    if j < limit and (tk[j] in W.REP_NOUNS or tk[j] in _GROUP_NOUNS):
        j += 1  # "the United States delegation said", "EU countries voted", "European powers"
    if 0 < j < limit and tk[j] in ("to", "at", "in") and tk[j - 1] in W.REP_NOUNS:
        for k in range(j + 1, min(limit, j + 8)):  # "X's envoy to the UN said"
            if tk[k] == ",":
                j = k  # "X's envoy to the talks, speaking to reporters, said"
                break
            if tk[k] in W.CLAUSE_END:
                break
            if tk[k] in W.VERBS or tk[k] in W.AUX or tk[k] in W.PHRASES:
                j = k
                break
    # "every state in the group -- including A and B -- voted no": the closing dash
    opened = owner is not None and any(
        t in _DASHES for t in tk[max(0, owner.start - 4) : owner.start]
    )
    while opened and j < limit and tk[j] in _DASHES:
        j += 1
    if owner is not None:
        j = _unknown_tail(S, j, limit)  # "The EU, Brazil and the LDCs proposed"
        if tk[j : j + 3] == ["among", "them", "("]:  # "..., A and B among them (not only
            close = next((q for q in range(j + 3, min(limit, j + 16)) if tk[q] == ")"), 0)
            if close and tk[close + 1 : close + 2] == [","]:  # them), spent ..."
                j = close + 2
        if tk[j : j + 3] in (["among", "them", ","], ["among", "others", ","]):
            j += 3  # "Several states, Canada and Chile among them, voted no"
        elif tk[j : j + 2] == ["included", ","]:
            j += 2  # "Member States, Saudi Arabia included, agreed that ..."
    while j < limit and steps < 18:
        steps += 1
        t = tk[j]
        behalf_self = tk[j + 1 : j + 3] == ["on", "behalf"] if t == "," else False
        # ", with the exception of X,", ", but not X,", ", unlike X,": X is left out
        excepted = t == "," and (
            tk[j + 1 : j + 5] == ["with", "the", "exception", "of"]
            or tk[j + 1 : j + 3] == ["but", "not"]
            or tk[j + 1 : j + 2] in (["except"], ["unlike"], ["excluding"])
        )
        also = tk[j + 1 : j + 2] == ["also"] and tk[j + 2 : j + 3] in (["speaking"], ["on"])
        # "NEW ZEALAND, for Australia, Canada and the US, ...": the states it speaks for
        for_states = tk[j + 1 : j + 2] == ["for"] and (j + 2 in S.list_at or _named_for(S, j))
        aside = j + 1 < limit and tk[j + 1] in W.PARENTHETICAL_START
        if aside and tk[j + 1] in W.PASSIVE and tk[j + 2 : j + 3] != ["by"]:
            aside = False  # ", opposed this distinction,": the verb itself, not ", opposed by X,"
        if (
            t == ","
            and j + 1 < limit
            and (aside or behalf_self or excepted or also)
            or t == ","
            and for_states
        ):
            close = None
            for k in range(j + 2, min(limit, j + 60)):
                if tk[k] in (",", ";"):
                    close = k
                    if (
                        k + 1 < limit
                        and k + 1 not in S.mstart_at
                        and k not in S.behalf_skip  # "..., Angola, for the AFRICAN GROUP,"
                        and tk[k + 1] not in ("and", "or", "the")
                    ):
                        break
            if close is not None and tk[close] == "," and excepted:
                for mi in range(len(S.ments)):
                    if j < S.mtok[mi][0] < close:
                        S.mflag[mi] = "used"  # not a side-taker of its own either
                j = close + 1
                continue
            if close is not None and tk[close] == ",":
                if owner is not None:
                    flip = tk[j + 1] == "opposed"
                    for t in range(j + 2, close):
                        if tk[t] in W.PASSIVE and tk[t + 1 : t + 2] == ["by"]:
                            flip = tk[t] == "opposed"  # "supported by A and opposed by B"
                        if t in S.list_at:
                            S.inherit[t] = (owner, flip)
                # "X, for A and B, with C and D, said": the next aside opens at that comma
                # (not "X, for the G77, supported Y": there "supported" is the verb)
                nxt = tk[close + 1 : close + 3]
                again = nxt[:1] in (["with"], ["for"], ["along"], ["together"], ["speaking"]) or (
                    nxt[:1] and nxt[0] in W.PARENTHETICAL_START and nxt[1:] == ["by"]
                )
                j = close if again else close + 1
                continue
        if t == "," and j + 2 < limit and tk[j + 1] in _ASIDES and tk[j + 2] not in ("on", "for"):
            close = next((q for q in range(j + 2, min(limit, j + 16)) if tk[q] == ","), None)
            if close is not None and not any(q in S.mstart_at for q in range(j, close)):
                j = close + 1  # ", speaking to reporters outside the chamber,": an aside
                continue
        if t == ",":
            k = j + 1
            ok = k < limit and S.tw[k][:1].islower() and not _verb_at(tk, k)
            span = 22 if tk[k : k + 1] == ["as"] else 9  # ", as the initiator of ...,"
            while ok and k < limit and k - j <= span and tk[k] != ",":
                if k in S.in_mention or tk[k] in (";", ".", "(", ")"):
                    ok = False
                k += 1
            if ok and k < limit and tk[k] == "," and k > j + 1:
                j = k + 1
            else:
                j += 1
            continue
        if t == "(":
            close = ST.close_paren(S, j, 24)
            if close is None:
                return limit, neg, each
            j = close + 1
            continue
        if t == "t" and j > 1 and tk[j - 1] == "'":
            # "can't", "won't" ("ca"/"wo" never reach here: the tokens are "can", "'", "t")
            neg = neg or tk[j - 2].endswith("n")
            j += 1
            continue
        if t in (")", "'", ":"):
            j += 1
            continue
        if t in W.NEG:
            neg = neg or tk[j + 1 : j + 2] != ["only"]  # "not only supported X but also ..."
            j += 1
            continue
        if t.endswith("ed") and tk[j + 1 : j + 3] in _PREP_AND and t not in W.VERBS:
            j += 3  # "has been interested in and supported X": the second verb takes the side
            continue
        if t in W.COMPELLED and j + 1 < limit and tk[j + 1] == "to":
            j += 2  # "is constrained to dissociate", "had to vote against": its own act
            continue
        if t == "to" and owner is not None and _caused_or_headline(S, owner, j):
            j += 1  # "led the UK to insist", "Russia to table a new draft" (a headline)
            continue
        if t in _ACTIVE and tk[j + 1 : j + 2] == ["in"] and _gerund(tk, j + 2, limit):
            j += 2  # "has been active in advocating for X": the advocating is its act
            continue
        if t in _GLAD and tk[j + 1 : j + 2] == ["to"] and _glad_to(S, j + 2, limit):
            j += 2  # "is proud to be among the signatories", "is pleased to support"
            continue
        if t in W.BE and tk[j + 1 : j + 4] in (
            ["among", "those", "who"],
            ["among", "those", "that"],
        ):
            j += 4  # "were among those who rejected X": their own act
            continue
        if t in _TOOK and tk[j + 1 : j + 3] == ["the", "floor"]:
            to = next((q for q in range(j + 3, min(limit, j + 10)) if tk[q] == "to"), None)
            if to is not None and not any(q in S.mstart_at for q in range(j + 3, to)):
                j = to + 1  # "took the floor (later in the day) to reject X"
                continue
        if t in _KEPT and j + 1 < limit and tk[j + 1].endswith("ing") and tk[j + 1] != "nothing":
            j += 1  # "kept pushing for X": the pushing takes the side
            continue
        if t == "on" and j > 0 and tk[j - 1] in W.POSITION_NOUNS:
            be = next((q for q in range(j + 1, min(limit, j + 6)) if tk[q] in W.BE), None)
            if be is not None and not any(q in S.mstart_at for q in range(j + 1, be)):
                j = be  # "Our position on that is reserved": the position's verb
                continue
        bullet = t in _DASHES and owner is not None and j == owner.end and j + 1 < limit
        if bullet and (tk[j + 1] in W.VERBS or W.phrase_at(tk, j + 1)):
            j += 1  # "* Iran - backs a clear definition": a bullet's name, then its verb
            continue
        if t in _GO and tk[j + 1 : j + 2] == ["on"] and j + 2 < limit and tk[j + 2].endswith("ing"):
            j += 2  # "would go on arguing for X": the arguing takes the side
            continue
        if t in W.CONTINUE and j + 1 < limit and tk[j + 1] == "to":
            j += 2  # "will continue to advocate for", "seeks to ensure"
            continue
        only = _only_one_to(tk, j, limit)
        if only:
            j = only  # "Japan was the only country to vote against": Japan's own vote
            continue
        if t in ("each", "respectively"):
            each = True
            j += 1
            continue
        adv = ST.adverbial(tk, j) or ST.time_adverbial(tk, j)
        if adv:
            j += adv
            continue
        if t in W.AUX and W.phrase_at(tk, j):
            break  # "would study", "was against": a phrase that opens with an auxiliary
        if _position_is_that(tk, j) or preference_is(tk, j):
            break  # "The UK's position was that ...": read as its statement
        if t in ("have", "has", "had") and _held_view(S, j, limit) is not None:
            break  # "we have concerns with X": "have" is the verb here, not an auxiliary
        if t in W.AUX or (t.endswith("ly") and len(t) > 4 and t not in W.LY_NOT_ADVERBS):
            j += 1
            continue
        break
    return j, neg, each


_CAUSATIVE = W.words("led prompted drove pushed compelled forced caused")
_KEPT = W.words("kept keep keeps keeping")
_GO = W.words("go goes went going")
_TOOK = W.words("took take takes taking")
_KEPT_TEXT = W.PROVISION_WORDS | W.words(
    "word words reference references language wording text formulation provision provisions"
)


def _kept_text(tk: list[str], j: int, limit: int) -> bool:
    """'keep' followed by a piece of the text ("keep the word 'may'", "keep article 5",
    "keep the reference"), not "keep talking", "keeps its word" or "keep an open mind"."""
    k = j + 1
    while k < limit and tk[k] in ("the", "this", "that", "these", "current", "existing"):
        k += 1
    return k < limit and (tk[k] in _KEPT_TEXT or tk[k] in ('"', "\u201c"))


def _caused_or_headline(S: Sentence, owner: ActorList, j: int) -> bool:
    """'to' at j after a list that opens the sentence ("Russia to table ...") or follows a
    causative verb ("led the UK, and others, to insist"), not "expect Russia to consider"."""
    tk = S.tk
    if j != owner.end and tk[j - 1] != ",":
        return False
    before = owner.start - 1 - (owner.start > 0 and tk[owner.start - 1] == "the")
    return before < 0 or tk[before] in _CAUSATIVE


_ADVANCED = W.words("advanced advances advancing")
_TROUBLE = W.words("difficulties difficulty problems problem issues")


def _held_view(S: Sentence, j: int, limit: int) -> tuple[str, int] | None:
    """'have (serious) concerns / reservations / difficulties with X': against X; 'have some
    flexibility on X': neutral. Support nouns after 'have' name no side ("has the backing of")."""
    tk = S.tk
    for k in range(j + 1, min(limit, j + 4)):
        cls = W.OPP if tk[k] in _TROUBLE else W.LIGHT_NOUNS.get(tk[k])
        if tk[k] in ("doubts", "doubt", "questions"):
            return None  # "had some doubts": no side stated (a remark, read elsewhere)
        if cls in (W.OPP, W.NEU):
            if tk[k - 1] in W.NO_AMOUNT or k + 1 >= limit:
                return None  # "we have no problem with it": no objection
            if tk[k] in _TROUBLE and tk[k + 1] not in ("with", "regarding", "about"):
                return None  # "the issues at stake", "has problems of its own"
            return cls, k + 1
        if not tk[k].isalpha() or k in S.mstart_at:
            return None
    return None


def _position_is_that(tk: list[str], j: int) -> bool:
    """'is / was that' at j after a position noun ("The UK's position was that ...")."""
    return (
        tk[j] in ("is", "was")
        and tk[j + 1 : j + 2] == ["that"]
        and j > 0
        and (tk[j - 1] in W.POSITION_NOUNS)
    )


_TOLD = W.words("told tells tell telling")
_OWN_BODY = W.words("delegation union group bloc country government")


def _after_addressee(S: Sentence, k: int, limit: int) -> int:
    """The token after the addressee of 'told' ("told the room", "told reporters that"):
    a short noun phrase naming no actor, then an optional 'that'."""
    tk = S.tk
    for q in range(k, min(limit, k + 5)):
        if q in S.in_mention or tk[q] in W.CLAUSE_END:
            return k
        if tk[q] in W.PRONOUN_SUBJECTS or tk[q] == "that":
            return q + (tk[q] == "that")
        if q > k and tk[q] in ("the", "this", "its", "their"):
            return q  # "told delegates the text would undercut X": the clause's subject
    return k


_PREFERENCE_NOUNS = W.words("preference choice")


def preference_is(tk: list[str], j: int) -> bool:
    """'is / was (for) X' after 'preference' ("Our preference is a short title", "its
    preference was for a vote"): backing X, unless a that-clause follows (a statement)."""
    return (
        tk[j] in ("is", "was", "remains", "remained")
        and j > 0
        and tk[j - 1] in _PREFERENCE_NOUNS
        and j + 1 < len(tk)
        and tk[j + 1] not in ("that", "to", "not", ",")
    )


_INABILITY = W.words("inability unwillingness refusal reluctance")


def _inability(S: Sentence, j: int, limit: int) -> tuple[str, int] | None:
    """'explained its inability to accept X', 'voiced its unwillingness to support X': the
    side against what the inner verb would back (the class flipped, its object after it)."""
    tk = S.tk
    k = j + 1
    if k < limit and tk[k] in W.POSSESSIVES:
        k += 1
    elif k + 1 < limit and tk[k] == "the" and k + 1 in S.mstart_at:
        k = max(k, S.poss_end[S.mstart_at[k + 1]])  # "explained the UK's inability to"
    if not (k + 2 < limit and tk[k] in _INABILITY and tk[k + 1] == "to"):
        return None
    if tk[j] not in W.LIGHT_VERBS and W.VERBS.get(tk[j]) != W.STMT:
        return None
    inner = verb(S, k + 2, limit, 1)
    if inner is None or inner[0] not in (W.SUP, W.OPP):
        return None
    return ST.flip(inner[0]), inner[1]


_NOT_NEEDED = W.words("to in for of not no that which what you really also")


def _need_of(tk: list[str], j: int, limit: int) -> bool:
    """'we need a coordinated response': a demand; not 'the trust that we need in order to',
    'you need to think', 'we need to consult' (read elsewhere)."""
    if j + 1 >= limit or not tk[j + 1].isalpha() or tk[j + 1] in _NOT_NEEDED:
        return False
    return j == 0 or tk[j - 1] not in _NOT_NEEDED


_ISSUED = W.words(
    "issued issue issues released release releases signed sign signs delivered deliver "
    "published adopted made penned wrote sent submitted circulated put unveiled"
)
_DOC_NOUNS = W.words("statement statements declaration declarations letter communique appeal")
_DOC_SIDES = {
    **dict.fromkeys(
        W.words("supporting backing welcoming endorsing praising hailing lauding applauding"), W.SUP
    ),
    **dict.fromkeys(
        W.words("opposing rejecting condemning criticizing criticising denouncing"), W.OPP
    ),
    **dict.fromkeys(W.words("proposing requesting calling urging"), W.PROP),
}


def _document_side(S: Sentence, j: int, limit: int) -> tuple[str, int] | None:
    """'issued a joint statement supporting X', 'signed a declaration in support of X',
    'released a letter opposing X': the side the document takes, its signers' own."""
    tk = S.tk
    if tk[j] not in _ISSUED:
        return None
    for k in range(j + 1, min(limit - 1, j + 5)):
        if tk[k] in _DOC_NOUNS:
            if tk[k + 1] == "to":  # "a letter to the Secretary-General proposing X"
                at = next((q for q in range(k + 2, min(limit, k + 8)) if tk[q] in _DOC_SIDES), 0)
                if at and not any(tk[q] in W.CLAUSE_END for q in range(k + 2, at)):
                    k = at - 1
            nxt = tk[k + 1]
            if nxt in _DOC_SIDES:
                return _DOC_SIDES[nxt], k + 2
            if tk[k + 1 : k + 4] in (["in", "support", "of"], ["in", "favour", "of"]):
                return W.SUP, k + 4
            if nxt == "against":
                return W.OPP, k + 2
            return None
        if k in S.mstart_at or tk[k] in W.CLAUSE_END:
            return None
    return None


def _verb_at(tk: list[str], k: int) -> bool:
    """A verb, or a stance phrase, at token k ("in a paper" opens none; "in favour of" does)."""
    t = tk[k]
    if t in W.PHRASES and not (t in W.VERBS or t in W.LIGHT_VERBS or t in W.AUX or t in W.NEG):
        return W.phrase_at(tk, k) is not None
    return ST.verbish(t)


_ASIDES = W.words("speaking talking addressing writing responding replying commenting")
_ACTIVE = W.words("active instrumental engaged involved busy persistent")


def _gerund(tk: list[str], j: int, limit: int) -> bool:
    return j < limit and tk[j].endswith("ing") and len(tk[j]) > 5


_GLAD = W.words(
    "proud pleased honoured honored happy glad delighted privileged quick eager keen swift "
    "ready prompt first"
)  # "were quick to echo it", "was keen to back X": the verb after "to" is the act


def _glad_to(S: Sentence, j: int, limit: int) -> bool:
    """'proud to be among', 'pleased to support': the verb after 'to' takes the side (not
    'pleased to see X kept', where the gladness is the side)."""
    return j < limit and (S.tk[j] == "be" or verb(S, j, limit, 1) is not None)


_ONLY = W.words("only first last sole")
_ONES = W.words("one ones country countries state states delegation delegations member members")


def _only_one_to(tk: list[str], j: int, limit: int) -> int:
    """The token after 'was the only country to' / 'were the first to' at j, else 0."""
    if tk[j] not in W.BE or tk[j + 1 : j + 2] != ["the"] or tk[j + 2 : j + 3] == []:
        return 0
    if tk[j + 2] not in _ONLY:
        return 0
    k = j + 3
    while k < min(limit, j + 6) and (tk[k] in _ONES or tk[k] in ("other", "two", "three")):
        k += 1
    return k + 1 if k < limit and tk[k] == "to" else 0


def _unknown_tail(S: Sentence, j: int, limit: int) -> int:
    """Past 'and the LDCs' closing a list with a name the reference does not know (one to
    three capitalised words), when a verb follows it; else j."""
    tk, tw = S.tk, S.tw
    if j >= limit or tk[j] != "and":
        return j
    if j + 2 < limit and tk[j + 1] in W.POSSESSIVES and tk[j + 2] in W.KIN_NOUNS:
        return j + 3  # "the U.S. and its allies opposed": the allies name nobody
    k = j + 1 + (tk[j + 1 : j + 2] == ["the"])
    first = k
    while k < limit and k - first < 3 and tw[k][:1].isupper() and k not in S.in_mention:
        k += 1
    aside = k + 1 < limit and tk[k] == "," and tk[k + 1] in W.PARENTHETICAL_START
    if k == first or k >= limit or not (aside or tk[k] in W.VERBS or W.phrase_at(tk, k)):
        return j
    return k


def _named_for(S: Sentence, j: int) -> bool:
    """', for the LDCs,' / ', for the Like-Minded Group,': a group the list speaks for,
    named in capitals but unknown to the reference (an aside all the same)."""
    tk, tw = S.tk, S.tw
    first = j + 3 if tk[j + 2 : j + 3] == ["the"] else j + 2  # ", for AOSIS," too
    for k in range(first, min(S.n, first + 6)):
        if tk[k] == ",":
            return k > first
        if k in S.in_mention or not (tw[k][:1].isupper() or tk[k] in ("-", "of", "and")):
            return False
    return False


_URGE = W.words("urged urges urge urging encouraged encourages invited invites asked asks")


def _urged_side(S: Sentence, j: int, limit: int) -> tuple[str, int] | None:
    """'urged delegations to vote against the amendment': the side others are urged to take
    is the speaker's own (a side verb after "to" within a few words)."""
    tk = S.tk
    for k in range(j + 1, min(limit - 1, j + 6)):
        if tk[k] in W.CLAUSE_END or k in S.mstart_at:
            return None
        if tk[k] == "to":
            inner = verb(S, k + 1, limit, 1)
            return inner if inner and inner[0] in (W.SUP, W.OPP, W.NEU) else None
    return None


def verb(S: Sentence, j: int, limit: int, depth: int = 0) -> tuple[str, int] | None:
    """Class of the verb phrase starting at token j, and the token after it."""
    tk = S.tk
    if j >= limit:
        return None
    t = tk[j]
    if t in W.TIME_REQUEST and not W.NO_STANCE_OBJECTS.isdisjoint(tk[j + 1 : j + 4]):
        return None  # "asked for clarification"
    if t in _URGE and depth == 0:
        hit = _urged_side(S, j, limit)
        if hit is not None:
            return hit
    if t in WANT and (
        tk[j + 1 : j + 4] == ["to", "be", "clear"] or tk[j + 1 : j + 3] == ["the", "record"]
    ):
        return None  # "we want to be clear that", "we want the record to show": framing
    if tk[j + 1 : j + 2] == ["to"] and tk[j + 2 : j + 3] and tk[j + 2] in _HOSTING:
        return None  # "offered to host the signing ceremony": a service, no side on a text
    if t in _SPENT and depth < 2:
        for k in range(j + 2, min(limit, j + 6)):  # "spent the fortnight trying to stretch X"
            if tk[k] in W.CLAUSE_END:
                break
            if tk[k].endswith("ing"):
                inner = verb(S, k, limit, depth + 1)
                return inner if inner and inner[0] in (W.SUP, W.OPP, W.PROP) else None
    if t in _JOINED and tk[j + 1 : j + 2] in (["us"], ["me"], ["him"], ["her"]):
        return None  # "representatives of A and B joined us": they came, no side
    if t in _FOUGHT and _fought_text(tk, j + 1, limit):
        return W.OPP, j + 1  # "had fought it to the end", "fought the draft": against it
    if t in _HEADED and depth < 2 and (k := _group_clause(tk, j, limit)) is not None:
        return verb(S, k, limit, depth + 1)  # "headed a group of states that issued X"
    if t in ("wished", "wanted") and tk[j + 1 : j + 2] == ["to"] and depth < 2:
        inner = verb(S, j + 2, limit, depth + 1)  # "wished to dissociate itself from X"
        if inner and inner[0] in (W.SUP, W.OPP, W.NEU, W.ALIGN):
            return inner  # (else "wanted to add X" asks for it: the verb's own class)
    to = j + 4 if tk[j : j + 4] == ["in", "a", "position", "to"] else j + 2
    if t in WANT and tk[j + 1 : j + 3] in (["hard", "to"], ["strongly", "to"]):
        to = j + 3  # "lobbying hard to strike X"
    elif t in WANT and tk[j + 1 : j + 2] == [","] and tk[j + 3 : j + 5] == [",", "to"]:
        to = j + 5  # "tried, unsuccessfully, to delete X"
    if (t in WANT or to == j + 4) and tk[to - 1 : to] == ["to"] and depth < 2:
        inner = verb(S, to, limit, depth + 1)  # "we wish to associate ourselves with"
        if inner and inner[0] in (W.SUP, W.OPP, W.NEU, W.ALIGN):
            if t in _UNABLE:  # "we are unable to support": against
                if inner[0] not in (W.SUP, W.ALIGN):
                    return None  # "unable to oppose it": says no side
                cls = ST.flip(inner[0])
                return (cls, inner[1]) if cls else None
            return inner
        if inner and inner[0] == W.PROP and t in _COMMIT:
            return inner  # "vowed to push for X", "promised to insist on X": asks for it
        if (inner is None or inner[0] == W.STMT) and j + 2 < limit and tk[j + 2] in _DISCOURSE:
            return None  # "I would like to thank / share / highlight": no position
        if inner is None and t in _REFUSE:
            return None  # "refused to issue visas": an act, no side on an option
        if inner is None and (t in _TRY or t in _FAILED) and _halts_a_text(tk, to, limit):
            return W.OPP, to + 1  # "failed to stop the resolution", "tried to halt the vote"
        if (inner is None or inner[0] == W.PROP) and t in _TRY and (to <= j + 3 or to == j + 5):
            return W.PROP, to  # "we would like to delete X", "tried to remove X": asks for it
    if t == "committed" and tk[j + 1 : j + 2] == ["to"] and j + 2 < limit:
        # "we are committed to an effective implementation": for it (not "to working with");
        # "committed to opposing X": the side of that verb
        if not _ENGAGE.isdisjoint(tk[j + 2 : j + 5]):
            return None  # "committed to (ongoing, constructive) engagement": no side
        inner = verb(S, j + 2, limit, depth + 1) if depth < 2 else None
        if inner is not None and inner[0] in (W.SUP, W.OPP, W.NEU):
            return inner
        return W.SUP, j + 2
    if t in _REGRET and depth == 0:
        hit = _regret(S, j, limit)
        if hit is not None:
            return hit
        if tk[j + 1 : j + 2] == ["that"]:
            return None  # "Kenya regrets that Chile opposed X": Chile's side, not Kenya's
    if t == "the" and tk[j + 1 : j + 3] == ["same", "as"]:
        j, t = j + 1, "same"  # "our position is the same as that of Japan"
    if t in ("asked", "ask", "asks", "asking") and not _QUESTIONS.isdisjoint(tk[j + 1 : j + 4]):
        return None  # "asked questions about paragraphs 7 and 8": no proposal, no side
    if t in _WITHHELD and not _ADMISSION.isdisjoint(tk[j + 1 : j + 4]):
        return None  # "refused a visa to X", "denied entry to": an act, no side on an option
    hit = W.phrase_at(tk, j)
    if hit is not None:
        return hit
    speech = t in W.SPEECH and depth == 0 and j + 2 < limit
    s0 = j + 2 if speech and tk[j + 1] == "that" else j + 1
    if speech and t in _TOLD:
        s0 = _after_addressee(S, j + 1, limit)  # "told the room (that) they could live with"
    elif speech and tk[s0] in _ADJUNCT_OPENERS:
        s0 = _past_adjunct(S, s0, limit)  # "said on Wednesday (that) it could not"
    if speech and s0 < limit and tk[s0] in W.PRONOUN_SUBJECTS:
        subj = s0 + 1  # "said it could accept", "said that they would support"
    elif (
        speech
        and s0 + 1 < limit
        and (
            tk[s0] in ("his", "her", "its", "their")
            and tk[s0 + 1] in W.SELF_NOUNS
            or tk[s0] == "the"
            and tk[s0 + 1] in _OWN_BODY  # "said the delegation / the Union was for X"
        )
        and s0 not in S.in_mention  # not already the speaker's mention (speakers.py)
    ):
        subj = s0 + 2  # "said her delegation would vote against"
    else:
        subj = 0
    if speech and s0 + 2 < limit and tk[s0] in W.POSSESSIVES and preference_is(tk, s0 + 2):
        return W.SUP, s0 + 3 + (tk[s0 + 3] == "for")  # "said its preference was X"

    if speech and s0 + 1 < limit:
        hit = _verdict(S, s0, limit)
        if hit is not None:
            return hit
    if subj:
        k, neg, _each = onset(S, subj, limit)
        inner = verb(S, k, limit, depth + 1)
        if inner and inner[0] in (W.SUP, W.OPP, W.NEU, W.ALIGN):
            cls = ST.flip(inner[0]) if neg else inner[0]
            if cls:
                return cls, inner[1]
        if inner and inner[0] == W.PROP and not neg:
            return inner  # "said it would argue for X": its own proposal
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
        if t in _DESCRIBE_AS:
            as_hit = _described_as(tk, j, limit)
            if as_hit:
                return as_hit, j + 1
        if t in _CALLED and (called := _called_it(tk, j, limit)):
            return called, j + 1
    if t in W.ALIGN_VERBS:
        k = j + 1
        if k < limit and tk[k] in ("itself", "themselves", "himself", "herself", "ourselves"):
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
            cls = W.LIGHT_NOUNS.get(tk[k])
            if cls in (W.SUP, W.OPP, W.NEU) and tk[k - 1] not in W.NO_AMOUNT:
                return cls, k + 1  # "reiterated its support for X": for X
            if cls is not None or tk[k] in ("position", "proposal"):
                return W.PROP, j + 1
        return W.STMT, j + 1
    if _position_is_that(tk, j):
        return W.STMT, j + 1  # "The UK's position was that the text should ..."
    if preference_is(tk, j):
        return W.SUP, j + 1 + (tk[j + 1] == "for")  # "Our preference is a short title"
    unable = _inability(S, j, limit)
    if unable is not None:
        return unable  # "explained its inability to accept the package": against it
    if t in ("have", "has", "had") and (held := _held_view(S, j, limit)) is not None:
        return held  # "we have concerns with paragraph 2", "has difficulties with X"
    doc = _document_side(S, j, limit)
    if doc is not None:
        return doc  # "issued a joint statement supporting X", "signed a declaration against X"
    if t in W.LIGHT_VERBS:
        for k in range(j + 1, min(limit, j + 6)):
            if tk[k] in W.LIGHT_NOUNS:
                cls = W.LIGHT_NOUNS[tk[k]]
                if tk[k - 1] in W.NO_AMOUNT and cls in (W.SUP, W.OPP):
                    # "expressed no objection to X": not against it; "gave no support": not for
                    return (W.OPP, k + 1) if cls == W.SUP else None
                return cls, k + 1
            if tk[k] in _PRESENTED and t in _PRESENT:
                return W.PROP, j + 1  # "Moscow presented a new treaty": the treaty is the option
            if tk[k] in W.CLAUSE_END or k in S.mstart_at:
                break
        if t in W.VERBS:
            return W.VERBS[t], j + 1
        return None
    if t in _KEPT and _kept_text(tk, j, limit):
        return W.SUP, j + 1  # "we would keep the word 'may'", "keep article 5": retain it
    if t in ("need", "needs") and _need_of(tk, j, limit):
        return W.PROP, j + 1  # "we need a coordinated global response"
    if (
        t in _ADVANCED
        and j + 1 < limit
        and (tk[j + 1] in W.DETERMINERS or tk[j + 1] in W.POSSESSIVES)
    ):
        return W.PROP, j + 1  # "advanced a resolution" (not "advanced into its territory")
    if t in W.VERBS:
        if depth == 0 and tk[j + 1 : j + 2] == ["and"] and (two := verb(S, j + 2, limit, 1)):
            return two  # "drafted and submitted a proposal": the verbs share one object
        return W.VERBS[t], j + 1
    if t in W.PRED_START:
        for k in range(j + 1, min(limit, j + 5)):
            if tk[k] in W.PRED_NOUNS:
                return W.PRED_NOUNS[tk[k]], k + 1
    if depth == 0:
        for k in range(j + 1, min(limit, j + 5)):
            if tk[k] == "by" and k + 1 < limit and tk[k + 1].endswith("ing"):
                return verb(S, k + 1, limit, depth + 1)
            if tk[k] in W.CLAUSE_END:
                break
    return None


_VERDICT_END = frozenset(["and", "or", "-"])
# what a text does, said of it: a verdict as well ("the draft would undermine ...")
_HARMS = W.words(
    "undermine undermines undermined weaken weakens weakened hamper hampers hampered "
    "jeopardize jeopardizes jeopardise jeopardises erode erodes undercut undercuts"
)
_HELPS = W.words(
    "advance advances advanced strengthen strengthens strengthened improve improves "
    "improved promote promotes enhance enhances"
)
_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019")


_QUESTIONS = W.words("question questions clarification clarifications")
_DESCRIBE_AS = W.words(
    "described describes termed terms labelled labeled branded regards regarded regard sees "
    "saw see views viewed view"
)


_CALLED = W.words("called calls calling")


def _called_it(tk: list[str], j: int, limit: int) -> str | None:
    """'called the text deeply flawed', 'called it a step backwards': a verdict adjective
    within a few words of the text named, before the clause ends."""
    if j + 1 >= limit or tk[j + 1] not in ("the", "this", "that", "it", "these", "those"):
        return None
    for k in range(j + 2, min(limit, j + 9)):
        t = tk[k]
        if t in W.CLAUSE_END or t in ("for", "on", "upon"):
            return None
        if t in W.VERDICT_NEG or t in W.NEG_ADJ:
            return W.OPP
        if t in W.VERDICT_POS and t not in ("forward", "important", "necessary"):
            return W.SUP
    return None


def _described_as(tk: list[str], j: int, limit: int) -> str | None:
    """'described India's call for an urgent meeting ..., including X, as "premature"': the
    adjective after a far "as" (the object may be long), to the end of the sentence."""
    for k in range(j + 2, min(limit - 1, j + 70)):
        if tk[k] in (".", ";", "said", "says"):
            return None
        if tk[k] == "as":
            q = k + 1
            while q < limit and (tk[q] in _QUOTES or tk[q] in ("a", "an", "being")):
                q += 1
            t = tk[q] if q < limit else ""
            if t in W.NEG_ADJ or t in _AS_NEG:
                return W.OPP
            return W.SUP if t in W.POS_ADJ or t in _AS_POS else None
    return None


# "regards the Convention as a milestone", "sees the draft as a threat to privacy"
_AS_POS = W.words("milestone landmark achievement breakthrough success basis balanced good sound")
_AS_NEG = W.words("threat danger risk setback failure flawed dangerous harmful")


def _verdict(S: Sentence, s0: int, limit: int) -> tuple[str, int] | None:
    """'said it was a step backwards', 'said the draft was unbalanced', 'said this was not
    acceptable': a reported verdict on a text; its side, the object starting at its subject.
    With no verdict word it is no side (objects.anaphoric_object)."""
    tk = S.tk
    k = s0
    nxt = tk[k + 1] if k + 1 < limit else ""
    if tk[k] == "the" or (tk[k] in ("this", "that", "these") and nxt not in W.BE):
        # "the (new) draft was", "the revised text is", "this proposal was"
        k = next((q for q in range(k + 1, min(limit, k + 4)) if _text_noun(tk[q])), -1)
        if k < 0:
            return None
    elif tk[k] not in W.VERDICT_SUBJECTS:
        return None
    k += 1
    neg = False
    while k < limit and (tk[k] in W.AUX and tk[k] not in W.BE or tk[k] in W.NEG):
        neg = neg != (tk[k] in W.NEG)
        k += 1  # "would be", "could be", "did not"
    if k < limit and (tk[k] in _HARMS or tk[k] in _HELPS):
        # "the draft would undermine ...", "the text did not advance the goal ..."
        return (W.OPP if (tk[k] in _HARMS) != neg else W.SUP), s0
    if k >= limit or tk[k] not in W.BE:
        return None
    for q in range(k + 1, min(limit, k + 9)):
        t = tk[q]
        if t in W.NEG:
            neg = not neg
        elif t in W.VERDICT_NEG or t in W.VERDICT_POS:
            r = q + 1
            while r < limit and tk[r] in _QUOTES:
                r += 1  # 'a "step backwards"'
            nxt = tk[r] if r < limit else "."
            if nxt not in W.VERDICT_NOUNS and nxt not in W.CLAUSE_END and nxt not in _VERDICT_END:
                return None  # "it was a good day": a verdict on the day, not on the text
            if t == "forward" and tk[q - 1] != "step":
                return None
            return (W.OPP if (t in W.VERDICT_NEG) != neg else W.SUP), s0
        elif t in W.CLAUSE_END:
            break
    return None


def _text_noun(t: str) -> bool:
    return t in W.DOC_NOUNS or t in W.DRAFT_WORDS or t in W.PROPOSAL_NOUNS


def object_end(S: Sentence, j: int, limit: int) -> int:
    tk = S.tk
    k = j
    while k < limit and k - j < 45:
        t = tk[k]
        if t == "(":
            close = ST.close_paren(S, k, 12)
            if close is not None and not any(x in S.mstart_at for x in range(k, close)):
                k = close + 1
                continue
            break
        if t == "." and k + 1 < limit and S.ts[k + 1] == S.te[k] and tk[k + 1][:1].isalnum():
            k += 1  # a dot inside a symbol ("A/HRC/7/L.5", "Article 6.2") ends nothing
            continue
        if t in W.CLAUSE_END:
            break
        if k in S.list_at and k != j and not _hyphen_author(S, S.list_at[k].end):
            break  # (not "the Russian-sponsored resolution": the name is inside the object)
        if t == "and" and k + 1 < limit and (tk[k + 1] in W.VERBS or tk[k + 1] in W.PHRASES):
            break
        if t == "and" and stance_noun(S, k + 1):
            break  # "its support for X and its opposition to Y": a second stance
        k += 1
    return k


def _hyphen_author(S: Sentence, e: int) -> bool:
    """'-sponsored', '-backed' right after a name ending at token e."""
    return e + 1 < S.n and S.tk[e] == "-" and S.tk[e + 1] in W.HYPHEN_SIDE


def stance_noun(S: Sentence, j: int) -> tuple[str, int] | None:
    """'its opposition to', 'their support for' at token j: (class, end of the noun)."""
    tk = S.tk
    if j + 1 >= S.n or tk[j] not in W.POSSESSIVES:
        return None
    cls = W.LIGHT_NOUNS.get(tk[j + 1])
    if cls not in (W.SUP, W.OPP, W.NEU):
        return None
    return cls, j + 2


def np_end(S: Sentence, j: int) -> int:
    end = object_end(S, j, S.n)
    for q in range(j, end):
        if S.tk[q] in ("was", "were", "is", "are", "has", "had", "have", "would", "will"):
            return q
    return end
