"""The heat map under the points: one value per grid pixel, or the predicted class's tint.

A single value (the output of a binary network, or one hidden neuron's activation) is drawn on
the diverging ramp with its middle line (0.5 or 0), the boundary that value draws; several
outputs give each pixel the tint of the class with the largest one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from backprop_gui.engine.boundary import BoundaryGrid
from backprop_gui.ui.plots.boundary_colors import class_tints, heat_lut, map_levels
from backprop_gui.ui.plots.contour import IsolineItem
from backprop_gui.ui.plots.plot_style import ScaledImageItem
from backprop_gui.ui.style import TEXT


class DecisionMap:
    """The image of a grid's values on ``item``, under everything else, with its isoline."""

    def __init__(self, item: pg.PlotItem) -> None:
        self.image = ScaledImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        item.addItem(self.image)
        self.contour = IsolineItem(level=0.5, pen=pg.mkPen(TEXT, width=2), axisOrder="row-major")
        self.contour.setParentItem(self.image)

    def clear(self) -> None:
        """No map (1-input data, no grid, or too many inputs)."""
        self.image.clear()
        self.image.hide()
        self.contour.setData(None)

    def draw(
        self,
        values: np.ndarray | None,
        grid: BoundaryGrid | None,
        fixed_levels: tuple[float, float] | None = None,
    ) -> None:
        """Show ``values`` (ny, nx, k) over ``grid``'s pixels.

        ``fixed_levels``: the colour range of a regression's output, shared with its points;
        such a map has no boundary, so no middle line.
        """
        if values is None or grid is None or grid.ys.shape[0] < 2:
            self.clear()
            return
        self.image.show()
        xs, ys = grid.xs, grid.ys
        dx = (xs[-1] - xs[0]) / max(xs.shape[0] - 1, 1)
        dy = (ys[-1] - ys[0]) / max(ys.shape[0] - 1, 1)
        rect = QRectF(xs[0] - dx / 2, ys[0] - dy / 2, xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy)
        if values.shape[2] == 1:
            scalar = values[..., 0]
            low, high = map_levels(scalar) if fixed_levels is None else fixed_levels
            self.image.setImage(scalar, levels=(low, high), lut=heat_lut(), autoLevels=False)
            middle = 0.5 * (low + high)
            # The 0.5 (or 0) line is the boundary of a class or of a neuron; not of a regression.
            crosses = fixed_levels is None
            crosses = crosses and np.nanmin(scalar) < middle < np.nanmax(scalar)
            self.contour.setLevel(middle)
            self.contour.setData(scalar if crosses else None)
        else:
            classes = np.argmax(values, axis=2)
            rgb = class_tints(values.shape[2])[classes]
            self.image.setImage(rgb, levels=(0, 255), lut=None, autoLevels=False)
            self.contour.setData(None)
        self.image.setRect(rect)
