"""The network: architecture checks, initial weights, forward pass and backpropagation.

The gradients are checked against an independent central-difference loop written here (not
``gradcheck.py``) on random architectures, and against Matt Mazur's hand-worked example.
"""

from __future__ import annotations

import time
import tracemalloc

import numpy as np
import pytest
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st

from backprop_gui.engine import ACTIVATIONS, LOSSES, Network, NetworkError, limits
from backprop_gui.engine.network import BackwardTrace
from backprop_gui.messages import TranslatableError

HIDDEN = ("sigmoid", "tanh", "relu", "linear")
KINK_MARGIN = 1e-3
"""ReLU pre-activations closer to 0 than this are avoided: a finite difference across the kink
measures neither slope. 1e-3 is far beyond what a 1e-6 nudge of one weight can move a z."""


# -- random problems ------------------------------------------------------------------------


@st.composite
def problems(draw) -> tuple:
    """(layer_sizes, activations, loss, batch, seed, one_hot): 1-4 hidden layers of 1-6."""
    n_hidden = draw(st.integers(1, 4))
    sizes = draw(st.lists(st.integers(1, 6), min_size=n_hidden + 2, max_size=n_hidden + 2))
    hidden = draw(st.lists(st.sampled_from(HIDDEN), min_size=n_hidden, max_size=n_hidden))
    loss = draw(st.sampled_from(sorted(LOSSES)))
    outputs = ("sigmoid", "softmax") if loss == "cross_entropy" else (*HIDDEN, "softmax")
    output = draw(st.sampled_from(outputs))
    if output == "softmax" and sizes[-1] < 2:
        sizes[-1] = draw(st.integers(2, 6))
    batch = draw(st.integers(1, 8))
    seed = draw(st.integers(0, 2**32 - 1))
    one_hot = draw(st.booleans())
    return sizes, [*hidden, output], loss, batch, seed, one_hot


def make_problem(
    sizes: list[int], activations: list[str], loss: str, batch: int, seed: int, one_hot: bool
) -> tuple[Network, np.ndarray, np.ndarray]:
    """A network with random (non-zero) biases, inputs, and targets fit for its output."""
    net = Network(sizes, activations, loss, seed=seed % 1000)
    rng = np.random.default_rng(seed)
    net.set_parameters(net.weights, [rng.normal(0.0, 0.5, size=b.shape) for b in net.biases])
    X = rng.normal(0.0, 1.0, size=(batch, sizes[0]))
    n_out = sizes[-1]
    if activations[-1] == "softmax":
        Y = (
            np.eye(n_out)[rng.integers(0, n_out, batch)]
            if one_hot
            else rng.dirichlet(np.ones(n_out), size=batch)
        )
    elif activations[-1] == "sigmoid":
        Y = (
            rng.integers(0, 2, (batch, n_out)).astype(float)
            if one_hot
            else rng.uniform(size=(batch, n_out))
        )
    else:
        Y = rng.normal(0.0, 1.0, size=(batch, n_out))
    return net, X, Y


def away_from_relu_kinks(net: Network, X: np.ndarray) -> bool:
    trace = net.forward(X)
    return all(
        np.abs(trace.z[layer]).min() >= KINK_MARGIN
        for layer in range(1, len(net.layer_sizes))
        if net.activations[layer - 1] == "relu"
    )


# -- an independent reference ---------------------------------------------------------------

REFERENCE_ACTIVATIONS = {
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": lambda z: (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)),
    "relu": lambda z: np.where(z > 0.0, z, 0.0),
    "linear": lambda z: z,
    "softmax": lambda z: np.exp(z) / np.exp(z).sum(axis=1, keepdims=True),
}


def reference_loss(net: Network, X: np.ndarray, Y: np.ndarray) -> float:
    """The loss written straight from the textbook formulas, sample by sample."""
    total = 0.0
    for x, t in zip(X, Y, strict=True):
        a = x
        for w, b, name in zip(net.weights, net.biases, net.activations, strict=True):
            z = [sum(w[j, i] * a[i] for i in range(len(a))) + b[j] for j in range(len(b))]
            a = REFERENCE_ACTIVATIONS[name](np.array([z]))[0]
        if net.loss_name == "squared_error":
            total += 0.5 * sum((t - a) ** 2)
        elif net.activations[-1] == "softmax":
            total += -sum(t * np.log(a))
        else:
            total += -sum(t * np.log(a) + (1 - t) * np.log(1 - a))
    return total / len(X)


