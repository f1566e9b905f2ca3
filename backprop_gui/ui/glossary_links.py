"""From any control to its glossary entry: Shift+F1, a context-menu item, the tooltip.

Controls and actions carry a ``glossary_term`` property (a glossary entry id). This module
makes that link usable: Shift+F1 over (or on) a control opens its entry, its context menu
offers « Voir dans le glossaire », and each action's tooltip ends with the term it uses.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget

from backprop_gui.glossary import Glossary

TERM = "glossary_term"

ACTION_TERMS = {
    "action_run": "iteration",
    "action_step_phase": "iteration",
    "action_step_iteration": "iteration",
    "action_step_epoch": "epoque",
    "action_reset": "initialisation_poids",
    "action_reinitialize": "graine_aleatoire",
    "action_gradient_check": "verification_gradient",
    "action_show_numbers": "poids",
}
"""The glossary entry each toolbar action stands for."""


def glossary_term(widget: QWidget | None) -> str | None:
    """The entry id of ``widget`` or of the nearest parent (or tool button's action) with one."""
    while widget is not None:
        term = widget.property(TERM)
        if term:
            return str(term)
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            term = widget.defaultAction().property(TERM)
            if term:
                return str(term)
        widget = widget.parentWidget()
    return None


class GlossaryLinks(QObject):
    """Connects the controls of ``window`` to the glossary; ``entry_requested`` says which."""

    entry_requested = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._glossary: Glossary | None = None
        shortcut = QShortcut(QKeySequence("Shift+F1"), window)
        shortcut.setObjectName("glossary_shortcut")
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.open_for_pointer)
        for action in window.findChildren(QAction):
            if action.objectName() in ACTION_TERMS:
                action.setProperty(TERM, ACTION_TERMS[action.objectName()])
        for widget in window.findChildren(QWidget):
            if widget.property(TERM):
                widget.installEventFilter(self)

    def set_language(self, language: str) -> None:
        """Name the terms in ``language`` in the tooltips (call after the actions' texts)."""
        self._glossary = Glossary.load(language)
        for action in self._window.findChildren(QAction):
            term = action.property(TERM)
            if term and term in self._glossary:
                tip = action.toolTip().split("\n")[0]
                action.setToolTip(
                    tip
                    + "\n"
                    + QCoreApplication.translate("GlossaryLinks", "Glossary: {term}").format(
                        term=self._glossary.entry(term).term
                    )
                )

    def open_for_pointer(self) -> str | None:
        """Open the entry of the control under the mouse, else of the one with the focus."""
        widget = QApplication.widgetAt(QCursor.pos())
        term = glossary_term(widget) or glossary_term(QApplication.focusWidget())
        if term is not None:
            self.entry_requested.emit(term)
        return term

    def menu_for(self, widget: QWidget) -> QMenu | None:
        """The context menu of a control that has a glossary entry."""
        term = glossary_term(widget)
        if term is None or self._glossary is None or term not in self._glossary:
            return None
        menu = QMenu(widget)
        menu.setObjectName("glossary_context_menu")
        action = menu.addAction(
            QCoreApplication.translate("GlossaryLinks", "See “{term}” in the glossary").format(
                term=self._glossary.entry(term).term
            )
        )
        action.setObjectName("action_see_in_glossary")
        action.triggered.connect(functools.partial(self.entry_requested.emit, term))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(watched, QWidget):
            menu = self.menu_for(watched)
            if menu is not None and isinstance(event, QContextMenuEvent):
                menu.exec(event.globalPos())
                menu.deleteLater()
                return True
        return super().eventFilter(watched, event)
