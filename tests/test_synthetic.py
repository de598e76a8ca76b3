"""The planted-bloc generator and the recovery measures behave as the benchmark assumes."""

from __future__ import annotations

from graphkit.analysis import analyze
from graphkit.synthetic import negotiation, recovery, roll_calls


def test_generator_is_seeded():
    a, _ = negotiation(30, 3, 40, noise=0.2, seed=7)
    b, _ = negotiation(30, 3, 40, noise=0.2, seed=7)
    c, _ = negotiation(30, 3, 40, noise=0.2, seed=8)
    assert a == b and a != c


def test_clean_roll_calls_are_recovered_exactly():
    positions, truth = roll_calls(40, 4, 60, noise=0.0, seed=1)
    report = analyze(positions, runs=10, null_shuffles=0, seed=0)
    assert recovery(truth, report.partition()) == {"nmi": 1.0, "ari": 1.0}


def test_pure_noise_recovers_nothing():
    positions, truth = roll_calls(40, 4, 60, noise=1.0, seed=1)
    report = analyze(positions, runs=10, null_shuffles=0, seed=0)
    assert recovery(truth, report.partition())["ari"] < 0.2


def test_negotiations_recover_planted_camps_at_low_noise():
    positions, truth = negotiation(45, 3, 150, noise=0.05, seed=3)
    report = analyze(positions, runs=10, null_shuffles=0, seed=0)
    assert recovery(truth, report.partition())["nmi"] > 0.9
