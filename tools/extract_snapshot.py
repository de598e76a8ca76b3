"""Snapshot of the extractor's output, to check that a change leaves it unchanged.

    python tools/extract_snapshot.py OUT.json [--corpus DIR ...] [--seeds DIR] [--ignore KEY ...]
    python tools/extract_snapshot.py --compare A.json B.json [--ignore confidence]

Writes the `to_json` layout of `extract_text` on every dev passage of every corpus given
(default: the in-repo corpus, bench/extract_corpus) and on every seed report (default
../shared/seeds), one document per passage or report. `--compare` prints the documents that
differ (optionally ignoring some event keys, e.g. `confidence` after a recalibration) and exits
non-zero if any does. `--raw` writes the rules' own confidences (no calibration table).
Only the dev halves are read: the held-out halves never are.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BLOCS_SHARED_DIR") or ROOT.parent / "shared")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def snapshot(corpora: list[Path], seeds: Path) -> dict:
    import extract_corpus as ec

    from loaders.extract import extract_text, to_json

    results = []
    for root in corpora:
        for p in ec.load_corpus(root, ("dev",)):
            res = extract_text(p.text, file=f"{p.id}.txt", session=p.session)
            results.append((f"{root}:{p.id}", res))
    if seeds.is_dir():
        for path in sorted(seeds.iterdir()):
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                results.append((f"seeds:{path.name}", extract_text(text, file=path.name)))
    return to_json(results, unresolved=True)


def _strip(doc: dict, ignore: set[str]) -> dict:
    if not ignore:
        return doc
    out = dict(doc)
    out["events"] = [{k: v for k, v in e.items() if k not in ignore} for e in doc["events"]]
    return out


def compare(a: dict, b: dict, ignore: set[str]) -> int:
    da = {d["file"]: _strip(d, ignore) for d in a["documents"]}
    db = {d["file"]: _strip(d, ignore) for d in b["documents"]}
    bad = sorted(k for k in da.keys() | db.keys() if da.get(k) != db.get(k))
    for k in bad:
        print(f"differs: {k}")
    print(f"{len(da)} / {len(db)} documents, {len(bad)} differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", help="write the snapshot here")
    ap.add_argument("--corpus", action="append", help="corpus folder with dev/ (repeatable)")
    ap.add_argument("--seeds", default=str(SHARED / "seeds"))
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    ap.add_argument("--ignore", action="append", default=[], help="event key to leave out")
    ap.add_argument("--raw", action="store_true", help="the rules' confidences, uncalibrated")
    args = ap.parse_args(argv)
    if args.compare:
        try:
            a, b = (json.loads(Path(x).read_text(encoding="utf-8")) for x in args.compare)
        except (OSError, ValueError) as exc:
            print(f"cannot read a snapshot: {exc}", file=sys.stderr)
            return 2
        return compare(a, b, set(args.ignore))
    if not args.out:
        ap.error("give OUT.json or --compare A B")
    corpora = [Path(c) for c in args.corpus or [str(ROOT / "bench" / "extract_corpus")]]
    from loaders.extract import calibration

    with calibration.disabled(args.raw):
        doc = snapshot(corpora, Path(args.seeds))
    Path(args.out).write_text(json.dumps(doc, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(doc['documents'])} documents -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
