"""Roll-call votes: the real UN General Assembly data (a slice) into a real embedded database."""

from __future__ import annotations

import csv
import gzip
import textwrap
from collections import Counter

import pytest

from graphkit.model import Vote
from loaders.errors import LoadError, LoadErrors
from loaders.pipeline import execute
from loaders.resources import data_dir
from loaders.votes import (
    BUNDLED,
    HISTORICAL,
    make_bundled,
    normalize_resolution,
    plan_votes,
    read_votes,
)
from tests.conftest import UNVOTES, counts

VOTES_GZ = UNVOTES / "un_votes.csv.gz"
SLICE = (1, 45, 74)
GENERIC_HEADER = "roll_call,session,date,title,resolution,actor,vote\n"

needs_unvotes = pytest.mark.skipif(not VOTES_GZ.exists(), reason=f"no {VOTES_GZ}")


@pytest.fixture(scope="module")
def slice_plan():
    return plan_votes(VOTES_GZ, sessions_filter=SLICE)


def _votes_in(store, session: str) -> dict[str, Counter]:
    from graphkit.store.export import Window, export_positions

    out: dict[str, Counter] = {}
    for p in export_positions(store, Window(sessions=(session,), source="votes")):
        out.setdefault(p.actor, Counter())[p.stance] += 1
    return out


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# -- the real data ---------------------------------------------------------------------------
@needs_unvotes
def test_real_slice_loads_twice_with_identical_counts(slice_plan, store):
    assert slice_plan.votes > 20_000 and slice_plan.files[0] == str(VOTES_GZ)
    assert slice_plan.files[1] == str(UNVOTES / "un_roll_calls.csv.gz")
    execute(store, slice_plan)
    first = counts(store)
    execute(store, slice_plan)
    assert counts(store) == first
    _, rels = first
    assert rels["VOTED"] == slice_plan.votes
    tallies = store.run("roll_call_tally", roll_call=None, resolution=None)
    assert sum(r["total"] for r in tallies) == slice_plan.votes
    assert {r["session"] for r in tallies} == {"UNGA-1", "UNGA-45", "UNGA-74"}


@needs_unvotes
def test_the_resolution_that_created_the_committee_has_its_real_tally(slice_plan, store):
    execute(store, slice_plan)
    want = {"yes": 79, "no": 60, "abstain": 33, "total": 172}
    for roll_call, resolution in [
        ("UNGA-RC-9087", None),
        (None, "A/RES/74/247"),
        (None, "R/74/247"),
    ]:
        rows = store.run("roll_call_tally", roll_call=roll_call, resolution=resolution)
        assert len(rows) == 1
        got = {k: rows[0][k] for k in want}
        assert got == want, (roll_call, resolution)
        assert rows[0]["roll_call"] == "UNGA-RC-9087" and rows[0]["date"] == "2019-12-27"
        assert rows[0]["session"] == "UNGA-74"
    nothing = store.run("roll_call_tally", roll_call="UNGA-RC-0", resolution=None)
    assert [(r["roll_call"], r["total"]) for r in nothing] == [(None, 0)]


@needs_unvotes
def test_historical_members_are_their_own_actors_with_successors(slice_plan, store):
    execute(store, slice_plan)
    first = _votes_in(store, "UNGA-1")
    assert {"SUN", "YUG", "CSK", "TWN"} <= set(first)
    assert not {"RUS", "SRB", "CZE", "CHN"} & set(first)  # never merged into successors
    assert {"UKR", "BLR"} <= set(first)  # the Ukrainian and Byelorussian SSRs kept their seats
    s45 = _votes_in(store, "UNGA-45")
    assert {"SUN", "YUG", "CSK", "DEU", "YEM"} <= set(s45)  # FRG and YAR by name, by date
    assert not {"RUS", "YAR", "YMD", "DDR"} & set(s45)
    s74 = _votes_in(store, "UNGA-74")
    assert {"RUS", "SRB", "CZE", "SVK", "CHN", "YEM"} <= set(s74)
    assert not {"SUN", "YUG", "SCG", "CSK", "TWN"} & set(s74)
    got = {
        r["code"]: (r["kind"], r["successor"])
        for r in store.run("actor_names")
        if r["kind"] == "historical"
    }
    assert got == {
        "CSK": ("historical", "CZE"),
        "SUN": ("historical", "RUS"),
        "TWN": ("historical", "CHN"),
        "YUG": ("historical", "SRB"),
    }
    session = next(
        [r["name"], r["start"], r["end"], r["body"]]
        for r in store.run("sessions")
        if r["session"] == "UNGA-1"
    )
    assert session == ["UN General Assembly 1st session", "1946-01-01", "1946-12-07", "UNGA"]


