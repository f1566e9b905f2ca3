"""Hundreds of curves drawn as one picture: how many of them cross each pixel.

A deep network has hundreds of weights; one |∂E/∂w| curve each made hundreds of curve items,
and even merged into one path Qt took 20 ms to stroke 90 000 segments
(tests/benchmarks/plot_refresh.py). These curves are context (a grey band per layer, with
the selected weight drawn over it), so they are rasterised here with numpy, a column of
pixels at a time: each curve covers, in each pixel column, the rows between its values at
the column's two edges and at its points inside; the picture counts the curves per pixel and
is shaded like that many translucent grey lines stacked. The same spans say which curve
passes under the pointer (:meth:`CurveRaster.curve_at`).

The raster works in float32 pixels and in arrays kept from one drawing to the next
(:class:`Scratch`): a new array of a megabyte for each step of each frame cost more than the
arithmetic (measured: 2.2 ms against 0.2 ms for one subtraction of 344 curves), the memory
being handed back to the system and faulted in again each time.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from backprop_gui.ui.plots.decimation import log10
from backprop_gui.ui.style import NEUTRAL, qcolor

LINE_OPACITY = 0.6
"""Opacity of one curve; n curves over a pixel make it 1 - 0.4ⁿ opaque, as stacked lines."""

PIXEL_LIMIT = float(2**20)
"""Heights beyond ± this many pixels are taken as this far: float32 keeps them exact enough,
and a curve falling to 0 on a log scale (−∞) is drawn plunging off the bottom."""


class Scratch:
    """Arrays reused from one call to the next, each under its own name."""

    def __init__(self) -> None:
        self._arrays: dict[str, np.ndarray] = {}

    def array(self, name: str, shape: tuple[int, ...], dtype: type) -> np.ndarray:
        """A contiguous array of ``shape`` (its content is left over from the last use)."""
        size = math.prod(shape)
        flat = self._arrays.get(name)
        if flat is None or flat.dtype != dtype or flat.size < size:
            flat = self._arrays[name] = np.empty(max(size, 1), dtype=dtype)
        return flat[:size].reshape(shape)


def curve_spans(
    px: np.ndarray,
    py: np.ndarray,
    width: int,
    first_column: int = 0,
    out: tuple[np.ndarray, np.ndarray] | None = None,
    scratch: Scratch | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) (k, columns): the rows each of k polylines covers in each pixel column.

    ``px`` (m,) rising are the x of the points in pixels (column c spans [c, c + 1));
    ``py`` (k, m) their heights in pixels, NaN where a curve has no value (it breaks there);
    the spans are computed in the dtype of ``py``. The columns are ``first_column`` to
    ``width`` - 1; those a curve does not reach are NaN. ``out`` receives them if given.
    """
    k = py.shape[0]
    count = max(width - first_column, 0)
    scratch = scratch or Scratch()
    if out is None:
        out = (np.empty((k, count), dtype=py.dtype), np.empty((k, count), dtype=py.dtype))
    low, high = out
    # Only the points from the last one at or before the first column reach the columns.
    start = max(int(np.searchsorted(px, first_column, side="right")) - 1, 0)
    px, py = px[start:], py[:, start:]
    m = px.shape[0]
    if m < 2 or count == 0:
        low.fill(np.nan)
        high.fill(np.nan)
    else:
        # Heights at the column edges, on the segments between consecutive points.
        edges = np.arange(first_column, width + 1, dtype=np.float64)
        after = np.searchsorted(px, edges, side="right")
        segment = np.clip(after - 1, 0, m - 2)
        x0, x1 = px[segment], px[segment + 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            fraction = np.where(x1 > x0, (edges - x0) / (x1 - x0), 0.0).astype(py.dtype)
        left = np.take(py, segment, axis=1, out=scratch.array("left", (k, count + 1), py.dtype))
        at_edges = np.take(
            py, segment + 1, axis=1, out=scratch.array("right", (k, count + 1), py.dtype)
        )
        with np.errstate(invalid="ignore", over="ignore"):
            at_edges -= left
            at_edges *= fraction
            at_edges += left
        outside = (after == 0) | (after == m)
        if outside.any():
            at_edges[:, outside] = np.nan
        np.fmin(at_edges[:, :-1], at_edges[:, 1:], out=low)
        np.fmax(at_edges[:, :-1], at_edges[:, 1:], out=high)
    if m == 0 or count == 0:
        return low, high
    # The points themselves (the only thing a single point or a curve's last point has).
    column = np.floor(px).astype(np.intp) - first_column
    visible = np.flatnonzero((column >= 0) & (column < count))
    if visible.size == 0:
        return low, high
    # px rises, so the visible points are consecutive.
    points = py[:, visible[0] : visible[-1] + 1]
    columns = column[visible[0] : visible[-1] + 1]
    starts = np.flatnonzero(np.r_[True, columns[1:] != columns[:-1]])
    if starts.size == columns.size:
        lowest = highest = points  # one point per column, the usual case once decimated
    else:
        with np.errstate(invalid="ignore"):
            lowest = np.fmin.reduceat(points, starts, axis=1)
            highest = np.fmax.reduceat(points, starts, axis=1)
        columns = columns[starts]
    if columns[-1] - columns[0] + 1 == columns.size:
        where = slice(int(columns[0]), int(columns[-1]) + 1)
        np.fmin(low[:, where], lowest, out=low[:, where])
        np.fmax(high[:, where], highest, out=high[:, where])
    else:
        low[:, columns] = np.fmin(low[:, columns], lowest)
        high[:, columns] = np.fmax(high[:, columns], highest)
    return low, high


def column_coverage(
    low: np.ndarray, high: np.ndarray, height: int, scratch: Scratch | None = None
) -> np.ndarray:
    """(columns, height) how many of the spans (see :func:`curve_spans`) cover each pixel,
    column by column, row 0 at the bottom; a span with a NaN or infinite end covers none.

    Each span marks +1 at its first row and -1 past its last, and a running sum up each
    column counts: no loop over curves. Spans not drawn mark two spare rows past the top.
    """
    k, width = low.shape
    rows = height + 2
    scratch = scratch or Scratch()
    dtype = np.result_type(low, np.float32)
    first = scratch.array("first", (k, width), dtype)
    stop = scratch.array("stop", (k, width), dtype)
    invalid = scratch.array("invalid", (k, width), dtype)
    with np.errstate(invalid="ignore"):
        # 0 for a span with finite ends, NaN for any other.
        np.subtract(low, low, out=invalid)
        np.subtract(high, high, out=stop)
        invalid += stop
        np.add(low, invalid, out=first)
        np.floor(first, out=first)
        np.floor(high, out=stop)
        stop += 1.0
        stop += invalid
    # NaN (not drawn) and spans above the picture go to the spare rows; spans below it, to
    # row 0 both, where they cancel out.
    np.fmin(first, height, out=first)
    np.maximum(first, 0.0, out=first)
    np.fmin(stop, height + 1, out=stop)
    np.maximum(stop, first, out=stop)
    base = np.arange(0, width * rows, rows, dtype=dtype)
    first += base
    stop += base
    size = rows * width
    indices = scratch.array("indices", (k, width), np.intp)
    np.copyto(indices, first, casting="unsafe")
    marks = np.bincount(indices.reshape(-1), minlength=size)
    np.copyto(indices, stop, casting="unsafe")
    marks -= np.bincount(indices.reshape(-1), minlength=size)
    return np.cumsum(marks.reshape(width, rows), axis=1)[:, :height]


def coverage(low: np.ndarray, high: np.ndarray, height: int) -> np.ndarray:
    """(height, width) how many of the spans cover each pixel, row 0 at the bottom."""
    return column_coverage(low, high, height).T


def shading_table(color: str = NEUTRAL, opacity: float = LINE_OPACITY) -> np.ndarray:
    """(256, 4) RGBA: entry n is n curves of ``color`` stacked, each ``opacity`` opaque."""
    rgb = qcolor(color)
    alpha = 1.0 - (1.0 - opacity) ** np.arange(256)
    table = np.empty((256, 4), dtype=np.uint8)
    table[:, 0], table[:, 1], table[:, 2] = rgb.red(), rgb.green(), rgb.blue()
    table[:, 3] = np.rint(255.0 * alpha).astype(np.uint8)
    return table


def premultiplied(table: np.ndarray) -> np.ndarray:
    """(256, 4) RGBA colours as 32-bit 0xAARRGGBB pixels, premultiplied by their alpha."""
    rgba = table.astype(np.uint32)
    alpha = rgba[:, 3]
    rgb = (rgba[:, :3] * alpha[:, None] + 127) // 255
    return (alpha << 24) | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]


