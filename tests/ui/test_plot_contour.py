"""The level line of a map (the decision boundary's 0.5), found on whole arrays at once."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from backprop_gui.ui.plots.contour import IsolineItem, isoline_segments


def sorted_rows(segments: np.ndarray) -> np.ndarray:
    rounded = np.round(segments, 9)
    return rounded[np.lexsort(rounded.T[::-1])]


@pytest.mark.parametrize("shape", [(5, 7), (40, 40), (1, 6), (4, 1)])
def test_the_segments_are_those_of_pyqtgraphs_marching_squares(shape):
    data = np.random.default_rng(sum(shape)).random(shape)
    reference = pg.functions.isocurve(data, 0.5, connected=False, extendToEdge=True)
    expected = np.array([[a[0], a[1], b[0], b[1]] for a, b in reference]).reshape(-1, 4)
    segments = isoline_segments(data, 0.5)
    np.testing.assert_allclose(sorted_rows(segments), sorted_rows(expected))


def test_a_straight_boundary_crosses_the_image_from_edge_to_edge():
    xs = np.linspace(-1, 1, 9)
    data = np.repeat(xs[:, None], 5, axis=1)  # [x, y]: rises along x, level 0 at the middle
    segments = isoline_segments(data, 0.0)
    np.testing.assert_allclose(segments[:, [0, 2]], 4.5)  # the centre of pixel 4
    assert segments[:, [1, 3]].min() == 0.0
    assert segments[:, [1, 3]].max() == 5.0


def test_a_map_that_never_reaches_the_level_has_no_line():
    assert isoline_segments(np.full((6, 6), 0.2), 0.5).shape == (0, 4)


def test_the_item_draws_its_path_within_the_image(qapp):
    item = IsolineItem(level=0.5, axisOrder="row-major")
    data = np.random.default_rng(1).random((12, 20))  # row-major: 12 rows (y), 20 columns (x)
    item.setData(data)
    rect = item.boundingRect()
    assert not rect.isEmpty()
    assert rect.left() >= 0.0
    assert rect.right() <= 20.0
    assert rect.bottom() <= 12.0
    item.setData(None)
    assert item.boundingRect().isEmpty()
