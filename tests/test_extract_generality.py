"""Constructions that recur across report styles, added with precision first (issue 16, round 3).

Every sentence here is written for the tests (none is copied from a report or a web page).
"""

from __future__ import annotations

from tests.test_extract_prose import sides


def test_with_the_exception_of_takes_no_side():
    text = "Every Nordic state, with the exception of Finland, has joined the older treaty."
    assert sides(text) == []
    assert sides("Peru objected to the paragraph.") == [(None, [], ["PER"], [])]


def test_names_in_brackets_after_a_vote_count_take_its_side():
    text = (
        "By a recorded vote of 150 in favour to 3 against (Peru, Chile, Togo), with 6 "
        "abstentions (Fiji, Mali), the Committee approved the draft on river basins. "
        "Adopting the next text by a vote of 99 in favour to 2 against (Nepal, Oman), with "
        "40 abstentions, the Assembly asked for a report."
    )
    assert sides(text) == [
        (None, [], ["PER", "CHL", "TGO"], ["FJI", "MLI"]),
        (None, [], ["NPL", "OMN"], []),
    ]


def test_brackets_after_a_count_with_no_vote_are_left_alone():
    assert sides("The panel heard 3 against (Peru, Chile) in the poll of experts.") == []


def test_two_vote_counts_on_two_drafts_stay_two_events():
    text = (
        "By a recorded vote of 120 in favour to 2 against (Peru, Chile), the Committee "
        "approved the draft resolution on lakes. By a recorded vote of 80 in favour to 4 "
        "against (Peru, Togo), the Committee approved the draft decision on rivers."
    )
    assert sides(text) == [(None, [], ["PER", "CHL"], []), (None, [], ["PER", "TGO"], [])]


def test_opposing_the_adoption_of_a_text_opposes_the_text():
    text = (
        "The Council adopted a resolution put forward by Chile. "
        "Peru opposed the adoption of the resolution in the end."
    )
    assert sides(text) == [("CHL", [], ["PER"], [])]


def test_vote_lines_without_full_stops_are_one_vote():
    text = "In favour: Peru, Chile, Nepal\nAgainst: Togo, Mali\nAbstentions: Fiji, Oman\n"
    assert sides(text) == [(None, ["PER", "CHL", "NPL"], ["TGO", "MLI"], ["FJI", "OMN"])]


def test_vote_lines_with_a_count_and_names_in_brackets_are_one_vote():
    text = (
        "The body then voted on the request.\n"
        "  In favour: 3 (Peru, Chile,\n      Nepal)\n"
        "      Against: 2 (Togo, Mali)\n"
        "  Abstentions: 1 (Fiji)\n"
    )
    assert sides(text) == [(None, ["PER", "CHL", "NPL"], ["TGO", "MLI"], ["FJI"])]


def test_came_in_as_additional_cosponsors_backs_the_text():
    text = "Later on, Peru, Chile and Nepal came in as additional co-sponsors."
    assert sides(text) == [(None, ["PER", "CHL", "NPL"], [], [])]


def test_a_fronted_sponsors_subject_then_the_list_and_a_second_such_list_joins_it():
    text = (
        "The states that signed up as new cosponsors this week are Peru, Chile and Nepal.\n"
        "The first sponsors of that draft were Togo, Mali and Peru.\n"
    )
    assert sides(text) == [(None, ["PER", "CHL", "NPL", "TGO", "MLI"], [], [])]
    assert sides("The authors of Chile's draft were Peru and Togo.") == []


def test_the_un_list_name_of_north_macedonia_keeps_the_list_whole():
    text = "Peru, the former Yugoslav Republic of Macedonia and Chile were co-sponsors of it."
    assert sides(text)[0][1] == ["PER", "MKD", "CHL"]


def test_an_election_of_officers_takes_no_side():
    text = (
        "For the second group, Chair Ana Lopez (Zambia) and Vice-Chair Jon Berg (Germany) "
        "were approved.\n\nJohn Doe (Chile) and Jane Roe (Nepal) were elected as Vice-Chairs."
        "\n\nLater, Indonesia was appointed the committee rapporteur."
    )
    assert sides(text) == []
    assert sides("Peru approved the draft as amended.") == [("PER", [], [], [])]


def test_statements_made_by_delegations_take_no_side():
    text = (
        "Statements in explanation of vote before the vote were made by the representatives "
        "of Peru and Chile. The draft on rivers was then adopted."
    )
    assert sides(text) == []
    assert sides("General comments on the draft were made by Chile and Togo.") == []
    assert sides("A proposal was made by Peru to delete the paragraph.") == [("PER", [], [], [])]


def test_contributions_heard_before_a_decision_take_no_side():
    text = "The Chair set the paragraph aside following contributions from Peru, Chile and Togo."
    assert sides(text) == []


def test_vote_lists_under_colon_labels_join_the_vote_reported_above():
    text = (
        "The Assembly adopted the text on rivers by 120 votes to 2, with 3 abstentions. "
        "Peru and Chile were among the 120 states that voted in favour.\n"
        "How each state voted\n"
        "Against the text:\n- Togo\n- Mali\n"
        "Abstained:\n- Fiji\n- Oman\n- Nepal\n"
    )
    assert sides(text) == [(None, ["PER", "CHL"], ["TGO", "MLI"], ["FJI", "OMN", "NPL"])]


def test_two_vote_lists_under_colon_labels_are_one_vote():
    text = "Against the motion:\n- Togo\n- Mali\nAbstained:\n- Fiji\n"
    assert sides(text) == [(None, [], ["TGO", "MLI"], ["FJI"])]
    # a list under a label that is no vote stays its own event
    text = "Against the motion:\n- Togo\nSupported the idea of a fund for lakes:\n- Fiji\n"
    assert len(sides(text)) == 2


