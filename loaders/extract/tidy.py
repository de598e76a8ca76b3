"""Phase (e): document-level tidying of the events the Parser built, before they are kept.

A speaker's statement restates its position many times ("We welcome ...", "We believe ...",
"As we have said, ..."): the curated dataset reads such a run as one position, not one event
per sentence. `restatements` folds a bare view stated in the first person (only a statement
verb, no side of its own beyond the speaker's) into the speaker's last position of the same
document with the same side-takers, extending its span.
"""

from __future__ import annotations

import re

from loaders.extract.sentence import Ev
from loaders.extract.words import words


def _camp(ev: Ev) -> frozenset[tuple[str, str]]:
    out = {(c, "A" if s == "support" else s) for c, s in ev.sides.items()}
    if ev.proposer:
        out.add((ev.proposer, "A"))
    return frozenset(out)


def _first_person_view(ev: Ev) -> bool:
    return bool(ev.cues) and all(
        "statement verb" in c and c.startswith("first-person") for c in ev.cues
    )


def restatements(events: list[Ev]) -> list[Ev]:
    """Events without the first-person bare views that repeat an earlier position."""
    out: list[Ev] = []
    last: dict[frozenset, Ev] = {}
    for ev in events:
        camp = _camp(ev)
        prev = last.get(camp)
        if prev is not None and camp and _first_person_view(ev) and not ev.latent:
            prev.spans.extend(ev.spans)
            continue
        out.append(ev)
        if camp and not ev.latent:
            last[camp] = ev
    return out


# --- one voted text named many times ----------------------------------------------------------
#
# A news report on a vote names the one resolution it is about in sentence after sentence ("the
# resolution", "the document", "the Russian-drafted text", "it"): each mention that takes a side
# is one event in the Parser, but the text is one option. `coreferent` folds the later mentions
# into the first one of their kind (a resolution-like text, a treaty, a committee), unless they
# are told apart (an amendment, an article, another resolution number, another proposer) or
# would put one actor on both sides.

_KINDS = {
    **dict.fromkeys(
        ("resolution", "resolutions", "document", "draft", "initiative", "bid", "text"), "res"
    ),
    **dict.fromkeys(("treaty", "convention", "pact"), "treaty"),
    "committee": "committee",
}
_APART = words(
    "amendment amendments paragraph paragraphs article articles provision provisions clause "
    "clauses chapter preambular operative protocol protocols budapest"
)
_CLAUSE = words("to that for of about on whether how if in with against from by")
_PREP = words("to for of about on in with against from by under")
_DET = words("the a an this its that")
_SIDE_NOUNS = words(
    "support adoption approval rejection backing authors sponsors endorsement passage"
)
_MODAL = words("should would must could shall will can may might cannot")
# "it", "it in the end", "the idea": a bare anaphor (short, nothing of its own after it)
_PRONOUN = re.compile(r"(?:it|this|the (?:idea|move|initiative|document))(?:\W+\w+){0,3}\W*$")
_SPAN = 40  # sentences
# "abstained from the vote", "abstains in the UNSC vote 'deploring' ...": the vote on the text
_THE_VOTE = re.compile(r"(?i)\s*(?:from|in|on|during) (?:the )?(?:[\w.-]+ ){0,2}vote\b")
_COUNTED = "names in brackets after a vote count"  # votes.counted_brackets
_RESNO = re.compile(r"\b\d{2}/\d{1,3}\b|\bL\.\s?\d+")


_FRONTED_CLAUSE = re.compile(
    r"(?i)^\s*(?:(?:if|when|once|after|although|though|despite|while|unless)\b[^,;]{0,80}|"
    r"(?:in|on|during|by)\s[^,;]{0,30}\b\d{4}),\s*"  # "In 2019, a resolution was made"
)


def text_kind(option: str) -> str | None:
    """'res', 'treaty' or 'committee': the kind of text an option names as its head."""
    return _kind(option)


