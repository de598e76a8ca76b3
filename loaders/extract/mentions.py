"""Finding actor names in text: one precompiled alternation over every known spelling.

The lexicon is built from the actor reference (`ActorIndex`: canonical names and the aliases
reports use) plus mechanical variants ("St" / "Saint", an inner "the" dropped, "&" for "and")
and "<demonym> delegation" forms. Matching runs over the folded text (accents stripped,
apostrophes unified, same length as the input), so offsets need no mapping.

The alternation is grouped by first letter, each group ordered longest first, so the first
alternative that matches is the longest spelling starting there (linear scan, no nested
quantifiers). Names must start with a capital letter; acronyms ("US", "EU", "UAE") must be
written in capitals, which keeps the pronoun "us" and words like "chad" or "turkey" out.
"""

from __future__ import annotations

import re

from loaders.actors import ActorIndex, normalize
from loaders.extract import words as W
from loaders.extract.text import fold

# Spellings reports use that the reference may not list (only added when the code exists).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("USA", "U.S.A.", "U.S."),
    "GBR": ("U.K.",),
    "KOR": ("S. Korea",),
    "EU": ("European Union and its Member States", "EU and its Member States"),
}

# Adjectives of nationality: "<demonym> delegation" is a mention, "the <demonym> proposal" a
# reference to that actor's proposal.
DEMONYMS: dict[str, str] = {
    "Afghan": "AFG",
    "Albanian": "ALB",
    "Algerian": "DZA",
    "American": "USA",
    "Andorran": "AND",
    "Angolan": "AGO",
    "Argentine": "ARG",
    "Argentinian": "ARG",
    "Armenian": "ARM",
    "Australian": "AUS",
    "Austrian": "AUT",
    "Azerbaijani": "AZE",
    "Bahraini": "BHR",
    "Bangladeshi": "BGD",
    "Belarusian": "BLR",
    "Belgian": "BEL",
    "Bolivian": "BOL",
    "Brazilian": "BRA",
    "British": "GBR",
    "Bulgarian": "BGR",
    "Burkinabe": "BFA",
    "Cameroonian": "CMR",
    "Canadian": "CAN",
    "Chilean": "CHL",
    "Chinese": "CHN",
    "Colombian": "COL",
    "Croatian": "HRV",
    "Cuban": "CUB",
    "Cypriot": "CYP",
    "Czech": "CZE",
    "Danish": "DNK",
    "Dutch": "NLD",
    "Ecuadorian": "ECU",
    "Egyptian": "EGY",
    "Emirati": "ARE",
    "Eritrean": "ERI",
    "Estonian": "EST",
    "Ethiopian": "ETH",
    "Finnish": "FIN",
    "French": "FRA",
    "Georgian": "GEO",
    "German": "DEU",
    "Ghanaian": "GHA",
    "Greek": "GRC",
    "Guatemalan": "GTM",
    "Hungarian": "HUN",
    "Icelandic": "ISL",
    "Indian": "IND",
    "Indonesian": "IDN",
    "Iranian": "IRN",
    "Iraqi": "IRQ",
    "Irish": "IRL",
    "Israeli": "ISR",
    "Italian": "ITA",
    "Jamaican": "JAM",
    "Japanese": "JPN",
    "Jordanian": "JOR",
    "Kazakh": "KAZ",
    "Kenyan": "KEN",
    "Korean": "KOR",
    "Kuwaiti": "KWT",
    "Latvian": "LVA",
    "Lebanese": "LBN",
    "Libyan": "LBY",
    "Lithuanian": "LTU",
    "Malawian": "MWI",
    "Malaysian": "MYS",
    "Malian": "MLI",
    "Maltese": "MLT",
    "Mauritanian": "MRT",
    "Mexican": "MEX",
    "Moldovan": "MDA",
    "Mongolian": "MNG",
    "Moroccan": "MAR",
    "Namibian": "NAM",
    "Nepalese": "NPL",
    "Nicaraguan": "NIC",
    "Nigerian": "NGA",
    "Norwegian": "NOR",
    "Omani": "OMN",
    "Pakistani": "PAK",
    "Panamanian": "PAN",
    "Paraguayan": "PRY",
    "Peruvian": "PER",
    "Philippine": "PHL",
    "Filipino": "PHL",
    "Polish": "POL",
    "Portuguese": "PRT",
    "Qatari": "QAT",
    "Romanian": "ROU",
    "Russian": "RUS",
    "Rwandan": "RWA",
    "Saudi": "SAU",
    "Senegalese": "SEN",
    "Serbian": "SRB",
    "Singaporean": "SGP",
    "Slovak": "SVK",
    "Slovenian": "SVN",
    "South African": "ZAF",
    "North Korean": "PRK",
    "South Korean": "KOR",
    "Spanish": "ESP",
    "Sudanese": "SDN",
    "Swedish": "SWE",
    "Swiss": "CHE",
    "Syrian": "SYR",
    "Tanzanian": "TZA",
    "Thai": "THA",
    "Tunisian": "TUN",
    "Turkish": "TUR",
    "Ugandan": "UGA",
    "Ukrainian": "UKR",
    "Uruguayan": "URY",
    "Venezuelan": "VEN",
    "Vietnamese": "VNM",
    "Yemeni": "YEM",
    "Zambian": "ZMB",
    "Zimbabwean": "ZWE",
    "European": "EU",
}
# Capitals standing for their government ("sided with Tehran", "Moscow's proposal"): used only
# as references to that actor's position, never as list members (meetings happen in cities).
CAPITALS: dict[str, str] = {
    "Moscow": "RUS", "Beijing": "CHN", "Washington": "USA", "Tehran": "IRN", "London": "GBR",
    "Paris": "FRA", "Berlin": "DEU", "Tokyo": "JPN", "Brussels": "EU", "Delhi": "IND",
    "Cairo": "EGY", "Riyadh": "SAU", "Ankara": "TUR", "Ottawa": "CAN", "Canberra": "AUS",
    "Brasilia": "BRA", "Pretoria": "ZAF", "Havana": "CUB", "Caracas": "VEN", "Minsk": "BLR",
    "Pyongyang": "PRK", "Seoul": "KOR", "Kyiv": "UKR", "Islamabad": "PAK", "Damascus": "SYR",
    "Managua": "NIC", "Abuja": "NGA", "Nairobi": "KEN", "Mexico City": "MEX", "Bern": "CHE",
    "Oslo": "NOR", "Wellington": "NZL", "Singapore": "SGP", "Jakarta": "IDN", "Doha": "QAT",
    "Baku": "AZE", "Kigali": "RWA", "Hanoi": "VNM", "Kremlin": "RUS", "New Delhi": "IND",
    # not the venues (Vienna, New York, Geneva) nor names of instruments (Budapest, Rome)
    "Bogota": "COL", "Bogot\u00e1": "COL", "Lima": "PER", "Quito": "ECU", "Montevideo": "URY",
    "Buenos Aires": "ARG", "Bras\u00edlia": "BRA", "Madrid": "ESP", "Lisbon": "PRT",
    "Dublin": "IRL", "The Hague": "NLD", "Stockholm": "SWE", "Helsinki": "FIN",
    "Copenhagen": "DNK", "Warsaw": "POL", "Prague": "CZE", "Tallinn": "EST", "Riga": "LVA",
    "Vilnius": "LTU", "Kuala Lumpur": "MYS", "Manila": "PHL", "Bangkok": "THA",
    "Dhaka": "BGD", "Colombo": "LKA", "Tashkent": "UZB", "Astana": "KAZ", "Yerevan": "ARM",
    "Tbilisi": "GEO", "Amman": "JOR", "Beirut": "LBN", "Baghdad": "IRQ", "Algiers": "DZA",
    "Rabat": "MAR", "Tunis": "TUN", "Khartoum": "SDN", "Dakar": "SEN", "Accra": "GHA",
    "Harare": "ZWE", "Kampala": "UGA", "Abu Dhabi": "ARE", "Muscat": "OMN"
}  # fmt: skip
DEMONYM_NOUNS = (
    "delegation", "delegations", "government", "governments", "representative", "representatives",
    "delegate",
    "delegates", "negotiator", "negotiators", "official", "officials", "envoy", "diplomat",
    "diplomats", "minister", "ambassador", "authorities", "side", "mission", "partner", "ally",
    "countries", "states", "capitals",
)  # fmt: skip
# "the Russian Foreign Ministry said", "the Chilean Permanent Mission": the government
DEMONYM_PHRASES = (
    "Foreign Ministry", "foreign ministry", "Ministry", "ministry", "Permanent Mission",
    "Foreign Minister", "foreign minister", "Embassy", "embassy", "President", "Mission",
    "deputy foreign minister", "Deputy Foreign Minister", "deputy minister", "Deputy Minister",
    "Foreign Affairs Ministry", "foreign affairs ministry", "Vice Foreign Minister",
    "vice foreign minister", "chief negotiator", "lead negotiator", "head of delegation",
    "permanent representative", "Permanent Representative",
)  # fmt: skip
# demonyms standing alone in a coordination with a named actor: "U.S. and European opposition",
# "Canadian and Australian negotiators"
_COORD_NOUNS = frozenset(DEMONYM_NOUNS) | frozenset(
    ["opposition", "objections", "support", "backing", "resistance", "proposal", "push"]
    + ["powers", "countries", "states", "nations", "allies", "partners"]
)


