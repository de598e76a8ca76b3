"""Regenerate data/votes/unga_cybercrime_resolutions.csv from the unvotes data.

The two recorded General Assembly votes that frame the cybercrime negotiations, in the generic
roll-call layout (loaders/votes.py): A/RES/73/187 (17 Dec 2018, rcid 6138) and A/RES/74/247
(27 Dec 2019, rcid 9087, which created the Ad Hoc Committee: 79 yes, 60 no, 33 abstain).

    python bench/make_bundled_votes.py [--unvotes ../shared/data/unvotes] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.votes import BUNDLED, make_bundled, read_votes  # noqa: E402

EXPECTED = {"UNGA-RC-9087": {"yes": 79, "no": 60, "abstain": 33}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unvotes", type=Path, default=ROOT.parent / "shared" / "data" / "unvotes")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / BUNDLED)
    args = ap.parse_args(argv)
    out = make_bundled(args.unvotes, args.out)
    data = read_votes(out)  # read back through the generic layout
    ok = True
    for rc in data.roll_calls:
        tally = Counter(v.vote for v in data.votes if v.roll_call == rc.id)
        print(f"{rc.id} {rc.session} {rc.date} {rc.resolution}: yes {tally['yes']}, "
              f"no {tally['no']}, abstain {tally['abstain']}")  # fmt: skip
        if rc.id in EXPECTED and dict(tally) != EXPECTED[rc.id]:
            print(f"  expected {EXPECTED[rc.id]}", file=sys.stderr)
            ok = False
    print(f"wrote {out} ({len(data.votes)} votes)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
