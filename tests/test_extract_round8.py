"""Issue 16, eighth round: constructions met in new development sets of real reports.

Sentences in our own words, in general grammar."""

from __future__ import annotations

import pytest

from tests.test_extract_allies import camp, events


@pytest.mark.parametrize(
    ("text", "backer", "opponent"),
    [
        ("Chile opposed the possible adoption of the Russia-backed resolution.", "RUS", "CHL"),
        ("Kenya opposed the inclusion of the Chinese-backed language.", "CHN", "KEN"),
        ("Peru expressed concerns about the adoption of the Iranian-sponsored text.", "IRN", "PER"),
        ("Mexico objected to a US-backed proposal.", "USA", "MEX"),
    ],
)
def test_a_hyphen_backer_inside_an_opposed_object_backs_the_object(text, backer, opponent):
    """Before this, 'opposed the adoption of the X-backed resolution' put X with the opponent."""
    (e,) = events(text)
    assert camp(e, backer) == "A"
    assert camp(e, opponent) == "B"


@pytest.mark.parametrize(
    "text",
    [
        "Brazil has not signed the Budapest Convention.",
        "That treaty is an older accord, which Egypt and India have not joined.",
        "Viet Nam has not yet ratified the Convention.",
    ],
)
def test_staying_out_of_a_treaty_takes_no_side(text):
    assert events(text) == []


def test_not_joining_consensus_is_still_opposition():
    (e,) = events("Iran did not join the consensus on the text.")
    assert camp(e, "IRN") == "B"


@pytest.mark.parametrize(
    "text",
    [
        "The countries sponsoring the draft were: Cuba, Ghana, Laos and Nepal.",
        "The states co-sponsoring the draft are Cuba, Ghana, Laos and Nepal.",
    ],
)
def test_a_fronted_participle_of_sponsoring_names_the_sponsors(text):
    (e,) = events(text)
    assert {camp(e, c) for c in ("CUB", "GHA", "LAO", "NPL")} == {"A"}


def test_short_names_of_two_caribbean_states():
    (e,) = events("Voting yes: Dominica, Saint Vincent, St. Kitts and Grenada.")
    assert {"DMA", "VCT", "KNA", "GRD"} <= set(e.actors())


def test_we_the_representatives_of_a_list_is_who_we_are_below():
    text = (
        "We, the representatives of Chile, Ghana and Nepal\n\n"
        "We welcome the adoption of the new convention.\n"
    )
    (e,) = events(text)
    assert {camp(e, c) for c in ("CHL", "GHA", "NPL")} == {"A"}


def test_we_the_representatives_in_one_sentence_still_reads_the_sentence():
    (e,) = events("We, the representatives of Chile and Nepal, welcome the adoption of the text.")
    assert {camp(e, c) for c in ("CHL", "NPL")} == {"A"}


@pytest.mark.parametrize(
    "text",
    [
        "Chile proposed a new title. Peru proposed new wording, while Japan opposed the proposals "
        "from Chile and Peru.",
        "Chile proposed a new title. Peru proposed new wording, while Japan, backed by several "
        "other delegations, opposed the proposals from Chile and Peru.",
    ],
)
def test_the_proposals_from_a_and_b_are_theirs(text):
    """Before this, 'from Chile and Peru' made two more proposals of a clause."""
    evs = events(text)
    assert len(evs) == 2
    assert {e.proposer for e in evs} == {"CHL", "PER"}
    assert all(camp(e, "JPN") == "B" for e in evs)


@pytest.mark.parametrize("noun", ["pleas", "calls"])
def test_a_demonym_before_pleas_or_calls_is_their_author(noun):
    (e,) = events(f"Ghana endorsed Peruvian {noun} for a new instrument.")
    assert camp(e, "PER") == camp(e, "GHA") == "A"


def test_loved_is_support():
    (e,) = events("Some governments (Cuba, Laos) loved the draft.")
    assert camp(e, "CUB") == camp(e, "LAO") == "A"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The backers of the text were Chile and Peru.", "A"),
        ("The opponents of the deletion were Chile and Peru.", "B"),
    ],
)
def test_a_fronted_camp_of_a_text_names_its_members(text, side):
    (e,) = events(text)
    assert set(e.actors()) == {"CHL", "PER"}
    assert set(e.oppose if side == "B" else e.support) == {"CHL", "PER"}


