"""Negotiation blocs against a recorded vote: the measure, and the real AHC-7 / 74/247 result."""

from __future__ import annotations

import json

import pytest

from graphkit.validate import against_vote
from tests.conftest import blocs


def test_blocs_that_vote_as_blocs_give_v_one():
    partition = {f"A{i}": i % 2 for i in range(20)}
    votes = {a: ("yes" if b == 0 else "no") for a, b in partition.items()}
    result = against_vote(partition, votes, roll_call="R")
    assert result.cramers_v == pytest.approx(1.0)
    assert result.table == ((10, 0), (0, 10)) and result.p_value < 1e-3


def test_unrelated_votes_give_small_v():
    partition = {f"A{i}": i % 2 for i in range(40)}
    votes = {f"A{i}": ("yes" if (i // 2) % 2 else "no") for i in range(40)}
    result = against_vote(partition, votes, roll_call="R")
    assert result.cramers_v < 0.1


def test_only_actors_in_both_count():
    result = against_vote({"A": 0, "B": 1, "C": 1}, {"A": "yes", "B": "no", "Z": "no"},
                          roll_call="R")  # fmt: skip
    assert result.actors == 2 and result.only_in_blocs == ("C",)
    assert result.cramers_v is not None


def test_ahc7_blocs_line_up_with_the_vote_that_created_the_committee(loaded_dir):
    r = blocs("validate", "--format", "json", "--runs", "20", data_dir=loaded_dir)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["roll_call"] == "UNGA-RC-9087" and doc["actors"] > 80
    assert doc["cramers_v"] > 0.4 and doc["p_value"] < 1e-6
    rows = {row["label"]: row for row in doc["table"]}
    western = next(row for label, row in rows.items() if "EU" in label)
    assert western["no"] > western["yes"] + western["abstain"]