@needs_unvotes
def test_every_row_of_the_full_history_resolves():
    data = read_votes(VOTES_GZ)
    assert len(data.votes) == 870_109 and len(data.roll_calls) == 6_203
    assert len(data.sessions) == 74
    assert {a.code for a in data.actors} == {a.code for a in HISTORICAL}
    tally = Counter(v.vote for v in data.votes)
    assert tally == {"yes": 693_664, "abstain": 110_897, "no": 65_548}
    by_actor = Counter(v.actor for v in data.votes)
    # YU: Yugoslavia to 2003, Serbia and Montenegro 2003-06, Serbia since; RU: USSR to 1991
    assert by_actor["YUG"] + by_actor["SCG"] + by_actor["SRB"] == 5475
    assert by_actor["SUN"] + by_actor["RUS"] == 6145
    assert by_actor["YAR"] + by_actor["YEM"] == 3291 + 2395
    assert by_actor["ZAN"] == 2 and by_actor["DDR"] == 2067 and by_actor["YMD"] == 2378


@needs_unvotes
def test_bundled_csv_matches_the_real_data(tmp_path, store):
    bundled = data_dir() / BUNDLED
    fresh = make_bundled(UNVOTES, tmp_path / "regenerated.csv")
    assert fresh.read_bytes() == bundled.read_bytes(), "run bench/make_bundled_votes.py"
    # independently of the loader: the raw rows of rcid 9087 against the bundled ones
    with gzip.open(VOTES_GZ, "rt", encoding="utf-8", newline="") as f:
        raw = Counter(r[3] for r in csv.reader(f) if r[0] == "9087")
    assert raw == {"yes": 79, "no": 60, "abstain": 33}
    with open(bundled, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert Counter(r["vote"] for r in rows if r["roll_call"] == "UNGA-RC-9087") == raw
    assert {r["session"] for r in rows} == {"UNGA-73", "UNGA-74"}
    assert {r["resolution"] for r in rows} == {"R/73/187", "A/RES/74/247"}
    # it loads (generic layout) into the sessions and roll calls of the full history
    plan = plan_votes(bundled)
    execute(store, plan)
    tallies = {
        r["roll_call"]: (r["session"], r["yes"], r["no"], r["abstain"])
        for r in store.run("roll_call_tally", roll_call=None, resolution=None)
    }
    assert tallies == {
        "UNGA-RC-6138": ("UNGA-73", 94, 59, 33),
        "UNGA-RC-9087": ("UNGA-74", 79, 60, 33),
    }
    # the real data for the same roll call merges into the same proposal
    execute(store, plan_votes(VOTES_GZ, rcids=[9087]))
    rows = store.run("roll_call_tally", roll_call=None, resolution="A/RES/74/247")
    assert [(r["roll_call"], r["total"]) for r in rows] == [("UNGA-RC-9087", 172)]


# -- the generic layout and errors ---------------------------------------------------------------
GOOD = (
    GENERIC_HEADER
    + "9087,74,2019-12-27,Countering ICT crime,A/RES/74/247,United States,N\n"
    + "9087,74,2019-12-27,Countering ICT crime,A/RES/74/247,Russia,yes\n"
    + "9087,74,2019-12-27,Countering ICT crime,A/RES/74/247,CHE,Abstain\n"
    + "old-1,UNGA-1,1946-01-02,Security Council elections,R/1/79,USSR,y\n"
    + "old-1,UNGA-1,1946-01-02,Security Council elections,R/1/79,Yugoslavia,a\n"
)


def test_generic_layout_resolves_names_and_vote_spellings(tmp_path, store):
    path = _write(tmp_path, "mine.csv", GOOD)
    data = read_votes(path)
    assert data.layout == "generic"
    made = Vote("RC-9087", "USA", "no", "mine.csv:2")  # the row loop's fast-built records are
    assert hash(data.votes[0]) == hash(made) and repr(data.votes[0]) == repr(made)  # the same
    assert data.votes == [
        Vote("RC-9087", "USA", "no", "mine.csv:2"),
        Vote("RC-9087", "RUS", "yes", "mine.csv:3"),
        Vote("RC-9087", "CHE", "abstain", "mine.csv:4"),
        Vote("RC-old-1", "SUN", "yes", "mine.csv:5"),
        Vote("RC-old-1", "YUG", "abstain", "mine.csv:6"),
    ]
    rc = data.roll_calls[0]
    assert (rc.session, rc.resolution, rc.issue) == ("UNGA-74", "A/RES/74/247", "unga-a-res-74-247")
    assert data.resolutions == {"RC-9087": "A/RES/74/247", "RC-old-1": "A/RES/79(I)"}
    assert [s.id for s in data.sessions] == ["UNGA-1", "UNGA-74"]
    plan = plan_votes(path)
    execute(store, plan)
    first = counts(store)
    execute(store, plan)
    assert counts(store) == first and first[1]["VOTED"] == 5
    rows = store.run("roll_call_tally", roll_call="RC-9087", resolution=None)
    assert [(r["yes"], r["no"], r["abstain"]) for r in rows] == [(1, 1, 1)]


def test_bad_country_names_file_line_and_suggestion_and_changes_nothing(tmp_path, store):
    execute(store, plan_votes(_write(tmp_path, "good.csv", GOOD)))
    before = counts(store)
    bad = GOOD + "9087,74,2019-12-27,Countering ICT crime,A/RES/74/247,Rusia,yes\n"
    bad += "9087,74,2019-12-27,Countering ICT crime,A/RES/74/247,Germany,no\n"
    path = _write(tmp_path, "bad.csv", bad)
    with pytest.raises(LoadErrors) as info:
        plan_votes(path)
    [err] = info.value.errors
    assert (err.file, err.line, err.value) == (str(path), 7, "Rusia")
    assert "Russian Federation (RUS)" in err.suggestions
    assert f"{path}:7: unknown actor 'Rusia'" in str(info.value)
    assert counts(store) == before


def test_bad_vote_value_names_file_and_line_and_changes_nothing(tmp_path, store):
    execute(store, plan_votes(_write(tmp_path, "good.csv", GOOD)))
    before = counts(store)
    bad = GOOD.replace("CHE,Abstain", "CHE,maybe")
    path = _write(tmp_path, "bad.csv", bad)
    with pytest.raises(LoadErrors) as info:
        plan_votes(path)
    [err] = info.value.errors
    assert (err.file, err.line, err.value) == (str(path), 4, "maybe")
    assert "yes, no or abstain" in str(err)
    assert counts(store) == before


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("9087,74,2019-12-27,Other title,A/RES/74/247,FRA,no", "has title 'Other title' here"),
        ("x,AHC-9,2019-12-27,T,,FRA,no", "unknown session 'AHC-9'"),
        ("x,74,27/12/2019,T,,FRA,no", "date '27/12/2019' is not an ISO date"),
        ("9087,74,2019-12-27,Countering ICT crime,A/RES/74/247,usa,no", "USA votes twice"),
        ("x,74,2019-12-27,T,,EU,no", "'EU' is a group"),
        ("x,74,2019-12-27,T,,FRA", "6 fields, expected 7"),
    ],
)
def test_generic_layout_rejects(tmp_path, line, message):
    path = _write(tmp_path, "bad.csv", GOOD + line + "\n")
    with pytest.raises(LoadErrors) as info:
        read_votes(path)
    assert [e.line for e in info.value.errors] == [7]
    assert message in str(info.value)


