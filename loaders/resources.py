"""Where the bundled data lives: inside the installed package, or in the source checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The bundled `data/` folder (copied to `loaders/data` in a wheel)."""
    packaged = _HERE / "data"
    return packaged if packaged.is_dir() else _HERE.parent / "data"
