"""How every plot looks and moves: white background, readable fonts, no English pyqtgraph
menus, titles that are legends (wrapped to the plot's width), axes that print numbers as the
rest of the screen does (0,5 in French, 10⁻³ in log scale), curves drawn plainly, and ranges
that follow the data in round steps.

pyqtgraph writes ticks with Python's formatting (0.5, 1e+06) whatever the language; a class
reading "0,5" in the inspector and "0.5" on the plot next to it should not have to wonder.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsWidget, QWidget

from backprop_gui.ui.canvas.names import superscript
from backprop_gui.ui.formatting import MINUS
from backprop_gui.ui.style import BACKGROUND, MUTED_TEXT, TEXT

AXIS_PEN = MUTED_TEXT

AXIS_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
"""Round upper bounds of a growing x axis, per decade (see RangeFollower)."""

LABEL_ROOM = 18.0
"""Pixels either side of the x range, so the labels of its end ticks (0 and the round bound)
fit: pyqtgraph drops a tick label that would overflow the axis."""

MIN_X_SPAN = 10.0
"""The x axis shows at least 0 to 10 (iterations or epochs), even before any data."""

CLICK_WIDTH = 10
"""Pixels either side of a curve that still count as a click on it."""

Y_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
"""Steps a followed y range is rounded to, per decade (see nice_bounds), and the spacings of
horizontal ticks widened to fit their labels."""

LOG_Y_STEPS = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0)
"""Steps, in decades, a followed y range is rounded to on a log axis."""

Y_INTERVALS = 6
"""A followed y range spans about this many of its rounding steps (finer moves more often)."""

Y_KEEP = 0.75
"""A followed y range stays while the data inside it spans at least this fraction of it."""

Y_PADDING = 0.03
"""Fraction of a followed y range left either side, so a curve never runs along the frame."""

TITLE_SLACK = 12
"""Pixels of a plot's width that a title leaves to layout margins and spacing."""

MIN_TITLE_WIDTH = 60
"""Pixels a title may always take, however narrow the plot (it then wraps word by word)."""

SWATCH = "━━"
"""A legend's sample of a curve: a short thick line in its colour."""

HINT = None
"""The colour of a legend entry that is a grey hint (no swatch)."""

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


TICK_GAP = 12
"""Pixels kept clear between two horizontal tick labels."""


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

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list:
        """pyqtgraph's spacing, widened on a horizontal axis until the labels cannot touch:
        pyqtgraph spaces ticks by the axis length only, so "10 000" ran into "20 000" on
        a narrow dock."""
        levels = super().tickSpacing(minVal, maxVal, size)
        horizontal = self.orientation in ("bottom", "top")
        if not horizontal or self.logMode or not levels or not maxVal > minVal or size <= 0:
            return levels
        per_unit = size / (maxVal - minVal)
        spacing = levels[0][0]
        widest = max(abs(minVal), abs(maxVal)) * (-1 if minVal < 0 else 1)
        font = self.style.get("tickFont") or self.font()
        room = QFontMetrics(font).horizontalAdvance(linear_tick(widest, _decimals(spacing)))
        room += TICK_GAP
        if spacing * per_unit >= room:
            return levels
        return [(_nice_step(room / per_unit), 0.0)]

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


def _nice_step(least: float) -> float:
    """The smallest of Y_STEPS times a power of ten that is at least ``least``."""
    decade = 10.0 ** math.floor(math.log10(least))
    return next(s * decade for s in Y_STEPS if s * decade >= least * (1 - 1e-9))


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
    # The layout always takes the view's size. pyqtgraph sizes it only when the view is
    # resized, and never below what its items asked for then: a title too wide for a
    # moment (the dock made narrower, before the title wraps again) left it wider than
    # the view for good, the plot cut off on the right.
    view.ci.setMinimumSize(0, 0)
    return view