def finite_difference_gradients(
    net: Network, X: np.ndarray, Y: np.ndarray, epsilon: float = 1e-6
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """dE/dp = (E(p + eps) - E(p - eps)) / 2 eps for every weight and bias, via Network.loss."""
    result = []
    for parameters in (net.weights, net.biases):
        gradients = []
        for p in parameters:
            g = np.empty_like(p)
            for index in np.ndindex(p.shape):
                saved = p[index]
                p[index] = saved + epsilon
                plus = net.loss(X, Y)
                p[index] = saved - epsilon
                minus = net.loss(X, Y)
                p[index] = saved
                g[index] = (plus - minus) / (2.0 * epsilon)
            gradients.append(g)
        result.append(gradients)
    return result[0], result[1]


def assert_gradients_match(net: Network, X: np.ndarray, Y: np.ndarray) -> None:
    """Relative error below 1e-5, with an absolute floor for the finite-difference noise.

    The noise of a central difference is about (ulp of the loss) / epsilon, i.e. ~1e-10 times
    the loss: gradients smaller than that cannot be compared relatively.
    """
    loss, grad_weights, grad_biases = net.gradients(X, Y)
    numeric_weights, numeric_biases = finite_difference_gradients(net, X, Y)
    floor = 1e-8 * max(1.0, abs(loss))
    pairs = [
        *zip(grad_weights, numeric_weights, strict=True),
        *zip(grad_biases, numeric_biases, strict=True),
    ]
    for block, (analytic, numeric) in enumerate(pairs):
        assert analytic.shape == numeric.shape
        error = np.abs(analytic - numeric)
        allowed = 1e-5 * (np.abs(analytic) + np.abs(numeric)) + floor
        assert np.all(error <= allowed), (block, analytic, numeric)


def mazur_network() -> tuple[Network, np.ndarray, np.ndarray]:
    net = Network([2, 2, 2], ["sigmoid", "sigmoid"], "squared_error")
    net.set_parameters(
        [np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])],
        [np.array([0.35, 0.35]), np.array([0.60, 0.60])],
    )
    return net, np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])


# -- gradients ------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(problem=problems())
def test_backprop_gradients_match_independent_central_differences(problem):
    net, X, Y = make_problem(*problem)
    assume(away_from_relu_kinks(net, X))
    assert_gradients_match(net, X, Y)