def _kind(option: str) -> str | None:
    """The kind of text the option names as its head ("adopted a resolution on X", "the
    document", "support of the draft"), None when it names one only inside a view on something
    else ("forty ratifications for the proposed convention")."""
    # "If adopted, the resolution", "Despite being blocked, the text": the clause after
    option = _FRONTED_CLAUSE.sub("", option, count=1)
    toks = re.findall(r"[a-z]+", option.lower())
    if not toks or not _APART.isdisjoint(toks):
        return None
    if toks[0] in _CLAUSE:
        return None  # "that the convention should cover ...": a view on its content
    kinds = []
    for i, t in enumerate(toks[:24]):
        if t not in _KINDS:
            continue
        if not _MODAL.isdisjoint(toks[:i]):
            break  # "the text should include a resolution": a view on what it should say
        det = None  # "the United Nations Ad Hoc committee": a determiner, then modifiers only
        for k in range(i - 1, max(-1, i - 7), -1):
            if toks[k] in _DET:
                det = k
                break
            if toks[k] in _PREP or toks[k] in _MODAL:
                break
        if i > 2 and det is None and toks[i - 1] != "s":
            continue  # the option opens with it ("Russian resolution", "Russia's resolution")
        # "for the proposed convention" names it inside a view; "support of the draft" does not
        after_prep = det is not None and det > 0 and toks[det - 1] in _PREP
        side_noun = after_prep and det > 1 and toks[det - 2] in _SIDE_NOUNS  # type: ignore[operator]
        if after_prep and not (side_noun and toks[det - 1] in ("of", "for")):  # type: ignore[operator]
            continue
        kinds.append(_KINDS[t])
    if not kinds:
        return None
    # "the Third Committee passed the resolution": the committee is the place, the text the topic
    return next((k for k in kinds if k != "committee"), kinds[0])


_THAT_TEXT = re.compile(
    r"that (?:the|this|its) (?:\w+ ){0,2}?(resolution|document|draft|treaty|convention|language)\b"
)


def _feared(ev: Ev) -> str | None:
    """'X fear that the resolution would ...': against the text the clause is about."""
    m = _THAT_TEXT.match(ev.option.lower()) if against(ev) else None
    return _KINDS.get(m.group(1), "res") if m else None  # "fear that the language is ..."


def against(ev: Ev) -> bool:
    """An opponent's view of its own (`Ev.view`: "Kenya opposed the annex" makes KEN the
    author of "against the annex") not yet rewritten as the text with its opponents."""
    return ev.view and not ev.neg


def on_object(evs: list[Ev], stance: str) -> str:
    """A side taken on an event's object, in the event's terms: on an opponent's view of its
    own supporting the object is opposing the view, and sharing the opponent's side backs it."""
    if stance not in ("support", "oppose") or not evs or not all(against(e) for e in evs):
        return stance
    return "oppose" if stance == "support" else "support"


def _facts(ev: Ev) -> dict[str, str]:
    """Each actor's side on the text itself."""
    opp = against(ev)
    out = {}
    if ev.proposer:
        out[ev.proposer] = "oppose" if opp else "support"
    for code, stance in ev.sides.items():
        if opp and stance != "neutral":
            stance = "oppose" if stance == "support" else "support"
        out.setdefault(code, stance)
    return out


def _on_the_text(ev: Ev) -> None:
    """Rewrite an 'against' event as the text with its opponents."""
    if against(ev):
        ev.sides, ev.proposer, ev.neg = _facts(ev), None, True


def _backs_it(ev: Ev) -> bool:
    """A lone actor's support of a text it did not write ("X signed the Convention")."""
    own = _OWN.search(ev.option)  # "backed its own resolution": its text, not the same one
    return bool(ev.cues) and ev.cues[0].endswith("support verb") and not ev.sides and not own


_OWN = re.compile(r"(?i)\b(?:its|their|his|her|own)\b")


def _fold(into: Ev, ev: Ev) -> bool:
    cosponsors = bool(ev.cues) and ev.cues[0].endswith("-by list") and bool(ev.sides)
    rival = ev.proposer and into.proposer and ev.proposer != into.proposer
    # "Viet Nam signed the Convention ... Iran likewise signed the Convention": two backers
    rival = rival and not (_backs_it(into) and _backs_it(ev))
    if rival and not cosponsors and not against(into) and not against(ev):
        return False  # "sponsored by A, B and C" names co-sponsors, not a rival author
    if _COUNTED in into.cues and _COUNTED in ev.cues:
        return False  # two vote counts are two votes: one text each
    nums = set(_RESNO.findall(into.option)), set(_RESNO.findall(ev.option))
    if all(nums) and nums[0] != nums[1]:
        return False
    have, new = _facts(into), _facts(ev)
    if any(have.get(c, s) != s for c, s in new.items()):
        return False
    _on_the_text(into)
    if ev.proposer and not against(ev) and into.proposer is None:
        into.sides.pop(ev.proposer, None)
        into.proposer = ev.proposer
    for code, stance in new.items():
        into.add(code, stance)
    into.behalf.update({k: v for k, v in ev.behalf.items() if k not in into.behalf})
    into.spans.extend(ev.spans)
    into.cues.append("coreferent mention of the same text")
    return True


