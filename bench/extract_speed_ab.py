"""Throughput of two checkouts of this repository on the same text, interleaved (one core).

    python bench/extract_speed_ab.py BEFORE_DIR AFTER_DIR [--mb 10] [--rounds 2] [seeds]

Each round runs the extractor of BEFORE_DIR and then of AFTER_DIR (each in its own process,
importing that checkout's `loaders`) on the same generated corpus (bench/extract_speed.py's
`corpus`), and prints the CPU throughput, best of --repeat runs per process. On a machine whose
speed drifts by tens of percent, interleaving is what makes the two figures comparable.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

_CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {repo!r} + '/bench'); sys.path.insert(0, {repo!r})
import extract_speed as ES
from loaders.extract import extract_text
text = ES.corpus(Path({seeds!r}), {mb})
extract_text(text[:50000])  # warm the actor index and the patterns
best = min(
    (lambda t0: (extract_text(text), time.process_time() - t0)[1])(time.process_time())
    for _ in range({repeat})
)
print(f"{{len(text) / 1e6 / best:.2f}}")
"""


def throughput(repo: Path, seeds: Path, mb: float, repeat: int) -> float:
    code = _CHILD.format(repo=str(repo), seeds=str(seeds), mb=mb, repeat=repeat)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{repo}: the extractor failed: {out.stderr.strip().splitlines()[-1]}")
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("seeds", nargs="?", type=Path, default=root.parent / "shared" / "seeds")
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    for repo in (args.before, args.after):
        if not (repo / "loaders" / "extract").is_dir():
            raise SystemExit(f"{repo}: not a checkout of this repository (no loaders/extract)")
    for r in range(args.rounds):
        for label, repo in (("before", args.before), ("after", args.after)):
            mbs = throughput(repo, args.seeds, args.mb, args.repeat)
            print(
                f"round {r + 1}  {label:6}  {mbs:.2f} MB/s  ({args.mb:g} MB, best of {args.repeat})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
