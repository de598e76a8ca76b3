"""Write the per-session coverage table of the bundled dataset into data/README.md.

Usage: python tools/dataset_coverage.py [--check]   (--check: exit 1 if the README is stale)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.coverage import BEGIN, END, coverage_table  # noqa: E402

README = ROOT / "data" / "README.md"


def updated(text: str, table: str) -> str:
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{README}: coverage markers missing ({BEGIN} ... {END})")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{table}\n{END}{tail}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    args = ap.parse_args()
    text = README.read_text(encoding="utf-8")
    new = updated(text, coverage_table())
    if args.check:
        print("data/README.md coverage table is", "current" if new == text else "STALE")
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    print(f"wrote the coverage table into {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
