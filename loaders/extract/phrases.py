"""Multi-word verb phrases of the construction parser ("got behind", "voted against",
"asked for more time"): first token -> [(tokens, class)], checked before single words."""

from __future__ import annotations

SUP, OPP, NEU, PROP, STMT, ALIGN = "SUP", "OPP", "NEU", "PROP", "STMT", "ALIGN"

PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}


def _phrase(cls: str, *phrases: str) -> None:
    for p in phrases:
        toks = tuple(p.split())
        PHRASES.setdefault(toks[0], []).append((toks, cls))


_phrase(
    SUP,
    "co - sponsored",
    "co - sponsor",
    "co - sponsors",
    "co - sponsoring",
    "sees value",
    "saw value",
    "see value",
    "in favour",
    "in favor",
    "in support",
    "in agreement",
    "got behind",
    "get behind",
    "gets behind",
    "stood behind",
    "stand behind",
    "came out in favour",
    "followed in support",
    "followed suit",
    "spoke in favour",
    "spoke in its favour",
    "spoke in their favour",
    "in its favour",
    "spoke in favor",
    "spoke in support",
    "continued to support",
    "threw their weight behind",
    "threw its weight behind",
    "were supportive",
    "was supportive",
    "agreed to",
    "favourably",
    "opted for",
)
_phrase(
    SUP,
    "voted in favour",
    "voted in favor",
    "voting in favour",
    "voting in favor",
    "voted for",
    "voting for",
    "voted yes",
    "voted pro",
    "joined consensus",
    "joined the consensus",
)
_phrase(SUP, "vote in favour", "vote in favor", "vote for", "vote yes", "voting yes")
_phrase(SUP, "were among the yes votes", "was among the yes votes", "among the yes votes")
_phrase(OPP, "were among the no votes", "was among the no votes", "among the no votes")
_phrase(
    SUP,
    "picked up",
    "took up",
    "lined up behind",
    "line up behind",
    "lines up behind",
    "rallied behind",
    "rally behind",
    "rallies behind",
    "rallying behind",
    "rallied to",
    "go along with",
    "went along with",
    "goes along with",
    "sided with",
)
_phrase(
    SUP,
    "share this concern",
    "share the concern",
    "shared the concern",
    "shared this concern",
    "share these concerns",
    "shared these concerns",
    "share the view",
    "shared the view",
    "share this view",
    "shared this view",
)
_phrase(SUP, "see a need", "sees a need", "saw a need")  # "do not see a need for X": against
_phrase(OPP, "saw no need", "see no need", "sees no need", "saw no reason", "see no reason")
_phrase(
    PROP,
    "managed to get",
    "succeeded in getting",
    "secured",
    "won inclusion",
    "pressed for",
    "pressing for",
)
_phrase(
    NEU,
    "needed to see",
    "need to see",
    "needs to see",
    "wanted to see the text",
    "would study",
    "will study",
    "needed to study",
    "need to consult",
    "needs to consult",
    "needed to consult",
    "would need to examine",
    "needed to examine",
    "would need to consult",
    "voted to abstain",
    "vote to abstain",
    "voting to abstain",
)
_phrase(
    OPP,
    "vote against",
    "voted against",
    "voting against",
    "voted no",
    "voted contra",
    "vote no",
    "voting no",
    "blocked consensus",
    "block consensus",
    "blocks consensus",
    "blocking consensus",
    "break consensus",
    "broke consensus",
    "breaks consensus",
    "breaking consensus",
)
_phrase(
    OPP,
    *(f"{v} against" for v in ("warned", "warns", "warning", "cautioned", "cautions",
                               "cautioning", "argued", "argues", "arguing")),
)  # fmt: skip
_phrase(
    OPP,
    *(f"led {x} against" for x in ("a movement", "the movement", "the charge", "efforts",
                                   "the opposition", "opposition", "a campaign", "the push")),
    "led the opposition to",
    "led opposition to",
)  # fmt: skip
_phrase(PROP, "led the push for", "led calls for", "led the call for", "led efforts to")
_phrase(PROP, "fought for", "fights for", "fighting for")
# "has a problem with X" is against it; "has no problem with X" (negated) accepts it
_phrase(OPP, "problem with", "problems with", "difficulty with", "difficulties with")
# "considers itself bound by X" backs it; "not bound by X" (negated) dissociates from it
_phrase(SUP, "bound by")
_phrase(OPP, "fought against", "fights against", "fighting against")
_phrase(OPP, "lined up against", "line up against", "lines up against", "lining up against")
_phrase(
    OPP,
    "in opposition",
    "spoke against",
    "spoke out against",
    "pushed back",
    "took issue",
    "were against",
    "was against",
    "stood against",
)
_phrase(
    ALIGN,
    "in line with",
    "agreed with",
    "agree with",
    "agrees with",
    "concurred with",
    "associated itself with",
    "associate ourselves with",
    "align ourselves with",
    "aligns itself with",
    "associates itself with",
    "associated themselves with",
    "aligned itself with",
    "aligned themselves with",
    "aligned with",
    "sided with",
    "joined forces with",
)
_phrase(
    NEU,
    "studying",  # "was studying the proposal" ("would study" above)
    "still reviewing",  # "were still reviewing the treaty"
    "is reserved",  # "Our position on that is reserved"
    "remains reserved",
    "was reserved",
    "yet to make up its mind",
    "yet to make up their minds",
    "yet to decide",
    "sat on the fence",
    "sits on the fence",
    "sitting on the fence",
    "sit on the fence",
    "stayed neutral",
    "stays neutral",
    "remained neutral",
    "remains neutral",
    "kept neutral",
    "still considering",
    "still examining",
    "open to",  # "was open to the proposal"
    "kept an open mind",
    "keeps an open mind",
    "keep an open mind",
    "keeping an open mind",
    "has an open mind",
    "have an open mind",
    "had an open mind",
    "with an open mind",
    "took no position",
    "takes no position",
    "take no position",
    "remained undecided",
    "remains undecided",
    "remained neutral",
    "remains neutral",
    "remained noncommittal",
    "remained non - committal",
)
_phrase(
    NEU,
    "took note",
    "take note",
    "takes note",
    "asked for more time",
    "requested more time",
    "needed more time",
    "asked for time",
    "requested time",
    "needed time",
    "wanted more time",
    "sought more time",
    "requested additional time",
    "asked for additional time",
    "reserved its position",
    "reserved their position",
    "reserved their positions",
)
_phrase(
    PROP,
    "put forward",
    "called for",
    "calling for",
    "call for",
    "calls for",
    "called on",
    "calling on",
    "calls on",
    "call on",
    "called upon",
    "calling upon",
    "calls upon",
    "call upon",
    "pushed for",
    "pressed for",
    "press for",
    "presses for",
    "argued for",
    "argue for",
    "argues for",
    "arguing for",
    "insisted on",
    "insists on",
    "insist on",
    "asked for",
    "asking for",
    "ask for",
    "asks for",
    "ask that",
    "asks that",
    "asking that",
    "made clear",
)
_phrase(OPP, "shot back", "hit back", "fired back", "struck back")
_phrase(
    OPP,
    "turned down",
    "turn down",
    "turns down",
    "pushed back against",
    "pushed back on",
    "pushes back against",
    "spoke out against",
    "came out against",
    "took the opposite view",
    "took a different view",
    "took the opposing view",
    "voiced opposition to",
)
_phrase(PROP, "countered with", "came back with", "responded with")
_phrase(STMT, "of the view", "of the opinion")
# "Argentina placed emphasis on respect for sovereignty": as "stressed"
for _v in ("placed", "places", "placing", "put", "puts", "putting", "laid", "lays", "laying"):
    for _n in ("emphasis", "stress", "particular emphasis", "special emphasis", "great emphasis"):
        _phrase(STMT, f"{_v} {_n} on", f"{_v} the {_n} on")
