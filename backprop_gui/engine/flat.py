"""All of a network's weights and biases in one flat vector, with a view of each matrix.

Why: with the parameters, gradients and steps each in one vector, the weight update is three
numpy calls (step = -eta * gradient, the divergence check, new = old + step) whatever the
number of layers. On a 4-sample XOR an iteration's time is mostly the fixed cost of numpy
calls, not arithmetic, so this is what keeps the trainer close to a bare numpy loop.

Layout: every weight matrix, layer by layer, each in ``weights[l][j, i]`` order, then every
bias vector. The weights come first so that ``flat[:weight_count]`` is "all the weights", the
part that regularisation and the per-weight history use.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import is_

import numpy as np


class FlatParameters:
    """One float64 vector and, as views into it, arrays shaped like a network's parameters."""

    __slots__ = ("biases", "flat", "weight_count", "weight_part", "weights")

    def __init__(self, weight_shapes: Sequence[tuple[int, int]], bias_sizes: Sequence[int]):
        weight_sizes = [rows * cols for rows, cols in weight_shapes]
        self.weight_count = sum(weight_sizes)
        self.flat = np.zeros(self.weight_count + sum(bias_sizes))
        self.weight_part = self.flat[: self.weight_count]
        """All the weights (no biases), as one view."""
        self.weights: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        offset = 0
        for shape, size in zip(weight_shapes, weight_sizes, strict=True):
            self.weights.append(self.flat[offset : offset + size].reshape(shape))
            offset += size
        for size in bias_sizes:
            self.biases.append(self.flat[offset : offset + size])
            offset += size

    @classmethod
    def like(cls, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> FlatParameters:
        """Zeros laid out like these weights and biases."""
        return cls([w.shape for w in weights], [b.shape[0] for b in biases])

    def holds(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> bool:
        """Whether these arrays are this vector's own views (not copies of them)."""
        return all(map(is_, weights, self.weights)) and all(map(is_, biases, self.biases))

    def assign(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        """Copy the values of ``weights`` and ``biases`` into this vector."""
        for view, values in zip(self.weights, weights, strict=True):
            view[...] = values
        for view, values in zip(self.biases, biases, strict=True):
            view[...] = values