# "called for a vote against the resolution", "urged negative votes": against the text itself
_VOTE_AGAINST = re.compile(
    r"(?:an? |the )?(?:(?:recorded |negative |no )?votes? \W?against\W?|negative votes?|no votes?)"
    r"(?:[ ,]+(?:on |for )?(?P<rest>\S.*))?$",
    re.I | re.S,
)


def _vote_call(ev: Ev) -> None:
    m = _VOTE_AGAINST.match(ev.option.strip())
    if m is None:
        return
    facts = _facts(ev)  # "spoke against ... and called for negative votes": opponents either way
    if not against(ev):
        facts = {c: "oppose" if s == "support" else s for c, s in facts.items()}
    ev.sides = facts
    ev.proposer, ev.neg = None, True
    ev.option = m.group("rest") or "it"


def coreferent(events: list[Ev]) -> list[Ev]:
    """Events without the later mentions of a voted text already in an earlier event (one
    mention at most _SPAN sentences after the last); a bare anaphor ("voted against it", "spoke
    against the idea") joins the text named before it, or the only one the document names."""
    first: dict[str, Ev] = {}
    seen: dict[str, int] = {}  # the sentence of each kind's last mention
    clusters = 0
    last: Ev | None = None
    out: list[Ev] = []
    loose: list[tuple[Ev, Ev | None]] = []
    symbols: dict[str, Ev] = {}  # "L.23", "73/187": the event that first named the text
    for ev in events:
        _vote_call(ev)
        if not ev.latent and _same_symbol(symbols, ev):
            continue
        kind = _kind(ev.option) or _feared(ev)
        anaphor = ev.anaphor or _PRONOUN.match(ev.option.strip().lower())
        if (anaphor or _THE_VOTE.match(ev.option)) and not ev.latent:
            loose.append((ev, last))
            out.append(ev)
            continue
        if kind is None and _bare_vote_list(ev) and not ev.latent:
            loose.append((ev, None))  # "Against: Russia" with no vote held: the only text
            out.append(ev)
            continue
        into = first.get(kind) if kind else None
        if into is not None and ev.sent - seen[kind] > _SPAN:
            into = None
            del first[kind]  # a long document: a new text of that kind
        if into is not None and into is not ev and not ev.latent and _fold(into, ev):
            seen[kind] = ev.sent  # type: ignore[index]
            continue
        if kind and kind not in first and not ev.latent:
            first[kind] = ev
            clusters += 1
        if kind and kind in first:
            last = first[kind]
            seen[kind] = ev.sent
        out.append(ev)
    only = last if clusters == 1 else None
    gone = set()
    lists: Ev | None = None  # the lists of one vote with no text named: "Against: A" ... "For:"
    for ev, before in loose:
        into = before or only
        bare = before is None and _bare_vote_list(ev)
        if into is None and bare and lists is not None and ev.sent - lists.sent <= _LISTS_SPAN:
            into = lists
        if into is not None and abs(ev.sent - into.sent) <= _SPAN and _fold(into, ev):
            gone.add(id(ev))
        elif bare:
            lists = ev
    return [ev for ev in out if id(ev) not in gone]


_LISTS_SPAN = 8  # sentences: the labels of one roll call follow each other


_LIST_CUES = (
    "against label",
    "neutral label",
    "in-favour label",
    "named after fronted voters",
    "named after a fronted 'Voting",
    "vote after the name",
)
_COLON_CUES = (
    "support list after a colon",
    "oppose list after a colon",
    "neutral list after a colon",
)
# the short label of a vote list ("For (153)", "Against", "No", "Abstentions", "In Favor")
_VOTE_LABEL = re.compile(
    r"(?i)\s*(?:(?:voted|voting|votes?)\s+)?"
    r"(?:in\s+fav(?:ou?)r|for|against|yes|no|abstentions?|abstained|abstaining)"
    r"\s*(?:\(\s*\d+\s*\))?\s*$"
)


