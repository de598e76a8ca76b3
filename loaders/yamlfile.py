"""Dataset YAML read safely, with the line of every key and item for error messages.

Datasets come from people and from the web: aliases (`*name`, the "billion laughs" that expand
a 600-byte file to billions of entries) are refused, duplicate keys (YAML keeps the last one
silently) are refused with both lines, only regular files of sensible size are read, and values
shown in messages are cut.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from loaders.errors import LoadError
from loaders.files import regular_file


class Lined(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict


class LinedList(list):
    line: int = 0
    item_lines: list


class _YamlProblem(Exception):
    """A structural problem found while reading (an alias, a duplicate key), with its line."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def _construct(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = Lined()
        out.line, out.key_lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = _construct(key_node)
            if not isinstance(key, str | int | float | bool) and key is not None:
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in out:
                raise _YamlProblem(
                    f"duplicate key {shown(key)} (first on line {out.key_lines[key]}): "
                    "YAML keeps only the last one, so one of them would be lost silently",
                    line,
                )
            out[key] = _construct(value_node)
            out.key_lines[key] = line
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LinedList(_construct(v) for v in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [v.start_mark.line + 1 for v in node.value]
        return seq
    try:
        return yaml.SafeLoader.construct_object(_SCALAR_LOADER, node)  # type: ignore[arg-type]
    except (ValueError, yaml.YAMLError):
        return node.value  # e.g. "2024-13-45": the field check reports it with its line


class _ScalarLoader(yaml.SafeLoader):
    def __init__(self) -> None:
        super().__init__("")


_SCALAR_LOADER = _ScalarLoader()
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster, same marks


class _FastLoader(_COMPOSER):  # type: ignore[misc, valid-type]
    """The fast path's loader: refuses duplicate keys (YAML would keep the last silently);
    the lined path then names their lines."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
            if len(keys) != len(set(keys)):
                raise ValueError("duplicate key")
        return super().construct_mapping(node, deep)


def shown(value: Any, limit: int = 60) -> str:
    """A value for an error message: its repr, cut (a list of a million entries is not)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _refuse_aliases(text: str, path: Path) -> None:
    """Aliases (`*name`) let a 600-byte file expand to billions of entries ("billion laughs");
    datasets never need them, so they are refused before anything is built."""
    for event in yaml.parse(text, Loader=_COMPOSER):
        if isinstance(event, yaml.AliasEvent):
            raise LoadError(
                f"YAML alias *{event.anchor[:40]} is not allowed in dataset files: "
                "write the value out",
                file=str(path),
                line=event.start_mark.line + 1,
            )


def _unlined(value: Any) -> Any:
    """Plain parsed values dressed as Lined objects without line numbers (the fast path)."""
    if isinstance(value, dict):
        out = Lined()
        out.line, out.key_lines = None, {}
        for key, item in value.items():
            out[key] = _unlined(item)
        return out
    if isinstance(value, list):
        seq = LinedList(_unlined(v) for v in value)
        seq.line, seq.item_lines = None, [None] * len(seq)
        return seq
    return value


MAX_DATASET_BYTES = 64 << 20  # the bundled files are ~50 KB; a device or a runaway file is not


def _check_file(path: Path) -> None:
    """Only a regular file of sensible size is read whole (a symlink to /dev/zero is not)."""
    st = regular_file(path)
    if st.st_size > MAX_DATASET_BYTES:
        raise LoadError(
            f"is {st.st_size >> 20:,} MB; dataset files are limited to "
            f"{MAX_DATASET_BYTES >> 20} MB (split it)",
            file=str(path),
        )


def read_yaml(path: Path, *, lines: bool = True) -> Any:
    """Parse YAML; with `lines`, keep line numbers (slower). Syntax errors name the line."""
    _check_file(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(f"not UTF-8 text (byte {exc.start})", file=str(path)) from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror}", file=str(path)) from None
    try:
        if "*" in text:  # no alias without an asterisk: the common case costs one scan
            _refuse_aliases(text, path)
        if not lines:
            return _unlined(yaml.load(text, Loader=_FastLoader))
        node = yaml.compose(text, Loader=_COMPOSER)
        return None if node is None else _construct(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise LoadError(f"YAML syntax error: {problem}", file=str(path), line=line) from None
    except _YamlProblem as exc:
        raise LoadError(str(exc), file=str(path), line=exc.line) from None
    except RecursionError:
        raise LoadError(
            "nested too deeply (a dataset is a few levels deep)", file=str(path)
        ) from None
