"""The "Training" group of the controls: how fast training runs, and the initial weights' seed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QSlider, QSpinBox, QToolButton, QWidget

from backprop_gui.ui.controls_dice import fit_to_dice_seeds, new_seed, seed_row
from backprop_gui.ui.controls_editing import edit_timer, signals_blocked, watch_spin
from backprop_gui.ui.controls_fields import form_layout, set_tips

SPEEDS = (1, 2, 5, 10, 30, 100, 1000, 0)
"""Iterations per second offered by the speed slider, slowest first; 0 is "as fast as possible"."""

DEFAULT_SPEED = 10


class TrainingGroup(QGroupBox):
    """The speed slider, which acts at once, and the weights seed, emitted after a pause."""

    speed_changed = Signal(int)
    """Iterations per second; 0 means as fast as possible."""
    seed_changed = Signal(int)
    """The seed of the initial weights."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last_seed: int | None = None
        self._seed_timer = edit_timer(self, self._emit_seed)
        form = form_layout(self)

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
        watch_spin(self._seed, "seed", "initialisation_poids", self._seed_timer)
        self._seed_dice = QToolButton()
        self._seed_dice.setObjectName("seed_dice")
        self._seed_dice.clicked.connect(self._on_seed_dice)
        self._seed_label = QLabel()
        self._seed_label.setBuddy(self._seed)
        self._seed_row = seed_row(self._seed, self._seed_dice)
        form.addRow(self._seed_label, self._seed_row)
        self.retranslate_ui()

    def set_seed(self, seed: int) -> None:
        """Show the weights seed of a document; emits nothing."""
        self._seed_timer.stop()
        with signals_blocked(self._seed):
            self._seed.setValue(seed)
        self._last_seed = seed

    def set_speed(self, iterations_per_second: int) -> None:
        """Show the closest offered speed (0: as fast as possible); emits nothing."""
        if iterations_per_second <= 0:
            index = SPEEDS.index(0)
        else:
            offered = [speed for speed in SPEEDS if speed > 0]
            closest = min(offered, key=lambda speed: abs(speed - iterations_per_second))
            index = SPEEDS.index(closest)
        with signals_blocked(self._speed):
            self._speed.setValue(index)
        self._show_speed_text()

    def speed(self) -> int:
        """The chosen iterations per second; 0 means as fast as possible."""
        return SPEEDS[self._speed.value()]

    def form_labels(self) -> list[QLabel]:
        """The labels of the form's label column, which the panel aligns across groups."""
        return [self._seed_label]

    def number_fields(self) -> tuple[QWidget, ...]:
        """The fields that sit beside their labels at the panel's preferred width."""
        return (self._seed_row,)

    def fit_fields_to_texts(self) -> None:
        """Make the seed field wide enough for a dice seed, in the current language and font."""
        fit_to_dice_seeds(self._seed)

    def retranslate_ui(self) -> None:
        """Re-set every visible text in the current language."""
        self.setTitle(self.tr("Training"))
        set_tips(
            self._speed_label,
            self._speed,
            self.tr(
                "How many iterations (forward pass, error, backward pass, update) run per second "
                "while training runs. — Glossary: iteration"
            ),
        )
        self._show_speed_text()
        self._seed_label.setText(self.tr("Weights seed"))
        set_tips(
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_speed_text(self) -> None:
        speed = self.speed()
        if speed == 0:
            text = self.tr("as fast as possible")
        else:
            text = self.tr("%n iteration(s) per second", "", speed)
        self._speed_label.setText(self.tr("Speed: {speed}").format(speed=text))

    def _on_speed_moved(self, _index: int) -> None:
        self._show_speed_text()
        self.speed_changed.emit(self.speed())

    def _on_seed_dice(self) -> None:
        with signals_blocked(self._seed):
            self._seed.setValue(new_seed(self._seed.value()))
        self._emit_seed()

    def _emit_seed(self) -> None:
        self._seed_timer.stop()
        seed = self._seed.value()
        if seed != self._last_seed:
            self._last_seed = seed
            self.seed_changed.emit(seed)
