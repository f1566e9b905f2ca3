"""One item that paints every edge, grouped by pen, so a large network stays fast.

Line geometry is built once per architecture. A snapshot only re-sorts the edges into pen
buckets (2 signs × WIDTH_STEPS widths, assigned with numpy); the lines are stroked into a
layer image only when a bucket, the selection or the zoom changes, and copied otherwise
(stroking antialiased lines is the dearest part of a frame). Weight labels are painted only
when numbers are on, the network is small and the zoom leaves them readable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from backprop_gui.ui import style
from backprop_gui.ui.canvas.boxes import BoxCache, BoxStyle, plain_zoom
from backprop_gui.ui.canvas.formatting import CHANGE_TEMPLATE
from backprop_gui.ui.canvas.geometry import NAME_HEIGHT, NetworkGeometry
from backprop_gui.ui.canvas.layers import Layer
from backprop_gui.ui.canvas.placement import place_edge_labels
from backprop_gui.ui.canvas.text import TextCache, unshaped

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

LABEL_TEMPLATES = ("−0,000", "−0,00000", CHANGE_TEMPLATE)
"""A wide label of each kind (weight, gradient, change): the placement keeps such boxes apart."""

LABEL_TINTS = (None, "backward", "update")
"""The phase colour that tints the labels of each kind, so ∂E/∂w never passes for w."""

LABEL_BORDERS = (style.POSITIVE, style.NEGATIVE, style.NEUTRAL)
"""A label's border has the colour of its edge."""

LABEL_RADIUS = 5.0
LABEL_BORDER = 1.2
SELECTED_LABEL_BORDER = 2.5
"""Label box corner radius and border widths, in scene units."""

CROWDED = 400
"""Above this many edges, they are drawn thinner, so the layers show through."""

MAX_DRAWN_EDGES = 800
"""Above this many edges, only the strongest of each layer are drawn (the rest would be a
hairball of sub-pixel lines, and too slow to paint at 30 frames per second)."""


