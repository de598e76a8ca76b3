"""The curation workflow through the real CLI, on both backends: a draft to review, a load that
would count a passage twice refused unless asked, and one source unloaded."""

from __future__ import annotations

import json

from loaders.actors import reference
from loaders.dataset import load_sessions, read_positions_file
from tests.conftest import SEEDS, blocs, counts, open_store

REPORT = SEEDS / "001_d7c298ec23e97468.txt"


def test_draft_is_a_dataset_file_the_loader_accepts(tmp_path):
    draft = tmp_path / "draft.yaml"
    r = blocs("extract", str(REPORT), "--session", "AHC-7", "--draft", str(draft))
    assert r.returncode == 0, r.stderr
    events = read_positions_file(draft, reference().copy(), load_sessions())
    assert len(events) == len(json.loads(r.stdout)["documents"][0]["events"]) > 10
    assert "# confidence" in draft.read_text(encoding="utf-8")
    bad = blocs("extract", str(REPORT), str(REPORT), "--draft", str(draft))
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "one report" in bad.stderr


def test_a_report_the_curated_file_covers_is_refused_then_allowed(data_dir):
    assert blocs("load", data_dir=data_dir).returncode == 0
    store = open_store(data_dir)
    try:
        before = counts(store)
    finally:
        store.close()
    r = blocs("load", "--report", str(REPORT), data_dir=data_dir)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert (
        "already loaded from 001_d7c298ec23e97468.txt" in r.stderr and "--allow-overlap" in r.stderr
    )
    store = open_store(data_dir)
    try:
        assert counts(store) == before  # nothing written
    finally:
        store.close()
    r = blocs("load", "--report", str(REPORT), "--allow-overlap", data_dir=data_dir)
    assert r.returncode == 0, r.stderr


def test_unload_removes_one_source_and_keeps_the_rest(data_dir):
    assert blocs("load", data_dir=data_dir).returncode == 0
    listed = json.loads(blocs("unload", "--list", "--format", "json", data_dir=data_dir).stdout)
    sources = {row["source"]: row for row in listed}
    gone, kept = "003_ahc1_wrapup.yaml", "001_gitoc_checkins_ahc7.yaml"
    r = blocs("unload", gone, data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    after = {row["source"]: row for row in json.loads(
        blocs("unload", "--list", "--format", "json", data_dir=data_dir).stdout)}  # fmt: skip
    assert gone not in after and after[kept] == sources[kept]
    r = blocs("unload", "no_such_file.yaml", data_dir=data_dir)
    assert r.returncode == 1 and "no loaded source" in r.stderr
