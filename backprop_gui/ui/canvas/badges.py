"""The bias badge above each neuron after the inputs: its text, its box, and a hit test.

A badge reads "b" until numbers are on, then the bias (old → new after an update); its
border has the colour of the bias's sign. Biases stay the same through three phases of
four, so the texts, boxes and text origins are laid out again only when a text changes.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPen, QStaticText

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.ui import style
from backprop_gui.ui.canvas.boxes import BoxCache, BoxStyle, plain_zoom
from backprop_gui.ui.canvas.formatting import CHANGE_TEMPLATE
from backprop_gui.ui.canvas.geometry import NetworkGeometry
from backprop_gui.ui.canvas.phase import bias_label_texts, same_arrays, shows_bias_change
from backprop_gui.ui.canvas.text import TextCache, unshaped

RADIUS = 6.0
BORDER = 1.5
"""Corner radius and border width, in scene units."""

VALUE_TEMPLATE = "b −0,000"
CHANGE_BADGE = "b " + CHANGE_TEMPLATE
"""A long badge of each kind: narrower texts get a box this wide."""


class BiasBadges:
    """The badges of one network, in flat neuron order (inputs have none)."""

    def __init__(self, geometry: NetworkGeometry, font: QFont) -> None:
        self._geometry = geometry
        self._first = geometry.layer_sizes[0]
        n = geometry.n_neurons
        self._texts = TextCache(unshaped(font))
        self._boxes = BoxCache()
        self._snapshot: TrainerSnapshot | None = None
        self._numbers = False
        self._stale = True
        self._change = False
        """Whether the badges show old → new (after an update)."""
        self._locale = ""
        self._laid_out_from: tuple = ()
        """(numbers shown, texts) the boxes and origins were laid out from."""
        self._box_key: tuple = ()
        """What the boxes' images depend on besides zoom and signs: their widths."""
        self._badge_texts = ["b"] * n
        self._rects = np.full((n, 4), np.nan)
        self._placed: list[tuple[QPointF, str | QStaticText]] = []
        self.negative = np.zeros(n, dtype=bool)
        """Whether each bias is negative (its border is then vermillion)."""

    def show(self, snapshot: TrainerSnapshot | None, numbers: bool) -> None:
        """The biases of ``snapshot``: their signs colour the borders, and ``numbers`` writes
        them in the badges (else each reads "b")."""
        previous, self._snapshot = self._snapshot, snapshot
        same_biases = same_arrays(previous, snapshot, "biases")
        change = shows_bias_change(snapshot)
        locale = QLocale().name()  # numbers are written in it
        # The texts stay through most phases: laid out again only when one may differ.
        if (
            locale != self._locale
            or numbers != self._numbers
            or not same_biases
            or change != self._change
            or (change and not same_arrays(previous, snapshot, "biases_before"))
        ):
            self._stale = True
        self._numbers = numbers
        self._change = change
        self._locale = locale
        if not same_biases:
            self.negative = np.zeros(self._geometry.n_neurons, dtype=bool)
            if snapshot is not None:
                biases = np.concatenate([b.ravel() for b in snapshot.biases])
                self.negative[self._first :] = biases < 0

    def _refresh(self) -> None:
        self._stale = False
        geometry, first = self._geometry, self._first
        numbers = self._numbers and self._snapshot is not None
        texts = bias_label_texts(self._snapshot if numbers else None, geometry.n_neurons - first)
        if (numbers, tuple(texts)) == self._laid_out_from:
            return  # biases show unchanged through most phases
        self._laid_out_from = (numbers, tuple(texts))
        self._badge_texts = [""] * first + texts
        widths = np.array([self._texts.width(text) for text in texts])
        # As wide as a long value of the kind shown, wider only for a longer text: the
        # badges stay still while their numbers change (and their images are reused).
        template = CHANGE_BADGE if any("→" in text for text in texts) else VALUE_TEMPLATE
        least = self._texts.width(template) / 2 + 6 if numbers else 0.0
        half = np.maximum(widths / 2 + 6, max(least, geometry.metrics.badge_height / 2))
        self._box_key = (numbers, tuple(half.tolist()))
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
        self._rects = rects
        middles = np.column_stack([centres[:, 0], bottom - geometry.metrics.badge_height / 2])
        if numbers:
            self._placed = self._texts.placed_centred(texts, middles.tolist())
        else:
            self._placed = [
                self._texts.placed_static(text, x, y)
                for text, (x, y) in zip(texts, middles.tolist(), strict=True)
            ]

    @property
    def rects(self) -> np.ndarray:
        """(N, 4) badges as x0, y0, x1, y1; NaN for the inputs, which have no bias."""
        if self._stale:
            self._refresh()
        return self._rects

    def text(self, flat: int) -> str:
        if self._stale:
            self._refresh()
        return self._badge_texts[flat]

    def at(self, x: float, y: float, tolerance: float = 0.0) -> int | None:
        """The flat index of the neuron whose badge holds (x, y)."""
        rects = self.rects
        with np.errstate(invalid="ignore"):
            inside = (
                (rects[:, 0] - tolerance <= x)
                & (x <= rects[:, 2] + tolerance)
                & (rects[:, 1] - tolerance <= y)
                & (y <= rects[:, 3] + tolerance)
            )
        hits = np.flatnonzero(inside)
        return int(hits[0]) if hits.size else None

    def paint(self, painter: QPainter, glow: float = 0.0) -> None:
        """Boxes and texts, with a yellow glow of strength ``glow`` around each box."""
        rects = self.rects[self._first :]
        negative = self.negative[self._first :].tolist()
        if glow > 0.0:
            painter.setPen(QPen(style.blend(style.FLASH, style.BACKGROUND, glow), 8.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for x0, y0, x1, y1 in rects.tolist():
                painter.drawRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), RADIUS, RADIUS)
        transform = painter.worldTransform()
        if plain_zoom(transform):
            scale, dx, dy = transform.m11(), transform.dx(), transform.dy()
            key = (self._box_key, scale, dx, dy, tuple(negative))
            self._boxes.paint(painter, key, partial(_device_boxes, rects, negative, scale, dx, dy))
        else:
            colors = [style.qcolor(color) for color in (style.POSITIVE, style.NEGATIVE)]
            painter.setBrush(QBrush(style.qcolor(style.BACKGROUND)))
            for (x0, y0, x1, y1), sign in zip(rects.tolist(), negative, strict=True):
                painter.setPen(QPen(colors[sign], BORDER))
                painter.drawRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), RADIUS, RADIUS)
        painter.setPen(style.qcolor(style.TEXT))
        self._texts.select(painter)
        for origin, text in self._placed:
            if isinstance(text, str):
                painter.drawText(origin, text)
            else:
                painter.drawStaticText(origin, text)


def _device_boxes(
    rects: np.ndarray, negative: list[bool], scale: float, dx: float, dy: float
) -> list[tuple[float, float, float, float, BoxStyle]]:
    """The badges in device pixels, for BoxCache."""
    fill = style.qcolor(style.BACKGROUND)
    styles = [
        BoxStyle(RADIUS * scale, QPen(style.qcolor(color), BORDER * scale), fill)
        for color in (style.POSITIVE, style.NEGATIVE)
    ]
    centres = ((rects[:, :2] + rects[:, 2:]) / 2 * scale + np.array([dx, dy])).tolist()
    sizes = ((rects[:, 2:] - rects[:, :2]) * scale).tolist()
    return [
        (x, y, w, h, styles[sign])
        for (x, y), (w, h), sign in zip(centres, sizes, negative, strict=True)
    ]
