"""Reading a document: untrusted JSON checked field by field before anything is allocated.

Each check fails with one sentence naming the field, so a corrupt or hostile file never
reaches numpy.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from backprop_gui.document.errors import DocumentError, Text, fail, layers_text
from backprop_gui.document.model import (
    EMBEDDED,
    FORMAT_NAME,
    FORMAT_VERSION,
    DatasetSpec,
    EmbeddedCsv,
    Hyperparameters,
    NetworkDocument,
)
from backprop_gui.engine import limits
from backprop_gui.engine.activations import ACTIVATIONS
from backprop_gui.engine.datasets import DATASETS, MAX_SEED, MAX_TEST_FRACTION, TASKS
from backprop_gui.engine.losses import LOSSES
from backprop_gui.engine.network import check_architecture
from backprop_gui.messages import TranslatableError

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_TITLE_LENGTH = 200
MAX_NOTES_LENGTH = 20_000
MAX_COLUMN_NAME_LENGTH = 100
MAX_LEARNING_RATE = 100.0

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
        fail(Text.NOT_OBJECT, field=path, found=_show(value))
    for key in value:
        if key not in keys:
            shown = key if isinstance(key, str) and key.isidentifier() else _show(key)
            fail(Text.UNKNOWN_FIELD, field=_join(path, shown))
    return value


def _required(obj: dict[str, Any], key: str, path: str) -> Any:
    value = obj.get(key, _MISSING)
    if value is _MISSING:
        fail(Text.MISSING, field=_join(path, key))
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        fail(Text.NOT_LIST, field=path, found=_show(value))
    return value


def _integer(value: Any, path: str, low: int, high: int) -> int:
    # bool is an int in Python, but true is not a size.
    if isinstance(value, bool) or not isinstance(value, int):
        fail(Text.NOT_INTEGER, field=path, found=_show(value))
    if not low <= value <= high:
        fail(Text.OUT_OF_RANGE, field=path, low=low, high=high, found=_show(value))
    return value


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fail(Text.NOT_NUMBER, field=path, found=_show(value))
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        fail(Text.NOT_FINITE, field=path, found=_show(value))
    return number


def _number_in(value: Any, path: str, low: float, high: float) -> float:
    number = _number(value, path)
    if not low <= number <= high:
        fail(Text.OUT_OF_RANGE, field=path, low=_show(low), high=_show(high), found=_show(value))
    return number


def _fraction(value: Any, path: str) -> float:
    """A number in [0, 1)."""
    number = _number(value, path)
    if not 0.0 <= number < 1.0:
        fail(Text.NOT_FRACTION, field=path, found=_show(value))
    return number


def _text(value: Any, path: str, max_length: int) -> str:
    if not isinstance(value, str):
        fail(Text.NOT_TEXT, field=path, found=_show(value))
    if len(value) > max_length:
        fail(Text.TOO_LONG, field=path, length=len(value), limit=max_length)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\ud800") parses, but could never be saved nor shown.
        fail(Text.BAD_CHARACTER, field=path)
    return value


def _name(value: Any, path: str, known: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in known:
        fail(Text.UNKNOWN_NAME, field=path, found=_show(value), known=", ".join(known))
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
                fail(Text.SHAPE_FOR_LAYERS, expected=f"{n_rows}x{n_cols}", layers=layers, **shape)
            fail(Text.SHAPE, expected=f"{n_rows}x{n_cols}", **shape)
    if len(rows) != n_rows:
        fail(Text.ROW_COUNT, field=path, count=len(rows), expected=n_rows)
    for i, row in enumerate(rows):
        _numbers(row, f"{path}[{i}]", n_cols)
    return _finite_array(rows, path, (n_rows, n_cols))


def _vector(value: Any, path: str, length: int) -> np.ndarray:
    return _finite_array(_numbers(value, path, length), path, (length,))


def _numbers(value: Any, path: str, length: int) -> list[Any]:
    items = _list(value, path)
    if len(items) != length:
        fail(Text.VALUE_COUNT, field=path, count=len(items), expected=length)
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
        fail(Text.NOT_FINITE, field=where, found=_show(float(array[index])))
    return array


def read_document(data: Any) -> NetworkDocument:
    """Validate parsed JSON field by field; raise DocumentError at the first fault."""
    if not isinstance(data, dict):
        fail(Text.NOT_OBJECT_TOP)
    found_format = data.get("format", _MISSING)
    if found_format is _MISSING:
        fail(Text.NO_FORMAT)
    if found_format != FORMAT_NAME:
        fail(Text.WRONG_FORMAT, found=_show(found_format), expected=_show(FORMAT_NAME))
    version = _required(data, "version", "")
    if isinstance(version, bool) or not isinstance(version, int):
        fail(Text.NOT_INTEGER, field="version", found=_show(version))
    if version > FORMAT_VERSION:
        fail(Text.NEWER_VERSION, version=_show(version), supported=FORMAT_VERSION)
    if version < 1:
        fail(Text.NO_SUCH_VERSION, version=_show(version))
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
        fail(Text.LAYER_COUNT, count=len(sizes), limit=limits.MAX_LAYERS)
    for index, size in enumerate(sizes):
        _integer(size, f"layer_sizes[{index}]", 1, limits.MAX_NEURONS_PER_LAYER)
    parameters = sum((n_in + 1) * n_out for n_in, n_out in itertools.pairwise(sizes))
    if parameters > limits.MAX_PARAMETERS:
        fail(Text.TOO_MANY_PARAMETERS, count=parameters, limit=limits.MAX_PARAMETERS)
    return list(sizes)


def _read_activations(value: Any, count: int) -> list[str]:
    names = _list(value, "activations")
    if len(names) != count:
        fail(Text.ACTIVATION_COUNT, count=len(names), expected=count)
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
        fail(
            Text.NOT_POSITIVE,
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
            fail(Text.BELOW, field=f"{path}.{key}", low=0, found=_show(number))
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
            fail(Text.CSV_MISSING)
        for key in ("n_samples", "noise"):
            if obj.get(key) is not None:
                fail(Text.NULL_FOR_CSV, field=f"dataset.{key}", found=_show(obj[key]))
        csv = _read_csv(csv, layer_sizes)
    else:
        info = DATASETS[name]
        if csv is not None:
            fail(Text.CSV_FOR_BUILT_IN, name=_show(name))
        if (info.n_features, info.n_targets) != (layer_sizes[0], layer_sizes[-1]):
            fail(
                Text.DATA_DOES_NOT_FIT,
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
        ("feature_names", layer_sizes[0], Text.INPUT_NAMES),
        ("target_names", layer_sizes[-1], Text.OUTPUT_NAMES),
    ):
        items = _list(_required(obj, key, path), f"{path}.{key}")
        if len(items) != expected:
            fail(template, field=f"{path}.{key}", count=len(items), expected=expected)
        names[key] = _texts(items, f"{path}.{key}")
    task = _name(_required(obj, "task", path), f"{path}.task", TASKS)
    class_names = _texts(
        _list(obj.get("class_names", []), f"{path}.class_names"), f"{path}.class_names"
    )
    n_classes = {"binary": 2, "multiclass": layer_sizes[-1], "regression": 0}[task]
    if class_names and len(class_names) != n_classes:
        fail(
            Text.CLASS_NAMES,
            field=f"{path}.class_names",
            count=len(class_names),
            expected=n_classes,
            task=task,
        )
    rows = _list(_required(obj, "X", path), f"{path}.X")
    if not 1 <= len(rows) <= limits.MAX_SAMPLES:
        fail(Text.SAMPLE_COUNT, field=f"{path}.X", count=len(rows), limit=limits.MAX_SAMPLES)
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
        fail(Text.HALF_PARAMETERS, field=missing, other=other)
    n_matrices = len(layer_sizes) - 1
    for key in ("weights", "biases"):
        if len(_list(data[key], key)) != n_matrices:
            layers = layers_text(layer_sizes)
            fail(
                Text.MATRIX_COUNT,
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


def loads(text: str | bytes) -> NetworkDocument:
    """Parse and validate a document from its JSON text (bytes must be UTF-8)."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        raw = bytes(text)
        check_size(len(raw))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            fail(Text.NOT_UTF8)
    else:
        check_size(len(text))
        text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        fail(Text.NOT_JSON_AT, line=error.lineno, column=error.colno)
    except (ValueError, RecursionError):
        # Integers of thousands of digits, or lists nested thousands deep.
        fail(Text.NOT_JSON)
    return NetworkDocument.from_json_dict(data)


def check_size(size: int) -> None:
    """Refuse a text or file larger than MAX_DOCUMENT_BYTES before reading it."""
    if size > MAX_DOCUMENT_BYTES:
        fail(Text.TOO_LARGE, size=round(size / 2**20), limit=MAX_DOCUMENT_BYTES // 2**20)
