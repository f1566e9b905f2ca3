"""The training history as the plots keep it: growing numpy buffers fed by history updates.

Snapshots carry only the rows a reader lacks (``HistoryUpdate``), so a plot must keep the
whole series itself. Appending to a plain list and converting it on every frame costs O(n)
per frame; here rows go into preallocated arrays whose capacity doubles when full (amortised
O(1) per row) and the plots draw from views of the valid part, never from copies.
Plain numpy: no Qt, so it is tested without a screen.
"""

from __future__ import annotations

import numpy as np

from backprop_gui.engine.history import (
    EPOCH_CAPACITY,
    LAYER_CAPACITY,
    LOSS_CAPACITY,
    WEIGHT_CAPACITY,
)
from backprop_gui.engine.snapshot import HistoryUpdate, SeriesUpdate

SERIES_NAMES = ("loss", "epochs", "layer_norms", "weight_gradients")
"""The series of a ``HistoryUpdate``, in its field order."""

INITIAL_CAPACITY = 1024

COPY_BLOCK = 65_536
"""Values transposed into the column buffers per step: a block of rows stays in cache, where a
transposing copy of a whole 4 000 × 344 update in one go measured three times slower; and a
block of a narrow series holds many rows (a step per 256 rows of the loss alone cost 5 ms a
million rows)."""


