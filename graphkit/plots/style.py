"""What every figure shares: the size it prints at, type sizes, the bloc palette, and the
words that say how a result was made.

Figures are drawn for a 16 cm journal column at their final size (no rescaling when printed):
text is set in points at these sizes, so what is 6.5 pt on screen is 6.5 pt on paper.

Defensive reads of report fields (`significant`, `warnings`, `seed_stability`, `name`): the
figures work with reports that carry them and with older ones that do not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

COLUMN_CM = 16.0
COLUMN_IN = COLUMN_CM / 2.54  # one journal column; every figure is exactly this wide
MARGIN_IN = 0.1
TITLE_PT, TEXT_PT, SMALL_PT = 8.5, 7.0, 6.5
MIN_PT = 6.0  # nothing is set smaller (journals ask for >= 6 pt at print size)
DPI = 300  # what `save` writes by default: print resolution

# Stable bloc id mod 8, the same eight colors as the Browser's Color0..Color7 labels in
# cypher/blocs.grass (written by write_blocs.cypher as `bloc % 8`): a bloc looks the same in
# the figures and in the database view.
PALETTE = (
    "#1f77b4",  # blue
    "#ff7f0e",  # orange
    "#2ca02c",  # green
    "#d62728",  # red
    "#9467bd",  # purple
    "#8c564b",  # brown
    "#e377c2",  # pink
    "#17becf",  # cyan
)
UNASSIGNED = "#9e9e9e"  # actors without a bloc (not in the report)
NOT_ANALYSED = "#d9d9d9"  # actors of the chart not analysed in a session
NO_DATA = "#f2f2f2"  # sessions without data
ALLY, OPPONENT = "#2166ac", "#b2182b"  # the ends of the diverging agreement colormap
INK, MUTED = "#222222", "#555555"
LOW_STABILITY = 0.9  # outline actors placed in their bloc in fewer runs than this

SOURCE_WORDS = {
    "positions": "stated positions",
    "votes": "recorded votes",
    "both": "stated positions and recorded votes",
}


def bloc_color(bloc_id: int | None) -> str:
    """The color of a (stable) bloc id; the same id always gets the same color."""
    if bloc_id is None or int(bloc_id) < 0:
        return UNASSIGNED
    return PALETTE[int(bloc_id) % len(PALETTE)]


def ink(color: str) -> str:
    """Black or white, whichever reads better on `color`."""
    r, g, b = matplotlib.colors.to_rgb(color)
    lum = 0.2126 * r**2.2 + 0.7152 * g**2.2 + 0.0722 * b**2.2
    return "black" if lum > 0.2 else "white"


def lighten(color: str, amount: float) -> tuple[float, float, float]:
    """`color` mixed with white (amount 1 = white): an opaque tint, so overlaps do not darken."""
    r, g, b = matplotlib.colors.to_rgb(color)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def new_figure(width: float = COLUMN_IN, height: float = 4.0) -> Figure:
    """A Figure on an Agg canvas: no pyplot state, no GUI backend."""
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


# --------------------------------------------------------------------------- report fields


def bloc_name(bloc) -> str:
    """A bloc's name as every output shows it: the user's `name` if set, else its label."""
    return getattr(bloc, "name", None) or bloc.label


def bloc_title(bloc) -> str:
    return f"#{bloc.id} {bloc_name(bloc)}"


Z_SIGNIFICANT = 3.0  # the README's rule of thumb, used only for reports without the flag


def significance(report) -> bool | None:
    """Whether a report's blocs beat the null model: its `significant` flag where reports carry
    one; for reports without the field, modularity z-score >= 3; None when unknown."""
    if hasattr(report, "significant"):
        value = report.significant
        return None if value is None else bool(value)
    return None if report.zscore is None else report.zscore >= Z_SIGNIFICANT


def significance_rule(report) -> str:
    """How `significance` decided, for captions."""
    if hasattr(report, "significant"):
        return "as the analysis flags it"
    return f"modularity z-score below {Z_SIGNIFICANT:g}"


def warnings_of(report) -> tuple[str, ...]:
    return tuple(getattr(report, "warnings", None) or ())


def stability(report) -> dict[str, float]:
    """Per actor, the share of consensus runs that put it in its bloc."""
    value = getattr(report, "seed_stability", None)
    if callable(value):
        value = value()
    if isinstance(value, Mapping):
        return {a: float(v) for a, v in value.items()}
    return report.confidence()  # reports before seed_stability: the same share of runs


def method_line(report) -> str:
    """The parameters that reproduce a report, in one sentence for captions."""
    grouping = (
        "group statements counted for member states"
        if report.expand_groups
        else ("group statements kept as the group's")
    )
    runs = report.runs
    seeds = f"seed {report.seed}" if runs == 1 else f"seeds {report.seed}-{report.seed + runs - 1}"
    method = "Louvain" if report.method == "louvain" else f"{report.method} Leiden"
    return (
        f"Blocs: consensus of {runs} {method} runs ({report.backend}, resolution "
        f"{report.resolution:g}, {seeds}); actors with at least "
        f"{count(report.min_positions, 'position')}; {grouping}."
    )


def significance_line(report) -> str:
    """What is known about whether the blocs are real (z-score, flag, warnings)."""
    parts = []
    flag = significance(report)
    if flag is not None:
        parts.append("blocs significant" if flag else "blocs NOT significant")
    if report.zscore is not None:
        parts.append(f"modularity z = {report.zscore:.1f} against {report.null_shuffles} shuffles")
    parts.extend(warnings_of(report))
    return ("; ".join(parts) + ".") if parts else ""


def source_words(window: str | None) -> str:
    if not window:
        return ""
    return SOURCE_WORDS.get(window, window)


def count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"


# --------------------------------------------------------------------------- dates


def as_date(value) -> dt.date | None:
    """A date from a store value (date, datetime, 'YYYY-MM-DD', or a Neo4j Date)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def format_period(start, end) -> str:
    """'28 Feb - 11 Mar 2022', '9-20 Jan 2023', or '' without dates."""
    a, b = as_date(start), as_date(end)
    if a is None:
        return ""
    if b is None or b == a:
        return f"{a.day} {a:%b %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}-{b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} - {b.day} {b:%b %Y}"
    return f"{a.day} {a:%b %Y} - {b.day} {b:%b %Y}"


def format_span(first, last) -> str:
    """'Feb 2022 - Aug 2024' for a chart's time range."""
    a, b = as_date(first), as_date(last)
    if a is None or b is None:
        return ""
    return f"{a:%b %Y}" if (a.year, a.month) == (b.year, b.month) else f"{a:%b %Y} - {b:%b %Y}"
