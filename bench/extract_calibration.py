"""Does the extractor's confidence say how often it is right?

    python bench/extract_calibration.py [--corpus DIR ...] [--split dev] [--seeds DIR]
                                        [--no-seeds] [--raw] [--fit]

Every predicted fact (actor, camp) of an event carries that event's `confidence` and `cue`.
Facts are scored as bench/extract_corpus.py scores them (its one-to-one matching of events by
shared facts, A <-> B flips allowed): a fact is right when the matched gold event holds it
with that camp. Seed reports (default ../shared/seeds, against data/positions) are scored as
bench/extract_accuracy.py scores them (greedy matching of overlapping spans). The script
prints, per confidence bin, event size and cue class, the number of facts and the share that is
right, then the Brier score, the expected calibration error (ECE: the mean gap between
confidence and share right over 10 equal-width bins, weighted by facts) and the AUC (how well
the confidence ranks right facts above wrong ones; 0.5 = not at all).

`--raw` shows the confidences the rules stamp before calibration (loaders/extract/calibration.py
maps them). `--fit` refits the calibration table from the in-repo data only (the corpus dev
half in bench/extract_corpus and the seed reports; see `fit`) and writes
loaders/extract/cue_reliability.tsv.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("BLOCS_SHARED_DIR") or ROOT.parent / "shared")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import extract_accuracy as ea  # noqa: E402
import extract_corpus as ec  # noqa: E402

from loaders.extract import calibration as CAL  # noqa: E402
from loaders.extract import extract_file, extract_text  # noqa: E402


@dataclass
class Scored:
    """One predicted fact: its event's confidence and cue, and whether it is right."""

    confidence: float
    cue: str
    right: bool
    where: str = ""
    n_facts: int = 1  # facts of its event


def _fact_list(e) -> list[tuple[str, str]]:
    out = {(c, "A") for c in e.support} | {(c, "B") for c in e.oppose}
    out |= {(c, "N") for c in e.neutral}
    if e.proposer:
        out.add((e.proposer, "A"))
    return sorted(out)


def corpus_facts(root: Path, splits: Iterable[str], raw: bool = False) -> list[Scored]:
    """Scored facts of the extractor on a corpus (matching of bench/extract_corpus.py)."""
    resolve = ec._resolver()
    out: list[Scored] = []
    with CAL.disabled(raw):
        for p in ec.load_corpus(root, splits):
            events = extract_text(p.text, file=f"{p.id}.txt", session=p.session).events
            gold = [e.facts() for e in p.events]
            pred = [{(resolve(a), c) for a, c in _fact_list(e)} for e in events]
            pairs = {pi: (gi, flip) for gi, pi, _s, flip in ec.match(gold, pred)}
            for pi, e in enumerate(events):
                hit = pairs.get(pi)
                for f in pred[pi]:
                    right = False
                    if hit is not None:
                        gi, flip = hit
                        right = (ec.flipped({f}) if flip else {f}) <= gold[gi]
                    where = f"{root.name}:{p.id}"
                    out.append(Scored(e.confidence, e.cue, right, where, len(pred[pi])))
    return out


def seed_facts(seeds: Path, gold_dir: Path, raw: bool = False) -> list[Scored]:
    """Scored facts of the extractor on the seed reports (matching of extract_accuracy.py)."""
    gold = ea.load_gold(gold_dir) if gold_dir.is_dir() else {}
    out: list[Scored] = []
    if not seeds.is_dir():
        return out
    with CAL.disabled(raw):
        for path in sorted(seeds.iterdir()):
            if path.name not in gold:
                continue
            events = extract_file(path).events
            g = gold[path.name]
            pairs = {pi: gi for gi, pi in ea.match(g, events)}
            for pi, e in enumerate(events):
                members = g[pairs[pi]].members if pi in pairs else set()
                pm = ea.pred_members(e)
                for m in pm:
                    where = f"seeds:{path.name}"
                    out.append(Scored(e.confidence, e.cue, m in members, where, len(pm)))
    return out


# --- measures --------------------------------------------------------------------------------

BINS = 10


def _bin(conf: float) -> int:
    return min(BINS - 1, max(0, int(conf * BINS)))


def brier(facts: list[Scored]) -> float:
    return sum((f.confidence - f.right) ** 2 for f in facts) / len(facts) if facts else 0.0


def ece(facts: list[Scored]) -> float:
    """Expected calibration error over 10 equal-width confidence bins, weighted by facts."""
    bins: dict[int, list[Scored]] = {}
    for f in facts:
        bins.setdefault(_bin(f.confidence), []).append(f)
    total = 0.0
    for fs in bins.values():
        conf = sum(f.confidence for f in fs) / len(fs)
        acc = sum(f.right for f in fs) / len(fs)
        total += len(fs) * abs(conf - acc)
    return total / len(facts) if facts else 0.0


def auc(facts: list[Scored]) -> float:
    """Chance that a right fact has a higher confidence than a wrong one (ties count half):
    0.5 means the confidence does not rank, 1.0 that it separates them."""
    right = sorted(f.confidence for f in facts if f.right)
    wrong = [f.confidence for f in facts if not f.right]
    if not right or not wrong:
        return 0.5
    import bisect

    won = sum(
        len(right)
        - bisect.bisect_right(right, w)
        + 0.5 * (bisect.bisect_right(right, w) - bisect.bisect_left(right, w))
        for w in wrong
    )
    return won / (len(right) * len(wrong))


