"""The line where a map crosses a level (the 0.5 of a decision boundary), found with numpy.

pyqtgraph's ``IsocurveItem`` walks the grid cell by cell in Python: 5 to 7 ms for the 64×64
grid of a boundary, at every frame of a run (tests/benchmarks/plot_refresh.py). Here the same
marching squares run on whole arrays: every cell's crossings at once, then the segments of
each of the 16 cell cases, drawn as unconnected pairs of points (the same line on screen).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainterPath

# Corners of a cell, (dx, dy), in the order of the bits of its case number.
_CORNERS = ((0, 0), (1, 0), (0, 1), (1, 1))

# Each side of a cell as its two corners: left, bottom, right, top.
_SIDES = (((0, 1), (0, 0)), ((0, 0), (1, 0)), ((1, 0), (1, 1)), ((1, 1), (0, 1)))

# The sides the level crosses, in pairs (one segment each), for each case: bit k of the case
# is set when corner k is below the level. Saddles (6 and 9) cross all four sides.
_SEGMENTS = (
    (),
    ((0, 1),),
    ((1, 2),),
    ((0, 2),),
    ((0, 3),),
    ((1, 3),),
    ((0, 1), (2, 3)),
    ((2, 3),),
    ((2, 3),),
    ((0, 1), (2, 3)),
    ((1, 3),),
    ((0, 3),),
    ((0, 2),),
    ((1, 2),),
    ((0, 1),),
    (),
)

_PAIRS = np.array([[*pairs, *[(-1, -1)] * (2 - len(pairs))] for pairs in _SEGMENTS]).reshape(
    16, 2, 2
)
"""_SEGMENTS as one table: (case, segment, side pair), -1 where a case has no second segment."""


def isoline_segments(data: np.ndarray, level: float) -> np.ndarray:
    """(n, 4) segments (x0, y0, x1, y1) where ``data`` [x, y] crosses ``level``.

    Coordinates are those of an image of ``data``: value [i, j] at the centre (i + ½, j + ½)
    of its pixel; like pyqtgraph's ``isocurve(extendToEdge=True)``, the line runs on to the
    edges of the image, which spans 0 to the shape.
    """
    data = np.asarray(data, dtype=np.float64)
    if data.ndim != 2 or min(data.shape) < 1:
        return np.zeros((0, 4))
    # Repeat the edge values one pixel out, so that cells reach the image's borders.
    padded = _pad_edges(data)
    below = (padded < level).view(np.uint8)
    rows, columns = padded.shape[0] - 1, padded.shape[1] - 1
    case = np.zeros((rows, columns), dtype=np.uint8)
    for bit, (dx, dy) in enumerate(_CORNERS):
        case |= below[dx : dx + rows, dy : dy + columns] << bit
    # Only the cells the level runs through (a few along the line): the others have no segment.
    cases = case.ravel()
    active = np.flatnonzero((cases != 0) & (cases != 15))
    if active.size == 0:
        return np.zeros((0, 4))
    ii, jj = np.divmod(active, case.shape[1])
    # crossings[side, 0 or 1 (x or y), cell]
    crossings = np.stack([_crossing(padded, level, ii, jj, side) for side in range(4)])
    pairs = _PAIRS[cases[active]]
    cells = np.arange(active.size)
    segments = [_segments(crossings, pairs[:, 0], cells)]
    saddles = np.flatnonzero(pairs[:, 1, 0] >= 0)
    if saddles.size:
        segments.append(_segments(crossings, pairs[saddles, 1], saddles))
    result = np.concatenate(segments)
    # Back to the image's coordinates (the padding shifted them by one), kept inside it.
    result -= 1.0
    np.clip(result[:, 0::2], 0.0, data.shape[0], out=result[:, 0::2])
    np.clip(result[:, 1::2], 0.0, data.shape[1], out=result[:, 1::2])
    return result[np.isfinite(result).all(axis=1)]


def _pad_edges(data: np.ndarray) -> np.ndarray:
    """``data`` with its edge values repeated one more row and column on every side
    (``np.pad(mode="edge")``, which costs more than the rest of a 64×64 isoline)."""
    padded = np.empty((data.shape[0] + 2, data.shape[1] + 2))
    padded[1:-1, 1:-1] = data
    padded[0, 1:-1], padded[-1, 1:-1] = data[0], data[-1]
    padded[:, 0], padded[:, -1] = padded[:, 1], padded[:, -2]
    return padded


def _segments(crossings: np.ndarray, sides: np.ndarray, cells: np.ndarray) -> np.ndarray:
    """(n, 4) segments from the crossing on side ``sides[k, 0]`` of cell ``cells[k]`` to the
    one on side ``sides[k, 1]``."""
    start = crossings[sides[:, 0], :, cells]
    end = crossings[sides[:, 1], :, cells]
    return np.concatenate((start, end), axis=1)


def _crossing(
    padded: np.ndarray, level: float, ii: np.ndarray, jj: np.ndarray, side: int
) -> np.ndarray:
    """(x, y) where the level crosses ``side`` of cells (ii, jj), interpolated along it."""
    (ax, ay), (bx, by) = _SIDES[side]
    start = padded[ii + ax, jj + ay]
    end = padded[ii + bx, jj + by]
    # Sides the level does not cross give nonsense (or NaN) here; no segment uses them.
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = (level - start) / (end - start)
        x = ii + ax + (bx - ax) * fraction + 0.5
        y = jj + ay + (by - ay) * fraction + 0.5
    return np.stack((x, y))


class IsolineItem(pg.IsocurveItem):
    """pyqtgraph's isocurve item, its line found by :func:`isoline_segments`."""

    def generatePath(self) -> None:
        if self.data is None:
            self.path = None
            return
        data = self.data.T if self.axisOrder == "row-major" else self.data
        segments = isoline_segments(data, self.level)
        if segments.shape[0] == 0:
            self.path = QPainterPath()
            return
        x = segments[:, 0::2].ravel()
        y = segments[:, 1::2].ravel()
        self.path = pg.arrayToQPath(x, y, connect="pairs")
