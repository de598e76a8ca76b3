"""What the bundled position dataset covers, per session: events, positions, actors, sources.

`tools/dataset_coverage.py` writes this table into data/README.md; a test checks that the
README's table is the one the data gives, so the documentation cannot drift from the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.actors import reference
from loaders.dataset import bundled_position_files, load_sessions, read_positions_file

BEGIN = "<!-- coverage:begin (tools/dataset_coverage.py writes this table) -->"
END = "<!-- coverage:end -->"


@dataclass
class SessionCoverage:
    session: str
    events: int = 0
    positions: int = 0
    actors: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)


def coverage() -> list[SessionCoverage]:
    """Every known session (in `sessions.yaml` order), with what the bundled files hold for it."""
    ref, sessions = reference().copy(), load_sessions()
    rows = {s: SessionCoverage(s) for s in sessions}
    for path in bundled_position_files():
        for ev in read_positions_file(path, ref, sessions):
            row = rows[ev.session]
            named = {*ev.support, *ev.oppose, *ev.neutral} | (
                {ev.proposer} if ev.proposer else set()
            )
            row.events += 1
            row.positions += len(named)
            row.actors |= named
            row.files.add(path.name)
    return list(rows.values())


def coverage_table(rows: list[SessionCoverage] | None = None) -> str:
    """The Markdown table between the README's coverage markers."""
    rows = coverage() if rows is None else rows
    lines = [
        "| session | events | positions | distinct actors | source files |",
        "|---|---:|---:|---:|---|",
    ]
    for r in rows:
        files = ", ".join(f"`{f}`" for f in sorted(r.files)) or "none"
        lines.append(f"| {r.session} | {r.events} | {r.positions} | {len(r.actors)} | {files} |")
    return "\n".join(lines)
