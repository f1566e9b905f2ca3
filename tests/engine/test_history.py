"""Training history with bounded memory (backprop_gui/engine/history.py)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop_gui.engine import History, Network, Trainer, limits
from backprop_gui.engine.history import (
    EPOCH_CAPACITY,
    MAX_TRACKED_WEIGHTS,
    MEMORY_CAP_BYTES,
    DecimatingSeries,
)

COLUMNS = History.EPOCH_COLUMNS


def assert_decimation_invariants(series: DecimatingSeries, last: int) -> None:
    """The documented rule, after iterations 1..``last`` were offered (some skipped)."""
    iterations, values = series.arrays()
    assert series.count <= series.capacity
    assert series.stride & (series.stride - 1) == 0  # a power of two
    assert np.all(iterations % series.stride == 0)
    np.testing.assert_array_equal(np.diff(iterations), series.stride)
    if series.count:
        assert iterations[0] == series.stride  # the run's start is still there
        assert iterations[-1] > last - series.stride  # and so is its end
    if series.stride > 1:
        assert series.count >= series.capacity // 2
    np.testing.assert_array_equal(values[:, 0], iterations)  # rows kept whole


@settings(max_examples=60, deadline=None)
@given(capacity=st.integers(1, 32).map(lambda half: 2 * half), n=st.integers(0, 1500))
def test_decimation_keeps_between_half_and_full_capacity_and_spans_the_run(capacity, n):
    series = DecimatingSeries(1, capacity)
    strides = [1]
    for iteration in range(1, n + 1):
        series.append(iteration, float(iteration))
        if series.stride != strides[-1]:
            strides.append(series.stride)
    assert_decimation_invariants(series, n)
    assert strides == [2**k for k in range(len(strides))]  # the stride only ever doubles
    if n <= capacity:
        assert (series.stride, series.count) == (1, n)


def test_append_keeps_nothing_that_wants_refuses_and_what_the_stride_keeps():
    series = DecimatingSeries(1, 8)
    for iteration in range(1, 200):
        wanted = series.wants(iteration)
        count = series.count
        series.append(iteration, float(iteration))
        kept = series.arrays()[0][-1] == iteration
        if not wanted:
            assert not kept
            assert series.count == count
        assert kept == (iteration % series.stride == 0)


def test_decimation_copes_with_stamps_that_are_all_multiples_of_four():
    """Epochs of 4 mini-batches end at iterations 4, 8, 12...: halving on 'multiples of 2'
    removes nothing, and the series must not write past its end."""
    series = DecimatingSeries(1, 8)
    for epoch in range(1, 100):
        series.append(4 * epoch, float(4 * epoch))
        assert series.count <= series.capacity
    iterations, _ = series.arrays()
    assert np.all(iterations % series.stride == 0)
    assert series.count >= series.capacity // 2
    assert iterations[-1] > 4 * 99 - series.stride


def test_a_long_run_of_four_batch_epochs_keeps_recording_epochs():
    """16384 epochs of 4 mini-batches is ~65k iterations: a few minutes of a class's run."""
    history = History([(3, 2), (1, 3)])
    for epoch in range(1, EPOCH_CAPACITY + 2):
        history.record_epoch(4 * epoch, epoch, 1.0 / epoch, np.nan, 0.5, np.nan)
    assert EPOCH_CAPACITY // 2 <= history.epochs.count <= EPOCH_CAPACITY


