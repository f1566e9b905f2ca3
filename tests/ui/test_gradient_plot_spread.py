"""After the engine thins a long history of many weights, the grey curves follow a frame later.

Reducing the whole history again and drawing hundreds of curves in the same frame took about
twice the time of either; the gradient plot draws the picture of the curves on the next frame,
keeping the old one on screen meanwhile (tests/benchmarks/plot_refresh.py).
"""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.snapshot import HistoryUpdate, SeriesUpdate, TrainerSnapshot, take_snapshot
from backprop_gui.ui.plots import GradientPlot
from backprop_gui.ui.plots.gradient_plot import LAYERS, SPREAD_VALUES, WEIGHTS

SIZE = (640, 300)
DEEP_SIGMOID = (2, 8, 8, 8, 8, 8, 8, 1)
WEIGHT_COUNT = sum(a * b for a, b in itertools.pairwise(DEEP_SIGMOID))
ROWS = 1900


def base_snapshot() -> TrainerSnapshot:
    network = Network(list(DEEP_SIGMOID), ["sigmoid"] * (len(DEEP_SIGMOID) - 1), seed=1)
    trainer = Trainer(network, np.zeros((4, 2)), np.zeros((4, 1)))
    trainer.step_iteration()
    return take_snapshot(trainer)


def history(stamps: np.ndarray, replace: bool) -> HistoryUpdate:
    """Gradients falling over the iterations, noisy, different for each weight."""
    rng = np.random.default_rng(int(stamps[0]))
    fall = np.exp(-stamps / 800.0)[:, None]
    scales = 10.0 ** np.linspace(-3, 0, WEIGHT_COUNT)
    gradients = fall * scales * (0.5 + rng.random((stamps.size, WEIGHT_COUNT)))
    norms = fall * (0.5 + rng.random((stamps.size, len(DEEP_SIGMOID) - 1)))
    empty = SeriesUpdate(np.zeros(0, dtype=np.int64), np.zeros((0, 1)), False)
    return HistoryUpdate(
        loss=empty,
        epochs=empty,
        layer_norms=SeriesUpdate(stamps, norms, replace),
        weight_gradients=SeriesUpdate(stamps, gradients, replace),
    )


def snapshots() -> list[TrainerSnapshot]:
    """A long history of every iteration, then the engine's thinning: every other one kept."""
    base = base_snapshot()
    every = np.arange(1, ROWS + 1)
    thinned = np.arange(2, ROWS + 101, 2)  # to 2 000, the same x range
    return [
        dataclasses.replace(base, history=history(every, replace=True)),
        dataclasses.replace(base, history=history(thinned, replace=True)),
    ]


def shown_plot(qtbot, mode: str) -> GradientPlot:
    plot = GradientPlot()
    qtbot.addWidget(plot)
    plot.resize(*SIZE)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_network(DEEP_SIGMOID)
    plot.set_mode(mode)
    return plot


def two_plots_showing(qtbot, snapshot: TrainerSnapshot) -> tuple[GradientPlot, GradientPlot]:
    """Two plots of the same size showing ``snapshot``, their layout settled."""
    plots = shown_plot(qtbot, WEIGHTS), shown_plot(qtbot, WEIGHTS)
    for plot in plots:
        plot.show_snapshot(snapshot)
        plot.refresh()
    QApplication.processEvents()  # the layouts make room for the titles just written
    for plot in plots:
        plot.refresh()
    sizes = {plot.weight_raster.pixel_size() for plot in plots}
    assert len(sizes) == 1
    return plots


def test_the_history_is_long_enough_to_spread():
    assert ROWS * WEIGHT_COUNT >= SPREAD_VALUES


def test_after_a_thinning_the_old_picture_stays_one_frame_then_the_new_one_comes(qtbot):
    first, thinned = snapshots()
    plot, reference = two_plots_showing(qtbot, first)
    before = plot.weight_raster.image.image.copy()
    # Hidden (a dock behind another), the plot redraws only when told: one frame at a time.
    plot.hide()
    plot.show_snapshot(thinned)
    plot.refresh(complete=False)
    assert plot.pending  # the picture of the curves is left to the next frame
    np.testing.assert_array_equal(plot.weight_raster.image.image, before)
    assert len(plot.weight_history(0, 0, 0)[0]) == ROWS // 2 + 50  # the rest is up to date
    plot.show()
    qtbot.waitUntil(lambda: not plot.pending, timeout=2000)
    reference.show_snapshot(thinned)
    reference.refresh()  # all at once
    np.testing.assert_array_equal(
        plot.weight_raster.image.image, reference.weight_raster.image.image
    )
    assert not np.array_equal(plot.weight_raster.image.image, before)


def test_refresh_draws_everything_at_once(qtbot):
    first, thinned = snapshots()
    plot, _ = two_plots_showing(qtbot, first)
    plot.show_snapshot(thinned)
    plot.refresh()
    assert not plot.pending
    drawn = plot.weight_raster.image.image.copy()
    plot.weight_raster.forget()
    plot.reset_zoom()  # redrawn whole, from the same rows
    plot.refresh()
    np.testing.assert_array_equal(plot.weight_raster.image.image, drawn)


@pytest.mark.parametrize("mode", [WEIGHTS, LAYERS])
def test_a_frame_that_adds_rows_is_drawn_whole(qtbot, mode):
    plot = shown_plot(qtbot, mode)
    first = snapshots()[0]
    plot.show_snapshot(first)
    plot.refresh()
    more = dataclasses.replace(first, history=history(np.arange(ROWS + 1, ROWS + 31), False))
    plot.show_snapshot(more)
    plot.refresh(complete=False)
    assert not plot.pending


def test_a_running_frame_draws_the_curves_and_the_heat_maps_come_in_a_frame_of_their_own(
    qtbot,
) -> None:
    plot = shown_plot(qtbot, LAYERS)
    first = base_snapshot()
    plot.show_snapshot(first)
    plot.refresh()
    assert plot.heat_maps_shown
    drawn = plot.heat_map_title
    later = dataclasses.replace(
        first,
        iteration=first.iteration + 5,
        grad_weights=tuple(2.0 * g for g in first.grad_weights),
        history=history(np.arange(1, 50), replace=True),
    )
    plot.show_snapshot(later)
    plot.refresh(complete=False)  # as while training runs
    assert plot.heat_map_title == drawn  # not in the same frame as the curves
    assert plot.pending
    qtbot.waitUntil(lambda: not plot.pending)  # their timer brings them by itself
    assert plot.heat_map_title != drawn
