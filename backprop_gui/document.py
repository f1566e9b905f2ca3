"""The network document: architecture, hyper-parameters, data set and weights, as versioned JSON.

The document is the truth the canvas edits and the file a teacher shares. Loading validates
every field before anything is allocated and fails with one sentence naming the field, so a
corrupt or hostile file never reaches numpy; saving goes through a temporary file and a rename,
so a crash never leaves half a file. No Qt here: messages are translatable templates.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import itertools
import json
import math
import os
import secrets
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from backprop_gui.engine import limits
from backprop_gui.engine.activations import ACTIVATIONS
from backprop_gui.engine.datasets import (
    DATASETS,
    MAX_SEED,
    MAX_TEST_FRACTION,
    TASKS,
    Dataset,
    make_dataset,
    train_test_split,
)
from backprop_gui.engine.losses import LOSSES
from backprop_gui.engine.network import Network, check_architecture
from backprop_gui.messages import QT_TRANSLATE_NOOP, Message, TranslatableError
from backprop_gui.paths import resource_path

FORMAT_NAME = "backprop-gui-network"
FORMAT_VERSION = 1
"""The newest version this code reads and the one it writes."""

EMBEDDED = "csv"
"""The data set name of a document that carries its own samples (imported, clicked, or fixed)."""

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_TITLE_LENGTH = 200
MAX_NOTES_LENGTH = 20_000
MAX_COLUMN_NAME_LENGTH = 100
MAX_LEARNING_RATE = 100.0

_CONTEXT = "Document"


class DocumentError(TranslatableError):
    """A network document that cannot be read, written or used, said in one sentence."""


def _fail(template: str, **params: Any) -> NoReturn:
    raise DocumentError(Message(_CONTEXT, template, **params))


# -- the document ------------------------------------------------------------------------------


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
            _fail(
                _Text.OTHER_LAYERS,
                found=_layers_text(network.layer_sizes),
                expected=_layers_text(self.layer_sizes),
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
        return _read_document(data)

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


def _layers_text(sizes: Sequence[int]) -> str:
    return "-".join(str(int(size)) for size in sizes)


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


# -- messages ----------------------------------------------------------------------------------
# One sentence each, naming the field path (``weights[1]``, ``dataset.noise``); ``{found}`` is
# a short JSON rendering of the value found.


class _Text:
    """The templates, extracted by ``pyside6-lupdate`` under the "Document" context."""

    NOT_UTF8 = QT_TRANSLATE_NOOP("Document", "This file is not UTF-8 text.")
    NOT_JSON = QT_TRANSLATE_NOOP("Document", "This file is not valid JSON.")
    NOT_JSON_AT = QT_TRANSLATE_NOOP(
        "Document", "This file is not valid JSON (line {line}, column {column})."
    )
    TOO_LARGE = QT_TRANSLATE_NOOP(
        "Document", "This file is too large ({size} MB); the limit is {limit} MB."
    )
    NOT_OBJECT_TOP = QT_TRANSLATE_NOOP(
        "Document", "This is not a network document: its top level is not a JSON object."
    )
    NO_FORMAT = QT_TRANSLATE_NOOP(
        "Document", 'This is not a backprop-gui network document: "format" is missing.'
    )
    WRONG_FORMAT = QT_TRANSLATE_NOOP(
        "Document",
        'This is not a backprop-gui network document: "format" is {found}, not {expected}.',
    )
    NEWER_VERSION = QT_TRANSLATE_NOOP(
        "Document",
        "This document was made by a newer version of backprop-gui (format version {version}; "
        "this one reads up to version {supported}).",
    )
    NO_SUCH_VERSION = QT_TRANSLATE_NOOP(
        "Document", "version {version} does not exist; versions start at 1."
    )
    MISSING = QT_TRANSLATE_NOOP("Document", "{field} is missing.")
    UNKNOWN_FIELD = QT_TRANSLATE_NOOP("Document", "{field} is not a known field.")
    NOT_OBJECT = QT_TRANSLATE_NOOP("Document", "{field} must be an object, not {found}.")
    NOT_LIST = QT_TRANSLATE_NOOP("Document", "{field} must be a list, not {found}.")
    NOT_INTEGER = QT_TRANSLATE_NOOP("Document", "{field} must be a whole number, not {found}.")
    NOT_NUMBER = QT_TRANSLATE_NOOP("Document", "{field} must be a number, not {found}.")
    NOT_FINITE = QT_TRANSLATE_NOOP("Document", "{field} must be a finite number, not {found}.")
    NOT_TEXT = QT_TRANSLATE_NOOP("Document", "{field} must be a text, not {found}.")
    BAD_CHARACTER = QT_TRANSLATE_NOOP("Document", "{field} contains an invalid character.")
    TOO_LONG = QT_TRANSLATE_NOOP(
        "Document", "{field} is {length} characters long; the limit is {limit}."
    )
    OUT_OF_RANGE = QT_TRANSLATE_NOOP(
        "Document", "{field} must be between {low} and {high}, not {found}."
    )
    BELOW = QT_TRANSLATE_NOOP("Document", "{field} must be at least {low}, not {found}.")
    NOT_POSITIVE = QT_TRANSLATE_NOOP(
        "Document", "{field} must be greater than 0 and at most {high}, not {found}."
    )
    NOT_FRACTION = QT_TRANSLATE_NOOP(
        "Document", "{field} must be at least 0 and less than 1, not {found}."
    )
    LAYER_COUNT = QT_TRANSLATE_NOOP(
        "Document", "layer_sizes has {count} layers; a network has from 2 to {limit}."
    )
    TOO_MANY_PARAMETERS = QT_TRANSLATE_NOOP(
        "Document", "layer_sizes gives {count} weights and biases; the limit is {limit}."
    )
    ACTIVATION_COUNT = QT_TRANSLATE_NOOP(
        "Document",
        "activations has {count} names, expected {expected} (one per layer after the inputs).",
    )
    UNKNOWN_NAME = QT_TRANSLATE_NOOP("Document", "{field} is {found}, not one of {known}.")
    SHAPE = QT_TRANSLATE_NOOP("Document", "{field} has shape {found}, expected {expected}.")
    SHAPE_FOR_LAYERS = QT_TRANSLATE_NOOP(
        "Document", "{field} has shape {found}, expected {expected} for layers {layers}."
    )
    ROW_COUNT = QT_TRANSLATE_NOOP("Document", "{field} has {count} rows, expected {expected}.")
    VALUE_COUNT = QT_TRANSLATE_NOOP("Document", "{field} has {count} values, expected {expected}.")
    MATRIX_COUNT = QT_TRANSLATE_NOOP(
        "Document", "{field} has {count} entries, expected {expected} for layers {layers}."
    )
    HALF_PARAMETERS = QT_TRANSLATE_NOOP(
        "Document", "{field} is null but {other} is not: give both or neither."
    )
    CSV_MISSING = QT_TRANSLATE_NOOP(
        "Document", 'dataset.csv is missing: the data set "csv" carries its own samples.'
    )
    NULL_FOR_CSV = QT_TRANSLATE_NOOP(
        "Document", '{field} must be null for the data set "csv", not {found}.'
    )
    CSV_FOR_BUILT_IN = QT_TRANSLATE_NOOP(
        "Document", "dataset.csv must be null for the built-in data set {name}."
    )
    INPUT_NAMES = QT_TRANSLATE_NOOP(
        "Document", "{field} has {count} names, but the network has {expected} inputs."
    )
    CLASS_NAMES = QT_TRANSLATE_NOOP(
        "Document", "{field} has {count} names, but a {task} data set here has {expected} classes."
    )
    OUTPUT_NAMES = QT_TRANSLATE_NOOP(
        "Document", "{field} has {count} names, but the network has {expected} outputs."
    )
    SAMPLE_COUNT = QT_TRANSLATE_NOOP(
        "Document", "{field} has {count} samples; from 1 to {limit} are allowed."
    )
    DATA_DOES_NOT_FIT = QT_TRANSLATE_NOOP(
        "Document",
        "The data set {name} has {features} inputs and {targets} outputs, but the network has "
        "{inputs} inputs and {outputs} outputs.",
    )
    OTHER_LAYERS = QT_TRANSLATE_NOOP(
        "Document", "The network has layers {found} but the document has layers {expected}."
    )
    FILE_MISSING = QT_TRANSLATE_NOOP("Document", "The file {path} does not exist.")
    IS_FOLDER = QT_TRANSLATE_NOOP("Document", "{path} is a folder, not a file.")
    NOT_REGULAR = QT_TRANSLATE_NOOP("Document", "{path} is not a regular file.")
    READ_DENIED = QT_TRANSLATE_NOOP("Document", "You are not allowed to read {path}.")
    WRITE_DENIED = QT_TRANSLATE_NOOP("Document", "You are not allowed to write {path}.")
    READ_FAILED = QT_TRANSLATE_NOOP("Document", "The file {path} cannot be read ({reason}).")
    WRITE_FAILED = QT_TRANSLATE_NOOP("Document", "The file {path} cannot be saved ({reason}).")


# -- reading: validation ---------------------------------------------------------------------

_TOP_KEYS = (
    "format", "version", "title", "notes", "layer_sizes", "activations", "loss", "seed",
    "hyperparameters", "dataset", "weights", "biases",
)  # fmt: skip
_HYPERPARAMETER_KEYS = ("learning_rate", "batch_size", "momentum", "l1", "l2")
_DATASET_KEYS = ("name", "n_samples", "noise", "test_fraction", "seed", "csv")
_CSV_KEYS = ("feature_names", "target_names", "task", "X", "Y", "class_names")
_MISSING = object()


def _show(value: Any) -> str:
    """A short JSON-like rendering of a value found, for messages (never a whole list)."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        if value.bit_length() > 64:
            return f"≈1e{int(value.bit_length() * math.log10(2))}"
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if isinstance(value, str):
        text = json.dumps(value[:40], ensure_ascii=False)
        return text[:-1] + '…"' if len(value) > 40 else text
    if isinstance(value, list):
        return "[…]" if value else "[]"
    if isinstance(value, dict):
        return "{…}" if value else "{}"
    return type(value).__name__


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _object(value: Any, path: str, keys: Sequence[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(_Text.NOT_OBJECT, field=path, found=_show(value))
    for key in value:
        if key not in keys:
            shown = key if isinstance(key, str) and key.isidentifier() else _show(key)
            _fail(_Text.UNKNOWN_FIELD, field=_join(path, shown))
    return value


def _required(obj: dict[str, Any], key: str, path: str) -> Any:
    value = obj.get(key, _MISSING)
    if value is _MISSING:
        _fail(_Text.MISSING, field=_join(path, key))
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        _fail(_Text.NOT_LIST, field=path, found=_show(value))
    return value


def _integer(value: Any, path: str, low: int, high: int) -> int:
    # bool is an int in Python, but true is not a size.
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(_Text.NOT_INTEGER, field=path, found=_show(value))
    if not low <= value <= high:
        _fail(_Text.OUT_OF_RANGE, field=path, low=low, high=high, found=_show(value))
    return value


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _fail(_Text.NOT_NUMBER, field=path, found=_show(value))
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        _fail(_Text.NOT_FINITE, field=path, found=_show(value))
    return number


def _number_in(value: Any, path: str, low: float, high: float) -> float:
    number = _number(value, path)
    if not low <= number <= high:
        _fail(_Text.OUT_OF_RANGE, field=path, low=_show(low), high=_show(high), found=_show(value))
    return number


def _fraction(value: Any, path: str) -> float:
    """A number in [0, 1)."""
    number = _number(value, path)
    if not 0.0 <= number < 1.0:
        _fail(_Text.NOT_FRACTION, field=path, found=_show(value))
    return number


def _text(value: Any, path: str, max_length: int) -> str:
    if not isinstance(value, str):
        _fail(_Text.NOT_TEXT, field=path, found=_show(value))
    if len(value) > max_length:
        _fail(_Text.TOO_LONG, field=path, length=len(value), limit=max_length)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\ud800") parses, but could never be saved nor shown.
        _fail(_Text.BAD_CHARACTER, field=path)
    return value


def _name(value: Any, path: str, known: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in known:
        _fail(_Text.UNKNOWN_NAME, field=path, found=_show(value), known=", ".join(known))
    return value


def _matrix(value: Any, path: str, n_rows: int, n_cols: int, layers: str = "") -> np.ndarray:
    """A list of ``n_rows`` lists of ``n_cols`` finite numbers, as a float64 array."""
    rows = _list(value, path)
    widths = {len(row) for row in rows if isinstance(row, list)}
    if len(widths) <= 1 and all(isinstance(row, list) for row in rows):
        found = (len(rows), widths.pop() if widths else 0)
        if found != (n_rows, n_cols):
            shape = {"field": path, "found": f"{found[0]}x{found[1]}"}
            if layers:
                _fail(_Text.SHAPE_FOR_LAYERS, expected=f"{n_rows}x{n_cols}", layers=layers, **shape)
            _fail(_Text.SHAPE, expected=f"{n_rows}x{n_cols}", **shape)
    if len(rows) != n_rows:
        _fail(_Text.ROW_COUNT, field=path, count=len(rows), expected=n_rows)
    for i, row in enumerate(rows):
        _numbers(row, f"{path}[{i}]", n_cols)
    return _finite_array(rows, path, (n_rows, n_cols))


def _vector(value: Any, path: str, length: int) -> np.ndarray:
    return _finite_array(_numbers(value, path, length), path, (length,))


def _numbers(value: Any, path: str, length: int) -> list[Any]:
    items = _list(value, path)
    if len(items) != length:
        _fail(_Text.VALUE_COUNT, field=path, count=len(items), expected=length)
    if not all(type(item) is float for item in items):
        for j, item in enumerate(items):
            _number(item, f"{path}[{j}]")
    return items


def _finite_array(items: list[Any], path: str, shape: tuple[int, ...]) -> np.ndarray:
    """``items`` (numbers already type-checked) as float64, refusing NaN and infinities."""
    array = np.array(items, dtype=np.float64).reshape(shape)
    if not np.isfinite(array).all():
        index = tuple(int(i) for i in np.argwhere(~np.isfinite(array))[0])
        where = path + "".join(f"[{i}]" for i in index)
        _fail(_Text.NOT_FINITE, field=where, found=_show(float(array[index])))
    return array


def _read_document(data: Any) -> NetworkDocument:
    if not isinstance(data, dict):
        _fail(_Text.NOT_OBJECT_TOP)
    found_format = data.get("format", _MISSING)
    if found_format is _MISSING:
        _fail(_Text.NO_FORMAT)
    if found_format != FORMAT_NAME:
        _fail(_Text.WRONG_FORMAT, found=_show(found_format), expected=_show(FORMAT_NAME))
    version = _required(data, "version", "")
    if isinstance(version, bool) or not isinstance(version, int):
        _fail(_Text.NOT_INTEGER, field="version", found=_show(version))
    if version > FORMAT_VERSION:
        _fail(_Text.NEWER_VERSION, version=_show(version), supported=FORMAT_VERSION)
    if version < 1:
        _fail(_Text.NO_SUCH_VERSION, version=_show(version))
    _object(data, "", _TOP_KEYS)

    layer_sizes = _read_layer_sizes(_required(data, "layer_sizes", ""))
    activations = _read_activations(_required(data, "activations", ""), len(layer_sizes) - 1)
    loss = _name(data.get("loss", "squared_error"), "loss", list(LOSSES))
    try:
        # The engine's own rules (softmax only at the output, loss after activation...).
        check_architecture(layer_sizes, activations, loss)
    except TranslatableError as error:
        raise DocumentError(error.message) from None
    weights, biases = _read_parameters(data, layer_sizes)
    return NetworkDocument(
        layer_sizes=layer_sizes,
        activations=activations,
        loss=loss,
        hyperparameters=_read_hyperparameters(data.get("hyperparameters", {})),
        dataset=_read_dataset(_required(data, "dataset", ""), layer_sizes),
        seed=_integer(data.get("seed", 0), "seed", 0, MAX_SEED),
        weights=weights,
        biases=biases,
        title=_text(data.get("title", ""), "title", MAX_TITLE_LENGTH),
        notes=_text(data.get("notes", ""), "notes", MAX_NOTES_LENGTH),
    )


def _read_layer_sizes(value: Any) -> list[int]:
    sizes = _list(value, "layer_sizes")
    if not 2 <= len(sizes) <= limits.MAX_LAYERS:
        _fail(_Text.LAYER_COUNT, count=len(sizes), limit=limits.MAX_LAYERS)
    for index, size in enumerate(sizes):
        _integer(size, f"layer_sizes[{index}]", 1, limits.MAX_NEURONS_PER_LAYER)
    parameters = sum((n_in + 1) * n_out for n_in, n_out in itertools.pairwise(sizes))
    if parameters > limits.MAX_PARAMETERS:
        _fail(_Text.TOO_MANY_PARAMETERS, count=parameters, limit=limits.MAX_PARAMETERS)
    return list(sizes)


def _read_activations(value: Any, count: int) -> list[str]:
    names = _list(value, "activations")
    if len(names) != count:
        _fail(_Text.ACTIVATION_COUNT, count=len(names), expected=count)
    known = list(ACTIVATIONS)
    return [_name(name, f"activations[{index}]", known) for index, name in enumerate(names)]


def _read_hyperparameters(value: Any) -> Hyperparameters:
    path = "hyperparameters"
    obj = _object(value, path, _HYPERPARAMETER_KEYS)
    defaults = Hyperparameters()
    learning_rate = _number(
        obj.get("learning_rate", defaults.learning_rate), f"{path}.learning_rate"
    )
    if not 0.0 < learning_rate <= MAX_LEARNING_RATE:
        _fail(
            _Text.NOT_POSITIVE,
            field=f"{path}.learning_rate",
            high=_show(MAX_LEARNING_RATE),
            found=_show(learning_rate),
        )
    batch_size = obj.get("batch_size", defaults.batch_size)
    if batch_size is not None:
        batch_size = _integer(batch_size, f"{path}.batch_size", 1, limits.MAX_SAMPLES)
    l1, l2 = (_number(obj.get(key, 0.0), f"{path}.{key}") for key in ("l1", "l2"))
    for key, number in (("l1", l1), ("l2", l2)):
        if number < 0.0:
            _fail(_Text.BELOW, field=f"{path}.{key}", low=0, found=_show(number))
    return Hyperparameters(
        learning_rate=learning_rate,
        batch_size=batch_size,
        momentum=_fraction(obj.get("momentum", defaults.momentum), f"{path}.momentum"),
        l1=l1,
        l2=l2,
    )


def _read_dataset(value: Any, layer_sizes: list[int]) -> DatasetSpec:
    obj = _object(value, "dataset", _DATASET_KEYS)
    name = _name(_required(obj, "name", "dataset"), "dataset.name", [*DATASETS, EMBEDDED])
    n_samples, noise, csv = obj.get("n_samples"), obj.get("noise"), obj.get("csv")
    if name == EMBEDDED:
        if csv is None:
            _fail(_Text.CSV_MISSING)
        for key in ("n_samples", "noise"):
            if obj.get(key) is not None:
                _fail(_Text.NULL_FOR_CSV, field=f"dataset.{key}", found=_show(obj[key]))
        csv = _read_csv(csv, layer_sizes)
    else:
        info = DATASETS[name]
        if csv is not None:
            _fail(_Text.CSV_FOR_BUILT_IN, name=_show(name))
        if (info.n_features, info.n_targets) != (layer_sizes[0], layer_sizes[-1]):
            _fail(
                _Text.DATA_DOES_NOT_FIT,
                name=name,
                features=info.n_features,
                targets=info.n_targets,
                inputs=layer_sizes[0],
                outputs=layer_sizes[-1],
            )
        if n_samples is not None:
            n_samples = _integer(n_samples, "dataset.n_samples", info.min_samples, info.max_samples)
        if noise is not None:
            noise = _number_in(noise, "dataset.noise", 0.0, 1.0)
    test_fraction = _number_in(
        obj.get("test_fraction", 0.0), "dataset.test_fraction", 0.0, MAX_TEST_FRACTION
    )
    return DatasetSpec(
        name=name,
        n_samples=n_samples,
        noise=noise,
        test_fraction=test_fraction,
        seed=_integer(obj.get("seed", 0), "dataset.seed", 0, MAX_SEED),
        csv=csv,
    )


def _read_csv(value: Any, layer_sizes: list[int]) -> EmbeddedCsv:
    path = "dataset.csv"
    obj = _object(value, path, _CSV_KEYS)
    names = {}
    for key, expected, template in (
        ("feature_names", layer_sizes[0], _Text.INPUT_NAMES),
        ("target_names", layer_sizes[-1], _Text.OUTPUT_NAMES),
    ):
        items = _list(_required(obj, key, path), f"{path}.{key}")
        if len(items) != expected:
            _fail(template, field=f"{path}.{key}", count=len(items), expected=expected)
        names[key] = _texts(items, f"{path}.{key}")
    task = _name(_required(obj, "task", path), f"{path}.task", TASKS)
    class_names = _texts(
        _list(obj.get("class_names", []), f"{path}.class_names"), f"{path}.class_names"
    )
    n_classes = {"binary": 2, "multiclass": layer_sizes[-1], "regression": 0}[task]
    if class_names and len(class_names) != n_classes:
        _fail(
            _Text.CLASS_NAMES,
            field=f"{path}.class_names",
            count=len(class_names),
            expected=n_classes,
            task=task,
        )
    rows = _list(_required(obj, "X", path), f"{path}.X")
    if not 1 <= len(rows) <= limits.MAX_SAMPLES:
        _fail(_Text.SAMPLE_COUNT, field=f"{path}.X", count=len(rows), limit=limits.MAX_SAMPLES)
    X = _matrix(rows, f"{path}.X", len(rows), layer_sizes[0])
    Y = _matrix(_required(obj, "Y", path), f"{path}.Y", len(rows), layer_sizes[-1])
    csv = EmbeddedCsv(names["feature_names"], names["target_names"], task, X, Y, class_names)
    try:
        # The data set's own rules: binary targets are 0 or 1, multiclass ones one-hot...
        csv.to_dataset()
    except TranslatableError as error:
        raise DocumentError(error.message) from None
    return csv


def _texts(items: list[Any], path: str) -> list[str]:
    return [_text(item, f"{path}[{i}]", MAX_COLUMN_NAME_LENGTH) for i, item in enumerate(items)]


def _read_parameters(
    data: dict[str, Any], layer_sizes: list[int]
) -> tuple[list[np.ndarray] | None, list[np.ndarray] | None]:
    present = {key: data.get(key) is not None for key in ("weights", "biases")}
    if not any(present.values()):
        return None, None
    if not all(present.values()):
        missing = "weights" if not present["weights"] else "biases"
        other = "biases" if missing == "weights" else "weights"
        _fail(_Text.HALF_PARAMETERS, field=missing, other=other)
    n_matrices = len(layer_sizes) - 1
    for key in ("weights", "biases"):
        if len(_list(data[key], key)) != n_matrices:
            layers = _layers_text(layer_sizes)
            _fail(
                _Text.MATRIX_COUNT,
                field=key,
                count=len(data[key]),
                expected=n_matrices,
                layers=layers,
            )
    weights, biases = [], []
    for layer, (n_in, n_out) in enumerate(itertools.pairwise(layer_sizes)):
        path = f"weights[{layer}]"
        weights.append(_matrix(data["weights"][layer], path, n_out, n_in, f"{n_in} -> {n_out}"))
        biases.append(_vector(data["biases"][layer], f"biases[{layer}]", n_out))
    return weights, biases


# -- text and files ----------------------------------------------------------------------------


def loads(text: str | bytes) -> NetworkDocument:
    """Parse and validate a document from its JSON text (bytes must be UTF-8)."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        raw = bytes(text)
        _check_size(len(raw))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            _fail(_Text.NOT_UTF8)
    else:
        _check_size(len(text))
        text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        _fail(_Text.NOT_JSON_AT, line=error.lineno, column=error.colno)
    except (ValueError, RecursionError):
        # Integers of thousands of digits, or lists nested thousands deep.
        _fail(_Text.NOT_JSON)
    return NetworkDocument.from_json_dict(data)


def _check_size(size: int) -> None:
    if size > MAX_DOCUMENT_BYTES:
        _fail(_Text.TOO_LARGE, size=round(size / 2**20), limit=MAX_DOCUMENT_BYTES // 2**20)


def dumps(document: NetworkDocument) -> str:
    """The document as JSON text; raises DocumentError rather than write what load would refuse."""
    data = document.to_json_dict()
    _read_document(data)
    return _format(data, 0) + "\n"


def _format(value: Any, depth: int) -> str:
    """Indented JSON with every list of numbers on one line, so a matrix reads row by row."""
    inner = "  " * (depth + 1)
    if isinstance(value, dict) and value:
        items = [
            f"{inner}{json.dumps(key, ensure_ascii=False)}: {_format(item, depth + 1)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    # Lists of a validated document hold either only containers or only scalars.
    if isinstance(value, list) and value and isinstance(value[0], (list, dict)):
        items = [inner + _format(item, depth + 1) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + "  " * depth + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def load(path: str | os.PathLike[str]) -> NetworkDocument:
    """Read and validate the document at ``path``; every failure is a DocumentError."""
    path = Path(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            _fail(_Text.IS_FOLDER, path=str(path))
        if not stat.S_ISREG(status.st_mode):
            _fail(_Text.NOT_REGULAR, path=str(path))
        _check_size(status.st_size)
        with path.open("rb") as stream:
            raw = stream.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        _fail(_Text.FILE_MISSING, path=str(path))
    except PermissionError:
        _fail(_Text.READ_DENIED, path=str(path))
    except OSError as error:
        _fail(_Text.READ_FAILED, path=str(path), reason=error.strerror or str(error))
    return loads(raw)


def save(document: NetworkDocument, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temporary file in the same folder, flushed to disk, then renamed.

    On any failure the previous file at ``path`` is untouched and the temporary file removed.
    """
    path = Path(path)
    data = dumps(document).encode("utf-8")
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(temporary, flags, 0o666), "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            with contextlib.suppress(OSError):
                # Keep the permissions of the file being replaced.
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except PermissionError:
        _fail(_Text.WRITE_DENIED, path=str(path))
    except IsADirectoryError:
        _fail(_Text.IS_FOLDER, path=str(path))
    except OSError as error:
        _fail(_Text.WRITE_FAILED, path=str(path), reason=error.strerror or str(error))


# -- presets -----------------------------------------------------------------------------------


def preset_paths() -> list[Path]:
    """The example networks (``resources/presets/*.json``), sorted by file name."""
    return sorted(resource_path("presets").glob("*.json"))
