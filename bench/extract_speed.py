"""Throughput of the report extractor on a large generated corpus (one core).

    python bench/extract_speed.py [SEEDS_DIR] [--mb 50] [--small-mb 5]

The corpus is the seed reports concatenated and repeated up to `--mb` megabytes (UTF-8). The
script prints MB/s for the full corpus, and the ratio of run times for 1x and 10x input
(`--small-mb` and 10 times that, best of 3 interleaved runs each) to show that the time grows
linearly.

The extractor is single-threaded. Throughput is computed from the process CPU time (one core),
which stays meaningful on a busy machine; wall-clock time is printed next to it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.extract import extract_text  # noqa: E402


def corpus(seeds: Path, mb: float) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir()) if p.is_file()]
    unit = "\n\n".join(parts) + "\n\n"
    target = int(mb * 1_000_000)
    size = len(unit.encode("utf-8"))
    reps = max(1, -(-target // size))
    return unit * reps


def timed(text: str, repeat: int = 1) -> tuple[float, float, int]:
    """(cpu seconds, wall seconds, events), the best of `repeat` runs."""
    best = (float("inf"), float("inf"), 0)
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        res = extract_text(text, file="corpus.txt")
        run = (time.process_time() - c0, time.perf_counter() - w0, len(res.events))
        best = min(best, run)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", nargs="?", default=str(ROOT / ".." / "shared" / "seeds"))
    ap.add_argument("--mb", type=float, default=50.0, help="size of the large corpus (MB)")
    ap.add_argument("--small-mb", type=float, default=5.0, help="1x size for the scaling ratio")
    args = ap.parse_args(argv)
    seeds = Path(args.seeds)
    if not seeds.is_dir():
        print(f"no seeds folder {seeds}")
        return 1
    extract_text("warm-up: Chile proposed X, which was supported by Peru.")
    small = corpus(seeds, args.small_mb)
    big10 = small * 10
    # interleaved runs, best of 3 each: load changes on a busy machine hit both sizes alike
    r1, r10 = [], []
    for _ in range(3):
        r1.append(timed(small))
        r10.append(timed(big10))
    (t1, w1, _), (t10, w10, _) = min(r1), min(r10)
    mb1 = len(small.encode("utf-8")) / 1e6
    print(f"1x    {mb1:7.1f} MB  cpu {t1:7.2f} s  {mb1 / t1:6.2f} MB/s   (wall {w1:.2f} s)")
    print(
        f"10x   {mb1 * 10:7.1f} MB  cpu {t10:7.2f} s  {mb1 * 10 / t10:6.2f} MB/s   "
        f"(wall {w10:.2f} s)"
    )
    print(f"time ratio 10x / 1x = {t10 / t1:.2f} cpu, {w10 / w1:.2f} wall (linear = 10)")
    large = corpus(seeds, args.mb)
    mbl = len(large.encode("utf-8")) / 1e6
    tl, wl, n = timed(large)
    print(
        f"large {mbl:7.1f} MB  cpu {tl:7.2f} s  {mbl / tl:6.2f} MB/s   (wall {wl:.2f} s, "
        f"{n} events)"
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _figures import figure

    figure(f"extractor throughput, {mb1:.0f} MB, one core", mb1 / t1, "MB/s")
    figure(f"extractor throughput, {mbl:.0f} MB, one core", mbl / tl, "MB/s")
    figure("extractor time 10x input / 1x", t10 / t1, "(linear = 10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
