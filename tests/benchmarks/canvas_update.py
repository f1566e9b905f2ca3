"""Time from ``NetworkView.show_snapshot`` to a repainted viewport, numbers on and off.

Run: ``python tests/benchmarks/canvas_update.py``. For each network, a snapshot of each
phase is prepared first; every frame then shows the next one and repaints the viewport
synchronously (``viewport().repaint()``), so the time covers the numpy bucket update, the
text and the painting of a 1280×720 view. Goals: ≤ 3 ms per frame up to 100 edges, ≤ 16 ms
(one frame at 60 Hz) for 8 hidden layers of 32 neurons.

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

FRAMES = 50
WARM_UP = 5
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


def main() -> None:
    app = QApplication.instance() or QApplication([])
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    print(f"{'network':<26}{'numbers':>8}  wall median / p95 ms   cpu median / p95 ms")
    for name, (sizes, activations) in CASES.items():
        frames = snapshots(sizes, activations, FRAMES + WARM_UP)
        for numbers in (False, True):
            view = NetworkView()
            view.resize(*SIZE)
            view.show()
            view.set_network(sizes, activations)
            view.set_show_numbers(numbers)
            app.processEvents()
            wall, cpu = measure(view, frames)
            label = "on" if numbers else "off"
            print(
                f"{name:<26}{label:>8}  {statistics.median(wall):>10.2f} / {p95(wall):<8.2f}"
                f"  {statistics.median(cpu):>10.2f} / {p95(cpu):<8.2f}"
            )
            view.close()
            view.deleteLater()
            app.processEvents()


if __name__ == "__main__":
    main()
