"""One item that paints every neuron: its fill, name, values, bias badge and output panel.

The fill shows the activation of the chosen sample: a grey scale for activations in [0, 1]
(sigmoid, softmax, ReLU) and a diverging vermillion-blue scale for signed ones (inputs, tanh,
linear). Numbers appear only when asked for and when they are readable at the current zoom.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.ui import style
from backprop_gui.ui.canvas.discs import DiscCache
from backprop_gui.ui.canvas.formatting import format_number
from backprop_gui.ui.canvas.geometry import NetworkGeometry
from backprop_gui.ui.canvas.names import neuron_name
from backprop_gui.ui.canvas.phase import (
    NeuronLine,
    bias_label_text,
    neuron_lines,
    output_panel_lines,
)
from backprop_gui.ui.canvas.text import TextCache

RAMP_STEPS = 65
MAX_LABELLED_NEURONS = 80
"""Above this many neurons, values stay in the tooltips."""

TEXT_PIXELS = 15
"""Height of the text in and around neurons, in scene units."""

MIN_READABLE_PIXELS = 8.5

SIGNED = {"tanh", "linear"}
"""Activations whose values have a sign worth a diverging scale (inputs too)."""


def _font(bold: bool = False, italic: bool = False, pixels: int = TEXT_PIXELS) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _ramp_brushes(rgb: np.ndarray) -> tuple[list[QBrush], np.ndarray]:
    """A brush per ramp step, and whether text on it must be white."""
    brushes = [QBrush(QColor(int(r), int(g), int(b))) for r, g, b in rgb]
    return brushes, style.relative_luminance(rgb) < 0.3


def fill_levels(values: np.ndarray, activation: str | None) -> tuple[bool, np.ndarray]:
    """(signed, level in [0, 1]) of each value: where it falls on its colour scale.

    ``activation`` is None for the inputs. Unbounded values (ReLU, linear, inputs) are scaled
    by the largest magnitude of their layer, and never by less than 1.
    """
    values = np.nan_to_num(np.asarray(values, dtype=np.float64))
    signed = activation is None or activation in SIGNED
    if signed:
        scale = 1.0 if activation == "tanh" else max(1.0, float(np.abs(values).max()))
        return True, np.clip((values / scale + 1.0) / 2.0, 0.0, 1.0)
    scale = max(1.0, float(values.max())) if activation == "relu" else 1.0
    return False, np.clip(values / scale, 0.0, 1.0)


class NeuronsItem(QGraphicsItem):
    """Every neuron of a network, painted in one pass."""

    def __init__(
        self,
        geometry: NetworkGeometry,
        activations: Sequence[str],
        parent: QGraphicsItem | None = None,
    ) -> None:
        super().__init__(parent)
        self._geometry = geometry
        self._activations = tuple(activations)
        n = geometry.n_neurons
        self._names = [
            neuron_name(layer, index, geometry.n_layers)
            for layer, index in zip(
                geometry.neuron_layer.tolist(), geometry.neuron_index.tolist(), strict=True
            )
        ]
        self._sequential = _ramp_brushes(style.sequential_ramp(RAMP_STEPS))
        self._diverging = _ramp_brushes(style.diverging_ramp(RAMP_STEPS))
        self._white = QBrush(style.qcolor(style.BACKGROUND))
        self.brushes: list[QBrush] = [self._white] * n
        self._fills = [-1] * n
        """Which colour each disc has: ramp step (+ RAMP_STEPS if diverging), -1 for white."""
        self._discs = DiscCache(style.qcolor(style.OUTLINE))
        self._dark_fill = np.zeros(n, dtype=bool)
        self._snapshot: TrainerSnapshot | None = None
        self._centres = [QPointF(x, y) for x, y in geometry.centers.tolist()]
        self._lines: list[list[NeuronLine]] = [[] for _ in range(n)]
        self._panels: list[list[NeuronLine]] = []
        self._badge_texts = ["b"] * n
        self._badge_negative = np.zeros(n, dtype=bool)
        self._show_numbers = False
        self.selected: int | None = None
        self.flash_mask = np.zeros(n, dtype=bool)
        self.flash_badges = False
        self.flash_strength = 0.0
        self._badge_font = _font(pixels=TEXT_PIXELS - 1)
        self._texts = {
            "value": TextCache(_font()),
            "bold": TextCache(_font(bold=True)),
            "name": TextCache(_font(italic=True, pixels=TEXT_PIXELS + 2)),
            "badge": TextCache(self._badge_font),
        }
        self._line_height = QFontMetricsF(_font()).height()
        self.badge_rects = np.full((n, 4), np.nan)
        """(N, 4) bias badges as x0, y0, x1, y1; NaN for the inputs, which have no bias."""
        left, top, right, bottom = geometry.bounds
        self._bounds = QRectF(left, top, right - left, bottom - top).adjusted(-20, -20, 20, 20)
        self._layout_badges()

    # -- data --------------------------------------------------------------------------------

    def set_snapshot(self, snapshot: TrainerSnapshot | None) -> None:
        """Take fills and values from ``snapshot``; None shows empty neurons."""
        self._snapshot = snapshot
        geometry = self._geometry
        n = geometry.n_neurons
        brushes = [self._white] * n
        fills = [-1] * n
        dark = np.zeros(n, dtype=bool)
        if snapshot is not None:
            for layer, values in enumerate(snapshot.sample_a):
                if values is None:
                    continue
                activation = None if layer == 0 else self._activations[layer - 1]
                signed, level = fill_levels(values, activation)
                ramp, dark_text = self._diverging if signed else self._sequential
                steps = np.rint(level * (RAMP_STEPS - 1)).astype(np.intp).tolist()
                start = int(geometry.layer_offsets[layer])
                brushes[start : start + len(steps)] = [ramp[s] for s in steps]
                shift = RAMP_STEPS if signed else 0
                fills[start : start + len(steps)] = [s + shift for s in steps]
                dark[start : start + len(steps)] = dark_text[steps]
            biases = np.concatenate([b.ravel() for b in snapshot.biases])
            self._badge_negative = np.concatenate([np.zeros(geometry.layer_sizes[0]), biases]) < 0
        else:
            self._badge_negative = np.zeros(n, dtype=bool)
        self.brushes = brushes
        self._fills = fills
        self._dark_fill = dark
        if self.texts_possible:
            self._refresh_texts()
        self.update()

    @property
    def texts_possible(self) -> bool:
        """Whether the network is small enough for values to be painted at all."""
        return self._geometry.n_neurons <= MAX_LABELLED_NEURONS

    def _refresh_texts(self) -> None:
        geometry, snapshot = self._geometry, self._snapshot
        keys = zip(geometry.neuron_layer.tolist(), geometry.neuron_index.tolist(), strict=True)
        self._lines = [neuron_lines(snapshot, layer, index) for layer, index in keys]
        outputs = geometry.layer_sizes[-1]
        self._panels = [output_panel_lines(snapshot, index) for index in range(outputs)]
        self._badge_texts = [""] * geometry.layer_sizes[0] + [
            bias_label_text(snapshot if self._show_numbers else None, layer, index)
            for layer, index in zip(
                geometry.neuron_layer[geometry.layer_sizes[0] :].tolist(),
                geometry.neuron_index[geometry.layer_sizes[0] :].tolist(),
                strict=True,
            )
        ]
        self._layout_badges()

    def _layout_badges(self) -> None:
        geometry = self._geometry
        badges = self._texts["badge"]
        first = geometry.layer_sizes[0]
        if self._show_numbers and self.texts_possible:
            widths = np.array([badges.width(t) for t in self._badge_texts[first:]])
        else:
            widths = np.full(geometry.n_neurons - first, badges.width("b"))
        half = np.maximum(widths / 2 + 6, geometry.metrics.badge_height / 2)
        centres = geometry.centers[first:]
        bottom = centres[:, 1] - geometry.metrics.radius - 3
        rects = np.full((geometry.n_neurons, 4), np.nan)
        rects[first:] = np.column_stack(
            [
                centres[:, 0] - half,
                bottom - geometry.metrics.badge_height,
                centres[:, 0] + half,
                bottom,
            ]
        )
        self.badge_rects = rects

    def set_show_numbers(self, on: bool) -> None:
        self._show_numbers = on
        if self.texts_possible:
            self._refresh_texts()
        self.update()

    def set_selected(self, flat: int | None) -> None:
        self.selected = flat
        self.update()

    def set_flash(self, neurons: np.ndarray, badges: bool, strength: float) -> None:
        """Glow around ``neurons`` (a boolean mask) and the bias badges, at ``strength``."""
        self.flash_mask = neurons
        self.flash_badges = badges
        self.flash_strength = strength
        self.update()

    def badge_at(self, x: float, y: float, tolerance: float = 0.0) -> int | None:
        """The flat index of the neuron whose bias badge holds (x, y)."""
        rects = self.badge_rects
        with np.errstate(invalid="ignore"):
            inside = (
                (rects[:, 0] - tolerance <= x)
                & (x <= rects[:, 2] + tolerance)
                & (rects[:, 1] - tolerance <= y)
                & (y <= rects[:, 3] + tolerance)
            )
        hits = np.flatnonzero(inside)
        return int(hits[0]) if hits.size else None

    def lines_of(self, flat: int) -> list[NeuronLine]:
        """The values painted inside neuron ``flat`` (when numbers are on)."""
        return self._lines[flat]

    def badge_text(self, flat: int) -> str:
        return self._badge_texts[flat]

    def panel_of(self, output: int) -> list[NeuronLine]:
        """The target/output/error lines right of output neuron ``output``."""
        return self._panels[output] if output < len(self._panels) else []

    # -- painting ----------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def texts_visible(self, level_of_detail: float) -> bool:
        return self.texts_possible and level_of_detail * TEXT_PIXELS >= MIN_READABLE_PIXELS

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        geometry = self._geometry
        radius = geometry.metrics.radius
        centres = self._centres
        if self.flash_strength > 0.0 and self.flash_mask.any():
            glow = style.blend(style.FLASH, style.BACKGROUND, self.flash_strength)
            painter.setPen(QPen(glow, 12.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for flat in np.flatnonzero(self.flash_mask).tolist():
                painter.drawEllipse(centres[flat], radius + 6, radius + 6)
        if not self._discs.paint(painter, geometry.centers, radius, self._fills, self.brushes):
            painter.setPen(QPen(style.qcolor(style.OUTLINE), 2.0))
            for centre, brush in zip(centres, self.brushes, strict=True):
                painter.setBrush(brush)
                painter.drawEllipse(centre, radius, radius)
        if self.selected is not None:
            painter.setPen(QPen(style.qcolor(style.SELECTION), 5.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centres[self.selected], radius + 5, radius + 5)
        if not self.texts_visible(lod):
            return
        numbers = self._show_numbers and self._snapshot is not None
        for flat, centre in enumerate(centres):
            lines = self._lines[flat] if numbers else []
            self._paint_neuron_text(painter, flat, centre, lines)
        self._paint_badges(painter)
        if numbers:
            self._paint_panels(painter, centres[geometry.layer_offsets[-2] :])

    def _paint_neuron_text(
        self, painter: QPainter, flat: int, centre: QPointF, lines: list[NeuronLine]
    ) -> None:
        radius = self._geometry.metrics.radius
        on_fill = style.qcolor(style.BACKGROUND if self._dark_fill[flat] else style.TEXT)
        x, y = centre.x(), centre.y()
        if not lines:
            painter.setPen(on_fill)
            self._texts["name"].draw(painter, self._names[flat], x, y, keep=True)
            return
        painter.setPen(style.qcolor(style.TEXT))
        names = self._texts["name"]
        names.draw(painter, self._names[flat], x, y + radius + 1, anchor="t", keep=True)
        painter.setPen(on_fill)
        height = self._line_height
        top = y - height * (len(lines) - 1) / 2
        for row, line in enumerate(lines):
            text = format_number(line.value)
            if line.symbol:
                text = f"{line.symbol} {text}"
            cache = self._texts["bold" if line.emphasised else "value"]
            cache.draw(painter, text, x, top + row * height)

    def _paint_badges(self, painter: QPainter) -> None:
        first = self._geometry.layer_sizes[0]
        rects = self.badge_rects
        glow = None
        if self.flash_badges and self.flash_strength > 0.0:
            glow = QPen(style.blend(style.FLASH, style.BACKGROUND, self.flash_strength), 8.0)
        fill = QBrush(style.qcolor(style.BACKGROUND))
        pens = [QPen(style.qcolor(color), 1.5) for color in (style.POSITIVE, style.NEGATIVE)]
        text_color = style.qcolor(style.TEXT)
        cache = self._texts["badge"]
        for flat in range(first, self._geometry.n_neurons):
            x0, y0, x1, y1 = rects[flat].tolist()
            box = QRectF(x0, y0, x1 - x0, y1 - y0)
            if glow is not None:
                painter.setPen(glow)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box, 6, 6)
            painter.setPen(pens[int(self._badge_negative[flat])])
            painter.setBrush(fill)
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(text_color)
            cache.draw(painter, self._badge_texts[flat], (x0 + x1) / 2, (y0 + y1) / 2)

    def _paint_panels(self, painter: QPainter, outputs: list[QPointF]) -> None:
        radius = self._geometry.metrics.radius
        height = self._line_height
        for centre, lines in zip(outputs, self._panels, strict=False):
            if not lines:
                continue
            top = centre.y() - height * len(lines) / 2
            left = centre.x() + radius + 12
            box = QRectF(
                left - 6, top - 4, self._geometry.metrics.panel_width - 18, height * len(lines) + 8
            )
            emphasised = any(line.emphasised for line in lines)
            color = style.PHASE_COLORS["loss"]
            painter.setPen(QPen(style.qcolor(color), 1.5) if emphasised else Qt.PenStyle.NoPen)
            if emphasised:
                painter.setBrush(QBrush(style.blend(color, style.BACKGROUND, 0.15)))
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(style.qcolor(style.TEXT))
            for row, line in enumerate(lines):
                cache = self._texts["bold" if line.emphasised else "value"]
                text = f"{line.symbol} = {format_number(line.value)}"
                cache.draw(painter, text, left, top + (row + 0.5) * height, anchor="l")
