"""Column headers and the phase caption, painted in viewport pixels over the scene.

Their size follows the zoom between the widget's font size and a bit less than twice it,
so "Cachée 3" is large above a small network shown big on a projector, and stays readable
above a large network shrunk to fit. The view reserves a margin for them around the scene.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from backprop_gui.ui import style
from backprop_gui.ui.canvas.phase import BACKWARD, FORWARD, PhaseDisplay
from backprop_gui.ui.canvas.text import TextCache

PADDING = 8.0
SCENE_TEXT = 15.0
"""The scene's text size the overlay tries to match, in scene units."""
LARGEST = 1.8
"""The overlay's text is never larger than this many times the widget's font."""
SMALLEST = 0.6
"""A column header too wide for its column is drawn down to this share of its size."""


@dataclass(frozen=True)
class OverlayFonts:
    title: QFont
    subtitle: QFont
    caption: QFont

    @cached_property
    def texts(self) -> dict[str, TextCache]:
        """A text cache per font, dropped with the fonts when the zoom changes."""
        return {
            "title": TextCache(self.title),
            "subtitle": TextCache(self.subtitle),
            "caption": TextCache(self.caption),
        }

    @property
    def header_height(self) -> float:
        """Pixels above the scene for a column title and its activation."""
        return QFontMetricsF(self.title).height() + QFontMetricsF(self.subtitle).height() + PADDING

    def note_height(self, note: str, viewport_width: float) -> float:
        """Pixels under the caption for ``note``, wrapped as :func:`paint_note` wraps it."""
        if not note:
            return 0.0
        room = QRectF(0.0, 0.0, max(viewport_width - 2 * PADDING, 1.0), 1e6)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        return QFontMetricsF(self.subtitle).boundingRect(room, flags, note).height() + PADDING / 2

    def caption_height(self, lines: int = 1) -> float:
        """Pixels below the scene for a phase caption of ``lines`` lines."""
        return lines * QFontMetricsF(self.caption).height() + 2.5 * PADDING


def _sized(base: QFont, pixels: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def overlay_fonts(base: QFont, scale: float) -> OverlayFonts:
    """Fonts for a zoom of ``scale`` screen pixels per scene unit."""
    base_pixels = QFontInfo(base).pixelSize()
    pixels = min(max(SCENE_TEXT * scale, base_pixels), base_pixels * LARGEST)
    return OverlayFonts(
        title=_sized(base, pixels * 1.1, bold=True),
        subtitle=_sized(base, pixels * 0.9),
        caption=_sized(base, pixels),
    )


def fitted(cache: TextCache, text: str, width: float) -> tuple[str, float]:
    """(text, scale) to draw ``text`` within ``width``: whole at full size if it fits, else
    whole and smaller (down to SMALLEST), else elided at SMALLEST."""
    natural = cache.width(text)
    if natural <= width:
        return text, 1.0
    ratio = max(width / natural, SMALLEST)
    if ratio * natural > width:
        text = cache.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width / ratio)
    return text, ratio


def _draw_fitting(
    painter: QPainter, cache: TextCache, text: str, x: float, top: float, width: float
) -> None:
    """``text`` centred on ``x`` below ``top``, within ``width``: drawn smaller if it does not
    fit (down to SMALLEST), elided only past that. "Hidden 3" would else lose its number,
    the one part that tells the columns of a deep network apart."""
    text, ratio = fitted(cache, text, width)
    cache.select(painter)
    if ratio == 1.0:
        cache.draw(painter, text, x, top, anchor="t", keep=True)
        return
    painter.save()
    try:
        painter.translate(QPointF(x, top))
        painter.scale(ratio, ratio)
        cache.draw(painter, text, 0.0, 0.0, anchor="t", keep=True)
    finally:
        painter.restore()


def paint_headers(
    painter: QPainter,
    fonts: OverlayFonts,
    columns: Sequence[float],
    bottom: float,
    titles: Sequence[str],
    subtitles: Sequence[str],
    width: float,
) -> None:
    """A bold title over a muted subtitle, centred over each column abscissa, above ``bottom``."""
    title_height = QFontMetricsF(fonts.title).height()
    top = bottom - title_height - QFontMetricsF(fonts.subtitle).height()
    text, muted = style.qcolor(style.TEXT), style.qcolor(style.MUTED_TEXT)
    for x, title, subtitle in zip(columns, titles, subtitles, strict=True):
        painter.setPen(text)
        _draw_fitting(painter, fonts.texts["title"], title, x, top, width)
        if subtitle:
            painter.setPen(muted)
            _draw_fitting(painter, fonts.texts["subtitle"], subtitle, x, top + title_height, width)


