"""Which community backend can carry consensus over 100 seeds for 70+ UNGA sessions?

Synthetic UNGA-like sessions: ~190 states in planted blocs of unequal size vote yes/no/abstain
on 80 roll calls, each state straying from its bloc's vote with some probability. Each session
is projected with graphkit.projection.project (a dense weighted graph, ~18k edges), then every
backend runs on it. Printed per backend: one run's time, modularity, NMI against python-louvain
(same seed) and against the planted blocs, and the time of `consensus(runs=100)`.

    python bench/community_backends.py                    # synthetic, 3 sessions
    python bench/community_backends.py --unvotes ../shared/data/unvotes --workers 2
"""

from __future__ import annotations

import argparse
import csv
import gc
import gzip
import os
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.analysis import analyze_sessions  # noqa: E402
from graphkit.blocs import BACKENDS, _runner, consensus, louvain, modularity  # noqa: E402
from graphkit.model import Position  # noqa: E402
from graphkit.projection import project  # noqa: E402


def nmi(a: dict, b: dict) -> float:
    """Normalised mutual information (arithmetic mean normalisation) of two partitions."""
    keys = sorted(a)
    _, x = np.unique([a[k] for k in keys], return_inverse=True)
    _, y = np.unique([b[k] for k in keys], return_inverse=True)
    n = len(keys)
    table = np.zeros((x.max() + 1, y.max() + 1))
    np.add.at(table, (x, y), 1)
    pxy = table / n
    px, py = pxy.sum(axis=1), pxy.sum(axis=0)
    nz = pxy > 0
    mi = (pxy[nz] * np.log(pxy[nz] / np.outer(px, py)[nz])).sum()
    hx = -(px[px > 0] * np.log(px[px > 0])).sum()
    hy = -(py[py > 0] * np.log(py[py > 0])).sum()
    return 1.0 if hx + hy == 0 else float(2 * mi / (hx + hy))


def synthetic_session(seed: int, n: int, blocs: int, rolls: int, noise: float):
    """Roll calls where each bloc has a preferred vote and states stray with `noise`."""
    rng = np.random.default_rng(seed)
    sizes = rng.dirichlet(np.full(blocs, 3.0))
    truth_idx = rng.choice(blocs, size=n, p=sizes)
    actors = [f"S{i:03d}" for i in range(n)]
    rows = []
    votes = np.array(["yes", "no", "abstain"])
    for r in range(rolls):
        pref = rng.choice(3, size=blocs, p=[0.6, 0.2, 0.2])
        stray = rng.random(n) < noise
        cast = np.where(stray, rng.choice(3, size=n), pref[truth_idx])
        for actor, v in zip(actors, votes[cast], strict=True):
            rows.append(Position(actor, f"RC{seed}-{r}", None, str(v), f"S{seed}", kind="vote"))
    return rows, dict(zip(actors, truth_idx.tolist(), strict=True))


def bench_synthetic(args) -> None:
    rows_out = defaultdict(lambda: defaultdict(list))
    for g in range(args.graphs):
        positions, truth = synthetic_session(g, args.nodes, args.blocs, args.rolls, args.noise)
        proj = project(positions)
        G = proj.graph
        pairs, weights = proj.edges.positive()
        nodes = proj.edges.nodes
        print(f"session {g}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges",
              file=sys.stderr)  # fmt: skip
        refs = {s: louvain(G, seed=s) for s in range(args.seeds)}
        ref_consensus = None
        for backend in BACKENDS:
            run = _runner(len(nodes), pairs, weights, backend, 1.0)  # graph prepared once
            for s in range(args.seeds):
                t = time.process_time()
                labels = run(s)
                rows_out[backend]["run_s"].append(time.process_time() - t)
                part = dict(zip(nodes, labels.tolist(), strict=True))
                assert nmi(part, louvain(proj, seed=s, backend=backend)) > 1 - 1e-9
                rows_out[backend]["q"].append(modularity(G, part))
                # python-louvain row: against the next seed, i.e. seed-to-seed variation
                ref = refs[(s + 1) % args.seeds] if backend == "python-louvain" else refs[s]
                rows_out[backend]["nmi_ref"].append(nmi(part, ref))
                rows_out[backend]["nmi_truth"].append(nmi(part, truth))
            if backend in args.consensus:
                t = time.process_time()
                res = consensus(proj, runs=args.runs, seed=0, backend=backend)
                rows_out[backend]["cons_s"].append(time.process_time() - t)
                rows_out[backend]["cons_nmi"].append(nmi(res.partition, truth))
                if backend == "python-louvain":
                    ref_consensus = res.partition
                elif ref_consensus is not None:
                    rows_out[backend]["cons_vs_pl"].append(nmi(res.partition, ref_consensus))
        if "signed" in args.consensus:
            _time_consensus(rows_out["leiden-signed"], proj, truth, args.runs, signed=True)
        if "net" in args.consensus:  # the default method (full runs: no early stop here)
            _time_consensus(rows_out["net (default)"], proj, truth, args.runs, method="net")

    def mean(xs, fmt):
        width = fmt.split(".")[0]
        return format(statistics.mean(xs), fmt) if xs else format("-", f">{width}")

    print(
        f"\n{args.graphs} synthetic sessions, {args.nodes} nodes, {args.blocs} planted blocs, "
        f"{args.rolls} roll calls, noise {args.noise}; {args.seeds} seeds per backend\n"
    )
    head = (
        f"{'backend':<15} {'1 run ms':>9} {'modularity':>10} {'NMI vs pl*':>10} "
        f"{'NMI truth':>9} {f'consensus {args.runs} s':>14} {'cons NMI':>8} "
        f"{'vs pl cons':>10} {'70 sess s/2 cores':>17}"
    )
    print(head)
    print("-" * len(head))
    for backend, r in rows_out.items():
        cons = statistics.mean(r["cons_s"]) if r["cons_s"] else None
        print(
            f"{backend:<15} {mean([x * 1000 for x in r['run_s']], '9.1f')} "
            f"{mean(r['q'], '10.4f')} {mean(r['nmi_ref'], '10.3f')} "
            f"{mean(r['nmi_truth'], '9.3f')} {mean(r['cons_s'], '14.2f')} "
            f"{mean(r['cons_nmi'], '8.3f')} {mean(r['cons_vs_pl'], '10.3f')} "
            f"{format(cons * 70 / 2, '17.1f') if cons else format('-', '>17')}"
        )
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _figures import figure

    for backend, r in rows_out.items():
        if r["cons_s"]:
            figure(
                f"consensus {args.runs} runs, {backend}", statistics.mean(r["cons_s"]), "s/session"
            )
        if r["nmi_ref"]:
            figure(f"NMI vs python-louvain, {backend}", statistics.mean(r["nmi_ref"]))
    print(
        "\n* NMI of one run against python-louvain with the same seed; on the python-louvain row,"
        "\n  against python-louvain with the next seed (how much the reference varies by seed)."
        "\n  'cons NMI' = consensus partition vs planted blocs; 'vs pl cons' = vs python-louvain's"
        "\n  consensus. Last column: consensus time x 70 sessions / 2 cores."
    )


