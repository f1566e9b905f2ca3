"""The trainer: four phases in order, mini-batches, settings, history and divergence.

(backprop_gui/engine/trainer.py)
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop_gui.engine import PHASES, History, Network, Phase, Trainer, TrainingDiverged
from backprop_gui.messages import TranslatableError

COLUMNS = History.EPOCH_COLUMNS


def regression_data(n: int = 10, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return X, X @ np.array([[1.0], [-2.0]]) + 0.5


def binary_data(n: int = 12, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return X, (X[:, :1] * X[:, 1:] > 0).astype(float)


def regression_trainer(n: int = 10, **options) -> Trainer:
    X, Y = regression_data(n)
    return Trainer(Network([2, 3, 1], ["tanh", "linear"], seed=1), X, Y, **options)


def parameters(net: Network) -> list[np.ndarray]:
    return [p.copy() for p in net.weights + net.biases]


def assert_same_parameters(actual: list[np.ndarray], expected: list[np.ndarray]) -> None:
    assert len(actual) == len(expected)
    for a, b in zip(actual, expected, strict=True):
        assert a.tobytes() == b.tobytes()


def epoch_column(trainer: Trainer, name: str) -> np.ndarray:
    return trainer.history.epochs.arrays()[1][:, COLUMNS.index(name)]


# -- the hand-worked example, one phase at a time -------------------------------------------


def test_mazur_example_phase_by_phase_shows_every_number_of_the_lesson():
    """Matt Mazur's 2-2-2 example (see tests/engine/test_network.py for the arithmetic).

    FORWARD: z = net_h1, net_h2 / net_o1, net_o2 and a = out_*; LOSS: E_total and each
    output's share ½(t - o)²; BACKWARD: δ_o1 = 0.138498562, dE/dw5 = 0.082167041; UPDATE:
    Δw5 = -0.5 · 0.082167041, w5 = 0.40 + Δw5 = 0.35891648.
    """
    net = Network([2, 2, 2], ["sigmoid", "sigmoid"])
    net.set_parameters(
        [np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])],
        [np.array([0.35, 0.35]), np.array([0.60, 0.60])],
    )
    trainer = Trainer(net, [[0.05, 0.10]], [[0.01, 0.99]], learning_rate=0.5)
    assert trainer.phase is None
    assert trainer.next_phase is Phase.FORWARD
    assert trainer.output_losses is None

    assert trainer.step_phase() is Phase.FORWARD
    assert trainer.phase is Phase.FORWARD
    assert trainer.next_phase is Phase.LOSS
    np.testing.assert_allclose(trainer.trace.z[1], [[0.3775, 0.3925]], atol=1e-12)
    np.testing.assert_allclose(trainer.trace.a[1], [[0.593269992, 0.596884378]], atol=1e-9)
    np.testing.assert_allclose(trainer.trace.z[2], [[1.105905967, 1.224921404]], atol=1e-9)
    np.testing.assert_allclose(trainer.trace.a[2], [[0.75136507, 0.772928465]], atol=1e-8)
    assert trainer.loss is None
    assert trainer.output_losses is None

    assert trainer.step_phase() is Phase.LOSS
    assert trainer.loss == pytest.approx(0.298371109, abs=1e-9)
    np.testing.assert_allclose(trainer.output_losses, [[0.274811083, 0.023560026]], atol=1e-9)
    np.testing.assert_allclose(trainer.sample_losses, [0.298371109], atol=1e-9)
    assert trainer.backward_trace is None

    assert trainer.step_phase() is Phase.BACKWARD
    assert trainer.backward_trace.delta[2][0, 0] == pytest.approx(0.138498562, abs=1e-9)
    assert trainer.grad_weights[1][0, 0] == pytest.approx(0.082167041, abs=1e-9)
    assert trainer.grad_weights[0][0, 0] == pytest.approx(0.000438568, abs=1e-9)
    assert trainer.weight_updates is None
    np.testing.assert_array_equal(net.weights[1], [[0.40, 0.45], [0.50, 0.55]])

    assert trainer.step_phase() is Phase.UPDATE
    assert trainer.phase is Phase.UPDATE
    assert trainer.next_phase is Phase.FORWARD
    assert trainer.weights_before[1][0, 0] == 0.40
    assert trainer.weight_updates[1][0, 0] == pytest.approx(-0.5 * 0.082167041, abs=1e-9)
    w1_to_w4 = [[0.149780716, 0.19956143], [0.24975114, 0.29950229]]
    w5_to_w8 = [[0.35891648, 0.408666186], [0.511301270, 0.561370121]]
    np.testing.assert_allclose(net.weights[0], w1_to_w4, atol=1e-8)
    np.testing.assert_allclose(net.weights[1], w5_to_w8, atol=1e-8)
    assert (trainer.iteration, trainer.epoch) == (1, 1)


# -- phases, iterations and epochs ----------------------------------------------------------

CALLS = st.lists(
    st.sampled_from(["phase", "iteration", "epoch", "run"]) | st.integers(1, 3), max_size=25
)


@settings(max_examples=40, deadline=None)
@given(calls=CALLS, batch_size=st.sampled_from([None, 1, 3, 4]))
def test_phases_run_in_order_whatever_mix_of_calls_drives_them(calls, batch_size):
    """Count the phases run so far; every call must move that count exactly as documented, and
    the result must be bit for bit that of stepping one phase at a time."""
    trainer = regression_trainer(n=7, batch_size=batch_size, momentum=0.5, seed=3)
    done = 0
    for call in calls:
        if call == "phase":
            assert trainer.step_phase() is PHASES[done % 4]
            done += 1
        elif call == "iteration":
            trainer.step_iteration()
            done = (done // 4 + 1) * 4
        elif call == "epoch":
            epoch = trainer.epoch
            trainer.run_epoch()
            assert trainer.epoch == epoch + 1
            done = trainer.iteration * 4
        else:
            count = 2 if call == "run" else call
            assert trainer.run_iterations(count) == count
            done = (done // 4 + count) * 4
        assert trainer.iteration * 4 + PHASES.index(trainer.next_phase) == done
        assert trainer.phase is (PHASES[(done - 1) % 4] if done else None)
        assert trainer.epoch == trainer.iteration // trainer.batches_per_epoch

    reference = regression_trainer(n=7, batch_size=batch_size, momentum=0.5, seed=3)
    for _ in range(done):
        reference.step_phase()
    assert_same_parameters(parameters(trainer.network), parameters(reference.network))
    np.testing.assert_array_equal(trainer.batch_indices, reference.batch_indices)


def test_step_iteration_in_the_middle_finishes_the_current_iteration():
    trainer = regression_trainer(batch_size=3)
    trainer.step_phase()
    trainer.step_phase()
    batch, loss = trainer.batch_indices.copy(), trainer.loss
    assert trainer.step_iteration() == loss
    np.testing.assert_array_equal(trainer.batch_indices, batch)
    assert trainer.iteration == 1
    assert trainer.phase is Phase.UPDATE
    assert trainer.next_phase is Phase.FORWARD


def test_step_iteration_after_the_backward_phase_only_updates():
    trainer = regression_trainer()
    for _ in range(3):
        trainer.step_phase()
    grads = [g.copy() for g in trainer.grad_weights]
    before = parameters(trainer.network)
    trainer.step_iteration()
    for layer, g in enumerate(grads):
        np.testing.assert_array_equal(trainer.network.weights[layer], before[layer] - 0.1 * g)
    assert trainer.iteration == 1


def test_iterations_and_epochs_are_counted():
    trainer = regression_trainer(n=10, batch_size=3)
    assert trainer.batches_per_epoch == 4
    assert (trainer.iteration, trainer.epoch) == (0, 0)
    losses = [trainer.step_iteration() for _ in range(3)]
    assert (trainer.iteration, trainer.epoch) == (3, 0)
    losses.append(trainer.step_iteration())
    assert (trainer.iteration, trainer.epoch) == (4, 1)
    assert trainer.last_epoch_loss == pytest.approx(np.mean(losses), rel=1e-14)
    epoch_loss = trainer.run_epoch()
    assert (trainer.iteration, trainer.epoch) == (8, 2)
    assert epoch_loss == trainer.last_epoch_loss


def test_run_epoch_from_the_middle_of_an_epoch_finishes_that_epoch():
    trainer = regression_trainer(n=10, batch_size=3)
    trainer.step_iteration()
    trainer.step_phase()
    trainer.run_epoch()
    assert (trainer.iteration, trainer.epoch) == (4, 1)


def test_run_iterations_stops_at_the_count_or_the_deadline():
    trainer = regression_trainer(batch_size=4)
    assert trainer.run_iterations(5) == 5
    assert trainer.iteration == 5
    assert trainer.run_iterations(1000, seconds=0.0) == 1
    assert trainer.iteration == 6
    assert trainer.run_iterations(0) == 0


# -- mini-batches ---------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "batch_size"), [(10, 3), (10, 1), (7, 7), (8, 4), (5, 100)])
def test_each_epoch_covers_every_sample_exactly_once(n, batch_size):
    trainer = regression_trainer(n=n, batch_size=batch_size, seed=8)
    for _ in range(3):
        seen = []
        epoch = trainer.epoch
        while trainer.epoch == epoch:
            trainer.step_phase()
            seen.extend(trainer.batch_indices.tolist())
            assert len(trainer.batch_indices) <= min(batch_size, n)
            np.testing.assert_array_equal(trainer.batch_X, trainer.X[trainer.batch_indices])
            np.testing.assert_array_equal(trainer.batch_Y, trainer.Y[trainer.batch_indices])
            trainer.step_iteration()
        assert sorted(seen) == list(range(n))


def test_full_batch_training_keeps_the_samples_in_order():
    trainer = regression_trainer(n=6)
    assert trainer.batch_size == 6
    for _ in range(2):
        trainer.step_phase()
        np.testing.assert_array_equal(trainer.batch_indices, np.arange(6))
        trainer.step_iteration()


def batch_orders(trainer: Trainer, iterations: int) -> list[list[int]]:
    orders = []
    for _ in range(iterations):
        trainer.step_phase()
        orders.append(trainer.batch_indices.tolist())
        trainer.step_iteration()
    return orders


def test_shuffle_is_seeded_and_differs_between_epochs():
    first = batch_orders(regression_trainer(n=10, batch_size=5, seed=4), 6)
    again = batch_orders(regression_trainer(n=10, batch_size=5, seed=4), 6)
    other = batch_orders(regression_trainer(n=10, batch_size=5, seed=5), 6)
    assert first == again
    assert first != other
    epochs = [first[0] + first[1], first[2] + first[3], first[4] + first[5]]
    assert len({tuple(order) for order in epochs}) == 3
    assert epochs[0] != list(range(10))


def test_reset_reproduces_the_run_bit_for_bit():
    X, Y = binary_data(12)
    net = Network([2, 4, 1], ["relu", "sigmoid"], "cross_entropy", seed=2)
    trainer = Trainer(net, X, Y, learning_rate=0.3, batch_size=5, seed=7, momentum=0.9, l2=0.01)
    initial = parameters(net)

    def run() -> tuple[list[float], list[np.ndarray], list[list[int]]]:
        losses = [trainer.run_epoch() for _ in range(3)]
        trainer.step_phase()
        return losses, parameters(net), trainer.batch_indices.tolist()

    first = run()
    trainer.reset()
    assert_same_parameters(parameters(net), initial)
    assert (trainer.iteration, trainer.epoch, trainer.phase) == (0, 0, None)
    assert trainer.next_phase is Phase.FORWARD
    assert trainer.history.loss.count == trainer.history.epochs.count == 0
    assert trainer.loss is None
    assert trainer.grad_weights is None
    second = run()
    assert first[0] == second[0]
    assert_same_parameters(first[1], second[1])
    assert first[2] == second[2]


def test_reset_in_the_middle_of_an_iteration_starts_a_fresh_one():
    trainer = regression_trainer(batch_size=3)
    initial = parameters(trainer.network)
    trainer.step_iteration()
    trainer.step_phase()
    trainer.step_phase()
    trainer.reset()
    assert trainer.next_phase is Phase.FORWARD
    assert trainer.output_losses is None
    assert_same_parameters(parameters(trainer.network), initial)


def test_reinitialize_draws_new_weights_that_reset_then_returns_to():
    trainer = regression_trainer()
    old = parameters(trainer.network)
    trainer.run_epoch()
    trainer.reinitialize(11)
    expected = Network([2, 3, 1], ["tanh", "linear"], seed=11)
    assert_same_parameters(parameters(trainer.network), parameters(expected))
    assert not np.array_equal(trainer.network.weights[0], old[0])
    assert (trainer.iteration, trainer.epoch, trainer.history.loss.count) == (0, 0, 0)
    trainer.run_epoch()
    trainer.reset()
    assert_same_parameters(parameters(trainer.network), parameters(expected))


# -- settings changed during a run ----------------------------------------------------------


def test_learning_rate_change_takes_effect_at_the_next_update_without_reset():
    trainer = regression_trainer()
    trainer.step_iteration()
    np.testing.assert_array_equal(trainer.weight_updates[0], -0.1 * trainer.grad_weights[0])
    trainer.learning_rate = 0.02
    trainer.step_iteration()
    assert trainer.iteration == 2
    np.testing.assert_array_equal(trainer.weight_updates[0], -0.02 * trainer.grad_weights[0])
    for _ in range(3):
        trainer.step_phase()
    trainer.learning_rate = 0.5
    trainer.step_phase()
    for layer in range(2):
        np.testing.assert_array_equal(
            trainer.weight_updates[layer], -0.5 * trainer.grad_weights[layer]
        )
        np.testing.assert_array_equal(
            trainer.network.weights[layer],
            trainer.weights_before[layer] + trainer.weight_updates[layer],
        )
        np.testing.assert_array_equal(
            trainer.network.biases[layer],
            trainer.biases_before[layer] + trainer.bias_updates[layer],
        )


@pytest.mark.parametrize("value", [0.0, -0.1, math.nan, math.inf])
def test_learning_rate_must_be_positive_and_finite(value):
    trainer = regression_trainer()
    with pytest.raises(TranslatableError, match="learning rate must be a positive number"):
        trainer.learning_rate = value
    assert trainer.learning_rate == 0.1


def test_batch_size_change_between_iterations_is_used_by_the_next_batch():
    trainer = regression_trainer(n=10, batch_size=2)
    trainer.step_iteration()
    trainer.batch_size = 5
    assert trainer.batches_per_epoch == 2
    trainer.step_phase()
    assert len(trainer.batch_indices) == 5
    trainer.batch_size = None
    assert trainer.batch_size == 10
    trainer.batch_size = 1000
    assert trainer.batch_size == 10
    assert trainer.batches_per_epoch == 1


@pytest.mark.parametrize("value", [0, -1, 2.5, True, "4"])
def test_batch_size_must_be_a_whole_number_of_at_least_one(value):
    trainer = regression_trainer(batch_size=3)
    with pytest.raises(TranslatableError, match="batch size must be a whole number"):
        trainer.batch_size = value
    assert trainer.batch_size == 3


@pytest.mark.parametrize(("before", "after"), [(2, 4), (None, 2)])
def test_batch_size_change_between_phases_still_covers_every_sample_once_per_epoch(before, after):
    """The worker applies new settings at once, so a class may change the batch size between
    the forward pass and the update; that epoch must still see each sample exactly once."""
    trainer = regression_trainer(n=6, batch_size=before, seed=2)
    trainer.step_phase()
    seen = trainer.batch_indices.tolist()
    trainer.batch_size = after
    trainer.step_iteration()
    while trainer.epoch == 0:
        trainer.step_phase()
        seen.extend(trainer.batch_indices.tolist())
        trainer.step_iteration()
    assert sorted(seen) == list(range(6))


def test_momentum_follows_the_velocity_formula_of_a_hand_loop():
    """v <- mu v - eta g ; w <- w + v, for weights and biases, starting from v = 0."""
    X, Y = regression_data(8)
    net = Network([2, 3, 1], ["tanh", "linear"], seed=5)
    reference = net.copy()
    trainer = Trainer(net, X, Y, learning_rate=0.05, momentum=0.8)
    velocity = [np.zeros_like(p) for p in reference.weights + reference.biases]
    for _ in range(6):
        _, grad_weights, grad_biases = reference.gradients(X, Y)
        velocity = [
            0.8 * v - 0.05 * g for v, g in zip(velocity, grad_weights + grad_biases, strict=True)
        ]
        reference.set_parameters(
            [w + v for w, v in zip(reference.weights, velocity[:2], strict=True)],
            [b + v for b, v in zip(reference.biases, velocity[2:], strict=True)],
        )
        trainer.step_iteration()
        for actual, expected in zip(parameters(net), parameters(reference), strict=True):
            np.testing.assert_allclose(actual, expected, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(trainer.weight_updates[0], velocity[0], rtol=1e-13)


def test_momentum_first_step_is_plain_gradient_descent():
    plain = regression_trainer()
    heavy = regression_trainer(momentum=0.9)
    plain.step_iteration()
    heavy.step_iteration()
    assert_same_parameters(parameters(plain.network), parameters(heavy.network))


@pytest.mark.parametrize("value", [-0.1, 1.0, 1.5, math.nan])
def test_momentum_must_be_in_zero_one(value):
    with pytest.raises(TranslatableError, match="momentum must be between 0 and 1"):
        regression_trainer(momentum=value)


@pytest.mark.parametrize(("l1", "l2"), [(0.0, 0.1), (0.05, 0.0), (0.02, 0.3)])
def test_regularization_adds_l2_w_and_l1_sign_w_to_weight_gradients_only(l1, l2):
    trainer = regression_trainer(l1=l1, l2=l2)
    trainer.network.weights[0][0, 0] = 0.0  # sign(0) = 0: no L1 pull on a zero weight
    for _ in range(3):
        trainer.step_phase()
    backward = trainer.backward_trace
    for layer, w in enumerate(trainer.network.weights):
        expected = backward.grad_weights[layer] + l2 * w + l1 * np.sign(w)
        np.testing.assert_allclose(trainer.grad_weights[layer], expected, rtol=1e-15)
        np.testing.assert_array_equal(trainer.grad_biases[layer], backward.grad_biases[layer])
    assert trainer.grad_weights[0][0, 0] == backward.grad_weights[0][0, 0]
    trainer.step_phase()
    np.testing.assert_array_equal(trainer.weight_updates[1], -0.1 * trainer.grad_weights[1])


@pytest.mark.parametrize("value", [-1e-3, math.inf, math.nan])
def test_regularization_strength_must_be_zero_or_more(value):
    with pytest.raises(TranslatableError, match="regularization strength must be 0 or more"):
        regression_trainer(l2=value)
    with pytest.raises(TranslatableError, match="regularization strength must be 0 or more"):
        regression_trainer(l1=value)


# -- what is recorded -----------------------------------------------------------------------


def plain_step(net: Network, X: np.ndarray, Y: np.ndarray, eta: float) -> list[np.ndarray]:
    """The parameters after one SGD step from ``net``'s, computed on a copy."""
    twin = net.copy()
    twin.train_step(X, Y, eta)
    return parameters(twin)


