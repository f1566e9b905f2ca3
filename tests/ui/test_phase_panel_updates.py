"""The phase panel writes only what a snapshot changes, and fits its chips in a narrow panel."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QAbstractSpinBox, QLabel

from backprop_gui.engine import PHASES, Network, Phase, Trainer
from backprop_gui.engine.snapshot import TrainerSnapshot, take_snapshot
from backprop_gui.ui.phase_panel import PhasePanel, phase_short_title, phase_title

WRITERS = ("setText", "setToolTip", "setAccessibleName", "setSuffix", "setRange", "setValue")


def trainer(batch_size: int = 2) -> Trainer:
    net = Network([2, 2, 2], ["sigmoid", "sigmoid"])
    X = np.array([[0.05, 0.10], [0.20, -0.30], [0.50, 0.50], [-0.10, 0.90]])
    Y = np.array([[0.01, 0.99], [0.50, 0.50], [0.90, 0.10], [0.20, 0.30]])
    return Trainer(net, X, Y, learning_rate=0.5, batch_size=batch_size)


def after(training: Trainer, phases: int) -> TrainerSnapshot:
    for _ in range(phases):
        training.step_phase()
    return take_snapshot(training)


@pytest.fixture
def panel(qtbot) -> PhasePanel:
    widget = PhasePanel()
    qtbot.addWidget(widget)
    widget.resize(1280, 110)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def spy_on_writes(panel: PhasePanel) -> Counter:
    """Count each call the panel makes to a text-writing method of its labels and selector."""
    calls: Counter = Counter()
    widgets = panel.findChildren(QLabel) + panel.findChildren(QAbstractSpinBox)
    for widget in widgets:
        for name in WRITERS:
            original = getattr(widget, name, None)
            if original is None:
                continue

            def counted(*args, _original=original, _name=name, _widget=widget):
                calls[(_widget.objectName() or type(_widget).__name__, _name)] += 1
                return _original(*args)

            setattr(widget, name, counted)
    return calls


def chip(panel: PhasePanel, phase: Phase) -> QLabel:
    return panel.findChild(QLabel, f"phase_chip_{phase.value}")


def arrows(panel: PhasePanel) -> list[QLabel]:
    return [label for label in panel.findChildren(QLabel) if label.text() == "→"]


def test_an_identical_snapshot_writes_no_text_again(panel) -> None:
    training = trainer()
    snapshot = after(training, 2)
    panel.show_snapshot(snapshot)
    calls = spy_on_writes(panel)
    panel.show_snapshot(snapshot)
    panel.show_snapshot(take_snapshot(training))  # equal, but a new object
    assert calls == Counter()


def test_a_snapshot_of_the_same_phase_rewrites_only_the_counters(panel) -> None:
    training = trainer(batch_size=1)
    panel.show_snapshot(after(training, 4))
    calls = spy_on_writes(panel)
    panel.show_snapshot(after(training, 4))  # the next iteration's update
    assert calls == Counter({("phase_status", "setText"): 1})
    assert "Iteration 2" in panel.findChild(QLabel, "phase_status").text()


def test_a_phase_change_rewrites_the_tooltips_of_the_chips_whose_state_changed(panel) -> None:
    training = trainer()
    panel.show_snapshot(after(training, 1))
    calls = spy_on_writes(panel)
    panel.show_snapshot(after(training, 1))
    tooltips = {widget for (widget, name) in calls if name == "setToolTip"}
    # Forward: current → done; loss: next → current; backward: pending → next; update stays.
    assert tooltips == {f"phase_chip_{phase.value}" for phase in PHASES[:3]}
    assert chip(panel, Phase.LOSS).toolTip().startswith(f"2 {phase_title(Phase.LOSS)}")


class Bracketing(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return f"[{source}]" if context == "PhasePanel" else None


def test_a_language_change_after_cached_snapshots_still_rewrites_every_text(panel) -> None:
    training = trainer()
    snapshot = after(training, 3)
    panel.show_snapshot(snapshot)
    panel.show_snapshot(snapshot)
    translator = Bracketing()
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
        assert chip(panel, Phase.FORWARD).toolTip() == "1 [Forward pass] — [Done]"
        assert chip(panel, Phase.BACKWARD).text() == "▶ 3 [Backpropagation]"
        assert panel.findChild(QLabel, "phase_cycle").toolTip().startswith("[")
        panel.show_snapshot(snapshot)  # the cache follows the language
        assert "[Iteration 1" in panel.findChild(QLabel, "phase_status").text()
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert chip(panel, Phase.FORWARD).toolTip() == "1 Forward pass — Done"
    assert "Step 3 of 4: Backpropagation" in panel.findChild(QLabel, "phase_explanation").text()


def row_fits(panel: PhasePanel) -> bool:
    """Every chip is laid out at least as wide as its text needs: nothing is clipped."""
    return all(
        chip(panel, phase).width() >= chip(panel, phase).sizeHint().width() for phase in PHASES
    )


FRENCH_TITLES = {
    "Forward pass": "Propagation avant",
    "Error calculation": "Calcul de l'erreur",
    "Backpropagation": "Rétropropagation",
    "Weight update": "Ajustement des poids",
    "Forward": "Avant",
    "Error": "Erreur",
    "Backward": "Arrière",
    "Update": "Ajuster",
}


class FrenchTitles(QTranslator):
    """The phase titles in French, longer than the English ones."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return FRENCH_TITLES.get(source) if context == "PhasePanel" else None


@pytest.mark.parametrize("phases", [1, 2, 3, 4])
def test_a_laptop_width_panel_names_the_current_chip_shortly_without_clipping(
    panel, qtbot, phases: int
) -> None:
    translator = FrenchTitles()
    QCoreApplication.installTranslator(translator)
    try:
        panel.resize(360, 160)  # the panel in a 1024×640 window
        panel.show_snapshot(after(trainer(), phases))
        current = PHASES[phases - 1]
        text = chip(panel, current).text()
        assert text in (
            f"▶ {phases} {phase_title(current)}",
            f"▶ {phases} {phase_short_title(current)}",
        )
        assert "…" not in text
        qtbot.waitUntil(lambda: row_fits(panel))
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_narrow_panel_drops_the_arrows_before_it_shortens_the_current_name(panel, qtbot) -> None:
    panel.show_snapshot(after(trainer(), 3))
    assert all(arrow.isVisibleTo(panel) for arrow in arrows(panel))
    full = f"▶ 3 {phase_title(Phase.BACKWARD)}"
    widths = {}
    for width in range(700, 120, -10):
        panel.resize(width, 160)
        text = chip(panel, Phase.BACKWARD).text()
        shown = any(arrow.isVisibleTo(panel) for arrow in arrows(panel))
        widths.setdefault((text, shown), width)
    order = sorted(widths, key=widths.get, reverse=True)
    assert order[0] == (full, True)
    assert order.index((full, False)) < order.index(
        (f"▶ 3 {phase_short_title(Phase.BACKWARD)}", False)
    )
    assert order[-1] == ("▶ 3", False)
