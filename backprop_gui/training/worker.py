"""The training worker: a QObject living in its own QThread, sole owner of the Trainer.

Commands arrive as queued slot calls; what leaves is immutable snapshots. While running, the
worker trains in slices of about ``SLICE_SECONDS`` and returns to its event loop between them
(so commands are served promptly), and sends at most one snapshot per ``FRAME_SECONDS``,
never a new one before the GUI has taken the previous one (so the GUI's queue never floods).
While the GUI draws a snapshot the worker waits: both need the GIL, and sharing it would make
the GUI slow and jerky. Training flat out, snapshots are spaced so that this wait takes at most
``GUI_SHARE`` of the time (the GUI answers ``snapshot_taken`` once the snapshot is on screen).
At a set speed (10 iterations a second...) the worker has time to spare and sends a snapshot
whenever iterations ran, up to one per ``FRAME_SECONDS``.
"""

from __future__ import annotations

import statistics
import time
from collections import deque
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from backprop_gui.engine import Network, Trainer, TrainingDiverged, gradient_check
from backprop_gui.engine.boundary import input_bounds
from backprop_gui.engine.datasets import Dataset
from backprop_gui.engine.snapshot import HistoryCursor, take_snapshot
from backprop_gui.messages import TranslatableError

FRAME_SECONDS = 1.0 / 30.0
GUI_SHARE = 0.08
"""Training flat out, snapshots are spaced so that drawing them takes at most this share of the
time and training keeps the rest (a window that draws one in 15 ms shows ~5 a second)."""
SLICE_SECONDS = 0.008
GUI_TIMES_KEPT = 5
"""How many recent snapshots' drawing times the frame spacing follows (their median)."""
GRADIENT_CHECK_PARAMETERS = 400


@dataclass(frozen=True)
class HyperparameterSettings:
    """What the trainer can change between iterations without a reset."""

    learning_rate: float
    batch_size: int | None
    momentum: float
    l1: float
    l2: float


@dataclass(frozen=True)
class TrainingSetup:
    """Everything a new Trainer needs; the worker takes ownership of ``network``."""

    network: Network
    train: Dataset
    test: Dataset | None
    settings: HyperparameterSettings
    seed: int