# a demonym before one of these is a name: "Russian-sponsored", "Chinese-backed", "U.S.-led"
_HYPHEN_SIDE = re.compile(
    r"-(?:led|sponsored|drafted|proposed|authored|initiated|backed|supported|endorsed)\b"
)


_AUTHORED = re.compile(
    r"(?i)[ \t]+(?:resolution|initiative|draft|proposal|amendment|idea|plan|bid|request|motion)s?\b"
)


# a lone demonym before a stance noun is its government's stance ("Austrian objections")
_STANCE_NOUN = re.compile(
    r"[ \t]+(?:opposition|objections?|resistance|pushback|support|backing|endorsement)\b"
    r"(?![ \t]+(?:figures?|leaders?|part(?:y|ies)|activists?|politicians?|groups?|movements?|"
    r"media|staff|services?|officers?|units?))"
)  # not "Russian opposition figures", "Chinese support staff"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A single-word name right after one of these is part of a bigger place name ("Latin America").
_REGION_ADJ = _words("african arab asian european american")
_GEO_MODIFIERS = _words(
    "latin south north central east west western eastern southern northern new upper lower greater"
)


_IN_BEFORE = re.compile(r"(?:^|[\s(])(?:(\w+)[ \t]+)?in[ \t]+(?:the[ \t]+)?$")
# "found company in China", "an ally in Russia": the name is the company, not a place
_FOUND_IN = W.words(
    "company ally allies partner partners friend friends champion backer support echo"
)


