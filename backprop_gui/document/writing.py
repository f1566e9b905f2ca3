"""Writing a document: JSON text a teacher can read, and that always reads back the same."""

from __future__ import annotations

import json
from typing import Any

from backprop_gui.document.model import NetworkDocument
from backprop_gui.document.reading import read_document


def dumps(document: NetworkDocument) -> str:
    """The document as JSON text; raises DocumentError rather than write what load would refuse."""
    data = document.to_json_dict()
    read_document(data)
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
