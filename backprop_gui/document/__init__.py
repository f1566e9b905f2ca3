"""The network document: architecture, hyper-parameters, data set and weights, as versioned JSON.

The document is the truth the canvas edits and the file a teacher shares. Loading validates
every field before anything is allocated and fails with one sentence naming the field, so a
corrupt or hostile file never reaches numpy; saving goes through a temporary file and a rename,
so a crash never leaves half a file. No Qt here: messages are translatable templates.

``model`` holds the document, ``reading`` checks JSON into one, ``writing`` turns one into
JSON text, ``files`` loads and saves them; ``errors`` says what went wrong.
"""

from backprop_gui.document.errors import DocumentError
from backprop_gui.document.files import load, preset_paths, save
from backprop_gui.document.model import (
    EMBEDDED,
    DatasetSpec,
    EmbeddedCsv,
    Hyperparameters,
    NetworkDocument,
    default_document,
)
from backprop_gui.document.reading import MAX_LEARNING_RATE, loads
from backprop_gui.document.writing import dumps

__all__ = [
    "EMBEDDED",
    "MAX_LEARNING_RATE",
    "DatasetSpec",
    "DocumentError",
    "EmbeddedCsv",
    "Hyperparameters",
    "NetworkDocument",
    "default_document",
    "dumps",
    "load",
    "loads",
    "preset_paths",
    "save",
]
