"""The per-weight view of the gradient plot: |∂E/∂w| of every weight over training.

Every weight's curve is grey, drawn as one picture (:mod:`.curve_raster`); the selected
weight's curve is drawn over them in the colour of its edge's sign, and the one under the
pointer is darkened and named in a tooltip. When a long history of hundreds of weights is
reduced anew, the grey picture may come a frame later (see :data:`SPREAD_VALUES`).
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QWidget

from backprop_gui.ui.plots.curve_raster import CurveRaster
from backprop_gui.ui.plots.decimation import MEAN, ColumnReducer
from backprop_gui.ui.plots.gradient_framing import THICK_PIXELS_PER_POINT, frame_y
from backprop_gui.ui.plots.gradient_names import weight_name
from backprop_gui.ui.plots.history_buffers import GrowingSeries
from backprop_gui.ui.plots.plot_style import (
    CLICK_WIDTH,
    RangeFollower,
    data_columns,
    plain_curve,
    view_x_range,
)
from backprop_gui.ui.style import SELECTION, qcolor

SPREAD_VALUES = 200_000
"""From this many |∂E/∂w| values kept (a deep network after a few thousand iterations), a
redraw that reduces the whole history again leaves the grey curves' picture to the next frame:
each of the two frames then takes about two thirds of the time of one doing both
(tests/benchmarks/plot_refresh.py)."""

HOVER_PEN = pg.mkPen(qcolor("#333333"), width=1.5)
HIGHLIGHT_WIDTH = 3.5

WeightKey = tuple[int, int, int]
"""(layer, j, i) of ``weights[layer][j, i]``."""


class WeightCurves:
    """Every followed weight's curve on ``item``, drawn from the ``series`` of |∂E/∂w|."""

    def __init__(
        self,
        item: pg.PlotItem,
        follower: RangeFollower,
        series: GrowingSeries,
        tooltip_parent: QWidget,
    ) -> None:
        self._item = item
        self._follower = follower
        self._series = series
        self._tooltip_parent = tooltip_parent
        self.keys: list[WeightKey] = []
        """(layer, j, i) of each followed weight, in ``History.weight_index`` order."""
        self._hovered: int | None = None
        self.raster = CurveRaster(item)
        self.hover_curve = plain_curve(item, HOVER_PEN)
        self.hover_curve.setZValue(5)
        self.selected_curve = plain_curve(item, pg.mkPen(SELECTION, width=HIGHLIGHT_WIDTH))
        self.selected_curve.setZValue(10)
        # The curves' picture takes the log itself, in float32 (see CurveRaster.draw).
        self._reducer = ColumnReducer(MEAN)
        self._selected_reducer = ColumnReducer(MEAN)
        self._hover_reducer = ColumnReducer(MEAN)

    def make(self, shapes: list[tuple[int, int]], tracked: bool) -> None:
        """Follow every weight of a network with these matrix shapes (none if not ``tracked``)."""
        self.keys = []
        if tracked:
            self.keys = [
                (layer, j, i)
                for layer, (rows, columns) in enumerate(shapes)
                for j in range(rows)
                for i in range(columns)
            ]
        self._reducer.reset()
        self.raster.clear()

    def set_visible(self, visible: bool) -> None:
        for item in (self.raster.image, self.selected_curve, self.hover_curve):
            item.setVisible(visible)

    def draw(self, selected: WeightKey | None, log_scale: bool, spread: bool) -> bool:
        """Draw the weights' curves; return False when their picture was left for later."""
        series = self._series
        if series.width != len(self.keys) or len(series) == 0:
            self.raster.clear()
            self.selected_curve.setData([], [])
            self.hover_curve.setData([], [])
            return True
        self._follower.follow_x(series.stamps[-1] if len(series) else None)
        x_range, columns = view_x_range(self._item), data_columns(self._item)
        reduced = self._reducer.reduce(
            series.stamps, series.columns, series.generation, x_range, columns
        )
        selected_values = self.draw_selected(selected)
        hovered = None if self._hovered is None else self.keys[self._hovered]
        self._draw_single(self.hover_curve, self._hover_reducer, hovered)
        frame_y(self._follower, log_scale, data=(reduced.y, selected_values))
        if (
            spread
            and reduced.decimated
            and reduced.unchanged == 0
            and series.values.size >= SPREAD_VALUES
        ):
            # The whole history was reduced again (the engine thinned it, or the view moved):
            # the old picture stays one more frame, and the next one draws the new one.
            self.raster.forget()
            return False
        y_range = tuple(self._item.getViewBox().viewRange()[1])
        self.raster.draw(
            reduced.x,
            reduced.y,
            view_x_range(self._item),
            y_range,
            reduced.unchanged,
            log=log_scale,
        )
        return True

    def draw_selected(self, key: WeightKey | None) -> np.ndarray | None:
        """Draw the selected weight's curve (or nothing); return the values drawn."""
        return self._draw_single(self.selected_curve, self._selected_reducer, key)

    def set_selected_color(self, color: str) -> None:
        """The colour of its edge: the sign of the weight, which may change as it learns."""
        if self.selected_curve.opts["pen"].color().name() != color.lower():
            self.selected_curve.setPen(pg.mkPen(color, width=HIGHLIGHT_WIDTH))

    def set_hovered(self, index: int | None) -> None:
        """Darken the curve of ``keys[index]`` and name it in a tooltip (None: no curve)."""
        if index == self._hovered:
            return
        self._hovered = index
        key = None if index is None else self.keys[index]
        self._draw_single(self.hover_curve, self._hover_reducer, key)
        if key is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), html.escape(weight_name(*key)), self._tooltip_parent)

    def forget_hovered(self) -> None:
        """No curve is under the pointer any more (a new network)."""
        self._hovered = None

    def weight_at(self, x: float, y: float) -> WeightKey | None:
        """The weight whose curve passes near the point (x, y) of the plot (view coordinates)."""
        index = self.raster.curve_at(x, y, CLICK_WIDTH)
        if index is None or index >= len(self.keys):
            return None
        return self.keys[index]

    def _draw_single(
        self, curve: pg.PlotDataItem, reducer: ColumnReducer, key: WeightKey | None
    ) -> np.ndarray | None:
        """Draw one weight's curve on ``curve`` (or nothing); return the values drawn."""
        series = self._series
        if key is None or key not in self.keys or series.width != len(self.keys):
            curve.setData([], [])
            return None
        index = self.keys.index(key)
        reduced = reducer.reduce(
            series.stamps,
            series.column(index),
            (series.generation, index),
            view_x_range(self._item),
            data_columns(self._item) // THICK_PIXELS_PER_POINT,
        )
        curve.setData(reduced.x, reduced.y[0])
        return reduced.y[0]
