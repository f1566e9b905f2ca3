"""Neuron discs pre-rendered as pixmaps: blitting one is ~15 times faster than stroking a circle.

A disc depends only on its fill, its size on screen and the screen's pixel ratio, so a
handful of pixmaps serve every frame; the cache empties itself when the zoom changes. The
last placement (which pixmap goes where) is kept too: phases after the forward pass keep
their fills, so repainting them is one copy per disc.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QTransform

MAX_PIXMAPS = 400
SMALL_RADIUS = 8.0
"""On-screen radius (pixels) below which the outline is one pixel wide."""


class DiscCache:
    """Pixmaps of outlined discs, keyed by fill and on-screen radius."""

    def __init__(self, outline: QColor) -> None:
        self._outline = outline
        self._pixmaps: dict[tuple[int, int, float], QPixmap] = {}
        self._placed_key: tuple | None = None
        self._placed: list[tuple[QPointF, QPixmap]] = []

    def _pixmap(self, fill: int, brush: QBrush, radius: float, ratio: float) -> QPixmap:
        key = (fill, round(radius * 4), ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) >= MAX_PIXMAPS:
                self._pixmaps.clear()
            # A small disc gets a thinner outline, or it would be all outline.
            pen_width = 2.0 if radius >= SMALL_RADIUS else 1.0
            side = math.ceil(2 * radius + pen_width + 2)
            pixmap = QPixmap(round(side * ratio), round(side * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self._outline, pen_width))
            painter.setBrush(brush)
            painter.drawEllipse(QPointF(side / 2, side / 2), radius, radius)
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap

    def paint(
        self,
        painter: QPainter,
        centres: np.ndarray,
        radius: float,
        fills: list[int],
        brushes: list[QBrush],
    ) -> bool:
        """Blit a disc per centre (scene units); False if the transform is not a plain zoom."""
        transform = painter.worldTransform()
        if transform.type().value > QTransform.TransformationType.TxScale.value:
            return False
        scale_x, scale_y = transform.m11(), transform.m22()
        if not math.isclose(scale_x, scale_y, rel_tol=1e-6):
            return False
        ratio = painter.device().devicePixelRatioF()
        key = (tuple(fills), radius, scale_x, transform.dx(), transform.dy(), ratio, len(centres))
        if key != self._placed_key:
            self._placed = self._place(centres, radius, fills, brushes, transform, ratio)
            self._placed_key = key
        painter.save()
        try:
            painter.resetTransform()
            draw = painter.drawPixmap
            for corner, pixmap in self._placed:
                draw(corner, pixmap)
        finally:
            painter.restore()
        return True

    def _place(
        self,
        centres: np.ndarray,
        radius: float,
        fills: list[int],
        brushes: list[QBrush],
        transform: QTransform,
        ratio: float,
    ) -> list[tuple[QPointF, QPixmap]]:
        scale = transform.m11()
        device_radius = radius * scale
        x = centres[:, 0] * scale + transform.dx()
        y = centres[:, 1] * scale + transform.dy()
        placed = []
        for cx, cy, fill, brush in zip(x.tolist(), y.tolist(), fills, brushes, strict=True):
            pixmap = self._pixmap(fill, brush, device_radius, ratio)
            half = pixmap.width() / ratio / 2
            placed.append((QPointF(cx - half, cy - half), pixmap))
        return placed
