"""End to end: `blocs report --all-sessions` on the bundled data, cold process, median of N runs.

Each run is a new process (imports, embedded database start from its snapshot, export, consensus
over 100 runs per session, null model, rendering, shutdown). Aim: <= 1.5 s.

    python bench/e2e_report.py [--runs 5] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _figures import figure  # noqa: E402


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {result.stderr}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data-dir", type=Path, help="default: a fresh temp dir, loaded first")
    args = ap.parse_args()
    blocs = shutil.which("blocs") or sys.exit("install the package first: pip install .")
    tmp = None
    if args.data_dir is None:
        tmp = tempfile.mkdtemp()
        args.data_dir = Path(tmp) / "db"
    env = {**os.environ, "BLOCS_DATA_DIR": str(args.data_dir)}
    env = {k: v for k, v in env.items() if not k.startswith("NEO4J_")}
    try:
        load = [timed([blocs, "load"], env) for _ in range(2)]
        report = [timed([blocs, "report", "--all-sessions"], env) for _ in range(args.runs)]
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"blocs load (bundled, cold process): {', '.join(f'{t:.2f}' for t in load)} s")
    print(f"blocs report --all-sessions, {args.runs} cold runs: "
          + ", ".join(f"{t:.2f}" for t in report) + " s")  # fmt: skip
    figure("e2e report --all-sessions (median, cold)", statistics.median(report), "s")
    figure("e2e load bundled (second run)", load[-1], "s")


if __name__ == "__main__":
    main()
