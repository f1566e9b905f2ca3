"""The colour scale of gradient magnitudes: how |∂E/∂w| maps to the heat maps' colours.

It is kept steady from one picture to the next, so that a gradient falling shows as colours
darkening instead of the scale following it.
"""

from __future__ import annotations

import math

import numpy as np

from backprop_gui.ui.plots.plot_style import stepped_bound

COLORMAP = "viridis"
"""Heat-map colours: perceptually even and readable with any colour vision."""

HEAT_DECADES = 4.0
"""On the log colour scale, gradients more than 10⁴ times below the top are all darkest."""

HEAT_STEP = 0.5
"""The top of the log colour scale is the largest gradient rounded up to half a decade, so
the scale (and the colour bar's ticks) moves only when the gradients change that much."""

HEAT_KEEP = 1.0
"""Decades the largest gradient may fall below the top of the colour scale before the scale
follows it down (see color_scale)."""


def color_scale(
    largest: float, log_scale: bool, current: tuple[float, float] | None = None
) -> tuple[float, float]:
    """The colour scale of the heat maps for this largest |∂E/∂w|: (low, high), as exponents
    on a log scale.

    The top is rounded up (see :data:`HEAT_STEP`), and the ``current`` scale is kept while the
    largest gradient stays in its top decade (its top quarter on a linear scale): colours
    then compare from one picture to the next, and a gradient falling shows as colours
    darkening, instead of the scale following it.
    """
    finite = largest > 0 and math.isfinite(largest)
    if log_scale:
        if not finite:
            return current or (-HEAT_DECADES, 0.0)
        top = math.log10(largest)
        if current is not None and current[1] - HEAT_KEEP < top <= current[1]:
            return current
        high = math.ceil(top / HEAT_STEP - 1e-9) * HEAT_STEP
        return high - HEAT_DECADES, high
    if not finite:
        return current or (0.0, 1.0)
    if current is not None and current[1] / 4.0 < largest <= current[1]:
        return current
    return 0.0, stepped_bound(largest)


def heat_indices(
    magnitudes: np.ndarray, levels: tuple[float, float], log_scale: bool
) -> np.ndarray:
    """|∂E/∂w| as indices 0 to 255 into the colour map, clipped to ``levels``."""
    low, high = levels
    with np.errstate(divide="ignore", invalid="ignore"):
        shown = np.log10(magnitudes) if log_scale else magnitudes
        position = (np.nan_to_num(shown, nan=low, neginf=low) - low) / (high - low)
    return np.rint(np.clip(position, 0.0, 1.0) * 255.0).astype(np.uint8)