class TrainingWorker(QObject):
    """Runs the Trainer; the only object that ever touches it."""

    snapshot_ready = Signal(object)  # TrainerSnapshot
    running_changed = Signal(bool)
    diverged = Signal(object)  # Message
    failed = Signal(object)  # Message
    gradient_checked = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self._trainer: Trainer | None = None
        self._cursor = HistoryCursor()
        self._sample = 0
        self._speed = 0  # iterations per second; 0 = as fast as possible
        self._running = False
        self._awaiting_ack = False
        self._pending_snapshot = False
        self._unsent_iterations = False  # iterations ran since the last snapshot
        self._last_emit = 0.0
        # How long the GUI took to show the last snapshots: the median forgets a one-off stall
        # (an animation, a garbage collection) after a few frames instead of seconds.
        self._gui_times: deque[float] = deque(maxlen=GUI_TIMES_KEPT)
        self._run_started = 0.0
        self._run_iterations = 0
        self._timer: QTimer | None = None
        self._bounds: tuple[float, float, float, float] | None = None
        self._boundary_wanted = True

    # -- commands ----------------------------------------------------------------------------

    @Slot(object)
    def setup(self, setup: TrainingSetup) -> None:
        self._stop_running()
        settings = setup.settings
        try:
            self._trainer = Trainer(
                setup.network,
                setup.train.X,
                setup.train.Y,
                learning_rate=settings.learning_rate,
                batch_size=settings.batch_size,
                seed=setup.seed,
                momentum=settings.momentum,
                l1=settings.l1,
                l2=settings.l2,
                X_test=None if setup.test is None else setup.test.X,
                Y_test=None if setup.test is None else setup.test.Y,
                task=setup.train.task,
            )
        except TranslatableError as error:
            self.failed.emit(error.message)
            return
        self._cursor = HistoryCursor()
        self._sample = 0
        self._bounds = None
        if setup.network.n_inputs in (1, 2):
            samples = (
                setup.train.X if setup.test is None else np.vstack([setup.train.X, setup.test.X])
            )
            self._bounds = input_bounds(samples)
        self._send_snapshot(force=True)

    @Slot()
    def run(self) -> None:
        if self._trainer is None or self._running:
            return
        if self._timer is None:
            # Created here, in the worker's thread, so that it fires in that thread.
            self._timer = QTimer(self)
            self._timer.timeout.connect(self._train_slice)
        self._running = True
        self._run_started = time.perf_counter()
        self._run_iterations = 0
        self._timer.start(self._tick_ms())
        self.running_changed.emit(True)

    @Slot()
    def pause(self) -> None:
        if self._running:
            self._stop_running()
            self._send_snapshot(force=True)

    @Slot()
    def step_phase(self) -> None:
        self._manual(lambda trainer: trainer.step_phase())

    @Slot()
    def step_iteration(self) -> None:
        self._manual(lambda trainer: trainer.step_iteration())

    @Slot()
    def step_epoch(self) -> None:
        self._manual(lambda trainer: trainer.run_epoch())

    @Slot()
    def reset(self) -> None:
        # A new cursor first: the snapshot after a reset replaces the whole history on screen.
        self._cursor = HistoryCursor()
        self._manual(lambda trainer: trainer.reset())

    @Slot(int)
    def reinitialize(self, seed: int) -> None:
        self._cursor = HistoryCursor()
        self._manual(lambda trainer: trainer.reinitialize(seed))

    @Slot(object)
    def set_settings(self, settings: HyperparameterSettings) -> None:
        trainer = self._trainer
        if trainer is None:
            return
        try:
            trainer.learning_rate = settings.learning_rate
            trainer.batch_size = settings.batch_size
            trainer.momentum = settings.momentum
            trainer.l1 = settings.l1
            trainer.l2 = settings.l2
        except TranslatableError as error:
            self.failed.emit(error.message)
        self._send_snapshot(force=True)

    @Slot(int)
    def set_speed(self, iterations_per_second: int) -> None:
        self._speed = max(0, int(iterations_per_second))
        if self._running and self._timer is not None:
            self._run_started = time.perf_counter()
            self._run_iterations = 0
            self._timer.start(self._tick_ms())

    @Slot(int)
    def set_sample(self, sample_in_batch: int) -> None:
        self._sample = sample_in_batch
        self._send_snapshot(force=True)

    @Slot(bool)
    def set_boundary_wanted(self, wanted: bool) -> None:
        """Whether snapshots carry the decision boundary grid: a forward pass over a whole grid
        of the input plane, worth several iterations of a small network, so only while shown."""
        newly = wanted and not self._boundary_wanted
        self._boundary_wanted = wanted
        if newly and self._bounds is not None:
            self._send_snapshot(force=True)

    @Slot(int, int, int, float)
    def set_weight(self, layer: int, j: int, i: int, value: float) -> None:
        """Edit weights[layer][j, i] in place, keeping the history (i = -1 edits a bias)."""
        trainer = self._trainer
        if trainer is None:
            return
        weights = [w.copy() for w in trainer.network.weights]
        biases = [b.copy() for b in trainer.network.biases]
        if i < 0:
            biases[layer][j] = value
        else:
            weights[layer][j, i] = value
        try:
            trainer.network.set_parameters(weights, biases)
        except TranslatableError as error:
            self.failed.emit(error.message)
        self._send_snapshot(force=True)

    @Slot()
    def check_gradient(self) -> None:
        trainer = self._trainer
        if trainer is None:
            return
        X = trainer.batch_X if trainer.batch_X.shape[0] else trainer.X[: trainer.batch_size]
        Y = trainer.batch_Y if trainer.batch_Y.shape[0] else trainer.Y[: trainer.batch_size]
        with np.errstate(all="ignore"):
            worst = gradient_check(
                trainer.network, X, Y, max_parameters=GRADIENT_CHECK_PARAMETERS, seed=trainer.seed
            )
        self.gradient_checked.emit(worst)

    @Slot()
    def snapshot_taken(self) -> None:
        """The GUI has shown the last snapshot: the next one may go, and training resumes."""
        self._gui_times.append(time.perf_counter() - self._last_emit)
        self._awaiting_ack = False
        if self._pending_snapshot:
            self._pending_snapshot = False
            self._send_snapshot(force=True)
        if self._running and self._timer is not None and not self._awaiting_ack:
            self._timer.start(self._tick_ms())

    @Slot()
    def shutdown(self) -> None:
        """Stop timers from their own thread, before the thread ends."""
        self._stop_running()
        if self._timer is not None:
            self._timer.deleteLater()
            self._timer = None

    # -- running -----------------------------------------------------------------------------

    def _tick_ms(self) -> int:
        if self._speed == 0:
            return 0
        return max(1, min(16, int(1000 / self._speed)))

    @Slot()
    def _train_slice(self) -> None:
        trainer = self._trainer
        if trainer is None or not self._running:
            return
        if self._speed:
            elapsed = time.perf_counter() - self._run_started
            due = int(elapsed * self._speed) + 1 - self._run_iterations
        else:
            due = 1 << 30
        try:
            done = trainer.run_iterations(due, SLICE_SECONDS) if due > 0 else 0
        except TrainingDiverged as error:
            self._stop_running()
            self.diverged.emit(error.message)
            self._send_snapshot(force=True)
            return
        self._run_iterations += done
        self._unsent_iterations |= done > 0
        if self._unsent_iterations:
            # A slice that ends on its deadline, not its count, is training at full speed.
            self._send_snapshot(force=False, training_flat_out=done < due)

    def _stop_running(self) -> None:
        if self._running:
            self._running = False
            if self._timer is not None:
                self._timer.stop()
            self.running_changed.emit(False)

    def _manual(self, action) -> None:
        """Run one user command on the trainer (pausing first), then show its result."""
        trainer = self._trainer
        if trainer is None:
            return
        self._stop_running()
        try:
            action(trainer)
        except TrainingDiverged as error:
            self.diverged.emit(error.message)
        self._send_snapshot(force=True)

    def _send_snapshot(self, force: bool, training_flat_out: bool = False) -> None:
        """Emit a snapshot now if the frame budget allows (or ``force``) and the GUI is ready.

        Training flat out, the frames are spaced so that the GUI, whose drawing pauses the
        training, keeps to ``GUI_SHARE`` of the time; at a set speed it has time to spare.
        """
        if self._trainer is None:
            return
        now = time.perf_counter()
        frame = FRAME_SECONDS
        if training_flat_out and self._gui_times:
            gui_seconds = statistics.median(self._gui_times)
            frame = max(frame, gui_seconds * (1.0 - GUI_SHARE) / GUI_SHARE)
        if not force and now - self._last_emit < frame:
            return
        if self._awaiting_ack:
            self._pending_snapshot = True
            return
        self._pending_snapshot = False
        self._awaiting_ack = True
        self._unsent_iterations = False
        self._last_emit = now
        if self._running and self._timer is not None:
            # Training waits while the GUI draws: both would otherwise fight over the GIL,
            # and the GUI would be slow and jerky.
            self._timer.stop()
        bounds = self._bounds if self._boundary_wanted else None
        self.snapshot_ready.emit(take_snapshot(self._trainer, self._sample, self._cursor, bounds))
