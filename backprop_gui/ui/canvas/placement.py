"""Where each weight label goes along its edge, so that labels neither overlap nor hide neurons.

A greedy pass: each label takes the first free spot among fractions of its edge, starting at
a third from the source (edges converge at the centre, so labels there collide). The boxes
have one fixed size per kind of label, so the spots do not jump while numbers change.
"""

from __future__ import annotations

import numpy as np

from backprop_gui.ui.canvas.geometry import NetworkGeometry

FRACTIONS = np.array([1 / 3, 0.28, 0.39, 0.24, 0.45, 0.2, 0.5, 0.56, 0.62, 0.68, 0.74, 0.8])
"""Candidate spots along an edge, from its source, best first."""


def _overlap(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Total area each of ``boxes`` (C, 4: x0 y0 x1 y1) shares with ``others`` (K, 4)."""
    if others.shape[0] == 0:
        return np.zeros(boxes.shape[0])
    width = np.minimum(boxes[:, None, 2], others[None, :, 2]) - np.maximum(
        boxes[:, None, 0], others[None, :, 0]
    )
    height = np.minimum(boxes[:, None, 3], others[None, :, 3]) - np.maximum(
        boxes[:, None, 1], others[None, :, 1]
    )
    return (np.clip(width, 0, None) * np.clip(height, 0, None)).sum(axis=1)


MAX_COVERED = 0.15
"""A label whose best spot still has this fraction of its box covered is left out."""


def place_edge_labels(
    geometry: NetworkGeometry,
    half_width: float,
    half_height: float,
    obstacles: np.ndarray,
) -> np.ndarray:
    """(E, 2) centres of the edge labels, each a ``2 half_width × 2 half_height`` box.

    ``obstacles`` (K, 4) are boxes no label should cover (neurons, bias badges). A label
    that finds no spot where it stays readable gets NaN: its value stays in the tooltip.
    """
    area = 4 * half_width * half_height
    half = np.array([half_width, half_height])
    placed = np.empty((0, 4))
    blocked = np.asarray(obstacles, dtype=np.float64).reshape(-1, 4)
    centres = np.empty((geometry.n_edges, 2))
    for edge in range(geometry.n_edges):
        start, end = geometry.edge_start[edge], geometry.edge_end[edge]
        spots = start + FRACTIONS[:, None] * (end - start)
        boxes = np.hstack([spots - half, spots + half])
        cost = _overlap(boxes, blocked) + _overlap(boxes, placed)
        # argmin returns the first of equal costs: the best-ranked free spot.
        best = int(np.argmin(cost))
        if cost[best] > MAX_COVERED * area:
            centres[edge] = np.nan
            continue
        centres[edge] = spots[best]
        placed = np.vstack([placed, boxes[best]])
    return centres
