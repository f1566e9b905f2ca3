"""What the network answers at every point of the input plane: the decision boundary's data.

A class sees a boundary form only if the network is evaluated everywhere, not just at the
samples. For 1 or 2 inputs this module lays a regular grid over the data and runs one forward
pass over all its points at once, keeping the output and each hidden neuron's activation, so
the plot can show the whole map of any neuron without computing anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backprop_gui.engine.network import Network

MAX_HIDDEN_MAPS = 64
"""Hidden neurons (in all layers) up to which their activation maps are kept; a wider network
keeps the output map only (64 maps of 64 × 64 points are 2 MB)."""

DEFAULT_RESOLUTION = 64
"""Grid points per axis: a smooth boundary at plot size, one forward pass of 4 096 points."""

DEGENERATE_HALF_WIDTH = 1.0
"""Half the range given to an input that takes a single value (or to no data at all)."""


@dataclass(frozen=True)
class BoundaryGrid:
    """The network evaluated on a regular grid of the input plane (or line).

    ``outputs[r, c]`` is the output at (``xs[c]``, ``ys[r]``): rows follow the ordinate, like
    an image. For a 1-input network ``ys`` is ``[0.0]`` and there is a single row.
    """

    xs: np.ndarray
    """(nx,) grid abscissae, increasing."""
    ys: np.ndarray
    """(ny,) grid ordinates, increasing; ``[0.0]`` for 1 input."""
    outputs: np.ndarray
    """(ny, nx, n_outputs) network outputs, read-only."""
    hidden: tuple[np.ndarray, ...]
    """Per hidden layer l = 1..L-1, (ny, nx, n_l) activations, read-only; empty when the
    network has more than :data:`MAX_HIDDEN_MAPS` hidden neurons in all."""


def _range(low: float, high: float, margin: float) -> tuple[float, float]:
    span = high - low
    if not span > 0.0:
        return low - DEGENERATE_HALF_WIDTH, high + DEGENERATE_HALF_WIDTH
    return low - margin * span, high + margin * span


def input_bounds(X: np.ndarray, margin: float = 0.1) -> tuple[float, float, float, float]:
    """(x_min, x_max, y_min, y_max) of the first two columns of ``X``, widened by ``margin``.

    The margin is a fraction of each range, so points never sit on the plot's edge. A column
    with a single value (or no sample) gets a range of 2 around it; y is (0, 0) for 1 column.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] == 0:
        raise ValueError(f"X must have shape (n_samples, n_inputs), not {X.shape}")
    finite = X[np.isfinite(X[:, : min(2, X.shape[1])]).all(axis=1)]
    if finite.shape[0] == 0:
        low = high = np.zeros(X.shape[1])
    else:
        low, high = finite.min(axis=0), finite.max(axis=0)
    x_min, x_max = _range(float(low[0]), float(high[0]), margin)
    if X.shape[1] == 1:
        return x_min, x_max, 0.0, 0.0
    y_min, y_max = _range(float(low[1]), float(high[1]), margin)
    return x_min, x_max, y_min, y_max


def _read_only(values: np.ndarray) -> np.ndarray:
    values = np.ascontiguousarray(values)
    values.flags.writeable = False
    return values


def decision_grid(
    network: Network,
    bounds: tuple[float, float, float, float],
    resolution: int = DEFAULT_RESOLUTION,
) -> BoundaryGrid | None:
    """The network's outputs (and hidden activations) over a grid spanning ``bounds``.

    ``resolution`` × ``resolution`` points for 2 inputs, ``resolution`` points for 1 input,
    all in one forward pass. None for any other number of inputs: there is no plane to draw.
    """
    n_inputs = network.n_inputs
    if n_inputs not in (1, 2):
        return None
    if isinstance(resolution, bool) or not isinstance(resolution, int | np.integer):
        raise TypeError(f"resolution must be an int, not {type(resolution).__name__}")
    if resolution < 2:
        raise ValueError(f"resolution must be at least 2, not {resolution}")
    x_min, x_max, y_min, y_max = (float(b) for b in bounds)
    xs = np.linspace(x_min, x_max, resolution)
    if n_inputs == 1:
        ys = np.zeros(1)
        points = xs[:, None]
    else:
        ys = np.linspace(y_min, y_max, resolution)
        grid_x, grid_y = np.meshgrid(xs, ys)  # (ny, nx) each, rows follow y
        points = np.column_stack((grid_x.ravel(), grid_y.ravel()))
    shape = (ys.shape[0], xs.shape[0])
    trace = network.forward(points)
    sizes = network.layer_sizes
    hidden: tuple[np.ndarray, ...] = ()
    if sum(sizes[1:-1]) <= MAX_HIDDEN_MAPS:
        hidden = tuple(
            _read_only(trace.a[layer].reshape(*shape, sizes[layer]))
            for layer in range(1, len(sizes) - 1)
        )
    outputs = _read_only(trace.a[-1].reshape(*shape, sizes[-1]))
    return BoundaryGrid(_read_only(xs), _read_only(ys), outputs, hidden)
