"""How the controls turn edits into changes: one per pause, none while the program fills them.

Spin boxes commit on Enter or focus loss and a short timer coalesces arrow clicks, so holding
an arrow key does not send one change per step.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

EDIT_DELAY_MS = 150
"""How long the panel waits for more spin-box steps before it emits one change."""


def edit_timer(parent: QObject, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer that calls ``slot`` once the edits have paused for EDIT_DELAY_MS."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(EDIT_DELAY_MS)
    timer.timeout.connect(slot)
    return timer


def watch_spin(spin: QAbstractSpinBox, name: str, term: str, timer: QTimer) -> None:
    """Name ``spin``, link it to glossary ``term``, and restart ``timer`` on each new value."""
    spin.setObjectName(name)
    spin.setProperty("glossary_term", term)
    spin.setKeyboardTracking(False)
    # Not connected to timer.start itself: the value would become QTimer.start(msec).
    spin.valueChanged.connect(functools.partial(_restart, timer))


def _restart(timer: QTimer, *_value: object) -> None:
    timer.start()


@contextlib.contextmanager
def signals_blocked(*widgets: QWidget) -> Iterator[None]:
    """Fill widgets without their change signals: what the program shows is no user's choice."""
    with contextlib.ExitStack() as stack:
        for widget in widgets:
            stack.enter_context(QSignalBlocker(widget))
        yield


class ShownValues:
    """What a group displayed from the document, per field: (value shown, document value).

    A control still showing its document value gives back the exact document value, so
    rounding by a spin box (0.125 shown as 0.13) never leaks into an unrelated change.
    """

    def __init__(self) -> None:
        self._values: dict[str, tuple[Any, Any]] = {}

    def clear(self) -> None:
        self._values.clear()

    def remember(self, key: str, shown: Any, value: Any) -> None:
        self._values[key] = (shown, value)

    def kept(self, key: str, shown: Any, value: Any) -> Any:
        """The document's own value while the control still shows it, else ``value``."""
        if key in self._values and self._values[key][0] == shown:
            return self._values[key][1]
        return value
