"""The gradient plot's side panel: each layer's current |∂E/∂w| as a heat map, on one scale.

Rows are neuron j of the next layer, columns neuron i, as in ``weights[layer][j, i]``; a
heading names the iteration shown and a colour bar gives the scale. Until a first backward
pass has computed gradients, an explanation stands in for the maps. The panel draws; when to
draw (a few times a second while training runs) and its texts are the plot's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from backprop_gui.ui.plots.gradient_colors import COLORMAP, color_scale, heat_indices
from backprop_gui.ui.plots.heat_mosaic import HeatMosaic
from backprop_gui.ui.plots.plot_style import (
    apply_view_transforms,
    new_plot_item,
    new_view,
    plot_font,
    set_label_text,
    text_html,
)
from backprop_gui.ui.style import MUTED_TEXT, TEXT

COLOR_BAR_HEIGHT = 12
"""Pixels of the colour bar's ramp, under the heat maps, across their whole width."""

COLOR_BAR_AXIS_ROOM = 14
"""Pixels of the colour bar's scale besides its labels' height: ticks and spacing."""

HEAT_MIN_WIDTH = 150


class GradientHeatPanel:
    """The heat maps, their heading and colour bar, or the explanation, in one stacked widget
    (:attr:`widget`) owned by ``plot``."""

    def __init__(self, plot: QWidget) -> None:
        self._plot = plot
        self._levels: tuple[float, float] | None = None
        self._text = ""
        self.view = new_view(plot)
        self.view.setMinimumWidth(HEAT_MIN_WIDTH)
        self.hint = QLabel(plot)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet(f"color: {MUTED_TEXT}; background: white; padding: 8px")
        self.widget = QStackedWidget(plot)
        self.widget.addWidget(self.hint)
        self.widget.addWidget(self.view)

        colors = pg.colormap.get(COLORMAP).getLookupTable(nPts=256, alpha=False)
        self.mosaic = HeatMosaic(colors, plot_font(plot))
        self._header = pg.LabelItem(color=TEXT, size=f"{plot_font(plot).pointSizeF():g}pt")
        self.color_bar = new_plot_item(plot)
        self._color_bar_image = pg.ImageItem()
        self._build_color_bar()
        layout = self.view.ci
        layout.addItem(self._header, row=0, col=0)
        layout.addItem(self.mosaic, row=1, col=0)
        layout.addItem(self.color_bar, row=2, col=0)
        layout.layout.setRowStretchFactor(1, 1)

    @property
    def levels(self) -> tuple[float, float] | None:
        """(low, high) of the colour scale (exponents on a log scale)."""
        return self._levels

    @property
    def text(self) -> str:
        """The heading, as plain text (it is shown wrapped)."""
        return self._text

    @property
    def shown(self) -> bool:
        """False while the explanation stands in for the maps."""
        return self.widget.currentWidget() is self.view

    def set_shapes(self, shapes: list[tuple[int, int]]) -> None:
        """One map per weight matrix of these shapes (rows, columns); the scale starts over."""
        self.mosaic.set_shapes(shapes)
        self._levels = None

    def set_log_scale(self, log_scale: bool) -> None:
        """Colours on a log scale or not; the scale is found again at the next picture."""
        self.color_bar.getAxis("bottom").setLogMode(log_scale)
        self._levels = None

    def show_hint(self) -> None:
        self.widget.setCurrentWidget(self.hint)

    def show_gradients(self, gradients: Sequence[np.ndarray], log_scale: bool) -> None:
        """Colour every cell by its |∂E/∂w|, keeping the colour scale while it still fits."""
        self.widget.setCurrentWidget(self.view)
        # Every layer in one pass: seven small matrices cost numpy's overhead seven times.
        magnitudes = np.abs(np.concatenate([g.ravel() for g in gradients]))
        largest = float(magnitudes.max()) if magnitudes.size else 0.0
        levels = color_scale(largest, log_scale, self._levels)
        self.mosaic.show_indices(heat_indices(magnitudes, levels, log_scale))
        if levels != self._levels:
            self._levels = levels
            low, high = levels
            self._color_bar_image.setRect(QRectF(low, 0.0, high - low, 1.0))
            self.color_bar.setXRange(low, high, padding=0)
            apply_view_transforms(self.color_bar)

    def set_header(self, text: str) -> None:
        """Show ``text`` above the maps, wrapped to their width ("" for none)."""
        self._text = text
        if not text:
            self._header.setText("")
            return
        width = max(self.view.width() - 12, 40)
        markup = text_html(self._plot, text, width)
        if not set_label_text(self._header, markup):
            self._header.setText(markup)

    def _build_color_bar(self) -> None:
        """A horizontal ramp under the heat maps, with its scale below: it takes the whole
        width of a narrow dock instead of a column the maps would need."""
        bar = self.color_bar
        bar.hideAxis("left")
        axis = bar.getAxis("bottom")
        axis.setLogMode(True)
        bar.setMouseEnabled(x=False, y=False)
        font_height = QFontMetrics(plot_font(self._plot)).height()
        bar.setFixedHeight(COLOR_BAR_HEIGHT + font_height + COLOR_BAR_AXIS_ROOM)
        # Fixed, so that new labels (10⁻⁴ after 0,01) do not lay the heat maps out again.
        axis.setHeight(font_height + COLOR_BAR_AXIS_ROOM)
        bar.addItem(self._color_bar_image)
        lut = pg.colormap.get(COLORMAP).getLookupTable(nPts=256)
        self._color_bar_image.setLookupTable(lut)
        self._color_bar_image.setImage(np.linspace(0.0, 1.0, 256).reshape(256, 1), levels=(0, 1))
        bar.setYRange(0, 1, padding=0)
