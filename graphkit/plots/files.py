"""Figures to files: PNG or SVG, at print resolution, exactly the size they were drawn."""

from __future__ import annotations

from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

from graphkit.errors import BlocsError
from graphkit.plots.style import DPI

SUFFIXES = (".png", ".svg")


def check_suffix(path: str | Path) -> Path:
    """The path, if it names a file type `save` writes (.png or .svg)."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        got = f"'{path.suffix}'" if path.suffix else "no suffix"
        raise BlocsError(f"{path}: cannot write {got}; use .png or .svg")
    return path


def save(fig: Figure, path: str | Path, *, dpi: int = DPI) -> Path:
    """Write a figure as PNG or SVG (by suffix; anything else is an error).

    No cropping: the figures are laid out to their final size (16 cm wide), so the file is
    exactly that size and prints at 100% with the type sizes it was drawn with.
    """
    path = check_suffix(path)
    if not path.parent.is_dir():
        raise BlocsError(f"{path}: folder {path.parent} does not exist")
    fmt = path.suffix.lower().lstrip(".")
    # svg text stays text (searchable, editable); no dates, so the same figure gives the same file
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "ahc-blocs"}):
        fig.savefig(
            path,
            format=fmt,
            dpi=dpi,
            metadata={"Date": None} if fmt == "svg" else {"Software": None},
        )
    return path
