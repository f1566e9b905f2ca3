"""When a plot redraws: never while hidden, and never more often than its own cost allows.

Snapshots arrive up to ~30 times a second while training runs. A plot takes each one's new
history rows at once (that is cheap and cannot wait: updates are incremental) but redraws only
when it is on screen, and leaves the event loop at least ``cost_ratio`` times as long as its
last redraw took, so an expensive plot (hundreds of curves) slows its own frame rate instead
of freezing the window. A redraw may also leave part of its work for the next one (it returns
False): that part then comes as a redraw of its own, on the same terms.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

COST_RATIO = 4.0
"""Idle time after a redraw, in multiples of its duration: a plot uses at most ~1/5 of the GUI."""


class RefreshThrottle(QObject):
    """Runs ``redraw`` for ``widget`` on request, coalescing requests that come too fast.

    The widget calls :meth:`shown` from its ``showEvent``. ``redraw`` returns False when it
    left work for later: another redraw is then requested.
    """

    def __init__(
        self,
        widget: QWidget,
        redraw: Callable[[], bool | None],
        cost_ratio: float = COST_RATIO,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._redraw = redraw
        self._cost_ratio = cost_ratio
        self._stale = False
        self._not_before = 0.0
        self.last_cost = 0.0
        """Seconds the last redraw took."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        """Whether a redraw was asked for and has not happened yet."""
        return self._stale

    def request(self) -> None:
        """Redraw now if the widget is visible and the last redraw is old enough, else later."""
        self._stale = True
        # A plot in a dock tab behind another is "visible" to Qt but has no visible region.
        hidden = not self._widget.isVisible() or self._widget.visibleRegion().isEmpty()
        if hidden or self._timer.isActive():
            return
        wait = self._not_before - time.monotonic()
        if wait <= 0.0:
            self.flush()
        else:
            self._timer.start(math.ceil(wait * 1000.0))

    def flush(self) -> None:
        """Redraw now if a redraw is pending (an export needs the plot up to date)."""
        self._timer.stop()
        if not self._stale:
            return
        self._stale = False
        start = time.perf_counter()
        finished = self._redraw()
        self.last_cost = time.perf_counter() - start
        self._not_before = time.monotonic() + self._cost_ratio * self.last_cost
        if finished is False:
            self.request()

    def shown(self) -> None:
        """The widget's ``showEvent``: catch up on what was asked while it was hidden."""
        if self._stale:
            # Once back in the event loop, when the layout has given the plot its size.
            self._timer.start(0)
