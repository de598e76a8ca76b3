"""Snapshots of the embedded database: checked before a start, rotated only by a good save,
restored by `recover` only from a file that is known to load.

Files in the data dir:

- `dump.rdb`: the snapshot the server loads at start and replaces (temp file + rename) on SAVE;
- `dump.rdb.prev`: the snapshot before the last successful write, for `blocs db recover`;
- `dump.rdb.damaged-*`: snapshots `recover` moved aside (never deleted by blocs).

Rules: a read-only command never writes a snapshot (the server is started without save points
and stopped without saving); `.prev` moves only after a SAVE succeeded, so a failed SAVE never
leaves `dump.rdb` and `.prev` as one file; a missing `dump.rdb` beside a `.prev` is an error,
never a silent empty start; `recover` checks both files by loading them in a throwaway server
before it moves anything, copies through a temp file, and says so when nothing can be restored.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from graphkit.errors import SnapshotDamaged, StoreUnavailable
from graphkit.store.datadir import DataDir
from graphkit.textsafe import printable

SNAPSHOT = "dump.rdb"
PREVIOUS = "dump.rdb.prev"
_PREV_NEXT = "dump.rdb.prev.next"  # hard link of dump.rdb made before a SAVE, kept if it works
_RESTORING = "dump.rdb.restoring"
_TEMP_RDB = re.compile(r"^temp-(\d+)\.rdb$")
_CHECK_DIR = ".check-"
DAMAGE_MARKS = (
    "Short read",
    "short read",
    "Error loading data from RDB",
    "Error reading the RDB",
    "Wrong RDB checksum",
    "Bad file format",
    "Unexpected EOF",
    "Unknown RDB",
    "Internal error in RDB",
    "Can't handle RDB format",
    "RDB is not",
    "Fatal error loading",
)


def kind_of(st: os.stat_result | None) -> str | None:
    """None for a plain file (or nothing); else what is in the way, in words."""
    if st is None or stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISLNK(st.st_mode):
        return "a symbolic link"
    if stat.S_ISDIR(st.st_mode):
        return "a folder"
    return "not a plain file"


def check_before_start(dd: DataDir) -> None:
    """Refuse to start a server that would start empty or load something that is not a file."""
    snap, prev = dd.lstat(SNAPSHOT), dd.lstat(PREVIOUS)
    problem = kind_of(snap)
    if problem:
        raise SnapshotDamaged(
            f"the database snapshot {printable(dd.file(SNAPSHOT))} is {problem}; nothing was "
            "started or changed. `blocs db recover` moves it aside and restores the previous "
            "snapshot"
        )
    if snap is None and prev is not None:
        raise SnapshotDamaged(
            f"the database snapshot {printable(dd.file(SNAPSHOT))} is missing but the previous "
            f"one ({PREVIOUS}) is there; nothing was started, so nothing is lost. "
            "`blocs db recover` restores it"
        )


def clean_leftovers(dd: DataDir, alive) -> list[str]:
    """Files a killed server, save or recover left behind (no server runs when this is called)."""
    removed = []
    for name in dd.listdir():
        match = _TEMP_RDB.match(name)
        if (match and not alive(int(match.group(1)))) or name in (_PREV_NEXT, _RESTORING):
            dd.unlink(name)
            removed.append(name)
        elif name.startswith(_CHECK_DIR):
            with contextlib.suppress(OSError):
                _remove_tree(dd.file(name))
                removed.append(name)
    return removed


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path)


def save(conn, dd: DataDir, *, rotate: bool = True) -> None:
    """SAVE now. With `rotate`, the snapshot it replaces becomes `.prev`, but only once the
    SAVE succeeded. Raises StoreUnavailable naming the reason when the SAVE fails."""
    import redis

    linked = False
    if rotate and dd.lstat(SNAPSHOT) is not None:
        dd.unlink(_PREV_NEXT)
        try:
            os.link(SNAPSHOT, _PREV_NEXT, src_dir_fd=dd.fd, dst_dir_fd=dd.fd)
            linked = True
        except OSError:  # a full disk may refuse even a link: keep the older .prev then
            linked = False
    try:
        conn.save()
    except redis.exceptions.ResponseError:
        if linked:
            dd.unlink(_PREV_NEXT)
        reason = save_failure_reason(dd)
        raise StoreUnavailable(
            f"the database could not write its snapshot ({reason}, see "
            f"{printable(dd.file('server.log'))})"
        ) from None
    if linked:
        try:
            dd.rename(_PREV_NEXT, PREVIOUS)
        except OSError as exc:  # e.g. a folder named dump.rdb.prev: the data is saved anyway
            dd.unlink(_PREV_NEXT)
            logging.getLogger("graphkit.store").warning(
                "saved, but the previous snapshot could not be kept as %s (%s)",
                printable(dd.file(PREVIOUS)),
                exc.strerror,
            )
    dd.fsync()


def save_failure_reason(dd: DataDir) -> str:
    lines = dd.read_text("server.log", limit=16384).splitlines()
    for line in reversed(lines):
        if "error" in line.lower() and ("sav" in line.lower() or "writ" in line.lower()):
            return printable(line.split(" * ")[-1].split(" # ")[-1].strip())[:200]
    return "reason not logged"


def foreign_keys(conn, graphs: frozenset[str] | set[str]) -> list[str]:
    """Keys that are not ours: our graphs (type graphdata) and FalkorDB's per-graph telemetry
    streams (`telemetry{blocs}`) are; anything else means the data is not a blocs database."""
    telemetry = {f"telemetry{{{g}}}" for g in graphs}
    return sorted(
        k
        for k in conn.keys("*")
        if k not in telemetry and (k not in graphs or conn.type(k) != "graphdata")
    )


# -- inspecting a snapshot without touching it -----------------------------------------------
@dataclass(frozen=True)
class Health:
    ok: bool
    why: str  # "a good snapshot: graph blocs", "damaged: Short read ...", "a folder", "missing"


def inspect(dd: DataDir, name: str, graphs: frozenset[str]) -> Health:
    """Load `name` in a throwaway server (in a private temp dir) and say whether it is a good
    blocs snapshot; the file itself is only read."""
    st = dd.lstat(name)
    if st is None:
        return Health(False, "missing")
    problem = kind_of(st)
    if problem:
        return Health(False, problem)
    from graphkit.store.server import launch

    check = Path(tempfile.mkdtemp(prefix=_CHECK_DIR, dir=str(dd.path)))
    try:
        os.symlink(dd.file(name), check / SNAPSHOT)  # read through the link, never written
        sub = DataDir(check, create=False)
        try:
            proc, conn, failure = launch(sub, timeout=120.0)
            if failure is not None:
                return Health(False, failure)
            try:
                foreign = foreign_keys(conn, graphs)
                if foreign:
                    shown = ", ".join(printable(k) for k in foreign[:5])
                    return Health(False, f"holds data that is not a blocs database ({shown})")
                keys = [k for k in conn.keys("*") if k in graphs]
                graphs_in = [k for k in keys if not k.endswith(("__staging", "__before"))]
                what = "graph " + ", ".join(graphs_in) if graphs_in else "empty"
                return Health(True, f"a good snapshot: {what}")
            finally:
                with contextlib.suppress(Exception):
                    conn.close()
                proc.kill()
                proc.wait()
        finally:
            sub.close()
    finally:
        with contextlib.suppress(OSError):
            _remove_tree(check)


def recover(dd: DataDir, graphs: frozenset[str], *, empty: bool = False) -> str:
    """Restore `.prev` in place of a damaged or missing snapshot; say what was done.

    Nothing moves unless the outcome is a loadable snapshot (or, with `empty`, an explicit
    empty start). The caller holds the start lock and has checked that no server runs.
    """
    snap = inspect(dd, SNAPSHOT, graphs)
    if snap.ok:
        return f"{SNAPSHOT} is {snap.why}: nothing to recover, nothing was changed"
    prev = inspect(dd, PREVIOUS, graphs)
    if not prev.ok:
        if not empty:
            raise SnapshotDamaged(
                f"nothing can be restored: {SNAPSHOT} is {snap.why} and {PREVIOUS} is "
                f"{prev.why}; nothing was changed. To start with an empty database, run "
                "`blocs db recover --empty` (moves both aside), then re-run your loads"
            )
        moved = [_aside(dd, n) for n in (SNAPSHOT, PREVIOUS) if dd.lstat(n) is not None]
        return "; ".join(moved + ["the database will start empty: re-run your loads"])
    _copy_via_temp(dd, PREVIOUS, _RESTORING)
    done = []
    try:
        if dd.lstat(SNAPSHOT) is not None:
            done.append(_aside(dd, SNAPSHOT) + f" ({snap.why})")
        dd.rename(_RESTORING, SNAPSHOT)
    except OSError as exc:
        dd.unlink(_RESTORING)
        raise StoreUnavailable(dd.file_problem(SNAPSHOT, exc)) from None
    dd.fsync()
    done.append(f"restored {PREVIOUS} ({prev.why}) as {SNAPSHOT}: re-run the loads made since")
    return "; ".join(done)


def _aside(dd: DataDir, name: str) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target, n = f"{SNAPSHOT}.damaged-{stamp}", 1
    while dd.lstat(target) is not None:  # two recovers in one second keep both files
        n += 1
        target = f"{SNAPSHOT}.damaged-{stamp}-{n}"
    dd.rename(name, target)
    return f"moved {name} to {target}"


def _copy_via_temp(dd: DataDir, src: str, tmp: str) -> None:
    """Copy `src` to `tmp` (fsynced); a full disk leaves no partial file behind."""
    dd.unlink(tmp)
    out = None
    try:
        fd_in = dd.open(src, os.O_RDONLY)
        with os.fdopen(fd_in, "rb") as fin:
            out = dd.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
            while chunk := fin.read(1 << 20):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(out, view) :]
            os.fsync(out)
    except OSError as exc:
        dd.unlink(tmp)
        raise StoreUnavailable(
            f"cannot restore {PREVIOUS}: {dd.file_problem(tmp, exc)}; nothing was changed"
        ) from None
    except StoreUnavailable:
        dd.unlink(tmp)
        raise
    finally:
        if out is not None:
            os.close(out)