def test_group_and_representative_subjects_stand_for_the_last_named_actors():
    text = (
        "Peru, Chile and Togo wrote to the Chair about the lake fund. "
        "The group also opposed the deletion of the fund from the draft."
    )
    assert sides(text) == [(None, [], ["CHL", "TGO", "PER"], [])]
    text = "Peru raised the lake fund at length. Its representative said the fund must stay."
    assert sides(text) == [("PER", [], [], [])]
    # one actor named, a plural subject (and the reverse): no guess
    assert sides("Peru spoke on the lake fund. They opposed any cut.") == []
    assert sides("Peru and Chile spoke on the lake fund. The delegation opposed any cut.") == []


def test_a_pronoun_subject_stating_a_view_takes_a_side_only_on_what_must_be_done():
    text = "Peru, Chile and Togo spoke on lakes. They stressed the need for a fund for lakes."
    assert sides(text) == [(None, ["CHL", "TGO", "PER"], [], [])]
    assert sides("Peru spoke on lakes. It stated that the fund should cover lakes.") == [
        ("PER", [], [], [])
    ]
    assert sides("Peru spoke on lakes. It recognizes that lakes require careful study.") == []


def test_a_reported_verdict_on_a_text_takes_its_side():
    base = "Chile proposed a fund for lakes. "
    assert sides(base + "Peru said it was a step backwards.") == [("CHL", [], ["PER"], [])]
    assert sides(base + "Peru said the proposal was a step forward.") == [("CHL", ["PER"], [], [])]
    assert sides(base + "Peru said it was not acceptable.") == [("CHL", [], ["PER"], [])]
    # "it was" with no verdict: no side on what "it" is
    assert sides(base + "Peru said it was a long day.") == [("CHL", [], [], [])]
    assert sides(base + "Peru said it was a good day.") == [("CHL", [], [], [])]
    quoted = base + "Peru and Togo said it was a \u201cstep backwards\u201d \u2013 as did a lobby."
    assert sides(quoted) == [("CHL", [], ["PER", "TGO"], [])]
    assert sides(base + "Peru said the proposal was tabled late.") == [("CHL", [], [], [])]
    assert sides("Peru said the new draft was a step backwards.") == [(None, [], ["PER"], [])]


def test_dissociating_from_a_paragraph_opposes_it_also_when_constrained_to():
    assert sides("Peru dissociated itself from paragraph 4 of the text.") == [
        (None, [], ["PER"], [])
    ]
    assert sides("As a result, Peru and Chile are constrained to dissociate from paragraph 9.") == [
        (None, [], ["PER", "CHL"], [])
    ]
    assert sides("Peru had to vote against the draft.") == [(None, [], ["PER"], [])]
    assert sides("Peru has many friends on the lake fund.") == []


def test_a_guessed_or_passed_on_side_is_no_side():
    assert sides("Peru might oppose the fund for lakes.") == []
    assert sides("Peru reportedly opposed the fund for lakes.") == []
    assert sides("Chile proposed a fund. Peru may back it.") == [("CHL", [], [], [])]
    assert sides("Chile proposed a fund. Peru backed it.") == [("CHL", ["PER"], [], [])]


def test_numbered_names_under_a_vote_label_are_a_vote_list_not_headings():
    text = (
        "The draft on lakes was put to a vote.\nVoted in favour:\n1. Peru\n2. Chile\n"
        "Voted against:\n1. Mali\n2. Fiji\nAbstained:\n1) Oman\n"
    )
    assert sides(text) == [(None, ["PER", "CHL"], ["MLI", "FJI"], ["OMN"])]
    # numbered headings over paragraphs stay headings (two sections, two events)
    text = "1. Peru and lakes\nPeru backed the fund.\n2. Chile and rivers\nChile opposed it.\n"
    assert len(sides(text)) == 2


def test_joining_the_sponsors_backs_the_text_just_named():
    text = (
        "Peru introduced the draft on lakes, co-sponsored by Chile. "
        "Subsequently, Togo and Mali joined the sponsors."
    )
    assert sides(text) == [("PER", ["CHL", "TGO", "MLI"], [], [])]
    text = "Peru introduced the draft on lakes. Later, Togo joined the co-sponsors."
    assert sides(text) == [("PER", ["TGO"], [], [])]


def test_two_drafts_whose_symbols_differ_after_a_dot_stay_two_events():
    text = (
        "Peru introduced draft resolution A/HRC/9/L.5, co-sponsored by Chile. "
        "Peru then introduced draft resolution A/HRC/9/L.7, co-sponsored by Togo."
    )
    assert sides(text) == [("PER", ["CHL"], [], []), ("PER", ["TGO"], [], [])]


def test_one_draft_symbol_named_twice_is_one_text():
    text = (
        "We explain our vote on draft L.41 on lakes, tabled by Peru. "
        "The lake fund matters to all of us. "
        "For these reasons, Chile and Togo could not support resolution L.41."
    )
    assert sides(text) == [("PER", [], ["CHL", "TGO"], [])]


def test_a_joint_statement_opened_in_the_first_person_speaks_for_all_it_names():
    text = (
        "Committee on lakes\n"
        "I have the honour to deliver this statement on behalf of Chile, Togo and my own "
        "country, Peru.\n"
        "We support the draft on lake funds."
    )
    [(prop, sup, opp, neu)] = sides(text)
    assert {prop, *sup} - {None} == {"PER", "CHL", "TGO"} and not opp and not neu


def test_china_inside_the_g77_slash_china_group_name_is_no_actor():
    assert sides("Sudan, for the G-77/CHINA, called for a fund for lakes.") == [("SDN", [], [], [])]
    assert sides("China called for a fund for lakes.") == [("CHN", [], [], [])]