def load_unvotes(path: Path) -> dict[str, list[Position]]:
    session_of = {}
    with gzip.open(path / "un_roll_calls.csv.gz", "rt", newline="") as fh:
        for r in csv.DictReader(fh):
            session_of[r["rcid"]] = f"UNGA-{int(float(r['session']))}"
    by_session: dict[str, list[Position]] = defaultdict(list)
    with gzip.open(path / "un_votes.csv.gz", "rt", newline="") as fh:
        for r in csv.DictReader(fh):
            actor = r["country_code"] or r["country"]
            s = session_of[r["rcid"]]
            by_session[s].append(
                Position(actor, f"RC-{r['rcid']}", None, r["vote"], s, kind="vote")
            )
    return dict(sorted(by_session.items(), key=lambda kv: int(kv[0].split("-")[1])))


def _cpu() -> float:
    """CPU seconds of this process and its finished children (load from others excluded)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _time_consensus(row: dict, proj, truth, runs: int, **method) -> None:
    t = time.process_time()
    res = consensus(proj, runs=runs, seed=0, **method)
    row["cons_s"].append(time.process_time() - t)
    row["cons_nmi"].append(nmi(res.partition, truth))


def bench_unvotes(args) -> None:
    t = time.process_time()
    data = load_unvotes(Path(args.unvotes))
    load_s = time.process_time() - t
    gc.freeze()  # 870k positions stay alive: keep full collections off them
    sizes = [len({p.actor for p in rows}) for rows in data.values()]
    print(
        f"\nUNGA roll calls: {len(data)} sessions, {sum(map(len, data.values()))} votes, "
        f"{min(sizes)}-{max(sizes)} states (load {load_s:.1f} s)"
    )
    for null in args.null:  # one full pass per null-model setting
        wall, cpu = time.perf_counter(), _cpu()
        reports, tracking = analyze_sessions(
            data, runs=args.runs, null_shuffles=null, workers=args.workers, backend=args.backend
        )
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        blocs = [len(r.blocs) for r in reports]
        print(
            f"analyze_sessions runs={args.runs} null_shuffles={null} backend={args.backend} "
            f"workers={args.workers}: {wall:.1f} s wall, {cpu:.1f} s CPU "
            f"({cpu / args.workers:.1f} s per core); blocs per session "
            f"{min(blocs)}-{max(blocs)}; swings {len(tracking.swings)}"
        )
    t = time.process_time()
    for rows in data.values():
        consensus(project(rows), runs=args.runs, seed=0, backend=args.backend)
    cons = time.process_time() - t
    print(
        f"project + consensus({args.runs} runs) alone, one process: {cons:.1f} s CPU "
        f"for {len(data)} sessions ({cons / args.workers:.1f} s on {args.workers} cores)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--graphs", type=int, default=3)
    ap.add_argument("--nodes", type=int, default=190)
    ap.add_argument("--blocs", type=int, default=5)
    ap.add_argument("--rolls", type=int, default=80)
    ap.add_argument("--noise", type=float, default=0.45)
    ap.add_argument("--seeds", type=int, default=5, help="single runs per backend and graph")
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument(
        "--consensus",
        nargs="*",
        default=[*BACKENDS, "signed", "net"],
        help="backends (and 'signed', 'net') to time consensus for",
    )
    ap.add_argument("--unvotes", help="dir with un_votes.csv.gz and un_roll_calls.csv.gz")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--backend", default="igraph")
    ap.add_argument("--null", type=int, nargs="*", default=[0, 20])
    ap.add_argument("--skip-synthetic", action="store_true")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; times are CPU")
    if not args.skip_synthetic:
        bench_synthetic(args)
    if args.unvotes:
        bench_unvotes(args)


if __name__ == "__main__":
    main()
