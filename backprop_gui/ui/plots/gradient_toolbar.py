"""The row of controls above the gradient plot: curve mode, log scale, and the export menu.

It builds and lays out the controls; the plot connects them, and writes their texts in its
own translation context.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QToolButton, QWidget

from backprop_gui.ui.plots.export import PlotMenu

WEIGHTS, LAYERS = "weights", "layers"
"""The two curve modes."""


class GradientToolbar:
    """The mode combo box and the log-scale check box, then (once the plot's view exists)
    the export button: widgets are made in focus order."""

    def __init__(self, plot: QWidget) -> None:
        self._plot = plot
        self.mode = QComboBox(plot)
        self.mode.setObjectName("gradient_plot_mode")
        self.mode.addItem("", WEIGHTS)
        self.mode.addItem("", LAYERS)
        self.log_scale = QCheckBox(plot)
        self.log_scale.setObjectName("gradient_plot_log_scale")
        self.log_scale.setChecked(True)

    def add_menu(self, view: QWidget) -> QHBoxLayout:
        """Make the export menu of ``view`` and its button; return the laid-out row."""
        self.menu = PlotMenu(self._plot, view)
        self.menu_button = QToolButton(self._plot)
        self.menu_button.setMenu(self.menu.menu)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.mode)
        bar.addWidget(self.log_scale)
        bar.addStretch(1)
        bar.addWidget(self.menu_button)
        return bar

    @property
    def current_mode(self) -> str:
        return self.mode.currentData()

    def choose_mode(self, mode: str) -> None:
        """Switch to ``mode`` if it is offered (one curve per weight is not, on big networks)."""
        index = self.mode.findData(mode)
        if index < 0:
            raise ValueError(f"unknown gradient plot mode {mode!r}")
        if self.mode.model().item(index).isEnabled():
            self.mode.setCurrentIndex(index)

    def offer_weights(self, offered: bool) -> None:
        self.mode.model().item(0).setEnabled(offered)
