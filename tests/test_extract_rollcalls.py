"""Roll calls and vote lists as real pages print them (issue 16, sixth round): the short and
inverted names of UN tables, the label of a relative clause, a state named as one of the
voters.

Sentences and lists in our own words, in the layouts the new dev set showed."""

from __future__ import annotations

import pytest

from tests.test_extract_allies import camp, events


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Dem Rep of Congo", "COD"),
        ("Dem. Rep. of the Congo", "COD"),
        ("Congo, Dem. Rep.", "COD"),
        ("Congo, Rep.", "COG"),
        ("DPR Korea", "PRK"),  # before: "Korea", the other Korea
        ("Dem PR of Korea", "PRK"),
        ("Korea, Dem. People's Rep.", "PRK"),
        ("Korea, Republic of", "KOR"),
        ("Rep of Moldova", "MDA"),
        ("Lao People's Dem Rep", "LAO"),
        ("Syrian Arab Rep", "SYR"),
        ("Russian Fed", "RUS"),
        ("Micronesia, Fed. Sts.", "FSM"),
        ("Libyan Arab Jamahiriya", "LBY"),
    ],
)
def test_short_and_inverted_names_of_roll_calls_are_read(name, code):
    (e,) = events(f"In favour: {name}, Chile.")
    assert e.support == [code, "CHL"]  # the name, and the list goes on after it


@pytest.mark.parametrize(
    ("label", "stance"),
    [
        ("Those who opted to abstain from the voting for the ceasefire:", "neutral"),
        ("The list of those who voted against the ceasefire:", "oppose"),
        ("Countries that chose to vote in favour of the text:", "support"),
    ],
)
def test_a_relative_clause_label_takes_its_first_side(label, stance):
    (e,) = events(f"{label}\n- Albania\n- Australia\n")
    assert getattr(e, stance) == ["ALB", "AUS"]  # not "voting for" at the label's end


def test_one_of_the_voters_and_the_states_the_vote_included():
    (e,) = events(
        "Malaysia was one of the 120 countries that voted in favour of the ceasefire, "
        "which included our neighbours Singapore and Thailand."
    )
    assert e.support == ["MYS", "SGP", "THA"]  # one vote, not a second event


def test_one_of_the_first_speakers_takes_no_side():
    assert events("Chile was one of the first speakers.") == []


def test_a_name_that_opens_with_the_goes_on_in_the_list():
    (e,) = events("In favour: Gabon, The Gambia, Germany.")
    assert e.support == ["GAB", "GMB", "DEU"]  # before: the list stopped at "The"


def test_numbered_lines_of_a_name_and_its_vote_are_one_roll_call():
    (e,) = events(
        "The resolution was passed.\n\n  1. Algeria - Yes\n\n  2. Ecuador - Yes\n\n"
        "  3. Republic of Korea (South) - Yes\n\n  13. Russia - Abstained\n"
    )
    assert (e.support, e.neutral) == (["DZA", "ECU", "KOR"], ["RUS"])


def test_a_heading_like_line_without_a_vote_is_still_a_heading():
    assert events("Russia - The Talks\n\nThe talks went on.\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "The resolution was approved with 18 votes in favor (Argentina, Brazil), 9 votes "
        "against (Bolivia, Mexico), 6 abstentions (Barbados, Guyana) and one absent country "
        "(Belize).",
        "Voting YES were: Argentina, Brazil.\n\nVoting NO were: Bolivia, Mexico.\n\n"
        "ABSTAINING were: Barbados, Guyana.\n\nABSENT were: Belize.",
    ],
)
def test_every_side_of_a_counted_or_fronted_vote_is_read(text):
    (e,) = events(text)
    assert (e.support, e.oppose, e.neutral) == (["ARG", "BRA"], ["BOL", "MEX"], ["BRB", "GUY"])
    assert "BLZ" not in e.actors()  # absent: no side


def test_the_vote_count_names_the_text_it_approved():
    (e,) = events("The resolution was approved with 18 votes in favor (Argentina, Brazil).")
    assert e.option == "The resolution"


def test_joining_in_sponsoring_the_draft_resolution_backs_the_draft_just_named():
    (e,) = events(
        "Chile tabled a draft resolution. Peru joined in sponsoring the draft resolution. "
        "At the same meeting, Kenya joined in sponsoring the draft resolution."
    )
    assert (e.proposer, e.support) == ("CHL", ["PER", "KEN"])


def test_a_sponsors_line_reads_a_name_that_opens_with_the():
    (e,) = events(
        "Chile, Switzerland, the former Yugoslav Republic of Macedonia and Peru: draft "
        "resolution\n\nThe General Assembly, ..."
    )
    assert e.support == ["CHL", "CHE", "MKD", "PER"]  # before: only the names after "the"


def test_yes_no_and_abstention_labels_are_one_vote():
    (e,) = events("No:\n\nAustralia, Canada.\n\nAbstentions:\n\nAlbania.\n\nYes:\n\nAlgeria.\n")
    assert (e.support, e.oppose, e.neutral) == (["DZA"], ["AUS", "CAN"], ["ALB"])


