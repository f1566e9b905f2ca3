"""Check backpropagation against central finite differences, the way a sceptic would.

``dE/dw ≈ (E(w + ε) − E(w − ε)) / 2ε`` needs no chain rule at all: if both agree on every
weight and bias, the backward pass computed the true gradient.
"""

from __future__ import annotations

import numpy as np

from backprop_gui.engine.network import Network


def gradient_check(
    network: Network,
    X: np.ndarray,
    Y: np.ndarray,
    epsilon: float = 1e-6,
    max_parameters: int | None = None,
    seed: int = 0,
) -> float:
    """The worst relative error between backprop's gradient and finite differences.

    Relative error is ``|g - n| / max(|g| + |n|, floor)`` with ``floor = 1e-3 * max(E, 1e-4)``:
    finite differences carry noise of about 1e-10 times the loss E, so gradients far below the
    loss (a saturated sigmoid's) count as agreeing instead of drowning in that noise. With
    ``max_parameters``, only that many parameters, drawn with ``seed``, are checked (each
    needs two forward passes). The network is left exactly as it was.
    Below about 1e-6 the two agree; above 1e-3 something is wrong.
    """
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    loss, grad_weights, grad_biases = network.gradients(X, Y)
    floor = 1e-3 * max(abs(loss), 1e-4)
    parameters = [*network.weights, *network.biases]
    gradients = [*grad_weights, *grad_biases]
    sizes = [p.size for p in parameters]
    total = sum(sizes)
    flat_indices = np.arange(total)
    if max_parameters is not None and max_parameters < total:
        flat_indices = np.random.default_rng(seed).choice(total, max_parameters, replace=False)
    offsets = np.cumsum([0, *sizes])
    worst = 0.0
    for flat in flat_indices:
        block = int(np.searchsorted(offsets, flat, side="right") - 1)
        parameter, index = (
            parameters[block],
            np.unravel_index(flat - offsets[block], parameters[block].shape),
        )
        saved = parameter[index]
        parameter[index] = saved + epsilon
        loss_plus = network.loss(X, Y)
        parameter[index] = saved - epsilon
        loss_minus = network.loss(X, Y)
        parameter[index] = saved
        numeric = (loss_plus - loss_minus) / (2.0 * epsilon)
        analytic = gradients[block][index]
        error = abs(analytic - numeric) / max(abs(analytic) + abs(numeric), floor)
        worst = max(worst, float(error))
    return worst
