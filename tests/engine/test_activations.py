"""Activation functions and their derivatives (backprop_gui/engine/activations.py)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop_gui.engine import ACTIVATIONS, Activation

ELEMENTWISE = ["sigmoid", "tanh", "relu", "linear"]
EPSILON = 1e-6


def batches(min_magnitude: float = 0.0) -> st.SearchStrategy[np.ndarray]:
    """Batches z of shape (1..5, 1..5) with moderate values, optionally kept away from 0."""
    value = st.floats(-8.0, 8.0, allow_nan=False).filter(lambda x: abs(x) >= min_magnitude)
    return st.integers(1, 5).flatmap(
        lambda rows: st.integers(1, 5).flatmap(
            lambda cols: st.lists(value, min_size=rows * cols, max_size=rows * cols).map(
                lambda values: np.array(values).reshape(rows, cols)
            )
        )
    )


def reference_sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def test_registry_lists_each_activation_under_its_own_name_in_menu_order():
    assert list(ACTIVATIONS) == ["sigmoid", "tanh", "relu", "linear", "softmax"]
    for name, activation in ACTIVATIONS.items():
        assert isinstance(activation, Activation)
        assert activation.name == name
        assert activation.title
        assert activation.formula
        assert activation.derivative_formula


def test_only_softmax_is_restricted_to_the_output_layer():
    assert [name for name, f in ACTIVATIONS.items() if f.output_only] == ["softmax"]


@pytest.mark.parametrize(
    ("name", "z", "expected"),
    [
        ("sigmoid", [-2.0, 0.0, 0.3775], [0.11920292202211755, 0.5, 0.5932699921071872]),
        ("tanh", [-1.0, 0.0, 0.5], [-0.7615941559557649, 0.0, 0.46211715726000974]),
        ("relu", [-1.5, 0.0, 2.5], [0.0, 0.0, 2.5]),
        ("linear", [-1.5, 0.0, 2.5], [-1.5, 0.0, 2.5]),
    ],
)
def test_elementwise_activation_values_match_their_formula(name, z, expected):
    a = ACTIVATIONS[name](np.array([z]))
    np.testing.assert_allclose(a, [expected], rtol=1e-15, atol=1e-16)


@settings(max_examples=40, deadline=None)
@given(z=batches())
def test_sigmoid_equals_the_textbook_formula_within_rounding(z):
    """Written with tanh, it agrees to a few ulp of 1 (relative precision fades for z << 0)."""
    np.testing.assert_allclose(ACTIVATIONS["sigmoid"](z), reference_sigmoid(z), rtol=0, atol=5e-16)


@pytest.mark.parametrize("name", ELEMENTWISE)
@settings(max_examples=30, deadline=None)
@given(z=batches(min_magnitude=1e-3))
def test_elementwise_derivative_matches_central_differences(name, z):
    """Away from ReLU's kink (|z| >= 1e-3 >> epsilon), f' is the slope of f."""
    f = ACTIVATIONS[name]
    numeric = (f(z + EPSILON) - f(z - EPSILON)) / (2 * EPSILON)
    np.testing.assert_allclose(f.derivative(z, f(z)), numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_backward_multiplies_by_the_derivative(name):
    f = ACTIVATIONS[name]
    z = np.array([[-1.5, -0.2, 0.7], [2.0, 0.1, -3.0]])
    grad_a = np.array([[0.3, -1.0, 2.0], [0.5, 4.0, -0.25]])
    a = f(z)
    np.testing.assert_array_equal(f.backward(z, a, grad_a), grad_a * f.derivative(z, a))


def test_relu_kink_gets_slope_zero():
    f = ACTIVATIONS["relu"]
    z = np.array([[0.0, -0.0, 1e-300, -1e-300]])
    np.testing.assert_array_equal(f.derivative(z, f(z)), [[0.0, 0.0, 1.0, 0.0]])


def test_linear_backward_passes_the_gradient_through_unchanged():
    f = ACTIVATIONS["linear"]
    z = np.array([[1.0, -2.0]])
    grad_a = np.array([[0.25, -4.0]])
    np.testing.assert_array_equal(f.backward(z, f(z), grad_a), grad_a)


@settings(max_examples=40, deadline=None)
@given(z=batches(), seed=st.integers(0, 2**32 - 1))
def test_softmax_backward_is_the_jacobian_transpose_times_the_gradient(z, seed):
    """dE/dz_k = sum_j dE/da_j * da_j/dz_k, each column of the Jacobian by central differences."""
    f = ACTIVATIONS["softmax"]
    grad_a = np.random.default_rng(seed).normal(size=z.shape)
    numeric = np.empty_like(z)
    for k in range(z.shape[1]):
        step = np.zeros_like(z)
        step[:, k] = EPSILON
        da_dzk = (f(z + step) - f(z - step)) / (2 * EPSILON)
        numeric[:, k] = np.sum(grad_a * da_dzk, axis=1)
    np.testing.assert_allclose(f.backward(z, f(z), grad_a), numeric, rtol=1e-6, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(z=batches())
def test_softmax_rows_are_probabilities_invariant_to_a_shift(z):
    f = ACTIVATIONS["softmax"]
    a = f(z)
    assert np.all(a >= 0.0)
    np.testing.assert_allclose(a.sum(axis=1), 1.0, rtol=1e-14)
    np.testing.assert_allclose(f(z + 123.0), a, rtol=1e-12, atol=1e-15)


def test_softmax_derivative_is_the_jacobian_diagonal():
    f = ACTIVATIONS["softmax"]
    z = np.array([[0.5, -1.0, 2.0]])
    a = f(z)
    diagonal = [
        (f(z + step)[0, k] - f(z - step)[0, k]) / (2 * EPSILON)
        for k, step in enumerate(np.eye(3)[:, None, :] * EPSILON)
    ]
    np.testing.assert_allclose(f.derivative(z, a)[0], diagonal, rtol=1e-7)


def test_softmax_of_huge_logits_is_finite_and_exact_without_warnings():
    """exp(1e4) overflows; the max-shifted form gives a one-hot row (warnings are errors here)."""
    a = ACTIVATIONS["softmax"](np.array([[1e4, 0.0, -1e4], [1e4, 1e4, 0.0], [-1e4, -1e4, -1e4]]))
    np.testing.assert_array_equal(a, [[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [1 / 3, 1 / 3, 1 / 3]])


def test_sigmoid_of_very_negative_or_positive_z_saturates_without_overflow_warnings():
    z = np.array([[-1e308, -1e4, -745.0, 745.0, 1e4, 1e308]])
    a = ACTIVATIONS["sigmoid"](z)
    np.testing.assert_array_equal(a, [[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])
    d = ACTIVATIONS["sigmoid"].derivative(z, a)
    np.testing.assert_array_equal(d, np.zeros_like(z))


def test_tanh_of_huge_z_saturates_without_warnings():
    z = np.array([[-1e308, 1e308]])
    f = ACTIVATIONS["tanh"]
    np.testing.assert_array_equal(f(z), [[-1.0, 1.0]])
    np.testing.assert_array_equal(f.derivative(z, f(z)), [[0.0, 0.0]])
