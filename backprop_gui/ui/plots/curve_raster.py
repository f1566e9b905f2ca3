"""Hundreds of curves drawn as one picture: how many of them cross each pixel.

A deep network has hundreds of weights; one |∂E/∂w| curve each made hundreds of curve items,
and even merged into one path Qt took 20 ms to stroke 90 000 segments
(tests/benchmarks/plot_refresh.py). These curves are context (a grey band per layer, with
the selected weight drawn over it), so they are rasterised here with numpy, a column of
pixels at a time: each curve covers, in each pixel column, the rows between its values at
the column's two edges and at its points inside; the picture counts the curves per pixel and
is shaded like that many translucent grey lines stacked. The same spans say which curve
passes under the pointer (:meth:`CurveRaster.curve_at`).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from backprop_gui.ui.style import NEUTRAL, qcolor

LINE_OPACITY = 0.6
"""Opacity of one curve; n curves over a pixel make it 1 - 0.4ⁿ opaque, as stacked lines."""


def curve_spans(
    px: np.ndarray, py: np.ndarray, width: int, first_column: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) (k, columns): the rows each of k polylines covers in each pixel column.

    ``px`` (m,) rising are the x of the points in pixels (column c spans [c, c + 1));
    ``py`` (k, m) their heights in pixels, NaN where a curve has no value (it breaks there).
    The columns are ``first_column`` to ``width`` - 1; those a curve does not reach are NaN.
    """
    k = py.shape[0]
    count = max(width - first_column, 0)
    low = np.full((k, count), np.nan)
    high = np.full((k, count), np.nan)
    # Only the points from the last one at or before the first column reach the columns.
    start = max(int(np.searchsorted(px, first_column, side="right")) - 1, 0)
    px, py = px[start:], py[:, start:]
    m = px.shape[0]
    if m == 0 or count == 0:
        return low, high
    # Heights at the column edges, on the segments between consecutive points.
    edges = np.arange(first_column, width + 1, dtype=np.float64)
    after = np.searchsorted(px, edges, side="right")
    inside = (after > 0) & (after < m)
    segment = np.clip(after - 1, 0, max(m - 2, 0))
    if m >= 2:
        x0, x1 = px[segment], px[segment + 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            fraction = np.where(x1 > x0, (edges - x0) / (x1 - x0), 0.0)
        at_edges = py[:, segment] * (1.0 - fraction) + py[:, segment + 1] * fraction
        at_edges[:, ~inside] = np.nan
        with np.errstate(invalid="ignore"):
            np.fmin(at_edges[:, :-1], at_edges[:, 1:], out=low)
            np.fmax(at_edges[:, :-1], at_edges[:, 1:], out=high)
    # The points themselves (the only thing a single point or a curve's last point has).
    column = np.floor(px).astype(np.intp) - first_column
    visible = (column >= 0) & (column < count)
    if visible.any():
        cols = column[visible]
        points = py[:, visible]
        starts = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]])
        with np.errstate(invalid="ignore"):
            lowest = np.fmin.reduceat(points, starts, axis=1)
            highest = np.fmax.reduceat(points, starts, axis=1)
        where = cols[starts]
        low[:, where] = np.fmin(low[:, where], lowest)
        high[:, where] = np.fmax(high[:, where], highest)
    return low, high


def coverage(low: np.ndarray, high: np.ndarray, height: int) -> np.ndarray:
    """(height, width) how many of the spans (see :func:`curve_spans`) cover each pixel.

    Row 0 is the bottom. Each span marks +1 at its first row and -1 past its last, and a
    running sum up each column counts: no loop over curves.
    """
    k, width = low.shape
    with np.errstate(invalid="ignore"):
        drawn = np.isfinite(low) & np.isfinite(high) & (high >= 0) & (low < height)
    columns = np.broadcast_to(np.arange(width), (k, width))[drawn]
    first = np.clip(np.floor(low[drawn]), 0, height - 1).astype(np.intp)
    last = np.clip(np.floor(high[drawn]), 0, height - 1).astype(np.intp)
    size = (height + 1) * width
    marks = np.bincount(first * width + columns, minlength=size)
    marks -= np.bincount((last + 1) * width + columns, minlength=size)
    return np.cumsum(marks.reshape(height + 1, width), axis=0)[:height]


def shading_table(color: str = NEUTRAL, opacity: float = LINE_OPACITY) -> np.ndarray:
    """(256, 4) RGBA: entry n is n curves of ``color`` stacked, each ``opacity`` opaque."""
    rgb = qcolor(color)
    alpha = 1.0 - (1.0 - opacity) ** np.arange(256)
    table = np.empty((256, 4), dtype=np.uint8)
    table[:, 0], table[:, 1], table[:, 2] = rgb.red(), rgb.green(), rgb.blue()
    table[:, 3] = np.rint(255.0 * alpha).astype(np.uint8)
    return table