def test_unknown_header_names_the_file_and_the_expected_columns(tmp_path):
    path = _write(tmp_path, "votes.csv", "rollcall,state,ballot\n1,FRA,yes\n")
    with pytest.raises(LoadError) as info:
        plan_votes(path)
    text = str(info.value)
    assert text.startswith(f"{path}:1: unknown votes layout")
    assert "rcid, country, country_code, vote" in text
    assert "roll_call, session, date, title, resolution, actor, vote" in text


# -- the unvotes layout, small files ------------------------------------------------------------
ROLL_CALLS = """\
rcid,session,importantvote,date,unres,amend,para,short,descr
1,46.0,0,1991-12-01,R/46/1,0,0,"A SHORT TITLE","a long
description on two lines"
2,46.0,0,1992-01-15,R/46/2,0,0,,ONLY A DESCRIPTION
3,58.0,0,2004-01-10,R/58/3,0,0,T3,
4,44.0,0,1989-12-01,R/44/4,0,0,T4,
5,45.0,0,1990-11-01,R/45/5,0,0,T5,
"""


def _unvotes(tmp_path, votes: str):
    _write(tmp_path, "un_roll_calls.csv", ROLL_CALLS)
    header = "rcid,country,country_code,vote\n"
    return _write(tmp_path, "un_votes.csv", header + textwrap.dedent(votes))


