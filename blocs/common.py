"""What every `blocs` command shares: output consoles, formats, error handling, the store.

Output rules: anything that comes from data goes through `graphkit.textsafe.printable` before it
reaches a terminal (tables, CSV, messages); errors are one line each on stderr; tables fit the
terminal without breaking words, and when piped they keep their natural width (one row, one
line) so `grep` and `less -S` see whole rows.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import re
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from graphkit.errors import BlocsError
from graphkit.textsafe import longest_word, narrowest_table, printable

_MAX_PIPED_WIDTH = 4000


class _Console(Console):
    """A console whose renderables keep their natural width when the output is not a terminal
    (Rich would fold them at 80 columns); COLUMNS, when set, still wins."""

    @property
    def fixed_width(self) -> bool:
        """Output to a terminal, or COLUMNS set: lines must fit `width`."""
        return self.is_terminal or "COLUMNS" in os.environ

    def print(self, *objects, **kwargs) -> None:
        if not self.fixed_width and objects:
            wide = self.options.update(width=_MAX_PIPED_WIDTH, max_width=_MAX_PIPED_WIDTH)
            natural = max(
                (self.measure(o, options=wide).maximum for o in objects if not isinstance(o, str)),
                default=80,
            )
            self.width = max(80, min(natural, _MAX_PIPED_WIDTH))
        super().print(*objects, **kwargs)


out = _Console(highlight=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # messages: one line, never folded


def note(message: str) -> None:
    """One plain line on stderr (values in it already made printable by the caller)."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class Fmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@contextlib.contextmanager
def handled():
    """Turn library errors (and refused files) into one-line messages and a non-zero exit."""
    try:
        yield
    except (BlocsError, OSError, MemoryError) as exc:
        raise typer.Exit(fail_line(exc)) from None
    except KeyboardInterrupt:  # Ctrl-C: a write interrupted half-way was never swapped in
        note("Interrupted: nothing unfinished was written.")
        raise typer.Exit(130) from None


def check_output_file(path: Path, example: str) -> None:
    """Refuse a folder, or a file in a folder that does not exist, by name before any work."""
    from graphkit.errors import LoadError

    if path.is_dir():
        raise LoadError(f"is a folder; give a file name such as {example}", file=str(path))
    if not path.parent.is_dir():
        raise LoadError(f"folder {path.parent} does not exist", file=str(path))


def fail_line(exc: BaseException) -> int:
    """Print an error as `Error: ...` lines (one per problem) and return the exit code."""
    from graphkit.errors import LoadErrors

    if isinstance(exc, OSError):  # a path the system refused (a folder, no space, no access)
        name = exc.filename if exc.filename is not None else ""
        where = f"{printable(name)}: " if name != "" else ""
        _print_errors([f"{where}{exc.strerror or type(exc).__name__}"])
        return 1
    if isinstance(exc, MemoryError):
        _print_errors(["out of memory (is an input far larger than it should be?)"])
        return 1
    items = exc.errors if isinstance(exc, LoadErrors) and exc.errors else [exc]
    lines = [printable(str(e)) or type(e).__name__ for e in items]
    hint = _hint(exc) if isinstance(exc, BlocsError) else ""
    if hint:
        lines[-1] += hint
    _print_errors(lines)
    return 1


def _print_errors(lines: list[str]) -> None:
    for line in lines:
        sys.stderr.write(f"Error: {line}\n")  # plain: one unwrapped line per problem


_FLAGS = {"date_from": "from", "date_to": "to", "sessions": "session"}


def _hint(exc: BlocsError) -> str:
    """The command or flag that fixes it: CLI words stay at the CLI edge."""
    from graphkit.errors import InvalidParams, NoData

    if isinstance(exc, NoData):
        return "; load data first (`blocs load`) or widen the window"
    if isinstance(exc, InvalidParams) and exc.param:
        flag = _FLAGS.get(exc.param, exc.param.replace("_", "-"))
        return f" (option --{flag})"
    return ""


def _env_file_values() -> dict[str, str]:
    """Values from a git-ignored `.env` in the working directory (the environment wins)."""
    path = Path(".env")
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path).items() if v is not None}


def store_of(ctx: typer.Context):
    """The store chosen by the global options (--uri / --data-dir), the environment or `.env`.
    Waiting for another writer is said on stderr."""
    from graphkit.store import Settings, connect

    env = {**_env_file_values(), **os.environ}
    settings = Settings.from_env(env, ctx.obj["uri"], ctx.obj["data_dir"])
    return connect(settings=settings, notify=note)


