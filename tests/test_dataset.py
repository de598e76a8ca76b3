"""The bundled dataset checked against the source reports themselves (../shared/seeds)."""

from __future__ import annotations

import re

import pytest

from loaders.actors import normalize, reference
from loaders.dataset import bundled_position_files, load_sessions, read_positions_file
from tests.conftest import SEEDS

FILES = bundled_position_files()


def _events(*, web: bool | None = None):
    """Events of the bundled files; web=False: seed-report events only, True: web sources only."""
    ref, sessions = reference(), load_sessions()
    for path in FILES:
        for ev in read_positions_file(path, ref, sessions):
            if web is None or web == (ev.citation.locator is not None):
                yield path, ev


def _named(code: str, passage: str) -> bool:
    text = normalize(passage)
    return any(
        re.search(rf"(?<![a-z0-9]){re.escape(alias)}(?![a-z0-9])", text)
        for alias in reference().aliases(code)
    )


def test_dataset_covers_every_seed_report():
    reports = {ev.citation.file for _, ev in _events(web=False)}
    assert reports == {p.name for p in SEEDS.glob("*.txt")}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_every_citation_points_into_its_report_and_names_every_actor():
    problems = []
    texts: dict[str, str] = {}
    n = 0
    for path, ev in _events(web=False):
        n += 1
        file = ev.citation.file
        if file not in texts:
            texts[file] = (SEEDS / file).read_text(encoding="utf-8")
        text = texts[file]
        if not 0 <= ev.citation.start < ev.citation.end <= len(text):
            problems.append(f"{path.name} {ev.id}: offsets outside {file} ({len(text)} chars)")
            continue
        passage = text[ev.citation.start : ev.citation.end]
        actors = {*ev.support, *ev.oppose, *ev.neutral, *ev.on_behalf_of, *ev.on_behalf_of.values()}
        if ev.proposer:
            actors.add(ev.proposer)
        for code in sorted(actors):
            if not _named(code, passage):
                problems.append(f"{path.name} {ev.id}: {code} is not named in the passage")
    assert n > 100
    assert not problems, "\n".join(problems)


def test_event_ids_unique_and_sessions_known():
    ids = [ev.id for _, ev in _events()]
    assert len(ids) == len(set(ids))
    assert {ev.session for _, ev in _events()} <= set(load_sessions())


def test_options_are_not_copied_from_the_reports():
    """Option texts are written in our own words: no run of 8 words from a report."""
    texts = {p.name: normalize(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    copied = []
    for _, ev in _events(web=False):
        words = normalize(ev.option).split()
        for i in range(len(words) - 7):
            if " ".join(words[i : i + 8]) in texts[ev.citation.file]:
                copied.append(ev.id)
                break
    assert not copied, copied


def test_competing_options_share_issue_keys():
    """Competing options (e.g. entry-into-force thresholds) are separate events of one issue."""
    by_issue: dict[tuple[str, str], set[str]] = {}
    for _, ev in _events():
        by_issue.setdefault((ev.session, ev.issue), set()).add(ev.id)
    assert sum(1 for ids in by_issue.values() if len(ids) >= 2) >= 5
    thresholds = [
        k for k, ids in by_issue.items() if k[0] == "AHC-7" and "entry-into-force" in k[1]
    ]
    assert thresholds and len(by_issue[thresholds[0]]) == 3


# -- hostile and careless YAML ---------------------------------------------------------------
EVENT = (
    "  - {id: e-%d, session: AHC-7, issue: art1, option: O%d, support: [France], cite: [0, 1]}\n"
)


def _yaml(tmp_path, text: str):
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path) -> list[str]:
    from loaders.errors import LoadError, LoadErrors

    try:
        read_positions_file(path, reference().copy(), load_sessions())
    except LoadErrors as exc:
        return [str(e) for e in exc.errors]
    except LoadError as exc:
        return [str(exc)]
    return []


def test_yaml_aliases_are_refused_with_their_line(tmp_path):
    text = "report: r.txt\nevents:\n" + EVENT % (1, 1) + "  - &again {id: e-2}\n  - *again\n"
    [problem] = _problems(_yaml(tmp_path, text))
    assert (
        problem == f"{tmp_path / 'hostile.yaml'}:5: YAML alias *again is not allowed in "
        "dataset files: write the value out"
    )


def test_an_anchor_alone_is_harmless_and_an_asterisk_in_text_is_text(tmp_path):
    text = (
        "report: r.txt\nevents:\n" + EVENT % (1, 1) + "  - &lonely {id: e-2, session: AHC-7,"
        " issue: art1, option: '*starred* words', support: [France], cite: [0, 1]}\n"
    )
    assert _problems(_yaml(tmp_path, text)) == []


@pytest.mark.parametrize("where", ["top", "event"])
def test_duplicate_keys_are_refused_naming_both_lines(tmp_path, where):
    if where == "top":
        text = "report: r.txt\nreport: s.txt\nevents:\n" + EVENT % (1, 1)
        want = ":2: duplicate key 'report' (first on line 1)"
    else:
        text = (
            "report: r.txt\nevents:\n  - id: e-1\n    session: AHC-7\n    issue: art1\n"
            "    option: O\n    support: [France]\n    cite: [0, 1]\n    support: [Germany]\n"
        )
        want = ":9: duplicate key 'support' (first on line 7)"
    [problem] = _problems(_yaml(tmp_path, text))
    assert problem.endswith(want + ": YAML keeps only the last one, so one of them would be "
                            "lost silently"), problem  # fmt: skip


def test_deep_nesting_huge_values_and_empty_files_are_one_problem_each(tmp_path):
    deep = "report: r.txt\nevents: " + "[" * 900 + "]" * 900 + "\n"
    assert _problems(_yaml(tmp_path, deep))[0].endswith("nested too deeply (a dataset is a few "
                                                        "levels deep)")  # fmt: skip
    huge = "report: r.txt\nevents:\n" + EVENT.replace("[France]", "'" + "x" * 100_000 + "'") % (
        1,
        1,
    )
    problems = _problems(_yaml(tmp_path, huge))
    assert problems and all(len(p) < 400 for p in problems)
    assert _problems(_yaml(tmp_path, "report: r.txt\nevents: []\n"))[0].endswith(
        "holds no events (the 'events' list is empty)"
    )
