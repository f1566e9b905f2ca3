"""Where the panels sit: the canvas in the centre, settings on the left, the rest docked right.

Right: the inspector over the loss curve, both visible at once; the gradients and the
glossary are tabs behind the inspector, the decision boundary a tab behind the loss curve.
The docks' default widths follow the window's width, so the canvas keeps its share on a laptop.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStyle, QVBoxLayout, QWidget

MARGIN = 6
CANVAS_SHARE = 0.45
"""The share of the window width the docks leave to the canvas, as far as their minimums allow."""
RIGHT_SHARE = 0.3
"""The right column's share of the width when there is room: larger plots on a large screen."""
INSPECTOR_HEIGHT_SHARE = 0.42
"""The inspector's share of the window height over the loss curve, at first start."""


def default_dock_widths(
    window_width: int,
    controls: tuple[int, int],
    right: tuple[int, int],
    spare: int,
) -> tuple[int, int]:
    """The widths of the controls dock and of the right column that leave the canvas its share.

    ``controls`` and ``right`` are (minimum, preferred) widths; ``spare`` is what the window
    spends on neither (separators, margins). Short of room, the right column gives way first,
    down to its minimum; then the controls take their minimum (every label above its field,
    not half of them); below that, the canvas has less than its share.
    """
    budget = window_width - spare - math.ceil(window_width * CANVAS_SHARE)
    controls_min, controls_preferred = controls
    right_min, right_preferred = right

    def right_beside(controls_width: int) -> int:
        return max(right_min, min(right_preferred, budget - controls_width))

    right_width = right_beside(controls_preferred)
    if controls_preferred + right_width <= budget:
        return controls_preferred, right_width
    return controls_min, right_beside(controls_min)


def build_central_widget(window: QMainWindow, *stacked: QWidget) -> None:
    """Stack ``stacked`` top to bottom in the centre; the last one (the canvas) takes the room."""
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
    layout.setSpacing(MARGIN)
    *fixed, stretched = stacked
    for widget in fixed:
        layout.addWidget(widget)
    layout.addWidget(stretched, 1)
    window.setCentralWidget(central)


class WindowDocks(QObject):
    """The dock of each side panel, with its title and its place in the default layout."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        controls: QWidget,
        inspector: QWidget,
        loss_plot: QWidget,
        gradient_plot: QWidget,
        boundary_plot: QWidget,
        glossary: QWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.controls = self._dock("controls_dock", controls)
        self.inspector = self._dock("inspector_dock", inspector)
        self.loss = self._dock("loss_dock", loss_plot)
        self.gradient = self._dock("gradient_dock", gradient_plot)
        self.boundary = self._dock("boundary_dock", boundary_plot)
        self.glossary = self._dock("glossary_dock", glossary)
        self._place()

    @property
    def plot_docks(self) -> tuple[QDockWidget, ...]:
        return (self.loss, self.gradient, self.boundary)

    @property
    def right_docks(self) -> tuple[QDockWidget, ...]:
        """The docks of the right column, the inspector's tabs over the plots' tabs."""
        return (self.inspector, self.gradient, self.glossary, self.loss, self.boundary)

    def toggle_actions(self) -> list[QAction]:
        """One checkable action per dock, for the View menu."""
        docks = (
            self.controls,
            self.inspector,
            self.loss,
            self.gradient,
            self.boundary,
            self.glossary,
        )
        return [dock.toggleViewAction() for dock in docks]

    def show_glossary(self) -> None:
        self.glossary.show()
        self.glossary.raise_()

    def fit_to_window(self) -> None:
        """Share the window between the docks; only once the window has its real size."""
        window = self._window
        width = window.width()
        right_min = max(dock.minimumSizeHint().width() for dock in self.right_docks)
        controls_width, right_width = default_dock_widths(
            width,
            (self.controls.minimumSizeHint().width(), self.controls.sizeHint().width()),
            (right_min, max(right_min, round(width * RIGHT_SHARE))),
            self._spare_width(),
        )
        window.resizeDocks(
            [self.controls, self.inspector],
            [controls_width, right_width],
            Qt.Orientation.Horizontal,
        )
        height = window.height()
        window.resizeDocks(
            [self.inspector, self.loss],
            [int(height * INSPECTOR_HEIGHT_SHARE), int(height * (1 - INSPECTOR_HEIGHT_SHARE))],
            Qt.Orientation.Vertical,
        )

    def restore_default_layout(self) -> None:
        """Every dock back in its first-start place, shown, at the sizes that fit the window."""
        for dock in (self.controls, *self.right_docks):
            dock.setFloating(False)
            dock.show()
        self._place()
        self.fit_to_window()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.controls.setWindowTitle(translate("MainWindow", "Settings"))
        self.inspector.setWindowTitle(translate("MainWindow", "Inspector"))
        self.loss.setWindowTitle(translate("MainWindow", "Loss"))
        self.gradient.setWindowTitle(translate("MainWindow", "Gradients"))
        self.glossary.setWindowTitle(translate("MainWindow", "Glossary"))
        self.boundary.setWindowTitle(translate("MainWindow", "Decision boundary"))

    def _place(self) -> None:
        """The controls on the left; on the right, the inspector's tabs over the plots' tabs."""
        window = self._window
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.controls)
        for dock in self.right_docks:
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.splitDockWidget(self.inspector, self.loss, Qt.Orientation.Vertical)
        window.tabifyDockWidget(self.inspector, self.gradient)
        window.tabifyDockWidget(self.inspector, self.glossary)
        window.tabifyDockWidget(self.loss, self.boundary)
        self.inspector.raise_()
        self.loss.raise_()

    def _spare_width(self) -> int:
        """The width that goes neither to a dock nor to the canvas: two separators, margins."""
        window = self._window
        separator = window.style().pixelMetric(
            QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, window
        )
        return 2 * separator + 2 * MARGIN

    @staticmethod
    def _dock(name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget()
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock
