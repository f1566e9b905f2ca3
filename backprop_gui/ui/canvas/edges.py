"""One item that paints every edge, grouped by pen, so a large network stays fast.

Line geometry is built once per architecture. A snapshot only re-sorts the edges into pen
buckets (2 signs × WIDTH_STEPS widths, assigned with numpy) and repaints. Weight labels are
painted only when numbers are on, the network is small and the zoom leaves them readable.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from backprop_gui.ui import style
from backprop_gui.ui.canvas.geometry import NAME_HEIGHT, NetworkGeometry
from backprop_gui.ui.canvas.placement import place_edge_labels
from backprop_gui.ui.canvas.text import TextCache

WIDTH_STEPS = 8
"""Pen widths per sign; the widest goes to the largest |w| of the network."""

MIN_WIDTH = 0.75
MAX_WIDTH = 8.0
"""Pen widths in scene units (pixels at zoom 1)."""

MAX_LABELLED_EDGES = 48
"""Above this many edges, weight labels would cover each other: the tooltips show them."""

LABEL_PIXELS = 16
"""Label text height in scene units."""

MIN_READABLE_PIXELS = 9.0
"""Text smaller than this on screen is not drawn."""

LABEL_TEMPLATES = ("−0,000", "−0,00000", "−0,000 → −0,0000")
"""A wide label of each kind (weight, gradient, change): the placement keeps such boxes apart."""

LABEL_TINTS = (None, "backward", "update")
"""The phase colour that tints the labels of each kind, so ∂E/∂w never passes for w."""

CROWDED = 400
"""Above this many edges, they are drawn thinner, so the layers show through."""

MAX_DRAWN_EDGES = 800
"""Above this many edges, only the strongest of each layer are drawn (the rest would be a
hairball of sub-pixel lines, and too slow to paint at 30 frames per second)."""


def label_font() -> QFont:
    font = QFont()
    font.setPixelSize(LABEL_PIXELS)
    return font


class EdgesItem(QGraphicsItem):
    """Every edge of a network: colour by sign, width by |w|, optional value labels."""

    def __init__(self, geometry: NetworkGeometry, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self._geometry = geometry
        self._lines = [
            QLineF(x1, y1, x2, y2)
            for (x1, y1), (x2, y2) in zip(
                geometry.edge_start.tolist(), geometry.edge_end.tolist(), strict=True
            )
        ]
        crowded = geometry.n_edges > CROWDED
        widest = min(MAX_WIDTH, 0.07 * geometry.metrics.row_spacing) * (0.6 if crowded else 1.0)
        self.widths = np.linspace(MIN_WIDTH * (0.6 if crowded else 1.0), widest, WIDTH_STEPS)
        # Opaque pens: translucent lines paint several times slower.
        self._pens = [
            self._pen(color, width)
            for color in (style.POSITIVE, style.NEGATIVE)
            for width in self.widths
        ]
        self._neutral_pen = self._pen(style.NEUTRAL, MIN_WIDTH * 2)
        self.drawn_count = geometry.n_edges
        """How many edges are painted (the strongest ones, in a large network)."""
        self.buckets = np.full(geometry.n_edges, -1)
        """Pen index of each edge: sign * WIDTH_STEPS + width step; -1 before any weight."""
        self._groups: list[tuple[QPen, list[QLineF]]] = [(self._neutral_pen, self._lines)]
        self._labels: list[str] = []
        self._label_kind = 0
        self._label_centres: dict[int, np.ndarray] = {}
        self._show_numbers = False
        self.selected: int | None = None
        self.flash_strength = 0.0
        left, top, right, bottom = geometry.bounds
        self._bounds = QRectF(left, top, right - left, bottom - top).adjusted(-20, -20, 20, 20)
        self._font = label_font()
        self._texts = TextCache(self._font)

    @staticmethod
    def _pen(color: str, width: float) -> QPen:
        pen = QPen(style.qcolor(color), float(width))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    # -- data --------------------------------------------------------------------------------

    def set_weights(self, weights: np.ndarray | None) -> None:
        """Sort the edges into pen buckets from the flat weights (None: all neutral)."""
        if weights is None:
            self.drawn_count = self._geometry.n_edges
            self.buckets = np.full(self._geometry.n_edges, -1)
            self._groups = [(self._neutral_pen, self._lines)]
            self.update()
            return
        magnitude = np.abs(weights)
        largest = magnitude.max() if magnitude.size else 0.0
        if not np.isfinite(largest) or largest <= 0.0:
            steps = np.zeros(magnitude.shape, dtype=np.intp)
        else:
            steps = np.minimum((magnitude / largest * WIDTH_STEPS).astype(np.intp), WIDTH_STEPS - 1)
        self.buckets = np.where(weights < 0, WIDTH_STEPS, 0) + steps
        drawn = self._strongest(magnitude)
        self.drawn_count = drawn.size
        buckets = self.buckets[drawn]
        order = drawn[np.argsort(buckets, kind="stable")]
        counts = np.bincount(buckets, minlength=2 * WIDTH_STEPS)
        ends = np.cumsum(counts)
        lines = self._lines
        self._groups = [
            (self._pens[bucket], [lines[k] for k in order[end - count : end].tolist()])
            for bucket, (count, end) in enumerate(zip(counts.tolist(), ends.tolist(), strict=True))
            if count
        ]
        self.update()

    def _strongest(self, magnitude: np.ndarray) -> np.ndarray:
        """Flat indices of the edges to draw: all, or the MAX_DRAWN_EDGES strongest.

        Strength is |w| relative to the largest |w| of the same layer, so that a layer of
        small weights keeps its strongest edges on screen.
        """
        geometry = self._geometry
        if geometry.n_edges <= MAX_DRAWN_EDGES:
            return np.arange(geometry.n_edges)
        offsets = geometry.edge_offsets
        largest = np.maximum.reduceat(magnitude, offsets[:-1])[geometry.edge_layer]
        relative = np.divide(magnitude, largest, out=np.zeros_like(magnitude), where=largest > 0)
        relative = np.nan_to_num(relative)
        return np.sort(np.argpartition(-relative, MAX_DRAWN_EDGES)[:MAX_DRAWN_EDGES])

    def set_labels(self, labels: list[str], kind: int) -> None:
        """Label texts in flat edge order; ``kind`` indexes LABEL_TEMPLATES (box size)."""
        self._labels = labels
        self._label_kind = kind
        if self._show_numbers:
            self.update()

    def set_show_numbers(self, on: bool) -> None:
        self._show_numbers = on
        self.update()

    def set_selected(self, flat: int | None) -> None:
        self.selected = flat
        self.update()

    def set_flash(self, strength: float) -> None:
        self.flash_strength = strength
        self.update()

    @property
    def labels(self) -> list[str]:
        """The label of each edge for the current phase (painted only when readable)."""
        return self._labels

    @property
    def edge_count(self) -> int:
        return self._geometry.n_edges

    def pen_of(self, flat: int) -> QPen:
        """The pen edge ``flat`` is painted with."""
        bucket = int(self.buckets[flat])
        return self._neutral_pen if bucket < 0 else self._pens[bucket]

    def labels_visible(self, level_of_detail: float) -> bool:
        """Whether labels are painted at this zoom (scale of scene units to pixels)."""
        return (
            self._show_numbers
            and bool(self._labels)
            and self._geometry.n_edges <= MAX_LABELLED_EDGES
            and level_of_detail * LABEL_PIXELS >= MIN_READABLE_PIXELS
        )

    def label_centres(self) -> np.ndarray:
        """Where the labels of the current kind sit (computed once per kind)."""
        kind = self._label_kind
        if kind not in self._label_centres:
            metrics = QFontMetricsF(self._font)
            half_width = metrics.horizontalAdvance(LABEL_TEMPLATES[kind]) / 2 + 5
            half_height = metrics.height() / 2 + 2
            self._label_centres[kind] = place_edge_labels(
                self._geometry, half_width, half_height, self._obstacles(half_width)
            )
        return self._label_centres[kind]

    def _obstacles(self, badge_half_width: float) -> np.ndarray:
        """Neurons with their names, and bias badges as wide as a label of the same kind."""
        geometry = self._geometry
        r = geometry.metrics.radius + 4
        # Numbers on: each neuron's name sits under it.
        neurons = np.hstack(
            [geometry.centers - r, geometry.centers + np.array([r, r + NAME_HEIGHT])]
        )
        badge = geometry.metrics.badge_height
        hidden = geometry.centers[geometry.layer_offsets[1] :]
        badges = np.column_stack(
            [
                hidden[:, 0] - badge_half_width,
                hidden[:, 1] - geometry.metrics.radius - badge - 4,
                hidden[:, 0] + badge_half_width,
                hidden[:, 1] - geometry.metrics.radius,
            ]
        )
        return np.vstack([neurons, badges])

    # -- painting ----------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if self.flash_strength > 0.0:
            glow = QPen(
                style.blend(style.FLASH, style.BACKGROUND, self.flash_strength), MAX_WIDTH + 10.0
            )
            glow.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(glow)
            for _, lines in self._groups:
                painter.drawLines(lines)
        for pen, lines in self._groups:
            painter.setPen(pen)
            painter.drawLines(lines)
        if self.selected is not None:
            self._paint_selected(painter, self.selected)
        if self.labels_visible(lod):
            self._paint_labels(painter)

    def _paint_selected(self, painter: QPainter, flat: int) -> None:
        line = self._lines[flat]
        pen = self.pen_of(flat)
        outline = QPen(style.qcolor(style.SELECTION), pen.widthF() + 6.0)
        outline.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(outline)
        painter.drawLine(line)
        inner = QPen(pen)
        inner.setWidthF(pen.widthF() + 2.0)
        painter.setPen(inner)
        painter.drawLine(line)

    def _paint_labels(self, painter: QPainter) -> None:
        height = self._texts.metrics.height() + 2
        tint = LABEL_TINTS[self._label_kind]
        background = QBrush(
            style.qcolor(style.BACKGROUND)
            if tint is None
            else style.blend(style.PHASE_COLORS[tint], style.BACKGROUND, 0.25)
        )
        text_pen = QPen(style.qcolor(style.TEXT))
        centres = self.label_centres()
        selected = self.selected
        for flat, (text, (x, y)) in enumerate(zip(self._labels, centres.tolist(), strict=True)):
            if math.isnan(x):
                continue
            width = self._texts.width(text) + 8
            box = QRectF(x - width / 2, y - height / 2, width, height)
            border = QPen(self.pen_of(flat).color(), 2.5 if flat == selected else 1.2)
            painter.setPen(border)
            painter.setBrush(background)
            painter.drawRoundedRect(box, 5, 5)
            painter.setPen(text_pen)
            self._texts.draw(painter, text, x, y)
