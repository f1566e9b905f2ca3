"""The phase panel shows where the class is in the four-phase cycle of an iteration."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QLabel, QSpinBox

from backprop_gui.engine import PHASES, Network, Phase, Trainer
from backprop_gui.engine.snapshot import TrainerSnapshot, take_snapshot
from backprop_gui.ui.phase_panel import (
    MIN_POINT_SIZE,
    PhasePanel,
    chip_states,
    phase_term,
    phase_title,
)


def trainer(batch_size: int | None = None) -> Trainer:
    """Mazur's 2-2-2 network on four samples; full batch unless ``batch_size``."""
    net = Network([2, 2, 2], ["sigmoid", "sigmoid"])
    net.set_parameters(
        [np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])],
        [np.array([0.35, 0.35]), np.array([0.6, 0.6])],
    )
    X = np.array([[0.05, 0.10], [0.20, -0.30], [0.50, 0.50], [-0.10, 0.90]])
    Y = np.array([[0.01, 0.99], [0.50, 0.50], [0.90, 0.10], [0.20, 0.30]])
    return Trainer(net, X, Y, learning_rate=0.5, batch_size=batch_size)


def after(training: Trainer, phases: int, sample: int = 0) -> TrainerSnapshot:
    for _ in range(phases):
        training.step_phase()
    return take_snapshot(training, sample_in_batch=sample)


@pytest.fixture
def panel(qtbot) -> PhasePanel:
    widget = PhasePanel()
    qtbot.addWidget(widget)
    widget.resize(1280, 110)
    return widget


def chip(panel: PhasePanel, phase: Phase) -> QLabel:
    return panel.findChild(QLabel, f"phase_chip_{phase.value}")


def states(panel: PhasePanel) -> list[str]:
    return [chip(panel, phase).property("state") for phase in PHASES]


def status(panel: PhasePanel) -> str:
    return panel.findChild(QLabel, "phase_status").text()


def explanation(panel: PhasePanel) -> str:
    return panel.findChild(QLabel, "phase_explanation").text()


def test_each_phase_has_its_glossary_term() -> None:
    assert [phase_term(phase) for phase in PHASES] == [
        "propagation_avant",
        "calcul_erreur",
        "retropropagation",
        "ajustement_poids",
    ]


def test_chip_states_follow_the_last_phase_computed() -> None:
    assert list(chip_states(None).values()) == ["next", "pending", "pending", "pending"]
    assert list(chip_states(Phase.LOSS).values()) == ["done", "current", "next", "pending"]
    assert list(chip_states(Phase.UPDATE).values()) == ["done", "done", "done", "current"]


def test_before_the_first_step_the_forward_chip_is_next(panel) -> None:
    panel.show_snapshot(after(trainer(), 0))
    assert states(panel) == ["next", "pending", "pending", "pending"]
    assert panel.phase is None
    assert "Ready" in explanation(panel)
    assert "the next step is the forward pass" in explanation(panel)


@pytest.mark.parametrize("phases", [1, 2, 3, 4])
def test_each_step_ticks_the_done_chips_emphasises_the_current_and_outlines_the_next(
    panel, phases: int
) -> None:
    panel.show_snapshot(after(trainer(), phases))
    current = PHASES[phases - 1]
    expected = list(chip_states(current).values())
    assert states(panel) == expected
    for phase, state in zip(PHASES, expected, strict=True):
        marker = {"done": "✓", "current": "▶"}.get(state)
        text = chip(panel, phase).text()
        assert text.startswith(marker) if marker else text[0].isdigit()
    assert chip(panel, current).text().endswith(phase_title(current))
    assert f"Step {phases} of 4: {phase_title(current)}" in explanation(panel)
    cycle = panel.findChild(QLabel, "phase_cycle").property("state")
    assert cycle == ("next" if current is Phase.UPDATE else "pending")


def test_phase_changed_is_emitted_once_each_time_the_phase_moves(panel) -> None:
    training = trainer()
    seen: list[Phase | None] = []
    panel.phase_changed.connect(seen.append)
    panel.show_snapshot(after(training, 0))
    snapshot = after(training, 1)
    panel.show_snapshot(snapshot)
    panel.show_snapshot(snapshot)
    panel.show_snapshot(after(training, 1))
    assert seen == [Phase.FORWARD, Phase.LOSS]


