"""Issue 16, seventh round: constructions met in new development sets of real reports.

Sentences in our own words, in general grammar."""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from tests.test_extract_allies import camp


def events(text: str):
    return extract_text(text).events


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Mexico and Colombia's position on safeguards won support from Chile.", ("MEX", "COL")),
        ("Brazil, Chile, and Peru's proposal was opposed by Russia.", ("BRA", "CHL", "PER")),
    ],
)
def test_one_possessive_after_a_run_of_names_makes_them_all_authors(text, authors):
    (e,) = events(text)
    assert {camp(e, a) for a in authors} == {"A"}
    others = set(e.actors()) - set(authors)
    assert len(others) == 1
    assert camp(e, others.pop()) in ("A", "B")


def test_a_possessive_after_a_subject_keeps_the_subject_a_side_taker():
    (e,) = events("Chile opposed Russia's proposal.")
    assert camp(e, "RUS") == "A"
    assert camp(e, "CHL") == "B"
