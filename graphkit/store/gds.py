"""Community detection inside Neo4j with Graph Data Science: the `gds` engine.

For users whose windows outgrow one Python process. The agreement graph is the one the
in-process engine builds (same projection, same positive weights); it is projected into the GDS
catalog with a Cypher projection (`cypher/gds_project_agreement.cypher`: one row per edge, one
per actor), GDS Leiden runs once per seed there (`gds_leiden_runs`: randomSeed, gamma =
resolution, single-threaded so a seed gives one answer), and the runs come back as label arrays
for the same consensus as the in-process runs. The catalog graph is dropped afterwards.

GDS offers no seeded Louvain, so the engine's runs are Leiden runs; `bench/gds_vs_inprocess.py`
compares the resulting blocs with the in-process engine's (NMI) and times both.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import numpy as np

from graphkit.errors import StoreUnavailable
from graphkit.store import Store

BATCH_SEEDS = 25  # seeds per round trip: one query returns runs x actors rows


def check_gds(store: Store) -> str:
    """The GDS version, or one clear error when this store cannot run the gds engine."""
    if not getattr(store, "supports_gds", False):
        raise StoreUnavailable(
            f"the gds engine runs inside Neo4j with Graph Data Science; {store.backend} has none"
        )
    rows = store.run("gds_version")
    if not rows or not rows[0].get("gds"):
        raise StoreUnavailable(f"Graph Data Science is not installed in {store.where}")
    return str(rows[0]["gds"])


class GdsRunner:
    """`run(seed)` -> community label per node (in `nodes` order), computed by GDS Leiden.

    Use as a context manager: the catalog graph lives from `__enter__` to `__exit__`.
    `prefetch(seeds)` fetches many runs in few round trips; `run` then answers from the cache.
    """

    def __init__(
        self,
        store: Store,
        nodes: Sequence[str],
        pairs: np.ndarray,
        weights: np.ndarray,
        resolution: float,
    ):
        self.store, self.nodes, self.resolution = store, list(nodes), float(resolution)
        self.index = {a: i for i, a in enumerate(self.nodes)}
        self.graph = f"blocs-{uuid.uuid4().hex}"
        rows = [{"a": self.nodes[i], "b": self.nodes[j], "w": float(x)}
                for (i, j), x in zip(pairs.tolist(), weights.tolist(), strict=True)]  # fmt: skip
        rows += [{"a": a, "b": None, "w": None} for a in self.nodes]
        self._rows = rows
        self._cache: dict[int, np.ndarray] = {}

    @property
    def _in_gds(self) -> bool:
        """GDS Leiden fails on a graph without relationships; every actor is then alone."""
        return bool(self.nodes) and len(self._rows) > len(self.nodes)

    def __enter__(self) -> GdsRunner:
        if self._in_gds:
            self.store.run("gds_project_agreement", graph=self.graph, rows=self._rows)
        return self

    def __exit__(self, *exc) -> None:
        if self._in_gds:
            self.store.run("gds_drop", graph=self.graph)

    def prefetch(self, seeds: Sequence[int]) -> None:
        todo = [int(s) for s in seeds if int(s) not in self._cache]
        for k in range(0, len(todo), BATCH_SEEDS):
            chunk = todo[k : k + BATCH_SEEDS]
            labels = {s: np.full(len(self.nodes), -1, dtype=np.int64) for s in chunk}
            for row in self.store.run(
                "gds_leiden_runs", graph=self.graph, seeds=chunk, resolution=self.resolution
            ):
                labels[int(row["seed"])][self.index[row["actor"]]] = int(row["community"])
            for s, lab in labels.items():
                if (lab < 0).any():  # an actor missing from the GDS answer: never guess
                    raise StoreUnavailable(f"GDS returned no community for some actors ({s=})")
                self._cache[s] = lab

    def __call__(self, seed: int) -> np.ndarray:
        if not self._in_gds:
            return np.arange(len(self.nodes), dtype=np.int64)
        if int(seed) not in self._cache:  # the consensus asks seed, seed+1, ...: fetch ahead
            self.prefetch(range(int(seed), int(seed) + BATCH_SEEDS))
        return self._cache[int(seed)]