@pytest.mark.parametrize("lead", ["In 2019, ", "In December 2019, ", ""])
def test_a_second_by_list_after_a_fronted_year_co_sponsors_the_same_text(lead):
    """Before this, 'In 2019, a resolution was made by A, sponsored by B, C' gave B a rival
    text of its own: the fronted year hid the resolution from the coreference of texts."""
    (e,) = events(f"{lead}a resolution was made by Chile, sponsored by Ghana, Nepal and Peru.")
    assert e.proposer == "CHL"
    assert set(e.support) == {"GHA", "NPL", "PER"}


def test_a_side_not_taken_on_the_named_text_names_another_text():
    """Before this, 'endorsed Russian pleas for X' after abstaining on Russia's draft joined
    the draft, where the abstention stayed and the endorsement was lost."""
    evs = events(
        "Chile abstained on the Russian draft. Later, Chile endorsed Russian pleas for a new "
        "instrument."
    )
    assert len(evs) == 2
    assert [e.proposer for e in evs] == ["RUS", "RUS"]
    assert evs[0].neutral == ["CHL"] and evs[1].support == ["CHL"]


def test_a_second_backer_of_the_same_named_text_still_joins_it():
    (e,) = events("Chile opposed the Russian draft. Peru supported the Russian draft.")
    assert camp(e, "CHL") == "B" and camp(e, "PER") == "A"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Hailing a landmark convention, Ghana's delegate said it would help.", "A"),
        ("Welcoming the adoption of the text, the representative of Ghana spoke.", "A"),
        ("Rejecting the amendment, Ghana said it went too far.", "B"),
    ],
)
def test_an_opening_participle_of_a_side_is_the_subjects_side(text, side):
    (e,) = events(text)
    assert camp(e, "GHA") == side
    assert e.confidence < 0.9, "calibrated as a lone subject with a side verb"


def test_greeting_people_in_an_opening_participle_takes_no_side():
    assert events("Welcoming the delegates, Ghana said the session would be short.") == []


def test_the_plural_proposals_of_an_author_are_each_of_its_recent_texts():
    """Before this, 'the proposals from Chile' reached only Chile's last text."""
    evs = events(
        "Chile proposed a new title and suggested an extra protocol. Peru proposed new "
        "wording, while Japan opposed the proposals from Chile and Peru."
    )
    assert [e.proposer for e in evs] == ["CHL", "CHL", "PER"]
    assert all(camp(e, "JPN") == "B" for e in evs)


def test_one_text_named_in_the_plural_is_still_the_one_text():
    (e,) = events("Chile proposed a new title. Japan opposed Chile's proposals.")
    assert e.proposer == "CHL" and camp(e, "JPN") == "B"


@pytest.mark.parametrize(
    "text",
    [
        "The committee was set up following a move by Ghana.",
        "The committee was set up following an initial move in 2017 by Ghana.",
        "A bid by Ghana to delay the vote failed.",
    ],
)
def test_a_move_or_bid_by_an_actor_is_its_proposal(text):
    (e,) = events(text)
    assert e.proposer == "GHA"


def test_a_move_welcomed_by_an_actor_is_still_support():
    (e,) = events("The move was welcomed by Ghana.")
    assert e.proposer is None and e.support == ["GHA"]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Japan continued to express concerns about the draft.", "B"),
        ("Japan continues to voice support for the draft.", "A"),
    ],
)
def test_a_light_verb_in_its_base_form_after_continue_to(text, side):
    """Before this, 'continued to express concerns about X' took no side (only 'expressed')."""
    (e,) = events(text)
    assert camp(e, "JPN") == side


def test_the_push_came_from_an_actor_is_its_proposal():
    (e,) = events("The initial push came from Ghana.")
    assert e.proposer == "GHA"


def test_thrown_its_support_behind_is_support():
    (e,) = events("Ghana has thrown its support behind the convention.")
    assert camp(e, "GHA") == "A"