class RasterImage(pg.GraphicsObject):
    """The curves' picture over a rectangle of the view, drawn as 32-bit pixels.

    pyqtgraph's ImageItem made its colour table in Python and converted the picture at each
    drawing (measured: 0.4 ms a frame); here a frame recolours only the pixel columns that
    changed, with one numpy gather through :attr:`palette`, into pixels Qt draws as they are.
    """

    def __init__(self, palette: np.ndarray) -> None:
        super().__init__()
        self.palette = palette
        self.image: np.ndarray | None = None
        """(width, height) the number of curves over each pixel (row 0 at the bottom)."""
        self._pixels = np.zeros((0, 0), dtype=np.uint32)
        """(height, width): row 0 is the bottom one, drawn at the rectangle's lowest y."""
        self._qimage = QImage()
        self._rect = QRectF()

    def show_counts(self, counts: np.ndarray, rect: QRectF, columns: slice | None = None) -> None:
        """Show ``counts`` (width, height) over ``rect`` (view coordinates); only ``columns``
        changed since the last call, unless the size did."""
        width, height = counts.shape
        self.image = counts
        if self._pixels.shape != (height, width):
            self._pixels = np.zeros((height, width), dtype=np.uint32)
            # A view of the pixels, not a copy: the buffer lives as long as this item.
            self._qimage = QImage(
                self._pixels.data,
                width,
                height,
                4 * width,
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            columns = None
        columns = columns or slice(0, width)
        np.take(self.palette, counts[columns].T, out=self._pixels[:, columns], mode="clip")
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
        self.update()

    @property
    def pixels(self) -> np.ndarray:
        """(height, width) the picture drawn, as 0xAARRGGBB pixels (row 0 at the bottom)."""
        return self._pixels

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, *_: object) -> None:
        if not self._qimage.isNull():
            painter.drawImage(self._rect, self._qimage)


