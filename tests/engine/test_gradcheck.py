"""The finite-difference gradient check itself (backprop_gui/engine/gradcheck.py).

It is not trusted blindly: it must pass on correct gradients and fail on a wrong one.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backprop_gui.engine import LOSSES, Network, gradient_check
from backprop_gui.engine.network import BackwardTrace

HIDDEN = ("sigmoid", "tanh", "relu", "linear")


@st.composite
def problems(draw) -> tuple:
    """(layer_sizes, activations, loss, batch, seed): 1-4 hidden layers of 1-6 neurons."""
    n_hidden = draw(st.integers(1, 4))
    sizes = draw(st.lists(st.integers(1, 6), min_size=n_hidden + 2, max_size=n_hidden + 2))
    hidden = draw(st.lists(st.sampled_from(HIDDEN), min_size=n_hidden, max_size=n_hidden))
    loss = draw(st.sampled_from(sorted(LOSSES)))
    outputs = ("sigmoid", "softmax") if loss == "cross_entropy" else (*HIDDEN, "softmax")
    output = draw(st.sampled_from(outputs))
    if output == "softmax" and sizes[-1] < 2:
        sizes[-1] = draw(st.integers(2, 6))
    return sizes, [*hidden, output], loss, draw(st.integers(1, 8)), draw(st.integers(0, 2**32 - 1))


def make_problem(
    sizes: list[int], activations: list[str], loss: str, batch: int, seed: int
) -> tuple[Network, np.ndarray, np.ndarray]:
    """The network with random biases, a batch of inputs, and targets fit for its output."""
    net = Network(sizes, activations, loss, seed=seed % 1000)
    rng = np.random.default_rng(seed)
    net.set_parameters(net.weights, [rng.normal(0.0, 0.5, size=b.shape) for b in net.biases])
    X = rng.normal(size=(batch, sizes[0]))
    if activations[-1] == "softmax":
        Y = rng.dirichlet(np.ones(sizes[-1]), size=batch)
    elif activations[-1] == "sigmoid":
        Y = rng.uniform(size=(batch, sizes[-1]))
    else:
        Y = rng.normal(size=(batch, sizes[-1]))
    return net, X, Y


def away_from_relu_kinks(net: Network, X: np.ndarray, margin: float = 1e-3) -> bool:
    trace = net.forward(X)
    return all(
        np.abs(trace.z[layer]).min() >= margin
        for layer in range(1, len(net.layer_sizes))
        if net.activations[layer - 1] == "relu"
    )


def small_problem() -> tuple[Network, np.ndarray, np.ndarray]:
    net = Network([3, 4, 2], ["tanh", "sigmoid"], "cross_entropy", seed=2)
    rng = np.random.default_rng(2)
    net.set_parameters(net.weights, [rng.normal(0.0, 0.5, size=b.shape) for b in net.biases])
    return net, rng.normal(size=(5, 3)), rng.integers(0, 2, (5, 2)).astype(float)


def skew_backward(monkeypatch: pytest.MonkeyPatch, block: str, layer: int, factor: float) -> None:
    """Make Network.backward return one gradient block multiplied by ``factor``."""
    original = Network.backward

    def skewed(self: Network, trace, Y) -> BackwardTrace:
        backward = original(self, trace, Y)
        grads = backward.grad_weights if block == "weights" else backward.grad_biases
        grads[layer] = grads[layer] * factor
        return backward

    monkeypatch.setattr(Network, "backward", skewed)


@settings(max_examples=60, deadline=None)
@given(problem=problems())
def test_gradient_check_agrees_with_backprop_on_random_networks(problem):
    net, X, Y = make_problem(*problem)
    assume(away_from_relu_kinks(net, X))
    assert gradient_check(net, X, Y) < 1e-5


def test_gradient_check_does_not_flag_a_correct_gradient_that_vanished_in_a_saturated_sigmoid():
    """A deep sigmoid stack saturates (the vanishing-gradient lesson); backprop is still right.

    Hidden z = 20, so σ'(20) ≈ 2e-9 and dE/dw0 = (a2 - t) · w1 · σ'(20) · x ≈ 1.2e-7, checked
    here against that formula. Finite differences of the loss (≈ 3) are only good to ~1e-10 at
    ε = 1e-6, so a check that calls 1e-3 "something is wrong" must not judge this relatively.
    """
    net = Network([1, 1, 1], ["sigmoid", "sigmoid"], "cross_entropy")
    net.set_parameters([np.array([[1.0]]), np.array([[3.0]])], [np.zeros(1), np.zeros(1)])
    X, Y = np.array([[20.0]]), np.array([[0.0]])
    _, grad_weights, _ = net.gradients(X, Y)
    a1 = 1.0 / (1.0 + np.exp(-20.0))
    a1_complement = 1.0 / (1.0 + np.exp(20.0))
    a2 = 1.0 / (1.0 + np.exp(-3.0 * a1))
    by_hand = (a2 - 0.0) * 3.0 * a1 * a1_complement * 20.0
    assert grad_weights[0][0, 0] == pytest.approx(by_hand, rel=1e-7)
    assert gradient_check(net, X, Y) < 1e-3


@pytest.mark.parametrize("block", ["weights", "biases"])
@pytest.mark.parametrize("layer", [0, 1])
def test_gradient_check_detects_one_gradient_block_off_by_one_percent(monkeypatch, block, layer):
    net, X, Y = small_problem()
    assert gradient_check(net, X, Y) < 1e-6
    skew_backward(monkeypatch, block, layer, 1.01)
    assert gradient_check(net, X, Y) > 1e-3


def test_gradient_check_reports_a_sign_error_as_total_disagreement(monkeypatch):
    net, X, Y = small_problem()
    skew_backward(monkeypatch, "weights", 0, -1.0)
    assert gradient_check(net, X, Y) == pytest.approx(1.0)


def test_gradient_check_leaves_the_network_bit_for_bit_as_it_was():
    net, X, Y = small_problem()
    before = [p.copy() for p in net.weights + net.biases]
    gradient_check(net, X, Y, epsilon=1e-3)
    for kept, original in zip(net.weights + net.biases, before, strict=True):
        assert kept.tobytes() == original.tobytes()


def test_gradient_check_with_max_parameters_evaluates_only_that_many(monkeypatch):
    net, X, Y = small_problem()
    original = Network.loss
    calls = []

    def counted(self: Network, X, Y) -> float:
        calls.append(1)
        return original(self, X, Y)

    monkeypatch.setattr(Network, "loss", counted)
    first = gradient_check(net, X, Y, max_parameters=5, seed=1)
    assert len(calls) == 2 * 5
    assert gradient_check(net, X, Y, max_parameters=5, seed=1) == first
    calls.clear()
    gradient_check(net, X, Y)
    assert len(calls) == 2 * net.parameter_count
    calls.clear()
    gradient_check(net, X, Y, max_parameters=10**6)
    assert len(calls) == 2 * net.parameter_count


def test_gradient_check_with_max_parameters_finds_the_wrong_block_when_it_samples_it(monkeypatch):
    """Only weights[1] (8 of 26 parameters) is wrong: some samples of 3 miss it, all 26 find it."""
    net, X, Y = small_problem()
    skew_backward(monkeypatch, "weights", 1, 1.05)
    results = [gradient_check(net, X, Y, max_parameters=3, seed=seed) for seed in range(20)]
    assert min(results) < 1e-6
    assert max(results) > 1e-2
    assert gradient_check(net, X, Y, max_parameters=net.parameter_count) > 1e-2


def test_gradient_check_accepts_plain_lists():
    net, X, Y = small_problem()
    assert gradient_check(net, X.tolist(), Y.tolist()) == gradient_check(net, X, Y)
