"""Phase (c), the left context: what role an actor list plays in its clause.

`backscan` reads backwards from the first member of a list over fillers ("a large number of
member states, including") and names the role: SUBJ (the list is the subject of the verb on its
right; verbs.py reads that verb), PASS ("supported by", "opposed by", "not supported by",
"received support from", "proposed by"), REL ("which ..."), TARGET ("aligned with X": X's
position is the object), COAUTH ("together with"), INCL ("supporters included"), LABEL
("In favour: A, B"), NONE (a preposition: not a side). With the role comes the class of the cue
(W.SUP / W.OPP / W.NEU / W.PROP / W.STMT), negation already applied.

The predicates on a verb's object ("it", "the idea", a bare "deletion") are in objects.py.
All scans are bounded windows of tokens.
"""

from __future__ import annotations

from loaders.extract import lists as LI
from loaders.extract import references as RF
from loaders.extract import sentence as ST
from loaders.extract import verbs as VB
from loaders.extract import words as W
from loaders.extract.lists import _BEFORE_CAND, inverted_nor
from loaders.extract.sentence import ActorList, Sentence

# the first word of a short vote label: "For (141):", "Approval : 148", "Oppositions : 4"
_LABEL_HEADS = {"for": W.SUP, "approval": W.SUP, "approvals": W.SUP, "oppositions": W.OPP,
                "affirmative": W.SUP, "negative": W.OPP, "signatories": W.SUP,
                "signatory": W.SUP}  # fmt: skip


_VOTES = W.words("votes voting")
_QUOTES = frozenset("'\"\u2019\u201d")


def cue_before(S: Sentence, colon: int) -> str | None:
    """The stance announced before a colon: 'supported by:', 'In favour:', 'opposed it:',
    'Co-authors of draft resolution A/C.3/73/L.9:', 'align themselves with this statement:'."""
    tk = S.tk
    if colon > 0 and tk[colon - 1] in _QUOTES:
        return None  # "'Matter of regret...': India abstains": a quoted title, no label
    for k in range(colon - 1, max(-1, colon - 30), -1):
        t = tk[k]
        if t == "by" and k > 0 and _time_by(tk, k):
            continue  # "signed the Convention by the end of the day:": a time, no agent
        if t == "by" and k > 0:
            j = k - 1
            while j > 0 and tk[j] in W.AUX:
                j -= 1
            return W.PASSIVE.get(tk[j])
        if t in ("favour", "favor") or t in W.SPONSOR_NOUNS or t in _SIGNERS:
            return W.SUP  # "In favour:", "Co-sponsors:", "the signatories are:"
        if t == "opponents":
            return W.OPP
        if (
            t in ("yes", "no")
            and k == _bracket_start(tk, colon) - 1  # "Yes:", "Yes (23):"
            and (k == 0 or tk[k - 1] in (".", ":", ";"))
        ):
            return W.SUP if t == "yes" else W.OPP  # "Yes: A, B. No: C."
        # "For (141):", "Oppositions : 4 (A, B)", "... 139 Negative votes: 5 (A, B)"
        first = k == 0 or tk[k - 1] in (".", ":", ";", ")") or tk[k - 1].isdigit()
        first = first or tk[k - 1] in _VOTES and colon == k + 1  # "Votes for:", "Voting for:"
        if t in _LABEL_HEADS and _bracket_start(tk, colon) - k <= 5 and first:
            return _LABEL_HEADS[t]
        c = _cue_at(tk, k)  # "Asked for more time to consider it:"
        if c:
            k, c = _relative_head(tk, k, c)
            negated = any(x in W.NEG for x in tk[max(0, k - 3) : k])
            c = ST.flip(c) if negated else c
            return W.SUP if c == W.ALIGN else c
        if t in (";", ":") or (t == "." and (k + 1 >= S.n or S.ts[k + 1] > S.te[k])):
            break  # a dot inside a symbol ("A/C.3/73") does not end the label
    return None


_SIGNERS = W.words("signatories signatory signers co-signatories supporters backers")
_BY_TIMES = W.words(
    "end close time deadline middle start monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december midnight noon then now"
)


def _time_by(tk: list[str], k: int) -> bool:
    """'by the end of the day', 'by Friday', 'by 31 October': 'by' before a time."""
    nxt = tk[k + 1 + (tk[k + 1 : k + 2] == ["the"])] if k + 1 < len(tk) else ""
    return nxt in _BY_TIMES or nxt.isdigit()


def _bracket_start(tk: list[str], colon: int) -> int:
    """'Signatories (as of 31 October):': where the bracket before the colon opens (else
    the colon), so that a label head is measured without it."""
    if colon < 2 or tk[colon - 1] != ")":
        return colon
    return next((q for q in range(colon - 2, max(-1, colon - 10), -1) if tk[q] == "("), colon)


def _cue_at(tk: list[str], k: int) -> str | None:
    hit = W.phrase_at(tk, k)
    return (hit[0] if hit else None) or W.VERBS.get(tk[k]) or W.NOUN_CUES.get(tk[k])


_RELATIVES = W.words("who that which")


def _relative_head(tk: list[str], k: int, c: str) -> tuple[int, str]:
    """'those who opted to abstain from the voting for the ceasefire:': the relative clause's
    first cue ("abstain") names the list, not the last one ("voting for")."""
    r = next((q for q in range(k - 1, max(-1, k - 12), -1) if tk[q] in _RELATIVES), None)
    if r is None:
        return k, c
    for q in range(r + 1, k):
        if tk[q] in VB.WANT and tk[q + 1] == "to":
            continue  # "those who opted to abstain": the side of the verb after "to"
        first = _cue_at(tk, q)
        if first in (W.SUP, W.OPP, W.NEU):
            return q, first
    return k, c


