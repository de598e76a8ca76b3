"""Statements, explanations of vote and transcripts: who "we" is and which side it takes.

Every sentence here is written for the tests (none is copied from a report or a web page).
"""

from __future__ import annotations

import pytest

from tests.test_extract_prose import sides


@pytest.mark.parametrize(
    "text",
    [
        "Peru: We can\u2019t go along with the second option.",
        "Peru: We can't go along with the second option.",
        "Peru said it can't accept the second option.",
    ],
)
def test_a_contracted_cannot_is_a_negation(text):
    assert sides(text) == [(None, [], ["PER"], [])]
