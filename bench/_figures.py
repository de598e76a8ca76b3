"""The one convention `bench/run_all.py` reads: a line `figure: NAME = VALUE UNIT` per headline."""

from __future__ import annotations


def figure(name: str, value: float | str, unit: str = "") -> None:
    if isinstance(value, int | float):
        text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    else:
        text = str(value)
    print(f"figure: {name} = {text} {unit}".rstrip(), flush=True)
