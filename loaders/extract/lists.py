"""Phase (b): actor mentions of a sentence grouped into lists, and what each mention is.

Pre-passes mark mentions that are not side-takers of their own: "on behalf of" phrases (the
group a speaker spoke for) here, references to somebody's proposal ("Brazil's proposal", "the
Canadian proposal", "Egypt's delegation") in references.py. `build_lists`
then joins the remaining mentions into lists (commas, "and", Oxford commas, "as well as",
parentheticals) and keeps unknown capitalised names inside a list as candidates (reported as
unresolved names, never guessed). Functions taking `P` read `P.text`, `P.index`, `P.lex` and
append to `P.candidates` (the Parser of events.py, or any object with those attributes).
"""

from __future__ import annotations

from loaders.extract import sentence as ST
from loaders.extract import words as W
from loaders.extract.sentence import ActorList, Candidate, Sentence

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


# Capitalised at a sentence start, never a state: the function words of the word lists
_FUNCTION_WORDS = (
    W.INTRO_STARTERS
    | W.CONTRAST
    | W.CONNECTIVES
    | W.AUX
    | W.FILLERS
    | W.PREPOSITIONS
    | W.SUBJECT_CUES
    | W.SUBJECT_ANAPHORS
    | W.NEG
    | W.BE
    | W.words("yesterday today tomorrow overall nonetheless nevertheless notwithstanding")
)


def _not_a_name(word: str) -> bool:
    return word in _FUNCTION_WORDS or (word.endswith("ly") and len(word) > 4) or word in W.VERBS


_MEMBER_START = W.words("other fellow member members")


def _member_phrase(P, S: Sentence, k: int) -> int:
    """'(other / fellow) members of (the) G', 'the member States of G': the index of the
    group's mention, else 0."""
    j = k + 1 if S.tk[k] in ("other", "fellow") else k
    if j < S.n and S.tk[j] in ("members", "member", "countries", "states"):
        j += 1  # "the countries of the European Union" too
        if j < S.n and S.tk[j] == "states" and S.tk[j - 1] == "member":
            j += 1
        if j < S.n and S.tk[j] == "of":
            j += 1
            if j < S.n and S.tk[j] == "the":
                j += 1
            mi = S.mstart_at.get(j)
            if mi is not None and P.index.is_group(S.ments[mi].code):
                return j
    return 0


_BEHALF_WORDS = frozenset(("for", "representing", "behalf"))


# "The Arab Group, represented by Algeria, ...", "the African Group, speaking through Egypt,"
_VOICED_BY = (("represented", "by"), ("speaking", "through"), ("through",), ("via",))


def voiced_by(P, S: Sentence) -> None:
    """'GROUP, represented by STATE, opposed': the state speaks for the group, as in 'STATE,
    on behalf of GROUP, opposed'. The group's name gives way to its speaker."""
    seg = P.text[S.a : S.b]  # a substring test is far cheaper than a look at each token
    if "represented" not in seg and "through" not in seg and "via" not in seg:
        return
    tk = S.tk
    for gi, (_gs, ge) in enumerate(S.mtok):
        if S.mflag[gi] != "" or not P.index.is_group(S.ments[gi].code):
            continue
        if ge >= S.n or tk[ge] not in (",", "("):
            continue
        for words in _VOICED_BY:
            j = ge + 1 + len(words)
            if tuple(tk[ge + 1 : j]) != words:
                continue
            j += j < S.n and tk[j] == "the"
            si = S.mstart_at.get(j)
            if si is None or S.mflag[si] != "" or P.index.is_group(S.ments[si].code):
                break
            S.mflag[gi] = "behalf"
            S.behalf[si] = S.ments[gi].code
            S.voiced.add(si)
            break


_SPEAKING_OPENERS = (
    ["speaking", "for"],
    ["speaking", "on", "behalf", "of"],
    ["on", "behalf", "of"],
)
_PERSON_WORDS = W.words("mr ms mrs dr . ambassador minister deputy permanent representative")


