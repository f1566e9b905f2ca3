"""Long histories reduced to the resolution of the screen: one or two points per pixel column.

A million iterations drawn 500 pixels wide put 2 000 rows in each pixel column; drawing them
all costs time and shows nothing more. Here the x range on screen is cut into one bin per
pixel column and each bin keeps its lowest and highest value (``PEAK``: spikes stay visible,
for the loss) or its mean (``MEAN``: the trend of a noisy gradient). A reducer remembers the
bins already computed: when rows are only appended, it recomputes the last bins, so a frame
costs the new rows plus the bins, whatever the length of the history. Rows outside the x
range are left out, except one on each side so that lines run to the edges of the plot.
Plain numpy: tested without a screen.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import numpy as np

PEAK, MEAN = "peak", "mean"
"""The two reductions: lowest and highest value of each bin, or their mean."""


@dataclass(frozen=True)
class Reduction:
    """What to draw: ``x`` (m,) and ``y`` (k, m), one row of ``y`` per reduced column."""

    x: np.ndarray
    y: np.ndarray
    decimated: bool
    """False when the rows are drawn as they are (few enough for the width)."""
    unchanged: int = 0
    """How many leading points are those of the reducer's previous reduction (0: maybe none)."""


Transform = Callable[[np.ndarray], np.ndarray]


class ColumnReducer:
    """Reduces rows stamped by a rising x to at most ``samples`` points per pixel column.

    ``transform`` (log10, say) is applied to the reduced values only, and kept with the bins,
    so a frame transforms only the bins it recomputes.
    """

    def __init__(self, mode: str = PEAK, transform: Transform | None = None) -> None:
        if mode not in (PEAK, MEAN):
            raise ValueError(f"unknown reduction {mode!r}")
        self.mode = mode
        self._transform = transform
        self._key: tuple | None = None
        self._rows_done = 0
        self._changed_bin = 0
        self._starts = np.zeros(1, dtype=np.intp)
        self._low = self._high = np.zeros((0, 0))

    @property
    def samples(self) -> int:
        """Points drawn per pixel column when decimated."""
        return 2 if self.mode == PEAK else 1

    def reset(self) -> None:
        """Forget the bins (the next reduction starts from scratch)."""
        self._key = None

    def reduce(
        self,
        x: np.ndarray,
        values: np.ndarray,
        generation: Hashable,
        x_range: tuple[float, float],
        columns: int,
    ) -> Reduction:
        """Reduce ``values`` (k, n) stamped ``x`` (n,) rising, to ``columns`` bins of ``x_range``.

        ``generation`` must change whenever rows reduced before may have changed (see
        ``GrowingSeries.generation``), or ``x`` is another column; otherwise rows past those
        seen are taken as appended.
        """
        if values.ndim == 1:
            values = values.reshape(1, -1)
        n = x.shape[0]
        columns = max(int(columns), 1)
        low, high = float(x_range[0]), float(x_range[1])
        first = int(np.searchsorted(x, low, side="left"))
        stop = int(np.searchsorted(x, high, side="right"))
        if n <= self.samples * columns or stop - first <= self.samples * columns or high <= low:
            self._key = None
            rows = slice(0, n) if n <= self.samples * columns else _with_neighbours(first, stop, n)
            return Reduction(x[rows], self._transformed(values[:, rows]), False)
        key = (generation, low, high, columns, values.shape[0])
        fresh = key != self._key or n < self._rows_done
        if fresh:
            self._start_bins(key, values.shape[0], columns)
        self._update_bins(x, values, low, high, columns, n)
        reduction = self._assemble(x, values, low, high, columns, first, stop)
        if fresh:
            return reduction
        filled = np.flatnonzero(np.diff(self._starts[: self._changed_bin + 1]))
        unchanged = (1 if first > 0 else 0) + self.samples * filled.size
        return dataclasses.replace(reduction, unchanged=unchanged)

    # -- bins ----------------------------------------------------------------------------------

    def _start_bins(self, key: tuple, width: int, columns: int) -> None:
        self._key = key
        self._rows_done = 0
        self._starts = np.zeros(columns + 1, dtype=np.intp)
        self._low = np.full((width, columns), np.nan)
        self._high = np.full((width, columns), np.nan) if self.mode == PEAK else self._low

    def _update_bins(
        self, x: np.ndarray, values: np.ndarray, low: float, high: float, columns: int, n: int
    ) -> None:
        """Recompute the bins from the one the first new row falls in to the last."""
        self._changed_bin = columns
        if n == self._rows_done:
            return
        step = (high - low) / columns
        first_new = x[self._rows_done]
        first_bin = min(max(math.floor((first_new - low) / step), 0), columns)
        edges = low + step * np.arange(first_bin, columns + 1)
        edges[-1] = np.nextafter(high, math.inf)  # the last bin holds a row at the range's end
        starts = np.searchsorted(x, edges, side="left")
        self._starts[first_bin:] = starts
        self._rows_done = n
        self._changed_bin = first_bin
        if first_bin == columns:
            return
        counts = np.diff(starts)
        filled = np.flatnonzero(counts)
        self._low[:, first_bin:] = np.nan
        if self.mode == PEAK:
            self._high[:, first_bin:] = np.nan
        if filled.size == 0:
            return
        block = values[:, starts[0] : starts[-1]]
        offsets = starts[filled] - starts[0]
        target = first_bin + filled
        if self.mode == PEAK:
            self._low[:, target] = self._transformed(np.minimum.reduceat(block, offsets, axis=1))
            self._high[:, target] = self._transformed(np.maximum.reduceat(block, offsets, axis=1))
        else:
            sums = np.add.reduceat(block, offsets, axis=1)
            self._low[:, target] = self._transformed(sums / counts[filled])

    def _assemble(
        self,
        x: np.ndarray,
        values: np.ndarray,
        low: float,
        high: float,
        columns: int,
        first: int,
        stop: int,
    ) -> Reduction:
        filled = np.flatnonzero(np.diff(self._starts))
        # Each bin is drawn halfway between its first and last rows: in the middle of its
        # column when full, and never past the newest row when the last bin is partly filled.
        centres = 0.5 * (x[self._starts[filled]] + x[self._starts[filled + 1] - 1])
        if self.mode == PEAK:
            xs = np.repeat(centres, 2)
            ys = np.empty((values.shape[0], 2 * filled.size))
            ys[:, 0::2] = self._low[:, filled]
            ys[:, 1::2] = self._high[:, filled]
        else:
            xs, ys = centres, self._low[:, filled]
        before = [first - 1] if first > 0 else []
        after = [stop] if stop < x.shape[0] else []
        if before or after:
            outside = self._transformed(values[:, before + after])
            xs = np.concatenate((x[before], xs, x[after]))
            ys = np.concatenate((outside[:, : len(before)], ys, outside[:, len(before) :]), axis=1)
        return Reduction(xs, ys, True)

    def _transformed(self, values: np.ndarray) -> np.ndarray:
        if self._transform is None:
            return values
        with np.errstate(divide="ignore", invalid="ignore"):
            return self._transform(values)


def _with_neighbours(first: int, stop: int, n: int) -> slice:
    """Rows ``first`` to ``stop`` (excluded), and the row just outside on each side."""
    return slice(max(first - 1, 0), min(stop + 1, n))
