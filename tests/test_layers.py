"""The layers, read from the imports themselves (ast): the library never reaches up.

graphkit/ is the library: it imports neither the CLI (`blocs`) nor `loaders`; its pure analysis
modules do not import the store; loaders/ sit on the library and never import the CLI.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE = (
    "analysis", "blocs", "projection", "tracking", "validate", "params", "synthetic", "model",
    "positions", "incidence", "communities", "netagreement", "methods", "consensus",
    "significance", "evidence", "labels", "bloc_report", "relations",
)  # fmt: skip


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in _files(package):
        for name in sorted(imports_of(path)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_library_imports_neither_cli_nor_loaders():
    assert _files("graphkit")
    assert not _offenders("graphkit", ("blocs", "loaders", "typer"))


def test_loaders_never_import_the_cli():
    assert not _offenders("loaders", ("blocs", "typer"))


@pytest.mark.parametrize("module", PURE)
def test_pure_analysis_does_not_touch_the_store(module):
    path = ROOT / "graphkit" / f"{module}.py"
    assert path.is_file(), path
    bad = [n for n in imports_of(path) if n.startswith("graphkit.store") or n == "graphkit.api"]
    assert not bad, f"{path.name} imports {bad}"


def test_the_checker_sees_function_level_imports(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from loaders.pipeline import plan_load\n", encoding="utf-8")
    assert "loaders.pipeline" in imports_of(sample)
