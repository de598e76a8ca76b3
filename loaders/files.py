"""Input files are stat-ed before they are read: a folder, a device or a pipe given as a file is
refused by name instead of being read until memory runs out."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from loaders.errors import LoadError


def regular_file(path: Path | str, *, folder: str | None = None) -> os.stat_result:
    """The stat of `path` when it is a regular file, else one LoadError naming the file.

    folder: the message for a folder (e.g. "is a folder; give the CSV file itself"); without
    it a folder is refused like any other non-regular file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise LoadError("no such file", file=str(path)) from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror}", file=str(path)) from None
    if folder is not None and stat.S_ISDIR(st.st_mode):
        raise LoadError(folder, file=str(path))
    if not stat.S_ISREG(st.st_mode):
        raise LoadError("is not a regular file (a device or a pipe?)", file=str(path))
    return st
