"""How every plot looks and moves: white background, readable fonts, no English pyqtgraph
menus, titles that are legends, axes that print numbers as the rest of the screen does (0,5 in
French, 10⁻³ in log scale), curves drawn sparingly, and an x axis that grows in round steps.

pyqtgraph writes ticks with Python's formatting (0.5, 1e+06) whatever the language; a class
reading "0,5" in the inspector and "0.5" on the plot next to it should not have to wonder.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QWidget

from backprop_gui.ui.canvas.names import superscript
from backprop_gui.ui.formatting import MINUS
from backprop_gui.ui.style import BACKGROUND, MUTED_TEXT, TEXT

AXIS_PEN = MUTED_TEXT
SAMPLES_PER_PIXEL = 2.0
"""Data points kept per pixel of plot width by automatic downsampling (see sparing_curve)."""

AXIS_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
"""Round upper bounds of a growing x axis, per decade (see XRangeFollower)."""

LABEL_ROOM = 18.0
"""Pixels either side of the x range, so the labels of its end ticks (0 and the round bound)
fit: pyqtgraph drops a tick label that would overflow the axis."""

MIN_X_SPAN = 10.0
"""The x axis shows at least 0 to 10 (iterations or epochs), even before any data."""

CLICK_WIDTH = 10
"""Pixels either side of a curve that still count as a click on it."""

MANY_DECADES = 4.0
"""A log axis spanning more decades than this gets ticks at powers of ten only."""

_PLAIN_DECADES = range(-2, 4)
"""Powers of ten written as plain numbers (0,01 to 1 000); the others as 10ᵏ."""


def power_of_ten(exponent: int) -> str:
    """10ᵏ with a superscript exponent (and a superscript minus sign)."""
    return "10" + ("⁻" if exponent < 0 else "") + superscript(str(abs(exponent)))


def linear_tick(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals (thousands grouped) in the default locale."""
    if abs(value) < 0.5 * 10.0**-decimals:
        return "0"
    text = QLocale().toString(abs(value), "f", decimals)
    return (MINUS if value < 0 else "") + text


def log_tick(exponent: float) -> str:
    """The label of the tick at 10**``exponent`` on a log axis (3 significant digits)."""
    whole = round(exponent)
    if abs(exponent - whole) < 1e-6:
        if whole in _PLAIN_DECADES:
            return linear_tick(10.0**whole, max(0, -whole))
        return power_of_ten(whole)
    decade = math.floor(exponent)
    mantissa = round(10.0 ** (exponent - decade), 2)
    decimals = next(d for d in range(3) if abs(mantissa - round(mantissa, d)) < 1e-9)
    if decade in _PLAIN_DECADES:
        return linear_tick(mantissa * 10.0**decade, max(0, decimals - decade))
    return QLocale().toString(mantissa, "f", decimals) + "·" + power_of_ten(decade)


class LocaleAxisItem(pg.AxisItem):
    """An axis whose tick labels follow the interface locale.

    On a log axis spanning a decade or more, ticks sit at 1, 2 and 5 times each power of ten
    (labelled) and at the other multiples (unlabelled), never "9·10⁻³" over "8·10⁻³"; within
    less than a decade, at round values (0,12; 0,14...).
    """

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            wide = abs(self.range[1] - self.range[0]) >= 1.0
            return [log_tick(v) if not wide or _is_nice(v) else "" for v in values]
        decimals = _decimals(spacing * scale)
        return [linear_tick(value * scale, decimals) for value in values]

    def logTickValues(self, minVal: float, maxVal: float, size: float, stdTicks: list) -> list:
        if not (math.isfinite(minVal) and math.isfinite(maxVal)):
            return []
        if maxVal - minVal < 1.0:
            return self._round_ticks(minVal, maxVal, size)
        if maxVal - minVal > MANY_DECADES:
            return [(spacing, values) for spacing, values in stdTicks if spacing >= 1.0]
        decades = list(range(math.ceil(minVal), math.floor(maxVal) + 1))

        def multiples(factors: tuple[int, ...]) -> list[float]:
            whole = range(math.floor(minVal), math.ceil(maxVal))
            exponents = (d + math.log10(f) for d in whole for f in factors)
            return [e for e in exponents if minVal < e < maxVal]

        return [(1.0, decades), (None, multiples((2, 5))), (None, multiples((3, 4, 6, 7, 8, 9)))]

    def _round_ticks(self, minVal: float, maxVal: float, size: float) -> list:
        low, high = 10.0**minVal, 10.0**maxVal
        levels, placed = [], np.empty(0)
        for spacing, offset in self.tickSpacing(low, high, size)[:2]:
            first = math.ceil((low - offset) / spacing) * spacing + offset
            values = np.arange(first, high, spacing)
            values = values[values > 0]
            if placed.size:
                values = values[np.abs(values[:, None] - placed).min(axis=1) > spacing * 1e-3]
            placed = np.concatenate((placed, values))
            levels.append((None, list(np.log10(values))))
        return levels


