"""Activation functions f, each with what the backward pass needs: dE/dz from dE/da.

A registry of small objects, looked up by name (``ACTIVATIONS["sigmoid"]``). Element-wise
functions multiply by f'(z); softmax mixes its outputs, so each activation owns ``backward``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from backprop_gui.messages import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Activation(ABC):
    """An activation ``a = f(z)`` applied to a batch ``z`` of shape (n_samples, n_neurons)."""

    name: str
    title: str
    formula: str
    derivative_formula: str
    output_only: bool = False

    @abstractmethod
    def __call__(self, z: np.ndarray) -> np.ndarray:
        """a = f(z), element-wise or per row."""

    @abstractmethod
    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """f'(z), element-wise; ``a = f(z)`` is passed because it is often cheaper to use."""

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        """dE/dz from dE/da (the chain rule through f), shape (n_samples, n_neurons)."""
        return grad_a * self.derivative(z, a)


class Sigmoid(Activation):
    def __call__(self, z: np.ndarray) -> np.ndarray:
        # 1 / (1 + e^-z) written with tanh: same value to 1e-16, and no overflow for z << 0.
        return 0.5 + 0.5 * np.tanh(0.5 * z)

    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return a * (1.0 - a)


class Tanh(Activation):
    # The ufunc itself, not a Python method around it: one call less per layer and iteration.
    __call__ = staticmethod(np.tanh)

    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return 1.0 - a * a


class ReLU(Activation):
    def __call__(self, z: np.ndarray) -> np.ndarray:
        return np.maximum(z, 0.0)

    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        # The kink at z = 0 gets slope 0, the usual convention.
        return (z > 0.0).astype(z.dtype)


class Linear(Activation):
    def __call__(self, z: np.ndarray) -> np.ndarray:
        return z

    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return np.ones_like(z)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a


class Softmax(Activation):
    def __call__(self, z: np.ndarray) -> np.ndarray:
        shifted = np.exp(z - z.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)

    def derivative(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """The diagonal of the Jacobian, da_k/dz_k, shown to learners; backward uses all of it."""
        return a * (1.0 - a)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        # dE/dz_k = a_k * (dE/da_k - sum_j dE/da_j * a_j)
        return a * (grad_a - np.sum(grad_a * a, axis=1, keepdims=True))


ACTIVATIONS: dict[str, Activation] = {
    activation.name: activation
    for activation in (
        Sigmoid(
            "sigmoid",
            QT_TRANSLATE_NOOP("Activation", "sigmoid"),
            "σ(z) = 1 / (1 + e^(−z))",
            "σ′(z) = σ(z) · (1 − σ(z))",
        ),
        Tanh(
            "tanh",
            QT_TRANSLATE_NOOP("Activation", "hyperbolic tangent"),
            "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))",
            "tanh′(z) = 1 − tanh(z)²",
        ),
        ReLU(
            "relu",
            QT_TRANSLATE_NOOP("Activation", "ReLU"),
            "ReLU(z) = max(0, z)",
            "ReLU′(z) = 1 (z > 0), 0 (z ≤ 0)",
        ),
        Linear(
            "linear",
            QT_TRANSLATE_NOOP("Activation", "linear (identity)"),
            "f(z) = z",
            "f′(z) = 1",
        ),
        Softmax(
            "softmax",
            QT_TRANSLATE_NOOP("Activation", "softmax"),
            "softmax(z)_k = e^(z_k) / Σ_j e^(z_j)",
            "∂a_k/∂z_j = a_k · (1[k = j] − a_j)",
            output_only=True,
        ),
    )
}
"""Every activation by name, in the order a menu shows them."""
