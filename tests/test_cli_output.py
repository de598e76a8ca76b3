"""What a new user sees: --version, --help at 80 columns, tables at 80 columns and piped."""

from __future__ import annotations

import re
import tomllib

import pytest

from blocs.common import format_number, json_text, rows_table
from tests.conftest import ROOT, blocs

COMMANDS = [
    ["load"], ["extract"], ["positions"], ["query"], ["db", "status"], ["db", "recover"],
    ["db", "reset"], ["report"], ["state"], ["track"], ["validate"], ["export"], ["plot"],
]  # fmt: skip


def test_version_is_the_package_version():
    want = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    result = blocs("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"blocs {want}"


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_help_at_80_columns_names_every_option_whole(command):
    result = blocs(*command, "--help", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert "…" not in result.stdout, "nothing truncated"
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    declared = _declared_options(command)
    shown = set(re.findall(r"--[a-z][a-z0-9-]*", result.stdout))
    assert declared <= shown, declared - shown


def _declared_options(command) -> set[str]:
    import typer.main

    from blocs.app import app

    cmd = typer.main.get_command(app)
    for name in command:
        cmd = cmd.commands[name]
    out = set()
    for param in cmd.params:
        out |= {o for o in [*param.opts, *param.secondary_opts] if o.startswith("--")}
    return out


@pytest.mark.parametrize(("args", "wide"), [(("positions", "--session", "AHC-7"), True),
                                            (("db", "status"), False),
                                            (("query", "--list"), False)])  # fmt: skip
def test_tables_at_80_columns_never_break_a_word(loaded_dir, args, wide):
    import json

    result = blocs(*args, data_dir=loaded_dir, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    words = {w for line in lines for w in re.split(r"[\s│┃|]+", line) if w}
    if not wide:
        assert max(len(line) for line in lines) <= 80
        assert {"label", "nodes", "name", "answers"} & words
        return
    rows = json.loads(blocs(*args, "--format", "json", data_dir=loaded_dir).stdout)
    for row in rows:  # every id, code, date and word of every row is printed whole
        for value in row.values():
            if value is not None:
                assert set(str(value).split()) <= words, value
    assert max(len(line) for line in lines) <= max(80, *(len(w) + 16 for w in words))


def test_extract_table_at_80_columns_never_breaks_a_word(tmp_path):
    import json

    report = tmp_path / "report.txt"
    report.write_text(
        "Mexico, supported by Chile, Peru and Costa Rica, proposed keeping the human rights "
        "safeguards of the draft. Iran and Syria opposed the safeguards.\n",
        encoding="utf-8",
    )
    result = blocs("extract", str(report), "--format", "table", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    words = {w for line in lines for w in re.split(r"[\s│┃|]+", line) if w}
    docs = json.loads(blocs("extract", str(report)).stdout)["documents"]
    events = docs[0]["events"]
    assert events, "the report has events"
    for event in events:
        for actor in [*event["support"], *event["oppose"]]:
            assert actor in words or f"{actor}," in words, actor
        assert set(event["option"].split()) <= words, event["option"]
    assert max(len(line) for line in lines) <= 80
    csv_out = blocs("extract", str(report), "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("file,span,session") and len(csv_out) == len(events) + 1


def test_piped_tables_keep_one_row_per_line(loaded_dir):
    import json

    rows = json.loads(blocs("positions", "--session", "AHC-7", "--format", "json",
                            data_dir=loaded_dir).stdout)  # fmt: skip
    result = blocs("positions", "--session", "AHC-7", data_dir=loaded_dir)  # piped, no COLUMNS
    body = [line for line in result.stdout.splitlines() if line.startswith("│")]
    assert len(body) == len(rows), "no row wraps onto a second line"
    for row in rows[:20]:
        assert any(row["event"] in line and row["actor"] in line for line in body)


def test_numbers_read_like_numbers():
    assert format_number(88.0) == "88" and format_number(0.5) == "0.5"
    assert format_number(2 / 3) == "0.667" and format_number(1e-7) == "1e-07"
    assert format_number(float("nan")) == "nan"
    from rich.console import Console

    console = Console(width=80, record=True)
    console.print(rows_table([{"session": "AHC-7", "support": 88.0, "share": 0.25}],
                             ["session", "support", "share"]))  # fmt: skip
    text = console.export_text()
    assert "88.0" not in text and " 88 " in text and "0.25" in text


def test_json_output_escapes_c1_controls_and_keeps_the_value():
    import json

    value = {"name": "csi \x9b31m rtl \u202e nl \n"}
    text = json_text(value)
    assert "\x9b" not in text and "\u202e" not in text
    assert json.loads(text) == value


def test_messages_are_never_folded_when_piped(loaded_dir):
    result = blocs("db", "reset", data_dir=loaded_dir)  # refused without --yes
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1


def test_setup_facts_agree_with_the_tools():
    """The README's Node version is package.json's, the installed Node meets it, and the test
    extras hold what the README's notebook commands need."""
    import json
    import shutil
    import subprocess

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"Node (\d+)\+ for the Cypher linter", readme)
    engines = json.loads((ROOT / "package.json").read_text())["engines"]["node"]
    assert stated and engines == f">={stated.group(1)}", (stated, engines)
    node = shutil.which("node")
    if node:
        major = int(subprocess.run([node, "--version"], capture_output=True, text=True)
                    .stdout.strip().lstrip("v").split(".")[0])  # fmt: skip
        assert major >= int(stated.group(1))
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    test = " ".join(extras["optional-dependencies"]["test"])
    for tool in ("nbmake", "nbconvert", "jupyterlab", "ipykernel"):
        assert tool in test, tool
    assert "jupyter lab notebooks/" in readme
