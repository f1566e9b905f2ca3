"""Long histories reduced per pixel column: extremes or means, exact, cheap for added rows."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop_gui.ui.plots.decimation import MEAN, PEAK, ColumnReducer, log10, reduce_runs


def history(n: int, width: int = 1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Stamps 1..n and (width, n) noisy values."""
    rng = np.random.default_rng(seed)
    return np.arange(1.0, n + 1), rng.random((width, n))


def brute_force(x, values, x_range, columns, reduce):
    """Each non-empty bin's reduction, computed row by row."""
    low, high = x_range
    step = (high - low) / columns
    bins = np.floor((x - low) / step).astype(int)
    inside = (x >= low) & (x <= high)
    bins[x == high] = columns - 1
    result = {}
    for b in np.unique(bins[inside]):
        result[b] = reduce(values[:, inside & (bins == b)], axis=1)
    return result


def test_few_rows_are_drawn_as_they_are():
    x, values = history(50)
    reduction = ColumnReducer(PEAK).reduce(x, values, 0, (0.0, 60.0), columns=100)
    assert not reduction.decimated
    np.testing.assert_array_equal(reduction.x, x)
    np.testing.assert_array_equal(reduction.y, values)


def test_peak_keeps_the_lowest_then_highest_value_of_each_column():
    x, values = history(10_000, width=2)
    reduction = ColumnReducer(PEAK).reduce(x, values, 0, (0.0, 10_000.0), columns=100)
    assert reduction.decimated
    expected_low = brute_force(x, values, (0.0, 10_000.0), 100, np.min)
    expected_high = brute_force(x, values, (0.0, 10_000.0), 100, np.max)
    assert reduction.y.shape == (2, 2 * len(expected_low))
    for k, b in enumerate(sorted(expected_low)):
        np.testing.assert_array_equal(reduction.y[:, 2 * k], expected_low[b])
        np.testing.assert_array_equal(reduction.y[:, 2 * k + 1], expected_high[b])
    assert reduction.x[0] == 50.0  # halfway between the first bin's rows, 1 and 99
    assert reduction.x[-1] == 9950.0  # the last bin holds 9 900 to 10 000


def test_mean_keeps_the_mean_of_each_column_then_the_transform():
    x, values = history(5_000)
    reducer = ColumnReducer(MEAN, transform=np.log10)
    reduction = reducer.reduce(x, values, 0, (0.0, 5_000.0), columns=50)
    expected = brute_force(x, values, (0.0, 5_000.0), 50, np.mean)
    assert reducer.samples == 1
    np.testing.assert_allclose(reduction.y[0], np.log10([expected[b][0] for b in sorted(expected)]))


def test_rows_out_of_view_are_left_out_but_one_on_each_side():
    x, values = history(10_000)
    reduction = ColumnReducer(PEAK).reduce(x, values, 0, (2_000.0, 3_000.0), columns=100)
    assert reduction.x[0] == 1_999.0
    assert reduction.x[-1] == 3_001.0
    inside = reduction.x[1:-1]
    assert inside.min() >= 2_000.0
    assert inside.max() <= 3_000.0
    assert len(inside) == 200


def test_a_zoom_on_few_rows_draws_them_as_they_are_with_their_neighbours():
    x, values = history(10_000)
    reduction = ColumnReducer(PEAK).reduce(x, values, 0, (100.0, 150.0), columns=100)
    assert not reduction.decimated
    np.testing.assert_array_equal(reduction.x, np.arange(99.0, 152.0))


