"""The extractor phase by phase, and the constructions of issue 16 (reversed sides, transcripts,
news prose, co-sponsor and vote lists). Every passage is written for these tests."""

from __future__ import annotations

from loaders.actors import reference
from loaders.extract import calibration, extract_text
from loaders.extract import references as RF
from loaders.extract import roles as RO
from loaders.extract import verbs as VB
from loaders.extract import words as W
from loaders.extract.events import Parser
from loaders.extract.lists import build_lists
from loaders.extract.mentions import lexicon
from loaders.extract.sentence import Sentence
from loaders.extract.speakers import first_person, turns
from loaders.extract.text import blocks, plain


def sides(e):
    return (e.proposer, sorted(e.support), sorted(e.oppose), sorted(e.neutral))


def with_actor(res, code):
    evs = [e for e in res.events if code in e.actors()]
    assert len(evs) == 1, [sides(e) for e in res.events]
    return evs[0]


# ------------------------------------------------------------------------------------------
# phases on their own


def _sentence(text):
    ix = reference()
    lex = lexicon(ix)
    S = Sentence(text, 0, len(text), lex.find(text))
    return S, Parser(text, ix, lex)


def test_lists_phase_groups_mentions():
    S, P = _sentence("The text was backed by Chile, Peru and the United States but not by Cuba.")
    build_lists(P, S)
    groups = [[S.ments[m].code for m in L.members] for L in S.lists]
    assert groups == [["CHL", "PER", "USA"], ["CUB"]]


def test_references_phase_marks_the_names_that_own_a_text():
    S, P = _sentence("Brazil opposed the US-Albania draft and the Cuban and Argentine proposals.")
    RF.possessives(S)
    RF.demonyms(P, S)
    RF.targets(P, S)
    owners = {S.ments[k].code for k, flag in enumerate(S.mflag) if flag == "target"}
    owners |= {code for _i, _j, code in S.extra_targets}  # demonyms that are no mention
    assert owners == {"USA", "ALB", "CUB", "ARG"}
    first = next(k for k, m in enumerate(S.ments) if m.code == "USA")
    assert S.joint == {first + 1: first}  # Albania co-authors the US text
    build_lists(P, S)
    assert [[S.ments[m].code for m in L.members] for L in S.lists] == [["BRA"]]


def test_roles_phase_names_the_left_context_with_polarity():
    S, P = _sentence("The text was backed by Chile and Peru but not by Cuba.")
    build_lists(P, S)
    first, second = S.lists
    assert RO.backscan(S, first.start) == ("PASS", W.SUP)
    assert RO.backscan(S, second.start) == ("PASS", W.OPP)
    S, P = _sentence("There was no support from Canada.")
    build_lists(P, S)
    assert RO.backscan(S, S.lists[0].start) == ("PASS", W.OPP)


def test_verbs_phase_reads_negation():
    S, P = _sentence("Chile did not support the amendment.")
    build_lists(P, S)
    (L,) = S.lists
    j, neg, _each = VB.onset(S, L.end, S.n)
    assert neg and VB.verb(S, j, S.n)[0] == W.SUP


def test_speaker_turns_and_first_person():
    text = (
        "CHAIR: I give the floor to Brazil.\n"
        "Speaker: Thank you. We support the text.\n"
        "MODERATOR: We will take a break.\n"
        "Mr. Ito (Japan): My delegation agrees.\n"
    )
    ix = reference()
    lex = lexicon(ix)
    ts = turns(text, blocks(plain(text)), lex)
    assert [t.code for t in ts] == ["BRA", "JPN"]
    fp = first_person(text, ts)
    assert [(text[m.start : m.end], m.code) for m in fp] == [
        ("We", "BRA"),
        ("My delegation", "JPN"),
    ]


# ------------------------------------------------------------------------------------------
# reversed sides (issue 16)


def test_opposing_the_inclusion_of_text_is_opposition_to_that_text():
    res = extract_text(
        "Iran opposed the inclusion of explicit references to gender in the preamble. "
        "This position was supported by Syria and Cuba."
    )
    (e,) = res.events
    assert e.proposer is None
    assert sorted(e.oppose) == ["CUB", "IRN", "SYR"] and e.support == []
    assert "inclusion of explicit references to gender" in e.option


