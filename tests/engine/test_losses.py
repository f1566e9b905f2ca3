"""Loss functions, their gradients and the output delta (backprop_gui/engine/losses.py)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop_gui.engine import ACTIVATIONS, LOSSES, Loss
from backprop_gui.messages import TranslatableError

SIGMOID = ACTIVATIONS["sigmoid"]
SOFTMAX = ACTIVATIONS["softmax"]
EPSILON = 1e-6


@st.composite
def logits_and_targets(draw, output: str):
    """A batch z (1..5 samples, 2..5 outputs) and targets fit for ``output``."""
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    shape = (draw(st.integers(1, 5)), draw(st.integers(2, 5)))
    z = rng.normal(0.0, 3.0, size=shape)
    if output == "softmax":
        t = rng.dirichlet(np.ones(shape[1]), size=shape[0])
    elif output == "sigmoid":
        t = rng.uniform(size=shape)
    else:
        t = rng.normal(size=shape)
    return z, t


def mean_loss(loss: Loss, name: str, z: np.ndarray, t: np.ndarray) -> float:
    f = ACTIVATIONS[name]
    return loss.mean(f, z, f(z), t)


def test_registry_lists_each_loss_under_its_own_name():
    assert list(LOSSES) == ["squared_error", "cross_entropy"]
    for name, loss in LOSSES.items():
        assert isinstance(loss, Loss)
        assert loss.name == name
        assert loss.title
        assert loss.formula


def test_squared_error_is_half_the_summed_square_averaged_over_samples():
    loss = LOSSES["squared_error"]
    f = ACTIVATIONS["linear"]
    a = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 3.0]])
    t = np.array([[0.0, 0.0], [1.0, 1.0], [3.0, 1.0]])
    np.testing.assert_array_equal(loss.per_output(f, a, a, t), [[0.5, 2.0], [0.5, 2.0], [0.0, 2.0]])
    np.testing.assert_array_equal(loss.per_sample(f, a, a, t), [2.5, 2.5, 2.0])
    assert loss.mean(f, a, a, t) == pytest.approx(7.0 / 3.0, rel=1e-15)
    np.testing.assert_array_equal(loss.gradient(f, a, t), a - t)


@pytest.mark.parametrize("name", list(LOSSES))
@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_per_sample_and_mean_agree_with_per_output(name, output, data):
    z, t = data.draw(logits_and_targets(output))
    loss, f = LOSSES[name], ACTIVATIONS[output]
    per_output = loss.per_output(f, z, f(z), t)
    assert per_output.shape == z.shape
    np.testing.assert_allclose(loss.per_sample(f, z, f(z), t), per_output.sum(axis=1), rtol=1e-12)
    assert loss.mean(f, z, f(z), t) == pytest.approx(per_output.sum() / z.shape[0], rel=1e-12)


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_binary_cross_entropy_matches_its_formula(data):
    z, t = data.draw(logits_and_targets("sigmoid"))
    a = SIGMOID(z)
    expected = -(t * np.log(a) + (1 - t) * np.log(1 - a))
    actual = LOSSES["cross_entropy"].per_output(SIGMOID, z, a, t)
    np.testing.assert_allclose(actual, expected, rtol=1e-9, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_categorical_cross_entropy_matches_its_formula(data):
    z, t = data.draw(logits_and_targets("softmax"))
    a = SOFTMAX(z)
    actual = LOSSES["cross_entropy"].per_sample(SOFTMAX, z, a, t)
    np.testing.assert_allclose(actual, -(t * np.log(a)).sum(axis=1), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(
    ("name", "output"),
    [
        ("squared_error", "sigmoid"),
        ("squared_error", "tanh"),
        ("squared_error", "linear"),
        ("squared_error", "softmax"),
        ("cross_entropy", "sigmoid"),
        ("cross_entropy", "softmax"),
    ],
)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_output_delta_is_the_derivative_of_the_summed_loss_by_z(name, output, data):
    """delta = dE/dz by central differences on each logit of each sample (E summed over samples)."""
    z, t = data.draw(logits_and_targets(output))
    loss, f = LOSSES[name], ACTIVATIONS[output]
    numeric = np.empty_like(z)
    for index in np.ndindex(z.shape):
        step = np.zeros_like(z)
        step[index] = EPSILON
        plus = loss.per_sample(f, z + step, f(z + step), t).sum()
        minus = loss.per_sample(f, z - step, f(z - step), t).sum()
        numeric[index] = (plus - minus) / (2 * EPSILON)
    delta = loss.output_delta(f, z, f(z), t)
    np.testing.assert_allclose(delta, numeric, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_cross_entropy_shortcut_a_minus_t_equals_the_chain_rule(output, data):
    """The shortcut delta = a - t is f.backward(dE/da): the gradient method is right too."""
    z, t = data.draw(logits_and_targets(output))
    loss, f = LOSSES["cross_entropy"], ACTIVATIONS[output]
    a = f(z)
    np.testing.assert_allclose(loss.output_delta(f, z, a, t), a - t, rtol=0, atol=0)
    chain = f.backward(z, a, loss.gradient(f, a, t))
    np.testing.assert_allclose(chain, a - t, rtol=1e-9, atol=1e-12)


def test_cross_entropy_gradient_is_the_derivative_by_the_output():
    a = np.array([[0.2, 0.7]])
    t = np.array([[1.0, 0.25]])
    loss = LOSSES["cross_entropy"]
    binary = loss.gradient(SIGMOID, a, t)
    # dE/da = -t/a + (1 - t)/(1 - a)
    np.testing.assert_allclose(binary, [[-1.0 / 0.2, -0.25 / 0.7 + 0.75 / 0.3]], rtol=1e-15)
    np.testing.assert_allclose(binary, (a - t) / (a * (1 - a)), rtol=1e-15)
    np.testing.assert_allclose(loss.gradient(SOFTMAX, a, t), -t / a, rtol=1e-15)


@pytest.mark.parametrize(
    ("z", "t", "expected"),
    [
        ([[1e4]], [[0.0]], 1e4),
        ([[-1e4]], [[1.0]], 1e4),
        ([[1e4]], [[1.0]], 0.0),
        ([[-1e4]], [[0.0]], 0.0),
        ([[800.0, -800.0]], [[0.0, 1.0]], 1600.0),
    ],
)
def test_binary_cross_entropy_of_a_saturated_sigmoid_is_finite_and_exact(z, t, expected):
    """ln(0) would be -inf: the value comes from z, ln(1 + e^z), so it stays a number."""
    z, t = np.array(z), np.array(t)
    value = LOSSES["cross_entropy"].mean(SIGMOID, z, SIGMOID(z), t)
    assert value == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("z", "t", "expected"),
    [
        ([[1e4, 0.0, -1e4]], [[0.0, 1.0, 0.0]], 1e4),
        ([[1e4, 0.0, -1e4]], [[0.0, 0.0, 1.0]], 2e4),
        ([[1e4, 0.0, -1e4]], [[1.0, 0.0, 0.0]], 0.0),
        ([[1e4, 1e4, 0.0]], [[1.0, 0.0, 0.0]], np.log(2.0)),
    ],
)
def test_softmax_cross_entropy_of_huge_logits_is_finite_and_exact(z, t, expected):
    z, t = np.array(z), np.array(t)
    a = SOFTMAX(z)
    loss = LOSSES["cross_entropy"]
    assert loss.mean(SOFTMAX, z, a, t) == pytest.approx(expected, rel=1e-15, abs=1e-12)
    delta = loss.output_delta(SOFTMAX, z, a, t)
    assert np.isfinite(delta).all()
    np.testing.assert_allclose(delta, a - t)


def test_squared_error_of_saturated_outputs_is_finite():
    z = np.array([[1e4, -1e4]])
    for name in ("sigmoid", "tanh"):
        f = ACTIVATIONS[name]
        value = LOSSES["squared_error"].mean(f, z, f(z), np.array([[0.0, 1.0]]))
        assert np.isfinite(value)
        assert value > 0.5


@pytest.mark.parametrize("output", ["tanh", "linear", "relu"])
def test_cross_entropy_refuses_an_output_that_is_not_a_probability(output):
    with pytest.raises(TranslatableError, match=f"sigmoid or softmax, not {output}") as caught:
        LOSSES["cross_entropy"].check_output(ACTIVATIONS[output])
    assert isinstance(caught.value, ValueError)
    assert caught.value.message.params == {"activation": output}
    assert str(caught.value).endswith(".")


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_cross_entropy_accepts_sigmoid_and_softmax_outputs(output):
    assert LOSSES["cross_entropy"].check_output(ACTIVATIONS[output]) is None


@pytest.mark.parametrize("output", list(ACTIVATIONS))
def test_squared_error_accepts_every_output(output):
    assert LOSSES["squared_error"].check_output(ACTIVATIONS[output]) is None