def new_plot_item(widget: QWidget, sides: Sequence[str] = ("left", "bottom")) -> pg.PlotItem:
    """A plot with locale-aware axes on ``sides`` and pyqtgraph's English menus switched off.

    No grid: pyqtgraph paints it over the whole plot at every frame, which measured as
    costly as the curves themselves (tests/benchmarks/plot_refresh.py).
    """
    axes = {side: LocaleAxisItem(side) for side in sides}
    item = pg.PlotItem(axisItems=axes)
    item.setMenuEnabled(False)
    item.getViewBox().setMenuEnabled(False)
    item.hideButtons()
    style_axes(item, widget, sides)
    cache_text(item, sides)
    transform_on_resize(item.getViewBox())
    return item


def cache_text(item: pg.PlotItem, sides: Sequence[str] = ("left", "bottom")) -> None:
    """Keep the axes and the title of ``item`` as pictures, drawn again only when they change.

    Each frame repaints the plot, but its axes move rarely (their ranges follow the data in
    round steps) and its title only when a value does; text is what costs most to draw
    (measured: a third of a frame's paint for the loss plot).
    """
    cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
    for side in sides:
        axis = item.getAxis(side)
        axis.setCacheMode(cache)
        axis.label.setCacheMode(cache)
    item.titleLabel.item.setCacheMode(cache)


def style_axes(
    item: pg.PlotItem, widget: QWidget, sides: Sequence[str] = ("left", "bottom")
) -> None:
    """Dark, base-size text on the axes of ``item`` on ``sides``."""
    font = plot_font(widget)
    for side in sides:
        axis = item.getAxis(side)
        # "(x0.001)" after a label reads as a unit nobody asked for.
        axis.enableAutoSIPrefix(False)
        axis.setPen(AXIS_PEN)
        axis.setTextPen(TEXT)
        axis.setTickFont(font)
        axis.label.setFont(font)


def axis_width(widget: QWidget, widest_tick: str) -> float:
    """Pixels a vertical axis needs for tick labels up to ``widest_tick`` and its title."""
    metrics = QFontMetrics(plot_font(widget))
    return metrics.horizontalAdvance(widest_tick) + 2 * metrics.height()


def align_left_axes(widget: QWidget, *items: pg.PlotItem) -> None:
    """Give stacked plots left axes of one width, so their x-linked data lines up."""
    width = axis_width(widget, "−0,00000")
    for item in items:
        item.getAxis("left").setWidth(width)


def set_axis_label(item: pg.PlotItem, side: str, text: str) -> None:
    """Label an axis with plain translated text (pyqtgraph reads labels as HTML).

    The axis stays hidden if it is (a plot shows the axes it needs). Writing the label
    already shown is skipped: pyqtgraph lays the whole axis out again (measured: 3 ms a
    frame for the two axes of the decision boundary).
    """
    axis = item.getAxis(side)
    escaped = html.escape(text)
    if axis.labelText == escaped and axis.label.isVisible():
        return
    axis.setLabel(escaped, color=TEXT)


def set_title(
    item: pg.PlotItem, widget: QWidget, rich_text: str | None, room: float | None = None
) -> None:
    """Write the title of ``item`` at the widget's font size (pyqtgraph's is larger).

    The title's row takes the height of its lines (pyqtgraph fixes it at 30 pixels, which
    a second line overflows, onto the data). Titles that change at every frame (current
    values) are rewritten in place when they keep their size and fit ``room``, the width
    they were wrapped to (see :func:`set_label_text`).
    """
    label = item.titleLabel
    if rich_text is None:
        if label.isVisible():
            label.setText("")  # else its width stays the plot's minimum width
            item.setTitle(None)
        return
    if label.isVisible() and set_label_text(label, rich_text, room):
        return
    font = plot_font(widget)
    size = f"{font.pointSizeF():g}pt" if font.pointSizeF() > 0 else f"{font.pixelSize()}px"
    item.setTitle(rich_text, size=size, color=TEXT)
    height = math.ceil(label.item.boundingRect().height())
    label.setMaximumHeight(height)
    item.layout.setRowFixedHeight(0, height)