def test_no_support_is_not_support():
    res = extract_text(
        "Russia proposed to put the two articles to a vote. There was no support for this "
        "from Canada, Chile or Mexico."
    )
    (e,) = res.events
    assert e.proposer == "RUS"
    assert sorted(e.oppose) == ["CAN", "CHL", "MEX"] and e.support == []


def test_negated_support_and_cannot_accept():
    res = extract_text(
        "Ghana proposed a review mechanism. Chile and Peru did not support it. "
        "Kenya could not accept the deletion of Article 9."
    )
    ghana = with_actor(res, "GHA")
    assert ghana.proposer == "GHA" and sorted(ghana.oppose) == ["CHL", "PER"]
    kenya = with_actor(res, "KEN")
    assert kenya.proposer is None and kenya.oppose == ["KEN"]


# ------------------------------------------------------------------------------------------
# transcripts


def test_transcript_we_resolves_to_the_speakers_country():
    res = extract_text(
        "CHAIR: Thank you. I now give the floor to the distinguished delegate of Brazil.\n"
        "BRAZIL: Thank you, Chair. My delegation supports the proposal made by Colombia on "
        "Article 24.\n"
        "CHAIR: Thank you. Norway, you have the floor.\n"
        "Speaker: We cannot accept the deletion of Article 30.\n"
    )
    col = with_actor(res, "COL")
    assert col.proposer == "COL" and col.support == ["BRA"]
    nor = with_actor(res, "NOR")
    assert nor.oppose == ["NOR"]
    assert "first-person in turn of NOR" in nor.cue
    # the rules rank a first-person subject below a name; the output confidence is the share
    # measured for the cue class (loaders/extract/calibration.py), which need not keep that order
    with calibration.disabled():
        raw = extract_text(
            "BRAZIL: My delegation supports the proposal made by Colombia on Article 24.\n"
            "NORWAY: We cannot accept the deletion of Article 30.\n"
        )
    rc, rn = with_actor(raw, "COL"), with_actor(raw, "NOR")
    assert rn.confidence < rc.confidence or rn.confidence <= 0.8


def test_chair_and_moderator_we_is_nobody():
    res = extract_text(
        "MODERATOR: We support a short break before we continue.\n"
        "Ms. Lund (Norway): We support the compromise text on Article 5.\n"
    )
    (e,) = res.events
    assert e.actors() == {"NOR"}


def test_statement_header_names_the_speaker_of_we():
    res = extract_text(
        "Statement by the delegation of Chile\n\n"
        "Madam Chair, we support the proposal to add a review clause to Article 60.\n"
    )
    (e,) = res.events
    assert e.actors() == {"CHL"}


def test_reported_speech_his_delegation():
    res = extract_text(
        "The representative of Brazil said that his delegation supported the proposal on Article 3."
    )
    (e,) = res.events
    assert e.actors() == {"BRA"} and "Article 3" in e.option


# ------------------------------------------------------------------------------------------
# alignment, cross-sentence, lists


def test_alignment_after_a_colon_joins_the_speakers_event():
    res = extract_text(
        "The EU called for a reference to data protection in Article 36. The following "
        "countries align themselves with this statement: Albania, Serbia and Ukraine; "
        "Iceland and Norway."
    )
    (e,) = res.events
    assert e.proposer == "EU"
    assert sorted(e.support) == ["ALB", "ISL", "NOR", "SRB", "UKR"]


def test_cross_sentence_several_states_including():
    res = extract_text(
        "Egypt proposed to extend the list of offences. Several states, including Oman "
        "and Qatar, supported it."
    )
    (e,) = res.events
    assert e.proposer == "EGY" and sorted(e.support) == ["OMN", "QAT"]


def test_co_sponsor_list_is_support_without_a_proposer():
    res = extract_text("The draft was co-sponsored by Chile, Peru and Mexico.")
    (e,) = res.events
    assert e.proposer is None and sorted(e.support) == ["CHL", "MEX", "PER"]
    res = extract_text("Co-authors of draft resolution A/C.3/99/L.5: Cuba, Nicaragua and Iran.")
    (e,) = res.events
    assert sorted(e.support) == ["CUB", "IRN", "NIC"]


