"""Undo and redo as actions whose tooltips name the edit they would touch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QStyle, QWidget


class UndoActions(QObject):
    """``undo`` and ``redo`` follow ``stack``: enabled when they can act, named after the edit."""

    def __init__(self, window: QWidget, stack: QUndoStack) -> None:
        super().__init__(window)
        # The edits' names come with the signals: a stack being destroyed is never asked.
        self._undo_text = self._redo_text = ""
        icon = window.style().standardIcon
        self.undo = QAction(icon(QStyle.StandardPixmap.SP_ArrowBack), "", window)
        self.undo.setObjectName("action_undo")
        self.undo.setShortcut("Ctrl+Z")
        self.undo.setEnabled(False)
        self.undo.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        self.redo = QAction(icon(QStyle.StandardPixmap.SP_ArrowForward), "", window)
        self.redo.setObjectName("action_redo")
        self.redo.setShortcuts(["Ctrl+Shift+Z", "Ctrl+Y"])
        self.redo.setEnabled(False)
        self.redo.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text_changed)
        stack.redoTextChanged.connect(self._on_redo_text_changed)

    def retranslate(self) -> None:
        self.undo.setText(QCoreApplication.translate("MainWindow", "Undo"))
        self.redo.setText(QCoreApplication.translate("MainWindow", "Redo"))
        self._update_tooltips()

    @Slot(str)
    def _on_undo_text_changed(self, text: str) -> None:
        self._undo_text = text
        self._update_tooltips()

    @Slot(str)
    def _on_redo_text_changed(self, text: str) -> None:
        self._redo_text = text
        self._update_tooltips()

    def _update_tooltips(self) -> None:
        """Name the edit that undo or redo would touch, e.g. « Annuler : ajouter un neurone »."""
        for action, command, label in (
            (self.undo, self._undo_text, QCoreApplication.translate("MainWindow", "Undo")),
            (self.redo, self._redo_text, QCoreApplication.translate("MainWindow", "Redo")),
        ):
            tip = (
                QCoreApplication.translate("MainWindow", "{action}: {edit}").format(
                    action=label, edit=command
                )
                if command
                else label
            )
            action.setToolTip(tip)
            action.setStatusTip(tip)