def set_label_text(label: pg.LabelItem, rich_text: str, room: float | None = None) -> bool:
    """Show ``rich_text`` in ``label`` without laying its plot out again, if it fits.

    ``LabelItem.setText`` makes the whole layout of the view recompute its geometry
    (measured: 1 to 3 ms), for a title whose only change is a digit. When the new text is as
    tall as the old and no wider than the room the label has, it is swapped in place and
    centred. The label keeps the width of the text last laid out: if that is more than
    ``room`` (the width the text was wrapped to; the plot became narrower, or a text of
    more lines was shown), it is laid out again. Returns False, doing nothing, when the
    caller must lay the label out.
    """
    text_item = label.item
    if room is not None:
        # The text's own width plus the margins of its document, as measured when laid out.
        room += 2 * text_item.document().documentMargin()
        if label.minimumWidth() > room:
            return False
    if label.text == rich_text:
        return True
    if label.opts.get("color") is None:
        return False
    old = text_item.boundingRect()
    style = f"color: {pg.mkColor(label.opts['color']).name(QColor.NameFormat.HexArgb)}"
    if "size" in label.opts:
        style += f"; font-size: {label.opts['size']}"
    text_item.setHtml(f"<span style='{style}'>{rich_text}</span>")
    new = text_item.boundingRect()
    if new.height() != old.height() or new.width() > label.width():
        return False
    label.text = rich_text
    text_item.setPos(
        (label.width() - new.width()) / 2 - new.left(),
        (label.height() - new.height()) / 2 - new.top(),
    )
    return True


def swatch_html(color: str, text: str, symbol: str = SWATCH) -> str:
    """A legend entry as rich text: ``symbol`` (a short line) in ``color``, then ``text``."""
    return (
        f"<span style='color:{color}; font-weight:bold'>{symbol}</span>&nbsp;"
        f"<span style='color:{TEXT}'>{html.escape(text)}</span>"
    )


def muted_html(text: str) -> str:
    """A hint in grey, where data will appear."""
    return f"<span style='color:{MUTED_TEXT}'>{html.escape(text)}</span>"


def title_html(entries: list[str]) -> str:
    """Legend entries side by side, for a plot title (outside the data, never over it)."""
    return "&nbsp;&nbsp;&nbsp;".join(entries)


def plain_curve(item: pg.PlotItem, pen: QPen, name: str | None = None) -> pg.PlotDataItem:
    """A curve of ``item`` that draws what it is given, as it is given.

    The plots reduce long histories themselves (:mod:`.decimation`), once per pixel column
    and only where rows were added; pyqtgraph's own downsampling and clipping would redo
    the whole history at every frame. No antialiasing: a wide antialiased pen on a noisy
    curve costs Qt a stroke per segment. One polyline, even for a wide pen: on these
    curves of at most two points a pixel, it strokes faster than pyqtgraph's separate
    segments (measured: a quarter of the paint of the seven layer norms).
    """
    curve = pg.PlotDataItem(pen=pen, name=name, antialias=False)
    curve.curve.setSegmentedLineMode("off")
    item.addItem(curve)
    return curve


def view_curve(item: pg.PlotItem, pen: QPen, name: str | None = None) -> pg.PlotCurveItem:
    """A bare curve of ``item``, given values already in view coordinates (log10 on a log axis).

    ``PlotDataItem`` maps values to a log axis and measures them anew at every ``setData``
    (measured: 0.2 ms a curve, 1.5 ms a frame for the seven layer norms); a plot that reduces
    its history itself applies the log10 to the reduced values and feeds this curve. Drawn
    as :func:`plain_curve`; a non-finite value breaks the line.
    """
    curve = ViewCurveItem(pen=pen, name=name, antialias=False, connect="finite")
    curve.setSegmentedLineMode("off")
    item.addItem(curve)
    return curve


