"""The "Hyper-parameters" group of the controls: learning rate, batch, momentum, regularization."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QGroupBox, QLabel, QSpinBox, QWidget

from backprop_gui.document import MAX_LEARNING_RATE, Hyperparameters
from backprop_gui.engine import limits
from backprop_gui.ui.controls_editing import ShownValues, edit_timer, signals_blocked, watch_spin
from backprop_gui.ui.controls_fields import (
    CompactDoubleSpinBox,
    fit_to_items,
    fit_to_texts,
    form_layout,
    range_texts,
    set_tips,
)

MIN_LEARNING_RATE = 0.0001
REGULARIZATION_KINDS = ("none", "l1", "l2")
DEFAULT_REGULARIZATION_STRENGTH = 0.001


class HyperparametersGroup(QGroupBox):
    """How training moves the weights; emits one new :class:`Hyperparameters` per pause."""

    hyperparameters_changed = Signal(object)
    """A new :class:`Hyperparameters`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ShownValues()
        self._last_hyperparameters: Hyperparameters | None = None
        self._timer = edit_timer(self, self._emit_hyperparameters)
        form = form_layout(self)

        self._learning_rate = CompactDoubleSpinBox()
        self._learning_rate.setDecimals(4)
        self._learning_rate.setRange(MIN_LEARNING_RATE, MAX_LEARNING_RATE)
        self._learning_rate.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        watch_spin(self._learning_rate, "learning_rate", "taux_apprentissage", self._timer)

        self._batch_size = QSpinBox()
        self._batch_size.setRange(0, limits.MAX_SAMPLES)  # 0 shows the "full batch" text
        watch_spin(self._batch_size, "batch_size", "lot", self._timer)

        self._momentum = CompactDoubleSpinBox()
        self._momentum.setDecimals(2)
        self._momentum.setRange(0.0, 0.99)
        self._momentum.setSingleStep(0.05)
        watch_spin(self._momentum, "momentum", "moment", self._timer)

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
        watch_spin(
            self._regularization_strength, "regularization_strength", "regularisation", self._timer
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
        self.retranslate_ui()

    def set_hyperparameters(self, hyper: Hyperparameters) -> None:
        """Show a document's hyper-parameters; emits nothing."""
        self._timer.stop()
        self._shown.clear()
        with signals_blocked(
            self._learning_rate,
            self._batch_size,
            self._momentum,
            self._regularization_kind,
            self._regularization_strength,
        ):
            self._learning_rate.setValue(hyper.learning_rate)
            self._shown.remember("learning_rate", self._learning_rate.value(), hyper.learning_rate)
            self._batch_size.setValue(0 if hyper.batch_size is None else hyper.batch_size)
            self._shown.remember("batch_size", self._batch_size.value(), hyper.batch_size)
            self._momentum.setValue(hyper.momentum)
            self._shown.remember("momentum", self._momentum.value(), hyper.momentum)
            if hyper.l2 > 0.0:
                kind, strength = "l2", hyper.l2
            elif hyper.l1 > 0.0:
                kind, strength = "l1", hyper.l1
            else:
                kind, strength = "none", self._regularization_strength.value()
            self._regularization_kind.setCurrentIndex(REGULARIZATION_KINDS.index(kind))
            self._regularization_strength.setValue(strength)
            self._regularization_strength.setEnabled(kind != "none")
            self._shown.remember(
                "regularization", self._regularization_shown(), (hyper.l1, hyper.l2)
            )
        self._last_hyperparameters = dataclasses.replace(hyper)

    def form_labels(self) -> list[QLabel]:
        """The labels of the form's label column, which the panel aligns across groups."""
        return [
            self._learning_rate_label,
            self._batch_size_label,
            self._momentum_label,
            self._regularization_kind_label,
            self._regularization_strength_label,
        ]

    def number_fields(self) -> tuple[QWidget, ...]:
        """The spin boxes that sit beside their labels at the panel's preferred width."""
        return (
            self._learning_rate,
            self._batch_size,
            self._momentum,
            self._regularization_strength,
        )

    def fit_fields_to_texts(self) -> None:
        """Make each field wide enough for its longest text, in the current language and font."""
        for spin in self.number_fields():
            fit_to_texts(spin, range_texts(spin))
        fit_to_items(self._regularization_kind)

    def retranslate_ui(self) -> None:
        """Re-set every visible text in the current language."""
        self.setTitle(self.tr("Hyper-parameters"))
        self._learning_rate_label.setText(self.tr("Learning rate η"))
        set_tips(
            self._learning_rate_label,
            self._learning_rate,
            self.tr(
                "Learning rate (η): how far each update moves the weights against their "
                "gradient; too high and training diverges. — Glossary: learning rate"
            ),
        )
        self._batch_size_label.setText(self.tr("Batch size"))
        self._batch_size.setSpecialValueText(self.tr("Full batch"))
        set_tips(
            self._batch_size_label,
            self._batch_size,
            self.tr(
                "How many training samples each iteration averages its gradient over; "
                "full batch uses them all. — Glossary: batch"
            ),
        )
        self._momentum_label.setText(self.tr("Momentum"))
        set_tips(
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
        set_tips(
            self._regularization_kind_label,
            self._regularization_kind,
            self.tr(
                "Regularization: a penalty on large weights added to the error, which keeps "
                "the network from learning the noise by heart. — Glossary: regularization"
            ),
        )
        self._regularization_strength_label.setText(self.tr("Strength"))
        set_tips(
            self._regularization_strength_label,
            self._regularization_strength,
            self.tr(
                "How strongly large weights are penalised (λ); used only with L1 or L2. "
                "— Glossary: regularization"
            ),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _regularization_shown(self) -> tuple[str, float]:
        return (
            self._regularization_kind.currentData(),
            self._regularization_strength.value(),
        )

    def _current_hyperparameters(self) -> Hyperparameters:
        batch = self._batch_size.value()
        kind, strength = self._regularization_shown()
        l1, l2 = self._shown.kept(
            "regularization",
            (kind, strength),
            (strength if kind == "l1" else 0.0, strength if kind == "l2" else 0.0),
        )
        return Hyperparameters(
            learning_rate=self._shown.kept(
                "learning_rate", self._learning_rate.value(), self._learning_rate.value()
            ),
            batch_size=self._shown.kept("batch_size", batch, None if batch == 0 else batch),
            momentum=self._shown.kept("momentum", self._momentum.value(), self._momentum.value()),
            l1=l1,
            l2=l2,
        )

    def _on_regularization_kind(self, _index: int) -> None:
        kind = self._regularization_kind.currentData()
        self._regularization_strength.setEnabled(kind != "none")
        self._emit_hyperparameters()

    def _emit_hyperparameters(self) -> None:
        self._timer.stop()
        hyper = self._current_hyperparameters()
        if hyper != self._last_hyperparameters:
            self._last_hyperparameters = hyper
            self.hyperparameters_changed.emit(dataclasses.replace(hyper))
