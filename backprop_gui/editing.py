"""Edits of a network document's architecture, as pure functions (no Qt, easy to test).

Each returns a new document and keeps every weight that still has a place in the new
architecture; new connections get seeded initial values, as a fresh network would.
"""

from __future__ import annotations

import copy
import dataclasses

import numpy as np

from backprop_gui.document import EMBEDDED, EmbeddedCsv, NetworkDocument
from backprop_gui.engine.datasets import Dataset
from backprop_gui.engine.network import check_architecture, initial_parameters

DEFAULT_HIDDEN_ACTIVATION = "tanh"


def _parameters(document: NetworkDocument) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The document's weights, or the seeded ones a fresh network would start from."""
    if document.weights is not None and document.biases is not None:
        return [w.copy() for w in document.weights], [b.copy() for b in document.biases]
    return initial_parameters(document.layer_sizes, document.activations, document.seed)


def _rebuilt(
    document: NetworkDocument,
    layer_sizes: list[int],
    activations: list[str],
    weights: list[np.ndarray | None],
    biases: list[np.ndarray | None],
    loss: str | None = None,
) -> NetworkDocument:
    """A copy with a new architecture; None entries are filled with fresh seeded values."""
    loss = loss or document.loss
    check_architecture(layer_sizes, activations, loss)
    fresh_w, fresh_b = initial_parameters(layer_sizes, activations, document.seed)
    new = copy.deepcopy(dataclasses.replace(document, weights=None, biases=None))
    new.layer_sizes = list(layer_sizes)
    new.activations = list(activations)
    new.loss = loss
    new.weights = [f if w is None else w for w, f in zip(weights, fresh_w, strict=True)]
    new.biases = [f if b is None else b for b, f in zip(biases, fresh_b, strict=True)]
    return new


def add_hidden_layer(document: NetworkDocument, after: int) -> NetworkDocument:
    """Insert a hidden layer after layer ``after`` (0 = after the inputs)."""
    sizes, names = list(document.layer_sizes), list(document.activations)
    weights, biases = _parameters(document)
    neighbour = sizes[after] if after > 0 else sizes[min(after + 1, len(sizes) - 2)]
    size = max(2, min(neighbour, 8)) if len(sizes) > 2 else 3
    hidden = names[:-1]
    activation = hidden[after - 1] if after > 0 and hidden else (hidden[0] if hidden else None)
    sizes.insert(after + 1, size)
    names.insert(after, activation or DEFAULT_HIDDEN_ACTIVATION)
    new_weights: list[np.ndarray | None] = [*weights[:after], None, None, *weights[after + 1 :]]
    new_biases: list[np.ndarray | None] = [
        *biases[:after],
        None,
        biases[after],
        *biases[after + 1 :],
    ]
    return _rebuilt(document, sizes, names, new_weights, new_biases)


def remove_hidden_layer(document: NetworkDocument, layer: int) -> NetworkDocument:
    """Remove hidden layer ``layer`` (1 .. n-2); its neighbours get a fresh connection."""
    sizes, names = list(document.layer_sizes), list(document.activations)
    if not 0 < layer < len(sizes) - 1:
        raise IndexError(layer)
    weights, biases = _parameters(document)
    del sizes[layer]
    del names[layer - 1]
    new_weights: list[np.ndarray | None] = [*weights[: layer - 1], None, *weights[layer + 1 :]]
    new_biases: list[np.ndarray | None] = [*biases[: layer - 1], *biases[layer:]]
    return _rebuilt(document, sizes, names, new_weights, new_biases)


def add_neuron(document: NetworkDocument, layer: int) -> NetworkDocument:
    """One more neuron at the bottom of hidden layer ``layer``, with fresh edges in and out."""
    sizes, names = list(document.layer_sizes), list(document.activations)
    if not 0 < layer < len(sizes) - 1:
        raise IndexError(layer)
    weights, biases = _parameters(document)
    sizes[layer] += 1
    check_architecture(sizes, names, document.loss)
    fresh_w, _ = initial_parameters(sizes, names, document.seed + layer)
    weights[layer - 1] = np.vstack([weights[layer - 1], fresh_w[layer - 1][-1:]])
    biases[layer - 1] = np.append(biases[layer - 1], 0.0)
    weights[layer] = np.hstack([weights[layer], fresh_w[layer][:, -1:]])
    return _rebuilt(document, sizes, names, list(weights), list(biases))