@pytest.mark.parametrize(
    ("second", "code", "stance"),
    [
        ("The seven naysayers were the usual ones: Belarus and Syria.", "SYR", "oppose"),
        ("Remarkably only 32 abstained and the naysayers were the usual ones: Belarus, Syria.",
         "BLR", "oppose"),
        ("The main backers were Chile and Peru.", "PER", "support"),
        ("Serbia, Russia's traditional friend, was the only European state that abstained.",
         "SRB", "neutral"),
        ("Most members abstained, most notably Brazil, India, and South Africa.", "IND",
         "neutral"),
    ],
)  # fmt: skip
def test_a_camp_named_before_its_members(second, code, stance):
    (e,) = events(f"France tabled a text. {second}")
    assert e.proposer == "FRA"
    assert code in getattr(e, stance)


def test_none_of_a_group_takes_the_other_side():
    (e,) = events("France tabled a text. None of the Arab states endorsed it.")
    assert e.oppose == ["ARAB_GROUP"]  # before: the group endorsed it


@pytest.mark.parametrize("backed", ["its Russian partner", "its ally Russia"])
def test_backing_an_ally_named_by_a_noun_takes_its_side(backed):
    (e,) = events(f"France tabled a text. Russia opposed it. China backed {backed}.")
    assert e.oppose == ["RUS", "CHN"]


def test_the_labels_of_one_roll_call_with_no_text_named_are_one_vote():
    (e,) = events(
        "Security Council vote on demanding a ceasefire.\nAgainst: United States\n"
        "Abstained: United Kingdom\nIn Favor:\nChina\nFrance\nJapan\n"
    )
    assert (e.support, e.oppose, e.neutral) == (["CHN", "FRA", "JPN"], ["USA"], ["GBR"])


def test_a_colon_list_joins_the_vote_told_before_it():
    (e,) = events(
        "While the United States and Israel voted against the resolution, most supported it.\n\n"
        "Here is how each country voted:\n\nFor (3):\n\n\u2013 Chile, Peru, Kenya\n"
    )
    assert {camp(e, c) for c in ("USA", "ISR")} == {"B"}
    assert {camp(e, c) for c in ("CHL", "PER", "KEN")} == {"A"}


@pytest.mark.parametrize(
    "text",
    [
        "The US, Israel, and some European nations opposed the resolution.",
        "France tabled a text. The UK and the US, two permanent members, opposed it.",
    ],
)
def test_an_unnamed_conjunct_or_an_apposition_ends_the_list_before_its_verb(text):
    (e,) = [e for e in events(text) if "USA" in e.actors()]
    assert camp(e, "USA") == "B"  # before: no verb found after the unnamed tail


@pytest.mark.parametrize("label", ["In Favor", "In favour", "Voted in Favor", "For (2)"])
def test_a_vote_label_in_either_spelling_joins_the_vote_told_before(label):
    (e,) = events(
        f"While the United States voted against the resolution, most supported it.\n\n"
        f"{label}:\n\nChile, Peru\n"
    )
    assert (e.support, e.oppose) == (["CHL", "PER"], ["USA"])


def test_an_anti_demonym_names_the_target_not_the_author():
    evs = events("Burundi and China voted against the anti-Russian resolution.")
    assert all(e.proposer != "RUS" for e in evs)


def test_counted_fronted_voters_after_an_unknown_name():
    (e,) = events(
        "France tabled a text. The 27 countries voting in favor of the resolution include NATO "
        "and EU countries, as well as Argentina, Benin and Gambia."
    )
    assert {"ARG", "BEN", "GMB"} <= set(e.support)


def test_but_also_by_after_a_by_phrase_without_names():
    (e,) = events("The text was co-sponsored mainly by countries of the West, but also by Ukraine.")
    assert e.support == ["UKR"]


def test_a_question_heading_then_a_count_introduces_the_list():
    (e,) = events(
        "The resolution was adopted.\n\nWho voted against?\n5 countries, including:\n"
        "\u2013 Belarus\n\u2013 Eritrea\nWho abstained?\n34 countries, including:\n"
        "Algeria, Angola, Armenia.\n"
    )
    assert (e.oppose, e.neutral) == (["BLR", "ERI"], ["DZA", "AGO", "ARM"])


def test_a_heading_over_lettered_blocks_of_names_names_their_side():
    (e,) = events(
        "Here is a breakdown of the vote:\n\nMember states that voted in favour of the resolution"
        "\n\nA: Afghanistan, Albania\nB: Bahrain, Belgium\n"
    )
    assert e.support == ["AFG", "ALB", "BHR", "BEL"]


def test_voted_contra_is_against():
    (e,) = events(
        "The representative named the states that voted contra: Russia, Armenia and Belarus."
    )
    assert e.oppose == ["RUS", "ARM", "BLR"]
