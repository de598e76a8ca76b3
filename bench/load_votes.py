"""Load the full UN General Assembly voting history (870k votes) into a fresh embedded store.

Prints rows/s for reading + validating and for the database write, the batch size, the peak
memory of this process and of the database server, and the total time.

    python bench/load_votes.py                        # everything, temp data dir
    python bench/load_votes.py --sessions 70-74       # a slice
    python bench/load_votes.py --batch 10000 --data-dir /tmp/blocs-bench
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _figures import figure, vm_hwm_mb  # noqa: E402

from graphkit.store.embedded import EmbeddedStore  # noqa: E402
from graphkit.store.ingest import BATCH  # noqa: E402
from loaders.pipeline import execute  # noqa: E402
from loaders.votes import plan_from, read_votes  # noqa: E402

UNVOTES = Path(os.environ.get("BLOCS_SHARED_DIR") or ROOT.parent / "shared") / "data" / "unvotes"
console = Console()


def parse_sessions(text: str | None) -> list[int] | None:
    """'70-74' or '1,45,74' or '1,70-74'."""
    if not text:
        return None
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of a process so far (0 when unknown)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, TypeError):
        return 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--votes", type=Path, default=UNVOTES / "un_votes.csv.gz")
    ap.add_argument("--roll-calls", type=Path, default=None)
    ap.add_argument("--sessions", help="GA sessions to load, e.g. 70-74 or 1,45,74")
    ap.add_argument("--batch", type=int, default=BATCH, help=f"rows per UNWIND (default {BATCH})")
    ap.add_argument("--data-dir", type=Path, help="data dir (default: a fresh temp dir)")
    ap.add_argument("--twice", action="store_true", help="load again and check counts match")
    args = ap.parse_args(argv)

    tmp = None
    data_dir = args.data_dir
    if data_dir is None:
        tmp = tempfile.mkdtemp(prefix="blocs-bench-")
        data_dir = Path(tmp) / "db"
    started = time.perf_counter()
    try:
        plan, t_read, c_read, c_plan = read_phase(args)
        n = plan.votes

        t0 = time.perf_counter()
        store = EmbeddedStore(data_dir)
        t_open = time.perf_counter() - t0
        server_pid = store.server._pid()
        t_again = None
        try:
            cpu0, server0 = time.process_time(), cpu_seconds(server_pid)
            t_write = write(store, plan, "write")
            cpu_write = time.process_time() - cpu0, cpu_seconds(server_pid) - server0
            if args.twice:
                before = counts(store)
                t_again = write(store, plan, "write again")
                same = counts(store) == before
                console.print(f"second load {t_again:.2f} s, counts identical: {same}")
            labels, rels = counts(store)
            server_peak = vm_hwm_mb(server_pid)
        finally:
            t0 = time.perf_counter()
            store.close()
            t_close = time.perf_counter() - t0
        total = time.perf_counter() - started - (t_again or 0)
        own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        console.print(
            f"write: {n:,} votes in {t_write:.2f} s = [bold]{n / t_write:,.0f} rows/s[/] "
            f"(batch {args.batch:,}; one atomic write incl. the snapshot to disk)"
        )
        console.print(
            f"write CPU: python {cpu_write[0]:.2f} s + server {cpu_write[1]:.2f} s "
            f"(wall/CPU > 1 means the machine was busy; CPU-bound rate "
            f"{n / max(sum(cpu_write), 1e-9):,.0f} rows/s)"
        )
        console.print(f"open {t_open:.2f} s, close (shutdown; the write saved) {t_close:.2f} s")
        console.print(f"graph: nodes {labels}; relationships {rels}")
        peak = own_peak + (server_peak or 0)
        console.print(
            f"peak memory: python {own_peak:,.0f} MB + server {server_peak or 0:,.0f} MB = "
            f"[bold]{peak:,.0f} MB[/]"
        )
        console.print(
            f"total (read, validate, plan, open, write, close): {total:.2f} s = "
            f"[bold]{n / total:,.0f} rows/s overall[/]"
            + (" (second load not counted)" if t_again else "")
        )
        busy = c_read + c_plan + sum(cpu_write) + t_open + t_close
        console.print(
            f"CPU-bound overall (what an idle machine gives): {busy:.2f} s = {n / busy:,.0f} rows/s"
        )
        for name, value, unit in [
            ("votes loaded", n, "votes"),
            ("votes read + validate", n / t_read, "rows/s"),
            ("votes read + validate (CPU)", n / max(c_read, 1e-9), "rows/s"),
            ("votes write", n / t_write, "rows/s"),
            ("votes load overall", n / total, "rows/s"),
            ("votes load peak memory", peak, "MB"),
        ]:
            figure(name, value, unit)
        return 0
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def read_phase(args):
    """Read + validate, then plan: (plan, read wall s, read CPU s, plan CPU s)."""
    with console.status("reading and validating votes ..."):
        t0, c0 = time.perf_counter(), time.process_time()
        data = read_votes(
            args.votes, args.roll_calls, sessions_filter=parse_sessions(args.sessions)
        )
        t_read, c_read = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        plan = plan_from(data, batch=args.batch)
        t_plan, c_plan = time.perf_counter() - t0, time.process_time() - c0
    n = plan.votes
    console.print(
        f"read + validate: {n:,} votes, {len(data.roll_calls):,} roll calls, "
        f"{len(data.sessions)} sessions in {t_read:.2f} s = [bold]{n / t_read:,.0f} rows/s"
        f"[/] (CPU {c_read:.2f} s); plan ({len(plan.steps)} steps) {t_plan:.2f} s"
    )
    return plan, t_read, c_read, c_plan


def write(store, plan, label: str) -> float:
    sizes = [len(next(iter(params.values()), ())) or 1 for _, params in plan.steps]
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("rows"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task(label, total=sum(sizes))
        done = iter(sizes)
        t0 = time.perf_counter()
        execute(store, plan, lambda _n: bar.advance(task, next(done)))
        return time.perf_counter() - t0


def counts(store) -> tuple[dict, dict]:
    labels = {r["label"]: r["nodes"] for r in store.run("db_labels")}
    rels = {r["type"]: r["relationships"] for r in store.run("db_relationships")}
    return labels, rels


if __name__ == "__main__":
    raise SystemExit(main())
