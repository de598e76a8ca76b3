"""Phase (b), references: names that point at somebody's text instead of taking a side.

"Russia's proposal" and "Egypt's delegation" (possessives), "the Canadian proposal", "Moscow's
draft" and "sided with Tehran" (demonyms and capitals), "the Cuban and Argentine proposals"
(one text each) and "the US-Albania draft" (one text, two authors). They set each mention's
flag ("target", "poss") and `S.extra_targets` / `S.joint` before the lists are built
(lists.build_lists), so a name that owns a text is not read as a side-taker.
"""

from __future__ import annotations

from loaders.extract import verbs as VB
from loaders.extract import words as W
from loaders.extract.mentions import CAPITALS, DEMONYMS, TARGET_PREFIXES
from loaders.extract.sentence import Sentence

_DEMONYM_KEYS = frozenset(k.lower() for k in DEMONYMS if " " not in k)
_CAPITAL_KEYS = frozenset(k.lower() for k in CAPITALS if " " not in k)


def possessives(S: Sentence) -> None:
    tk, te, ts = S.tk, S.te, S.ts
    for k, (_i, j) in enumerate(S.mtok):
        if j + 1 < S.n and tk[j] == "'" and tk[j + 1] == "s" and te[j] == ts[j + 1]:
            if ts[j] == te[j - 1]:
                S.poss_end[k] = j + 2
        elif j < S.n and tk[j] == "'" and ts[j] == te[j - 1] and tk[j - 1].endswith("s"):
            S.poss_end[k] = j + 1


def demonyms(P, S: Sentence) -> None:
    """'the Canadian proposal', 'Moscow's draft', 'sided with Tehran': references."""
    codes = P.lex.demonym_codes
    capitals = P.lex.capital_codes
    tk = S.tk
    if _DEMONYM_KEYS.isdisjoint(tk) and _CAPITAL_KEYS.isdisjoint(tk):
        return
    for k in range(S.n):
        t = tk[k]
        if (t not in codes and t not in capitals) or k in S.in_mention:
            continue
        if not S.tw[k][:1].isupper():
            continue
        if k >= 2 and tk[k - 1] == "-" and tk[k - 2] in TARGET_PREFIXES:
            continue  # "the anti-Russian resolution": aimed at Russia, not Russia's
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
        noun_end = _shared_noun(P, S, start)
        if noun_end:
            S.extra_targets.append((k, noun_end, code))


_COORDINATORS = W.words(", and or &")


def _noun_within(S: Sentence, j: int) -> int:
    """The end of a target noun at j or j + 1 ("proposal", "revised draft"), else 0."""
    for q in range(j, min(S.n, j + 2)):
        if S.tk[q] in W.TARGET_NOUNS:
            return q + 1
        if not S.tk[q].isalpha():
            break
    return 0


def _shared_noun(P, S: Sentence, j: int) -> int:
    """'the Cuban and Argentine proposals', 'the US and Japanese amendments': each name owns
    a text of the noun after the last of them. The noun's end, else 0."""
    tk = S.tk
    for _ in range(6):
        end = _noun_within(S, j)
        if end or j + 1 >= S.n or tk[j] not in _COORDINATORS:
            return end
        nxt = j + 1 + (tk[j + 1] == "and" and tk[j] == ",")  # ", and"
        if nxt in S.mstart_at:
            j = S.mend[S.mstart_at[nxt]]
        elif nxt < S.n and tk[nxt] in P.lex.demonym_codes and S.tw[nxt][:1].isupper():
            j = nxt + 1
        else:
            return 0
    return 0


def _past_title(S: Sentence, e: int) -> int:
    """After "Cuba's Minister": past "of Justice" / "for Foreign Affairs" and a name in
    commas (", Oscar Silvera,") when the verb follows; else e."""
    tk, tw = S.tk, S.tw
    q = e
    if q + 1 < S.n and tk[q] in ("of", "for") and tw[q + 1][:1].isupper():
        q += 1
        while q < S.n and q - e < 5 and (tw[q][:1].isupper() or tk[q] == "and"):
            q += 1
    if q + 2 < S.n and tk[q] == "," and tw[q + 1][:1].isupper() and q + 1 not in S.in_mention:
        close = next((x for x in range(q + 2, min(S.n, q + 7)) if tk[x] == ","), None)
        if close is not None and all(tw[x][:1].isupper() for x in range(q + 1, close)):
            q = close + 1  # the official's name between commas
    return q if q == e or q < S.n and tk[q] not in W.CLAUSE_END else e


