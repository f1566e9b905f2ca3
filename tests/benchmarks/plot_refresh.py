"""How long the live plots take to redraw a long history, and how much memory they hold.

Run: ``python tests/benchmarks/plot_refresh.py``. For loss histories of 10⁴, 10⁵ and 10⁶
iterations it prints the time of a full refresh of a 640×300 ``LossPlot`` (apply a history
update carrying every row, ``setData``, paint the widget with ``grab``) and of one frame
while training runs (a few new rows appended, then the same redraw; as in the application,
the current values in the title are rewritten a few times a second, not at every frame),
median of several runs.
Each raw history is measured, and so is what the engine really sends after 10⁶ iterations:
its decimation keeps between 32 768 and 65 536 rows. Then the ``GradientPlot`` of the deep
sigmoid preset (one curve per layer, and one per weight); its frames carry new gradients, as
while training runs, so its heat maps are redrawn for each (while running, the plot redraws
them at most four times a second, in an event-loop turn after the curves': the worse of the
two frames is printed); the frame without them is printed too. Its full
refresh is shown as while training runs (``refresh(complete=False)``): with hundreds of
weights, the grey curves' picture of a history reduced anew is left to the next frame, so the
worst frame is printed, with the work of all the frames until the picture is complete, the
time until then through the event loop (the plot waits between two redraws, see
``backprop_gui/ui/plots/refresh.py``), and the same work done at once (``refresh()``, as
before an export). Then the
``BoundaryPlot`` of the spiral preset, a new 64×64 grid per frame; the peak memory of the
process (``ru_maxrss``); and the sum of one frame of the plots shown side by side (the loss
or the boundary, and the gradients). The goal is a redraw within 10 ms at 10⁶ iterations.
Last, as in the application, snapshots of a real run shown through the event loop: how many
times each plot's view paints per snapshot (one is the goal: a second paint costs a frame).
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable

# Before Qt starts: no window needed, and the numbers do not depend on a compositor.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.boundary import BoundaryGrid, decision_grid, input_bounds
from backprop_gui.engine.datasets import Dataset, make_dataset, train_test_split
from backprop_gui.engine.history import (
    EPOCH_CAPACITY,
    LAYER_CAPACITY,
    LOSS_CAPACITY,
    WEIGHT_CAPACITY,
    DecimatingSeries,
)
from backprop_gui.engine.snapshot import (
    HistoryCursor,
    HistoryUpdate,
    SeriesUpdate,
    TrainerSnapshot,
    take_snapshot,
)
from backprop_gui.ui.plots import GradientPlot, LossPlot
from backprop_gui.ui.plots.boundary_plot import BoundaryPlot

SIZE = (640, 300)
REPEATS = 15
BATCHES_PER_EPOCH = 10
FRAME_ROWS = 30
"""New iterations per frame while running (≈ 1000 iterations/s at 30 snapshots/s)."""

DEEP_SIGMOID = [2, 8, 8, 8, 8, 8, 8, 1]
SPIRAL = [2, 8, 8, 8, 1]
GRIDS = 8
"""Decision grids of the spiral network, 40 iterations apart, shown in turn."""


def _kept(stamps: np.ndarray, capacity: int | None) -> np.ndarray:
    """The stamps a series of ``capacity`` rows keeps (all of them when capacity is None)."""
    if capacity is None:
        return stamps
    series = DecimatingSeries(1, capacity)
    for stamp in stamps.tolist():
        series.append(stamp, 0.0)
    return series.arrays()[0]


def _values(
    stamps: np.ndarray, width: int, n: int, rng: np.random.Generator, noise: float = 0.2
) -> np.ndarray:
    """A falling curve per column, like a loss or a gradient, noisy like a batch's."""
    decay = np.exp(-stamps / max(n / 5, 1))[:, None]
    return decay * (0.5 + noise * rng.random((stamps.shape[0], width)))


