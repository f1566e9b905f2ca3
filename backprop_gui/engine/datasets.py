"""Data sets to train on: the Dataset type, built-in seeded sets and a train/test split.

A built-in set is drawn from ``numpy.random.default_rng(seed)``, so a seed names one data set
bit for bit, in a notebook as on the projected screen. ``noise`` is always a number from 0 to 1:
for the 2-D sets, the standard deviation of a Gaussian jitter added to each input coordinate
(the inputs span about [-1, 1]); for the regression sets, that of a jitter added to the target.

CSV import lives in :mod:`backprop_gui.engine.csv_import`; its names are importable from here.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from backprop_gui.engine import limits
from backprop_gui.messages import QT_TRANSLATE_NOOP, Message, TranslatableError

TASKS = ("binary", "multiclass", "regression")
"""What the targets are: one 0/1 column, one-hot columns (one per class), or real numbers."""

MAX_CLASSES = 20
"""Most classes a class column may hold."""

MAX_SEED = 2**31 - 1
"""Largest seed, the largest value a Qt spin box holds."""

MAX_TEST_FRACTION = 0.9
"""Largest share of the samples kept aside for testing; the rest trains."""


class DatasetError(TranslatableError):
    """A data set that cannot be built: unknown name, parameter out of range, bad arrays."""


def _dataset_error(template: str, **params: object) -> DatasetError:
    return DatasetError(Message("Dataset", template, **params))


# --------------------------------------------------------------------------- the data set


@dataclass(frozen=True, eq=False)
class Dataset:
    """Samples as rows: inputs ``X`` (n_samples, n_features), targets ``Y`` (n_samples, n_targets).

    Both arrays are float64 copies made read-only, so one data set can be shared by the training
    thread and the GUI. Binary targets are one 0/1 column; multiclass targets are one-hot, a
    column per class. Data sets compare by identity: arrays have no single truth value.
    """

    name: str
    X: np.ndarray
    Y: np.ndarray
    task: str
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]
    class_names: tuple[str, ...] = ()
    """Binary and multiclass: the name of class 0, class 1... (a CSV column's original values).
    Filled with "class 0", "class 1"... when left empty; always empty for regression."""

    def __post_init__(self) -> None:
        X = _frozen_matrix(self.X)
        Y = _frozen_matrix(self.Y)
        if X.shape[0] != Y.shape[0]:
            raise _dataset_error(
                QT_TRANSLATE_NOOP(
                    "Dataset", "The inputs have {x_rows} rows but the targets {y_rows}."
                ),
                x_rows=X.shape[0],
                y_rows=Y.shape[0],
            )
        if X.shape[0] > limits.MAX_SAMPLES:
            raise _dataset_error(
                QT_TRANSLATE_NOOP(
                    "Dataset", "A data set holds at most {max} samples, not {count}."
                ),
                max=limits.MAX_SAMPLES,
                count=X.shape[0],
            )
        for matrix in (X, Y):
            if not 1 <= matrix.shape[1] <= limits.MAX_FEATURES:
                raise _dataset_error(
                    QT_TRANSLATE_NOOP(
                        "Dataset",
                        "A data set has 1 to {max} input columns and 1 to {max} target columns.",
                    ),
                    max=limits.MAX_FEATURES,
                )
        if not (np.all(np.isfinite(X)) and np.all(np.isfinite(Y))):
            raise _dataset_error(
                QT_TRANSLATE_NOOP("Dataset", "Every value of a data set must be a finite number.")
            )
        if self.task not in TASKS:
            raise _dataset_error(
                QT_TRANSLATE_NOOP(
                    "Dataset", 'Unknown task "{task}": it is binary, multiclass or regression.'
                ),
                task=str(self.task),
            )
        _check_targets(self.task, Y)
        class_names = tuple(self.class_names)
        n_classes = {"binary": 2, "multiclass": Y.shape[1], "regression": 0}[self.task]
        if not class_names and n_classes:
            class_names = tuple(f"class {k}" for k in range(n_classes))
        feature_names = tuple(self.feature_names)
        target_names = tuple(self.target_names)
        for names, expected in (
            (feature_names, X.shape[1]),
            (target_names, Y.shape[1]),
            (class_names, n_classes),
        ):
            if len(names) != expected or not all(isinstance(name, str) for name in names):
                raise _dataset_error(
                    QT_TRANSLATE_NOOP(
                        "Dataset", "{count} names were given for {expected} columns."
                    ),
                    count=len(names),
                    expected=expected,
                )
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "Y", Y)
        object.__setattr__(self, "feature_names", feature_names)
        object.__setattr__(self, "target_names", target_names)
        object.__setattr__(self, "class_names", class_names)

    @property
    def n_samples(self) -> int:
        return int(self.X.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.X.shape[1])

    @property
    def n_targets(self) -> int:
        return int(self.Y.shape[1])

    def class_labels(self) -> np.ndarray:
        """The class of each sample as an int, shape (n_samples,); regression has none."""
        if self.task == "binary":
            return (self.Y[:, 0] > 0.5).astype(np.int64)
        if self.task == "multiclass":
            return np.argmax(self.Y, axis=1).astype(np.int64)
        raise _dataset_error(QT_TRANSLATE_NOOP("Dataset", "A regression data set has no classes."))

    def subset(self, indices: np.ndarray | Sequence[int]) -> Dataset:
        """The samples at ``indices`` (integer positions or a boolean mask), in that order."""
        index = np.asarray(indices)
        if index.size == 0:
            index = np.zeros(0, dtype=np.intp)  # np.asarray([]) is float: still "no sample"
        elif index.dtype.kind not in "biu":
            raise TypeError(f"indices must be integers or booleans, not {index.dtype}")
        return replace(self, X=self.X[index], Y=self.Y[index])


def _frozen_matrix(values: object) -> np.ndarray:
    try:
        matrix = np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        matrix = None
    if matrix is None or matrix.ndim != 2:
        raise _dataset_error(
            QT_TRANSLATE_NOOP("Dataset", "The inputs and the targets must be tables of numbers.")
        )
    matrix.setflags(write=False)
    return matrix


def _check_targets(task: str, Y: np.ndarray) -> None:
    if task == "regression":
        return
    zero_one = np.all((Y == 0.0) | (Y == 1.0))
    if task == "binary" and not (Y.shape[1] == 1 and zero_one):
        raise _dataset_error(
            QT_TRANSLATE_NOOP("Dataset", "A binary target is a single column of 0 and 1.")
        )
    if task == "multiclass" and not (Y.shape[1] >= 2 and zero_one and np.all(Y.sum(axis=1) == 1.0)):
        raise _dataset_error(
            QT_TRANSLATE_NOOP(
                "Dataset",
                "A multiclass target has a column per class, and each row holds a single 1.",
            )
        )


# --------------------------------------------------------------------------- built-in sets

DatasetFunction = Callable[[int, float, np.random.Generator], tuple[np.ndarray, np.ndarray]]
"""(n_samples, noise, rng) -> (X, Y)."""


@dataclass(frozen=True)
class DatasetInfo:
    """A built-in data set: what a menu shows of it, its shapes and defaults, its generator."""

    name: str
    title: str
    description: str
    task: str
    n_features: int
    n_targets: int
    default_n_samples: int
    default_noise: float
    function: DatasetFunction
    feature_names: tuple[str, ...] = ("x1", "x2")
    target_names: tuple[str, ...] = ("class",)
    min_samples: int = 2
    """Fewest samples that still hold every class (the range of a sample-count spin box)."""
    max_samples: int = limits.MAX_SAMPLES
    uses_noise: bool = True
    """False when ``noise`` is ignored (xor_4): a noise control can be disabled."""


def _balanced_labels(n: int, n_classes: int, rng: np.random.Generator) -> np.ndarray:
    """Class of each sample, as even as ``n`` allows, in a random order (so sets come shuffled)."""
    return rng.permutation(np.arange(n) % n_classes)


def _jitter(X: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    return X + noise * rng.standard_normal(X.shape)


def _binary(labels: np.ndarray) -> np.ndarray:
    return labels.astype(np.float64).reshape(-1, 1)


def _xor_4(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return X, Y


def _xor(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    quadrant = _balanced_labels(n, 4, rng)
    signs = np.array([[1.0, 1.0], [-1.0, 1.0], [-1.0, -1.0], [1.0, -1.0]])[quadrant]
    # Kept 0.1 away from the axes, so that only the jitter blurs the class of a point.
    X = signs * (0.1 + 0.9 * rng.random((n, 2)))
    return _jitter(X, noise, rng), _binary(signs[:, 0] != signs[:, 1])


def _circles(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    inside = _balanced_labels(n, 2, rng)
    radius = np.where(inside == 1, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
    angle = rng.uniform(0.0, 2.0 * np.pi, n)
    X = np.column_stack((radius * np.cos(angle), radius * np.sin(angle)))
    return _jitter(X, noise, rng), _binary(inside)


def _gaussians(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    labels = _balanced_labels(n, 2, rng)
    centres = np.array([[-0.5, -0.5], [0.5, 0.5]])[labels]
    spread = math.hypot(0.2, noise)  # each cluster's own spread, then the jitter
    return centres + spread * rng.standard_normal((n, 2)), _binary(labels)


def _spiral(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    labels = _balanced_labels(n, 2, rng)
    along = rng.random(n)  # 0 at the centre, 1 at the end of the arm
    angle = 1.75 * 2.0 * np.pi * along + np.pi * labels
    X = np.column_stack((along * np.sin(angle), along * np.cos(angle)))
    return _jitter(X, noise, rng), _binary(labels)


def _moons(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    labels = _balanced_labels(n, 2, rng)
    angle = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack((np.cos(angle), np.sin(angle)))
    lower = np.column_stack((1.0 - np.cos(angle), 0.5 - np.sin(angle)))
    X = np.where(labels[:, None] == 0, upper, lower)
    # From [-1, 2] x [-0.5, 1] to [-1, 1] x [-0.5, 0.5], the same scale on both axes.
    X = (X - np.array([0.5, 0.25])) / 1.5
    return _jitter(X, noise, rng), _binary(labels)


PLANE_SLOPES = (0.8, -0.5)
"""The plane set is y = 0.8 * x1 - 0.5 * x2 + jitter."""


def _plane(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-1.0, 1.0, (n, 2))
    y = X @ np.array(PLANE_SLOPES)
    return X, _jitter(y.reshape(-1, 1), noise, rng)


def _sine(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-np.pi, np.pi, (n, 1))
    return X, _jitter(np.sin(X), noise, rng)


def _blobs(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    labels = _balanced_labels(n, 3, rng)
    angles = np.radians([90.0, 210.0, 330.0])
    centres = 0.6 * np.column_stack((np.cos(angles), np.sin(angles)))
    spread = math.hypot(0.15, noise)
    X = centres[labels] + spread * rng.standard_normal((n, 2))
    return X, np.eye(3)[labels]


DATASETS: dict[str, DatasetInfo] = {
    info.name: info
    for info in (
        DatasetInfo(
            "xor_4",
            QT_TRANSLATE_NOOP("Dataset", "XOR (4 points)"),
            QT_TRANSLATE_NOOP(
                "Dataset",
                "The four rows of the XOR truth table: (0, 0) → 0, (0, 1) → 1, (1, 0) → 1, "
                "(1, 1) → 0. No straight line separates the two classes: a hidden layer is needed.",
            ),
            task="binary",
            n_features=2,
            n_targets=1,
            default_n_samples=4,
            default_noise=0.0,
            function=_xor_4,
            min_samples=4,
            max_samples=4,
            uses_noise=False,
        ),
        DatasetInfo(
            "xor",
            QT_TRANSLATE_NOOP("Dataset", "XOR (cloud)"),
            QT_TRANSLATE_NOOP(
                "Dataset",
                "Points in the four quarters of the plane: class 1 where x1 and x2 have opposite "
                "signs, class 0 elsewhere.",
            ),
            task="binary",
            n_features=2,
            n_targets=1,
            default_n_samples=400,
            default_noise=0.1,
            function=_xor,
            min_samples=4,
        ),
        DatasetInfo(
            "circles",
            QT_TRANSLATE_NOOP("Dataset", "Circles"),
            QT_TRANSLATE_NOOP(
                "Dataset",
                "A disc (class 1) inside a ring (class 0). The boundary is a circle, which a "
                "single neuron cannot draw.",
            ),
            task="binary",
            n_features=2,
            n_targets=1,
            default_n_samples=500,
            default_noise=0.05,
            function=_circles,
        ),
        DatasetInfo(
            "gaussians",
            QT_TRANSLATE_NOOP("Dataset", "Two clusters"),
            QT_TRANSLATE_NOOP(
                "Dataset",
                "Two Gaussian clusters, one per class. A straight line almost separates them; "
                "noise makes them overlap.",
            ),
            task="binary",
            n_features=2,
            n_targets=1,
            default_n_samples=200,
            default_noise=0.1,
            function=_gaussians,
        ),
        DatasetInfo(
            "spiral",
            QT_TRANSLATE_NOOP("Dataset", "Spirals"),
            QT_TRANSLATE_NOOP(
                "Dataset",
                "Two interleaved spirals, one per class. Hard: it takes several hidden layers "
                "or many neurons.",
            ),
            task="binary",
            n_features=2,
            n_targets=1,
            default_n_samples=500,
            default_noise=0.03,
            function=_spiral,
        ),
        DatasetInfo(
            "moons",
            QT_TRANSLATE_NOOP("Dataset", "Moons"),
            QT_TRANSLATE_NOOP("Dataset", "Two interleaved half moons, one per class."),
            task="binary",
            n_features=2,
            n_targets=1,
            default_n_samples=300,
            default_noise=0.1,
            function=_moons,
        ),
        DatasetInfo(
            "plane",
            QT_TRANSLATE_NOOP("Dataset", "Plane (regression)"),
            QT_TRANSLATE_NOOP(
                "Dataset",
                "Regression: y = 0.8·x1 − 0.5·x2, plus noise. A network without a hidden layer "
                "and with a linear output fits it.",
            ),
            task="regression",
            n_features=2,
            n_targets=1,
            default_n_samples=200,
            default_noise=0.1,
            function=_plane,
            target_names=("y",),
            min_samples=1,
        ),
        DatasetInfo(
            "sine",
            QT_TRANSLATE_NOOP("Dataset", "Sine (regression)"),
            QT_TRANSLATE_NOOP(
                "Dataset", "Regression: y = sin(x), plus noise, for x from −π to π. One input."
            ),
            task="regression",
            n_features=1,
            n_targets=1,
            default_n_samples=200,
            default_noise=0.1,
            function=_sine,
            feature_names=("x",),
            target_names=("y",),
            min_samples=1,
        ),
        DatasetInfo(
            "blobs",
            QT_TRANSLATE_NOOP("Dataset", "Three clusters"),
            QT_TRANSLATE_NOOP(
                "Dataset",
                "Three Gaussian clusters, one per class: one output neuron per class, "
                "with softmax.",
            ),
            task="multiclass",
            n_features=2,
            n_targets=3,
            default_n_samples=300,
            default_noise=0.1,
            function=_blobs,
            target_names=("class 0", "class 1", "class 2"),
            min_samples=3,
        ),
    )
}
"""Every built-in data set by name, in the order a menu shows them."""


def _is_whole(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_real(value: object) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _check_seed(seed: object) -> int:
    if not (_is_whole(seed) and 0 <= seed <= MAX_SEED):
        raise _dataset_error(
            QT_TRANSLATE_NOOP(
                "Dataset", "The seed must be a whole number from 0 to {max}, not {value}."
            ),
            max=MAX_SEED,
            value=_shorten(repr(seed)),
        )
    return int(seed)


def make_dataset(
    name: str, n_samples: int | None = None, noise: float | None = None, seed: int = 0
) -> Dataset:
    """Built-in set ``name`` (a key of :data:`DATASETS`); None picks its default size or noise."""
    info = DATASETS.get(name) if isinstance(name, str) else None
    if info is None:
        raise _dataset_error(
            QT_TRANSLATE_NOOP("Dataset", 'There is no built-in data set named "{name}".'),
            name=_shorten(str(name)),
        )
    n = info.default_n_samples if n_samples is None else n_samples
    if not (_is_whole(n) and info.min_samples <= n <= info.max_samples):
        raise _dataset_error(
            QT_TRANSLATE_NOOP(
                "Dataset",
                "The number of samples must be a whole number from {min} to {max}, not {value}.",
            ),
            min=info.min_samples,
            max=info.max_samples,
            value=_shorten(repr(n)),
        )
    jitter = info.default_noise if noise is None else noise
    if not (_is_real(jitter) and 0.0 <= jitter <= 1.0):
        raise _dataset_error(
            QT_TRANSLATE_NOOP("Dataset", "The noise must be a number from 0 to 1, not {value}."),
            value=_shorten(repr(jitter)),
        )
    rng = np.random.default_rng(_check_seed(seed))
    X, Y = info.function(int(n), float(jitter), rng)
    return Dataset(info.name, X, Y, info.task, info.feature_names, info.target_names)


def train_test_split(
    dataset: Dataset, test_fraction: float, seed: int = 0
) -> tuple[Dataset, Dataset]:
    """(train, test): a seeded random ``test_fraction`` of the samples, the rest for training.

    Both keep the order of ``dataset``. The test set gets round(n * test_fraction) samples, but
    never all of them; a fraction of 0 gives an empty test set with the right columns.
    """
    if not (_is_real(test_fraction) and 0.0 <= test_fraction <= MAX_TEST_FRACTION):
        raise _dataset_error(
            QT_TRANSLATE_NOOP(
                "Dataset", "The test fraction must be a number from 0 to {max}, not {value}."
            ),
            max=MAX_TEST_FRACTION,
            value=_shorten(repr(test_fraction)),
        )
    n = dataset.n_samples
    n_test = min(math.floor(n * float(test_fraction) + 0.5), max(n - 1, 0))
    order = np.random.default_rng(_check_seed(seed)).permutation(n)
    test = np.sort(order[:n_test])
    train = np.sort(order[n_test:])
    return dataset.subset(train), dataset.subset(test)


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# CSV import has its own module (it imports this one); its names stay importable from here.
from backprop_gui.engine.csv_import import (  # noqa: E402
    CsvError,
    CsvTable,
    load_csv,
    read_csv_table,
)

__all__ = [
    "DATASETS",
    "MAX_CLASSES",
    "MAX_SEED",
    "MAX_TEST_FRACTION",
    "TASKS",
    "CsvError",
    "CsvTable",
    "Dataset",
    "DatasetError",
    "DatasetInfo",
    "load_csv",
    "make_dataset",
    "read_csv_table",
    "train_test_split",
]
