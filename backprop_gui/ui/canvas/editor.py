"""A small line edit that opens on the canvas to type a new weight or bias.

It accepts a number in the locale's format (0,5 in French) or with a dot, finite and not
larger than MAX_EDIT_VALUE in magnitude; anything else keeps it open with a red border and
a sentence saying why. Enter commits, Escape or clicking elsewhere cancels.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QToolTip, QWidget

from backprop_gui.ui import style
from backprop_gui.ui.canvas.formatting import parse_number

MAX_EDIT_VALUE = 1e6
"""Largest |value| a user may type: far beyond any useful weight, still safe for float math."""


class InlineValueEditor(QLineEdit):
    """Edits one number in place; emits ``accepted(value)`` once, then closes itself."""

    accepted = Signal(float)

    def __init__(self, parent: QWidget, value: float | None) -> None:
        super().__init__(parent)
        self.setObjectName("value_editor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if value is not None:
            self.setText(QLocale().toString(float(value), "g", 10))
        self.selectAll()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("−0,000000000") + 16)
        self.adjustSize()
        self._done = False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(self.tr("Value"))
        self.setToolTip(self.tr("Type a number, then press Enter (Escape cancels)."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def open_at(self, centre: QPoint) -> None:
        """Show the editor centred on ``centre`` (parent coordinates), inside the parent."""
        parent = self.parentWidget()
        x = centre.x() - self.width() // 2
        y = centre.y() - self.height() // 2
        x = max(0, min(x, parent.width() - self.width()))
        y = max(0, min(y, parent.height() - self.height()))
        self.move(x, y)
        self.show()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def value(self) -> float | None:
        """The typed number if it is acceptable, else None."""
        value = parse_number(self.text())
        if value is None or not math.isfinite(value) or abs(value) > MAX_EDIT_VALUE:
            return None
        return value

    def problem(self) -> str:
        """Why the current text is refused, for the user."""
        value = parse_number(self.text())
        if value is None or not math.isfinite(value):
            return self.tr("This is not a number.")
        return self.tr("Type a number between −1 000 000 and 1 000 000.")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        self.setStyleSheet("")
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.cancel()

    def commit(self) -> None:
        """Emit the typed value and close, or show why it is refused and stay open."""
        if self._done:
            return
        value = self.value()
        if value is None:
            self.setStyleSheet(f"QLineEdit {{ border: 2px solid {style.NEGATIVE}; }}")
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.problem(), self)
            return
        self._done = True
        self.accepted.emit(value)
        self.close()

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self.close()
