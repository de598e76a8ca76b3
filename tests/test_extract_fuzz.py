"""Hostile input for the report extractor: random cuts of the seed reports and random layouts
of the fragments that turn, label, list and aside rules look for. Nothing may raise, and every
event must point inside the text it came from (issue 16: a statement turn that did not start
at the first character once crashed the demands scan)."""

from __future__ import annotations

import random

import pytest

from loaders.extract import extract_text
from tests.conftest import SEEDS

# the openings and pieces the speaker, label, colon and aside rules react to
_FRAGMENTS = [
    "Statement by Ghana", "STATEMENT BY THE DELEGATE OF MALAYSIA", "AGENDA ITEM 5:",
    "Chair:", "Brazil:", "Delegation of Brazil:", "BRAZIL (Mr. Silva):", "[Peru]", "Peru \u2014",
    "07.59 UK \u2013", "Vice-Chair (Australia):", "For (141):", "A:", "Against (7):",
    "submitted by:", "Oppositions : 4 (DPRK, China)", "These were China, India and Brazil.",
    "Four countries abstained.", "The convention should provide assistance upon request.",
    "Support Japan in bracketing the text.", "Would like to delete paragraph 3.",
    "Some reservations about paragraph 4.", "our position is the same as that of Japan.",
    "we concur with the previous speaker.", "NEW ZEALAND, for Australia and the US, with the EU,",
    "for the LDCs,", "supported by NORWAY and opposed by Panama,", "calling for a ban,",
    "adding that the text must change.", "Iran opposed it. China backed Iran.",
    "Tehran was joined by",
    "Afghanistan, Albania, Andorra", "Bahamas, Bahrain", "We join Egypt.", "the US-Albania draft",
    "vetoed by Russia", "a veto cast by the United States", "(", ")", ":", ";", "\u2014", "\n",
    "\n\n", "- ", "* ", '"', "\u201cWe oppose it,\u201d", ".", ",",
]  # fmt: skip


def _assert_inside(text: str) -> None:
    for e in extract_text(text).events:
        assert 0 <= e.char_start <= e.char_end <= len(text)


@pytest.mark.parametrize("seed", range(12))
def test_random_layouts_of_rule_triggers_do_not_crash(seed):
    rng = random.Random(seed)
    parts = [rng.choice(_FRAGMENTS) for _ in range(rng.randrange(5, 120))]
    text = "".join(p + rng.choice(["", " ", "\n", "\n\n"]) for p in parts)
    _assert_inside(text)
    _assert_inside(text.upper())
    _assert_inside(text.replace("\n", " "))


def test_random_cuts_of_the_seed_reports_do_not_crash():
    rng = random.Random(16)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts, "the seed reports are missing"
    for _ in range(40):
        text = rng.choice(texts)
        a = rng.randrange(len(text))
        b = min(len(text), a + rng.randrange(20, 4000))
        _assert_inside(text[a:b])
