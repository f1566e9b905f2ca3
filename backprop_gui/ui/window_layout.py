"""Where the panels sit: the canvas in the centre, settings on the left, the rest docked right.

Right: the inspector over the loss curve, both visible at once; the gradients and the
glossary are tabs behind the inspector, the decision boundary a tab behind the loss curve.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

MARGIN = 6
SIDE_WIDTHS = (290, 360)
"""Settings and inspector widths (pixels) until the window has its real size."""
SHOWN_SIDE_WIDTHS = (280, 360)
INSPECTOR_HEIGHT_SHARE = 0.42
"""The inspector's share of the window height over the loss curve, at first start."""


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
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.controls = self._dock("controls_dock", controls, left)
        self.inspector = self._dock("inspector_dock", inspector, right)
        self.loss = self._dock("loss_dock", loss_plot, right)
        self.gradient = self._dock("gradient_dock", gradient_plot, right)
        self.boundary = self._dock("boundary_dock", boundary_plot, right)
        self.glossary = self._dock("glossary_dock", glossary, right)
        window.splitDockWidget(self.inspector, self.loss, Qt.Orientation.Vertical)
        window.tabifyDockWidget(self.inspector, self.gradient)
        window.tabifyDockWidget(self.inspector, self.glossary)
        window.tabifyDockWidget(self.loss, self.boundary)
        self.inspector.raise_()
        self.loss.raise_()
        window.resizeDocks(
            [self.controls, self.inspector], list(SIDE_WIDTHS), Qt.Orientation.Horizontal
        )

    @property
    def plot_docks(self) -> tuple[QDockWidget, ...]:
        return (self.loss, self.gradient, self.boundary)

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
        window.resizeDocks(
            [self.controls, self.inspector], list(SHOWN_SIDE_WIDTHS), Qt.Orientation.Horizontal
        )
        height = window.height()
        window.resizeDocks(
            [self.inspector, self.loss],
            [int(height * INSPECTOR_HEIGHT_SHARE), int(height * (1 - INSPECTOR_HEIGHT_SHARE))],
            Qt.Orientation.Vertical,
        )

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.controls.setWindowTitle(translate("MainWindow", "Settings"))
        self.inspector.setWindowTitle(translate("MainWindow", "Inspector"))
        self.loss.setWindowTitle(translate("MainWindow", "Loss"))
        self.gradient.setWindowTitle(translate("MainWindow", "Gradients"))
        self.glossary.setWindowTitle(translate("MainWindow", "Glossary"))
        self.boundary.setWindowTitle(translate("MainWindow", "Decision boundary"))

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget()
        dock.setObjectName(name)
        dock.setWidget(widget)
        self._window.addDockWidget(area, dock)
        return dock
