"""The training thread: commands in, throttled immutable snapshots out, a clean shutdown."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from backprop_gui.engine import Network, Phase
from backprop_gui.engine.datasets import make_dataset
from backprop_gui.training.controller import TrainingController
from backprop_gui.training.worker import (
    FRAME_SECONDS,
    GUI_SHARE,
    HyperparameterSettings,
    TrainingSetup,
)


@pytest.fixture
def controller(qtbot):
    controller = TrainingController()
    yield controller
    controller.shutdown()


def xor_setup(learning_rate=0.5, sizes=(2, 4, 1)):
    data = make_dataset("xor", n_samples=200, seed=0)
    network = Network(list(sizes), ["tanh"] * (len(sizes) - 2) + ["sigmoid"], seed=0)
    settings = HyperparameterSettings(learning_rate, None, 0.0, 0.0, 0.0)
    return TrainingSetup(network, data, None, settings, seed=0)


def load(qtbot, controller, setup):
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        controller.load(setup)
    return blocker.args[0]


def test_loading_sends_a_snapshot_of_the_untrained_network(qtbot, controller):
    snapshot = load(qtbot, controller, xor_setup())
    assert snapshot.iteration == 0
    assert snapshot.phase is None
    assert snapshot.next_phase is Phase.FORWARD
    assert not snapshot.weights[0].flags.writeable


def test_each_manual_phase_step_sends_one_snapshot_in_order(qtbot, controller):
    load(qtbot, controller, xor_setup())
    phases = []
    for _ in range(4):
        with qtbot.waitSignal(controller.snapshot_ready) as blocker:
            controller.step_phase()
        phases.append(blocker.args[0].phase)
    assert phases == [Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE]
    assert controller.latest.iteration == 1


def test_running_trains_in_the_worker_and_sends_at_most_30_snapshots_a_second(qtbot, controller):
    load(qtbot, controller, xor_setup())
    times = []
    controller.snapshot_ready.connect(lambda _: times.append(time.perf_counter()))
    with qtbot.waitSignal(controller.running_changed):
        controller.run()
    qtbot.waitUntil(lambda: len(times) >= 12, timeout=5000)
    with qtbot.waitSignal(controller.running_changed):
        controller.pause()
    gaps = np.diff(times[1:10])
    assert np.median(gaps) >= FRAME_SECONDS * 0.8
    qtbot.waitUntil(lambda: controller.latest.iteration > 10 * len(times) // 2)


def test_a_snapshot_carries_only_the_new_history_rows(qtbot, controller):
    load(qtbot, controller, xor_setup())
    with qtbot.waitSignal(controller.snapshot_ready) as first:
        controller.step_iteration()
    with qtbot.waitSignal(controller.snapshot_ready) as second:
        controller.step_iteration()
    assert first.args[0].history.loss.iterations.tolist() == [1]
    assert second.args[0].history.loss.iterations.tolist() == [2]
    assert not second.args[0].history.loss.replace


def test_a_learning_rate_change_keeps_the_iteration_count(qtbot, controller):
    load(qtbot, controller, xor_setup())
    for _ in range(3):
        with qtbot.waitSignal(controller.snapshot_ready):
            controller.step_iteration()
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        controller.set_settings(HyperparameterSettings(0.05, None, 0.0, 0.0, 0.0))
    assert blocker.args[0].learning_rate == 0.05
    assert blocker.args[0].iteration == 3


def test_divergence_pauses_and_says_the_learning_rate_is_too_high(qtbot, controller):
    data = make_dataset("plane", n_samples=50, seed=0)
    network = Network([2, 1], ["linear"], seed=0)
    settings = HyperparameterSettings(90.0, None, 0.0, 0.0, 0.0)
    load(qtbot, controller, TrainingSetup(network, data, None, settings, seed=0))
    with qtbot.waitSignal(controller.diverged, timeout=5000) as blocker:
        controller.run()
    assert "learning rate" in str(blocker.args[0])
    qtbot.waitUntil(lambda: not controller.running)
    qtbot.waitUntil(lambda: controller.latest is not None and controller.latest.phase is not None)
    assert all(np.isfinite(w).all() for w in controller.latest.weights)


def test_editing_a_weight_keeps_the_history(qtbot, controller):
    load(qtbot, controller, xor_setup())
    with qtbot.waitSignal(controller.snapshot_ready):
        controller.step_iteration()
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        controller.set_weight(0, 1, 0, 0.75)
    assert blocker.args[0].weights[0][1, 0] == 0.75
    assert blocker.args[0].iteration == 1
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        controller.set_bias(1, 0, -0.25)
    assert blocker.args[0].biases[1][0] == -0.25


def test_the_gradient_check_reports_a_tiny_gap(qtbot, controller):
    load(qtbot, controller, xor_setup())
    with qtbot.waitSignal(controller.gradient_checked) as blocker:
        controller.check_gradient()
    assert 0.0 <= blocker.args[0] < 1e-5


def test_shutdown_while_running_stops_the_thread_cleanly(qtbot):
    controller = TrainingController()
    load(qtbot, controller, xor_setup(sizes=(2, 16, 16, 1)))
    with qtbot.waitSignal(controller.running_changed):
        controller.run()
    controller.shutdown()
    assert not controller._thread.isRunning()


def test_a_controller_whose_owner_draws_waits_for_snapshot_shown(qtbot):
    controller = TrainingController(auto_acknowledge=False)
    try:
        load(qtbot, controller, xor_setup())
        with qtbot.assertNotEmitted(controller.snapshot_ready, wait=300):
            controller.step_phase()  # the worker waits: the first snapshot is not shown yet
        with qtbot.waitSignal(controller.snapshot_ready) as blocker:
            controller.snapshot_shown.emit()
        assert blocker.args[0].phase is Phase.FORWARD
    finally:
        controller.shutdown()


def test_a_slow_gui_gets_snapshots_spaced_out_and_training_goes_on(qtbot):
    """Drawing 20 ms per snapshot: the frames come about (1 - GUI_SHARE) / GUI_SHARE apart."""
    controller = TrainingController(auto_acknowledge=False)
    times, iterations = [], []

    def draw_slowly(snapshot) -> None:
        times.append(time.perf_counter())
        iterations.append(snapshot.iteration)
        QTimer.singleShot(20, controller.snapshot_shown.emit)

    try:
        load(qtbot, controller, xor_setup())
        controller.snapshot_shown.emit()
        controller.snapshot_ready.connect(draw_slowly)
        with qtbot.waitSignal(controller.running_changed):
            controller.run()
        qtbot.waitUntil(lambda: len(times) >= 6, timeout=5000)
        controller.pause()
        gaps = np.diff(times[2:6])
        assert np.median(gaps) >= 0.020 * (1 - GUI_SHARE) / GUI_SHARE * 0.8
        assert all(np.diff(iterations[1:6]) > 0)  # between frames, training went on
    finally:
        controller.shutdown()


def test_snapshots_carry_the_boundary_grid_only_while_it_is_wanted(qtbot, controller):
    snapshot = load(qtbot, controller, xor_setup())
    assert snapshot.boundary is not None
    controller.set_boundary_wanted(False)
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        controller.step_iteration()
    assert blocker.args[0].boundary is None
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        controller.set_boundary_wanted(True)  # at once, without waiting for a step
    assert blocker.args[0].boundary is not None
    assert blocker.args[0].iteration == 1


def test_at_a_set_speed_each_iteration_is_shown_once(qtbot, controller):
    load(qtbot, controller, xor_setup())
    controller.set_speed(10)
    iterations = []
    controller.snapshot_ready.connect(lambda snapshot: iterations.append(snapshot.iteration))
    with qtbot.waitSignal(controller.running_changed):
        controller.run()
    qtbot.waitUntil(lambda: len(iterations) >= 8, timeout=5000)
    with qtbot.waitSignal(controller.running_changed):
        controller.pause()
    running = iterations[:8]
    assert all(np.diff(running) == 1), running  # none skipped, none sent twice