def fronted_speaker(S: Sentence) -> tuple[int, int] | None:
    """'Speaking for the United States, Jane Smith said X': the actor named in the opening
    phrase is the subject, its speaker (a person, or 'the delegate') no actor. Returns the
    actor's first token and the main verb's index, or None."""
    tk = S.tk
    if not tk or tk[0] not in ("speaking", "on"):
        return None
    opener = next((o for o in _SPEAKING_OPENERS if tk[: len(o)] == o), None)
    if opener is None:
        return None
    start = len(opener) + (tk[len(opener) : len(opener) + 1] == ["the"])
    mi = S.mstart_at.get(start)
    end = S.mend[mi] if mi is not None else 0
    if not end or end + 2 >= S.n or tk[end] != ",":
        return None
    q = end + 1
    if tk[q] == "the" and tk[q + 1] in W.SPEAKER_NOUNS:
        q += 2  # ", the delegate said"
    else:
        while q < S.n and q - end < 8 and (S.tw[q][:1].isupper() or tk[q] in _PERSON_WORDS):
            if q in S.mstart_at:
                return None  # ", Kenya said": an actor of its own
            q += 1
    if q == end + 1 or q >= S.n:
        return None
    if not (tk[q] in W.VERBS or tk[q] in W.AUX or W.phrase_at(tk, q)):
        return None  # ", the delegate of Kenya welcomed": Kenya speaks, for the group
    return start, q


def behalf(P, S: Sentence) -> None:
    tk = S.tk
    fronted = fronted_speaker(S)
    if fronted is not None:
        start, verb_at = fronted
        S.behalf_skip[S.mend[S.mstart_at[start]]] = verb_at  # its own list, the verb after
        return
    seg = P.text[S.a : S.b]
    if "behalf" not in seg and " for " not in seg and "(for" not in seg and "repres" not in seg:
        return
    # only these three words start a phrase below: the loop visits just their positions
    for k in [i for i, t in enumerate(tk) if t in _BEHALF_WORDS and 0 < i < S.n - 1]:
        after_name = tk[k - 1] == "," and (k - 2) in S.in_mention
        # "Finland, representing the European Union, ...": the speaker for the group
        in_paren = tk[k - 1] == "(" and k > 1 and (k - 2) in S.in_mention
        represents = tk[k] == "representing" and (after_name or in_paren)  # "Jamaica (repr..."
        if represents or (
            tk[k] == "for" and (tk[k - 1] in ("speaking", "spoke", "speaks", "(") or after_name)
        ):
            if k + 1 < S.n and (
                k + 1 in S.mstart_at or (tk[k + 1] == "the" and k + 2 in S.mstart_at)
            ):
                j = k + 2 if tk[k + 1] == "the" else k + 1
                mi = S.mstart_at[j]
                if P.index.is_group(S.ments[mi].code):
                    behalf_target(P, S, k, k - 1, mi)
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
            cand_end = candidate_span(S, j)
            if cand_end:
                add_candidate(P, S, j, cand_end)
            continue
        behalf_target(P, S, k, start, mi)


def behalf_target(P, S: Sentence, k: int, start: int, mi: int) -> None:
    tk = S.tk
    states = not P.index.is_group(S.ments[mi].code) and tk[k : k + 2] == ["behalf", "of"]
    if states and start > 0 and tk[start - 1] == "," and S.mtok[mi][0] > start:
        # "Russia, on behalf of Belarus, China and Cuba, said": states, not a group, co-sign
        # what the speaker says (the phrase is skipped, the names join its list)
        S.behalf_skip[start] = S.mtok[mi][0]
        return
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
    if not P.index.is_group(code):
        return
    # the speaker: nearest preceding free mention within 25 tokens
    for sk in range(mi - 1, -1, -1):
        si, _sj = S.mtok[sk]
        if k - si > 25:
            break
        if S.mflag[sk] == "":
            S.behalf[sk] = code
            return
    # an opening phrase ("Speaking on behalf of the African Group, Kenya said"): the first
    # name after its comma
    opening = all(t in ("speaking", "on", "behalf", "of", "for", "acting") for t in tk[:start])
    if opening and end < S.n and tk[end] == "," and mi + 1 < len(S.ments):
        nxt, q = mi + 1, end + 1
        if tk[q : q + 1] == ["the"] and q + 2 < S.n and tk[q + 1] in W.SPEAKER_NOUNS:
            q += 3 if tk[q + 2] in ("of", "for") else 0  # ", the delegate of Egypt said"
        if S.mtok[nxt][0] == q and S.mflag[nxt] == "":
            S.behalf[nxt] = code


_SOME_OF = W.words("several some many few a number two three four five most other certain")


