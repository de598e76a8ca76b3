"""Issue 16, tenth round: a shared concern, a found company, a comparative stance.

Sentences in our own words, in general grammar."""

from __future__ import annotations

import pytest

from tests.test_extract_allies import camp, events


@pytest.mark.parametrize(
    "second",
    [
        "Japan shared Washington's worry that such wording could be misused.",
        "Japan echoed US concerns about it.",
        "Japan shared the concerns of the United States.",
    ],
)
def test_sharing_another_states_worry_opposes_the_option_in_focus(second):
    """Before this, the worry became a text of the US that Japan backed."""
    evs = events("Russia proposed a ban on subversion. " + second)
    assert len(evs) == 1
    (e,) = evs
    assert e.proposer == "RUS" and camp(e, "USA") == "B" and camp(e, "JPN") == "B"


def test_a_worry_with_nothing_in_focus_stays_its_owners_view():
    (e,) = events("Japan echoed US concerns about the ban on subversion.")
    assert camp(e, "USA") == camp(e, "JPN")


def test_the_worry_of_the_speaker_is_not_taken_as_the_option():
    """'a Japanese official said on Tuesday, adding that Tokyo shared ...': the official's
    remark is no option; the Russian push is."""
    evs = events(
        "Japan did not support a Russian push to ban subversion, a Japanese official said on "
        "Tuesday, adding that Tokyo shared Washington's worry about journalists."
    )
    push = next(e for e in evs if e.proposer == "RUS")
    assert camp(push, "JPN") == "B" and camp(push, "USA") == "B"


@pytest.mark.parametrize(
    "text",
    [
        "Moscow wanted digital assets in Article 16 and found company in China and Namibia.",
        "The Russian proposal found favour with China and Namibia.",
    ],
)
def test_finding_company_or_favour_is_support(text):
    (e,) = events(text)
    assert e.proposer == "RUS" and camp(e, "CHN") == "A" and camp(e, "NAM") == "A"


@pytest.mark.parametrize("adjective", ["more ambivalent", "more cautious", "somewhat hesitant"])
def test_a_comparative_stance_adjective_is_neutral(adjective):
    (e,) = events(
        f"Japan did not support a Russian push to ban subversion. Brazil was {adjective}."
    )
    assert e.neutral == ["BRA"] and camp(e, "JPN") == "B"
