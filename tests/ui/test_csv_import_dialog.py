"""The CSV import dialog previews a file, accepts only a valid choice, and shows what is wrong."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QListWidget,
    QTableView,
)

from backprop_gui.ui.csv_import_dialog import PREVIEW_ROWS, CsvImportDialog

IRIS = (
    "sepal_length;sepal_width;petal_length;petal_width;species\n"
    "5,1;3,5;1,4;0,2;setosa\n"
    "4,9;3,0;1,4;0,2;setosa\n"
    "7,0;3,2;4,7;1,4;versicolor\n"
    "6,4;3,2;4,5;1,5;versicolor\n"
    "6,3;3,3;6,0;2,5;virginica\n"
    "5,8;2,7;5,1;1,9;virginica\n"
)

TEXT_IN_NUMBERS = "x1,x2,label\n0.1,0.2,0\n0.3,abc,1\n0.5,0.6,0\n"


@pytest.fixture
def dialog(qtbot) -> CsvImportDialog:
    widget = CsvImportDialog()
    qtbot.addWidget(widget)
    return widget


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _targets(dialog: CsvImportDialog) -> QListWidget:
    return dialog.findChild(QListWidget, "target_columns")


def _tick(dialog: CsvImportDialog, column: str, checked: bool = True) -> None:
    targets = _targets(dialog)
    (item,) = targets.findItems(column, Qt.MatchFlag.MatchExactly)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def _ok_enabled(dialog: CsvImportDialog) -> bool:
    buttons = dialog.findChild(QDialogButtonBox)
    return buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def _error_shown(dialog: CsvImportDialog) -> str | None:
    box = dialog.findChild(QFrame, "csv_error")
    if box.isHidden():
        return None
    return dialog.findChild(QLabel, "csv_error_text").text()


def test_loading_a_valid_csv_previews_its_columns_and_rows(
    dialog: CsvImportDialog, tmp_path: Path
) -> None:
    assert dialog.load_file(_write(tmp_path, "iris.csv", IRIS))
    model = dialog.findChild(QTableView, "csv_preview").model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]
    assert model.rowCount() == 6
    assert model.index(2, 4).data() == "versicolor"
    assert model.index(0, 0).data() == "5,1"
    targets = _targets(dialog)
    assert [targets.item(i).text() for i in range(targets.count())] == headers
    assert dialog.target_columns() == []
    assert _error_shown(dialog) is None
    assert not _ok_enabled(dialog)


def test_preview_shows_only_the_first_rows_of_a_long_file(
    dialog: CsvImportDialog, tmp_path: Path
) -> None:
    rows = "".join(f"{i},{i % 2}\n" for i in range(PREVIEW_ROWS + 30))
    dialog.load_file(_write(tmp_path, "long.csv", "x,y\n" + rows))
    assert dialog.findChild(QTableView, "csv_preview").model().rowCount() == PREVIEW_ROWS
    assert str(PREVIEW_ROWS + 30) in dialog.findChild(QLabel, "csv_summary").text()


def test_choosing_the_target_enables_ok_and_accepting_yields_the_dataset(
    dialog: CsvImportDialog, tmp_path: Path
) -> None:
    path = _write(tmp_path, "iris.csv", IRIS)
    dialog.load_file(path)
    _tick(dialog, "species")
    assert _ok_enabled(dialog)
    assert "3 classes" in dialog.findChild(QLabel, "csv_status").text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    dataset = dialog.dataset()
    assert dataset.X.shape == (6, 4)
    assert dataset.Y.shape == (6, 3)
    assert dataset.task == "multiclass"
    assert dataset.class_names == ("setosa", "versicolor", "virginica")
    assert dialog.source_path() == os.fspath(path)


def test_standardise_checkbox_decides_whether_inputs_are_rescaled(
    qtbot, dialog: CsvImportDialog, tmp_path: Path
) -> None:
    dialog.load_file(_write(tmp_path, "iris.csv", IRIS))
    dialog.findChild(QCheckBox, "csv_standardize").setChecked(False)
    _tick(dialog, "species")
    dialog.accept()
    assert dialog.dataset().X[0].tolist() == [5.1, 3.5, 1.4, 0.2]

    rescaled = CsvImportDialog()
    qtbot.addWidget(rescaled)
    rescaled.load_file(tmp_path / "iris.csv")
    assert rescaled.findChild(QCheckBox, "csv_standardize").isChecked()
    _tick(rescaled, "species")
    rescaled.accept()
    np.testing.assert_allclose(rescaled.dataset().X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(rescaled.dataset().X.std(axis=0), 1.0)


def test_unticking_the_last_target_disables_ok_again(
    dialog: CsvImportDialog, tmp_path: Path
) -> None:
    dialog.load_file(_write(tmp_path, "iris.csv", IRIS))
    _tick(dialog, "species")
    _tick(dialog, "species", checked=False)
    assert not _ok_enabled(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.dataset() is None


def test_text_in_a_number_column_shows_the_row_and_column_and_ok_stays_disabled(
    qtbot, dialog: CsvImportDialog, tmp_path: Path
) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.load_file(_write(tmp_path, "bad.csv", TEXT_IN_NUMBERS))
    _tick(dialog, "label")
    error = _error_shown(dialog)
    assert error is not None
    assert "Row 3" in error
    assert '"x2"' in error
    assert "abc" in error
    assert not _ok_enabled(dialog)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.dataset() is None


def test_an_unreadable_file_shows_the_error_and_previews_nothing(
    dialog: CsvImportDialog, tmp_path: Path
) -> None:
    assert not dialog.load_file(tmp_path / "missing.csv")
    assert "cannot be read" in _error_shown(dialog)
    assert dialog.findChild(QTableView, "csv_preview").model().rowCount() == 0
    assert _targets(dialog).count() == 0
    assert not _ok_enabled(dialog)


def test_loading_a_good_file_after_a_bad_one_clears_the_error(
    dialog: CsvImportDialog, tmp_path: Path
) -> None:
    dialog.load_file(_write(tmp_path, "empty.csv", ""))
    assert _error_shown(dialog) is not None
    dialog.load_file(_write(tmp_path, "iris.csv", IRIS))
    assert _error_shown(dialog) is None


def test_cancel_leaves_nothing_even_after_a_valid_choice(
    dialog: CsvImportDialog, tmp_path: Path
) -> None:
    dialog.load_file(_write(tmp_path, "iris.csv", IRIS))
    _tick(dialog, "species")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.dataset() is None
    assert dialog.source_path() is None


def test_a_file_changed_after_checking_is_read_again_on_accept(
    qtbot, dialog: CsvImportDialog, tmp_path: Path
) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    path = _write(tmp_path, "data.csv", "x1,x2,label\n0.1,0.2,0\n0.3,0.4,1\n")
    dialog.load_file(path)
    _tick(dialog, "label")
    assert _ok_enabled(dialog)
    path.write_text(TEXT_IN_NUMBERS, encoding="utf-8")  # another size: a changed file
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.dataset() is None
    assert "abc" in _error_shown(dialog)
    assert not _ok_enabled(dialog)


def test_errors_follow_a_language_switch_while_shown(
    qtbot, dialog: CsvImportDialog, tmp_path: Path
) -> None:
    dialog.load_file(_write(tmp_path, "bad.csv", TEXT_IN_NUMBERS))
    _tick(dialog, "label")
    assert _error_shown(dialog) == 'Row 3, column "x2": "abc" is not a number.'
    translator = _FrenchTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        french = "Ligne 3, colonne « x2 » : « abc » n'est pas un nombre."
        qtbot.waitUntil(lambda: _error_shown(dialog) == french)
        assert dialog.windowTitle() == "Importer un fichier CSV"
    finally:
        QCoreApplication.removeTranslator(translator)


FRENCH = {
    ("CsvImport", 'Row {row}, column "{column}": "{value}" is not a number.'): (
        "Ligne {row}, colonne « {column} » : « {value} » n'est pas un nombre."
    ),
    ("CsvImportDialog", "Import a CSV file"): "Importer un fichier CSV",
}


class _FrenchTranslator(QTranslator):
    """Knows the French of one engine message and of the dialog title, as the catalog does."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return FRENCH.get((context, source_text))

    def isEmpty(self) -> bool:
        return False