def build_lists(P, S: Sentence) -> None:
    k = 0
    nm = len(S.ments)
    for q in range(nm):  # flagged first, so that a list before one can step over it
        if S.mflag[q] == "" and _some_of_a_group(P, S, q):
            S.mflag[q] = "partial"  # "several African states": some members, not the group
    while k < nm:
        if S.mflag[k] != "":
            k += 1
            continue
        L = build_list(P, S, k)
        S.lists.append(L)
        S.list_at[L.start] = L
        k = max(L.members) + 1 if L.members else k + 1


def _some_of_a_group(P, S: Sentence, k: int) -> bool:
    """A group's name after a quantifier ("several / some / two African states")."""
    start = S.mtok[k][0]
    return start > 0 and S.tk[start - 1] in _SOME_OF and P.index.is_group(S.ments[k].code)


_AFTER_NAME = W.words("* \u2020 powers countries nations allies")
_UNNAMED = W.words(
    "groups activists organizations organisations companies advocates experts ngos firms "
    "defenders campaigners"
)


_HOW_MANY = W.words(
    "some several many a few two three four five six seven eight nine ten eleven twelve "
    "dozens dozen numerous various"
)


_GROUP_TAIL = W.words("states countries nations members governments")


def _unnamed_tail(S: Sentence, k: int) -> int:
    """'... and rights groups', '... and big tech companies', '... and (some) other
    autocracies': the end of such a conjunct (0 if there is none)."""
    o = k
    while o < S.n and o - k < 2 and (S.tk[o] in _HOW_MANY or S.tk[o].isdigit()):
        o += 1
    counted = o > k and k > 0 and S.tk[k - 1] in ("and", "or")  # a conjunct, no apposition
    mi = S.mstart_at.get(o) if counted else None
    if mi is not None and S.mflag[mi] == "partial":  # "..., and several African states"
        e = S.mend[mi]
        return e + 1 if e < S.n and S.tk[e] in _GROUP_TAIL else e
    if counted:  # "..., and some European nations", "and a few Latin American states"
        for e in range(o, min(S.n, o + 4)):
            if S.tk[e] in _GROUP_TAIL:
                return e + 1
            if not S.tk[e].isalpha() or e in S.in_mention:
                break
    if o > k and o < S.n and S.tk[o] == "others":
        return o + 1  # "Brazil, Norway and eight / a few others voted against": unnamed
    o = k + 1 if k < S.n and S.tk[k] in ("some", "several", "many", "a", "few") else k
    if o + 1 < S.n and S.tk[o] == "other":
        for e in range(o + 1, min(S.n, o + 4)):
            if not S.tk[e].isalpha() or e in S.in_mention:
                return 0
            if S.tk[e].endswith("s"):
                return e + 1  # "and other (small) states"
    for e in range(k, min(S.n, k + 4)):
        t = S.tk[e]
        if t in _UNNAMED:
            return e + 1
        if not t.isalpha() or not S.tw[e][:1].islower() or e in S.in_mention:
            return 0
        if t in W.AUX or t in W.VERBS or t.endswith("ed") or t in W.BE:
            return 0  # "... and has alarmed rights groups": a verb phrase, not a conjunct
    return 0


def _relative_aside(S: Sentence, k: int) -> int:
    """', which regards Taiwan as its territory, and Pakistan': the token after the aside's
    closing comma when another name follows it ("and" or a comma, then a name), else 0."""
    tk = S.tk
    if k + 1 >= S.n or tk[k + 1] not in ("which", "who", "whose"):
        return 0
    for q in range(k + 2, min(S.n, k + 25)):
        if tk[q] in (";", ".", ":", "(", ")"):
            return 0
        if tk[q] == ",":
            nxt = q + 2 if q + 1 < S.n and tk[q + 1] == "and" else q + 1
            return q + 1 if nxt in S.mstart_at else 0
    return 0


_REPEATED_PREPS = W.words("by of from")
_CONTRASTED = W.words("unlike")


def _opened_by(tk: list[str], start: int, prep: str) -> bool:
    """Does the list at `start` follow `prep` ("by Russia", "by the Russian Federation")?"""
    b = start - (start > 0 and tk[start - 1] == "the")
    return b > 0 and tk[b - 1] == prep


_LEAD_INS = W.words("both also even finally then")
_QUANTITY = W.words("long list number host string handful series group few")


def _quantity_of(S: Sentence, k: int) -> int:
    """'a long list of', 'a number of', 'a handful of' before a name: the name's token."""
    q = k + 1
    while q < min(S.n, k + 4) and S.tk[q] in _QUANTITY:
        q += 1
    ok = q > k + 1 and q + 1 < S.n and S.tk[q] == "of" and q + 1 in S.mstart_at
    return q + 1 if ok else 0


