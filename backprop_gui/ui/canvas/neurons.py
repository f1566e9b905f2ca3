"""One item that paints every neuron: its fill, name, values, bias badge and output panel.

The fill shows the activation of the chosen sample: a grey scale for activations in [0, 1]
(sigmoid, softmax, ReLU) and a diverging vermillion-blue scale for signed ones (inputs, tanh,
linear). Numbers appear only when asked for and when they are readable at the current zoom.
They are formatted and laid out when first needed after a snapshot (by a paint or a
question), not when the snapshot arrives, so numbers that stay off cost nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.ui import style
from backprop_gui.ui.canvas.badges import BiasBadges
from backprop_gui.ui.canvas.boxes import BoxCache, BoxStyle, plain_zoom
from backprop_gui.ui.canvas.discs import DiscCache
from backprop_gui.ui.canvas.formatting import format_numbers
from backprop_gui.ui.canvas.geometry import NetworkGeometry
from backprop_gui.ui.canvas.names import neuron_name
from backprop_gui.ui.canvas.phase import (
    NeuronLine,
    neuron_lines,
    output_panel_lines,
    same_arrays,
)
from backprop_gui.ui.canvas.text import TextCache, unshaped

RAMP_STEPS = 65
MAX_LABELLED_NEURONS = 80
"""Above this many neurons, values stay in the tooltips."""

TEXT_PIXELS = 15
"""Height of the text in and around neurons, in scene units."""

MIN_READABLE_PIXELS = 8.5

RECENT_LAYOUTS = 4
"""Value layouts kept, one per phase: the same texts come back two phases later."""

PANEL_RADIUS = 6.0
PANEL_BORDER = 1.5
"""Corner radius and border width of the framed output panels, in scene units."""

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
    values = np.asarray(values, dtype=np.float64)
    if not np.isfinite(values).all():
        values = np.nan_to_num(values)
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
        self._sequential = _ramp_brushes(style.sequential_ramp(RAMP_STEPS))
        self._diverging = _ramp_brushes(style.diverging_ramp(RAMP_STEPS))
        self._white = QBrush(style.qcolor(style.BACKGROUND))
        self.brushes: list[QBrush] = [self._white] * n
        self._fills = [-1] * n
        """Which colour each disc has: ramp step (+ RAMP_STEPS if diverging), -1 for white."""
        self._discs = DiscCache(style.qcolor(style.OUTLINE))
        self._boxes = BoxCache()
        self._dark_fill = np.zeros(n, dtype=bool)
        self._snapshot: TrainerSnapshot | None = None
        self._centres = [QPointF(x, y) for x, y in geometry.centers.tolist()]
        self._show_numbers = False
        self.selected: int | None = None
        self.flash_mask = np.zeros(n, dtype=bool)
        self.flash_badges = False
        self.flash_strength = 0.0
        self._texts = {
            "value": TextCache(unshaped(_font())),
            "bold": TextCache(unshaped(_font(bold=True))),
            "name": TextCache(_font(italic=True, pixels=TEXT_PIXELS + 2)),
        }
        self._line_height = self._texts["value"].height
        self._text_color = style.qcolor(style.TEXT)
        self._light_text = style.qcolor(style.BACKGROUND)

        # Each name inside its disc, and under it (where it goes when values fill the disc);
        # a network too large for texts paints no names.
        self._names_inside: list[tuple[QPointF, QStaticText]] = []
        self._names_below: list[tuple[QPointF, QStaticText]] = []
        if self.texts_possible:
            names = self._texts["name"]
            below = geometry.metrics.radius + 1
            for (x, y), layer, index in zip(
                geometry.centers.tolist(),
                geometry.neuron_layer.tolist(),
                geometry.neuron_index.tolist(),
                strict=True,
            ):
                name = neuron_name(layer, index, geometry.n_layers)
                self._names_inside.append(names.placed_static(name, x, y))
                self._names_below.append(names.placed_static(name, x, y + below, anchor="t"))

        # Derived from the snapshot when first needed; None (or stale) until then.
        self._lines: list[list[NeuronLine]] | None = None
        self._line_texts: list[list[tuple[str, bool]]] = [[] for _ in range(n)]
        self._panels: list[list[NeuronLine]] = []
        self._placed_values: list[tuple[str, bool, list[tuple[QPointF, str]]]] | None = None
        self._recent_values: dict[tuple, list[tuple[str, bool, list[tuple[QPointF, str]]]]] = {}
        self._badges = BiasBadges(geometry, _font(pixels=TEXT_PIXELS - 1))
        left, top, right, bottom = geometry.bounds
        self._bounds = QRectF(left, top, right - left, bottom - top).adjusted(-20, -20, 20, 20)

    # -- data --------------------------------------------------------------------------------

    def set_snapshot(self, snapshot: TrainerSnapshot | None) -> None:
        """Take fills and values from ``snapshot``; None shows empty neurons."""
        previous, self._snapshot = self._snapshot, snapshot
        self._lines = None
        self._placed_values = None
        self._badges.show(snapshot, self._show_numbers and self.texts_possible)
        self.update()
        if not same_arrays(previous, snapshot, "sample_a"):
            self._set_fills(snapshot)

    def _set_fills(self, snapshot: TrainerSnapshot | None) -> None:
        geometry = self._geometry
        n = geometry.n_neurons
        brushes = [self._white] * n
        fills = [-1] * n
        dark = np.zeros(n, dtype=bool)
        for layer, values in enumerate(() if snapshot is None else snapshot.sample_a):
            if values is None:
                continue
            activation = None if layer == 0 else self._activations[layer - 1]
            signed, level = fill_levels(values, activation)
            ramp, dark_text = self._diverging if signed else self._sequential
            steps = np.rint(level * (RAMP_STEPS - 1)).astype(np.intp)
            start = int(geometry.layer_offsets[layer])
            end = start + steps.size
            dark[start:end] = dark_text[steps]
            steps = steps.tolist()
            brushes[start:end] = [ramp[s] for s in steps]
            shift = RAMP_STEPS if signed else 0
            fills[start:end] = [s + shift for s in steps]
        self.brushes = brushes
        self._fills = fills
        self._dark_fill = dark

    @property
    def texts_possible(self) -> bool:
        """Whether the network is small enough for values to be painted at all."""
        return self._geometry.n_neurons <= MAX_LABELLED_NEURONS

    def _values(self) -> list[list[NeuronLine]]:
        """The lines of every neuron (and the output panels), made from the snapshot once."""
        if self._lines is None:
            geometry, snapshot = self._geometry, self._snapshot
            if self.texts_possible:
                keys = zip(
                    geometry.neuron_layer.tolist(), geometry.neuron_index.tolist(), strict=True
                )
                self._lines = [neuron_lines(snapshot, layer, index) for layer, index in keys]
                outputs = geometry.layer_sizes[-1]
                self._panels = [output_panel_lines(snapshot, index) for index in range(outputs)]
            else:
                self._lines = [[] for _ in range(geometry.n_neurons)]
                self._panels = []
            values = iter(format_numbers(line.value for lines in self._lines for line in lines))
            self._line_texts = [
                _formatted(lines, list(islice(values, len(lines))), " ") for lines in self._lines
            ]
        return self._lines

    @property
    def badge_rects(self) -> np.ndarray:
        """(N, 4) bias badges as x0, y0, x1, y1; NaN for the inputs, which have no bias."""
        return self._badges.rects

    def set_show_numbers(self, on: bool) -> None:
        self._show_numbers = on
        self._badges.show(self._snapshot, on and self.texts_possible)
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
        return self._badges.at(x, y, tolerance)

    def lines_of(self, flat: int) -> list[NeuronLine]:
        """The values painted inside neuron ``flat`` (when numbers are on)."""
        return self._values()[flat]

    def badge_text(self, flat: int) -> str:
        return self._badges.text(flat)

    def panel_of(self, output: int) -> list[NeuronLine]:
        """The target/output/error lines right of output neuron ``output``."""
        self._values()
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
        filled = np.zeros(geometry.n_neurons, dtype=bool)
        if numbers:
            self._values()
            filled = np.array([bool(lines) for lines in self._line_texts])
        self._paint_names(painter, filled)
        if numbers:
            self._paint_values(painter)
        self._badges.paint(painter, self.flash_strength if self.flash_badges else 0.0)
        if numbers:
            self._paint_panels(painter, centres[geometry.layer_offsets[-2] :])

    def _paint_names(self, painter: QPainter, filled: np.ndarray) -> None:
        """Each name inside its disc (light on a dark fill), or under it if values fill it."""
        self._texts["name"].select(painter)
        draw = painter.drawStaticText
        groups = (
            (self._names_below, filled, self._text_color),
            (self._names_inside, ~filled & ~self._dark_fill, self._text_color),
            (self._names_inside, ~filled & self._dark_fill, self._light_text),
        )
        for placed, mask, color in groups:
            flats = np.flatnonzero(mask).tolist()
            if flats:
                painter.setPen(color)
                for flat in flats:
                    draw(*placed[flat])

    def _paint_values(self, painter: QPainter) -> None:
        """The lines of each neuron, centred in its disc, light on a dark fill."""
        if self._placed_values is None:
            # The update phase shows what the error phase showed: its layout is kept.
            key = (tuple(map(tuple, self._line_texts)), self._dark_fill.tobytes())
            placed = self._recent_values.pop(key, None) or self._place_values()
            self._recent_values[key] = self._placed_values = placed
            while len(self._recent_values) > RECENT_LAYOUTS:
                del self._recent_values[next(iter(self._recent_values))]
        draw = painter.drawText
        for cache_name, dark, placed in self._placed_values:
            self._texts[cache_name].select(painter)
            painter.setPen(self._light_text if dark else self._text_color)
            for origin, text in placed:
                draw(origin, text)

    def _place_values(self) -> list[tuple[str, bool, list[tuple[QPointF, str]]]]:
        """Where each value goes, grouped by font and by text colour."""
        height = self._line_height
        groups: dict[tuple[str, bool], list[tuple[QPointF, str]]] = {}
        for flat, lines in enumerate(self._line_texts):
            if not lines:
                continue
            centre = self._centres[flat]
            x, top = centre.x(), centre.y() - height * (len(lines) - 1) / 2
            dark = bool(self._dark_fill[flat])
            for row, (text, bold) in enumerate(lines):
                cache_name = "bold" if bold else "value"
                placed = self._texts[cache_name].placed(text, x, top + row * height)
                groups.setdefault((cache_name, dark), []).append(placed)
        return [(name, dark, placed) for (name, dark), placed in groups.items()]

    def _paint_panels(self, painter: QPainter, outputs: list[QPointF]) -> None:
        """Target (and in the error phase output and error) right of each output neuron."""
        radius = self._geometry.metrics.radius
        height = self._line_height
        texts, boxes = [], []
        for centre, panel in zip(outputs, self._panels, strict=False):
            lines = _formatted(panel, format_numbers(line.value for line in panel), " = ")
            top = centre.y() - height * len(lines) / 2
            left = centre.x() + radius + 12
            if any(bold for _, bold in lines):  # the error phase frames its panel
                width = self._geometry.metrics.panel_width - 18
                boxes.append((left - 6 + width / 2, centre.y(), width, height * len(lines) + 8))
            texts.extend(
                (text, bold, left, top + (row + 0.5) * height)
                for row, (text, bold) in enumerate(lines)
            )
        if boxes:
            self._paint_panel_boxes(painter, boxes)
        painter.setPen(self._text_color)
        for text, bold, left, y in texts:
            cache = self._texts["bold" if bold else "value"]
            cache.select(painter)
            cache.draw(painter, text, left, y, anchor="l")

    def _paint_panel_boxes(
        self, painter: QPainter, boxes: list[tuple[float, float, float, float]]
    ) -> None:
        color = style.PHASE_COLORS["loss"]
        pen = QPen(style.qcolor(color), PANEL_BORDER)
        fill = style.blend(color, style.BACKGROUND, 0.15)
        transform = painter.worldTransform()
        if not plain_zoom(transform):
            painter.setPen(pen)
            painter.setBrush(QBrush(fill))
            for x, y, w, h in boxes:
                box = QRectF(x - w / 2, y - h / 2, w, h)
                painter.drawRoundedRect(box, PANEL_RADIUS, PANEL_RADIUS)
            return
        scale, dx, dy = transform.m11(), transform.dx(), transform.dy()
        pen.setWidthF(PANEL_BORDER * scale)
        box_style = BoxStyle(PANEL_RADIUS * scale, pen, fill)
        self._boxes.paint(
            painter,
            ("panels", tuple(boxes), scale, dx, dy),
            lambda: [
                (x * scale + dx, y * scale + dy, w * scale, h * scale, box_style)
                for x, y, w, h in boxes
            ],
        )


def _formatted(
    lines: list[NeuronLine], values: list[str], separator: str
) -> list[tuple[str, bool]]:
    """(text, emphasised) of each line: "symbol<separator>value", or the value alone."""
    return [
        (f"{line.symbol}{separator}{value}" if line.symbol else value, line.emphasised)
        for line, value in zip(lines, values, strict=True)
    ]
