"""Everything a user can type or put on disk: one `Error:` line naming the thing, no
traceback, nothing changed in the database; and data printed is never obeyed by the terminal.

Each case of the catalogue runs the real CLI against a loaded database and checks the database
is exactly as before (the bad inputs tried are counted into the reliability figures).
"""

from __future__ import annotations

import gzip
import json
import resource
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.conftest import TALLY, UNVOTES, blocs

VOTES_GZ = UNVOTES / "un_votes.csv.gz"
GENERIC_HEADER = "roll_call,session,date,title,resolution,actor,vote\n"
HUGE = "9" * 400
CONTROL = ("\x1b", "\x07", "\x9b", "\u202e")


def _memory_capped():
    """Children get 3 GB of address space: a reader that slurps /dev/zero fails fast."""
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def _status(data_dir) -> dict:
    result = blocs("db", "status", "--format", "json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    return {"nodes": doc["nodes"], "relationships": doc["relationships"]}


@pytest.fixture(scope="module")
def bundled_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bad-input") / "db"
    assert blocs("load", data_dir=path).returncode == 0
    return path


def _files(tmp: Path) -> dict[str, Path]:
    """The bad files of the catalogue."""
    made = {}

    def put(name: str, text: str) -> None:
        made[name] = tmp / name
        made[name].write_text(textwrap.dedent(text), encoding="utf-8")

    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    put("laughs.yaml", "\n".join(levels) + "\nreport: x.txt\nevents: *i\n")
    put("million.yaml", "big: &big [" + ", ".join(["x"] * 1000) + "]\n"
        "report: x.txt\nevents:\n  - {id: e, session: AHC-7, issue: i, option: o, cite: [0, 1],"
        " support: [" + ", ".join(["*big"] * 1000) + "]}\n")  # fmt: skip
    put(
        "dupkeys.yaml",
        """\
        report: r.txt
        events:
          - id: dup-one
            session: AHC-7
            issue: art1
            option: One
            support: [France]
            support: [Germany]
            cite: [0, 10]
        """,
    )
    put("newline_key.yaml", 'report: r.txt\nevents:\n  - {id: k, session: AHC-7, issue: i, '
        'option: o, cite: [0, 1], "bad\\nError: forged": 1}\n')  # fmt: skip
    put("no_events.yaml", "report: r.txt\nevents: []\n")
    put("header_only.csv", GENERIC_HEADER)
    put("huge_session.csv", GENERIC_HEADER + f"x,{HUGE},2019-12-27,T,,FRA,yes\n")
    unvotes = tmp / "unvotes"
    unvotes.mkdir()
    (unvotes / "un_votes.csv").write_text(f"rcid,country,country_code,vote\n{HUGE},France,FR,1\n")
    (unvotes / "un_roll_calls.csv").write_text(
        "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
        f"{HUGE},{HUGE},0,2019-12-27,R/74/1,0,0,T,\n"
    )
    made["unvotes_huge"] = unvotes / "un_votes.csv"
    made["zero.yaml"] = tmp / "zero.yaml"
    made["zero.yaml"].symlink_to("/dev/zero")
    (tmp / "empty_folder").mkdir()
    made["empty_folder"] = tmp / "empty_folder"
    made["a_folder"] = tmp / "a_folder"
    made["a_folder"].mkdir()
    return made


# (name, arguments with {file} placeholders, what the one line must say)
CASES = [
    ("resolution below zero", ["report", "--resolution", "-1"], "resolution"),
    ("resolution nan", ["report", "--resolution", "nan"], "resolution"),
    ("impossible date", ["report", "--from", "2024-13-01"], "date"),
    ("a billion runs", ["report", "--runs", "1000000000"], "runs"),
    ("unbounded shuffles", ["report", "--null-shuffles", "100000000"], "null-shuffles"),
    ("unknown topic", ["report", "--source", "votes", "--topic", "cyber"], "unknown topic"),
    ("topic of positions", ["report", "--topic", "hr"], "votes"),
    ("session number overflow", ["load", "--votes", str(VOTES_GZ), "--vote-session", HUGE],
     "out of range"),
    ("no votes selected", ["load", "--votes", str(VOTES_GZ), "--vote-session", "300"],
     "holds no votes"),
    ("session overflow in a CSV", ["load", "--votes", "{huge_session.csv}"], "unknown session"),
    ("session as a float overflow", ["load", "--votes", str(VOTES_GZ), "--vote-session",
                                     "1e400"], "holds no votes"),
    ("rcid overflow in unvotes", ["load", "--votes", "{unvotes_huge}"], "whole numbers"),
    ("report from /dev/zero", ["load", "--report", "/dev/zero", "--session", "AHC-7"],
     "not a regular file"),
    ("extract /dev/zero", ["extract", "/dev/zero"], "not a regular file"),
    ("extract a folder", ["extract", "{a_folder}"], "is a folder"),
    ("extract bad date", ["extract", "--date", "notadate", "{no_events.yaml}"], "YYYY-MM-DD"),
    ("export to a folder", ["export", "-o", "{a_folder}", "--runs", "2"], "a_folder: is a folder"),
    ("export to a missing folder", ["export", "-o", "{a_folder}/no/such/x.graphml", "--runs",
                                    "2"], "does not exist"),
    ("billion laughs", ["load", "{laughs.yaml}"], "alias"),
    ("a million aliases", ["load", "{million.yaml}"], "alias"),
    ("duplicate keys", ["load", "{dupkeys.yaml}"], "duplicate key 'support'"),
    ("newline in a key", ["load", "{newline_key.yaml}"], "unknown field 'bad\\nError"),
    ("no events", ["load", "{no_events.yaml}"], "holds no events"),
    ("a dataset that is /dev/zero", ["load", "{zero.yaml}"], "not a regular file"),
    ("folder without YAML", ["load", "{empty_folder}"], "no position files"),
    ("header-only votes", ["load", "--votes", "{header_only.csv}"], "holds no votes"),
    ("unterminated JSON -p", ["query", "allies_in_session", "-p", 'actor="USA', "-p",
                              'session="AHC-7"'], "not valid JSON"),
    ("write query", ["query", "write_actors", "-p", "rows=[]"], "read queries only"),
    ("reset query", ["query", "reset"], "read queries only"),
    ("password in the URI", ["--uri", "bolt://neo4j:s3cret-pw@127.0.0.1:9", "db", "status"],
     "neo4j:***@127.0.0.1"),
    ("lock timeout not a number", ["db", "status"], "BLOCS_LOCK_TIMEOUT"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "args", "says"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_and_changes_nothing(bundled_dir, tmp_path, name, args, says):
    before = _status(bundled_dir)
    files = _files(tmp_path)
    argv = list(args)
    for key, path in files.items():
        argv = [a.replace("{" + key + "}", str(path)) for a in argv]
    env = {"BLOCS_LOCK_TIMEOUT": "soon"} if name == "lock timeout not a number" else None
    result = blocs(*argv, data_dir=bundled_dir, env=env, preexec_fn=_memory_capped, timeout=120)
    assert result.returncode != 0, result.stdout[-500:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("Error")]
    assert len(errors) == 1, result.stderr[-3000:]
    assert says in errors[0], errors[0]
    assert len(errors[0]) < 600, "no value is printed whole"
    assert "s3cret-pw" not in result.stderr + result.stdout
    assert not any(c in result.stderr + result.stdout for c in CONTROL)
    assert _status(bundled_dir) == before
    TALLY["bad inputs tried"] += 1


def test_billion_laughs_is_refused_at_once(tmp_path):
    """In a child with capped memory and time: an expanding reader fails, not the machine."""
    import subprocess
    import sys

    files = _files(tmp_path)
    code = (
        "import sys\n"
        "from loaders.errors import LoadError\n"
        "from loaders.pipeline import plan_positions\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        plan_positions([path])\n"
        "    except LoadError as exc:\n"
        "        print(len(str(exc)), 'alias' in str(exc))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(files["laughs.yaml"]), str(files["million.yaml"])],
        capture_output=True, text=True, timeout=20, preexec_fn=_memory_capped,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line.split() for line in done.stdout.splitlines()]
    assert len(lines) == 2 and all(int(n) < 300 and ok == "True" for n, ok in lines)


# -- terminal escapes in data --------------------------------------------------------------
ESCAPES = ["\x1b]0;pwned\x07", "\x1b[2J\x1b[H", "line\nError: forged", "csi \x9b31m", "rtl \u202e"]


def test_names_with_terminal_escapes_are_printed_escaped_and_kept_exact(tmp_path, data_dir):
    doc = {
        "report": "esc.txt",
        "actors": [{"code": f"ESC{i}", "name": n, "kind": "state"} for i, n in enumerate(ESCAPES)],
        "events": [{"id": f"esc-{i}", "session": "AHC-2", "issue": "esc-issue", "option": n,
                    "support": [f"ESC{i}", "FRA"], "oppose": ["RUS"], "cite": [0, 5]}
                   for i, n in enumerate(ESCAPES)],
    }  # fmt: skip
    path = tmp_path / "esc.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    loaded = blocs("load", str(path), data_dir=data_dir)
    assert loaded.returncode == 0, loaded.stderr
    for fmt in ("table", "csv", "json"):
        for args in (("positions", "--session", "AHC-2"), ("query", "actor_names")):
            result = blocs(*args, "--format", fmt, data_dir=data_dir)
            assert result.returncode == 0, result.stderr
            assert not any(c in result.stdout for c in CONTROL), (args, fmt)
            assert "Error: forged" not in result.stdout.splitlines()
    rows = json.loads(blocs("positions", "--session", "AHC-2", "--format", "json",
                            data_dir=data_dir).stdout)  # fmt: skip
    assert {r["option"] for r in rows} == set(ESCAPES), "JSON keeps the exact values"
    bad = blocs("positions", "--session", "\x1b]0;pwned\x07", data_dir=data_dir)
    assert not any(c in bad.stdout + bad.stderr for c in CONTROL)


def test_escapes_in_a_yaml_key_and_value_give_one_line_per_problem(tmp_path, data_dir):
    path = tmp_path / "keys.yaml"
    path.write_text(
        "report: r.txt\nevents:\n  - {id: k, session: AHC-7, issue: i, option: o, cite: [0, 1],"
        ' "\\e]0;title\\a": 1, support: ["\\e[2JNowhere\\nError: forged"]}\n',
        encoding="utf-8",
    )
    result = blocs("load", str(path), data_dir=data_dir)
    errors = [ln for ln in result.stderr.splitlines() if ln]
    assert result.returncode == 1 and len(errors) == 2, result.stderr
    assert all(ln.startswith(f"Error: {path}:3: ") for ln in errors)
    assert not any(c in result.stderr for c in CONTROL)


def test_gzipped_votes_without_rows_are_refused(tmp_path):
    from loaders.errors import LoadError
    from loaders.votes import read_votes

    path = tmp_path / "empty.csv.gz"
    with gzip.open(path, "wt") as f:
        f.write(GENERIC_HEADER)
    with pytest.raises(LoadError, match="holds no votes"):
        read_votes(path)
