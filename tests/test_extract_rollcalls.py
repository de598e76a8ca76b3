"""Roll calls and vote lists as real pages print them (issue 16, sixth round): the short and
inverted names of UN tables, the label of a relative clause, a state named as one of the
voters.

Sentences and lists in our own words, in the layouts the new dev set showed."""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def events(text: str):
    return extract_text(text).events


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
