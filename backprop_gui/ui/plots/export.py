"""Saving a plot: as a PNG or SVG picture of its scene, or its numbers as CSV; and the menu for it.

pyqtgraph's own context menu and export dialog speak English only, so the plots switch them
off and offer :class:`PlotMenu` instead: the same exports, translated, plus "reset zoom".
CSV columns are identifiers (``iteration``, ``batch_loss``...), numbers are written with a
point and full precision, and a value that does not exist at a row is an empty cell, so any
spreadsheet or script reads every export the same way.
"""

from __future__ import annotations

import csv
import importlib
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import numpy as np
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QMenu, QMessageBox, QWidget

# The module, not the class of the same name that pyqtgraph.exporters exports.
_svg_module = importlib.import_module("pyqtgraph.exporters.SVGExporter")

EXPORT_SCALE = 2
"""PNG pictures are drawn at twice the on-screen size: sharp on a slide or a printed sheet."""


class ExportablePlot(Protocol):
    """What :class:`PlotMenu` needs from a plot widget."""

    def export_png(self, path: str | Path) -> None: ...
    def export_svg(self, path: str | Path) -> None: ...
    def export_csv(self, path: str | Path) -> None: ...
    def reset_zoom(self) -> None: ...
    def export_file_stem(self) -> str: ...


def save_png(item: QGraphicsItem, path: str | Path, scale: float = EXPORT_SCALE) -> None:
    """Draw ``item`` (a plot or a whole layout) into a PNG file ``scale`` times its size."""
    exporter = pg_exporters.ImageExporter(item)
    exporter.parameters()["width"] = max(1, round(item.boundingRect().width() * scale))
    image = exporter.export(toBytes=True)
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write the PNG file {path}")


def save_svg(item: QGraphicsItem, path: str | Path) -> None:
    """Draw ``item`` into an SVG file (vector: it stays sharp at any size)."""
    with _closed_paths_spelled_out():
        data = pg_exporters.SVGExporter(item).export(toBytes=True)
    Path(path).write_bytes(data)


def explicit_closes(path_data: str) -> str:
    """SVG path data with each "Z" (close the subpath) written as a line back to its start.

    pyqtgraph 0.14 reads path data as "x,y" pairs only, and fails on the "Z" that recent Qt
    writes for every closed shape, a plot's clipping rectangle among them (pyqtgraph issue
    #3495): SVG export failed for any plot. A line back to the start draws the same shape.
    """
    words, start = [], None
    for token in path_data.split():
        closes = token[-1] in "Zz"
        token = token[:-1] if closes else token
        if token:
            if token[0] in "Mm":
                start = token[1:]
            words.append(token)
        if closes and start is not None:
            words.append("L" + start)
    return " ".join(words)


@contextmanager
def _closed_paths_spelled_out() -> Iterator[None]:
    """While pyqtgraph builds an SVG, hand it path data without "Z" (see explicit_closes)."""
    correct = _svg_module.correctCoordinates

    def tolerant(node, defs, item, options):
        for element in node.getElementsByTagName("path"):
            data = element.getAttribute("d")
            if "Z" in data or "z" in data:
                element.setAttribute("d", explicit_closes(data))
        return correct(node, defs, item, options)

    _svg_module.correctCoordinates = tolerant
    try:
        yield
    finally:
        _svg_module.correctCoordinates = correct


def merge_on_stamps(
    parts: Sequence[tuple[np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray]:
    """Join series stamped by iteration into one table: (sorted stamps, columns side by side).

    ``parts`` are (stamps (n_k,), values (n_k, w_k)); a series without a row at a stamp gets
    NaN there (series are decimated at different rates, so their stamps differ).
    """
    stamps = np.unique(np.concatenate([np.asarray(s, dtype=np.float64) for s, _ in parts]))
    width = sum(values.shape[1] for _, values in parts)
    table = np.full((stamps.shape[0], width), np.nan)
    column = 0
    for part_stamps, values in parts:
        rows = np.searchsorted(stamps, part_stamps)
        table[rows, column : column + values.shape[1]] = values
        column += values.shape[1]
    return stamps, table


def _cell(value: float) -> str:
    if math.isnan(value):
        return ""
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


def save_csv(
    path: str | Path, header: Sequence[str], stamps: np.ndarray, table: np.ndarray
) -> None:
    """Write one row per stamp: the stamp (an iteration) then the row of ``table``."""
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for stamp, row in zip(stamps.tolist(), table.tolist(), strict=True):
            writer.writerow([_cell(stamp), *(_cell(value) for value in row)])


class PlotMenu(QObject):
    """A plot's translated menu: export PNG, SVG or CSV (through a file dialog), reset zoom.

    It is shown on a right click on ``view`` (whose pyqtgraph menus must be switched off) and
    from a tool button (:attr:`menu`).
    """

    def __init__(self, plot: QWidget, view: QWidget) -> None:
        super().__init__(plot)
        self._plot = plot
        self.menu = QMenu(plot)
        self.png_action = QAction(self.menu)
        self.svg_action = QAction(self.menu)
        self.csv_action = QAction(self.menu)
        self.reset_zoom_action = QAction(self.menu)
        self.menu.addAction(self.png_action)
        self.menu.addAction(self.svg_action)
        self.menu.addAction(self.csv_action)
        self.menu.addSeparator()
        self.menu.addAction(self.reset_zoom_action)
        self.png_action.triggered.connect(self._export_png)
        self.svg_action.triggered.connect(self._export_svg)
        self.csv_action.triggered.connect(self._export_csv)
        self.reset_zoom_action.triggered.connect(self._reset_zoom)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_at)
        self._view = view
        self.retranslate()

    def retranslate(self) -> None:
        """Called by the plot's ``retranslate_ui``."""
        self.png_action.setText(self.tr("Export as PNG image…"))
        self.svg_action.setText(self.tr("Export as SVG image…"))
        self.csv_action.setText(self.tr("Export data as CSV…"))
        self.reset_zoom_action.setText(self.tr("Reset zoom"))

    def _show_at(self, position) -> None:
        self.menu.popup(self._view.mapToGlobal(position))

    def _reset_zoom(self) -> None:
        self._plot.reset_zoom()

    def _export_png(self) -> None:
        self._export(self.tr("PNG image (*.png)"), ".png", self._plot.export_png)

    def _export_svg(self) -> None:
        self._export(self.tr("SVG image (*.svg)"), ".svg", self._plot.export_svg)

    def _export_csv(self) -> None:
        self._export(self.tr("CSV table (*.csv)"), ".csv", self._plot.export_csv)

    def _export(self, file_filter: str, suffix: str, write) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / (self._plot.export_file_stem() + suffix))
        path, _ = QFileDialog.getSaveFileName(
            self._plot, self.tr("Export the plot"), suggested, file_filter
        )
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write(path)
        except OSError as error:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(
                self._plot,
                self.tr("Export failed"),
                self.tr("The file {path} could not be written: {reason}").format(
                    path=path, reason=error.strerror or str(error)
                ),
            )
        else:
            QGuiApplication.restoreOverrideCursor()
