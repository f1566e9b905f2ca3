"""The document itself: architecture, hyper-parameters, data set and weights, as plain data.

The document is the truth the canvas edits; it builds the engine's network and data set on
demand, so widgets never keep a second copy of the lesson.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from backprop_gui.document.errors import Text, fail, layers_text
from backprop_gui.engine.datasets import Dataset, make_dataset, train_test_split
from backprop_gui.engine.network import Network

FORMAT_NAME = "backprop-gui-network"
FORMAT_VERSION = 1
"""The newest version this code reads and the one it writes."""

EMBEDDED = "csv"
"""The data set name of a document that carries its own samples (imported, clicked, or fixed)."""


@dataclass
class Hyperparameters:
    """How training moves the weights; plain full-batch SGD by default, like the textbook."""

    learning_rate: float = 0.1
    batch_size: int | None = None
    """Samples per step; None means the whole training set (full batch)."""
    momentum: float = 0.0
    l1: float = 0.0
    l2: float = 0.0


@dataclass(eq=False)
class EmbeddedCsv:
    """Samples stored in the document itself: an imported CSV, clicked points, a worked example.

    ``X`` has shape (n_samples, n_features) and ``Y`` (n_samples, n_targets), float64.
    """

    feature_names: list[str]
    target_names: list[str]
    task: str
    """One of ``datasets.TASKS``: "binary", "multiclass" or "regression"."""
    X: np.ndarray
    Y: np.ndarray
    class_names: list[str] = field(default_factory=list)
    """Binary and multiclass: the name of each class (empty: "class 0", "class 1"...)."""

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> EmbeddedCsv:
        """Embed a copy of ``dataset`` (for instance one read by ``load_csv``)."""
        return cls(
            list(dataset.feature_names),
            list(dataset.target_names),
            dataset.task,
            np.array(dataset.X, dtype=np.float64),
            np.array(dataset.Y, dtype=np.float64),
            list(dataset.class_names),
        )

    def to_dataset(self) -> Dataset:
        return Dataset(
            name=EMBEDDED,
            X=self.X,
            Y=self.Y,
            task=self.task,
            feature_names=tuple(self.feature_names),
            target_names=tuple(self.target_names),
            class_names=tuple(self.class_names),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EmbeddedCsv):
            return NotImplemented
        return (
            self.feature_names == other.feature_names
            and self.target_names == other.target_names
            and self.task == other.task
            and self.class_names == other.class_names
            and np.array_equal(self.X, other.X)
            and np.array_equal(self.Y, other.Y)
        )

    __hash__ = None  # type: ignore[assignment]


@dataclass
class DatasetSpec:
    """Which samples the network learns: a seeded built-in set, or embedded ``csv`` samples."""

    name: str
    n_samples: int | None = None
    """None: the built-in set's own default."""
    noise: float | None = None
    """None: the built-in set's own default."""
    test_fraction: float = 0.0
    seed: int = 0
    csv: EmbeddedCsv | None = None
    """The samples themselves, exactly when ``name`` is ``"csv"``."""


