"""Adding and removing points with the mouse on the decision-boundary plot.

Only binary 2-input data can be edited: a left click asks for a class-1 point, a right click
for a class-0 point, a Ctrl+click to remove the nearest one. The plot only emits the request;
the main window edits the document. Outside the data area a right click opens the plot's menu.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QMenu

from backprop_gui.engine.datasets import Dataset

REMOVE_RADIUS = 10.0
"""Pixels from a point within which a Ctrl+click removes it."""


def is_editable(train: Dataset | None) -> bool:
    """Whether clicks edit ``train``: binary data with 2 inputs."""
    return train is not None and train.task == "binary" and train.n_features == 2


class PointClicks:
    """Turns clicks in the data area of ``view`` into point requests sent to the callbacks."""

    def __init__(
        self,
        view: pg.GraphicsLayoutWidget,
        box: pg.ViewBox,
        menu: QMenu,
        training_set: Callable[[], Dataset | None],
        add_point: Callable[[float, float, int], object],
        remove_point: Callable[[int], object],
    ) -> None:
        self._view = view
        self._box = box
        self._menu = menu
        self._training_set = training_set
        self._add_point = add_point
        self._remove_point = remove_point
        # On the plot a right click adds a class-0 point, so the view opens the menu only
        # outside the data.
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._on_view_menu)
        view.scene().sigMouseClicked.connect(self._on_click)

    def editable(self) -> bool:
        return is_editable(self._training_set())

    def _inside(self, scene_pos: QPointF) -> bool:
        return self._box.sceneBoundingRect().contains(scene_pos)

    def _on_view_menu(self, position: QPoint) -> None:
        scene_pos = self._view.mapToScene(position)
        if self.editable() and self._inside(scene_pos):
            return  # a right click in the data adds a class-0 point
        self._menu.popup(self._view.mapToGlobal(position))

    def _on_click(self, event) -> None:
        if not self.editable() or event.double() or not self._inside(event.scenePos()):
            return
        point = self._box.mapSceneToView(event.scenePos())
        x, y = point.x(), point.y()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            index = self._nearest(x, y)
            if index is not None:
                event.accept()
                self._remove_point(index)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self._add_point(x, y, 1)
        elif event.button() == Qt.MouseButton.RightButton:
            event.accept()
            self._add_point(x, y, 0)

    def _nearest(self, x: float, y: float) -> int | None:
        """The training point within :data:`REMOVE_RADIUS` pixels of (x, y), nearest first."""
        train = self._training_set()
        if train is None or train.n_samples == 0:
            return None
        width, height = self._box.viewPixelSize()
        if not (width > 0 and height > 0):
            return None
        distances = np.hypot((train.X[:, 0] - x) / width, (train.X[:, 1] - y) / height)
        index = int(np.argmin(distances))
        return index if distances[index] <= REMOVE_RADIUS else None
