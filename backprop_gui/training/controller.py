"""The GUI's handle on training: starts the worker thread, forwards commands, relays snapshots.

Every command is a queued signal to the worker; the GUI thread never runs a training step.
The worker sends no snapshot before the GUI has shown the previous one, and trains only
while the GUI is not drawing: ``TrainingController.snapshot_shown`` says when.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.training.worker import HyperparameterSettings, TrainingSetup, TrainingWorker

GIL_SWITCH_SECONDS = 0.001


class TrainingController(QObject):
    """Owns the worker thread; panels connect to its signals and call its methods."""

    snapshot_ready = Signal(object)  # TrainerSnapshot
    running_changed = Signal(bool)
    diverged = Signal(object)  # Message
    failed = Signal(object)  # Message
    gradient_checked = Signal(float)
    snapshot_shown = Signal()
    """Emit (or connect a signal to) it once the last snapshot is on screen: the worker may
    train on and send the next one. A signal, not a slot, so that a chain of signals from a
    timer reaches the worker without the GUI thread running Python (and waiting for the GIL
    the worker takes as it resumes)."""

    _setup = Signal(object)
    _run = Signal()
    _pause = Signal()
    _step_phase = Signal()
    _step_iteration = Signal()
    _step_epoch = Signal()
    _reset = Signal()
    _reinitialize = Signal(int)
    _set_settings = Signal(object)
    _set_speed = Signal(int)
    _set_sample = Signal(int)
    _set_boundary_wanted = Signal(bool)
    _set_weight = Signal(int, int, int, float)
    _check_gradient = Signal()
    _shutdown = Signal()

    def __init__(self, parent: QObject | None = None, *, auto_acknowledge: bool = True) -> None:
        """``auto_acknowledge`` False: the owner emits ``snapshot_shown`` after each snapshot.

        Otherwise a snapshot counts as shown once the GUI has handled what its slots posted
        (repaints included): Qt fires a zero-interval timer after the posted events.
        """
        super().__init__(parent)
        # The worker holds the GIL between numpy calls; Python hands it over every 5 ms by
        # default, which a user feels as lag. Every millisecond keeps the GUI thread fluid.
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        self.latest: TrainerSnapshot | None = None
        self.running = False
        self._auto_acknowledge = QTimer(self) if auto_acknowledge else None
        if self._auto_acknowledge is not None:
            self._auto_acknowledge.setSingleShot(True)
            self._auto_acknowledge.setInterval(0)
            self._auto_acknowledge.timeout.connect(self.snapshot_shown)
        self._thread = QThread()
        self._thread.setObjectName("training_thread")
        self._worker = TrainingWorker()
        self._worker.moveToThread(self._thread)
        worker = self._worker
        for signal, slot in (
            (self._setup, worker.setup),
            (self._run, worker.run),
            (self._pause, worker.pause),
            (self._step_phase, worker.step_phase),
            (self._step_iteration, worker.step_iteration),
            (self._step_epoch, worker.step_epoch),
            (self._reset, worker.reset),
            (self._reinitialize, worker.reinitialize),
            (self._set_settings, worker.set_settings),
            (self._set_speed, worker.set_speed),
            (self._set_sample, worker.set_sample),
            (self._set_boundary_wanted, worker.set_boundary_wanted),
            (self._set_weight, worker.set_weight),
            (self._check_gradient, worker.check_gradient),
            (self.snapshot_shown, worker.snapshot_taken),
        ):
            signal.connect(slot, Qt.ConnectionType.QueuedConnection)
        self._shutdown.connect(worker.shutdown, Qt.ConnectionType.BlockingQueuedConnection)
        worker.snapshot_ready.connect(self._on_snapshot)
        worker.running_changed.connect(self._on_running_changed)
        worker.diverged.connect(self.diverged)
        worker.failed.connect(self.failed)
        worker.gradient_checked.connect(self.gradient_checked)
        self._thread.finished.connect(worker.deleteLater)
        self._thread.start()

    # -- commands ----------------------------------------------------------------------------

    def load(self, setup: TrainingSetup) -> None:
        """Replace the trainer (new network, data or architecture); the worker owns ``setup``."""
        self._setup.emit(setup)

    def run(self) -> None:
        self._run.emit()

    def pause(self) -> None:
        self._pause.emit()

    def toggle_running(self) -> None:
        if self.running:
            self.pause()
        else:
            self.run()

    def step_phase(self) -> None:
        self._step_phase.emit()

    def step_iteration(self) -> None:
        self._step_iteration.emit()

    def step_epoch(self) -> None:
        self._step_epoch.emit()

    def reset(self) -> None:
        self._reset.emit()

    def reinitialize(self, seed: int) -> None:
        self._reinitialize.emit(seed)

    def set_settings(self, settings: HyperparameterSettings) -> None:
        self._set_settings.emit(settings)

    def set_speed(self, iterations_per_second: int) -> None:
        self._set_speed.emit(iterations_per_second)

    def set_sample(self, sample_in_batch: int) -> None:
        self._set_sample.emit(sample_in_batch)

    def set_boundary_wanted(self, wanted: bool) -> None:
        """Whether snapshots carry the decision boundary grid (only while a plot shows it)."""
        self._set_boundary_wanted.emit(wanted)

    def set_weight(self, layer: int, j: int, i: int, value: float) -> None:
        self._set_weight.emit(layer, j, i, value)

    def set_bias(self, layer: int, j: int, value: float) -> None:
        self._set_weight.emit(layer, j, -1, value)

    def check_gradient(self) -> None:
        self._check_gradient.emit()

    def shutdown(self) -> None:
        """Stop training and the thread; waits for the current slice to end (a few ms)."""
        if self._thread.isRunning():
            self._shutdown.emit()
            self._thread.quit()
            self._thread.wait()

    # -- from the worker ---------------------------------------------------------------------

    @Slot(object)
    def _on_snapshot(self, snapshot: TrainerSnapshot) -> None:
        self.latest = snapshot
        self.snapshot_ready.emit(snapshot)
        if self._auto_acknowledge is not None:
            self._auto_acknowledge.start()

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self.running = running
        self.running_changed.emit(running)
