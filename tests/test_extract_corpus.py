"""The extractor evaluation corpus (bench/extract_corpus/) is well formed, and its scorer counts
what its docstring says it counts."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from loaders.actors import normalize, reference

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "extract_corpus"))

import extract_corpus as ec  # noqa: E402
import split as corpus_split  # noqa: E402

PASSAGES = ec.load_corpus()
SESSIONS = {
    s["id"]
    for s in yaml.safe_load((ROOT / "data" / "sessions.yaml").read_text(encoding="utf-8"))[
        "sessions"
    ]
}


DRAWN = [p for p in PASSAGES if re.fullmatch(r"[a-z]+-\d\d", p.source)]  # not added/ ones


def test_size_styles_and_split():
    """The halves drawn from source/ are balanced; added/ passages only ever join dev."""
    assert len(DRAWN) >= 72
    by = Counter((p.split, p.style) for p in DRAWN)
    for style in ec.STYLES:
        dev, test = by[("dev", style)], by[("test", style)]
        assert dev >= 5 and test >= 5, style
        assert abs(dev - test) <= 1, style
    n_dev = sum(1 for p in DRAWN if p.split == "dev")
    assert abs(n_dev - (len(DRAWN) - n_dev)) <= 2
    added = [p for p in PASSAGES if p not in DRAWN]
    assert all(re.fullmatch(r"[a-z]+-a\d{2,3}", p.source) and p.split == "dev" for p in added)


def test_added_passages_never_reach_the_test_half(tmp_path):
    """An added/ passage goes to dev whatever the seed would draw, and the test half stays
    exactly what it was without it."""
    drawn = corpus_split.load_source()
    extra = {"wire": [{"id": "wire-a01", "text": "Chile backed the draft.", "events": []}]}
    with_extra = corpus_split.assign(drawn, extra)
    without = corpus_split.assign(drawn)
    assert with_extra["test"] == without["test"]
    assert with_extra["dev"]["wire"][-1]["source"] == "wire-a01"
    assert len(with_extra["dev"]["wire"]) == len(without["dev"]["wire"]) + 1
    assert {p.style for p in PASSAGES} == set(ec.STYLES)


def test_split_files_are_what_split_py_writes():
    for path, text in corpus_split.outputs().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"run bench/extract_corpus/split.py ({path})"
        )


def test_split_files_carry_the_source_passages_unchanged():
    staged = [corpus_split.load_source(), corpus_split.load_source(folder="added")]
    source = {p["id"]: p for st in staged for ps in st.values() for p in ps}
    assert len(source) == len(PASSAGES)
    for p in PASSAGES:
        s = source[p.source]
        assert p.text == s["text"]
        assert [e.facts() for e in p.events] == [
            ec.Event.from_dict(e).facts() for e in s.get("events") or []
        ]


def test_ids_sessions_and_texts():
    ids = [p.id for p in PASSAGES]
    assert len(ids) == len(set(ids))
    for p in PASSAGES:
        assert re.fullmatch(rf"{p.style}-{p.split}-\d{{2,3}}", p.id), p.id
        assert p.session is None or p.session in SESSIONS or re.fullmatch(r"UNGA-\d+", p.session)
        assert 80 <= len(p.text) <= 1500, (p.id, len(p.text))  # a few sentences, or a short list


def test_events_use_known_codes_consistently():
    ix = reference()
    for p in PASSAGES:
        for ev in p.events:
            assert ev.option, p.id
            assert ev.actors(), (p.id, ev.option)
            for code in ev.actors():
                assert code in ix.actors, (p.id, code)
            assert ev.proposer not in ev.support, (p.id, ev.option)
            sides = [set(ev.support) | {ev.proposer} - {None}, set(ev.oppose), set(ev.neutral)]
            for i in range(3):
                for j in range(i + 1, 3):
                    assert not sides[i] & sides[j], (p.id, ev.option, sides[i] & sides[j])
            for speaker, group in ev.on_behalf_of.items():
                assert speaker in ev.actors(), (p.id, speaker)
                assert ix.is_group(group), (p.id, group)


def _names(code: str) -> set[str]:
    ix = reference()
    names = set(ix.aliases(code)) | {normalize(n) for n in ec.EXTRA_NAMES.get(code, ())}
    return {_words(n) for n in names if len(n) >= 2}


def _words(text: str) -> str:
    """Folded text with punctuation (apostrophes too: "Russia's") turned into single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w ]+", " ", normalize(text))).strip()


