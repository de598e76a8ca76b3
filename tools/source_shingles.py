"""Fingerprint a web source's text so tests can prove nothing was copied from it.

The repository never holds third-party sentences. To check that a dataset file copies no run of
8 words from the page it encodes, we keep only hashes of the page's 8-word runs (blake2b, 8
bytes, sorted): the words cannot be read back, but a copied run is found.

Usage: python tools/source_shingles.py PAGE.txt [PAGE2.txt ...] -o tests/source_shingles/NNN.txt
(PAGE.txt: the page text as read, saved outside the repository.)
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

RUN = 8
_WORD = re.compile(r"\w+")  # any script: a Russian or Chinese page is fingerprinted too


def words(text: str) -> list[str]:
    """Case- and accent-folded words: punctuation and accents do not hide a copied run."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return _WORD.findall(folded.replace("\u2019", "'").replace("'", ""))


def shingles(text: str, run: int = RUN) -> set[str]:
    w = words(text)
    return {
        hashlib.blake2b(" ".join(w[i : i + run]).encode(), digest_size=8).hexdigest()
        for i in range(len(w) - run + 1)
    }


def copied_runs(text: str, fingerprints: Iterable[str], run: int = RUN) -> list[str]:
    """The 8-word runs of `text` whose hash is among `fingerprints`."""
    known = set(fingerprints)
    w = words(text)
    out = []
    for i in range(len(w) - run + 1):
        piece = " ".join(w[i : i + run])
        if hashlib.blake2b(piece.encode(), digest_size=8).hexdigest() in known:
            out.append(piece)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="+", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    found: set[str] = set()
    for page in args.pages:
        found |= shingles(page.read_text(encoding="utf-8", errors="replace"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(sorted(found)) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(found)} fingerprints of {RUN}-word runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