class ViewCurveItem(pg.PlotCurveItem):
    """A curve that measures its data in one pass per axis, for Qt's bounding rectangle.

    pyqtgraph's measure (``dataBounds``) sets up a warnings filter for each call: after each
    new frame, about 0.04 ms a curve and an axis (measured: 0.6 ms a frame for the seven
    layer norms). Only its plain case (the whole data, a cosmetic pen, no fill) is done here.
    """

    def setData(self, *args, **kwargs) -> None:
        self._measured: list[tuple[float | None, float | None] | None] = [None, None]
        super().setData(*args, **kwargs)

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        plain = frac >= 1.0 and orthoRange is None and self.opts["fillLevel"] is None
        pens = (self.opts["pen"], self.opts["shadowPen"])
        wide = any(pen is not None and not pen.isCosmetic() for pen in pens)
        if not plain or wide or ax not in (0, 1):
            return super().dataBounds(ax, frac, orthoRange)
        measured = getattr(self, "_measured", [None, None])
        if measured[ax] is None:
            x, y = self.getData()
            data = None if x is None else (x, y)[ax]
            measured[ax] = (None, None) if data is None else finite_bounds(data)
            self._measured = measured
        return measured[ax]


class ScaledImageItem(pg.ImageItem):
    """An image item drawn scaled up (a coarse grid over the plot) at little cost per paint.

    pyqtgraph makes an indexed (colour-table) or 24-bit picture; Qt converts such a picture
    at every paint that scales it (measured: 0.6 ms for a 64×64 decision map drawn
    550×220, against 0.07 ms for 32-bit pixels). It is converted here once per new image.
    """

    def render(self) -> None:
        super().render()
        image = self.qimage
        if image is None or image.isNull():
            return
        fast = (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied)
        if image.format() not in fast:
            target = fast[1] if image.hasAlphaChannel() else fast[0]
            self.qimage = image.convertToFormat(target)


def stepped_bound(value: float) -> float:
    """The first of 1; 1,2; 1,5; 2; 2,5; 3; 4; 5; 6; 8 × 10ᵏ at or above ``value`` (> 0)."""
    decade = 10.0 ** math.floor(math.log10(value))
    return next(step * decade for step in AXIS_STEPS if step * decade >= value * (1 - 1e-12))


def nice_bounds(low: float, high: float, log: bool = False) -> tuple[float, float]:
    """``low`` and ``high`` rounded out to multiples of a round step, about six steps apart.

    On a log axis (``log``) the bounds are exponents and steps are fractions of a decade.
    Rounded bounds move only when the data crosses one, so the ticks are not laid out again
    at every frame.
    """
    span = high - low
    if not span > 0:
        span = max(abs(high), 1.0) * (0.5 if log else 0.1)
        low, high = low - span / 2, high + span / 2
    target = span / Y_INTERVALS
    if log:
        step = next((s for s in LOG_Y_STEPS if s >= target), LOG_Y_STEPS[-1])
    else:
        step = _nice_step(target)
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step


class RangeFollower:
    """Keeps plots framed on their data until the user zooms or pans.

    x runs from 0 to a round number just past the newest point: moving it every frame would
    re-lay the ticks every frame (measured: 40 % of a redraw) and make them jitter; in steps
    of 20 to 25 % it moves rarely and the data fills most of the width. y, when given,
    spans the data on screen rounded out (:func:`nice_bounds`), and stays while the data
    stays inside and fills three quarters of it. pyqtgraph's own auto range
    would measure every curve at every frame; the plots know their bounds already. A zoom or
    pan by the user stops the following; :meth:`resume` (reset zoom) restarts it.
    """

    def __init__(self, *items: pg.PlotItem) -> None:
        self._items = items
        self._shown_x: tuple[float, float] | None = None
        self._shown_y: tuple[float, float] | None = None
        self.following = True
        for item in items:
            box = item.getViewBox()
            box.disableAutoRange()
            box.sigRangeChangedManually.connect(self._stop)

    def follow_x(self, last_x: float | None) -> None:
        """Show 0 to a round number at or past ``last_x`` (the newest point), if following."""
        if not self.following:
            return
        upper = stepped_bound(max(float(last_x or 0.0), MIN_X_SPAN))
        width = self._items[0].getViewBox().width()
        if (upper, width) != self._shown_x:
            self._shown_x = (upper, width)
            margin = upper * LABEL_ROOM / max(width - 2 * LABEL_ROOM, LABEL_ROOM)
            self._items[0].setXRange(-margin, upper + margin, padding=0.0)

    def follow_y(self, low: float | None, high: float | None, log: bool = False) -> None:
        """Frame ``low`` to ``high`` (exponents with ``log``) on the first plot, if following."""
        if not self.following or low is None or high is None:
            return
        if self._shown_y is not None:
            shown_low, shown_high = self._shown_y
            inside = shown_low <= low and high <= shown_high
            if inside and high - low >= Y_KEEP * (shown_high - shown_low):
                return
        bounds = nice_bounds(low, high, log)
        if bounds != self._shown_y:
            self._shown_y = bounds
            self._items[0].setYRange(*bounds, padding=Y_PADDING)

    def resume(self) -> None:
        """Follow the data again (the next :meth:`follow_x` and :meth:`follow_y` apply)."""
        self.following = True
        self._shown_x = self._shown_y = None

    def _stop(self, *_: object) -> None:
        self.following = False


