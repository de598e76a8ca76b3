"""Phase (d): events from the sentences of a document (the Parser).

Per sentence (only sentences that name an actor, or open with a pronoun for a recent subject,
are parsed), the earlier phases run in order:

1. sentence.py: tokens over the folded sentence, actor mentions mapped onto them (names from
   mentions.py, first-person phrases of a speaker's turn from speakers.py);
2. lists.py: on-behalf-of phrases, then actor lists; references.py before them: references to
   somebody's proposal ("Brazil's proposal", "the Canadian proposal", "the US-Albania draft");
3. roles.py: the role of each list from its left context (SUBJ, PASS "supported by", REL
   "which", LABEL "In favour:", OPTION "Keep X: A, B", SAME "as did X", ...) with its polarity;
   verbs.py: the verb phrase of a subject list, negation applied;
4. here and in assemble.py: a subject list with a verb of its own makes a new event (a single
   actor putting a position forward is its proposer; against a piece of text, or denying
   support, it is that text's opponent); passive lists, anaphora ("This proposal was supported
   by", "did not support it", "the idea"), references and votes attach to the event in focus
   (in the same sentence, else the last one within three sentences of the same section).

Every event is stamped with the cue of each rule that built it and the confidence of the least
sure of them (`Parser._note`): the cue's own reliability, lowered for long sentences, unknown
names in the list, first-person and pronoun subjects, and attachments across sentences.
"""

from __future__ import annotations

import re

from loaders.actors import ActorIndex, normalize
from loaders.extract import colons as CL
from loaders.extract import coordination as CO
from loaders.extract import defined as DF
from loaders.extract import lists as LI
from loaders.extract import references as RF
from loaders.extract import roles as RO
from loaders.extract import sentence as ST
from loaders.extract import tidy as TI
from loaders.extract import verbs as VB
from loaders.extract import votes as VO
from loaders.extract import words as W
from loaders.extract.assemble import Assembly
from loaders.extract.mentions import Lexicon, Mention
from loaders.extract.modifiers import introducer, noun_context, noun_side
from loaders.extract.sentence import ActorList, Candidate, Ev, Sentence, find_articles  # noqa: F401  (re-exported)
from loaders.extract.speakers import FirstPerson, pronoun_subject
from loaders.extract.text import fold

_PRONOUN_FIRST = frozenset("ITHS")  # first letters of the subjects of speakers.pronoun_subject
# "The signatories:" alone, then lettered items whose verbs are theirs
_COLON_SUBJECT = re.compile(r"The (?:co-)?(?:signatories|sponsors|signers)[ \t]*:[ \t]*")
_ITEM_VERB = re.compile(r"[ \t]*(\([a-z0-9]{1,3}\)|[a-z0-9]{1,3}[.)])[ \t\n]+([a-z]+)\b")
_LATER_ITEM = re.compile(r";[ \t\n]*(?:and[ \t]+)?(\([a-z0-9]{1,3}\))[ \t\n]+([a-z]+)\b")


_ITEM_CUE = "an item under 'The signatories:'"


def _verb_word(w: str) -> bool:
    return w in W.VERBS or w in W.PHRASES or w in W.LIGHT_VERBS


_SIGNERS_WORD = (
    "The signatories", "The co-signatories", "The sponsors", "The co-sponsors", "The group",
    "The bloc",
)  # fmt: skip
# a sentence's opening connective before its pronoun subject ("However, it raised ...")
_CONNECTIVE = re.compile(
    "(?:" + "|".join(c.capitalize() for c in W.OPENING_CONNECTIVES) + ")"
    r"(?:,[ \t]*|[ \t]+)(?=(?:it|they|he|she)[ \t])"
)
_TOPIC_FIRST = frozenset("ORCATWI")  # first letters of the openings _TOPIC_LEAD takes
_TOPIC_LEAD = re.compile(
    r"(?:On|Regarding|Concerning|As[ \t]+for|As[ \t]+regards|Turning[ \t]+to|"
    r"With[ \t]+(?:respect|regard)[ \t]+to|In[ \t]+relation[ \t]+to)[ \t][^,.;:]{1,80},[ \t]*"
    r"(?=(?:it|they|he|she)[ \t])"
)
_TEXT_NAME_END = W.words(", ( which that was were is had has cleared passed won") | W.BE
_SLUG_STOP = W.words("the a an of and to in on for by with its their this that")


