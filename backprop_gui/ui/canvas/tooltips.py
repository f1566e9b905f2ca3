"""Rich-text tooltips with every number known about an edge or a neuron."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
from PySide6.QtCore import QCoreApplication

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.ui.canvas.formatting import format_number
from backprop_gui.ui.canvas.names import activation_label, layer_title, neuron_name


def _table(rows: Sequence[tuple[str, float | None]]) -> str:
    cells = "".join(
        f"<tr><td>{escape(label)}</td><td align='right'>&nbsp;<b>{format_number(value, 6)}"
        "</b></td></tr>"
        for label, value in rows
        if value is not None
    )
    return f"<table cellspacing='0'>{cells}</table>" if cells else ""


def _item(arrays: Sequence[np.ndarray | None] | None, layer: int, *index: int) -> float | None:
    if arrays is None or layer >= len(arrays) or arrays[layer] is None:
        return None
    return float(arrays[layer][index])


def _named(layer: int, index: int, n_layers: int, names: Sequence[str] | None) -> str:
    name = neuron_name(layer, index, n_layers)
    if names is not None and index < len(names) and names[index]:
        name += f" ({names[index]})"
    return escape(name)


def edge_tooltip(
    snapshot: TrainerSnapshot | None,
    key: tuple[int, int, int],
    n_layers: int,
    input_names: Sequence[str] | None = None,
    output_names: Sequence[str] | None = None,
) -> str:
    """The weight ``weights[layer][j, i]``: its value, gradients and last change."""
    layer, j, i = key
    source = _named(layer, i, n_layers, input_names if layer == 0 else None)
    target = _named(layer + 1, j, n_layers, output_names if layer + 2 == n_layers else None)
    title = escape(
        QCoreApplication.translate("NetworkView", "Weight from {source} to {target}")
    ).format(source=source, target=target)
    rows: list[tuple[str, float | None]] = []
    if snapshot is not None:
        rows = [
            (
                QCoreApplication.translate("NetworkView", "weight w"),
                _item(snapshot.weights, layer, j, i),
            ),
            (
                QCoreApplication.translate("NetworkView", "∂E/∂w (batch mean)"),
                _item(snapshot.grad_weights, layer, j, i),
            ),
            (
                QCoreApplication.translate("NetworkView", "∂E/∂w (this sample)"),
                _item(snapshot.sample_grad_weights, layer, j, i),
            ),
            (
                QCoreApplication.translate("NetworkView", "before the update"),
                _item(snapshot.weights_before, layer, j, i),
            ),
            (
                QCoreApplication.translate("NetworkView", "change Δw"),
                _item(snapshot.weight_updates, layer, j, i),
            ),
        ]
    hint = escape(QCoreApplication.translate("NetworkView", "Double-click to type a new value."))
    return f"<p><b>{title}</b></p>{_table(rows)}<p><i>{hint}</i></p>"


def neuron_tooltip(
    snapshot: TrainerSnapshot | None,
    key: tuple[int, int],
    activations: Sequence[str],
    input_names: Sequence[str] | None = None,
    output_names: Sequence[str] | None = None,
) -> str:
    """Neuron (layer, index): z, a, δ, its bias and, for an output, target and error."""
    layer, index = key
    n_layers = len(activations) + 1
    names = input_names if layer == 0 else output_names if layer == n_layers - 1 else None
    title = f"{_named(layer, index, n_layers, names)} — {escape(layer_title(layer, n_layers))}"
    if layer > 0:
        title += f", {escape(activation_label(activations[layer - 1]))}"
    rows: list[tuple[str, float | None]] = []
    if snapshot is not None:
        output = layer == n_layers - 1
        rows = [
            (
                QCoreApplication.translate("NetworkView", "input z"),
                _item(snapshot.sample_z, layer, index),
            ),
            (
                QCoreApplication.translate("NetworkView", "activation a"),
                _item(snapshot.sample_a, layer, index),
            ),
            (
                QCoreApplication.translate("NetworkView", "target t"),
                _item((snapshot.sample_target,), 0, index) if output else None,
            ),
            (
                QCoreApplication.translate("NetworkView", "error E"),
                _item((snapshot.sample_output_losses,), 0, index) if output else None,
            ),
            (
                QCoreApplication.translate("NetworkView", "δ = ∂E/∂z"),
                _item(snapshot.sample_delta, layer, index),
            ),
        ]
        if layer > 0:
            rows += [
                (
                    QCoreApplication.translate("NetworkView", "bias b"),
                    _item(snapshot.biases, layer - 1, index),
                ),
                (
                    QCoreApplication.translate("NetworkView", "∂E/∂b (batch mean)"),
                    _item(snapshot.grad_biases, layer - 1, index),
                ),
                (
                    QCoreApplication.translate("NetworkView", "bias before the update"),
                    _item(snapshot.biases_before, layer - 1, index),
                ),
                (
                    QCoreApplication.translate("NetworkView", "change Δb"),
                    _item(snapshot.bias_updates, layer - 1, index),
                ),
            ]
    text = f"<p><b>{title}</b></p>{_table(rows)}"
    if snapshot is not None and snapshot.sample_index is not None and rows:
        sample = escape(
            QCoreApplication.translate(
                "NetworkView", "Values of sample {sample}; ∂E/∂… are batch means."
            )
        )
        text += f"<p><i>{sample.format(sample=snapshot.sample_index + 1)}</i></p>"
    return text
