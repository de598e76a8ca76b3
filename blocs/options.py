"""Options the analysis commands share, declared once.

`@analysis_options(...)` adds the analysis options (method, resolution, runs, seed, ...) and the
window options (session, dates, issue, source) to a command, and hands it one `Params` and one
`Window`: every command offers the same options with the same defaults and help.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from graphkit.params import (
    BACKENDS,
    ENGINES,
    MAX_BOOTSTRAP,
    MAX_RUNS,
    MAX_SHUFFLES,
    MAX_WORKERS,
    METHODS,
    Params,
)

Method = StrEnum("Method", {m: m for m in METHODS})
Backend = StrEnum("Backend", {b.replace("-", "_"): b for b in BACKENDS})
Engine = StrEnum("Engine", {e: e for e in ENGINES})


class Source(StrEnum):
    positions = "positions"
    votes = "votes"
    both = "both"


class ReportFmt(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


_DEFAULT = Params()

# name -> (annotation, default); names are Params fields, or the window's
ANALYSIS: dict[str, tuple[Any, Any]] = {
    "method": (
        Annotated[Method, typer.Option(help="net: agreement minus disagreement (default); "
                                            "louvain: agreement only; signed: two layers.")],
        Method(_DEFAULT.method),
    ),
    "resolution": (
        Annotated[float, typer.Option(help="Modularity resolution (>1: smaller blocs).")],
        _DEFAULT.resolution,
    ),
    "runs": (
        Annotated[int, typer.Option(min=1, max=MAX_RUNS,
                                    help="Consensus runs (seeds seed..seed+runs-1).")],
        _DEFAULT.runs,
    ),
    "seed": (
        Annotated[int, typer.Option(min=0, help="First seed; same input and seed, same output.")],
        _DEFAULT.seed,
    ),
    "min_positions": (
        Annotated[int, typer.Option(min=1, help="Leave out actors with fewer positions.")],
        _DEFAULT.min_positions,
    ),
    "expand": (
        Annotated[bool, typer.Option("--expand-groups/--no-expand-groups",
                                     help="Attribute group statements to member states.")],
        _DEFAULT.expand,
    ),
    "group_weight": (
        Annotated[str, typer.Option(help="Weight of an attributed position: share (1/members) "
                                         "or a number in (0, 1].")],
        str(_DEFAULT.group_weight),
    ),
    "shrinkage": (
        Annotated[float, typer.Option(help="Pseudo-counts pulling thin pairs' net agreement "
                                           "to 0.")],
        _DEFAULT.shrinkage,
    ),
    "backend": (
        Annotated[Backend, typer.Option(help="Louvain implementation for the runs.")],
        Backend(_DEFAULT.backend),
    ),
    "null_shuffles": (
        Annotated[int, typer.Option(min=0, max=MAX_SHUFFLES,
                                    help="Null-model shuffles for z and significance (0: skip).")],
        _DEFAULT.null_shuffles,
    ),
    "bootstrap": (
        Annotated[int, typer.Option(min=0, max=MAX_BOOTSTRAP,
                                    help="Resamples of the proposals for confidence (0: skip).")],
        _DEFAULT.bootstrap,
    ),
    "include_weak": (
        Annotated[bool, typer.Option("--include-weak/--significant-only",
                                     help="Lineage and swings also through sessions that are "
                                          "not significant.")],
        _DEFAULT.include_weak,
    ),
    "workers": (
        Annotated[int, typer.Option(min=1, max=MAX_WORKERS, help="Processes for per-session "
                                                                  "analysis.")],
        2,
    ),
    "engine": (
        Annotated[Engine, typer.Option(help="Where the consensus runs: inprocess, or gds "
                                            "(Leiden in Neo4j; with --method louvain).")],
        Engine(_DEFAULT.engine),
    ),
}  # fmt: skip

WINDOW: dict[str, tuple[Any, Any]] = {
    "session": (
        Annotated[list[str] | None, typer.Option("--session", "-s",
                                                 help="Session id (repeatable), e.g. AHC-7.")],
        None,
    ),
    "date_from": (Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")],
                  None),
    "date_to": (Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")],
                None),
    "issue": (Annotated[str | None, typer.Option(help="Issue key prefix, e.g. art64.")], None),
    "topic": (Annotated[str | None, typer.Option(help="General Assembly roll calls on one topic: "
                                                      "me, nu, di, hr, co, ec (or the name).")],
              None),
    "source": (
        Annotated[Source, typer.Option(help="Stated positions, recorded votes, or both.")],
        Source.positions,
    ),
}  # fmt: skip


def analysis_options(
    *, window: bool | tuple[str, ...] = True, omit: tuple[str, ...] = (), **defaults: Any
) -> Callable:
    """Add the shared options to a command; it receives `params: Params` and `window: Window`.

    window: True for all window options, a tuple for some (e.g. ("source",)), False for none.
    omit: analysis options the command does not take (their Params defaults apply).
    defaults: command-specific defaults (e.g. min_positions=1 for `state`).
    """
    names = [n for n in ANALYSIS if n not in omit]
    wnames = list(WINDOW) if window is True else list(window or ())

    def decorate(fn: Callable) -> Callable:
        sig = inspect.signature(fn, eval_str=True)
        own = [p for p in sig.parameters.values() if p.name not in ("params", "window")]
        added = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=ann,
                              default=defaults.get(name, default))
            for name, (ann, default) in [*((n, ANALYSIS[n]) for n in names),
                                         *((n, WINDOW[n]) for n in wnames)]
        ]  # fmt: skip

        @functools.wraps(fn)
        def command(*args, **kwargs):
            from blocs.common import handled

            values = {n: kwargs.pop(n) for n in names}
            wvalues = {n: kwargs.pop(n) for n in wnames}
            with handled():
                params = make_params(**values)
                win = make_window(**wvalues)
            if "params" in sig.parameters:
                kwargs["params"] = params
            if "window" in sig.parameters:
                kwargs["window"] = win
            return fn(*args, **kwargs)

        params_ = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
                   if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and p.name != "ctx"
                   else p for p in own] + added  # fmt: skip
        command.__signature__ = sig.replace(parameters=params_)
        command.__annotations__ = {p.name: p.annotation for p in params_}
        del command.__wrapped__  # typer must read the new signature, not fn's
        return command

    return decorate


def make_params(**values: Any) -> Params:
    """Params from option values (enums to their strings); out-of-range values raise."""
    plain = {k: (v.value if isinstance(v, StrEnum) else v) for k, v in values.items()}
    if isinstance(plain.get("group_weight"), str) and plain["group_weight"] != "share":
        with contextlib.suppress(ValueError):  # Params says what is wrong with it
            plain["group_weight"] = float(plain["group_weight"])
    return Params(**plain)


def make_window(**values: Any):
    from graphkit.store.export import Window

    sessions = values.get("session")
    source = values.get("source", Source.positions)
    return Window(
        sessions=tuple(sessions) if sessions else None,
        date_from=values.get("date_from"),
        date_to=values.get("date_to"),
        issue=values.get("issue"),
        source=source.value if isinstance(source, StrEnum) else source,
        topic=values.get("topic"),
    )


# `--names FILE.yaml` for the commands that print blocs: tracked bloc id -> the user's name
NamesOption = Annotated[
    Path | None,
    typer.Option("--names", help="YAML file naming blocs by tracked id, e.g. '4: Like-minded'."),
]