@pytest.mark.parametrize("edit", ["in_place", "one_array_replaced", "set_parameters"])
def test_an_edit_of_the_weights_between_iterations_is_what_the_next_update_starts_from(edit):
    trainer = regression_trainer(learning_rate=0.05)
    for _ in range(3):
        trainer.step_iteration()
    net = trainer.network
    if edit == "in_place":
        net.weights[0][1, 0] = 2.5
    elif edit == "one_array_replaced":
        net.weights[1] = np.full_like(net.weights[1], -0.75)
    else:
        net.set_parameters([w * 0.5 for w in net.weights], [b + 1.0 for b in net.biases])
    edited = parameters(net)
    expected = plain_step(net, trainer.X, trainer.Y, 0.05)
    trainer.step_iteration()
    assert_same_parameters(parameters(net), expected)
    assert_same_parameters([*trainer.weights_before, *trainer.biases_before], edited)


def test_weights_before_and_the_update_stay_as_they_were_until_the_next_update():
    trainer = regression_trainer()
    trainer.step_iteration()
    trainer.step_iteration()
    before = [w.copy() for w in trainer.weights_before]
    updates = [u.copy() for u in trainer.weight_updates]
    after = parameters(trainer.network)
    for _ in range(3):  # forward, loss, backward of the next iteration
        trainer.step_phase()
    assert_same_parameters(list(trainer.weights_before), before)
    assert_same_parameters(list(trainer.weight_updates), updates)
    assert_same_parameters(parameters(trainer.network), after)
    for old, step, new in zip(before, updates, trainer.network.weights, strict=True):
        np.testing.assert_array_equal(old + step, new)


