"""Issue 16, twelfth round: wanting the thing in focus kept or dropped ("wanted it
retained" after a call to drop it), clefts, fronted side verbs, roll-call lines with a dash,
asides in lists and after "said", papers that propose, and first-person turns whose label
carries a note.

Sentences in our own words, in general grammar."""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from tests.test_extract_allies import camp, events


@pytest.mark.parametrize(
    "first, second, side",
    [
        ("China called for the paragraph to be dropped.", "Japan wanted it retained.", "B"),
        ("China called for the paragraph to be dropped;", "Japan wanted it to stay.", "B"),
        ("Mexico suggested removing the word 'serious'.", "Japan preferred to keep it.", "B"),
        ("Norway proposed deleting article 17.", "Japan wanted it kept.", "B"),
        ("Norway proposed deleting article 17.", "Japan wanted it deleted.", "A"),
        ("Russia proposed a new article on terrorism.", "Japan preferred deleting it.", "B"),
        ("Russia proposed a new article on terrorism.", "Japan wanted it retained.", "A"),
        ("Canada wanted the reference deleted,", "but Japan insisted that it stay.", "B"),
    ],
)
def test_wanting_the_object_kept_or_dropped_takes_the_matching_side(first, second, side):
    """Before this, every 'wanted it ...' backed the option, whatever was to be done to it."""
    (e,) = events(f"{first} {second}")
    assert camp(e, "JPN") == side


def test_wanting_it_kept_needs_a_fate_word():
    """'wanted it discussed': no keep or drop word, so the side is the verb's own."""
    (e,) = events("Norway proposed deleting article 17. Japan wanted it discussed first.")
    assert camp(e, "JPN") != "B"


@pytest.mark.parametrize(
    "text",
    [
        "It was Iran that called for a vote on the deletion.",
        "It was Iran who called for a vote on the deletion.",
        "But it was Iran that called for a vote on the deletion.",
    ],
)
def test_a_cleft_makes_its_focus_the_subject(text):
    """Before this, 'It was X that ...' left X without a verb."""
    (e,) = events(text)
    assert camp(e, "IRN") == "A"


@pytest.mark.parametrize(
    "text, side",
    [
        ("Among those pushing hardest for the narrower scope were Japan and Chile.", "A"),
        ("Leading the push for a broad treaty were Japan and Chile.", "A"),
        ("Russia proposed a new article. Opposing it were Japan and Chile.", "B"),
    ],
)
def test_a_fronted_side_verb_is_taken_by_the_names_after_the_copula(text, side):
    evs = [e for e in events(text) if camp(e, "JPN")]
    assert len(evs) == 1
    assert camp(evs[0], "JPN") == side and camp(evs[0], "CHL") == side


def test_roll_call_lines_with_a_dash_are_labels():
    text = (
        "Recorded vote on operative paragraph 5\n"
        "Yes \u2014 Egypt, Iran, Pakistan\n"
        "No \u2014 Canada, Norway, Switzerland\n"
        "Abstained \u2014 Mexico, Chile\n"
    )
    (e,) = events(text)
    assert {camp(e, c) for c in ("EGY", "IRN", "PAK")} == {"A"}
    assert {camp(e, c) for c in ("CAN", "NOR", "CHE")} == {"B"}
    assert set(e.neutral) == {"MEX", "CHL"}


def test_a_reply_opening_with_no_and_a_dash_is_not_a_label():
    """'No - Canada thinks otherwise.': the list has a verb of its own."""
    assert not any(camp(e, "CAN") == "B" for e in events("No - Canada thinks otherwise."))


@pytest.mark.parametrize(
    "text",
    [
        "Washington and its allies failed to stop the resolution.",
        "Japan tried to prevent the adoption of the text.",
    ],
)
def test_failing_to_stop_a_text_is_opposing_it(text):
    evs = [e for e in events(text) if e.actors()]
    assert len(evs) == 1
    assert all(camp(evs[0], c) == "B" for c in evs[0].actors())


def test_trying_to_prevent_crime_is_no_vote_on_a_text():
    evs = events("Japan tried to prevent cybercrime.")
    assert not any(camp(e, "JPN") == "B" for e in evs)