def backscan(S: Sentence, start: int) -> tuple[str, str | None]:
    """(role, cue class) of the list starting at token `start` (see the module docstring)."""
    k, comma = skip_fillers(S, start)
    if inverted_nor(S.tk, start):
        return "SUBJ", None  # "Nor does China support it"
    if k < 0 or _connective_only(S, k):
        return "SUBJ", None  # also "However, it raised ...", "Later they opposed ..."
    # "(Speaking) on behalf of the African Group, Kenya said ...": the opening phrase
    q = start  # ", the delegate of Kenya said": the speaker noun belongs to the subject
    if q >= 4 and S.tk[q - 1] in ("of", "for") and S.tk[q - 2] in W.SPEAKER_NOUNS:
        q -= 3 if S.tk[q - 3] == "the" else 0
    if q > 0 and S.tk[q - 1] == "," and q - 1 in (S.behalf_skip.get(0), S.behalf_skip.get(1)):
        return "SUBJ", None
    if (fronted := LI.fronted_speaker(S)) is not None and fronted[0] == start:
        return "SUBJ", None  # "Speaking for the United States, Jane Smith said ..."
    if S.in_mention.get(start) in S.voiced:
        return "SUBJ", None  # "The Arab Group, represented by Algeria, opposed ..."
    if S.tk[k] in _PITTING:
        return "NONE", None  # "pitting the US and its allies against Russia": no option
    if _leader_of_subject(S, start):
        return "SUBJ", None  # "Western states, led by the US, resisted ..."
    if _person_of(S, start):
        return "SUBJ", None  # "Claudio Ramos of Cuba's Justice Ministry backed X"
    if S.tk[k] in RF.PERCEIVE and _clause_verb_after(S, start):
        return "SUBJ", None  # "glad to see Mexico and Chile push for X": they push for X
    if S.tk[k] in _CAUSATIVE and _to_verb_after(S, start):
        return "SUBJ", None  # "These risks led the UK to insist on X": the UK insisted
    return classify(S, k, start, comma)


_LED = W.words("led headed steered piloted shepherded chaired")
_OFFICE_LABELS = W.words(
    "host hosts venue chair chairs chairperson vice-chair presidency president facilitator "
    "facilitators moderator rapporteur location"
)
_CHAIRED = W.words("chaired presided moderated facilitated")
_BALLOT_SIDES = {"no": W.OPP, "yes": W.SUP, "negative": W.OPP, "affirmative": W.SUP}
_CAMPS = W.words("camp camps bloc coalition majority group alliance")
_ORIGINATES = W.words("originates originated originate stems stemmed emanated emanates")
_PITTING = W.words("pitting pitted pits pit")
_CAMP_NOUNS = W.words(
    "countries states delegations nations governments bloc coalition group camp alliance "
    "members economies democracies"
)


_CAUSATIVE = VB._CAUSATIVE


def _to_verb_after(S: Sentence, start: int) -> bool:
    """After the list starting at `start` (and an aside ", and many others,"), 'to' and a
    verb that takes a side."""
    tk = S.tk
    k = _past_list(S, start)
    if k < S.n and tk[k] == ",":
        k = next((q + 1 for q in range(k + 1, min(S.n, k + 6)) if tk[q] == ","), k)
    return k + 1 < S.n and tk[k] == "to" and _clause_verb_after(S, k + 1)


def _person_of(S: Sentence, start: int) -> bool:
    """'Claudio Ramos of Cuba's Justice Ministry backed X', 'Claudio Ramos, who heads
    relations at Cuba's Justice Ministry, backed X': a person opening the sentence speaks for
    the actor of the office named right after the name (the main verb follows)."""
    tk, tw = S.tk, S.tw
    i = subject_start(S)
    p = i
    while p < start and p - i < 4 and tw[p][:1].isupper() and p not in S.in_mention:
        p += 1
    if p - i < 2 or p >= start:
        return False
    b = start - (tk[start - 1] == "the")
    k = _past_office(S, _past_list(S, start))
    if tk[p] == "of" and p + 1 == b:
        pass
    elif tk[p : p + 2] == [",", "who"] and tk[b - 1] in ("at", "of", "for", "in"):
        if k >= S.n or tk[k] != "," or any(t in (",", ";") for t in tk[p + 2 : start]):
            return False
        k += 1
    else:
        return False
    return _clause_verb_after(S, k) or (k < S.n and VB.verb(S, k, S.n) is not None)


def _past_office(S: Sentence, k: int) -> int:
    """After "Cuba" in "Cuba's Justice Ministry": past the possessive and the office."""
    tk, tw = S.tk, S.tw
    if tk[k : k + 2] not in (["'", "s"], ["\u2019", "s"]):
        return k
    q = k + 2
    while (
        q < S.n
        and q - k < 6
        and (tk[q] in W.OFFICE_WORDS or tk[q] in W.REP_NOUNS or tw[q][:1].isupper())
    ):
        q += 1
    return q


def _leader_of_subject(S: Sentence, start: int) -> bool:
    """'Western states, led by the US, resisted X', 'countries led by Russia opposed it': the
    leader of an unnamed subject takes the subject's side (the clause's verb follows)."""
    tk = S.tk
    by = start - 1 - (start > 1 and tk[start - 1] == "the")
    if by < 2 or tk[by] != "by" or tk[by - 1] not in _LED:
        return False
    noun = by - 2 - (tk[by - 2] == ",")
    if noun < 0 or tk[noun] not in _CAMP_NOUNS:
        return False
    k = _past_list(S, start)
    return _clause_verb_after(S, k + 1 if k < S.n and tk[k] == "," else k)


_CONNECTIVES = frozenset(w for phrase in W.OPENING_CONNECTIVES for w in phrase.split())


def _counted_on(tk: list[str], noun: int) -> bool:
    """'count on / rely on / assured of (the full) support of': backing of a person, no
    option ("You can count on the support of the EU")."""
    q = noun - 1
    while q >= 0 and noun - q < 4 and tk[q] in ("the", "full", "continued", "unwavering"):
        q -= 1
    if q < 1:
        return False
    if tk[q] == "on":
        return tk[q - 1] in ("count", "rely", "depend")
    return tk[q] == "of" and tk[q - 1] in ("assured", "assure")


def _connective_only(S: Sentence, k: int) -> bool:
    """Tokens 0..k are an opening connective ("However ,", "On the other hand ,")."""
    return k < 6 and all(t in _CONNECTIVES or t == "," for t in S.tk[: k + 1])


def _past_list(S: Sentence, start: int) -> int:
    """The first token after the names of the list starting at `start` (and their commas,
    'and', 'the')."""
    k = start
    while k < S.n and (k in S.in_mention or S.tk[k] in (",", "and", "the")):
        k += 1
    return k