def transform_on_resize(box: pg.ViewBox) -> None:
    """Give ``box`` the transform of its new size as soon as the layout resizes it.

    As for a new range (:func:`apply_view_transforms`): pyqtgraph would wait for the next
    paint, which then paints again (measured: a title laid out anew painted its view twice).
    """
    box.sigResized.connect(_apply_view_transform)


def _apply_view_transform(box: pg.ViewBox) -> None:
    box.updateMatrix()


def apply_view_transforms(*boxes: pg.PlotItem | pg.ViewBox) -> None:
    """Give each view box the transform of its new range now, not at the next paint.

    pyqtgraph defers it to the start of the paint that follows a range change; the curves
    then change geometry during that paint, and Qt paints the whole view a second time
    (measured: each frame that moved an axis painted twice). Called at the end of a redraw,
    it makes one redraw cost one paint.
    """
    for box in boxes:
        view_box = box if isinstance(box, pg.ViewBox) else box.getViewBox()
        view_box.updateMatrix()


def view_x_range(item: pg.PlotItem) -> tuple[float, float]:
    """The x range ``item`` shows, in data coordinates."""
    low, high = item.getViewBox().viewRange()[0]
    return float(low), float(high)


def data_columns(item: pg.PlotItem) -> int:
    """Pixel columns of ``item``'s data area (at least 1, before the first layout too)."""
    return max(round(item.getViewBox().width()), 1)


def finite_bounds(*arrays: np.ndarray) -> tuple[float | None, float | None]:
    """Lowest and highest finite value over ``arrays`` (None, None when there is none)."""
    return _bounds(arrays, positive=False)


def positive_bounds(*arrays: np.ndarray) -> tuple[float | None, float | None]:
    """Lowest and highest finite value above 0 over ``arrays`` (what a log axis can show)."""
    return _bounds(arrays, positive=True)


def _bounds(arrays: Sequence[np.ndarray], positive: bool) -> tuple[float | None, float | None]:
    lows, highs = [], []
    for values in arrays:
        if values.size == 0:
            continue
        # One pass each, without a copy, when every value counts (NaN are skipped); the values
        # are picked out only when the extremes say that some must be left out.
        low = float(np.fmin.reduce(values, axis=None))
        high = float(np.fmax.reduce(values, axis=None))
        if not (math.isfinite(low) and math.isfinite(high) and (low > 0 or not positive)):
            keep = np.isfinite(values)
            if positive:
                keep &= values > 0
            kept = values[keep]
            if kept.size == 0:
                continue
            low, high = float(kept.min()), float(kept.max())
        lows.append(low)
        highs.append(high)
    if not lows:
        return None, None
    return min(lows), max(highs)


def title_width(item: pg.PlotItem, view: QGraphicsWidget | QWidget) -> float:
    """Pixels a title of ``item`` may take without widening the plot: its data area's width.

    Computed from the view's width, not from the plot's, which a too wide title has widened.
    """
    layout = view.ci if isinstance(view, pg.GraphicsLayoutWidget) else view
    if isinstance(layout, pg.GraphicsLayout):
        layout = layout.layout  # new_view sets the margins on the grid, not on its widget
    left, _, right, _ = layout.getContentsMargins()
    room = view.width() - left - right - TITLE_SLACK
    for side in ("left", "right"):
        axis = item.getAxis(side)
        if axis.isVisible():
            # An axis just shown has no width until the layout runs; a fixed one says it.
            room -= max(axis.width(), axis.minimumWidth())
    return max(room, MIN_TITLE_WIDTH)


