"""The fields of the controls and their widths: every number, choice and label shown whole.

Widths come from font metrics in the current language and font, so nothing is cut on a
projector nor in French, which is longer than English.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QWidget,
)

LINE_EDIT_MARGIN = 2
"""Pixels a QLineEdit keeps free each side of its text (Qt's QLineEditPrivate::horizontalMargin).
QAbstractSpinBox's size hints forget them, so a text that just fits them loses its first letter."""


class CompactDoubleSpinBox(QDoubleSpinBox):
    """A spin box that writes 0.5, not 0.5000: trailing zeros only add noise on a projector."""

    def textFromValue(self, value: float) -> str:
        locale = self.locale()
        text = locale.toString(float(value), "f", self.decimals())
        point = locale.decimalPoint()
        if point in text:
            text = text.rstrip("0").removesuffix(point)
        return text


def form_layout(group: QGroupBox) -> QFormLayout:
    """The form of a group: labels in one column, fields growing to the panel's width."""
    form = QFormLayout(group)
    # Narrower than its size hint, the panel puts every label above its field (resizeEvent).
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def set_tips(label: QLabel, field: QWidget, text: str) -> None:
    """Give a label and its field the same tooltip: pointing at either explains the setting."""
    label.setToolTip(text)
    field.setToolTip(text)


def elide_middle(text: str, width: int = 18) -> str:
    """``text`` cut in its middle to ``width`` characters: a file name keeps its start and end."""
    if len(text) <= width:
        return text
    head = (width - 1) // 2
    return text[:head] + "…" + text[len(text) - (width - 1 - head) :]


def minimum_width(widget: QWidget) -> int:
    """The width a layout may shrink ``widget`` to: its own minimum if set, else its hint."""
    return widget.minimumWidth() or widget.minimumSizeHint().width()


def fit_to_items(combo: QComboBox) -> None:
    """Never narrower than its longest choice: "L1 (valeurs absolues)" must not be cut."""
    combo.setMinimumWidth(combo.sizeHint().width())


def range_texts(spin: QSpinBox | QDoubleSpinBox) -> list[str]:
    """What ``spin`` may show: its smallest and widest values, and its special-value text."""
    values = [spin.minimum(), spin.maximum()]
    if isinstance(spin, QDoubleSpinBox):  # every decimal in use: 0,99 is wider than 0 and 1
        values.append(spin.maximum() - 10.0 ** -spin.decimals())
    texts = [spin.prefix() + spin.textFromValue(value) + spin.suffix() for value in values]
    if spin.specialValueText():
        texts.append(spin.specialValueText())
    return texts


def fit_to_texts(spin: QAbstractSpinBox, texts: Iterable[str]) -> None:
    """Give ``spin`` the minimum width that shows each of ``texts`` whole, from font metrics."""
    style = spin.style()
    text_width = (
        max(spin.fontMetrics().horizontalAdvance(text) for text in texts)
        + 2 * LINE_EDIT_MARGIN
        + style.pixelMetric(QStyle.PixelMetric.PM_TextCursorWidth, None, spin)
    )
    # The spin box gives its line edit the style's edit field: the rest is frame and arrows.
    option = QStyleOptionSpinBox()
    option.initFrom(spin)
    option.rect = QRect(QPoint(0, 0), spin.sizeHint())
    option.buttonSymbols = spin.buttonSymbols()
    option.frame = spin.hasFrame()
    option.subControls = (
        QStyle.SubControl.SC_SpinBoxFrame
        | QStyle.SubControl.SC_SpinBoxEditField
        | QStyle.SubControl.SC_SpinBoxUp
        | QStyle.SubControl.SC_SpinBoxDown
    )
    field = style.subControlRect(
        QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxEditField, spin
    )
    spin.setMinimumWidth(text_width + option.rect.width() - field.width())
