"""Where every neuron and edge of an architecture sits in the scene, and what a point hits.

Pure numpy, computed once per architecture: the items paint from these arrays and the view
hit-tests against them, so a snapshot never moves anything. Edges are stored in the order of
``weights[l].ravel()`` (layer, then target ``j``, then source ``i``), so one flat weight vector
lines up with them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DENSE_LAYER = 8
"""Wider layers are drawn compact: smaller neurons, closer rows, no room for numbers."""

BAND_MARGIN = 30.0
"""How far a phase band reaches beyond the neurons of its column."""

NAME_HEIGHT = 20.0
"""Room under a neuron for its name when numbers fill the disc."""


@dataclass(frozen=True)
class Metrics:
    """Sizes in scene units (one unit is one pixel at a zoom of 1)."""

    radius: float
    row_spacing: float
    column_spacing: float
    badge_height: float
    panel_width: float
    """Room right of the outputs for the target, the output and the error."""


def metrics_for(layer_sizes: Sequence[int]) -> Metrics:
    """Spacing that keeps a small net airy and legible and a large one whole on screen."""
    widest = max(layer_sizes)
    if widest <= DENSE_LAYER:
        radius = 42.0
        row = float(np.clip(480.0 / max(widest - 1, 1), 142.0, 180.0))
    else:
        radius, row = 22.0, 62.0
    height = row * (widest - 1)
    gaps = max(len(layer_sizes) - 1, 1)
    # Long, shallow edges leave room along them for the weight labels.
    column = float(np.clip(1.4 * height / gaps, 250.0, 420.0))
    return Metrics(radius, row, column, badge_height=22.0, panel_width=150.0)


class NetworkGeometry:
    """Positions of the neurons and edges of ``layer_sizes``, and hit tests against them."""

    def __init__(self, layer_sizes: Sequence[int]) -> None:
        sizes = tuple(int(n) for n in layer_sizes)
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"a network needs two layers of at least one neuron: {sizes}")
        self.layer_sizes = sizes
        self.metrics = m = metrics_for(sizes)
        self.column_x = np.arange(len(sizes), dtype=np.float64) * m.column_spacing

        self.layer_offsets = np.concatenate([[0], np.cumsum(sizes)])
        """Neurons of layer ``l`` are ``layer_offsets[l]:layer_offsets[l + 1]`` in flat arrays."""
        self.neuron_layer = np.repeat(np.arange(len(sizes)), sizes)
        self.neuron_index = np.concatenate([np.arange(n) for n in sizes])
        rows = self.neuron_index - (np.asarray(sizes)[self.neuron_layer] - 1) / 2.0
        self.centers = np.column_stack([self.column_x[self.neuron_layer], rows * m.row_spacing])
        """(N, 2) neuron centres, layer by layer, top to bottom."""

        starts, ends, layers, js, is_ = [], [], [], [], []
        for layer, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
            source = self.layer_centers(layer)
            target = self.layer_centers(layer + 1)
            starts.append(np.tile(source, (n_out, 1)))
            ends.append(np.repeat(target, n_in, axis=0))
            layers.append(np.full(n_in * n_out, layer))
            js.append(np.repeat(np.arange(n_out), n_in))
            is_.append(np.tile(np.arange(n_in), n_out))
        self.edge_start = np.concatenate(starts)
        self.edge_end = np.concatenate(ends)
        self.edge_layer = np.concatenate(layers)
        self.edge_j = np.concatenate(js)
        self.edge_i = np.concatenate(is_)
        counts = [n_in * n_out for n_in, n_out in itertools.pairwise(sizes)]
        self.edge_offsets = np.concatenate([[0], np.cumsum(counts)])

        top = float(self.centers[:, 1].min()) - m.radius - m.badge_height - 8.0
        bottom = float(self.centers[:, 1].max()) + m.radius + NAME_HEIGHT + 6.0
        # Room for the tinted band around the first column and the panel after the last.
        left = -m.radius - BAND_MARGIN
        right = float(self.column_x[-1]) + m.radius + max(m.panel_width, BAND_MARGIN)
        self.bounds = (left, top, right, bottom)
        """Everything the items paint fits in (left, top, right, bottom)."""

    @property
    def n_layers(self) -> int:
        return len(self.layer_sizes)

    @property
    def n_neurons(self) -> int:
        return int(self.centers.shape[0])

    @property
    def n_edges(self) -> int:
        return int(self.edge_start.shape[0])

    def layer_centers(self, layer: int) -> np.ndarray:
        """(n_layer, 2) centres of the neurons of ``layer``."""
        return self.centers[self.layer_offsets[layer] : self.layer_offsets[layer + 1]]

    def neuron_flat(self, layer: int, index: int) -> int:
        """Position of neuron (layer, index) in the flat neuron arrays."""
        if not (0 <= layer < self.n_layers and 0 <= index < self.layer_sizes[layer]):
            raise IndexError(f"no neuron {index} in layer {layer} of {self.layer_sizes}")
        return int(self.layer_offsets[layer] + index)

    def edge_flat(self, layer: int, j: int, i: int) -> int:
        """Position of the edge of ``weights[layer][j, i]`` in the flat edge arrays."""
        sizes = self.layer_sizes
        if not (
            0 <= layer < self.n_layers - 1 and 0 <= j < sizes[layer + 1] and 0 <= i < sizes[layer]
        ):
            raise IndexError(f"no weight [{layer}][{j}, {i}] in {sizes}")
        return int(self.edge_offsets[layer] + j * sizes[layer] + i)

    def edge_key(self, flat: int) -> tuple[int, int, int]:
        """(layer, j, i) of the flat edge ``flat``."""
        return int(self.edge_layer[flat]), int(self.edge_j[flat]), int(self.edge_i[flat])

    def neuron_key(self, flat: int) -> tuple[int, int]:
        """(layer, index) of the flat neuron ``flat``."""
        return int(self.neuron_layer[flat]), int(self.neuron_index[flat])

    def neuron_at(self, x: float, y: float, tolerance: float = 0.0) -> int | None:
        """The flat index of the neuron whose disc (grown by ``tolerance``) holds (x, y)."""
        distance = np.hypot(self.centers[:, 0] - x, self.centers[:, 1] - y)
        nearest = int(np.argmin(distance))
        return nearest if distance[nearest] <= self.metrics.radius + tolerance else None

    def edge_distances(self, x: float, y: float) -> np.ndarray:
        """(E,) distance from (x, y) to each edge segment."""
        start, direction = self.edge_start, self.edge_end - self.edge_start
        relative = np.array([x, y]) - start
        length2 = np.einsum("ij,ij->i", direction, direction)
        t = np.clip(np.einsum("ij,ij->i", relative, direction) / length2, 0.0, 1.0)
        gap = relative - t[:, None] * direction
        return np.hypot(gap[:, 0], gap[:, 1])

    def edge_at(self, x: float, y: float, tolerance: float) -> int | None:
        """The flat index of the edge nearest to (x, y), if it passes within ``tolerance``."""
        distance = self.edge_distances(x, y)
        nearest = int(np.argmin(distance))
        return nearest if distance[nearest] <= tolerance else None

    def column_at(self, x: float) -> int:
        """The layer whose column is nearest to abscissa ``x``."""
        return int(np.argmin(np.abs(self.column_x - x)))

    def point_on_edge(self, flat: int, t: float) -> tuple[float, float]:
        """The point at fraction ``t`` of edge ``flat``, from its source."""
        point = self.edge_start[flat] + t * (self.edge_end[flat] - self.edge_start[flat])
        return float(point[0]), float(point[1])
