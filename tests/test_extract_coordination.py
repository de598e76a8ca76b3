"""Two verbs of one subject in one sentence, and opponents' views (issue 16).

The other side on an object of its own is an event of its own; the same side again, or an
object pointing back, is not. An opponent's view of its own ("Kenya opposed the annex") is
labelled as what it is against, and those who take a side on the annex itself ("while Peru
supported it") stand against that view."""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from tests.test_extract_prose import sides


def against_the_object(e, code: str) -> bool:
    """`code` is against the event's object: an opponent of it, or a backer of a view against
    it (an option labelled 'against ...')."""
    if e.option.startswith("against "):
        return code == e.proposer or code in e.support
    return code in e.oppose


@pytest.mark.parametrize(
    "text, code, order",
    [
        ("Kenya backed the chair's draft but rejected the annex on data.", "KEN", "AB"),
        ("Peru called for a broad scope and opposed any list of crimes.", "PER", "AB"),
        ("Ghana objected to the new preamble and endorsed the older text.", "GHA", "BA"),
        ("Fiji welcomed the review clause but did not support the annex.", "FJI", "AB"),
    ],
)
def test_the_other_side_on_another_object_is_a_second_event(text, code, order):
    events = extract_text(text).events
    assert len(events) == 2, events
    got = "".join("B" if against_the_object(e, code) else "A" for e in events)
    assert got == order
    assert all(e.actors() == {code} for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Chile strongly supports the gender clause and would resist any dilution of it.",
        "Togo supported the draft and welcomed the spirit of compromise.",
    ],
)
def test_a_restatement_or_the_same_side_again_is_one_event(text):
    assert len(sides(text)) == 1


@pytest.mark.parametrize("later", ["while Peru supported it", "but Peru backed the text"])
def test_a_side_on_the_object_itself_stands_against_the_opponents_view(later):
    (e,) = extract_text(f"Kenya opposed the annex on data, {later}.").events
    assert e.proposer == "KEN" and e.option == "against the annex on data"
    assert e.oppose == ["PER"] and e.support == []


def test_those_joining_an_opponent_share_its_view():
    (e,) = extract_text("Kenya opposed the annex on data, joined by Peru.").events
    assert against_the_object(e, "KEN") and e.support == ["PER"]


def test_several_opponents_of_an_idea_are_labelled_against_it():
    text = "Russia and China opposed data retention, while the EU supported it."
    (e,) = extract_text(text).events
    assert e.option == "against data retention"
    assert sorted(e.support) == ["CHN", "RUS"] and e.oppose == ["EU"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile, backed by Peru, opposed the annex.",
        "Chile opposed the annex, together with Peru.",
        "Chile opposed the annex. Peru did the same.",
    ],
)
def test_who_shares_the_opponents_side_backs_its_view(text):
    (e,) = extract_text(text).events
    assert e.proposer == "CHL" and e.option == "against the annex" and e.support == ["PER"]


def test_a_which_clause_after_the_object_takes_a_side_on_the_object():
    (e,) = extract_text("Chile opposed the annex, which Peru had proposed.").events
    assert e.option == "against the annex" and e.oppose == ["PER"]


def test_rejecting_a_named_actors_proposal_is_opposition_to_that_proposal():
    (e,) = extract_text("Kenya rejected the proposal by Brazil.").events
    assert (e.proposer, e.oppose) == ("BRA", ["KEN"]) and not e.option.startswith("against")


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru disagreed on the annex.",
        "Chile and Peru differed over the annex.",
        "Chile clashed with Peru over the annex.",
        "Chile and Peru disagreed with each other on the annex.",
    ],
)
def test_a_quarrel_between_the_named_makes_them_no_allies(text):
    assert extract_text(text).events == []


def test_disagreeing_after_a_proposal_opposes_it():
    (e,) = extract_text("Kenya proposed an annex. Chile and Peru disagreed.").events
    assert e.proposer == "KEN" and sorted(e.oppose) == ["CHL", "PER"]


def test_a_refused_support_is_labelled_by_its_object():
    (e,) = extract_text("Chile refused to endorse the annex.").events
    assert against_the_object(e, "CHL") and e.option in ("against the annex", "the annex")


def test_an_actor_excepted_from_the_subject_takes_no_side():
    (e,) = extract_text("The EU, with the exception of Hungary, supported the text.").events
    assert "HUN" not in e.actors() and "EU" in e.actors()