def _clause_ends_after(S: Sentence, start: int) -> bool:
    """Does the list starting at `start` run to the end of its clause (names only)?"""
    k = _past_list(S, start)
    return k >= S.n or S.tk[k] in (".", ";", "!", "?")


_BACKER_NOUNS = W.words(
    "backers backer supporters supporter co-sponsors co-sponsor cosponsors sponsors "
    "co-authors allies"
)


def _as_backers_after(S: Sentence, start: int) -> bool:
    """The list at `start` is followed by 'as (its early) backers / co-sponsors', then the
    clause's end."""
    L = S.list_at.get(start)
    if L is None or S.tk[L.end : L.end + 1] != ["as"]:
        return False
    for q in range(L.end + 1, min(S.n, L.end + 5)):
        if S.tk[q] in _BACKER_NOUNS:
            return q + 1 >= S.n or S.tk[q + 1] in W.CLAUSE_END
    return False


def _gerund_after(S: Sentence, start: int) -> bool:
    """Is the list starting at `start` followed by a gerund of speech ("with Russia noting
    that")? A gerund that takes a side ("with Iran voting in favour") is that list's own."""
    k = _past_list(S, start)
    k += k < S.n and S.tk[k] == "also"  # "with Kenya also noting that"
    if S.tk[k : k + 3] == ["taking", "the", "floor"]:
        return True  # "with Kenya also taking the floor to say ...": a speaker, no verb of its own
    return k < S.n and S.tk[k].endswith("ing") and W.VERBS.get(S.tk[k]) == W.STMT


# "after", "before", "since", "until": a preposition, or a clause's conjunction
_SUBORDINATORS = W.words("after before since until")


def _modifier_name(S: Sentence, start: int) -> bool:
    """Is the name at `start` a modifier of the noun after it ("a U.S. pullback")?"""
    L = S.list_at.get(start)
    e = L.end if L is not None else start + 1
    if e >= S.n or len(L.members if L is not None else ()) > 1:
        return False
    t = S.tk[e]
    if t in W.REP_NOUNS or t in W.SPEAKER_NOUNS or t in _CROWD_NOUNS:
        return False  # "opposed by a U.S. delegate": the state's own speaker
    return (
        S.tw[e][:1].islower()
        and t.isalpha()
        and t not in W.VERBS
        and t not in W.AUX
        and (t not in ("and", "or", "for", "to", "in", "on", "of", "at", "with"))
    )


def _own_verb_after(S: Sentence, start: int) -> bool:
    """Is the list at `start` the subject of a verb of its own (read by the verb module),
    not a list of names under a topic?"""
    k = _past_list(S, start)
    if k >= S.n or S.tk[k] in (",", ";", ".", "(", ")"):
        return False
    j, _neg, _each = VB.onset(S, k, S.n)
    return j < S.n and VB.verb(S, j, S.n) is not None


def _clause_verb_after(S: Sentence, start: int) -> bool:
    """Is the list starting at `start` followed by a verb taking a side, so that a
    conjunction opens its clause ("after the US and Ukraine co-sponsored the text")?"""
    k = _past_list(S, start)
    if k < S.n and S.tk[k] in ("had", "have", "has"):
        k += 1
    hit = W.phrase_at(S.tk, k) if k < S.n else None
    c = (hit[0] if hit else None) or (W.VERBS.get(S.tk[k]) if k < S.n else None)
    if c is None and k < S.n and (S.tk[k] in VB._ADVANCED or S.tk[k] in VB._ISSUED):
        # "after Russia advanced a resolution", "issued a statement supporting X"
        c = (VB.verb(S, k, S.n, 1) or (None,))[0]
    return c in (W.SUP, W.OPP, W.NEU, W.PROP)


_CONSISTING = W.words("consisting composed comprised comprising")
_SUCH = W.words("including as notably especially particularly among")


def _epithet(S: Sentence, k: int) -> bool:
    """A lowercase adjective right before a name ("authoritarian Russia", "neighbouring
    Chile"): not a verb, a preposition or a noun that heads its own phrase."""
    t = S.tk[k]
    return (
        t.isalpha()
        and S.tw[k][:1].islower()
        and t not in W.VERBS
        and t not in W.PASSIVE
        and t not in W.PREPOSITIONS
        and t not in W.DETERMINERS
        and t.endswith(("ian", "ic", "al", "ive", "ing", "ous", "ful", "ist"))
    )


def skip_fillers(S: Sentence, start: int) -> tuple[int, bool]:
    """The first token left of `start` that is not a filler ("a large number of member
    states, including"), at most 16 back, and whether a comma was passed."""
    tk = S.tk
    k = start - 1
    steps = 0
    comma = False
    while k >= 0 and steps < 16:
        t = tk[k]
        if t == ",":
            comma = True
        if (
            t in ("of", "from", "for")
            and k > 1
            and tk[k - 1] in W.SPEAKER_NOUNS
            and tk[k - 2] in ("the", "a", "an")
        ):
            k -= 3  # "endorsed by the delegates of Nigeria": look past the speaker noun
            steps += 3
            continue
        if t == "of" and k > 0 and tk[k - 1] in _CONSISTING:
            by = next((q for q in range(k - 2, max(-1, k - 8), -1) if tk[q] in ("by", "from")), -1)
            if by > 0 and not any(q in S.in_mention for q in range(by, k)):
                k = by  # "presented by a core group consisting of A, B": a by-list
                break
        if t in ("from", "of", "for") and k > 1 and tk[k - 1] == "those" and tk[k - 2] in _SUCH:
            k -= 2  # "including those from Jamaica", "such as those of Nigeria"
            steps += 2
            continue
        if t == "of" and k > 0 and tk[k - 1] in W.OF_QUANT:
            k -= 2
            steps += 2
            continue
        if t in W.KIN_NOUNS and k > 0 and tk[k - 1] in W.POSSESSIVES:
            k -= 2  # "backed by its allies A and B"
            steps += 2
            continue
        if t in W.FILLERS or (t.endswith("ly") and len(t) > 4 and t not in W.LY_NOT_ADVERBS):
            k -= 1
            steps += 1
            continue
        if t.isdigit() and k + 1 < start and tk[k + 1] in _COUNTED_NOUNS:
            k -= 1  # "by the following 5 States:": a count of the names
            steps += 1
            continue
        if k + 1 == start and k > 0 and tk[k - 1] in ("by", "from") and _epithet(S, k):
            k -= 1  # "sponsored by authoritarian Russia": an epithet before the name
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
            and (tk[k + 1] in (",", "and") or tk[k + 1] == "(" and k + 2 == start)
        ):  # "... by the New Agenda Coalition (Brazil, Egypt)": its members, in brackets
            b = k
            while (
                b > 0
                and k - b < 6
                and (S.tw[b - 1][:1].isupper() or tk[b - 1] == "-" and b > 1)
                and b - 1 not in S.in_mention
            ):
                b -= 1  # "Freedonia", "New Agenda Coalition", "Like-Minded Group"
            if b > 1 and tk[b - 1] == "the" and tk[k + 1] == "(":
                b -= 1  # "by the New Agenda Coalition ("
            if b > 0 and tk[b - 1] in _BEFORE_CAND and b - 1 not in S.in_mention:
                k = b - 1
                steps += 1
                continue
        break
    return k, comma