def test_unvotes_layout_maps_reused_codes_by_date(tmp_path):
    path = _unvotes(
        tmp_path,
        """\
        1,Russia,RU,yes
        2,Russia,RU,no
        1,Yugoslavia,YU,yes
        3,Yugoslavia,YU,yes
        4,Yemen Arab Republic,,abstain
        5,Yemen Arab Republic,,abstain
        4,Zanzibar,,yes
        4,Federal Republic of Germany,,yes
        4,German Democratic Republic,DD,no
        4,Yemen People's Republic,YD,no
        1,Czechoslovakia,CS,yes
        """,
    )  # the roll-calls file is found beside the votes
    data = read_votes(path)
    got = [(v.roll_call, v.actor) for v in data.votes]
    assert got == [
        ("UNGA-RC-1", "SUN"), ("UNGA-RC-2", "RUS"), ("UNGA-RC-1", "YUG"), ("UNGA-RC-3", "SCG"),
        ("UNGA-RC-4", "YAR"), ("UNGA-RC-5", "YEM"), ("UNGA-RC-4", "ZAN"), ("UNGA-RC-4", "DEU"),
        ("UNGA-RC-4", "DDR"), ("UNGA-RC-4", "YMD"), ("UNGA-RC-1", "CSK"),
    ]  # fmt: skip
    titles = {rc.id: (rc.title, rc.source) for rc in data.roll_calls}
    assert titles["UNGA-RC-1"] == ("A SHORT TITLE", "un_roll_calls.csv:2")
    assert titles["UNGA-RC-2"] == ("ONLY A DESCRIPTION", "un_roll_calls.csv:4")  # after 2 lines
    s46 = next(s for s in data.sessions if s.id == "UNGA-46")
    assert (s46.start, s46.end, s46.name) == ("1991-12-01", "1992-01-15", s46.name)
    assert s46.name == "UN General Assembly 46th session"


def test_unvotes_layout_errors_name_the_line_with_suggestions(tmp_path):
    path = _unvotes(
        tmp_path,
        """\
        1,Russia,RU,yes
        1,Atlantis,XX,yes
        1,Untied Kingdom,,no
        1,France,FR,perhaps
        99,France,FR,yes
        1,Russia,RU,no
        """,
    )
    with pytest.raises(LoadErrors) as info:
        read_votes(path)
    errs = {e.line: e for e in info.value.errors}
    assert sorted(errs) == [3, 4, 5, 6, 7]
    assert "unknown country code 'XX'" in str(errs[3])
    assert "unknown country name 'Untied Kingdom'" in str(errs[4])
    assert "United Kingdom (GBR)" in errs[4].suggestions
    assert "'perhaps'" in str(errs[5]) and "not in un_roll_calls.csv" in str(errs[6])
    assert "SUN votes twice on roll call 1 (first on un_votes.csv:2)" in str(errs[7])


def test_slices_by_session_and_roll_call(tmp_path):
    path = _unvotes(tmp_path, "1,Russia,RU,yes\n2,Russia,RU,no\n3,France,FR,yes\n")
    assert [v.roll_call for v in read_votes(path, sessions_filter=[46]).votes] == [
        "UNGA-RC-1", "UNGA-RC-2",
    ]  # fmt: skip
    assert [v.roll_call for v in read_votes(path, rcids=["UNGA-RC-3"]).votes] == ["UNGA-RC-3"]
    assert read_votes(path, sessions_filter="UNGA-58", rcids=[1]).votes == []


def test_resolution_symbols():
    assert normalize_resolution("R/74/247") == "A/RES/74/247"
    assert normalize_resolution("A/RES/74/247") == "A/RES/74/247"
    assert normalize_resolution("R/26/2758") == "A/RES/2758(XXVI)"
    assert normalize_resolution("R/38/36E") == "A/RES/38/36E"
    assert normalize_resolution("ESS/10/14") == "A/RES/ES-10/14"
    assert normalize_resolution("SS/10/2") == "A/RES/S-10/2"
    assert normalize_resolution("") is None and normalize_resolution("GOAR/1/1288B") is None


