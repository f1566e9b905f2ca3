"""Immutable pictures of a Trainer, safe to hand from the training thread to the screen.

A snapshot holds copies (read-only arrays), never live engine objects, so the GUI can keep it
as long as it likes while the worker trains on. The numbers shown for "the chosen sample" are
cut out here, in the engine, so the screen does no math of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from backprop_gui.engine.boundary import BoundaryGrid, decision_grid
from backprop_gui.engine.history import DecimatingSeries, History
from backprop_gui.engine.trainer import Phase, Trainer


def _frozen(array: np.ndarray | None) -> np.ndarray | None:
    if array is None:
        return None
    copy = np.array(array, dtype=array.dtype, copy=True)
    copy.setflags(write=False)
    return copy


def _frozen_all(arrays) -> tuple | None:
    if arrays is None:
        return None
    return tuple(_frozen(array) for array in arrays)


@dataclass(frozen=True)
class SeriesUpdate:
    """New rows of one history series; ``replace`` means drop what you had (it was decimated)."""

    iterations: np.ndarray
    values: np.ndarray
    replace: bool


@dataclass(frozen=True)
class HistoryUpdate:
    """What changed in a History since the previous update sent to the same reader."""

    loss: SeriesUpdate
    epochs: SeriesUpdate
    layer_norms: SeriesUpdate
    weight_gradients: SeriesUpdate | None
    """Signed dE/dw per tracked weight (take the absolute value to plot magnitudes)."""


@dataclass
class HistoryCursor:
    """How much of each series a reader already has: (stride, count) per series name."""

    seen: dict[str, tuple[int, int]] = field(default_factory=dict)


def _series_update(name: str, series: DecimatingSeries, cursor: HistoryCursor) -> SeriesUpdate:
    stride, count = cursor.seen.get(name, (0, 0))
    replace = stride != series.stride or count > series.count
    start = 0 if replace else count
    update = SeriesUpdate(
        _frozen(series.iterations[start : series.count]),
        _frozen(series.values[start : series.count]),
        replace,
    )
    cursor.seen[name] = (series.stride, series.count)
    return update


def history_update(history: History, cursor: HistoryCursor) -> HistoryUpdate:
    """The rows a reader at ``cursor`` lacks, and move the cursor past them."""
    tracked = history.weight_gradients
    return HistoryUpdate(
        loss=_series_update("loss", history.loss, cursor),
        epochs=_series_update("epochs", history.epochs, cursor),
        layer_norms=_series_update("layer_norms", history.layer_norms, cursor),
        weight_gradients=None
        if tracked is None
        else _series_update("weight_gradients", tracked, cursor),
    )


@dataclass(frozen=True)
class TrainerSnapshot:
    """The state of training at one instant, with the chosen sample's numbers cut out.

    Per-layer tuples are indexed by layer (0 = inputs); an entry is None where it does not
    exist (no z for the inputs) or was not computed yet in the current iteration. The
    ``sample_*`` values are those of one sample of the batch (``sample_in_batch``, which is
    ``sample_index`` in the training set); gradients and updates are batch means.
    """

    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss_name: str
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    iteration: int
    """Iterations completed."""
    epoch: int
    """Epochs completed."""
    epoch_started: bool
    """Whether some of the current epoch's samples have been used (mid-epoch)."""
    phase: Phase | None
    next_phase: Phase
    learning_rate: float
    momentum: float
    l1: float
    l2: float
    batch_size: int
    batch_length: int
    """Samples in the current batch (the last one of an epoch may be shorter)."""
    n_train: int
    batches_per_epoch: int
    task: str
    sample_in_batch: int
    sample_index: int | None
    sample_z: tuple[np.ndarray | None, ...]
    sample_a: tuple[np.ndarray | None, ...]
    sample_target: np.ndarray | None
    sample_output_losses: np.ndarray | None
    sample_delta: tuple[np.ndarray | None, ...]
    sample_grad_weights: tuple[np.ndarray | None, ...]
    """δ_j · a_i of the chosen sample alone, per layer (the batch mean is ``grad_weights``)."""
    sample_derivative: tuple[np.ndarray | None, ...]
    """f′(z) of each neuron for the chosen sample (softmax: the diagonal da_k/dz_k)."""
    sample_grad_a: tuple[np.ndarray | None, ...]
    """∂E/∂a of each neuron for the chosen sample: Σ_k w_kj · δ_k for a hidden layer, the loss
    gradient for the output layer (None for inputs, and before the backward pass)."""
    loss: float | None
    grad_weights: tuple[np.ndarray, ...] | None
    grad_biases: tuple[np.ndarray, ...] | None
    gradient_norms: tuple[float, ...] | None
    weights_before: tuple[np.ndarray, ...] | None
    biases_before: tuple[np.ndarray, ...] | None
    weight_updates: tuple[np.ndarray, ...] | None
    bias_updates: tuple[np.ndarray, ...] | None
    last_epoch_loss: float | None
    train_accuracy: float | None
    test_loss: float | None
    test_accuracy: float | None
    history: HistoryUpdate | None
    boundary: BoundaryGrid | None = None
    """The network's outputs over the input plane (1 or 2 inputs), when it was computed."""

    @property
    def n_layers(self) -> int:
        return len(self.layer_sizes)


