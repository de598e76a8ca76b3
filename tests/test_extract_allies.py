"""Taking an actor's side, and the speaker a note-taker leaves out (issue 16, fourth round).

"China backed Iran" right after Iran opposed something puts China against it too; "Russia:
would like to delete p3. Support Japan ..." has Russia as the subject of both sentences. In our
own words."""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from tests.test_extract_coordination import against_the_object


def events(text: str):
    return extract_text(text).events


def camp(e, code: str) -> str:
    """'B' when `code` is against the event's object, 'A' when for it, '' when absent."""
    if code not in e.actors():
        return ""
    return "B" if against_the_object(e, code) else "A"


@pytest.mark.parametrize(
    "second",
    [
        "China backed Iran.",
        "China joined Iran in opposing it.",
        "China sided with Iran.",
        "China echoed Iran.",
    ],
)
def test_backing_an_opponent_is_opposing_what_it_opposed(second):
    (e,) = events(f"Iran opposed the amendment on data retention. {second}")
    assert camp(e, "IRN") == camp(e, "CHN") == "B"


def test_opposing_an_opponent_is_backing_what_it_opposed():
    (e,) = events("Iran opposed the amendment on data retention. Chile opposed Iran.")
    assert camp(e, "IRN") == "B" and camp(e, "CHL") == "A"


def test_backing_a_proposer_still_backs_the_proposal():
    (e,) = events("Russia proposed a list of content offences. China backed Russia.")
    assert e.proposer == "RUS" and e.support == ["CHN"]


@pytest.mark.parametrize(
    "text",
    [
        "Iran opposed the amendment on data retention and was joined by Syria.",
        "Iran rejected the amendment on data retention. Tehran was joined by Damascus.",
    ],
)
def test_those_who_join_an_opponent_oppose_too(text):
    (e,) = events(text)
    assert camp(e, "IRN") == camp(e, "SYR") == "B"


def test_an_actor_who_took_no_side_lately_is_read_as_before():
    # two sentences on: "backed Iran" refers to Iran, not to the old side
    text = (
        "Iran opposed the amendment on data retention. Peru spoke on article 3. Kenya asked "
        "about timing. China backed Iran."
    )
    assert all(camp(e, "CHN") != "B" for e in events(text))


def test_a_subject_less_turn_sentence_is_the_speakers():
    text = (
        "Japan: we want brackets around the numbers section.\n\n"
        "Russia: would like to delete paragraph 3. Support Japan in bracketing the text.\n"
    )
    evs = events(text)
    delete = next(e for e in evs if "paragraph 3" in e.option)
    assert delete.proposer == "RUS"
    brackets = next(e for e in evs if e.proposer == "JPN")
    assert brackets.support == ["RUS"]


def test_a_stance_noun_opening_a_turn_sentence_is_the_speakers_view():
    (e,) = events("Canada: we can accept most of it. Some reservations about paragraph 4.\n")[1:]
    assert camp(e, "CAN") == "B" and "paragraph 4" in e.option


@pytest.mark.parametrize(
    "text",
    [
        "Chair: we resume. Oppose the deletion, she urged the room.",
        "The talks resumed. Oppose the deletion, the banner read.",
    ],
)
def test_a_verb_opening_a_sentence_outside_a_delegates_turn_names_no_speaker(text):
    assert events(text) == []


@pytest.mark.parametrize(
    "line",
    [
        "Canada: our position is the same as that of Japan.",
        "Canada: we concur with the previous speaker.",
    ],
)
def test_the_same_position_as_another_speaker_backs_it(line):
    (e,) = events(f"Japan: we want brackets around the numbers section.\n\n{line}\n")
    assert e.proposer == "JPN" and e.support == ["CAN"]


def test_the_previous_speaker_is_the_delegate_before():
    text = (
        "Japan: we want brackets around the numbers section.\n\n"
        "Chair: thank you.\n\n"
        "Norway: we support the previous speaker.\n"
    )
    (e,) = events(text)
    assert e.proposer == "JPN" and e.support == ["NOR"]