def test_history_keeps_each_iteration_s_own_weight_gradients():
    trainer = regression_trainer(batch_size=3)
    seen = []
    for _ in range(9):
        trainer.step_iteration()
        seen.append(np.concatenate([g.ravel() for g in trainer.grad_weights]))
    _, magnitudes = trainer.history.weight_magnitudes()
    np.testing.assert_array_equal(magnitudes, np.abs(seen))


def test_history_records_each_iteration_loss_and_gradient_norms():
    trainer = regression_trainer(batch_size=4)
    losses, norms = [], []
    for _ in range(7):
        losses.append(trainer.step_iteration())
        norms.append(trainer.gradient_norms)
        expected = [np.linalg.norm(g) for g in trainer.grad_weights]
        np.testing.assert_allclose(trainer.gradient_norms, expected, rtol=1e-14)
    iterations, values = trainer.history.loss.arrays()
    np.testing.assert_array_equal(iterations, np.arange(1, 8))
    np.testing.assert_array_equal(values[:, 0], losses)
    np.testing.assert_array_equal(trainer.history.layer_norms.arrays()[1], norms)


def test_test_loss_and_accuracy_are_recorded_each_epoch():
    X, Y = binary_data(16, seed=1)
    X_test, Y_test = binary_data(9, seed=2)
    net = Network([2, 5, 1], ["tanh", "sigmoid"], "cross_entropy", seed=3)
    trainer = Trainer(net, X, Y, learning_rate=0.5, batch_size=4, X_test=X_test, Y_test=Y_test)
    assert trainer.task == "binary"
    for epoch in range(1, 4):
        correct = 0
        for _ in range(trainer.batches_per_epoch):
            trainer.step_phase()
            output = trainer.trace.output
            correct += int(np.count_nonzero((output > 0.5) == (trainer.batch_Y > 0.5)))
            trainer.step_iteration()
        assert trainer.epoch == epoch
        test_loss = net.loss(X_test, Y_test)
        test_accuracy = np.mean((net.predict(X_test) > 0.5) == (Y_test > 0.5))
        assert trainer.test_loss == pytest.approx(test_loss, rel=1e-12)
        assert trainer.test_accuracy == pytest.approx(test_accuracy, rel=1e-12)
        assert trainer.train_accuracy == pytest.approx(correct / 16, rel=1e-12)
        assert trainer.evaluate(X_test, Y_test) == pytest.approx((test_loss, test_accuracy))
    assert trainer.history.epochs.count == 3
    assert epoch_column(trainer, "test_loss")[-1] == pytest.approx(trainer.test_loss)
    assert epoch_column(trainer, "test_accuracy")[-1] == pytest.approx(trainer.test_accuracy)
    assert epoch_column(trainer, "train_accuracy")[-1] == pytest.approx(trainer.train_accuracy)
    assert epoch_column(trainer, "train_loss")[-1] == pytest.approx(trainer.last_epoch_loss)


