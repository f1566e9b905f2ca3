"""The open network document, its file, and the undo stack that edits it.

The document is the truth for the architecture, the hyper-parameters and the data set; the
canvas and the panels mirror it. Every edit is a QUndoCommand that swaps whole documents
(they are small), so undo restores exactly what was there.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from backprop_gui.document import NetworkDocument


class Change:
    """What a document edit touched, so that listeners redo only what they must."""

    ARCHITECTURE = "architecture"
    """Layers, neurons, activations, loss or data set: the trainer is rebuilt."""
    SETTINGS = "settings"
    """Hyper-parameters: the running trainer takes them without a reset."""
    SEED = "seed"
    """The seed of the initial weights: new initial weights."""
    PARAMETER = "parameter"
    """One weight or bias typed in by hand: changed in place, history kept."""


class ReplaceDocumentCommand(QUndoCommand):
    """Swap the whole document for another one (and back on undo)."""

    def __init__(self, session: Session, document: NetworkDocument, text: str, change: str):
        super().__init__(text)
        self._session = session
        self._before = copy.deepcopy(session.document)
        self._after = copy.deepcopy(document)
        self._change = change

    def redo(self) -> None:
        self._session._install(copy.deepcopy(self._after), self._change)

    def undo(self) -> None:
        self._session._install(copy.deepcopy(self._before), self._change)


class SetParameterCommand(QUndoCommand):
    """A weight (``i >= 0``) or a bias (``i == -1``) typed in by hand."""

    def __init__(
        self, session: Session, layer: int, j: int, i: int, old: float, new: float, text: str
    ):
        super().__init__(text)
        self._session = session
        self._where = (layer, j, i)
        self._old, self._new = old, new

    def redo(self) -> None:
        self._session.parameter_edited.emit(*self._where, self._new)

    def undo(self) -> None:
        self._session.parameter_edited.emit(*self._where, self._old)


class Session(QObject):
    """The document being edited, where it is saved, and whether it has unsaved changes."""

    document_changed = Signal(str)  # a Change value
    parameter_edited = Signal(int, int, int, float)  # layer, j, i (-1: bias), value
    path_changed = Signal(object)  # Path | None
    modified_changed = Signal(bool)

    def __init__(self, document: NetworkDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undo_stack")
        self.undo_stack.setUndoLimit(200)
        self._weights_dirty = False
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean() or self._weights_dirty

    def edit(self, document: NetworkDocument, text: str, change: str) -> None:
        """Apply an edit through the undo stack."""
        self.undo_stack.push(ReplaceDocumentCommand(self, document, text, change))

    def edit_parameter(self, layer: int, j: int, i: int, old: float, new: float, text: str) -> None:
        self.undo_stack.push(SetParameterCommand(self, layer, j, i, old, new, text))

    def open(self, document: NetworkDocument, path: Path | None) -> None:
        """Replace the document by another one (opened or new): no undo across files."""
        self.undo_stack.clear()
        self.document = document
        self._weights_dirty = False
        self.undo_stack.setClean()
        self.path = path
        self.path_changed.emit(path)
        self.document_changed.emit(Change.ARCHITECTURE)
        self.modified_changed.emit(False)

    def mark_trained(self) -> None:
        """Training moved the weights: there is something to save."""
        if not self._weights_dirty:
            self._weights_dirty = True
            self.modified_changed.emit(True)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._weights_dirty = False
        self.undo_stack.setClean()
        self.path_changed.emit(path)
        self.modified_changed.emit(False)

    def _install(self, document: NetworkDocument, change: str) -> None:
        self.document = document
        self.document_changed.emit(change)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self.modified)
