"""The main window driven like a teacher would: every action through its object name."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QVariantAnimation
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from backprop_gui.app import create_main_window
from backprop_gui.document import NetworkDocument, default_document, load, preset_paths
from backprop_gui.engine import Network, Phase, Trainer
from backprop_gui.session import Change
from backprop_gui.ui.file_actions import FileActions


@pytest.fixture(autouse=True)
def _no_unsaved_changes_prompt(monkeypatch):
    """Closing a trained window would ask about unsaved changes; tests answer "discard"."""
    monkeypatch.setattr(FileActions, "confirm_discard", lambda self, modified: "discard")


@pytest.fixture
def open_window(qtbot):
    windows = []

    def make(document: NetworkDocument | None = None, language: str = "fr"):
        window = create_main_window(document, language)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        with qtbot.waitSignal(window.controller.snapshot_ready):
            window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def trigger(qtbot, window, name: str):
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        action(window, name).trigger()
    return blocker.args[0]


def classic() -> NetworkDocument:
    return load(next(p for p in preset_paths() if p.stem == "classique_2-2-2"))


def test_the_window_opens_on_a_ready_network_with_every_panel(open_window):
    window = open_window()
    for name in ("network_view", "inspector", "controls_panel", "phase_panel"):
        assert window.findChild(object, name) is not None, name
    for name in (
        "action_run",
        "action_step_phase",
        "action_step_iteration",
        "action_step_epoch",
        "action_reset",
        "action_reinitialize",
        "action_gradient_check",
    ):
        assert action(window, name).text()
    assert window.controller.latest.iteration == 0
    assert window.status_label.text().startswith("Itération 0 · Époque 0 · Phase\u00a0: ")


def test_walking_the_four_phases_of_the_classic_example_shows_the_engine_numbers(
    qtbot, open_window
):
    QLocale.setDefault(QLocale(QLocale.Language.French))
    window = open_window(classic())
    reference = classic().build_network()
    train, _ = classic().build_dataset()
    trainer = Trainer(reference, train.X, train.Y, learning_rate=0.5)
    window.canvas.edge_selected.emit(1, 0, 0)
    expected_phases = [Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE]
    for expected in expected_phases:
        snapshot = trigger(qtbot, window, "action_step_phase")
        trainer.step_phase()
        assert snapshot.phase is expected
        assert window.phase_panel.phase is expected
    np.testing.assert_allclose(snapshot.weights[1], trainer.network.weights[1], rtol=0, atol=0)
    assert snapshot.weights[1][0, 0] == pytest.approx(0.35891647971788465, abs=1e-12)
    text = window.inspector.findChild(object, "inspector_text").toPlainText()
    assert "0,4" in text
    assert "0,3589" in text
    assert "0,08217" in text  # ∂E/∂w of w5 from the engine
    assert "Phase\u00a0: ajustement des poids" in window.status_label.text()
    assert "Itération 1" in window.status_label.text()


def test_running_then_pausing_trains_in_the_background(qtbot, open_window):
    window = open_window()
    window.controls.findChild(object, "speed_control")
    window.controller.set_speed(0)
    with qtbot.waitSignal(window.controller.running_changed):
        action(window, "action_run").trigger()
    qtbot.waitUntil(lambda: window.controller.latest.iteration > 50, timeout=5000)
    assert window.canvas._sweep.state() == QVariantAnimation.State.Stopped  # no sweep running
    with qtbot.waitSignal(window.controller.running_changed):
        action(window, "action_run").trigger()
    assert not action(window, "action_run").isChecked()
    assert window.session.modified
    trigger(qtbot, window, "action_step_phase")
    qtbot.waitUntil(  # a manual step sweeps
        lambda: window.canvas._sweep.state() == QVariantAnimation.State.Running, timeout=1000
    )


def test_reset_goes_back_to_the_initial_weights(qtbot, open_window):
    window = open_window()
    initial = window.controller.latest.weights
    trigger(qtbot, window, "action_step_epoch")
    trigger(qtbot, window, "action_step_epoch")
    snapshot = trigger(qtbot, window, "action_reset")
    assert snapshot.iteration == 0
    for before, after in zip(initial, snapshot.weights, strict=True):
        np.testing.assert_array_equal(before, after)


def test_new_random_weights_is_undoable(qtbot, open_window):
    window = open_window()
    before = window.controller.latest.weights
    snapshot = trigger(qtbot, window, "action_reinitialize")
    assert not np.array_equal(before[0], snapshot.weights[0])
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        action(window, "action_undo").trigger()
    np.testing.assert_array_equal(blocker.args[0].weights[0], before[0])


def test_structure_edits_are_undone_and_redone(qtbot, open_window):
    window = open_window()
    assert window.session.document.layer_sizes == [2, 4, 1]
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        window.canvas.structure_edit_requested.emit("add_neuron", 1, None)
    assert blocker.args[0].layer_sizes == (2, 5, 1)
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        window.canvas.structure_edit_requested.emit("add_layer", 1, None)
    assert blocker.args[0].layer_sizes == (2, 5, 5, 1)
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        action(window, "action_undo").trigger()
    assert blocker.args[0].layer_sizes == (2, 5, 1)
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        action(window, "action_undo").trigger()
    assert blocker.args[0].layer_sizes == (2, 4, 1)
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        action(window, "action_redo").trigger()
    assert blocker.args[0].layer_sizes == (2, 5, 1)


def test_a_typed_weight_is_applied_in_place_and_undone(qtbot, open_window):
    window = open_window()
    trigger(qtbot, window, "action_step_iteration")
    old = window.controller.latest.weights[0][1, 0]
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        window.canvas.weight_edit_requested.emit(0, 1, 0, 2.5)
    assert blocker.args[0].weights[0][1, 0] == 2.5
    assert blocker.args[0].iteration == 1  # the history is kept
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        action(window, "action_undo").trigger()
    assert blocker.args[0].weights[0][1, 0] == old
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        window.canvas.bias_edit_requested.emit(2, 0, -1.25)
    assert blocker.args[0].biases[1][0] == -1.25


def test_changing_the_learning_rate_keeps_the_training(qtbot, open_window):
    window = open_window()
    trigger(qtbot, window, "action_step_iteration")
    document = window.session.document
    hyperparameters = type(document.hyperparameters)(learning_rate=0.05)
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        window.controls.hyperparameters_changed.emit(hyperparameters)
    assert blocker.args[0].learning_rate == 0.05
    assert blocker.args[0].iteration == 1
    assert window.session.undo_stack.count() == 1


def test_divergence_pauses_and_explains_in_french(qtbot, open_window):
    document = NetworkDocument([2, 1], ["linear"], hyperparameters=None)
    document = default_document()
    document.layer_sizes, document.activations, document.loss = [2, 1], ["linear"], "squared_error"
    document.dataset.name, document.dataset.test_fraction = "plane", 0.0
    document.dataset.noise = None
    document.hyperparameters.learning_rate = 90.0
    window = open_window(document)
    window.controller.set_speed(0)
    with qtbot.waitSignal(window.controller.diverged, timeout=10000):
        action(window, "action_run").trigger()
    qtbot.waitUntil(lambda: not window.controller.running)
    assert window.banner.isVisible()
    assert "taux d'apprentissage" in window.banner.text()
    qtbot.waitUntil(lambda: all(np.isfinite(w).all() for w in window.controller.latest.weights))


def test_a_corrupt_file_is_refused_and_the_open_network_stays(qtbot, open_window, tmp_path):
    window = open_window()
    before = window.session.document
    corrupt = tmp_path / "cassé.json"
    corrupt.write_text('{"format": "backprop-gui-network", "version": 1, "layer_sizes": [2, ')
    assert not window.open_path(corrupt)
    box = window.findChild(QMessageBox, "file_error_box")
    assert box is not None
    assert "cassé.json" in box.text()
    box.close()
    assert window.session.document is before


def test_save_then_open_gives_back_the_trained_weights(qtbot, open_window, tmp_path):
    window = open_window()
    trigger(qtbot, window, "action_step_epoch")
    trained = window.controller.latest.weights
    path = tmp_path / "réseau.json"
    assert window.save_to(path)
    assert not window.session.modified
    assert json.loads(path.read_text())["format"] == "backprop-gui-network"
    other = open_window()
    assert other.open_path(path)
    qtbot.waitUntil(lambda: other.session.path == path)
    with qtbot.waitSignal(other.controller.snapshot_ready, timeout=5000) as blocker:
        other.controller.step_phase()
    for before, after in zip(trained, blocker.args[0].weights, strict=True):
        np.testing.assert_array_equal(before, after)


def test_the_gradient_check_says_backpropagation_is_right(qtbot, open_window):
    window = open_window()
    with qtbot.waitSignal(window.controller.gradient_checked):
        action(window, "action_gradient_check").trigger()
    assert window.banner.isVisible()
    assert "Vérification du gradient" in window.banner.text()


def test_closing_while_training_stops_the_worker(qtbot):
    window = create_main_window(None, "fr")
    qtbot.addWidget(window)  # deleted by Qt after the test, not by Python's garbage collector
    window.resize(1280, 720)
    with qtbot.waitSignal(window.controller.snapshot_ready):
        window.show()
    window.controller.set_speed(0)
    with qtbot.waitSignal(window.controller.running_changed):
        action(window, "action_run").trigger()
    qtbot.waitUntil(lambda: window.controller.latest.iteration > 5)
    assert window.close()
    assert not window.controller._thread.isRunning()


def test_a_document_change_notifies_with_its_kind(qtbot, open_window):
    window = open_window()
    with qtbot.waitSignal(window.session.document_changed) as blocker:
        action(window, "action_reinitialize").trigger()
    assert blocker.args == [Change.SEED]


def test_presets_are_in_the_menu(open_window):
    window = open_window()
    names = {a.objectName() for a in window.presets_menu.actions()}
    assert "preset_classique_2-2-2" in names


def test_network_built_from_the_window_matches_the_document(open_window):
    window = open_window(classic())
    snapshot = window.controller.latest
    reference = Network([2, 2, 2], ["sigmoid", "sigmoid"])
    reference.set_parameters(classic().weights, classic().biases)
    np.testing.assert_array_equal(snapshot.weights[0], reference.weights[0])


def test_closing_with_unsaved_changes_can_be_cancelled_or_saved(
    qtbot, open_window, monkeypatch, tmp_path
):
    window = open_window()
    trigger(qtbot, window, "action_step_iteration")
    assert window.session.modified
    monkeypatch.setattr(FileActions, "confirm_discard", lambda self, modified: "cancel")
    assert not window.close()
    assert window.isVisible()
    path = tmp_path / "avant_de_fermer.json"
    monkeypatch.setattr(FileActions, "confirm_discard", lambda self, modified: "save")
    monkeypatch.setattr(FileActions, "ask_save_path", lambda self: path)
    assert window.close()
    assert load(path).layer_sizes == window.session.document.layer_sizes


def test_switching_the_language_retranslates_the_open_window(qtbot, open_window):
    window = open_window()
    assert window.file_menu.title() == "&Fichier"
    action(window, "action_language_en").trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")  # LanguageChange is posted
    assert action(window, "action_step_phase").text() == "Next &phase"
    assert window.status_label.text().startswith("Iteration 0")
    action(window, "action_language_fr").trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier")
    assert window.glossary.glossary.language == "fr"


def test_choosing_a_glossary_entry_lights_up_what_it_names(qtbot, open_window):
    window = open_window()
    lit = window.highlighter.flash(["learning_rate", "loss_plot", "action_step_phase"])
    names = {widget.objectName() for widget in lit}
    assert {"learning_rate", "loss_plot"} <= names
    assert len(lit) == 3
    assert all(widget.graphicsEffect() is not None for widget in lit)
    qtbot.waitUntil(lambda: all(widget.graphicsEffect() is None for widget in lit), timeout=4000)


def test_the_phase_being_stepped_shows_its_glossary_entry(qtbot, open_window):
    window = open_window()
    trigger(qtbot, window, "action_step_phase")
    assert window.glossary.current_entry_id() == "propagation_avant"
    trigger(qtbot, window, "action_step_phase")
    assert window.glossary.current_entry_id() == "calcul_erreur"


def test_the_plots_follow_the_training_and_clear_on_reset(qtbot, open_window):
    window = open_window()
    for _ in range(3):
        trigger(qtbot, window, "action_step_iteration")
    # The plots take their snapshots one turn of the event loop after the other panels.
    qtbot.waitUntil(lambda: len(window.loss_plot.buffers.series("loss")) == 3)
    trigger(qtbot, window, "action_reset")
    qtbot.waitUntil(lambda: len(window.loss_plot.buffers.series("loss")) == 0)


def test_the_loss_function_is_chosen_from_the_output_layer_menu(qtbot, open_window):
    window = open_window()
    assert window.session.document.loss == "cross_entropy"
    with qtbot.waitSignal(window.controller.snapshot_ready) as blocker:
        window.canvas.structure_edit_requested.emit("set_loss", 2, "squared_error")
    assert blocker.args[0].loss_name == "squared_error"
    menu = window.canvas.context_menu(2)
    assert menu.findChild(QAction, "loss_squared_error").isChecked()


def test_the_training_history_is_exported_as_one_csv_table(qtbot, open_window, tmp_path):
    window = open_window()
    for _ in range(4):
        trigger(qtbot, window, "action_step_iteration")
    path = tmp_path / "historique.csv"
    assert window.export_history(path) == 4
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("iteration,batch_loss,gradient_norm_layer_1,gradient_norm_layer_2")
    assert [line.split(",")[0] for line in lines[1:]] == ["1", "2", "3", "4"]
    first = lines[1].split(",")
    assert float(first[1]) > 0  # the batch loss
    assert first[4] == "1"  # full batch: every iteration ends an epoch


def test_the_boundary_plot_follows_the_network_and_takes_clicked_points(qtbot, open_window):
    window = open_window()
    trigger(qtbot, window, "action_step_iteration")
    assert window.controller.latest.boundary is None  # its tab is behind the loss plot's
    window.docks.boundary.raise_()
    qtbot.waitUntil(lambda: window.controller.latest.boundary is not None)
    grid = window.controller.latest.boundary
    assert grid.outputs.shape == (grid.ys.size, grid.xs.size, 1)
    train, test = window.session.document.build_dataset()
    before = train.n_samples + test.n_samples
    with qtbot.waitSignal(window.controller.snapshot_ready):
        window.boundary_plot.point_added.emit(0.3, -0.4, 1)
    after_train, after_test = window.session.document.build_dataset()
    assert after_train.n_samples + after_test.n_samples == before + 1
    assert window.session.document.dataset.name == "csv"
    with qtbot.waitSignal(window.controller.snapshot_ready):
        action(window, "action_undo").trigger()
    assert window.session.document.dataset.name == "xor"


def test_hovering_a_hidden_neuron_shows_its_own_map(qtbot, open_window):
    window = open_window()
    trigger(qtbot, window, "action_step_iteration")
    calls = []
    window.boundary_plot.show_neuron = lambda layer, index: calls.append((layer, index))
    window.canvas.neuron_hovered.emit(1, 2)
    assert calls == [(1, 2)]