def _interjection(S: Sentence, k: int) -> int:
    """An aside between a list's 'and,' and its next name ("and, yes, Tonga", "and, worth
    flagging, both Ukraine and Georgia"): the token of that name, else 0."""
    tk = S.tk
    if k < 2 or tk[k - 2] not in ("and", ","):
        return 0
    for q in range(k, min(S.n - 1, k + 9)):
        if q in S.mstart_at or tk[q] in (";", ".", ":", "(", ")"):
            return 0
        if tk[q] == ",":
            nxt = q + 1 + (tk[q + 1] in _LEAD_INS)
            return nxt if q > k and nxt in S.mstart_at else 0
    return 0


def build_list(P, S: Sentence, k0: int) -> ActorList:
    tk = S.tk
    members = [k0]
    L = ActorList(members, S.mtok[k0][0], S.mend[k0])
    j = S.mend[k0]
    while j < S.n:
        j = skip_attached(P, S, j, L)
        k = j
        saw_sep = False
        steps = 0
        while k < S.n and steps < 8:
            t = tk[k]
            if k in S.behalf_skip:
                k = S.behalf_skip[k]
                L.end = k
            elif t == "," and L.start and tk[L.start - 1] in _CONTRASTED:
                break  # "Unlike Russia, Brazil backed it": the comma ends the contrasted name
            elif t == "," and (close := _relative_aside(S, k)):
                k = close  # "China, which regards Taiwan as its own, and Pakistan opposed"
                saw_sep = True
            elif t in (",", "and", "or", "&", "plus", "nor", "/"):
                saw_sep = True
                k += 1
            elif saw_sep and t in ("a", "an") and (after := _quantity_of(S, k)):
                k = after  # "the United States and a long list of European states"
            elif saw_sep and tk[k - 1] == "," and (close := _interjection(S, k)):
                k = close  # "Russia, China and, yes, Tonga", "and, worth noting, both Peru"
            elif t == "-" and k + 1 in S.mstart_at and S.ts[k] == S.te[k - 1]:
                saw_sep = True  # "the US-Albania draft", "a Russia-China text": both names
                k += 1
            elif (
                t == ";"
                and (k + 1 in S.mstart_at or tk[k + 1 : k + 2] == ["and"] and k + 2 in S.mstart_at)
                and ":" in tk[max(0, L.start - 6) : L.start]
            ):
                saw_sep = True  # "In favour (3): Chile; Peru; and Kenya": a list after a label
                k += 1
            elif (
                t == "but"
                and tk[k + 1 : k + 2] == ["also"]
                and tk[max(0, L.start - 2) : L.start] == ["not", "only"]
            ):
                k += 2  # "Not only Russia but also China opposed it": both
                saw_sep = True
            elif t == "as" and tk[k + 1 : k + 3] == ["well", "as"]:
                k += 3
                saw_sep = True
            elif t in _REPEATED_PREPS and saw_sep and _opened_by(tk, L.start, t):
                k += 1  # "put forward by Russia and by Iran": the same by-list
            elif k in S.mstart_at:
                break  # "Gabon, The Gambia": a name that opens with "the"
            elif t == "the" or (t in _AFTER_NAME and k == j):
                k += 1  # "North Macedonia*, Montenegro*", "European powers and ..."
            elif (
                t in ("other", "fellow", "member", "members", "countries", "states")
                and saw_sep
                and _member_phrase(P, S, k)
            ):
                k = _member_phrase(P, S, k)  # "Egypt and other members of the Arab Group"
            elif saw_sep and k + 1 in S.mstart_at and S.mflag[S.mstart_at[k + 1]] == "partial":
                k += 1  # "the US, the UK and most European states, voted against"
            elif t in ("together", "along", "jointly") and k + 1 < S.n and tk[k + 1] == "with":
                k += 2
                saw_sep = True
            else:
                break
            steps += 1
        mi = S.mstart_at.get(k)
        if mi is not None and S.mflag[mi] == "partial" and saw_sep:
            j = L.end = S.mend[mi]  # some members of a group: no actor, but the list goes on
            continue
        if mi is not None and S.mflag[mi] == "" and (saw_sep or k == j):
            if k in S.coauthor_at:
                break
            members.append(mi)
            j = S.mend[mi]
            L.end = j
            continue
        if saw_sep and k < S.n and S.tw[k][:1].isupper() and k not in S.in_mention:
            ce = candidate_span(S, k)
            if ce and (ce >= S.n or tk[ce] in _AFTER_CAND or S.mstart_at.get(ce) is not None):
                L.candidates.append((k, ce))
                j = ce
                L.end = j
                continue
        tail = _unnamed_tail(S, k) if saw_sep else 0
        if tail:  # "Japan, Chile and civil liberty groups warn": no actor there, the list ends
            L.end = j = tail
            break
        if saw_sep and k < S.n and tk[k] in W.LIST_END_WORDS:
            L.end = k + 1
            j = k + 1
            if j < S.n and tk[j] == "(":
                j = skip_attached(P, S, j, L)
        break
    _split_clause_boundary(S, L)
    if L.end < S.n and tk[L.end] in ("respectively", "each"):
        L.each = True
    if L.start > 0 and tk[L.start - 1] == "neither":
        L.neg = True
    if inverted_nor(tk, L.start):
        L.neg = True  # "Nor will Russia accept X": it will not
    b = L.start - (L.start > 0 and tk[L.start - 1] == "the")
    if b >= 2 and tk[b - 2 : b] == ["none", "of"]:
        L.neg = True  # "None of the Arab states endorsed it": they did not
    return L


