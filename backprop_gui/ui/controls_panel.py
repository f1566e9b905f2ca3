"""The training controls: speed, hyper-parameters and data set, as one scrollable dock panel.

The panel never edits the document itself: it shows a document (``set_document``) and emits
the new Hyperparameters / DatasetSpec / seed the user asked for; the main window applies them.
Spin boxes commit on Enter or focus loss and a short timer coalesces arrow clicks, so holding
an arrow key does not send one change per step.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import random
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backprop_gui.document import (
    EMBEDDED,
    MAX_LEARNING_RATE,
    DatasetSpec,
    EmbeddedCsv,
    Hyperparameters,
    NetworkDocument,
)
from backprop_gui.engine import limits
from backprop_gui.engine.datasets import DATASETS, MAX_SEED

SPEEDS = (1, 2, 5, 10, 30, 100, 1000, 0)
"""Iterations per second offered by the speed slider, slowest first; 0 is "as fast as possible"."""

DEFAULT_SPEED = 10

EDIT_DELAY_MS = 150
"""How long the panel waits for more spin-box steps before it emits one change."""

IMPORT_ENTRY = "__import_csv__"
"""Item data of the data-set combo entry that asks for a CSV import instead of selecting a set."""

MIN_LEARNING_RATE = 0.0001
MAX_TEST_PERCENT = 50
REGULARIZATION_KINDS = ("none", "l1", "l2")

DICE_MAX_SEED = 99_999
"""The dice buttons draw seeds up to this: five digits are easy to read aloud and to type back."""
DEFAULT_REGULARIZATION_STRENGTH = 0.001

LINE_EDIT_MARGIN = 2
"""Pixels a QLineEdit keeps free each side of its text (Qt's QLineEditPrivate::horizontalMargin).
QAbstractSpinBox's size hints forget them, so a text that just fits them loses its first letter."""


class CompactDoubleSpinBox(QDoubleSpinBox):
    """A spin box that writes 0.5, not 0.5000: trailing zeros only add noise on a projector."""

    def textFromValue(self, value: float) -> str:
        locale = self.locale()
        text = locale.toString(float(value), "f", self.decimals())
        point = locale.decimalPoint()
        if point in text:
            text = text.rstrip("0").removesuffix(point)
        return text


class ControlsPanel(QWidget):
    """Speed, learning rate, batch, momentum, regularization, data set, split and seeds."""

    hyperparameters_changed = Signal(object)
    """A new :class:`Hyperparameters`."""
    dataset_changed = Signal(object)
    """A new :class:`DatasetSpec`."""
    seed_changed = Signal(int)
    """The seed of the initial weights."""
    speed_changed = Signal(int)
    """Iterations per second; 0 means as fast as possible."""
    csv_import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controls_panel")
        # What set_document displayed, per field: (value shown by the control, document value).
        # A control still showing its document value gives back the exact document value, so
        # rounding by a spin box (0.125 shown as 0.13) never leaks into an unrelated change.
        self._shown: dict[str, tuple[Any, Any]] = {}
        self._last_hyperparameters: Hyperparameters | None = None
        self._last_dataset: DatasetSpec | None = None
        self._last_seed: int | None = None
        self._embedded: EmbeddedCsv | None = None
        self._csv_name: str | None = None
        self._dataset_index = 0
        self._label_width = 0
        """The width every label of the form column gets, so all fields start at the same x."""
        self._seed_rows: list[QWidget] = []

        self._hyper_timer = self._make_timer(self._emit_hyperparameters)
        self._data_timer = self._make_timer(self._emit_dataset)
        self._seed_timer = self._make_timer(self._emit_seed)

        self._content = QWidget()
        self._content.setObjectName("controls_content")
        column = QVBoxLayout(self._content)
        column.addWidget(self._build_training_group())
        column.addWidget(self._build_hyperparameters_group())
        column.addWidget(self._build_data_group())
        column.addStretch(1)

        self._scroll = QScrollArea()
        self._scroll.setObjectName("controls_scroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)

        self._fill_dataset_combo()
        self.retranslate_ui()
        self._select_dataset(self._dataset_combo.findData("xor"))

    # -- building -------------------------------------------------------------------------------

    def _make_timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(EDIT_DELAY_MS)
        timer.timeout.connect(slot)
        return timer

    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        # Narrower than its size hint, the panel puts every label above its field (resizeEvent).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    @staticmethod
    def _spin(spin: QAbstractSpinBox, name: str, term: str, timer: QTimer) -> None:
        spin.setObjectName(name)
        spin.setProperty("glossary_term", term)
        spin.setKeyboardTracking(False)
        # Not connected to timer.start itself: the value would become QTimer.start(msec).
        spin.valueChanged.connect(functools.partial(_restart, timer))

    def _seed_row(self, spin: QSpinBox, button: QToolButton) -> QWidget:
        spin.setRange(0, MAX_SEED)
        button.setIcon(_dice_icon(button))
        button.setIconSize(_dice_size(button))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(spin, 1)
        layout.addWidget(button)
        self._seed_rows.append(row)
        return row

    def _build_training_group(self) -> QGroupBox:
        self._training_group = QGroupBox()
        form = self._form(self._training_group)

        self._speed = QSlider(Qt.Orientation.Horizontal)
        self._speed.setObjectName("speed_control")
        self._speed.setProperty("glossary_term", "iteration")
        self._speed.setRange(0, len(SPEEDS) - 1)
        self._speed.setPageStep(1)
        self._speed.setTickPosition(QSlider.TickPosition.TicksBelow)
        self._speed.setValue(SPEEDS.index(DEFAULT_SPEED))
        self._speed.valueChanged.connect(self._on_speed_moved)
        # "Speed: 10 iterations per second" above a slider as wide as the panel.
        self._speed_label = QLabel()
        self._speed_label.setObjectName("speed_text")
        self._speed_label.setWordWrap(True)
        self._speed_label.setBuddy(self._speed)
        form.addRow(self._speed_label)
        form.addRow(self._speed)

        self._seed = QSpinBox()
        self._spin(self._seed, "seed", "initialisation_poids", self._seed_timer)
        self._seed_dice = QToolButton()
        self._seed_dice.setObjectName("seed_dice")
        self._seed_dice.clicked.connect(self._on_seed_dice)
        self._seed_label = QLabel()
        self._seed_label.setBuddy(self._seed)
        form.addRow(self._seed_label, self._seed_row(self._seed, self._seed_dice))
        return self._training_group

    def _build_hyperparameters_group(self) -> QGroupBox:
        self._hyper_group = QGroupBox()
        form = self._form(self._hyper_group)
        timer = self._hyper_timer

        self._learning_rate = CompactDoubleSpinBox()
        self._learning_rate.setDecimals(4)
        self._learning_rate.setRange(MIN_LEARNING_RATE, MAX_LEARNING_RATE)
        self._learning_rate.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self._spin(self._learning_rate, "learning_rate", "taux_apprentissage", timer)

        self._batch_size = QSpinBox()
        self._batch_size.setRange(0, limits.MAX_SAMPLES)  # 0 shows the "full batch" text
        self._spin(self._batch_size, "batch_size", "lot", timer)

        self._momentum = CompactDoubleSpinBox()
        self._momentum.setDecimals(2)
        self._momentum.setRange(0.0, 0.99)
        self._momentum.setSingleStep(0.05)
        self._spin(self._momentum, "momentum", "moment", timer)

        self._regularization_kind = QComboBox()
        self._regularization_kind.setObjectName("regularization_kind")
        self._regularization_kind.setProperty("glossary_term", "regularisation")
        self._regularization_kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for kind in REGULARIZATION_KINDS:
            self._regularization_kind.addItem("", kind)
        self._regularization_kind.currentIndexChanged.connect(self._on_regularization_kind)

        self._regularization_strength = CompactDoubleSpinBox()
        self._regularization_strength.setDecimals(4)
        self._regularization_strength.setRange(0.0001, 10.0)
        self._regularization_strength.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self._regularization_strength.setValue(DEFAULT_REGULARIZATION_STRENGTH)
        self._regularization_strength.setEnabled(False)
        self._spin(
            self._regularization_strength, "regularization_strength", "regularisation", timer
        )

        self._learning_rate_label = QLabel()
        self._batch_size_label = QLabel()
        self._momentum_label = QLabel()
        self._regularization_kind_label = QLabel()
        self._regularization_strength_label = QLabel()
        for label, field in (
            (self._learning_rate_label, self._learning_rate),
            (self._batch_size_label, self._batch_size),
            (self._momentum_label, self._momentum),
            (self._regularization_kind_label, self._regularization_kind),
            (self._regularization_strength_label, self._regularization_strength),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        return self._hyper_group

    def _build_data_group(self) -> QGroupBox:
        self._data_group = QGroupBox()
        form = self._form(self._data_group)
        timer = self._data_timer

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
        self._spin(self._noise, "noise", "donnees_entrainement", timer)

        self._n_samples = QSpinBox()
        self._n_samples.setSingleStep(50)
        self._spin(self._n_samples, "n_samples", "donnees_entrainement", timer)

        self._test_fraction = QSpinBox()
        self._test_fraction.setRange(0, MAX_TEST_PERCENT)
        self._test_fraction.setSingleStep(5)
        self._test_fraction.setSuffix(" %")
        self._spin(self._test_fraction, "test_fraction", "donnees_test", timer)

        self._data_seed = QSpinBox()
        self._spin(self._data_seed, "data_seed", "donnees_entrainement", timer)
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
        form.addRow(self._data_seed_label, self._seed_row(self._data_seed, self._data_seed_dice))
        return self._data_group

    def _fill_dataset_combo(self) -> None:
        combo = self._dataset_combo
        with _signals_blocked(combo):
            combo.clear()
            for name in DATASETS:
                combo.addItem("", name)
            combo.insertSeparator(combo.count())
            if self._embedded is not None:
                combo.addItem("", EMBEDDED)
            combo.addItem("", IMPORT_ENTRY)

    # -- public API -----------------------------------------------------------------------------

    def set_document(self, document: NetworkDocument, csv_name: str | None = None) -> None:
        """Show ``document``'s values; emits nothing. ``csv_name`` names embedded data (a file)."""
        for timer in (self._hyper_timer, self._data_timer, self._seed_timer):
            timer.stop()
        self._shown.clear()
        self._show_hyperparameters(document.hyperparameters)
        self._show_dataset(document.dataset, csv_name)
        with _signals_blocked(self._seed):
            self._seed.setValue(document.seed)
        self._last_hyperparameters = dataclasses.replace(document.hyperparameters)
        self._last_dataset = dataclasses.replace(document.dataset)
        self._last_seed = document.seed

    def set_speed(self, iterations_per_second: int) -> None:
        """Show the closest offered speed (0: as fast as possible); emits nothing."""
        if iterations_per_second <= 0:
            index = SPEEDS.index(0)
        else:
            offered = [speed for speed in SPEEDS if speed > 0]
            closest = min(offered, key=lambda speed: abs(speed - iterations_per_second))
            index = SPEEDS.index(closest)
        with _signals_blocked(self._speed):
            self._speed.setValue(index)
        self._show_speed_text()

    def speed(self) -> int:
        """The chosen iterations per second; 0 means as fast as possible."""
        return SPEEDS[self._speed.value()]

    def retranslate_ui(self) -> None:
        """Re-set every visible text in the current language."""
        self._training_group.setTitle(self.tr("Training"))
        self._hyper_group.setTitle(self.tr("Hyper-parameters"))
        self._data_group.setTitle(self.tr("Data"))

        self._set_tips(
            self._speed_label,
            self._speed,
            self.tr(
                "How many iterations (forward pass, error, backward pass, update) run per second "
                "while training runs. — Glossary: iteration"
            ),
        )
        self._show_speed_text()
        self._seed_label.setText(self.tr("Weights seed"))
        self._set_tips(
            self._seed_label,
            self._seed,
            self.tr(
                "The number that fixes the random initial weights: the same seed gives the same "
                "starting network. — Glossary: weight initialisation"
            ),
        )
        self._seed_dice.setText(self.tr("New seed"))
        self._seed_dice.setAccessibleName(self._seed_dice.text())
        self._seed_dice.setToolTip(self.tr("Draw a new random seed for the initial weights."))

        self._learning_rate_label.setText(self.tr("Learning rate η"))
        self._set_tips(
            self._learning_rate_label,
            self._learning_rate,
            self.tr(
                "Learning rate (η): how far each update moves the weights against their "
                "gradient; too high and training diverges. — Glossary: learning rate"
            ),
        )
        self._batch_size_label.setText(self.tr("Batch size"))
        self._batch_size.setSpecialValueText(self.tr("Full batch"))
        self._set_tips(
            self._batch_size_label,
            self._batch_size,
            self.tr(
                "How many training samples each iteration averages its gradient over; "
                "full batch uses them all. — Glossary: batch"
            ),
        )
        self._momentum_label.setText(self.tr("Momentum"))
        self._set_tips(
            self._momentum_label,
            self._momentum,
            self.tr(
                "Momentum: the share of the previous update added to the next one, "
                "0 for plain gradient descent. — Glossary: momentum"
            ),
        )
        self._regularization_kind_label.setText(self.tr("Regularization"))
        kind_texts = {
            "none": self.tr("None"),
            "l1": self.tr("L1 (absolute values)"),
            "l2": self.tr("L2 (squares)"),
        }
        for index, kind in enumerate(REGULARIZATION_KINDS):
            self._regularization_kind.setItemText(index, kind_texts[kind])
        self._set_tips(
            self._regularization_kind_label,
            self._regularization_kind,
            self.tr(
                "Regularization: a penalty on large weights added to the error, which keeps "
                "the network from learning the noise by heart. — Glossary: regularization"
            ),
        )
        self._regularization_strength_label.setText(self.tr("Strength"))
        self._set_tips(
            self._regularization_strength_label,
            self._regularization_strength,
            self.tr(
                "How strongly large weights are penalised (λ); used only with L1 or L2. "
                "— Glossary: regularization"
            ),
        )

        self._dataset_label.setText(self.tr("Data set"))
        self._retranslate_dataset_combo()
        self._noise_label.setText(self.tr("Noise"))
        self._set_tips(
            self._noise_label,
            self._noise,
            self.tr(
                "How much random jitter blurs the samples, from 0 (none) to 1. "
                "— Glossary: training data"
            ),
        )
        self._n_samples_label.setText(self.tr("Samples"))
        self._set_tips(
            self._n_samples_label,
            self._n_samples,
            self.tr(
                "How many samples the data set holds, training and test together. "
                "— Glossary: training data"
            ),
        )
        self._test_fraction_label.setText(self.tr("Test share"))
        self._set_tips(
            self._test_fraction_label,
            self._test_fraction,
            self.tr(
                "The percentage of samples kept aside to test the network on data it never "
                "trained on. — Glossary: test data"
            ),
        )
        self._data_seed_label.setText(self.tr("Data seed"))
        self._set_tips(
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
        self._align_label_columns()
        self._fit_fields_to_texts()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._align_label_columns()
            self._fit_fields_to_texts()
        super().changeEvent(event)

    # -- size -----------------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        """As narrow as the content allows (labels then go above their fields), never narrower.

        The scroll area alone would let the dock squeeze the content and cut its fields.
        """
        hint = super().minimumSizeHint()
        width = self._content.minimumSizeHint().width() + self._scroll_chrome_width()
        return QSize(max(hint.width(), width), hint.height())

    def sizeHint(self) -> QSize:
        """Wide enough for every number field and seed to sit beside its label."""
        form = self._hyper_group.layout()
        margins = form.contentsMargins()
        column = self._content.layout().contentsMargins()
        group = self._hyper_group.contentsMargins()
        spacing = form.horizontalSpacing()
        if spacing < 0:  # a style that spaces each pair of controls its own way
            spacing = self.style().layoutSpacing(
                QSizePolicy.ControlType.Label,
                QSizePolicy.ControlType.SpinBox,
                Qt.Orientation.Horizontal,
            )
        fields = [*self._number_fields(), *self._seed_rows]
        field = max(_minimum_width(widget) for widget in fields)
        width = (
            column.left()
            + group.left()
            + margins.left()
            + self._label_width
            + spacing
            + field
            + margins.right()
            + group.right()
            + column.right()
            + self._scroll_chrome_width()
        )
        return QSize(max(width, self.minimumSizeHint().width()), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Labels beside their fields when they all fit, else all above: never half of them."""
        if event.size().width() >= self.sizeHint().width():
            policy = QFormLayout.RowWrapPolicy.WrapLongRows
        else:
            policy = QFormLayout.RowWrapPolicy.WrapAllRows
        for group in (self._training_group, self._hyper_group, self._data_group):
            form = group.layout()
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)
        super().resizeEvent(event)

    def _scroll_chrome_width(self) -> int:
        """The scroll bar (it appears when the dock is too short) and the scroll area's frame."""
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        return bar + 2 * self._scroll.frameWidth()

    def _number_fields(self) -> tuple[QAbstractSpinBox, ...]:
        """The spin boxes that sit beside their labels (the seeds share a row with a button)."""
        return (
            self._learning_rate,
            self._batch_size,
            self._momentum,
            self._regularization_strength,
            self._noise,
            self._n_samples,
            self._test_fraction,
        )

    def _fit_fields_to_texts(self) -> None:
        """Make each spin box wide enough for its longest text, in the current language and font."""
        for spin in self._number_fields():
            texts = _range_texts(spin)
            if spin is self._n_samples:  # its range follows the data set: fit the largest one
                texts.append(spin.textFromValue(limits.MAX_SAMPLES))
            _fit_to_texts(spin, texts)
        # A dice seed has five digits: room for those, not for all ten a typed seed may have.
        for spin in (self._seed, self._data_seed):
            _fit_to_texts(spin, [spin.textFromValue(DICE_MAX_SEED)])
        _fit_to_items(self._regularization_kind)

    # -- showing --------------------------------------------------------------------------------

    def _align_label_columns(self) -> None:
        """Give every group the same label width, so all fields start at the same x."""
        labels = [
            self._seed_label,
            self._learning_rate_label,
            self._batch_size_label,
            self._momentum_label,
            self._regularization_kind_label,
            self._regularization_strength_label,
            self._noise_label,
            self._n_samples_label,
            self._test_fraction_label,
            self._data_seed_label,
        ]
        self._label_width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(self._label_width)

    @staticmethod
    def _set_tips(label: QLabel, field: QWidget, text: str) -> None:
        label.setToolTip(text)
        field.setToolTip(text)

    def _show_speed_text(self) -> None:
        speed = self.speed()
        if speed == 0:
            text = self.tr("as fast as possible")
        else:
            text = self.tr("%n iteration(s) per second", "", speed)
        self._speed_label.setText(self.tr("Speed: {speed}").format(speed=text))

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
        _fit_to_items(combo)
        self._show_dataset_tooltip()

    def _embedded_title(self) -> str:
        if self._csv_name:
            return self.tr("Imported: {name}").format(name=_elide_middle(self._csv_name))
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

    def _show_hyperparameters(self, hyper: Hyperparameters) -> None:
        with _signals_blocked(
            self._learning_rate,
            self._batch_size,
            self._momentum,
            self._regularization_kind,
            self._regularization_strength,
        ):
            self._learning_rate.setValue(hyper.learning_rate)
            self._remember("learning_rate", self._learning_rate.value(), hyper.learning_rate)
            self._batch_size.setValue(0 if hyper.batch_size is None else hyper.batch_size)
            self._remember("batch_size", self._batch_size.value(), hyper.batch_size)
            self._momentum.setValue(hyper.momentum)
            self._remember("momentum", self._momentum.value(), hyper.momentum)
            if hyper.l2 > 0.0:
                kind, strength = "l2", hyper.l2
            elif hyper.l1 > 0.0:
                kind, strength = "l1", hyper.l1
            else:
                kind, strength = "none", self._regularization_strength.value()
            self._regularization_kind.setCurrentIndex(REGULARIZATION_KINDS.index(kind))
            self._regularization_strength.setValue(strength)
            self._regularization_strength.setEnabled(kind != "none")
            self._remember("regularization", self._regularization_shown(), (hyper.l1, hyper.l2))

    def _show_dataset(self, spec: DatasetSpec, csv_name: str | None) -> None:
        if spec.csv is not None:
            self._embedded = spec.csv
            self._csv_name = csv_name
            self._fill_dataset_combo()
            self._retranslate_dataset_combo()
        index = self._dataset_combo.findData(spec.name)
        self._select_dataset(index, spec)
        with _signals_blocked(self._test_fraction, self._data_seed):
            self._test_fraction.setValue(round(spec.test_fraction * 100))
            self._remember("test_fraction", self._test_fraction.value(), spec.test_fraction)
            self._data_seed.setValue(spec.seed)

    def _select_dataset(self, index: int, spec: DatasetSpec | None = None) -> None:
        """Show data set ``index`` with ``spec``'s size and noise (None: the set's defaults)."""
        combo = self._dataset_combo
        name = combo.itemData(index)
        with _signals_blocked(combo, self._n_samples, self._noise):
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
            self._remember("n_samples", self._n_samples.value(), n_samples)
            self._remember("noise", self._noise.value(), noise)
        self._dataset_index = index
        self._show_dataset_tooltip()

    def _remember(self, key: str, shown: Any, value: Any) -> None:
        self._shown[key] = (shown, value)

    def _kept(self, key: str, shown: Any, value: Any) -> Any:
        """The document's own value while the control still shows it, else ``value``."""
        if key in self._shown and self._shown[key][0] == shown:
            return self._shown[key][1]
        return value

    def _regularization_shown(self) -> tuple[str, float]:
        return (
            self._regularization_kind.currentData(),
            self._regularization_strength.value(),
        )

    # -- reading --------------------------------------------------------------------------------

    def _current_hyperparameters(self) -> Hyperparameters:
        batch = self._batch_size.value()
        kind, strength = self._regularization_shown()
        l1, l2 = self._kept(
            "regularization",
            (kind, strength),
            (strength if kind == "l1" else 0.0, strength if kind == "l2" else 0.0),
        )
        return Hyperparameters(
            learning_rate=self._kept(
                "learning_rate", self._learning_rate.value(), self._learning_rate.value()
            ),
            batch_size=self._kept("batch_size", batch, None if batch == 0 else batch),
            momentum=self._kept("momentum", self._momentum.value(), self._momentum.value()),
            l1=l1,
            l2=l2,
        )

    def _current_dataset(self) -> DatasetSpec:
        name = self._dataset_combo.itemData(self._dataset_index)
        percent = self._test_fraction.value()
        test_fraction = self._kept("test_fraction", percent, percent / 100)
        seed = self._data_seed.value()
        if name == EMBEDDED:
            return DatasetSpec(EMBEDDED, test_fraction=test_fraction, seed=seed, csv=self._embedded)
        n_samples = self._n_samples.value()
        noise = self._noise.value()
        return DatasetSpec(
            name,
            n_samples=self._kept("n_samples", n_samples, n_samples),
            noise=self._kept("noise", noise, noise),
            test_fraction=test_fraction,
            seed=seed,
        )

    # -- user changes ---------------------------------------------------------------------------

    def _on_speed_moved(self, _index: int) -> None:
        self._show_speed_text()
        self.speed_changed.emit(self.speed())

    def _on_regularization_kind(self, _index: int) -> None:
        kind = self._regularization_kind.currentData()
        self._regularization_strength.setEnabled(kind != "none")
        self._emit_hyperparameters()

    def _on_dataset_chosen(self, index: int) -> None:
        name = self._dataset_combo.itemData(index)
        if name == IMPORT_ENTRY:
            # The entry is an action: the shown data set stays until an import succeeds.
            with _signals_blocked(self._dataset_combo):
                self._dataset_combo.setCurrentIndex(self._dataset_index)
            self.csv_import_requested.emit()
            return
        self._select_dataset(index)
        self._emit_dataset()

    def _on_seed_dice(self) -> None:
        with _signals_blocked(self._seed):
            self._seed.setValue(_new_seed(self._seed.value()))
        self._emit_seed()

    def _on_data_seed_dice(self) -> None:
        with _signals_blocked(self._data_seed):
            self._data_seed.setValue(_new_seed(self._data_seed.value()))
        self._emit_dataset()

    def _emit_hyperparameters(self) -> None:
        self._hyper_timer.stop()
        hyper = self._current_hyperparameters()
        if hyper != self._last_hyperparameters:
            self._last_hyperparameters = hyper
            self.hyperparameters_changed.emit(dataclasses.replace(hyper))

    def _emit_dataset(self) -> None:
        self._data_timer.stop()
        spec = self._current_dataset()
        if spec != self._last_dataset:
            self._last_dataset = spec
            self.dataset_changed.emit(dataclasses.replace(spec))

    def _emit_seed(self) -> None:
        self._seed_timer.stop()
        seed = self._seed.value()
        if seed != self._last_seed:
            self._last_seed = seed
            self.seed_changed.emit(seed)


def _elide_middle(text: str, width: int = 18) -> str:
    """``text`` cut in its middle to ``width`` characters: a file name keeps its start and end."""
    if len(text) <= width:
        return text
    head = (width - 1) // 2
    return text[:head] + "…" + text[len(text) - (width - 1 - head) :]


def _minimum_width(widget: QWidget) -> int:
    """The width a layout may shrink ``widget`` to: its own minimum if set, else its hint."""
    return widget.minimumWidth() or widget.minimumSizeHint().width()


def _fit_to_items(combo: QComboBox) -> None:
    """Never narrower than its longest choice: "L1 (valeurs absolues)" must not be cut."""
    combo.setMinimumWidth(combo.sizeHint().width())


def _range_texts(spin: QSpinBox | QDoubleSpinBox) -> list[str]:
    """What ``spin`` may show: its smallest and widest values, and its special-value text."""
    values = [spin.minimum(), spin.maximum()]
    if isinstance(spin, QDoubleSpinBox):  # every decimal in use: 0,99 is wider than 0 and 1
        values.append(spin.maximum() - 10.0 ** -spin.decimals())
    texts = [spin.prefix() + spin.textFromValue(value) + spin.suffix() for value in values]
    if spin.specialValueText():
        texts.append(spin.specialValueText())
    return texts


def _fit_to_texts(spin: QAbstractSpinBox, texts: Iterable[str]) -> None:
    """Give ``spin`` the minimum width that shows each of ``texts`` whole, from font metrics."""
    style = spin.style()
    text_width = (
        max(spin.fontMetrics().horizontalAdvance(text) for text in texts)
        + 2 * LINE_EDIT_MARGIN
        + style.pixelMetric(QStyle.PixelMetric.PM_TextCursorWidth, None, spin)
    )
    # The spin box gives its line edit the style's edit field: the rest is frame and arrows.
    option = QStyleOptionSpinBox()
    option.initFrom(spin)
    option.rect = QRect(QPoint(0, 0), spin.sizeHint())
    option.buttonSymbols = spin.buttonSymbols()
    option.frame = spin.hasFrame()
    option.subControls = (
        QStyle.SubControl.SC_SpinBoxFrame
        | QStyle.SubControl.SC_SpinBoxEditField
        | QStyle.SubControl.SC_SpinBoxUp
        | QStyle.SubControl.SC_SpinBoxDown
    )
    field = style.subControlRect(
        QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxEditField, spin
    )
    spin.setMinimumWidth(text_width + option.rect.width() - field.width())


def _restart(timer: QTimer, *_value: object) -> None:
    timer.start()


def _new_seed(old: int) -> int:
    """A random seed different from ``old``, so the dice button always changes something."""
    while True:
        seed = random.randint(0, DICE_MAX_SEED)
        if seed != old:
            return seed


@contextlib.contextmanager
def _signals_blocked(*widgets: QWidget) -> Iterator[None]:
    """Fill widgets without their change signals: what the program shows is no user's choice."""
    with contextlib.ExitStack() as stack:
        for widget in widgets:
            stack.enter_context(QSignalBlocker(widget))
        yield


def _dice_size(widget: QWidget) -> QSize:
    side = widget.fontMetrics().height()  # follows the font size, so it grows on a projector
    return QSize(side, side)


def _dice_icon(widget: QWidget) -> QIcon:
    """A die showing five, drawn in the button's text colour: no icon file, any theme."""
    side = _dice_size(widget).width()
    ratio = widget.devicePixelRatioF()
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = widget.palette().color(QPalette.ColorRole.ButtonText)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, max(1.0, side / 12))
        painter.setPen(pen)
        margin = pen.widthF()
        painter.drawRoundedRect(
            QRectF(margin, margin, side - 2 * margin, side - 2 * margin), side / 5, side / 5
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        radius = side * 0.09
        for x, y in ((0.3, 0.3), (0.7, 0.3), (0.5, 0.5), (0.3, 0.7), (0.7, 0.7)):
            painter.drawEllipse(QPointF(x * side, y * side), radius, radius)
    finally:
        painter.end()
    return QIcon(pixmap)
