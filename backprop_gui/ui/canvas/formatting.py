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
CHANGE_TEMPLATE = "−0,000 → −0,0000"
"""The longest change a label shows with added digits: its room on the canvas is this wide."""
MAX_REMEMBERED = 4096


class _Memo:
    """Formatted numbers by (value, digits), valid for one default locale."""

    def __init__(self) -> None:
        self._texts: dict[tuple[float, int], str] = {}
        self._locale: tuple[str, object] | None = None
        self.point: str | None = None
        """The locale's decimal point when :func:`_fast_magnitude` writes as QLocale does."""

    def texts(self) -> dict[tuple[float, int], str]:
        """The remembered texts, emptied first if the default locale changed."""
        locale = QLocale()
        key = (locale.name(), locale.numberOptions())
        if key != self._locale or len(self._texts) > MAX_REMEMBERED:
            self._texts.clear()
            if key != self._locale:
                self.point = _fast_point(locale)
            self._locale = key
        return self._texts


PROBES = (0.5933, 1 / 3, 2e-4 / 3, 1.23e-5, 1e-10, 9.995, 0.09995, 12.0, 100.0, 999.5, 1e21, 5e5)
"""Values whose QLocale texts show whether Python's own formatting can stand in for it."""


def _fast_magnitude(value: float, digits: int, point: str) -> str | None:
    """``value`` (positive) as QLocale writes it with "g" and ``digits``, or None where the
    locale would group digits (1 234): Python's "g" with the locale's decimal point."""
    text = f"{value:.{digits}g}"
    if "e" not in text and len(text.partition(".")[0]) > 3:
        return None
    return text.replace(".", point)


def _fast_point(locale: QLocale) -> str | None:
    """The decimal point of ``locale`` if the fast path writes the probes exactly as the
    locale does (French and English do), else None: every number then goes through QLocale,
    four times slower."""
    point = locale.decimalPoint()
    for digits in range(CANVAS_DIGITS, MAX_CHANGE_DIGITS + 1):
        for value in PROBES:
            fast = _fast_magnitude(value, digits, point)  # None: QLocale writes that one
            if fast is not None and fast != locale.toString(value, "g", digits):
                return None
    return point


_MEMO = _Memo()


def _format(texts: dict[tuple[float, int], str], value: float, digits: int) -> str:
    if not math.isfinite(value):
        return formatting.format_number(value, digits)  # NaN is no dictionary key
    key = (value, digits)
    text = texts.get(key)
    if text is None:
        point = _MEMO.point
        magnitude = None
        if point is not None and value != 0.0:
            magnitude = _fast_magnitude(abs(value), digits, point)
        if magnitude is None:
            text = formatting.format_number(value, digits)
        else:
            text = formatting.MINUS + magnitude if value < 0.0 else magnitude
        texts[key] = text
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
            text = f"{old} → {new}"
            if len(text) <= len(CHANGE_TEMPLATE):
                return text
            break
    # Too small a change to see in a label: the short form says so, and keeps it in its room.
    return f"{_format(texts, before, CANVAS_DIGITS)} → {_format(texts, after, CANVAS_DIGITS)}"


def format_change(before: float, after: float) -> str:
    """Format a value that an update changed as "before → after".

    Digits are added (up to MAX_CHANGE_DIGITS) until the two differ, so a small update reads
    0,15 → 0,1498 rather than 0,15 → 0,15; a change that would need a text longer than
    CHANGE_TEMPLATE (a trained network) reads with the usual three digits, −5,47 → −5,47,
    not −5,46712 → −5,4671, which ran into the next neuron. The inspector gives Δw exactly.
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
