"""Short labels for actors: a country's short name where it fits, its code where it does not.

Names come from the store (pycountry's common names, via `data/actors.yaml`). Long ones get
the abbreviation a newspaper would print ("UK", "DR Congo", "St Vincent"); a name still
wider than `max_width` points falls back to the ISO 3166 alpha-3 code, and so do groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from matplotlib.figure import Figure

from graphkit.plots.text import measure

SHORT = {
    "ARE": "UAE",
    "ATG": "Antigua",
    "BIH": "Bosnia",
    "BRN": "Brunei",
    "CAF": "CAR",
    "COD": "DR Congo",
    "COG": "Congo",
    "DOM": "Dominican R.",
    "FSM": "Micronesia",
    "GBR": "UK",
    "GNB": "G.-Bissau",
    "GNQ": "Eq. Guinea",
    "KNA": "St Kitts",
    "LCA": "St Lucia",
    "MHL": "Marshall Is.",
    "MKD": "N. Macedonia",
    "PNG": "Papua NG",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SLB": "Solomon Is.",
    "STP": "São Tomé",
    "SYR": "Syria",
    "TTO": "Trinidad",
    "USA": "US",
    "VAT": "Holy See",
    "VCT": "St Vincent",
    "LAO": "Laos",
    "IRN": "Iran",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "VNM": "Viet Nam",
}
MAX_NAME_PT = 44.0  # at 6.5 pt, "Netherlands" fits; "Liechtenstein" gets its code


def short_name(code: str, name: str | None) -> str:
    """The short form of one actor's name (no width check)."""
    if code in SHORT:
        return SHORT[code]
    if not name or name == code:
        return code
    name = name.removeprefix("the ").strip()
    return name.split(" (")[0].split(",")[0].strip() or code


def actor_labels(
    actors: Iterable[str],
    names: Mapping[str, str] | None,
    fig: Figure,
    size: float,
    *,
    kinds: Mapping[str, str] | None = None,
    max_width: float = MAX_NAME_PT,
) -> dict[str, str]:
    """Label per actor: its short name if at most `max_width` points wide at `size`, else its
    code. Without `names` every label is the code; groups keep their codes."""
    out = {}
    for code in actors:
        label = code
        if names and (kinds or {}).get(code) != "group" and "_" not in code:
            candidate = short_name(code, names.get(code))
            if measure(fig, candidate, size)[0] <= max_width:
                label = candidate
        out[code] = label
    return out