def test_vote_labels_make_one_event():
    res = extract_text(
        "The amendment was put to a recorded vote.\n"
        "In favour (among others): Belarus, Cuba.\n"
        "Against (among others): Canada, Japan.\n"
        "Abstaining: India.\n"
    )
    (e,) = res.events
    assert (sorted(e.support), sorted(e.oppose), e.neutral) == (
        ["BLR", "CUB"],
        ["CAN", "JPN"],
        ["IND"],
    )


def test_voted_in_favour_against_abstained():
    res = extract_text(
        "Chile, Peru and Mexico voted in favour, Iran and Syria voted against, and India abstained."
    )
    (e,) = res.events
    assert sides(e) == (None, ["CHL", "MEX", "PER"], ["IRN", "SYR"], ["IND"])


# ------------------------------------------------------------------------------------------
# news prose


def test_single_actor_news_statements():
    res = extract_text("Iran's envoy stressed that the treaty must respect national sovereignty.")
    (e,) = res.events
    assert e.proposer == "IRN"
    res = extract_text(
        "The Assembly adopted a Russia-led resolution on cybercrime, despite US and EU objections."
    )
    (e,) = res.events
    assert e.proposer == "RUS" and sorted(e.oppose) == ["EU", "USA"]


def test_all_caps_names_of_bulletins():
    res = extract_text(
        "BRAZIL, supported by ARGENTINA, proposed deleting the paragraph. The RUSSIAN "
        "FEDERATION opposed."
    )
    (e,) = res.events
    assert sides(e) == ("BRA", ["ARG"], ["RUS"], [])


# ------------------------------------------------------------------------------------------
# warnings, confidence, cue


def test_no_warning_for_capitalised_non_actors():
    res = extract_text(
        "Chile and Peru supported the text. Conversely, Iran and Syria opposed it. "
        "Nevertheless, Freedonia and Cuba backed it."
    )
    assert [u.name for u in res.unresolved] == ["Freedonia"]


def test_every_event_has_a_confidence_and_a_cue():
    res = extract_text(
        "Norway proposed a review clause, which was supported by Chile. Jamaica, on behalf of "
        "CARICOM, reserved its position. Iran said it was concerned about costs."
    )
    assert res.events
    for e in res.events:
        assert 0 < e.confidence <= 1 and e.cue
    nor = with_actor(res, "NOR")
    assert "supported-by list" in nor.cue


# ------------------------------------------------------------------------------------------
# layout, votes, statements, pronouns (written for the tests)


def test_hard_wrapped_short_passage_and_run_on_lines():
    res = extract_text(
        "Delegations that asked for the clause to be deleted: Cuba, Nicaragua,\n"
        "Syrian Arab Republic and Egypt.\n"
    )
    (e,) = res.events
    assert sorted(e.support) == ["CUB", "EGY", "NIC", "SYR"]
    # a speaker line stopping at "of the" is neither a heading nor cut from its name
    res = extract_text(
        "UKRAINE: My delegation objects to the statement just made by the delegation of the\n"
        "Russian Federation.\n"
    )
    (e,) = res.events
    assert e.proposer == "RUS" and e.oppose == ["UKR"]


def test_option_labels_in_bullets():
    res = extract_text(
        "Positions on the funding clause:\n"
        "* Keep voluntary contributions: Japan, Norway\n"
        "* Asked for more time to consider it: Brazil, Indonesia\n"
    )
    keep = with_actor(res, "JPN")
    assert sorted(keep.support) == ["JPN", "NOR"]
    wait = with_actor(res, "BRA")
    assert sorted(wait.neutral) == ["BRA", "IDN"]


def test_votes_of_one_resolution_are_one_event():
    res = extract_text(
        "On the resolution, Cuba and Belarus voted yes; Georgia and Moldova voted no, as did "
        "Poland. Mexico and Peru abstained."
    )
    (e,) = res.events
    assert sides(e) == (None, ["BLR", "CUB"], ["GEO", "MDA", "POL"], ["MEX", "PER"])


def test_explanations_of_vote_join_the_vote():
    res = extract_text(
        "After the vote, the representative of Chile said her delegation had voted in favour. "
        "Kenya's delegate, who abstained, said the text was premature. The representative of "
        "Norway said it had voted against the draft."
    )
    (e,) = res.events
    assert sides(e) == (None, ["CHL"], ["NOR"], ["KEN"])