def test_multiclass_accuracy_counts_the_argmax():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(9, 3))
    Y = np.eye(3)[rng.integers(0, 3, 9)]
    net = Network([3, 3], ["softmax"], "cross_entropy", seed=4)
    trainer = Trainer(net, X, Y, X_test=X, Y_test=Y)
    assert trainer.task == "multiclass"
    trainer.step_phase()
    expected_train = np.mean(trainer.trace.output.argmax(axis=1) == Y.argmax(axis=1))
    trainer.step_iteration()
    assert trainer.train_accuracy == pytest.approx(expected_train)
    expected_test = np.mean(net.predict(X).argmax(axis=1) == Y.argmax(axis=1))
    assert trainer.test_accuracy == pytest.approx(expected_test)


def test_without_a_test_set_or_for_regression_the_missing_numbers_are_nan():
    trainer = regression_trainer(batch_size=5)
    assert trainer.task == "regression"
    trainer.run_epoch()
    trainer.run_epoch()
    assert trainer.test_loss is None
    assert trainer.train_accuracy is None
    for name in ("test_loss", "train_accuracy", "test_accuracy"):
        assert np.isnan(epoch_column(trainer, name)).all()
    assert np.isfinite(epoch_column(trainer, "train_loss")).all()
    X, Y = regression_data(4, seed=9)
    with_test = regression_trainer(X_test=X, Y_test=Y)
    with_test.run_epoch()
    assert with_test.test_loss == pytest.approx(with_test.network.loss(X, Y))
    assert math.isnan(with_test.test_accuracy)