# a sentence opening with a topic ("On X, ...", "Regarding X, ..."): the list after its comma
_TOPIC_PREPS = W.words("on regarding concerning about on")
_CONCESSIVE = W.words("despite unlike notwithstanding amid")
_COUNTED_NOUNS = W.words("states countries delegations members governments nations")
_CROWD_NOUNS = _COUNTED_NOUNS | W.words("others")  # "several delegations", "many others"
_CAME = W.words("came come comes coming")


_FOUND = W.words("found finds find finding")
_COMPANY = W.words(
    "company favour favor friends allies ally champion champions backer backers supporter "
    "supporters"
)
_FOUND_FILLERS = W.words("a an unlikely eager willing strong ready new some its few")


def _found_company(tk: list[str], k: int, start: int) -> bool:
    """'found company in / among', 'found favour with', 'found allies in', 'found an unlikely
    champion in' just before the list."""
    for q in range(k, max(-1, k - 3), -1):
        p = q - 1
        while p > 0 and q - p < 4 and tk[p] not in _FOUND and tk[p] in _FOUND_FILLERS:
            p -= 1  # "found an unlikely champion"
        if tk[q] in _COMPANY and p >= 0 and tk[p] in _FOUND:
            return (
                all(tk[x] in ("in", "among", "with", "from") for x in range(q + 1, start))
                and q < start - 1
            )
    return False


_LABEL_WORDS = {"favour": W.SUP, "favor": W.SUP, "against": W.OPP, "abstaining": W.NEU}
_COPULAS = W.words("were was are is")
# "Yes — A, B", "No — C", "Abstained — D": roll-call lines with a dash, at a line's start
_DASH_ONLY_LABELS = {
    "yes": W.SUP,
    "no": W.OPP,
    "abstained": W.NEU,
    "abstentions": W.NEU,
    "abstaining": W.NEU,
}
_DASH_LABEL = frozenset(("\u2014", "\u2013", "-"))


_AMONG_THOSE = (["among", "those"], ["among", "the", "states"], ["among", "the", "countries"])


def fronted_gerund(S: Sentence, cop: int) -> tuple[str, int] | None:
    """'Backing the proposal were A', 'Among those opposing it were B': a side verb in -ing
    opening the clause, its subjects after the copula at `cop`. (class, object start)."""
    tk = S.tk
    g = subject_start(S)
    for lead in _AMONG_THOSE:
        if tk[g : g + len(lead)] == lead:
            g += len(lead)
            break
    if g >= cop or not tk[g].endswith("ing"):
        return None
    if tk[g] == "leading" and tk[g + 1 : g + 2] == ["the"] and g + 3 < cop:
        g += 2  # "Leading the push for X were": the push is theirs
    hit = VB.verb(S, g, cop)
    if hit is None or hit[0] not in (W.SUP, W.OPP, W.PROP, W.NEU) or hit[1] > cop:
        return None
    return hit


def _names_close(S: Sentence, start: int) -> bool:
    """The list at `start` closes its item: nothing after it but a bracket or the end."""
    L = S.list_at.get(start)
    return L is not None and (L.end >= S.n or S.tk[L.end] in (".", ";", "("))


def _author_label(S: Sentence, colon: int, prep: str = "by") -> bool:
    """'Proposed by:', 'Tabled by:', 'Main sponsor:' as the whole label of a short line: the
    names are the authors of the text the lines describe, not backers of a new option."""
    head = S.tk[subject_start(S) : colon]
    head = [t for t in head if t not in ("-", "*", "\u2022")]  # bullets, "co-drafted"
    return (
        1 <= len(head) <= 3
        and head[-1] == prep
        and head[-2:-1] != []
        and (head[0] in W.PASSIVE or head[0] == "co")
    )


def _whole_line(S: Sentence, start: int) -> bool:
    """The list at `start` runs to the end of its sentence (or to a ';'): no verb of its own."""
    L = S.list_at.get(start)
    return L is not None and (L.end >= S.n or S.tk[L.end] in (".", ";"))


def _inverted_label(tk: list[str], k: int) -> str | None:
    """'in favour were A', 'against were C', 'Against — C': a side word opening its clause,
    then a copula or a dash, then the names. The side, else None."""
    if (
        k + 1 < len(tk)
        and tk[k + 1] in _DASH_LABEL
        and (tk[k] in _LABEL_WORDS or tk[k] in _DASH_ONLY_LABELS)
    ):
        k += 1  # the dash was skipped as a filler: "Against — C"
    if k < 1:
        return None
    w = tk[k - 1]
    if w in _DASH_ONLY_LABELS and tk[k] in _DASH_LABEL:
        b = k - 1 - (tk[k - 2 : k - 1] == ["voted"] if k > 1 else 0)
        return _DASH_ONLY_LABELS[w] if b == 0 or tk[b - 1] in (",", ";", ".", ":") else None
    if w not in _LABEL_WORDS or not (tk[k] in _COPULAS or tk[k] in _DASH_LABEL):
        return None
    b = k - 1 - (w in ("favour", "favor") and k > 1 and tk[k - 2] == "in")
    if b > 0 and tk[b - 1] not in (",", ";", ".", ":"):
        return None  # "voted against were ..." is not a label
    return _LABEL_WORDS[w]


