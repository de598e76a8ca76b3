"""Text from data made safe to print: control characters shown, never obeyed.

Names, options and YAML keys come from files a user did not write; a terminal escape in one
must not retitle the window, clear the screen or forge an extra `Error:` line. Everything the
CLI prints from data goes through `printable`.
"""

from __future__ import annotations

import unicodedata

# C0/C1 controls (newline included: one value, one line), DEL, and bidi overrides/isolates
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object) -> str:
    """`str(value)` with every control, format-override or unassigned-control code escaped."""
    text = str(value)
    if text.isprintable():  # the common case, kept cheap
        return text
    return "".join(
        _escape(ch)
        if ord(ch) in _BIDI or unicodedata.category(ch) in ("Cc", "Cs") or ch in "\u2028\u2029"
        else ch
        for ch in text
    )


def longest_word(*values: str) -> int:
    """The width a table column needs so that no word of these values is broken (at least 1)."""
    return max((len(w) for v in values for w in v.split()), default=1)


def narrowest_table(widths: list[int]) -> int:
    """Width of a Rich table whose columns are `widths` wide: each column's borders and
    padding (3) and the closing border (1)."""
    return sum(widths) + 3 * len(widths) + 1
