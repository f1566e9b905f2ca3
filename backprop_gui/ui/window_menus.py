"""The menu bar and the toolbar of the main window, with the example and recent-file lists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow

from backprop_gui.document import DocumentError, preset_paths
from backprop_gui.document import load as load_document
from backprop_gui.ui.actions import WindowActions
from backprop_gui.ui.undo_actions import UndoActions


class WindowMenus(QObject):
    """Builds the menus and the toolbar from the window's actions; says which file was chosen."""

    preset_chosen = Signal(object)  # Path of an example network
    recent_chosen = Signal(object)  # Path of a recently used file

    def __init__(
        self,
        window: QMainWindow,
        actions: WindowActions,
        undo: UndoActions,
        dock_actions: list[QAction],
    ) -> None:
        super().__init__(window)
        a = actions
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.presets_menu = self.file_menu.addMenu("")
        self.presets_menu.setObjectName("presets_menu")
        self.file_menu.addActions([a.new, a.open])
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recent_menu")
        self.file_menu.addSeparator()
        self.file_menu.addActions([a.save, a.save_as])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.export_history)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([undo.undo, undo.redo])

        self.training_menu = bar.addMenu("")
        self.training_menu.addActions([a.run, a.step_phase, a.step_iteration, a.step_epoch])
        self.training_menu.addSeparator()
        self.training_menu.addActions([a.reset, a.reinitialize])
        self.training_menu.addSeparator()
        self.training_menu.addAction(a.gradient_check)

        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(a.show_numbers)
        self.view_menu.addSeparator()
        self.view_menu.addActions(dock_actions)
        self.view_menu.addAction(a.reset_layout)
        self.language_menu = self.view_menu.addMenu("")
        languages = QActionGroup(self)
        for action in (a.language_fr, a.language_en):
            languages.addAction(action)
            self.language_menu.addAction(action)

        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([a.how_it_works, a.glossary])
        self.help_menu.addSeparator()
        self.help_menu.addAction(a.about)

        self.toolbar = window.addToolBar("")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        # Most used first: on a narrow screen the last ones go to the toolbar's » menu (and
        # stay in the Training menu).
        self.toolbar.addActions([a.run, a.step_phase, a.step_iteration, a.step_epoch])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.show_numbers, undo.undo, undo.redo])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.reset, a.reinitialize, a.gradient_check])
        # Undo and redo are known by their arrows (and their tooltips): room for the rest.
        for action in (undo.undo, undo.redo):
            self.toolbar.widgetForAction(action).setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonIconOnly
            )
        self._fill_presets_menu()

    @Slot(list)
    def fill_recent_menu(self, paths: list[Path]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(self._on_recent_triggered)
        self.recent_menu.setEnabled(bool(paths))

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.presets_menu.setTitle(translate("MainWindow", "New from an &example"))
        self.recent_menu.setTitle(translate("MainWindow", "Open &recent"))
        self.edit_menu.setTitle(translate("MainWindow", "&Edit"))
        self.training_menu.setTitle(translate("MainWindow", "&Training"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.toolbar.setWindowTitle(translate("MainWindow", "Training"))

    def _fill_presets_menu(self) -> None:
        self.presets_menu.clear()
        for path in preset_paths():
            try:
                title = load_document(path).title or path.stem
            except DocumentError:
                continue
            action = self.presets_menu.addAction(title)
            action.setObjectName(f"preset_{path.stem}")
            action.setData(str(path))
            action.triggered.connect(self._on_preset_triggered)

    @Slot()
    def _on_preset_triggered(self) -> None:
        self.preset_chosen.emit(Path(self.sender().data()))

    @Slot()
    def _on_recent_triggered(self) -> None:
        self.recent_chosen.emit(Path(self.sender().data()))
