"""Accuracy of the report extractor against the curated dataset.

    python bench/extract_accuracy.py [SEEDS_DIR] [--gold DIR] [--details] [--no-corpus]

Runs `loaders.extract.extract_file` on every report named by a curated positions file
(`data/positions/*.yaml`, key `report:`), looked up in SEEDS_DIR (default `../shared/seeds`
relative to the repository), and compares (actor, stance, event) memberships:

* stance is support / oppose / neutral; a proposer counts as support (as in the dataset);
  an actor named twice on one side of an event counts once.
* Events are matched one-to-one within a file. Only pairs whose character spans overlap are
  candidates ([start, end) of the gold `cite` against the predicted `char_start`/`char_end`).
  Pairs are taken greedily, best first, by (number of shared memberships, overlap length):
  each gold event is matched to at most one predicted event and vice versa.
* True positives are the memberships shared by matched pairs. Precision divides by all
  predicted memberships (unmatched predicted events count fully as false positives), recall by
  all gold memberships (unmatched gold events count fully as misses).

Reports in SEEDS_DIR without a curated file are listed as having no gold data and are not
scored. The YAML is read directly (no loader), so the bench works while the dataset evolves.

After the seed figures come those of the evaluation corpus (`bench/extract_corpus/`: short
passages in seven styles, dev and test halves), scored as `bench/extract_corpus.py` scores them
(one-to-one matching by shared facts, A <-> B flips allowed); run that script for the per-style
table. The seed reports were used to tune the extractor; the corpus test half never is.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BLOCS_SHARED_DIR") or ROOT.parent / "shared")
sys.path.insert(0, str(ROOT))

from loaders.actors import reference  # noqa: E402
from loaders.extract import ExtractedEvent, extract_file  # noqa: E402

Membership = tuple[str, str]  # (actor code, stance)


@dataclass
class GoldEvent:
    id: str
    start: int
    end: int
    members: set[Membership]
    session: str | None = None
    date: str | None = None


def gold_members(ev: dict, resolve) -> set[Membership]:
    out: set[Membership] = set()
    if ev.get("proposer"):
        out.add((resolve(ev["proposer"]), "support"))
    for side in ("support", "oppose", "neutral"):
        for name in ev.get(side) or []:
            out.add((resolve(name), side))
    return out


def pred_members(ev: ExtractedEvent) -> set[Membership]:
    out: set[Membership] = {(c, "support") for c in ev.support}
    out |= {(c, "oppose") for c in ev.oppose}
    out |= {(c, "neutral") for c in ev.neutral}
    if ev.proposer:
        out.add((ev.proposer, "support"))
    return out


def load_gold(gold_dir: Path) -> dict[str, list[GoldEvent]]:
    ix = reference()

    def resolve(name: str) -> str:
        return ix.resolve(str(name)) or str(name)

    out: dict[str, list[GoldEvent]] = {}
    for path in sorted(gold_dir.glob("*.y*ml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        report = spec.get("report")
        if not report:
            continue
        events = out.setdefault(str(report), [])
        for ev in spec.get("events") or []:
            cite = ev.get("cite") or [0, 0]
            events.append(
                GoldEvent(
                    str(ev.get("id")),
                    int(cite[0]),
                    int(cite[1]),
                    gold_members(ev, resolve),
                    ev.get("session"),
                    str(ev["date"]) if ev.get("date") else None,
                )
            )
    return out


def match(gold: list[GoldEvent], pred: list[ExtractedEvent]) -> list[tuple[int, int]]:
    """One-to-one greedy matching of overlapping events (see module docstring)."""
    pm = [pred_members(p) for p in pred]
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.char_end) - max(g.start, p.char_start)
            if overlap > 0:
                pairs.append((len(g.members & pm[pi]), overlap, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _shared, _ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_file(gold: list[GoldEvent], pred: list[ExtractedEvent], details: bool = False, ctx=None):
    pairs = match(gold, pred)
    tp = 0
    pm = [pred_members(p) for p in pred]
    for gi, pi in pairs:
        tp += len(gold[gi].members & pm[pi])
        if ctx is not None:
            g, p = gold[gi], pred[pi]
            ctx["pairs"] += 1
            ctx["session"] += g.session == p.session
            ctx["date"] += g.date == p.date
    n_pred = sum(len(m) for m in pm)
    n_gold = sum(len(g.members) for g in gold)
    if details:
        matched_g = {gi: pi for gi, pi in pairs}
        matched_p = {pi for _gi, pi in pairs}
        for gi, g in enumerate(gold):
            pi = matched_g.get(gi)
            if pi is None:
                print(f"    MISS  {g.id} [{g.start},{g.end}] {sorted(g.members)}")
                continue
            fn = g.members - pm[pi]
            fp = pm[pi] - g.members
            if fn or fp:
                print(
                    f"    DIFF  {g.id} [{g.start},{g.end}] ~ [{pred[pi].char_start},"
                    f"{pred[pi].char_end}] missing={sorted(fn)} extra={sorted(fp)}"
                )
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                print(f"    EXTRA [{p.char_start},{p.char_end}] {sorted(pm[pi])}")
    return tp, n_pred, n_gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", nargs="?", default=str(SHARED / "seeds"))
    ap.add_argument("--gold", default=str(ROOT / "data" / "positions"))
    ap.add_argument("--details", action="store_true", help="list misses and extras per event")
    ap.add_argument("--corpus", default=None, help="evaluation corpus folder (dev/, test/)")
    ap.add_argument("--no-corpus", action="store_true", help="only the seed reports")
    args = ap.parse_args(argv)
    seeds, gold_dir = Path(args.seeds), Path(args.gold)
    gold = load_gold(gold_dir) if gold_dir.is_dir() else {}
    reports = sorted(p.name for p in seeds.iterdir() if p.is_file()) if seeds.is_dir() else []
    if not reports:
        print(f"no reports found in {seeds}")
        return 1
    tot = [0, 0, 0]
    ctx = {"pairs": 0, "session": 0, "date": 0}
    print(f"{'file':40} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    for name in reports:
        if name not in gold:
            print(f"{name:40} no gold data (no positions file names it)")
            continue
        res = extract_file(seeds / name)
        tp, n_pred, n_gold = score_file(gold[name], res.events, False, ctx)
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{name:40} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {n_pred:5d} {n_gold:5d}")
        if args.details:
            score_file(gold[name], res.events, True)
        tot[0] += tp
        tot[1] += n_pred
        tot[2] += n_gold
    missing = sorted(set(gold) - set(reports))
    for name in missing:
        print(f"{name:40} gold data but no such report in {seeds}")
    p, r, f = prf(*tot)
    print(f"{'overall':40} {p:6.3f} {r:6.3f} {f:6.3f} {tot[0]:5d} {tot[1]:5d} {tot[2]:5d}")
    if ctx["pairs"]:
        n = ctx["pairs"]
        print(
            f"matched events: {n}; same session {ctx['session'] / n:.1%}, "
            f"same date {ctx['date'] / n:.1%} (dates: both absent counts as the same)"
        )
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _figures import figure

    figure("extractor F1 on the seed reports", f)
    if not args.no_corpus:
        corpus_figures(args.corpus)
    return 0


def corpus_figures(corpus: str | None = None) -> None:
    """P/R/F1 of the extractor on the corpus halves, with their figure lines."""
    import extract_corpus as ec
    from _figures import figure

    root = Path(corpus) if corpus else ec.CORPUS
    passages = ec.load_corpus(root)
    if not passages:
        print(f"no evaluation corpus in {root}")
        return
    counts = ec.evaluate(passages, ec.extractor_events)
    print(f"\nevaluation corpus ({root.name}/, see bench/extract_corpus.py for styles)")
    print(f"{'half':40} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    for split in ec.SPLITS:
        c = counts.get((split, "all"))
        if c is None:
            continue
        p, r, f = c.prf()
        n = sum(1 for x in passages if x.split == split)
        label = f"{split} ({n} passages)"
        print(f"{label:40} {p:6.3f} {r:6.3f} {f:6.3f} {c.tp:5d} {c.n_pred:5d} {c.n_gold:5d}")
    for split in ec.SPLITS:
        if (split, "all") in counts:
            figure(f"extractor F1 on the corpus {split} half", counts[split, "all"].prf()[2])


if __name__ == "__main__":
    raise SystemExit(main())