def _a_place(text: str, m: Mention) -> bool:
    """'the ceremony in Vietnam', 'critics in the United States': a place, not an actor
    (but 'in Brazil's proposal' is Brazil's)."""
    hit = _IN_BEFORE.search(text, max(0, m.start - 24), m.start)
    if hit is None or (hit.group(1) or "").lower() in _FOUND_IN:
        return False
    return text[m.end : m.end + 2] not in ("'s", "\u2019s") and text[m.end : m.end + 1] != "'"


_PLACE_JOIN = re.compile(
    r"(?:,[ \t]*|[ \t]+)(?:and|or)[ \t]+(?:the[ \t]+)?$|,[ \t]*(?:the[ \t]+)?$"
)


def _not_places(text: str, out: list[Mention]) -> list[Mention]:
    """Drop the places: a name after 'in', and the names joined to it ('in Cambodia and
    Myanmar')."""
    kept: list[Mention] = []
    place_end = -1
    for m in out:
        joined = place_end >= 0 and _PLACE_JOIN.fullmatch(text, place_end, m.start) is not None
        if joined or _a_place(text, m):
            place_end = m.end
            continue
        place_end = -1
        kept.append(m)
    return kept


# after a capital: a date (a dateline, "Hanoi, 25 October") or an event it hosts
_PLACE_AFTER = re.compile(
    r",[ \t]*(?:\d|(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"|[ \t](?:signing|ceremony|ceremonies|talks|meeting|meetings|summit|round|session|"
    r"venue|conference|declaration|format|process)\b"
)


class Mention:
    """An actor name at clean-text offsets [start, end)."""

    __slots__ = ("start", "end", "code", "acronym")

    def __init__(self, start: int, end: int, code: str, acronym: bool = False) -> None:
        self.start, self.end, self.code, self.acronym = start, end, code, acronym

    def __repr__(self) -> str:
        return f"Mention({self.start}, {self.end}, {self.code!r})"


def _is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "").replace(" ", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 8


# the abbreviations of UN roll calls and country tables: "Dem. Rep. of the Congo", "Dem PR of
# Korea", "Lao People's Dem. Rep.", "Russian Fed.", "Syrian Arab Rep", "Micronesia, Fed. Sts."
_ABBREVIATIONS = (
    ("Democratic People's Republic", ("Dem. People's Rep.", "Dem. PR", "DPR")),
    ("People's Democratic Republic", ("People's Dem. Rep.", "PDR")),
    ("Democratic Republic", ("Dem. Rep.",)),
    ("Republic", ("Rep.",)),
    ("Federation", ("Fed.",)),
    ("Federated States", ("Fed. States", "Fed. Sts.")),
)
_INVERTED_TAIL = re.compile(r",\s+(?:The\s+)?(.+?)(?:\s+of(?:\s+the)?)?$")


def _abbreviated(alias: str) -> set[str]:
    """Every spelling of `alias` with some of its long words abbreviated (a few at most)."""
    out = {alias}
    for long, shorts in _ABBREVIATIONS:
        for v in list(out):
            if long in v:
                out.update(v.replace(long, short) for short in shorts)
    return out


def inverted(alias: str) -> set[str]:
    """'Korea, Republic of' (pycountry), and its table form 'Korea, Rep.'; 'Congo, The
    Democratic Republic of the' and 'Congo, Dem. Rep.': the inverted names of lists."""
    m = _INVERTED_TAIL.search(alias)
    if "," not in alias or m is None or "(" in alias:
        return set()
    head = alias[: alias.index(",")]
    short = f"{head}, {m.group(1)}"
    return {alias, *_abbreviated(alias), *_abbreviated(short)}


def _variants(alias: str) -> set[str]:
    out = _abbreviated(alias)
    if alias.lower().startswith("the ") and len(alias) > 6:
        out.add(alias[4:])
    for v in list(out):
        if " the " in v:
            out.add(v.replace(" the ", " "))
        if v.startswith("Saint "):
            out.add("St " + v[6:])
            out.add("St. " + v[6:])
        if " and " in v:
            out.add(v.replace(" and ", " & "))
    return out


def _alt_pattern(surface: str) -> str:
    tokens = [t for t in re.split(r"[\s-]+", surface) if t]
    parts = []
    for tok in tokens:
        esc = re.escape(tok)
        if tok.endswith(".") and len(tok) > 1 and tok.count(".") == 1:
            esc = re.escape(tok[:-1]) + r"\.?"
        parts.append(esc)
    # "the United\n        Kingdom": a name may wrap onto an indented line
    body = r"(?:[\s-]{1,4}|[ \t]*\n[ \t]{0,40})".join(parts)
    if _is_acronym(surface):
        return body
    # first character literal (a capital), the rest case-insensitive
    first = re.escape(surface[0])
    rest = body[len(first) :] if body.startswith(first) else body[1:]
    return first + "(?i:" + rest + ")" if rest else first


class Lexicon:
    """Every known spelling of every actor, compiled into one alternation."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.by_key: dict[str, str] = {}
        self.acronym_keys: set[str] = set()
        surfaces: dict[str, str] = {}
        first_words: set[str] = set()
        for code, actor in index.actors.items():
            names = [actor.name, *actor.aliases]
            if actor.kind == "group" and code.isalpha() and code.isupper():
                names.append(code)
            names.extend(EXTRA_ALIASES.get(code, ()))
            # an inverted name ("Korea, Republic of") counts with its table forms, else not
            spellings = [v for n in names if n for v in (inverted(n) if "," in n else (n,))]
            for name in spellings:
                if "(" in name or len(name) < 2:
                    continue
                for v in _variants(name):
                    fw = _FIRST_WORD.match(v)
                    if fw and v[0].isupper():
                        first_words.add(fw.group(0))
                for v in _variants(fold(name)):
                    if not v[0].isupper():
                        continue
                    surfaces.setdefault(v, code)
        for dem, code in DEMONYMS.items():
            if code not in index.actors:
                continue
            for noun in DEMONYM_NOUNS + DEMONYM_PHRASES:
                surfaces.setdefault(f"{dem} {noun}", code)
            if dem.endswith(("an", "i")):  # "the Russians rejected", "the Saudis", "Europeans"
                surfaces.setdefault(f"{dem}s", code)
        # capitals standing for their government as a subject ("Moscow countered", "joined by
        # Tehran"); never before another capitalised word ("Paris Agreement") or "-based"
        self.capital_surfaces: set[str] = set()
        for cap, code in CAPITALS.items():
            if code in index.actors and cap not in surfaces:
                surfaces[cap] = code
                self.capital_surfaces.add(cap)
        for surface in surfaces:
            fw = _FIRST_WORD.match(surface)
            if fw:
                first_words.add(fw.group(0))
        for word in list(first_words):
            first_words.add(word[0] + word[1:].lower())
            if len(word) >= 3 and word.isalpha():
                first_words.add(word.upper())  # "BRAZIL", "RUSSIAN FEDERATION" (ENB style)
        self.prefilter = _grouped_alternation(first_words)
        for surface, code in surfaces.items():
            key = _key(surface)
            self.by_key.setdefault(key, code)
            if _is_acronym(surface):
                self.acronym_keys.add(key)
        by_first: dict[str, list[str]] = {}
        for surface in surfaces:
            first = _FIRST_WORD.match(surface)
            if first:
                by_first.setdefault(first.group(0).lower(), []).append(surface)
        self.first: dict[str, re.Pattern[str]] = {}
        # words that are a whole name and begin no longer one ("Chile"): no window match needed
        self.single: dict[str, tuple[str, bool]] = {}
        for key, members in by_first.items():
            members = sorted(set(members), key=lambda s: (-len(s), s))
            if all(_FIRST_WORD.fullmatch(m) for m in members):
                codes = {surfaces[m] for m in members}
                acr = {_is_acronym(m) for m in members}
                if len(codes) == 1 and len(acr) == 1 and not any(_is_acronym(m) for m in members):
                    self.single[key] = (codes.pop(), False)
            alts = "|".join(_alt_pattern(s) for s in members)
            self.first[key] = re.compile("(?:" + alts + r")(?![^\W_])")
        self._cache: dict[str, tuple[str | None, bool]] = {}
        self.demonym_codes = {k.lower(): v for k, v in DEMONYMS.items() if v in index.actors}
        self.eu = "EU" if "EU" in index.actors else None
        self.capital_codes = {
            k.lower(): v for k, v in CAPITALS.items() if v in index.actors and " " not in k
        }

    def _info(self, surface: str) -> tuple[str | None, bool]:
        hit = self._cache.get(surface)
        if hit is None:
            hit = (self.by_key.get(_key(surface)), _is_acronym(surface))
            if len(self._cache) < 100_000:
                self._cache[surface] = hit
        return hit

    def may_start(self, text: str, a: int, end: int) -> bool:
        """False only if `find(text, a, end)` cannot return a mention at `a`: no known first
        word there, nor a demonym or 'Europe' that `_coordinated` could add."""
        pre, dem = self.prefilter.match(text, a, end), _DEMONYM_AT.match(text, a, end)
        return pre is not None or dem is not None or text.startswith("Europe", a)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """All mentions in text[start:end], left to right, non-overlapping.

        Capitalised words are scanned once; only those that begin a known spelling are tried
        against that word's (small, longest-first) alternation, on a folded window.
        """
        end = len(text) if end is None else end
        out: list[Mention] = []
        first = self.first
        single = self.single
        skip_to = start
        for m in self.prefilter.finditer(text, start, end):
            s = m.start()
            if s < skip_to:
                continue
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_"):
                continue
            if s > 1 and text[s - 1] == "-" and _PREFIXED.search(text, max(0, s - 5), s):
                continue  # "the anti-Iran resolution", "pro-Russia states": not the actor
            word = m.group(0)
            key = word.lower() if word.isascii() else fold(word).lower()
            if key == "china" and _G77.search(text, max(0, s - 12), s):
                continue  # "the Group of 77 and China" is a group, not China
            one = single.get(key)
            if one is not None:
                e = m.end()
                if s >= 2 and text[s - 1] == " " and _geo_modified(text, s):
                    continue
                out.append(Mention(s, e, one[0], False))
                skip_to = e
                continue
            pat = first.get(key)
            if pat is None:
                continue
            window = fold(text[s : min(end, s + _WINDOW)])
            hit = pat.match(window)
            if hit is None:
                dem = self.demonym_codes.get(key)
                if dem is not None and _HYPHEN_SIDE.match(text, m.end(), min(end, m.end() + 14)):
                    out.append(Mention(s, m.end(), dem))  # "a Russian-sponsored resolution"
                    skip_to = m.end()
                elif dem is not None and _AUTHORED.match(text, m.end(), min(end, m.end() + 14)):
                    out.append(Mention(s, m.end(), dem))  # "a Russian initiative"
                    skip_to = m.end()
                elif dem is not None and _STANCE_NOUN.match(text, m.end(), min(end, m.end() + 14)):
                    out.append(Mention(s, m.end(), dem))  # "ran into Austrian objections"
                    skip_to = m.end()
                continue
            e = s + hit.end()
            surface = hit.group(0)
            code, acronym = self._info(surface)
            if code is None:
                continue
            if acronym and (text[e : e + 1] == "$" or text[s - 1 : s] == "$"):
                continue
            single_word = " " not in surface and "-" not in surface
            # "Latin American states", "West African states": not the US, not the African Group
            single_word = single_word or key in self.demonym_codes or key in _REGION_ADJ
            if single_word and s >= 2 and text[s - 1] == " " and _geo_modified(text, s):
                continue
            out.append(Mention(s, e, code, acronym))
            skip_to = e
        if self.capital_surfaces:
            out = [m for m in out if not self._bad_capital(text, m)]
        out = _not_places(text, out)
        return self._coordinated(text, out, end)

    def _bad_capital(self, text: str, m: Mention) -> bool:
        if text[m.start : m.end] not in self.capital_surfaces:
            return False
        nxt = text[m.end : m.end + 2]
        if text[max(0, m.start - 4) : m.start] in (" in ", " at ", "\nin ", "\nat "):
            return True  # "the ceremony in Hanoi", "its ambassador in Washington": a place
        if text[m.start - 2 : m.start] == ", " and text[m.end : m.end + 1] in ("\n", ""):
            return True  # "Statement at the annual session, Kampala": a heading's place
        if _PLACE_AFTER.match(text, m.end, m.end + 24):
            return True  # "Hanoi, 25 October 2025", "the Hanoi ceremony": a place
        return nxt[:1] == "-" or (nxt[:1] == " " and nxt[1:2].isupper())

    def _coordinated(self, text: str, out: list[Mention], end: int) -> list[Mention]:
        """'Canadian and Australian negotiators', 'U.S. and European opposition': the lone
        demonym next to a named actor is a mention too (only checked around mentions)."""
        add: list[Mention] = []
        codes = self.demonym_codes
        eu = self.eu
        for m in out:
            # backwards: "<Dem> and <Dem> negotiators" / "<Dem>, <Dem> delegations"
            last = text[m.start : m.end].split()
            nxt = _NEXT_WORD.match(text, m.end, min(end, m.end + 20))
            headed = (
                bool(last)
                and last[-1] in _COORD_NOUNS
                or (nxt is not None and nxt.group(1) in _COORD_NOUNS)
            )  # "Japanese delegations", "US officials"
            at = m.start  # "<Dem>, <Dem> and <Dem> delegations": each one before the last
            while headed and _after_coordinator(text, at):
                w = _PREV_DEMONYM.search(text, max(0, at - 30), at)
                if not (w and codes.get(w.group(1).lower())):
                    break
                add.append(Mention(w.start(1), w.end(1), codes[w.group(1).lower()]))
                at = w.start(1)
            # forwards: "<Actor> and <Dem> opposition" (both patterns start with ',' or ' ')
            if text[m.end : m.end + 1] in (",", " "):
                f = _NEXT_DEMONYM.match(text, m.end, min(end, m.end + 40))
                if f and codes.get(f.group(1).lower()) and f.group(2).lower() in _COORD_NOUNS:
                    add.append(Mention(f.start(1), f.end(1), codes[f.group(1).lower()]))
                # "opposition from the US and Europe", "Europe and the US": Europe as a side
                if eu and (f := _NEXT_EUROPE.match(text, m.end, min(end, m.end + 14))):
                    add.append(Mention(f.start(1), f.end(1), eu))
            lo = max(0, m.start - 24)
            if (
                eu
                and "Europe" in text[lo : m.start]
                and (w := _PREV_EUROPE.search(text, lo, m.start))
            ):
                add.append(Mention(w.start(1), w.end(1), eu))
        if not add:
            return out
        taken = {(m.start, m.end) for m in out}
        for a in add:
            if (a.start, a.end) not in taken and not any(
                m.start < a.end and a.start < m.end for m in out
            ):
                out.append(a)
                taken.add((a.start, a.end))
        out.sort(key=lambda m: m.start)
        return out


def _after_coordinator(text: str, s: int) -> bool:
    """Does text[:s] end in ',' / ' and' / ' or' + spaces (as _PREV_DEMONYM needs; '$' also
    matches before a final newline)? Checked before that regex search."""
    seg = text[max(0, s - 30) : s].removesuffix("\n")
    core = seg.rstrip(" ")
    return len(core) < len(seg) and core.endswith((",", " and", " or"))


def _geo_modified(text: str, s: int) -> bool:
    """'Latin America', 'South Sudan'-like: a single-word name after a geographic modifier."""
    w = s - 1
    k = w
    while k > 0 and w - k < 12 and text[k - 1].isalpha():
        k -= 1
    return text[k:w].lower() in _GEO_MODIFIERS and text[k : k + 1].isupper()


def _grouped_alternation(words: set[str]) -> re.Pattern[str]:
    """One alternation of literal words, grouped by first character (fast first-char scan)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w)
    alts = []
    for first in sorted(groups):
        rest = sorted({w[1:] for w in groups[first]}, key=lambda r: (-len(r), r))
        inner = "|".join(re.escape(r) for r in rest)
        alts.append(re.escape(first) + "(?:" + inner + ")")
    return re.compile("(?:" + "|".join(alts) + r")(?![^\W_])")


