"""The main window: builds the panels, wires them to the session and the training thread.

It holds no math and little logic. Where each part lives:

- ``window_layout`` places the panels (central widget and docks), ``window_menus`` builds the
  menus and the toolbar, ``window_settings`` remembers the window's size and layout;
- ``document_binding`` keeps the trainer in step with the document, ``document_edits`` turns
  the panels' requests into undoable edits, ``training_commands`` wires the training actions;
- ``snapshot_dispatch`` shows each snapshot on the panels, ``selection_sync`` keeps the chosen
  weight the same on the canvas, in the inspector and on the gradient plot.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

from backprop_gui import __version__, i18n
from backprop_gui.document import NetworkDocument, default_document
from backprop_gui.messages import Message
from backprop_gui.session import Session
from backprop_gui.training.controller import TrainingController
from backprop_gui.ui.actions import WindowActions
from backprop_gui.ui.canvas import NetworkView
from backprop_gui.ui.controls_panel import ControlsPanel
from backprop_gui.ui.document_binding import DocumentBinding, LoadedNetwork
from backprop_gui.ui.document_edits import DocumentEdits
from backprop_gui.ui.file_actions import FileActions
from backprop_gui.ui.glossary_links import GlossaryLinks
from backprop_gui.ui.glossary_panel import GlossaryPanel
from backprop_gui.ui.history_export import write_history_csv
from backprop_gui.ui.how_it_works import HowItWorksDialog
from backprop_gui.ui.inspector import InspectorPanel
from backprop_gui.ui.message_banner import MessageBanner
from backprop_gui.ui.phase_panel import PhasePanel
from backprop_gui.ui.plots.boundary_plot import BoundaryPlot
from backprop_gui.ui.plots.gradient_plot import GradientPlot
from backprop_gui.ui.plots.loss_plot import LossPlot
from backprop_gui.ui.screen_parts import ScreenHighlighter
from backprop_gui.ui.selection_sync import SelectionSync
from backprop_gui.ui.snapshot_dispatch import SnapshotDispatcher
from backprop_gui.ui.status_line import StatusLine
from backprop_gui.ui.training_commands import TrainingCommands
from backprop_gui.ui.undo_actions import UndoActions
from backprop_gui.ui.window_layout import WindowDocks, build_central_widget
from backprop_gui.ui.window_menus import WindowMenus
from backprop_gui.ui.window_settings import has_saved_layout, restore_window, save_window


class MainWindow(QMainWindow):
    """The application window: canvas in the centre, controls left, inspector right."""

    def __init__(self, document: NetworkDocument | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.session = Session(document or default_document(), self)
        # The dispatcher says when a snapshot is on screen (its plots drawn): training goes on.
        self.controller = TrainingController(self, auto_acknowledge=False)
        self.actions = WindowActions(self)
        self.binding = DocumentBinding(self.session, self.controller, self)
        self.files = FileActions(self, self.binding.current_document, lambda: self.session.path)
        self._docks_sized = False
        self._how_it_works: HowItWorksDialog | None = None

        self.canvas = NetworkView()
        self.phase_panel = PhasePanel()
        # The phase panel (and the sample selector inside it) speaks of the iteration.
        self.phase_panel.setProperty("glossary_term", "iteration")
        self.banner = MessageBanner()
        self.inspector = InspectorPanel()
        self.controls = ControlsPanel()
        self.loss_plot = LossPlot()
        self.gradient_plot = GradientPlot()
        self.boundary_plot = BoundaryPlot()
        self.glossary = GlossaryPanel(language=i18n.current_language())
        self.status_label = StatusLine()
        self.statusBar().addPermanentWidget(self.status_label, 1)

        build_central_widget(self, self.banner, self.phase_panel, self.canvas)
        self.docks = WindowDocks(
            self,
            controls=self.controls,
            inspector=self.inspector,
            loss_plot=self.loss_plot,
            gradient_plot=self.gradient_plot,
            boundary_plot=self.boundary_plot,
            glossary=self.glossary,
        )
        self.undo = UndoActions(self, self.session.undo_stack)
        self.menus = WindowMenus(self, self.actions, self.undo, self.docks.toggle_actions())
        self.menus.fill_recent_menu(self.files.recent_files())
        self.highlighter = ScreenHighlighter(self)
        self.glossary_links = GlossaryLinks(self)

        self.dispatcher = SnapshotDispatcher(
            canvas=self.canvas,
            phase_panel=self.phase_panel,
            inspector=self.inspector,
            status_line=self.status_label,
            loss_plot=self.loss_plot,
            gradient_plot=self.gradient_plot,
            boundary_plot=self.boundary_plot,
            parent=self,
        )
        self.selection = SelectionSync(
            self.canvas,
            self.inspector,
            self.gradient_plot,
            self.boundary_plot,
            lambda: len(self.session.document.layer_sizes),
            self,
        )
        self.edits = DocumentEdits(self, self.session, self.controller, self.binding)
        self.training = TrainingCommands(
            self, self.actions, self.controller, self.banner, self.dispatcher
        )
        self._connect()
        self.retranslate_ui()
        restore_window(self)
        self.binding.load()
        QApplication.instance().aboutToQuit.connect(self._on_quit)

    # -- the widgets tests and other modules reach by name -----------------------------------

    @property
    def file_menu(self) -> QMenu:
        return self.menus.file_menu

    @property
    def presets_menu(self) -> QMenu:
        return self.menus.presets_menu

    @property
    def toolbar(self) -> QToolBar:
        return self.menus.toolbar

    # -- wiring ------------------------------------------------------------------------------

    def _connect(self) -> None:
        a, c, s = self.actions, self.controller, self.session
        a.reinitialize.triggered.connect(self.edits.new_random_weights)
        a.show_numbers.toggled.connect(self.canvas.set_show_numbers)
        a.new.triggered.connect(self._on_new)
        a.open.triggered.connect(self._on_open)
        a.save.triggered.connect(self.save)
        a.save_as.triggered.connect(self.save_as)
        a.quit.triggered.connect(self.close)
        a.export_history.triggered.connect(self._on_export_history)
        a.language_fr.triggered.connect(self._on_language_chosen)
        a.language_en.triggered.connect(self._on_language_chosen)
        a.about.triggered.connect(self._on_about)
        a.how_it_works.triggered.connect(self.show_how_it_works)
        a.glossary.triggered.connect(self._on_glossary_action)
        a.reset_layout.triggered.connect(self.docks.restore_default_layout)
        self.menus.preset_chosen.connect(self._on_preset_chosen)
        self.menus.recent_chosen.connect(self._on_recent_chosen)
        self.files.recent_files_changed.connect(self.menus.fill_recent_menu)

        c.snapshot_ready.connect(self.dispatcher.show_snapshot)
        c.running_changed.connect(self.canvas.set_running)  # no phase sweep at full speed
        self.dispatcher.shown.connect(c.snapshot_shown)
        c.failed.connect(self.show_error)
        for dock in self.docks.plot_docks:
            dock.visibilityChanged.connect(self.dispatcher.refresh_plots)
        # The boundary grid costs the worker time: computed only while its plot is on screen
        # (a dock tabbed behind another says so too, at the window's first show).
        self.docks.boundary.visibilityChanged.connect(c.set_boundary_wanted)

        self.binding.loaded.connect(self._show_loaded)
        self.binding.settings_changed.connect(self._show_settings)
        self.binding.failed.connect(self.show_error)
        self.edits.refused.connect(self.show_error)
        self.edits.controls_outdated.connect(self._show_settings)
        s.modified_changed.connect(self._update_title)
        s.path_changed.connect(self._update_title)

        self.controls.hyperparameters_changed.connect(self.edits.change_hyperparameters)
        self.controls.dataset_changed.connect(self.edits.change_dataset)
        self.controls.seed_changed.connect(self.edits.change_seed)
        self.controls.csv_import_requested.connect(self.edits.import_csv)
        self.controls.speed_changed.connect(c.set_speed)
        self.canvas.weight_edit_requested.connect(self.edits.edit_weight)
        self.canvas.bias_edit_requested.connect(self.edits.edit_bias)
        self.canvas.structure_edit_requested.connect(self.edits.edit_structure)
        self.boundary_plot.point_added.connect(self.edits.add_point)
        self.boundary_plot.point_removed.connect(self.edits.remove_point)

        self.phase_panel.phase_changed.connect(self.glossary.show_phase)
        self.phase_panel.sample_changed.connect(c.set_sample)
        self.glossary.screen_parts_requested.connect(self.highlighter.flash)
        self.glossary_links.entry_requested.connect(self.show_glossary_entry)
        self.canvas.set_show_numbers(a.show_numbers.isChecked())
        c.set_speed(self.controls.speed())

    # -- the document on screen --------------------------------------------------------------

    def current_document(self) -> NetworkDocument:
        """The open document with the weights the network has now (what Save writes)."""
        return self.binding.current_document()

    @Slot(object)
    def _show_loaded(self, loaded: LoadedNetwork) -> None:
        """A new network and data set: every panel forgets the old one."""
        train = loaded.train
        self.boundary_plot.set_data(train, loaded.test)
        self.inspector.set_feature_names(train.feature_names)
        self.canvas.set_network(
            loaded.layer_sizes, loaded.activations, train.feature_names, train.target_names
        )
        self.controls.set_document(loaded.document, loaded.csv_name)
        self.inspector.clear()
        self.gradient_plot.set_network(loaded.layer_sizes)
        self.dispatcher.clear_plots()
        self._update_title()

    @Slot()
    def _show_settings(self, *_: object) -> None:
        self.controls.set_document(self.session.document, self.binding.csv_name)

    def show_error(self, message: Message) -> None:
        """A problem the user should know about, in a banner that does not block."""
        self.banner.show_message(i18n.translate_message(message), "warning")

    # -- files -------------------------------------------------------------------------------

    def _may_discard(self) -> bool:
        answer = self.files.confirm_discard(self.session.modified)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_document(self, document: NetworkDocument, path: Path | None) -> None:
        self.controller.pause()
        self.banner.hide()
        self.binding.csv_name = None
        self.session.open(document, path)

    def open_path(self, path: Path) -> bool:
        """Open ``path``; on failure say why and keep the open network untouched."""
        document = self.files.load(path)
        if document is None:
            return False
        self.open_document(document, path)
        return True

    @Slot()
    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    @Slot()
    def save_as(self) -> bool:
        path = self.files.ask_save_path()
        return path is not None and self.save_to(path)

    def save_to(self, path: Path) -> bool:
        if self.files.save_to(path):
            self.session.mark_saved(path)
            return True
        return False

    def export_history(self, path: Path) -> int:
        """Write every iteration received so far to ``path`` (CSV); returns the row count."""
        self.dispatcher.flush_plots()
        n_layers = len(self.session.document.layer_sizes) - 1
        try:
            return write_history_csv(
                self.loss_plot.buffers, self.gradient_plot.buffers, n_layers, path
            )
        except OSError as error:
            self.banner.show_message(
                QCoreApplication.translate(
                    "MainWindow", "The history could not be written to {path}: {reason}"
                ).format(path=path.name, reason=error.strerror or str(error))
            )
            return 0

    @Slot()
    def _on_new(self) -> None:
        if self._may_discard():
            self.open_document(default_document(), None)

    @Slot(object)
    def _on_preset_chosen(self, path: Path) -> None:
        if self._may_discard():
            document = self.files.load(path)
            if document is not None:
                self.open_document(document, None)

    @Slot()
    def _on_open(self) -> None:
        if not self._may_discard():
            return
        path = self.files.ask_open_path()
        if path is not None:
            self.open_path(path)

    @Slot(object)
    def _on_recent_chosen(self, path: Path) -> None:
        if self._may_discard():
            self.open_path(path)

    @Slot()
    def _on_export_history(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "Export the training history"),
            QCoreApplication.translate("MainWindow", "history.csv"),
            QCoreApplication.translate("MainWindow", "CSV tables (*.csv)"),
        )
        if name:
            self.export_history(Path(name))

    # -- language and help -------------------------------------------------------------------

    @Slot()
    def _on_language_chosen(self) -> None:
        language = "fr" if self.sender() is self.actions.language_fr else "en"
        i18n.install_translators(QApplication.instance(), language)
        i18n.save_language(language)
        self.glossary.set_language(language)

    @Slot()
    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About backprop-gui"),
            QCoreApplication.translate(
                "MainWindow",
                "<h3>backprop-gui {version}</h3><p>Learn backpropagation of the error gradient "
                "step by step: forward pass, error, backward pass and weight update, with every "
                "number shown.</p><p>Works offline. Free software (MIT licence).</p>",
            ).format(version=__version__),
        )

    @Slot()
    def show_how_it_works(self) -> HowItWorksDialog:
        """« Comment ça marche ? »: the four steps of an iteration, beside the window."""
        if self._how_it_works is None:
            self._how_it_works = HowItWorksDialog(self)
            self._how_it_works.glossary_requested.connect(self.show_glossary_entry)
        self._how_it_works.show()
        self._how_it_works.raise_()
        return self._how_it_works

    @Slot(str)
    def show_glossary_entry(self, entry_id: str) -> None:
        self.docks.show_glossary()
        self.glossary.show_entry(entry_id)

    @Slot()
    def _on_glossary_action(self) -> None:
        self.docks.show_glossary()
        self.glossary.findChild(QWidget, "glossary_search").setFocus()

    # -- title and language --------------------------------------------------------------------

    @Slot()
    def _update_title(self, *_: object) -> None:
        document = self.session.document
        path = self.session.path
        name = (
            path.name
            if path
            else (document.title or QCoreApplication.translate("MainWindow", "Untitled network"))
        )
        self.setWindowModified(self.session.modified)
        self.setWindowTitle(f"{name}[*] — backprop-gui")

    def retranslate_ui(self) -> None:
        self.actions.retranslate()
        self.glossary_links.set_language(i18n.current_language())
        self.menus.retranslate()
        self.docks.retranslate()
        self.undo.retranslate()
        language = i18n.current_language()
        self.actions.language_fr.setChecked(language == "fr")
        self.actions.language_en.setChecked(language == "en")
        self.training.retranslate()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing and closing -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            # Dock sizes only take once the window has its real size.
            self._docks_sized = True
            if not has_saved_layout():
                self.docks.fit_to_window()

    @Slot()
    def _on_quit(self) -> None:
        """The application quits (closed or not, this window goes): stop training, delete it.

        Deleted now, while Qt still runs its deferred deletions, rather than by Python's exit
        clean-up, which destroys the remaining objects in no set order and may call the
        Python code of a plot item whose view is already gone (a crash at exit).
        """
        self.controller.shutdown()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.pause()
        if not self._may_discard():
            event.ignore()
            return
        save_window(self)
        self.controller.shutdown()
        event.accept()
