"""Numbers on the canvas: the panels' format (locale separator, real minus sign), 3 digits.

Three significant digits keep a label short enough to sit on an edge; tooltips and the
inspector give more.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from backprop_gui.ui import formatting

CANVAS_DIGITS = 3


def format_number(value: float, digits: int = CANVAS_DIGITS) -> str:
    """``value`` with ``digits`` significant digits in the default locale (0,593 in French)."""
    return formatting.format_number(value, digits)


MAX_CHANGE_DIGITS = 6


def format_change(before: float, after: float) -> str:
    """Format a value that an update changed as "before → after".

    Digits are added (up to MAX_CHANGE_DIGITS) until the two differ, so a small update reads
    0,15 → 0,1498 rather than 0,15 → 0,15.
    """
    for digits in range(CANVAS_DIGITS, MAX_CHANGE_DIGITS + 1):
        old, new = format_number(before, digits), format_number(after, digits)
        if old != new:
            break
    return f"{old} → {new}"


def parse_number(text: str) -> float | None:
    """A number typed in the locale's format or with a dot, or None if it is not one."""
    text = text.strip().replace(formatting.MINUS, "-")
    value, ok = QLocale().toDouble(text)
    if not ok:
        value, ok = QLocale.c().toDouble(text)
    return value if ok else None
