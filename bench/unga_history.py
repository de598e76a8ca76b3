"""Bloc detection over the whole UN General Assembly voting history (74 sessions, 1946-2019).

Loads the full history first when the data dir holds no recorded votes (and prints the load
rate), then times, separately: the export from the database, bloc detection for every session
with consensus and the bootstrap over roll calls (no significance), significance (a second
detection run with null-model shuffles; the difference is its cost) and peak memory. Target
(issue 12): all 74 sessions with consensus and the bootstrap in <= 60 s on 2 cores. On a busy
machine the wall time says more about the neighbours than about the code: CPU / workers is
printed beside it as the figure for two free cores.

Then, per session: blocs (stable ids tracked across sessions), sizes, modularity, z-score,
labels, frustration, confidence and how much the states agree overall; for a few sessions the
signed method (frustration, NMI against the weighted partition); a resolution sweep on a few
sessions with both methods; summaries per era; where reference states sit; and which states
join or leave the bloc of an anchor (default: the bloc holding most WEOG members) from one
session to the next.

    python bench/unga_history.py --data-dir /tmp/unga
    python bench/unga_history.py --data-dir /tmp/unga --runs 100 --workers 2 --shuffles 20 \
        --signed-sessions 1,25,49,73 --json bench/out/unga_history.json
    python bench/unga_history.py                 # no data dir: loads into a temp dir first

--data-dir defaults to $BLOCS_DATA_DIR, else a fresh temp dir (loaded, then removed).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _figures import vm_hwm_mb  # noqa: E402

from graphkit import reports as report_format  # noqa: E402
from graphkit.analysis import BlocReport, analyze_sessions  # noqa: E402
from graphkit.blocs import _igraph  # noqa: E402
from graphkit.model import Position  # noqa: E402
from graphkit.projection import project  # noqa: E402
from graphkit.store.embedded import EmbeddedStore  # noqa: E402
from graphkit.store.export import Window, by_session, context, export_positions  # noqa: E402
from loaders.pipeline import execute  # noqa: E402
from loaders.votes import plan_from, read_votes  # noqa: E402

UNVOTES = ROOT.parent / "shared" / "data" / "unvotes" / "un_votes.csv.gz"
TARGET_S = 60.0
# (name, first session, last session): years are those of the sessions' first roll calls
ERAS = (
    ("early Cold War", 1, 14),  # 1946-1959
    ("decolonisation", 15, 30),  # 1960-1975
    ("late Cold War", 31, 45),  # 1976-1990
    ("post-Cold War", 46, 74),  # 1991-2019
)
# reference states (a|b: the first one present, so a successor wins in the session of a change);
# the China seat is TWN's until 1971
FOLLOW = "USA,GBR,FRA,RUS|SUN,CHN|TWN,IND,JPN,BRA,EGY,ISR,CUB,SRB|SCG|YUG,POL"


# --------------------------------------------------------------------------- measuring


def rss_mb() -> float:
    """Peak resident memory of this process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_rss_mb() -> float:
    """Peak resident memory of the largest finished child process (the workers), MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

    return None


class Clock:
    """Wall and CPU time (this process + finished children) of one block."""

    def __enter__(self) -> Clock:
        self.t0, self.c0, self.k0 = time.perf_counter(), time.process_time(), children_cpu()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.t0
        self.cpu = time.process_time() - self.c0 + children_cpu() - self.k0


# --------------------------------------------------------------------------- helpers


def session_number(session: str) -> int:
    return int(session.rsplit("-", 1)[1])


def session_ids(text: str) -> list[str]:
    """'1,25,49,73' or 'UNGA-1,UNGA-25' or '70-74' -> ['UNGA-1', ...]."""
    out: list[str] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        if part.upper().startswith("UNGA-"):
            out.append(part.upper())
            continue
        lo, _, hi = part.partition("-")
        out.extend(f"UNGA-{n}" for n in range(int(lo), int(hi or lo) + 1))
    return out


def nmi(a: Mapping[str, int], b: Mapping[str, int]) -> float | None:
    """NMI (igraph.compare_communities) of two partitions over their common actors."""
    common = sorted(set(a) & set(b))
    if len(common) < 2:
        return None
    x, y = [a[k] for k in common], [b[k] for k in common]
    if len(set(x)) == 1 and len(set(y)) == 1:
        return 1.0
    return float(_igraph().compare_communities(x, y, method="nmi"))


def rnd(x: float | None, k: int = 4) -> float | None:
    return None if x is None else round(float(x), k)


def ranked_blocs(report: BlocReport) -> list:
    """Blocs largest first (ties: smallest member), whatever their stable ids."""
    return sorted(report.blocs, key=lambda b: (-len(b.members), b.members[0]))


def rank_of(report: BlocReport) -> dict[str, int]:
    """actor -> rank of its bloc by size (0 = largest)."""
    return {a: k for k, b in enumerate(ranked_blocs(report)) for a in b.members}


def first_present(options: str, present: Mapping[str, int]) -> str | None:
    return next((c for c in options.split("|") if c in present), None)


def letter(rank: int | None) -> str:
    return "-" if rank is None else chr(ord("A") + rank) if rank < 26 else "+"


def names(codes: Sequence[str], limit: int = 14) -> str:
    codes = list(codes)
    more = f" +{len(codes) - limit} more" if len(codes) > limit else ""
    return ", ".join(codes[:limit]) + more


# --------------------------------------------------------------------------- load


def votes_loaded(store) -> int:
    return int(
        next((r["relationships"] for r in store.run("db_relationships") if r["type"] == "VOTED"), 0)
    )


def load_history(store, votes_path: Path) -> dict:
    """Read, validate and write the full history; rows/s for each step and overall."""
    with Clock() as read:
        data = read_votes(votes_path)
    with Clock() as plan_clock:
        plan = plan_from(data)
    n = plan.votes
    del data
    gc.collect()
    with Clock() as write:
        execute(store, plan)
    total = read.wall + plan_clock.wall + write.wall
    out = {
        "votes": n,
        "read_validate_s": rnd(read.wall, 2),
        "plan_s": rnd(plan_clock.wall, 2),
        "write_s": rnd(write.wall, 2),
        "total_s": rnd(total, 2),
        "read_rows_per_s": round(n / read.wall),
        "write_rows_per_s": round(n / write.wall),
        "rows_per_s": round(n / total),
        "peak_rss_mb": rnd(rss_mb(), 0),
    }
    print(
        f"load: {n:,} votes; read + validate {read.wall:.1f} s ({n / read.wall:,.0f} rows/s), "
        f"plan {plan_clock.wall:.1f} s, write {write.wall:.1f} s ({n / write.wall:,.0f} rows/s); "
        f"total {total:.1f} s = {n / total:,.0f} rows/s"
    )
    return out


# --------------------------------------------------------------------------- agreement stats

_STATS_JOB: dict = {}


def _agreement(session: str) -> dict:
    """How much the states agree: roll-call tallies and the mean agreement index overall,
    inside the two largest blocs and between them, and inside the anchor's bloc, between it and
    the rest, and among the rest (from the same projection as the analysis)."""
    positions: list[Position] = _STATS_JOB["data"][session]
    partition: dict[str, int] = _STATS_JOB["partitions"][session]
    min_positions = _STATS_JOB["min_positions"]
    anchor: set[str] | None = _STATS_JOB["anchors"].get(session)
    tallies: dict[str, list[int]] = {}
    for p in positions:
        t = tallies.setdefault(p.proposal, [0, 0, 0])
        t[("yes", "no", "abstain").index(p.stance)] += 1
    calls = list(tallies.values())
    votes = sum(map(sum, calls))
    out = {
        "roll_calls": len(calls),
        "votes": votes,
        "yes_share": sum(t[0] for t in calls) / votes if votes else None,
        "no_share": sum(t[1] for t in calls) / votes if votes else None,
        "abstain_share": sum(t[2] for t in calls) / votes if votes else None,
        "no_no_votes_share": sum(1 for t in calls if t[1] == 0) / len(calls) if calls else None,
        "lopsided_share": sum(1 for t in calls if max(t) >= 0.9 * sum(t)) / len(calls)
        if calls
        else None,
    }
    edges = project(positions, min_positions=min_positions).edges
    idx = edges.column("index") if len(edges.pairs) else np.zeros(0)
    out["mean_index"] = float(idx.mean()) if idx.size else None
    out["negative_edge_share"] = float((idx < 0).mean()) if idx.size else None
    sizes: dict[int, int] = {}
    for b in partition.values():
        sizes[b] = sizes.get(b, 0) + 1
    order = sorted(sizes, key=lambda b: -sizes[b])
    ranks = {b: k for k, b in enumerate(order)}
    if idx.size and len(order) >= 2:
        r = np.array([ranks.get(partition.get(v, -1), 99) for v in edges.nodes])
        ri, rj = r[edges.pairs[:, 0]], r[edges.pairs[:, 1]]
        inside = (ri == rj) & (ri < 2)
        across = ((ri == 0) & (rj == 1)) | ((ri == 1) & (rj == 0))
        out["mean_index_inside_top2"] = float(idx[inside].mean()) if inside.any() else None
        out["mean_index_between_top2"] = float(idx[across].mean()) if across.any() else None
    else:
        out["mean_index_inside_top2"] = out["mean_index_between_top2"] = None
    keys = ("mean_index_inside_anchor", "mean_index_anchor_vs_rest", "mean_index_rest")
    out |= dict.fromkeys(keys)
    if idx.size and anchor:
        a = np.array([v in anchor for v in edges.nodes])
        ai, aj = a[edges.pairs[:, 0]], a[edges.pairs[:, 1]]
        for key, mask in zip(keys, (ai & aj, ai != aj, ~ai & ~aj), strict=True):
            out[key] = float(idx[mask].mean()) if mask.any() else None
    return {k: (rnd(v) if isinstance(v, float) else v) for k, v in out.items()}


def agreement_stats(
    grouped: Mapping[str, list[Position]],
    partitions: Mapping[str, dict[str, int]],
    anchors: Mapping[str, set[str] | None],
    min_positions: int,
    workers: int,
) -> dict[str, dict]:
    sessions = list(grouped)
    _STATS_JOB.update(
        data=grouped, partitions=partitions, anchors=anchors, min_positions=min_positions
    )
    try:
        if workers > 1:
            import multiprocessing as mp

            with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
                rows = list(pool.map(_agreement, sessions))
        else:
            rows = [_agreement(s) for s in sessions]
    finally:
        _STATS_JOB.clear()
    return dict(zip(sessions, rows, strict=True))


# --------------------------------------------------------------------------- alignments


def anchor_mates(
    report: BlocReport, anchor: str, membership: Mapping[str, Sequence[str]]
) -> set[str] | None:
    """Members of the anchor's bloc: the bloc of a state, or for a group (WEOG) the bloc holding
    most of its members present (ties: the larger bloc). None when the anchor is absent."""
    part = report.partition()
    if anchor in membership:
        group = set(membership[anchor])
        best = max(
            ranked_blocs(report),
            key=lambda b: (len(group.intersection(b.members)), len(b.members)),
            default=None,
        )
        if best is None or not group.intersection(best.members):
            return None
        return set(best.members)
    if anchor not in part:
        return None
    return {a for a, b in part.items() if b == part[anchor]}


def anchor_changes(
    reports: Sequence[BlocReport], anchor: str, membership: Mapping[str, Sequence[str]]
) -> list[dict]:
    """States joining / leaving the anchor's bloc between consecutive sessions (both present)."""
    out = []
    prev: tuple[str, set[str], set[str]] | None = None
    for r in reports:
        mates = anchor_mates(r, anchor, membership)
        if mates is None:
            prev = None
            continue
        present = set(r.membership)
        if prev is not None:
            both = present & prev[2]
            out.append(
                {
                    "session_from": prev[0],
                    "session": r.session,
                    "bloc_size": len(mates),
                    "joined": sorted((mates - prev[1]) & both),
                    "left": sorted((prev[1] - mates) & both),
                }
            )
        prev = (r.session, mates, present)
    return out


