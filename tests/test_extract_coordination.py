"""Two verbs of one subject in one sentence (issue 16): the other side on an object of its
own is an event of its own; the same side again, or an object pointing back, is not."""

from __future__ import annotations

import pytest

from tests.test_extract_prose import sides


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Kenya backed the chair's draft but rejected the annex on data.", "A", "B"),
        ("Peru called for a broad scope and opposed any list of crimes.", "A", "B"),
        ("Ghana objected to the new preamble and endorsed the older text.", "B", "A"),
        ("Fiji welcomed the review clause but did not support the annex.", "A", "B"),
    ],
)
def test_the_other_side_on_another_object_is_a_second_event(text, first, second):
    got = sides(text)
    assert len(got) == 2, got
    camps = []
    for proposer, support, oppose, _neutral in got:
        camps.append("A" if proposer or support else "B" if oppose else "?")
        assert len({proposer, *support, *oppose} - {None}) == 1  # the one subject
    assert camps == [first, second]


@pytest.mark.parametrize(
    "text",
    [
        "Chile strongly supports the gender clause and would resist any dilution of it.",
        "Togo supported the draft and welcomed the spirit of compromise.",
    ],
)
def test_a_restatement_or_the_same_side_again_is_one_event(text):
    assert len(sides(text)) == 1
