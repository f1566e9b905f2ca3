"""The "Data" group of the controls: which samples the network learns from, and how many are tested.

A built-in set comes with its size and noise; imported samples (embedded in the document) are
one more entry, and the last entry asks for a CSV import instead of selecting a set.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QSpinBox, QToolButton, QWidget

from backprop_gui.document import EMBEDDED, DatasetSpec, EmbeddedCsv
from backprop_gui.engine import limits
from backprop_gui.engine.datasets import DATASETS
from backprop_gui.ui.controls_dice import fit_to_dice_seeds, new_seed, seed_row
from backprop_gui.ui.controls_editing import ShownValues, edit_timer, signals_blocked, watch_spin
from backprop_gui.ui.controls_fields import (
    CompactDoubleSpinBox,
    elide_middle,
    fit_to_items,
    fit_to_texts,
    form_layout,
    range_texts,
    set_tips,
)

IMPORT_ENTRY = "__import_csv__"
"""Item data of the data-set combo entry that asks for a CSV import instead of selecting a set."""

MAX_TEST_PERCENT = 50


class DatasetGroup(QGroupBox):
    """The data set, its size and noise, the test share and the data seed, as a DatasetSpec."""

    dataset_changed = Signal(object)
    """A new :class:`DatasetSpec`."""
    csv_import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ShownValues()
        self._last_dataset: DatasetSpec | None = None
        self._embedded: EmbeddedCsv | None = None
        self._csv_name: str | None = None
        self._dataset_index = 0
        self._timer = edit_timer(self, self._emit_dataset)
        form = form_layout(self)

        self._dataset_combo = QComboBox()
        self._dataset_combo.setObjectName("dataset")
        self._dataset_combo.setProperty("glossary_term", "donnees_entrainement")
        self._dataset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._dataset_combo.currentIndexChanged.connect(self._on_dataset_chosen)
        # The combo's own row spans the panel: titles like "Plan (régression)" need the width.
        self._dataset_label = QLabel()
        self._dataset_label.setBuddy(self._dataset_combo)
        form.addRow(self._dataset_label)
        form.addRow(self._dataset_combo)

        self._noise = CompactDoubleSpinBox()
        self._noise.setDecimals(2)
        self._noise.setRange(0.0, 1.0)
        self._noise.setSingleStep(0.05)
        watch_spin(self._noise, "noise", "donnees_entrainement", self._timer)

        self._n_samples = QSpinBox()
        self._n_samples.setSingleStep(50)
        watch_spin(self._n_samples, "n_samples", "donnees_entrainement", self._timer)

        self._test_fraction = QSpinBox()
        self._test_fraction.setRange(0, MAX_TEST_PERCENT)
        self._test_fraction.setSingleStep(5)
        self._test_fraction.setSuffix(" %")
        watch_spin(self._test_fraction, "test_fraction", "donnees_test", self._timer)

        self._data_seed = QSpinBox()
        watch_spin(self._data_seed, "data_seed", "donnees_entrainement", self._timer)
        self._data_seed_dice = QToolButton()
        self._data_seed_dice.setObjectName("data_seed_dice")
        self._data_seed_dice.clicked.connect(self._on_data_seed_dice)

        self._noise_label = QLabel()
        self._n_samples_label = QLabel()
        self._test_fraction_label = QLabel()
        self._data_seed_label = QLabel()
        for label, field in (
            (self._noise_label, self._noise),
            (self._n_samples_label, self._n_samples),
            (self._test_fraction_label, self._test_fraction),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self._data_seed_label.setBuddy(self._data_seed)
        self._data_seed_row = seed_row(self._data_seed, self._data_seed_dice)
        form.addRow(self._data_seed_label, self._data_seed_row)

        self._fill_dataset_combo()
        self.retranslate_ui()
        self._select_dataset(self._dataset_combo.findData("xor"))

    def set_dataset(self, spec: DatasetSpec, csv_name: str | None = None) -> None:
        """Show a document's data set; emits nothing. ``csv_name`` names embedded data (a file)."""
        self._timer.stop()
        self._shown.clear()
        if spec.csv is not None:
            self._embedded = spec.csv
            self._csv_name = csv_name
            self._fill_dataset_combo()
            self._retranslate_dataset_combo()
        index = self._dataset_combo.findData(spec.name)
        self._select_dataset(index, spec)
        with signals_blocked(self._test_fraction, self._data_seed):
            self._test_fraction.setValue(round(spec.test_fraction * 100))
            self._shown.remember("test_fraction", self._test_fraction.value(), spec.test_fraction)
            self._data_seed.setValue(spec.seed)
        self._last_dataset = dataclasses.replace(spec)

    def form_labels(self) -> list[QLabel]:
        """The labels of the form's label column, which the panel aligns across groups."""
        return [
            self._noise_label,
            self._n_samples_label,
            self._test_fraction_label,
            self._data_seed_label,
        ]

    def number_fields(self) -> tuple[QWidget, ...]:
        """The fields that sit beside their labels at the panel's preferred width."""
        return (self._noise, self._n_samples, self._test_fraction, self._data_seed_row)

    def fit_fields_to_texts(self) -> None:
        """Make each field wide enough for its longest text, in the current language and font."""
        for spin in (self._noise, self._n_samples, self._test_fraction):
            texts = range_texts(spin)
            if spin is self._n_samples:  # its range follows the data set: fit the largest one
                texts.append(spin.textFromValue(limits.MAX_SAMPLES))
            fit_to_texts(spin, texts)
        fit_to_dice_seeds(self._data_seed)

    def retranslate_ui(self) -> None:
        """Re-set every visible text in the current language."""
        self.setTitle(self.tr("Data"))
        self._dataset_label.setText(self.tr("Data set"))
        self._retranslate_dataset_combo()
        self._noise_label.setText(self.tr("Noise"))
        set_tips(
            self._noise_label,
            self._noise,
            self.tr(
                "How much random jitter blurs the samples, from 0 (none) to 1. "
                "— Glossary: training data"
            ),
        )
        self._n_samples_label.setText(self.tr("Samples"))
        set_tips(
            self._n_samples_label,
            self._n_samples,
            self.tr(
                "How many samples the data set holds, training and test together. "
                "— Glossary: training data"
            ),
        )
        self._test_fraction_label.setText(self.tr("Test share"))
        set_tips(
            self._test_fraction_label,
            self._test_fraction,
            self.tr(
                "The percentage of samples kept aside to test the network on data it never "
                "trained on. — Glossary: test data"
            ),
        )
        self._data_seed_label.setText(self.tr("Data seed"))
        set_tips(
            self._data_seed_label,
            self._data_seed,
            self.tr(
                "The number that fixes the random samples and the train/test split: the same "
                "seed gives the same data. — Glossary: training data"
            ),
        )
        self._data_seed_dice.setText(self.tr("New seed"))
        self._data_seed_dice.setAccessibleName(self._data_seed_dice.text())
        self._data_seed_dice.setToolTip(self.tr("Draw new random samples with a new seed."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- the data set combo ---------------------------------------------------------------------

    def _fill_dataset_combo(self) -> None:
        combo = self._dataset_combo
        with signals_blocked(combo):
            combo.clear()
            for name in DATASETS:
                combo.addItem("", name)
            combo.insertSeparator(combo.count())
            if self._embedded is not None:
                combo.addItem("", EMBEDDED)
            combo.addItem("", IMPORT_ENTRY)

    def _retranslate_dataset_combo(self) -> None:
        combo = self._dataset_combo
        for index in range(combo.count()):
            name = combo.itemData(index)
            if name in DATASETS:
                info = DATASETS[name]
                combo.setItemText(index, QCoreApplication.translate("Dataset", info.title))
                combo.setItemData(
                    index,
                    QCoreApplication.translate("Dataset", info.description),
                    Qt.ItemDataRole.ToolTipRole,
                )
            elif name == EMBEDDED:
                combo.setItemText(index, self._embedded_title())
                combo.setItemData(
                    index,
                    self.tr("The samples imported from a CSV file, stored in the document."),
                    Qt.ItemDataRole.ToolTipRole,
                )
            elif name == IMPORT_ENTRY:
                combo.setItemText(index, self.tr("Import a CSV file…"))
                combo.setItemData(
                    index,
                    self.tr("Choose a CSV file of your own and the column(s) to predict."),
                    Qt.ItemDataRole.ToolTipRole,
                )
        fit_to_items(combo)
        self._show_dataset_tooltip()

    def _embedded_title(self) -> str:
        if self._csv_name:
            return self.tr("Imported: {name}").format(name=elide_middle(self._csv_name))
        count = 0 if self._embedded is None else int(self._embedded.X.shape[0])
        return self.tr("Imported data (%n sample(s))", "", count)

    def _show_dataset_tooltip(self) -> None:
        general = self.tr(
            "The samples the network learns from; pick a built-in set or import a CSV file. "
            "— Glossary: training data"
        )
        description = self._dataset_combo.itemData(
            self._dataset_combo.currentIndex(), Qt.ItemDataRole.ToolTipRole
        )
        text = f"{description}\n\n{general}" if description else general
        self._dataset_label.setToolTip(text)
        self._dataset_combo.setToolTip(text)

    def _select_dataset(self, index: int, spec: DatasetSpec | None = None) -> None:
        """Show data set ``index`` with ``spec``'s size and noise (None: the set's defaults)."""
        combo = self._dataset_combo
        name = combo.itemData(index)
        with signals_blocked(combo, self._n_samples, self._noise):
            combo.setCurrentIndex(index)
            if name == EMBEDDED:
                rows = 0 if self._embedded is None else int(self._embedded.X.shape[0])
                self._n_samples.setRange(rows, rows)
                self._noise.setValue(0.0)
                self._n_samples.setEnabled(False)
                self._noise.setEnabled(False)
                n_samples = noise = None
            else:
                info = DATASETS[name]
                n_samples = None if spec is None else spec.n_samples
                noise = None if spec is None else spec.noise
                self._n_samples.setRange(info.min_samples, info.max_samples)
                shown_n = info.default_n_samples if n_samples is None else n_samples
                self._n_samples.setValue(shown_n)
                self._noise.setValue(info.default_noise if noise is None else noise)
                self._n_samples.setEnabled(info.min_samples < info.max_samples)
                self._noise.setEnabled(info.uses_noise)
            self._shown.remember("n_samples", self._n_samples.value(), n_samples)
            self._shown.remember("noise", self._noise.value(), noise)
        self._dataset_index = index
        self._show_dataset_tooltip()

    # -- user changes ---------------------------------------------------------------------------

    def _current_dataset(self) -> DatasetSpec:
        name = self._dataset_combo.itemData(self._dataset_index)
        percent = self._test_fraction.value()
        test_fraction = self._shown.kept("test_fraction", percent, percent / 100)
        seed = self._data_seed.value()
        if name == EMBEDDED:
            return DatasetSpec(EMBEDDED, test_fraction=test_fraction, seed=seed, csv=self._embedded)
        n_samples = self._n_samples.value()
        noise = self._noise.value()
        return DatasetSpec(
            name,
            n_samples=self._shown.kept("n_samples", n_samples, n_samples),
            noise=self._shown.kept("noise", noise, noise),
            test_fraction=test_fraction,
            seed=seed,
        )

    def _on_dataset_chosen(self, index: int) -> None:
        name = self._dataset_combo.itemData(index)
        if name == IMPORT_ENTRY:
            # The entry is an action: the shown data set stays until an import succeeds.
            with signals_blocked(self._dataset_combo):
                self._dataset_combo.setCurrentIndex(self._dataset_index)
            self.csv_import_requested.emit()
            return
        self._select_dataset(index)
        self._emit_dataset()

    def _on_data_seed_dice(self) -> None:
        with signals_blocked(self._data_seed):
            self._data_seed.setValue(new_seed(self._data_seed.value()))
        self._emit_dataset()

    def _emit_dataset(self) -> None:
        self._timer.stop()
        spec = self._current_dataset()
        if spec != self._last_dataset:
            self._last_dataset = spec
            self.dataset_changed.emit(dataclasses.replace(spec))
