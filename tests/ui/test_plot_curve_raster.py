"""Many curves as one picture: each pixel column covers the rows a curve passes through."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

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