def group_arrivals(
    reports: Sequence[BlocReport],
    anchor: str,
    membership: Mapping[str, Sequence[str]],
    members: Sequence[str],
) -> list[dict]:
    """For each member state: sessions attended, sessions in the anchor's bloc, and the first
    session of its final unbroken run there (None if not in it at the end)."""
    mates = [(r.session, set(r.membership), anchor_mates(r, anchor, membership)) for r in reports]
    out = []
    for state in sorted(members):
        seen = [(s, state in m) for s, present, m in mates if m is not None and state in present]
        if not seen:
            continue
        since = None
        for session, together in reversed(seen):
            if not together:
                break
            since = session
        out.append(
            {
                "state": state,
                "sessions": len(seen),
                "with_anchor": sum(t for _, t in seen),
                "first": seen[0][0],
                "first_with_anchor": next((s for s, t in seen if t), None),
                "with_anchor_since": since,
                "not_with_anchor": [s for s, t in seen if not t],
            }
        )
    return out


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data-dir", type=Path, default=os.environ.get("BLOCS_DATA_DIR") or None)
    ap.add_argument("--votes", type=Path, default=UNVOTES, help="unvotes votes file, for a load")
    ap.add_argument("--runs", type=int, default=100, help="consensus runs per session")
    ap.add_argument("--bootstrap", type=int, default=50, help="resamples of the roll calls")
    ap.add_argument("--method", default="net", help="net (default), louvain or signed")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shuffles", type=int, default=20, help="null-model shuffles for z")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-positions", type=int, default=3)
    ap.add_argument("--signed-sessions", default="1,25,49,73")
    ap.add_argument("--signed-runs", type=int, default=10)
    ap.add_argument("--sweep-sessions", default="14,40,72", help="'' to skip the sweep")
    ap.add_argument("--resolutions", default="0.8,1.0,1.2,1.5")
    ap.add_argument("--follow", default=FOLLOW, help="reference states (a|b: first present)")
    ap.add_argument(
        "--anchor",
        default="WEOG",
        help="bloc followed: a state's, or a group's (the bloc with most of its members)",
    )
    ap.add_argument("--group", default="EEG", help="group whose members are followed")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "unga_history.json")
    args = ap.parse_args(argv)

    started = time.perf_counter()
    load_before = os.getloadavg()
    tmp = None
    data_dir = args.data_dir
    if data_dir is None:
        tmp = tempfile.mkdtemp(prefix="blocs-unga-")
        data_dir = Path(tmp) / "db"
    doc: dict = {
        "command": " ".join(["python", "bench/unga_history.py", *(argv or sys.argv[1:])]),
        "params": {
            k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k != "json"
        }
        | {"data_dir": str(data_dir)},
        "machine": {
            "cpus": os.cpu_count(),
            "loadavg_at_start": [round(x, 2) for x in load_before],
            "python": platform.python_version(),
        },
    }
    print(
        f"data dir {data_dir}; {os.cpu_count()} CPUs, load average "
        f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}"
    )
    try:
        store = EmbeddedStore(data_dir)
        server_pid = store.server._pid()
        try:
            if votes_loaded(store) == 0:
                print(f"no votes in {data_dir}: loading {args.votes} ...")
                doc["load"] = load_history(store, args.votes)
            rss_after_load = rss_mb()
            with Clock() as export_clock:
                positions = export_positions(store, Window(source="votes"))
            with Clock() as context_clock:
                ctx = context(store)
            dates = {r["session"]: (r["start"], r["end"]) for r in store.run("sessions")}
            server_peak = vm_hwm_mb(server_pid)
        finally:
            store.close()
        rss_after_export = rss_mb()
        grouped = by_session(positions, ctx.session_order)
        del positions
        n_votes = sum(map(len, grouped.values()))
        print(
            f"export: {n_votes:,} votes of {len(grouped)} sessions in {export_clock.wall:.1f} s "
            f"({n_votes / export_clock.wall:,.0f} rows/s); context {context_clock.wall:.1f} s"
        )
        kw = {
            "membership": ctx.membership,
            "actor_groups": ctx.actor_groups,
            "actor_kinds": ctx.kinds,
            "runs": args.runs,
            "seed": args.seed,
            "min_positions": args.min_positions,
            "bootstrap": args.bootstrap,
            "method": args.method,
        }

        gc.collect()
        with Clock() as detect:
            plain, _ = analyze_sessions(grouped, workers=args.workers, null_shuffles=0, **kw)
        worker_peak_detect = children_rss_mb()
        print(
            f"detection: {len(grouped)} sessions x {args.runs} runs + {args.bootstrap} resamples "
            f"(consensus and bootstrap, no null model), {args.workers} workers: "
            f"{detect.wall:.1f} s (CPU {detect.cpu:.1f} s, {detect.cpu / args.workers:.1f} s "
            "per core)"
        )
        gc.collect()
        with Clock() as signif:
            results, tracking = analyze_sessions(
                grouped, workers=args.workers, null_shuffles=args.shuffles, **kw
            )
        same = all(
            a.partition() == b.partition() for a, b in zip(plain, results, strict=True)
        ) and [a.session for a in plain] == [b.session for b in results]
        sig_s = signif.wall - detect.wall
        sig_cpu = signif.cpu - detect.cpu
        print(
            f"detection + significance ({args.shuffles} shuffles): {signif.wall:.1f} s "
            f"(CPU {signif.cpu:.1f} s) -> significance {sig_s:.1f} s (CPU {sig_cpu:.1f} s); "
            f"same partitions as without: {same}"
        )
        del plain

        met = detect.wall <= TARGET_S
        met_cpu = detect.cpu / max(args.workers, 1) <= TARGET_S
        timings = {
            "export_s": rnd(export_clock.wall, 2),
            "export_cpu_s": rnd(export_clock.cpu, 2),
            "context_s": rnd(context_clock.wall, 2),
            "votes_exported": n_votes,
            "sessions": len(grouped),
            "runs": args.runs,
            "workers": args.workers,
            "detection_s": rnd(detect.wall, 2),
            "detection_cpu_s": rnd(detect.cpu, 2),
            "detection_with_significance_s": rnd(signif.wall, 2),
            "detection_with_significance_cpu_s": rnd(signif.cpu, 2),
            "significance_s": rnd(sig_s, 2),
            "significance_cpu_s": rnd(sig_cpu, 2),
            "shuffles": args.shuffles,
            "partitions_identical_with_and_without_null_model": same,
            "bootstrap": args.bootstrap,
            "method": args.method,
            "target_s": TARGET_S,
            "target_met": met,
            "target_met_on_free_cores": met_cpu,
            "export_plus_detection_s": rnd(export_clock.wall + context_clock.wall + detect.wall, 2),
        }

        # ---- per-session results (not timed)
        partitions = {r.session: r.partition() for r in results}
        anchors = {r.session: anchor_mates(r, args.anchor, ctx.membership) for r in results}
        with Clock() as stats_clock:
            stats = agreement_stats(grouped, partitions, anchors, args.min_positions, args.workers)
        sessions_out = []
        for r in results:
            blocs = ranked_blocs(r)
            conf = [m.confidence for m in r.membership.values()]
            start, end = dates.get(r.session, (None, None))
            sessions_out.append(
                {
                    "session": r.session,
                    "number": session_number(r.session),
                    "year": int(start[:4]) if start else None,
                    "start": start,
                    "end": end,
                    "states": len(r.membership),
                    "excluded": list(r.excluded),
                    "blocs": [
                        {
                            "id": b.id,
                            "label": b.label,
                            "size": len(b.members),
                            "cohesion": rnd(b.cohesion),
                            "members": list(b.members),
                        }
                        for b in blocs
                    ],
                    "sizes": [len(b.members) for b in blocs],
                    "modularity": rnd(r.modularity),
                    "zscore": rnd(r.zscore, 2),
                    "null_method": r.null_method,
                    "frustration": rnd(r.frustration),
                    "converged": r.converged,
                    "mean_confidence": rnd(statistics.fmean(conf)) if conf else None,
                    "significant": r.significant,
                    "warnings": list(r.warnings),
                    "low_confidence": sorted(
                        a for a, m in r.membership.items() if m.confidence < 0.8
                    ),
                    "anchor_bloc_size": len(anchors[r.session] or ()),
                    **stats[r.session],
                }
            )
        by_id = {s["session"]: s for s in sessions_out}

        # ---- signed method on a few sessions
        signed_ids = [s for s in session_ids(args.signed_sessions) if s in grouped]
        signed_out = []
        signed_clock = None
        if signed_ids:
            with Clock() as signed_clock:
                signed, _ = analyze_sessions(
                    {s: grouped[s] for s in signed_ids},
                    workers=args.workers,
                    null_shuffles=args.shuffles,
                    **(kw | {"runs": args.signed_runs, "method": "signed"}),
                )
            for r in signed:
                w = next(x for x in results if x.session == r.session)
                signed_out.append(
                    {
                        "session": r.session,
                        "year": by_id[r.session]["year"],
                        "runs": r.runs,
                        "sizes": [len(b.members) for b in ranked_blocs(r)],
                        "labels": [b.label for b in ranked_blocs(r)],
                        "blocs": [
                            {"label": b.label, "size": len(b.members), "members": list(b.members)}
                            for b in ranked_blocs(r)
                        ],
                        "modularity": rnd(r.modularity),
                        "zscore": rnd(r.zscore, 2),
                        "frustration": rnd(r.frustration),
                        "weighted_sizes": by_id[r.session]["sizes"],
                        "weighted_modularity": rnd(w.modularity),
                        "weighted_frustration": rnd(w.frustration),
                        "nmi_weighted_vs_signed": rnd(nmi(w.partition(), r.partition())),
                        "mean_confidence": rnd(statistics.fmean(r.confidence().values()))
                        if r.membership
                        else None,
                    }
                )

        # ---- resolution sweep, both methods
        sweep_ids = [s for s in session_ids(args.sweep_sessions) if s in grouped]
        resolutions = [float(x) for x in args.resolutions.split(",") if x.strip()]
        sweep_out = []
        sweep_clock = None
        if sweep_ids and resolutions:
            sub = {s: grouped[s] for s in sweep_ids}
            found: dict[tuple[str, str, float], BlocReport] = {}
            with Clock() as sweep_clock:
                for method, runs in ((args.method, args.runs), ("signed", args.signed_runs)):
                    for res in resolutions:
                        reps, _ = analyze_sessions(
                            sub,
                            workers=args.workers,
                            resolution=res,
                            null_shuffles=0,
                            **(kw | {"runs": runs, "method": method}),
                        )
                        for r in reps:
                            found[(r.session, method, res)] = r
            base_res = 1.0 if 1.0 in resolutions else resolutions[0]
            for (session, method, res), r in sorted(found.items()):
                base = found[(session, args.method, base_res)]
                sweep_out.append(
                    {
                        "session": session,
                        "year": by_id[session]["year"],
                        "method": method,
                        "resolution": res,
                        "runs": r.runs,
                        "blocs": len(r.blocs),
                        "sizes": [len(b.members) for b in ranked_blocs(r)],
                        "modularity": rnd(r.modularity),
                        "frustration": rnd(r.frustration),
                        "mean_confidence": rnd(statistics.fmean(r.confidence().values()))
                        if r.membership
                        else None,
                        f"nmi_vs_weighted_r{base_res:g}": rnd(nmi(base.partition(), r.partition())),
                        "labels": [b.label for b in ranked_blocs(r)][:3],
                    }
                )

        # ---- eras
        eras_out = []
        for name, lo, hi in ERAS:
            rows = [s for s in sessions_out if lo <= s["number"] <= hi]
            with_blocs = [s for s in rows if s["blocs"]]
            if not rows:
                continue

            def mean(key, rows=with_blocs):
                vals = [s[key] for s in rows if s[key] is not None]
                return rnd(statistics.fmean(vals)) if vals else None

            qs = [s["modularity"] for s in with_blocs]
            zs = [s["zscore"] for s in with_blocs if s["zscore"] is not None]
            counts: dict[int, int] = {}
            for s in rows:
                counts[len(s["blocs"])] = counts.get(len(s["blocs"]), 0) + 1
            eras_out.append(
                {
                    "era": name,
                    "sessions": f"{lo}-{hi}",
                    "years": f"{rows[0]['year']}-{rows[-1]['year']}",
                    "n_sessions": len(rows),
                    "blocs_count": dict(sorted(counts.items())),
                    "modularity_mean": mean("modularity"),
                    "modularity_min": min(qs, default=None),
                    "modularity_max": max(qs, default=None),
                    "zscore_median": rnd(statistics.median(zs), 1) if zs else None,
                    "zscore_min": rnd(min(zs), 1) if zs else None,
                    "mean_index": mean("mean_index"),
                    "mean_index_between_top2": mean("mean_index_between_top2"),
                    "mean_index_inside_top2": mean("mean_index_inside_top2"),
                    "anchor_bloc_size_mean": mean("anchor_bloc_size"),
                    "mean_index_inside_anchor": mean("mean_index_inside_anchor"),
                    "mean_index_anchor_vs_rest": mean("mean_index_anchor_vs_rest"),
                    "mean_index_rest": mean("mean_index_rest"),
                    "yes_share": mean("yes_share", rows),
                    "lopsided_share": mean("lopsided_share", rows),
                    "states_mean": rnd(statistics.fmean(s["states"] for s in rows), 1),
                }
            )

        # ---- reference states, the anchor's bloc, a group's members
        follow = [f for f in args.follow.split(",") if f]
        follow_out = []
        for r in results:
            ranks = rank_of(r)
            row = {"session": r.session}
            for opt in follow:
                code = first_present(opt, ranks)
                row[opt] = None if code is None else {"state": code, "rank": ranks[code]}
            follow_out.append(row)
        changes = anchor_changes(results, args.anchor, ctx.membership)
        group_members = ctx.membership.get(args.group, [])
        arrivals = group_arrivals(results, args.anchor, ctx.membership, group_members)

        total = time.perf_counter() - started
        memory = {
            "python_peak_mb_after_load": rnd(rss_after_load, 0),
            "python_peak_mb_after_export": rnd(rss_after_export, 0),
            "python_peak_mb": rnd(rss_mb(), 0),
            "largest_worker_peak_mb_detection": rnd(worker_peak_detect, 0),
            "largest_worker_peak_mb": rnd(children_rss_mb(), 0),
            "server_peak_mb": rnd(server_peak, 0),
        }
        timings |= {
            "agreement_stats_s": rnd(stats_clock.wall, 2),
            "signed_s": rnd(signed_clock.wall, 2) if signed_clock else None,
            "sweep_s": rnd(sweep_clock.wall, 2) if sweep_clock else None,
            "total_s": rnd(total, 2),
        }
        doc["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
        doc |= {
            "timings": timings,
            "memory": memory,
            "sessions": sessions_out,
            "signed": signed_out,
            "sweep": sweep_out,
            "eras": eras_out,
            "follow": follow_out,
            "anchor": {"anchor": args.anchor, "changes": changes},
            "group": {"group": args.group, "anchor": args.anchor, "members": arrivals},
            "tracking": report_format.tracking_dict(tracking)
            | {
                "stable_ids": len({b for bl in tracking.lineage.values() for b in bl}),
                "n_splits": len(tracking.splits),
                "n_merges": len(tracking.merges),
                "n_swings": len(tracking.swings),
            },
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")

        # ---- print
        print_sessions(sessions_out, args.anchor)
        print_follow(follow_out, follow, by_id)
        print_eras(eras_out, args.anchor)
        print_signed(signed_out)
        print_sweep(sweep_out)
        print_anchor(changes, arrivals, args.anchor, args.group, tracking)
        print()
        if "load" in doc:
            ld = doc["load"]
            print(
                f"LOAD      {ld['votes']:,} votes in {ld['total_s']} s = {ld['rows_per_s']:,} "
                f"rows/s (write {ld['write_rows_per_s']:,} rows/s)"
            )
        print(
            f"EXPORT    {n_votes:,} votes, {len(grouped)} sessions: {export_clock.wall:.1f} s "
            f"(+ context {context_clock.wall:.1f} s)"
        )
        print(
            f"DETECTION {len(grouped)} sessions x {args.runs} runs + {args.bootstrap} resamples, "
            f"consensus and bootstrap, {args.workers} workers: {detect.wall:.1f} s wall "
            f"({detect.cpu:.1f} s CPU = {detect.cpu / args.workers:.1f} s per core)"
        )
        print(
            f"SIGNIFICANCE {args.shuffles} shuffles per session: +{sig_s:.1f} s wall, "
            f"+{sig_cpu:.1f} s CPU "
            f"({signif.wall:.1f} s with it)"
        )
        print(
            f"MEMORY    peak python {memory['python_peak_mb']:,.0f} MB, largest worker "
            f"{memory['largest_worker_peak_mb']:,.0f} MB, database server "
            f"{memory['server_peak_mb'] or 0:,.0f} MB"
        )
        print(
            f"TARGET    every session of the history ({len(grouped)} sessions x {args.runs} "
            f"runs, consensus + bootstrap) in <= {TARGET_S:.0f} s on {args.workers} cores: "
            f"{detect.wall:.1f} s wall -> {'MET' if met else 'NOT MET'}; "
            f"{detect.cpu / args.workers:.1f} s of CPU per core -> "
            f"{'MET' if met_cpu else 'NOT MET'} on free cores"
            f" (export + detection {timings['export_plus_detection_s']:.1f} s)"
        )
        print(
            f"total {total:.1f} s; load average at start {load_before[0]:.2f}, at end "
            f"{os.getloadavg()[0]:.2f} (wall > CPU / workers means the machine was busy); "
            f"JSON: {args.json}"
        )
        return 0
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- printing


def fmt(x: float | None, spec: str) -> str:
    return "-" if x is None else format(x, spec)


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "~"


def print_sessions(rows: list[dict], anchor: str) -> None:
    print()
    print(
        f"{'session':<9}{'year':>5} {'#':>2} {'sizes':<14}{'Q':>7}{'z':>7}{'idx':>6}{'btw':>6}"
        f"{'A':>4}{'A~R':>6}  largest bloc (stable id: label) | second"
    )
    for s in rows:
        blocs = s["blocs"]
        labels = [f"{b['id']}: {b['label']}" for b in blocs[:2]]
        sizes = "/".join(map(str, s["sizes"])) or "-"
        print(
            f"{s['session']:<9}{s['year'] or '':>5} {len(blocs):>2} {cut(sizes, 13):<14}"
            f"{fmt(s['modularity'], '.3f'):>7}{fmt(s['zscore'], '.1f'):>7}"
            f"{fmt(s['mean_index'], '.2f'):>6}{fmt(s['mean_index_between_top2'], '.2f'):>6}"
            f"{s['anchor_bloc_size'] or '-':>4}{fmt(s['mean_index_anchor_vs_rest'], '.2f'):>6}  "
            + " | ".join(cut(x, 44) for x in labels)
            + (
                ""
                if blocs
                else f"  (no blocs: {s['roll_calls']} roll call(s), "
                f"{len(s['excluded'])} states under min positions)"
            )  # fmt: skip
        )
    print(
        "Q = modularity of the consensus partition; z against degree-preserving shuffles; "
        "idx = mean agreement index over all pairs; btw = between the two largest blocs; "
        f"A = size of the bloc of {anchor}; A~R = mean index between it and the rest"
    )


def print_follow(rows: list[dict], follow: list[str], by_id: dict) -> None:
    print()
    print("Bloc of reference states per session (A = largest bloc, B = second, ...)")
    heads = [f.split("|")[0] if "|" not in f else "/".join(f.split("|")) for f in follow]
    print(f"{'session':<9}{'year':>5} " + " ".join(f"{cut(h, 7):>7}" for h in heads))
    for row in rows:
        cells = []
        for f in follow:
            c = row[f]
            cells.append(
                "-" if c is None else f"{c['state'] if '|' in f else ''}{letter(c['rank'])}"
            )
        year = by_id[row["session"]]["year"] or ""
        print(f"{row['session']:<9}{year:>5} " + " ".join(f"{x:>7}" for x in cells))


def print_eras(rows: list[dict], anchor: str) -> None:
    print()
    print(
        f"Per era (A = the bloc of {anchor}, R = the other states; idx = mean agreement index "
        "over pairs; btw = between the two largest blocs)"
    )
    print(
        f"{'era':<16}{'sessions':>9}{'years':>11} {'#blocs: sessions':<18}{'Q mean':>7}"
        f"{'Q min-max':>13}{'z med':>6}{'idx':>6}{'btw':>6}{'A':>5}{'in A':>6}{'A~R':>6}"
        f"{'in R':>6}{'yes%':>5}"
    )
    for e in rows:
        counts = ", ".join(f"{k}:{v}" for k, v in e["blocs_count"].items())
        print(
            f"{e['era']:<16}{e['sessions']:>9}{e['years']:>11} {counts:<18}"
            f"{fmt(e['modularity_mean'], '.3f'):>7}{fmt(e['modularity_min'], '.3f'):>7}"
            f"-{fmt(e['modularity_max'], '.3f')}"
            f"{fmt(e['zscore_median'], '.0f'):>6}{fmt(e['mean_index'], '.2f'):>6}"
            f"{fmt(e['mean_index_between_top2'], '.2f'):>6}"
            f"{fmt(e['anchor_bloc_size_mean'], '.0f'):>5}"
            f"{fmt(e['mean_index_inside_anchor'], '.2f'):>6}"
            f"{fmt(e['mean_index_anchor_vs_rest'], '.2f'):>6}"
            f"{fmt(e['mean_index_rest'], '.2f'):>6}"
            f"{fmt(e['yes_share'] and 100 * e['yes_share'], '.0f'):>5}"
        )


def print_signed(rows: list[dict]) -> None:
    if not rows:
        return
    print()
    print("Signed method (Leiden, agreement and disagreement layers) vs weighted (Louvain)")
    print(
        f"{'session':<9}{'year':>5}  {'weighted sizes':<16}{'Q':>6}{'frust':>7}  "
        f"{'signed sizes':<16}{'Q':>6}{'frust':>7}{'z':>7}{'NMI':>6}"
    )
    for s in rows:
        weighted = cut("/".join(map(str, s["weighted_sizes"])), 15)
        print(
            f"{s['session']:<9}{s['year']:>5}  {weighted:<16}"
            f"{s['weighted_modularity']:>6.3f}{s['weighted_frustration']:>7.3f}  "
            f"{cut('/'.join(map(str, s['sizes'])), 15):<16}{s['modularity']:>6.3f}"
            f"{s['frustration']:>7.3f}{fmt(s['zscore'], '.1f'):>7}"
            f"{fmt(s['nmi_weighted_vs_signed'], '.2f'):>6}"
        )


def print_sweep(rows: list[dict]) -> None:
    if not rows:
        return
    print()
    print("Resolution sweep (NMI against the weighted partition at resolution 1)")
    print(
        f"{'session':<9}{'year':>5} {'method':<8}{'res':>5} {'#':>3} {'sizes':<22}{'Q':>7}"
        f"{'frust':>7}{'conf':>6}{'NMI':>6}"
    )
    for s in rows:
        nmi_key = next(k for k in s if k.startswith("nmi_vs"))
        print(
            f"{s['session']:<9}{s['year']:>5} {s['method']:<8}{s['resolution']:>5.2f} "
            f"{s['blocs']:>3} {cut('/'.join(map(str, s['sizes'])), 21):<22}"
            f"{s['modularity']:>7.3f}{s['frustration']:>7.3f}"
            f"{fmt(s['mean_confidence'], '.2f'):>6}{fmt(s[nmi_key], '.2f'):>6}"
        )


def print_anchor(changes: list[dict], arrivals: list[dict], anchor: str, group: str, tracking):
    print()
    print(
        f"States joining (+) / leaving (-) the bloc of {anchor} (for a group: the bloc holding "
        "most of its members; states present in both sessions)"
    )
    for c in changes:
        if not c["joined"] and not c["left"]:
            continue
        parts = []
        if c["joined"]:
            parts.append(f"+{len(c['joined'])} {names(c['joined'])}")
        if c["left"]:
            parts.append(f"-{len(c['left'])} {names(c['left'])}")
        print(f"  {c['session']:<9}(bloc {c['bloc_size']:>3}) " + "; ".join(parts))
    if arrivals:
        print()
        print(f"{group} members (today's membership) and the bloc of {anchor}")
        print(
            f"  {'state':<6}{'sessions':>9}{'with':>6}  {'first seen':<11}{'first with':<11}"
            f"{'with since':<11}"
        )
        for a in arrivals:
            print(
                f"  {a['state']:<6}{a['sessions']:>9}{a['with_anchor']:>6}  {a['first']:<11}"
                f"{a['first_with_anchor'] or '-':<11}{a['with_anchor_since'] or '-':<11}"
            )
    ids = len({b for bl in tracking.lineage.values() for b in bl})
    print(
        f"tracking: {ids} stable bloc ids over {len(tracking.sessions)} sessions, "
        f"{len(tracking.splits)} splits, {len(tracking.merges)} merges, "
        f"{len(tracking.swings)} swings"
    )


if __name__ == "__main__":
    raise SystemExit(main())