_phrase(STMT, "pointed out", "points out", "pointing out", "drew attention", "took the floor")
# "Subsequently, A and B joined the sponsors": they back the draft just named
for _verb in ("joined", "join", "joins"):
    for _noun in ("the sponsors", "the co - sponsors", "the cosponsors", "the list of sponsors"):
        _phrase(SUP, f"{_verb} {_noun}")
# "Subsequently, A and B joined in sponsoring the draft resolution": the draft just named
for _verb in ("joined in", "join in", "joins in"):
    for _gerund in ("sponsoring", "co - sponsoring", "cosponsoring"):
        _phrase(SUP, f"{_verb} {_gerund}")
# "A and B came in / signed / joined as additional co-sponsors": they back the text
for _verb in ("came in as", "signed as", "signed on as", "joined as", "were added as", "became"):
    for _adj in ("", "additional ", "new "):
        for _noun in ("co - sponsors", "cosponsors", "co - authors", "coauthors"):
            _phrase(SUP, f"{_verb} {_adj}{_noun}")

# First-person statements: "we are pleased to see X", "we are happy with X" back X; "we would
# like to see X" asks for it; "we dissociate ourselves from X", "entered a reservation on X"
# and a quoted vote ("voted 'No'") take a side against X.
_phrase(
    SUP,
    *(f"{a} {b}" for a in ("pleased", "glad", "happy", "delighted") for b in ("to see", "that")),
    "pleased with",
    "happy with",
    "satisfied with",
    "content with",
)
_phrase(PROP, "like to see", "wish to see", "want to see", "hope to see")
# "our position is the same as that of Japan", "our views are close to those of Chile"
# (the "is" before them is skipped as an auxiliary, and "the" before "same" by verbs.verb;
# no phrase may start with "the": a phrase's first word marks a verb)
for _that in ("that", "those"):
    for _adj in ("same as", "close to", "similar to", "identical to", "in line with"):
        _phrase(SUP, f"{_adj} {_that} of")
