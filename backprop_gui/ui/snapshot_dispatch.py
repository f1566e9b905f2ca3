"""Each snapshot from training shown on the panels, in short turns of the GUI's event loop.

A snapshot is drawn in two stages, then announced as shown (``shown``), which lets training
go on: while the GUI draws, the worker waits, so the two never fight over the GIL.

1. At once: the canvas, the phase panel, the inspector and the status line (a class stepping
   through the phases sees the numbers as soon as they exist). Qt then repaints them.
2. The plots, with every snapshot received since the last time, in order (their history
   grows by the rows each snapshot carries). Qt then repaints them.

Stages are chained by zero-interval timers, not by posted calls. Qt's event loop delivers
posted events (repaints included) before it fires timers, and fires timers in the order they
fell due: a timer that fell due during a stage (an animation, a key repeat, a clock) runs
before the next stage, and ``shown`` comes once the plots' repaint is done. Posted calls
would instead run back to back, and such a timer would wait for the whole chain (measured
with tests/benchmarks/gui_latency.py). ``shown`` is a signal chained from its timer, so
announcing it runs no Python: the GUI never waits for the GIL the resuming worker takes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.ui.canvas import NetworkView
from backprop_gui.ui.inspector import InspectorPanel
from backprop_gui.ui.phase_panel import PhasePanel
from backprop_gui.ui.plots.boundary_plot import BoundaryPlot
from backprop_gui.ui.plots.gradient_plot import GradientPlot
from backprop_gui.ui.plots.loss_plot import LossPlot
from backprop_gui.ui.status_line import StatusLine


def _next_turn_timer(parent: QObject, slot: Callable[[], None] | SignalInstance) -> QTimer:
    """A single-shot timer that calls ``slot`` on the event loop's next round of timers."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer


class SnapshotDispatcher(QObject):
    """Shows snapshots on the panels; emits ``shown`` once one is fully on screen."""

    shown = Signal()

    def __init__(
        self,
        *,
        canvas: NetworkView,
        phase_panel: PhasePanel,
        inspector: InspectorPanel,
        status_line: StatusLine,
        loss_plot: LossPlot,
        gradient_plot: GradientPlot,
        boundary_plot: BoundaryPlot,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._phase_panel = phase_panel
        self._inspector = inspector
        self._status_line = status_line
        self._loss_plot = loss_plot
        self._gradient_plot = gradient_plot
        self._boundary_plot = boundary_plot
        self._plot_queue: list[TrainerSnapshot] = []
        self._plot_stage = _next_turn_timer(self, self._show_plots)
        self._shown_stage = _next_turn_timer(self, self.shown)

    @Slot(object)
    def show_snapshot(self, snapshot: TrainerSnapshot) -> None:
        self._plot_queue.append(snapshot)
        self._shown_stage.stop()
        try:
            self._canvas.show_snapshot(snapshot)
            self._phase_panel.show_snapshot(snapshot)
            self._inspector.show_snapshot(snapshot)
            self._status_line.show_snapshot(snapshot)
        finally:
            # Started last, so that timers due meanwhile go first; even after a failing
            # panel, so that training is never left waiting.
            self._plot_stage.start()

    @Slot()
    def _show_plots(self) -> None:
        try:
            self.flush_plots()
        finally:
            self._shown_stage.start()

    def flush_plots(self) -> None:
        """Hand the queued snapshots to the plots, in order (their history is incremental)."""
        queue, self._plot_queue = self._plot_queue, []
        for snapshot in queue:
            self._loss_plot.show_snapshot(snapshot)
            self._gradient_plot.show_snapshot(snapshot)
        latest_grid = next((s.boundary for s in reversed(queue) if s.boundary is not None), None)
        if latest_grid is not None:
            self._boundary_plot.show_grid(latest_grid)

    def clear_plots(self) -> None:
        """Forget the plotted history (a new run starts)."""
        self._loss_plot.clear()
        self._gradient_plot.clear()

    def mark_divergence(self, iteration: int) -> None:
        self._loss_plot.mark_divergence(iteration)
        self._gradient_plot.mark_divergence(iteration)

    @Slot(bool)
    def refresh_plots(self, visible: bool = True) -> None:
        """A plot dock came into view: draw what it missed while hidden."""
        if visible:
            self._loss_plot.refresh()
            # Hundreds of weight curves reduced anew come a frame later: no long frame.
            self._gradient_plot.refresh(complete=False)
            self._boundary_plot.refresh()
