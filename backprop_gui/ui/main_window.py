"""The main window: builds the panels, wires them to the session and the training thread.

It holds no math and little logic: the document is edited through the session's undo stack,
training happens in the worker (through the controller), and every panel draws snapshots.
"""

from __future__ import annotations

import copy
import dataclasses
import random
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QLocale,
    QSettings,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from backprop_gui import __version__, editing, i18n
from backprop_gui.document import (
    DocumentError,
    EmbeddedCsv,
    NetworkDocument,
    default_document,
    preset_paths,
)
from backprop_gui.document import load as load_document
from backprop_gui.engine.datasets import Dataset
from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.engine.trainer import Phase
from backprop_gui.messages import QT_TRANSLATE_NOOP, Message, TranslatableError
from backprop_gui.session import Change, Session
from backprop_gui.training.controller import TrainingController
from backprop_gui.training.worker import HyperparameterSettings, TrainingSetup
from backprop_gui.ui.actions import WindowActions
from backprop_gui.ui.canvas import NetworkView
from backprop_gui.ui.controls_panel import ControlsPanel
from backprop_gui.ui.csv_import_dialog import CsvImportDialog
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

GEOMETRY_SETTING = "window/geometry"
STATE_SETTING = "window/state"
MAX_SEED = 2**31 - 1


def phase_name(phase: Phase | None) -> str:
    """The phase's name for the status bar, in the current language."""
    names = {
        None: QCoreApplication.translate("MainWindow", "ready"),
        Phase.FORWARD: QCoreApplication.translate("MainWindow", "forward pass"),
        Phase.LOSS: QCoreApplication.translate("MainWindow", "error computation"),
        Phase.BACKWARD: QCoreApplication.translate("MainWindow", "backpropagation"),
        Phase.UPDATE: QCoreApplication.translate("MainWindow", "weight update"),
    }
    return names[phase]


