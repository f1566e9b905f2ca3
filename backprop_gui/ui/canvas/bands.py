"""Tinted bands behind the layers (or the edges) that the current phase is about.

After a phase change the bands sweep in along the phase's direction (left to right for the
forward pass, right to left for the backward pass); at rest they all show, which is the
static highlight a class sees on a still picture. The bands are not a scene item: the view
paints them with its background, into an image it keeps while they are at rest.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter

from backprop_gui.ui import style
from backprop_gui.ui.canvas.geometry import BAND_MARGIN, NetworkGeometry
from backprop_gui.ui.canvas.phase import BACKWARD, PhaseDisplay, phase_display

BAND_ALPHA = 0.18


class PhaseBands:
    """The bands of one PhaseDisplay, faded in by a sweep ``progress`` in [0, 1]."""

    def __init__(self, geometry: NetworkGeometry) -> None:
        self._geometry = geometry
        self.display: PhaseDisplay = phase_display(None, geometry.n_layers)
        self._progress = 1.0

    def set_display(self, display: PhaseDisplay) -> None:
        self.display = display

    def set_progress(self, progress: float) -> None:
        self._progress = progress

    @property
    def at_rest(self) -> bool:
        """Whether the sweep is over (or never started): every band fully shows."""
        return self._progress >= 1.0

    def band_rects(self) -> list[QRectF]:
        """The rectangles tinted at rest, one per lit column (or per gap between columns)."""
        geometry = self._geometry
        _, top, _, bottom = geometry.bounds
        radius = geometry.metrics.radius
        x = geometry.column_x
        if self.display.lit_edges:
            return [
                QRectF(x[k] + radius + 8, top, x[k + 1] - x[k] - 2 * radius - 16, bottom - top)
                for k in range(geometry.n_layers - 1)
            ]
        half = radius + BAND_MARGIN - 2
        return [QRectF(x[k] - half, top, 2 * half, bottom - top) for k in self.display.lit_layers]

    def _opacities(self, count: int) -> np.ndarray:
        """How far the sweep has brought each band in, in painting order."""
        if count == 0:
            return np.zeros(0)
        order = np.arange(count)
        if self.display.direction == BACKWARD:
            order = order[::-1]
        # Each band fades in over one slot of the sweep, one slot after the previous.
        return np.clip(self._progress * (count + 1) - order, 0.0, 1.0)

    def paint(self, painter: QPainter) -> None:
        """Paint the bands, in scene coordinates."""
        phase = self.display.phase
        if phase is None:
            return
        rects = self.band_rects()
        painter.setPen(Qt.PenStyle.NoPen)
        for rect, opacity in zip(rects, self._opacities(len(rects)).tolist(), strict=True):
            if opacity <= 0.0:
                continue
            # Pre-blended with the white background: an opaque fill paints much faster than a
            # translucent one, and nothing lies under the bands.
            color = style.blend(
                style.PHASE_COLORS[phase.value], style.BACKGROUND, BAND_ALPHA * opacity
            )
            painter.setBrush(QBrush(color))
            painter.drawRoundedRect(rect, 14, 14)
