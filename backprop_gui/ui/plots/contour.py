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
    padded = np.pad(data, 1, mode="edge")
    below = padded < level
    case = np.zeros((padded.shape[0] - 1, padded.shape[1] - 1), dtype=np.intp)
    for bit, (dx, dy) in enumerate(_CORNERS):
        case |= below[dx : dx + case.shape[0], dy : dy + case.shape[1]].astype(np.intp) << bit
    ii, jj = np.indices(case.shape, dtype=np.float64)
    crossings = [_crossing(padded, level, ii, jj, side, case.shape) for side in range(4)]
    segments = []
    for number, pairs in enumerate(_SEGMENTS):
        if not pairs:
            continue
        cells = case == number
        if not cells.any():
            continue
        for first, second in pairs:
            ax, ay = crossings[first]
            bx, by = crossings[second]
            segments.append(np.column_stack((ax[cells], ay[cells], bx[cells], by[cells])))
    if not segments:
        return np.zeros((0, 4))
    result = np.concatenate(segments)
    # Back to the image's coordinates (the padding shifted them by one), kept inside it.
    result -= 1.0
    np.clip(result[:, 0::2], 0.0, data.shape[0], out=result[:, 0::2])
    np.clip(result[:, 1::2], 0.0, data.shape[1], out=result[:, 1::2])
    return result[np.isfinite(result).all(axis=1)]


def _crossing(
    padded: np.ndarray,
    level: float,
    ii: np.ndarray,
    jj: np.ndarray,
    side: int,
    shape: tuple[int, int],
) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of each cell where the level crosses ``side``, interpolated along it."""
    (ax, ay), (bx, by) = _SIDES[side]
    rows, columns = shape
    start = padded[ax : ax + rows, ay : ay + columns]
    end = padded[bx : bx + rows, by : by + columns]
    # Sides the level does not cross give nonsense (or NaN) here; no segment uses them.
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = (level - start) / (end - start)
        x = ii + ax + (bx - ax) * fraction + 0.5
        y = jj + ay + (by - ay) * fraction + 0.5
    return x, y


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
