"""The window as a class sees it: French, 1280×720, rendered to a PNG anyone can open.

Set BACKPROP_GUI_SCREENSHOTS to a folder to keep the pictures (the README's comes from here);
otherwise they go to pytest's temporary folder. The checks are what a picture cannot be
trusted for: no English left in the French interface, no clipped button, no empty panel.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QToolButton

CATALOG = Path(__file__).resolve().parents[2] / "translations" / "backprop_gui_fr.ts"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    chosen = os.environ.get("BACKPROP_GUI_SCREENSHOTS")
    path = Path(chosen) if chosen else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def english_sources_translated_differently() -> set[str]:
    """Source strings whose French differs: seeing one on a French screen is a bug."""
    root = ElementTree.parse(CATALOG)
    sources = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if source and text and text != source and len(source) > 3:
            sources.add(source.replace("&", ""))
    return sources


def visible_texts(window) -> list[str]:
    texts = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text():
            texts.append(widget.text().replace("&", ""))
    for action in window.findChildren(QAction):
        if action.text():
            texts.append(action.text().replace("&", ""))
    return texts


def test_the_french_window_at_projector_size_is_rendered_and_fully_french(
    qtbot, french_window, folder
):
    window = french_window
    for _ in range(3):
        with qtbot.waitSignal(window.controller.snapshot_ready):
            window.actions.step_phase.trigger()
    window.canvas.edge_selected.emit(0, 0, 0)
    qtbot.waitUntil(lambda: window.inspector.selection is not None)
    current = window.phase_panel.findChild(QLabel, "phase_chip_backward")
    qtbot.waitUntil(lambda: current.width() >= current.sizeHint().width())  # laid out again
    wrapped = [label for label in window.phase_panel.findChildren(QLabel) if label.wordWrap()]
    qtbot.waitUntil(  # every line of the explanation shown
        lambda: all(label.height() >= label.heightForWidth(label.width()) for label in wrapped)
    )
    image = window.grab()
    path = folder / "fenetre_1280x720.png"
    assert image.save(str(path))
    assert path.stat().st_size > 20_000
    english = english_sources_translated_differently()
    leftovers = [text for text in visible_texts(window) if text in english]
    assert leftovers == []


def test_no_toolbar_button_clips_its_text(french_window):
    for button in french_window.toolbar.findChildren(QToolButton):
        shows_text = button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly
        if button.isVisible() and button.text() and shows_text:
            needed = button.fontMetrics().horizontalAdvance(button.text())
            assert needed <= button.width(), button.text()


def test_no_panel_is_empty(french_window):
    for dock in french_window.findChildren(QDockWidget):
        if dock.isVisible() and not dock.widget().visibleRegion().isEmpty():  # not a hidden tab
            assert dock.widget() is not None
            assert dock.widget().width() > 100, dock.objectName()
            assert dock.widget().height() > 100, dock.objectName()
    assert french_window.canvas.width() > 400
    assert french_window.canvas.height() > 300


def test_a_laptop_size_window_still_shows_every_panel(qtbot, french_window, folder):
    french_window.resize(1024, 640)
    qtbot.waitUntil(lambda: french_window.width() == 1024)
    assert french_window.grab().save(str(folder / "fenetre_1024x640.png"))
    assert french_window.canvas.width() > 250