def inverted_nor(tk: list[str], start: int) -> bool:
    """'Nor will (the) X ...' opening the sentence, X at `start`."""
    b = start - (start > 0 and tk[start - 1] == "the")
    return b == 2 and tk[0] == "nor" and tk[1] in W.AUX


_OBJECT_PREPS = W.words("by from of with to for about on after against")


def _split_clause_boundary(S: Sentence, L: ActorList) -> None:
    """'On the proposal by Chile, Peru said ...': two names split by a bare comma, the first
    the object of a preposition and the second followed by its verb, are a phrase's end and
    the next clause's subject, not a list (a list of two names takes "and")."""
    if len(L.members) != 2 or L.candidates:
        return
    first, second = L.members
    start = S.mtok[first][0]
    between = S.tk[S.mend[first] : S.mtok[second][0]]
    if between not in ([","], [",", "the"]) or L.end != S.mend[second]:
        return
    if start == 0 or S.tk[start - 1] not in _OBJECT_PREPS:
        return
    after = S.tk[L.end] if L.end < S.n else ""
    past = after.endswith("ed") and len(after) > 4  # "managed to get", "succeeded in"
    if after in W.VERBS or after in W.SPEECH or after in W.AUX or after in W.BE or past:
        L.members = [first]
        L.end = S.mend[first]


_GROUP_TAILS = W.words("members member states state countries bloc governments nations")


def skip_attached(P, S: Sentence, j: int, L: ActorList) -> int:
    """After a member: on-behalf phrases, '(UK)', '(in that order)', '(Algeria, ...)'."""
    tk = S.tk
    if P.index.is_group(S.ments[L.members[-1]].code):
        # "the European Union members", "CARICOM countries", "Arab Group member states"
        k = j
        while k < S.n and k - j < 2 and tk[k] in _GROUP_TAILS:
            k += 1
        if k > j:
            L.end = j = k
    for _ in range(4):
        if j in S.behalf_skip:
            j = S.behalf_skip[j]
            L.end = j
            continue
        if j < S.n and tk[j] == "(":
            close = ST.close_paren(S, j, 40)
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
                    t not in S.in_mention and tk[t] in ("which", "who") for t in range(j + 1, close)
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


def candidate_span(S: Sentence, k: int) -> int | None:
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
    if words == 1 and _not_a_name(toks[0]):
        return None  # "Conversely, Iran ...": a capitalised sentence adverb, not an actor
    first = tw[k]
    if len(first) > 1 and not first.isupper() and any(c.isupper() for c in first[1:]):
        return None  # CamelCase brand names
    if first.isupper() and len(first) > 1 and words == 1 and not first.isalpha():
        return None
    if all(t.isdigit() for t in toks):
        return None
    return j


def add_candidate(P, S: Sentence, i: int, j: int) -> None:
    a, b = S.ts[i], S.te[j - 1]
    P.candidates.append(Candidate(P.text[a:b], a, b))


def note_candidates(P, S: Sentence, L: ActorList) -> None:
    for i, j in L.candidates:
        add_candidate(P, S, i, j)
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
                (S.tw[b - 1][:1].isupper() or (prev.isdigit() and b >= 2 and S.tk[b - 2] == "of"))
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
            end = candidate_span(S, b)
            if end == e:
                add_candidate(P, S, b, e)
