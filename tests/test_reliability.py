"""Reliability: killed loads, concurrent loads, hostile names, unreachable Neo4j, fuzzed input."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest
import redis
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.store.server import _socket_path
from loaders.errors import LoadError
from loaders.pipeline import plan_positions
from tests.conftest import TALLY, UNVOTES, blocs, cli_env

EVIL = "x'}) DETACH DELETE n //"
NAMES = [EVIL, 'O"Brien \\ [bold]not markup[/bold]', "Côte d’Ivoire ✓ 中文 — ünïcode"]
STATES = ["FRA", "DEU", "USA", "GBR", "RUS", "CHN", "BRA", "IND", "ZAF", "EGY", "MEX", "JPN"]


def _status(data_dir) -> dict:
    result = blocs("db", "status", "--format", "json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    return {"nodes": doc["nodes"], "relationships": doc["relationships"]}


def _big_dataset(path, n_events: int, prefix: str = "big") -> None:
    events = [
        {
            "id": f"{prefix}-{i}",
            "session": "AHC-4",
            "issue": f"{prefix}-issue-{i % 50}",
            "option": f"Option {i}",
            "support": STATES[: 1 + i % 6],
            "oppose": STATES[6 + i % 6 :],
            "cite": [i, i + 10],
        }
        for i in range(n_events)
    ]
    path.write_text(yaml.safe_dump({"report": f"{prefix}.txt", "events": events}))


def test_hostile_names_round_trip_through_every_command(tmp_path, data_dir):
    path = tmp_path / "evil.yaml"
    doc = {
        "report": "evil.txt",
        "actors": [
            {"code": f"EVIL{i}", "name": name, "kind": "state"} for i, name in enumerate(NAMES)
        ],
        "events": [
            {
                "id": f"evil-{j}",
                "session": "AHC-2",
                "issue": EVIL,
                "option": NAMES[j % 3],
                "proposer": "EVIL0",
                "support": ["EVIL1", "EVIL2", "FRA"],
                "oppose": ["RUS"],
                "cite": [0, 5],
            }
            for j in range(4)
        ],
    }
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert blocs("load", data_dir=data_dir).returncode == 0
    before = _status(data_dir)
    loaded = blocs("load", str(path), data_dir=data_dir)
    assert loaded.returncode == 0, loaded.stderr
    after = _status(data_dir)
    assert after["nodes"]["Actor"] == before["nodes"]["Actor"] + 3, "nothing was deleted"

    names = json.loads(blocs("query", "actor_names", "--format", "json", data_dir=data_dir).stdout)
    assert {r["name"] for r in names if r["code"].startswith("EVIL")} == set(NAMES)
    rows = json.loads(blocs("positions", "--session", "AHC-2", "--format", "json",
                            data_dir=data_dir).stdout)  # fmt: skip
    rows = [r for r in rows if r["actor"].startswith("EVIL")]  # AHC-2 has real positions too
    assert {r["option"] for r in rows} == set(NAMES) and {r["issue"] for r in rows} == {EVIL}
    table = blocs("query", "actor_names", data_dir=data_dir, env={"COLUMNS": "400"}).stdout
    assert "[bold]not markup[/bold]" in table, "rich tables print names, never markup"
    state = blocs("state", "EVIL1", "--session", "AHC-2", "--format", "json", data_dir=data_dir)
    assert state.returncode == 0, state.stderr
    assert "EVIL2" in {a["actor"] for a in json.loads(state.stdout)["allies"]}
    report = blocs("report", "--session", "AHC-2", "--format", "json", "--runs", "5",
                   "--min-positions", "1", data_dir=data_dir)  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert "EVIL0" in json.loads(report.stdout)["membership"]
    graphml = tmp_path / "g.graphml"
    assert blocs("export", "-o", str(graphml), "--session", "AHC-2", "--min-positions", "1",
                 "--runs", "5", data_dir=data_dir).returncode == 0  # fmt: skip
    import networkx as nx

    G = nx.read_graphml(graphml)
    assert {G.nodes[f"EVIL{i}"]["name"] for i in range(3)} == set(NAMES)
    assert _status(data_dir) == after


def _wait_for_staging(data_dir, proc, timeout=60.0) -> bool:
    sock = _socket_path(data_dir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if sock.exists():
            try:
                graphs = redis.Redis(unix_socket_path=str(sock)).execute_command("GRAPH.LIST")
                if b"blocs__staging" in graphs:
                    return True
            except redis.exceptions.RedisError:
                pass
        time.sleep(0.01)
    return False


def _exe():
    from shutil import which

    return which("blocs")


def _load_caught_writing(tmp_path, data_dir):
    """The bundled data loaded, then a 2,500-event load started and caught inside its write:
    (the status before that load, its file, its running process)."""
    assert blocs("load", data_dir=data_dir).returncode == 0
    before = _status(data_dir)
    big = tmp_path / "big.yaml"
    _big_dataset(big, 2500)
    proc = subprocess.Popen([_exe(), "load", str(big)], env=cli_env(data_dir),
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert _wait_for_staging(data_dir, proc), "the load never reached the write"
    return before, big, proc


@pytest.mark.parametrize("kill_server_too", [False, True])
@pytest.mark.embedded_only  # the embedded server, its lock and its snapshot
def test_load_killed_half_way_is_recovered(tmp_path, data_dir, kill_server_too):
    before, big, proc = _load_caught_writing(tmp_path, data_dir)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if kill_server_too:
        pid = int((data_dir / "server.pid").read_text())
        os.kill(pid, signal.SIGKILL)
    assert not list(data_dir.glob("temp-*.rdb")), "no half-written snapshot is visible"
    assert _status(data_dir) == before, "the killed load left nothing behind"
    assert b"blocs__staging" not in (data_dir / "dump.rdb").read_bytes(), "nor in a snapshot"
    retry = blocs("load", str(big), data_dir=data_dir)
    assert retry.returncode == 0, retry.stderr
    after = _status(data_dir)
    assert after["nodes"]["Proposal"] == before["nodes"]["Proposal"] + 2500
    TALLY["kills survived"] += 1


@pytest.mark.embedded_only  # the embedded server, its lock and its snapshot
def test_a_stopped_writer_does_not_block_others_silently(tmp_path, data_dir):
    """Ctrl-Z on a load holding the write lock: another writer says whom it waits for, gives
    up with one line after the timeout, and both loads land once the first is resumed."""
    assert blocs("load", data_dir=data_dir).returncode == 0
    big, small = tmp_path / "big.yaml", tmp_path / "small.yaml"
    _big_dataset(big, 2500)
    _big_dataset(small, 20, "small")
    env = cli_env(data_dir)
    first = subprocess.Popen([_exe(), "load", str(big)], env=env, stderr=subprocess.PIPE)
    try:
        assert _wait_for_staging(data_dir, first), "the load never reached the write"
        first.send_signal(signal.SIGSTOP)
        t0 = time.monotonic()
        waiting = blocs("load", str(small), data_dir=data_dir, env={"BLOCS_LOCK_TIMEOUT": "3"},
                        timeout=60)  # fmt: skip
        took = time.monotonic() - t0
        lines = waiting.stderr.strip().splitlines()
        assert waiting.returncode == 1 and "Traceback" not in waiting.stderr
        assert lines[0].startswith(f"Waiting for another write to this database (pid {first.pid}")
        assert "stopped (Ctrl-Z?)" in lines[0] and f"kill -CONT {first.pid}" in lines[0]
        assert len(lines) == 2 and lines[1].startswith("Error: gave up after 3 s"), lines
        assert 3 <= took < 30
        readers = blocs("db", "status", data_dir=data_dir, env={"BLOCS_LOCK_TIMEOUT": "3"})
        assert readers.returncode == 0, "readers are never blocked by a writer"
    finally:
        first.send_signal(signal.SIGCONT)
        _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr.decode()
    again = blocs("load", str(small), data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert _status(data_dir)["nodes"]["Proposal"] > 2520
    TALLY["concurrent runs"] += 4


@pytest.mark.embedded_only  # reads the embedded snapshot to prove nothing changed
def test_ctrl_c_during_a_load_is_one_line_and_changes_nothing(tmp_path, data_dir):
    before, _big, proc = _load_caught_writing(tmp_path, data_dir)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130 and stderr == "Interrupted: nothing unfinished was written.\n"
    assert not (data_dir / "blocs.sock").exists(), "the interrupted command stopped the server"
    assert _status(data_dir) == before
    TALLY["kills survived"] += 1


@pytest.mark.embedded_only  # the embedded server, its lock and its snapshot
def test_the_server_dying_under_a_load_is_one_line(tmp_path, data_dir):
    before, _big, proc = _load_caught_writing(tmp_path, data_dir)
    os.kill(int((data_dir / "server.pid").read_text()), signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert proc.returncode == 1 and "Traceback" not in stderr, stderr[-3000:]
    assert len(lines) == 1 and "stopped answering" in lines[0], stderr
    assert _status(data_dir) == before, "the snapshot holds the state before the load"
    TALLY["kills survived"] += 1


def test_loads_and_reads_at_once_all_land_once(tmp_path):
    names = ["alpha", "beta", "gamma", "delta"]
    files = []
    for name in names:
        files.append(tmp_path / f"{name}.yaml")
        _big_dataset(files[-1], 300, name)
    data_dir = tmp_path / "db"
    assert blocs("load", data_dir=data_dir).returncode == 0
    base = _status(data_dir)
    env = cli_env(data_dir)
    procs = [subprocess.Popen([_exe(), "load", str(p)], env=env, stderr=subprocess.PIPE)
             for p in files]  # fmt: skip
    procs += [subprocess.Popen([_exe(), *args], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
              for args in (["db", "status"], ["positions"], ["query", "sessions"],
                           ["report", "--runs", "3"])]  # fmt: skip
    for p in procs:
        _, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr.decode()
    after = _status(data_dir)
    assert after["nodes"]["Proposal"] == base["nodes"]["Proposal"] + 4 * 300
    assert not (data_dir / "blocs.sock").exists(), "the last one out stopped the server"
    TALLY["concurrent runs"] += len(procs)


def test_two_loads_at_once_both_land_once(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    _big_dataset(a, 800, "alpha")
    _big_dataset(b, 800, "beta")
    sequential = tmp_path / "seq"
    assert blocs("load", str(a), data_dir=sequential).returncode == 0
    assert blocs("load", str(b), data_dir=sequential).returncode == 0
    expected = _status(sequential)

    together = tmp_path / "together"
    env = cli_env(together)
    procs = [subprocess.Popen([_exe(), "load", str(p)], env=env, stderr=subprocess.PIPE)
             for p in (a, b)]  # fmt: skip
    for p in procs:
        _, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr.decode()
    assert _status(together) == expected
    TALLY["concurrent runs"] += 2


@pytest.mark.slow
def test_soak_kills_at_random_points_of_the_votes_load(tmp_path):
    """Kill the load (and sometimes the server) at random moments of the 870k-vote load:
    every time the database holds the state before the load or after it, never a mix."""
    import random

    votes = UNVOTES / "un_votes.csv.gz"
    if not votes.exists():
        pytest.skip(f"no {votes}")
    rng = random.Random(14)
    data_dir = tmp_path / "db"
    assert blocs("load", data_dir=data_dir).returncode == 0
    before = _status(data_dir)
    env = cli_env(data_dir)
    states = set()
    for _ in range(int(os.environ.get("BLOCS_SOAK_KILLS", "12"))):
        proc = subprocess.Popen([_exe(), "load", "--votes", str(votes)], env=env,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(rng.uniform(2.0, 30.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if rng.random() < 0.3 and (data_dir / "server.pid").exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int((data_dir / "server.pid").read_text()), signal.SIGKILL)
        now = _status(data_dir)
        assert now == before or now["relationships"].get("VOTED", 0) >= 870_109, now
        states.add("after" if now != before else "before")
        TALLY["kills survived"] += 1
        if now != before:  # start again from the old state
            assert blocs("db", "reset", "--yes", data_dir=data_dir).returncode == 0
            assert blocs("load", data_dir=data_dir).returncode == 0


def test_neo4j_unreachable_is_one_clear_line_without_the_password():
    secret = "s3cret-pa55word"
    result = blocs("--uri", "bolt://127.0.0.1:9", "db", "status",
                   env={"NEO4J_PASSWORD": secret, "NEO4J_USER": "neo4j"})  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "Error: cannot reach Neo4j at bolt://127.0.0.1:9"
    )
    assert secret not in result.stdout + result.stderr


@pytest.mark.neo4j
def test_neo4j_wrong_password_is_one_clear_line():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set: no Neo4j server to test against")
    secret = "definitely-wrong-password"
    result = blocs("--uri", uri, "db", "status", env={"NEO4J_PASSWORD": secret})
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "refused the credentials" in result.stderr
    assert secret not in result.stdout + result.stderr


# -- property-based fuzzing of the dataset loader ---------------------------------------------

scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True),
    st.text(max_size=30), st.sampled_from(STATES + ["EU", "Lichtenstein", "the UK", "AHC-7"]),
)  # fmt: skip
value = st.recursive(scalar, lambda c: st.lists(c, max_size=4) | st.dictionaries(
    st.text(max_size=8), c, max_size=4), max_leaves=12)  # fmt: skip
field_names = st.sampled_from(
    ["id", "session", "date", "issue", "option", "proposer", "support", "oppose", "neutral",
     "on_behalf_of", "cite", "note", "bogus"]
)  # fmt: skip
event = st.dictionaries(field_names, value, max_size=12)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=st.one_of(
    st.fixed_dictionaries({"report": value, "events": st.lists(event, max_size=5)}),
    st.fixed_dictionaries({"report": st.just("r.txt"), "actors": value,
                           "events": st.lists(event, max_size=3)}),
    value,
))  # fmt: skip
def test_fuzz_dataset_loader_structured(tmp_path, doc):
    path = tmp_path / "fuzz.yaml"
    try:
        text = yaml.safe_dump(doc, allow_unicode=True)
    except yaml.YAMLError:
        return
    path.write_text(text, encoding="utf-8")
    try:
        plan = plan_positions([path])
    except LoadError as exc:
        assert str(exc) and str(path) in str(exc)
    else:
        assert all(e.id and e.session and e.issue for e in plan.events)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=400) | st.text(max_size=400))
def test_fuzz_dataset_loader_raw_bytes(tmp_path, raw):
    path = tmp_path / "raw.yaml"
    path.write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass"))
    try:
        plan_positions([path])
    except LoadError as exc:
        assert str(path) in str(exc)


def test_cli_bad_file_never_shows_a_traceback(tmp_path, data_dir):
    path = tmp_path / "garbage.yaml"
    path.write_bytes(b"\xff\xfe\x00garbage: [unclosed")
    result = blocs("load", str(path), data_dir=data_dir)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"Error: {path}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))


# -- property-based fuzzing of the votes loader and the extractor ------------------------------

GENERIC_HEADER = "roll_call,session,date,title,resolution,actor,vote"
cell = st.one_of(
    st.sampled_from(["", "74", "UNGA-74", "AHC-7", "2019-12-27", "2019-13-45", "yes", "no",
                     "abstain", "Y", "maybe", "FRA", "the UK", "Atlantis", "SUN", "EU", "RC 1"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)  # fmt: skip
vote_row = st.lists(cell, min_size=0, max_size=9)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(header=st.sampled_from([GENERIC_HEADER, "rcid,country,country_code,vote", "a,b", ""]),
       rows=st.lists(vote_row, max_size=8))  # fmt: skip
def test_fuzz_votes_loader(tmp_path, header, rows):
    import csv
    import io

    from loaders.votes import plan_votes

    buf = io.StringIO()
    buf.write(header + "\n")
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path = tmp_path / "votes.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        plan = plan_votes(path, tmp_path / "missing_roll_calls.csv")
    except LoadError as exc:
        assert str(path) in str(exc) or "roll_calls" in str(exc)
    else:
        assert plan.votes == len(rows) and plan.votes >= 0


prose_piece = st.one_of(
    st.sampled_from(["France", "the UK", "Lichtenstein", "Côte d’Ivoire", "Jamaica (on behalf of",
                     "the Caribbean Community)", "proposed", "supported by", "opposed by", "and",
                     ",", ".", "(", ")", "Article 5", "day 2 (30 January)", "reserved", "the Chair",
                     "did not agree with", "On the other hand", "30", "60", "ratifications", "\n",
                     "<b>", "</p>", "# ", "- ", "Swizterland"]),
    st.text(max_size=15),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(prose_piece, max_size=60), session=st.sampled_from([None, "AHC-7"]))
def test_fuzz_extractor(pieces, session):
    from loaders.extract import extract_text, to_events

    text = " ".join(pieces)
    result = extract_text(text, file="fuzz.txt", session=session)
    for ev in result.events:
        assert 0 <= ev.char_start <= ev.char_end <= len(text)
        sides = [set(ev.support), set(ev.oppose), set(ev.neutral)]
        assert not (sides[0] & sides[1] or sides[0] & sides[2] or sides[1] & sides[2])
    try:
        events = to_events("fuzz.txt", result, default_session=session)
    except LoadError as exc:
        assert session is None and "session" in str(exc)
    else:
        assert len(events) == len(result.events)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=300))
def test_fuzz_extractor_raw_files(tmp_path, raw):
    from loaders.extract import extract_file

    path = tmp_path / "raw.txt"
    path.write_bytes(raw)
    try:
        extract_file(path, session="AHC-7")
    except LoadError as exc:
        assert "not UTF-8" in str(exc) and str(path) in str(exc)