def label_font() -> QFont:
    font = QFont()
    font.setPixelSize(LABEL_PIXELS)
    return unshaped(font)


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
        self._drawn = np.arange(geometry.n_edges)
        self._weights: np.ndarray | None = None
        self._layer = Layer()
        self._layer_version = 0
        """Bumped whenever the stroked lines would look different."""
        self._labels: list[str] = []
        self._make_labels: Callable[[], list[str]] | None = None
        self._label_kind = 0
        self._placed: tuple[tuple, _PlacedLabels] | None = None
        """The last labels laid out for painting, with what they were laid out from."""
        self._label_centres: dict[int, np.ndarray] = {}
        self._show_numbers = False
        self.selected: int | None = None
        self.flash_strength = 0.0
        left, top, right, bottom = geometry.bounds
        self._bounds = QRectF(left, top, right - left, bottom - top).adjusted(-20, -20, 20, 20)
        ends = np.vstack([geometry.edge_start, geometry.edge_end])
        (x0, y0), (x1, y1) = ends.min(axis=0), ends.max(axis=0)
        reach = MAX_WIDTH + 10.0  # the selection outline, round caps included
        self._lines_bounds = QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-reach, -reach, reach, reach)
        """Where lines can be: the layer image covers no more."""
        self._font = label_font()
        self._texts = TextCache(self._font)
        self._boxes = BoxCache()
        self._label_backgrounds = [
            style.qcolor(style.BACKGROUND)
            if tint is None
            else style.blend(style.PHASE_COLORS[tint], style.BACKGROUND, 0.25)
            for tint in LABEL_TINTS
        ]
        """The fill of the labels of each kind."""

    @staticmethod
    def _pen(color: str, width: float) -> QPen:
        pen = QPen(style.qcolor(color), float(width))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    # -- data --------------------------------------------------------------------------------

    def set_weights(self, weights: np.ndarray | None) -> None:
        """Sort the edges into pen buckets from the flat weights (None: all neutral)."""
        if weights is None:
            self._weights = None
            self.drawn_count = self._geometry.n_edges
            self.buckets = np.full(self._geometry.n_edges, -1)
            self._drawn = np.arange(self._geometry.n_edges)
            self._groups = [(self._neutral_pen, self._lines)]
            self._lines_changed()
            return
        if self._weights is not None and np.array_equal(weights, self._weights):
            self.update()
            return
        self._weights = np.array(weights, dtype=np.float64)
        magnitude = np.abs(weights)
        largest = magnitude.max() if magnitude.size else 0.0
        if not np.isfinite(largest) or largest <= 0.0:
            steps = np.zeros(magnitude.shape, dtype=np.intp)
        else:
            steps = np.minimum((magnitude / largest * WIDTH_STEPS).astype(np.intp), WIDTH_STEPS - 1)
        buckets = np.where(weights < 0, WIDTH_STEPS, 0) + steps
        drawn = self._strongest(magnitude)
        if np.array_equal(buckets, self.buckets) and np.array_equal(drawn, self._drawn):
            self.update()  # the same pens on the same lines: the layer stays valid
            return
        self.buckets = buckets
        self._drawn = drawn
        self.drawn_count = drawn.size
        buckets = buckets[drawn]
        order = drawn[np.argsort(buckets, kind="stable")]
        counts = np.bincount(buckets, minlength=2 * WIDTH_STEPS)
        ends = np.cumsum(counts)
        lines = self._lines
        self._groups = [
            (self._pens[bucket], [lines[k] for k in order[end - count : end].tolist()])
            for bucket, (count, end) in enumerate(zip(counts.tolist(), ends.tolist(), strict=True))
            if count
        ]
        self._lines_changed()

    def _lines_changed(self) -> None:
        self._layer_version += 1
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

    def set_labels(self, labels: list[str] | Callable[[], list[str]], kind: int) -> None:
        """Label texts in flat edge order, or a function that makes them when first needed
        (numbers may stay off); ``kind`` indexes LABEL_TEMPLATES (box size)."""
        if callable(labels):
            self._labels, self._make_labels = [], labels
        else:
            self._labels, self._make_labels = labels, None
        self._label_kind = kind
        if self._show_numbers:
            self.update()

    def set_show_numbers(self, on: bool) -> None:
        self._show_numbers = on
        self.update()

    def set_selected(self, flat: int | None) -> None:
        if flat != self.selected:
            self.selected = flat
            self._lines_changed()

    def set_flash(self, strength: float) -> None:
        self.flash_strength = strength
        self.update()

    @property
    def labels(self) -> list[str]:
        """The label of each edge for the current phase (painted only when readable)."""
        if self._make_labels is not None:
            self._labels, self._make_labels = self._make_labels(), None
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
            and (bool(self._labels) or self._make_labels is not None)
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
            self._paint_lines(painter)  # animated: not worth keeping
        else:
            self._layer.paint(painter, self._layer_version, self._paint_lines, self._lines_bounds)
        if self.labels_visible(lod):
            self._paint_labels(painter)

    def _paint_lines(self, painter: QPainter) -> None:
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
        # The weights show unchanged in two phases in a row: their layout is kept.
        key = (self._label_kind, tuple(self.labels))
        if self._placed is None or self._placed[0] != key:
            self._placed = (key, self._place_labels())
        placed = self._placed[1]
        if not placed.flats:
            return
        # Border colour of each label: that of its edge (0 positive, 1 negative, 2 neutral).
        buckets = self.buckets.tolist()
        colours = [
            2 if buckets[flat] < 0 else int(buckets[flat] >= WIDTH_STEPS) for flat in placed.flats
        ]
        selected = [flat == self.selected for flat in placed.flats]
        transform = painter.worldTransform()
        if plain_zoom(transform):
            self._paint_label_boxes(painter, transform, placed, colours, selected)
        else:
            painter.setBrush(QBrush(placed.background))
            for (x0, y0, x1, y1), colour, chosen in zip(
                placed.boxes, colours, selected, strict=True
            ):
                painter.setPen(self._label_border(colour, chosen, 1.0))
                box = QRectF(x0, y0, x1 - x0, y1 - y0)
                painter.drawRoundedRect(box, LABEL_RADIUS, LABEL_RADIUS)
        painter.setPen(style.qcolor(style.TEXT))
        self._texts.select(painter)
        draw = painter.drawText
        for origin, text in placed.texts:
            draw(origin, text)

    def _place_labels(self) -> _PlacedLabels:
        """Lay out the current labels: which are shown, their boxes and text origins."""
        texts = self._texts
        labels = self.labels
        kind = self._label_kind
        half_height = (texts.height + 2) / 2
        # Boxes as wide as the kind's template, wider only for a longer text: they stay
        # still while the numbers in them change (and their images are reused).
        least = texts.width(LABEL_TEMPLATES[kind]) / 2 + 4
        flats, boxes, centres, widths = [], [], [], []
        for flat, (x, y) in enumerate(self.label_centres().tolist()):
            if x == x:  # not NaN: the label has a spot
                half_width = max(least, texts.width(labels[flat]) / 2 + 4)
                flats.append(flat)
                boxes.append((x - half_width, y - half_height, x + half_width, y + half_height))
                centres.append((x, y))
                widths.append(half_width)
        return _PlacedLabels(
            flats=flats,
            boxes=boxes,
            texts=texts.placed_centred([labels[flat] for flat in flats], centres),
            background=self._label_backgrounds[kind],
            box_key=(kind, tuple(widths)),
        )

    def _paint_label_boxes(
        self,
        painter: QPainter,
        transform: QTransform,
        placed: _PlacedLabels,
        colours: list[int],
        selected: list[bool],
    ) -> None:
        """The label boxes as cached images, in device pixels."""
        scale, dx, dy = transform.m11(), transform.dx(), transform.dy()
        key = (placed.box_key, scale, dx, dy, tuple(colours), tuple(selected))
        self._boxes.paint(
            painter,
            key,
            partial(self._label_boxes, placed, colours, selected, scale, dx, dy),
        )

    def _label_boxes(
        self,
        placed: _PlacedLabels,
        colours: list[int],
        selected: list[bool],
        scale: float,
        dx: float,
        dy: float,
    ) -> list[tuple[float, float, float, float, BoxStyle]]:
        """The label boxes in device pixels, for BoxCache."""
        styles = {
            (colour, chosen): BoxStyle(
                LABEL_RADIUS * scale,
                self._label_border(colour, chosen, scale),
                placed.background,
            )
            for colour, chosen in set(zip(colours, selected, strict=True))
        }
        return [
            (
                (x0 + x1) / 2 * scale + dx,
                (y0 + y1) / 2 * scale + dy,
                (x1 - x0) * scale,
                (y1 - y0) * scale,
                styles[colour, chosen],
            )
            for (x0, y0, x1, y1), colour, chosen in zip(
                placed.boxes, colours, selected, strict=True
            )
        ]

    @staticmethod
    def _label_border(colour: int, selected: bool, scale: float) -> QPen:
        width = SELECTED_LABEL_BORDER if selected else LABEL_BORDER
        return QPen(style.qcolor(LABEL_BORDERS[colour]), width * scale)


@dataclass(frozen=True, eq=False)
class _PlacedLabels:
    """The labels of one phase, laid out in scene units."""

    flats: list[int]
    """Flat indices of the edges whose label has a spot."""
    boxes: list[tuple[float, float, float, float]]
    """Their boxes as x0, y0, x1, y1."""
    texts: list[tuple[QPointF, str]]
    """Where drawText puts each text."""
    background: QColor
    box_key: tuple
    """What the boxes depend on besides zoom, colours and selection: the same key, the
    same boxes (the texts in them may differ)."""
