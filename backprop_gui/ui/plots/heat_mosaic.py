"""Every layer's |∂E/∂w| matrix in one picture: the heat maps of the gradient plot.

One image item per layer, each in a plot of its own with its own title, cost a dozen layout
items and a picture conversion per layer at every redraw (measured: 3 to 4 ms a frame for
seven layers). Here the matrices are tiled into one picture at the resolution of the screen:
a map, computed when the size or the network changes, says which weight each pixel shows
(or none), and a redraw is one gather of colours through that map into a buffer kept from
one frame to the next, drawn as one image. The layer names ("1→2") are drawn over it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter, QPen

from backprop_gui.ui.style import BACKGROUND, SELECTION, TEXT, qcolor

PADDING = 3
"""Pixels left around each matrix, so that neighbours do not touch."""

SELECTION_PENS = ((SELECTION, 4.0), (BACKGROUND, 1.5))
"""The selected cell's outline: black, then white inside it (seen on any colour)."""


@dataclass(frozen=True)
class Tile:
    """Where one layer's matrix sits in the picture, in pixels (y down)."""

    slot: tuple[int, int, int, int]
    """(x, y, width, height) of the layer's share of the picture, its name at the top."""
    x: int
    y: int
    width: int
    height: int
    rows: int
    columns: int

    def cell(self, j: int, i: int) -> QRectF:
        """The pixels of weight (row j, column i)."""
        cell_width, cell_height = self.width / self.columns, self.height / self.rows
        return QRectF(self.x + i * cell_width, self.y + j * cell_height, cell_width, cell_height)


@dataclass(frozen=True)
class Tiling:
    """The layers laid out in a ``width`` × ``height`` picture."""

    tiles: tuple[Tile | None, ...]
    """Per layer; None for a layer with no room at all."""
    source: np.ndarray
    """(height, width): the weight each pixel shows, as an index into the layers' matrices
    flattened one after the other, or the weight count where it shows none."""


def tile_layers(
    shapes: Sequence[tuple[int, int]],
    width: int,
    height: int,
    title_height: int,
    title_width: int = 0,
) -> Tiling:
    """Lay out matrices of ``shapes`` (rows, columns) in a grid of slots over the picture.

    The grid has the number of columns that gives the smallest matrix the largest cells,
    among those whose slots are at least ``title_width`` wide (the layers' names do not
    run into each other); each matrix fills its slot below its name (``title_height``) as
    far as its proportions allow, with square cells of a whole number of pixels when they
    are at least one pixel.
    """
    total = sum(rows * columns for rows, columns in shapes)
    source = np.full((max(height, 0), max(width, 0)), total, dtype=np.intp)
    if not shapes or width <= 0 or height <= 0:
        return Tiling(tuple(None for _ in shapes), source)
    count = len(shapes)
    fitting = [c for c in range(2, count + 1) if width // c >= title_width]
    grid_columns = max(
        [1, *fitting],
        key=lambda c: (_smallest_cell(shapes, c, width, height, title_height), -c),
    )
    grid_rows = math.ceil(count / grid_columns)
    tiles: list[Tile | None] = []
    offset = 0
    for layer, (rows, columns) in enumerate(shapes):
        row, column = divmod(layer, grid_columns)
        x0, x1 = column * width // grid_columns, (column + 1) * width // grid_columns
        y0, y1 = row * height // grid_rows, (row + 1) * height // grid_rows
        slot = (x0, y0, x1 - x0, y1 - y0)
        tile = _fit(slot, rows, columns, title_height)
        tiles.append(tile)
        if tile is not None:
            # The weight at the centre of each pixel of the tile.
            i = ((np.arange(tile.width) + 0.5) * columns / tile.width).astype(np.intp)
            j = ((np.arange(tile.height) + 0.5) * rows / tile.height).astype(np.intp)
            block = source[tile.y : tile.y + tile.height, tile.x : tile.x + tile.width]
            block[...] = offset + j[:, None] * columns + i[None, :]
        offset += rows * columns
    return Tiling(tuple(tiles), source)


def _cell_size(slot_width: float, slot_height: float, rows: int, columns: int) -> float:
    """Side of the square cells of a rows × columns matrix in a slot (names excluded)."""
    return min((slot_width - 2 * PADDING) / columns, (slot_height - 2 * PADDING) / rows)


def _smallest_cell(
    shapes: Sequence[tuple[int, int]], grid_columns: int, width: int, height: int, title: int
) -> float:
    slot_width = width / grid_columns
    slot_height = height / math.ceil(len(shapes) / grid_columns) - title
    return min(_cell_size(slot_width, slot_height, rows, cols) for rows, cols in shapes)


def _fit(slot: tuple[int, int, int, int], rows: int, columns: int, title: int) -> Tile | None:
    x, y, slot_width, slot_height = slot
    size = _cell_size(slot_width, slot_height - title, rows, columns)
    if size >= 1.0:
        size = math.floor(size)
    tile_width, tile_height = round(columns * size), round(rows * size)
    if tile_width < 1 or tile_height < 1:
        return None
    left = x + (slot_width - tile_width) // 2
    top = y + title + (slot_height - title - tile_height) // 2
    return Tile(slot, left, top, tile_width, tile_height, rows, columns)


def _name(layer: int) -> str:
    """ "1→2": the layers a matrix of weights joins, counted from 1 as in the legend."""
    return f"{layer + 1}→{layer + 2}"


def palette_argb(colors: np.ndarray) -> np.ndarray:
    """(256, 3) RGB colours as 32-bit 0xAARRGGBB pixels (QImage.Format_RGB32)."""
    rgb = np.asarray(colors, dtype=np.uint32)
    return (0xFF << 24) | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]


