"""One weight or neuron chosen everywhere: the canvas, the inspector and the gradient plot.

Choosing on the canvas or in the gradient plot shows the same weight in the other and in
the inspector; the hidden neuron under the pointer shows its own map in the boundary plot.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot

from backprop_gui.ui.canvas import NetworkView
from backprop_gui.ui.inspector import InspectorPanel
from backprop_gui.ui.plots.boundary_plot import BoundaryPlot
from backprop_gui.ui.plots.gradient_plot import GradientPlot


class SelectionSync(QObject):
    """Connects the panels that show a selection; ``layer_count`` is the network's, inputs too."""

    def __init__(
        self,
        canvas: NetworkView,
        inspector: InspectorPanel,
        gradient_plot: GradientPlot,
        boundary_plot: BoundaryPlot,
        layer_count: Callable[[], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._inspector = inspector
        self._boundary_plot = boundary_plot
        self._layer_count = layer_count
        canvas.edge_selected.connect(inspector.show_edge)
        canvas.edge_selected.connect(gradient_plot.select_weight)
        canvas.selection_cleared.connect(gradient_plot.clear_selection)
        canvas.selection_cleared.connect(inspector.clear)
        canvas.neuron_selected.connect(inspector.show_neuron)
        gradient_plot.weight_selected.connect(self._on_plot_weight_selected)
        canvas.neuron_hovered.connect(self._on_neuron_hovered)

    @Slot(int, int, int)
    def _on_plot_weight_selected(self, layer: int, j: int, i: int) -> None:
        self._canvas.select_edge(layer, j, i)
        self._inspector.show_edge(layer, j, i)

    @Slot(int, int)
    def _on_neuron_hovered(self, layer: int, index: int) -> None:
        """A hidden neuron under the pointer: the boundary plot shows that neuron's own map."""
        if 0 < layer < self._layer_count() - 1:
            self._boundary_plot.show_neuron(layer, index)
        else:
            self._boundary_plot.show_output()
