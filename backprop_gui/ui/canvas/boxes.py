"""Rounded boxes (weight labels, bias badges, output panels) pre-rendered as images.

Stroking an antialiased rounded rectangle costs ~30 µs, copying its pixels ~3 µs. A box
depends only on its size on screen and its style, and labels of a few widths recur from
frame to frame, so a few dozen images serve every frame. Widths are rounded up to an even
number of pixels, so a label whose text changes by a digit usually keeps its image.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QTransform

MAX_IMAGES = 300
MAX_LAYOUTS = 4
"""Lists of boxes kept: one per phase (labels and badges recur two phases later)."""


def plain_zoom(transform: QTransform) -> bool:
    """Whether ``transform`` only scales (equally on both axes) and translates."""
    if transform.type().value > QTransform.TransformationType.TxScale.value:
        return False
    return math.isclose(transform.m11(), transform.m22(), rel_tol=1e-6)


class BoxStyle:
    """Outline, fill and corner radius of a box, in device pixels (None: no outline/fill)."""

    __slots__ = ("fill", "key", "pad", "pen", "radius")

    def __init__(self, radius: float, pen: QPen | None, fill: QColor | None) -> None:
        self.radius = radius
        self.pen = pen
        self.fill = fill
        pen_width = 0.0 if pen is None else pen.widthF()
        self.pad = math.ceil(pen_width / 2) + 1
        """Margin around the box in its image, for the half of the outline outside it."""
        self.key = (
            round(radius * 4),
            None if pen is None else (pen.color().rgba(), round(pen_width * 8)),
            None if fill is None else fill.rgba(),
        )


class BoxCache:
    """Images of rounded boxes, drawn centred on device points.

    The images are kept by size and style; the last few lists of boxes are kept as they are
    drawn (image and corner), by a key the caller gives, so repainting the same boxes at the
    same zoom costs one copy per box and nothing more.
    """

    def __init__(self) -> None:
        self._images: dict[tuple, QImage] = {}
        self._layouts: OrderedDict[Hashable, list[tuple[QPointF, QImage]]] = OrderedDict()

    def paint(
        self,
        painter: QPainter,
        key: Hashable,
        boxes: Callable[[], Iterable[tuple[float, float, float, float, BoxStyle]]],
    ) -> None:
        """Draw the boxes that ``boxes()`` gives as (centre x, centre y, width, height, style),
        in device pixels; ``boxes`` is called only if ``key`` is new.

        ``key`` must tell apart everything the boxes depend on, the painter's zoom included.
        """
        ratio = painter.device().devicePixelRatioF()
        full_key = (key, ratio)
        placed = self._layouts.get(full_key)
        if placed is None:
            placed = self._layouts[full_key] = self._place(boxes(), ratio)
            while len(self._layouts) > MAX_LAYOUTS:
                self._layouts.popitem(last=False)
        else:
            self._layouts.move_to_end(full_key)
        painter.save()
        try:
            painter.resetTransform()
            draw = painter.drawImage
            for corner, image in placed:
                draw(corner, image)
        finally:
            painter.restore()

    def _place(
        self, boxes: Iterable[tuple[float, float, float, float, BoxStyle]], ratio: float
    ) -> list[tuple[QPointF, QImage]]:
        images = self._images
        placed = []
        for x, y, w, h, style in boxes:
            width = 2 * math.ceil(w / 2 - 1e-6)
            height = round(h)
            key = (width, height, ratio, style.key)
            image = images.get(key)
            if image is None:
                if len(images) >= MAX_IMAGES:
                    images.clear()
                image = images[key] = _render(width, height, style, ratio)
            pad = style.pad
            corner = QPointF(round(x - width / 2) - pad, round(y - height / 2) - pad)
            placed.append((corner, image))
        return placed


def _render(width: int, height: int, style: BoxStyle, ratio: float) -> QImage:
    pad = style.pad
    image = QImage(
        round((width + 2 * pad) * ratio),
        round((height + 2 * pad) * ratio),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen if style.pen is None else style.pen)
    painter.setBrush(Qt.BrushStyle.NoBrush if style.fill is None else QBrush(style.fill))
    painter.drawRoundedRect(QRectF(pad, pad, width, height), style.radius, style.radius)
    painter.end()
    return image
