"""Text measured with the renderer, and figures built top to bottom at a fixed width.

Every block of text is measured before it is placed (`measure`), wrapped to the width it has
(`wrap`, which keeps short parenthesised groups on one line), and stacked by `Sheet`, so the
figure's height is the sum of what it holds and nothing lands on anything else. `text_boxes`,
`overlapping_texts` and `texts_outside` are the checks the tests (and tools/make_figures.py)
run on every figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Circle, Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from graphkit.plots.style import COLUMN_IN, INK, MARGIN_IN, TEXT_PT, new_figure

_TOKEN = re.compile(r"\S*\([^()]{0,48}\)\S*|\S+")  # a short "(...)" group stays one token


def measure(fig: Figure, text: str, size: float, weight: str = "normal") -> tuple[float, float]:
    """Width and height in points of `text` (any number of lines) as the renderer draws it."""
    if not text:
        return 0.0, 0.0
    key = ("box", text, float(size), weight, float(fig.dpi))
    if key not in _CACHE:
        t = Text(0, 0, text, fontsize=size, fontweight=weight)
        t.set_figure(fig)
        box = t.get_window_extent(fig.canvas.get_renderer())
        _CACHE[key] = (box.width * 72.0 / fig.dpi, box.height * 72.0 / fig.dpi)
    return _CACHE[key]


def text_width(fig: Figure, text: str, size: float, weight: str = "normal") -> float:
    """Width in points of one line of text (the renderer's metrics; faster than `measure`)."""
    key = ("w", text, float(size), weight, float(fig.dpi))
    if key not in _CACHE:
        prop = FontProperties(size=size, weight=weight)
        w, _, _ = fig.canvas.get_renderer().get_text_width_height_descent(text, prop, ismath=False)
        _CACHE[key] = w * 72.0 / fig.dpi
    return _CACHE[key]


# text metrics depend on the string, font and dpi only, and figures measure the same strings
# many times (wrapping tries every line length); bounded so a long session cannot grow it
class _Bounded(dict):
    def __setitem__(self, key, value) -> None:
        if len(self) >= 50_000:
            self.clear()
        super().__setitem__(key, value)


_CACHE: dict = _Bounded()


def text_sizes(labels: Sequence[str], font_size: float, fig: Figure) -> np.ndarray:
    """(n, 2) width and height of each one-line label in points."""
    out = np.zeros((len(labels), 2))
    for i, label in enumerate(labels):
        out[i] = measure(fig, str(label), font_size)
    return out


def wrap(fig: Figure, text: str, width_pt: float, size: float, weight: str = "normal") -> str:
    """`text` broken into lines no wider than `width_pt` (measured), paragraph by paragraph."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for token in _TOKEN.findall(para):
            pieces = [token]
            if text_width(fig, token, size, weight) > width_pt:
                pieces = token.split(" ")  # a group too long for any line: break it by words
            for piece in pieces:
                trial = f"{line} {piece}" if line else piece
                if line and text_width(fig, trial, size, weight) > width_pt:
                    lines.append(line)
                    line = piece
                else:
                    line = trial
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class KeyRow:
    """One legend row: a swatch (dot, box, hatched box, line) and its text."""

    text: str
    color: str | tuple = INK
    kind: str = "dot"
    edge: str | None = None
    hatch: str | None = None
    gid: str | None = None


@dataclass
class _Item:
    height: float  # inches
    draw: Callable[[float], None]  # called with the item's top, in inches from the bottom


class Sheet:
    """A figure of fixed width (default: one 16 cm column) assembled top to bottom.

    Add title lines, axes, legends (`key`) and captions in reading order; `finish` sizes the
    figure to their total height and places them. Text is measured when added.
    """

    def __init__(self, width: float = COLUMN_IN, margin: float = MARGIN_IN) -> None:
        self.fig = new_figure(width, 4.0)
        self.width, self.margin = width, margin
        self.inner = width - 2 * margin
        self._items: list[_Item] = []
        self._height: float | None = None

    # -- measuring ------------------------------------------------------------------------
    def measure(self, text: str, size: float, weight: str = "normal") -> tuple[float, float]:
        """Width and height in inches."""
        w, h = measure(self.fig, text, size, weight)
        return w / 72.0, h / 72.0

    def wrap(self, text: str, size: float, width: float | None = None, weight="normal") -> str:
        return wrap(self.fig, text, 72.0 * (width or self.inner), size, weight)

    # -- content --------------------------------------------------------------------------
    def space(self, height: float) -> None:
        self._items.append(_Item(height, lambda top: None))

    def text(
        self,
        text: str,
        *,
        size: float = TEXT_PT,
        weight: str = "normal",
        color: str = INK,
        align: str = "left",
        gid: str | None = None,
        gap: float = 0.04,
    ) -> None:
        """A paragraph wrapped to the inner width, then `gap` inches of space."""
        if not text:
            return
        body = self.wrap(text, size, weight=weight)
        _, h = self.measure(body, size, weight)
        x = {"left": self.margin, "center": self.width / 2, "right": self.width - self.margin}
        fig = self.fig

        def draw(top: float) -> None:
            fig.text(
                x[align],
                top,
                body,
                transform=fig.dpi_scale_trans,
                ha=align,
                va="top",
                fontsize=size,
                fontweight=weight,
                color=color,
                gid=gid,
            )

        self._items.append(_Item(h + gap, draw))

    def axes(
        self,
        height: float,
        *,
        left: float | None = None,
        width: float | None = None,
        above: float = 0.0,
        below: float = 0.0,
    ) -> Axes:
        """Axes of `height` x `width` inches, `above`/`below` inches kept free for labels."""
        left = self.margin if left is None else left
        return self.axes_row(
            height, [(left, self.inner if width is None else width)], above=above, below=below
        )[0]

    def axes_row(
        self,
        height: float,
        boxes: Sequence[tuple[float, float]],
        *,
        above: float = 0.0,
        below: float = 0.0,
    ) -> list[Axes]:
        """Axes side by side, one per (left, width) in inches, all `height` tall."""
        axes = [self.fig.add_axes((0, 0, 1, 1)) for _ in boxes]

        def draw(top: float) -> None:
            y0 = top - above - height
            for ax, (left, width) in zip(axes, boxes, strict=True):
                ax.set_position(
                    (
                        left / self.width,
                        y0 / self._height,
                        width / self.width,
                        height / self._height,
                    )
                )

        self._items.append(_Item(above + height + below, draw))
        return axes

    def key(
        self,
        rows: Sequence[KeyRow],
        *,
        size: float = TEXT_PT,
        title: str | None = None,
        max_columns: int = 3,
        gap: float = 0.06,
    ) -> None:
        """A legend: swatch and text per row, in as many columns as the texts allow."""
        if title:
            self.text(title, size=size, weight="bold", gap=0.03, gid="key-title")
        if not rows:
            return
        sw = size / 72.0 * 1.5  # swatch cell width
        widest = max(self.measure(r.text, size)[0] for r in rows) + sw + 0.12
        ncols = max(1, min(max_columns, len(rows), int(self.inner // widest)))
        col_w = self.inner / ncols
        bodies = [self.wrap(r.text, size, col_w - sw - 0.08) for r in rows]
        heights = [self.measure(b, size)[1] + 0.025 for b in bodies]
        nrows = -(-len(rows) // ncols)
        columns = [list(range(c * nrows, min(len(rows), (c + 1) * nrows))) for c in range(ncols)]
        total = max(sum(heights[i] for i in col) for col in columns)
        fig = self.fig

        def draw(top: float) -> None:
            for c, col in enumerate(columns):
                y = top
                x = self.margin + c * col_w
                for i in col:
                    _swatch(fig, rows[i], x, y - size / 72.0 * 0.62, size / 72.0)
                    fig.text(
                        x + sw,
                        y,
                        bodies[i],
                        transform=fig.dpi_scale_trans,
                        va="top",
                        fontsize=size,
                        color=INK,
                        gid=rows[i].gid or f"key:{i}",
                    )
                    y -= heights[i]

        self._items.append(_Item(total + gap, draw))

    def finish(self) -> Figure:
        """Size the figure to its content and place everything."""
        total = sum(item.height for item in self._items) + 2 * self.margin
        self._height = total
        self.fig.set_size_inches(self.width, total)
        top = total - self.margin
        for item in self._items:
            item.draw(top)
            top -= item.height
        return self.fig


def _swatch(fig: Figure, row: KeyRow, x: float, y: float, size: float) -> None:
    """A swatch centred on the first text line (x, y in inches; size = font size in inches)."""
    tr = fig.dpi_scale_trans
    edge = row.edge or "none"
    if row.kind == "dot":
        patch = Circle(
            (x + size * 0.55, y),
            size * 0.42,
            transform=tr,
            facecolor=row.color,
            edgecolor=edge,
            linewidth=0.6,
        )
    elif row.kind == "line":
        patch = Rectangle(
            (x, y - size * 0.06),
            size * 1.1,
            size * 0.12,
            transform=tr,
            facecolor=row.color,
            edgecolor="none",
        )
    else:
        patch = Rectangle(
            (x, y - size * 0.4),
            size * 1.1,
            size * 0.8,
            transform=tr,
            facecolor=row.color,
            edgecolor=edge,
            linewidth=0.6,
            hatch=row.hatch,
        )
    fig.patches.append(patch)


# --------------------------------------------------------------------------- checks


def _texts(fig: Figure) -> list[Text]:
    """The texts a reader sees: figure texts, axes texts and titles, and, on axes that show
    their axes, the tick labels inside the view limits and the axis labels."""
    out = list(fig.texts)
    for legend in fig.legends:
        out += legend.get_texts()
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        out += [*ax.texts, ax.title, ax._left_title, ax._right_title]
        for legend in [ax.get_legend()] if ax.get_legend() else []:
            out += legend.get_texts()
        if not ax.axison:
            continue
        for axis, ticks, labels, lim in (
            (ax.xaxis, ax.get_xticks(), ax.get_xticklabels(), ax.get_xlim()),
            (ax.yaxis, ax.get_yticks(), ax.get_yticklabels(), ax.get_ylim()),
        ):
            if not axis.get_visible():
                continue
            lo, hi = min(lim), max(lim)
            eps = 1e-9 * max(1.0, abs(hi - lo))
            out += [t for v, t in zip(ticks, labels, strict=False) if lo - eps <= v <= hi + eps]
            out.append(axis.label)
    return [t for t in out if t.get_visible() and t.get_text().strip()]


def text_boxes(fig: Figure) -> list[tuple[str, Bbox]]:
    """Every visible text of a drawn figure with its box in pixels (a text's background box,
    e.g. a node's pill, counts as part of it)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    out = []
    for t in _texts(fig):
        box = Text.get_window_extent(t, renderer)  # an annotation's text, not its leader line
        patch = t.get_bbox_patch()
        if patch is not None:
            box = Bbox.union([box, patch.get_window_extent(renderer)])
        out.append((t.get_text(), box))
    return out


def _overlap(a: Bbox, b: Bbox, tolerance: float) -> bool:
    dx = min(a.x1, b.x1) - max(a.x0, b.x0)
    dy = min(a.y1, b.y1) - max(a.y0, b.y0)
    return dx > tolerance and dy > tolerance


def overlapping_texts(fig: Figure, tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes intersect by more than `tolerance` pixels both ways."""
    boxes = text_boxes(fig)
    return [
        (boxes[i][0], boxes[j][0])
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if _overlap(boxes[i][1], boxes[j][1], tolerance)
    ]


def texts_outside(fig: Figure, tolerance: float = 0.5) -> list[str]:
    """Texts that stick out of the figure (they would be cut off in the saved file)."""
    page = fig.bbox
    return [
        text
        for text, box in text_boxes(fig)
        if box.x0 < page.x0 - tolerance
        or box.y0 < page.y0 - tolerance
        or box.x1 > page.x1 + tolerance
        or box.y1 > page.y1 + tolerance
    ]


def smallest_font(fig: Figure) -> float:
    """The smallest font size (points) of any visible text."""
    return min((t.get_fontsize() for t in _texts(fig)), default=float("inf"))
