"""The status bar's line: the iteration, epoch and phase under way, and the last loss."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QLabel, QWidget

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.engine.trainer import Phase


def phase_name(phase: Phase | None) -> str:
    """The phase's name for the status bar, in the current language."""
    names = {
        None: QCoreApplication.translate("MainWindow", "ready"),
        Phase.FORWARD: QCoreApplication.translate("MainWindow", "forward pass"),
        Phase.LOSS: QCoreApplication.translate("MainWindow", "error computation"),
        Phase.BACKWARD: QCoreApplication.translate("MainWindow", "backpropagation"),
        Phase.UPDATE: QCoreApplication.translate("MainWindow", "weight update"),
    }
    return names[phase]


class StatusLine(QLabel):
    """« Itération 12 · Époque 3 · Phase : … · Erreur : … », counted as the phase panel counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_label")
        self._snapshot: TrainerSnapshot | None = None

    def show_snapshot(self, snapshot: TrainerSnapshot | None) -> None:
        self._snapshot = snapshot
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            self.clear()
            return
        # The strings keep the window's context: they are the window's status line.
        text = QCoreApplication.translate(
            "MainWindow", "Iteration {iteration} · Epoch {epoch} · Phase: {phase}"
        ).format(
            # The iteration and epoch under way, as the phase panel counts them.
            iteration=snapshot.iteration + (snapshot.next_phase is not Phase.FORWARD),
            epoch=snapshot.epoch + snapshot.epoch_started,
            phase=phase_name(snapshot.phase),
        )
        if snapshot.loss is not None:
            text += QCoreApplication.translate("MainWindow", " · Loss: {loss}").format(
                loss=QLocale().toString(snapshot.loss, "g", 4)
            )
        if text != self.text():
            self.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
