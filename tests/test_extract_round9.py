"""Issue 16, ninth round: meeting summaries with several speakers, views backed by name.

Sentences in our own words, in general grammar."""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from tests.test_extract_allies import camp, events


def test_each_reported_speaker_of_a_paragraph_owns_the_next_first_person():
    """Before this, "her delegation" of the second speaker went to the paragraph's first."""
    (e,) = events(
        "The representative of Chile said his country supported the draft. The representative "
        "of Peru said her delegation would vote against it."
    )
    assert camp(e, "CHL") == "A" and camp(e, "PER") == "B"


@pytest.mark.parametrize(
    "text",
    [
        "Also explaining her vote, the delegate of Peru said her delegation had abstained.",
        "The Committee took up the text. The delegate of Peru said her delegation had abstained.",
        "Chile backed the text. Peru's representative said her delegation had abstained.",
    ],
)
def test_a_speaker_named_inside_a_paragraph_resolves_her_delegation(text):
    neutral = [c for e in events(text) for c in e.neutral]
    assert neutral == ["PER"]


def test_an_aside_that_speaks_for_a_group_makes_the_group_the_speaker():
    (e,) = events(
        "The representative of Ghana, speaking on behalf of the African Group, said the Group "
        "welcomed the draft."
    )
    assert e.proposer == "GHA" and e.on_behalf_of == {"GHA": "AFRICAN_GROUP"}


def test_the_group_in_the_behalf_phrase_stays_the_group():
    (e,) = events(
        "The representative of Ghana, speaking on behalf of the Arab Group, said the text "
        "should drop the annex."
    )
    assert e.on_behalf_of == {"GHA": "ARAB_GROUP"}


def test_an_aside_with_its_own_possessive_is_not_a_turn():
    (e,) = events(
        "Iran tabled an amendment. The delegate of Syria, voicing his country's backing for "
        "the amendment, called it fair."
    )
    assert camp(e, "SYR") == "A"


def test_speaking_for_a_group_before_the_speaker_phrase():
    (e,) = events("Speaking for the African Group, the delegate of Kenya welcomed the draft.")
    assert e.proposer == "KEN" and e.on_behalf_of == {"KEN": "AFRICAN_GROUP"}


@pytest.mark.parametrize(
    "second",
    [
        "Norway supported that view.",
        "Norway said it endorsed this position.",
        "The representative of Norway said her delegation backed that view.",
        "Norway's representative said her delegation shared that view.",
    ],
)
def test_backing_a_view_takes_the_side_of_whoever_stated_it(second):
    """ "supported that view" after an objection is the objection's side, not the text's."""
    (e,) = events(f"Canada could not accept the text. {second}")
    assert camp(e, "CAN") == "B" and camp(e, "NOR") == "B"


def test_backing_a_proposal_is_still_backing_it():
    (e,) = events("Russia proposed a new article. China supported that view.")
    assert e.proposer == "RUS" and camp(e, "CHN") == "A"


@pytest.mark.parametrize(
    "text",
    [
        "Russia is the main backer of the draft convention.",
        "Brazil stands for a narrow scope of the convention.",
    ],
)
def test_a_backer_and_standing_for_are_positions(text):
    (e,) = extract_text(text).events
    assert len(e.actors()) == 1 and camp(e, next(iter(e.actors()))) == "A"


def test_letters_that_stand_for_words_take_no_side():
    assert events("The letters AHC stand for Ad Hoc Committee.") == []


@pytest.mark.parametrize(
    ("text", "code", "side"),
    [
        ("Russia proposed a protocol. China was quick to back it.", "CHN", "A"),
        ("Chile kept pushing for a narrow scope.", "CHL", "A"),
        ("Chile was eager to support the proposal.", "CHL", "A"),
        ("Peru took the floor later in the day to reject the annex.", "PER", "B"),
        ("Peru was among those who rejected the annex.", "PER", "B"),
        ("Nor will Peru accept the annex.", "PER", "B"),
        ("Nor does the EU support the annex.", "EU", "B"),
    ],
)
def test_a_side_behind_a_lead_in(text, code, side):
    """ "was quick to", "kept ...ing", "took the floor to", "among those who", "Nor will X":
    the verb after the lead-in takes the side."""
    sides = {c: camp(e, c) for e in events(text) for c in e.actors()}
    assert sides.get(code) == side


def test_a_relative_clause_after_the_subject_takes_its_side():
    (e,) = events("The US, which opposed the annex, was disappointed.")
    assert camp(e, "USA") == "B"


def test_the_main_verb_after_a_relative_clause_that_takes_no_side():
    (e,) = events("The EU, which chairs no group, backed the amendment.")
    assert camp(e, "EU") == "A" and "amendment" in e.option


def test_both_verbs_around_a_relative_clause():
    opts = {e.option: e for e in events("The US, which voted against the text, called for a vote.")}
    assert len(opts) == 2
    assert {camp(e, "USA") for e in opts.values()} == {"A", "B"}


def test_names_with_among_them_before_the_verb():
    (e,) = events("Several governments, Chile and Peru among them, voted no.")
    assert camp(e, "CHL") == camp(e, "PER") == "B"


