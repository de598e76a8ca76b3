"""Statements, explanations of vote and transcripts: who "we" is and which side it takes.

Every sentence here is written for the tests (none is copied from a report or a web page).
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from tests.test_extract_prose import sides


@pytest.mark.parametrize(
    "text",
    [
        "Peru: We can\u2019t go along with the second option.",
        "Peru: We can't go along with the second option.",
        "Peru said it can't accept the second option.",
    ],
)
def test_a_contracted_cannot_is_a_negation(text):
    assert sides(text) == [(None, [], ["PER"], [])]


def test_a_joint_statement_on_behalf_of_a_list_and_my_own_country():
    text = (
        "Third Committee\n\n"
        "I have the honour to deliver this statement on behalf of Peru, Chile and my own "
        "country, Nepal.\n\n"
        "We are pleased to see the wider definition kept in the final text."
    )
    [(prop, sup, opp, neu)] = sides(text)
    assert ({prop} | set(sup)) - {None} == {"NPL", "PER", "CHL"}
    assert (opp, neu) == ([], [])


def test_speaking_for_a_group_under_a_header_naming_the_delivering_state():
    text = (
        "Explanation of vote on behalf of the European Union by the Mission of Fiji\n\n"
        "Madam Chair,\n\nI have the honour to speak on behalf of the European Union.\n\n"
        "The EU cannot support the draft resolution before us."
    )
    res = __import__("loaders.extract", fromlist=["extract_text"]).extract_text(text)
    [ev] = res.events
    assert (ev.proposer, ev.oppose, ev.on_behalf_of) == (None, ["FJI"], {"FJI": "EU"})


def test_a_label_turn_speaking_on_behalf_of_others_shares_its_positions():
    text = "Togo: I speak on behalf of Mali and Peru. We support the shorter list of offences."
    [(prop, sup, opp, neu)] = sides(text)
    assert ({prop} | set(sup)) - {None} == {"TGO", "MLI", "PER"}


def test_the_group_of_77_and_china_is_no_list_of_authors():
    text = (
        "Statement\n\nI have the honour to speak on behalf of the Group of 77 and China.\n\n"
        "We support the chapter on technical assistance."
    )
    assert sides(text) == []


def test_statements_in_the_plural_head_a_statement():
    text = (
        "Statements by the representative of the Chilean delegation at the third session\n\n"
        "We would like to see the review mechanism adopted this week."
    )
    assert sides(text) == [("CHL", [], [], [])]


@pytest.mark.parametrize(
    "sentence, camp",
    [
        ("We are pleased to see the term retained in the resolution.", "A"),
        ("We are happy with the scope of the final text.", "A"),
        ("We would like to see the meeting resume its work today.", "A"),
        ("We voted \u2018No\u2019 on this resolution.", "B"),
        ('We voted "yes" on the resolution.', "A"),
        ("We disassociate ourselves from paragraph 7 of the draft.", "B"),
        ("We wish to place on record our reservation on article 5.", "B"),
        ("We would like to associate ourselves with the statement of Peru.", "A"),
    ],
)
def test_first_person_stances_of_a_statement(sentence, camp):
    [(prop, sup, opp, neu)] = [
        s for s in sides("Statement by Nepal\n\nMadam Chair,\n\n" + sentence) if "NPL" in str(s)
    ]
    got = "B" if "NPL" in opp else "N" if "NPL" in neu else "A"
    assert got == camp


def test_dissociating_from_a_provision_and_backing_it_opposes_the_provision():
    assert sides("Iran dissociated itself from Article 6.") == [(None, [], ["IRN"], [])]
    assert sides("Iran, supported by Syria, dissociated itself from Article 6.") == [
        (None, [], ["IRN", "SYR"], [])
    ]
    assert sides("Iran entered reservations on Article 6.") == [(None, [], ["IRN"], [])]


def test_considering_something_unacceptable_takes_a_side_against_it():
    [(prop, sup, opp, neu)] = sides("Chile: We consider it counterproductive to reopen the text.")
    assert "CHL" in opp or prop == "CHL"  # its own objection, or against the reopening
    assert sides("Chile: We consider the meeting a long one.") == []


@pytest.mark.parametrize(
    "sentence, camp",
    [
        ("We are unable to support the draft resolution.", "B"),
        ("We are not in a position to support the draft.", "B"),
        ("We are in a position to support the draft.", "A"),
        ("We are ready to accept the compromise text.", "A"),
        ("We are constrained to dissociate from paragraph 22.", "B"),
        ("We regret that the amendments were not adopted.", "A"),
        ("We regret that the proposal was adopted.", "B"),
        ("We regret the adoption of the resolution.", "B"),
        ("We are committed to an effective implementation of the treaty.", "A"),
    ],
)
def test_modal_frames_and_regret_clauses_of_a_statement(sentence, camp):
    [(prop, sup, opp, neu)] = sides("Statement by Nepal\n\nMadam Chair,\n\n" + sentence)
    got = "B" if "NPL" in opp else "N" if "NPL" in neu else "A"
    assert got == camp


@pytest.mark.parametrize(
    "sentence",
    [
        "We would like to thank the facilitators for their work.",
        "We wish to commend the co-facilitators for their patience.",
        "We are committed to working with all delegations.",
    ],
)
def test_courtesies_after_wish_to_take_no_side(sentence):
    assert sides("Statement by Nepal\n\nMadam Chair,\n\n" + sentence) == []


def test_a_document_symbol_is_one_text_across_sentences():
    text = (
        "Statement by Nepal\n\nWe explain our vote on draft L.31 tabled by Chile.\n\n"
        "We cannot support the draft resolution L.31 put forward by Chile."
    )
    assert sides(text) == [("CHL", [], ["NPL"], [])]


def test_a_heading_that_is_one_country_opens_its_turn():
    text = (
        "Meeting 4 transcript\n\nAmbassador Lee\n\nThank you all. I give the floor now.\n\n"
        "Nepal\n\nThank you Chair. We believe the review should take place every two years."
    )
    assert sides(text) == [("NPL", [], [], [])]


def test_live_caption_turns_after_two_angle_brackets():
    text = ">> CHAIR: Thank you. Next speaker.\n>> NEPAL: Thank you. We oppose the draft annex."
    assert sides(text) == [(None, [], ["NPL"], [])]


def test_i_in_a_delegate_turn_is_the_delegate_but_not_a_numeral():
    assert sides("Nepal: Thank you. I support the idea of a shorter annex.") == [
        ("NPL", [], [], [])
    ]
    assert sides("Nepal: Thank you. Annex I of the draft is long.") == []


def test_states_aligned_with_an_explanation_of_vote_share_its_objection():
    text = (
        "EU explanation of vote on draft L.9\n\nMadam Chair,\n\n"
        "I have the honour to speak on behalf of the European Union. Peru and Nepal align "
        "themselves with this explanation of vote.\n\nThe EU cannot support the draft before us."
    )
    [(prop, sup, opp, neu)] = sides(text)
    assert (prop, sup, sorted(opp), neu) == (None, [], ["EU", "NPL", "PER"], [])


def test_asking_that_or_for_something_proposes_it():
    assert sides("Nepal: We ask that the annex list the agreed offences.") == [("NPL", [], [], [])]
    assert sides("Nepal: We are asking for a short pause in the talks.") == [("NPL", [], [], [])]


def test_joining_consensus_but_dissociating_from_a_paragraph_is_two_sides():
    text = (
        "Statement by Nepal\n\nWe joined consensus, but we dissociate ourselves from paragraph 5."
    )
    assert sides(text) == [("NPL", [], [], []), (None, [], ["NPL"], [])]


def _camps(row: tuple) -> dict[str, str]:
    prop, sup, opp, neu = row
    out = {c: "A" for c in sup} | {c: "B" for c in opp} | {c: "N" for c in neu}
    return out | ({prop: "A"} if prop else {})


@pytest.mark.parametrize(
    "text",
    [
        "Peru, like France, opposed the briefing.",
        "Peru, supported by France, opposed the briefing.",
        "Statement by Peru\n\nWe, like France, do not see a need for this briefing.",
    ],
)
def test_a_parenthetical_ally_takes_the_subjects_side(text):
    [row] = sides(text)
    camps = _camps(row)
    assert set(camps) == {"PER", "FRA"} and camps["PER"] == camps["FRA"]


def test_a_parenthetical_opponent_takes_the_other_side():
    [row] = sides("Peru, opposed by France, backed the briefing.")
    camps = _camps(row)
    assert camps["PER"] != camps["FRA"] and "N" not in camps.values()


def test_refusing_an_act_takes_no_side_but_refusing_a_stance_opposes():
    assert sides("Peru and Chile refused to issue visas to the envoys.") == []
    assert sides("Peru declined to support the amendment.") == [(None, [], ["PER"], [])]


def test_a_country_a_statement_heading_is_about_is_not_its_author():
    text = (
        "Explanation of vote on a meeting on Nepal\n\nAmbassador A. Example\n\n"
        "Mission of Peru to the United Nations\n\nWe do not see a need for this meeting."
    )
    assert sides(text) == [(None, [], ["PER"], [])]


def test_joining_the_sponsors_backs_the_draft_just_introduced():
    text = (
        "The representative of Peru introduced draft resolution L.4, sponsored by Peru and "
        "Chile. Subsequently, Nepal and Togo joined the sponsors."
    )
    [(prop, sup, opp, neu)] = sides(text)
    assert (prop, sorted(sup)) == ("PER", ["CHL", "NPL", "TGO"])


def test_statements_made_by_delegations_take_no_side():
    text = "Statements in explanation of vote were made by the representatives of Peru and Chile."
    assert sides(text) == []
    assert sides("A proposal on the annex was made by Peru.") == [("PER", [], [], [])]


def test_live_caption_turns_run_together_on_one_line():
    text = (
        ">> CHAIR: Thank you. I give the floor to Nepal. >> NEPAL: Thank you, Chairman. "
        "We oppose the draft annex. >> CHAIR: Thank you. >> PERU: We support the draft annex."
    )
    assert sides(text) == [("PER", [], ["NPL"], [])]


def test_a_statement_whose_opening_sentence_shares_its_paragraph_is_read_after_it():
    """The opening "on behalf of" sentence names the speakers; the sentences after it in the
    same paragraph are theirs (before: the whole paragraph was skipped as a header)."""
    text = (
        "Joint Statement\n\nI have the honour to deliver this statement on behalf of Botswana, "
        "Costa Rica and Norway. We are of the view, for example, that participation of the "
        "NHRIs in the work of the Council needs to be further enhanced.\n"
    )
    (e,) = extract_text(text).events
    assert set(e.support) == {"BWA", "CRI", "NOR"}
    assert "participation" in e.option


def test_commitment_to_engagement_takes_no_side():
    text = (
        "Statement by Chile\n\nWe are committed to ongoing constructive engagement in all fora.\n"
    )
    assert extract_text(text).events == []


def test_a_heading_naming_who_launched_the_initiative_is_read():
    text = (
        "Statement of support for the appeal for a global ceasefire\n\n"
        "Initiative launched by Bangladesh, Ecuador and Egypt\n\nWe strongly support the appeal.\n"
    )
    evs = extract_text(text).events
    launched = [e for e in evs if e.proposer == "BGD" and {"ECU", "EGY"} <= set(e.support)]
    assert launched  # before: the heading was skipped, the names lost


@pytest.mark.parametrize(
    "opening",
    [
        "I am taking the floor on behalf of the following countries:",
        "I have the honor to speak on behalf of the following Latin American countries:",
    ],
)
def test_speaking_on_behalf_of_the_following_countries_names_them_all(opening):
    text = (
        f"Joint Statement\n\nMr. Chair,\n\n{opening} Argentina, Brazil and Zambia.\n\n"
        "We are of the view that the draft report is a good basis for our discussion.\n"
    )
    (e,) = extract_text(text).events
    assert set(e.support) | {e.proposer} - {None} == {"ARG", "BRA", "ZMB"}


def test_a_delegates_own_edit_verb_proposes_it():
    text = (
        "B. BRITO (Brazil): Perhaps we could make a change in the previous line and replace "
        '"could" by "would".\n'
    )
    (e,) = extract_text(text).events
    assert e.proposer == "BRA" and "would" in e.option
