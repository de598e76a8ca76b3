"""Loads: positions per second into the embedded store (and Neo4j when NEO4J_URI is set).

A synthetic curated dataset (N events, each with a proposer and about a dozen supporters and
opponents among the 193 states) is written as a YAML file, then loaded as `blocs load` does:
validate the file (read), then one atomic write. Prints rows/s for both phases and the batch
size of the UNWIND writes.

    python bench/load_positions.py [--events 5000] [--batch 5000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _figures import figure  # noqa: E402

import graphkit.store.ingest as ingest  # noqa: E402
from graphkit.store import Settings  # noqa: E402
from graphkit.store.embedded import EmbeddedStore  # noqa: E402
from graphkit.store.neo4j import Neo4jStore  # noqa: E402
from loaders.actors import reference  # noqa: E402
from loaders.pipeline import execute, plan_positions  # noqa: E402


def dataset(path: Path, n_events: int) -> None:
    codes = sorted(a.code for a in reference().states())
    events = []
    for i in range(n_events):
        picks = [codes[(i * 7 + k * 13) % len(codes)] for k in range(13)]
        events.append({
            "id": f"bench-{i}", "session": "AHC-4", "issue": f"bench-issue-{i % 400}",
            "option": f"Option {i}", "proposer": picks[0], "support": picks[1:8],
            "oppose": picks[8:12], "neutral": picks[12:], "cite": [i, i + 50],
        })  # fmt: skip
    path.write_text(yaml.safe_dump({"report": "bench.txt", "events": events}))


def run(store, path: Path, label: str) -> None:
    t0 = time.perf_counter()
    plan = plan_positions([path])
    t1 = time.perf_counter()
    execute(store, plan)
    t2 = time.perf_counter()
    rows = plan.positions
    print(f"{label}: {len(plan.events)} events, {rows} positions, batch {ingest.BATCH}: "
          f"read+validate {t1 - t0:.2f} s ({rows / (t1 - t0):,.0f} rows/s), "
          f"write {t2 - t1:.2f} s ({rows / (t2 - t1):,.0f} rows/s)")  # fmt: skip
    figure(f"{label} positions load, validate", rows / (t1 - t0), "rows/s")
    figure(f"{label} positions load, write", rows / (t2 - t1), "rows/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=ingest.BATCH)
    args = ap.parse_args()
    ingest.BATCH = args.batch
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        dataset(path, args.events)
        store = EmbeddedStore(Path(tmp) / "db")
        try:
            run(store, path, "embedded")
        finally:
            store.close()
        if os.environ.get("NEO4J_URI"):
            cfg = Settings.from_env()
            neo = Neo4jStore(cfg.uri, cfg.user, cfg.password, cfg.database)
            try:
                run(neo, path, "neo4j")
            finally:
                neo.close()
        else:
            print("neo4j: skipped (NEO4J_URI is not set)")


if __name__ == "__main__":
    main()