def remove_neuron(document: NetworkDocument, layer: int, index: int) -> NetworkDocument:
    """Remove neuron ``index`` of hidden layer ``layer`` and its edges (a layer keeps one)."""
    sizes, names = list(document.layer_sizes), list(document.activations)
    if not 0 < layer < len(sizes) - 1 or not 0 <= index < sizes[layer] or sizes[layer] == 1:
        raise IndexError((layer, index))
    weights, biases = _parameters(document)
    sizes[layer] -= 1
    weights[layer - 1] = np.delete(weights[layer - 1], index, axis=0)
    biases[layer - 1] = np.delete(biases[layer - 1], index)
    weights[layer] = np.delete(weights[layer], index, axis=1)
    return _rebuilt(document, sizes, names, list(weights), list(biases))


def set_activation(document: NetworkDocument, layer: int, name: str) -> NetworkDocument:
    """Change layer ``layer``'s activation, keeping the weights.

    Cross-entropy needs a sigmoid or softmax output: another output activation switches the
    loss to squared error, the only one that fits any output.
    """
    names = list(document.activations)
    names[layer - 1] = name
    loss = document.loss
    if layer == len(document.layer_sizes) - 1 and name not in ("sigmoid", "softmax"):
        loss = "squared_error"
    weights, biases = _parameters(document)
    return _rebuilt(document, list(document.layer_sizes), names, list(weights), list(biases), loss)


def set_loss(document: NetworkDocument, loss: str) -> NetworkDocument:
    """Change the loss function (checked against the output activation)."""
    weights, biases = _parameters(document)
    sizes, names = list(document.layer_sizes), list(document.activations)
    return _rebuilt(document, sizes, names, list(weights), list(biases), loss)


def fit_to_dataset(document: NetworkDocument, dataset: Dataset) -> NetworkDocument:
    """Input and output layers follow the data set; the output suits its task.

    Binary classes get a sigmoid output, several classes softmax with cross-entropy, and
    regression a linear output with squared error. Hidden layers are kept.
    """
    sizes, names = list(document.layer_sizes), list(document.activations)
    loss = document.loss
    if dataset.task == "multiclass":
        names[-1], loss = "softmax", "cross_entropy"
    elif dataset.task == "binary":
        if names[-1] == "softmax" or (loss == "cross_entropy" and names[-1] != "sigmoid"):
            names[-1] = "sigmoid"
    elif names[-1] in ("sigmoid", "softmax"):
        names[-1], loss = "linear", "squared_error"
    weights, biases = _parameters(document)
    new_weights: list[np.ndarray | None] = list(weights)
    new_biases: list[np.ndarray | None] = list(biases)
    if sizes[0] != dataset.n_features:
        sizes[0] = dataset.n_features
        new_weights[0] = None
    if sizes[-1] != dataset.n_targets:
        sizes[-1] = dataset.n_targets
        new_weights[-1] = None
        new_biases[-1] = None
    return _rebuilt(document, sizes, names, new_weights, new_biases, loss)


def _custom_points(
    document: NetworkDocument, X: np.ndarray, Y: np.ndarray, like: Dataset
) -> NetworkDocument:
    """The document with ``X``, ``Y`` as its own embedded samples (split again as before)."""
    points = Dataset(
        name=EMBEDDED,
        X=X,
        Y=Y,
        task=like.task,
        feature_names=like.feature_names,
        target_names=like.target_names,
        class_names=like.class_names,
    )
    edited = copy.deepcopy(document)
    edited.dataset = dataclasses.replace(
        document.dataset,
        name=EMBEDDED,
        n_samples=None,
        noise=None,
        csv=EmbeddedCsv.from_dataset(points),
    )
    return edited


def add_point(
    document: NetworkDocument, train: Dataset, test: Dataset | None, x: float, y: float, label: int
) -> NetworkDocument:
    """Every sample of the data set plus the point (x, y) of class ``label`` (0 or 1).

    The data set becomes the document's own (embedded), so it is saved with the network;
    train and test are split again with the same fraction and seed.
    """
    parts_x = [train.X] + ([test.X] if test is not None and test.n_samples else [])
    parts_y = [train.Y] + ([test.Y] if test is not None and test.n_samples else [])
    X = np.vstack([*parts_x, [[x, y]]])
    Y = np.vstack([*parts_y, [[float(label)]]])
    return _custom_points(document, X, Y, train)


def remove_point(
    document: NetworkDocument, train: Dataset, test: Dataset | None, index: int
) -> NetworkDocument:
    """Every sample but training sample ``index``; the data set becomes the document's own."""
    X = np.delete(train.X, index, axis=0)
    Y = np.delete(train.Y, index, axis=0)
    if test is not None and test.n_samples:
        X, Y = np.vstack([X, test.X]), np.vstack([Y, test.Y])
    return _custom_points(document, X, Y, train)
