"""The canvas keeps its share of the window at first show, at every size; saved layouts win."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from backprop_gui.app import create_main_window
from backprop_gui.ui.file_actions import FileActions
from backprop_gui.ui.window_layout import CANVAS_SHARE, default_dock_widths
from backprop_gui.ui.window_settings import save_window

SPARE = 24


@pytest.fixture(autouse=True)
def _no_unsaved_changes_prompt(monkeypatch):
    monkeypatch.setattr(FileActions, "confirm_discard", lambda self, modified: "discard")


@pytest.fixture
def first_show(qtbot):
    """Open the default window, never opened before, at a size and in a language."""
    windows = []

    def show(width: int, height: int, language: str = "fr"):
        window = create_main_window(None, language)
        qtbot.addWidget(window)
        window.resize(width, height)
        with qtbot.waitSignal(window.controller.snapshot_ready):
            window.show()
        qtbot.waitUntil(lambda: window.canvas.width() > 0)
        windows.append(window)
        return window

    yield show
    for window in windows:
        window.close()


def canvas_share(window) -> float:
    return window.canvas.width() / window.width()


def right_minimum(window) -> int:
    return max(dock.minimumSizeHint().width() for dock in window.docks.right_docks)


# -- the rule -------------------------------------------------------------------------------


def test_a_wide_window_gives_each_dock_its_preferred_width():
    assert default_dock_widths(1920, (210, 300), (330, 576), SPARE) == (300, 576)


def test_the_right_column_gives_way_first():
    controls, right = default_dock_widths(1280, (237, 300), (333, 384), SPARE)
    assert controls == 300
    assert right == 1280 - SPARE - math.ceil(1280 * CANVAS_SHARE) - 300


def test_then_the_controls_take_their_narrow_form_not_a_width_in_between():
    controls, right = default_dock_widths(1280, (237, 300), (405, 405), SPARE)
    assert (controls, right) == (237, 405)
    assert 1280 - SPARE - controls - right >= CANVAS_SHARE * 1280


def test_no_dock_goes_below_its_minimum_even_if_the_canvas_gets_less():
    assert default_dock_widths(800, (237, 300), (405, 500), SPARE) == (237, 405)


@settings(max_examples=300, deadline=None)
@given(
    window_width=st.integers(600, 4000),
    controls_min=st.integers(60, 400),
    controls_extra=st.integers(0, 200),
    right_min=st.integers(60, 600),
    right_extra=st.integers(0, 600),
)
def test_the_canvas_gets_its_share_whenever_the_minimums_allow(
    window_width, controls_min, controls_extra, right_min, right_extra
):
    controls_preferred = controls_min + controls_extra
    right_preferred = right_min + right_extra
    controls, right = default_dock_widths(
        window_width, (controls_min, controls_preferred), (right_min, right_preferred), SPARE
    )
    assert controls in (controls_min, controls_preferred)
    assert right_min <= right <= max(right_min, right_preferred)
    canvas = window_width - SPARE - controls - right
    if controls_min + right_min <= window_width - SPARE - CANVAS_SHARE * window_width:
        assert canvas >= CANVAS_SHARE * window_width - 1


# -- the window -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_at_first_show_the_docks_give_way_to_the_canvas(first_show, size, language):
    window = first_show(*size, language)
    docks = window.docks
    at_minimums = (
        docks.controls.width() == docks.controls.minimumSizeHint().width()
        and docks.inspector.width() == right_minimum(window)
    )
    assert canvas_share(window) >= CANVAS_SHARE or at_minimums, canvas_share(window)


def test_a_french_window_at_projector_size_leaves_the_canvas_its_share(first_show):
    window = first_show(1280, 720)
    assert canvas_share(window) >= CANVAS_SHARE


def test_a_saved_layout_wins_over_the_default_one(qtbot, first_show):
    window = first_show(1280, 720)
    docks = window.docks
    window.resizeDocks([docks.controls], [420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: docks.controls.width() == 420)
    save_window(window)
    again = first_show(1280, 720)
    assert again.docks.controls.width() == 420


def test_reset_layout_puts_every_dock_back_at_its_default_place_and_size(qtbot, first_show):
    window = first_show(1280, 720)
    docks = window.docks
    expected = (docks.controls.width(), docks.inspector.width())
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks.gradient)
    docks.glossary.setFloating(True)
    docks.loss.hide()
    window.resizeDocks([docks.controls], [420], Qt.Orientation.Horizontal)

    window.findChild(QAction, "action_reset_layout").trigger()

    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(docks.controls) == left
    for dock in docks.right_docks:
        assert window.dockWidgetArea(dock) == right, dock.objectName()
        assert not dock.isFloating(), dock.objectName()
    assert set(window.tabifiedDockWidgets(docks.inspector)) == {docks.gradient, docks.glossary}
    assert window.tabifiedDockWidgets(docks.loss) == [docks.boundary]
    qtbot.waitUntil(lambda: docks.loss.isVisible())
    qtbot.waitUntil(lambda: (docks.controls.width(), docks.inspector.width()) == expected)
