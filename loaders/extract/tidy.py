"""Phase (e): document-level tidying of the events the Parser built, before they are kept.

A speaker's statement restates its position many times ("We welcome ...", "We believe ...",
"As we have said, ..."): the curated dataset reads such a run as one position, not one event
per sentence. `restatements` folds a bare view stated in the first person (only a statement
verb, no side of its own beyond the speaker's) into the speaker's last position of the same
document with the same side-takers, extending its span.
"""

from __future__ import annotations

from loaders.extract.sentence import Ev


def _camp(ev: Ev) -> frozenset[tuple[str, str]]:
    out = {(c, "A" if s == "support" else s) for c, s in ev.sides.items()}
    if ev.proposer:
        out.add((ev.proposer, "A"))
    return frozenset(out)


def _first_person_view(ev: Ev) -> bool:
    return bool(ev.cues) and all(
        "statement verb" in c and c.startswith("first-person") for c in ev.cues
    )


def restatements(events: list[Ev]) -> list[Ev]:
    """Events without the first-person bare views that repeat an earlier position."""
    out: list[Ev] = []
    last: dict[frozenset, Ev] = {}
    for ev in events:
        camp = _camp(ev)
        prev = last.get(camp)
        if prev is not None and camp and _first_person_view(ev) and not ev.latent:
            prev.spans.extend(ev.spans)
            continue
        out.append(ev)
        if camp and not ev.latent:
            last[camp] = ev
    return out
