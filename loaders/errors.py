"""Typed errors raised by loaders; the CLI turns them into one-line messages."""

from __future__ import annotations


class LoadError(Exception):
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
