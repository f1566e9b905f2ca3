"""Colours shared by every panel, so a sign or a phase looks the same on the canvas and the plots.

Hues come from the Okabe-Ito palette, which colour-blind students can tell apart; the two
signs are its blue and its vermillion. Colours are hex strings (cheap, immutable, usable in
style sheets and pyqtgraph); :func:`qcolor` makes a QColor at the moment one is needed.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

POSITIVE = "#0072B2"
"""A positive weight, gradient or value (Okabe-Ito blue)."""

NEGATIVE = "#D55E00"
"""A negative weight, gradient or value (Okabe-Ito vermillion)."""

NEUTRAL = "#9A9A9A"
"""An edge whose value is not known yet."""

BACKGROUND = "#FFFFFF"
TEXT = "#1A1A1A"
MUTED_TEXT = "#555555"
OUTLINE = "#3C3C3C"
"""The outline of a neuron, and the text that sits on a light fill."""

SELECTION = "#000000"
"""What the user clicked: a black outline reads on both sign colours."""

FLASH = "#F0E442"
"""The glow that points at a part of the screen (glossary), Okabe-Ito yellow."""

PHASE_COLORS = {
    "forward": "#009E73",
    "loss": "#CC79A7",
    "backward": "#E69F00",
    "update": "#56B4E9",
}
"""One hue per phase (keys are ``Phase.value``), for bands, captions and plot markers."""

SEQUENTIAL_LIGHT = "#F4F4F4"
SEQUENTIAL_DARK = "#2E2E2E"
"""Ends of the grey scale that fills a neuron whose activation lies in [0, 1]."""

DIVERGING_MIDDLE = "#F4F4F4"
"""Zero on the diverging scale (tanh, linear, inputs): vermillion below, blue above."""


def qcolor(hex_color: str, alpha: float = 1.0) -> QColor:
    """A new QColor for ``hex_color`` with opacity ``alpha`` in [0, 1]."""
    color = QColor(hex_color)
    color.setAlphaF(alpha)
    return color


def blend(hex_color: str, background: str, amount: float) -> QColor:
    """``hex_color`` laid with opacity ``amount`` on ``background``, as an opaque QColor."""
    top, bottom = QColor(hex_color), QColor(background)
    return QColor.fromRgbF(
        *(
            amount * t + (1.0 - amount) * b
            for t, b in zip(top.getRgbF()[:3], bottom.getRgbF()[:3], strict=True)
        )
    )


def sign_color(value: float) -> str:
    """The hex colour of the sign of ``value`` (zero counts as positive)."""
    return NEGATIVE if value < 0 else POSITIVE


def _rgb(hex_color: str) -> np.ndarray:
    color = QColor(hex_color)
    return np.array([color.red(), color.green(), color.blue()], dtype=np.float64)


def sequential_ramp(steps: int) -> np.ndarray:
    """``steps`` RGB rows (uint8) from light (value 0) to dark (value 1)."""
    t = np.linspace(0.0, 1.0, steps)[:, None]
    light, dark = _rgb(SEQUENTIAL_LIGHT), _rgb(SEQUENTIAL_DARK)
    return np.rint(light + t * (dark - light)).astype(np.uint8)


def diverging_ramp(steps: int) -> np.ndarray:
    """``steps`` RGB rows (uint8) from vermillion (value -1) through light grey to blue (+1)."""
    t = np.linspace(-1.0, 1.0, steps)[:, None]
    middle = _rgb(DIVERGING_MIDDLE)
    end = np.where(t < 0, _rgb(NEGATIVE), _rgb(POSITIVE))
    return np.rint(middle + np.abs(t) * (end - middle)).astype(np.uint8)


def relative_luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of uint8 RGB rows, to pick black or white text on a fill."""
    channel = rgb.astype(np.float64) / 255.0
    linear = np.where(channel <= 0.03928, channel / 12.92, ((channel + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])