def test_an_empty_test_set_means_no_test_set():
    trainer = regression_trainer(X_test=np.zeros((0, 2)), Y_test=np.zeros((0, 1)))
    assert trainer.X_test is None
    trainer.run_epoch()
    assert trainer.test_loss is None


@pytest.mark.parametrize(
    ("activations", "loss", "Y", "task"),
    [
        (["tanh", "softmax"], "cross_entropy", [[1.0, 0.0], [0.0, 1.0]], "multiclass"),
        (["tanh", "softmax"], "squared_error", [[0.2, 0.8], [0.5, 0.5]], "multiclass"),
        (["tanh", "sigmoid"], "cross_entropy", [[1.0, 0.0], [0.0, 0.0]], "binary"),
        (["tanh", "sigmoid"], "squared_error", [[0.3, 0.0], [1.0, 1.0]], "regression"),
        (["tanh", "tanh"], "squared_error", [[1.0, 0.0], [0.0, 1.0]], "regression"),
        (["relu", "linear"], "squared_error", [[1.0, 0.0], [0.0, 1.0]], "regression"),
    ],
)
def test_task_is_guessed_from_the_output_activation_and_targets(activations, loss, Y, task):
    net = Network([2, 2, 2], activations, loss)
    assert Trainer(net, [[0.0, 1.0], [1.0, 0.0]], Y).task == task


