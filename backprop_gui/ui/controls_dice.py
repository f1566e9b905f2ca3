"""A seed field with its dice button: a random seed one click away, easy to read aloud.

Both seeds of the panel (initial weights, data) use it; the group that owns one decides what
a new seed changes.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QToolButton, QWidget

from backprop_gui.engine.datasets import MAX_SEED
from backprop_gui.ui.controls_fields import fit_to_texts

DICE_MAX_SEED = 99_999
"""The dice buttons draw seeds up to this: five digits are easy to read aloud and to type back."""


def seed_row(spin: QSpinBox, button: QToolButton) -> QWidget:
    """``spin`` (any seed) beside ``button`` showing a die, as one row of a form."""
    spin.setRange(0, MAX_SEED)
    button.setIcon(_dice_icon(button))
    button.setIconSize(_dice_size(button))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(spin, 1)
    layout.addWidget(button)
    return row


def fit_to_dice_seeds(spin: QSpinBox) -> None:
    """A dice seed has five digits: room for those, not for all ten a typed seed may have."""
    fit_to_texts(spin, [spin.textFromValue(DICE_MAX_SEED)])


def new_seed(old: int) -> int:
    """A random seed different from ``old``, so the dice button always changes something."""
    while True:
        seed = random.randint(0, DICE_MAX_SEED)
        if seed != old:
            return seed


def _dice_size(widget: QWidget) -> QSize:
    side = widget.fontMetrics().height()  # follows the font size, so it grows on a projector
    return QSize(side, side)


def _dice_icon(widget: QWidget) -> QIcon:
    """A die showing five, drawn in the button's text colour: no icon file, any theme."""
    side = _dice_size(widget).width()
    ratio = widget.devicePixelRatioF()
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = widget.palette().color(QPalette.ColorRole.ButtonText)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, max(1.0, side / 12))
        painter.setPen(pen)
        margin = pen.widthF()
        painter.drawRoundedRect(
            QRectF(margin, margin, side - 2 * margin, side - 2 * margin), side / 5, side / 5
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        radius = side * 0.09
        for x, y in ((0.3, 0.3), (0.7, 0.3), (0.5, 0.5), (0.3, 0.7), (0.7, 0.7)):
            painter.drawEllipse(QPointF(x * side, y * side), radius, radius)
    finally:
        painter.end()
    return QIcon(pixmap)