def test_every_annotated_actor_is_named_in_its_passage():
    """By an alias of the actor reference, a demonym or a capital (EXTRA_NAMES); first-person
    turns are resolved through the speaker named in the turn header or by the chair, so the
    speaker is named too."""
    for p in PASSAGES:
        text = f" {_words(p.text)} "
        for ev in p.events:
            for code in ev.actors() | set(ev.on_behalf_of.values()):
                names = _names(code)
                assert any(f" {n} " in text for n in names), (p.id, code)


def test_corpus_has_negatives_and_hard_cases():
    """A few passages with no side-taking (all predictions are false positives there), and the
    phenomena the corpus is for: opposition, neutrality, speakers for groups."""
    assert sum(1 for p in PASSAGES if not p.events) >= 4
    facts = [f for p in PASSAGES for e in p.events for f in e.facts()]
    camps = Counter(c for _a, c in facts)
    assert camps["B"] >= 60 and camps["N"] >= 30
    assert sum(1 for p in PASSAGES for e in p.events if e.on_behalf_of) >= 10


# --- the scorer on hand-made cases --------------------------------------------------------------


def facts(a=(), b=(), n=()) -> set:
    return {(x, "A") for x in a} | {(x, "B") for x in b} | {(x, "N") for x in n}


def test_perfect_prediction():
    gold = [facts(a=["RUS", "CHN"], b=["USA"]), facts(n=["BRA"])]
    c = ec.score_events(gold, [facts(n=["BRA"]), facts(a=["CHN", "RUS"], b=["USA"])])
    assert (c.tp, c.n_pred, c.n_gold, c.matched, c.flipped) == (4, 4, 4, 2, 0)
    assert c.prf() == (1.0, 1.0, 1.0)


def test_flip_rule_counts_a_swapped_framing_as_the_same_facts():
    # gold: RUS and CHN oppose including X, USA supports it; predicted with the framing
    # "exclude X": RUS and CHN support, USA opposes -> all three facts, flipped.
    gold = [facts(a=["USA"], b=["RUS", "CHN"], n=["IND"])]
    c = ec.score_events(gold, [facts(a=["RUS", "CHN"], b=["USA"], n=["IND"])])
    assert (c.tp, c.flipped) == (4, 1)
    # neutral is never flipped: a neutral actor read as opposed is wrong either way
    c = ec.score_events([facts(n=["IND"])], [facts(b=["IND"])])
    assert c.tp == 0 and c.matched == 0


def test_flip_is_per_pair_and_takes_the_better_reading():
    gold = [facts(a=["A1", "A2"], b=["B1"])]
    pred = [facts(a=["A1", "B1"], b=["A2"])]  # straight shares 1 (A1), flipped shares 2 (A2, B1)
    assert ec.pair_score(gold[0], pred[0]) == (2, True)
    c = ec.score_events(gold, pred)
    assert (c.tp, c.n_pred, c.n_gold) == (2, 3, 3)


def test_one_to_one_matching_maximises_the_total():
    # Pair weights: g0p0 = 3, g0p1 = 2, g1p0 = 2, g1p1 = 0. Greedy best-first would take g0p0
    # and leave gold1 with nothing (total 3); the best one-to-one assignment is g0p1 + g1p0 = 4.
    gold = [facts(a=["a", "b", "c", "d"]), facts(a=["a", "b"])]
    pred = [facts(a=["a", "b", "c"]), facts(a=["c", "d"])]
    pairs = ec.match(gold, pred)
    assert [(gi, pi, s) for gi, pi, s, _f in pairs] == [(0, 1, 2), (1, 0, 2)]
    c = ec.score_events(gold, pred)
    assert (c.tp, c.n_pred, c.n_gold, c.matched) == (4, 5, 6, 2)


