"""A plot redraws at its own pace: at once when it can, later when hidden or just redrawn."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from backprop_gui.ui.plots.refresh import RefreshThrottle


class Drawing:
    """A redraw that leaves work for later the first ``unfinished`` times."""

    def __init__(self, unfinished: int = 0) -> None:
        self.unfinished = unfinished
        self.count = 0

    def __call__(self) -> bool:
        self.count += 1
        return self.count > self.unfinished


def shown_widget(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(100, 100)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_visible_widget_redraws_at_once(qtbot):
    drawing = Drawing()
    throttle = RefreshThrottle(shown_widget(qtbot), drawing)
    throttle.request()
    assert drawing.count == 1
    assert not throttle.pending


def test_a_hidden_widget_redraws_when_shown(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    drawing = Drawing()
    throttle = RefreshThrottle(widget, drawing)
    throttle.request()
    assert drawing.count == 0
    assert throttle.pending
    widget.show()
    throttle.shown()
    qtbot.waitUntil(lambda: not throttle.pending)
    assert drawing.count == 1


def test_work_a_redraw_leaves_for_later_comes_by_itself(qtbot):
    drawing = Drawing(unfinished=2)
    throttle = RefreshThrottle(shown_widget(qtbot), drawing)
    throttle.request()
    assert drawing.count == 1
    assert throttle.pending  # the rest waits its turn, after the event loop ran
    qtbot.waitUntil(lambda: not throttle.pending, timeout=2000)
    assert drawing.count == 3


def test_flush_redraws_now_what_is_pending(qtbot):
    drawing = Drawing(unfinished=1)
    throttle = RefreshThrottle(shown_widget(qtbot), drawing)
    throttle.request()
    throttle.flush()
    assert drawing.count == 2
    assert not throttle.pending
    throttle.flush()  # nothing pending: nothing to redraw
    assert drawing.count == 2
