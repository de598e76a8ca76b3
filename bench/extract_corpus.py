"""Extractor accuracy on the evaluation corpus (`bench/extract_corpus/`), dev and test halves.

    python bench/extract_corpus.py [--split dev|test|both] [--details] [--pred FILE.json]
        [--corpus DIR ...]

The corpus holds short passages in seven styles (wire, summary, statement, list, bulletin, blog,
transcript), each annotated with its side-taking events (`bench/extract_corpus/README.md` has
the annotation guidelines). The test half is for measuring only: never tune the extractor on it.

Scoring, by memberships:

* each event's facts are (actor, camp) pairs, camp A = proposer + support, B = oppose,
  N = neutral; an actor named twice in one camp counts once;
* within a passage, predicted events are matched to gold events one-to-one so that the total
  number of shared facts is largest (networkx `max_weight_matching`); each matched pair may be
  flipped A <-> B (opposing "include X" is the same fact as supporting "exclude X"), whichever
  shares more facts; N is never flipped;
* TP = predicted facts found, with the right camp, in the matched gold event; FP = all other
  predicted facts (unmatched predicted events count fully); FN = gold facts not found (unmatched
  gold events count fully). P = TP / (TP + FP), R = TP / (TP + FN).

Predictions come from `loaders.extract.extract_text` (what `blocs extract` runs on a file), one
passage at a time; `--pred FILE.json` scores any other system's output instead, given in the
`blocs extract --format json` layout with each document's `file` set to the passage id.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from loaders.actors import reference  # noqa: E402

CORPUS = HERE / "extract_corpus"
STYLES = ("wire", "summary", "statement", "list", "bulletin", "blog", "transcript")
SPLITS = ("dev", "test")
CAMPS = ("A", "B", "N")
FLIP = {"A": "B", "B": "A", "N": "N"}

# Names that stand for an actor in the corpus beyond the actor reference's aliases: adjectives of
# nationality ("the Brazilian delegation") and capitals ("Moscow countered"). Used by the corpus
# test to check that every annotated actor is named in its passage.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "AUS": ("Australian",),
    "AZE": ("Baku",),
    "BRA": ("Brazilian", "Brasilia"),
    "CAN": ("Canadian",),
    "CHE": ("Swiss",),
    "CHN": ("Chinese", "Beijing"),
    "COL": ("Colombian",),
    "EU": ("European",),
    "GBR": ("British", "London"),
    "IRN": ("Iranian", "Tehran"),
    "JPN": ("Japanese", "Tokyo"),
    "KEN": ("Kenyan",),
    "MEX": ("Mexican",),
    "RUS": ("Russian", "Moscow"),
    "SYR": ("Syrian",),
    "UKR": ("Ukrainian", "Kyiv"),
    "USA": ("American", "Washington"),
}

Fact = tuple[str, str]  # (actor code, camp)


@dataclass
class Event:
    """One option and the actors on each side (gold or predicted)."""

    option: str = ""
    proposer: str | None = None
    support: list[str] = field(default_factory=list)
    oppose: list[str] = field(default_factory=list)
    neutral: list[str] = field(default_factory=list)
    on_behalf_of: dict[str, str] = field(default_factory=dict)
    note: str = ""

    def actors(self) -> set[str]:
        out = set(self.support) | set(self.oppose) | set(self.neutral)
        if self.proposer:
            out.add(self.proposer)
        return out

    def facts(self, resolve=None) -> set[Fact]:
        r = resolve or (lambda code: code)
        out = {(r(c), "A") for c in self.support}
        out |= {(r(c), "B") for c in self.oppose}
        out |= {(r(c), "N") for c in self.neutral}
        if self.proposer:
            out.add((r(self.proposer), "A"))
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        return cls(
            option=str(d.get("option") or ""),
            proposer=d.get("proposer") or None,
            support=[str(c) for c in d.get("support") or []],
            oppose=[str(c) for c in d.get("oppose") or []],
            neutral=[str(c) for c in d.get("neutral") or []],
            on_behalf_of={str(k): str(v) for k, v in (d.get("on_behalf_of") or {}).items()},
            note=str(d.get("note") or ""),
        )


@dataclass
class Passage:
    id: str
    style: str
    split: str
    text: str
    events: list[Event]
    session: str | None = None
    source: str = ""


def load_corpus(root: Path = CORPUS, splits: Iterable[str] = SPLITS) -> list[Passage]:
    """Every passage of the given halves, in file order."""
    out: list[Passage] = []
    for split in splits:
        for path in sorted((root / split).glob("*.yaml")):
            spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            style = spec.get("style") or path.stem
            for p in spec.get("passages") or []:
                out.append(
                    Passage(
                        id=str(p["id"]),
                        style=str(style),
                        split=split,
                        text=str(p["text"]),
                        events=[Event.from_dict(e) for e in p.get("events") or []],
                        session=p.get("session"),
                        source=str(p.get("source") or ""),
                    )
                )
    return out


# --- scoring ---------------------------------------------------------------------------------


def flipped(facts: set[Fact]) -> set[Fact]:
    return {(actor, FLIP[camp]) for actor, camp in facts}


def pair_score(gold: set[Fact], pred: set[Fact]) -> tuple[int, bool]:
    """Shared facts of a gold / predicted event pair, and whether the pair is read flipped."""
    straight = len(gold & pred)
    crossed = len(gold & flipped(pred))
    return (crossed, True) if crossed > straight else (straight, False)


def match(gold: list[set[Fact]], pred: list[set[Fact]]) -> list[tuple[int, int, int, bool]]:
    """One-to-one matching with the largest total of shared facts: (gi, pi, shared, flipped)."""
    g = nx.Graph()
    best: dict[tuple[int, int], tuple[int, bool]] = {}
    for gi, gf in enumerate(gold):
        for pi, pf in enumerate(pred):
            shared, flip = pair_score(gf, pf)
            if shared > 0:
                best[gi, pi] = (shared, flip)
                g.add_edge(("g", gi), ("p", pi), weight=shared)
    out = []
    for a, b in nx.max_weight_matching(g):
        (_, gi), (_, pi) = sorted((a, b))  # "g" sorts before "p"
        shared, flip = best[gi, pi]
        out.append((gi, pi, shared, flip))
    return sorted(out)


@dataclass
class Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    gold_events: int = 0
    pred_events: int = 0
    matched: int = 0
    flipped: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp, self.n_pred, self.n_gold)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_events(gold: list[set[Fact]], pred: list[set[Fact]]) -> Counts:
    pairs = match(gold, pred)
    return Counts(
        tp=sum(shared for _gi, _pi, shared, _f in pairs),
        n_pred=sum(len(p) for p in pred),
        n_gold=sum(len(g) for g in gold),
        gold_events=len(gold),
        pred_events=len(pred),
        matched=len(pairs),
        flipped=sum(1 for *_x, f in pairs if f),
    )


# --- predictions -----------------------------------------------------------------------------


def _resolver():
    ix = reference()

    def resolve(name: str) -> str:
        return ix.resolve(str(name)) or str(name)

    return resolve


def extractor_events(passage: Passage, min_confidence: float = 0.0) -> list[Event]:
    """The report extractor's events for one passage (as `blocs extract` would find them,
    with `--min-confidence`)."""
    from loaders.extract import extract_text

    res = extract_text(passage.text, file=f"{passage.id}.txt", session=passage.session)
    res = res.confident(min_confidence)
    return [
        Event(
            e.option,
            e.proposer,
            list(e.support),
            list(e.oppose),
            list(e.neutral),
            dict(e.on_behalf_of),
        )  # fmt: skip
        for e in res.events
    ]


def load_predictions(path: Path) -> dict[str, list[Event]]:
    """{passage id: events} from a `blocs extract --format json` style file."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[Event]] = {}
    for d in doc.get("documents") or []:
        key = Path(str(d["file"])).name
        key = re.sub(r"\.(txt|md|html?)$", "", key)
        out.setdefault(key, []).extend(Event.from_dict(e) for e in d.get("events") or [])
    return out


