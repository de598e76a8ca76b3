"""Calibrated confidences (loaders/extract/calibration.py): cue classes and the table."""

from __future__ import annotations

from loaders.extract import calibration as CAL
from loaders.extract import extract_text


def test_cue_class_strips_speaker_prefix_and_cross_sentence_suffix():
    assert CAL.event_class("subject + support verb") == "subject + side verb / alone"
    assert CAL.event_class("first-person in turn of PER: subject + opposition verb") == (
        "subject + side verb / first-person"
    )
    assert CAL.event_class("subject + proposal verb + previous sentence's proposal") == (
        "subject + proposal verb / later sentence"
    )
    assert CAL.event_class("subject + proposal verb; supported-by list") == (
        "subject + proposal verb / attached"
    )
    assert CAL.event_class("opposed-by list") == "by-list / alone"
    assert CAL.event_class("") == "other / alone"


def test_calibrated_combines_the_class_share_with_the_event_size():
    table = CAL._TABLE
    assert "*" in table and "1-2 facts" in table, "cue_reliability.tsv is missing"
    cues = ["subject + support verb"]
    small, large = CAL.calibrated(0.1, cues, 1), CAL.calibrated(0.1, cues, 5)
    assert small < large <= CAL.CEILING  # one or two sides: more often a false alarm
    cls = CAL.event_class(cues)
    assert large == CAL.combine(table[cls], table["3+ facts"], table["*"])
    # a class never seen takes its group's share
    fp_list = ["first-person in turn of PER: supported-by list"]
    assert CAL.event_class(fp_list) not in table
    assert CAL.calibrated(0.1, fp_list, 3) == CAL.combine(
        table["by-list"], table["3+ facts"], table["*"]
    )
    with CAL.disabled():
        assert CAL.calibrated(0.1, cues, 5) == 0.1


def test_combine_is_the_class_share_when_the_size_says_nothing():
    assert CAL.combine(0.7, 0.9, 0.9) == 0.7
    assert CAL.combine(0.7, 0.5, 0.9) < 0.7 < CAL.combine(0.7, 0.95, 0.9)


def test_extractor_confidence_is_the_calibrated_share():
    text = "Ghana proposed a review clause. It was opposed by Norway, Chile and Peru."
    res = extract_text(text)
    assert res.events
    for e in res.events:
        assert 0.0 < e.confidence <= CAL.CEILING
        assert e.confidence == CAL.calibrated(-1.0, e.cue.split("; "), len(e.actors()))
    with CAL.disabled():
        raw = extract_text(text).events
    assert [e.confidence for e in raw] != [e.confidence for e in res.events]