@pytest.mark.parametrize(
    "text, side",
    [
        ("Britain said on Wednesday it could not sign up to the compromise package.", "B"),
        ("Britain said on Wednesday that it would vote against the package.", "B"),
        ("Britain said in a statement that it backed the text.", "A"),
    ],
)
def test_a_short_adjunct_after_said_keeps_the_reported_clause(text, side):
    """Before this, 'said on Wednesday it ...' lost the clause after the adjunct."""
    (e,) = events(text)
    assert camp(e, "GBR") == side


@pytest.mark.parametrize(
    "text, side",
    [
        ("The UK is uneasy with paragraph 5 bis.", "B"),
        ("Japan was not comfortable with the proposal.", "B"),
        ("Canada said it was comfortable with article 23.", "A"),
        ("The EU still stands apart from the resolution.", "B"),
        ("The EU gave the green light to the convention.", "A"),
        ("EU governments backed the convention.", "A"),
        ("The US has given its backing to the process.", "A"),
        ("Russia said that it would not break consensus on the text.", "A"),
        ("Russia broke consensus on the text.", "B"),
    ],
)
def test_phrases_of_ease_distance_and_consent(text, side):
    (e,) = [e for e in events(text) if e.actors()]
    (code,) = e.actors()
    assert camp(e, code) == side


@pytest.mark.parametrize(
    "text",
    [
        "Russia, China, India and, yes, Tonga had put forward edits to the article.",
        "Russia, China, India and, worth noting, both Tonga and Fiji put forward edits.",
    ],
)
def test_an_aside_after_and_keeps_the_list_going(text):
    (e,) = [e for e in events(text) if camp(e, "RUS")]
    assert camp(e, "TON") == "A" and camp(e, "IND") == "A"


def test_names_after_the_aside_are_not_joined_when_a_name_sits_inside_it():
    """'and, as Japan noted, Chile': the aside names an actor, so it is no filler."""
    evs = events("Russia and, as Japan noted, Chile backed the text.")
    assert evs and not any(camp(e, "JPN") for e in evs)


def test_names_as_its_backers_support_the_text():
    (e,) = events("Russia tabled the resolution, with China, Belarus and Nicaragua as its backers.")
    assert e.proposer == "RUS"
    assert {camp(e, c) for c in ("CHN", "BLR", "NIC")} == {"A"}


@pytest.mark.parametrize(
    "text, code",
    [
        ("New Delhi wants transfers of personal data governed by domestic law.", "IND"),
        ("India's submission proposed a notion of data-oriented jurisdiction.", "IND"),
        ("India's written input for the second session put forward a new notion.", "IND"),
        ("Russia spent the week pushing for a broad scope.", "RUS"),
    ],
)
def test_who_proposes(text, code):
    (e,) = events(text)
    assert e.proposer == code


def test_a_submission_that_is_backed_is_not_its_author_backing():
    evs = events("India's submission was backed by Brazil.")
    assert not any(e.proposer == "IND" and "BRA" not in e.actors() for e in evs)


def test_it_after_a_semicolon_is_the_subject_before_it():
    evs = events(
        "India wants transfers governed by domestic law; it has asked for the clause on "
        "transfer arrangements to be struck out."
    )
    assert len(evs) == 2 and {e.proposer for e in evs} == {"IND"}


def test_a_speaker_label_with_a_note_in_brackets_names_the_speaker():
    evs = events("Russian Federation (right of reply): We cannot accept that the treaty be final.")
    (e,) = evs
    assert camp(e, "RUS") == "B"


def test_views_just_expressed_by_a_speaker_are_backed():
    evs = events(
        "Russia proposed a universal convention. India shares the views just expressed by "
        "the Russian Federation."
    )
    (e,) = evs
    assert e.proposer == "RUS" and camp(e, "IND") == "A"


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Sato (Japan): We want to be clear that the session was long.",
        "IRAN: We want the record to show that these provisions never enjoyed consensus.",
    ],
)
def test_framing_wants_take_no_side(text):
    assert events(text) == []