@pytest.mark.parametrize(
    "text, n",
    [
        ("India: We would like to delete paragraph 3.", 1),
        ("India: We would like to thank the chair for the revised text.", 0),
    ],
)
def test_would_like_to_asks_for_an_act_but_not_for_thanks(text, n):
    assert len(events(text)) == n


def test_stressing_the_importance_of_something_asks_for_it():
    (e,) = events("Mexico stressed the importance of a victim-centred approach.")
    assert e.proposer == "MEX"


@pytest.mark.parametrize(
    "text",
    [
        "Switzerland remained undecided on article 17.",
        "Norway would study the proposal on article 17.",
        "Norway was studying the proposal on article 17.",
        "Thailand was open to the proposal on article 17.",
        "Thailand kept an open mind on article 17.",
        "Kenya took no position on article 17.",
    ],
)
def test_a_position_held_back_is_neutral(text):
    (e,) = events(text)
    assert e.neutral and not e.support and not e.oppose and e.proposer is None


@pytest.mark.parametrize(
    "text, codes",
    [
        ("The Canadian, Australian and Japanese delegations were against article 9.",
         {"CAN", "AUS", "JPN"}),
        ("Canadian, Mexican and US officials backed the amendment on article 5.",
         {"CAN", "MEX", "USA"}),
    ],
)  # fmt: skip
def test_every_demonym_of_a_coordination_is_an_actor(text, codes):
    (e,) = events(text)
    assert e.actors() == codes


@pytest.mark.parametrize("noun", ["Delegates", "Diplomats", "The representatives"])
def test_speakers_from_states_opening_a_sentence_are_its_subject(noun):
    (e,) = events(f"{noun} from Nigeria and Ghana voiced support for the capacity chapter.")
    assert set(e.support) | {e.proposer} - {None} == {"NGA", "GHA"}


def test_support_from_speakers_from_a_state_is_still_support():
    (e,) = events("Chile proposed a review clause. There was support from delegates from Peru.")
    assert e.proposer == "CHL" and e.support == ["PER"]


@pytest.mark.parametrize(
    "text, code, side",
    [
        ("Several delegations opposed the annex, with Russia noting that it was vague.",
         "RUS", "B"),
        ("Many states called for a review mechanism, with Kenya stressing its value.",
         "KEN", "A"),
        ("Some delegations did not support the annex, with Brazil arguing it was vague.",
         "BRA", "B"),
    ],
)  # fmt: skip
def test_a_speaker_cited_for_an_unnamed_subject_shares_its_side(text, code, side):
    (e,) = events(text)
    assert e.actors() == {code} and camp(e, code) == side


def test_a_call_in_a_participle_after_a_remark_is_a_proposal():
    text = (
        "Pakistan's representative highlighted the threat of autonomous weapons, calling for "
        "a pre-emptive ban on such arms."
    )
    (e,) = events(text)
    assert e.proposer == "PAK" and "ban" in e.option


@pytest.mark.parametrize(
    "text",
    [
        "Kenya welcomed the draft, urging states to ratify it quickly.",
        "Nicaragua opposed the annex, saying the proposal was redundant.",
    ],
)
def test_a_participle_pointing_back_or_only_speaking_adds_no_event(text):
    assert len(events(text)) == 1


@pytest.mark.parametrize("verb", ["warned against", "cautioned against"])
def test_warning_against_something_opposes_it(verb):
    (e,) = events(f"Brazil {verb} the militarization of cyberspace.")
    assert camp(e, "BRA") == "B"


def test_calling_on_others_to_act_is_a_proposal():
    (e,) = events("Russia called upon colleagues not to politicize the committee.")
    assert e.proposer == "RUS"


_STATEMENT = (
    "STATEMENT BY THE DELEGATE OF MALAYSIA\n\n"
    "AGENDA ITEM 5: TECHNICAL ASSISTANCE\n\n"
    "Madam Chair,\n\n"
    "{body}\n"
)


