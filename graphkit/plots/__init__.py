"""Figures of bloc results, sized for a 16 cm journal column. Pure: reports, graphs and a
session calendar in, a matplotlib Figure out.

Nothing here reads the database (`graphkit.api` gathers the inputs from a store, so the CLI
and the notebooks call the same functions). Figures use matplotlib's object API on an Agg
canvas: no pyplot state, no GUI backend; in a notebook a returned Figure displays itself.

- `network`: one session's agreement network: a label per actor in its bloc's color, bloc
  hulls, the backbone of the strongest agreements, disagreements on demand.
- `flow`: blocs across sessions on a time axis; gaps for sessions without data; actors not
  analysed in a session shown as such; swing actors outlined and listed.
- `heatmap`: agreement within and between blocs (default) or, `full=True`, every pair.
- `profile`: one actor's closest allies and strongest opponents, session by session.

Each figure module draws; the geometry comes from its layout module (`network_layout`,
`flow_layout`, `matrix`, `profile.rank_relations`), and text is measured before it is placed
(`text.Sheet`), so no two labels overlap at any dpi (`text.overlapping_texts` checks it).

Colors: `bloc_color(id)` is keyed by the stable bloc id (mod 8, like the Browser's
Color0..Color7), so a bloc has one color in every figure and in the database view.
"""

from graphkit.plots.boxes import overlaps, separate, spread
from graphkit.plots.files import SUFFIXES, check_suffix, save
from graphkit.plots.flow import flow
from graphkit.plots.flow_layout import POOL, Band, flow_bands, flow_layout
from graphkit.plots.heatmap import heatmap
from graphkit.plots.matrix import agreement_matrix, bloc_order, bloc_pairs, label_lanes
from graphkit.plots.names import actor_labels, short_name
from graphkit.plots.network import choose_backbone, network
from graphkit.plots.network_layout import Backbone, disparity_edges, network_layout, strongest_edges
from graphkit.plots.profile import profile, rank_relations
from graphkit.plots.style import (
    ALLY,
    COLUMN_CM,
    COLUMN_IN,
    MIN_PT,
    OPPONENT,
    PALETTE,
    UNASSIGNED,
    bloc_color,
    bloc_name,
    ink,
    method_line,
)
from graphkit.plots.text import (
    overlapping_texts,
    smallest_font,
    text_boxes,
    text_sizes,
    texts_outside,
)
from graphkit.plots.timeline import Slot, as_slots

__all__ = [
    "ALLY",
    "Backbone",
    "Band",
    "COLUMN_CM",
    "COLUMN_IN",
    "MIN_PT",
    "OPPONENT",
    "PALETTE",
    "POOL",
    "SUFFIXES",
    "Slot",
    "UNASSIGNED",
    "actor_labels",
    "agreement_matrix",
    "as_slots",
    "bloc_color",
    "bloc_name",
    "bloc_order",
    "bloc_pairs",
    "check_suffix",
    "choose_backbone",
    "disparity_edges",
    "flow",
    "flow_bands",
    "flow_layout",
    "heatmap",
    "ink",
    "label_lanes",
    "method_line",
    "network",
    "network_layout",
    "overlapping_texts",
    "overlaps",
    "profile",
    "rank_relations",
    "save",
    "separate",
    "short_name",
    "smallest_font",
    "spread",
    "strongest_edges",
    "text_boxes",
    "text_sizes",
    "texts_outside",
]