def classify(S: Sentence, k: int, start: int, comma: bool) -> tuple[str, str | None]:
    """The role named by token k, the first non-filler left of a list starting at `start`.

    One branch per cue word, in the order of their reliability; kept in one function (about
    90 lines) so that the precedence between the cues reads top to bottom."""
    tk = S.tk
    t = tk[k]
    if comma and tk[0] in _TOPIC_PREPS and tk[:start].count(",") == 1:
        return "SUBJ", None  # "On deliverables from Bonn, the EU called for ...": the subject
    if (
        comma
        and tk[0] in _CONCESSIVE
        and tk[:start].count(",") == 1
        and _clause_verb_after(S, start)
    ):
        return "SUBJ", None  # "Despite objections, the US blocked it": the main clause's subject
    if t in ("did", "does", "do") and k > 0 and tk[k - 1] in ("as", "so", "nor", "neither"):
        return "SAME", None  # "..., as did Poland", "So did Iran": the previous speaker's side
    inverted = _inverted_label(tk, k)
    dash_only = not _DASH_ONLY_LABELS.keys().isdisjoint(tk[max(0, k - 1) : k + 1])
    if inverted is not None and dash_only and not _whole_line(S, start):
        inverted = None  # "No - Canada thinks otherwise": a reply, not a roll-call line
    if inverted is not None:
        return "LABEL", inverted  # "in favour were A and B; against were C"
    if t in _COPULAS and fronted_gerund(S, k) is not None:
        return "GERUND", None  # "Backing the proposal were A and B"
    if S.bullet and k + 1 < start and tk[k + 1] in _DASH_LABEL and _names_close(S, start):
        return "OPTION", W.SUP  # "* A long title -- Russia, China (the Russian approach)"
    if k + 2 < start and tk[k + 1] in ("it", "them", "this", "these") and tk[k + 2] == ":":
        label = cue_before(S, k + 2)  # "A long line of speakers objected to them: A, B"
        if label in (W.SUP, W.OPP, W.NEU):
            return "LABEL", label
    if k + 1 < start and tk[k + 1] == ":" and t in _OFFICE_LABELS:
        return "NONE", None  # "(host: Viet Nam)", "Chair: Algeria": an office, no side
    if k + 1 < start and tk[k + 1] == ":":
        label = cue_before(S, k + 1)
        if label in (W.SUP, W.OPP, W.NEU):
            return "LABEL", label
        own = label in (W.PROP, W.STMT, None) and _own_verb_after(S, start)
        if own:
            return "SUBJ", None  # "- Future revisions: Ecuador is against adding offences"
        if label == W.PROP and _author_label(S, k + 1):
            return "AUTHOR", None  # "- Proposed by: the Russian Federation" in a fact sheet
        if label == W.PROP and _author_label(S, k + 1, "with"):
            return "LABEL", W.SUP  # "- Co-drafted with: Equatorial Guinea": its co-author
        if label in (W.PROP, W.STMT):  # "Delegations that asked for it to be deleted: A, B"
            return "OPTION", W.SUP
        if label is None and S.bullet and k + 1 - subject_start(S) >= 2:
            return "OPTION", W.SUP  # "* Keep voluntary contributions: A, B": backers of it
    if _found_company(tk, k, start):
        return "PASS", W.SUP  # "found company in A and B", "found favour with A": they back it
    if t == "by" and tk[start - 1] in ("a", "an") and _modifier_name(S, start):
        return "NONE", None  # "helped by a U.S. pullback": the pullback, not the US, helped
    if t == "by":
        return passive_by(S, k)
    if t == "from":
        p = k - 1
        while p >= 0 and tk[p] in ("including", ",", "notably", "especially", "particularly"):
            p -= 1  # "broad support, including from"
        if p >= 1 and tk[p] in W.ANAPHORS and tk[p - 1] == "for":
            p -= 2  # "no support for this from"
        if p >= 0 and tk[p] in _ORIGINATES:
            return "PASS", W.PROP  # "The idea for a convention originates from Russia"
        if p >= 0 and tk[p] in _CAME:
            p -= 1  # "support came from", "suggestions came from"
        while p >= 0 and tk[p] in W.FROM_ADJ:
            p -= 1
        if p >= 0 and (tk[p] in W.SPEAKER_NOUNS or tk[p] in W.REP_NOUNS):
            q = p - (tk[p - 1 : p] == ["the"])
            if q == subject_start(S):
                return "SUBJ", None  # "Delegates from Nigeria and Ghana voiced support"
            if q > 1 and tk[q - 1] == "from":
                p = q - 2  # "support from delegates from Peru": the support is Peru's
        if p >= 0 and tk[p] in W.SPEECH_ACT_NOUNS and p > 0 and tk[p - 1] in W.TEMPORAL_PREPS:
            return "NONE", None  # "following contributions from X": they took the floor
        if p > 0 and tk[p] in ("votes", "vote") and tk[p - 1] in _BALLOT_SIDES:
            return "PASS", _BALLOT_SIDES[tk[p - 1]]  # "the no votes came from A, B"
        if p >= 0 and tk[p] in W.FROM_NOUNS:
            if p > 0 and tk[p - 1] in W.NOUN_NEG:  # "no support from": they did not support
                return "PASS", ST.flip(W.FROM_NOUNS[tk[p]]) or "NONE"
            return "PASS", W.FROM_NOUNS[tk[p]]
        if p >= 0 and tk[p] in W.LIGHT_NOUNS:
            return "PASS", W.LIGHT_NOUNS[tk[p]]
        if p > 0 and tk[p] in _VIEW_NOUNS and tk[p - 1] in _CONTRARY:
            return "PASS", W.OPP  # "A different view came from X": X differs from it
        return "NONE", None
    if t == "of":
        p = tk[k - 1] if k > 0 else ""
        if p in W.OF_NOUNS and _counted_on(tk, k - 1):
            return "NONE", None  # "you can count on the support of the EU": no option
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
        if p == "," and _clause_ends_after(S, start):
            return "COAUTH", None  # "China preferred retaining it, with Egypt and India."
        if p == "," and _as_backers_after(S, start):
            return "COAUTH", None  # "Russia tabled it, with China and Cuba as co-sponsors"
        if p == "," and _gerund_after(S, start):
            return "COAUTH", None  # "Several opposed it, with Russia noting that ..."
        return "SUBJ", None
    if t in W.INCLUDED_CUES:
        return "INCL", None
    if t == "which":
        return "REL", None
    if t == "that":
        p = tk[k - 1] if k > 0 else ""
        return (
            ("REL", None)
            if p in W.PROPOSAL_NOUNS or _object_relative(S, k, start)
            else (
                "SUBJ",
                None,
            )
        )
    if t in W.NOUN_CUES:
        if k > 0 and tk[k - 1] in W.NOUN_NEG:  # "no support among", "little agreement"
            flipped = ST.flip(W.NOUN_CUES[t])
            return ("PASS", flipped) if flipped else ("NONE", None)
        return "PASS", W.NOUN_CUES[t]
    if t in W.SUBJECT_CUES or not t.isalnum():
        return "SUBJ", None
    if t == "for" and k > 0 and tk[k - 1] in W.SPEAKER_NOUNS:
        return "SUBJ", None  # "the speaker for Japan"
    if t in _SUBORDINATORS and _clause_verb_after(S, start):
        return "SUBJ", None  # "after the US and Ukraine co-sponsored it": a clause's subject
    if t in W.PREPOSITIONS and not comma:
        return "NONE", None
    if k in S.in_mention or comma:
        return "SUBJ", None  # a new clause after a comma: the list is its subject
    if t in W.SPEECH:
        return "SUBJ", None  # "said his delegation supported": a reported clause's subject
    if t in W.VERBS or t in W.ALIGN_VERBS:
        return "TARGET", None
    if t.endswith("ed") and len(t) > 3:
        return "NONE", None
    return "SUBJ", None


