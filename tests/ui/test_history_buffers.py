"""The plots' copy of the training history: growing buffers kept in step with the engine's."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine import history as history_module
from backprop_gui.engine.datasets import make_dataset
from backprop_gui.engine.snapshot import HistoryCursor, history_update
from backprop_gui.ui.plots.history_buffers import COPY_BLOCK, GrowingSeries, HistoryBuffers


def xor_trainer(sizes=(2, 4, 1), batch_size=None) -> Trainer:
    data = make_dataset("xor", n_samples=40, seed=3)
    activations = ["tanh"] * (len(sizes) - 2) + ["sigmoid"]
    network = Network(list(sizes), activations, seed=1)
    return Trainer(network, data.X, data.Y, learning_rate=0.5, batch_size=batch_size)


def rows(start: int, count: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    stamps = np.arange(start, start + count)
    return stamps, np.arange(count * width, dtype=float).reshape(count, width) + start


def test_appended_rows_are_read_back_as_views_of_the_valid_part():
    series = GrowingSeries(width=2, capacity=4)
    series.append(*rows(1, 3, 2))
    series.append(*rows(4, 2, 2))
    assert len(series) == 5
    np.testing.assert_array_equal(series.stamps, [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(series.values, np.vstack([rows(1, 3, 2)[1], rows(4, 2, 2)[1]]))
    column = series.column(1)
    assert column.flags.c_contiguous
    assert np.shares_memory(column, series.values)


def test_capacity_doubles_when_full_so_appending_is_amortised_constant():
    series = GrowingSeries(width=1, capacity=4)
    capacities = []
    for start in range(1, 41):
        series.append(*rows(start, 1, 1))
        capacities.append(series.capacity)
    assert sorted(set(capacities)) == [4, 8, 16, 32, 64]
    np.testing.assert_array_equal(series.stamps, np.arange(1, 41))


def test_one_big_append_reserves_enough_at_once():
    series = GrowingSeries(width=1, capacity=4)
    series.append(*rows(1, 1000, 1))
    assert series.capacity == 1024
    assert len(series) == 1000
    assert series.nbytes == 1024 * 8 * 2  # float64 stamps and one float64 column


def test_replace_drops_the_rows_kept_before():
    series = GrowingSeries(width=1)
    series.append(*rows(1, 10, 1))
    series.replace(*rows(2, 3, 1))
    np.testing.assert_array_equal(series.stamps, [2, 3, 4])


def test_rows_of_another_width_replace_the_old_network_rows():
    series = GrowingSeries(width=2)
    series.append(*rows(1, 5, 2))
    series.append(*rows(1, 2, 3))
    assert series.width == 3
    assert len(series) == 2


def test_stamps_and_rows_of_different_lengths_are_refused():
    series = GrowingSeries(width=1)
    with pytest.raises(ValueError, match="stamps"):
        series.append(np.arange(3), np.zeros((2, 1)))


def test_clear_empties_the_series_but_keeps_its_capacity():
    series = GrowingSeries(width=1, capacity=2)
    series.append(*rows(1, 100, 1))
    series.clear()
    assert len(series) == 0
    assert series.last_row() is None
    assert series.capacity == 128


operations = st.lists(
    st.one_of(
        st.tuples(st.just("append"), st.integers(0, 40)),
        st.tuples(st.just("replace"), st.integers(0, 40)),
        st.tuples(st.just("clear"), st.just(0)),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(operations)
def test_any_sequence_of_changes_matches_a_plain_list(changes):
    series = GrowingSeries(width=2, capacity=1)
    expected: list[tuple[int, list[float]]] = []
    next_stamp = 1
    for kind, count in changes:
        if kind == "clear":
            series.clear()
            expected.clear()
            continue
        stamps, values = rows(next_stamp, count, 2)
        next_stamp += count
        if kind == "replace":
            series.replace(stamps, values)
            expected = []
        else:
            series.append(stamps, values)
        expected += [(int(s), list(v)) for s, v in zip(stamps, values, strict=True)]
    assert series.stamps.tolist() == [s for s, _ in expected]
    assert series.values.tolist() == [v for _, v in expected]
    assert series.capacity >= len(expected)


def test_applying_each_update_of_a_run_keeps_the_whole_history():
    trainer = xor_trainer(batch_size=10)
    cursor = HistoryCursor()
    buffers = HistoryBuffers()
    for _ in range(7):
        trainer.run_iterations(9)
        buffers.apply(history_update(trainer.history, cursor))
    history = trainer.history
    for name in ("loss", "epochs", "layer_norms"):
        stamps, values = getattr(history, name).arrays()
        np.testing.assert_array_equal(buffers.series(name).stamps, stamps)
        np.testing.assert_array_equal(buffers.series(name).values, values)
    stamps, magnitudes = history.weight_magnitudes()
    np.testing.assert_array_equal(buffers.weight_gradients.stamps, stamps)
    np.testing.assert_array_equal(buffers.weight_gradients.values, magnitudes)
    assert len(buffers.loss) == 63


def test_a_decimated_series_replaces_what_the_buffers_had(monkeypatch):
    monkeypatch.setattr(history_module, "LOSS_CAPACITY", 16)
    trainer = xor_trainer()
    cursor = HistoryCursor()
    buffers = HistoryBuffers(("loss",))
    changes = []
    for _ in range(10):
        trainer.run_iterations(5)
        update = history_update(trainer.history, cursor)
        changes.append(update.loss.replace)
        buffers.apply(update)
    assert any(changes[1:]), "the run should have been decimated at least once"
    stamps, values = trainer.history.loss.arrays()
    np.testing.assert_array_equal(buffers.loss.stamps, stamps)
    np.testing.assert_array_equal(buffers.loss.values, values)
    assert len(buffers.loss) < 50


def test_apply_says_which_series_changed():
    trainer = xor_trainer()
    cursor = HistoryCursor()
    buffers = HistoryBuffers(("loss", "layer_norms"))
    first = buffers.apply(history_update(trainer.history, cursor))
    assert first == {"loss", "layer_norms"}  # the first update replaces (a new reader)
    assert buffers.apply(history_update(trainer.history, cursor)) == set()
    trainer.step_iteration()
    assert buffers.apply(history_update(trainer.history, cursor)) == {"loss", "layer_norms"}


def test_a_network_too_big_to_follow_weight_by_weight_leaves_the_weight_series_empty():
    trainer = xor_trainer(sizes=(2, 30, 30, 1))
    assert trainer.history.weight_gradients is None
    buffers = HistoryBuffers()
    buffers.weight_gradients.append(*rows(1, 3, 2))
    trainer.run_iterations(3)
    changed = buffers.apply(history_update(trainer.history, HistoryCursor()))
    assert "weight_gradients" in changed
    assert len(buffers.weight_gradients) == 0
    assert buffers.weight_gradients.width == 0
    assert len(buffers.layer_norms) == 3


def test_buffers_keep_only_the_series_they_are_asked_for():
    buffers = HistoryBuffers(("loss", "epochs"))
    assert buffers.layer_norms is None
    assert buffers.weight_gradients is None
    assert buffers.series("layer_norms") is None
    with pytest.raises(ValueError, match="unknown"):
        HistoryBuffers(("loss", "accuracy"))


def test_clear_empties_every_kept_series():
    trainer = xor_trainer()
    trainer.run_iterations(4)
    buffers = HistoryBuffers()
    buffers.apply(history_update(trainer.history, HistoryCursor()))
    buffers.clear()
    assert all(len(buffers.series(name)) == 0 for name in buffers.names)


def test_the_generation_changes_when_kept_rows_change_but_not_on_append():
    series = GrowingSeries(width=2, capacity=2)
    start = series.generation
    series.append(*rows(1, 3, 2))  # grows past its capacity: still the same rows
    assert series.generation == start
    series.replace(*rows(4, 2, 2))
    assert series.generation == start + 1
    series.clear()
    assert series.generation == start + 2
    series.append(*rows(6, 1, 3))  # another width: another network
    assert series.generation == start + 3


def test_magnitudes_keep_absolute_values_column_by_column():
    series = GrowingSeries(width=3, capacity=2)
    stamps, values = rows(1, COPY_BLOCK // 3 * 2 + 5, 3)  # more rows than two copy blocks
    values[::2] *= -1.0
    series.append(stamps, values, magnitudes=True)
    np.testing.assert_array_equal(series.values, np.abs(values))
    np.testing.assert_array_equal(series.columns, np.abs(values).T)
    assert series.columns[1].flags.c_contiguous


def test_weight_gradients_are_kept_as_magnitudes_the_other_series_signed():
    trainer = xor_trainer()
    trainer.run_iterations(5)
    buffers = HistoryBuffers()
    buffers.apply(history_update(trainer.history, HistoryCursor()))
    _, signed = trainer.history.weight_gradients.arrays()
    assert (signed < 0).any()
    np.testing.assert_array_equal(buffers.weight_gradients.values, np.abs(signed))


@settings(max_examples=30, deadline=None)
@given(
    blocks=st.lists(st.tuples(st.integers(0, 700), st.booleans()), min_size=1, max_size=6),
    width=st.integers(1, 5),
)
def test_a_series_kept_row_by_row_reads_back_like_one_kept_column_by_column(blocks, width):
    by_column = GrowingSeries(width, capacity=8)
    by_row = GrowingSeries(width, capacity=8, by_row=True)
    start = 1
    for count, replace in blocks:
        stamps, values = rows(start, count, width)
        values[::3] *= -1.0
        start += count
        for series in (by_column, by_row):
            (series.replace if replace else series.append)(stamps, values, magnitudes=True)
    np.testing.assert_array_equal(by_row.stamps, by_column.stamps)
    np.testing.assert_array_equal(by_row.values, by_column.values)
    np.testing.assert_array_equal(by_row.columns, by_column.columns)
    for index in range(width):
        np.testing.assert_array_equal(by_row.column(index), by_column.column(index))
    assert by_row.values.flags.c_contiguous
    assert by_row.by_row
    assert not by_column.by_row


def test_each_series_holds_what_the_engine_ever_sends_without_growing():
    buffers = HistoryBuffers()
    assert buffers.loss.capacity == history_module.LOSS_CAPACITY
    assert buffers.epochs.capacity == history_module.EPOCH_CAPACITY
    assert buffers.layer_norms.capacity == history_module.LAYER_CAPACITY
    assert buffers.weight_gradients.capacity == history_module.WEIGHT_CAPACITY
    assert buffers.weight_gradients.by_row  # copied as the engine sends it, in one pass
