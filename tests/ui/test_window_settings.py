"""The window opens at a projector's size the first time, then as it was left."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from backprop_gui.ui.window_settings import has_saved_layout, restore_window, save_window


def window_with_a_dock(qtbot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("réseau"))
    dock = QDockWidget()
    dock.setObjectName("inspector_dock")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    return window


class ScreenOf:
    """A stand-in for the screen a window opens on: only its free size matters here."""

    def __init__(self, width: int, height: int) -> None:
        self._size = QSize(width, height)

    def availableSize(self) -> QSize:
        return self._size


def test_the_first_start_opens_at_1280_by_720(qtbot, monkeypatch):
    window = window_with_a_dock(qtbot)
    monkeypatch.setattr(window, "screen", lambda: ScreenOf(1920, 1040))
    assert not has_saved_layout()
    restore_window(window)
    assert (window.width(), window.height()) == (1280, 720)


def test_on_a_smaller_screen_the_first_start_fits_the_screen(qtbot):
    window = window_with_a_dock(qtbot)
    free = window.screen().availableSize()  # the offscreen screen is 800 pixels wide
    assert free.width() < 1280
    restore_window(window)
    assert window.width() == free.width()
    assert window.height() == min(720, free.height())


def test_the_size_and_the_docks_come_back_as_they_were_left(qtbot):
    window = window_with_a_dock(qtbot)
    window.resize(700, 500)  # within the offscreen screen (800 × 600)
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    window.addDockWidget(left, window.findChild(QDockWidget, "inspector_dock"))
    save_window(window)
    assert has_saved_layout()
    again = window_with_a_dock(qtbot)
    restore_window(again)
    assert (again.width(), again.height()) == (700, 500)
    assert again.dockWidgetArea(again.findChild(QDockWidget, "inspector_dock")) == left
