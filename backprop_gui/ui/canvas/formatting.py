"""Numbers on the canvas: the panels' format (locale separator, real minus sign), 3 digits.

Three significant digits keep a label short enough to sit on an edge; tooltips and the
inspector give more. The canvas formats the same values again and again (an activation shows
in all four phases, a weight in three), so formatted numbers are remembered for as long as
the default locale stays the same.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QLocale

from backprop_gui.ui import formatting

CANVAS_DIGITS = 3
MAX_CHANGE_DIGITS = 6
MAX_REMEMBERED = 4096


class _Memo:
    """Formatted numbers by (value, digits), valid for one default locale."""

    def __init__(self) -> None:
        self._texts: dict[tuple[float, int], str] = {}
        self._locale: tuple[str, object] | None = None

    def texts(self) -> dict[tuple[float, int], str]:
        """The remembered texts, emptied first if the default locale changed."""
        locale = QLocale()
        key = (locale.name(), locale.numberOptions())
        if key != self._locale or len(self._texts) > MAX_REMEMBERED:
            self._texts.clear()
            self._locale = key
        return self._texts


_MEMO = _Memo()


def _format(texts: dict[tuple[float, int], str], value: float, digits: int) -> str:
    if not math.isfinite(value):
        return formatting.format_number(value, digits)  # NaN is no dictionary key
    key = (value, digits)
    text = texts.get(key)
    if text is None:
        text = texts[key] = formatting.format_number(value, digits)
    return text


def format_number(value: float, digits: int = CANVAS_DIGITS) -> str:
    """``value`` with ``digits`` significant digits in the default locale (0,593 in French)."""
    return _format(_MEMO.texts(), float(value), digits)


def format_numbers(values: Iterable[float], digits: int = CANVAS_DIGITS) -> list[str]:
    """:func:`format_number` of each of ``values``."""
    texts = _MEMO.texts()
    return [_format(texts, float(value), digits) for value in values]


def _change(texts: dict[tuple[float, int], str], before: float, after: float) -> str:
    for digits in range(CANVAS_DIGITS, MAX_CHANGE_DIGITS + 1):
        old, new = _format(texts, before, digits), _format(texts, after, digits)
        if old != new:
            break
    return f"{old} → {new}"


def format_change(before: float, after: float) -> str:
    """Format a value that an update changed as "before → after".

    Digits are added (up to MAX_CHANGE_DIGITS) until the two differ, so a small update reads
    0,15 → 0,1498 rather than 0,15 → 0,15.
    """
    return _change(_MEMO.texts(), float(before), float(after))


def format_changes(befores: Iterable[float], afters: Iterable[float]) -> list[str]:
    """:func:`format_change` of each pair."""
    texts = _MEMO.texts()
    return [
        _change(texts, float(before), float(after))
        for before, after in zip(befores, afters, strict=True)
    ]


def parse_number(text: str) -> float | None:
    """A number typed in the locale's format or with a dot, or None if it is not one."""
    text = text.strip().replace(formatting.MINUS, "-")
    value, ok = QLocale().toDouble(text)
    if not ok:
        value, ok = QLocale.c().toDouble(text)
    return value if ok else None
