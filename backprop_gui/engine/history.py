"""Training history with bounded memory: full resolution while short, decimated when long.

Decimation rule: a series records one row every ``stride`` iterations (stride 1 at first).
When it reaches its capacity it keeps only the rows whose iteration is a multiple of
``2 * stride`` (every other row) and doubles the stride. So a series always spans the whole
run with between capacity/2 and capacity rows, and its memory never grows past capacity.
With the capacities below, a run of any length on the largest allowed network stays under
``MEMORY_CAP_BYTES`` (measured by ``History.nbytes``).
"""

from __future__ import annotations

import numpy as np

MAX_TRACKED_WEIGHTS = 512
"""Networks with at most this many weights get a |dE/dw| curve per weight."""

LOSS_CAPACITY = 1 << 16
EPOCH_CAPACITY = 1 << 14
LAYER_CAPACITY = 1 << 14
WEIGHT_CAPACITY = 1 << 12
MEMORY_CAP_BYTES = 50 * 1024 * 1024
PENDING_ROWS = 256
"""Iterations gathered in a small block before going into the series in one go."""


def layer_norms(weight_gradients: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """‖dE/dW_l‖ of each layer, from flat rows of weight gradients (one row or many).

    ``offsets`` says where each layer's weights start in a row.
    """
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run's last gradients
        return np.sqrt(np.add.reduceat(weight_gradients**2, offsets, axis=-1))


class DecimatingSeries:
    """Rows of ``width`` values, each stamped with the iteration that produced it."""

    def __init__(self, width: int, capacity: int, dtype: type = np.float64) -> None:
        self.iterations = np.zeros(capacity, dtype=np.int64)
        self.values = np.zeros((capacity, width), dtype=dtype)
        self.stride = 1
        self.count = 0
        self.capacity = capacity

    @property
    def nbytes(self) -> int:
        return self.iterations.nbytes + self.values.nbytes

    def wants(self, iteration: int) -> bool:
        """Whether a row for ``iteration`` would be kept (cheap: check before computing it)."""
        return iteration % self.stride == 0

    def append(self, iteration: int, values: np.ndarray | float | tuple) -> None:
        """Record ``values`` for ``iteration`` if the stride keeps it."""
        if iteration % self.stride:
            return
        count = self.count
        while count == self.capacity:
            self._decimate()
            if iteration % self.stride:
                return
            count = self.count
        self.iterations[count] = iteration
        self.values[count] = values
        self.count = count + 1

    def extend(self, iterations: np.ndarray, values: np.ndarray) -> None:
        """Record many rows at once, exactly as many ``append`` calls in order would."""
        keep = iterations % self.stride == 0
        iterations, values = iterations[keep], values[keep]
        while iterations.shape[0]:
            room = self.capacity - self.count
            if room == 0:
                self._decimate()
                keep = iterations % self.stride == 0
                iterations, values = iterations[keep], values[keep]
                continue
            take = min(room, iterations.shape[0])
            self.iterations[self.count : self.count + take] = iterations[:take]
            self.values[self.count : self.count + take] = values[:take]
            self.count += take
            iterations, values = iterations[take:], values[take:]

    def _decimate(self) -> None:
        self.stride *= 2
        keep = np.flatnonzero(self.iterations[: self.count] % self.stride == 0)
        kept = keep.shape[0]
        self.iterations[:kept] = self.iterations[keep]
        self.values[:kept] = self.values[keep]
        self.count = kept

    def clear(self) -> None:
        self.stride = 1
        self.count = 0

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Copies of (iterations (n,), values (n, width)) recorded so far."""
        return self.iterations[: self.count].copy(), self.values[: self.count].copy()


class History:
    """What a class watches over a run: losses, accuracies and gradient magnitudes.

    - ``loss``: the batch loss of each iteration (1 column).
    - ``epochs``: stamped by epoch number: the iteration it ended at, mean training loss over it,
      test loss, training accuracy (on the batches as seen during the epoch), test accuracy;
      NaN where not applicable (no test set, regression).
    - ``layer_norms``: the norm ||dE/dW_l|| of each layer's weight gradient.
    - ``weight_gradients``: |dE/dw| of every weight, flattened layer by layer in
      ``weights[l][j, i]`` order; only when the network has at most
      ``MAX_TRACKED_WEIGHTS`` weights, else None.
    """

    EPOCH_COLUMNS = ("iteration", "train_loss", "test_loss", "train_accuracy", "test_accuracy")

    def __init__(self, weight_shapes: list[tuple[int, int]]) -> None:
        self.weight_shapes = list(weight_shapes)
        sizes = [rows * cols for rows, cols in self.weight_shapes]
        self.offsets = np.cumsum([0, *sizes])[:-1]
        """Where each layer's weights start in a flat row of weight gradients."""
        self._loss = DecimatingSeries(1, LOSS_CAPACITY)
        self._epochs = DecimatingSeries(len(self.EPOCH_COLUMNS), EPOCH_CAPACITY)
        self._layer_norms = DecimatingSeries(len(self.weight_shapes), LAYER_CAPACITY)
        self._weights = (
            DecimatingSeries(sum(sizes), WEIGHT_CAPACITY)
            if sum(sizes) <= MAX_TRACKED_WEIGHTS
            else None
        )
        # One iteration is written into a small pending block; the block goes into the
        # decimating series PENDING_ROWS rows at a time (or when read), in a few numpy calls.
        self._pending_losses: list[tuple[int, float]] = []
        self._pending_gradients = np.zeros((PENDING_ROWS, sum(sizes) if self._weights else 0))
        self._pending_norms = np.zeros((PENDING_ROWS, len(self.weight_shapes)))
        self._pending = 0
        self._pending_epochs: list[tuple[int, tuple[float, ...]]] = []

    # -- the series (reading one writes what is pending first) -------------------------------

    @property
    def loss(self) -> DecimatingSeries:
        self.flush()
        return self._loss

    @property
    def epochs(self) -> DecimatingSeries:
        self.flush()
        return self._epochs

    @property
    def layer_norms(self) -> DecimatingSeries:
        self.flush()
        return self._layer_norms

    @property
    def weight_gradients(self) -> DecimatingSeries | None:
        self.flush()
        return self._weights

    @property
    def nbytes(self) -> int:
        return sum(series.nbytes for series in self._series())

    def _series(self) -> list[DecimatingSeries]:
        series = [self._loss, self._epochs, self._layer_norms]
        if self._weights is not None:
            series.append(self._weights)
        return series

    # -- recording ---------------------------------------------------------------------------

    def record_iteration(self, iteration: int, loss: float, weight_gradients: np.ndarray) -> None:
        """Record one iteration: its loss and dE/dw of every weight, flat in layer order.

        ``weight_gradients`` is copied: the caller may reuse the array afterwards.
        """
        row = self._pending
        self._pending_losses.append((iteration, loss))
        if self._weights is None:
            # A big network keeps no per-weight rows; its norms are cheap next to its step.
            self._pending_norms[row] = layer_norms(weight_gradients, self.offsets)
        else:
            self._pending_gradients[row] = weight_gradients
        self._pending = row + 1
        if row + 1 == PENDING_ROWS:
            self.flush()

    def record_epoch(
        self,
        iteration: int,
        epoch: int,
        train_loss: float,
        test_loss: float,
        train_accuracy: float,
        test_accuracy: float,
    ) -> None:
        self._pending_epochs.append(
            (epoch, (iteration, train_loss, test_loss, train_accuracy, test_accuracy))
        )
        if len(self._pending_epochs) >= PENDING_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the pending rows into the series."""
        if self._pending_epochs:
            pending_epochs, self._pending_epochs = self._pending_epochs, []
            stamps = np.array([stamp for stamp, _ in pending_epochs], dtype=np.int64)
            self._epochs.extend(stamps, np.array([row for _, row in pending_epochs]))
        count, self._pending = self._pending, 0
        if not count:
            return
        losses = np.array(self._pending_losses)
        self._pending_losses = []
        iterations = losses[:, 0].astype(np.int64)
        self._loss.extend(iterations, losses[:, 1:])
        if self._weights is not None:
            values = self._pending_gradients[:count]
            self._pending_norms[:count] = layer_norms(values, self.offsets)
            self._weights.extend(iterations, values)
        self._layer_norms.extend(iterations, self._pending_norms[:count])

    def clear(self) -> None:
        self._pending = 0
        self._pending_losses = []
        self._pending_epochs = []
        for series in self._series():
            series.clear()

    def weight_magnitudes(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(iterations, |dE/dw| per tracked weight), or None for a network too big to track."""
        if self.weight_gradients is None:
            return None
        iterations, values = self.weight_gradients.arrays()
        return iterations, np.abs(values)

    def weight_index(self, layer: int, j: int, i: int) -> int:
        """The column of ``weights[layer][j, i]`` in ``weight_gradients``."""
        offset = sum(rows * cols for rows, cols in self.weight_shapes[:layer])
        return offset + j * self.weight_shapes[layer][1] + i
