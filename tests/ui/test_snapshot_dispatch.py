"""Snapshots reach the panels at once, the plots a turn later, and ``shown`` comes last."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QObject, QTimer

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.boundary import input_bounds
from backprop_gui.engine.datasets import make_dataset
from backprop_gui.engine.snapshot import HistoryCursor, take_snapshot
from backprop_gui.ui.snapshot_dispatch import SnapshotDispatcher


class Recorder:
    """Stands for a panel or a plot: notes what it was given, in one shared log."""

    def __init__(self, name: str, log: list[tuple[str, object]]) -> None:
        self.name = name
        self.log = log
        self.on_snapshot = None

    def show_snapshot(self, snapshot) -> None:
        self.log.append((self.name, snapshot.iteration))
        if self.on_snapshot is not None:
            self.on_snapshot()

    def show_grid(self, grid) -> None:
        self.log.append((self.name, grid))

    def clear(self) -> None:
        self.log.append((self.name, "clear"))

    def mark_divergence(self, iteration: int) -> None:
        self.log.append((self.name, ("divergence", iteration)))

    def refresh(self, complete: bool = True) -> None:
        self.log.append((self.name, "refresh" if complete else "frame"))


@pytest.fixture
def snapshots():
    """Three snapshots of a small 2-D network, one iteration apart, each with its new rows."""
    data = make_dataset("xor", n_samples=40, seed=0)
    trainer = Trainer(Network([2, 3, 1], ["tanh", "sigmoid"], seed=0), data.X, data.Y)
    cursor = HistoryCursor()
    taken = []
    for _ in range(3):
        trainer.step_iteration()
        taken.append(take_snapshot(trainer, 0, cursor, input_bounds(data.X)))
    return taken


@pytest.fixture
def dispatch(qtbot):
    log: list[tuple[str, object]] = []
    names = ("canvas", "phase_panel", "inspector", "status_line")
    names += ("loss_plot", "gradient_plot", "boundary_plot")
    panels = {name: Recorder(name, log) for name in names}
    owner = QObject()
    dispatcher = SnapshotDispatcher(**panels, parent=owner)
    yield dispatcher, panels, log
    owner.deleteLater()


def test_the_panels_show_a_snapshot_at_once_and_the_plots_a_turn_later(qtbot, dispatch, snapshots):
    dispatcher, _, log = dispatch
    with qtbot.waitSignal(dispatcher.shown):
        dispatcher.show_snapshot(snapshots[0])
        assert log == [
            ("canvas", 1),
            ("phase_panel", 1),
            ("inspector", 1),
            ("status_line", 1),
        ]
    assert log[4:6] == [("loss_plot", 1), ("gradient_plot", 1)]
    assert log[6][0] == "boundary_plot"


def test_the_plots_take_every_snapshot_in_order_and_only_the_latest_grid(
    qtbot, dispatch, snapshots
):
    dispatcher, _, log = dispatch
    for snapshot in snapshots:
        dispatcher.show_snapshot(snapshot)
    dispatcher.flush_plots()
    plotted = [entry for entry in log if entry[0] in ("loss_plot", "gradient_plot")]
    assert [iteration for name, iteration in plotted if name == "loss_plot"] == [1, 2, 3]
    grids = [grid for name, grid in log if name == "boundary_plot"]
    assert grids == [snapshots[-1].boundary]


def test_a_timer_that_fell_due_while_the_panels_drew_runs_before_the_plots(
    qtbot, dispatch, snapshots
):
    """A key repeat or an animation frame never waits behind the whole snapshot."""
    dispatcher, panels, log = dispatch
    clock = QTimer()
    clock.setSingleShot(True)
    clock.timeout.connect(lambda: log.append(("clock", None)))

    def slow_canvas() -> None:
        clock.start(1)
        time.sleep(0.005)  # the clock falls due while the canvas draws

    panels["canvas"].on_snapshot = slow_canvas
    with qtbot.waitSignal(dispatcher.shown):
        dispatcher.show_snapshot(snapshots[0])
    order = [name for name, _ in log]
    assert order.index("clock") < order.index("loss_plot")


def test_shown_comes_after_what_the_plots_posted(qtbot, dispatch, snapshots):
    """A plot's repaint is a posted event: training resumes only once it is done."""
    dispatcher, panels, log = dispatch
    context = QObject()
    panels["loss_plot"].on_snapshot = lambda: QTimer.singleShot(
        0, context, lambda: log.append(("repaint", None))
    )
    dispatcher.shown.connect(lambda: log.append(("shown", None)))
    with qtbot.waitSignal(dispatcher.shown):
        dispatcher.show_snapshot(snapshots[0])
    order = [name for name, _ in log]
    assert order.index("repaint") < order.index("shown")


def test_clearing_and_divergence_go_to_both_history_plots(dispatch):
    dispatcher, _, log = dispatch
    dispatcher.clear_plots()
    dispatcher.mark_divergence(12)
    assert log == [
        ("loss_plot", "clear"),
        ("gradient_plot", "clear"),
        ("loss_plot", ("divergence", 12)),
        ("gradient_plot", ("divergence", 12)),
    ]


def test_a_plot_dock_coming_into_view_refreshes_the_plots_and_hiding_does_not(dispatch):
    dispatcher, _, log = dispatch
    dispatcher.refresh_plots(False)
    assert log == []
    dispatcher.refresh_plots(True)
    assert {name for name, _ in log} == {"loss_plot", "gradient_plot", "boundary_plot"}
    # As one frame while training runs: a long redraw is spread, never one long frame.
    assert ("gradient_plot", "frame") in log


def test_a_panel_that_fails_does_not_leave_training_waiting(qtbot, dispatch, snapshots):
    dispatcher, panels, _ = dispatch

    def broken() -> None:
        raise RuntimeError("a bug in a panel")

    panels["canvas"].on_snapshot = broken
    with qtbot.waitSignal(dispatcher.shown), pytest.raises(RuntimeError):
        dispatcher.show_snapshot(snapshots[0])
