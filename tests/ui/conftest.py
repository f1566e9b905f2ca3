"""Fixtures shared by the tests of the main window."""

from __future__ import annotations

import pytest

from backprop_gui.app import create_main_window
from backprop_gui.ui.file_actions import FileActions


@pytest.fixture
def french_window(qtbot, monkeypatch):
    """The default window in French at 1280×720, shown, with its first snapshot drawn.

    Closing it never asks about unsaved changes (the answer is "discard").
    """
    monkeypatch.setattr(FileActions, "confirm_discard", lambda self, modified: "discard")
    window = create_main_window(None, "fr")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    with qtbot.waitSignal(window.controller.snapshot_ready):
        window.show()
    yield window
    window.close()
