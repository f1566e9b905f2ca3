"""One flat vector for all parameters, with views shaped like them (backprop_gui/engine/flat.py)."""

from __future__ import annotations

import numpy as np

from backprop_gui.engine import Network
from backprop_gui.engine.flat import FlatParameters


def test_weights_come_first_layer_by_layer_in_weights_l_j_i_order_then_biases():
    net = Network([3, 2, 4], ["tanh", "linear"], seed=0)
    flat = FlatParameters.like(net.weights, net.biases)
    flat.assign(net.weights, net.biases)
    expected = np.concatenate([*(w.ravel() for w in net.weights), *net.biases])
    np.testing.assert_array_equal(flat.flat, expected)
    np.testing.assert_array_equal(flat.weight_part, expected[: 3 * 2 + 2 * 4])


def test_the_shaped_arrays_are_views_of_the_vector():
    flat = FlatParameters([(2, 3)], [2])
    flat.flat[:] = np.arange(8.0)
    np.testing.assert_array_equal(flat.weights[0], [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    flat.biases[0][1] = -1.0
    assert flat.flat[-1] == -1.0


def test_holds_is_true_for_its_own_views_only():
    flat = FlatParameters([(2, 2)], [2])
    assert flat.holds(list(flat.weights), list(flat.biases))
    assert not flat.holds([flat.weights[0].copy()], list(flat.biases))


def test_backward_can_write_the_gradients_into_given_arrays():
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    net = Network([3, 4, 2], ["sigmoid", "linear"], seed=1)
    trace = net.forward(X)
    fresh = net.backward(trace, Y)
    flat = FlatParameters.like(net.weights, net.biases)
    written = net.backward(trace, Y, out=(flat.weights, flat.biases))
    for mine, given, theirs in zip(
        written.grad_weights, flat.weights, fresh.grad_weights, strict=True
    ):
        assert mine is given
        np.testing.assert_array_equal(mine, theirs)
    np.testing.assert_array_equal(flat.biases[1], fresh.grad_biases[1])