# praise or blame of a name ("Vietnam, praised by China for its hosting,"), not a side on a text
_SAID_OF = W.words(
    "praised criticised criticized accused condemned lauded faulted blamed commended thanked "
    "congratulated"
)


_BY_ADVERBS = W.words("throughout again also too still instead")


def passive_by(S: Sentence, k: int) -> tuple[str, str | None]:
    tk = S.tk
    p = k - 1
    while p >= 0 and (
        tk[p] in W.AUX
        or tk[p] in ("was", "were", "been", "being", "be", "is", "are")
        or (tk[p].endswith("ly") and len(tk[p]) > 4 and tk[p] not in W.LY_NOT_ADVERBS)
        or (tk[p] in _BY_ADVERBS and p == k - 1)
    ):
        p -= 1
    if k >= 3 and tk[k - 2 : k] == ["not", "only"]:
        return passive_by(S, k - 2)  # "supported not only by A": the by-list of "supported"
    if p >= 2 and tk[p - 1] == "in" and tk[p - 2] in ("joined", "supported", "backed"):
        p -= 2  # "was joined in opposition by the EU": the by-list of "joined"
    if k >= 3 and tk[k - 2 : k] == ["but", "also"]:
        if S.last_passive:
            return "PASS", S.last_passive  # "... but also by B": the same side as A
        by = next((q for q in range(k - 3, max(0, k - 20), -1) if tk[q] == "by"), 0)
        if by:  # "co-sponsored mainly by countries of the West, but also by A"
            return passive_by(S, by)
    if p < 0:
        return "NONE", None
    w = tk[p]
    last = S.last_passive or W.SUP
    if w in _CHAIRED:
        return "NONE", None  # "The session was chaired by Algeria": an office, no side
    if w in _LED and p >= 1 and tk[p - 1] in _CAMPS and "votes" in tk[max(0, p - 8) : p]:
        return "PASS", W.SUP  # "kept by 91 votes, a camp led by the US and the EU": in the camp
    if w == "joined" and p >= 2 and tk[p - 1] == ",":
        if S.last_passive and p - 2 in S.in_mention:
            return "PASS", S.last_passive  # "objected to them: A, B, joined by C": C as A, B
        if not S.last_passive and any(a < p for a, _b in S.mtok):
            return "SAME", None  # "Chile opposed it, joined by Peru": Peru as Chile
    if w in _SAID_OF and p >= 2 and tk[p - 1] == "," and p - 2 in S.in_mention:
        return "NONE", None  # "Vietnam, praised by China for its hosting, ...": of Vietnam
    if w in W.SPEECH_ACT_VERBS and _speech_subject(S, p):
        return "NONE", None  # "Statements in explanation of vote were made by X": no side
    if w == "not":
        q = tk[p - 1] if p > 0 else ""
        if q in ("but", "and", ","):
            return "PASS", ST.flip(last)
        return "PASS", W.OPP
    if w in ("and", ",", "or"):
        return "PASS", last
    if w == "sponsored" and p >= 2 and tk[p - 1] == "-" and tk[p - 2] == "co":
        return "PASS", W.SUP  # "co-sponsored by A, B, C": all of them back the text
    if w in ("veto", "vetoes") or w == "cast" and p > 0 and tk[p - 1] in ("veto", "vetoes"):
        return "PASS", W.OPP  # "a veto (cast) by the United States": against the draft
    if w in W.PASSIVE and _led_process(S, p):
        return "NONE", None  # "consultations, led by Nigeria": a facilitator, no side
    if w in _PRESIDED:
        return "NONE", None  # "the committee, chaired by Algeria": its chair takes no side
    if w in W.PASSIVE:
        cls = W.PASSIVE[w]
        q = p - 1
        while q >= 0 and (tk[q] in W.AUX or tk[q] in ("was", "were", "been", "be")):
            if tk[q] in ("was", "were", "been", "be", "is", "are"):
                q -= 1
                continue
            q -= 1
        if q >= 0 and tk[q] == "not":
            flipped = ST.flip(cls)
            if flipped is None:
                return "NONE", None
            cls = flipped
        return "PASS", cls
    pp = _participle_before_phrase(tk, p)
    if pp is not None:
        return passive_by(S, pp)  # "submitted under agenda item 107 by A": the by-list of it
    for q in range(p, max(-1, p - 5), -1):  # "with considerable resistance at the time by"
        if tk[q] in W.LIST_NOUN_SIDE and (q == p or tk[q + 1] in ("at", "in", "on", "then")):
            return "PASS", W.LIST_NOUN_SIDE[tk[q]]
    if w in ("response", "reaction", "reception", "responses", "reactions"):
        if any(tk[x] in W.NEUTRAL_RESPONSE for x in range(max(0, p - 3), p)):
            return "PASS", W.NEU
        return "NONE", None
    # "an initial move in 2017 by Russia", "a bid by China": a short noun phrase of a proposal
    for q in range(p, max(-1, p - 4), -1):
        if tk[q] in _NEAR_PROPOSALS:
            return "PASS", W.PROP
        if tk[q] in (",", ";", "and", "or"):
            break
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