def targets(P, S: Sentence) -> None:
    tk = S.tk
    for k, (_i, j) in enumerate(S.mtok):
        if S.mflag[k]:
            continue
        pe = S.poss_end[k]
        q = pe
        while 0 < q < S.n - 1 and q - pe < 2 and tk[q] in W.OFFICE_WORDS:
            q += 1  # "Russia's Foreign Ministry", "Iran's deputy foreign minister"
        if q > pe and tk[q] in W.REP_NOUNS:
            S.mend[k] = _past_title(S, q + 1)
            continue
        if pe > 0 and pe < S.n and tk[pe] in W.REP_NOUNS:
            S.mend[k] = _past_title(S, pe + 1)  # "Egypt's delegation": the speaker itself
            continue
        if 0 < pe < S.n - 2 and tk[pe] in W.POSITION_NOUNS and tk[pe + 1 : pe + 3] in _IS_THAT:
            S.mend[k] = pe + 1  # "The UK's position was that X should ...": its view
            continue
        if 0 < pe < S.n - 2 and VB.preference_is(tk, pe + 1):
            S.mend[k] = pe + 1  # "Japan's preference was a short title": Japan backs it
            continue
        aim = (_aim_is_to(S, pe) or _document_acts(S, pe)) if pe > 0 else 0
        if aim:
            S.mend[k] = aim  # "New Zealand's overarching goal is to seek X": NZ seeks X
            continue
        if pe > 0:
            for t in range(pe, min(S.n, pe + 4)):
                if tk[t] in W.PROPOSAL_NOUNS:
                    S.mflag[k] = "target"
                    S.tnoun_end[k] = t + 1
                    break
                if not tk[t].isalpha() and tk[t] != "-":
                    break
        elif (
            j < S.n
            and tk[j] in W.TARGET_NOUNS
            and tk[j + 1 : j + 2] != ["that"]
            and not (j + 1 < S.n and tk[j + 1] in W.DETERMINERS)
            and not _perceived(S, _i)
            and tk[_i] != "("  # "(b) call for X" under "The signatories:": a verb
        ):  # "Canada demands a ...": a verb, not "the Canadian demands"
            S.mflag[k] = "target"
            S.tnoun_end[k] = j + 1
        elif j < S.n and tk[j] in _COORDINATORS and _i > 0 and tk[_i - 1] in W.DETERMINERS:
            end = _shared_noun(P, S, j)
            if end and tk[end - 1].endswith("s"):  # "the US and Japanese amendments"
                S.mflag[k] = "target"
                S.tnoun_end[k] = end
        if pe > 0 and S.mflag[k] == "":
            S.mflag[k] = "poss"  # "Russia's invasion": not a side-taker
    _joint_texts(S)


_IS_THAT = (["is", "that"], ["was", "that"])
_AIMS = W.words("goal goals aim aims objective objectives priority priorities ambition")


_PAPERS = W.words("submission submissions input inputs contribution contributions paper papers")
_PAPER_VERBS = (W.PROP, W.SUP, W.OPP)


def _head_noun(S: Sentence, pe: int, nouns: frozenset[str]) -> int:
    """After "X's": the token of a noun of `nouns` within three words ("overarching goal",
    "written submission"), else -1."""
    q = pe
    while q < min(S.n, pe + 3) and S.tk[q] not in nouns and S.tk[q].isalpha():
        q += 1
    return q if q < S.n and S.tk[q] in nouns else -1


def _document_acts(S: Sentence, pe: int) -> int:
    """After "X's": '(written) submission (for the second session) put forward Y' (the verb's
    token), else 0: a paper of X's doing what X does."""
    q = _head_noun(S, pe, _PAPERS)
    for r in range(q + 1, min(S.n - 1, q + 7) if q >= 0 else 0):
        if r in S.mstart_at or S.tk[r] in W.CLAUSE_END or S.tk[r] in W.BE:
            return 0  # "X's submission was backed by Y": the paper, not its author, is backed
        hit = VB.verb(S, r, S.n)
        if hit is not None and hit[0] in _PAPER_VERBS and S.tk[hit[1] : hit[1] + 1] != ["by"]:
            return r
    return 0


def _aim_is_to(S: Sentence, pe: int) -> int:
    """After "X's": '(overarching) goal (for the talks) is to' (the token after 'to'), else 0."""
    q = _head_noun(S, pe, _AIMS)
    for r in range(q + 1, min(S.n - 1, q + 7) if q >= 0 else 0):
        if S.tk[r] in ("is", "was", "remains", "are", "were") and S.tk[r + 1] == "to":
            return r + 2
        if not S.tk[r].isalpha():
            return 0
    return 0


PERCEIVE = W.words("see saw seen seeing hear heard hearing watch watched watching")


def _perceived(S: Sentence, i: int) -> bool:
    """'glad to see Mexico and Chile push for X': the names after a verb of perception are
    the subject of the bare verb after them (token i starts a name of the run)."""
    k = i - 1
    while k >= 0 and (k in S.in_mention or S.tk[k] in ("and", ",", "the")):
        k -= 1
    return k >= 0 and S.tk[k] in PERCEIVE


def _joint_possessive(S: Sentence, k: int) -> int:
    """'Mexico and Colombia's position', 'Brazil, Chile and Peru's text': one possessive for
    a coordinated run of names makes them all its authors. The first of them (k if none)."""
    tk = S.tk
    first = k
    seen_and = False
    while first > 0:
        sep = " ".join(tk[S.mend[first - 1] : S.mtok[first][0]])
        if S.mflag[first - 1] or S.poss_end[first - 1] > 0:
            break
        sep = "and" if sep == ", and" else sep
        if sep == "and" and not seen_and:
            seen_and = True
        elif sep != "," or not seen_and:
            break
        first -= 1
    return first if seen_and else k


def _joint_texts(S: Sentence) -> None:
    """'the US-Albania draft', 'a Russia/China text': the names joined by a hyphen or a slash
    author the one text the last of them names (S.joint: co-author -> first author)."""
    tk = S.tk
    for k in range(len(S.ments) - 1, 0, -1):
        if S.mflag[k] != "target" or k in S.joint:
            continue
        first = k
        while first > 0:
            s0, e0 = S.mtok[first][0], S.mend[first - 1]
            if s0 - e0 != 1 or tk[e0] not in ("-", "/") or S.mflag[first - 1] not in ("", "target"):
                break
            if S.ts[e0] != S.te[e0 - 1] or S.ts[s0] != S.te[e0]:
                break  # "Chile - Peru": spaced, a range or a pause, not one name
            first -= 1
        if first == k and S.poss_end[k] > 0:
            first = _joint_possessive(S, k)
        if first == k:
            continue
        S.mflag[first] = "target"
        S.tnoun_end[first] = S.tnoun_end[k]
        for co in range(first + 1, k + 1):
            S.mflag[co] = "target"
            S.joint[co] = first