def legend_html(widget: QWidget, entries: Sequence[tuple[str | None, ...]], width: float) -> str:
    """Legend entries as rich text lines at most ``width`` pixels wide (the plot's width).

    Each entry is (colour, text) or (colour, text, symbol): ``symbol`` (a curve's
    :data:`SWATCH` by default) in that colour before the text, or for colour :data:`HINT`
    grey text without a symbol. Entries go side by side while they fit, then on the next
    line; an entry wider than a line is wrapped between words (its symbol on the first).
    A title wider than its plot would widen the plot past its dock and clip both.

    The markup is remembered: titles are written at every frame, and most frames change
    no entry of most of them (an accuracy changes once an epoch), while wrapping measures
    every word.
    """
    font = plot_font(widget)
    key = (font.toString(), tuple(entries), width)
    markup = _LEGENDS.get(key)
    if markup is None:
        if len(_LEGENDS) >= LEGENDS_KEPT:
            _LEGENDS.clear()
        markup = _LEGENDS[key] = _legend_html(font, entries, width)
    return markup


LEGENDS_KEPT = 256
"""Legends remembered by :func:`legend_html` (a frame writes a few titles)."""

_LEGENDS: dict[tuple, str] = {}


def _legend_html(font: QFont, entries: Sequence[tuple[str | None, ...]], width: float) -> str:
    metrics = QFontMetrics(font)
    bold = QFont(font)
    bold.setBold(True)
    bold_metrics = QFontMetrics(bold)
    space = metrics.horizontalAdvance("\u00a0")
    gap = 3 * space
    lines: list[list[str]] = [[]]
    used = 0.0
    for color, text, *rest in entries:
        symbol = rest[0] if rest else SWATCH
        swatch = bold_metrics.horizontalAdvance(symbol) + space if color else 0.0
        pieces = _wrap_words(metrics, text, width - swatch)
        for index, piece in enumerate(pieces):
            size = metrics.horizontalAdvance(piece) + (swatch if index == 0 else 0.0)
            if lines[-1] and (index > 0 or used + gap + size > width):
                lines.append([])
                used = 0.0
            if color and index == 0:
                markup = swatch_html(color, piece, symbol)
            elif color is HINT:
                markup = muted_html(piece)
            else:
                markup = f"<span style='color:{TEXT}'>{html.escape(piece)}</span>"
            used += (gap if lines[-1] else 0.0) + size
            lines[-1].append(markup)
    return "<br>".join(title_html(line) for line in lines if line)


def text_html(widget: QWidget, text: str, width: float, color: str = TEXT) -> str:
    """``text`` as rich text, cut between words into lines at most ``width`` pixels wide."""
    metrics = QFontMetrics(plot_font(widget))
    pieces = _wrap_words(metrics, text, width)
    return "<br>".join(f"<span style='color:{color}'>{html.escape(p)}</span>" for p in pieces)


def _wrap_words(metrics: QFontMetrics, text: str, width: float) -> list[str]:
    """``text`` cut between words into pieces at most ``width`` wide (a long word stays whole)."""
    pieces: list[str] = []
    for word in text.split(" "):
        if pieces and metrics.horizontalAdvance(pieces[-1] + " " + word) <= width:
            pieces[-1] += " " + word
        else:
            pieces.append(word)
    return pieces


def sampled_colors(colormap: str, count: int, stop: float = 0.85) -> list[str]:
    """``count`` hex colours evenly spread over ``colormap`` from 0 to ``stop``.

    ``stop`` < 1 leaves out the palest end (viridis' yellow), hard to see on white.
    """
    cmap = pg.colormap.get(colormap)
    points = np.linspace(0.0, stop, max(count, 1))
    return [cmap.map(float(p), mode="qcolor").name() for p in points][:count]
