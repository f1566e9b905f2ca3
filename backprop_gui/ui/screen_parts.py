"""Point at a part of the screen for a moment: what a glossary entry names lights up.

Glossary entries list the parts of the screen they name with fixed ids ("edges",
"learning_rate", "loss_plot"...). This module finds the widget behind each id in the main
window and makes it glow briefly, so a student sees where the word lives.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QDockWidget, QGraphicsDropShadowEffect, QMainWindow, QWidget

FLASH_MS = 1600
GLOW = QColor("#E69F00")  # Okabe-Ito orange: distinct from the blue/vermillion of the weights

CANVAS_PARTS = {"edges", "neurons", "biases", "inputs", "hidden", "outputs"}
"""Parts drawn by the network canvas itself."""

WIDGET_NAMES = {
    "learning_rate": "learning_rate",
    "batch_size": "batch_size",
    "momentum": "momentum",
    "regularization": "regularization_kind",
    "dataset": "dataset",
    "test_fraction": "test_fraction",
    "seed": "seed",
    "speed": "speed_control",
    "loss_plot": "loss_plot",
    "gradient_plot": "gradient_plot",
    "boundary_plot": "boundary_plot",
    "inspector": "inspector",
    "phase_panel": "phase_panel",
}
"""Screen-part id -> object name of the widget that shows it."""


class ScreenHighlighter(QObject):
    """Makes the widgets named by screen-part ids glow for a moment."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._glowing: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._fade)

    def widgets_for(self, parts: list[str]) -> list[QWidget]:
        """The widgets behind ``parts`` (unknown ids, or parts not on screen, are skipped)."""
        window = self._window
        found: list[QWidget] = []
        for part in parts:
            if part in CANVAS_PARTS:
                found.append(window.findChild(QWidget, "network_view"))
            elif part in WIDGET_NAMES:
                found.append(window.findChild(QWidget, WIDGET_NAMES[part]))
            elif part.startswith("action_"):
                action = window.findChild(QAction, part)
                toolbar = window.findChild(QWidget, "main_toolbar")
                if action is not None and toolbar is not None:
                    found.append(toolbar.widgetForAction(action))
        return [widget for widget in found if widget is not None]

    def flash(self, parts: list[str]) -> list[QWidget]:
        """Light up what ``parts`` name; returns the widgets lit."""
        self._fade()
        canvas = self._window.findChild(QWidget, "network_view")
        for part in parts:
            if part in CANVAS_PARTS and canvas is not None:
                canvas.flash(part)
        widgets = self.widgets_for(parts)
        for widget in widgets:
            self._reveal(widget)
            if widget is canvas:
                continue  # the canvas draws its own highlight, on the very items named
            glow = QGraphicsDropShadowEffect(widget)
            glow.setColor(GLOW)
            glow.setBlurRadius(28)
            glow.setOffset(0, 0)
            widget.setGraphicsEffect(glow)
            self._glowing.append(widget)
        if widgets:
            self._timer.start()
        return widgets

    @property
    def glowing(self) -> list[QWidget]:
        return list(self._glowing)

    def _reveal(self, widget: QWidget) -> None:
        """Bring a widget's dock to the front if it sits behind another tab."""
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None:
            parent.show()
            parent.raise_()

    def _fade(self) -> None:
        for widget in self._glowing:
            widget.setGraphicsEffect(None)
        self._glowing = []
