"""The dataset loader end to end through the real CLI and the real embedded database."""

from __future__ import annotations

import json
import textwrap

import pytest

from loaders.errors import LoadErrors
from loaders.pipeline import plan_positions
from tests.conftest import blocs, counts

GOOD = """\
report: test_report.txt
events:
  - id: t-one
    session: AHC-7
    date: 2024-01-30
    issue: art99-test
    option: A test option
    proposer: Singapore
    support: [Switzerland, the EU, Lichtenstein]
    oppose: [Russia, Jamaica]
    on_behalf_of: {Jamaica: Caribbean Community}
    cite: [0, 100]
"""


def _file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_load_twice_gives_same_counts(tmp_path, data_dir):
    first = blocs("load", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    status1 = json.loads(blocs("db", "status", "--format", "json", data_dir=data_dir).stdout)
    second = blocs("load", data_dir=data_dir)
    assert second.returncode == 0, second.stderr
    status2 = json.loads(blocs("db", "status", "--format", "json", data_dir=data_dir).stdout)
    assert status1 == status2
    assert status1["nodes"]["State"] >= 195 and status1["relationships"]["SUPPORTED"] > 100


def test_names_resolve_and_group_speaker_is_recorded(tmp_path, store):
    from loaders.pipeline import execute

    plan = plan_positions([_file(tmp_path, "good.yaml", GOOD)])
    execute(store, plan)
    rows = store.run("positions", session="AHC-7")
    got = {(r["actor"], r["stance"], r["proposer"], r["on_behalf_of"]) for r in rows}
    assert got == {
        ("SGP", "support", True, None),
        ("CHE", "support", False, None),
        ("EU", "support", False, None),
        ("LIE", "support", False, None),
        ("RUS", "oppose", False, None),
        ("JAM", "oppose", False, "CARICOM"),
    }
    assert all(r["source"] == "test_report.txt:0-100" and r["date"] == "2024-01-30" for r in rows)


def test_bad_row_in_the_middle_changes_nothing(tmp_path, data_dir):
    assert blocs("load", data_dir=data_dir).returncode == 0
    before = blocs("db", "status", "--format", "json", data_dir=data_dir).stdout
    good2 = GOOD.replace("t-one", "t-two")
    bad = GOOD.replace("t-one", "t-bad").replace("Russia", "Rusia")
    path = _file(
        tmp_path, "mixed.yaml", GOOD + good2.split("events:\n")[1] + bad.split("events:\n")[1]
    )
    result = blocs("load", str(path), data_dir=data_dir)
    assert result.returncode == 1
    assert f"{path}:30:" in result.stderr and "'Rusia'" in result.stderr
    assert "Russian Federation (RUS)" in result.stderr
    assert blocs("db", "status", "--format", "json", data_dir=data_dir).stdout == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("Lichtenstein", "Lichtenstien"), "did you mean Liechtenstein (LIE)"),
        (("[Russia, Jamaica]", "[Russia, Jamaica, Switzerland]"), "CHE is on two sides"),
        (("2024-01-30", "2024-13-45"), "not an ISO date"),
        (("    issue: art99-test\n", ""), "missing field 'issue'"),
        (("    cite: [0, 100]", "    cite: [100, 0]"), "cite must be [start, end]"),
        (("    option:", "    opton:"), "unknown field 'opton' (did you mean option?)"),
        (("AHC-7", "AHC-9"), "unknown session 'AHC-9'"),
        (("events:", "events: [\n  - {"), "YAML syntax error"),
    ],
)
def test_validation_errors_name_file_line_value(tmp_path, change, message):
    path = _file(tmp_path, "bad.yaml", GOOD.replace(*change))
    with pytest.raises(Exception) as info:
        plan_positions([path])
    text = str(info.value)
    assert message in text
    assert str(path) in text and any(f"{path}:{n}:" in text for n in range(1, 20))


def test_all_problems_of_a_file_are_reported_at_once(tmp_path):
    text = GOOD.replace("Russia", "Rusia").replace("2024-01-30", "30 Jan")
    with pytest.raises(LoadErrors) as info:
        plan_positions([_file(tmp_path, "two.yaml", text)])
    assert len(info.value.errors) == 2


def test_cli_unknown_actor_exits_nonzero_with_suggestion(tmp_path, data_dir):
    path = _file(tmp_path, "typo.yaml", GOOD.replace("Switzerland", "Swizterland"))
    result = blocs("load", str(path), data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ")
    assert "Switzerland (CHE)" in result.stderr and "Traceback" not in result.stderr


def test_injection_name_in_option_roundtrips(tmp_path, store):
    from loaders.pipeline import execute

    evil = "x'}) DETACH DELETE n //"
    text = GOOD.replace("A test option", json.dumps(evil))
    execute(store, plan_positions([_file(tmp_path, "evil.yaml", text)]))
    rows = store.run("positions", session=None)
    assert {r["option"] for r in rows} == {evil}
    assert counts(store)[0]["State"] >= 195


def test_positions_json_shape(loaded_dir):
    result = blocs("positions", "--session", "AHC-7", "--format", "json", data_dir=loaded_dir)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    keys = {
        "event",
        "session",
        "date",
        "issue",
        "option",
        "actor",
        "stance",
        "proposer",
        "on_behalf_of",
        "source",
    }
    assert rows and all(set(r) == keys for r in rows)
    assert {r["session"] for r in rows} == {"AHC-7"}
    assert {r["stance"] for r in rows} == {"support", "oppose", "neutral"}


WEB = """\
source:
  url: https://example.org/ahc2-summary
  title: Summary of the second session
  publisher: Example Tracker
  published: 2022-06-12
events:
  - id: t-web
    session: AHC-2
    issue: art99-web
    option: A web-sourced option
    proposer: Brazil
    oppose: [Russia]
    cite: {at: "section 'Day 3', paragraph 2"}
"""


def test_web_source_citation_is_stored_with_its_locator(tmp_path, store):
    from loaders.pipeline import execute

    execute(store, plan_positions([_file(tmp_path, "web.yaml", WEB)]))
    rows = store.run("positions", session="AHC-2")
    assert {(r["actor"], r["stance"]) for r in rows} == {("BRA", "support"), ("RUS", "oppose")}
    assert {r["source"] for r in rows} == {
        "https://example.org/ahc2-summary#section 'Day 3', paragraph 2"
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("https://example.org/ahc2-summary", "example.org"), "source url must be an http(s)"),
        (("  publisher: Example Tracker\n", ""), "source needs a 'publisher'"),
        (("  published: 2022-06-12\n", ""), "source needs a 'published' date"),
        (("  title:", "  titel:"), "unknown source field 'titel' (did you mean title?)"),
        (("{at: \"section 'Day 3', paragraph 2\"}", "[0, 10]"), "cite of a web source must be"),
        (("source:\n", "report: x.txt\nsource:\n"), "either 'report' or 'source'"),
    ],
)
def test_web_source_errors_name_the_line(tmp_path, change, message):
    path = _file(tmp_path, "bad.yaml", WEB.replace(*change))
    with pytest.raises(LoadErrors) as info:
        plan_positions([path])
    assert message in str(info.value) and f"{path}:" in str(info.value)