_DEMONYM_AT = re.compile(r"[A-Z][a-z]{2,14}(?:,| and| or)[ ]")  # what _PREV_DEMONYM takes
_PREV_DEMONYM = re.compile(r"\b([A-Z][a-z]{2,14})(?:,| and| or)[ ]+$")
_NEXT_EUROPE = re.compile(r"(?:,| and| or)[ ]+(Europe)(?![\w-]|[ ]+[A-Z(]|'s [A-Z])")
_PREV_EUROPE = re.compile(r"(?<!of )(?<!in )(?<!across )\b(Europe)(?:,| and| or)[ ]+(?:the[ ]+)?$")
_NEXT_WORD = re.compile(r"[ ]+([a-z-]{3,15})\b")
_NEXT_DEMONYM = re.compile(r"(?:,| and| or)[ ]+([A-Z][a-z]{2,14})[ ]+([a-z-]{3,15})\b")
_G77 = re.compile(r"(?:77|G-?77)(?:\s+(?:and|&)\s+|\s*/\s*)$", re.I)  # "G-77/China" too
_FIRST_WORD = re.compile(r"[^\W_]+")
_WINDOW = 72


# "the anti-Iran resolution", "pro-Russia states": a name after these is a target, no actor
TARGET_PREFIXES = ("anti", "pro", "non")
_PREFIXED = re.compile(r"(?i)(?<![a-z])(?:" + "|".join(TARGET_PREFIXES) + r")-$")


def _key(surface: str) -> str:
    return normalize(re.sub(r"[\s-]+", " ", surface))


_LEXICONS: dict[int, tuple[int, Lexicon]] = {}


def lexicon(index: ActorIndex) -> Lexicon:
    """The compiled lexicon for an index (cached; rebuilt if actors were added)."""
    hit = _LEXICONS.get(id(index))
    if hit is not None and hit[0] == len(index.actors) and hit[1].index is index:
        return hit[1]
    lex = Lexicon(index)
    _LEXICONS[id(index)] = (len(index.actors), lex)
    return lex
