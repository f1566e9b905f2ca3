"""The inspector writes the chain rule with the engine's numbers, in the user's locale.

The network is Matt Mazur's worked example (2-2-2, sigmoid, squared error, η = 0.5), whose
numbers every teacher can check by hand: after the backward pass δ = 0.1385 for the first
output neuron and ∂E/∂w = 0.08217 for the weight from the first hidden neuron to it.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtWidgets import QTextBrowser

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.snapshot import TrainerSnapshot, take_snapshot
from backprop_gui.ui.formatting import MINUS, format_number, number_html
from backprop_gui.ui.inspector import MIN_POINT_SIZE, InspectorPanel
from backprop_gui.ui.style import MUTED_TEXT, NEGATIVE, POSITIVE

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def mazur_network(activations: tuple[str, str] = ("sigmoid", "sigmoid")) -> Network:
    net = Network([2, 2, 2], list(activations), loss="squared_error")
    net.set_parameters(
        [np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])],
        [np.array([0.35, 0.35]), np.array([0.6, 0.6])],
    )
    return net


def mazur_trainer() -> Trainer:
    return Trainer(
        mazur_network(), np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]]), learning_rate=0.5
    )


def batch_trainer() -> Trainer:
    """Mazur's network on four samples in one batch."""
    X = np.array([[0.05, 0.10], [0.20, -0.30], [0.50, 0.50], [-0.10, 0.90]])
    Y = np.array([[0.01, 0.99], [0.50, 0.50], [0.90, 0.10], [0.20, 0.30]])
    return Trainer(mazur_network(), X, Y, learning_rate=0.5)


def after(trainer: Trainer, phases: int, sample: int = 0) -> TrainerSnapshot:
    for _ in range(phases):
        trainer.step_phase()
    return take_snapshot(trainer, sample_in_batch=sample)


@pytest.fixture
def locale() -> Iterator[None]:
    """French numbers (0,5933) for the test, the previous default locale afterwards."""
    previous = QLocale()
    QLocale.setDefault(FRENCH)
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(ENGLISH)
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def panel(qtbot) -> InspectorPanel:
    widget = InspectorPanel()
    qtbot.addWidget(widget)
    widget.resize(360, 420)
    return widget


def text_of(panel: InspectorPanel) -> str:
    return panel.findChild(QTextBrowser, "inspector_text").toPlainText()


def html_of(panel: InspectorPanel) -> str:
    return panel.findChild(QTextBrowser, "inspector_text").toHtml()


# -- formatting --------------------------------------------------------------------------------


def test_numbers_follow_the_default_locale(locale) -> None:
    assert format_number(0.59326999) == "0,5933"
    QLocale.setDefault(ENGLISH)
    assert format_number(0.59326999) == "0.5933"


def test_negative_numbers_carry_a_real_minus_sign_and_missing_ones_a_dash(locale) -> None:
    assert format_number(-0.03809824) == MINUS + "0,0381"
    assert format_number(0.0113, signed=True) == "+0,0113"
    assert format_number(-0.0) == "0"
    assert format_number(None) == "—"


def test_rich_numbers_are_coloured_by_sign_and_bracketed_as_negative_operands(locale) -> None:
    assert POSITIVE in number_html(0.5)
    negative = number_html(-0.5, operand=True)
    assert NEGATIVE in negative
    assert f"({MINUS}0,5)" in negative
    assert "color" not in number_html(0.0)


# -- choosing what to inspect ------------------------------------------------------------------


def test_without_a_selection_it_says_how_to_choose_one(panel) -> None:
    panel.show_snapshot(after(mazur_trainer(), 3))
    panel.show_edge(1, 0, 0)
    panel.clear()
    assert panel.selection is None
    assert "Click a weight or a neuron on the network to see its numbers" in text_of(panel)


def test_a_selection_the_network_no_longer_has_falls_back_to_the_hint(panel) -> None:
    panel.show_edge(3, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 1))
    assert panel.selection is None
    assert "Click a weight" in text_of(panel)


def test_text_is_large_enough_for_a_projector(panel) -> None:
    browser = panel.findChild(QTextBrowser, "inspector_text")
    assert browser.font().pointSizeF() >= MIN_POINT_SIZE


# -- a weight ----------------------------------------------------------------------------------


