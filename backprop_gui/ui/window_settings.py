"""The window's place, size and dock layout, kept in QSettings from one session to the next."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

GEOMETRY_SETTING = "window/geometry"
STATE_SETTING = "window/state"
DEFAULT_SIZE = (1280, 720)
"""A projector's resolution: the size the window opens at the first time, if the screen has room."""


def has_saved_layout() -> bool:
    """Whether a dock layout was saved (else the docks take their default sizes)."""
    return isinstance(QSettings().value(STATE_SETTING), QByteArray)


def default_size(window: QMainWindow) -> QSize:
    """The first-start size, within the screen: the docks share the width the window really has."""
    size = QSize(*DEFAULT_SIZE)
    screen = window.screen()
    if screen is not None:
        size = size.boundedTo(screen.availableSize())
    return size


def restore_window(window: QMainWindow) -> None:
    """Give ``window`` the geometry and dock layout it had when it was last closed."""
    settings = QSettings()
    geometry = settings.value(GEOMETRY_SETTING)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(default_size(window))
    state = settings.value(STATE_SETTING)
    if isinstance(state, QByteArray):
        window.restoreState(state)


def save_window(window: QMainWindow) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY_SETTING, window.saveGeometry())
    settings.setValue(STATE_SETTING, window.saveState())