class GrowingSeries:
    """Rows of ``width`` values, each stamped with an iteration, in buffers that double.

    Values are stored column by column, so :meth:`column` is a contiguous view that
    pyqtgraph draws without copying; stamps are float64 for the same reason. With
    ``by_row`` they are stored row by row, as the engine sends them: hundreds of weights
    are never drawn one column at a time, and a whole history of them is then copied in
    one pass (measured: 0.5 ms for 3 906 × 344 rows, against 2 to 3 ms transposed).
    :attr:`generation` changes whenever rows kept so far change (anything but an append), so
    a reader caching what it computed from the first rows knows when to start over.
    """

    def __init__(
        self, width: int = 0, capacity: int = INITIAL_CAPACITY, by_row: bool = False
    ) -> None:
        self._capacity = max(int(capacity), 1)
        self._by_row = by_row
        self._stamps = np.empty(self._capacity, dtype=np.float64)
        self._data = self._allocate(width, self._capacity)
        """(width, capacity), or (capacity, width) ``by_row``."""
        self._count = 0
        self.generation = 0

    def __len__(self) -> int:
        return self._count

    @property
    def width(self) -> int:
        return self._data.shape[1 if self._by_row else 0]

    @property
    def by_row(self) -> bool:
        """Whether the values are stored row by row (:attr:`values` is then contiguous)."""
        return self._by_row

    @property
    def capacity(self) -> int:
        return self._capacity

    @property
    def nbytes(self) -> int:
        """Memory reserved, valid rows or not (the capacity; the system provides the pages
        of rows not written yet only when they are)."""
        return self._stamps.nbytes + self._data.nbytes

    @property
    def stamps(self) -> np.ndarray:
        """The iterations of the rows, shape (n,): a view, valid until the next change."""
        return self._stamps[: self._count]

    @property
    def values(self) -> np.ndarray:
        """The rows, shape (n, width): a view, valid until the next change."""
        if self._by_row:
            return self._data[: self._count]
        return self._data[:, : self._count].T

    def column(self, index: int) -> np.ndarray:
        """Column ``index`` of the rows, shape (n,): a view, contiguous unless ``by_row``."""
        if self._by_row:
            return self._data[: self._count, index]
        return self._data[index, : self._count]

    @property
    def columns(self) -> np.ndarray:
        """Every column, shape (width, n): a view (each column contiguous unless ``by_row``)."""
        if self._by_row:
            return self._data[: self._count].T
        return self._data[:, : self._count]

    def last_row(self) -> np.ndarray | None:
        """A copy of the newest row, or None when the series is empty."""
        if self._count == 0:
            return None
        return self.values[-1].copy()

    def append(self, stamps: np.ndarray, rows: np.ndarray, magnitudes: bool = False) -> None:
        """Add ``rows`` (m, width) stamped ``stamps`` (m,) after the rows already kept.

        Rows of another width belong to another network: they replace what was kept.
        With ``magnitudes``, their absolute values are kept (in the same pass as the copy).
        """
        rows = np.asarray(rows, dtype=np.float64)
        if rows.ndim == 1:
            rows = rows.reshape(-1, 1)
        stamps = np.asarray(stamps).reshape(-1)
        if rows.shape[0] != stamps.shape[0]:
            raise ValueError(f"{stamps.shape[0]} stamps for {rows.shape[0]} rows")
        if rows.shape[1] != self.width:
            self._reset(rows.shape[1])
        start, added = self._count, rows.shape[0]
        self._reserve(start + added)
        self._stamps[start : start + added] = stamps
        if self._by_row:
            self._copy(rows, self._data[start : start + added], magnitudes)
        else:
            step = max(COPY_BLOCK // max(self.width, 1), 1)
            for first in range(0, added, step):
                block = rows[first : first + step].T
                target = self._data[:, start + first : start + first + block.shape[1]]
                self._copy(block, target, magnitudes)
        self._count = start + added

    @staticmethod
    def _copy(source: np.ndarray, target: np.ndarray, magnitudes: bool) -> None:
        if magnitudes:
            np.abs(source, out=target)
        else:
            target[...] = source

    def replace(self, stamps: np.ndarray, rows: np.ndarray, magnitudes: bool = False) -> None:
        """Drop every row kept, then keep ``rows`` (their absolute values with ``magnitudes``)."""
        self.clear()
        self.append(stamps, rows, magnitudes)

    def clear(self) -> None:
        """Drop every row; the capacity stays, so refilling does not reallocate."""
        self._count = 0
        self.generation += 1

    def _allocate(self, width: int, capacity: int) -> np.ndarray:
        shape = (capacity, width) if self._by_row else (width, capacity)
        return np.empty(shape, dtype=np.float64)

    def _reset(self, width: int) -> None:
        self._data = self._allocate(width, self._capacity)
        self.clear()

    def _reserve(self, needed: int) -> None:
        if needed <= self._capacity:
            return
        capacity = self._capacity
        while capacity < needed:
            capacity *= 2
        stamps = np.empty(capacity, dtype=np.float64)
        stamps[: self._count] = self._stamps[: self._count]
        data = self._allocate(self.width, capacity)
        if self._by_row:
            data[: self._count] = self._data[: self._count]
        else:
            data[:, : self._count] = self._data[:, : self._count]
        self._stamps, self._data, self._capacity = stamps, data, capacity


class HistoryBuffers:
    """The series of a run that one plot draws, kept up to date by :meth:`apply`.

    ``names`` picks the series to keep (each plot keeps only what it draws); the others
    are None. ``weight_gradients`` holds magnitudes |dE/dw| (the engine sends signed
    values), row by row; it is empty with width 0 for a network too big to follow weight by
    weight.
    """

    def __init__(self, names: tuple[str, ...] = SERIES_NAMES) -> None:
        unknown = set(names) - set(SERIES_NAMES)
        if unknown:
            raise ValueError(f"unknown history series: {sorted(unknown)}")
        self.names = tuple(name for name in SERIES_NAMES if name in names)
        # As many rows as the engine ever sends (it thins a series at its capacity): a series
        # never grows then, and its memory is only touched as rows come (measured: growing
        # past 4 096 rows of 344 weights stalled a frame for 20 to 40 ms, copying).
        self.loss = GrowingSeries(1, LOSS_CAPACITY) if "loss" in names else None
        self.epochs = GrowingSeries(5, EPOCH_CAPACITY) if "epochs" in names else None
        self.layer_norms = GrowingSeries(0, LAYER_CAPACITY) if "layer_norms" in names else None
        self.weight_gradients = (
            GrowingSeries(0, WEIGHT_CAPACITY, by_row=True) if "weight_gradients" in names else None
        )

    @property
    def nbytes(self) -> int:
        return sum(getattr(self, name).nbytes for name in self.names)

    def series(self, name: str) -> GrowingSeries | None:
        return getattr(self, name) if name in self.names else None

    def apply(self, update: HistoryUpdate) -> set[str]:
        """Append (or, when ``replace``, substitute) the update's rows; return the changed names."""
        changed = set()
        for name in self.names:
            series: GrowingSeries = getattr(self, name)
            rows: SeriesUpdate | None = getattr(update, name)
            if rows is None:
                # The network is too big for this series (weight_gradients): keep nothing.
                if len(series) or series.width:
                    series.replace(np.empty(0), np.empty((0, 0)))
                    changed.add(name)
                continue
            magnitudes = name == "weight_gradients"
            if rows.replace:
                series.replace(rows.iterations, rows.values, magnitudes)
                changed.add(name)
            elif len(rows.iterations):
                series.append(rows.iterations, rows.values, magnitudes)
                changed.add(name)
        return changed

    def clear(self) -> None:
        for name in self.names:
            getattr(self, name).clear()
