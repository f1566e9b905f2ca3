"""The colours of the decision-boundary plot: class hues, the heat map's ramp, its range.

Class 0 and class 1 take the sign hues (vermillion and blue) so a binary map reads like the
network's output; the heat map is that ramp lightened over white, so the points stand out.
"""

from __future__ import annotations

import functools

import numpy as np

from backprop_gui.engine.boundary import BoundaryGrid
from backprop_gui.engine.datasets import Dataset
from backprop_gui.ui.style import BACKGROUND, NEGATIVE, POSITIVE, blend, diverging_ramp

CLASS_COLORS = (
    NEGATIVE,
    POSITIVE,
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)
"""Okabe-Ito: class 0 vermillion and class 1 blue (as negative and positive), then the rest."""

HEAT_STRENGTH = 0.6
"""Opacity of the heat map's colours over white: light enough for the points to stand out."""

CLASS_TINT = 0.35
"""Opacity of a class colour in the region the network gives to that class (several classes)."""

LUT_STEPS = 256


def class_color(label: int) -> str:
    """The colour of class ``label`` (colours repeat past the palette's eight)."""
    return CLASS_COLORS[label % len(CLASS_COLORS)]


@functools.cache
def heat_lut() -> np.ndarray:
    """The diverging vermillion-grey-blue ramp, lightened over white (made once)."""
    ramp = diverging_ramp(LUT_STEPS)
    white = np.full(3, 255.0)
    lut = np.rint(white + HEAT_STRENGTH * (ramp - white)).astype(np.uint8)
    lut.setflags(write=False)  # shared by every map
    return lut


def class_tints(count: int) -> np.ndarray:
    """(count, 3) uint8 light tints of the class colours, for the predicted-class map."""
    rows = []
    for label in range(count):
        color = blend(class_color(label), BACKGROUND, CLASS_TINT)
        rows.append((color.red(), color.green(), color.blue()))
    return np.array(rows, dtype=np.uint8).reshape(count, 3)


def map_levels(values: np.ndarray) -> tuple[float, float]:
    """Colour range of a map: [0, 1] (sigmoid), [-1, 1] (tanh) or symmetric around 0."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.0, 1.0
    low, high = float(finite.min()), float(finite.max())
    if low >= 0.0 and high <= 1.0:
        return 0.0, 1.0
    if low >= -1.0 and high <= 1.0:
        return -1.0, 1.0
    extent = max(abs(low), abs(high))
    return -extent, extent


def regression_levels(train: Dataset, grid: BoundaryGrid | None) -> tuple[float, float]:
    """One colour scale for the targets and the output map of a 2-input regression."""
    values = [train.Y[:, 0]]
    if grid is not None:
        values.append(grid.outputs[..., 0].ravel())
    return map_levels(np.concatenate(values))
