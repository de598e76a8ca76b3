"""CSV files of votes: gzipped or not, header checks, line numbers, collected errors."""

from __future__ import annotations

import contextlib
import csv
import difflib
import gc
import gzip
import io
from collections.abc import Iterator
from pathlib import Path

from graphkit.textsafe import printable
from loaders.errors import LoadError, LoadErrors
from loaders.files import regular_file

MAX_ERRORS = 50
UNVOTES_COLUMNS = ("rcid", "country", "country_code", "vote")
GENERIC_COLUMNS = ("roll_call", "session", "date", "title", "resolution", "actor", "vote")


class Errors:
    """Problems of one file; `full` once MAX_ERRORS are collected (reading stops there)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[LoadError] = []

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_ERRORS

    def add(self, message: str, line: int | None, value: object = None, suggestions=None):
        self.items.append(
            LoadError(message, file=self.file, line=line, value=value,
                      suggestions=list(suggestions or []) or None)
        )  # fmt: skip

    def raise_if_any(self) -> None:
        if self.items:
            if self.full:
                self.items.append(LoadError(f"stopped after {MAX_ERRORS} problems", file=self.file))
            raise LoadErrors(self.items)


def check_file(path: Path) -> None:
    """A votes file must be a regular file (a folder, device or pipe is refused by name)."""
    regular_file(path, folder="is a folder; give the CSV file itself")


class CsvText:
    """A CSV file as text, gzipped or not (by its magic bytes), with read errors as LoadError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        check_file(path)
        try:
            with open(path, "rb") as raw:
                gz = raw.read(2) == b"\x1f\x8b"
            if gz:
                binary = gzip.open(path, "rb")  # noqa: SIM115 - closed by the wrapper
                self.handle = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
            else:
                self.handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as exc:
            raise LoadError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None

    def __enter__(self) -> tuple[list[str], Numbered]:
        """(header names, stripped and lowercased; rows as (first line, fields))."""
        reader = csv.reader(self.handle)
        try:
            header = next(reader, None)
        except BaseException as exc:
            self.__exit__(type(exc), exc, None)
            raise
        if not header:
            self.handle.close()
            raise LoadError("empty file: expected a CSV header", file=str(self.path), line=1)
        return [c.strip().lower() for c in header], Numbered(reader)

    def __exit__(self, exc_type, exc, tb):
        self.handle.close()
        if exc_type is None or isinstance(exc, LoadError):
            return False
        if issubclass(exc_type, UnicodeDecodeError):
            raise LoadError("not UTF-8 text", file=str(self.path)) from None
        if issubclass(exc_type, EOFError | OSError | csv.Error):
            raise LoadError(f"cannot read: {printable(exc)}", file=str(self.path)) from None
        return False


class Numbered:
    """Rows as (first line of the record, fields): 1-based lines of the text (header = 1),
    right for records that span lines too. `reader` is the csv reader, for hot loops that
    count lines inline instead of through this generator."""

    def __init__(self, reader) -> None:
        self.reader = reader

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader = self.reader
        end = reader.line_num
        for row in reader:
            yield end + 1, row
            end = reader.line_num


@contextlib.contextmanager
def gc_paused():
    """No cyclic GC while building ~1M small records: none of them form cycles, and the
    collector's repeated passes over the growing heap would take longer than the reading."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_header(path: Path) -> list[str]:
    with CsvText(path) as (header, _):
        return header


def detect_layout(header: list[str], file: str = "") -> str:
    """'unvotes' or 'generic' from a header (lowercased names); LoadError otherwise."""
    cols = set(header)
    shown = [printable(c)[:40] for c in header[:20]]
    if set(UNVOTES_COLUMNS) <= cols:
        return "unvotes"
    if set(GENERIC_COLUMNS) <= cols:
        extra = [printable(c)[:40] for c in header if c not in GENERIC_COLUMNS]
        if extra:
            raise LoadError(
                f"unknown column(s) {', '.join(extra[:10])}; the generic layout has exactly "
                f"{', '.join(GENERIC_COLUMNS)}",
                file=file, line=1, value=extra[:10],
            )  # fmt: skip
        return "generic"
    if "rcid" in cols and "unres" in cols:
        raise LoadError(
            "this is a roll-calls file: give the votes file (rcid, country, country_code, vote)"
            " and this one as the roll calls",
            file=file, line=1,
        )  # fmt: skip
    want = (
        GENERIC_COLUMNS
        if len(cols & set(GENERIC_COLUMNS)) > len(cols & set(UNVOTES_COLUMNS))
        else UNVOTES_COLUMNS
    )
    missing = [c for c in want if c not in cols]
    hints = [m for c in missing for m in difflib.get_close_matches(c, shown, n=1)]
    raise LoadError(
        f"unknown votes layout (header: {', '.join(shown)}); expected the unvotes columns "
        f"({', '.join(UNVOTES_COLUMNS)}) or the generic columns ({', '.join(GENERIC_COLUMNS)});"
        f" missing {', '.join(missing)}"
        + (f" (found {', '.join(hints)})" if hints else ""),
        file=file, line=1, value=shown,
    )  # fmt: skip