def test_epochs_are_stamped_by_epoch_number_with_the_iteration_in_their_first_column():
    """As documented: 'stamped by epoch number: the iteration it ended at, mean training
    loss...', and the column named 'iteration' holds the iteration."""
    history = History([(2, 2)])
    for epoch in range(1, 6):
        history.record_epoch(3 * epoch, epoch, 0.1 * epoch, 0.2, 0.3, 0.4)
    stamps, values = history.epochs.arrays()
    np.testing.assert_array_equal(stamps, [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(values[:, COLUMNS.index("iteration")], [3, 6, 9, 12, 15])
    np.testing.assert_allclose(values[:, COLUMNS.index("train_loss")], [0.1, 0.2, 0.3, 0.4, 0.5])
    np.testing.assert_array_equal(values[:, COLUMNS.index("test_accuracy")], 0.4)


def test_epoch_columns_name_every_value_recorded():
    assert COLUMNS == ("iteration", "train_loss", "test_loss", "train_accuracy", "test_accuracy")
    history = History([(2, 2)])
    history.record_epoch(7, 1, 0.5, np.nan, 0.75, np.nan)
    assert history.epochs.arrays()[1].shape == (1, len(COLUMNS))


def largest_trackable_layer_sizes() -> list[int]:
    """As many layers as allowed, and exactly MAX_TRACKED_WEIGHTS weights between them."""
    sizes = [16, 16, 14] + [1] * (limits.MAX_LAYERS - 4) + [11]
    assert len(sizes) == limits.MAX_LAYERS
    assert sum(a * b for a, b in itertools.pairwise(sizes)) == MAX_TRACKED_WEIGHTS
    return sizes


def test_ten_million_iterations_on_the_largest_tracked_network_stay_under_the_memory_cap():
    """Driven directly, calling only on iterations some series still wants (the others return
    at once): about 3e5 calls stand for 1e7 iterations of full-batch training."""
    net = Network(largest_trackable_layer_sizes(), ["tanh"] * (limits.MAX_LAYERS - 1))
    history = History([w.shape for w in net.weights])
    assert history.weight_gradients is not None
    series = [history.loss, history.epochs, history.layer_norms, history.weight_gradients]
    buffers = [(s.iterations, s.values) for s in series]
    grads = np.full(sum(w.size for w in net.weights), -0.25)
    total = 10_000_000
    iteration = 0
    while True:
        step = min(history.loss.stride, history.layer_norms.stride, history.weight_gradients.stride)
        iteration = (iteration // step + 1) * step
        if iteration > total:
            break
        history.record_iteration(iteration, 1.0 / iteration, grads)
        if history.epochs.wants(iteration):  # full-batch training: one epoch per iteration
            history.record_epoch(iteration, iteration, 1.0, np.nan, np.nan, np.nan)
    assert history.nbytes < MEMORY_CAP_BYTES
    for s, (iterations, values) in zip(series, buffers, strict=True):
        assert s.iterations is iterations  # never reallocated
        assert s.values is values
        assert s.capacity // 2 <= s.count <= s.capacity
        stamps, _ = s.arrays()
        assert stamps[-1] > total - s.stride
        assert stamps[0] == s.stride
    assert history.loss.stride > 1
    _, magnitudes = history.weight_magnitudes()
    np.testing.assert_array_equal(magnitudes, 0.25)


def test_nbytes_of_a_fresh_history_already_counts_every_preallocated_buffer():
    history = History([(4, 3), (2, 4)])
    expected = sum(
        s.iterations.nbytes + s.values.nbytes
        for s in (history.loss, history.epochs, history.layer_norms, history.weight_gradients)
    )
    assert history.nbytes == expected
    assert history.nbytes < MEMORY_CAP_BYTES


@pytest.mark.parametrize(
    ("shapes", "tracked"),
    [
        ([(MAX_TRACKED_WEIGHTS, 1)], True),
        ([(MAX_TRACKED_WEIGHTS // 2, 1), (1, MAX_TRACKED_WEIGHTS // 2)], True),
        ([(MAX_TRACKED_WEIGHTS + 1, 1)], False),
        ([(200, 2), (2, 200)], False),
    ],
)
def test_only_networks_with_few_enough_weights_track_each_weight(shapes, tracked):
    history = History(shapes)
    assert (history.weight_gradients is not None) == tracked
    history.record_iteration(1, 0.5, np.ones(sum(rows * cols for rows, cols in shapes)))
    assert history.loss.count == history.layer_norms.count == 1
    if tracked:
        _, magnitudes = history.weight_magnitudes()
        assert magnitudes.shape == (1, sum(r * c for r, c in shapes))
    else:
        assert history.weight_magnitudes() is None


def test_weight_index_matches_the_flattened_layer_by_layer_order():
    shapes = [(3, 2), (4, 3), (1, 4)]
    history = History(shapes)
    rng = np.random.default_rng(0)
    grads = [rng.normal(size=shape) for shape in shapes]
    history.record_iteration(1, 0.1, np.concatenate(grads, axis=None))
    _, magnitudes = history.weight_magnitudes()
    columns = []
    for layer, g in enumerate(grads):
        for j, i in np.ndindex(g.shape):
            column = history.weight_index(layer, j, i)
            columns.append(column)
            assert magnitudes[0, column] == abs(g[j, i])
    assert columns == list(range(6 + 12 + 4))


def test_weight_magnitudes_are_absolute_values_of_the_signed_gradients():
    history = History([(2, 2)])
    history.record_iteration(1, 0.1, np.array([-1.5, 2.0, 0.0, -0.25]))
    history.record_iteration(2, 0.1, np.array([3.0, -4.0, -0.5, 0.0]))
    iterations, magnitudes = history.weight_magnitudes()
    np.testing.assert_array_equal(iterations, [1, 2])
    np.testing.assert_array_equal(magnitudes, [[1.5, 2.0, 0.0, 0.25], [3.0, 4.0, 0.5, 0.0]])
    magnitudes[0, 0] = 99.0
    assert history.weight_magnitudes()[1][0, 0] == 1.5  # a copy, not a view


def test_trainer_history_maps_each_weight_to_its_column():
    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    trainer = Trainer(Network([3, 4, 2], ["tanh", "linear"], seed=2), X, Y)
    for _ in range(3):
        trainer.step_iteration()
    history = trainer.history
    _, magnitudes = history.weight_magnitudes()
    assert magnitudes.shape == (3, 3 * 4 + 4 * 2)
    for layer, g in enumerate(trainer.grad_weights):
        for j, i in np.ndindex(g.shape):
            assert magnitudes[-1, history.weight_index(layer, j, i)] == pytest.approx(abs(g[j, i]))


def test_clear_empties_every_series_and_restores_full_resolution():
    history = History([(2, 1)])
    for iteration in range(1, 3 * history.weight_gradients.capacity):
        history.record_iteration(iteration, 1.0, np.ones(2))
    assert history.weight_gradients.stride > 1
    history.record_epoch(5, 1, 1.0, 1.0, 1.0, 1.0)
    history.clear()
    for series in (history.loss, history.epochs, history.layer_norms, history.weight_gradients):
        assert (series.count, series.stride) == (0, 1)
    history.record_iteration(1, 2.0, np.ones(2))
    np.testing.assert_array_equal(history.loss.arrays()[0], [1])


def test_arrays_are_copies_of_the_rows_so_far():
    series = DecimatingSeries(2, 4)
    series.append(1, (1.0, 2.0))
    iterations, values = series.arrays()
    assert iterations.shape == (1,)
    assert values.shape == (1, 2)
    values[0, 0] = -1.0
    iterations[0] = 99
    np.testing.assert_array_equal(series.arrays()[1], [[1.0, 2.0]])
    np.testing.assert_array_equal(series.arrays()[0], [1])