_SETTING_PREPS = W.words("under in on at during")
_PRESIDED = W.words("chaired presided facilitated moderated hosted convened co-chaired")


def _participle_before_phrase(tk: list[str], p: int) -> int | None:
    """'submitted under agenda item 107 by', 'tabled on 5 November by': a short phrase of
    time or place between a participle and its by-list. Returns the index of the preposition
    (the by-list then reads as the participle's), or None."""
    for q in range(p, max(0, p - 5), -1):
        if tk[q] in (",", ";", "by", "and", "or"):
            return None
        if tk[q] in _SETTING_PREPS and tk[q - 1] in W.PASSIVE and q < p:
            return q
    return None


_NEAR_PROPOSALS = W.words("move moves bid bids push initiatives request requests plan")
_PROCESS_NOUNS = W.words(
    "consultations consultation negotiations negotiation talks discussions discussion informals "
    "informal meeting meetings session sessions process dialogue workshop workshops committee "
    "committees"
)


def _led_process(S: Sentence, p: int) -> bool:
    """'consultations, led by Nigeria', 'the informals led by Jamaica': token p ('led') heads
    a by-phrase after a meeting noun, which names who runs it, not a side."""
    if S.tk[p] not in _LED:
        return False
    q = p - 1 - (p > 0 and S.tk[p - 1] == ",")
    q -= q > 0 and S.tk[q] in W.BE  # "this Committee was steered by Algeria"
    return q >= 0 and S.tk[q] in _PROCESS_NOUNS


def _speech_subject(S: Sentence, p: int) -> bool:
    """The subject of 'were made by' (token p) is headed by a speech noun: 'Statements in
    explanation of vote were made by', 'A general comment was made by' (not 'A proposal')."""
    tk = S.tk
    q = p - 1
    while q > 0 and tk[q - 1] not in (";", ":", ".") and p - q < 25:
        q -= 1
    q = max(q, subject_start(S))
    for k in range(q, min(p, q + 4)):
        if tk[k] in W.SPEECH_ACT_NOUNS:
            return True
        if tk[k] in W.PROPOSAL_NOUNS:
            return False
    return False


def contrast(S: Sentence, start: int) -> bool:
    tk = S.tk
    for k in range(start - 1, max(-1, start - 40), -1):
        if tk[k] in W.CONTRAST and (start - k <= 12 or k == 0):
            return True
        if tk[k] == ";":
            break
    return False


def subject_start(S: Sentence) -> int:
    """Index of the main clause's first token (after 'On Tuesday,', 'However,' ...)."""
    tk = S.tk
    i = 1 if tk and tk[0] in ("\u2022", "-", "*", "\u00b7") else 0
    if i < S.n and tk[i] in W.INTRO_STARTERS:
        for k in range(i + 1, min(S.n, i + 18)):
            if tk[k] == ",":
                return k + 1
    return i


def subject_anaphor(S: Sentence) -> bool:
    tk = S.tk
    connective = bool(tk) and tk[0] in W.CONNECTIVES
    i = subject_start(S)
    if i >= S.n:
        return False
    t = tk[i]
    if t in W.SUBJECT_ANAPHORS:
        return True
    if t == "the" and i + 1 < S.n and tk[i + 1] in W.ANAPHOR_ADJ:
        return True
    return connective and (t in W.PROPOSAL_NOUNS or (i + 1 < S.n and tk[i + 1] in W.PROPOSAL_NOUNS))


def new_clause(S: Sentence, start: int) -> bool:
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


def passive_anaphor(S: Sentence, upto: int) -> bool:
    tk = S.tk
    for k in range(upto - 1, max(-1, upto - 9), -1):
        t = tk[k]
        if t in (";",):
            break
        if t in ("this", "these", "it", "such", "there"):
            return True  # "there was no support from X": on what was just said
        if t == "the" and k + 1 < S.n and tk[k + 1] in W.ANAPHOR_ADJ:
            return True
    i = subject_start(S)  # "The proposal was welcomed by X": the one just made
    be = i + 2 + (tk[i + 2 : i + 4] in (["has", "been"], ["have", "been"], ["had", "been"]))
    if be < upto and tk[i] == "the" and tk[i + 1] in W.ANAPHORIC_NOUNS and tk[be] in W.BE:
        return True  # also "The proposal has been criticized by X"
    return S.subj_anaphor


_VIEW_NOUNS = W.words("view views position positions opinion opinions approach line")
_CONTRARY = W.words("different differing contrary opposite opposing dissenting contrasting")
_AFTER_BARE_LIST = W.words(", . ; who which whose")


_LEAD_OPENERS = (["led", "by"], ["headed", "by"], ["spearheaded", "by"], ["with"])
_AT_HEAD = (["at", "their", "head"], ["in", "the", "lead"], ["at", "the", "fore"])


def leaders_aside(S: Sentence, L: ActorList) -> int | None:
    """'Several delegations, led by A and B, pressed for X', 'A number of delegations, with A
    and B at their head, were pressing for X': A and B are that subject's named members, so
    the main verb is theirs. Returns the index of the aside's closing comma, or None."""
    tk = S.tk
    b = L.start - (tk[L.start - 1] == "the") if L.start else 0
    for opener in _LEAD_OPENERS:
        comma = b - len(opener) - 1
        if comma > 0 and tk[comma] == "," and tk[comma + 1 : b] == opener:
            break
    else:
        return None
    i = subject_start(S)
    if not any(t in _CROWD_NOUNS for t in tk[i:comma]) or comma - i > 6:
        return None
    if any(q in S.in_mention for q in range(i, comma)):
        return None
    close = L.end
    for tail in _AT_HEAD:
        if tk[close : close + 3] == tail:
            close += 3
    return close if close < S.n and tk[close] == "," else None