def test_output_weight_after_backward_shows_the_chain_rule_in_french(panel, locale) -> None:
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 3))
    text = text_of(panel)
    assert "∂E/∂w1,1 = δ1 · a1" in text
    assert "= 0,1385 · 0,5933 = 0,08217" in text
    # Where δ came from: (o − t) · f′(z) with o = 0.7514, t = 0.01, z = 1.106.
    assert f"= (0,7514 {MINUS} 0,01) · f′(1,106) = 0,1385" in text
    assert "σ′(z) = σ(z) · (1 − σ(z))" in text


def test_output_weight_after_backward_shows_the_chain_rule_in_english(
    panel, english_locale
) -> None:
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 3))
    assert "= 0.1385 · 0.5933 = 0.08217" in text_of(panel)


@pytest.mark.parametrize(
    ("phases", "missing"),
    [(0, "step to phase 1: Forward pass"), (2, "step to phase 3: Backpropagation")],
    ids=["before-forward", "before-backward"],
)
def test_a_value_not_computed_yet_names_the_step_that_computes_it_in_grey(
    panel, locale, phases: int, missing: str
) -> None:
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), phases))
    assert f"not computed yet — {missing}" in text_of(panel)
    assert "0,08217" not in text_of(panel)
    assert MUTED_TEXT.lower() in html_of(panel).lower()


def test_after_the_forward_pass_the_known_factor_is_shown(panel, locale) -> None:
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 2))
    assert "= δ1 · 0,5933" in text_of(panel)


def test_hidden_weight_lists_the_next_layers_weights_and_deltas(panel, locale) -> None:
    panel.show_edge(0, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 3))
    text = text_of(panel)
    assert "δ1 = f′(z1) · Σk wk,1 · δk" in text
    assert "1\n0,4\n0,1385" in text
    assert f"2\n0,5\n{MINUS}0,0381" in text
    assert "= f′(0,3775) · Σ = 0,008771" in text
    assert "= 0,008771 · 0,05 = 0,0004386" in text


def test_negative_values_are_written_with_their_sign_and_the_negative_colour(panel, locale) -> None:
    panel.show_edge(0, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 3))
    assert f"{MINUS}0,0381" in text_of(panel)
    assert NEGATIVE.lower() in html_of(panel).lower()


def test_update_shows_the_step_and_the_old_and_new_weight(panel, locale) -> None:
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 4))
    text = text_of(panel)
    assert f"= {MINUS}0,5 · 0,08217 = {MINUS}0,04108" in text
    assert "w1,1: 0,4 → 0,3589" in text


def test_before_the_update_the_new_weight_is_still_to_come(panel, locale) -> None:
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 3))
    assert f"= {MINUS}0,5 · 0,08217 = not computed yet — step to phase 4" in text_of(panel)


def test_after_the_update_the_hidden_delta_shows_the_weights_backpropagation_used(
    panel, locale
) -> None:
    panel.show_edge(0, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 4))
    text = text_of(panel)
    assert "1\n0,4\n0,1385" in text  # 0,4 before the update, 0,3589 after it
    assert "the weights before the update" in text
    assert "0,15 → 0,1498" in text


def test_cross_entropy_output_delta_is_output_minus_target(panel, locale) -> None:
    net = Network([2, 2, 1], ["sigmoid", "sigmoid"], loss="cross_entropy", seed=3)
    trainer = Trainer(net, np.array([[0.05, 0.10]]), np.array([[1.0]]), learning_rate=0.5)
    snapshot = after(trainer, 3)
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(snapshot)
    text = text_of(panel)
    assert f"δ1 = o1 {MINUS} t1" in text
    output, delta = snapshot.sample_a[-1][0], snapshot.sample_delta[-1][0]
    assert f"= {format_number(output)} {MINUS} 1 = {format_number(delta)}" in text
    assert "cancels out" in text


def test_mini_batch_edge_shows_the_samples_product_and_the_batch_mean(panel, locale) -> None:
    snapshot = after(batch_trainer(), 3, sample=2)
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(snapshot)
    text = text_of(panel)
    assert "For sample 3 of the batch:" in text
    assert f"= {format_number(snapshot.sample_grad_weights[1][0, 0])}" in text
    assert "Mean over the batch of 4 sample(s):" in text
    assert f"∂E/∂w1,1 = {format_number(snapshot.grad_weights[1][0, 0])}" in text
    assert "The weight update uses this mean" in text


