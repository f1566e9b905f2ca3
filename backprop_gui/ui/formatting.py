"""Numbers and names as the panels print them: in the user's locale, the sign always written.

A French class reads 0,5933, an English one 0.5933: numbers go through the default QLocale,
which the application sets to the interface language (``QLocale.setDefault``). A negative
number always carries a real minus sign, so its sign never depends on its colour alone.
Neurons and layers are numbered from 1 on screen (the engine counts from 0).
"""

from __future__ import annotations

import html
import math
import re

from PySide6.QtCore import QCoreApplication, QLocale

from backprop_gui.ui.style import MUTED_TEXT, NEGATIVE, POSITIVE

MISSING = "—"
"""What a value that does not exist (yet) looks like."""

MINUS = "\u2212"
"""The typographic minus sign: wider than a hyphen, so it is seen from the back of a room."""

DIGITS = 4
"""Significant digits: enough to check a hand calculation, few enough to read aloud."""


def format_number(value: float | None, digits: int = DIGITS, *, signed: bool = False) -> str:
    """``value`` with ``digits`` significant digits in the default locale; "—" for None.

    ``signed`` writes "+" before a positive value (for a change, such as Δw = +0.01).
    """
    if value is None:
        return MISSING
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if value == 0.0:
        return "0"  # never "-0"
    magnitude = "∞" if math.isinf(value) else QLocale().toString(abs(value), "g", digits)
    if value < 0.0:
        return MINUS + magnitude
    return "+" + magnitude if signed else magnitude


def value_color(value: float | None) -> str | None:
    """The canvas colour of ``value``'s sign, or None for zero, NaN and missing values."""
    if value is None or math.isnan(value) or value == 0.0:
        return None
    return POSITIVE if value > 0.0 else NEGATIVE


def number_html(
    value: float | None,
    digits: int = DIGITS,
    *,
    signed: bool = False,
    colored: bool = True,
    operand: bool = False,
) -> str:
    """``value`` as rich text, coloured by its sign unless ``colored`` is False.

    ``operand`` puts a negative value in parentheses, as in 0,5 · (−0,038).
    """
    text = html.escape(format_number(value, digits, signed=signed))
    if operand and value is not None and value < 0.0:
        text = f"({text})"
    color = value_color(value) if colored else None
    if color is None:
        return f"<span style='white-space:nowrap'>{text}</span>"
    return f"<span style='color:{color}; white-space:nowrap'>{text}</span>"


def pending_html(text: str) -> str:
    """``text`` (plain, already translated) in the grey italics of a value still to come."""
    return f"<span style='color:{MUTED_TEXT}; font-style:italic'>{html.escape(text)}</span>"


def _keep_numbers_attached(text: str) -> str:
    """No line break between a word and the number after it ("couche cachée 1")."""
    return re.sub(r" (?=\d)", "\u00a0", text)


def layer_name(layer: int, n_layers: int) -> str:
    """The noun phrase naming ``layer`` (0 = inputs), written to follow "of": "the input layer"."""
    if layer == 0:
        #: fr: la couche d'entrée (noun phrase with its article, it follows "de")
        return QCoreApplication.translate("Formatting", "the input layer")
    if layer == n_layers - 1:
        #: fr: la couche de sortie (noun phrase with its article, it follows "de")
        return QCoreApplication.translate("Formatting", "the output layer")
    #: fr: la couche cachée {number} (noun phrase with its article, it follows "de")
    name = QCoreApplication.translate("Formatting", "hidden layer {number}")
    return _keep_numbers_attached(name.format(number=layer))


def neuron_name(layer: int, index: int, n_layers: int) -> str:
    """ "neuron 2 of hidden layer 1" for engine indices (layer 1, index 1)."""
    #: fr: neurone {number} de {layer}
    name = QCoreApplication.translate("Formatting", "neuron {number} of {layer}")
    return _keep_numbers_attached(name.format(number=index + 1, layer=layer_name(layer, n_layers)))
