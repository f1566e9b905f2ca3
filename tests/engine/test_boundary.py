"""The decision grid: the network evaluated over the input plane, for the boundary plot."""

from __future__ import annotations

import numpy as np
import pytest

from backprop_gui.engine import Network
from backprop_gui.engine.boundary import (
    MAX_HIDDEN_MAPS,
    BoundaryGrid,
    decision_grid,
    input_bounds,
)


def _xor_network() -> Network:
    return Network([2, 4, 3, 1], ["tanh", "relu", "sigmoid"], "squared_error", seed=3)


def test_grid_has_resolution_squared_points_with_outputs_and_hidden_maps():
    grid = decision_grid(_xor_network(), (-1.0, 1.0, -2.0, 2.0), resolution=16)
    assert isinstance(grid, BoundaryGrid)
    assert grid.xs.shape == (16,)
    assert grid.ys.shape == (16,)
    assert grid.outputs.shape == (16, 16, 1)
    assert [h.shape for h in grid.hidden] == [(16, 16, 4), (16, 16, 3)]
    assert (grid.xs[0], grid.xs[-1]) == (-1.0, 1.0)
    assert (grid.ys[0], grid.ys[-1]) == (-2.0, 2.0)


def test_grid_outputs_equal_predict_at_each_grid_point():
    network = _xor_network()
    grid = decision_grid(network, (-1.5, 0.5, -1.0, 3.0), resolution=9)
    rows, columns = np.meshgrid(np.arange(9), np.arange(9), indexing="ij")
    points = np.column_stack((grid.xs[columns.ravel()], grid.ys[rows.ravel()]))
    expected = network.predict(points).reshape(9, 9, 1)
    np.testing.assert_allclose(grid.outputs, expected, rtol=0, atol=1e-12)


def test_grid_row_follows_y_and_column_follows_x():
    network = _xor_network()
    grid = decision_grid(network, (-1.0, 1.0, -1.0, 1.0), resolution=5)
    row, column = 1, 3
    point = np.array([[grid.xs[column], grid.ys[row]]])
    np.testing.assert_allclose(grid.outputs[row, column], network.predict(point)[0], atol=1e-12)


def test_hidden_maps_equal_the_forward_trace_activations():
    network = _xor_network()
    grid = decision_grid(network, (-1.0, 1.0, -1.0, 1.0), resolution=7)
    grid_x, grid_y = np.meshgrid(grid.xs, grid.ys)
    trace = network.forward(np.column_stack((grid_x.ravel(), grid_y.ravel())))
    for layer, activation_map in enumerate(grid.hidden, start=1):
        expected = trace.a[layer].reshape(7, 7, -1)
        np.testing.assert_allclose(activation_map, expected, rtol=0, atol=1e-12)


def test_grid_arrays_are_read_only():
    grid = decision_grid(_xor_network(), (-1.0, 1.0, -1.0, 1.0), resolution=4)
    for values in (grid.xs, grid.ys, grid.outputs, *grid.hidden):
        with pytest.raises(ValueError, match="read-only"):
            values[0] = 1.0


def test_no_grid_for_three_inputs():
    network = Network([3, 2, 1], ["tanh", "sigmoid"])
    assert decision_grid(network, (0.0, 1.0, 0.0, 1.0)) is None


def test_one_input_grid_is_a_single_row_matching_predict():
    network = Network([1, 5, 1], ["tanh", "linear"], seed=2)
    bounds = input_bounds(np.array([[-3.0], [3.0]]))
    grid = decision_grid(network, bounds, resolution=50)
    assert grid.ys.tolist() == [0.0]
    assert grid.xs.shape == (50,)
    assert grid.outputs.shape == (1, 50, 1)
    assert grid.hidden[0].shape == (1, 50, 5)
    np.testing.assert_allclose(grid.outputs[0], network.predict(grid.xs[:, None]), atol=1e-12)


def test_multiclass_outputs_keep_one_column_per_class():
    network = Network([2, 6, 3], ["relu", "softmax"], "cross_entropy")
    grid = decision_grid(network, (-1.0, 1.0, -1.0, 1.0), resolution=8)
    assert grid.outputs.shape == (8, 8, 3)
    np.testing.assert_allclose(grid.outputs.sum(axis=2), 1.0, atol=1e-12)


def test_wide_networks_keep_no_hidden_maps():
    network = Network([2, MAX_HIDDEN_MAPS, 1], ["relu", "sigmoid"])
    assert len(decision_grid(network, (0.0, 1.0, 0.0, 1.0), resolution=4).hidden) == 1
    wider = Network([2, MAX_HIDDEN_MAPS, 1, 1], ["relu", "tanh", "sigmoid"])
    assert decision_grid(wider, (0.0, 1.0, 0.0, 1.0), resolution=4).hidden == ()


def test_bounds_add_a_margin_of_each_range():
    X = np.array([[0.0, -2.0], [10.0, 2.0], [5.0, 0.0]])
    assert input_bounds(X, margin=0.1) == pytest.approx((-1.0, 11.0, -2.4, 2.4))
    assert input_bounds(X, margin=0.0) == pytest.approx((0.0, 10.0, -2.0, 2.0))


def test_bounds_of_one_input_have_a_flat_y_range():
    assert input_bounds(np.array([[1.0], [3.0]])) == pytest.approx((0.8, 3.2, 0.0, 0.0))


def test_bounds_widen_a_constant_input_and_ignore_non_finite_rows():
    X = np.array([[2.0, 5.0], [2.0, 7.0], [np.nan, 100.0]])
    x_min, x_max, y_min, y_max = input_bounds(X)
    assert x_min < 2.0 < x_max
    assert (y_min, y_max) == pytest.approx((4.8, 7.2))


def test_bounds_of_no_sample_are_a_default_square():
    assert input_bounds(np.zeros((0, 2))) == (-1.0, 1.0, -1.0, 1.0)


def test_resolution_below_two_is_refused():
    with pytest.raises(ValueError, match="at least 2"):
        decision_grid(_xor_network(), (0.0, 1.0, 0.0, 1.0), resolution=1)
