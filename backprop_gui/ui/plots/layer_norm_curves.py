"""The per-layer view of the gradient plot: one curve of ‖∂E/∂W‖ per layer over training.

This is where a vanishing gradient shows at any network size: the first layers' norms sit
orders of magnitude below the last ones'. The curves take their values in view coordinates
(the reducer takes the log10 itself on a log scale).
"""

from __future__ import annotations

import pyqtgraph as pg

from backprop_gui.ui.plots.decimation import MEAN, ColumnReducer, log10
from backprop_gui.ui.plots.gradient_colors import COLORMAP
from backprop_gui.ui.plots.gradient_framing import THICK_PIXELS_PER_POINT, frame_y
from backprop_gui.ui.plots.gradient_names import layer_pair_name
from backprop_gui.ui.plots.history_buffers import GrowingSeries
from backprop_gui.ui.plots.plot_style import (
    RangeFollower,
    data_columns,
    sampled_colors,
    view_curve,
    view_x_range,
)

NORM_WIDTH = 2.5


class LayerNormCurves:
    """One coloured curve per layer on ``item``, drawn from the ``series`` of layer norms."""

    def __init__(self, item: pg.PlotItem, follower: RangeFollower, series: GrowingSeries) -> None:
        self._item = item
        self._follower = follower
        self._series = series
        self._curves: list[pg.PlotCurveItem] = []
        self._colors: list[str] = []
        self._drawn: tuple | None = None
        """What the curves were last drawn from."""
        self._reducer = ColumnReducer(MEAN, log10)

    @property
    def curves(self) -> list[pg.PlotCurveItem]:
        return self._curves

    @property
    def colors(self) -> list[str]:
        """Each layer's colour, sampled from the heat maps' colour map."""
        return self._colors

    def make(self, layer_count: int) -> None:
        """Replace the curves by one per layer of a new network."""
        for curve in self._curves:
            self._item.removeItem(curve)
        self._colors = sampled_colors(COLORMAP, layer_count)
        self._curves = []
        self._drawn = None
        for layer, color in enumerate(self._colors):
            pen = pg.mkPen(color, width=NORM_WIDTH)
            self._curves.append(view_curve(self._item, pen, layer_pair_name(layer)))
        self._reducer.reset()

    def set_log_scale(self, log_scale: bool) -> None:
        self._reducer = ColumnReducer(MEAN, log10 if log_scale else None)

    def set_visible(self, visible: bool) -> None:
        for curve in self._curves:
            curve.setVisible(visible)

    def retranslate(self) -> None:
        for layer, curve in enumerate(self._curves):
            curve.opts["name"] = layer_pair_name(layer)

    def draw(self, log_scale: bool) -> None:
        """Draw the norms kept, reduced to the pixels on screen, and frame them."""
        series = self._series
        if series.width != len(self._curves):
            return
        self._follower.follow_x(series.stamps[-1] if len(series) else None)
        x_range, columns = view_x_range(self._item), data_columns(self._item)
        reduced = self._reducer.reduce(
            series.stamps,
            series.columns,
            series.generation,
            x_range,
            columns // THICK_PIXELS_PER_POINT,
        )
        # A redraw with no new row (a new heat map, a title) leaves the curves as they are.
        drawn = (series.generation, len(series), x_range, columns, log_scale)
        if drawn != self._drawn:
            self._drawn = drawn
            for curve, values in zip(self._curves, reduced.y, strict=True):
                curve.setData(reduced.x, values, connect="finite")
        frame_y(self._follower, log_scale, view=reduced.y)
