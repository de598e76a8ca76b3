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


def test_calibrated_reads_the_table_and_backs_off_to_group_then_overall():
    table = CAL._TABLE
    assert table, "cue_reliability.tsv is missing"
    cls = "subject + side verb / alone"
    assert CAL.calibrated(0.1, ["subject + support verb"]) == table.get(cls, table.get("*"))
    # a class never seen falls back to its group's share, an unknown group to the overall one
    fp_list = ["first-person in turn of PER: supported-by list"]
    assert CAL.event_class(fp_list) not in table
    assert CAL.calibrated(0.1, fp_list) == table.get("by-list", table["*"])
    with CAL.disabled():
        assert CAL.calibrated(0.1, ["subject + support verb"]) == 0.1


def test_extractor_confidence_is_the_calibrated_share():
    res = extract_text("Ghana proposed a review clause. It was opposed by Norway.")
    assert res.events
    for e in res.events:
        assert 0.0 < e.confidence <= 1.0
        assert e.confidence == CAL.calibrated(-1.0, e.cue.split("; "))
    with CAL.disabled():
        raw = extract_text("Ghana proposed a review clause. It was opposed by Norway.").events
    assert [e.confidence for e in raw] != [e.confidence for e in res.events]