def caption_room(viewport_width: float) -> float:
    """The widest caption line in a viewport this wide: the pill keeps margins and padding."""
    return viewport_width - 6 * PADDING


def caption_lines(cache: TextCache, caption: str, name: str, room: float) -> tuple[str, ...]:
    """``caption`` on one line or two, or else the phase's ``name`` alone, within ``room``.

    The caption is the sentence a class reads: it is never cut short. Only a name wider
    than two lines of the whole canvas is elided.
    """
    if not caption:
        return ()
    for text in (caption, name):
        if cache.width(text) <= room:
            return (text,)
        wrapped = _two_lines(cache, text, room)
        if wrapped:
            return wrapped
    return (cache.metrics.elidedText(name, Qt.TextElideMode.ElideRight, room),)


def _is_symbol(word: str) -> bool:
    return len(word) == 1 and not word.isalnum()


def _two_lines(cache: TextCache, caption: str, room: float) -> tuple[str, ...]:
    """The two lines of ``caption`` that fit in ``room``, or () if none do.

    A line breaks after a colon if both halves fit, otherwise where the lines are the most
    even; never next to a symbol ("1 · Forward", "a = f(z)" stay whole; ":" ends a line,
    as "arrière :" in French, but starts none).
    """
    words = caption.split(" ")
    fitting = []
    for k in range(1, len(words)):
        before, after = words[k - 1], words[k]
        if _is_symbol(after) or (_is_symbol(before) and before not in ":;,"):
            continue
        lines = (" ".join(words[:k]), " ".join(words[k:]))
        widest = max(cache.width(lines[0]), cache.width(lines[1]))
        if widest <= room:
            fitting.append((not before.endswith(":"), widest, lines))
    return min(fitting)[2] if fitting else ()


def paint_caption(
    painter: QPainter,
    fonts: OverlayFonts,
    viewport: QRectF,
    top: float,
    display: PhaseDisplay,
    lines: Sequence[str],
    span: tuple[float, float],
) -> None:
    """The phase caption (see :func:`caption_lines`) below ``top``, on an arrow over ``span``
    (pixels) in the phase's direction."""
    if display.phase is None or not lines:
        return
    color = style.PHASE_COLORS[display.phase.value]
    cache = fonts.texts["caption"]
    line_height = cache.height
    height = len(lines) * line_height + PADDING
    y = min(top + PADDING + height / 2, viewport.bottom() - height / 2 - 1)
    if display.direction in (FORWARD, BACKWARD):
        _paint_arrow(painter, span, y, display.direction, color)
    widest = max(cache.width(line) for line in lines)
    width = min(widest + 4 * PADDING, viewport.width() - 2 * PADDING)
    centre = (span[0] + span[1]) / 2
    centre = min(
        max(centre, viewport.left() + width / 2 + PADDING), viewport.right() - width / 2 - PADDING
    )
    pill = QRectF(centre - width / 2, y - height / 2, width, height)
    path = QPainterPath()
    path.addRoundedRect(pill, height / 2, height / 2)
    painter.setPen(QPen(style.qcolor(color), 2.0))
    # Opaque colours throughout the canvas: translucent fills paint many times slower.
    painter.setBrush(QBrush(style.blend(color, style.BACKGROUND, 0.22)))
    painter.drawPath(path)
    painter.setPen(style.qcolor(style.TEXT))
    cache.select(painter)
    first = pill.center().y() - (len(lines) - 1) * line_height / 2
    for index, line in enumerate(lines):
        cache.draw(painter, line, pill.center().x(), first + index * line_height, keep=True)


def _paint_arrow(
    painter: QPainter, span: tuple[float, float], y: float, direction: int, color: str
) -> None:
    start, end = span if direction == FORWARD else (span[1], span[0])
    painter.setPen(QPen(style.qcolor(color), 3.0))
    painter.drawLine(QPointF(start, y), QPointF(end, y))
    head = 14.0 if direction == FORWARD else -14.0
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(style.qcolor(color)))
    painter.drawPolygon(
        QPolygonF(
            [QPointF(end + head * 0.4, y), QPointF(end - head, y - 9), QPointF(end - head, y + 9)]
        )
    )


def paint_note(painter: QPainter, fonts: OverlayFonts, viewport: QRectF, note: str) -> None:
    """A muted remark in the bottom-left corner, under the caption, wrapped to the viewport's
    width (the view leaves room: see :meth:`OverlayFonts.note_height`)."""
    painter.setFont(fonts.subtitle)
    painter.setPen(style.qcolor(style.MUTED_TEXT))
    box = viewport.adjusted(PADDING, PADDING, -PADDING, -PADDING / 2)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
    painter.drawText(box, flags, note)
