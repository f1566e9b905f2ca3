"""What each phase of an iteration lights up on the canvas and which numbers it shows.

The forward pass lights every layer, left to right, with each neuron's z and a; the error
lights the outputs with target, output and error; the backward pass lights the layers that
have a δ, right to left, and the edges show ∂E/∂w; the update lights the edges, which show
their old and new weights. Values come from the snapshot; nothing is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QCoreApplication

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.engine.trainer import Phase
from backprop_gui.ui.canvas.formatting import format_changes, format_numbers

FORWARD, BACKWARD, NONE = 1, -1, 0
"""Directions of the phase arrow."""


@dataclass(frozen=True)
class PhaseDisplay:
    """The static highlight of a phase."""

    phase: Phase | None
    lit_layers: tuple[int, ...]
    """Columns drawn on a tinted band."""
    lit_edges: bool
    """Whether the spaces between columns (the edges) are tinted instead."""
    direction: int
    """FORWARD (left to right), BACKWARD or NONE."""


def phase_display(phase: Phase | None, n_layers: int) -> PhaseDisplay:
    """The highlight of ``phase`` on a network of ``n_layers`` layers."""
    every = tuple(range(n_layers))
    if phase is Phase.FORWARD:
        return PhaseDisplay(phase, every, False, FORWARD)
    if phase is Phase.LOSS:
        return PhaseDisplay(phase, (n_layers - 1,), False, NONE)
    if phase is Phase.BACKWARD:
        return PhaseDisplay(phase, every[1:], False, BACKWARD)
    if phase is Phase.UPDATE:
        return PhaseDisplay(phase, (), True, NONE)
    return PhaseDisplay(None, (), False, NONE)


def phase_caption(phase: Phase | None) -> str:
    """The numbered name of ``phase`` and what its numbers are, in the current language."""
    if phase is Phase.FORWARD:
        return QCoreApplication.translate(
            "NetworkView", "1 · Forward pass: each neuron computes z, then a = f(z)"
        )
    if phase is Phase.LOSS:
        return QCoreApplication.translate(
            "NetworkView", "2 · Error: each output o is compared with its target t"
        )
    if phase is Phase.BACKWARD:
        return QCoreApplication.translate(
            "NetworkView", "3 · Backward pass: the δ of each neuron, ∂E/∂w on the edges"
        )
    if phase is Phase.UPDATE:
        return QCoreApplication.translate("NetworkView", "4 · Weight update: w ← w − η · ∂E/∂w")
    return ""


def phase_name(phase: Phase | None) -> str:
    """The numbered name of ``phase`` alone: the caption where the canvas has no room for it."""
    if phase is Phase.FORWARD:
        #: fr: 1 · Propagation avant
        return QCoreApplication.translate("NetworkView", "1 · Forward pass")
    if phase is Phase.LOSS:
        #: fr: 2 · Erreur
        return QCoreApplication.translate("NetworkView", "2 · Error")
    if phase is Phase.BACKWARD:
        #: fr: 3 · Propagation arrière
        return QCoreApplication.translate("NetworkView", "3 · Backward pass")
    if phase is Phase.UPDATE:
        #: fr: 4 · Ajustement des poids
        return QCoreApplication.translate("NetworkView", "4 · Weight update")
    return ""


class NeuronLine(NamedTuple):
    """One line of text inside a neuron: a symbol, its value, and whether the phase is about it.

    A named tuple: a frame makes dozens of them, and a tuple is made faster than a frozen
    dataclass."""

    symbol: str
    value: float
    emphasised: bool = False


def _value(arrays: tuple[np.ndarray | None, ...], layer: int, index: int) -> float | None:
    array = arrays[layer] if layer < len(arrays) else None
    return None if array is None else float(array[index])


def neuron_lines(snapshot: TrainerSnapshot | None, layer: int, index: int) -> list[NeuronLine]:
    """The values shown inside neuron (layer, index) for the snapshot's phase."""
    if snapshot is None:
        return []
    phase = snapshot.phase
    a = _value(snapshot.sample_a, layer, index)
    if a is None:
        return []
    if layer == 0:
        return [NeuronLine("", a, phase is Phase.FORWARD)]
    if phase is Phase.FORWARD:
        z = _value(snapshot.sample_z, layer, index)
        lines = [] if z is None else [NeuronLine("z", z)]
        return [*lines, NeuronLine("a", a, True)]
    delta = _value(snapshot.sample_delta, layer, index)
    if phase is Phase.BACKWARD and delta is not None:
        return [NeuronLine("a", a), NeuronLine("δ", delta, True)]
    return [NeuronLine("", a)]


def edge_label_texts(snapshot: TrainerSnapshot | None) -> list[str]:
    """The label of every edge, in flat edge order, for the snapshot's phase."""
    if snapshot is None:
        return []
    phase = snapshot.phase
    if phase is Phase.BACKWARD and snapshot.grad_weights is not None:
        gradients = np.concatenate([g.ravel() for g in snapshot.grad_weights])
        return format_numbers(gradients.tolist())
    if phase is Phase.UPDATE and snapshot.weights_before is not None:
        before = np.concatenate([w.ravel() for w in snapshot.weights_before])
        after = np.concatenate([w.ravel() for w in snapshot.weights])
        return format_changes(before.tolist(), after.tolist())
    return format_numbers(np.concatenate([w.ravel() for w in snapshot.weights]).tolist())


def bias_label_texts(snapshot: TrainerSnapshot | None, n_biases: int) -> list[str]:
    """The bias badge of every neuron after the inputs (``n_biases`` of them), in flat order:
    "b" alone without a snapshot, else its value, or old → new after an update."""
    if snapshot is None:
        return ["b"] * n_biases
    biases = np.concatenate([b.ravel() for b in snapshot.biases])
    if shows_bias_change(snapshot):
        before = np.concatenate([b.ravel() for b in snapshot.biases_before])
        texts = format_changes(before.tolist(), biases.tolist())
    else:
        texts = format_numbers(biases.tolist())
    return ["b " + text for text in texts]


def shows_bias_change(snapshot: TrainerSnapshot | None) -> bool:
    """Whether the bias badges of ``snapshot`` read old → new (just after an update)."""
    return (
        snapshot is not None
        and snapshot.phase is Phase.UPDATE
        and snapshot.biases_before is not None
    )


def same_arrays(before: TrainerSnapshot | None, after: TrainerSnapshot | None, name: str) -> bool:
    """Whether two snapshots hold equal arrays ``name`` (one per layer, or None), so that
    what is drawn from them stays: the phases after a forward pass keep its activations."""
    if before is None or after is None:
        return before is after
    first, second = getattr(before, name), getattr(after, name)
    return len(first) == len(second) and all(
        (a is None and b is None) or (a is not None and b is not None and np.array_equal(a, b))
        for a, b in zip(first, second, strict=True)
    )


def output_panel_lines(snapshot: TrainerSnapshot | None, index: int) -> list[NeuronLine]:
    """What sits right of output ``index``: target t, and in the error phase o and E too."""
    if snapshot is None or snapshot.sample_target is None:
        return []
    target = NeuronLine("t", float(snapshot.sample_target[index]))
    output = snapshot.sample_a[-1]
    losses = snapshot.sample_output_losses
    if snapshot.phase is not Phase.LOSS or output is None or losses is None:
        return [target]
    return [
        target,
        NeuronLine("o", float(output[index])),
        NeuronLine("E", float(losses[index]), True),
    ]
