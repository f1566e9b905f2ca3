"""The heat maps as one picture: every weight has its pixels, the names fit, redraws reuse."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics

from backprop_gui.ui.plots.heat_mosaic import HeatMosaic, palette_argb, tile_layers

DEEP = [(8, 2)] + [(8, 8)] * 5 + [(1, 8)]
"""The weight matrices (rows j, columns i) of the deep sigmoid stack 2-8-8-8-8-8-8-1."""


def test_every_weight_shows_in_its_own_square_cells_of_whole_pixels():
    tiling = tile_layers(DEEP, 250, 200, title_height=16)
    total = sum(rows * columns for rows, columns in DEEP)
    shown = np.unique(tiling.source)
    np.testing.assert_array_equal(shown, np.arange(total + 1))  # each weight, and background
    offset = 0
    for tile, (rows, columns) in zip(tiling.tiles, DEEP, strict=True):
        assert tile.width % columns == 0
        assert tile.height % rows == 0
        assert tile.width // columns == tile.height // rows  # square cells
        block = tiling.source[tile.y : tile.y + tile.height, tile.x : tile.x + tile.width]
        cell = tile.width // columns
        expected = offset + np.arange(rows * columns).reshape(rows, columns)
        np.testing.assert_array_equal(block[::cell, ::cell], expected)
        offset += rows * columns


def test_tiles_stay_inside_their_slots_below_the_names_and_apart():
    tiling = tile_layers(DEEP, 250, 200, title_height=16)
    rects = []
    for tile in tiling.tiles:
        x, y, width, height = tile.slot
        rect = QRectF(tile.x, tile.y, tile.width, tile.height)
        assert QRectF(x, y + 16, width, height - 16).contains(rect)
        rects.append(rect)
    for index, rect in enumerate(rects):
        assert not any(rect.intersects(other) for other in rects[index + 1 :])


def test_the_grid_gives_the_smallest_matrix_the_largest_cells_with_room_for_the_names():
    wide = tile_layers(DEEP, 600, 150, title_height=16)
    tall = tile_layers(DEEP, 150, 600, title_height=16)
    assert len({tile.slot[1] for tile in wide.tiles}) == 1  # one row in a wide picture
    assert len({tile.slot[0] for tile in tall.tiles}) <= 2  # few columns in a tall one
    narrow_names = tile_layers(DEEP, 600, 150, title_height=16, title_width=200)
    assert all(tile.slot[2] >= 200 for tile in narrow_names.tiles)


def test_a_picture_too_small_for_a_layer_leaves_it_out():
    tiling = tile_layers([(8, 8), (64, 64)], 40, 20, title_height=16)
    assert tiling.tiles == (None, None)
    assert (tiling.source == 8 * 8 + 64 * 64).all()


@pytest.fixture
def mosaic(qtbot):
    view = pg.GraphicsLayoutWidget(show=False)
    qtbot.addWidget(view)
    colors = pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=False)
    item = HeatMosaic(colors, QFont())
    view.ci.addItem(item)
    view.resize(300, 240)
    view.show()
    qtbot.waitExposed(view)
    item.set_shapes([(2, 3), (1, 2)])
    yield item
    view.close()  # the view owns the item: kept alive until the test is done


def test_each_weight_is_painted_in_its_colour_and_the_rest_in_white(mosaic):
    indices = np.array([0, 50, 100, 150, 200, 255, 10, 20], dtype=np.uint8)
    mosaic.show_indices(indices)
    colors = pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=False)
    palette = palette_argb(colors)
    np.testing.assert_array_equal(mosaic.layer_indices(0), [[0, 50, 100], [150, 200, 255]])
    np.testing.assert_array_equal(mosaic.layer_indices(1), [[10, 20]])
    for layer, (rows, columns) in enumerate([(2, 3), (1, 2)]):
        tile = mosaic.tiling.tiles[layer]
        for j, i in np.ndindex(rows, columns):
            centre = tile.cell(j, i).center()
            pixel = mosaic.pixels[int(centre.y()), int(centre.x())]
            assert pixel == palette[mosaic.layer_indices(layer)[j, i]]
            assert mosaic.weight_at(centre.x(), centre.y()) == (layer, j, i)
    assert mosaic.pixels[0, 0] == 0xFFFFFFFF  # white where no weight is
    assert mosaic.weight_at(0, 0) is None


def test_a_redraw_reuses_the_picture_buffer_and_a_resize_retiles_it(mosaic, qtbot):
    mosaic.show_indices(np.zeros(8, dtype=np.uint8))
    buffer = mosaic.pixels
    mosaic.show_indices(np.full(8, 255, dtype=np.uint8))
    assert mosaic.pixels is buffer
    old_width = mosaic.tiling.tiles[0].width
    mosaic.scene().views()[0].resize(500, 400)
    qtbot.waitUntil(lambda: mosaic.tiling.tiles[0].width > old_width)
    assert mosaic.pixels.shape == (int(mosaic.size().height()), int(mosaic.size().width()))
    np.testing.assert_array_equal(mosaic.layer_indices(0), np.full((2, 3), 255))
    centre = mosaic.tiling.tiles[1].cell(0, 1).center()
    brightest = palette_argb(pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=False))[255]
    assert mosaic.pixels[int(centre.y()), int(centre.x())] == brightest


def test_indices_of_another_network_are_refused(mosaic):
    with pytest.raises(ValueError, match="7 indices for 8 weights"):
        mosaic.show_indices(np.zeros(7, dtype=np.uint8))


def test_names_sit_above_their_matrices(mosaic):
    metrics = QFontMetrics(QFont())
    for tile in mosaic.tiling.tiles:
        _, y, width, _ = tile.slot
        assert tile.y >= y + metrics.height()
        assert metrics.horizontalAdvance("2→3") <= width
