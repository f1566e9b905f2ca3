"""Opening, saving and recent files, with the unsaved-changes question: behaviour, not widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from backprop_gui import document as documents
from backprop_gui.document import DocumentError, NetworkDocument
from backprop_gui.i18n import translate_message

RECENT_FILES_SETTING = "recent_files"
MAX_RECENT_FILES = 8


class FileActions(QObject):
    """File commands for a window; ``current_document`` returns what to save (with weights)."""

    recent_files_changed = Signal(list)

    def __init__(
        self,
        parent: QWidget,
        current_document: Callable[[], NetworkDocument],
        current_path: Callable[[], Path | None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._current_document = current_document
        self._current_path = current_path

    # -- recent files ------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        stored = QSettings().value(RECENT_FILES_SETTING, [], list) or []
        return [Path(p) for p in stored if isinstance(p, str)]

    def remember(self, path: Path) -> None:
        paths = [str(path)] + [str(p) for p in self.recent_files() if p != path]
        QSettings().setValue(RECENT_FILES_SETTING, paths[:MAX_RECENT_FILES])
        self.recent_files_changed.emit(self.recent_files())

    # -- reading and writing -----------------------------------------------------------------

    def ask_open_path(self) -> Path | None:
        start = self._current_path()
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            QCoreApplication.translate("FileActions", "Open a network"),
            str(start.parent) if start else "",
            QCoreApplication.translate("FileActions", "Networks (*.json);;All files (*)"),
        )
        return Path(name) if name else None

    def ask_save_path(self) -> Path | None:
        start = self._current_path()
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            QCoreApplication.translate("FileActions", "Save the network"),
            str(start) if start else QCoreApplication.translate("FileActions", "network.json"),
            QCoreApplication.translate("FileActions", "Networks (*.json);;All files (*)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".json")

    def load(self, path: Path) -> NetworkDocument | None:
        """The document in ``path``, or None after telling the user why it did not open."""
        try:
            document = documents.load(path)
        except DocumentError as error:
            self._warn(
                QCoreApplication.translate("FileActions", "Cannot open the file"),
                QCoreApplication.translate(
                    "FileActions",
                    "{path} could not be opened: {reason} The open network is unchanged.",
                ).format(path=path.name, reason=translate_message(error.message)),
            )
            return None
        self.remember(path)
        return document

    def save_to(self, path: Path) -> bool:
        """Write the current document to ``path`` atomically; False after telling why not."""
        try:
            documents.save(self._current_document(), path)
        except DocumentError as error:
            self._warn(
                QCoreApplication.translate("FileActions", "Cannot save the file"),
                QCoreApplication.translate(
                    "FileActions", "{path} could not be saved: {reason}"
                ).format(path=path.name, reason=translate_message(error.message)),
            )
            return False
        self.remember(path)
        return True

    def confirm_discard(self, modified: bool) -> str:
        """Ask what to do with unsaved changes: "save", "discard" or "cancel"."""
        if not modified:
            return "discard"
        box = QMessageBox(self._parent)
        box.setObjectName("unsaved_changes_box")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("FileActions", "Unsaved changes"))
        box.setText(
            QCoreApplication.translate(
                "FileActions", "The network has changes that are not saved. Save them?"
            )
        )
        save = box.addButton(
            QCoreApplication.translate("FileActions", "Save"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            QCoreApplication.translate("FileActions", "Don't save"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(
            QCoreApplication.translate("FileActions", "Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if clicked is discard:
            return "discard"
        return "cancel"

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok)
        box.setObjectName("file_error_box")
        box.setParent(self._parent, box.windowFlags())
        box.open()