def _decimals(step: float) -> int:
    """Decimals that write every multiple of ``step`` exactly (0,25 needs two)."""
    if not (step > 0 and math.isfinite(step)):
        return 0
    for decimals in range(16):
        if abs(step - round(step, decimals)) <= step * 1e-6:
            return decimals
    return 15


def _is_nice(exponent: float) -> bool:
    """Whether 10**exponent is 1, 2 or 5 times a power of ten."""
    mantissa = 10.0 ** (exponent - math.floor(exponent + 1e-9))
    return any(abs(mantissa - nice) < 1e-6 for nice in (1.0, 2.0, 5.0))


def plot_font(widget: QWidget) -> QFont:
    """A copy of the widget's own font, so the base size set for a projector applies."""
    return QFont(widget.font())


def new_view(parent: QWidget) -> pg.GraphicsLayoutWidget:
    """A white graphics view whose only context menu is the plot's own (see PlotMenu)."""
    view = pg.GraphicsLayoutWidget(parent, show=False)
    view.setBackground(BACKGROUND)
    view.ci.setContentsMargins(4, 4, 16, 4)  # room for the last x tick label
    return view


def new_plot_item(widget: QWidget) -> pg.PlotItem:
    """A plot with locale-aware axes and pyqtgraph's English menus switched off.

    No grid: pyqtgraph paints it over the whole plot at every frame, which measured as
    costly as the curves themselves (tests/benchmarks/plot_refresh.py).
    """
    axes = {side: LocaleAxisItem(side) for side in ("left", "bottom")}
    item = pg.PlotItem(axisItems=axes)
    item.setMenuEnabled(False)
    item.getViewBox().setMenuEnabled(False)
    item.hideButtons()
    style_axes(item, widget)
    return item


def style_axes(item: pg.PlotItem, widget: QWidget) -> None:
    """Dark, base-size text on every axis of ``item``."""
    font = plot_font(widget)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        # "(x0.001)" after a label reads as a unit nobody asked for.
        axis.enableAutoSIPrefix(False)
        axis.setPen(AXIS_PEN)
        axis.setTextPen(TEXT)
        axis.setTickFont(font)
        axis.label.setFont(font)


def align_left_axes(widget: QWidget, *items: pg.PlotItem) -> None:
    """Give stacked plots left axes of one width, so their x-linked data lines up."""
    metrics = QFontMetrics(plot_font(widget))
    width = metrics.horizontalAdvance("−0,00000") + 2 * metrics.height()
    for item in items:
        item.getAxis("left").setWidth(width)


def set_axis_label(item: pg.PlotItem, side: str, text: str) -> None:
    """Label an axis with plain translated text (pyqtgraph reads labels as HTML)."""
    item.setLabel(side, html.escape(text), color=TEXT)


def set_title(item: pg.PlotItem, widget: QWidget, rich_text: str | None) -> None:
    """Write the title line of ``item`` at the widget's font size (pyqtgraph's is larger).

    Writing the text already shown is skipped: laying out rich text costs ~0.5 ms a frame.
    """
    label = item.titleLabel
    if rich_text is None:
        if label.isVisible():
            label.setText("")  # else its width stays the plot's minimum width
            item.setTitle(None)
        return
    if label.isVisible() and label.text == rich_text:
        return
    font = plot_font(widget)
    size = f"{font.pointSizeF():g}pt" if font.pointSizeF() > 0 else f"{font.pixelSize()}px"
    item.setTitle(rich_text, size=size, color=TEXT)


