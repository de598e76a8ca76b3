"""Draft dataset files from extracted events, and citation overlap (sentences written for the
tests)."""

from __future__ import annotations

import pytest
import yaml

from graphkit.errors import LoadError
from graphkit.model import Citation, Event
from loaders.actors import reference
from loaders.dataset import load_sessions, read_positions_file
from loaders.extract import extract_file, to_events
from loaders.extract.draft import Cited, draft_yaml, from_source, overlapping

REPORT = (
    "Day 3 (31 January)\n\n"
    "Norway proposed to shorten the review period in Article 12, which was supported by "
    "Chile, Peru and Ghana but opposed by Cuba. Jamaica, on behalf of CARICOM, reserved its "
    "position on the proposal. Iran opposed the inclusion of a reference to gender in "
    'Article 5. Egypt said "the text is fine".\n'
)


def _extract(tmp_path):
    src = tmp_path / "ahc7_day3.txt"
    src.write_text(REPORT, encoding="utf-8")
    return src, extract_file(src, session="AHC-7")


def test_draft_round_trips_through_the_dataset_loader(tmp_path):
    src, res = _extract(tmp_path)
    assert res.events
    text = draft_yaml(res.events, src)
    out = tmp_path / "010_draft.yaml"
    out.write_text(text, encoding="utf-8")
    loaded = read_positions_file(out, reference(), load_sessions())
    assert len(loaded) == len(res.events)
    for got, want in zip(loaded, res.events, strict=True):
        assert got.citation.file == "ahc7_day3.txt"
        assert (got.citation.start, got.citation.end) == (want.char_start, want.char_end)
        assert got.proposer == want.proposer
        assert set(got.support) == set(want.support) - {want.proposer}
        assert set(got.oppose) == set(want.oppose)
        assert set(got.neutral) == set(want.neutral)
        assert got.on_behalf_of == want.on_behalf_of
        assert got.session == "AHC-7"
        assert got.date == want.date
        # the cited passage is the one the extractor read
        assert REPORT[got.citation.start : got.citation.end] == want.sentence


def test_draft_has_confidence_and_cue_comments_and_plain_yaml(tmp_path):
    src, res = _extract(tmp_path)
    text = draft_yaml(res.events, src, title="Day 3")
    assert text.count("# confidence ") == len(res.events)
    assert "cue: supported-by list" in text or "cue: subject" in text
    doc = yaml.safe_load(text)
    assert doc["report"] == "ahc7_day3.txt" and doc["title"] == "Day 3"
    ids = [e["id"] for e in doc["events"]]
    assert len(ids) == len(set(ids))
    # quotes inside an option survive
    assert all(isinstance(e["option"], str) for e in doc["events"])


def test_draft_from_loader_events_and_missing_session(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text("Chile proposed a review clause, which was supported by Peru.", "utf-8")
    res = extract_file(src)
    try:
        draft_yaml(res.events, src)
    except Exception as exc:  # LoadError: no session anywhere
        assert "no session" in str(exc)
    else:
        raise AssertionError("expected a LoadError")
    evs = to_events(src, res, default_session="AHC-6")
    text = draft_yaml(evs, src)
    out = tmp_path / "d.yaml"
    out.write_text(text, "utf-8")
    (ev,) = read_positions_file(out, reference(), load_sessions())
    assert ev.proposer == "CHL" and ev.support == ("PER",) and ev.session == "AHC-6"


def test_empty_draft_is_refused_with_one_line(tmp_path):
    """A report with no events gives a draft the loader refuses, saying so (no silent 0)."""
    out = tmp_path / "e.yaml"
    out.write_text(draft_yaml([], "x.txt"), "utf-8")
    with pytest.raises(LoadError, match="holds no events"):
        read_positions_file(out, reference(), load_sessions())


def test_overlapping_citations_same_source_only():
    loaded = [
        Cited("a", "data/x.txt", 0, 100),
        Cited("b", "x.txt", 150, 200),
        Cited("c", "other.txt", 0, 1000),
        Cited("d", "x.txt", 300, 300),  # empty: overlaps nothing
    ]
    new = [
        ("n1", "/tmp/reports/x.txt", 90, 160),  # overlaps a and b
        ("n2", "x.txt", 100, 150),  # touches a's end and b's start: [start, end) -> none
        ("n3", "x.txt", 250, 400),
        ("n4", "y.txt", 0, 10),
    ]
    pairs = overlapping(new, loaded)
    assert [(n.id, o.id) for n, o in pairs] == [("n1", "a"), ("n1", "b")]


def test_overlapping_accepts_events_and_citations_and_is_not_fooled_by_long_spans():
    long = Event("long", "AHC-7", "i", "o", Citation("r.txt", 0, 10_000))
    shorts = [Citation("r.txt", s, s + 5) for s in range(20, 200, 10)]
    new = [Event("n", "AHC-7", "i", "o", Citation("r.txt", 5_000, 5_010))]
    assert [o.id for _n, o in overlapping(new, [*shorts, long])] == ["long"]
    assert len(overlapping(new, shorts)) == 0


def test_from_source_selects_by_file_name():
    loaded = [Cited("a", "data/x.txt", 0, 1), Cited("b", "y.txt", 0, 1), ("c", "x.txt", 2, 3)]
    assert [c.id for c in from_source(loaded, "/some/where/x.txt")] == ["a", "c"]
