"""The embedded store against the real FalkorDB server: lifecycle, atomicity, safety."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from graphkit.errors import QueryError, SnapshotDamaged
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.server import EmbeddedServer
from tests.conftest import blocs, counts

INJECTION = "x'}) DETACH DELETE n //"


def _actor(code, name=None, kind="state"):
    return {"code": code, "name": name or code, "kind": kind, "region": None, "successor": None}


def test_socket_is_private_and_no_tcp_port(store):
    mode = stat.S_IMODE(os.stat(store.server.socket).st_mode)
    assert mode & 0o077 == 0, oct(mode)
    assert store.conn.config_get("port")["port"] == "0"
    assert stat.S_IMODE(os.stat(store.server.data_dir).st_mode) == 0o700


def test_injection_string_is_stored_verbatim(store):
    weird = [INJECTION, 'quote " and \\ backslash', "Côte d’Ivoire ✓ 中文"]
    store.write([("write_actors", {"rows": [_actor(f"T{i}", n) for i, n in enumerate(weird)]})])
    rows = store.run("db_labels")
    assert {r["label"]: r["nodes"] for r in rows}["Actor"] == 3
    from graphkit.store.queries import get_query

    names = store._query(store.graph_name, get_query("actor_names"), {})
    assert sorted(r["name"] for r in names) == sorted(weird)


def test_write_is_atomic_when_a_step_fails(store):
    store.write([("write_actors", {"rows": [_actor("AAA")]})])
    before = counts(store)
    bad_row = {"code": "BBB"}  # missing keys -> the query fails in the database
    with pytest.raises(QueryError):
        store.write(
            [
                ("write_actors", {"rows": [_actor("CCC")]}),
                ("write_memberships", {"rows": [{"member": "CCC", "group": "AAA"}]}),
                ("write_sessions", {"rows": [bad_row]}),
            ]
        )
    assert counts(store) == before
    assert store.staging_name not in store.conn.execute_command("GRAPH.LIST")


def test_wrong_parameters_are_refused(store):
    with pytest.raises(QueryError, match="missing session"):
        store.run("positions")
    with pytest.raises(QueryError, match="unknown bogus"):
        store.run("positions", session=None, bogus=1)
    with pytest.raises(QueryError, match="did you mean positions"):
        store.run("positons", session=None)


def test_data_survives_restart(data_dir):
    s = EmbeddedStore(data_dir)
    s.write([("write_actors", {"rows": [_actor("KEEP")]})])
    s.close()
    assert not s.server.socket.exists(), "the last client shuts the server down"
    s2 = EmbeddedStore(data_dir)
    try:
        assert counts(s2)[0]["Actor"] == 1
    finally:
        s2.close()


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
    leftover = EmbeddedServer(data_dir)._pid()
    assert leftover is not None
    s = EmbeddedStore(data_dir)
    try:
        assert s.server._pid() == leftover, "adopted, not a second server"
        assert counts(s)[0]["Actor"] == 1
    finally:
        s.close()


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


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_damaged_snapshot_is_reported_not_started_empty(data_dir, damage):
    s = EmbeddedStore(data_dir)
    s.write([("write_actors", {"rows": [_actor("OLD")]})])
    s.write([("write_actors", {"rows": [_actor("NEW")]})])
    s.close()
    snap = data_dir / "dump.rdb"
    raw = bytearray(snap.read_bytes())
    if damage == "truncate":
        snap.write_bytes(raw[: len(raw) // 2])
    else:
        raw[len(raw) // 2] ^= 0xFF
        snap.write_bytes(bytes(raw))
    with pytest.raises(SnapshotDamaged, match="blocs db recover"):
        EmbeddedStore(data_dir)
    result = blocs("db", "status", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and "damaged" in result.stderr
    fixed = blocs("db", "recover", data_dir=data_dir)
    assert fixed.returncode == 0, fixed.stderr
    s = EmbeddedStore(data_dir)
    try:
        assert counts(s)[0]["Actor"] >= 1, "the previous good snapshot is back"
    finally:
        s.close()
    assert list(data_dir.glob("dump.rdb.damaged-*")), "the damaged file is kept aside"


def test_store_run_refuses_write_queries_and_write_refuses_reads(store):
    from graphkit.errors import QueryError

    with pytest.raises(QueryError, match="writes to the database"):
        store.run("reset")
    with pytest.raises(QueryError, match="writes to the database"):
        store.run("write_sessions", rows=[])
    with pytest.raises(QueryError, match="is a read query, not a write step"):
        store.write([("positions", {"session": None})])


def test_every_query_declares_its_mode():
    from graphkit.store.queries import load_queries

    modes = {q.name: q.mode for q in load_queries().values()}
    assert modes["reset"] == "write" and modes["positions"] == "read"
    assert all(m == "write" for n, m in modes.items() if n.startswith(("write_", "clear_")))