# -- rows -------------------------------------------------------------------------------------
def print_rows(rows: list[dict], fmt: Fmt, title: str | None = None) -> None:
    """Rows as JSON (exact values), CSV (control characters escaped) or a table."""
    if fmt is Fmt.json:
        sys.stdout.write(json_text(rows) + "\n")
        return
    columns = list(rows[0]) if rows else []
    if fmt is Fmt.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([printable(c) for c in columns])
        for row in rows:
            writer.writerow([printable(_cell(row.get(c))) for c in columns])
        sys.stdout.write(buf.getvalue())
        return
    cells = [[printable(_table_cell(row.get(c))) for c in columns] for row in rows]
    headers = [printable(c) for c in columns]
    if out.fixed_width and _narrowest(headers, cells) > out.width:
        _print_records(headers, cells, title)  # a table would have to break words
    else:
        out.print(rows_table(rows, columns, title))
    if not rows:
        out.print("(no rows)")


def _longest_words(headers: list[str], cells: list[list[str]]) -> list[int]:
    return [longest_word(h, *(r[i] for r in cells)) for i, h in enumerate(headers)]


def _narrowest(headers: list[str], cells: list[list[str]]) -> int:
    """The narrowest table with no word broken: each column as wide as its longest word,
    plus Rich's borders and padding (3 per column and 1)."""
    return narrowest_table(_longest_words(headers, cells))


def _print_records(headers: list[str], cells: list[list[str]], title: str | None) -> None:
    """One block per row (`name  value` lines), for tables too wide for the terminal: values
    wrap at spaces only, so no word, id or number is ever cut."""
    import textwrap

    key_width = max((len(h) for h in headers), default=0) + 2
    room = max(out.width - key_width, 20)
    lines = [printable(title)] if title else []
    for n, row in enumerate(cells, 1):
        lines.append(f"-- {n} of {len(cells)} --")
        for header, value in zip(headers, row, strict=True):
            parts = textwrap.wrap(value, room, break_long_words=False, break_on_hyphens=False)
            parts = parts or [""]
            lines.append(f"{header:<{key_width}}{parts[0]}".rstrip())
            lines += [" " * key_width + part for part in parts[1:]]
    sys.stdout.write("\n".join(lines) + "\n")


def rows_table(rows: list[dict], columns: list[str], title: str | None = None):
    """A Rich table that never breaks a word: each column is at least as wide as its longest
    word (header and cells), codes, ids, dates and numbers stay on one line, and only prose
    wraps, at spaces."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=printable(title) if title else None, show_lines=False, title_justify="left")
    cells = [[printable(_table_cell(row.get(c))) for c in columns] for row in rows]
    headers = [printable(c) for c in columns]
    for i, (header, longest) in enumerate(zip(headers, _longest_words(headers, cells),
                                              strict=True)):  # fmt: skip
        values = [r[i] for r in cells]
        numeric = bool(values) and all(_NUMBER.fullmatch(v) for v in values if v)
        table.add_column(
            header,
            justify="right" if numeric else "left",
            no_wrap=all(" " not in v for v in values),
            min_width=longest,
            overflow="fold",  # reached only when a single word is wider than the terminal
        )
    for r in cells:
        table.add_row(*(Text(v) for v in r))  # Text: never markup
    return table


_NUMBER = re.compile(r"-?\d+(\.\d+)?(e[-+]?\d+)?")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _table_cell(value) -> str:
    if isinstance(value, float) and not isinstance(value, bool):
        return format_number(value)
    return _cell(value)


def format_number(value: float) -> str:
    """For people: a count stays a count (88, not 88.0), a share keeps three decimals."""
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if abs(value) < 1e-3 or abs(value) >= 1e6:
        return f"{value:.4g}"
    return f"{value:.3f}".rstrip("0").rstrip(".")


_UNSAFE_IN_JSON = re.compile("[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(doc, indent: int = 2) -> str:
    """JSON with non-ASCII kept readable, but C1 controls and bidi overrides escaped (json
    escapes only C0): the same value, never a terminal command."""
    text = json.dumps(doc, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# -- options ----------------------------------------------------------------------------------
def parse_param(text: str) -> tuple[str, object]:
    """`key=value`: the value is JSON when it parses, a plain string otherwise; a value that
    starts like JSON (a quote, bracket or brace) must be valid JSON."""
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise typer.BadParameter(f"expected key=value, got {printable(text)!r}")
    try:
        return key, json.loads(raw)
    except json.JSONDecodeError as exc:
        if raw.lstrip()[:1] in ('"', "[", "{"):
            raise typer.BadParameter(
                f"{printable(key)}: the value {printable(raw[:60])!r} is not valid JSON "
                f"({exc.msg} at character {exc.pos}); quote strings as '\"text\"'"
            ) from None
        return key, raw
