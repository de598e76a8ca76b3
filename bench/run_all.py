"""Every benchmark, one command, one table: `python bench/run_all.py [--quick] [--full]`.

Runs each script under bench/ in a fresh process, shows its output, and ends with a table of the
headline figures (the `figure: NAME = VALUE UNIT` lines the scripts print). `--quick` uses small
sizes (a couple of minutes); `--full` adds the long runs (the full 870k-vote General Assembly
history: load and bloc detection over 74 sessions).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"

QUICK = [
    ("end to end report", ["e2e_report.py", "--runs", "5"]),
    ("positions load", ["load_positions.py", "--events", "2000"]),
    (
        "projection vs Cypher",
        ["projection_vs_cypher.py", "--sizes", "60x100,120x300", "--repeat", "2"],
    ),
    (
        "community backends",
        ["community_backends.py", "--graphs", "1", "--seeds", "3", "--runs", "100"],
    ),
    ("planted blocs", ["planted_blocs.py", "--seeds", "2", "--runs", "10"]),
    ("extractor accuracy", ["extract_accuracy.py"]),
    ("extractor speed", ["extract_speed.py", "--mb", "5"]),
]
FULL = [
    ("votes load (870k)", ["load_votes.py"]),
    ("UNGA history blocs", ["unga_history.py"]),
]
FIGURE = re.compile(r"^figure: (.+?) = (\S+)(?: (.*))?$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="also the full-history runs (minutes)")
    args = ap.parse_args()
    plan = QUICK + (FULL if args.full else [])
    rows = []
    for title, cmd in plan:
        script = HERE / cmd[0]
        if not script.exists():
            rows.append((title, "missing", "", "", ""))
            continue
        print(f"\n=== {title}: python bench/{' '.join(cmd)}", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script), *cmd[1:]], capture_output=True,
                              text=True)  # fmt: skip
        elapsed = time.perf_counter() - t0
        print(proc.stdout[-4000:], end="")
        if proc.returncode != 0:
            print(proc.stderr[-2000:])
        figures = [FIGURE.match(line) for line in proc.stdout.splitlines()]
        figures = [m for m in figures if m]
        status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}"
        if not figures:
            rows.append((title, status, f"{elapsed:.0f} s", "(see output)", ""))
        for m in figures:
            rows.append(
                (title, status, f"{elapsed:.0f} s", m.group(1), f"{m.group(2)} {m.group(3) or ''}")
            )
    print("\n" + "-" * 100)
    print(f"{'bench':<24} {'status':<8} {'took':>6}  {'figure':<46} value")
    for title, status, took, name, value in rows:
        print(f"{title:<24} {status:<8} {took:>6}  {name:<46} {value}")


if __name__ == "__main__":
    main()