def test_an_explicit_task_wins_and_an_unknown_one_is_refused():
    X, Y = regression_data(4)
    net = Network([2, 1], ["sigmoid"])
    assert Trainer(net, X, Y, task="binary").task == "binary"
    with pytest.raises(TranslatableError, match="Unknown task 'ranking'"):
        Trainer(net, X, Y, task="ranking")


@pytest.mark.parametrize(
    ("X", "Y", "fragment"),
    [
        (np.zeros((4, 2)), np.zeros((3, 1)), "same number of rows"),
        (np.zeros(4), np.zeros((4, 1)), "same number of rows"),
        (np.zeros((0, 2)), np.zeros((0, 1)), "same number of rows"),
        (np.zeros((4, 3)), np.zeros((4, 1)), "The data has 3 inputs and 1 outputs"),
        (np.zeros((4, 2)), np.zeros((4, 2)), "the network has 2 and 1"),
    ],
)
def test_data_that_does_not_fit_the_network_is_refused(X, Y, fragment):
    with pytest.raises(TranslatableError, match=fragment):
        Trainer(Network([2, 3, 1], ["tanh", "linear"]), X, Y)


# -- divergence -----------------------------------------------------------------------------


def diverging_trainer(**options) -> Trainer:
    rng = np.random.default_rng(0)
    X = rng.normal(0.0, 3.0, size=(20, 3))
    Y = X @ np.array([[1.0], [2.0], [-1.0]])
    return Trainer(Network([3, 4, 1], ["linear", "linear"], seed=1), X, Y, **options)


