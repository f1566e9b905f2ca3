"""GUI responsiveness while training runs at full speed, and what the GUI costs the training.

Run: ``python tests/benchmarks/gui_latency.py``. Opens the real main window (offscreen) on
a 2-8-8-1 network with 500 training samples, trains "as fast as possible" with every panel
live, and meanwhile measures how late a 10 ms timer of the GUI thread fires (the lag a user
would feel). Side by side in the same run, the same Trainer runs bare (no Qt) on the same
network and data. Goals: lateness p99 ≤ 10 ms and max ≤ 30 ms; throughput ≥ 85% of bare.

It also says how much CPU other processes took meanwhile: on a shared 2-core machine, a busy
neighbour moves every figure (the GUI and the worker then share one core), so compare runs
made on a quiet machine.
"""

from __future__ import annotations

import os
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The default window layout, whatever the user's own saved one is.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="backprop-gui-benchmark-")

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

from backprop_gui.app import application, create_main_window
from backprop_gui.document import DatasetSpec, Hyperparameters, NetworkDocument
from backprop_gui.engine import Trainer

SECONDS = 4.0
TIMER_MS = 10


def busy_cores() -> float | None:
    """CPU seconds all processes have used so far (Linux); None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def document() -> NetworkDocument:
    return NetworkDocument(
        layer_sizes=[2, 8, 8, 1],
        activations=["tanh", "tanh", "sigmoid"],
        loss="squared_error",
        hyperparameters=Hyperparameters(learning_rate=0.3),
        dataset=DatasetSpec("xor", n_samples=500, test_fraction=0.0),
        seed=0,
    )


def bare_rate(seconds: float) -> float:
    """Iterations per second of the engine alone, on the same network and data."""
    doc = document()
    train, _ = doc.build_dataset()
    trainer = Trainer(doc.build_network(), train.X, train.Y, learning_rate=0.3)
    start = time.perf_counter()
    done = 0
    while time.perf_counter() - start < seconds:
        done += trainer.run_iterations(50)
    return done / (time.perf_counter() - start)


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def gui_run(window, seconds: float) -> tuple[float, np.ndarray]:
    """(iterations per second, timer lateness in ms) while the window trains at full speed."""
    lateness: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setTimerType(timer.timerType().PreciseTimer)
    timer.setInterval(TIMER_MS)

    def tick() -> None:
        lateness.append(max(0.0, clock.nsecsElapsed() / 1e6 - TIMER_MS))
        clock.restart()

    timer.timeout.connect(tick)
    controller = window.controller
    frames: list[float] = []
    controller.snapshot_ready.connect(lambda _: frames.append(time.perf_counter()))
    start_iteration = controller.latest.iteration
    window.actions.run.trigger()
    wait(300)  # let it reach full speed
    start_iteration = controller.latest.iteration
    started = time.perf_counter()
    clock.start()
    timer.start()
    wait(int(seconds * 1000))
    timer.stop()
    elapsed = time.perf_counter() - started
    iterations = controller.latest.iteration - start_iteration
    window.actions.run.trigger()
    wait(300)
    shown = sum(started <= t <= started + elapsed for t in frames)
    print(f"  {shown / elapsed:.1f} snapshots shown per second while running")
    return iterations / elapsed, np.array(lateness[1:])


def main() -> None:
    application()
    window = create_main_window(document(), "fr")
    window.resize(1280, 720)
    window.show()
    window.controls.set_speed(0)
    window.controller.set_speed(0)
    wait(500)
    bare, gui, late = [], [], []
    started, all_busy, own = time.perf_counter(), busy_cores(), own_cpu()
    for _ in range(2):  # interleaved, so that machine noise hits both alike
        bare.append(bare_rate(SECONDS / 2))
        rate, lateness = gui_run(window, SECONDS)
        print(
            f"  round: bare {bare[-1]:.0f}/s, GUI {rate:.0f}/s, lateness p99 "
            f"{np.percentile(lateness, 99):.1f} ms, max {lateness.max():.1f} ms"
        )
        gui.append(rate)
        late.append(lateness)
    if all_busy is not None:
        others = (busy_cores() - all_busy) - (own_cpu() - own)
        print(
            f"other processes used {others / (time.perf_counter() - started):.2f} of "
            f"{os.cpu_count()} cores meanwhile"
        )
    lateness = np.concatenate(late)
    ratio = np.mean(gui) / np.mean(bare)
    print(f"bare engine            {np.mean(bare):8.0f} iterations/s")
    print(
        f"GUI, every panel live  {np.mean(gui):8.0f} iterations/s  "
        f"({ratio:.0%} of bare; goal ≥ 85%)"
    )
    print(
        f"GUI timer lateness     p50 {np.percentile(lateness, 50):.1f} ms   "
        f"p99 {np.percentile(lateness, 99):.1f} ms (goal ≤ 10)   "
        f"max {lateness.max():.1f} ms (goal ≤ 30)   over {lateness.size} ticks"
    )
    window.session._weights_dirty = False
    window.session.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
