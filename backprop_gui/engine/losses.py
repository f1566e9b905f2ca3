"""Loss functions E(output, target), each with its gradient dE/d(output).

A sample's loss is summed over its outputs; a batch's loss is the mean over its samples
(the network divides by the batch size). Squared error is ``1/2 * sum_k (t_k - o_k)^2`` so that
``dE/do_k = o_k - t_k``, the convention of the textbooks a teacher checks against.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from backprop_gui.engine.activations import Activation
from backprop_gui.messages import QT_TRANSLATE_NOOP, Message, TranslatableError


@dataclass(frozen=True)
class Loss(ABC):
    """A loss over a batch, for a given output activation: values, dE/da and the output delta."""

    name: str
    title: str
    formula: str

    @abstractmethod
    def per_output(
        self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray
    ) -> np.ndarray:
        """Each output's share of each sample's loss, shape (n_samples, n_outputs)."""

    @abstractmethod
    def gradient(self, activation: Activation, a: np.ndarray, t: np.ndarray) -> np.ndarray:
        """dE/da for each sample and output, shape (n_samples, n_outputs)."""

    def per_sample(
        self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray
    ) -> np.ndarray:
        """Each sample's loss, shape (n_samples,)."""
        return self.per_output(activation, z, a, t).sum(axis=1)

    def mean(self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray) -> float:
        """The batch's loss, the mean of the per-sample losses."""
        return float(np.add.reduce(self.per_output(activation, z, a, t), axis=None)) / a.shape[0]

    def check_output(self, activation: Activation) -> None:
        """Raise a TranslatableError if this loss makes no sense after ``activation``."""
        return None

    def output_delta(
        self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray
    ) -> np.ndarray:
        """delta = dE/dz of the output layer, per sample (not yet divided by the batch size)."""
        return activation.backward(z, a, self.gradient(activation, a, t))


class SquaredError(Loss):
    def per_output(
        self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray
    ) -> np.ndarray:
        error = t - a
        return 0.5 * error * error

    def per_sample(
        self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray
    ) -> np.ndarray:
        error = t - a
        return 0.5 * np.einsum("ij,ij->i", error, error)

    def mean(self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray) -> float:
        error = t - a
        return 0.5 * float(np.vdot(error, error)) / a.shape[0]

    def gradient(self, activation: Activation, a: np.ndarray, t: np.ndarray) -> np.ndarray:
        return a - t

    def output_delta(
        self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray
    ) -> np.ndarray:
        if activation.output_only:
            return activation.backward(z, a, a - t)
        # δ_k = (o_k − t_k) · f′(z_k) for an element-wise output activation.
        return (a - t) * activation.derivative(z, a)


class CrossEntropy(Loss):
    """Binary cross-entropy per output after a sigmoid; categorical after a softmax.

    Values are computed from z (log-sigmoid, log-softmax) so that a saturated output gives a
    large finite loss rather than log(0); the output delta is the well-known ``a - t``.
    """

    def check_output(self, activation: Activation) -> None:
        if activation.name not in ("sigmoid", "softmax"):
            raise TranslatableError(
                Message(
                    "Network",
                    QT_TRANSLATE_NOOP(
                        "Network",
                        "Cross-entropy compares probabilities: the output layer must use "
                        "sigmoid or softmax, not {activation}.",
                    ),
                    activation=activation.name,
                )
            )

    def per_output(
        self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray
    ) -> np.ndarray:
        if activation.name == "softmax":
            top = z.max(axis=1, keepdims=True)
            log_a = z - top - np.log(np.exp(z - top).sum(axis=1, keepdims=True))
            return -t * log_a
        # -[t ln σ(z) + (1 - t) ln(1 - σ(z))], with ln σ(z) = -ln(1 + e^-z)
        return t * np.logaddexp(0.0, -z) + (1.0 - t) * np.logaddexp(0.0, z)

    def gradient(self, activation: Activation, a: np.ndarray, t: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            if activation.name == "softmax":
                return -t / a
            return (a - t) / (a * (1.0 - a))

    def output_delta(
        self, activation: Activation, z: np.ndarray, a: np.ndarray, t: np.ndarray
    ) -> np.ndarray:
        # With sigmoid + binary CE and softmax + categorical CE, dE/dz simplifies to a - t.
        return a - t


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        SquaredError(
            "squared_error",
            QT_TRANSLATE_NOOP("Loss", "squared error"),
            "E = ½ Σ_k (t_k − o_k)²",
        ),
        CrossEntropy(
            "cross_entropy",
            QT_TRANSLATE_NOOP("Loss", "cross-entropy"),
            "E = −Σ_k [t_k ln o_k + (1 − t_k) ln(1 − o_k)]  (sigmoid) ;  "
            "E = −Σ_k t_k ln o_k  (softmax)",
        ),
    )
}
"""Every loss by name."""