def test_a_statements_own_demand_is_its_authors_even_after_an_agenda_label():
    body = "The convention should provide technical assistance only upon request by a state."
    (e,) = events(_STATEMENT.format(body=body))
    assert e.proposer == "MYS" and "upon request" in e.option


@pytest.mark.parametrize(
    "body",
    [
        "Chile should withdraw its amendment on article 5 before the vote.",  # Chile's act
        "These principles should find unanimity in the committee.",  # a point made before
        "The session opened on time and delegates heard the report of the secretariat.",
    ],
)
def test_a_statement_sentence_naming_another_or_pointing_back_is_no_demand(body):
    assert all(e.proposer != "MYS" for e in events(_STATEMENT.format(body=body)))


@pytest.mark.parametrize(
    "text, code, side",
    [
        ("Iran attempted to remove the clauses on human rights.", "IRN", "A"),
        ("Kenya tried to delete the annex on data.", "KEN", "A"),
        ("The Saudis objected to the mention of 1.5C.", "SAU", "B"),
        ("The Russians rejected the amendment on article 5.", "RUS", "B"),
        ("Saudi Arabia led a movement against the treaty on plastics.", "SAU", "B"),
        ("Moscow presented a new cyber treaty at the United Nations.", "RUS", "A"),
        ("China hailed the resolution on cybercrime.", "CHN", "A"),
        ("Russia vetoed the draft resolution on Ukraine.", "RUS", "B"),
        ("Cuba denounced the amendment on sanctions.", "CUB", "B"),
        ("The United States failed to block the resolution on cybercrime.", "USA", "B"),
        ("Beijing has long pushed for a UN treaty on cybercrime.", "CHN", "A"),
        ("Chile fought against the deletion of article 5.", "CHL", "B"),
    ],
)
def test_more_ways_to_take_a_side(text, code, side):
    (e,) = events(text)
    assert e.actors() == {code} and camp(e, code) == side


def test_two_verbs_sharing_one_object_make_one_event():
    (e,) = events("Russia drafted and submitted a proposal for a treaty on cybercrime.")
    assert e.proposer == "RUS" and "treaty" in e.option


def test_the_europeans_taking_a_side_are_the_eu():
    (e,) = events("The Europeans opposed the annex on data retention.")
    assert e.actors() == {"EU"} and camp(e, "EU") == "B"


def test_states_a_delegate_also_speaks_for_share_its_side():
    text = (
        "Norway's delegate, also speaking for Denmark and Sweden, welcomed the draft on migrants."
    )
    (e,) = events(text)
    assert e.proposer == "NOR" and e.support == ["DNK", "SWE"]


def test_wishing_to_dissociate_from_a_paragraph_opposes_it():
    text = (
        "The representative of Argentina said her delegation had joined consensus on the "
        "resolution but wished to dissociate itself from operative paragraph 4."
    )
    evs = events(text)
    assert any(e.oppose == ["ARG"] and "paragraph 4" in e.option for e in evs)


def test_voting_in_favour_of_the_draft_and_supporting_the_draft_are_one_text():
    text = (
        "Mr. Ruiz (Chile): My delegation will vote in favour of the draft resolution before "
        "us.\n\nThe President: I give the floor to the representative of the Russian "
        "Federation.\n\nMr. Petrov (Russian Federation): We cannot support this text. We will "
        "vote against it.\n\nThe President: I call on the representative of Brazil.\n\nBrazil "
        "abstained.\n\nMs. Ito (Japan): Japan fully supports the draft.\n"
    )
    (e,) = [e for e in events(text) if "CHL" in e.actors()]
    assert e.option.startswith("the draft resolution")
    assert {"CHL", "JPN"} <= set(e.support) | {e.proposer} and e.oppose == ["RUS"]