def test_another_sample_of_the_batch_shows_its_own_numbers(panel, locale) -> None:
    trainer = batch_trainer()
    first = after(trainer, 3, sample=0)
    third = take_snapshot(trainer, sample_in_batch=2)
    panel.show_edge(0, 0, 0)
    panel.show_snapshot(first)
    assert "· 0,05 =" in text_of(panel)
    panel.show_snapshot(third)
    assert "· 0,5 =" in text_of(panel)


def test_refreshing_keeps_the_scroll_position(panel, qtbot) -> None:
    trainer = mazur_trainer()
    panel.resize(300, 150)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_edge(0, 0, 0)
    panel.show_snapshot(after(trainer, 3))
    bar = panel.findChild(QTextBrowser, "inspector_text").verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    panel.show_snapshot(after(trainer, 1))
    assert bar.value() == kept


# -- a neuron ----------------------------------------------------------------------------------


def test_input_neuron_shows_its_value_and_feature_name(panel, locale) -> None:
    panel.set_feature_names(["x", "y"])
    panel.show_neuron(0, 1)
    panel.show_snapshot(after(mazur_trainer(), 1))
    text = text_of(panel)
    assert "Neuron 2 of the input layer" in text
    assert "x2 = 0,1" in text
    assert "Feature: y" in text
    assert "neither a bias nor an activation function" in text


def test_hidden_neuron_shows_z_a_activation_delta_and_bias(panel, locale) -> None:
    panel.show_neuron(1, 0)
    panel.show_snapshot(after(mazur_trainer(), 3))
    text = text_of(panel)
    assert "Neuron 1 of hidden layer 1" in text
    assert "= 0,3775" in text
    assert "a1 = f(z1) = 0,5933" in text
    assert "σ(z) = 1 / (1 + e^(−z))" in text
    assert "δ1 = ∂E/∂z1 = 0,008771" in text
    assert "b1 = 0,35" in text
    assert "∂E/∂b1 = δ1 = 0,008771" in text


def test_output_neuron_shows_target_and_its_share_of_the_error(panel, locale) -> None:
    panel.show_neuron(2, 0)
    panel.show_snapshot(after(mazur_trainer(), 2))
    text = text_of(panel)
    assert "t1 = 0,01" in text
    assert "E1 = 0,2748" in text
    assert "δ1 = ∂E/∂z1 = not computed yet — step to phase 3" in text


def test_neuron_bias_update_shows_old_and_new_bias(panel, locale) -> None:
    panel.show_neuron(2, 1)
    panel.show_snapshot(after(mazur_trainer(), 4))
    text = text_of(panel)
    assert f"= {MINUS}0,5 · ({MINUS}0,0381) = +0,01905" in text
    assert "0,6 → 0,619" in text


# -- language ----------------------------------------------------------------------------------


class Bracketing(QTranslator):
    """A pseudo-translation: our strings come back [in brackets], others untranslated."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if context in ("InspectorPanel", "Formatting", "PhasePanel"):
            return f"[{source}]"
        return None


def test_language_change_rewrites_the_panel(panel, locale) -> None:
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(after(mazur_trainer(), 3))
    translator = Bracketing()
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
        assert "[Its gradient (chain rule)]" in text_of(panel)
        assert "[the output layer]" in text_of(panel)
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert "[Its gradient" not in text_of(panel)
    assert "0,08217" in text_of(panel)


def test_with_momentum_the_update_formula_carries_the_previous_step(panel, locale) -> None:
    trainer = mazur_trainer()
    trainer.momentum = 0.9
    for _ in range(4):
        trainer.step_phase()
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(take_snapshot(trainer))
    text = text_of(panel)
    assert "μ · Δw" in text
    assert "0,9" in text
    change = format_number(float(trainer.weight_updates[1][0, 0]))
    assert change.lstrip("+") in text


def test_with_regularization_the_gradient_is_said_to_include_it(panel, locale) -> None:
    trainer = mazur_trainer()
    trainer.l2 = 0.01
    for _ in range(3):
        trainer.step_phase()
    panel.show_edge(1, 0, 0)
    panel.show_snapshot(take_snapshot(trainer))
    assert "λ·w" in text_of(panel)
