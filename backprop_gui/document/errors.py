"""The document's one-sentence errors: each names the faulty field and can be translated.

No Qt here: a message is a template extracted by ``pyside6-lupdate`` under the "Document"
context and translated where it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn

from backprop_gui.messages import QT_TRANSLATE_NOOP, Message, TranslatableError

_CONTEXT = "Document"


class DocumentError(TranslatableError):
    """A network document that cannot be read, written or used, said in one sentence."""


def fail(template: str, **params: Any) -> NoReturn:
    raise DocumentError(Message(_CONTEXT, template, **params))


def layers_text(sizes: Sequence[int]) -> str:
    """Layer sizes as the messages write them: 2-4-1."""
    return "-".join(str(int(size)) for size in sizes)


# -- messages ----------------------------------------------------------------------------------
# One sentence each, naming the field path (``weights[1]``, ``dataset.noise``); ``{found}`` is
# a short JSON rendering of the value found.


class Text:
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
