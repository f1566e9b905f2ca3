"""How the gradient curves fit the screen: how many points they get, and the y range shown.

Shared by the per-weight and the per-layer curves, which frame their values the same way.
"""

from __future__ import annotations

import math

import numpy as np

from backprop_gui.ui.plots.plot_style import RangeFollower, finite_bounds, positive_bounds

THICK_PIXELS_PER_POINT = 2
"""The thick curves (layer norms, the selected weight) get a point every other pixel: a pen
2.5 pixels wide shows the trend, not one pixel's detail, and strokes half the segments."""


def frame_y(
    follower: RangeFollower,
    log: bool,
    view: np.ndarray | None = None,
    data: tuple[np.ndarray | None, ...] = (),
) -> None:
    """Frame the values drawn: ``view`` in view coordinates (exponents on a log scale),
    ``data`` in data units (the bounds are found first, then only they take the log)."""
    arrays = [a for a in data if a is not None]
    bounds = [finite_bounds(view)] if view is not None else []
    if log:
        low, high = positive_bounds(*arrays)
        if low is not None and high is not None:
            bounds.append((math.log10(low), math.log10(high)))
    else:
        bounds.append(finite_bounds(*arrays))
    lows = [low for low, _ in bounds if low is not None]
    highs = [high for _, high in bounds if high is not None]
    if lows and highs:
        follower.follow_y(min(lows), max(highs), log=log)