def came_from_alone(S: Sentence, L: ActorList) -> bool:
    """'Support came from Chile.', 'A different view came from Canada, whose ...': a stance
    noun with no topic of its own, so it is on the option just discussed."""
    tk = S.tk
    i = subject_start(S)
    b = L.start - (L.start > 0 and tk[L.start - 1] == "the")  # "came from the United States"
    if b < i + 3 or tk[b - 1] != "from" or tk[b - 2] not in _CAME:
        return False
    if b - 2 - i > 4 or any(q in S.in_mention for q in range(i, b - 2)):
        return False
    return L.end >= S.n or tk[L.end] in _AFTER_BARE_LIST


def bare_label(S: Sentence, start: int) -> bool:
    """A label with no topic of its own ('Against:', 'supported it:')."""
    tk = S.tk
    colon = start - 1
    while colon > 0 and tk[colon] != ":":
        colon -= 1
    before = tk[max(0, colon - 8) : colon]
    if any(t in ("it", "this", "them", "these") for t in before):
        return True
    if colon > 0 and tk[colon - 1] == ")":  # "Against (among others):", "In favour (80):"
        while colon > 0 and tk[colon] != "(":
            colon -= 1
    words = [t for t in tk[subject_start(S) : colon] if t not in ("-", "*", "\u2022")]
    return len(words) <= 3  # "- Co-drafted with:": three words and the bullet


def clause_initial(S: Sentence, L: ActorList) -> bool:
    """'Supported by X, Y proposed ...': the passive opens the sentence, a subject follows."""
    tk = S.tk
    if L.start > 8 or not tk or tk[0] not in W.PASSIVE and tk[0] not in W.OPENING_PREPS:
        return False
    return any(other.start >= L.end for other in S.lists)


_OPENING_CLAUSE = W.words("after when once since before although though because if following")


def clause_text(P, S: Sentence, upto: int) -> str:
    tk = S.tk
    k = upto - 1
    while k > 0 and tk[k] not in (";", "whereas", "while", ":") and upto - k < 40:
        k -= 1
    start = k + 1 if tk[k] in (";", "whereas", "while", ":") else k
    if start < upto and tk[start] in _OPENING_CLAUSE:
        comma = next((q for q in range(start + 1, upto - 1) if tk[q] == ","), None)
        if comma is not None:
            start = comma + 1  # "After Russia tabled X, efforts led by A ...": "efforts"
    # drop the cue words right before the list ("was supported by")
    end = upto
    if end - start > 2 and tk[end - 2] in ("by", "from") and _epithet(S, end - 1):
        end -= 1  # "sponsored by authoritarian Russia"
    while end > start and (
        tk[end - 1] in W.FILLERS
        or tk[end - 1] in W.PASSIVE
        or tk[end - 1] in _BY_ADVERBS
        and tk[end : end + 1] == ["by"]
        or tk[end - 1] in ("by", "from", "was", "were", "been", "co", "-", "has", "have", "had")
        or (tk[end - 1].endswith("ly") and tk[end - 1] not in W.LY_NOT_ADVERBS and end - start > 2)
        or tk[end - 2 : end] == ["not", "only"]
        or tk[end - 1] in W.SPEAKER_NOUNS  # "supported by the speakers for"
        or tk[end - 1] in ("for", "of")
        and end > 1
        and tk[end - 2] in W.SPEAKER_NOUNS
    ):
        end -= 2 if tk[end - 2 : end] == ["not", "only"] else 1
    if end >= 2 and tk[end - 1] == "of" and tk[end - 2] in _CONSISTING:
        by = next((q for q in range(end - 3, max(start - 1, end - 9), -1) if tk[q] == "by"), 0)
        if by > start:  # "presented by a core group consisting of": the text before "by"
            end = by
            while end > start and (tk[end - 1] in W.PASSIVE or tk[end - 1] in W.BE):
                end -= 1
    return S.text_of(P.text, start, end)


# (role, cue class) -> (cue name, reliability). Passive by-lists are the most reliable cue;
# statements ("stressed", "said") the least, as they may state a view without taking a side.
ROLE_CUES: dict[tuple[str, str | None], tuple[str, float]] = {
    ("PASS", W.SUP): ("supported-by list", 0.92),
    ("PASS", W.OPP): ("opposed-by list", 0.92),
    ("PASS", W.NEU): ("reserved-by list", 0.8),
    ("PASS", W.PROP): ("proposed-by list", 0.88),
    ("PASS", W.STMT): ("stated-by list", 0.7),
    ("PASS", None): ("by list", 0.75),
    ("LABEL", W.SUP): ("in-favour label", 0.88),
    ("LABEL", W.OPP): ("against label", 0.88),
    ("LABEL", W.NEU): ("neutral label", 0.8),
    ("LABEL", None): ("label", 0.75),
    ("OPTION", W.SUP): ("option label", 0.75),
    ("SAME", None): ("as-did: the previous speaker's side", 0.75),
    ("COAUTH", None): ("together-with co-author", 0.8),
    ("INCL", None): ("included-in list", 0.75),
    ("REL", None): ("relative clause", 0.8),
    ("SUBJ", None): ("subject", 0.8),
}


def _object_relative(S: Sentence, k: int, start: int) -> bool:
    """ "the annex that Kenya had proposed": "that" after a noun, and the list's verb ends the
    clause (it has no object of its own), so the clause is about that noun."""
    tk = S.tk
    p = tk[k - 1] if k > 0 else ""
    if not p.isalpha() or p in W.VERBS or p in W.SPEECH or p in W.AUX or p in W.BE:
        return False
    L = S.list_at.get(start)
    if L is None:
        return False
    j = L.end
    while j < S.n and (tk[j] in W.AUX or tk[j] in W.BE or tk[j] in ("also", "initially")):
        j += 1
    return j + 1 < S.n and tk[j] in W.VERBS and tk[j + 1] in W.CLAUSE_END
