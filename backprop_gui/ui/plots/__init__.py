"""The live plots: loss (and accuracy) over training, and gradient magnitudes.

Each plot is a widget fed with snapshots (``show_snapshot``); it keeps the history it draws in
growing buffers (:mod:`.history_buffers`), draws it at the resolution of the screen
(:mod:`.decimation`, :mod:`.curve_raster`) and redraws at its own pace (:mod:`.refresh`).
"""

from backprop_gui.ui.plots.gradient_plot import GradientPlot, layer_pair_name, weight_name
from backprop_gui.ui.plots.history_buffers import GrowingSeries, HistoryBuffers
from backprop_gui.ui.plots.loss_plot import LossPlot

__all__ = [
    "GradientPlot",
    "GrowingSeries",
    "HistoryBuffers",
    "LossPlot",
    "layer_pair_name",
    "weight_name",
]