def test_unmatched_events_count_fully():
    gold = [facts(a=["RUS"]), facts(b=["USA", "GBR"])]
    pred = [facts(a=["RUS", "BLR"]), facts(a=["FRA"])]
    c = ec.score_events(gold, pred)
    # RUS matched; BLR and the whole FRA event are false positives; USA and GBR are misses
    assert (c.tp, c.n_pred, c.n_gold, c.matched) == (1, 3, 3, 1)
    p, r, f = c.prf()
    assert p == pytest.approx(1 / 3) and r == pytest.approx(1 / 3) and f == pytest.approx(1 / 3)
    # a passage without gold events: every prediction is a false positive
    c = ec.score_events([], [facts(a=["CHN"])])
    assert (c.tp, c.n_pred, c.n_gold) == (0, 1, 0)


def test_proposer_counts_as_support_and_duplicates_once():
    ev = ec.Event("x", proposer="RUS", support=["RUS", "CHN", "CHN"], oppose=["USA"])
    assert ev.facts() == facts(a=["RUS", "CHN"], b=["USA"])


def test_bench_runs_on_a_tiny_corpus(tmp_path, capsys):
    for split in ("dev", "test"):
        (tmp_path / split).mkdir()
        (tmp_path / split / "wire.yaml").write_text(
            yaml.safe_dump(
                {
                    "style": "wire",
                    "passages": [
                        {
                            "id": f"wire-{split}-01",
                            "text": "Russia proposed the text. It was supported by China and "
                            "opposed by the United States.\n",
                            "events": [
                                {
                                    "option": "text",
                                    "proposer": "RUS",
                                    "support": ["CHN"],
                                    "oppose": ["USA"],
                                }  # fmt: skip
                            ],
                        }
                    ],
                }
            ),
            encoding="utf-8",
        )
    assert ec.main(["--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "figure: extractor F1 on the corpus dev half = " in out
    assert "figure: extractor F1 on the corpus test half = " in out
    # the same facts given as a prediction file (blocs extract layout) score 1.0
    pred = tmp_path / "pred.json"
    pred.write_text(
        '{"documents": [{"file": "wire-dev-01.txt", "events": [{"proposer": "Russia", '
        '"support": ["CHN"], "oppose": ["USA"], "neutral": []}]}]}',
        encoding="utf-8",
    )
    assert ec.main(["--corpus", str(tmp_path), "--split", "dev", "--pred", str(pred)]) == 0
    assert "figure: extractor F1 on the corpus dev half = 1" in capsys.readouterr().out


ADDED = sorted((ROOT / "bench" / "extract_corpus" / "added").glob("*.yaml"))
# the official title of resolutions 73/187 and 74/247: a name, quoted as every record does
_TITLE = re.compile(
    r"countering\s+the\s+use\s+of\s+information\s+and\s+communications?\s+technologies\s+"
    r"for\s+criminal\s+purposes",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", ADDED, ids=lambda p: p.name)
def test_added_passages_copy_nothing_from_the_pages_they_draw_on(path):
    """The pages the added passages take their facts from are fingerprinted (8-word runs,
    tools/source_shingles.py); the passages, notes and labels share no run with them."""
    sys.path.insert(0, str(ROOT / "tools"))
    from source_shingles import copied_runs

    prints = ROOT / "tests" / "source_shingles" / f"corpus_added_{path.stem}.txt"
    assert prints.is_file(), f"no fingerprints {prints}: run tools/source_shingles.py"
    known = set(prints.read_text(encoding="utf-8").split())
    assert len(known) > 500
    lines = path.read_text(encoding="utf-8").splitlines()
    ours = "\n".join(line for line in lines if not line.strip().startswith("basis:"))
    assert not copied_runs(_TITLE.sub(" ", ours), known)


def test_added_passages_name_their_public_basis():
    for path in ADDED:
        for p in yaml.safe_load(path.read_text(encoding="utf-8"))["passages"]:
            assert re.match(r"https?://\S+$", str(p.get("basis") or "")), (path.name, p["id"])
