"""Quoted first-person speech in news prose (issue 16): the quote's "we" is its named speaker."""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from tests.test_extract_coordination import against_the_object


@pytest.mark.parametrize(
    "text",
    [
        'Ghana said: "We reject the annex."',
        '"We reject the annex," Ghana said.',
        '"We reject the annex," said the Ghanaian envoy.',
        "The Ghanaian delegate told reporters: \u201cWe reject the annex.\u201d",
    ],
)
def test_we_in_a_quote_is_the_speaker_named_beside_it(text):
    (e,) = extract_text(text).events
    assert e.actors() == {"GHA"}
    assert against_the_object(e, "GHA")
    assert "quote of GHA" in e.cue


@pytest.mark.parametrize(
    "text",
    [
        '"We reject the annex," a diplomat said.',
        'Ghana and Togo said: "We reject the annex."',
        '"We reject the annex."',
    ],
)
def test_a_quote_without_one_named_speaker_names_nobody(text):
    assert extract_text(text).events == []


def test_an_appeal_to_do_the_same_restates_the_side_taken():
    text = '"We will vote against the text, and we urge others to do the same," said Ghana.'
    (e,) = extract_text(text).events
    assert e.oppose == ["GHA"] and e.proposer is None