def run_until_diverged(trainer: Trainer, step) -> tuple[TrainingDiverged, int]:
    for _ in range(1000):
        before = trainer.iteration
        try:
            step()
        except TrainingDiverged as diverged:
            return diverged, before
    pytest.fail("training with a huge learning rate did not diverge")


@pytest.mark.parametrize(
    "options",
    [
        {"learning_rate": 1e3},
        {"learning_rate": 1e3, "batch_size": 4},
        {"learning_rate": 1e3, "momentum": 0.9},
        {"learning_rate": 1e300},
        {"learning_rate": 1e308},
    ],
)
def test_too_high_learning_rate_diverges_with_a_sentence_and_finite_weights(options):
    trainer = diverging_trainer(**options)
    diverged, before = run_until_diverged(trainer, trainer.step_iteration)
    assert isinstance(diverged, ArithmeticError)
    assert "learning rate" in str(diverged)
    assert f"({options['learning_rate']:g})" in str(diverged)
    assert diverged.message.params["iteration"] == before + 1
    assert trainer.iteration == before
    assert trainer.history.loss.count == before
    assert np.isfinite(trainer.history.loss.arrays()[1]).all()
    assert all(np.isfinite(p).all() for p in parameters(trainer.network))
    assert trainer.next_phase is Phase.FORWARD