def test_urging_others_to_vote_against_is_opposing():
    text = (
        "The Committee rejected an oral amendment proposed by the Russian Federation. Prior "
        "to the vote, the representative of the United Kingdom, also on behalf of several "
        "co-sponsors, urged delegations to vote against the amendment. The representative of "
        "Syria, expressing his country's support for the amendment, said it was fair."
    )
    (e,) = events(text)
    assert e.proposer == "RUS" and e.oppose == ["GBR"] and e.support == ["SYR"]


def test_a_participle_aligning_with_an_unknown_group_leaves_the_verb_after_it():
    text = (
        "The representative of Egypt, aligning himself with the Group of 77, expressed "
        "reservations on the paragraph on sexual orientation."
    )
    (e,) = events(text)
    assert camp(e, "EGY") == "B" and "paragraph" in e.option


@pytest.mark.parametrize(
    "label, code",
    [
        ("Delegation of Brazil:", "BRA"),
        ("BRAZIL (Mr. Silva):", "BRA"),
        ("H.E. Mr. Juan Ruiz, Ambassador of Chile:", "CHL"),
        ("Mexico (on behalf of GRULAC):", "MEX"),
        ("[Peru]", "PER"),
        ("Peru \u2014", "PER"),
    ],
)
def test_a_label_describing_its_speaker_names_the_turn(label, code):
    (e,) = events(f"Chair: next speaker.\n\n{label} We support deleting article 5.\n")
    assert e.actors() == {code}


@pytest.mark.parametrize(
    "label",
    ["Vice-Chair (Australia):", "Chair (Mexico):", "Reactions to the Russian proposal:"],
)
def test_an_officers_or_a_topics_label_names_no_speaker(label):
    # "we" is nobody known: no side is taken ("the Russian proposal" may still be named)
    evs = events(f"{label} We support deleting article 5.\n")
    assert not any(e.support or e.oppose or e.neutral for e in evs)
    assert not any(e.proposer in ("AUS", "MEX") for e in evs)


def test_vote_lists_in_blocks_under_their_labels_are_one_vote():
    text = (
        "The resolution was adopted.\n\nFor (141):\n\nA: Afghanistan, Albania, Andorra\n\n"
        "B: Bahamas, Bahrain\n\nAgainst (7):\n\nBelarus, Mali, Russia\n\nAbstained (32):\n\n"
        "China, India\n"
    )
    (e,) = events(text)
    assert set(e.support) == {"AFG", "ALB", "AND", "BHS", "BHR"}
    assert set(e.oppose) == {"BLR", "MLI", "RUS"} and set(e.neutral) == {"CHN", "IND"}


def test_sponsors_in_the_block_after_submitted_by_back_the_draft():
    text = "The Committee had before it a draft, submitted by:\n\nAlbania, Angola and Chile.\n"
    (e,) = events(text)
    assert set(e.support) | {e.proposer} - {None} == {"ALB", "AGO", "CHL"}


def test_a_names_only_line_with_no_colon_above_is_still_a_heading():
    text = "Talks on article 5\n\nChile, Peru\n\nThe session opened late and delegates met.\n"
    assert events(text) == []


def test_vote_label_heads_with_counts():
    (e,) = events("Approval : 148\nOppositions : 4 (DPRK, China, Russia, Syria)\n")
    assert set(e.oppose) == {"PRK", "CHN", "RUS", "SYR"}


def test_texts_from_several_states_are_one_text_each():
    evs = events("The session produced new texts from Venezuela, China and Poland.")
    assert sorted(e.proposer for e in evs) == ["CHN", "POL", "VEN"]


def test_suggestions_from_several_states_stay_one_shared_view():
    evs = events("Notable suggestions came from Venezuela, Egypt and India on capacity building.")
    assert len(evs) == 1


@pytest.mark.parametrize(
    "text, codes",
    [
        ("The Council failed to adopt the draft due to a veto cast by the United States.",
         {"USA"}),
        ("The draft was vetoed by Russia and China.", {"RUS", "CHN"}),
    ],
)  # fmt: skip
def test_a_veto_opposes_the_draft(text, codes):
    (e,) = events(text)
    assert set(e.oppose) == codes and not e.support


