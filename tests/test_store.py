"""What every store backend must do, through the generic `Store` interface only: atomic writes,
values kept verbatim, query modes and parameters enforced, windows (topics too).

Backend-specific behaviour (the embedded server's lifecycle, snapshots, sockets, data dirs) is
in test_embedded.py; these tests run on the `store` fixture, so they can run on any backend.
"""

from __future__ import annotations

import pytest

from graphkit.errors import InvalidParams, QueryError
from graphkit.store.export import Window, export_positions
from graphkit.store.queries import load_queries
from tests.conftest import counts

INJECTION = "x'}) DETACH DELETE n //"


def _actor(code, name=None, kind="state"):
    return {"code": code, "name": name or code, "kind": kind, "region": None, "successor": None}


def test_injection_string_is_stored_verbatim(store):
    weird = [INJECTION, 'quote " and \\ backslash', "Côte d’Ivoire ✓ 中文", "\x1b]0;title\x07"]
    store.write([("write_actors", {"rows": [_actor(f"T{i}", n) for i, n in enumerate(weird)]})])
    assert counts(store)[0]["Actor"] == len(weird)
    names = store.run("actor_names")
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
    store.write([("write_actors", {"rows": [_actor("DDD")]})])  # and the next write works
    assert counts(store)[0]["Actor"] == before[0]["Actor"] + 1


def test_reset_deletes_everything_and_the_store_stays_usable(store):
    store.write([("write_actors", {"rows": [_actor("AAA"), _actor("BBB")]})])
    store.reset()
    assert store.run("db_labels") == []
    store.write([("write_actors", {"rows": [_actor("CCC")]})])
    assert {r["code"] for r in store.run("actor_names")} == {"CCC"}


def test_wrong_parameters_are_refused(store):
    with pytest.raises(QueryError, match="missing session"):
        store.run("positions")
    with pytest.raises(QueryError, match="unknown bogus"):
        store.run("positions", session=None, bogus=1)
    with pytest.raises(QueryError, match="did you mean positions"):
        store.run("positons", session=None)


def test_store_run_refuses_write_queries_and_write_refuses_reads(store):
    store.write([("write_actors", {"rows": [_actor("AAA")]})])
    before = counts(store)
    with pytest.raises(QueryError, match="writes to the database"):
        store.run("reset")
    with pytest.raises(QueryError, match="writes to the database"):
        store.run("write_sessions", rows=[])
    with pytest.raises(QueryError, match="is a read query, not a write step"):
        store.write([("positions", {"session": None})])
    assert counts(store) == before


def test_every_query_declares_its_mode():
    modes = {q.name: q.mode for q in load_queries().values()}
    assert modes["reset"] == "write" and modes["positions"] == "read"
    assert all(m == "write" for n, m in modes.items() if n.startswith(("write_", "clear_")))


def test_a_topic_window_holds_the_roll_calls_of_that_topic_only(store):
    from graphkit.model import RollCall, Vote
    from graphkit.store.ingest import session_steps, vote_steps
    from loaders.votes.symbols import unga_session

    calls = [
        RollCall("UNGA-RC-1", "UNGA-74", "2019-12-01", "A", None, "unga-rc-1", "t:1", ("hr",)),
        RollCall("UNGA-RC-2", "UNGA-74", "2019-12-02", "B", None, "unga-rc-2", "t:2", ("hr", "nu")),
        RollCall("UNGA-RC-3", "UNGA-74", "2019-12-03", "C", None, "unga-rc-3", "t:3"),
    ]
    votes = [Vote(rc.id, code, "yes", "t") for rc in calls for code in ("AAA", "BBB")]
    store.write([("write_actors", {"rows": [_actor("AAA"), _actor("BBB")]}),
                 *session_steps([unga_session(74)]), *vote_steps(calls, votes)])  # fmt: skip
    got = {
        topic: sorted({p.proposal for p in export_positions(store, Window(source="votes",
                                                                          topic=topic))})
        for topic in ("hr", "nu", "Nuclear weapons and nuclear material", None)
    }  # fmt: skip
    assert got["hr"] == ["UNGA-RC-1", "UNGA-RC-2"]
    assert got["nu"] == got["Nuclear weapons and nuclear material"] == ["UNGA-RC-2"]
    assert got[None] == ["UNGA-RC-1", "UNGA-RC-2", "UNGA-RC-3"]
    with pytest.raises(InvalidParams, match="unknown topic"):
        Window(source="votes", topic="cybercrime")
    with pytest.raises(InvalidParams, match="votes"):
        Window(topic="hr")  # stated positions have no topics
