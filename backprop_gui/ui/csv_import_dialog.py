"""The CSV import dialog: pick a file, see its first rows, tick the column(s) to predict.

The file is read by the engine (``read_csv_table`` for the preview, ``load_csv`` for the data);
every problem it reports is shown inside the dialog, in the user's language, and the dialog
stays open, so a failed import changes nothing in the application.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backprop_gui.engine.datasets import CsvTable, Dataset, load_csv, read_csv_table
from backprop_gui.i18n import translate_message
from backprop_gui.messages import Message, TranslatableError

PREVIEW_ROWS = 50
"""Rows of the file shown in the preview table."""

ERROR_COLOR = "#B3261E"
"""A dark red that stays readable on the light background of a projected dialog."""


class CsvImportDialog(QDialog):
    """Choose a CSV file and its target column(s); ``dataset()`` holds the result once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csv_import_dialog")
        self._path: str | None = None
        self._table: CsvTable | None = None
        self._error: Message | None = None
        self._candidate: Dataset | None = None
        self._candidate_stamp: tuple[int, int] | None = None
        self._dataset: Dataset | None = None
        self._source_path: str | None = None

        self._file_label = QLabel()
        self._path_edit = QLineEdit()
        self._path_edit.setObjectName("csv_path")
        self._path_edit.setReadOnly(True)
        self._file_label.setBuddy(self._path_edit)
        self._browse_button = QPushButton()
        self._browse_button.setObjectName("csv_browse")
        self._browse_button.clicked.connect(self._on_browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self._file_label)
        file_row.addWidget(self._path_edit, 1)
        file_row.addWidget(self._browse_button)

        self._summary = QLabel()
        self._summary.setObjectName("csv_summary")
        self._summary.setWordWrap(True)

        self._model = QStandardItemModel(self)
        self._preview = QTableView()
        self._preview.setObjectName("csv_preview")
        self._preview.setModel(self._model)
        self._preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Row numbers would disagree with the file's own line numbers where it has blank lines.
        self._preview.verticalHeader().hide()
        self._preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

        self._targets_label = QLabel()
        self._targets_label.setWordWrap(True)
        self._targets = QListWidget()
        self._targets.setObjectName("target_columns")
        self._targets_label.setBuddy(self._targets)
        self._targets.itemChanged.connect(self._on_target_ticked)
        targets_box = QWidget()
        targets_layout = QVBoxLayout(targets_box)
        targets_layout.setContentsMargins(0, 0, 0, 0)
        targets_layout.addWidget(self._targets_label)
        targets_layout.addWidget(self._targets, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._preview)
        splitter.addWidget(targets_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self._standardize = QCheckBox()
        self._standardize.setObjectName("csv_standardize")
        self._standardize.setChecked(True)
        self._standardize.toggled.connect(self._validate)

        self._error_box = QFrame()
        self._error_box.setObjectName("csv_error")
        error_icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) * 3 // 2
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        error_icon.setPixmap(icon.pixmap(size, size))
        error_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._error_text = QLabel()
        self._error_text.setObjectName("csv_error_text")
        self._error_text.setWordWrap(True)
        self._error_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error_text.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        error_layout = QHBoxLayout(self._error_box)
        error_layout.setContentsMargins(0, 0, 0, 0)
        error_layout.addWidget(error_icon)
        error_layout.addWidget(self._error_text, 1)
        self._error_box.hide()

        self._status = QLabel()
        self._status.setObjectName("csv_status")
        self._status.setWordWrap(True)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self._summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._standardize)
        layout.addWidget(self._error_box)
        layout.addWidget(self._status)
        layout.addWidget(self._buttons)

        self.resize(700, 500)
        self.retranslate_ui()
        self._update_ok()

    # -- public API -----------------------------------------------------------------------------

    def load_file(self, path: str | os.PathLike[str]) -> bool:
        """Preview the CSV file at ``path``; False (and the error shown) when it cannot be read."""
        self._path = os.fspath(path)
        self._path_edit.setText(self._path)
        self._table = None
        self._candidate = None
        self._model.clear()
        self._targets.clear()
        try:
            with _wait_cursor():
                self._table = read_csv_table(self._path, max_rows=PREVIEW_ROWS)
        except TranslatableError as error:
            self._show_error(error.message)
        else:
            self._show_error(None)
            self._fill_preview(self._table)
        self._show_summary()
        self._show_status()
        self._update_ok()
        return self._table is not None

    def target_columns(self) -> list[str]:
        """The ticked column names, in the file's order."""
        return [
            self._targets.item(row).text()
            for row in range(self._targets.count())
            if self._targets.item(row).checkState() == Qt.CheckState.Checked
        ]

    def dataset(self) -> Dataset | None:
        """The imported data set once the dialog was accepted; None otherwise."""
        return self._dataset

    def source_path(self) -> str | None:
        """The path of the imported file once the dialog was accepted; None otherwise."""
        return self._source_path

    def accept(self) -> None:
        """Close with the data set, re-reading the file if it changed since it was checked."""
        if self._candidate is None or self._path is None:
            return
        dataset = self._candidate
        if self._candidate_stamp != _stamp(self._path):
            dataset = self._load()
            if dataset is None:
                return
        self._dataset = dataset
        self._source_path = self._path
        super().accept()

    def reject(self) -> None:
        self._dataset = None
        self._source_path = None
        super().reject()

    def retranslate_ui(self) -> None:
        """Re-set every visible text in the current language."""
        self.setWindowTitle(self.tr("Import a CSV file"))
        self._file_label.setText(self.tr("File:"))
        self._path_edit.setPlaceholderText(self.tr("No file chosen yet"))
        self._browse_button.setText(self.tr("Choose a file…"))
        self._browse_button.setToolTip(
            self.tr("Open a CSV file: a header row with the column names, then one row per sample.")
        )
        self._preview.setToolTip(self.tr("The first rows of the file, as they were read."))
        self._targets_label.setText(self.tr("Target column(s): what the network must predict"))
        self._targets.setToolTip(
            self.tr(
                "Tick the column(s) the network must predict; every other column is an input "
                "and must hold numbers."
            )
        )
        self._standardize.setText(self.tr("Standardise the inputs (mean 0, standard deviation 1)"))
        self._standardize.setToolTip(
            self.tr(
                "Rescale each input column to mean 0 and standard deviation 1, so that no "
                "column dominates the others and training converges faster."
            )
        )
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        self._show_error(self._error)
        self._show_summary()
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- slots ----------------------------------------------------------------------------------

    def _on_browse(self) -> None:
        start = str(Path(self._path).parent) if self._path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a CSV file"),
            start,
            self.tr("CSV files (*.csv *.txt *.tsv);;All files (*)"),
        )
        if path:
            self.load_file(path)

    def _on_target_ticked(self, item: QListWidgetItem) -> None:
        column = self._targets.row(item)
        header = self._model.horizontalHeaderItem(column)
        if header is not None:
            font = QFont(header.font())
            font.setBold(item.checkState() == Qt.CheckState.Checked)
            header.setFont(font)
        self._validate()

    def _validate(self) -> None:
        """Load the file with the ticked targets now, so OK is enabled only for a valid import."""
        self._candidate = None
        if self._table is not None and self.target_columns():
            self._candidate = self._load()
        elif self._table is not None:
            self._show_error(None)
        self._show_status()
        self._update_ok()

    # -- helpers --------------------------------------------------------------------------------

    def _load(self) -> Dataset | None:
        """The data set for the ticked targets, or None with the engine's reason shown."""
        assert self._path is not None
        stamp = _stamp(self._path)
        try:
            with _wait_cursor():
                dataset = load_csv(self._path, self.target_columns(), self._standardize.isChecked())
        except TranslatableError as error:
            self._candidate = None
            self._show_error(error.message)
            self._show_status()
            self._update_ok()
            return None
        self._candidate = dataset
        self._candidate_stamp = stamp
        self._show_error(None)
        return dataset

    def _fill_preview(self, table: CsvTable) -> None:
        self._model.setColumnCount(len(table.columns))
        self._model.setHorizontalHeaderLabels(list(table.columns))
        for fields in table.rows:
            items = []
            for text in fields:
                item = QStandardItem(text)
                item.setEditable(False)
                items.append(item)
            self._model.appendRow(items)
        with QSignalBlocker(self._targets):
            for name in table.columns:
                item = QListWidgetItem(name)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self._targets.addItem(item)

    def _show_error(self, message: Message | None) -> None:
        self._error = message
        if message is None:
            self._error_box.hide()
            self._error_text.clear()
        else:
            self._error_text.setText(translate_message(message))
            self._error_box.show()

    def _show_summary(self) -> None:
        table = self._table
        if table is None:
            self._summary.clear()
            return
        rows = self.tr("%n data row(s)", "", table.n_rows)
        columns = self.tr("%n column(s)", "", len(table.columns))
        if table.n_rows > PREVIEW_ROWS:
            text = self.tr("{rows}, {columns}; the first {shown} rows are shown below.")
        else:
            text = self.tr("{rows}, {columns}.")
        self._summary.setText(text.format(rows=rows, columns=columns, shown=PREVIEW_ROWS))

    def _show_status(self) -> None:
        dataset = self._candidate
        if self._table is None or self._error is not None:
            self._status.clear()
        elif dataset is None:
            self._status.setText(self.tr("Tick the column(s) the network must predict."))
        else:
            tasks = {
                "binary": self.tr("classification into 2 classes"),
                "multiclass": self.tr("classification into {count} classes").format(
                    count=len(dataset.class_names)
                ),
                "regression": self.tr("regression (predicting numbers)"),
            }
            self._status.setText(
                self.tr("Ready: {samples}, {inputs} → {outputs}, {task}.").format(
                    samples=self.tr("%n sample(s)", "", dataset.n_samples),
                    inputs=self.tr("%n input(s)", "", dataset.n_features),
                    outputs=self.tr("%n output(s)", "", dataset.n_targets),
                    task=tasks[dataset.task],
                )
            )

    def _update_ok(self) -> None:
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._candidate is not None)


def _stamp(path: str) -> tuple[int, int] | None:
    """The size and modification time of ``path``: a changed file must be read again."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


@contextlib.contextmanager
def _wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