def test_a_live_blog_line_with_a_time_stamp_and_a_dash_label_is_the_speakers():
    (e,) = events("07.59 UK \u2013 want those wishing to register reservations to be recognised.\n")
    assert e.proposer == "GBR"


@pytest.mark.parametrize("text, side", [
    ("Brazil has no problem with continuing work on the resolutions.", "A"),
    ("Brazil has problems with continuing work on the resolutions.", "B"),
])  # fmt: skip
def test_a_problem_with_something_opposes_it_and_no_problem_accepts_it(text, side):
    (e,) = events(text)
    assert camp(e, "BRA") == side


def test_states_a_bulletin_speaker_speaks_for_and_with_share_its_side():
    text = (
        "NEW ZEALAND, for Australia, Canada and the US, with the EU and PAPUA NEW GUINEA, "
        "expressed support for asking the Presidency to facilitate work on these issues."
    )
    (e,) = events(text)
    assert e.proposer == "NZL" and set(e.support) == {"AUS", "CAN", "USA", "EU", "PNG"}


def test_a_remark_then_a_side_is_the_side_with_the_speakers_allies():
    text = (
        "BOLIVIA, with NICARAGUA, CUBA, Angola, for the AFRICAN GROUP, CHINA and Senegal, "
        "for the LDCs, highlighted the lack of consensus and supported considering the issue "
        "at SBSTA 40."
    )
    (e,) = events(text)
    assert "SBSTA" in e.option and e.proposer == "BOL"
    assert set(e.support) == {"NIC", "CUB", "AGO", "CHN", "SEN"}
    assert e.on_behalf_of == {"AGO": "AFRICAN_GROUP"}


def test_supported_by_some_and_opposed_by_others_in_one_aside():
    text = (
        "The US, supported by NORWAY and CANADA and opposed by Panama, for the CfRN, "
        "requested removing a reference to the Warsaw Framework."
    )
    (e,) = events(text)
    assert set(e.support) == {"NOR", "CAN"}
    assert camp(e, "USA") == camp(e, "NOR") == "A" and camp(e, "PAN") == "B"


def test_an_unknown_group_a_speaker_speaks_for_is_an_aside():
    text = (
        "Trinidad and Tobago, for AOSIS, opposed by Botswana, for the AFRICAN GROUP, CHINA "
        "and BRAZIL, reiterated support for establishing an expert group."
    )
    (e,) = events(text)
    assert e.proposer == "TTO" and set(e.oppose) == {"BWA", "CHN", "BRA"}
    assert e.on_behalf_of == {"BWA": "AFRICAN_GROUP"}


def test_negative_votes_on_a_line_after_the_affirmative_count():
    text = "Affirmative votes: 139\nNegative votes: 5 (China, DPRK, Russia, Syria, Zimbabwe)\n"
    (e,) = events(text)
    assert set(e.oppose) == {"CHN", "PRK", "RUS", "SYR", "ZWE"}


def test_the_states_a_count_left_unnamed_are_named_in_the_next_sentence():
    text = (
        "Ten countries voted in favour of the draft on Ukraine. Four countries abstained. "
        "These were China, India, Brazil and Gabon."
    )
    evs = events(text)
    assert any(set(e.neutral) == {"CHN", "IND", "BRA", "GAB"} for e in evs)


def test_two_names_joined_by_a_hyphen_are_both_sponsors():
    (e,) = events("The US-Albania-sponsored draft condemned the annexation.")
    assert {e.proposer, *e.support} == {"USA", "ALB"}


def test_a_participle_saying_what_must_be_done_is_a_demand():
    text = "Argentina backed the draft, adding that the review mechanism must remain voluntary."
    evs = events(text)
    assert any(e.proposer == "ARG" and "voluntary" in e.option for e in evs)


@pytest.mark.parametrize("text, side", [
    ("Pakistan called the amendment on sanctions unacceptable.", "B"),
    ("Chile described the amendment on sanctions as useful.", "A"),
])  # fmt: skip
def test_calling_a_text_unacceptable_or_useful_takes_a_side(text, side):
    (e,) = events(text)
    assert camp(e, e.proposer or (e.support + e.oppose)[0]) == side