for _verb in ("dissociate", "disassociate"):
    for _form in ("", "s", "d", "ing"):
        for _self in ("itself", "ourselves", "themselves", "myself"):
            _stem = _verb[:-1] if _form == "ing" else _verb
            _phrase(OPP, f"{_stem}{_form} {_self} from")
        _phrase(OPP, f"{_stem}{_form} from")
for _verb in ("entered", "enter", "enters", "entering", "placed", "place", "places", "lodged"):
    for _noun in ("a reservation", "reservations", "its reservation", "our reservation",
                  "on record its reservation", "on record our reservation",
                  "on record our reservations", "on record its reservations"):  # fmt: skip
        _phrase(OPP, f"{_verb} {_noun}")
for _q in ("'", '"'):
    _phrase(OPP, f"voted {_q} no", f"vote {_q} no", f"voting {_q} no")
    _phrase(SUP, f"voted {_q} yes", f"vote {_q} yes", f"voting {_q} yes")
# "India maintains its request to say X": the request is made again
for _v in ("maintain", "maintains", "maintained", "maintaining"):
    for _own in ("its", "our", "their", "his", "her"):
        for _n in ("request", "proposal", "call", "demand"):
            _phrase(PROP, f"{_v} {_own} {_n}")
_phrase(PROP, "held firm on", "holding firm on", "stood firm on", "standing firm on")
# "We stand for a narrow scope": a position voiced
_phrase(PROP, "stand for", "stands for", "stood for", "standing for")
# "Switzerland shares the views of the EU": the views (of X) are backed (objects.targets_in)
_SHARED = ("the view", "the views", "the concern", "the concerns", "the position",
           "the positions", "this view", "these views", "those views", "that view")  # fmt: skip
for _v in ("share", "shares", "shared", "sharing"):
    for _n in _SHARED:
        _phrase(SUP, f"{_v} {_n}")
