"""Many curves as one picture: each pixel column covers the rows a curve passes through."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop_gui.ui.plots.curve_raster import (
    LINE_OPACITY,
    CurveRaster,
    coverage,
    curve_spans,
    shading_table,
)


def test_a_flat_line_covers_one_row_in_each_column_between_its_ends():
    px = np.array([2.5, 7.5])
    py = np.array([[4.2, 4.2]])
    low, high = curve_spans(px, py, width=10)
    assert np.isnan(low[0, :2]).all()  # before its first point
    np.testing.assert_array_equal(low[0, 2:8], 4.2)
    np.testing.assert_array_equal(high[0, 2:8], 4.2)
    assert np.isnan(low[0, 8:]).all()
    counts = coverage(low, high, height=6)
    np.testing.assert_array_equal(counts[4, 2:8], 1)
    assert counts.sum() == 6


def test_a_steep_segment_covers_every_row_it_crosses():
    px = np.array([0.5, 1.5])
    py = np.array([[0.5, 8.5]])
    low, high = curve_spans(px, py, width=2)
    assert low[0, 0] == pytest.approx(0.5)
    assert high[0, 0] == pytest.approx(4.5)  # up to the column's right edge
    assert low[0, 1] == pytest.approx(4.5)
    counts = coverage(low, high, height=10)
    np.testing.assert_array_equal(counts[:, 0], [1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
    np.testing.assert_array_equal(counts[:, 1], [0, 0, 0, 0, 1, 1, 1, 1, 1, 0])


def test_curves_crossing_a_pixel_are_counted_and_a_nan_breaks_a_curve():
    px = np.arange(5) + 0.5
    py = np.array([[1.5, 1.5, 1.5, 1.5, 1.5], [1.5, 1.5, np.nan, 1.5, 1.5]])
    counts = coverage(*curve_spans(px, py, width=5), height=3)
    np.testing.assert_array_equal(counts[1], [2, 2, 1, 2, 2])


def test_rows_out_of_the_picture_are_not_drawn_but_a_crossing_is():
    px = np.array([0.5, 1.5, 2.5])
    py = np.array([[-5.0, -5.0, 20.0]])
    counts = coverage(*curve_spans(px, py, width=3), height=4)
    np.testing.assert_array_equal(counts[:, 0], 0)  # below the picture
    np.testing.assert_array_equal(counts[:, 1], 1)  # the rise crosses every row
    np.testing.assert_array_equal(counts[:, 2], 0)  # above it


def test_spans_from_a_first_column_are_those_of_the_whole_picture():
    rng = np.random.default_rng(2)
    px = np.sort(rng.uniform(0, 50, 40))
    py = rng.uniform(0, 30, (3, 40))
    low, high = curve_spans(px, py, width=50)
    part_low, part_high = curve_spans(px, py, width=50, first_column=17)
    np.testing.assert_array_equal(part_low, low[:, 17:])
    np.testing.assert_array_equal(part_high, high[:, 17:])


def test_more_curves_over_a_pixel_shade_it_darker():
    table = shading_table("#808080")
    assert table[0, 3] == 0  # no curve: transparent
    assert table[1, 3] == round(255 * LINE_OPACITY)
    assert (np.diff(table[:, 3].astype(int)) >= 0).all()
    assert table[255, 3] == 255
    assert tuple(table[1, :3]) == (128, 128, 128)


@pytest.fixture
def raster(qtbot):
    view = pg.GraphicsLayoutWidget(show=False)
    qtbot.addWidget(view)
    item = view.addPlot()
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    item.setRange(xRange=(0, 100), yRange=(0, 10), padding=0)
    yield CurveRaster(item)
    view.close()


def test_the_picture_fills_the_view_with_one_pixel_per_screen_pixel(raster):
    x = np.linspace(0, 100, 50)
    y = np.vstack((np.full(50, 2.0), np.full(50, 8.0)))
    raster.draw(x, y, (0.0, 100.0), (0.0, 10.0))
    width, height = raster.pixel_size()
    assert raster.image.image.shape == (width, height)
    assert raster.coverage_at(50.0, 2.0) == 1
    assert raster.coverage_at(50.0, 5.0) == 0
    assert raster.curve_at(50.0, 8.1, reach=3) == 1
    assert raster.curve_at(50.0, 2.1, reach=3) == 0
    assert raster.curve_at(50.0, 5.0, reach=3) is None


def test_drawing_only_the_new_points_gives_the_picture_of_all_of_them(raster):
    rng = np.random.default_rng(5)
    x = np.linspace(0, 90, 120)
    y = rng.uniform(1, 9, (4, 120))
    raster.draw(x[:100], y[:, :100], (0.0, 100.0), (0.0, 10.0))
    raster.draw(x, y, (0.0, 100.0), (0.0, 10.0), unchanged=99)
    incremental = raster.image.image.copy()
    raster.clear()
    raster.draw(x, y, (0.0, 100.0), (0.0, 10.0))
    np.testing.assert_array_equal(incremental, raster.image.image)


def test_clearing_hides_the_picture_and_finds_no_curve(raster):
    raster.draw(np.array([0.0, 100.0]), np.array([[5.0, 5.0]]), (0.0, 100.0), (0.0, 10.0))
    assert raster.image.isVisible()
    raster.clear()
    assert not raster.image.isVisible()
    assert raster.curve_at(50.0, 5.0, reach=3) is None
    assert raster.coverage_at(50.0, 5.0) == 0


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    curves=st.integers(1, 4),
    count=st.integers(1, 25),
    width=st.integers(1, 40),
    height=st.integers(1, 30),
)
def test_the_picture_covers_each_pixel_a_curve_crosses_and_no_pixel_far_from_all(
    seed, curves, count, width, height
):
    rng = np.random.default_rng(seed)
    px = np.sort(rng.uniform(-5.0, width + 5.0, count))
    py = rng.uniform(-10.0, height + 10.0, (curves, count))
    py[rng.random(py.shape) < 0.1] = np.nan
    counts = coverage(*curve_spans(px, py, width), height)
    single = [coverage(*curve_spans(px, py[k : k + 1], width), height) for k in range(curves)]
    np.testing.assert_array_equal(counts, np.sum(single, axis=0))  # one count per curve
    for k, picture in enumerate(single):
        assert set(np.unique(picture)) <= {0, 1}
        # The curve sampled densely: each sample's pixel is covered...
        xs, ys = [], []
        for a in range(count - 1):
            if np.isnan(py[k, a]) or np.isnan(py[k, a + 1]):
                continue
            t = np.linspace(0.0, 1.0, 400)
            xs.append(px[a] + t * (px[a + 1] - px[a]))
            ys.append(py[k, a] + t * (py[k, a + 1] - py[k, a]))
        xs.append(px[~np.isnan(py[k])])
        ys.append(py[k][~np.isnan(py[k])])
        xs, ys = np.concatenate(xs), np.concatenate(ys)
        column, row = np.floor(xs).astype(int), np.floor(ys).astype(int)
        inside = (column >= 0) & (column < width) & (row >= 0) & (row < height)
        assert (picture[row[inside], column[inside]] == 1).all()
        # ...and each covered pixel is within a pixel of a sample in its column.
        for r, c in zip(*np.nonzero(picture), strict=True):
            near = np.floor(ys[column == c])
            assert near.size
            assert near.min() - 1 <= r <= near.max() + 1


def test_the_picture_is_the_shading_of_the_counts_as_32_bit_pixels(raster):
    rng = np.random.default_rng(8)
    raster.draw(np.linspace(0, 100, 60), rng.uniform(1, 9, (30, 60)), (0.0, 100.0), (0.0, 10.0))
    counts = raster.image.image
    table = shading_table()
    alpha = table[:, 3].astype(np.uint32)
    red = (table[:, 0].astype(np.uint32) * alpha + 127) // 255
    pixels = raster.image.pixels
    assert pixels.shape == counts.T.shape
    np.testing.assert_array_equal(pixels >> 24, alpha[counts.T])
    np.testing.assert_array_equal((pixels >> 16) & 0xFF, red[counts.T])
    assert counts.max() > 1  # some pixels have several curves, darker


def test_on_a_log_scale_a_curve_falling_to_zero_plunges_off_the_bottom(raster):
    x = np.array([10.0, 50.0, 90.0])
    y = np.array([[10.0**5, 0.0, 10.0**5]])  # log10: 5, -inf, 5 on a view from 0 to 10
    raster.draw(x, y, (0.0, 100.0), (0.0, 10.0), log=True)
    # Straight down from 10⁵ just after its first point, straight up just before its last.
    for x_near in (10.2, 89.8):
        assert raster.coverage_at(x_near, 0.05) == 1
        assert raster.coverage_at(x_near, 4.9) == 1
        assert raster.coverage_at(x_near, 5.5) == 0
    assert raster.coverage_at(50.0, 0.05) == 0  # the line runs far below the view there


def test_a_forgotten_picture_stays_shown_until_the_next_one_is_drawn_whole(raster):
    rng = np.random.default_rng(6)
    x = np.linspace(0, 90, 120)
    y = rng.uniform(1, 9, (4, 120))
    raster.draw(x[:100], y[:, :100], (0.0, 100.0), (0.0, 10.0))
    before = raster.image.image.copy()
    raster.forget()
    assert raster.image.isVisible()
    np.testing.assert_array_equal(raster.image.image, before)
    changed = y.copy()
    changed[:, :50] = 5.0  # rows said to be unchanged, but they are not: drawn again anyway
    raster.draw(x, changed, (0.0, 100.0), (0.0, 10.0), unchanged=99)
    drawn = raster.image.image.copy()
    raster.clear()
    raster.draw(x, changed, (0.0, 100.0), (0.0, 10.0))
    np.testing.assert_array_equal(drawn, raster.image.image)