@pytest.mark.parametrize(
    "text, code, side",
    [
        ("Mexico and Costa Rica held firm on safeguards for data.", "MEX", "A"),
        ("India came out in favour of the review clause.", "IND", "A"),
        ("Germany is quietly lobbying against mandatory disclosure.", "DEU", "B"),
        ("Chile stood up for references to gender in the preamble.", "CHL", "A"),
    ],
)
def test_blog_phrases_take_sides(text, code, side):
    (e,) = events(text)
    assert code in e.actors() and camp(e, code) == side
    assert not e.option.startswith("of ")


def test_a_speaker_joining_an_earlier_speaker_takes_all_its_sides():
    text = (
        "Chair: I give the floor to Egypt.\n\nThank you, Chair. We cannot accept the "
        "deletion of article 5. We also support the proposal of Algeria.\n\nChair: India, "
        "you have the floor.\n\nIndia: We join Egypt.\n"
    )
    evs = events(text)
    deletion = next(e for e in evs if "deletion" in e.option)
    algeria = next(e for e in evs if e.proposer == "DZA")
    assert set(deletion.oppose) == {"EGY", "IND"} and set(algeria.support) == {"EGY", "IND"}


def test_a_subject_then_support_and_an_object_is_the_verb_not_the_noun():
    (e,) = events("The EU and its member states support keeping article 5 as drafted.")
    assert e.proposer == "EU" and "keeping" in e.option


def test_sharing_the_views_of_a_speaker_backs_its_position():
    text = (
        "European Union: We support keeping article 5.\n\nSwitzerland shares the views of the EU.\n"
    )
    (e,) = events(text)
    assert e.proposer == "EU" and e.support == ["CHE"]


@pytest.mark.parametrize(
    "text, side",
    [
        ("The United States said the text did not advance the goal of growth.", "B"),
        ("France said the draft would undermine existing instruments.", "B"),
        ("Brazil said the resolution would strengthen cooperation among states.", "A"),
    ],
)
def test_what_a_text_would_do_is_a_verdict_on_it(text, side):
    (e,) = events(text)
    (code,) = e.actors()
    assert camp(e, code) == side


def test_members_named_in_an_unnamed_group_share_its_verb():
    text = (
        "A group of like-minded states, including Belarus, China and Cuba, voiced concerns "
        "over the language in the draft report."
    )
    (e,) = events(text)
    assert all(camp(e, c) == "B" for c in ("BLR", "CHN", "CUB"))


@pytest.mark.parametrize(
    "text",
    [
        "Peru welcomed delegates to Lima.",
        "Peru \u2014 the host of the next session \u2014 welcomed the participants.",
        "Delegates from Kenya attended the opening session.",
        "The Chair, from Mexico, opened the meeting and invited comments.",
        "Kenya: Thank you, Chair. We have a question about article 5.",
        "07.30 Chair opens the session. Would like to start with article 3.",
    ],
)
def test_no_side_in_greetings_attendance_or_procedure(text):
    assert events(text) == []


def test_a_statement_turn_that_starts_past_the_first_character_is_read():
    # the turn opens after a heading line: its first sentence has no sentence break before it
    text = "UN\nStatement by Malaysia\nThe convention should provide assistance upon request."
    assert all(e.proposer in (None, "MYS") for e in events(text))


@pytest.mark.parametrize(
    ("second", "side"),
    [("Eritrea joined China in voting against the resolution.", "B"),
     ("Eritrea joined China in abstaining.", "N")],
)  # fmt: skip
def test_joining_an_actor_in_a_gerund_takes_the_gerunds_side_for_both(second, side):
    (e,) = extract_text(f"France tabled a text. {second}").events
    for code in ("ERI", "CHN"):
        assert (code in e.neutral) if side == "N" else camp(e, code) == side
