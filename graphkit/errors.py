"""Typed errors of the whole project; the CLI turns each into a one-line `Error: ...` message.

Messages are in the domain's words (files, lines, sessions, actors); the CLI adds the flag or
command that fixes them (see `blocs/common.py`).
"""

from __future__ import annotations


class BlocsError(Exception):
    """Base class for errors a user can act on."""


class StoreUnavailable(BlocsError):
    """The database cannot be reached or started (never carries a password)."""


class SnapshotDamaged(BlocsError):
    """The embedded database's snapshot file cannot be read; nothing was started or changed."""


class QueryError(BlocsError):
    """A named query is unknown, got the wrong parameters, or failed in the database."""


class InvalidParams(BlocsError):
    """An analysis parameter out of range (resolution, runs, shuffles, ...)."""

    def __init__(self, message: str, *, param: str | None = None) -> None:
        self.param = param
        super().__init__(message)


class NoData(BlocsError):
    """A window holds no positions or votes (nothing loaded, or nothing in that window)."""


class UnknownName(BlocsError):
    """A session, actor or roll call that the database does not know; carries close names."""

    def __init__(self, message: str, *, suggestions: list[str] | None = None) -> None:
        self.suggestions = suggestions or []
        super().__init__(message)


class LoadError(BlocsError):
    """Bad input: names where (file, line) and what (value), and suggests a fix when it can."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        value: object = None,
        suggestions: list[str] | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.value = value
        self.suggestions = suggestions or []
        super().__init__(message)

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        text = f"{where}{self.args[0]}"
        if self.suggestions:
            text += f" (did you mean {', '.join(self.suggestions)}?)"
        return text


class LoadErrors(LoadError):
    """Several problems found in one validation pass; all are reported, none is written."""

    def __init__(self, errors: list[LoadError]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s)", file=errors[0].file if errors else None)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