@pytest.mark.parametrize(("verb", "side"), [("rejected", "B"), ("backed", "A")])
def test_aligning_with_them_takes_the_side_of_those_just_named(verb, side):
    (e,) = events(f"Chile and Peru {verb} the idea. Bolivia aligned itself with them.")
    assert camp(e, "BOL") == camp(e, "CHL") == side


def test_aligning_with_them_inside_the_sentence():
    (e,) = events(
        "Egypt argued that content offences belong in the treaty. Chile and Peru could not "
        "accept that; Bolivia aligned itself with them."
    )
    assert e.proposer == "EGY" and camp(e, "BOL") == "B"


def test_the_chair_names_the_next_speaker_and_a_thanks_line_opens_the_turn():
    text = (
        "CHAIR: Can we go on to chapter six? I have Chile, then Peru. Chile, please.\n"
        "Thanks, Chair. On article 45 we back the proposal from Peru to keep the word may in\n"
        "the text, which will help more states join.\n"
        "CHAIR: Thank you. Does anyone else wish to speak? Bolivia.\n"
        "Thank you, Chair. We oppose the proposal from Peru on article 45.\n"
    )
    sides = {c: camp(e, c) for e in events(text) for c in e.actors()}
    assert sides == {"CHL": "A", "PER": "A", "BOL": "B"}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya supported the goal, but it could not accept the current text.",
        "Although Kenya supported the goal, it could not accept the current text.",
        "The representative of Kenya said that while his country supported the goal, it could "
        "not accept the current text.",
    ],
)
def test_it_after_a_comma_is_the_actor_named_before_it(text):
    """Before this, the objection of "it" was lost (or joined the goal it had backed)."""
    sides = sorted((camp(e, "KEN"), e.option) for e in events(text))
    assert [s for s, _o in sides] == ["A", "B"] and "current text" in sides[1][1]


def test_it_after_a_comma_that_is_a_text_takes_no_side():
    (e,) = events("Russia proposed a text, but it was rejected.")
    assert e.proposer == "RUS" and e.actors() == {"RUS"}


@pytest.mark.parametrize(
    ("text", "code", "side"),
    [
        ("Iran complained that the provisions had been put back.", "IRN", "B"),
        ("On article 6, India maintains its request to say restriction.", "IND", "A"),
    ],
)
def test_complaints_and_maintained_requests(text, code, side):
    (e,) = events(text)
    assert camp(e, code) == side


def test_an_open_mind_in_a_statement_is_neutral():
    text = "Statement of the European Union.\n\nWe keep an open mind on the copyright offence."
    (e,) = events(text)
    assert e.neutral == ["EU"]


def test_the_countries_of_a_group_are_the_group():
    (e,) = events(
        "Russia tabled the draft. Chile and the countries of the European Union voted no."
    )
    assert camp(e, "EU") == camp(e, "CHL") == "B"


@pytest.mark.parametrize(
    "text",
    [
        "Chile backed the annex. Regarding the copyright offence, Peru remained undecided.",
        "Chile backed the annex. As for the copyright offence, Peru keeps an open mind.",
    ],
)
def test_a_fronted_topic_is_the_option_of_a_bare_neutral_view(text):
    """Before this, the neutral view joined the annex Chile had just backed."""
    annex, offence = events(text)
    assert annex.actors() == {"CHL"} and offence.neutral == ["PER"]
    assert "copyright" in offence.option


def test_i_speak_for_a_group_makes_the_group_the_speaker():
    text = (
        "CHAIR: We move to article 54. Ghana, you have the floor.\n"
        "Thank you, Chair. I speak for the African Group. The Group supports deleting the "
        "words where possible.\n"
    )
    (e,) = events(text)
    assert e.proposer == "GHA" and e.on_behalf_of == {"GHA": "AFRICAN_GROUP"}


@pytest.mark.parametrize(
    "text",
    [
        "Those in favour included Cuba and Laos; those against included Chile and Peru.",
        "The states that voted in favour included Cuba and Laos, while those against included "
        "Chile and Peru.",
    ],
)
def test_the_second_clause_of_fronted_voters_joins_the_same_vote(text):
    """Before this, "those against included" made an event of its own."""
    (e,) = events(text)
    assert camp(e, "CUB") == camp(e, "LAO") == "A" and camp(e, "CHL") == camp(e, "PER") == "B"


@pytest.mark.parametrize(
    "text",
    [
        "Iran thanked the chair, then objected to the text.",
        "Iran thanked the chair but objected to the text.",
    ],
)
def test_a_side_after_a_courtesy_and_then(text):
    (e,) = events(text)
    assert camp(e, "IRN") == "B"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Chile's ambassador called the text deeply flawed.", "B"),
        ("Chile called the draft balanced.", "A"),
    ],
)
def test_calling_a_text_a_verdict_takes_its_side(text, side):
    (e,) = events(text)
    assert camp(e, "CHL") == side


def test_calling_a_meeting_to_order_takes_no_side():
    assert events("Chile called the meeting to order.") == []