def test_a_concessive_opponent_before_a_demonym_subject_stays_apart():
    """'Despite resistance from Moscow, the Brazilian delegation ...': two clauses, not a
    list of two names (before this, Brazil took Moscow's side against its own text)."""
    (e,) = events(
        "Despite fierce resistance from Moscow, the Brazilian delegation managed to get its "
        "language into Article 24."
    )
    assert e.proposer == "BRA" and camp(e, "RUS") == "B"


def test_names_grouped_under_a_colon_take_its_side_on_one_text():
    text = (
        "Of the 72 signatures gathered at the Hanoi event (25-26 October 2025), 21 came "
        "from Africa. Grouped by subregion, the signatories are:\n"
        "Northern Africa: Algeria; Egypt\n"
        "Western Africa: Ghana\n"
        "Middle Africa: Angola; DRC\n"
        "These are first-round signatures."
    )
    (e,) = events(text)
    assert {camp(e, c) for c in ("DZA", "EGY", "GHA", "AGO", "COD")} == {"A"}


def test_group_lines_in_a_wrapped_vote_list_keep_each_side():
    """Hard-wrapped text ran 'Asia: China, Iran' into the next line 'Against:'."""
    text = (
        "The draft was adopted by a recorded vote. In favour:\n"
        "Africa: Algeria, Egypt\n"
        "Asia: China, Iran\n"
        "Against:\n"
        "Europe: France, Germany\n"
    )
    (e,) = events(text)
    assert {camp(e, c) for c in ("DZA", "EGY", "CHN", "IRN")} == {"A"}
    assert {camp(e, c) for c in ("FRA", "DEU")} == {"B"}


def test_option_items_under_a_colon_stay_options():
    text = (
        "The following supported the proposals:\n"
        "* Keep voluntary contributions: Chile, Peru\n"
        "* Delete article 5: Japan\n"
    )
    evs = events(text)
    assert len(evs) == 2


def test_a_dash_between_an_option_and_its_backers_in_a_bullet():
    text = (
        "Where delegations stood on the title:\n\n"
        "* A long title echoing the mandate -- Russia, China (the Russian approach).\n"
        "* A short title -- Canada, Japan.\n"
    )
    evs = events(text)
    assert len(evs) == 2
    assert {camp(e, "RUS") for e in evs} == {"A", ""}


def test_a_relative_about_another_noun_is_not_about_the_focus():
    """'... the Council of Europe accord that Washington has long promoted': not the sponsors'
    text (before this, the US joined its sponsors)."""
    evs = events(
        "Its sponsors included China and Cuba, and supporters pitch it as a rival to the "
        "Budapest Convention, the Council of Europe accord that Washington has long promoted."
    )
    assert not any(camp(e, "USA") for e in evs)


def test_a_relative_about_the_focus_still_joins_it():
    (e,) = events("Japan opposed the annex on offences, which Kenya had proposed.")
    assert camp(e, "JPN") == "B" and camp(e, "KEN") == "A"


@pytest.mark.parametrize(
    "text, code",
    [
        ("A resolution steered by Moscow cleared the committee.", "RUS"),
        ("Bogota says it secured a preambular paragraph on gender.", "COL"),
    ],
)
def test_more_authors(text, code):
    (e,) = events(text)
    assert e.proposer == code


@pytest.mark.parametrize(
    "text",
    [
        "The continent is proud that this Committee was steered by Algeria.",
        "Viet Nam has offered to host the signing ceremony.",
    ],
)
def test_chairing_and_hosting_take_no_side(text):
    assert events(text) == []


def test_an_included_aside_names_the_subject():
    (e,) = events("Several states, Saudi Arabia included, backed the text.")
    assert e.proposer == "SAU" or camp(e, "SAU") == "A"


def test_urged_to_rally_behind_is_the_speakers_side():
    (e,) = events("Russia urged other governments on Wednesday to rally behind the draft.")
    assert e.proposer == "RUS" or camp(e, "RUS") == "A"


