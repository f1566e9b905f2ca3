"""The whole training history as one CSV table, for a spreadsheet: one row per iteration.

Columns: the iteration, the batch loss, the gradient norm of each layer, then, on the row
of the iteration that ended an epoch, that epoch's number, mean loss, test loss and
accuracies. Rows follow the engine's history (decimated on long runs: the note in
``engine/history.py`` says how). The file is written to a temporary name, then renamed.
"""

from __future__ import annotations

import csv
import math
import os
import tempfile
from pathlib import Path

from backprop_gui.engine.history import History
from backprop_gui.ui.plots.history_buffers import HistoryBuffers


def _cell(value: float) -> str:
    return "" if math.isnan(value) else repr(float(value))


def history_rows(
    buffers: HistoryBuffers, norms_buffers: HistoryBuffers, n_layers: int
) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of the table, rows ordered by iteration.

    ``buffers`` holds the loss and epoch series (the loss plot's), ``norms_buffers`` the
    layer norms (the gradient plot's).
    """
    header = ["iteration", "batch_loss"]
    header += [f"gradient_norm_layer_{layer + 1}" for layer in range(n_layers)]
    header += ["epoch", *History.EPOCH_COLUMNS[1:]]
    rows: dict[int, list[str]] = {}
    width = len(header)

    def row(iteration: int) -> list[str]:
        return rows.setdefault(iteration, [str(iteration)] + [""] * (width - 1))

    loss = buffers.series("loss")
    for iteration, value in zip(loss.stamps.tolist(), loss.column(0).tolist(), strict=True):
        row(int(iteration))[1] = _cell(value)
    norms = norms_buffers.series("layer_norms")
    if norms is not None and len(norms):
        for iteration, values in zip(norms.stamps.tolist(), norms.values.tolist(), strict=True):
            cells = row(int(iteration))
            for layer, value in enumerate(values[:n_layers]):
                cells[2 + layer] = _cell(value)
    epochs = buffers.series("epochs")
    first_epoch_column = 2 + n_layers
    if epochs is not None and len(epochs):
        for epoch, values in zip(epochs.stamps.tolist(), epochs.values.tolist(), strict=True):
            cells = row(int(values[0]))
            cells[first_epoch_column] = str(int(epoch))
            for offset, value in enumerate(values[1:], start=1):
                cells[first_epoch_column + offset] = _cell(value)
    return header, [rows[key] for key in sorted(rows)]


def write_history_csv(
    buffers: HistoryBuffers, norms_buffers: HistoryBuffers, n_layers: int, path: str | os.PathLike
) -> int:
    """Write the table to ``path`` atomically; returns the number of data rows."""
    header, rows = history_rows(buffers, norms_buffers, n_layers)
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(rows)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(rows)