_phrase(SUP, "stood up for", "standing up for", "stand up for", "stands up for")
_phrase(SUP, "warmed to", "warm to", "warms to", "warming to")
_phrase(OPP, "turned against", "turn against", "turns against", "turning against")
_AGAINST_VERBS = ("lobbied", "lobbying", "lobbies", "campaigned", "campaigning", "campaigns",
                  "pushed", "pushing")  # fmt: skip
_phrase(OPP, *(f"{v} against" for v in _AGAINST_VERBS))
# "voted in favour of the draft": the preposition belongs to the phrase, not to the option
for _first, _list in list(PHRASES.items()):
    for _toks, _cls in list(_list):
        if _toks[-2:] in (("in", "favour"), ("in", "favor")):
            _phrase(_cls, " ".join(_toks) + " of")
# the longest phrase at a word wins ("voted in favour of" over "voted in favour")
for _first, _list in PHRASES.items():
    _list.sort(key=lambda p: -len(p[0]))


def phrase_at(tk: list[str], j: int) -> tuple[str, int] | None:
    """(class, token after it) of the longest phrase starting at token j, or None."""
    for toks, cls in PHRASES.get(tk[j], ()) if j < len(tk) else ():
        if tuple(tk[j : j + len(toks)]) == toks:
            return cls, j + len(toks)
    return None


# "said it could live with the compromise": accepts it
_phrase(SUP, "live with", "lives with", "living with")
# "saw value in the proposal": for it (not "sees merit in ... but": see the own-words dev)
_phrase(SUP, "saw value in", "sees value in")
# "Russia cast the lone vote against", "cast its veto": against the text voted on
_phrase(
    OPP,
    "cast the lone vote against",
    "cast the only vote against",
    "cast the sole vote against",
    "cast the lone negative vote",
    "cast a negative vote",
    "cast its veto",
    "cast a veto",
    "cast their veto",
    *(
        f"{verb} {whose} veto"
        for verb in ("used", "uses", "exercised", "wielded", "invoked")
        for whose in ("its", "a", "their")
    ),
)
# "could not sign up to the package" (negated: against), "said it was comfortable with X"
_phrase(
    SUP,
    "sign up to",
    "signed up to",
    "signs up to",
    "sign on to",
    "signed on to",
    "signs on to",
    "comfortable with",
    "at ease with",
    "gave the green light to",
    "give the green light to",
    "gives the green light to",
    "gave its blessing to",
)
_phrase(
    OPP,
    "uneasy with",
    "uncomfortable with",
    "unhappy with",
    "stands apart from",
    "stood apart from",
    "stand apart from",
    "distanced itself from",
    "distanced themselves from",
    "distances itself from",
)
# "the US will stay with the consensus", "has given its backing to the process"
_phrase(
    SUP,
    "stay with the consensus",
    "stayed with the consensus",
    "stays with the consensus",
    "stick with the consensus",
    "remain in the consensus",
    "remained in the consensus",
    "given its backing to",
    "gave its backing to",
    "given its backing",
    "gave its backing",
    "given its support",
    "gave its support",
    "give its backing to",
    "given its support to",
    "gave its support to",
    "lent its support to",
    "lend its support to",
    "lent support to",
)
# "Seventy-two states put their names to the Convention", "put his name to the convention"
_phrase(
    SUP,
    *(f"{v} {p} {n} to" for v in ("put", "puts", "putting") for p in ("their", "its", "his", "her")
      for n in ("name", "names", "signature", "signatures")),
)  # fmt: skip
# "Belarus has become a signatory of the Convention", "became a party to it"
_phrase(
    SUP,
    *(f"{v} a {n}{p}" for v in ("become", "became", "becomes", "becoming")
      for n in ("signatory", "party", "co-signatory") for p in (" of", " to", "")),
)  # fmt: skip
# "Moscow put on the table a 52-page draft": it proposed the draft
_phrase(
    PROP,
    *(f"{v} on the table" for v in ("put", "puts", "putting", "placed", "places", "laid", "lays")),
)