# -- topics, the members table, the structure of the reader ---------------------------------
@needs_unvotes
def test_the_real_topics_are_stored_and_select_a_window(store):
    session_rcids = set()
    with gzip.open(UNVOTES / "un_roll_calls.csv.gz", "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if int(float(row["session"])) == 74:
                session_rcids.add(str(int(float(row["rcid"]))))
    raw: dict[str, set[str]] = {}
    with gzip.open(UNVOTES / "un_roll_call_issues.csv.gz", "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["rcid"] in session_rcids:
                raw.setdefault(row["short_name"], set()).add(f"UNGA-RC-{row['rcid']}")
    plan = plan_votes(VOTES_GZ, sessions_filter=[74])
    assert str(UNVOTES / "un_roll_call_issues.csv.gz") in plan.files
    execute(store, plan)
    from graphkit.store.export import Window, export_positions

    for topic in ("hr", "nu", "me"):
        got = {
            p.proposal
            for p in export_positions(
                store, Window(sessions=("UNGA-74",), source="votes", topic=topic)
            )
        }
        assert got == raw[topic] and got, topic  # fmt: skip
    assert "UNGA-RC-9087" not in set().union(*raw.values()), "the cybercrime vote has no topic"


def test_topics_file_problems_name_the_line(tmp_path):
    path = _unvotes(tmp_path, "1,Russia,RU,yes\n")
    _write(tmp_path, "un_roll_call_issues.csv",
           "rcid,short_name,issue\n1,hr,Human rights\n1,xx,Cyber\n77,hr,Human rights\n"
           "1,hr,Human rights\n")  # fmt: skip
    with pytest.raises(LoadErrors) as info:
        read_votes(path)
    errs = {e.line: str(e) for e in info.value.errors}
    assert sorted(errs) == [3, 4, 5]
    assert "unknown topic 'xx'" in errs[3] and "'77' is not in the roll-calls file" in errs[4]
    assert "also on line 2" in errs[5]
    (tmp_path / "un_roll_call_issues.csv").write_text("rcid,short_name,issue\n1,HR,Human\n")
    assert read_votes(path).roll_calls[0].topics == ("hr",)


def test_the_members_table_is_data_and_is_checked(tmp_path):
    from loaders.votes import HISTORY_TABLE
    from loaders.votes.history import MEMBERS_FILE, load_history

    assert (
        HISTORY_TABLE.splitlines()[0] == "| in the data | actor | name | kind | successor | rule |"
    )
    assert "| RU before 1991-12-24 | SUN |" in HISTORY_TABLE
    assert {a.successor for a in HISTORICAL} >= {"RUS", "SRB", "CZE", "DEU", "YEM", "CHN"}
    text = (data_dir() / MEMBERS_FILE).read_text(encoding="utf-8")
    broken = tmp_path / MEMBERS_FILE
    broken.write_text(text.replace('"1991-12-24"', '"1900-01-01"').replace(
        '{from: "", actor: SUN}', '{from: "1950-01-01", actor: SUN}'))  # fmt: skip
    with pytest.raises(LoadError, match="periods of RU must start with ''"):
        load_history(broken)
    broken.write_text("historical: 3\n")
    with pytest.raises(LoadError, match="malformed entry") as info:
        load_history(broken)
    assert str(broken) in str(info.value)


def test_one_row_loop_serves_both_layouts():
    from pathlib import Path

    import loaders.votes as votes

    folder = Path(votes.__file__).parent
    src = {p.name: p.read_text() for p in folder.glob("*.py")}
    assert src["rows.py"].count("for row in reader") == 1
    for reader in ("unvotes.py", "generic.py"):  # a layout: columns and lookups, no row loop
        assert "collect_votes(" in src[reader] and "for row in reader" not in src[reader]
    assert all(len(p.read_text().splitlines()) < 500 for p in folder.glob("*.py"))
    for code in ('"SUN"', '"YUG"', '"RU"', "1991-12-24"):  # the tables are data, not code
        assert not any(code in p.read_text() for p in folder.glob("*.py")), code


def test_numbers_too_long_for_a_float_are_refused_not_overflowed(tmp_path):
    path = _unvotes(tmp_path, "1,Russia,RU,yes\n")
    with pytest.raises(LoadError, match="out of range"):
        read_votes(path, sessions_filter=["9" * 400])
    assert read_votes(path, rcids=["9" * 400]).votes == []
    generic = _write(tmp_path, "g.csv", GENERIC_HEADER + f"x,{'9' * 400},2019-12-27,T,,FRA,yes\n")
    with pytest.raises(LoadErrors, match="unknown session"):
        read_votes(generic)


def test_a_header_only_file_holds_no_votes(tmp_path):
    with pytest.raises(LoadError, match="holds no votes"):
        read_votes(_write(tmp_path, "h.csv", GENERIC_HEADER))
    _write(tmp_path, "un_roll_calls.csv", ROLL_CALLS.splitlines()[0] + "\n")
    with pytest.raises(LoadError, match="holds no roll calls"):
        read_votes(_write(tmp_path, "un_votes.csv", "rcid,country,country_code,vote\n"))