def test_divergence_while_stepping_phases_stops_before_the_update():
    trainer = diverging_trainer(learning_rate=1e3)
    run_until_diverged(trainer, trainer.step_phase)
    assert trainer.next_phase is Phase.FORWARD
    assert all(np.isfinite(p).all() for p in parameters(trainer.network))


def test_divergence_during_run_epoch_is_reported_too():
    trainer = diverging_trainer(learning_rate=1e3, batch_size=5)
    run_until_diverged(trainer, trainer.run_epoch)
    assert all(np.isfinite(p).all() for p in parameters(trainer.network))


def test_training_continues_after_divergence_once_the_rate_is_lowered_and_weights_reset():
    trainer = diverging_trainer(learning_rate=1e3)
    initial = parameters(trainer.network)
    run_until_diverged(trainer, trainer.step_iteration)
    trainer.learning_rate = 0.01
    trainer.reset()
    assert_same_parameters(parameters(trainer.network), initial)
    first = trainer.step_iteration()
    for _ in range(200):
        last = trainer.step_iteration()
    assert trainer.iteration == 201
    assert last < 1e-3 * first


def test_training_diverged_is_exported_with_the_engine():
    import backprop_gui.engine as engine

    assert engine.TrainingDiverged is TrainingDiverged
    assert issubclass(TrainingDiverged, ArithmeticError)
