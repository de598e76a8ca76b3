"""The embedded database's data dir, trusted only after checking: ours, private, a real folder.

Everything the embedded store touches lives in one data dir: the snapshot, the socket, the
locks, the server's pid and log. Another local user who can write there could plant a symlink
(`server.log` -> a file of ours) or listen on the socket, so the dir is opened once, checked on
the open handle (owner, mode, kind), and every file is then opened relative to that handle with
`O_NOFOLLOW`. An unsafe dir is refused with one line naming it and the fix; it is never changed
(a shared dir silently chmodded would break its other users).

Locks are `flock` on files of the dir. A holder that is stopped (Ctrl-Z) or stuck must not
block others silently: a waiter says whom it waits for and gives up after a timeout.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from graphkit.errors import StoreUnavailable
from graphkit.textsafe import printable

Notify = Callable[[str], None]
LOCK_TIMEOUT = 300.0  # seconds a command waits for another writer before giving up
QUIET_WAIT = 1.0  # seconds of waiting before saying whom we wait for
_SOCKET_MAX = 100  # sun_path holds 108 bytes; longer paths go through /proc/self/fd
_log = logging.getLogger("graphkit.store")


def default_data_dir() -> Path:
    """Per-user data folder (XDG), overridable with BLOCS_DATA_DIR."""
    env = os.environ.get("BLOCS_DATA_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "ahc-blocs"


def _warn(message: str) -> None:
    _log.warning(message)


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


class DataDir:
    """An opened, checked data dir; files are reached relative to its handle."""

    def __init__(self, path: Path | str | None = None, *, create: bool = True) -> None:
        raw = Path(path).expanduser() if path else default_data_dir()
        # absolute before anything: the server changes into the dir, so a relative path given
        # to it would point elsewhere
        self.path = Path(os.path.abspath(raw))
        self.fd = self._open(create)
        try:
            self._check(os.fstat(self.fd))
        except BaseException:
            os.close(self.fd)
            raise

    # -- opening and checking ---------------------------------------------------------------
    def _open(self, create: bool) -> int:
        shown = printable(self.path)
        try:
            return os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except FileNotFoundError:
            if os.path.islink(self.path):
                target = printable(os.readlink(self.path))
                raise StoreUnavailable(
                    f"data dir {shown} is a symbolic link to {target}, which does not exist; "
                    "create that folder (mode 0700) or choose another data dir"
                ) from None
            if not create:
                raise StoreUnavailable(f"data dir {shown} does not exist") from None
        except NotADirectoryError:
            raise StoreUnavailable(
                f"data dir {shown} is not a folder (a file is in the way); choose another data dir"
            ) from None
        except OSError as exc:
            raise StoreUnavailable(self._os_problem(exc, "open")) from None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(self.path, 0o700)  # private from the first instant (no chmod window)
            return os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except FileExistsError:  # created meanwhile by another command: check it like any
            return self._open(create=False)
        except OSError as exc:
            raise StoreUnavailable(self._os_problem(exc, "create")) from None

    def _os_problem(self, exc: OSError, doing: str) -> str:
        shown = printable(self.path)
        if exc.errno == errno.ELOOP:
            return f"data dir {shown} is a symbolic link loop; choose another data dir"
        if exc.errno == errno.ENAMETOOLONG:
            return (
                f"data dir path is too long ({len(str(self.path))} characters); use a shorter one"
            )
        if exc.errno == errno.ENOTDIR:
            return f"data dir {shown}: a part of the path is a file, not a folder"
        return f"cannot {doing} the data dir {shown}: {_why(exc)}"

    def _check(self, st: os.stat_result) -> None:
        shown = printable(self.path)
        uid = os.geteuid()
        if st.st_uid != uid:
            raise StoreUnavailable(
                f"data dir {shown} belongs to another user (uid {st.st_uid}, you are {uid}); "
                "it is not used: choose a data dir of your own"
            )
        mode = stat.S_IMODE(st.st_mode)
        if mode & 0o077:
            raise StoreUnavailable(
                f"data dir {shown} is open to other users (mode {mode:04o}); it is not used: "
                f"make it private (chmod 700 {shown}) or choose another data dir"
            )

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    # -- files ------------------------------------------------------------------------------
    def file(self, name: str) -> Path:
        """The path of a file of the dir (for messages and for the server's arguments)."""
        return self.path / name

    def fd_path(self, name: str = "") -> str:
        """A short path to `name` through the open handle (no path length limit, and no swap
        of the dir between checking and using it); the real path where /proc is missing."""
        proc = f"/proc/self/fd/{self.fd}"
        if os.path.isdir(proc):
            return f"{proc}/{name}" if name else proc
        return str(self.file(name)) if name else str(self.path)

    def socket_path(self, name: str) -> str:
        real = str(self.file(name))
        if len(real) < _SOCKET_MAX:
            return real
        short = self.fd_path(name)
        if len(short) >= _SOCKET_MAX:
            raise StoreUnavailable(
                f"data dir path is too long for the database socket ({len(real)} characters); "
                "use a shorter data dir"
            )
        return short

    def open(self, name: str, flags: int, mode: int = 0o600) -> int:
        """os.open relative to the dir, never following a symlink planted at `name`."""
        try:
            return os.open(name, flags | os.O_NOFOLLOW | os.O_CLOEXEC, mode, dir_fd=self.fd)
        except OSError as exc:
            raise StoreUnavailable(self.file_problem(name, exc)) from None

    def file_problem(self, name: str, exc: OSError) -> str:
        shown = printable(self.file(name))
        if exc.errno == errno.ELOOP:
            return (
                f"{shown} is a symbolic link; the database uses only its own plain files: remove it"
            )
        if exc.errno in (errno.EISDIR, errno.ENXIO):
            return f"{shown} is not a plain file; remove it"
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return f"cannot write in the data dir {printable(self.path)}: {_why(exc)}"
        if exc.errno == errno.ENOSPC:
            return f"no space left in the data dir {printable(self.path)}; free some space"
        return f"{shown}: {_why(exc)}"

    def lstat(self, name: str) -> os.stat_result | None:
        try:
            return os.lstat(name, dir_fd=self.fd)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreUnavailable(self.file_problem(name, exc)) from None

    def unlink(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name, dir_fd=self.fd)

    def rename(self, src: str, dst: str) -> None:
        os.rename(src, dst, src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def listdir(self) -> list[str]:
        return os.listdir(self.fd)

    def read_text(self, name: str, limit: int = 1 << 20) -> str:
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=self.fd)
        except OSError:
            return ""
        with os.fdopen(fd, "rb") as f:
            if limit and os.fstat(f.fileno()).st_size > limit:
                f.seek(-limit, os.SEEK_END)
            return f.read(limit).decode("utf-8", "replace")

    def write_text(self, name: str, text: str) -> None:
        fd = self.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)

    def fsync(self) -> None:
        with contextlib.suppress(OSError):
            os.fsync(self.fd)

    # -- locks ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(
        self,
        name: str,
        mode: int = fcntl.LOCK_EX,
        *,
        what: str = "another blocs command",
        timeout: float = LOCK_TIMEOUT,
        notify: Notify | None = None,
    ) -> Iterator[int]:
        """Hold an flock on `name`; while another process holds it, say so once, and give up
        with StoreUnavailable after `timeout` seconds."""
        fd = self.open(name, os.O_RDWR | os.O_CREAT)
        try:
            self._acquire(fd, name, mode, what, timeout, notify or _warn)
            if mode == fcntl.LOCK_EX:  # whom a waiter waits for
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
                    os.pwrite(fd, _holder().encode(), 0)
            yield fd
        finally:
            os.close(fd)

    def _acquire(self, fd, name, mode, what, timeout, notify) -> None:
        # a short wait (another command finishing) is silent; a longer one names the holder
        if _poll(fd, mode, min(QUIET_WAIT, timeout)):
            return
        holder = _holder_of(fd)
        stopped = _is_stopped(holder[0]) if holder else False
        who = f" (pid {holder[0]}: {printable(holder[1])})" if holder else ""
        hint = (
            f"; it is stopped (Ctrl-Z?): resume it with `fg` or `kill -CONT {holder[0]}`"
            if stopped
            else ""
        )
        notify(f"Waiting for {what}{who} to finish, up to {timeout:.0f} s{hint} ...")
        if not _poll(fd, mode, max(timeout - QUIET_WAIT, 0.0)):
            raise StoreUnavailable(
                f"gave up after {timeout:.0f} s waiting for {what}{who} in "
                f"{printable(self.path)}{hint or '; retry when it has finished'}"
            )

    def try_lock(self, name: str) -> int | None:
        """An exclusive lock if free right now (the fd to close), else None."""
        fd = self.open(name, os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return fd


def _poll(fd: int, mode: int, seconds: float) -> bool:
    """Try the lock until it is ours (True) or `seconds` have passed (False)."""
    deadline = time.monotonic() + seconds
    delay = 0.005
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def _holder() -> str:
    args = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv))
    return f"{os.getpid()} {args[:200]}"


def _holder_of(fd: int) -> tuple[int, str] | None:
    try:
        text = os.pread(fd, 512, 0).decode("utf-8", "replace").strip()
        pid, _, cmd = text.partition(" ")
        return int(pid), cmd or "?"
    except (OSError, ValueError):
        return None


def _is_stopped(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state in ("T", "t")


def is_socket_of_ours(st: os.stat_result | None) -> bool:
    return st is not None and stat.S_ISSOCK(st.st_mode) and st.st_uid == os.geteuid()