def loss_update(n: int, decimated: bool, rng: np.random.Generator) -> HistoryUpdate:
    """A replacing update carrying the whole loss history of ``n`` iterations."""
    iterations = _kept(np.arange(1, n + 1), LOSS_CAPACITY if decimated else None)
    # Stamped by epoch number with the iteration in the first column, as History documents.
    numbers = _kept(np.arange(1, n // BATCHES_PER_EPOCH + 1), EPOCH_CAPACITY if decimated else None)
    ends = numbers * BATCHES_PER_EPOCH
    # Losses and accuracies over a whole epoch or the test set vary little from one to the next.
    epochs = np.column_stack((ends, _values(ends, 4, n, rng, noise=0.01)))
    empty = SeriesUpdate(np.zeros(0, dtype=np.int64), np.zeros((0, 1)), False)
    return HistoryUpdate(
        loss=SeriesUpdate(iterations, _values(iterations, 1, n, rng), True),
        epochs=SeriesUpdate(numbers, epochs, True),
        layer_norms=empty,
        weight_gradients=None,
    )


def next_frames(update: HistoryUpdate, rng: np.random.Generator):
    """Updates that each append the next few iterations, as while training runs."""
    last = int(update.loss.iterations[-1])
    empty = SeriesUpdate(np.zeros(0, dtype=np.int64), np.zeros((0, 5)), False)
    while True:
        stamps = np.arange(last + 1, last + 1 + FRAME_ROWS)
        rows = 0.05 * rng.random((FRAME_ROWS, 1))
        last += FRAME_ROWS
        yield dataclasses.replace(update, loss=SeriesUpdate(stamps, rows, False), epochs=empty)


def gradient_update(n: int, rng: np.random.Generator) -> HistoryUpdate:
    """What the engine sends for the deep sigmoid stack after ``n`` iterations (decimated)."""
    layers = len(DEEP_SIGMOID) - 1
    weights = sum(a * b for a, b in itertools.pairwise(DEEP_SIGMOID))
    every = np.arange(1, n + 1)
    norms = _kept(every, LAYER_CAPACITY)
    grads = _kept(every, WEIGHT_CAPACITY)
    empty = SeriesUpdate(np.zeros(0, dtype=np.int64), np.zeros((0, 1)), False)
    return HistoryUpdate(
        loss=empty,
        epochs=empty,
        layer_norms=SeriesUpdate(norms, _values(norms, layers, n, rng), True),
        weight_gradients=SeriesUpdate(grads, _values(grads, weights, n, rng), True),
    )


def next_gradient_frames(update: HistoryUpdate, rng: np.random.Generator, last: int | None = None):
    """Endless frames of FRAME_ROWS new rows each, as the engine sends them while running,
    from the iteration after ``last`` (by default, the last of ``update``)."""
    norms, grads = update.layer_norms, update.weight_gradients
    if last is None:
        last = int(norms.iterations[-1])
    while True:
        stamps = np.arange(last + 1, last + 1 + FRAME_ROWS)
        last += FRAME_ROWS
        yield dataclasses.replace(
            update,
            layer_norms=SeriesUpdate(
                stamps, rng.random((FRAME_ROWS, norms.values.shape[1])), False
            ),
            weight_gradients=SeriesUpdate(
                stamps, rng.random((FRAME_ROWS, grads.values.shape[1])), False
            ),
        )


def new_gradients(snapshot: TrainerSnapshot, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """New gradient arrays shaped like the snapshot's weights, as each snapshot of a run brings:
    each layer ten times smaller than the next (a vanishing gradient), varying by ±50 %."""
    count = len(snapshot.weights)
    return tuple(
        rng.standard_normal(w.shape) * rng.uniform(0.5, 1.5) * 10.0 ** (layer - count)
        for layer, w in enumerate(snapshot.weights)
    )


def spiral_grids() -> tuple[Dataset, list[BoundaryGrid]]:
    """(train set, grids): the spiral preset's data and its boundary while it learns."""
    data = make_dataset("spiral", seed=0)
    trainer = Trainer(Network(SPIRAL, ["tanh"] * 3 + ["sigmoid"], "cross_entropy"), data.X, data.Y)
    bounds = input_bounds(data.X)
    grids = []
    for _ in range(GRIDS):
        trainer.run_iterations(40)
        grids.append(decision_grid(trainer.network, bounds))
    return data, grids


def base_snapshot(sizes: list[int]) -> TrainerSnapshot:
    activations = ["sigmoid"] * (len(sizes) - 1)
    X = np.zeros((4, sizes[0]))
    Y = np.zeros((4, sizes[-1]))
    trainer = Trainer(Network(sizes, activations), X, Y)
    trainer.step_iteration()
    return dataclasses.replace(take_snapshot(trainer), batches_per_epoch=BATCHES_PER_EPOCH)


def median_ms(action: Callable[[], None]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


def redraw(plot, snapshot: TrainerSnapshot) -> None:
    plot.show_snapshot(snapshot)
    plot.refresh()
    plot.grab()


def loss_frame(plot: LossPlot, snapshot: TrainerSnapshot) -> None:
    """One frame while training runs: the current values in the title are rewritten only a
    few times a second (see LossPlot.refresh)."""
    plot.show_snapshot(snapshot)
    plot.refresh(complete=False)
    plot.grab()


def costs_per_frame(plot: GradientPlot, snapshot: TrainerSnapshot) -> list[float]:
    """Seconds of each frame until ``snapshot`` is shown completely, as while training runs:
    the first redraws what it can and paints; a part left for later comes in the next ones."""
    costs = []
    start = time.perf_counter()
    plot.show_snapshot(snapshot)
    plot.refresh(complete=False)
    plot.grab()
    costs.append(time.perf_counter() - start)
    while plot.pending:
        start = time.perf_counter()
        plot.refresh(complete=False)
        plot.grab()
        costs.append(time.perf_counter() - start)
    return costs


def median_frames_ms(action: Callable[[], list[float]]) -> tuple[float, float, float]:
    """Median over REPEATS of (worst frame, work of all frames, frames), in ms."""
    runs = [action() for _ in range(REPEATS)]
    return (
        1000.0 * statistics.median(max(costs) for costs in runs),
        1000.0 * statistics.median(sum(costs) for costs in runs),
        statistics.median(len(costs) for costs in runs),
    )


def completion_ms(app: QApplication, plot: GradientPlot, snapshot: TrainerSnapshot) -> float:
    """Median wall time from a snapshot to the plot's complete picture through the event loop
    (paints included), the plot's last redraw being long past as between two snapshots."""
    times = []
    for _ in range(REPEATS):
        time.sleep(0.1)
        start = time.perf_counter()
        plot.show_snapshot(snapshot)
        while plot.pending:
            app.processEvents()
        app.processEvents()  # the last paint
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


class PaintCounter(QObject):
    """Counts the paint events of the widgets it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def paints_per_snapshot(app: QApplication, plot, views, snapshots: int = 40) -> list[float]:
    """Mean paints of each view per snapshot of an XOR run shown through the event loop
    (the plot redraws at once, as when its last redraw is old enough)."""
    train, test = train_test_split(make_dataset("xor", n_samples=200, seed=2), 0.2, seed=2)
    network = Network([2, 8, 1], ["tanh", "sigmoid"], seed=0)
    trainer = Trainer(network, train.X, train.Y, 0.5, batch_size=40, X_test=test.X, Y_test=test.Y)
    plot.resize(*SIZE)
    plot.show()
    cursor = HistoryCursor()
    counters = [PaintCounter() for _ in views]
    for view, counter in zip(views, counters, strict=True):
        view.viewport().installEventFilter(counter)
    for _ in range(snapshots):
        trainer.run_iterations(7)
        plot.refresh()  # anything pending first: each snapshot is then drawn at once
        plot.show_snapshot(take_snapshot(trainer, 0, cursor))
        plot.refresh()
        for _ in range(3):
            app.processEvents()
    plot.close()
    plot.deleteLater()
    app.processEvents()
    return [counter.count / snapshots for counter in counters]


def max_rss_mb() -> float:
    kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kilobytes / 1024.0


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    rng = np.random.default_rng(0)
    snapshot = base_snapshot([2, 4, 1])
    frame_costs: dict[str, float] = {}
    print(
        f"LossPlot {SIZE[0]}×{SIZE[1]}, median of {REPEATS} (ms); memory its history buffers "
        "reserve, peak memory of the whole process (ru_maxrss, test data included)"
    )
    print(
        f"{'history':>32} {'rows':>9} {'full refresh':>13} {'one frame':>10} "
        f"{'buffers':>9} {'maxrss':>9}"
    )
    cases = [(10**4, False), (10**5, False), (10**6, False), (10**6, True)]
    for n, decimated in cases:
        plot = LossPlot()
        plot.resize(*SIZE)
        plot.show()
        app.processEvents()
        update = loss_update(n, decimated, rng)
        full = dataclasses.replace(snapshot, history=update)
        redraw(plot, full)  # warm-up: first layout, first allocation
        full_ms = median_ms(lambda plot=plot, full=full: redraw(plot, full))
        frames = (dataclasses.replace(snapshot, history=h) for h in next_frames(update, rng))
        frame_ms = median_ms(lambda plot=plot, frames=frames: loss_frame(plot, next(frames)))
        label = f"{n:,} iterations" + (" (decimated)" if decimated else " (raw)")
        rows = update.loss.iterations.shape[0]
        buffers = plot.buffers.nbytes / 2**20
        print(
            f"{label:>32} {rows:>9,} {full_ms:>13.1f} {frame_ms:>10.1f} "
            f"{buffers:>6.1f} MB {max_rss_mb():>6.0f} MB"
        )
        if decimated:
            frame_costs["loss"] = frame_ms
        plot.close()
        plot.deleteLater()
        app.processEvents()

    print()
    print("GradientPlot, deep sigmoid 2-8-8-8-8-8-8-1 (344 weights), after 10⁶ iterations")
    snapshot = base_snapshot(DEEP_SIGMOID)
    update = gradient_update(10**6, rng)
    full = dataclasses.replace(snapshot, history=update)
    for mode in ("layers", "weights"):
        plot = GradientPlot()
        plot.resize(*SIZE)
        plot.show()
        plot.set_network(DEEP_SIGMOID)
        plot.set_mode(mode)
        app.processEvents()
        redraw(plot, full)
        worst_ms, work_ms, frames = median_frames_ms(lambda plot=plot: costs_per_frame(plot, full))
        at_once_ms = median_ms(lambda plot=plot: redraw(plot, full))
        new_frames = (
            dataclasses.replace(full, history=h, grad_weights=new_gradients(full, rng))
            for h in next_gradient_frames(update, rng)
        )
        frame_ms, _, _ = median_frames_ms(
            lambda plot=plot, f=new_frames: costs_per_frame(plot, next(f))
        )
        # On from the frames above: iterations only ever grow, as in a run.
        shown = int(plot.buffers.layer_norms.stamps[-1])
        same = (
            dataclasses.replace(full, history=h)
            for h in next_gradient_frames(update, rng, last=shown)
        )
        curves_ms, _, _ = median_frames_ms(lambda plot=plot, f=same: costs_per_frame(plot, next(f)))
        complete_ms = completion_ms(app, plot, full)  # last: it waits between its runs
        rows = (
            update.layer_norms.iterations.shape[0]
            if mode == "layers"
            else update.weight_gradients.iterations.shape[0]
        )
        curves = len(plot.norm_curves) if mode == "layers" else len(plot.weight_keys)
        print(
            f"{mode:>8}: {curves} curves × {rows:,} rows, full refresh: worst frame "
            f"{worst_ms:.1f} ms ({frames:g} frames, {work_ms:.1f} ms of work, complete after "
            f"{complete_ms:.0f} ms; {at_once_ms:.1f} ms at once), one frame {frame_ms:.1f} ms "
            f"(with heat maps), {curves_ms:.1f} ms (without), "
            f"buffers {plot.buffers.nbytes / 2**20:.1f} MB, maxrss {max_rss_mb():.0f} MB"
        )
        frame_costs[f"gradients ({mode})"] = frame_ms
        plot.close()
        plot.deleteLater()
        app.processEvents()

    print()
    data, grids = spiral_grids()
    plot = BoundaryPlot()
    plot.resize(*SIZE)
    plot.show()
    plot.set_data(data)
    app.processEvents()
    turns = itertools.cycle(grids)

    def show_next_grid(plot=plot) -> None:
        plot.show_grid(next(turns))
        plot.refresh()
        plot.grab()

    show_next_grid()
    frame_ms = median_ms(show_next_grid)
    size = grids[0].outputs.shape
    print(
        f"BoundaryPlot, spiral ({data.n_samples} points), a new {size[1]}×{size[0]} grid per "
        f"frame: one frame {frame_ms:.1f} ms, maxrss {max_rss_mb():.0f} MB"
    )
    frame_costs["boundary"] = frame_ms
    plot.close()
    plot.deleteLater()
    app.processEvents()

    print()
    print("One frame of the plots shown together (the loss and boundary docks are tabbed):")
    for first in ("loss", "boundary"):
        for mode in ("layers", "weights"):
            second = f"gradients ({mode})"
            total = frame_costs[first] + frame_costs[second]
            print(f"{first + ' + ' + second:>32}: {total:.1f} ms")

    print()
    print("Paints per snapshot shown through the event loop (XOR 2-8-1, 7 iterations apart):")
    loss = LossPlot()
    print(f"{'loss':>32}: {paints_per_snapshot(app, loss, [loss.view])[0]:.2f}")
    gradients = GradientPlot()
    curves, heat = paints_per_snapshot(app, gradients, [gradients.view, gradients.heat_view])
    print(f"{'gradients (curves, heat maps)':>32}: {curves:.2f}, {heat:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
