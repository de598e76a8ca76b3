"""The analysis parameters: one frozen record, checked once, carried by every result.

Every entry point (CLI options, notebooks, `graphkit.api`, `graphkit.analysis.analyze`) builds a
`Params`; a report's JSON holds `params`, so any output can be reproduced from it.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

from graphkit.errors import InvalidParams

METHODS = ("net", "louvain", "signed")  # see graphkit/communities.py
BACKENDS = ("python-louvain", "networkx", "igraph", "leiden")
DEFAULT_BACKEND = (
    "igraph"  # same partitions as python-louvain, ~40x faster (bench/community_backends.py)
)
MAX_RUNS = 10_000  # consensus runs; beyond this the co-assignment matrix stops changing
ENGINES = ("inprocess", "gds")
MAX_SHUFFLES = 1_000
MAX_WORKERS = 64
MAX_BOOTSTRAP = 10_000


@dataclass(frozen=True)
class Params:
    """How blocs are found. Same positions and same Params: the same report, byte for byte."""

    method: str = "net"  # net: agreement minus disagreement (default); louvain; signed
    resolution: float = 1.0  # modularity resolution; > 1 gives smaller blocs
    runs: int = 100  # consensus runs, seeds seed .. seed + runs - 1 (fewer if 20 all agree)
    seed: int = 0
    min_positions: int = 3  # actors with fewer positions in the window are left out
    expand: bool = True  # group statements attributed to the group's member states
    # weight of one member's attributed copy of a group statement: "share" = 1/members (one
    # voice shared out), or a fixed number in (0, 1]
    group_weight: float | str = "share"
    shrinkage: float = 2.0  # pseudo-counts pulling a pair's net agreement towards 0 (Laplace)
    backend: str = DEFAULT_BACKEND  # Louvain implementation for the runs
    null_shuffles: int = 20  # degree-preserving shuffles for z and the significance test
    # resamples of the questions for evidence confidence (0 skips it): 30 read a confidence of
    # 0.7 to +-0.08 (binomial), enough for the 0.5 / 0.7 thresholds the reports use
    bootstrap: int = 30
    include_weak: bool = False  # track through sessions that are not significant too
    workers: int = 1  # processes for per-session analysis (no effect on results)
    # where the consensus runs: "inprocess", or "gds" (Leiden inside Neo4j's Graph Data
    # Science on the same agreement graph; the null model and bootstrap stay in process)
    engine: str = "inprocess"

    def __post_init__(self) -> None:
        _check(self.engine in ENGINES, "engine", self.engine, f"one of {', '.join(ENGINES)}")
        _check(self.engine != "gds" or self.method == "louvain", "engine", self.engine,
               "inprocess for --method net or signed: GDS has no signed modularity "
               "(use --method louvain with --engine gds)")  # fmt: skip
        _check(self.method in METHODS, "method", self.method, f"one of {', '.join(METHODS)}")
        _check(self.backend in BACKENDS, "backend", self.backend, f"one of {', '.join(BACKENDS)}")
        res = self.resolution
        ok = isinstance(res, int | float) and not isinstance(res, bool) and math.isfinite(res)
        _check(ok and res > 0, "resolution", res, "a finite number > 0")
        _int_in(self, "runs", 1, MAX_RUNS)
        _int_in(self, "seed", 0, 2**32 - 1)
        _int_in(self, "min_positions", 1, 1_000_000)
        _int_in(self, "null_shuffles", 0, MAX_SHUFFLES)
        _int_in(self, "bootstrap", 0, MAX_BOOTSTRAP)
        _int_in(self, "workers", 1, MAX_WORKERS)
        _check(isinstance(self.expand, bool), "expand", self.expand, "true or false")
        _check(isinstance(self.include_weak, bool), "include_weak", self.include_weak,
               "true or false")  # fmt: skip
        gw = self.group_weight
        number = isinstance(gw, int | float) and not isinstance(gw, bool)
        ok = gw == "share" or (number and math.isfinite(gw) and 0 < gw <= 1)
        _check(ok, "group_weight", gw, '"share" or a number in (0, 1]')
        sh = self.shrinkage
        ok = isinstance(sh, int | float) and not isinstance(sh, bool) and math.isfinite(sh)
        _check(ok and sh >= 0, "shrinkage", sh, "a finite number >= 0")

    def to_dict(self) -> dict:
        """Everything that shapes a result (`workers` does not, so it is left out)."""
        doc = asdict(self)
        doc.pop("workers")
        return doc

    @classmethod
    def from_dict(cls, doc: dict) -> Params:
        """The Params a report's JSON carries (unknown keys refused)."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(doc) - names)
        if unknown:
            raise InvalidParams(f"unknown analysis parameter(s): {', '.join(unknown)}")
        return cls(**doc)


def _check(ok: bool, name: str, value: object, wanted: str) -> None:
    if not ok:
        raise InvalidParams(f"{name} must be {wanted}, got {value!r}", param=name)


def _int_in(p: Params, name: str, lo: int, hi: int) -> None:
    value = getattr(p, name)
    ok = isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi
    _check(ok, name, value, f"an integer from {lo} to {hi:,}")
