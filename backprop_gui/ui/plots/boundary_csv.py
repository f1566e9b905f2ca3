"""The decision-boundary plot's grid as a CSV table: one row per grid point."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from backprop_gui.engine.boundary import BoundaryGrid
from backprop_gui.ui.plots.export import save_csv


def save_grid_csv(path: str | Path, grid: BoundaryGrid | None) -> None:
    """One row per grid point: x, y (2 inputs) and each network output; a header only if None."""
    n_outputs = 0 if grid is None else grid.outputs.shape[2]
    two_d = grid is not None and grid.ys.shape[0] > 1
    header = ["x", *(["y"] if two_d or grid is None else [])]
    header += [f"output_{k + 1}" for k in range(n_outputs)]
    if grid is None:
        save_csv(path, header, np.zeros(0), np.zeros((0, len(header) - 1)))
        return
    grid_x, grid_y = np.meshgrid(grid.xs, grid.ys)
    outputs = grid.outputs.reshape(-1, n_outputs)
    columns = [grid_y.reshape(-1, 1)] if two_d else []
    save_csv(path, header, grid_x.ravel(), np.hstack([*columns, outputs]))
