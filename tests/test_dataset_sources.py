"""The web-sourced part of the dataset: well-formed citations, nothing copied, every session
covered, and a coverage table in data/README.md that matches the data."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from loaders.actors import reference
from loaders.coverage import BEGIN, END, coverage, coverage_table
from loaders.dataset import bundled_position_files, load_sessions, read_positions_file, read_yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from source_shingles import copied_runs, shingles  # noqa: E402

SHINGLES = ROOT / "tests" / "source_shingles"
URL = re.compile(r"https?://\S+")  # addresses (which often spell the headline) are not prose
CITATION_LINE = re.compile(r"^\s*(url|title):\s")  # the source block's address and title


def _web_files() -> list[Path]:
    return [p for p in bundled_position_files() if "source" in read_yaml(p, lines=False)]


def test_web_citations_are_well_formed():
    ref, sessions = reference().copy(), load_sessions()
    checked = 0
    for path in _web_files():
        source = read_yaml(path, lines=False)["source"]
        assert re.match(r"^https?://[^/\s]+\.[^\s]+$", source["url"]), path.name
        assert source.get("title") and source.get("publisher") and source.get("published")
        for ev in read_positions_file(path, ref, sessions):
            assert ev.citation.locator and len(ev.citation.locator) >= 3, (path.name, ev.id)
            assert ev.citation.file.startswith(("http://", "https://")), (path.name, ev.id)
            checked += 1
    assert checked == sum(1 for p in _web_files() for _ in read_positions_file(p, ref, sessions))


@pytest.mark.parametrize("path", _web_files(), ids=lambda p: p.name)
def test_web_source_has_fingerprints_and_nothing_is_copied(path):
    """The YAML file (options, locators, comments) shares no 8-word run with its page.

    The page's address and title are citation metadata, quoted on purpose, so they are exempt
    (the `url:` and `title:` lines, and any address elsewhere).
    """
    prints = SHINGLES / f"{path.stem}.txt"
    assert prints.is_file(), f"no fingerprints {prints}: run tools/source_shingles.py on the page"
    known = {line.strip() for line in prints.read_text(encoding="utf-8").split() if line.strip()}
    assert known, f"{prints} is empty"
    lines = path.read_text(encoding="utf-8").splitlines()
    ours = URL.sub(" ", "\n".join(line for line in lines if not CITATION_LINE.match(line)))
    assert not copied_runs(ours, known)


def test_fingerprints_find_a_copied_run():
    page = "The delegation of Ruritania firmly opposed the inclusion of any new offence here."
    yaml_text = "option: Ruritania firmly opposed the inclusion of any new offence (copied)"
    assert copied_runs(yaml_text, shingles(page))
    assert not copied_runs("option: Ruritania is against adding offences", shingles(page))


def test_every_session_has_positions():
    thin = [r.session for r in coverage() if r.events == 0]
    assert not thin, f"sessions with no positions: {thin}"


def test_readme_coverage_table_matches_the_data():
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    table = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert table == coverage_table(), "run: python tools/dataset_coverage.py"