@settings(max_examples=40, deadline=None)
@given(
    chunks=st.lists(st.integers(1, 900), min_size=1, max_size=8),
    mode=st.sampled_from([PEAK, MEAN]),
    columns=st.integers(5, 80),
)
def test_reducing_rows_as_they_come_gives_the_reduction_of_all_at_once(chunks, mode, columns):
    x, values = history(sum(chunks) + 400, width=3, seed=len(chunks))
    x_range = (0.0, float(x[-1]) * 1.1)
    reducer = ColumnReducer(mode)
    seen = 400
    previous = reducer.reduce(x[:seen], values[:, :seen], 7, x_range, columns)
    for chunk in chunks:
        seen += chunk
        reduction = reducer.reduce(x[:seen], values[:, :seen], 7, x_range, columns)
        kept = reduction.unchanged
        if previous.decimated and reduction.decimated:
            np.testing.assert_array_equal(reduction.x[:kept], previous.x[:kept])
            np.testing.assert_array_equal(reduction.y[:, :kept], previous.y[:, :kept])
        previous = reduction
    fresh = ColumnReducer(mode).reduce(x[:seen], values[:, :seen], 8, x_range, columns)
    np.testing.assert_array_equal(previous.x, fresh.x)
    np.testing.assert_array_equal(previous.y, fresh.y)


def test_a_new_generation_starts_over():
    x, values = history(4_000)
    reducer = ColumnReducer(PEAK)
    reducer.reduce(x, values, 0, (0.0, 4_000.0), columns=40)
    changed = values.copy()
    changed[0, 10] = 7.0
    stale = reducer.reduce(x, changed, 0, (0.0, 4_000.0), columns=40)
    assert stale.y.max() < 7.0  # same generation: the rows seen are taken as they were
    fresh = reducer.reduce(x, changed, 1, (0.0, 4_000.0), columns=40)
    assert fresh.y.max() == 7.0
    assert fresh.unchanged == 0


def test_an_unknown_reduction_is_refused():
    with pytest.raises(ValueError, match="unknown reduction"):
        ColumnReducer("median")


@settings(max_examples=40, deadline=None)
@given(
    chunks=st.lists(st.integers(1, 900), min_size=1, max_size=6),
    mode=st.sampled_from([PEAK, MEAN]),
    columns=st.integers(5, 300),
)
def test_rows_stored_row_by_row_reduce_as_rows_stored_column_by_column(chunks, mode, columns):
    x, values = history(sum(chunks) + 300, width=6, seed=len(chunks) + columns)
    by_row = np.ascontiguousarray(values.T).T  # what a by_row series gives as its columns
    x_range = (0.0, float(x[-1]) * 1.05)
    reducer = ColumnReducer(mode, log10)
    seen = 300
    reducer.reduce(x[:seen], by_row[:, :seen], 3, x_range, columns)
    for chunk in chunks:
        seen += chunk
        incremental = reducer.reduce(x[:seen], by_row[:, :seen], 3, x_range, columns)
    fresh = ColumnReducer(mode, log10).reduce(x[:seen], by_row[:, :seen], 4, x_range, columns)
    np.testing.assert_array_equal(incremental.x, fresh.x)
    np.testing.assert_array_equal(incremental.y, fresh.y)
    by_column = ColumnReducer(mode, np.log10).reduce(
        x[:seen], values[:, :seen], 5, x_range, columns
    )
    np.testing.assert_array_equal(fresh.x, by_column.x)
    np.testing.assert_allclose(fresh.y, by_column.y, rtol=1e-12, atol=1e-14)


def test_runs_of_any_lengths_reduce_to_each_run_s_own_sum_minimum_and_maximum():
    rng = np.random.default_rng(4)
    rows = rng.random((500, 7))
    offsets = np.unique(np.r_[0, rng.integers(1, 500, 60), 500])  # lengths from 1 to dozens
    for ufunc, reduce in ((np.add, np.sum), (np.minimum, np.min), (np.maximum, np.max)):
        result = reduce_runs(ufunc, rows.T, offsets)
        expected = [reduce(rows[a:b], axis=0) for a, b in itertools.pairwise(offsets)]
        np.testing.assert_allclose(result, np.array(expected).T, rtol=1e-12)


def test_the_fast_log10_is_numpy_s_to_a_few_units_in_the_last_place():
    values = np.r_[0.0, 10.0 ** np.linspace(-300, 300, 2001), np.nan]
    with np.errstate(divide="ignore"):
        expected = np.log10(values)
        fast = log10(values)
    np.testing.assert_allclose(fast, expected, rtol=4e-16, atol=1e-13)
    assert fast[0] == -np.inf
    assert np.isnan(fast[-1])
