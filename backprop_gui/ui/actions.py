"""Every command of the main window as a QAction: object name, shortcut, icon, text.

Texts are set in ``retranslate``, called again on a language change; behaviour is connected
by the main window. Tests find the actions by object name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


class WindowActions(QObject):
    """The actions of the main window, created once, re-translated on demand."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        style = window.style()
        icon = style.standardIcon
        pixmap = QStyle.StandardPixmap

        def make(name: str, shortcut=None, standard_icon=None, checkable=False) -> QAction:
            action = QAction(window)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if standard_icon is not None:
                action.setIcon(icon(standard_icon))
            action.setCheckable(checkable)
            window.addAction(action)
            return action

        self.run = make("action_run", "Space", pixmap.SP_MediaPlay, checkable=True)
        self.step_phase = make("action_step_phase", "Right", pixmap.SP_MediaSeekForward)
        self.step_iteration = make(
            "action_step_iteration", "Ctrl+Right", pixmap.SP_MediaSkipForward
        )
        self.step_epoch = make("action_step_epoch", "Ctrl+Shift+Right")
        self.reset = make("action_reset", "Ctrl+R", pixmap.SP_BrowserReload)
        self.reinitialize = make("action_reinitialize", "Ctrl+Shift+R")
        self.gradient_check = make("action_gradient_check", "Ctrl+G")
        self.show_numbers = make("action_show_numbers", "Ctrl+N", checkable=True)
        self.reset_layout = make("action_reset_layout")
        self.new = make("action_new", QKeySequence.StandardKey.New)
        self.open = make("action_open", QKeySequence.StandardKey.Open, pixmap.SP_DialogOpenButton)
        self.save = make("action_save", QKeySequence.StandardKey.Save, pixmap.SP_DialogSaveButton)
        self.save_as = make("action_save_as", QKeySequence.StandardKey.SaveAs)
        self.export_history = make("action_export_history")
        self.quit = make("action_quit", QKeySequence.StandardKey.Quit)
        self.language_fr = make("action_language_fr", checkable=True)
        self.language_en = make("action_language_en", checkable=True)
        self.about = make("action_about")
        self.how_it_works = make("action_how_it_works", "F1")
        self.glossary = make("action_glossary", "Ctrl+F")
        self.show_numbers.setChecked(True)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text, tooltip and status tip in the current language."""
        translate = QCoreApplication.translate
        texts = {
            self.run: (
                translate("Actions", "&Run"),
                translate("Actions", "Run or pause the training (Space)"),
            ),
            self.step_phase: (
                translate("Actions", "Next &phase"),
                translate(
                    "Actions",
                    "Run one phase: forward pass, error, backward pass or weight update (→)",
                ),
            ),
            self.step_iteration: (
                translate("Actions", "Next &iteration"),
                translate(
                    "Actions", "Finish the current iteration: all four phases on one batch (Ctrl+→)"
                ),
            ),
            self.step_epoch: (
                translate("Actions", "Next &epoch"),
                translate("Actions", "Train until every training sample has been seen once more"),
            ),
            self.reset: (
                translate("Actions", "&Reset"),
                translate(
                    "Actions", "Go back to the initial weights and iteration 0 (same random draw)"
                ),
            ),
            self.reinitialize: (
                translate("Actions", "New random &weights"),
                translate("Actions", "Draw new initial weights with a new seed, then start again"),
            ),
            self.gradient_check: (
                translate("Actions", "&Check the gradient"),
                translate(
                    "Actions",
                    "Compare backpropagation with finite differences on the current batch",
                ),
            ),
            self.show_numbers: (
                translate("Actions", "Show the &numbers"),
                translate("Actions", "Write each neuron's value and each weight on the network"),
            ),
            self.reset_layout: (
                translate("Actions", "Reset the &layout"),
                translate("Actions", "Put every panel back where it was at the first start"),
            ),
            self.new: (
                translate("Actions", "&New"),
                translate("Actions", "Start again from the default network"),
            ),
            self.open: (
                translate("Actions", "&Open…"),
                translate("Actions", "Open a network file"),
            ),
            self.save: (
                translate("Actions", "&Save"),
                translate("Actions", "Save the network, its settings and its weights"),
            ),
            self.save_as: (
                translate("Actions", "Save &as…"),
                translate("Actions", "Save the network in a new file"),
            ),
            self.export_history: (
                translate("Actions", "&Export the training history (CSV)…"),
                translate(
                    "Actions", "Save the loss and gradient norms of every iteration as a CSV table"
                ),
            ),
            self.quit: (
                translate("Actions", "&Quit"),
                translate("Actions", "Close the application"),
            ),
            self.language_fr: ("Français", "Interface en français"),
            self.language_en: ("English", "English interface"),
            self.how_it_works: (
                translate("Actions", "&How does it work?"),
                translate("Actions", "The four steps of an iteration, explained (F1)"),
            ),
            self.glossary: (
                translate("Actions", "&Glossary"),
                translate("Actions", "Look up a word of the screen in the glossary (Ctrl+F)"),
            ),
            self.about: (
                translate("Actions", "&About backprop-gui"),
                translate("Actions", "Version and purpose of the application"),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.run.setIconText(translate("Actions", "Run"))
