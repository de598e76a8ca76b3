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


def _turns(*lines: str) -> str:
    return "\n".join(lines)


def test_a_quoted_term_joins_turns_on_the_same_words():
    """'keep the word "should"' then 'prefers the "should" wording' a few turns later: one
    option, though the two labels share no opening words."""
    evs = events(
        _turns(
            "CHAIR: Brazil, please.",
            'Thank you. On article 9 we would keep the word "should". We also thank the Chair.',
            "CHAIR: Thank you. Kenya.",
            'Kenya prefers the "should" wording in article 9 as well.',
        )
    )
    (e,) = evs
    assert e.proposer == "BRA" and camp(e, "KEN") == "A"


def test_a_quoted_term_on_another_article_is_another_option():
    evs = events(
        _turns(
            "CHAIR: Brazil, please.",
            'Thank you. We would keep the word "should" in article 9.',
            "CHAIR: Kenya.",
            'Kenya prefers the "should" wording in article 30.',
        )
    )
    assert len(evs) == 2


def test_opposing_a_removal_joins_the_request_to_delete_the_same_words():
    evs = events(
        _turns(
            "CHAIR: Peru.",
            "Thank you, Chair. We ask that the reference to online hate speech in article 14 be "
            "deleted.",
            "CHAIR: Norway.",
            "Norway opposes removing hate speech from article 14.",
        )
    )
    (e,) = evs
    assert e.proposer == "PER" and camp(e, "NOR") == "B"


def test_a_shared_common_name_alone_does_not_merge_two_options():
    """'human rights' is in half the options of this negotiation: it joins nothing."""
    evs = events(
        "Mexico supported the inclusion of human rights safeguards. Later, India also backed "
        "human rights language in the preamble."
    )
    assert len(evs) == 2


@pytest.mark.parametrize(
    "text",
    ["We will keep talking to all sides.", "Egypt keeps its word.", "Chile kept quiet."],
)
def test_keep_is_a_side_only_on_a_piece_of_text(text):
    assert events(text) == []


def test_keeping_a_provision_backs_it():
    (e,) = events("Ghana would keep article 5 as drafted.")
    assert e.proposer == "GHA" and "article 5" in e.option


def test_the_kingdom_in_a_monarchys_own_turn_is_the_speaker():
    (e,) = events("SAUDI ARABIA: The Kingdom welcomes the adoption of the convention.")
    assert e.proposer == "SAU"


def test_welcoming_the_adoption_joins_the_adoption_already_welcomed():
    (e,) = events(
        _turns(
            "SAUDI ARABIA: The Kingdom welcomes the adoption of the convention.",
            "CHAIR: Thank you. Ghana.",
            "GHANA: We also welcome the adoption.",
        )
    )
    assert e.proposer == "SAU" and camp(e, "GHA") == "A"


def test_the_adoption_of_two_numbered_resolutions_stays_two_options():
    evs = events(
        "Chile welcomed the adoption of resolution 74/247. Peru opposed the adoption of "
        "resolution 75/282."
    )
    assert len(evs) == 2


@pytest.mark.parametrize(
    "second",
    [
        "The measure had 47 co-authors, among them China, India and Iran.",
        "Its co-sponsors included China, India and Iran.",
        "The ministry listed 47 co-sponsors, among them China, India and Iran.",
    ],
)
def test_a_co_sponsor_list_joins_the_text_just_reported(second):
    """Before this, the co-sponsors made a text of their own, apart from the resolution."""
    (e,) = events("The Assembly adopted a Russian-drafted resolution on cybercrime. " + second)
    assert e.proposer == "RUS" and {"CHN", "IND", "IRN"} <= set(e.support)


def test_co_sponsors_of_a_draft_named_by_symbol_are_its_own():
    evs = events(
        "The Assembly adopted a Russian-drafted resolution on cybercrime. The co-sponsors of "
        "draft A/C.3/74/L.11 included China and Iran."
    )
    assert len(evs) == 2


@pytest.mark.parametrize("camp_words,side", [("no", "B"), ("yes", "A"), ('"no"', "B")])
def test_those_in_a_named_camp_take_its_side(camp_words, side):
    (e,) = events(
        "Russia tabled a resolution on cybercrime, which was approved by 88 votes to 58. "
        f"Those in the {camp_words} camp included Canada and Georgia."
    )
    assert e.proposer == "RUS" and camp(e, "CAN") == side and camp(e, "GEO") == side


@pytest.mark.parametrize(
    "subject", ["Russia's Foreign Ministry", "Russia's deputy foreign minister"]
)
def test_a_states_ministry_or_minister_is_the_state(subject):
    (e,) = events(f"{subject} on Friday welcomed the endorsement of its cybercrime resolution.")
    assert e.proposer == "RUS"


def test_a_states_foreign_policy_is_no_actor():
    assert events("Russia's foreign policy was criticised.") == []
