"""The embedded FalkorDB store only: server lifecycle, snapshots, disk full, data dirs, sockets.

Everything here is specific to the embedded backend (kills, snapshot files, unix sockets, data
dir permissions); what every backend must do is in test_store.py. Tests that need root (mounts,
other users) skip with the reason when it is missing.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from graphkit.errors import SnapshotDamaged, StoreUnavailable
from graphkit.store.datadir import DataDir
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.server import launch
from tests.conftest import TALLY, blocs, counts

pytestmark = pytest.mark.embedded
NOBODY = 65534


def _actor(code, name=None):
    return {"code": code, "name": name or code, "kind": "state", "region": None, "successor": None}


def _write(data_dir, *codes):
    s = EmbeddedStore(data_dir)
    try:
        for code in codes:
            s.write([("write_actors", {"rows": [_actor(code)]})])
    finally:
        s.close()


def _actors(data_dir) -> set[str]:
    s = EmbeddedStore(data_dir)
    try:
        return {r["code"] for r in s.run("actor_names")}
    finally:
        s.close()


def _one_error_line(result) -> str:
    """The single `Error:` line of a refused command (no traceback, nothing else)."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


def _fingerprint(path: Path):
    st = os.lstat(path)
    return (st.st_ino, st.st_mtime_ns, st.st_size, st.st_nlink)


def _server_alive(data_dir: Path) -> bool:
    """Is any redis-server running in this data dir (found by its working directory, so a
    server whose pid file could not be written counts too)?"""
    here = os.stat(data_dir)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if b"redis-server" not in (entry / "cmdline").read_bytes():
                continue
            cwd = os.stat(entry / "cwd")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if (cwd.st_dev, cwd.st_ino) == (here.st_dev, here.st_ino) and state not in "ZX":
            return True
    return False


def _dead_pid() -> int:
    """The pid of a process that has exited (a shell that printed it)."""
    return int(subprocess.run(["sh", "-c", "echo $$"], capture_output=True, text=True).stdout)


def _foreign_rdb(target: Path) -> None:
    """A valid snapshot of something else: a redis string key, saved by a real server."""
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o700)
        dd = DataDir(tmp, create=False)
        try:
            proc, conn, failure = launch(dd)
            assert failure is None, failure
            conn.set("session:1", "someone else's cache")
            conn.save()
            proc.kill()
            proc.wait()
        finally:
            dd.close()
        target.write_bytes((Path(tmp) / "dump.rdb").read_bytes())


# -- lifecycle ------------------------------------------------------------------------------
def test_socket_is_private_and_no_tcp_port(store):
    mode = stat.S_IMODE(os.stat(store.server.socket).st_mode)
    assert mode & 0o077 == 0, oct(mode)
    assert store.conn.config_get("port")["port"] == "0"
    assert stat.S_IMODE(os.stat(store.server.data_dir).st_mode) == 0o700


def test_a_start_that_stalls_says_where_and_leaves_no_server(tmp_path):
    dd = DataDir(tmp_path / "stalled")
    try:
        proc, conn, failure = launch(dd, timeout=0.0)  # the deadline passes before any reply
    finally:
        dd.close()
    assert conn is None and proc.returncode is not None, "the stalled server was stopped"
    assert failure.startswith("did not start within 0 s ("), failure
    assert "socket" in failure and "log: " in failure, failure


def test_data_survives_restart(data_dir):
    _write(data_dir, "KEEP")
    assert not (data_dir / "blocs.sock").exists(), "the last client shuts the server down"
    assert _actors(data_dir) == {"KEEP"}


def test_second_client_shares_the_running_server(data_dir):
    a = EmbeddedStore(data_dir)
    b = EmbeddedStore(data_dir)
    try:
        assert a.server._pid() == b.server._pid()
        a.write([("write_actors", {"rows": [_actor("ONE")]})])
        a.close()
        assert counts(b)[0]["Actor"] == 1, "b still works after a leaves"
    finally:
        b.close()
    assert not _server_alive(data_dir)


def test_server_left_by_killed_client_is_adopted(data_dir, tmp_path):
    script = tmp_path / "die.py"
    script.write_text(
        "import os, sys\n"
        "from graphkit.store.embedded import EmbeddedStore\n"
        "s = EmbeddedStore(sys.argv[1])\n"
        "s.write([('write_actors', {'rows': [{'code': 'GONE', 'name': 'x', 'kind': 'state',"
        " 'region': None, 'successor': None}]})])\n"
        "os.kill(os.getpid(), 9)\n"
    )
    proc = subprocess.run([sys.executable, str(script), str(data_dir)], capture_output=True)
    assert proc.returncode == -9
    leftover = int((data_dir / "server.pid").read_text())
    s = EmbeddedStore(data_dir)
    try:
        assert s.server._pid() == leftover, "adopted, not a second server"
        assert counts(s)[0]["Actor"] == 1
    finally:
        s.close()
    TALLY["kills survived"] += 1


