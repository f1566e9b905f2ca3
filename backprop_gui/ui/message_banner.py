"""A non-modal message across the top of the window: it tells, it never blocks the lesson."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

STYLES = {
    "warning": "background: #FFF4E5; border: 1px solid #D55E00; color: #5A2600;",
    "info": "background: #E8F3FA; border: 1px solid #0072B2; color: #00324F;",
}


class MessageBanner(QFrame):
    """Shows one message (warning or information) until closed or replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_banner")
        self._text = QLabel()
        self._text.setObjectName("message_banner_text")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._close = QToolButton()
        self._close.setObjectName("message_banner_close")
        self._close.setText("✕")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate_ui()
        self.hide()

    def show_message(self, text: str, kind: str = "warning") -> None:
        self.setStyleSheet(f"#message_banner {{ {STYLES[kind]} border-radius: 4px; }}")
        self._text.setText(text)
        self.show()

    def text(self) -> str:
        return self._text.text()

    def retranslate_ui(self) -> None:
        self._close.setToolTip(self.tr("Close this message"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
