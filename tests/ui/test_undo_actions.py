"""Undo and redo are enabled when they can act and name the edit they would touch."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from backprop_gui import i18n
from backprop_gui.ui.undo_actions import UndoActions


def test_the_tooltips_name_the_next_edit_to_undo_or_redo(qtbot, qapp):
    i18n.install_translators(qapp, "fr")
    window = QWidget()
    qtbot.addWidget(window)
    stack = QUndoStack(window)
    actions = UndoActions(window, stack)
    actions.retranslate()
    assert not actions.undo.isEnabled()
    assert actions.undo.toolTip() == "Annuler"
    stack.push(QUndoCommand("ajouter un neurone"))
    assert actions.undo.isEnabled()
    assert actions.undo.toolTip() == "Annuler\u00a0: ajouter un neurone"
    stack.undo()
    assert actions.redo.toolTip() == "Rétablir\u00a0: ajouter un neurone"
    assert actions.undo.toolTip() == "Annuler"


def test_a_stack_destroyed_before_the_actions_raises_nothing(qtbot):
    """The window's session (and its stack) goes before the actions when the window closes."""
    window = QWidget()
    qtbot.addWidget(window)
    owner = QWidget(window)
    stack = QUndoStack(owner)
    actions = UndoActions(window, stack)
    stack.push(QUndoCommand("add a layer"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: actions.undo.toolTip() == "Undo")