def report(name: str, facts: list[Scored]) -> None:
    print(f"\n== {name}: {len(facts)} predicted facts, {sum(f.right for f in facts)} right")
    if not facts:
        return
    print(f"  {'confidence':12} {'facts':>6} {'right':>6} {'mean conf':>10}")
    bins: dict[int, list[Scored]] = {}
    for f in facts:
        bins.setdefault(_bin(f.confidence), []).append(f)
    for b in sorted(bins):
        fs = bins[b]
        label = f"{b / BINS:.1f}-{(b + 1) / BINS:.1f}"
        conf = sum(f.confidence for f in fs) / len(fs)
        print(f"  {label:12} {len(fs):6d} {sum(f.right for f in fs) / len(fs):6.2f} {conf:10.2f}")
    for title, key in (
        ("event size", lambda f: CAL.size_of(f.n_facts)),
        ("cue class", lambda f: CAL.event_class(f.cue)),
    ):
        print(f"  {title:40} {'facts':>6} {'right':>6} {'mean conf':>10}")
        classes: dict[str, list[Scored]] = {}
        for f in facts:
            classes.setdefault(key(f), []).append(f)
        for cls, fs in sorted(classes.items(), key=lambda kv: -len(kv[1])):
            conf = sum(f.confidence for f in fs) / len(fs)
            right = sum(f.right for f in fs) / len(fs)
            print(f"  {cls:40} {len(fs):6d} {right:6.2f} {conf:10.2f}")
    print(f"  Brier {brier(facts):.3f}   ECE {ece(facts):.3f}   AUC {auc(facts):.3f}")


# --- fitting ---------------------------------------------------------------------------------


def fit(facts: list[Scored], strength: float = CAL.STRENGTH) -> dict[str, tuple[float, int]]:
    """Per table key: (reliability, facts seen), smoothed toward a parent share.

    A fact counts for its event's cue keys (calibration.keys: class, group, "*") and for its
    size key. A key's reliability is its share of right facts shrunk toward its parent's,
    (right + k * parent) / (n + k) with k = `strength` pseudo-facts (class -> group -> "*",
    size -> "*"); "*" itself is (right + 1) / (n + 2). A key seen on few facts thus stays
    near its parent.
    """
    counts: dict[str, list[int]] = {}
    parent: dict[str, str] = {}
    for f in facts:
        cue_keys, size = CAL.keys(f.cue, f.n_facts)
        for i, k in enumerate(cue_keys):
            if i + 1 < len(cue_keys):
                parent[k] = cue_keys[i + 1]
        parent[size] = "*"
        for k in (*cue_keys, size):
            c = counts.setdefault(k, [0, 0])
            c[0] += f.right
            c[1] += 1
    out: dict[str, tuple[float, int]] = {}

    def rel(k: str) -> float:
        if k not in out:
            r, n = counts[k]
            if k in parent:
                prior = rel(parent[k])
                out[k] = (round((r + strength * prior) / (n + strength), 3), n)
            else:
                out[k] = (round((r + 1) / (n + 2), 3), n)
        return out[k][0]

    for k in counts:
        rel(k)
    return out


def write_table(table: dict[str, tuple[float, int]], path: Path = CAL.TABLE) -> None:
    lines = [
        "# key\treliability\tfacts (written by bench/extract_calibration.py --fit: share of",
        "# right facts on the in-repo corpus dev half + seed reports, each key smoothed toward",
        "# its parent; loaders/extract/calibration.py combines class and size)",
    ]
    for key in sorted(table, key=lambda k: (k != "*", "facts" not in k, k)):
        rel, n = table[key]
        lines.append(f"{key}\t{rel:.3f}\t{n}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", help="corpus folder with dev/ (repeatable)")
    ap.add_argument("--split", choices=("dev", "test", "both"), default="dev")
    ap.add_argument("--seeds", default=str(SHARED / "seeds"))
    ap.add_argument("--gold", default=str(ROOT / "data" / "positions"))
    ap.add_argument("--no-seeds", action="store_true", help="leave out the seed reports")
    ap.add_argument("--raw", action="store_true", help="the rules' confidences, uncalibrated")
    ap.add_argument("--fit", action="store_true", help="refit the table on the in-repo data")
    args = ap.parse_args(argv)
    splits = ec.SPLITS if args.split == "both" else (args.split,)
    if args.fit:
        facts = corpus_facts(ec.CORPUS, ("dev",), raw=True)
        facts += seed_facts(Path(args.seeds), Path(args.gold), raw=True)
        table = fit(facts)
        write_table(table)
        print(f"fitted {len(table)} classes on {len(facts)} facts -> {CAL.TABLE}")
        CAL.reload()
    corpora = [Path(c) for c in args.corpus or [str(ec.CORPUS)]]
    everything: list[Scored] = []
    for root in corpora:
        facts = corpus_facts(root, splits, args.raw)
        everything += facts
        report(f"{root} ({'/'.join(splits)})", facts)
    if not args.no_seeds:
        facts = seed_facts(Path(args.seeds), Path(args.gold), args.raw)
        everything += facts
        report("seed reports", facts)
    if len(corpora) > 1 or not args.no_seeds:
        report("all of the above", everything)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