def test_counters_show_the_iteration_on_screen_and_the_completed_epochs(panel) -> None:
    training = trainer(batch_size=2)  # two iterations per epoch
    panel.show_snapshot(after(training, 1))
    assert "Iteration 1 · 0 epoch(s) completed" in status(panel)
    panel.show_snapshot(after(training, 3))  # the update ends iteration 1
    assert "Iteration 1 · 0 epoch(s) completed" in status(panel)
    panel.show_snapshot(after(training, 4))  # the update ends iteration 2, epoch 1
    assert "Iteration 2 · 1 epoch(s) completed" in status(panel)
    panel.show_snapshot(after(training, 1))
    assert "Iteration 3 · 1 epoch(s) completed" in status(panel)


def test_a_mini_batch_says_whose_numbers_are_shown_and_that_the_update_uses_the_mean(
    panel,
) -> None:
    panel.show_snapshot(after(trainer(batch_size=3), 1, sample=1))
    assert "sample 2 of the batch" in status(panel)
    assert "the mean over the 3 sample(s) of the batch" in status(panel)


def test_a_single_sample_batch_has_no_sample_selector_nor_batch_sentence(panel) -> None:
    panel.show_snapshot(after(trainer(batch_size=1), 1))
    selector = panel.findChild(QSpinBox, "sample_selector")
    assert not selector.isVisibleTo(panel)
    assert "sample" not in status(panel)


def test_the_sample_selector_offers_each_sample_of_the_batch(panel) -> None:
    panel.show_snapshot(after(trainer(batch_size=3), 1, sample=2))
    selector = panel.findChild(QSpinBox, "sample_selector")
    assert selector.isVisibleTo(panel)
    assert (selector.minimum(), selector.maximum(), selector.value()) == (1, 3, 3)


def test_the_sample_selector_emits_the_zero_based_sample(panel, qtbot) -> None:
    panel.show_snapshot(after(trainer(), 1))
    selector = panel.findChild(QSpinBox, "sample_selector")
    with qtbot.waitSignal(panel.sample_changed) as blocker:
        selector.setValue(4)
    assert blocker.args == [3]


def test_a_new_snapshot_moves_the_selector_without_emitting(panel, qtbot) -> None:
    training = trainer()
    panel.show_snapshot(after(training, 1))
    with qtbot.assertNotEmitted(panel.sample_changed):
        panel.show_snapshot(take_snapshot(training, sample_in_batch=2))
    assert panel.findChild(QSpinBox, "sample_selector").value() == 3


def test_a_narrow_panel_keeps_the_name_of_the_current_chip_only(panel, qtbot) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_snapshot(after(trainer(), 3))
    assert chip(panel, Phase.FORWARD).text() == f"✓ 1 {phase_title(Phase.FORWARD)}"
    panel.resize(420, 160)
    qtbot.waitUntil(lambda: chip(panel, Phase.FORWARD).text() == "✓ 1")
    assert chip(panel, Phase.UPDATE).text() == "4"
    assert chip(panel, Phase.BACKWARD).text() == f"▶ 3 {phase_title(Phase.BACKWARD)}"
    assert panel.minimumSizeHint().width() <= 420


def test_text_is_large_enough_for_a_projector(panel) -> None:
    panel.show_snapshot(after(trainer(), 2))
    assert chip(panel, Phase.LOSS).fontInfo().pointSizeF() >= MIN_POINT_SIZE
    assert panel.findChild(QLabel, "phase_explanation").font().pointSizeF() >= MIN_POINT_SIZE


class Bracketing(QTranslator):
    """A pseudo-translation: the panel's strings come back [in brackets]."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"[{source}]" if context == "PhasePanel" else None


def test_language_change_rewrites_the_panel(panel) -> None:
    panel.show_snapshot(after(trainer(batch_size=2), 3))
    translator = Bracketing()
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
        assert chip(panel, Phase.FORWARD).text() == "✓ 1 [Forward pass]"
        assert "[Step 3 of 4: [Backpropagation]]" in explanation(panel)
        assert "[Iteration 1 · 0 epoch(s) completed]" in status(panel)
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert chip(panel, Phase.FORWARD).text() == "✓ 1 Forward pass"
