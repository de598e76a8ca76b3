"""Named, parameterized Cypher queries kept one per file in `cypher/` (aiosql style).

Each file starts with a header of `//` comments:

    // name: positions
    // mode: read
    // Answers: every actor position, optionally for one session.
    // params: session
    // :param session => 'AHC-7'

The parameters a query uses (`$name` in its body) must equal the declared ones, and a call must
pass exactly those; values are never pasted into query text. `mode` is `read` (runs with
`Store.run`), `write` (only inside `Store.write`, the atomic path), `schema`, or `gds`
(read-only procedures of Neo4j's Graph Data Science, run with `Store.run` on Neo4j only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graphkit.errors import QueryError

_PACKAGE = Path(__file__).resolve().parent.parent  # graphkit/
MODES = ("read", "write", "schema", "gds")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING_OR_COMMENT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")


def cypher_dir() -> Path:
    """The `cypher/` folder (copied to `graphkit/cypher` in a wheel)."""
    packaged = _PACKAGE / "cypher"
    return packaged if packaged.is_dir() else _PACKAGE.parent / "cypher"


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str  # the whole file, header included (valid Cypher: the header is comments)
    params: tuple[str, ...]
    summary: str
    path: Path
    mode: str = "read"  # read | write | schema

    @property
    def statements(self) -> list[str]:
        """Statements separated by `;` (schema files hold several)."""
        body = _STRING_OR_COMMENT.sub(
            lambda m: m.group(0) if m.group(0)[0] != "/" else "", self.text
        )
        return [s.strip() for s in body.split(";") if s.strip()]

    def check_params(self, given: dict) -> None:
        missing = sorted(set(self.params) - set(given))
        extra = sorted(set(given) - set(self.params))
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing {', '.join(missing)}")
            if extra:
                parts.append(f"unknown {', '.join(extra)}")
            raise QueryError(
                f"query '{self.name}' takes parameters ({', '.join(self.params) or 'none'}): "
                + "; ".join(parts)
            )


def used_params(text: str) -> set[str]:
    """Parameters referenced in the body (strings and comments ignored)."""
    return set(_PARAM.findall(_STRING_OR_COMMENT.sub("", text)))


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    summary: list[str] = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        content = line[2:].strip()
        key, sep, value = content.partition(":")
        if sep and key.strip() in ("name", "params", "mode"):
            header[key.strip()] = value.strip()
        elif content and not content.startswith(":param") and not summary:
            summary.append(content)
    name = header.get("name")
    if name != path.stem:
        raise QueryError(f"{path}: header must say '// name: {path.stem}' (found {name!r})")
    mode = header.get("mode")
    if mode not in MODES:
        raise QueryError(f"{path}: header must say '// mode: read', 'write', 'schema' or 'gds'")
    declared = tuple(p.strip() for p in header.get("params", "").split(",") if p.strip())
    used = used_params(text)
    if set(declared) != used:
        raise QueryError(
            f"{path}: declared params {sorted(declared)} differ from those used {sorted(used)}"
        )
    return NamedQuery(name, text, declared, " ".join(summary), path, mode)


@lru_cache(maxsize=4)
def load_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    folder = folder or cypher_dir()
    return {p.stem: parse_query_file(p) for p in sorted(folder.glob("*.cypher"))}


def get_query(name: str) -> NamedQuery:
    queries = load_queries()
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise QueryError(f"no query named '{name}' in {cypher_dir()}{hint}")
    return queries[name]
