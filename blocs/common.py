"""What every `blocs` command shares: output consoles, formats, error handling, the store."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from graphkit.errors import BlocsError

out = Console()
err = Console(stderr=True)


class Fmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExtractFmt(StrEnum):
    json = "json"
    table = "table"


@contextlib.contextmanager
def handled():
    """Turn library errors into one-line messages and a non-zero exit."""
    try:
        yield
    except BlocsError as exc:
        lines = str(exc).splitlines() or [type(exc).__name__]
        hint = _hint(exc)
        if hint:
            lines[-1] += hint
        for line in lines:
            sys.stderr.write(f"Error: {line}\n")  # plain: one unwrapped line per problem
        raise typer.Exit(1) from None


def _hint(exc: BlocsError) -> str:
    """The command or flag that fixes it: CLI words stay at the CLI edge."""
    from graphkit.errors import InvalidParams, NoData

    if isinstance(exc, NoData):
        return "; load data first (`blocs load`) or widen the window"
    if isinstance(exc, InvalidParams) and exc.param:
        return f" (option --{exc.param.replace('_', '-')})"
    return ""


def _env_file_values() -> dict[str, str]:
    """Values from a git-ignored `.env` in the working directory (the environment wins)."""
    path = Path(".env")
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path).items() if v is not None}


def store_of(ctx: typer.Context):
    """The store chosen by the global options (--uri / --data-dir), the environment or `.env`."""
    from graphkit.store import Settings, connect

    env = {**_env_file_values(), **os.environ}
    return connect(settings=Settings.from_env(env, ctx.obj["uri"], ctx.obj["data_dir"]))


def print_rows(rows: list[dict], fmt: Fmt, title: str | None = None) -> None:
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    columns = list(rows[0]) if rows else []
    if fmt is Fmt.csv:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        sys.stdout.write(buf.getvalue())
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(Text(_cell(row[c])) for c in columns))  # never markup
    out.print(table)
    if not rows:
        out.print("(no rows)")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parse_param(text: str) -> tuple[str, object]:
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise typer.BadParameter(f"expected key=value, got {text!r}")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return key.strip(), value