def test_statement_with_aligned_countries_shares_its_we():
    res = extract_text(
        "Statement on behalf of the European Union\n\n"
        "Madam Chair, I speak for the EU. Albania and Georgia align themselves with this "
        "statement. We cannot support the inclusion of content-related offences.\n"
    )
    (e,) = res.events
    assert sorted(e.oppose) == ["ALB", "EU", "GEO"]


def test_speaker_for_a_group_stands_for_the_group():
    res = extract_text(
        "CHAIR: I give the floor to Qatar, on behalf of the Arab Group.\n"
        "QATAR: The Arab Group requests a reference to family values in the preamble.\n"
        "CHAIR: Thank you. Iceland.\n"
        "ICELAND: Iceland supports the Arab Group request.\n"
    )
    (e,) = res.events
    assert e.proposer == "QAT" and e.on_behalf_of == {"QAT": "ARAB_GROUP"}
    assert e.support == ["ISL"]


def test_supports_what_the_delegate_said_backs_all_of_it():
    res = extract_text(
        "CHAIR: I give the floor to Russia.\n"
        "Speaker: We cannot accept Article 6 in its current form. We propose to replace it "
        "with a general reference.\n"
        "CHAIR: I see Cuba.\n"
        "Speaker: Cuba supports what the distinguished delegate of the Russian Federation "
        "said.\n"
    )
    assert len(res.events) == 2
    assert all("CUB" in e.actors() for e in res.events)
    against = next(e for e in res.events if "RUS" in e.oppose)
    assert "CUB" in against.oppose  # backing Russia's objection is objecting too


def test_pronoun_subject_of_the_next_sentence():
    res = extract_text(
        "Indonesia had a busy day. It backed the compromise on Article 23, then proposed "
        "moving the reference to serious crime into Article 2. The proposal was welcomed by "
        "Thailand."
    )
    assert len(res.events) == 2
    moving = next(e for e in res.events if "moving" in e.option)
    assert moving.proposer == "IDN" and moving.support == ["THA"]
    assert "'It' for IDN" in moving.cue


def test_capitals_and_demonyms_as_actors():
    res = extract_text(
        "A Mexican proposal to set the bar at 60 drew backing from Chile; Moscow, joined by "
        "Tehran, countered with 30. Canadian and Australian negotiators pushed back at once."
    )
    thirty = with_actor(res, "RUS")
    assert thirty.proposer == "RUS" and thirty.support == ["IRN"]
    assert sorted(thirty.oppose) == ["AUS", "CAN"]
    sixty = with_actor(res, "MEX")
    assert sixty.support == ["CHL"]
    # a city in a name or after a preposition is no actor
    res = extract_text("Chile supported the Paris Agreement text at the meeting in Moscow.")
    assert all("RUS" not in e.actors() and "FRA" not in e.actors() for e in res.events)


def test_yes_no_labels_and_aligning_with_another_speaker():
    res = extract_text("Voting results: Yes: Chile, Peru. No: Cuba. Abstain: India.")
    (e,) = res.events
    assert sides(e) == (None, ["CHL", "PER"], ["CUB"], ["IND"])
    res = extract_text(
        "Mr. Perez (Mexico): Thank you. We align ourselves with the statement delivered by "
        "Colombia."
    )
    (e,) = res.events
    assert e.proposer == "COL" and e.support == ["MEX"]


def test_a_joint_statement_header_is_its_speakers_not_an_event():
    res = extract_text(
        "Joint statement delivered by Chile on behalf of a group of States: Chile, Peru and "
        "Uruguay.\n\nWe cannot accept a convention without human rights safeguards.\n"
    )
    (e,) = res.events
    assert sorted(e.oppose) == ["CHL", "PER", "URY"] and e.proposer is None


def test_with_after_a_clause_and_in_its_favour():
    res = extract_text("CHINA preferred retaining the paragraph, with EGYPT and INDIA.")
    (e,) = res.events
    assert e.proposer == "CHN" and e.support == ["EGY", "IND"]
    res = extract_text(
        "Canada's proposal on victim compensation was rejected by Russia, while Australia and "
        "the UK spoke in its favour."
    )
    (e,) = res.events
    assert sides(e) == ("CAN", ["AUS", "GBR"], ["RUS"], [])
    assert "reference to a named proposal" in e.cue
