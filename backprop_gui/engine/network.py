"""A fully connected neural network: weights, biases, forward trace and backward gradients.

Conventions (the ones a teacher checks by hand):
- ``weights[l][j, i]`` is the weight of the edge from neuron ``i`` of layer ``l`` to neuron
  ``j`` of layer ``l + 1``, so ``weights[l]`` has shape ``(n_{l+1}, n_l)``; ``biases[l]`` has
  shape ``(n_{l+1},)``. Layer 0 is the input layer.
- Inputs are rows: ``X`` has shape ``(n_samples, n_inputs)``, targets ``Y`` ``(n_samples, n_out)``.
- ``z[l] = a[l-1] @ weights[l-1].T + biases[l-1]`` and ``a[l] = f_l(z[l])``; ``a[0] = X``.
- A batch's loss and gradients are the mean over its samples.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from backprop_gui.engine import limits
from backprop_gui.engine.activations import ACTIVATIONS, Activation
from backprop_gui.engine.losses import LOSSES, Loss
from backprop_gui.messages import QT_TRANSLATE_NOOP, Message, TranslatableError


class NetworkError(TranslatableError):
    """An architecture or a parameter that cannot make a network."""


def _error(template: str, **params: object) -> NetworkError:
    return NetworkError(Message("Network", template, **params))


@dataclass(slots=True)
class ForwardTrace:
    """What the forward pass computed, kept for the backward pass and for the screen.

    ``z[l]`` and ``a[l]`` have shape (n_samples, n_l); ``z[0]`` is None (inputs have no
    pre-activation) and ``a[0]`` is the input batch.
    """

    z: list[np.ndarray | None]
    a: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        return self.a[-1]


@dataclass(slots=True)
class BackwardTrace:
    """What the backward pass computed for a batch of ``n`` samples.

    ``delta[l]`` = dE/dz[l] of each sample, shape (n_samples, n_l) (``delta[0]`` is None).
    ``grad_weights[l]`` and ``grad_biases[l]`` are the batch means, shaped like ``weights[l]``
    and ``biases[l]``. The deltas are propagated already divided by n (``mean_delta``), which
    saves a multiplication per layer; ``delta`` gives them back per sample.
    """

    mean_delta: list[np.ndarray | None]
    grad_weights: list[np.ndarray]
    grad_biases: list[np.ndarray]
    n_samples: int

    @property
    def delta(self) -> list[np.ndarray | None]:
        n = self.n_samples
        return [None if d is None else d * n for d in self.mean_delta]


def check_architecture(layer_sizes: Sequence[int], activations: Sequence[str], loss: str) -> None:
    """Raise NetworkError with one sentence if these cannot make a network; allocate nothing."""
    if len(layer_sizes) < 2:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Network", "A network needs at least an input layer and an output layer."
            )
        )
    if len(layer_sizes) > limits.MAX_LAYERS:
        raise _error(
            QT_TRANSLATE_NOOP("Network", "A network can have at most {limit} layers, not {count}."),
            limit=limits.MAX_LAYERS,
            count=len(layer_sizes),
        )
    for index, size in enumerate(layer_sizes):
        if isinstance(size, bool) or not isinstance(size, (int, np.integer)):
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Network", "Layer {layer} has a size that is not a whole number."
                ),
                layer=index,
            )
        if not 1 <= size <= limits.MAX_NEURONS_PER_LAYER:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Network", "Layer {layer} must have between 1 and {limit} neurons, not {size}."
                ),
                layer=index,
                limit=limits.MAX_NEURONS_PER_LAYER,
                size=int(size),
            )
    parameters = sum(
        (int(n_in) + 1) * int(n_out) for n_in, n_out in itertools.pairwise(layer_sizes)
    )
    if parameters > limits.MAX_PARAMETERS:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Network",
                "This network would have {count} weights and biases; the limit is {limit}.",
            ),
            count=parameters,
            limit=limits.MAX_PARAMETERS,
        )
    if len(activations) != len(layer_sizes) - 1:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Network",
                "Give one activation per layer after the input: {expected}, not {count}.",
            ),
            expected=len(layer_sizes) - 1,
            count=len(activations),
        )
    for index, name in enumerate(activations, start=1):
        if name not in ACTIVATIONS:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Network", "Unknown activation function {name!r} on layer {layer}."
                ),
                name=str(name),
                layer=index,
            )
        if ACTIVATIONS[name].output_only and index != len(activations):
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Network",
                    "{name} can only be used on the output layer (layer {layer} is hidden).",
                ),
                name=name,
                layer=index,
            )
    if activations[-1] == "softmax" and layer_sizes[-1] < 2:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Network",
                "Softmax shares one probability between outputs: it needs 2 outputs or more.",
            )
        )
    if loss not in LOSSES:
        raise _error(
            QT_TRANSLATE_NOOP("Network", "Unknown loss function {name!r}."), name=str(loss)
        )
    try:
        LOSSES[loss].check_output(ACTIVATIONS[activations[-1]])
    except TranslatableError as error:
        raise NetworkError(error.message) from None


def initial_parameters(
    layer_sizes: Sequence[int], activations: Sequence[str], seed: int
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Seeded initial weights and zero biases: same seed, same weights, bit for bit.

    He (normal, variance 2/n_in) before a ReLU; Glorot/Xavier (uniform in
    ±sqrt(6 / (n_in + n_out))) before every other activation. Biases start at 0.
    """
    rng = np.random.default_rng(seed)
    weights, biases = [], []
    for n_in, n_out, name in zip(layer_sizes, layer_sizes[1:], activations, strict=False):
        if name == "relu":
            weights.append(rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in)))
        else:
            limit = np.sqrt(6.0 / (n_in + n_out))
            weights.append(rng.uniform(-limit, limit, size=(n_out, n_in)))
        biases.append(np.zeros(n_out))
    return weights, biases