# --- report ----------------------------------------------------------------------------------


def evaluate(
    passages: list[Passage], predict, details: bool = False
) -> dict[tuple[str, str], Counts]:
    """Counts per (split, style), plus (split, "all")."""
    resolve = _resolver()
    out: dict[tuple[str, str], Counts] = {}
    for p in passages:
        gold = [e.facts() for e in p.events]
        pred_events = predict(p)
        pred = [e.facts(resolve) for e in pred_events]
        c = score_events(gold, pred)
        for key in ((p.split, p.style), (p.split, "all")):
            out.setdefault(key, Counts()).add(c)
        if details and (c.tp < c.n_pred or c.tp < c.n_gold):
            _explain(p, gold, pred)
    return out


def _explain(p: Passage, gold: list[set[Fact]], pred: list[set[Fact]]) -> None:
    print(f"  {p.id} ({p.source})")
    pairs = {gi: (pi, f) for gi, pi, _s, f in match(gold, pred)}
    used = {pi for pi, _f in pairs.values()}
    for gi, g in enumerate(gold):
        if gi not in pairs:
            print(f"    MISS  gold#{gi} {sorted(g)}")
            continue
        pi, flip = pairs[gi]
        pf = flipped(pred[pi]) if flip else pred[pi]
        fn, fp = sorted(g - pf), sorted(pf - g)
        if fn or fp:
            print(f"    DIFF  gold#{gi}~pred#{pi}{' (flipped)' if flip else ''} "
                  f"missing={fn} extra={fp}")  # fmt: skip
    for pi, pf in enumerate(pred):
        if pi not in used:
            print(f"    EXTRA pred#{pi} {sorted(pf)}")


