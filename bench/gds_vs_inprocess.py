"""The gds engine against the in-process one: the same blocs? how long per session?

Both run the louvain method (positive agreement; GDS has no signed modularity) on the same
agreement graph with the same seeds and consensus; the in-process runs are igraph's Louvain,
the gds runs GDS Leiden inside Neo4j. Per session: NMI between the two consensus partitions,
and the wall time of each (null model and bootstrap off, so the consensus is what is timed).

Needs a Neo4j with GDS (`tools/neo4j/start && . .neo4j/neo4j.env`); loads the bundled data
into it (replacing what is there), or with `--votes FILE` the General Assembly votes (the full
870k-vote history needs NEO4J_HEAP=4g).

    python bench/gds_vs_inprocess.py [--runs 100] [--votes ../shared/data/unvotes/un_votes.csv.gz]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _figures import figure  # noqa: E402

from graphkit import api  # noqa: E402
from graphkit.params import Params  # noqa: E402
from graphkit.store import Settings, connect  # noqa: E402
from graphkit.store.export import Window  # noqa: E402
from loaders.pipeline import execute, plan_load  # noqa: E402


def nmi(a: dict, b: dict) -> float:
    """Normalised mutual information of two partitions over their common actors."""
    keys = sorted(set(a) & set(b))
    x, y, n = [a[k] for k in keys], [b[k] for k in keys], len(keys)
    if n == 0:
        return float("nan")
    cx, cy, cxy = Counter(x), Counter(y), Counter(zip(x, y, strict=True))
    mi = sum(c / n * math.log(c * n / (cx[i] * cy[j])) for (i, j), c in cxy.items())
    hx = -sum(c / n * math.log(c / n) for c in cx.values())
    hy = -sum(c / n * math.log(c / n) for c in cy.values())
    return 1.0 if hx + hy == 0 else 2 * mi / (hx + hy)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--votes", type=Path, help="General Assembly votes instead of the bundle")
    args = ap.parse_args()
    cfg = Settings.from_env()
    if not cfg.uri:
        sys.exit("Error: set NEO4J_URI (tools/neo4j/start && . .neo4j/neo4j.env)")
    base = Params(method="louvain", runs=args.runs, null_shuffles=0, bootstrap=0)
    source = "votes" if args.votes else "positions"
    with connect(settings=cfg) as store:
        store.reset()
        plan, _ = plan_load(votes=args.votes) if args.votes else plan_load(bundled=True)
        execute(store, plan)
        sessions = api.sessions_with_data(store, source)
        rows = []
        for s in sessions:
            window = Window(sessions=(s,), source=source)
            timed = {}
            for engine in ("inprocess", "gds"):
                t0 = time.perf_counter()
                rep = api.untracked_report(store, window, replace(base, engine=engine))
                timed[engine] = (time.perf_counter() - t0, rep.partition())
            score = nmi(timed["inprocess"][1], timed["gds"][1])
            rows.append((s, len(timed["gds"][1]), score, timed["inprocess"][0], timed["gds"][0]))
            print(
                f"{s:10s} {rows[-1][1]:4d} actors  NMI {score:5.3f}  in-process "
                f"{rows[-1][3]:6.2f} s  gds {rows[-1][4]:6.2f} s",
                flush=True,
            )
    scored = [r for r in rows if r[1] > 1 and not math.isnan(r[2])]
    figure(
        f"gds vs in-process NMI, mean over {len(scored)} {source} sessions",
        sum(r[2] for r in scored) / max(len(scored), 1),
    )
    figure("gds vs in-process NMI, min", min((r[2] for r in scored), default=float("nan")))
    figure("in-process consensus per session", sum(r[3] for r in rows) / max(len(rows), 1), "s")
    figure("gds consensus per session", sum(r[4] for r in rows) / max(len(rows), 1), "s")


if __name__ == "__main__":
    main()