@dataclass(eq=False)
class NetworkDocument:
    """Everything needed to rebuild a network and its lesson: the canvas edits this, not widgets.

    ``weights``/``biases`` follow the engine's shapes (``weights[l]`` is (n_{l+1}, n_l)); None
    means "freshly initialised from ``seed``".
    """

    layer_sizes: list[int]
    activations: list[str]
    loss: str = "squared_error"
    hyperparameters: Hyperparameters = field(default_factory=Hyperparameters)
    dataset: DatasetSpec = field(default_factory=lambda: DatasetSpec("xor"))
    seed: int = 0
    weights: list[np.ndarray] | None = None
    biases: list[np.ndarray] | None = None
    title: str = ""
    notes: str = ""

    def build_network(self) -> Network:
        """A new network with this architecture, carrying the stored weights if there are any."""
        network = Network(self.layer_sizes, self.activations, self.loss, self.seed)
        if self.weights is not None and self.biases is not None:
            network.set_parameters(self.weights, self.biases)
        return network

    def build_dataset(self) -> tuple[Dataset, Dataset]:
        """(train, test): the same spec always gives the same samples, bit for bit."""
        spec = self.dataset
        if spec.csv is not None:
            full = spec.csv.to_dataset()
        else:
            full = make_dataset(
                spec.name, n_samples=spec.n_samples, noise=spec.noise, seed=spec.seed
            )
        return train_test_split(full, spec.test_fraction, spec.seed)

    def with_parameters(self, network: Network) -> NetworkDocument:
        """A copy of this document carrying copies of ``network``'s current weights and biases."""
        if tuple(network.layer_sizes) != tuple(self.layer_sizes):
            fail(
                Text.OTHER_LAYERS,
                found=layers_text(network.layer_sizes),
                expected=layers_text(self.layer_sizes),
            )
        twin = copy.deepcopy(dataclasses.replace(self, weights=None, biases=None))
        twin.weights = [np.array(w, dtype=np.float64) for w in network.weights]
        twin.biases = [np.array(b, dtype=np.float64) for b in network.biases]
        return twin

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON values (floats written with repr, so they read back bit for bit)."""
        hp = self.hyperparameters
        spec = self.dataset
        csv = None
        if spec.csv is not None:
            csv = {
                "feature_names": list(spec.csv.feature_names),
                "target_names": list(spec.csv.target_names),
                "task": spec.csv.task,
                "X": np.asarray(spec.csv.X, dtype=np.float64).tolist(),
                "Y": np.asarray(spec.csv.Y, dtype=np.float64).tolist(),
                "class_names": list(spec.csv.class_names),
            }
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "title": self.title,
            "notes": self.notes,
            "layer_sizes": [_plain(size) for size in self.layer_sizes],
            "activations": list(self.activations),
            "loss": self.loss,
            "seed": _plain(self.seed),
            "hyperparameters": {
                "learning_rate": _plain(hp.learning_rate),
                "batch_size": _plain(hp.batch_size),
                "momentum": _plain(hp.momentum),
                "l1": _plain(hp.l1),
                "l2": _plain(hp.l2),
            },
            "dataset": {
                "name": spec.name,
                "n_samples": _plain(spec.n_samples),
                "noise": _plain(spec.noise),
                "test_fraction": _plain(spec.test_fraction),
                "seed": _plain(spec.seed),
                "csv": csv,
            },
            "weights": _arrays_to_lists(self.weights),
            "biases": _arrays_to_lists(self.biases),
        }

    @classmethod
    def from_json_dict(cls, data: Any) -> NetworkDocument:
        """Validate parsed JSON field by field; raise DocumentError at the first fault."""
        # Imported here: reading builds the classes of this module.
        from backprop_gui.document.reading import read_document

        return read_document(data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NetworkDocument):
            return NotImplemented
        return (
            list(self.layer_sizes) == list(other.layer_sizes)
            and list(self.activations) == list(other.activations)
            and (self.loss, self.hyperparameters, self.dataset, self.seed)
            == (other.loss, other.hyperparameters, other.dataset, other.seed)
            and (self.title, self.notes) == (other.title, other.notes)
            and _arrays_equal(self.weights, other.weights)
            and _arrays_equal(self.biases, other.biases)
        )

    __hash__ = None  # type: ignore[assignment]


def _plain(value: Any) -> Any:
    """A numpy scalar (a spin box value gone through numpy) as the Python number it holds."""
    return value.item() if isinstance(value, np.generic) else value


def _arrays_to_lists(arrays: Sequence[np.ndarray] | None) -> list[Any] | None:
    if arrays is None:
        return None
    return [np.asarray(a, dtype=np.float64).tolist() for a in arrays]


def _arrays_equal(first: Sequence[np.ndarray] | None, second: Sequence[np.ndarray] | None) -> bool:
    if first is None or second is None:
        return first is second
    return len(first) == len(second) and all(
        np.array_equal(a, b) for a, b in zip(first, second, strict=True)
    )


def default_document() -> NetworkDocument:
    """The network the application opens on: a noisy XOR cloud, learned in a few seconds."""
    return NetworkDocument(
        layer_sizes=[2, 4, 1],
        activations=["tanh", "sigmoid"],
        loss="cross_entropy",
        hyperparameters=Hyperparameters(learning_rate=0.5),
        dataset=DatasetSpec("xor", test_fraction=0.2),
        seed=1,
        title="Le OU exclusif (XOR), en nuage de points",
        notes=(
            "Des points dans les quatre quarts du plan : classe 1 quand x1 et x2 sont de signes "
            "contraires, classe 0 sinon. Aucune droite ne sépare les deux classes ; la couche "
            "cachée de 4 neurones y arrive en quelques centaines d'itérations. Lancez "
            "l'apprentissage et regardez la frontière de décision se former."
        ),
    )
