"""Projection: sparse actor-by-proposal matrices (graphkit.projection) against a pairwise
aggregation in the database (cypher/pairwise_agreement.cypher). Same output, time ratio.

Runs on the bundled AHC sessions and on synthetic sessions of growing size loaded into a fresh
embedded store; every comparison asserts identical (agreements, disagreements) per pair.

    python bench/projection_vs_cypher.py [--sizes 60x100,120x300,193x600] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.model import Citation, Event  # noqa: E402
from graphkit.projection import project  # noqa: E402
from graphkit.store.embedded import EmbeddedStore  # noqa: E402
from graphkit.store.export import Window, export_positions  # noqa: E402
from graphkit.store.ingest import event_steps  # noqa: E402
from graphkit.synthetic import negotiation  # noqa: E402
from loaders.actors import reference  # noqa: E402
from loaders.pipeline import execute, plan_positions, reference_steps  # noqa: E402


def sparse_pairs(store, session: str) -> tuple[dict, float]:
    t0 = time.perf_counter()
    positions = export_positions(store, Window(sessions=(session,)))
    G = project(positions, min_positions=1).graph
    pairs = {
        tuple(sorted((a, b))): (int(d["agreements"]), int(d["disagreements"]))
        for a, b, d in G.edges(data=True)
        if d["agreements"] or d["disagreements"]
    }
    return pairs, time.perf_counter() - t0


def cypher_pairs(store, session: str) -> tuple[dict, float]:
    t0 = time.perf_counter()
    rows = store.run("pairwise_agreement", session=session)
    pairs = {(r["x"], r["y"]): (int(r["agreements"]), int(r["disagreements"])) for r in rows}
    return pairs, time.perf_counter() - t0


def synthetic_events(n_actors: int, n_proposals: int, session: str) -> list[Event]:
    codes = sorted(a.code for a in reference().states())[:n_actors]
    positions, _ = negotiation(n_actors, 3, n_proposals, noise=0.2, seed=1, session="S")
    by_prop: dict[str, Event] = {}
    for p in positions:
        actor = codes[int(p.actor[1:])]
        tag = session.lower()
        ev = by_prop.setdefault(
            p.proposal,
            Event(
                id=f"syn-{tag}-{p.proposal.lower()}",
                session=session,
                issue=f"{tag}-{p.issue.lower()}",
                option="synthetic",
                citation=Citation("synthetic", 0, 1),
            ),
        )
        side = "support" if p.stance == "support" else "oppose"
        by_prop[p.proposal] = Event(**{**ev.__dict__, side: (*getattr(ev, side), actor)})
    return list(by_prop.values())


def measure(store, session: str, repeat: int) -> tuple[int, float, float]:
    results = [(sparse_pairs(store, session), cypher_pairs(store, session)) for _ in range(repeat)]
    (sp, _), (cy, _) = results[0]
    if sp != cy:
        diff = sorted(set(sp.items()) ^ set(cy.items()))[:5]
        raise SystemExit(f"{session}: outputs differ, e.g. {diff}")
    t_sparse = statistics.median(r[0][1] for r in results)
    t_cypher = statistics.median(r[1][1] for r in results)
    return len(sp), t_sparse, t_cypher


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="60x100,120x300,193x600")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"{'session':>12} {'pairs':>7} {'sparse s':>9} {'cypher s':>9} {'ratio':>7}  same")
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "db")
        try:
            execute(store, plan_positions())
            sessions = ["AHC-1", "AHC-5", "AHC-7"]
            for size in args.sizes.split(","):
                n_actors, n_props = map(int, size.split("x"))
                sid = {0: "AHC-2", 1: "AHC-3", 2: "AHC-4", 3: "AHC-6"}[len(sessions) - 3]
                events = synthetic_events(n_actors, n_props, sid)
                store.write(reference_steps(reference()) + event_steps(events, "synthetic"))
                sessions.append(sid)
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from _figures import figure

            for session in sessions:
                pairs, ts, tc = measure(store, session, args.repeat)
                print(f"{session:>12} {pairs:>7} {ts:9.3f} {tc:9.3f} {tc / ts:6.1f}x  yes")
                if pairs:
                    figure(
                        f"projection Cypher/sparse time, {session} ({pairs} pairs)", tc / ts, "x"
                    )
        finally:
            store.close()
    print("sparse = export_positions + project (graphkit.projection); cypher = pairwise_agreement")


if __name__ == "__main__":
    main()