class CurveRaster:
    """Draws curves as an image filling the view box of ``item`` (outside its bounds).

    :meth:`draw` takes the points and the view range; the image has one pixel per screen
    pixel of the view box.
    """

    def __init__(self, item: pg.PlotItem) -> None:
        self._box = item.getViewBox()
        self.image = RasterImage(premultiplied(shading_table()))
        self.image.setZValue(-5)
        item.addItem(self.image, ignoreBounds=True)
        self._scratch = Scratch()
        self._low = self._high = np.zeros((0, 0), dtype=np.float32)
        self._shade = np.zeros((0, 0), dtype=np.uint8)
        """(width, height), each pixel column contiguous."""
        self._geometry: tuple | None = None
        """(x range, y range, width, height, curves, log) of the last drawing."""
        self._end = 0
        """Columns from this one on show no curve (they lie past the last point)."""
        self._whole = True
        """Whether the next drawing must draw every column (see :meth:`forget`)."""
        self._points = 0
        """How many points the last drawing had."""
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
        log: bool = False,
    ) -> None:
        """Draw the k curves y (k, m) over x (m,), for the view showing these ranges.

        With ``log``, the view shows log10(y) (its y range is in exponents): the picture takes
        the log of the values in float32, three times faster than numpy's log10 in float64.
        When the view is the same as for the last drawing, the first ``unchanged`` points are
        taken as those drawn then, and only the columns after them are drawn again.
        """
        width, height = self.pixel_size()
        (x0, x1), (y0, y1) = x_range, y_range
        if width == 0 or height == 0 or x1 <= x0 or y1 <= y0 or y.size == 0:
            self.clear()
            return
        k = y.shape[0]
        geometry = (x_range, y_range, width, height, k, log)
        same = not self._whole and geometry == self._geometry
        if same and unchanged == x.shape[0] == self._points:
            return  # nothing new (a redraw for a heat map or a title)
        self._points = x.shape[0]
        px = (x - x0) * (width / (x1 - x0))
        # Past the last point's column no curve shows: those columns are left as they are.
        end = min(max(math.floor(px[-1]) + 1, 0), width) if px.shape[0] else 0
        start = 0
        if same and 0 < unchanged <= px.shape[0]:
            first_column = min(max(math.floor(px[unchanged - 1]), 0), width)
            start = max(int(np.searchsorted(px, first_column, side="right")) - 1, 0)
            end = max(end, self._end)
        else:
            first_column = 0
            self._whole = False
            self._geometry = geometry
            self._low = np.full((k, width), np.nan, dtype=np.float32)
            self._high = np.full((k, width), np.nan, dtype=np.float32)
            self._shade = np.zeros((width, height), dtype=np.uint8)
        self._end = end
        self._rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        columns = slice(first_column, max(end, first_column))
        if end > first_column:
            py = self._scratch.array("py", (k, y.shape[1] - start), np.float32)
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                np.copyto(py, y[:, start:], casting="same_kind")
                if log:
                    log10(py, out=py)
                py -= y0
                py *= height / (y1 - y0)
            np.clip(py, -PIXEL_LIMIT, PIXEL_LIMIT, out=py)
            low, high = self._low[:, columns], self._high[:, columns]
            curve_spans(px[start:], py, end, first_column, (low, high), self._scratch)
            counts = column_coverage(low, high, height, self._scratch)
            np.minimum(counts, 255, out=self._shade[columns], casting="unsafe")
        self.image.show_counts(self._shade, self._rect, None if first_column == 0 else columns)
        self.image.show()

    def forget(self) -> None:
        """Keep showing the picture, but draw the next one whole (its points are all new)."""
        self._whole = True

    def clear(self) -> None:
        self._low = self._high = np.zeros((0, 0), dtype=np.float32)
        self._geometry = None
        self._whole = True
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
        width, height = self._shade.shape
        if not (0 <= column < width and 0 <= row < height):
            return 0
        return int(self._shade[column, math.floor(row)])

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
