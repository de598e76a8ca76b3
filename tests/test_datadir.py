"""The embedded store's data dir and disk, distrusted: full disks (a small tmpfs), data dirs
open to others or not ours, odd paths, planted symlinks, a squatted socket location.

Embedded-specific like test_embedded.py; tests that need root (mounts, other users) skip with
the reason when it is missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import stat
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from graphkit.store.embedded import EmbeddedStore
from tests.conftest import TALLY, blocs, counts
from tests.test_embedded import NOBODY, _fingerprint, _one_error_line, _server_alive, _write

pytestmark = pytest.mark.embedded


# -- disk full (a small tmpfs; needs root) ---------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill the disk needs root")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", str(mnt)],
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _fill(disk: Path, leave: int = 0) -> Path:
    """Fill the file system but `leave` bytes."""
    filler = disk / "filler"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(filler, "wb") as f, contextlib.suppress(OSError):
        f.write(b"\0" * max(free - leave, 0))
    return filler


def test_full_disk_load_changes_nothing_in_memory_or_on_disk(small_disk, tmp_path):
    from tests.test_reliability import _big_dataset

    data_dir = small_disk / "db"
    assert blocs("load", data_dir=data_dir).returncode == 0
    big = tmp_path / "big.yaml"
    _big_dataset(big, 3000)
    held = EmbeddedStore(data_dir)  # keeps the server (and its memory) alive across commands
    try:
        before = counts(held)
        snap = _fingerprint(data_dir / "dump.rdb")
        filler = _fill(small_disk, leave=64 * 1024)
        line = _one_error_line(blocs("load", str(big), data_dir=data_dir))
        assert "No space left" in line and "nothing was changed" in line
        assert counts(held) == before, "the failed load is not visible in memory"
        assert _fingerprint(data_dir / "dump.rdb") == snap
        prev = data_dir / "dump.rdb.prev"
        assert not prev.exists() or os.stat(prev).st_ino != snap[0]
        assert not list(data_dir.glob("temp-*.rdb"))
        status = blocs("db", "status", data_dir=data_dir)  # a read on a full disk works
        assert status.returncode == 0, status.stderr
        filler.unlink()
    finally:
        held.close()
    assert not _server_alive(data_dir), "the stop never leaves the server running"
    s = EmbeddedStore(data_dir)
    try:
        assert counts(s) == before, "after a restart too"
    finally:
        s.close()
    retry = blocs("load", str(big), data_dir=data_dir)
    assert retry.returncode == 0, retry.stderr


def test_full_disk_never_fails_a_command_for_saved_data(small_disk, tmp_path):
    data_dir = small_disk / "db"
    assert blocs("load", data_dir=data_dir).returncode == 0
    snap = _fingerprint(data_dir / "dump.rdb")
    _fill(small_disk)
    for args in (("db", "status"), ("positions", "--format", "json")):
        result = blocs(*args, data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        assert not _server_alive(data_dir)
    assert _fingerprint(data_dir / "dump.rdb") == snap


def test_recover_on_a_full_disk_writes_no_partial_snapshot(small_disk, tmp_path):
    from tests.test_reliability import _big_dataset

    data_dir = small_disk / "db"
    big = tmp_path / "big.yaml"
    _big_dataset(big, 1500)
    assert blocs("load", str(big), data_dir=data_dir).returncode == 0
    assert blocs("load", data_dir=data_dir).returncode == 0
    snap = data_dir / "dump.rdb"
    snap.write_bytes(snap.read_bytes()[:100])
    damaged = snap.read_bytes()
    _fill(small_disk, leave=8 * 1024)
    line = _one_error_line(blocs("db", "recover", data_dir=data_dir))
    assert "nothing was changed" in line
    assert snap.read_bytes() == damaged, "the damaged file stays where it was, whole"
    assert not list(data_dir.glob("dump.rdb.restoring*"))
    TALLY["damaged-snapshot cases"] += 1


# -- data dirs ------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", [0o1777, 0o777, 0o755])
def test_a_data_dir_open_to_others_is_refused_and_left_unchanged(tmp_path, mode):
    data_dir = tmp_path / "shared"
    data_dir.mkdir()
    os.chmod(data_dir, mode)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (data_dir / "server.log").symlink_to(victim)  # planted by "another user"
    line = _one_error_line(blocs("db", "status", data_dir=data_dir))
    assert "open to other users" in line and "chmod 700" in line
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == mode, "never chmodded"
    assert victim.read_text() == "precious"
    assert not (data_dir / "blocs.sock").exists()


def test_a_planted_symlink_in_a_private_dir_is_never_followed(data_dir, tmp_path):
    _write(data_dir, "OLD")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (data_dir / "server.log").unlink()
    (data_dir / "server.log").symlink_to(victim)
    assert "symbolic link" in _one_error_line(blocs("db", "status", data_dir=data_dir))
    assert victim.read_text() == "precious"


def test_a_data_dir_of_another_user_is_refused(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("making a folder of another user needs root")
    data_dir = tmp_path / "theirs"
    data_dir.mkdir(mode=0o700)
    os.chown(data_dir, NOBODY, NOBODY)
    assert "another user" in _one_error_line(blocs("db", "status", data_dir=data_dir))
    assert not list(data_dir.iterdir())


@pytest.mark.parametrize("kind", ["dangling symlink", "file", "far too long", "socket folder"])
def test_odd_data_dirs_are_one_line(tmp_path, kind):
    data_dir = tmp_path / "db"
    if kind == "dangling symlink":
        data_dir.symlink_to(tmp_path / "gone")
    elif kind == "file":
        data_dir.write_text("not a folder")
    elif kind == "far too long":
        data_dir = tmp_path / "/".join(["x" * 200] * 25)  # beyond PATH_MAX
    else:
        data_dir.mkdir(mode=0o700)
        (data_dir / "blocs.sock").mkdir()
    line = _one_error_line(blocs("db", "status", data_dir=data_dir))
    assert "data dir" in line or "socket" in line or "blocs.sock" in line


def test_a_read_only_data_dir_is_one_line(tmp_path):
    data_dir = tmp_path / "ro"
    if os.geteuid() == 0:  # root writes through permissions: a read-only mount instead
        data_dir.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,mode=0700", "tmpfs",
                               str(data_dir)], capture_output=True, text=True)  # fmt: skip
        if done.returncode != 0:
            pytest.skip(f"cannot mount a read-only tmpfs: {done.stderr.strip()}")
    else:
        data_dir.mkdir(mode=0o500)
    try:
        line = _one_error_line(blocs("db", "status", data_dir=data_dir))
        assert "cannot write in the data dir" in line
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", "-l", str(data_dir)], capture_output=True)


def test_a_relative_data_dir_works(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    loaded = blocs("--data-dir", "rel/db", "load", cwd=work)
    assert loaded.returncode == 0, loaded.stderr
    status = blocs("db", "status", "--format", "json", data_dir=work / "rel" / "db")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["relationships"]["VOTED"] > 0


def test_a_long_data_dir_uses_no_shared_socket_dir_and_ignores_a_squatter(tmp_path):
    """The old fallback for long paths was /tmp/blocs-<uid>-<hash>, made with exist_ok: another
    user who made it first and listened there got every write."""
    data_dir = tmp_path / ("long-" + "d" * 120) / "db"
    digest = hashlib.sha1(str(data_dir).encode()).hexdigest()[:12]
    squat = Path(tempfile.gettempdir()) / f"blocs-{os.getuid()}-{digest}"
    accepted = []
    listener = _squatter(squat, accepted)
    try:
        loaded = blocs("load", data_dir=data_dir)
        assert loaded.returncode == 0, loaded.stderr
        status = blocs("db", "status", "--format", "json", data_dir=data_dir)
        assert json.loads(status.stdout)["relationships"]["VOTED"] > 0
        assert accepted == [], "nothing ever talked to the squatter's socket"
    finally:
        listener.close()
        subprocess.run(["rm", "-rf", str(squat)])


def _squatter(folder: Path, accepted: list) -> socket.socket:
    """A socket listening where the old fallback put ours (as user nobody when we are root)."""
    folder.mkdir(mode=0o777, exist_ok=True)
    path = folder / "blocs.sock"
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(str(path))
    os.chmod(path, 0o777)
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
        os.chown(path, NOBODY, NOBODY)
    srv.listen(8)

    def serve():
        with contextlib.suppress(OSError):
            while True:
                conn, _ = srv.accept()
                accepted.append(conn.recv(1024))
                conn.close()

    threading.Thread(target=serve, daemon=True).start()
    return srv
