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
        n_weights = sum(rows * cols for rows, cols in self.weight_shapes)
        self.loss = DecimatingSeries(1, LOSS_CAPACITY)
        self.epochs = DecimatingSeries(len(self.EPOCH_COLUMNS), EPOCH_CAPACITY)
        self.layer_norms = DecimatingSeries(len(self.weight_shapes), LAYER_CAPACITY)
        self.weight_gradients = (
            DecimatingSeries(n_weights, WEIGHT_CAPACITY)
            if n_weights <= MAX_TRACKED_WEIGHTS
            else None
        )

    @property
    def nbytes(self) -> int:
        return sum(series.nbytes for series in self._series())

    def _series(self) -> list[DecimatingSeries]:
        series = [self.loss, self.epochs, self.layer_norms]
        if self.weight_gradients is not None:
            series.append(self.weight_gradients)
        return series

    def record_iteration(
        self, iteration: int, loss: float, gradient_norms: list[float], grads: list[np.ndarray]
    ) -> None:
        """Record one iteration; ``grads`` are the weight gradients (signed, any dtype)."""
        self.loss.append(iteration, loss)
        self.layer_norms.append(iteration, gradient_norms)
        tracked = self.weight_gradients
        if tracked is not None and tracked.wants(iteration):
            # Signed values are stored (one copy, no temporary); the magnitude is taken on read.
            tracked.append(iteration, np.concatenate(grads, axis=None))

    def record_epoch(
        self,
        iteration: int,
        epoch: int,
        train_loss: float,
        test_loss: float,
        train_accuracy: float,
        test_accuracy: float,
    ) -> None:
        self.epochs.append(epoch, (iteration, train_loss, test_loss, train_accuracy, test_accuracy))

    def clear(self) -> None:
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