def test_a_fact_sheet_names_the_author_and_the_backers_of_one_text():
    text = (
        "- Text: the follow-up resolution on countering criminal misuse of ICTs\n"
        "- Proposed by: the Russian Federation\n"
        "- Co-drafted with: Equatorial Guinea\n"
        "- Supported by: China, Cuba\n"
        "- Opposed by: Ukraine\n"
        "- Action: adopted by consensus\n"
    )
    (e,) = events(text)
    assert e.proposer == "RUS"
    assert {camp(e, c) for c in ("GNQ", "CHN", "CUB")} == {"A"} and camp(e, "UKR") == "B"


def test_voted_for_opens_a_line_of_its_own_in_wrapped_text():
    (e,) = events("The amendment (L.5)\nSubmitted by: Iran\nVoted for: China, Cuba\n")
    assert e.proposer == "IRN" and camp(e, "CHN") == "A" and camp(e, "CUB") == "A"


def test_a_label_naming_who_asked_stays_an_option():
    """'Delegations that asked for it to be deleted: A, B' is no author label."""
    (e,) = events("Delegations that asked for it to be deleted: Japan, Chile.")
    assert e.proposer is None and camp(e, "JPN") == "A"


def test_backing_given_with_reservations_is_backing():
    (e,) = events("The US has given its backing, with reservations, to the process.")
    assert e.proposer == "USA" or camp(e, "USA") == "A"


def test_a_participle_said_of_a_name_is_not_its_verb():
    """'Vietnam, criticised in a report for curbs, has arrested ...': no side for Vietnam."""
    evs = events(
        "Vietnam, criticised in an August report for curbs on online expression, has "
        "arrested at least 40 people."
    )
    assert evs == []


def test_praise_from_another_state_is_no_side_on_the_text():
    (e,) = events("Vietnam, praised by China for its hosting, backed the text.")
    assert e.proposer == "VNM" and not camp(e, "CHN")


def test_support_named_beside_the_subject_still_backs_its_proposal():
    (e,) = events("The EU, supported by Norway, proposed deleting the article.")
    assert e.proposer == "EU" and camp(e, "NOR") == "A"


def test_among_them_with_a_bracketed_hedge_keeps_the_verb():
    (e,) = events(
        "A sizeable bloc, Russia, Eritrea and Ghana among them (though by no means only "
        "them), spent the fortnight trying to stretch the treaty's powers."
    )
    assert {camp(e, c) for c in ("RUS", "ERI", "GHA")} == {"A"}


@pytest.mark.parametrize(
    "text",
    [
        "<p>Russia and <b>China</b> supported the amendment; <i>Canada</i> opposed it.</p>",
        "Russia and **China** supported the amendment; Canada opposed it.",
    ],
)
def test_markup_in_a_text_file_is_read_through(text):
    """A .txt holding tags or emphasis markers: before this, the markers hid every name."""
    (e,) = extract_text(text, file="pasted.txt").events
    assert camp(e, "RUS") == "A" and camp(e, "CHN") == "A" and camp(e, "CAN") == "B"


def test_the_union_in_the_eus_own_turn_is_the_eu():
    text = (
        "CHAIR: The draft is approved.\n"
        "EUROPEAN UNION: The Union also voted against the draft.\n"
        "JAPAN: Japan, too, voted against, Mr. Chair.\n"
    )
    (e,) = events(text)
    assert camp(e, "EU") == "B" and camp(e, "JPN") == "B"


@pytest.mark.parametrize(
    "text",
    [
        "Seventy-two states signed the Convention, among them the UK, China and Brazil.",
        "Seventy-two states signed the Convention, including the UK, China and Brazil.",
    ],
)
def test_signers_named_after_a_count_back_the_text(text):
    (e,) = events(text)
    assert {camp(e, c) for c in ("GBR", "CHN", "BRA")} == {"A"}


@pytest.mark.parametrize(
    "text, code",
    [
        ("Brazil put its name to the Convention in Hanoi.", "BRA"),
        ("European countries signed the Convention.", "EU"),
        ("The North Korean delegation backed the text.", "PRK"),
        ("The South Korean delegation backed the text.", "KOR"),
    ],
)
def test_signing_and_demonyms(text, code):
    (e,) = events(text)
    assert e.proposer == code or camp(e, code) == "A"


