"""The data layer of the decision-boundary plot: training dots and test rings over the map.

Each scatter is kept as a cached picture and redrawn only when the points change, not at every
frame of training (see :attr:`DataPoints.stale`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from backprop_gui.engine.datasets import Dataset
from backprop_gui.ui.plots.boundary_colors import LUT_STEPS
from backprop_gui.ui.style import BACKGROUND, OUTLINE, TEXT, diverging_ramp

POINT_SIZE = 9
TEST_POINT_SIZE = 10


class DataPoints:
    """One scatter per colour for the training set, and one per colour for the test set."""

    def __init__(self, item: pg.PlotItem) -> None:
        self._item = item
        self.train: list[pg.ScatterPlotItem] = []
        """One scatter per class (index = class label); one in all for regression."""
        self.test: list[pg.ScatterPlotItem] = []
        self.stale = True
        """Whether the points changed since drawn (they cost more than the map to redraw)."""

    def clear(self) -> None:
        for scatter in (*self.train, *self.test):
            scatter.setData([], [])
        self.stale = True

    def _scatter(self, items: list[pg.ScatterPlotItem], count: int) -> list[pg.ScatterPlotItem]:
        """``count`` scatter items (created once, reused); the rest emptied."""
        while len(items) < count:
            scatter = pg.ScatterPlotItem(pxMode=True)
            # Kept as a picture: the map under the points changes at every frame, and the
            # points, drawn again, cost more than the map (measured: 0.4 ms each for the
            # spiral's 500 points, 0.05 ms as a picture).
            scatter.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            scatter.setZValue(10 if items is self.test else 5)
            self._item.addItem(scatter)
            items.append(scatter)
        for extra in items[count:]:
            extra.setData([], [])
        return items[:count]

    def draw_classes(
        self, x_train, y_train, labels, x_test, y_test, test_labels, colors, show_test: bool
    ) -> None:
        """Filled outlined dots for training, hollow rings for test, one item per colour."""
        show_test = show_test and x_test is not None
        for label, scatter in enumerate(self._scatter(self.train, len(colors))):
            mask = labels == label
            scatter.setData(
                x_train[mask],
                y_train[mask],
                symbol="o",
                size=POINT_SIZE,
                brush=pg.mkBrush(colors[label]),
                pen=pg.mkPen(OUTLINE, width=1),
            )
        for label, scatter in enumerate(self._scatter(self.test, len(colors))):
            if not show_test:
                scatter.setData([], [])
                continue
            mask = test_labels == label
            scatter.setData(
                x_test[mask],
                y_test[mask],
                symbol="s",
                size=TEST_POINT_SIZE,
                brush=pg.mkBrush(BACKGROUND + "00"),
                pen=pg.mkPen(colors[label], width=2.5),
            )

    def draw_targets(
        self,
        train: Dataset,
        test: Dataset | None,
        levels: tuple[float, float],
        show_test: bool,
    ) -> None:
        """Targets of a 2-input regression: dots on the heat map's scale, in full strength."""
        low, high = levels
        lut = diverging_ramp(LUT_STEPS)

        def brushes(targets: np.ndarray) -> list:
            position = np.clip((targets - low) / (high - low), 0.0, 1.0)
            rows = lut[np.rint(position * (LUT_STEPS - 1)).astype(int)]
            return [pg.mkBrush(*row) for row in rows.tolist()]

        (scatter,) = self._scatter(self.train, 1)
        scatter.setData(
            train.X[:, 0],
            train.X[:, 1],
            symbol="o",
            size=POINT_SIZE,
            brush=brushes(train.Y[:, 0]),
            pen=pg.mkPen(OUTLINE, width=1),
        )
        (ring,) = self._scatter(self.test, 1)
        if test is not None and show_test:
            ring.setData(
                test.X[:, 0],
                test.X[:, 1],
                symbol="s",
                size=TEST_POINT_SIZE,
                brush=pg.mkBrush(BACKGROUND + "00"),
                pen=pg.mkPen(TEXT, width=2),
            )
        else:
            ring.setData([], [])
