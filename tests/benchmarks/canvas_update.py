"""Time from ``NetworkView.show_snapshot`` to a repainted viewport, numbers on and off.

Run: ``python tests/benchmarks/canvas_update.py``. For each network, a snapshot of each
phase is prepared first; every frame then shows the next one and repaints the viewport
synchronously (``viewport().repaint()``), so the time covers the numpy bucket update, the
text and the painting of a 1280×720 view. Goals: ≤ 3 ms per frame up to 100 edges, ≤ 16 ms
(one frame at 60 Hz) for 8 hidden layers of 32 neurons.

Each case is measured in ROUNDS rounds, the rounds of all cases interleaved, each on a new
view. A frame costs a few milliseconds, so another process that runs for a while (a build,
an indexer, the other core's work sharing a cache) shifts a whole round: the median of each
round is printed, and the lowest of them is the estimate of what the frame costs (as
``timeit`` advises); the spread between rounds tells how noisy the machine was.

The frames cycle through the four phases of training, as in class: the canvas's kept images
(the backdrop of each phase, the stroked edges while no pen changes, label boxes) are reused
or redrawn exactly as they would be then. The weights change at every update, so the edges
are stroked again in about one frame in four: those frames make the p95 of the big network.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import statistics
import time

import numpy as np
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.snapshot import take_snapshot
from backprop_gui.ui.canvas import NetworkView

FRAMES = 120
WARM_UP = 8
ROUNDS = 3
SIZE = (1280, 720)

CASES = {
    "2-2-2 (8 edges)": ([2, 2, 2], ["sigmoid", "sigmoid"]),
    "2-4-4-1 (28 edges)": ([2, 4, 4, 1], ["tanh", "tanh", "sigmoid"]),
    "2-8×32-1 (7 264 edges)": ([2, *[32] * 8, 1], [*["tanh"] * 8, "sigmoid"]),
}


def snapshots(sizes: list[int], activations: list[str], count: int) -> list:
    """``count`` snapshots cycling through the four phases of a trainer on random data."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(32, sizes[0]))
    Y = (X[:, :1] > 0).astype(float).repeat(sizes[-1], axis=1)
    trainer = Trainer(Network(sizes, activations, seed=0), X, Y, learning_rate=0.5)
    taken = []
    for _ in range(count):
        trainer.step_phase()
        taken.append(take_snapshot(trainer))
    return taken


def measure(view: NetworkView, frames: list) -> tuple[list[float], list[float]]:
    """Milliseconds from show_snapshot to a repainted viewport, frame by frame.

    Returns the wall-clock times and the CPU times of this thread; on a busy machine the
    CPU time is the better estimate of what the frame costs.
    """
    wall, cpu = [], []
    for snapshot in frames:
        start, start_cpu = time.perf_counter(), time.thread_time()
        view.show_snapshot(snapshot)
        view.viewport().repaint()
        wall.append((time.perf_counter() - start) * 1000.0)
        cpu.append((time.thread_time() - start_cpu) * 1000.0)
    return wall[WARM_UP:], cpu[WARM_UP:]


def p95(times: list[float]) -> float:
    return float(np.percentile(times, 95))


def measure_case(
    app: QApplication, sizes: list[int], activations: list[str], frames: list, numbers: bool
) -> tuple[list[float], list[float]]:
    """Wall and CPU times of the frames on a new 1280×720 view."""
    view = NetworkView()
    view.resize(*SIZE)
    view.show()
    view.set_network(sizes, activations)
    view.set_show_numbers(numbers)
    app.processEvents()
    times = measure(view, frames)
    view.close()
    view.deleteLater()
    app.processEvents()
    return times


def main() -> None:
    app = QApplication.instance() or QApplication([])
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    cases = [
        (name, sizes, activations, numbers)
        for name, (sizes, activations) in CASES.items()
        for numbers in (False, True)
    ]
    frames = {
        name: snapshots(sizes, activations, FRAMES + WARM_UP)
        for name, (sizes, activations) in CASES.items()
    }
    rounds: dict[tuple[str, bool], list[tuple[list[float], list[float]]]] = {}
    for _ in range(ROUNDS):
        for name, sizes, activations, numbers in cases:
            times = measure_case(app, sizes, activations, frames[name], numbers)
            rounds.setdefault((name, numbers), []).append(times)
    print(
        f"{'network':<24}{'numbers':>8}  cpu median of each round (ms)   "
        f"best round: wall median / p95, cpu median / p95"
    )
    for (name, numbers), measured in rounds.items():
        medians = [statistics.median(cpu) for _, cpu in measured]
        wall, cpu = measured[medians.index(min(medians))]
        label = "on" if numbers else "off"
        each = " ".join(f"{median:5.2f}" for median in medians)
        print(
            f"{name:<24}{label:>8}  {each:<31}"
            f"{statistics.median(wall):>6.2f} / {p95(wall):<6.2f}"
            f"  {statistics.median(cpu):>6.2f} / {p95(cpu):<6.2f}"
        )


if __name__ == "__main__":
    main()