_TRAILING_REL = re.compile(r"(?:[ ,]+(?:that|which|who|whom|the|an?))+$", re.I)


def _slug(text: str, n: int = 4) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", fold(text).lower()) if w not in _SLUG_STOP]
    return "-".join(words[:n])


class Parser(Assembly):
    """Walks the sentences of one document and builds events."""

    def __init__(self, text: str, index: ActorIndex, lex: Lexicon) -> None:
        self.text = text
        self.index = index
        self.lex = lex
        self.events: list[Ev] = []
        self.candidates: list[Candidate] = []
        self.section = 0
        self.cur: list[Ev] | None = None
        self.cur_sent = -99
        self.cur_section = -1
        self.art_key: str | None = None
        self.art_sent = -99
        self.art_para = -1  # the block it was named in; -2: the section heading
        self.art_desc: dict[str, str] = {}
        self.heading_text = ""
        self._heading_slug: str | None = ""
        self.session: str | None = None
        self.date: str | None = None
        # "The proposal was supported by the following:" + bullets of names
        self.colon: CL.Colon | None = None
        # the rule at work and how reliable it is (0-1): stamped on every event it builds
        self.cue: tuple[str, float] = ("sentence", 0.6)
        self.light = False  # the verb phrase being read is a light verb + noun
        self.negated = False  # ... and its polarity was flipped ("did not support")
        self.skip_blocks: set[int] = set()  # starts of blocks not to parse (statement headers)
        self.vote: tuple | None = None  # (events, sentence, section) of the vote in focus
        self.colon_vote: tuple | None = None  # the same, for vote lists under 'Against:'
        self.colon_names: CL.Colon | None = None  # the colon a block of names only may take
        self.unnamed: tuple | None = None  # (stance, sentence, option) of "Four countries ..."
        self.names_used = False  # the last block took it
        self.last_actor: tuple | None = None  # (codes, sentence, block, section) of a subject
        self.colon_subject: tuple | None = None  # (codes, sentence) of "The signatories:"
        self.fp_cue: str | None = None  # "first-person in turn of BRA" while its list is read
        self.last_subject: tuple[list[Ev], str] | None = None
        self.defined: dict[str, tuple] = {}  # "member states" -> (pattern, codes), defined.py

    def new_section(self, heading_text: str, arts: list[re.Match[str]]) -> None:
        self.section += 1
        self.cur = None
        self.art_key = None
        self.heading_text = heading_text
        self._heading_slug = None
        if arts:
            self.note_articles(arts, -1, -2)

    @property
    def heading_slug(self) -> str:
        if self._heading_slug is None:
            self._heading_slug = _slug(self.heading_text, 3)
        return self._heading_slug

    def note_articles(self, arts: list[re.Match[str]], sidx: int, para: int) -> str | None:
        """Article references in force: for the section (heading) or their paragraph."""
        keys = []
        for m in arts:
            num = m.group(1)
            key = f"art{num}"
            if m.group(2):
                key += f"-{m.group(2)}"
            more = re.findall(r"\d{1,3}", m.group("more") or "")
            keys.append(key)
            keys.extend(f"art{x}" for x in more)
            desc = m.group("desc")
            if desc and f"art{num}" not in self.art_desc:
                slug = _slug(desc, 4)
                if slug:
                    self.art_desc[f"art{num}"] = slug
        if not keys:
            return None
        key = "-".join(dict.fromkeys(keys[:3]))
        first = keys[0].split("-")[0]
        if first in self.art_desc and len(keys) == 1:
            key = f"{key}-{self.art_desc[first]}"
        self.art_key = key
        self.art_sent = sidx
        self.art_para = para
        return key

    def parse(
        self, a: int, b: int, mentions: list[Mention], sidx: int, para: int, bullet: bool = False
    ) -> None:
        S = Sentence(self.text, a, b, mentions)
        S.idx, S.para, S.section, S.bullet = sidx, para, self.section, bullet
        if S.n > 6000:
            self._parse_long(S, sidx, para)
            return
        if not S.ments:
            S.subj_anaphor = RO.subject_anaphor(S)
            self._colon_intro(S)
            CO.note_unnamed(self, S)  # "Four countries abstained." (then "These were ...")
            return
        RF.possessives(S)
        LI.behalf(self, S)
        LI.voiced_by(self, S)
        for k, m in enumerate(S.ments):
            if isinstance(m, FirstPerson) and m.behalf:
                S.behalf[k] = m.behalf  # the speaker was given the floor for a group
        RF.demonyms(self, S)
        RF.targets(self, S)
        LI.build_lists(self, S)
        if "(" in S.tk:
            DF.note(self, S)
        S.subj_anaphor = RO.subject_anaphor(S)
        items: list[tuple[int, str, object]] = [(L.start, "L", L) for L in S.lists]
        for k, flag in enumerate(S.mflag):
            if flag == "target":
                items.append((S.mtok[k][0], "T", k))
        for i, j, code in S.extra_targets:
            items.append((i, "D", (i, j, code)))
        items.sort(key=lambda x: x[0])
        shared = (-1, [])  # "the Cuban and Argentine proposals": references to one noun
        for _pos, kind, obj in items:
            if kind == "L":
                self._do_list(S, obj)  # type: ignore[arg-type]
                while S.deferred:
                    self._do_list(S, S.deferred.pop(0))
                continue
            if kind == "T":
                k = obj  # type: ignore[assignment]
                if S.mflag[k] != "target":
                    continue
                if k in S.joint:
                    if S.focus:  # "the US-Albania draft": the first author's text
                        self._attach(S, S.focus[:1], [k], "support")
                    continue
                after = self._after_noun(S, k)
                self._reference(S, S.ments[k].code, after, S.mtok[k][0])
            else:
                i, after, code = obj  # type: ignore[misc]
                if (i, after, code) not in S.extra_targets:
                    continue
                self._reference(S, code, after, i)
            if after == shared[0] and S.focus and S.focus[0] not in shared[1]:
                S.focus = shared[1] + S.focus  # the focus is each of the texts named
            shared = (after, list(S.focus or ()))
        if S.pending:
            ev = self._new_event(S, None, S.text_of(self.text, 0, S.n))
            for members, stance in S.pending:
                self._attach(S, [ev], members, stance)
            S.pending = []
        self._colon_intro(S)
        if S.focus:
            self.cur = S.focus
            self.cur_sent = sidx
            self.cur_section = self.section

    def pronoun(self, text: str, a: int, b: int, sidx: int) -> FirstPerson | None:
        """'It backed ...', 'They proposed ...' opening a sentence: the subject of one of the
        last two sentences of the section (one actor for it / he / she, several for they)."""
        if self.defined and (hit := DF.opening(self, text, a, b)) is not None:
            return hit  # "The Member States (A, B) ...", later "The Member States support ..."
        if self.colon_subject is not None and (hit := self._colon_item(text, a, b, sidx)):
            return hit  # "The signatories:" then "(a) reaffirm their support for X;"
        if text[a : a + 1] == "T" and _COLON_SUBJECT.fullmatch(text, a, b):
            backers = self._recent_backers(sidx)
            self.colon_subject = (backers, sidx) if backers else None
            return None
        if self.last_actor is None:
            return None
        # "However, it raised concerns", "On procedural measures, it suggested"
        lead = _CONNECTIVE.match(text, a, b)
        if lead is None and text[a : a + 1] in _TOPIC_FIRST:
            lead = _TOPIC_LEAD.match(text, a, b)
        if lead is not None:
            a = lead.end()
        elif text[a : a + 1] not in _PRONOUN_FIRST:
            return None
        codes, sent, _para, section = self.last_actor
        named_group = any(self.index.is_group(c) for c in codes)  # "the African Group ..."
        if (
            text.startswith(_SIGNERS_WORD, a)
            and not (named_group and text.startswith(("The group", "The bloc"), a))
            and (backers := self._recent_backers(sidx))
        ):
            # "The signatories also ...", "The group also pressed for ...": all who backed it
            return pronoun_subject(text, a, b, backers, self.index.is_group)
        if section != self.section or not 0 < sidx - sent <= 2:
            return None
        return pronoun_subject(text, a, b, codes, self.index.is_group)

    def _colon_item(self, text: str, a: int, b: int, sidx: int) -> FirstPerson | None:
        """An item '(a) reaffirm ...' under 'The signatories:': its marker stands for them."""
        codes, since = self.colon_subject  # type: ignore[misc]
        if not 0 < sidx - since <= 8:
            self.colon_subject = None
            return None
        m = _ITEM_VERB.match(text, a, b)
        if m is None or not _verb_word(m.group(2)):
            return None
        return FirstPerson(m.start(1), m.end(1), codes[0], _ITEM_CUE, codes)

    def colon_items(self, text: str, a: int, b: int, sidx: int) -> list[FirstPerson]:
        """The later items of one sentence ('...; (b) call for Y'): their markers too."""
        if self.colon_subject is None or not 0 < sidx - self.colon_subject[1] <= 8:
            return []
        codes = self.colon_subject[0]
        out = []
        for m in _LATER_ITEM.finditer(text, a, b):
            if _verb_word(m.group(2)):
                out.append(FirstPerson(m.start(1), m.end(1), codes[0], _ITEM_CUE, codes))
        return out

    def _recent_backers(self, sidx: int) -> tuple[str, ...]:
        """Who proposed or backed the last event (of the last three sentences) with several
        backers: those a later 'the signatories' / 'the group' stand for (with the co-signers,
        not only the subject)."""
        for ev in reversed(self.events[-4:]):
            if not 0 < sidx - ev.last <= 3 or ev.section != self.section:
                continue
            out = dict.fromkeys([ev.proposer] if ev.proposer else [])
            out.update(dict.fromkeys(c for c, side in ev.sides.items() if side == "support"))
            if len(out) > 1:
                return tuple(out)
        return ()

    def end_colon(self) -> None:
        CL.end_colon(self)

    def _colon_intro(self, S: Sentence) -> None:
        CL.colon_intro(self, S)

    def heading_intro(self, a: int, b: int, sidx: int, para: int) -> None:
        """A heading that announces a vote list below it ("Who voted against?")."""
        S = Sentence(self.text, a, b, [])
        S.idx, S.para, S.section = sidx, para, self.section
        CL.colon_intro(self, S, heading=True)

    def counted_text(
        self, a: int, b: int, sidx: int, para: int, name: tuple[int, int] | None = None
    ) -> None:
        """'The text ... cleared the Committee by 88 votes to 58', 'The Assembly adopted the
        resolution' (no actor named): the text voted on (its subject, or the `name` span), a
        latent event that the voters, sponsors and critics named next join."""
        S = Sentence(self.text, a, b, [])
        S.idx, S.para, S.section = sidx, para, self.section
        end = next((k for k in range(1, min(S.n, 14)) if S.tk[k] in _TEXT_NAME_END), 0)
        end = end if end > 1 else 2  # "Draft resolution A/C.3/74/L.11 | was approved by .."
        option = self.text[name[0] : name[1]] if name else S.text_of(self.text, 0, end)
        ev = self._new_event(S, None, option)
        ev.latent = True
        self._cue("a text put to a counted vote", 0.7)
        self.cur, self.cur_sent, self.cur_section = [ev], sidx, self.section

    def _colon_member(self, S: Sentence, L: ActorList) -> bool:
        return CL.colon_member(self, S, L)

    def _parse_long(self, S: Sentence, sidx: int, para: int) -> None:
        """Extremely long 'sentences' (tables, lists of lists) are parsed in windows."""
        step = 3000
        for w0 in range(0, S.n, step):
            w1 = min(S.n, w0 + step)
            a, b = S.ts[w0], S.te[w1 - 1]
            ms = [m for m in S.ments if a <= m.start and m.end <= b]
            if ms:
                self.parse(a, b, ms, sidx, para)

    def _new_event(
        self, S: Sentence, proposer: str | None, option: str, contrast: bool = False
    ) -> Ev:
        issue = None
        if self.art_key and (self.art_para in (-2, S.para) or 0 <= S.idx - self.art_sent <= 2):
            issue = self.art_key
        prev = S.focus[-1] if S.focus else (self.cur[-1] if self._cur_ok(S, 3) else None)
        same_kind = prev is not None and _last_word(prev.option) == _last_word(option) != ""
        if issue is None and prev is not None and (contrast or same_kind):
            issue = prev.issue
        if issue is None:
            slug = _slug(option, 4) or "unspecified"
            issue = f"{self.heading_slug}-{slug}" if self.heading_slug else slug
        option = _TRAILING_REL.sub("", option.strip(" ,;:")) or S.text_of(self.text, 0, S.n)
        ev = Ev(
            proposer,
            option[:240],
            issue[:120],
            self.section,
            self.session,
            self.date,
            S.idx,
            S.para,
        )
        ev.spans.append((S.a, S.b))
        self._note(S, ev)
        self.events.append(ev)
        return ev

    def _note(self, S: Sentence, ev: Ev) -> None:
        """Stamp the rule at work on an event; its confidence is that of its least sure rule.

        A rule's own reliability is lowered when the clause is less clear-cut: a long sentence
        (more room for a wrong attachment), unknown names in the list, a first-person subject.
        """
        name, conf = self.cue
        if S.n > 70:
            conf *= 0.9
        if name not in ev.cues:
            ev.cues.append(name)
        ev.conf = min(ev.conf, round(conf, 3))

    def _cue(self, name: str, conf: float) -> None:
        if self.fp_cue and not name.startswith(self.fp_cue):  # a first-person subject
            name, conf = f"{self.fp_cue}: {name}", conf * 0.85
        self.cue = (name, conf)

    def _touch(self, S: Sentence, evs: list[Ev]) -> None:
        for ev in evs:
            ev.last = S.idx
            if not ev.spans or ev.spans[-1] != (S.a, S.b):
                ev.spans.append((S.a, S.b))
            if ev not in S.touched:
                S.touched.append(ev)
        S.focus = evs

    def _attach(
        self, S: Sentence, evs: list[Ev], members: list[int], stance: str, backing: bool = False
    ) -> None:
        """Members take `stance` on each event. `backing`: they back the position of the
        event's first side-taker ("supported by"), which on a negative event is opposition."""
        for ev in evs:
            st = ev.backed(stance) if backing else stance
            for mi in members:
                code = S.ments[mi].code
                for other in getattr(S.ments[mi], "codes", ())[1:]:
                    ev.add(other, st)  # the co-authors of a joint statement
                ev.add(code, st)
                if mi in S.behalf and (code == ev.proposer or code in ev.sides):
                    ev.behalf[code] = S.behalf[mi]
            self._note(S, ev)
        self._touch(S, evs)

    def _cur_ok(self, S: Sentence, age: int) -> bool:
        return (
            self.cur is not None
            and self.cur_section == self.section
            and S.idx - self.cur_sent <= age
        )

    def _find_event(self, S: Sentence, code: str) -> Ev | None:
        events = self.events
        for i in range(len(events) - 1, max(-1, len(events) - 301), -1):
            ev = events[i]
            if ev.section != self.section:
                break
            if ev.proposer == code or (ev.proposer and ev.behalf.get(ev.proposer) == code):
                return ev  # "the CARICOM request": the one its speaker made for it
        return None

    def _find_events(self, S: Sentence, code: str, age: int = 6) -> list[Ev]:
        """The recent events of this section where `code` took a side (oldest first)."""
        out = []
        for i in range(len(self.events) - 1, max(-1, len(self.events) - 50), -1):
            ev = self.events[i]
            if ev.section != self.section or S.idx - ev.sent > age:
                break
            if ev.proposer == code or code in ev.sides:
                out.append(ev)
        return out[::-1]

    def _author(
        self,
        S: Sentence,
        L: ActorList,
        cls: str,
        option: str,
        contrast: bool,
        draft_object: bool,
        obj: tuple[int, int] = (0, 0),
    ) -> list[Ev]:
        """A new event (or one per actor) whose side is taken by the list itself."""
        evs = self._author_events(S, L, cls, option, contrast, draft_object)
        for ev in evs:
            S.obj_range[id(ev)] = obj
        return evs

    def _author_events(
        self, S: Sentence, L: ActorList, cls: str, option: str, contrast: bool, draft_object: bool
    ) -> list[Ev]:
        members = L.members
        if cls == W.NEU:
            ev = self._new_event(S, None, option, contrast)
            self._attach(S, [ev], members, "neutral")
            return [ev]
        if L.each and len(members) > 1 and not _shared_course(option):
            evs = []
            for mi in members:
                ev = self._new_event(S, S.ments[mi].code, option, contrast)
                ev.view = cls == W.OPP
                if mi in S.behalf:
                    ev.behalf[ev.proposer] = S.behalf[mi]  # type: ignore[index]
                evs.append(ev)
            self._touch(S, evs)
            return evs
        if cls == W.OPP and draft_object:
            # against a piece of text ("opposed the inclusion of X", "did not support the
            # deletion of"): the option is that text, the list its opponents
            ev = self._new_event(S, None, option, contrast)
            ev.neg = True
            self._attach(S, [ev], members, "oppose")
            return [ev]
        joint = any(len(getattr(S.ments[mi], "codes", ())) > 1 for mi in members)
        if len(set(S.ments[mi].code for mi in members)) == 1 and not joint:
            ev = self._new_event(S, S.ments[members[0]].code, option, contrast)
            ev.view = cls == W.OPP
            if members[0] in S.behalf:
                ev.behalf[ev.proposer] = S.behalf[members[0]]  # type: ignore[index]
            self._touch(S, [ev])
            return [ev]
        # several voicing one view of their own ("shared concerns about X"): its supporters
        ev = self._new_event(S, None, option, contrast)
        ev.view = cls == W.OPP
        self._attach(S, [ev], members, "support")
        return [ev]

    def _reference(self, S: Sentence, code: str, after: int, start: int | None = None) -> None:
        """'Russia's proposal to ...': the focus becomes that actor's (possibly new) event."""
        ev = self._find_event(S, code)
        if ev is not None and _other_kind(ev, S.tk[after - 1] if after > 0 else ""):
            ev = None  # "a Russian resolution" after Russia's "principles": a text of its own
        if ev is None:
            end = VB.np_end(S, after)
            if after < S.n and S.tk[after] not in ("to", "on", "for", "regarding", "that", "of"):
                end = after
            first = start if start is not None else max(0, after - 3)
            option = S.text_of(self.text, first, end) or S.text_of(self.text, 0, S.n)
            cue = self.cue
            self._cue("reference to a named proposal", 0.85)
            ev = self._new_event(S, code, option)
            self.cue = cue
            # "the Russian resolution", "Mauritania's suggestion to use X" (its content
            # said): the author proposed it, whoever reacts; a bare "Russia's proposal" waits
            said = (
                end > after + 1
                and S.tk[after - 1] in W.PROPOSAL_NOUNS
                and not ST.time_adverbial(S.tk, after)  # "Chile's proposal on Friday"
            )
            ev.latent = S.tk[after - 1] not in W.AUTHORED_NOUNS and not said
        self._touch(S, [ev])

    def _after_noun(self, S: Sentence, k: int) -> int:
        e = S.tnoun_end[k]
        return e if e > 0 else S.mend[k]

    def _do_list(self, S: Sentence, L: ActorList) -> None:
        if L.role == "TARGET" or any(S.mflag[mi] == "used" for mi in L.members):
            return
        if CO.named_after(self, S, L) or self._among_sponsors(S, L) or self._co_signers(S, L):
            return
        role, cls = RO.backscan(S, L.start)
        close = RO.leaders_aside(S, L) if role in ("PASS", "COAUTH", "SUBJ") else None
        if close is not None:
            L.end, L.role = close, "SUBJ"  # "Several, led by A and B, pressed for X"
            self._subject(S, L, relative=False)
            return
        if role == "PASS" and cls == W.PROP and L.start >= 2 and S.tk[L.start - 2] in _PLURAL_TEXTS:
            L.each = True  # "new texts from Venezuela, China and France": one text each
        fp = next((S.ments[mi] for mi in L.members if isinstance(S.ments[mi], FirstPerson)), None)
        self.fp_cue = fp.cue if fp is not None else None
        # "58 voted against it, including A and B"; "A was among those who ..."; "A (no)"
        if VO.read_voters(self, S, L, role):
            return
        if role == "SUBJ":
            introducer(self, S, L)  # "Introducing the draft, the representative of X said"
        side = noun_side(S, L) if noun_context(S, L, role) else None
        if side is not None and side[0] == "skip":
            return
        if side is not None:
            self._cue(*side[1])
            self._noun_sided(S, L, side[0])
            return
        self._cue(*(RO.ROLE_CUES.get((role, cls)) or RO.ROLE_CUES.get((role, None), ("list", 0.6))))
        if L.candidates:
            self.cue = (self.cue[0], self.cue[1] * 0.9)
        if L.start in S.coauthor_at:
            role = "COAUTH"
        if L.start in S.inherit:
            owner, flip = S.inherit[L.start]
            if owner.events and owner.stance in ("support", "oppose"):
                stance = owner.stance
                if flip:
                    stance = "oppose" if stance == "support" else "support"
                L.role = "INHERIT"
                self._cue("parenthetical side of the subject", 0.8)
                LI.note_candidates(self, S, L)
                self._attach(S, owner.events, L.members, TI.on_object(owner.events, stance))
                return
        L.role = role
        if role in ("NONE", "TARGET"):
            return
        LI.note_candidates(self, S, L)
        if role == "SAME":
            if self.last_subject and (S.focus or self._cur_ok(S, 2)):
                evs, stance = self.last_subject
                self._attach(S, evs, L.members, TI.on_object(evs, stance))
        elif role == "GERUND":  # "Opposing the amendment were A and B"
            self._fronted_gerund(S, L)
        elif role == "AUTHOR":  # "- Proposed by: Russia" under "- Text: ..."
            self._authors_label(S, L)
        elif role == "OPTION" and CL.group_member(self, S, L):
            pass  # "the signatories are:" then "Northern Africa: Algeria; Egypt"
        elif role == "OPTION":  # "<an option>: A, B, C": a new event its backers
            ev = self._new_event(S, None, RO.clause_text(self, S, L.start))
            self._attach(S, [ev], L.members, "support")
        elif role in ("PASS", "LABEL"):
            self._passive(S, L, cls or W.SUP, label=(role == "LABEL"))
        elif role == "COAUTH":  # "together with X", "China preferred it, with Egypt and India"
            if not S.focus:
                CO.unnamed_subject_side(self, S, L)  # "Several opposed it, with Peru noting"
            else:
                stance = "support"
                if S.last_passive and S.tk[L.end : L.end + 1] == ["also"]:
                    # "objected to them: A, B, with C also taking the floor": as A and B
                    stance = {W.SUP: "support", W.OPP: "oppose"}[S.last_passive]
                elif self.last_subject and self.last_subject[0] == S.focus:
                    stance = TI.on_object(S.focus, self.last_subject[1])
                self._attach(S, S.focus, L.members, stance)
        elif role == "INCL":
            self._included(S, L)
        else:
            self._subject(S, L, relative=(role == "REL"))


