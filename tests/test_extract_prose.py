"""Constructions of real prose the extractor generalises to (issue 16).

Every sentence here is written for the tests (none is copied from a report or a web page).
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def sides(text: str) -> list[tuple]:
    """(proposer, support, oppose, neutral) of every event, in order."""
    res = extract_text(text)
    return [(e.proposer, e.support, e.oppose, e.neutral) for e in res.events]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Norway will continue to advocate for a lean and rights-based treaty.", "NOR"),
        ("Chile continues to seek a text that every region can live with.", "CHL"),
        ("Peru will press for stronger safeguards in the procedural chapter.", "PER"),
        ("Ghana demands a clear list of offences in the draft.", "GHA"),
        ("Fiji recommended keeping the paragraph in brackets for now.", "FJI"),
        ("Kenya made a forceful argument for a shorter review period.", "KEN"),
        ("Togo insisted on the need for technical assistance.", "TGO"),
    ],
)
def test_a_single_actor_putting_a_position_forward(text, code):
    assert sides(text) == [(code, [], [], [])]


def test_of_the_view_that_with_an_ought_is_a_position():
    assert sides("Mali is of the view that the treaty should stay narrow.") == [("MLI", [], [], [])]


def test_praise_is_support_and_condemn_a_stance_of_its_own():
    assert sides("Ecuador praised the revised text as fair to all.") == [("ECU", [], [], [])]
    assert sides("Nepal condemned the late changes to the annex.") == [("NPL", [], [], [])]


def test_reaffirmed_support_is_support():
    [(prop, sup, opp, neu)] = sides("Chile and Peru reaffirmed their support for the mandate.")
    assert (prop, sorted(sup), opp, neu) == (None, ["CHL", "PER"], [], [])