def swatch_html(color: str, text: str) -> str:
    """A legend entry as rich text: a short line in the curve's colour, then ``text``."""
    return (
        f"<span style='color:{color}; font-weight:bold'>━━</span>&nbsp;"
        f"<span style='color:{TEXT}'>{html.escape(text)}</span>"
    )


def muted_html(text: str) -> str:
    """A hint in grey, where data will appear."""
    return f"<span style='color:{MUTED_TEXT}'>{html.escape(text)}</span>"


def title_html(entries: list[str]) -> str:
    """Legend entries side by side, for a plot title (outside the data, never over it)."""
    return "&nbsp;&nbsp;&nbsp;".join(entries)


def sparing_curve(item: pg.PlotItem, pen: QPen, name: str | None = None) -> pg.PlotDataItem:
    """A curve of ``item`` drawn with at most ~2 samples per pixel once downsampled.

    pyqtgraph's automatic downsampling keeps 5 samples per pixel; with 'peak' each becomes a
    min-max pair, so a long history was drawn as ~10 segments per pixel column, and painting
    them cost 3 ms per curve at 640 px (tests/benchmarks/plot_refresh.py). Two per pixel
    look the same. The factor is an option pyqtgraph reads but has no setter for.
    """
    curve = pg.PlotDataItem(pen=pen, name=name)
    curve.opts["autoDownsampleFactor"] = SAMPLES_PER_PIXEL
    item.addItem(curve)
    return curve


def stepped_bound(value: float) -> float:
    """The first of 1; 1,2; 1,5; 2; 2,5; 3; 4; 5; 6; 8 × 10ᵏ at or above ``value`` (> 0)."""
    decade = 10.0 ** math.floor(math.log10(value))
    return next(step * decade for step in AXIS_STEPS if step * decade >= value * (1 - 1e-12))


class XRangeFollower:
    """Keeps the x axis of plots from 0 to a round number just past the data (and a margin).

    Moving it every frame would re-lay the ticks every frame (measured: 40 % of a redraw)
    and make them jitter; in steps of 20 to 25 % it moves rarely and the data fills most of
    the width. The user zooming or panning stops it; :meth:`resume` (reset zoom) restarts it.
    """

    def __init__(self, *items: pg.PlotItem) -> None:
        self._items = items
        self._shown: tuple[float, float] | None = None
        self.following = True
        for item in items:
            item.getViewBox().sigRangeChangedManually.connect(self._stop)

    def follow(self, last_x: float | None) -> None:
        """Show 0 to a round number at or past ``last_x`` (the newest point), if following."""
        if not self.following:
            return
        upper = stepped_bound(max(float(last_x or 0.0), MIN_X_SPAN))
        width = self._items[0].getViewBox().width()
        if (upper, width) != self._shown:
            self._shown = (upper, width)
            margin = upper * LABEL_ROOM / max(width - 2 * LABEL_ROOM, LABEL_ROOM)
            self._items[0].setXRange(-margin, upper + margin, padding=0.0)

    def resume(self) -> None:
        """Follow the data again; the y axis of the first plot fits its data again too."""
        self.following = True
        self._shown = None
        self._items[0].enableAutoRange(x=False, y=True)

    def _stop(self, *_: object) -> None:
        self.following = False


def sampled_colors(colormap: str, count: int, stop: float = 0.85) -> list[str]:
    """``count`` hex colours evenly spread over ``colormap`` from 0 to ``stop``.

    ``stop`` < 1 leaves out the palest end (viridis' yellow), hard to see on white.
    """
    cmap = pg.colormap.get(colormap)
    points = np.linspace(0.0, stop, max(count, 1))
    return [cmap.map(float(p), mode="qcolor").name() for p in points][:count]
