"""Clause edges and speakers (issue 16, sixth round): a comma that ends a phrase and opens the
next clause, a group named before the state that speaks for it, a camp named after its leader,
a veto said as a verb or a noun.

Sentences in our own words, in general grammar."""

from __future__ import annotations

import pytest

from tests.test_extract_allies import camp, events


@pytest.mark.parametrize(
    "text",
    [
        "On the proposal by Chile, Peru said it could not support it.",
        "Sponsored by Chile, Peru opposed the text.",
    ],
)
def test_a_bare_comma_after_a_by_phrase_opens_the_next_clause(text):
    (e,) = events(text)
    assert e.proposer == "CHL"
    assert e.oppose == ["PER"]  # not a second sponsor of Chile's text


def test_a_list_of_names_after_by_still_reads_as_one_list():
    (e,) = events("The draft tabled by Chile, Peru and Mexico was adopted.")
    assert {camp(e, c) for c in ("CHL", "PER", "MEX")} == {"A"}


@pytest.mark.parametrize(
    ("text", "speaker", "group", "side"),
    [
        (
            "The Arab Group, represented by Algeria, opposed the amendment.",
            "DZA",
            "ARAB_GROUP",
            "B",
        ),
        (
            "The African Group, speaking through Egypt, supported the text.",
            "EGY",
            "AFRICAN_GROUP",
            "A",
        ),
        ("The EU, through Spain, proposed to delete article 5.", "ESP", "EU", "A"),
    ],
)
def test_a_group_named_before_its_speaker_is_spoken_for(text, speaker, group, side):
    (e,) = events(text)
    assert camp(e, speaker) == side
    assert e.on_behalf_of == {speaker: group}
    assert group not in e.actors()  # the state speaks; the group is who it speaks for


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A US-led coalition blocked the proposal.", "USA"),
        ("A Russian-led group of states opposed the text.", "RUS"),
        ("The US-led bloc rejected the amendment.", "USA"),
    ],
)
def test_a_camp_named_after_its_leader_takes_the_verbs_side(text, code):
    (e,) = events(text)
    assert e.oppose == [code]
    assert e.proposer is None  # before: the US "proposed" a "bloc rejected the amendment"


def test_a_led_committee_still_takes_no_side():
    assert events("The Algerian-led committee adopted the text.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia will veto the text.",
        "Russia threatened to veto the text.",
        "A spokesman said Russia would veto the text.",
        "The Kremlin rejected the text.",
    ],
)
def test_a_veto_to_come_or_a_metonym_is_opposition(text):
    (e,) = events(text)
    assert e.oppose == ["RUS"]


def test_a_veto_used_after_a_proposal_opposes_that_proposal():
    (e,) = events("France proposed a text on Mali. Russia wielded its veto, and China abstained.")
    assert e.proposer == "FRA"
    assert e.oppose == ["RUS"]
    assert e.neutral == ["CHN"]


@pytest.mark.parametrize(
    ("text", "owners", "code", "side"),
    [
        ("Brazil opposed the Cuban and Argentine proposals.", {"CUB", "ARG"}, "BRA", "B"),
        ("Brazil supported the US and Japanese amendments.", {"USA", "JPN"}, "BRA", "A"),
        ("The US and EU drafts drew criticism from China.", {"USA", "EU"}, "CHN", "B"),
        (
            "Delegates discussed the Cuban and Argentine proposals. Brazil supported both.",
            {"CUB", "ARG"},
            "BRA",
            "A",
        ),
    ],
)
def test_names_sharing_one_plural_noun_each_own_a_text(text, owners, code, side):
    evs = events(text)
    assert {e.proposer for e in evs} == owners  # one event each, not one for the last name
    assert all(camp(e, code) == side for e in evs)


def test_one_name_before_a_modified_noun_still_owns_it():
    (e,) = events("Brazil backed the Canadian revised proposal.")
    assert (e.proposer, e.support) == ("CAN", ["BRA"])


def test_a_by_list_after_a_title_of_members_names_the_authors():
    (e,) = events(
        "The resolution, put forward by UNSC elected members Guyana, Japan and Malta, "
        "called for a ceasefire."
    )
    assert (e.proposer, e.support) == ("GUY", ["JPN", "MLT"])


def test_only_supporting_a_kind_of_text_is_a_condition_not_a_side():
    (e,) = events(
        "France tabled a draft. The US will only support a resolution that demands more. "
        "The United States could not support it."
    )
    assert (e.proposer, e.oppose) == ("FRA", ["USA"])  # "it" is France's draft


def test_a_verb_without_a_side_then_and_a_verb_with_one():
    (e,) = events(
        "Paraguay and Gambia spoke on Taiwan's behalf and asked for the application to be "
        "placed on the agenda. But Cuba and China opposed the proposal."
    )
    assert {camp(e, c) for c in ("PRY", "GMB")} == {"A"}
    assert {camp(e, c) for c in ("CUB", "CHN")} == {"B"}


@pytest.mark.parametrize(
    "text",
    [
        "Do you expect Russia to consider and support such a draft?",
        "Chair Liana Bratasida (Indonesia) opened the session and suggested leaving it.",
    ],
)
def test_no_second_verb_for_an_infinitive_or_an_officers_nationality(text):
    assert events(text) == []