class Network:
    """Layers of neurons fully connected by ``weights`` and shifted by ``biases``."""

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activations: Sequence[str],
        loss: str = "squared_error",
        seed: int = 0,
    ) -> None:
        check_architecture(layer_sizes, activations, loss)
        self.layer_sizes: tuple[int, ...] = tuple(int(size) for size in layer_sizes)
        self.activations: tuple[str, ...] = tuple(activations)
        self.loss_name = loss
        self.seed = seed
        self._functions: tuple[Activation, ...] = tuple(ACTIVATIONS[n] for n in activations)
        self._loss: Loss = LOSSES[loss]
        self.weights, self.biases = initial_parameters(self.layer_sizes, self.activations, seed)

    # -- parameters -------------------------------------------------------------------------

    @property
    def n_inputs(self) -> int:
        return self.layer_sizes[0]

    @property
    def n_outputs(self) -> int:
        return self.layer_sizes[-1]

    @property
    def parameter_count(self) -> int:
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases, strict=True))

    def activation(self, layer: int) -> Activation:
        """The activation object of ``layer`` (1 .. n_layers-1)."""
        return self._functions[layer - 1]

    @property
    def loss_function(self) -> Loss:
        return self._loss

    def reinitialize(self, seed: int | None = None) -> None:
        """Draw the initial weights again, from ``seed`` (default: the network's own seed)."""
        if seed is not None:
            self.seed = seed
        self.weights, self.biases = initial_parameters(
            self.layer_sizes, self.activations, self.seed
        )

    def set_parameters(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        """Replace all weights and biases by float64 copies, after checking shapes and values."""
        if len(weights) != len(self.weights) or len(biases) != len(self.biases):
            raise _error(
                QT_TRANSLATE_NOOP("Network", "Expected {count} weight matrices and bias vectors."),
                count=len(self.weights),
            )
        new_weights = [np.array(w, dtype=np.float64) for w in weights]
        new_biases = [np.array(b, dtype=np.float64) for b in biases]
        for layer, (w, b, old_w, old_b) in enumerate(
            zip(new_weights, new_biases, self.weights, self.biases, strict=True)
        ):
            if w.shape != old_w.shape or b.shape != old_b.shape:
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "Network",
                        "Weights of layer {layer} have shape {shape}, expected {expected}.",
                    ),
                    layer=layer,
                    shape="×".join(map(str, w.shape + b.shape)),
                    expected="×".join(map(str, old_w.shape + old_b.shape)),
                )
            if not (np.isfinite(w).all() and np.isfinite(b).all()):
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "Network", "Weights of layer {layer} must be finite numbers."
                    ),
                    layer=layer,
                )
        self.weights, self.biases = new_weights, new_biases

    def copy(self) -> Network:
        """An independent network with the same architecture and parameters."""
        twin = Network.__new__(Network)
        twin.__dict__.update(self.__dict__)
        twin.weights = [w.copy() for w in self.weights]
        twin.biases = [b.copy() for b in self.biases]
        return twin

    # -- the three computations of an iteration --------------------------------------------

    def forward(self, X: np.ndarray) -> ForwardTrace:
        """Propagate the batch ``X`` (n_samples, n_inputs) layer by layer, keeping z and a."""
        a = np.asarray(X, dtype=np.float64)
        zs: list[np.ndarray | None] = [None]
        activations = [a]
        dot = np.dot  # np.dot has less overhead than matmul (@) on small 2-D arrays
        for w, b, f in zip(self.weights, self.biases, self._functions, strict=True):
            z = dot(a, w.T) + b
            a = f(z)
            zs.append(z)
            activations.append(a)
        return ForwardTrace(zs, activations)

    def sample_losses(self, trace: ForwardTrace, Y: np.ndarray) -> np.ndarray:
        """Each sample's loss E for the outputs in ``trace``, shape (n_samples,)."""
        return self._loss.per_sample(self._functions[-1], trace.z[-1], trace.a[-1], Y)

    def mean_loss(self, trace: ForwardTrace, Y: np.ndarray) -> float:
        """The batch's loss: the mean of its samples' losses."""
        return self._loss.mean(self._functions[-1], trace.z[-1], trace.a[-1], Y)

    def backward(
        self,
        trace: ForwardTrace,
        Y: np.ndarray,
        out: tuple[Sequence[np.ndarray], Sequence[np.ndarray]] | None = None,
    ) -> BackwardTrace:
        """Propagate the error back from the output: each layer's delta, then dE/dw and dE/db.

        delta[L] = dE/dz[L] (from the loss); delta[l] = (delta[l+1] @ weights[l]) * f_l'(z[l]);
        dE/dweights[l][j, i] = mean over samples of delta[l+1][j] * a[l][i].
        ``out``: arrays shaped like (weights, biases) to write the gradients into, instead of
        new ones (the trainer keeps them in one flat vector).
        """
        n_layers = len(self.layer_sizes)
        n_samples = trace.a[0].shape[0]
        deltas: list[np.ndarray | None] = [None] * n_layers
        if out is None:
            grad_weights = [np.empty_like(w) for w in self.weights]
            grad_biases = [np.empty_like(b) for b in self.biases]
        else:
            grad_weights, grad_biases = list(out[0]), list(out[1])
        output = self._functions[-1]
        delta = self._loss.output_delta(output, trace.z[-1], trace.a[-1], Y) * (1.0 / n_samples)
        functions, weights, z, a = self._functions, self.weights, trace.z, trace.a
        # np.dot, cheaper than matmul (@) and sum on small arrays; ones · delta sums the rows.
        dot, ones = np.dot, self._ones(n_samples)
        for layer in range(n_layers - 1, 0, -1):
            deltas[layer] = delta
            dot(delta.T, a[layer - 1], out=grad_weights[layer - 1])
            dot(ones, delta, out=grad_biases[layer - 1])
            if layer > 1:
                # Hidden activations are element-wise (softmax is output-only): times f'(z).
                f = functions[layer - 2]
                delta = dot(delta, weights[layer - 1]) * f.derivative(z[layer - 1], a[layer - 1])
        return BackwardTrace(deltas, grad_weights, grad_biases, n_samples)

    def _ones(self, n: int) -> np.ndarray:
        """n ones (read-only), kept between calls: np.ones costs as much as a small product."""
        ones = self.__dict__.get("_row_ones")
        if ones is None or ones.shape[0] != n:
            ones = self._row_ones = np.ones(n)
            ones.flags.writeable = False
        return ones

    # -- conveniences for scripts ----------------------------------------------------------

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The network's outputs for ``X``, shape (n_samples, n_outputs)."""
        a = np.asarray(X, dtype=np.float64)
        for w, b, f in zip(self.weights, self.biases, self._functions, strict=True):
            a = f(a @ w.T + b)
        return a

    def loss(self, X: np.ndarray, Y: np.ndarray) -> float:
        """The mean loss over the batch."""
        trace = self.forward(X)
        return self.mean_loss(trace, np.asarray(Y, dtype=np.float64))

    def gradients(
        self, X: np.ndarray, Y: np.ndarray
    ) -> tuple[float, list[np.ndarray], list[np.ndarray]]:
        """(loss, dE/dweights, dE/dbiases) for the batch, gradients shaped like the parameters."""
        Y = np.asarray(Y, dtype=np.float64)
        trace = self.forward(X)
        loss = self.mean_loss(trace, Y)
        backward = self.backward(trace, Y)
        return loss, backward.grad_weights, backward.grad_biases

    def train_step(self, X: np.ndarray, Y: np.ndarray, learning_rate: float) -> float:
        """One plain gradient-descent step ``w <- w - eta * dE/dw``; returns the loss before it."""
        loss, grad_weights, grad_biases = self.gradients(X, Y)
        for w, b, gw, gb in zip(self.weights, self.biases, grad_weights, grad_biases, strict=True):
            w -= learning_rate * gw
            b -= learning_rate * gb
        return loss
