"""Every control leads to its glossary entry: Shift+F1, its context menu, its tooltip."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QWidget

from backprop_gui.ui.glossary_links import ACTION_TERMS, TERM, glossary_term


@pytest.fixture
def window(french_window):
    return french_window


def test_every_term_named_by_a_control_or_an_action_exists_in_the_glossary(window):
    terms = {w.property(TERM) for w in window.findChildren(QWidget) if w.property(TERM)}
    terms |= set(ACTION_TERMS.values())
    missing = [term for term in terms if term not in window.glossary.glossary]
    assert missing == []
    assert {"taux_apprentissage", "lot", "moment"} <= terms


def test_each_action_tooltip_names_its_glossary_term_in_french(window):
    step = window.findChild(QAction, "action_step_epoch")
    assert step.toolTip().endswith("Glossaire\u00a0: Époque")


def test_shift_f1_on_the_learning_rate_opens_its_entry(qtbot, window):
    control = window.findChild(QWidget, "learning_rate")
    control.setFocus()
    QCursor.setPos(QPoint(-1000, -1000))  # nothing under the pointer: the focus decides
    qtbot.waitUntil(control.hasFocus)
    with qtbot.waitSignal(window.glossary_links.entry_requested) as blocker:
        assert window.glossary_links.open_for_pointer() == "taux_apprentissage"
    assert blocker.args == ["taux_apprentissage"]
    assert window.glossary.current_entry_id() == "taux_apprentissage"


def test_the_context_menu_of_a_control_offers_its_entry(qtbot, window):
    control = window.findChild(QWidget, "momentum")
    menu = window.glossary_links.menu_for(control)
    action = menu.findChild(QAction, "action_see_in_glossary")
    assert "Moment" in action.text()
    with qtbot.waitSignal(window.glossary_links.entry_requested):
        action.trigger()
    assert window.glossary.current_entry_id() == "moment"


def test_a_child_widget_inherits_its_parents_term(window):
    control = window.findChild(QWidget, "batch_size")
    inner = control.findChildren(QWidget)[0]
    assert glossary_term(inner) == "lot"


def test_every_part_of_the_screen_an_entry_names_exists_in_the_window(window):
    named = {part for entry in window.glossary.glossary.entries for part in entry.screen}
    missing = [part for part in sorted(named) if not window.highlighter.widgets_for([part])]
    assert missing == []