@pytest.mark.parametrize(
    "text",
    [
        "Several Latin American delegations backed the text.",
        "South American states backed the text.",
        "West African states backed the text.",
    ],
)
def test_a_region_before_a_demonym_is_no_state(text):
    """Before this, 'Latin American delegations' were the US, 'West African states' the
    African Group."""
    assert events(text) == []


def test_a_colon_list_after_objected_to_them_opposes_the_event_in_focus():
    text = (
        "Delegations returned to the exceptions, which the US and the EU had championed. "
        "A long line of speakers objected to them: Pakistan, Nicaragua and Iraq, joined by "
        "Venezuela, with Kenya also taking the floor to say the carve-outs open loopholes."
    )
    (e,) = events(text)
    assert camp(e, "USA") == "A"
    assert {camp(e, c) for c in ("PAK", "NIC", "IRQ", "VEN", "KEN")} == {"B"}


def test_joined_by_after_a_subject_still_backs_its_proposal():
    (e,) = events("Japan proposed a new article. Chile opposed it, joined by Peru.")
    assert camp(e, "CHL") == "B" and camp(e, "PER") == "B"


def test_a_camp_led_by_states_in_a_vote_is_on_the_winning_side():
    (e,) = events("The provisions were kept by 91 votes to 51, a camp led by the US and the EU.")
    assert camp(e, "USA") == "A" and camp(e, "EU") == "A"


@pytest.mark.parametrize(
    "text", ["The session was chaired by Algeria.", "The informals, facilitated by Jamaica, met."]
)
def test_chairing_by_a_state_is_no_side(text):
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "- Signature window: two days at the National Convention Centre (host: Viet Nam)",
        "Chair: Algeria",
    ],
)
def test_an_office_label_names_no_side(text):
    assert events(text) == []


def test_lined_up_against_a_text_opposes_it_and_a_long_list_of_keeps_the_list():
    (e,) = events(
        "The initiative was brought forward by Russia. The United States and a long list of "
        "European states lined up against it."
    )
    assert e.proposer == "RUS" and camp(e, "USA") == "B" and camp(e, "EU") == "B"


def test_lined_up_against_states_is_a_rivalry_not_a_side():
    evs = events("The round is a proxy fight that has Washington lined up against Moscow.")
    assert evs == []


@pytest.mark.parametrize(
    "heading",
    [
        "Russian Federation. Remarks by Mr. Bukin at the close of the debate",
        "Russian Federation. Statement by Mr. Bukin",
    ],
)
def test_a_heading_with_a_full_stop_after_its_author_names_the_speaker(heading):
    (e,) = events(f"{heading}\nWe want a convention focused on crime.")
    assert e.proposer == "RUS"


def test_a_sentence_after_an_actor_and_a_stop_is_no_heading():
    """'Russia opposed it. Statements by other delegations followed.': no author heading."""
    evs = events("Russia opposed it. Statements by other delegations followed.")
    assert all(e.proposer in (None, "RUS") for e in evs)


def test_a_signature_table_with_pipes_names_its_signatories():
    text = (
        "| State | Signature | Ratification |\n|---|---|---|\n"
        "| Viet Nam | 25 Oct 2025 | |\n| Russia | 25 Oct 2025 | |\n"
        "| Brazil | 25 Oct 2025 | |\n| Chile | | |\n"
    )
    (e,) = events(text)
    assert {camp(e, c) for c in ("VNM", "RUS", "BRA")} == {"A"} and not camp(e, "CHL")


def test_signed_by_a_list_closed_by_and_after_a_semicolon():
    (e,) = events("Signed by: Belarus; Cuba; Iran; Russian Federation; and Venezuela.")
    assert {camp(e, c) for c in ("BLR", "CUB", "IRN", "RUS", "VEN")} == {"A"}


def test_a_text_signed_by_states_is_backed_by_them():
    (e,) = events("The convention was signed by Brazil and Chile on the first day.")
    assert camp(e, "BRA") == "A" and camp(e, "CHL") == "A"