def _bare_vote_list(ev: Ev) -> bool:
    """A list of voters under a label ("Against: A", "Those voting for were B") that names no
    text of its own: a vote on the one text the document is about, if it names only one."""
    if not ev.cues or ev.proposer is not None:
        return False
    if ev.cues[0].startswith(_COLON_CUES):  # "For (153):" then the names: a vote label only
        return _VOTE_LABEL.match(ev.option) is not None
    return ev.cues[0].startswith(_LIST_CUES)


def _same_symbol(symbols: dict[str, Ev], ev: Ev) -> bool:
    """Fold ev into an earlier event that names the same document symbol ("the draft L.23
    tabled by A" ... "we cannot support L.23"); else note its symbols. True if folded."""
    names = _RESNO.findall(ev.option)
    for name in names:
        into = symbols.get(name.replace(" ", ""))
        near = into is not None and into is not ev and ev.sent - into.sent <= _SPAN
        if near and _fold(into, ev):  # type: ignore[arg-type]
            return True
    for name in names:
        symbols.setdefault(name.replace(" ", ""), ev)
    return False


def aligned(events: list[Ev], turns: list) -> None:
    """'A and B align themselves with this statement': they take the author's side on every
    option of its turn (objections too), also where it names itself ("The EU calls for")."""
    for t in turns:
        others = [c for c in t.codes if c != t.code]
        if not others or t.code is None:
            continue
        for ev in events:
            if not ev.spans or not t.start <= ev.spans[0][0] < t.end:
                continue
            side = "support" if ev.proposer == t.code else ev.sides.get(t.code)
            if side is not None:  # also "we cannot support": they share the objection
                for c in others:
                    ev.add(c, side)


# "China opposed the proposals to establish new groups": every proposal just made
_PLURAL_REF = re.compile(
    r"(?i)(?:the|these|those|such|both|all(?: the| these)?) (?:\w+ )?"
    r"(?:proposals|suggestions|ideas|options|initiatives)\b"
)
_PLURAL_SPAN = 5  # sentences


def plural_references(events: list[Ev]) -> list[Ev]:
    """Events without those whose object is 'the proposals' (plural, definite): their side
    takers take that side on each of the proposals made in the last few sentences of the
    section, when there are at least two of them."""
    out: list[Ev] = []
    authored = _authors_named(events)
    absorbed: set[int] = set()
    for ev in events:
        plural = not (ev.proposer or ev.latent or not ev.sides) and _PLURAL_REF.match(
            ev.option.strip()
        )
        made = _recent_proposals(out, ev) if plural else []
        # "opposed the proposals from Russia and Iran": only theirs (one is enough)
        by = authored.get(ev.sent, []) if plural else []
        made = [e for e in made if all(e is not b for b in by)]
        if by:
            made = [e for e in made if any(e.proposer == b.proposer for b in by)]
        if len(made) < (1 if by else 2):
            out.append(ev)
            continue
        absorbed.update(id(b) for b in by if any(e.proposer == b.proposer for e in made))
        for target in made:
            for code, stance in ev.sides.items():
                target.add(code, stance)
            target.spans.extend(ev.spans)
            target.cues.append("'the proposals': each proposal just made")
    return [e for e in out if id(e) not in absorbed]


def _authors_named(events: list[Ev]) -> dict[int, list[Ev]]:
    """Per sentence, the bare 'proposed-by list' events ("the proposals from Russia and
    Iran"): the authors a plural reference names."""
    out: dict[int, list[Ev]] = {}
    for e in events:
        if e.proposer and not e.sides and e.cues and all(c == "proposed-by list" for c in e.cues):
            out.setdefault(e.sent, []).append(e)
    return out


def _recent_proposals(events: list[Ev], ev: Ev) -> list[Ev]:
    """The proposals of the last _PLURAL_SPAN sentences before ev (a bounded scan back: the
    events are in document order, so time stays linear)."""
    out = []
    for e in reversed(events[-50:]):
        if ev.sent - e.sent > _PLURAL_SPAN:
            break
        if (
            e.proposer and not against(e) and not e.latent and e.section == ev.section
            and ev.sent >= e.sent and e.proposer not in ev.sides
            and all(e.sides.get(c, s) == s for c, s in ev.sides.items())
        ):  # fmt: skip
            out.append(e)
    return out[::-1]
