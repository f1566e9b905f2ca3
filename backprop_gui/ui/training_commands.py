"""The training actions (run, steps, reset, gradient check) and what training answers in words.

Run/Pause is one checkable action whose icon and text follow the worker's state; a divergence
or a gradient check result is said in the message banner, above the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Slot
from PySide6.QtWidgets import QStyle, QWidget

from backprop_gui import i18n
from backprop_gui.messages import Message
from backprop_gui.training.controller import TrainingController
from backprop_gui.ui.actions import WindowActions
from backprop_gui.ui.message_banner import MessageBanner
from backprop_gui.ui.snapshot_dispatch import SnapshotDispatcher

GRADIENT_CHECK_TOLERANCE = 1e-5
"""Below this relative gap, backpropagation and finite differences agree."""


class TrainingCommands(QObject):
    """Wires the training actions to ``controller`` and shows its answers in ``banner``."""

    def __init__(
        self,
        window: QWidget,
        actions: WindowActions,
        controller: TrainingController,
        banner: MessageBanner,
        dispatcher: SnapshotDispatcher,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._controller = controller
        self._banner = banner
        self._dispatcher = dispatcher
        actions.run.triggered.connect(self._on_run_triggered)
        actions.step_phase.triggered.connect(controller.step_phase)
        actions.step_iteration.triggered.connect(controller.step_iteration)
        actions.step_epoch.triggered.connect(controller.step_epoch)
        actions.reset.triggered.connect(self._on_reset)
        actions.gradient_check.triggered.connect(controller.check_gradient)
        controller.running_changed.connect(self._show_running)
        controller.diverged.connect(self._on_diverged)
        controller.gradient_checked.connect(self._on_gradient_checked)

    def retranslate(self) -> None:
        self._show_running(self._controller.running)

    @Slot(bool)
    def _on_run_triggered(self, checked: bool) -> None:
        if checked:
            self._banner.hide()
            self._controller.run()
        else:
            self._controller.pause()

    @Slot()
    def _on_reset(self) -> None:
        self._banner.hide()
        self._dispatcher.clear_plots()
        self._controller.reset()

    @Slot(bool)
    def _show_running(self, running: bool) -> None:
        run = self._actions.run
        run.setChecked(running)
        pixmap = QStyle.StandardPixmap
        run.setIcon(
            self._window.style().standardIcon(
                pixmap.SP_MediaPause if running else pixmap.SP_MediaPlay
            )
        )
        run.setIconText(
            QCoreApplication.translate("MainWindow", "Pause")
            if running
            else QCoreApplication.translate("MainWindow", "Run")
        )

    @Slot(object)
    def _on_diverged(self, message: Message) -> None:
        self._banner.show_message(i18n.translate_message(message), "warning")
        self._dispatcher.mark_divergence(int(message.params.get("iteration", 0)))

    @Slot(float)
    def _on_gradient_checked(self, worst: float) -> None:
        number = QLocale().toString(worst, "g", 2)
        if worst < GRADIENT_CHECK_TOLERANCE:
            text = QCoreApplication.translate(
                "MainWindow",
                "Gradient check: the largest relative gap between backpropagation and finite "
                "differences is {gap}. Below 1e-5 they agree: backpropagation computes the true "
                "gradient of the error.",
            )
            kind = "info"
        else:
            text = QCoreApplication.translate(
                "MainWindow",
                "Gradient check: the largest relative gap between backpropagation and finite "
                "differences is {gap}. Above 1e-5 they disagree (a ReLU exactly at its kink can "
                "cause this, or a very saturated network).",
            )
            kind = "warning"
        self._banner.show_message(text.format(gap=number), kind)
