"""The training history as the plots keep it: growing numpy buffers fed by history updates.

Snapshots carry only the rows a reader lacks (``HistoryUpdate``), so a plot must keep the
whole series itself. Appending to a plain list and converting it on every frame costs O(n)
per frame; here rows go into preallocated arrays whose capacity doubles when full (amortised
O(1) per row) and the plots draw from views of the valid part, never from copies.
Plain numpy: no Qt, so it is tested without a screen.
"""

from __future__ import annotations

import numpy as np

from backprop_gui.engine.snapshot import HistoryUpdate, SeriesUpdate

SERIES_NAMES = ("loss", "epochs", "layer_norms", "weight_gradients")
"""The series of a ``HistoryUpdate``, in its field order."""

INITIAL_CAPACITY = 1024

_COPY_BLOCK = 256
"""Rows transposed into the column buffers per step: a block of rows stays in cache, where a
transposing copy of a whole 4 000 × 344 update in one go measured three times slower."""


class GrowingSeries:
    """Rows of ``width`` values, each stamped with an iteration, in buffers that double.

    Values are stored column by column, so :meth:`column` is a contiguous view that
    pyqtgraph draws without copying; stamps are float64 for the same reason.
    :attr:`generation` changes whenever rows kept so far change (anything but an append), so
    a reader caching what it computed from the first rows knows when to start over.
    """

    def __init__(self, width: int = 0, capacity: int = INITIAL_CAPACITY) -> None:
        self._capacity = max(int(capacity), 1)
        self._stamps = np.empty(self._capacity, dtype=np.float64)
        self._columns = np.empty((width, self._capacity), dtype=np.float64)
        self._count = 0
        self.generation = 0

    def __len__(self) -> int:
        return self._count

    @property
    def width(self) -> int:
        return self._columns.shape[0]

    @property
    def capacity(self) -> int:
        return self._capacity

    @property
    def nbytes(self) -> int:
        """Memory held, valid rows or not (the capacity)."""
        return self._stamps.nbytes + self._columns.nbytes

    @property
    def stamps(self) -> np.ndarray:
        """The iterations of the rows, shape (n,): a view, valid until the next change."""
        return self._stamps[: self._count]

    @property
    def values(self) -> np.ndarray:
        """The rows, shape (n, width): a view, valid until the next change."""
        return self._columns[:, : self._count].T

    def column(self, index: int) -> np.ndarray:
        """Column ``index`` of the rows, shape (n,): a contiguous view."""
        return self._columns[index, : self._count]

    @property
    def columns(self) -> np.ndarray:
        """Every column, shape (width, n): a view, each column contiguous."""
        return self._columns[:, : self._count]

    def last_row(self) -> np.ndarray | None:
        """A copy of the newest row, or None when the series is empty."""
        if self._count == 0:
            return None
        return self._columns[:, self._count - 1].copy()

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
        for first in range(0, added, _COPY_BLOCK):
            block = rows[first : first + _COPY_BLOCK].T
            target = self._columns[:, start + first : start + first + block.shape[1]]
            if magnitudes:
                np.abs(block, out=target)
            else:
                target[...] = block
        self._count = start + added

    def replace(self, stamps: np.ndarray, rows: np.ndarray, magnitudes: bool = False) -> None:
        """Drop every row kept, then keep ``rows`` (their absolute values with ``magnitudes``)."""
        self.clear()
        self.append(stamps, rows, magnitudes)

    def clear(self) -> None:
        """Drop every row; the capacity stays, so refilling does not reallocate."""
        self._count = 0
        self.generation += 1

    def _reset(self, width: int) -> None:
        self._columns = np.empty((width, self._capacity), dtype=np.float64)
        self.clear()

    def _reserve(self, needed: int) -> None:
        if needed <= self._capacity:
            return
        capacity = self._capacity
        while capacity < needed:
            capacity *= 2
        stamps = np.empty(capacity, dtype=np.float64)
        stamps[: self._count] = self._stamps[: self._count]
        columns = np.empty((self.width, capacity), dtype=np.float64)
        columns[:, : self._count] = self._columns[:, : self._count]
        self._stamps, self._columns, self._capacity = stamps, columns, capacity


class HistoryBuffers:
    """The series of a run that one plot draws, kept up to date by :meth:`apply`.

    ``names`` picks the series to keep (each plot keeps only what it draws); the others
    are None. ``weight_gradients`` holds magnitudes |dE/dw| (the engine sends signed
    values); it is empty with width 0 for a network too big to follow weight by weight.
    """

    def __init__(self, names: tuple[str, ...] = SERIES_NAMES) -> None:
        unknown = set(names) - set(SERIES_NAMES)
        if unknown:
            raise ValueError(f"unknown history series: {sorted(unknown)}")
        self.names = tuple(name for name in SERIES_NAMES if name in names)
        self.loss = GrowingSeries(1) if "loss" in names else None
        self.epochs = GrowingSeries(5) if "epochs" in names else None
        self.layer_norms = GrowingSeries() if "layer_norms" in names else None
        self.weight_gradients = GrowingSeries() if "weight_gradients" in names else None

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
