"""The training worker: a QObject living in its own QThread, sole owner of the Trainer.

Commands arrive as queued slot calls; what leaves is immutable snapshots. While running, the
worker trains in slices of about ``SLICE_SECONDS`` and returns to its event loop between them
(so commands are served promptly), and sends at most one snapshot per ``FRAME_SECONDS``,
never a new one before the GUI has taken the previous one (so the GUI's queue never floods).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from backprop_gui.engine import Network, Trainer, TrainingDiverged, gradient_check
from backprop_gui.engine.boundary import input_bounds
from backprop_gui.engine.datasets import Dataset
from backprop_gui.engine.snapshot import HistoryCursor, take_snapshot
from backprop_gui.messages import TranslatableError

FRAME_SECONDS = 1.0 / 30.0
GUI_SHARE = 0.15
"""While running, snapshots are spaced so that drawing them takes at most this share of time."""
SLICE_SECONDS = 0.008
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
        self._last_emit = 0.0
        self._gui_seconds = 0.0  # how long the GUI took to take the last snapshots (smoothed)
        self._run_started = 0.0
        self._run_iterations = 0
        self._timer: QTimer | None = None
        self._bounds: tuple[float, float, float, float] | None = None

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
        elapsed = time.perf_counter() - self._last_emit
        self._gui_seconds = (
            elapsed if not self._gui_seconds else 0.7 * self._gui_seconds + 0.3 * elapsed
        )
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
            self._run_iterations += trainer.run_iterations(due, SLICE_SECONDS) if due > 0 else 0
        except TrainingDiverged as error:
            self._stop_running()
            self.diverged.emit(error.message)
            self._send_snapshot(force=True)
            return
        self._send_snapshot(force=False)

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

    def _send_snapshot(self, force: bool) -> None:
        """Emit a snapshot now if the frame budget allows (or ``force``) and the GUI is ready."""
        if self._trainer is None:
            return
        now = time.perf_counter()
        # Space the frames so that the GUI, which needs the GIL to draw, keeps to its share.
        frame = max(FRAME_SECONDS, self._gui_seconds * (1.0 - GUI_SHARE) / GUI_SHARE)
        if not force and now - self._last_emit < frame:
            return
        if self._awaiting_ack:
            self._pending_snapshot = True
            return
        self._pending_snapshot = False
        self._awaiting_ack = True
        self._last_emit = now
        if self._running and self._timer is not None:
            # Training waits while the GUI draws: both would otherwise fight over the GIL,
            # and the GUI would be slow and jerky.
            self._timer.stop()
        self.snapshot_ready.emit(
            take_snapshot(self._trainer, self._sample, self._cursor, self._bounds)
        )
