"""What the canvas calls layers, neurons and activations, translated when asked.

Neurons are named as on a blackboard: x₁ for inputs, h₁ for hidden neurons (h₂⁽¹⁾ once there
are several hidden layers), ŷ₁ for outputs. Translations are looked up at call time, so a
language switch shows on the next repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUPERSCRIPTS = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def subscript(number: int) -> str:
    return str(number).translate(_SUBSCRIPTS)


def superscript(text: str) -> str:
    return text.translate(_SUPERSCRIPTS)


def neuron_name(layer: int, index: int, n_layers: int) -> str:
    """x₁, h₁ (h₁⁽²⁾ with several hidden layers) or ŷ₁; indices count from 1 like on paper."""
    if layer == 0:
        return "x" + subscript(index + 1)
    if layer == n_layers - 1:
        return "ŷ" + subscript(index + 1)
    name = "h" + subscript(index + 1)
    if n_layers > 3:
        name += superscript(f"({layer})")
    return name


def layer_title(layer: int, n_layers: int) -> str:
    """The title of a column ("Input", "Hidden 2", "Output") in the current language."""
    if layer == 0:
        return QCoreApplication.translate("NetworkView", "Input")
    if layer == n_layers - 1:
        return QCoreApplication.translate("NetworkView", "Output")
    return QCoreApplication.translate("NetworkView", "Hidden {n}").format(n=layer)


def activation_label(name: str) -> str:
    """A short activation name that fits under a column header."""
    labels = {
        "sigmoid": QCoreApplication.translate("NetworkView", "sigmoid"),
        "tanh": "tanh",
        "relu": "ReLU",
        "linear": QCoreApplication.translate("NetworkView", "linear"),
        "softmax": "softmax",
    }
    return labels.get(name, name)