@pytest.mark.parametrize(
    "opening",
    [
        "Speaking on behalf of the African Group",
        "On behalf of the African Group",
        "Speaking for the African Group",
    ],
)
def test_an_opening_on_behalf_phrase_names_the_speaker_after_it(opening):
    (e,) = extract_text(f"{opening}, Kenya backed the text.").events
    assert e.proposer == "KEN" and e.on_behalf_of == {"KEN": "AFRICAN_GROUP"}


@pytest.mark.parametrize(
    "text",
    [
        "Brazil: We cannot accept article 5 as drafted.\nNorway: We support article 5.\n",
        "Brazil objected to Article 5 as it stands. Norway backed Article 5.",
    ],
)
def test_sides_on_one_provision_named_two_ways_are_one_event(text):
    (e,) = extract_text(text).events
    assert "BRA" in e.oppose and "NOR" in (e.proposer, *e.support)


def test_different_provisions_stay_apart():
    assert len(extract_text("Brazil opposed article 5. Norway supported article 5(2).").events) == 2


@pytest.mark.parametrize(
    "text, excepted",
    [
        ("Chile and Peru, but not Kenya, supported the text.", "KEN"),
        ("Chile, unlike Peru, supported the text.", "PER"),
    ],
)
def test_a_named_exception_takes_neither_the_subjects_side_nor_its_place(text, excepted):
    (e,) = extract_text(text).events
    assert excepted not in e.actors() and "CHL" in e.actors()


def test_a_that_clause_about_the_object_names_its_author():
    (e,) = extract_text("Peru turned down the annex that Kenya had tabled.").events
    assert against_the_object(e, "PER") and not against_the_object(e, "KEN")
    assert "KEN" in e.actors() and not e.option.endswith("that")


def test_that_after_a_speech_verb_opens_a_clause_of_its_own():
    (e,) = extract_text("Peru said that Kenya had proposed an annex.").events
    assert e.proposer == "KEN" and e.actors() == {"KEN"}


@pytest.mark.parametrize("phrase", ["turned down", "pushed back against", "spoke out against"])
def test_phrasal_opposition_verbs(phrase):
    (e,) = extract_text(f"Peru {phrase} the proposal by Kenya.").events
    assert (e.proposer, e.oppose) == ("KEN", ["PER"])


def test_the_opposite_view_opposes_what_was_just_backed():
    (e,) = extract_text("Chile backed the text. Peru took the opposite view.").events
    assert (e.proposer, e.oppose) == ("CHL", ["PER"])


def test_a_second_demand_with_an_object_of_its_own_is_a_second_event():
    text = "FIJI called for a registry of emissions data, and stressed the need for peer review."
    events = extract_text(text).events
    assert [e.proposer for e in events] == ["FJI", "FJI"]


def test_a_second_demand_about_the_first_is_the_same_event():
    text = "Fiji proposed a registry of emissions data and called for its use in every review."
    assert len(extract_text(text).events) == 1


def test_a_speakers_it_in_its_own_clause_backs_nothing_said_before():
    text = "Norway proposed to delete paragraph 3. Togo said it had some doubts."
    (e,) = extract_text(text).events
    assert "TGO" not in e.actors()
    text = "Norway proposed to delete paragraph 3. Togo said it supported it."
    (e,) = extract_text(text).events
    assert e.support == ["TGO"]


def test_names_on_lines_of_their_own_under_a_colon_line_are_a_list():
    text = "Co-sponsors of the draft resolution:\nChile\nPeru\nBolivia (Plurinational State of)\n"
    (e,) = extract_text(text).events
    assert sorted(e.support) == ["BOL", "CHL", "PER"]


def test_a_speaker_label_line_still_opens_a_turn():
    (e,) = extract_text("BRAZIL:\nWe support the text.\nNORWAY:\nWe oppose it.\n").events
    assert (e.proposer, e.oppose) == ("BRA", ["NOR"])


def test_semicolons_separate_the_names_of_a_vote_list():
    text = "In favour (3): Chile; Peru; Kenya.\nAgainst (2): Brazil; Norway.\n"
    (e,) = extract_text(text).events
    assert sorted(e.support) == ["CHL", "KEN", "PER"] and sorted(e.oppose) == ["BRA", "NOR"]


@pytest.mark.parametrize("tail", ["eight others", "a few others", "12 others"])
def test_unnamed_others_at_the_end_of_a_list_keep_its_verb(tail):
    (e,) = extract_text(f"Brazil, Norway and {tail} voted against the text.").events
    assert sorted(e.oppose) == ["BRA", "NOR"]
