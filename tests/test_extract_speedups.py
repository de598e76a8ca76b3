"""The extractor's shortcuts find what the slower code they replace finds (random strings)."""

from __future__ import annotations

import random
import re

from loaders.actors import reference
from loaders.extract import dates as D
from loaders.extract import mentions as M
from loaders.extract import sentence as ST
from loaders.extract import text as T

# the tokenizer as written before the speedup (with the document-symbol token "L.23")
_OLD_TOKEN = re.compile(r"[A-Z][a-z]{0,2}\.\d+\b|(?:[A-Za-z]\.){2,}|[^\W_]+|[^\w\s]")
_ALPHABET = "ab.Z1\u00b2_ \n\t\u00c9\u0663\u216b\u00df,'()"


def _strings(n: int, seed: int, alphabet: str = _ALPHABET, longest: int = 30):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))), rnd


def test_prev_word_is_the_regex_search_it_replaces():
    for s, rnd in _strings(20000, 1):
        k = rnd.randint(0, len(s))
        lo = rnd.randint(max(0, k - 20), k)
        m = T._PREV_WORD.search(s, lo, k)
        a, b = T._prev_word(s, lo, k)
        assert ((m.start(), m.end()) if m else None) == ((a, b) if a < b else None), (s, lo, k)


def test_split_tokens_are_the_finditer_tokens():
    for s, _rnd in _strings(5000, 2, _ALPHABET + "U.S.A. e.g. --", 60):
        sent = ST.Sentence(s, 0, len(s), [])
        ms = list(_OLD_TOKEN.finditer(T.fold(s)))
        assert sent.tw == [m.group() for m in ms]
        assert sent.ts == [m.start() for m in ms] and sent.te == [m.end() for m in ms]


def test_month_scan_finds_every_stem():
    for s, _rnd in _strings(3000, 3, "JanFebMarAprMayJunJulAugSepOctNovDec ", 40):
        one = [m.start() for m in D._MONTH_STEM_AT.finditer(s)]
        each = sorted(p for stem in D._MONTH_STEMS for p in D._positions(s, stem))
        assert one == each, s


def test_coordinator_check_accepts_whatever_the_demonym_regex_takes():
    seen = 0
    samples = ["Canadian and ", "Canadian, ", "Canadian or  ", "Canadian and \n", "Canadian and"]
    for s, _rnd in _strings(20000, 4, "Can n,dor \n", 34):
        samples.append(s)
    for s in samples:
        if M._PREV_DEMONYM.search(s, max(0, len(s) - 30), len(s)):
            seen += 1
            assert M._after_coordinator(s, len(s)), s
    assert seen >= 4


def test_may_start_is_true_wherever_a_mention_starts():
    lex = M.lexicon(reference())
    text = (
        "Canadian and Australian negotiators met. Europe, the US and Chile disagreed.\n"
        "The United Kingdom, Brazil and the Russian Federation spoke; Peru did not.\n"
    )
    for m in lex.find(text):
        assert lex.may_start(text, m.start, len(text)), text[m.start : m.end]
    assert not lex.may_start(text, text.index("negotiators"), len(text))


_OLD_FIRST = re.compile(
    r"\b(?:[Ww]e|[Mm]y[ \t]+(?:delegation|country|government)|"
    r"[Oo]ur[ \t]+(?:delegation|country|government))\b"
)
_OLD_THIRD = re.compile(r"\b(?:[Hh]is|[Hh]er|[Ii]ts)[ \t]+(?:delegation|country|government)\b")
# the plain pattern, written out (the rewrite also reads a run of stops once, "!!!" is linear)
_OLD_SENT_END = re.compile(
    "[.!?]+[\"'\u201d\u2019)\\]]*"
    "(?=\\s+[\"'\u201c\u2018(\\[\u2022]?[A-Z0-9\u00c0-\u00de\"'\u201c\u2018(\\[\u2022])"
)


def test_rewritten_patterns_find_what_the_plain_ones_find():
    from loaders.extract import speakers as SP

    rnd = random.Random(5)
    pieces = ["we", "We", "my delegation", "My country", "our government", "Our", "Its",
              "his delegation", "Her country", "its government", "x", "_", "1", " ", "\t",
              "\n", "awe", "Mywe", "ours", "\u00e9", ".", "?!", ". A", '." B', "! 3"]  # fmt: skip
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        a = rnd.randint(0, len(s))
        b = rnd.randint(a, len(s))
        for new, old in ((SP._FIRST, _OLD_FIRST), (SP._THIRD, _OLD_THIRD),
                         (T._SENT_END, _OLD_SENT_END)):  # fmt: skip
            if new is T._SENT_END and a > 0 and s[a - 1] in ".!?":
                continue  # a run of stops is read from its first: it began before `a`
            got = [m.span() for m in new.finditer(s, a, b)]
            assert got == [m.span() for m in old.finditer(s, a, b)], (new.pattern, s, a, b)