class MainWindow(QMainWindow):
    """The application window: canvas in the centre, controls left, inspector right."""

    def __init__(self, document: NetworkDocument | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.session = Session(document or default_document(), self)
        self.controller = TrainingController(self)
        self.actions = WindowActions(self)
        self.files = FileActions(self, self.current_document, lambda: self.session.path)
        self._train_set: Dataset | None = None
        self._test_set: Dataset | None = None
        self._csv_name: str | None = None
        self._docks_sized = False
        self._plot_queue: list[TrainerSnapshot] = []

        self.canvas = NetworkView()
        self.phase_panel = PhasePanel()
        self.banner = MessageBanner()
        self.inspector = InspectorPanel()
        self.controls = ControlsPanel()
        self.loss_plot = LossPlot()
        self.gradient_plot = GradientPlot()
        self.boundary_plot = BoundaryPlot()
        self.glossary = GlossaryPanel(language=i18n.current_language())
        self.highlighter = ScreenHighlighter(self)
        self._how_it_works: HowItWorksDialog | None = None
        self._build_layout()
        self._build_menus()
        self._build_toolbar()
        # The phase panel (and the sample selector inside it) speaks of the iteration.
        self.phase_panel.setProperty("glossary_term", "iteration")
        self.glossary_links = GlossaryLinks(self)
        self._connect()
        self.retranslate_ui()
        self._restore_settings()
        self._load_trainer()

    # -- construction ------------------------------------------------------------------------

    def _build_layout(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.phase_panel)
        layout.addWidget(self.canvas, 1)
        self.setCentralWidget(central)

        self.controls_dock = QDockWidget()
        self.controls_dock.setObjectName("controls_dock")
        self.controls_dock.setWidget(self.controls)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.controls_dock)
        self.inspector_dock = self._dock("inspector_dock", self.inspector)
        self.loss_dock = self._dock("loss_dock", self.loss_plot)
        self.gradient_dock = self._dock("gradient_dock", self.gradient_plot)
        self.boundary_dock = self._dock("boundary_dock", self.boundary_plot)
        self.glossary_dock = self._dock("glossary_dock", self.glossary)
        # Right: the inspector over the loss curve, both visible; gradients and glossary tabbed.
        self.splitDockWidget(self.inspector_dock, self.loss_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.inspector_dock, self.gradient_dock)
        self.tabifyDockWidget(self.inspector_dock, self.glossary_dock)
        self.tabifyDockWidget(self.loss_dock, self.boundary_dock)
        self.inspector_dock.raise_()
        self.loss_dock.raise_()
        self.resizeDocks(
            [self.controls_dock, self.inspector_dock], [290, 360], Qt.Orientation.Horizontal
        )

        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.statusBar().addPermanentWidget(self.status_label, 1)

    def _dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget()
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
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
        stack = self.session.undo_stack
        self.undo_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack), "", self
        )
        self.undo_action.setObjectName("action_undo")
        self.undo_action.setShortcut("Ctrl+Z")
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.redo_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward), "", self
        )
        self.redo_action.setObjectName("action_redo")
        self.redo_action.setShortcuts(["Ctrl+Shift+Z", "Ctrl+Y"])
        self.redo_action.setEnabled(False)
        self.redo_action.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.indexChanged.connect(self._update_undo_tooltips)
        self.edit_menu.addActions([self.undo_action, self.redo_action])

        self.training_menu = bar.addMenu("")
        self.training_menu.addActions([a.run, a.step_phase, a.step_iteration, a.step_epoch])
        self.training_menu.addSeparator()
        self.training_menu.addActions([a.reset, a.reinitialize])
        self.training_menu.addSeparator()
        self.training_menu.addAction(a.gradient_check)

        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(a.show_numbers)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.controls_dock.toggleViewAction())
        for dock in (
            self.inspector_dock,
            self.loss_dock,
            self.gradient_dock,
            self.boundary_dock,
            self.glossary_dock,
        ):
            self.view_menu.addAction(dock.toggleViewAction())
        self.language_menu = self.view_menu.addMenu("")
        languages = QActionGroup(self)
        for action in (a.language_fr, a.language_en):
            languages.addAction(action)
            self.language_menu.addAction(action)

        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([a.how_it_works, a.glossary])
        self.help_menu.addSeparator()
        self.help_menu.addAction(a.about)
        self._fill_presets_menu()
        self._fill_recent_menu(self.files.recent_files())

    def _build_toolbar(self) -> None:
        a = self.actions
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        self.toolbar.addActions([a.run, a.step_phase, a.step_iteration, a.step_epoch])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.reset, a.reinitialize, a.gradient_check])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo_action, self.redo_action, a.show_numbers])
        # Undo and redo are known by their arrows (and their tooltips): room for the rest.
        for action in (self.undo_action, self.redo_action):
            self.toolbar.widgetForAction(action).setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonIconOnly
            )

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
            action.triggered.connect(self._on_preset_chosen)

    @Slot(list)
    def _fill_recent_menu(self, paths: list[Path]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(self._on_recent_chosen)
        self.recent_menu.setEnabled(bool(paths))

    def _connect(self) -> None:
        a, c, s = self.actions, self.controller, self.session
        a.run.triggered.connect(self._on_run_triggered)
        a.step_phase.triggered.connect(c.step_phase)
        a.step_iteration.triggered.connect(c.step_iteration)
        a.step_epoch.triggered.connect(c.step_epoch)
        a.reset.triggered.connect(self._on_reset)
        a.reinitialize.triggered.connect(self._on_reinitialize)
        a.gradient_check.triggered.connect(c.check_gradient)
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
        self.files.recent_files_changed.connect(self._fill_recent_menu)

        c.snapshot_ready.connect(self._on_snapshot)
        c.running_changed.connect(self._on_running_changed)
        c.diverged.connect(self._on_diverged)
        c.failed.connect(self._on_failed)
        c.gradient_checked.connect(self._on_gradient_checked)

        s.document_changed.connect(self._on_document_changed)
        s.parameter_edited.connect(self._on_parameter_edited)
        s.modified_changed.connect(self._update_title)
        s.path_changed.connect(self._update_title)

        self.canvas.edge_selected.connect(self.inspector.show_edge)
        self.canvas.edge_selected.connect(self.gradient_plot.select_weight)
        self.canvas.selection_cleared.connect(self.gradient_plot.clear_selection)
        self.gradient_plot.weight_selected.connect(self._on_plot_weight_selected)
        self.phase_panel.phase_changed.connect(self.glossary.show_phase)
        self.loss_dock.visibilityChanged.connect(self._on_plot_dock_shown)
        self.gradient_dock.visibilityChanged.connect(self._on_plot_dock_shown)
        self.boundary_dock.visibilityChanged.connect(self._on_plot_dock_shown)
        self.canvas.neuron_hovered.connect(self._on_neuron_hovered)
        self.boundary_plot.point_added.connect(self._on_point_added)
        self.boundary_plot.point_removed.connect(self._on_point_removed)
        self.glossary.screen_parts_requested.connect(self.highlighter.flash)
        self.glossary_links.entry_requested.connect(self.show_glossary_entry)
        self.canvas.neuron_selected.connect(self.inspector.show_neuron)
        self.canvas.selection_cleared.connect(self.inspector.clear)
        self.canvas.weight_edit_requested.connect(self._on_weight_edit_requested)
        self.canvas.bias_edit_requested.connect(self._on_bias_edit_requested)
        self.canvas.structure_edit_requested.connect(self._on_structure_edit_requested)
        self.phase_panel.sample_changed.connect(c.set_sample)

        self.controls.hyperparameters_changed.connect(self._on_hyperparameters_changed)
        self.controls.dataset_changed.connect(self._on_dataset_changed)
        self.controls.seed_changed.connect(self._on_seed_changed)
        self.controls.speed_changed.connect(c.set_speed)
        self.controls.csv_import_requested.connect(self._on_csv_import_requested)
        self.canvas.set_show_numbers(a.show_numbers.isChecked())
        c.set_speed(self.controls.speed())

    # -- the document and the trainer --------------------------------------------------------

    def current_document(self) -> NetworkDocument:
        """The open document with the weights the network has now (what Save writes)."""
        document = copy.deepcopy(self.session.document)
        snapshot = self.controller.latest
        if snapshot is not None and list(snapshot.layer_sizes) == list(document.layer_sizes):
            document.weights = [w.copy() for w in snapshot.weights]
            document.biases = [b.copy() for b in snapshot.biases]
        return document

    def _load_trainer(self) -> None:
        """Hand a new trainer to the worker, built from the session's document."""
        document = self.session.document
        try:
            network = document.build_network()
            train, test = document.build_dataset()
        except TranslatableError as error:
            self.show_error(error.message)
            return
        self._train_set = train
        self._test_set = test if test.n_samples else None
        self.boundary_plot.set_data(train, self._test_set)
        self.inspector.set_feature_names(train.feature_names)
        self.canvas.set_network(
            network.layer_sizes, network.activations, train.feature_names, train.target_names
        )
        self.controls.set_document(document, self._csv_name)
        self.inspector.clear()
        self.gradient_plot.set_network(network.layer_sizes)
        self._clear_plots()
        self.controller.load(
            TrainingSetup(
                network=network,
                train=train,
                test=test if test.n_samples else None,
                settings=self._settings(document),
                seed=document.seed,
            )
        )
        self._update_title()

    @staticmethod
    def _settings(document: NetworkDocument) -> HyperparameterSettings:
        hp = document.hyperparameters
        return HyperparameterSettings(hp.learning_rate, hp.batch_size, hp.momentum, hp.l1, hp.l2)

    @Slot(str)
    def _on_document_changed(self, change: str) -> None:
        if change == Change.SETTINGS:
            self.controls.set_document(self.session.document, self._csv_name)
            self.controller.set_settings(self._settings(self.session.document))
        else:
            self._load_trainer()

    @Slot(int, int, int, float)
    def _on_parameter_edited(self, layer: int, j: int, i: int, value: float) -> None:
        self.controller.set_weight(layer, j, i, value)

    def _edit(self, document: NetworkDocument, text: str, change: str) -> None:
        """Pause, then apply an edit through the undo stack; bad edits are explained."""
        self.controller.pause()
        try:
            self.session.edit(document, text, change)
        except TranslatableError as error:
            self.show_error(error.message)

    # -- slots: training ---------------------------------------------------------------------

    @Slot(object)
    def _on_snapshot(self, snapshot: TrainerSnapshot) -> None:
        self.canvas.show_snapshot(snapshot)
        self.phase_panel.show_snapshot(snapshot)
        self.inspector.show_snapshot(snapshot)
        # The plots in a turn of the event loop of their own: no single long pause of the GUI.
        if not self._plot_queue:
            QTimer.singleShot(0, self, self._update_plots)
        self._plot_queue.append(snapshot)
        if snapshot.iteration > 0:
            self.session.mark_trained()
        self._update_status(snapshot)

    def _update_status(self, snapshot: TrainerSnapshot | None) -> None:
        if snapshot is None:
            self.status_label.clear()
            return
        text = QCoreApplication.translate(
            "MainWindow", "Iteration {iteration} · Epoch {epoch} · Phase: {phase}"
        ).format(
            # The iteration and epoch under way, as the phase panel counts them.
            iteration=snapshot.iteration + (snapshot.next_phase is not Phase.FORWARD),
            epoch=snapshot.epoch + snapshot.epoch_started,
            phase=phase_name(snapshot.phase),
        )
        if snapshot.loss is not None:
            text += QCoreApplication.translate("MainWindow", " · Loss: {loss}").format(
                loss=QLocale().toString(snapshot.loss, "g", 4)
            )
        self.status_label.setText(text)

    @Slot(bool)
    def _on_run_triggered(self, checked: bool) -> None:
        if checked:
            self.banner.hide()
            self.controller.run()
        else:
            self.controller.pause()

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        a = self.actions
        a.run.setChecked(running)
        a.run.setIcon(
            self.style().standardIcon(
                self.style().StandardPixmap.SP_MediaPause
                if running
                else self.style().StandardPixmap.SP_MediaPlay
            )
        )
        a.run.setIconText(
            QCoreApplication.translate("MainWindow", "Pause")
            if running
            else QCoreApplication.translate("MainWindow", "Run")
        )

    @Slot(object)
    def _on_diverged(self, message: Message) -> None:
        self.banner.show_message(i18n.translate_message(message), "warning")
        iteration = int(message.params.get("iteration", 0))
        self.loss_plot.mark_divergence(iteration)
        self.gradient_plot.mark_divergence(iteration)

    @Slot()
    def _update_plots(self) -> None:
        """Hand the queued snapshots to the plots, in order (their history is incremental)."""
        queue, self._plot_queue = self._plot_queue, []
        for snapshot in queue:
            self.loss_plot.show_snapshot(snapshot)
            self.gradient_plot.show_snapshot(snapshot)
        latest_grid = next((s.boundary for s in reversed(queue) if s.boundary is not None), None)
        if latest_grid is not None:
            self.boundary_plot.show_grid(latest_grid)

    @Slot(bool)
    def _on_plot_dock_shown(self, visible: bool) -> None:
        if visible:
            self.loss_plot.refresh()
            self.gradient_plot.refresh()
            self.boundary_plot.refresh()

    def _clear_plots(self) -> None:
        self.loss_plot.clear()
        self.gradient_plot.clear()

    @Slot(int, int)
    def _on_neuron_hovered(self, layer: int, index: int) -> None:
        """A hidden neuron under the pointer: the boundary plot shows that neuron's own map."""
        if 0 < layer < len(self.session.document.layer_sizes) - 1:
            self.boundary_plot.show_neuron(layer, index)
        else:
            self.boundary_plot.show_output()

    @Slot(float, float, int)
    def _on_point_added(self, x: float, y: float, label: int) -> None:
        if self._train_set is None:
            return
        document = editing.add_point(
            self.current_document(), self._train_set, self._test_set, x, y, label
        )
        self._edit(
            document, QCoreApplication.translate("MainWindow", "add a point"), Change.ARCHITECTURE
        )

    @Slot(int)
    def _on_point_removed(self, index: int) -> None:
        if self._train_set is None:
            return
        document = editing.remove_point(
            self.current_document(), self._train_set, self._test_set, index
        )
        self._edit(
            document,
            QCoreApplication.translate("MainWindow", "remove a point"),
            Change.ARCHITECTURE,
        )

    @Slot(int, int, int)
    def _on_plot_weight_selected(self, layer: int, j: int, i: int) -> None:
        self.canvas.select_edge(layer, j, i)
        self.inspector.show_edge(layer, j, i)

    @Slot(object)
    def _on_failed(self, message: Message) -> None:
        self.show_error(message)

    @Slot(float)
    def _on_gradient_checked(self, worst: float) -> None:
        number = QLocale().toString(worst, "g", 2)
        if worst < 1e-5:
            text = QCoreApplication.translate(
                "MainWindow",
                "Gradient check: the largest relative gap between backpropagation and finite "
                "differences is {gap}. Below 1e-5 they agree: backpropagation computes the true "
                "gradient of the error.",
            )
            kind = "info"
        else:
            text = QCoreApplication.translate(
                "MainWindow",
                "Gradient check: the largest relative gap between backpropagation and finite "
                "differences is {gap}. Above 1e-5 they disagree (a ReLU exactly at its kink can "
                "cause this, or a very saturated network).",
            )
            kind = "warning"
        self.banner.show_message(text.format(gap=number), kind)

    @Slot()
    def _on_reset(self) -> None:
        self.banner.hide()
        self._clear_plots()
        self.controller.reset()

    @Slot()
    def _on_reinitialize(self) -> None:
        document = copy.deepcopy(self.session.document)
        document.seed = random.randint(0, MAX_SEED)
        document.weights = document.biases = None
        self._edit(
            document, QCoreApplication.translate("MainWindow", "new random weights"), Change.SEED
        )

    # -- slots: edits from the panels ---------------------------------------------------------

    @Slot(object)
    def _on_hyperparameters_changed(self, hyperparameters) -> None:
        document = copy.deepcopy(self.session.document)
        document.hyperparameters = hyperparameters
        self.session.edit(
            document,
            QCoreApplication.translate("MainWindow", "change the settings"),
            Change.SETTINGS,
        )

    @Slot(object)
    def _on_dataset_changed(self, spec) -> None:
        document = self.current_document()
        document.dataset = spec
        try:
            train, _ = document.build_dataset()
            document = editing.fit_to_dataset(document, train)
        except TranslatableError as error:
            self.show_error(error.message)
            self.controls.set_document(self.session.document, self._csv_name)
            return
        self._edit(
            document,
            QCoreApplication.translate("MainWindow", "change the data"),
            Change.ARCHITECTURE,
        )

    @Slot(int)
    def _on_seed_changed(self, seed: int) -> None:
        document = copy.deepcopy(self.session.document)
        document.seed = seed
        document.weights = document.biases = None
        self._edit(
            document, QCoreApplication.translate("MainWindow", "change the seed"), Change.SEED
        )

    @Slot()
    def _on_csv_import_requested(self) -> None:
        self.controller.pause()
        dialog = CsvImportDialog(self)
        if dialog.exec() and dialog.dataset() is not None:
            dataset = dialog.dataset()
            self._csv_name = Path(dialog.source_path()).name
            document = self.current_document()
            document.dataset = dataclasses.replace(
                document.dataset,
                name="csv",
                n_samples=None,
                noise=None,
                csv=EmbeddedCsv.from_dataset(dataset),
            )
            try:
                document = editing.fit_to_dataset(document, dataset)
            except TranslatableError as error:
                self.show_error(error.message)
                return
            self._edit(
                document,
                QCoreApplication.translate("MainWindow", "import a CSV file"),
                Change.ARCHITECTURE,
            )
        else:
            self.controls.set_document(self.session.document, self._csv_name)

    @Slot(int, int, int, float)
    def _on_weight_edit_requested(self, layer: int, j: int, i: int, value: float) -> None:
        snapshot = self.controller.latest
        if snapshot is None:
            return
        self.controller.pause()
        old = float(snapshot.weights[layer][j, i])
        self.session.edit_parameter(
            layer, j, i, old, value, QCoreApplication.translate("MainWindow", "edit a weight")
        )

    @Slot(int, int, float)
    def _on_bias_edit_requested(self, layer: int, j: int, value: float) -> None:
        snapshot = self.controller.latest
        if snapshot is None:
            return
        self.controller.pause()
        # The canvas numbers layers from the inputs; biases[l - 1] belongs to layer l.
        old = float(snapshot.biases[layer - 1][j])
        self.session.edit_parameter(
            layer - 1, j, -1, old, value, QCoreApplication.translate("MainWindow", "edit a bias")
        )

    @Slot(str, int, object)
    def _on_structure_edit_requested(self, action: str, layer: int, argument) -> None:
        document = self.current_document()
        edits = {
            "add_layer": (
                editing.add_hidden_layer,
                (layer,),
                QT_TRANSLATE_NOOP("MainWindow", "add a layer"),
            ),
            "remove_layer": (
                editing.remove_hidden_layer,
                (layer,),
                QT_TRANSLATE_NOOP("MainWindow", "remove a layer"),
            ),
            "add_neuron": (
                editing.add_neuron,
                (layer,),
                QT_TRANSLATE_NOOP("MainWindow", "add a neuron"),
            ),
            "remove_neuron": (
                editing.remove_neuron,
                (layer, argument),
                QT_TRANSLATE_NOOP("MainWindow", "remove a neuron"),
            ),
            "set_activation": (
                editing.set_activation,
                (layer, argument),
                QT_TRANSLATE_NOOP("MainWindow", "change an activation"),
            ),
            "set_loss": (
                editing.set_loss,
                (argument,),
                QT_TRANSLATE_NOOP("MainWindow", "change the loss function"),
            ),
        }
        function, arguments, text = edits[action]
        try:
            edited = function(document, *arguments)
        except TranslatableError as error:
            self.show_error(error.message)
            return
        self._edit(edited, QCoreApplication.translate("MainWindow", text), Change.ARCHITECTURE)

    # -- slots: files ------------------------------------------------------------------------

    def _may_discard(self) -> bool:
        answer = self.files.confirm_discard(self.session.modified)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_document(self, document: NetworkDocument, path: Path | None) -> None:
        self.controller.pause()
        self.banner.hide()
        self._csv_name = None
        self.session.open(document, path)

    @Slot()
    def _on_new(self) -> None:
        if self._may_discard():
            self.open_document(default_document(), None)

    @Slot()
    def _on_preset_chosen(self) -> None:
        path = Path(self.sender().data())
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

    def open_path(self, path: Path) -> bool:
        """Open ``path``; on failure say why and keep the open network untouched."""
        document = self.files.load(path)
        if document is None:
            return False
        self.open_document(document, path)
        return True

    @Slot()
    def _on_recent_chosen(self) -> None:
        path = Path(self.sender().data())
        if self._may_discard():
            self.open_path(path)

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

    def export_history(self, path: Path) -> int:
        """Write every iteration received so far to ``path`` (CSV); returns the row count."""
        self._update_plots()
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

    # -- slots: language and help ------------------------------------------------------------

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
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        self.glossary.show_entry(entry_id)

    @Slot()
    def _on_glossary_action(self) -> None:
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        self.glossary.findChild(QWidget, "glossary_search").setFocus()

    # -- messages, title, language -------------------------------------------------------------

    def show_error(self, message: Message) -> None:
        """A problem the user should know about, in a banner that does not block."""
        self.banner.show_message(i18n.translate_message(message), "warning")

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
        translate = QCoreApplication.translate
        self.actions.retranslate()
        self.glossary_links.set_language(i18n.current_language())
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.presets_menu.setTitle(translate("MainWindow", "New from an &example"))
        self.recent_menu.setTitle(translate("MainWindow", "Open &recent"))
        self.edit_menu.setTitle(translate("MainWindow", "&Edit"))
        self.training_menu.setTitle(translate("MainWindow", "&Training"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.toolbar.setWindowTitle(translate("MainWindow", "Training"))
        self.controls_dock.setWindowTitle(translate("MainWindow", "Settings"))
        self.inspector_dock.setWindowTitle(translate("MainWindow", "Inspector"))
        self.loss_dock.setWindowTitle(translate("MainWindow", "Loss"))
        self.gradient_dock.setWindowTitle(translate("MainWindow", "Gradients"))
        self.glossary_dock.setWindowTitle(translate("MainWindow", "Glossary"))
        self.boundary_dock.setWindowTitle(translate("MainWindow", "Decision boundary"))
        self.undo_action.setText(translate("MainWindow", "Undo"))
        self.redo_action.setText(translate("MainWindow", "Redo"))
        self._update_undo_tooltips()
        language = i18n.current_language()
        self.actions.language_fr.setChecked(language == "fr")
        self.actions.language_en.setChecked(language == "en")
        self._on_running_changed(self.controller.running)
        self._update_status(self.controller.latest)
        self._update_title()

    @Slot()
    def _update_undo_tooltips(self, *_: object) -> None:
        """Name the edit that undo or redo would touch, e.g. « Annuler : ajouter un neurone »."""
        stack = self.session.undo_stack
        for action, command, label in (
            (self.undo_action, stack.undoText(), QCoreApplication.translate("MainWindow", "Undo")),
            (self.redo_action, stack.redoText(), QCoreApplication.translate("MainWindow", "Redo")),
        ):
            tip = (
                QCoreApplication.translate("MainWindow", "{action}: {edit}").format(
                    action=label, edit=command
                )
                if command
                else label
            )
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- settings and closing ----------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_SETTING)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = settings.value(STATE_SETTING)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            # Dock sizes only take once the window has its real size.
            self._docks_sized = True
            if not isinstance(QSettings().value(STATE_SETTING), QByteArray):
                self.resizeDocks(
                    [self.controls_dock, self.inspector_dock], [280, 360], Qt.Orientation.Horizontal
                )
                height = self.height()
                self.resizeDocks(
                    [self.inspector_dock, self.loss_dock],
                    [int(height * 0.42), int(height * 0.58)],
                    Qt.Orientation.Vertical,
                )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.pause()
        if not self._may_discard():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue(GEOMETRY_SETTING, self.saveGeometry())
        settings.setValue(STATE_SETTING, self.saveState())
        self.controller.shutdown()
        event.accept()