@settings(max_examples=30, deadline=None)
@given(problem=problems())
def test_loss_equals_the_textbook_formula_computed_sample_by_sample(problem):
    net, X, Y = make_problem(*problem)
    with np.errstate(all="ignore"):
        expected = reference_loss(net, X, Y)
    assume(np.isfinite(expected))
    note(f"reference loss {expected!r}")
    assert net.loss(X, Y) == pytest.approx(expected, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("block", ["weights", "biases"])
@pytest.mark.parametrize("layer", [0, 1])
def test_the_independent_check_fails_on_a_gradient_off_by_one_percent(monkeypatch, block, layer):
    """Proves the property test above can fail: a 1% error in any one block is caught."""
    net, X, Y = make_problem([3, 4, 2], ["tanh", "sigmoid"], "squared_error", 5, 11, False)
    assert_gradients_match(net, X, Y)
    original = Network.backward

    def skewed(self: Network, trace, Y) -> BackwardTrace:
        backward = original(self, trace, Y)
        grads = backward.grad_weights if block == "weights" else backward.grad_biases
        grads[layer] = grads[layer] * 1.01
        return backward

    monkeypatch.setattr(Network, "backward", skewed)
    with pytest.raises(AssertionError):
        assert_gradients_match(net, X, Y)


def test_mazur_worked_example_forward_loss_and_one_update():
    """Matt Mazur, "A Step by Step Backpropagation Example" (2-2-2, sigmoid, squared error).

    Inputs i1 = 0.05, i2 = 0.10; targets 0.01, 0.99; weights[0] = [[w1, w2], [w3, w4]] =
    [[.15, .20], [.25, .30]], weights[1] = [[w5, w6], [w7, w8]] = [[.40, .45], [.50, .55]],
    biases .35 (hidden) and .60 (outputs); learning rate 0.5.

    Forward: net_h1 = .15*.05 + .20*.10 + .35 = 0.3775, out_h1 = σ(0.3775) = 0.593269992;
    net_h2 = .25*.05 + .30*.10 + .35 = 0.3925, out_h2 = 0.596884378;
    net_o1 = .40*out_h1 + .45*out_h2 + .60 = 1.105905967, out_o1 = 0.75136507;
    net_o2 = .50*out_h1 + .55*out_h2 + .60 = 1.224921404, out_o2 = 0.772928465.
    Error: E = ½(.01 - .75136507)² + ½(.99 - .772928465)² = 0.274811083 + 0.023560026
    = 0.298371109.
    Backward: δ_o1 = (out_o1 - t1) * out_o1 * (1 - out_o1) = 0.74136507 * 0.186815602
    = 0.138498562, so dE/dw5 = δ_o1 * out_h1 = 0.082167041 and w5 ← .40 - 0.5 * 0.082167041
    = 0.35891648; likewise w6..w8. For w1: dE/dout_h1 = δ_o1*w5 + δ_o2*w7 = 0.036350306,
    δ_h1 = 0.036350306 * out_h1 * (1 - out_h1) = 0.008771354, dE/dw1 = δ_h1 * i1 = 0.000438568,
    w1 ← .15 - 0.5 * 0.000438568 = 0.149780716 (computed with the old w5, w7).
    """
    net, X, Y = mazur_network()
    trace = net.forward(X)
    np.testing.assert_allclose(trace.z[1], [[0.3775, 0.3925]], atol=1e-12)
    np.testing.assert_allclose(trace.a[1], [[0.593269992, 0.596884378]], atol=1e-9)
    np.testing.assert_allclose(trace.z[2], [[1.105905967, 1.224921404]], atol=1e-9)
    np.testing.assert_allclose(trace.a[2], [[0.75136507, 0.772928465]], atol=1e-8)
    np.testing.assert_allclose(net.predict(X), trace.a[2], rtol=1e-15)
    assert net.loss(X, Y) == pytest.approx(0.298371109, abs=1e-9)

    loss, grad_weights, grad_biases = net.gradients(X, Y)
    assert grad_weights[1][0, 0] == pytest.approx(0.082167041, abs=1e-9)
    assert grad_weights[0][0, 0] == pytest.approx(0.000438568, abs=1e-9)
    assert grad_biases[1][0] == pytest.approx(0.138498562, abs=1e-9)

    assert net.train_step(X, Y, 0.5) == loss
    w1, w2, w3, w4 = net.weights[0].ravel()
    w5, w6, w7, w8 = net.weights[1].ravel()
    expected = {
        "w1": (w1, 0.149780716),
        "w2": (w2, 0.19956143),
        "w3": (w3, 0.24975114),
        "w4": (w4, 0.29950229),
        "w5": (w5, 0.35891648),
        "w6": (w6, 0.408666186),
        "w7": (w7, 0.511301270),
        "w8": (w8, 0.561370121),
    }
    for name, (actual, hand) in expected.items():
        assert actual == pytest.approx(hand, abs=1e-8), name


def test_batch_gradient_is_the_mean_of_the_per_sample_gradients():
    net, X, Y = make_problem([3, 4, 2], ["relu", "softmax"], "cross_entropy", 6, 5, True)
    loss, grad_weights, grad_biases = net.gradients(X, Y)
    singles = [net.gradients(X[k : k + 1], Y[k : k + 1]) for k in range(6)]
    assert loss == pytest.approx(np.mean([s[0] for s in singles]), rel=1e-12)
    for layer in range(2):
        mean_w = np.mean([s[1][layer] for s in singles], axis=0)
        mean_b = np.mean([s[2][layer] for s in singles], axis=0)
        np.testing.assert_allclose(grad_weights[layer], mean_w, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(grad_biases[layer], mean_b, rtol=1e-12, atol=1e-15)


def test_backward_trace_keeps_per_sample_deltas_and_the_chain_rule_between_them():
    """delta[L] = (a - t) σ'(z) per sample; delta[l] = (delta[l+1] @ W) f'(z); dE/dW = mean δaᵀ."""
    net, X, Y = make_problem([2, 3, 2], ["tanh", "sigmoid"], "squared_error", 4, 2, False)
    trace = net.forward(X)
    backward = net.backward(trace, Y)
    a1, a2 = trace.a[1], trace.a[2]
    delta2 = (a2 - Y) * a2 * (1 - a2)
    delta1 = (delta2 @ net.weights[1]) * (1 - a1**2)
    assert backward.delta[0] is None
    assert backward.n_samples == 4
    np.testing.assert_allclose(backward.delta[2], delta2, rtol=1e-12)
    np.testing.assert_allclose(backward.delta[1], delta1, rtol=1e-12)
    np.testing.assert_allclose(backward.grad_weights[1], delta2.T @ a1 / 4, rtol=1e-12)
    np.testing.assert_allclose(backward.grad_weights[0], delta1.T @ X / 4, rtol=1e-12)
    np.testing.assert_allclose(backward.grad_biases[0], delta1.mean(axis=0), rtol=1e-12)


# -- the forward pass and its conventions ---------------------------------------------------


def test_forward_trace_keeps_z_and_a_of_every_layer():
    net, X, _ = make_problem([3, 4, 5, 2], ["relu", "tanh", "linear"], "squared_error", 6, 9, False)
    trace = net.forward(X)
    assert trace.z[0] is None
    np.testing.assert_array_equal(trace.a[0], X)
    for layer in range(1, 4):
        assert trace.z[layer].shape == trace.a[layer].shape == (6, net.layer_sizes[layer])
        w, b = net.weights[layer - 1], net.biases[layer - 1]
        np.testing.assert_allclose(trace.z[layer], trace.a[layer - 1] @ w.T + b, rtol=1e-14)
        f = ACTIVATIONS[net.activations[layer - 1]]
        np.testing.assert_array_equal(trace.a[layer], f(trace.z[layer]))
    assert trace.output is trace.a[-1]


def test_weight_j_i_of_layer_l_connects_input_neuron_i_to_neuron_j():
    net, X, _ = make_problem([3, 2, 1], ["linear", "linear"], "squared_error", 4, 1, False)
    before = net.forward(X).z[1]
    net.weights[0][1, 2] += 0.5  # from input neuron 2 to hidden neuron 1
    after = net.forward(X).z[1]
    np.testing.assert_allclose(after[:, 1] - before[:, 1], 0.5 * X[:, 2], rtol=1e-12)
    np.testing.assert_array_equal(after[:, 0], before[:, 0])


def test_predict_loss_and_gradients_have_the_documented_shapes():
    net, X, Y = make_problem([4, 3, 5, 2], ["tanh", "relu", "softmax"], "cross_entropy", 7, 3, True)
    prediction = net.predict(X)
    assert prediction.shape == (7, 2)
    assert prediction.dtype == np.float64
    np.testing.assert_array_equal(prediction, net.forward(X).output)
    loss = net.loss(X, Y)
    assert isinstance(loss, float)
    result = net.gradients(X, Y)
    assert result[0] == loss
    assert [w.shape for w in net.weights] == [(3, 4), (5, 3), (2, 5)]
    assert [g.shape for g in result[1]] == [w.shape for w in net.weights]
    assert [g.shape for g in result[2]] == [b.shape for b in net.biases] == [(3,), (5,), (2,)]


def test_predict_and_loss_accept_plain_lists():
    net, X, Y = make_problem([2, 2, 1], ["sigmoid", "sigmoid"], "squared_error", 3, 4, False)
    np.testing.assert_array_equal(net.predict(X.tolist()), net.predict(X))
    assert net.loss(X.tolist(), Y.tolist()) == net.loss(X, Y)


def test_loss_is_the_mean_of_the_sample_losses():
    net, X, Y = make_problem([2, 3, 2], ["tanh", "linear"], "squared_error", 5, 8, False)
    trace = net.forward(X)
    per_sample = net.sample_losses(trace, Y)
    assert per_sample.shape == (5,)
    np.testing.assert_allclose(per_sample, 0.5 * ((trace.output - Y) ** 2).sum(axis=1))
    assert net.loss(X, Y) == pytest.approx(per_sample.mean(), rel=1e-14)
    assert net.mean_loss(trace, Y) == net.loss(X, Y)


def test_train_step_returns_the_loss_before_and_moves_each_weight_by_minus_eta_times_grad():
    net, X, Y = make_problem([3, 4, 1], ["relu", "sigmoid"], "cross_entropy", 6, 7, True)
    loss, grad_weights, grad_biases = net.gradients(X, Y)
    weights = [w.copy() for w in net.weights]
    biases = [b.copy() for b in net.biases]
    assert net.train_step(X, Y, 0.3) == loss
    for layer in range(2):
        moved_w = weights[layer] - 0.3 * grad_weights[layer]
        moved_b = biases[layer] - 0.3 * grad_biases[layer]
        np.testing.assert_array_equal(net.weights[layer], moved_w)
        np.testing.assert_array_equal(net.biases[layer], moved_b)
    assert net.loss(X, Y) < loss


def test_softmax_cross_entropy_network_with_logits_of_1e4_is_exact_and_finite():
    net = Network([2, 3], ["softmax"], "cross_entropy")
    net.set_parameters([np.array([[1e4, 0.0], [0.0, 0.0], [-1e4, 0.0]])], [np.zeros(3)])
    X = np.array([[1.0, 0.0], [1.0, 0.0]])
    Y = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    loss, grad_weights, grad_biases = net.gradients(X, Y)
    assert loss == pytest.approx((1e4 + 0.0) / 2, rel=1e-15)
    np.testing.assert_allclose(grad_biases[0], [0.5, -0.5, 0.0], atol=1e-300)
    assert all(np.isfinite(g).all() for g in grad_weights)


def test_sigmoid_cross_entropy_network_on_saturated_outputs_is_finite():
    net = Network([1, 2], ["sigmoid"], "cross_entropy")
    net.set_parameters([np.array([[1e4], [-1e4]])], [np.zeros(2)])
    loss, grad_weights, _ = net.gradients(np.array([[1.0]]), np.array([[0.0, 1.0]]))
    assert loss == pytest.approx(2e4, rel=1e-15)
    np.testing.assert_array_equal(grad_weights[0], [[1.0], [-1.0]])


# -- architecture checks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sizes", "activations", "loss", "fragment"),
    [
        ([2, 2], ["tanh"], "cross_entropy", "must use sigmoid or softmax, not tanh"),
        ([2, 2], ["linear"], "cross_entropy", "must use sigmoid or softmax, not linear"),
        ([2, 3, 2], ["tanh", "relu"], "cross_entropy", "must use sigmoid or softmax, not relu"),
        ([2, 3, 2], ["softmax", "sigmoid"], "squared_error", "only be used on the output layer"),
        ([2, 1], ["softmax"], "squared_error", "it needs 2 outputs or more"),
        ([2, 1], ["softmax"], "cross_entropy", "it needs 2 outputs or more"),
        ([2, 3, 1], ["tanh"], "squared_error", "after the input: 2, not 1"),
        ([2, 1], ["tanh", "tanh"], "squared_error", "after the input: 1, not 2"),
        ([2, 1], ["swish"], "squared_error", "Unknown activation function 'swish' on layer 1"),
        ([2, 1], ["sigmoid"], "hinge", "Unknown loss function 'hinge'"),
        ([2, 0, 1], ["tanh", "tanh"], "squared_error", "Layer 1 must have between 1 and 1024"),
        ([2, -3, 1], ["tanh", "tanh"], "squared_error", "neurons, not -3"),
        ([0, 1], ["tanh"], "squared_error", "Layer 0 must have between 1 and 1024"),
        ([2, 1025, 1], ["tanh", "tanh"], "squared_error", "1024 neurons, not 1025"),
        ([2, True, 1], ["tanh", "tanh"], "squared_error", "Layer 1 has a size that is not a whole"),
        ([2, 2.0, 1], ["tanh", "tanh"], "squared_error", "Layer 1 has a size that is not a whole"),
        ([2, "3", 1], ["tanh", "tanh"], "squared_error", "Layer 1 has a size that is not a whole"),
        ([5], [], "squared_error", "at least an input layer and an output layer"),
        ([], [], "squared_error", "at least an input layer and an output layer"),
        ([2] * 13, ["tanh"] * 12, "squared_error", "at most 12 layers, not 13"),
        ([1000, 1000], ["linear"], "squared_error", "1001000 weights and biases; the limit is"),
    ],
)
def test_invalid_architecture_is_refused_with_a_sentence(sizes, activations, loss, fragment):
    with pytest.raises(TranslatableError) as caught:
        Network(sizes, activations, loss)
    error = caught.value
    assert isinstance(error, ValueError)
    assert fragment in str(error)
    assert error.message.context == "Network"
    assert str(error).endswith(".")
    assert "{" not in str(error)


def test_cross_entropy_misuse_is_a_network_error_like_every_other_architecture_error():
    """Code that catches NetworkError around Network(...) must not miss this one."""
    with pytest.raises(NetworkError, match="not tanh"):
        Network([2, 2], ["tanh"], "cross_entropy")


def test_parameter_count_exactly_at_the_limit_is_allowed():
    net = Network([999, 1000], ["linear"])
    assert net.parameter_count == limits.MAX_PARAMETERS


def test_oversized_network_is_refused_before_anything_is_allocated():
    """[1024] * 12 would need ~90 MB of weights: refused in well under a millisecond's worth."""
    sizes = [limits.MAX_NEURONS_PER_LAYER] * limits.MAX_LAYERS
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(NetworkError, match="weights and biases; the limit is 1000000"):
            Network(sizes, ["tanh"] * (len(sizes) - 1))
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000
    assert elapsed < 0.5


def test_absurd_layer_sizes_are_refused_before_anything_is_allocated():
    tracemalloc.start()
    try:
        with pytest.raises(NetworkError, match="not 1000000000"):
            Network([10**9, 10**9], ["linear"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000


def test_numpy_integer_sizes_are_accepted_and_stored_as_ints():
    net = Network(np.array([3, 2, 1]), ("tanh", "sigmoid"), seed=np.int64(1))
    assert net.layer_sizes == (3, 2, 1)
    assert all(type(size) is int for size in net.layer_sizes)
    assert net.activations == ("tanh", "sigmoid")
    assert net.loss_name == "squared_error"
    assert (net.n_inputs, net.n_outputs) == (3, 1)
    assert net.parameter_count == 3 * 2 + 2 + 2 * 1 + 1
    assert net.activation(1) is ACTIVATIONS["tanh"]
    assert net.activation(2) is ACTIVATIONS["sigmoid"]
    assert net.loss_function is LOSSES["squared_error"]


# -- initial weights ------------------------------------------------------------------------


def test_same_seed_gives_bit_identical_weights():
    first = Network([4, 6, 5, 3], ["relu", "tanh", "softmax"], "cross_entropy", seed=42)
    second = Network([4, 6, 5, 3], ["relu", "tanh", "softmax"], "cross_entropy", seed=42)
    for a, b in zip(first.weights + first.biases, second.weights + second.biases, strict=True):
        assert a.dtype == b.dtype == np.float64
        assert a.tobytes() == b.tobytes()


def test_different_seeds_give_different_weights():
    first = Network([4, 6, 3], ["tanh", "sigmoid"], seed=1)
    second = Network([4, 6, 3], ["tanh", "sigmoid"], seed=2)
    for a, b in zip(first.weights, second.weights, strict=True):
        assert not np.array_equal(a, b)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "linear", "softmax"])
def test_glorot_uniform_initial_weights_before_non_relu_activations(activation):
    """Uniform in ±sqrt(6 / (n_in + n_out)): all inside, the edges reached, variance limit²/3."""
    net = Network([300, 200], [activation], seed=3)
    w = net.weights[0]
    limit = np.sqrt(6.0 / 500.0)
    assert np.abs(w).max() <= limit
    assert np.abs(w).max() > 0.999 * limit
    assert abs(w.mean()) < 0.02 * limit
    assert w.var() == pytest.approx(limit**2 / 3.0, rel=0.03)
    np.testing.assert_array_equal(net.biases[0], np.zeros(200))


def test_he_normal_initial_weights_before_relu():
    """Normal with variance 2 / n_in into a ReLU layer; the next (linear) layer is Glorot."""
    net = Network([400, 300, 2], ["relu", "linear"], seed=4)
    w = net.weights[0]
    assert w.std() == pytest.approx(np.sqrt(2.0 / 400.0), rel=0.02)
    assert abs(w.mean()) < 0.01 * w.std()
    kurtosis = np.mean((w - w.mean()) ** 4) / w.var() ** 2
    assert kurtosis == pytest.approx(3.0, abs=0.1)  # a normal's; a uniform's would be 1.8
    assert np.abs(net.weights[1]).max() <= np.sqrt(6.0 / 302.0)
    for b in net.biases:
        assert not b.any()


def test_reinitialize_redraws_from_the_network_seed_or_a_new_one():
    net = Network([3, 4, 2], ["tanh", "sigmoid"], seed=5)
    fresh = [w.copy() for w in net.weights]
    net.weights[0][0, 0] = 9.0
    net.biases[1][1] = -2.0
    net.reinitialize()
    for a, b in zip(net.weights, fresh, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not any(b.any() for b in net.biases)
    net.reinitialize(6)
    assert net.seed == 6
    other = Network([3, 4, 2], ["tanh", "sigmoid"], seed=6)
    for a, b in zip(net.weights, other.weights, strict=True):
        np.testing.assert_array_equal(a, b)


# -- setting parameters and copying ---------------------------------------------------------


def test_set_parameters_copies_converts_and_replaces():
    net = Network([2, 2, 1], ["tanh", "sigmoid"])
    weights = [np.array([[1, 2], [3, 4]]), [[0.5, -0.5]]]
    biases = [np.array([0.1, 0.2]), [0.3]]
    net.set_parameters(weights, biases)
    assert all(w.dtype == np.float64 for w in net.weights + net.biases)
    np.testing.assert_array_equal(net.weights[0], [[1, 2], [3, 4]])
    np.testing.assert_array_equal(net.weights[1], [[0.5, -0.5]])
    weights[0][0, 0] = 100
    biases[0][0] = 100.0
    assert net.weights[0][0, 0] == 1.0
    assert net.biases[0][0] == 0.1


@pytest.mark.parametrize(
    ("weights", "biases", "fragment"),
    [
        ([np.zeros((2, 2))], [np.zeros(2)], "Expected 2 weight matrices"),
        ([np.zeros((2, 2)), np.zeros((1, 2))], [np.zeros(2)], "Expected 2 weight matrices"),
        ([np.zeros((2, 3)), np.zeros((1, 2))], [np.zeros(2), np.zeros(1)], "layer 0 have shape"),
        ([np.zeros((2, 2)), np.zeros((2, 1))], [np.zeros(2), np.zeros(1)], "layer 1 have shape"),
        ([np.zeros((2, 2)), np.zeros((1, 2))], [np.zeros(3), np.zeros(1)], "layer 0 have shape"),
        (
            [np.array([[0.0, np.nan], [0.0, 0.0]]), np.zeros((1, 2))],
            [np.zeros(2), np.zeros(1)],
            "layer 0 must be finite",
        ),
        (
            [np.zeros((2, 2)), np.zeros((1, 2))],
            [np.zeros(2), np.array([np.inf])],
            "layer 1 must be finite",
        ),
    ],
)
def test_set_parameters_refuses_wrong_shapes_or_non_finite_values(weights, biases, fragment):
    net = Network([2, 2, 1], ["tanh", "sigmoid"], seed=3)
    before = [p.copy() for p in net.weights + net.biases]
    with pytest.raises(NetworkError, match=fragment):
        net.set_parameters(weights, biases)
    for kept, original in zip(net.weights + net.biases, before, strict=True):
        np.testing.assert_array_equal(kept, original)


def test_copy_is_independent_of_the_original():
    net, X, Y = make_problem([3, 4, 2], ["tanh", "sigmoid"], "cross_entropy", 4, 3, True)
    twin = net.copy()
    assert twin is not net
    assert (twin.layer_sizes, twin.activations, twin.loss_name, twin.seed) == (
        net.layer_sizes,
        net.activations,
        net.loss_name,
        net.seed,
    )
    np.testing.assert_array_equal(twin.predict(X), net.predict(X))
    before = [p.copy() for p in net.weights + net.biases]
    twin.train_step(X, Y, 1.0)
    twin.weights[0][0, 0] = 42.0
    twin.biases[1][0] = 42.0
    twin.reinitialize(99)
    for kept, original in zip(net.weights + net.biases, before, strict=True):
        np.testing.assert_array_equal(kept, original)