class CurveRaster:
    """Draws curves as an image filling the view box of ``item`` (outside its bounds).

    :meth:`draw` takes points in view coordinates (already in log10 on a log axis) and the
    view range; the image has one pixel per screen pixel of the view box.
    """

    def __init__(self, item: pg.PlotItem) -> None:
        self._box = item.getViewBox()
        self.image = pg.ImageItem()
        self.image.setLookupTable(shading_table())
        self.image.setZValue(-5)
        item.addItem(self.image, ignoreBounds=True)
        self._low = self._high = np.zeros((0, 0))
        self._shade = np.zeros((0, 0), dtype=np.uint8)
        self._geometry: tuple | None = None
        """(x range, y range, width, height, curves) of the last drawing."""
        self._rect = QRectF()

    @property
    def curve_count(self) -> int:
        return self._low.shape[0]

    def draw(
        self,
        x: np.ndarray,
        y: np.ndarray,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        unchanged: int = 0,
    ) -> None:
        """Draw the k curves y (k, m) over x (m,), for the view showing these ranges.

        When the view is the same as for the last drawing, the first ``unchanged`` points are
        taken as those drawn then, and only the columns after them are drawn again.
        """
        width, height = self.pixel_size()
        (x0, x1), (y0, y1) = x_range, y_range
        if width == 0 or height == 0 or x1 <= x0 or y1 <= y0 or y.size == 0:
            self.clear()
            return
        geometry = (x_range, y_range, width, height, y.shape[0])
        px = (x - x0) * (width / (x1 - x0))
        start = 0
        if geometry == self._geometry and 0 < unchanged <= px.shape[0]:
            first_column = min(max(math.floor(px[unchanged - 1]), 0), width)
            start = max(int(np.searchsorted(px, first_column, side="right")) - 1, 0)
        else:
            first_column = 0
            self._geometry = geometry
            self._low = np.full((y.shape[0], width), np.nan)
            self._high = np.full((y.shape[0], width), np.nan)
            self._shade = np.zeros((height, width), dtype=np.uint8)
        py = (y[:, start:] - y0) * (height / (y1 - y0))
        low, high = curve_spans(px[start:], py, width, first_column)
        self._low[:, first_column:] = low
        self._high[:, first_column:] = high
        counts = coverage(low, high, height)
        np.minimum(counts, 255, out=counts)
        self._shade[:, first_column:] = counts
        self._rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        # ImageItem indexes [x, y]; the transposed view is what it draws without a copy.
        self.image.setImage(self._shade.T, levels=(0, 255), autoLevels=False, autoDownsample=False)
        self.image.setRect(self._rect)
        self.image.show()

    def clear(self) -> None:
        self._low = self._high = np.zeros((0, 0))
        self._geometry = None
        self.image.hide()

    def pixel_size(self) -> tuple[int, int]:
        """The view box in screen pixels (the image's size in pixels)."""
        return max(round(self._box.width()), 0), max(round(self._box.height()), 0)

    def coverage_at(self, x: float, y: float) -> int:
        """How many curves the picture shows at view point (x, y) (0 outside it)."""
        pixel = self._pixel(x, y)
        if pixel is None:
            return 0
        column, row = pixel
        height, width = self._shade.shape
        if not (0 <= column < width and 0 <= row < height):
            return 0
        return int(self._shade[math.floor(row), column])

    def _pixel(self, x: float, y: float) -> tuple[int, float] | None:
        """(column, row) of view point (x, y) in the picture, row 0 at the bottom."""
        if self._geometry is None:
            return None
        width, height = self._geometry[2:4]
        rect = self._rect
        column = math.floor((x - rect.left()) / rect.width() * width)
        return column, (y - rect.top()) / rect.height() * height

    def curve_at(self, x: float, y: float, reach: float) -> int | None:
        """The curve passing within ``reach`` pixels of view point (x, y), nearest first."""
        pixel = self._pixel(x, y)
        if pixel is None or self._low.size == 0:
            return None
        column, row = pixel
        width = self._geometry[2]
        reach_columns = math.ceil(reach)
        columns = slice(max(column - reach_columns, 0), min(column + reach_columns + 1, width))
        low, high = self._low[:, columns], self._high[:, columns]
        if low.size == 0:
            return None
        # Pixels from the pointer's row to each span (0 inside it); NaN (no span) stays NaN.
        gap = np.maximum(np.maximum(low - row, row - high - 1.0), 0.0)
        distance = np.where(np.isnan(gap), np.inf, gap).min(axis=1)
        nearest = int(np.argmin(distance))
        return nearest if distance[nearest] <= reach else None