def print_table(counts: dict[tuple[str, str], Counts], splits: Iterable[str]) -> None:
    print(f"{'split':5} {'style':11} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} "
          f"{'gold':>5} {'events g/p/matched/flipped':>27}")  # fmt: skip
    for split in splits:
        for style in (*STYLES, "all"):
            c = counts.get((split, style))
            if c is None:
                continue
            p, r, f = c.prf()
            ev = f"{c.gold_events}/{c.pred_events}/{c.matched}/{c.flipped}"
            print(f"{split:5} {style:11} {p:6.3f} {r:6.3f} {f:6.3f} {c.tp:5d} {c.n_pred:5d} "
                  f"{c.n_gold:5d} {ev:>27}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both")
    ap.add_argument(
        "--corpus",
        action="append",
        help="corpus folder (dev/, test/); repeat to pool several (default: the own-words corpus)",
    )
    ap.add_argument(
        "--pred", help="score this JSON (blocs extract layout) instead of the extractor"
    )
    ap.add_argument("--name", default="extractor", help="system name for the figure lines")
    ap.add_argument("--details", action="store_true", help="list misses and extras per passage")
    ap.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="score only the extractor's events at least this confident (as blocs extract)",
    )
    args = ap.parse_args(argv)
    splits = SPLITS if args.split == "both" else (args.split,)
    folders = args.corpus or [str(CORPUS)]
    passages = [p for folder in folders for p in load_corpus(Path(folder), splits)]
    if not passages:
        print(f"no passages found in {', '.join(folders)}")
        return 1
    if args.pred:
        preds = load_predictions(Path(args.pred))

        def predict(p: Passage) -> list[Event]:
            return preds.get(p.id, [])
    else:

        def predict(p: Passage) -> list[Event]:
            return extractor_events(p, args.min_confidence)

    counts = evaluate(passages, predict, args.details)
    print_table(counts, splits)
    sys.path.insert(0, str(HERE))
    from _figures import figure

    for split in splits:
        if (split, "all") in counts:
            figure(f"{args.name} F1 on the corpus {split} half", counts[split, "all"].prf()[2])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