class HeatMosaic(pg.GraphicsWidget):
    """The layers' heat maps as one picture; a left click on a cell says which weight.

    Fed with colour-map indices (0 to 255) of every weight, all layers one after the other
    (:meth:`show_indices`); it fills the room its layout gives it.
    """

    cell_clicked = Signal(int, int, int)
    """(layer, j, i) of the cell clicked, as in ``weights[layer][j, i]``."""

    def __init__(self, colors: np.ndarray, font: QFont) -> None:
        super().__init__()
        self._palette = palette_argb(colors)
        white = qcolor(BACKGROUND)
        self._background = (0xFF << 24) | (white.rgb() & 0xFFFFFF)
        self._font = QFont(font)
        metrics = QFontMetrics(self._font)
        self._metrics = metrics
        self._title_height = metrics.height() + 2
        self._title_width = 0
        self._shapes: tuple[tuple[int, int], ...] = ()
        self._offsets = np.zeros(1, dtype=np.intp)
        self._indices = np.zeros(0, dtype=np.uint8)
        self._colors = np.zeros(1, dtype=np.uint32)
        """Per weight its pixel colour, then the background's: what :attr:`source` indexes."""
        self._tiling = tile_layers((), 0, 0, 0)
        self._pixels = np.zeros((0, 0), dtype=np.uint32)
        self._image = QImage()
        self._selected: tuple[int, int, int] | None = None
        self.setMinimumSize(QSizeF(4 * metrics.height(), 3 * metrics.height()))

    # -- what the gradient plot calls ----------------------------------------------------------

    def set_shapes(self, shapes: Sequence[tuple[int, int]]) -> None:
        """The (rows, columns) of each layer's matrix; forgets the indices shown."""
        self._shapes = tuple((int(rows), int(columns)) for rows, columns in shapes)
        self._offsets = np.cumsum([0, *(rows * columns for rows, columns in self._shapes)])
        count = len(self._shapes)
        self._title_width = self._metrics.horizontalAdvance(_name(count - 1)) + 2 * PADDING
        self._indices = np.zeros(0, dtype=np.uint8)
        self._selected = None
        self._lay_out()

    def show_indices(self, indices: np.ndarray) -> None:
        """Show every weight's colour-map index (all layers' matrices flattened in turn)."""
        indices = np.asarray(indices, dtype=np.uint8).reshape(-1)
        if indices.shape[0] != self._offsets[-1]:
            raise ValueError(f"{indices.shape[0]} indices for {self._offsets[-1]} weights")
        self._indices = indices
        self._paint_pixels()

    def set_selected(self, key: tuple[int, int, int] | None) -> None:
        """Outline weight (layer, j, i), or nothing."""
        if key != self._selected:
            self._selected = key
            self.update()

    # -- what the tests look at ----------------------------------------------------------------

    @property
    def tiling(self) -> Tiling:
        return self._tiling

    @property
    def selected(self) -> tuple[int, int, int] | None:
        """The weight outlined, (layer, j, i)."""
        return self._selected

    @property
    def pixels(self) -> np.ndarray:
        """(height, width) the picture drawn, as 0xAARRGGBB pixels."""
        return self._pixels

    def layer_indices(self, layer: int) -> np.ndarray:
        """(rows j, columns i) the colour-map index shown for each weight of ``layer``."""
        rows, columns = self._shapes[layer]
        if self._indices.shape[0] == 0:
            return np.zeros((0, 0), dtype=np.uint8)
        start = self._offsets[layer]
        return self._indices[start : start + rows * columns].reshape(rows, columns)

    def weight_at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """(layer, j, i) of the weight shown at point (x, y) of the picture, if any."""
        column, row = math.floor(x), math.floor(y)
        height, width = self._tiling.source.shape
        if not (0 <= row < height and 0 <= column < width):
            return None
        index = int(self._tiling.source[row, column])
        if index >= self._offsets[-1]:
            return None
        layer = int(np.searchsorted(self._offsets, index, side="right")) - 1
        j, i = divmod(index - int(self._offsets[layer]), self._shapes[layer][1])
        return layer, j, i

    # -- Qt ------------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def paint(self, painter: QPainter, *_: object) -> None:
        if not self._image.isNull():
            painter.drawImage(0, 0, self._image)
        painter.setFont(self._font)
        painter.setPen(qcolor(TEXT))
        for layer, tile in enumerate(self._tiling.tiles):
            if tile is None:
                continue
            x, y, width, _ = tile.slot
            box = QRectF(x, y, width, self._title_height)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
            painter.drawText(box, flags, _name(layer))
        self._paint_selection(painter)

    def mouseClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        key = self.weight_at(event.pos().x(), event.pos().y())
        if key is not None:
            event.accept()
            self.cell_clicked.emit(*key)

    # -- drawing -------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        size = self.size()
        width, height = math.floor(size.width()), math.floor(size.height())
        self._tiling = tile_layers(
            self._shapes, width, height, self._title_height, self._title_width
        )
        self._pixels = np.empty((max(height, 0), max(width, 0)), dtype=np.uint32)
        self._paint_pixels()

    def _paint_pixels(self) -> None:
        """Gather each pixel's colour through the map into the kept buffer."""
        total = int(self._offsets[-1])
        if self._colors.shape[0] != total + 1:
            self._colors = np.empty(total + 1, dtype=np.uint32)
        if self._indices.shape[0] == total:
            np.take(self._palette, self._indices, out=self._colors[:total])
        else:
            self._colors[:total] = self._background
        self._colors[total] = self._background
        height, width = self._pixels.shape
        if height == 0 or width == 0:
            self._image = QImage()
        else:
            np.take(self._colors, self._tiling.source, out=self._pixels)
            # A view of the buffer, not a copy: the image lives only until the next change.
            self._image = QImage(
                self._pixels.data, width, height, 4 * width, QImage.Format.Format_RGB32
            )
        self.update()

    def _paint_selection(self, painter: QPainter) -> None:
        if self._selected is None:
            return
        layer, j, i = self._selected
        if not 0 <= layer < len(self._tiling.tiles) or self._tiling.tiles[layer] is None:
            return
        rect = self._tiling.tiles[layer].cell(j, i)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for color, width in SELECTION_PENS:
            pen = QPen(qcolor(color), width)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(rect)
