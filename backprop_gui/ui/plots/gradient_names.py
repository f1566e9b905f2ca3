"""How the gradient plot names a weight and a layer pair, as on paper (layers counted from 1).

The texts keep the ``GradientPlot`` translation context: they are that plot's words, also
shown in its tooltips and legend.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from backprop_gui.ui.canvas.names import subscript


def weight_name(layer: int, j: int, i: int) -> str:
    """ "w₂₁ (couche 1→2)": the weight to neuron j from neuron i, counted from 1 as on paper.

    ``layer`` is the engine's index of ``weights[layer]``; layers are numbered from 1 (the
    inputs) like in the legend. With a neuron number above 9 the indices get a comma.
    """
    indices = [subscript(j + 1), subscript(i + 1)]
    weight = "w" + ("," if j >= 9 or i >= 9 else "").join(indices)
    #: fr: {weight} (couche {source}→{target})
    return QCoreApplication.translate("GradientPlot", "{weight} (layer {source}→{target})").format(
        weight=weight, source=layer + 1, target=layer + 2
    )


def layer_pair_name(layer: int) -> str:
    """ "couche 1→2": the weights of ``weights[layer]``, between layers counted from 1."""
    #: fr: couche {source}→{target}
    return QCoreApplication.translate("GradientPlot", "layer {source}→{target}").format(
        source=layer + 1, target=layer + 2
    )
