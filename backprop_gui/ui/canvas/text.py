"""Text drawn by anchor point: fixed texts laid out once, numbers drawn without shaping.

QStaticText draws a known text about twice as fast as ``drawText``, but building one costs
several plain draws: fixed texts (names, headers, captions) are kept. Numbers change at every
training step; they are drawn directly, in a font that skips shaping (kerning and ligatures,
which digits do not use), which halves the cost of ``drawText`` and of measuring.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QStaticText, QTransform

MAX_ENTRIES = 500
"""Each cache forgets everything past this many texts."""


def unshaped(font: QFont) -> QFont:
    """``font`` for numbers: no shaping, which Latin digits and signs do not need."""
    font = QFont(font)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


class _CharWidths(dict):
    """The advance of each character, measured the first time it is asked for."""

    def __init__(self, metrics: QFontMetricsF) -> None:
        super().__init__()
        self._metrics = metrics

    def __missing__(self, char: str) -> float:
        width = self[char] = self._metrics.horizontalAdvance(char)
        return width


class TextCache:
    """Texts in one font, drawn centred, left-aligned or hanging from a point.

    :meth:`select` sets the font on a painter; :meth:`draw` assumes it is set, so that a
    run of texts in one font sets it once. Items that repaint the same texts at the same
    places lay them out once with :meth:`placed` and :meth:`placed_static`.
    """

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.height = self.metrics.height()
        self._ascent = self.metrics.ascent()
        self._texts: dict[str, QStaticText] = {}
        self._widths: dict[str, float] = {}
        self._additive = bool(font.styleStrategy() & QFont.StyleStrategy.PreferNoShaping)
        """Unshaped, a text is as wide as its characters: numbers are measured from them."""
        self._char_widths = _CharWidths(self.metrics)

    def static(self, text: str) -> QStaticText:
        static = self._texts.get(text)
        if static is None:
            if len(self._texts) >= MAX_ENTRIES:
                self._texts.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), self.font)
            self._texts[text] = static
        return static

    def width(self, text: str) -> float:
        """The advance of ``text``, remembered: measuring costs as much as a short draw."""
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) >= MAX_ENTRIES:
                self._widths.clear()
            if self._additive:
                width = sum(map(self._char_widths.__getitem__, text))
            else:
                width = self.metrics.horizontalAdvance(text)
            self._widths[text] = width
        return width

    def select(self, painter: QPainter) -> None:
        painter.setFont(self.font)

    def _top_left(self, text: str, x: float, y: float, anchor: str) -> tuple[float, float]:
        left = x if anchor == "l" else x - self.width(text) / 2
        return left, y if anchor == "t" else y - self.height / 2

    def placed(self, text: str, x: float, y: float, anchor: str = "c") -> tuple[QPointF, str]:
        """(baseline origin, text) for ``painter.drawText``, anchored at (x, y) as in draw()."""
        left, top = self._top_left(text, x, y, anchor)
        return QPointF(left, top + self._ascent), text

    def placed_centred(
        self, texts: list[str], centres: list[tuple[float, float]]
    ) -> list[tuple[QPointF, str]]:
        """:meth:`placed` of each text centred on the matching (x, y) of ``centres``."""
        width = self.width
        down = self._ascent - self.height / 2
        return [
            (QPointF(x - width(text) / 2, y + down), text)
            for text, (x, y) in zip(texts, centres, strict=True)
        ]

    def placed_static(
        self, text: str, x: float, y: float, anchor: str = "c"
    ) -> tuple[QPointF, QStaticText]:
        """(top left, laid-out text) for ``painter.drawStaticText``, anchored as in draw()."""
        return QPointF(*self._top_left(text, x, y, anchor)), self.static(text)

    def draw(
        self,
        painter: QPainter,
        text: str,
        x: float,
        y: float,
        anchor: str = "c",
        keep: bool = False,
    ) -> None:
        """Draw ``text`` with its centre ("c"), left middle ("l") or top centre ("t") at (x, y).

        ``keep`` lays the text out once and keeps it, for a text that will be drawn again.
        The painter's font must be this cache's (see :meth:`select`).
        """
        left, top = self._top_left(text, x, y, anchor)
        if keep or text in self._texts:
            painter.drawStaticText(QPointF(left, top), self.static(text))
        else:
            painter.drawText(QPointF(left, top + self._ascent), text)