def test_a_relative_aside_inside_a_list_keeps_the_list_going():
    (e,) = events(
        "But China, which regards the island as its own, and Pakistan opposed the motion."
    )
    assert {camp(e, "CHN"), camp(e, "PAK")} == {"B"}


@pytest.mark.parametrize(("verb", "side"), [("vote no", "B"), ("vote yes", "A")])
def test_a_vote_to_come_takes_its_side(verb, side):
    (e,) = events(f"France tabled a text. China said it would {verb}.")
    assert camp(e, "CHN") == side


@pytest.mark.parametrize(
    ("second", "codes", "side"),
    [
        ("Russia, China, and Burkina Faso were the three countries that opposed it.",
         ("RUS", "CHN", "BFA"), "B"),
        ("In the vote, the countries that supported the resolution included the United States "
         "and Japan.", ("USA", "JPN"), "A"),
    ],
)  # fmt: skip
def test_voters_named_as_the_countries_that_voted(second, codes, side):
    (e,) = events(f"France tabled a text. {second}")
    assert e.proposer == "FRA"
    assert {camp(e, c) for c in codes} == {side}


def test_an_anti_or_pro_prefix_names_no_actor():
    assert events("The board passed its anti-Iran resolution.") == []
    assert events("Pro-Russia states opposed the text.") == []


@pytest.mark.parametrize(
    "text", ["The US-Albania draft was vetoed by Russia.", "Russia vetoed the US/Albania draft."]
)
def test_names_joined_by_a_hyphen_author_one_text(text):
    (e,) = events(text)
    assert (e.proposer, e.support, e.oppose) == ("USA", ["ALB"], ["RUS"])


def test_described_as_far_after_a_long_object_is_a_verdict():
    (e,) = events(
        "The EU has described India's call for an urgent meeting of the conference to discuss "
        "its response, including a proposed waiver of some protections, as \u201cpremature\u201d."
    )
    assert (e.proposer, e.oppose) == ("IND", ["EU"])


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia, Iran and Russia are lobbying hard to strike this article from the draft.",
        "Saudi Arabia and Iran lobbied to strike this article from the draft.",
    ],
)
def test_lobbying_to_strike_a_text_asks_for_it(text):
    (e,) = events(text)
    assert "SAU" in e.actors() and camp(e, "SAU") == "A"
    assert "strike" in e.option


@pytest.mark.parametrize(
    ("text", "codes", "side"),
    [
        ("France tabled a text. It was supported not only by Britain and Germany but also by "
         "Colombia.", ("GBR", "DEU", "COL"), "A"),
        ("France tabled a text. It was opposed not only by Iran but also by Syria.",
         ("IRN", "SYR"), "B"),
        ("France tabled a text. Chile not only supported the text but also co-sponsored it.",
         ("CHL",), "A"),
    ],
)  # fmt: skip
def test_not_only_is_no_negation(text, codes, side):
    (e,) = events(text)
    assert {camp(e, c) for c in codes} == {side}  # before: "not" put them on the other side


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The resolution was submitted by the New Agenda Coalition (Brazil, Egypt and Ireland).",
         ["BRA", "EGY", "IRL"]),
        ("The proposal was supported by the Like-Minded Group (Egypt, Iran and China).",
         ["EGY", "IRN", "CHN"]),
    ],
)  # fmt: skip
def test_the_members_of_an_unknown_group_in_brackets_take_its_side(text, codes):
    (e,) = events(text)
    assert {camp(e, c) for c in codes} == {"A"}


@pytest.mark.parametrize(
    ("text", "codes", "side"),
    [
        ("The draft resolution was presented by a core group consisting of Canada, Denmark and "
         "Finland.", ("CAN", "DNK", "FIN"), "A"),
        ("The text was opposed by a group composed of Iran and Syria.", ("IRN", "SYR"), "B"),
    ],
)  # fmt: skip
def test_a_by_phrase_naming_a_group_consisting_of_states(text, codes, side):
    (e,) = events(text)
    assert {camp(e, c) for c in codes} == {side}
    assert "consisting" not in e.option and "composed" not in e.option


def test_what_a_state_calls_something_is_no_position():
    assert events("Groups decry what Beijing calls re-education camps.") == []


def test_a_representative_who_voted_to_abstain_is_neutral_on_the_text_just_named():
    (e,) = events(
        "France tabled a text. The representative of Germany noted that he had voted to abstain."
    )
    assert (e.proposer, e.neutral) == ("FRA", ["DEU"])  # one event, not a topic of its own


def test_supporting_the_proposal_as_co_proponents_backs_the_proposal_just_made():
    (e,) = events(
        "COLOMBIA introduced the proposal.\n\nBRAZIL and the US supported the proposal as "
        "co-proponents. Others opposed the listing, including JAPAN and CHINA."
    )
    assert (e.proposer, e.support, e.oppose) == ("COL", ["BRA", "USA"], ["JPN", "CHN"])


def test_praising_the_text_as_an_outcome_is_no_reference_to_a_view_just_stated():
    evs = events(
        "Costa Rica voiced concerns about the lack of safeguards. Ecuador, on the other hand, "
        "praised the text as a balanced outcome."
    )
    assert all(not (e.proposer == "CRI" and "ECU" in e.oppose) for e in evs)


def test_asking_questions_about_a_text_is_no_proposal():
    assert events("Japan and the US asked questions about paragraphs 7, 8 and 9.") == []