def test_dead_server_stale_socket_recovers_from_snapshot(data_dir):
    s = EmbeddedStore(data_dir)
    s.write([("write_actors", {"rows": [_actor("SNAP")]})])
    pid = s.server._pid()
    os.kill(pid, 9)  # the server dies; the socket file stays behind
    s.server._release_client()
    s2 = EmbeddedStore(data_dir)
    try:
        assert s2.server._pid() != pid
        assert counts(s2)[0]["Actor"] == 1
    finally:
        s2.close()
    TALLY["kills survived"] += 1


def test_read_only_commands_never_touch_the_snapshots(data_dir):
    _write(data_dir, "OLD", "NEW")
    snap, prev = data_dir / "dump.rdb", data_dir / "dump.rdb.prev"
    before = (_fingerprint(snap), _fingerprint(prev))
    s = EmbeddedStore(data_dir)
    s.run("actor_names")
    s.close()
    for args in (("db", "status"), ("positions",), ("query", "sessions")):
        result = blocs(*args, data_dir=data_dir)
        assert result.returncode == 0, result.stderr
    assert (_fingerprint(snap), _fingerprint(prev)) == before
    assert _fingerprint(snap)[0] != _fingerprint(prev)[0], "two files, not one inode twice"


# -- snapshots that are missing, damaged, foreign -------------------------------------------
@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_damaged_snapshot_is_reported_not_started_empty(data_dir, damage):
    _write(data_dir, "OLD", "NEW")
    snap = data_dir / "dump.rdb"
    raw = bytearray(snap.read_bytes())
    if damage == "truncate":
        snap.write_bytes(raw[: len(raw) // 2])
    else:
        raw[len(raw) // 2] ^= 0xFF
        snap.write_bytes(bytes(raw))
    with pytest.raises(SnapshotDamaged, match="blocs db recover"):
        EmbeddedStore(data_dir)
    assert "damaged" in _one_error_line(blocs("db", "status", data_dir=data_dir))
    fixed = blocs("db", "recover", data_dir=data_dir)
    assert fixed.returncode == 0, fixed.stderr
    assert _actors(data_dir) == {"OLD"}, "the previous good snapshot is back"
    assert list(data_dir.glob("dump.rdb.damaged-*")), "the damaged file is kept aside"
    TALLY["damaged-snapshot cases"] += 1


@pytest.mark.parametrize("kind", ["missing", "dangling symlink", "symlink loop", "foreign rdb"])
def test_a_snapshot_that_is_not_ours_beside_a_good_prev_is_refused_then_recovered(data_dir, kind):
    _write(data_dir, "OLD", "NEW")
    snap, prev = data_dir / "dump.rdb", data_dir / "dump.rdb.prev"
    good = prev.read_bytes()
    snap.unlink()
    if kind == "dangling symlink":
        snap.symlink_to(data_dir / "nowhere.rdb")
    elif kind == "symlink loop":
        snap.symlink_to("dump.rdb")
    elif kind == "foreign rdb":
        _foreign_rdb(snap)
    with pytest.raises((SnapshotDamaged, StoreUnavailable), match="blocs db recover"):
        EmbeddedStore(data_dir)
    line = _one_error_line(blocs("db", "status", data_dir=data_dir))
    assert "recover" in line
    assert prev.read_bytes() == good, "the good previous snapshot is never overwritten"
    assert not _server_alive(data_dir), "a refused start leaves no server behind"
    fixed = blocs("db", "recover", data_dir=data_dir)
    assert fixed.returncode == 0, fixed.stderr
    assert "restored dump.rdb.prev" in fixed.stderr
    assert _actors(data_dir) == {"OLD"}
    TALLY["damaged-snapshot cases"] += 1


def test_recover_leaves_a_healthy_snapshot_alone(data_dir):
    _write(data_dir, "OLD", "NEW")
    before = _fingerprint(data_dir / "dump.rdb")
    result = blocs("db", "recover", data_dir=data_dir)
    assert result.returncode == 0 and "nothing to recover" in result.stderr
    assert _fingerprint(data_dir / "dump.rdb") == before
    assert not list(data_dir.glob("dump.rdb.damaged-*"))
    assert _actors(data_dir) == {"OLD", "NEW"}
    TALLY["damaged-snapshot cases"] += 1


def test_recover_says_so_when_nothing_can_be_restored_and_moves_nothing(data_dir):
    _write(data_dir, "OLD", "NEW")
    for name in ("dump.rdb", "dump.rdb.prev"):
        path = data_dir / name
        path.write_bytes(path.read_bytes()[:40])
    files = sorted(p.name for p in data_dir.iterdir())
    for _ in range(2):  # no loop: the same answer each time, nothing moved
        line = _one_error_line(blocs("db", "recover", data_dir=data_dir))
        assert "nothing can be restored" in line and "--empty" in line
        assert sorted(p.name for p in data_dir.iterdir()) == files
    emptied = blocs("db", "recover", "--empty", data_dir=data_dir)
    assert emptied.returncode == 0, emptied.stderr
    assert len(list(data_dir.glob("dump.rdb.damaged-*"))) == 2, "both kept aside"
    assert _actors(data_dir) == set()
    TALLY["damaged-snapshot cases"] += 1


def test_recover_with_a_folder_as_prev_is_one_line(data_dir):
    _write(data_dir, "OLD")
    (data_dir / "dump.rdb").write_bytes(b"REDIS0011 broken")
    (data_dir / "dump.rdb.prev").mkdir()
    assert "a folder" in _one_error_line(blocs("db", "recover", data_dir=data_dir))
    assert (data_dir / "dump.rdb.prev").is_dir()
    TALLY["damaged-snapshot cases"] += 1


def test_recover_refuses_while_the_database_runs(data_dir):
    _write(data_dir, "OLD", "NEW")
    s = EmbeddedStore(data_dir)
    try:
        before = _fingerprint(data_dir / "dump.rdb")
        assert "is running" in _one_error_line(blocs("db", "recover", data_dir=data_dir))
        assert _fingerprint(data_dir / "dump.rdb") == before
    finally:
        s.close()


def test_leftovers_of_killed_runs_are_cleaned_up(data_dir):
    _write(data_dir, "OLD")
    temp = data_dir / f"temp-{_dead_pid()}.rdb"  # what a SAVE killed half-way leaves
    temp.write_bytes(b"REDIS half a snapshot")
    s = EmbeddedStore(data_dir)
    try:
        assert not temp.exists()
        # a killed writer's staging copy, in the memory of a server that outlived it
        s.conn.execute_command("GRAPH.COPY", s.graph_name, s.staging_name)
    finally:
        s.server._release_client()  # leave like a killed process: no stop
    again = EmbeddedStore(data_dir)
    try:
        assert again.staging_name not in again.conn.execute_command("GRAPH.LIST")
        again.write([("write_actors", {"rows": [_actor("NEW")]})])
    finally:
        again.close()
    assert b"blocs__staging" not in (data_dir / "dump.rdb").read_bytes()
    assert b"blocs__before" not in (data_dir / "dump.rdb").read_bytes()
    assert _actors(data_dir) == {"OLD", "NEW"}


# -- a SAVE that fails ----------------------------------------------------------------------
def test_a_failed_save_undoes_the_write_in_memory_too(data_dir):
    """Redis writes its snapshot to temp-<pid>.rdb: a folder there makes SAVE fail, as a full
    disk does, without needing root."""
    _write(data_dir, "OLD")
    s = EmbeddedStore(data_dir)
    try:
        snap = _fingerprint(data_dir / "dump.rdb")
        blocker = data_dir / f"temp-{s.server._pid()}.rdb"
        blocker.mkdir()
        with pytest.raises(StoreUnavailable, match="nothing was changed"):
            s.write([("write_actors", {"rows": [_actor("LOST")]})])
        assert {r["code"] for r in s.run("actor_names")} == {"OLD"}, "undone in memory"
        assert _fingerprint(data_dir / "dump.rdb") == snap
        assert not (data_dir / "dump.rdb.prev").exists(), "no rotation for a failed save"
        graphs = s.conn.execute_command("GRAPH.LIST")
        assert s.staging_name not in graphs and s.before_name not in graphs
        blocker.rmdir()
        s.write([("write_actors", {"rows": [_actor("NEW")]})])
    finally:
        s.close()
    assert _actors(data_dir) == {"OLD", "NEW"}
    prev = _fingerprint(data_dir / "dump.rdb.prev")
    assert prev[0] == snap[0] and prev[3] == 1, ".prev is the snapshot before, alone"


def test_a_folder_in_the_way_of_prev_never_fails_a_write(data_dir, caplog):
    _write(data_dir, "OLD")
    (data_dir / "dump.rdb.prev").mkdir()
    with caplog.at_level("WARNING", logger="graphkit.store"):
        _write(data_dir, "NEW")
    assert "previous snapshot could not be kept" in caplog.text
    assert _actors(data_dir) == {"OLD", "NEW"}
    assert not (data_dir / "dump.rdb.prev.next").exists()
