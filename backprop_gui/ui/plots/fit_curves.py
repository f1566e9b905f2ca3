"""The 1-input view's fitted curves: y = f(x) of each network output, over the data points.

The curves are drawn over the points, since the fit is what the class watches; several outputs
(one per class) take their class's colour.
"""

from __future__ import annotations

import pyqtgraph as pg

from backprop_gui.engine.boundary import BoundaryGrid
from backprop_gui.ui.plots.boundary_colors import class_color
from backprop_gui.ui.style import TEXT

CURVE_WIDTH = 3


class FitCurves:
    """One curve per network output on ``item`` (created once, reused)."""

    def __init__(self, item: pg.PlotItem) -> None:
        self._item = item
        self.curves: list[pg.PlotDataItem] = []

    def clear(self) -> None:
        for curve in self.curves:
            curve.setData([], [])

    def draw(self, grid: BoundaryGrid | None, multiclass: bool) -> None:
        """The outputs of a 1-row ``grid`` (none for another grid), coloured per class."""
        n_outputs = 0 if grid is None or grid.ys.shape[0] != 1 else grid.outputs.shape[2]
        while len(self.curves) < n_outputs:
            curve = pg.PlotDataItem()
            curve.setZValue(8)  # over the points: the fit is what the class watches
            self._item.addItem(curve)
            self.curves.append(curve)
        for k, curve in enumerate(self.curves):
            if k >= n_outputs:
                curve.setData([], [])
                continue
            color = class_color(k) if multiclass else TEXT
            curve.setPen(pg.mkPen(color, width=CURVE_WIDTH))
            curve.setData(grid.xs, grid.outputs[0, :, k])