# documents, one per author (not "suggestions came from A, B": often one shared view)
_PLURAL_TEXTS = W.words("proposals texts drafts amendments resolutions documents submissions")


_NOUN_KINDS = {
    "resolution": "res",
    "resolutions": "res",
    "treaty": "treaty",
    "convention": "treaty",
}


def _other_kind(ev: Ev, noun: str) -> bool:
    """Does the noun naming an actor's text ('a Russian resolution') name another kind of
    text than the actor's last event ('principles of information security')?"""
    kind = _NOUN_KINDS.get(noun)
    if kind is None:
        return False
    old = TI.text_kind(ev.option)
    return old != kind if old is not None else noun not in ev.option.lower()


def _shared_course(option: str) -> bool:
    """'A and B each suggested reworking the paragraph': a course of action (a gerund) that
    both want is one option; 'each tabled a draft' stays one text per author."""
    first = option.split(" ", 1)[0].lower()
    return len(first) > 5 and first.endswith("ing") and first not in _NOT_GERUNDS


_NOT_GERUNDS = W.words("something nothing anything everything during")


def _last_word(text: str) -> str:
    words = re.findall(r"[a-z]+", text.lower()[-60:])
    w = words[-1] if words else ""
    return w if len(w) > 4 else ""


def candidate_names(parser: Parser) -> list[Candidate]:
    seen = set()
    out = []
    for c in parser.candidates:
        key = (c.start, c.end)
        if key in seen:
            continue
        seen.add(key)
        if normalize(c.name) in ("", "the"):
            continue
        out.append(c)
    return out
