"""Shared by the benches: the `figure: NAME = VALUE UNIT` lines `bench/run_all.py` reads, and
the peak memory of a process."""

from __future__ import annotations

from pathlib import Path


def figure(name: str, value: float | str, unit: str = "") -> None:
    if isinstance(value, int | float):
        text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    else:
        text = str(value)
    print(f"figure: {name} = {text} {unit}".rstrip(), flush=True)


def vm_hwm_mb(pid: int | None) -> float | None:
    """Peak resident memory (VmHWM) of a process (e.g. the database server), in MB."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