def take_snapshot(
    trainer: Trainer,
    sample_in_batch: int = 0,
    cursor: HistoryCursor | None = None,
    bounds: tuple[float, float, float, float] | None = None,
) -> TrainerSnapshot:
    """Copy what the screen needs out of ``trainer``.

    With ``cursor``, the new history rows too; with ``bounds`` (of 1- or 2-D inputs), the
    network's outputs over that region of the input plane (a decision boundary).
    """
    net = trainer.network
    n_layers = len(net.layer_sizes)
    done = trainer.phase
    # What this iteration computed so far (after an UPDATE, the whole finished iteration).
    in_iteration = {
        None: 0,
        Phase.FORWARD: 1,
        Phase.LOSS: 2,
        Phase.BACKWARD: 3,
        Phase.UPDATE: 4,
    }[done]
    batch = trainer.batch_indices.shape[0]
    sample = min(max(sample_in_batch, 0), batch - 1) if batch else 0
    empty: tuple[None, ...] = (None,) * n_layers
    sample_z, sample_a = empty, (None,) * n_layers
    sample_target = sample_losses = None
    sample_delta, sample_grads = empty, (None,) * (n_layers - 1)
    sample_derivative, sample_grad_a = empty, empty
    if in_iteration >= 1 and trainer.trace is not None:
        trace = trainer.trace
        sample_z = tuple(None if z is None else _frozen(z[sample]) for z in trace.z)
        sample_a = tuple(_frozen(a[sample]) for a in trace.a)
        sample_target = _frozen(trainer.batch_Y[sample])
        derivatives: list[np.ndarray | None] = [None]
        for layer in range(1, n_layers):
            one = slice(sample, sample + 1)
            f = net.activation(layer)
            derivatives.append(_frozen(f.derivative(trace.z[layer][one], trace.a[layer][one])[0]))
        sample_derivative = tuple(derivatives)
    if in_iteration >= 2:
        sample_losses = _frozen(trainer.output_losses[sample])
    if in_iteration >= 3 and trainer.backward_trace is not None:
        deltas = trainer.backward_trace.mean_delta
        n = trainer.backward_trace.n_samples
        sample_delta = tuple(None if d is None else _frozen(d[sample] * n) for d in deltas)
        sample_grads = tuple(
            _frozen(np.outer(sample_delta[layer + 1], trainer.trace.a[layer][sample]))
            for layer in range(n_layers - 1)
        )
        # The weights backpropagation used: those before the update, once it has happened.
        used = trainer.weights_before if in_iteration >= 4 else net.weights
        output = net.activation(n_layers - 1)
        grad_output = net.loss_function.gradient(
            output, trainer.trace.a[-1][sample : sample + 1], trainer.batch_Y[sample : sample + 1]
        )[0]
        grad_a: list[np.ndarray | None] = [None]
        grad_a += [
            _frozen(sample_delta[layer + 1] @ used[layer]) for layer in range(1, n_layers - 1)
        ]
        grad_a.append(_frozen(grad_output))
        sample_grad_a = tuple(grad_a)
    with_backward = in_iteration >= 3
    with_update = in_iteration >= 4
    return TrainerSnapshot(
        layer_sizes=net.layer_sizes,
        activations=net.activations,
        loss_name=net.loss_name,
        weights=_frozen_all(net.weights),
        biases=_frozen_all(net.biases),
        iteration=trainer.iteration,
        epoch=trainer.epoch,
        epoch_started=trainer.epoch_started,
        phase=done,
        next_phase=trainer.next_phase,
        learning_rate=trainer.learning_rate,
        momentum=trainer.momentum,
        l1=trainer.l1,
        l2=trainer.l2,
        batch_size=trainer.batch_size,
        batch_length=batch,
        n_train=trainer.X.shape[0],
        batches_per_epoch=trainer.batches_per_epoch,
        task=trainer.task,
        sample_in_batch=sample,
        sample_index=int(trainer.batch_indices[sample]) if batch else None,
        sample_z=sample_z,
        sample_a=sample_a,
        sample_target=sample_target,
        sample_output_losses=sample_losses,
        sample_delta=sample_delta,
        sample_grad_weights=sample_grads,
        sample_derivative=sample_derivative,
        sample_grad_a=sample_grad_a,
        loss=trainer.loss if in_iteration >= 2 else None,
        grad_weights=_frozen_all(trainer.grad_weights) if with_backward else None,
        grad_biases=_frozen_all(trainer.grad_biases) if with_backward else None,
        gradient_norms=tuple(trainer.gradient_norms) if with_backward else None,
        weights_before=_frozen_all(trainer.weights_before) if with_update else None,
        biases_before=_frozen_all(trainer.biases_before) if with_update else None,
        weight_updates=_frozen_all(trainer.weight_updates) if with_update else None,
        bias_updates=_frozen_all(trainer.bias_updates) if with_update else None,
        last_epoch_loss=trainer.last_epoch_loss,
        train_accuracy=trainer.train_accuracy,
        test_loss=trainer.test_loss,
        test_accuracy=trainer.test_accuracy,
        history=None if cursor is None else history_update(trainer.history, cursor),
        boundary=None if bounds is None else decision_grid(net, bounds),
    )
