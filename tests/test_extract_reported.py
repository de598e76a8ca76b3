"""Reported speech without quotation marks (issue 16, seventh round): the speaker named after
the words ("..., Chile said.", "..., according to Russia.") takes the side the words state.

Sentences in our own words."""

from __future__ import annotations

import pytest

from tests.test_extract_allies import camp, events


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The text must include strong safeguards, the Chilean delegate said.", "CHL"),
        ("The convention should cover terrorism, according to Russia.", "RUS"),
        ("The text should keep Article 6, said the representative of Peru.", "PER"),
        (
            "To curb fraud, states must agree on freezing proceeds, Indian officials told the "
            "committee, which met in Vienna.",
            "IND",
        ),
    ],
)
def test_a_demand_with_its_speaker_after_it_is_the_speakers(text, code):
    (e,) = events(text)
    assert e.proposer == code
    assert "said" not in e.option and "according" not in e.option


@pytest.mark.parametrize(
    "text",
    [
        "The meeting ended late, Chile said.",  # no demand
        "Russia must withdraw its troops, the EU said.",  # the clause names its own actor
        "The text must change, a diplomat said.",  # the speaker is no actor
    ],
)
def test_no_reported_side_without_a_demand_an_unnamed_clause_and_one_named_speaker(text):
    assert events(text) == []


def test_the_speakers_own_mention_after_the_clause_makes_no_second_event():
    evs = events("The text must include strong safeguards, Chile said.")
    assert len(evs) == 1 and camp(evs[0], "CHL") == "A"
