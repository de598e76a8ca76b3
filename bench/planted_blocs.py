"""How much data makes a bloc trustworthy? Recovery of planted blocs against noise and size.

Synthetic negotiations (stated positions, competing options) and roll calls with K planted blocs
among N actors (graphkit.synthetic); blocs found by the same analysis as real data (consensus
over seeds of each method in --methods: net, the default, and louvain, the previous default);
recovery measured by NMI and adjusted Rand index, averaged over seeds. Prints two tables per
method and writes a PNG of the curves of the first.

    python bench/planted_blocs.py [--actors 60] [--blocs 3] [--seeds 3] [--runs 20]
                                  [--methods net,louvain] [-o FILE.png]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.analysis import analyze  # noqa: E402
from graphkit.synthetic import negotiation, recovery, roll_calls  # noqa: E402

NOISES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
SIZES = (10, 25, 50, 100, 200)


def sweep(kind: str, actors: int, blocs: int, seeds: int, runs: int, method: str) -> dict:
    make = negotiation if kind == "negotiation" else roll_calls
    table = {}
    for size in SIZES:
        for noise in NOISES:
            scores = []
            for seed in range(seeds):
                positions, truth = make(actors, blocs, size, noise=noise, seed=seed)
                report = analyze(positions, runs=runs, seed=seed, null_shuffles=0, bootstrap=0,
                                 method=method)  # fmt: skip
                scores.append(recovery(truth, report.partition()))
            table[size, noise] = (
                statistics.mean(s["nmi"] for s in scores),
                statistics.mean(s["ari"] for s in scores),
            )
    return table


def print_table(kind: str, table: dict, unit: str) -> None:
    print(f"\n{kind}: NMI / ARI by number of {unit} (rows) and noise (columns)")
    print(f"{unit:>10} " + " ".join(f"{'p=' + str(n):>11}" for n in NOISES))
    for size in SIZES:
        cells = " ".join(f"{table[size, n][0]:5.2f}/{table[size, n][1]:5.2f}" for n in NOISES)
        print(f"{size:>10} {cells}")


def plot(tables: dict, path: Path, actors: int, blocs: int, method: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
    for ax, (kind, table) in zip(axes, tables.items(), strict=True):
        for size in SIZES:
            ax.plot(NOISES, [table[size, n][1] for n in NOISES], marker="o", label=f"{size}")
        ax.set_title(f"{kind}: {actors} actors, {blocs} planted blocs")
        ax.set_xlabel("noise p (share of random positions)")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("adjusted Rand index (1 = planted blocs recovered)")
    axes[1].legend(title="proposals / roll calls", fontsize=8)
    fig.suptitle(f"Recovery of planted blocs (consensus, method {method})")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=60)
    ap.add_argument("--blocs", type=int, default=3)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--methods", default="net,louvain", help="comma-separated, first plotted")
    ap.add_argument("-o", "--output", type=Path, default=Path("bench/out/planted_blocs.png"))
    args = ap.parse_args()
    t0 = time.perf_counter()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _figures import figure

    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    for k, method in enumerate(methods):
        tables = {
            kind: sweep(kind, args.actors, args.blocs, args.seeds, args.runs, method)
            for kind in ("negotiation", "roll calls")
        }
        print(f"\n=== method {method}")
        print_table("negotiations", tables["negotiation"], "proposals")
        print_table("roll calls", tables["roll calls"], "votes")
        if k == 0:
            plot(tables, args.output, args.actors, args.blocs, method)
        neg, rc = tables["negotiation"], tables["roll calls"]
        suffix = "" if k == 0 else f" [{method}]"
        figure(f"planted ARI, 50 proposals, noise 0.3{suffix}", neg[50, 0.3][1])
        figure(f"planted ARI, 25 roll calls, noise 0.4{suffix}", rc[25, 0.4][1])
        mean_nmi = statistics.mean(v[0] for t in tables.values() for v in t.values())
        mean_ari = statistics.mean(v[1] for t in tables.values() for v in t.values())
        figure(f"planted mean NMI over the sweep{suffix}", mean_nmi)
        figure(f"planted mean ARI over the sweep{suffix}", mean_ari)
    print(f"\nwrote {args.output} ({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
