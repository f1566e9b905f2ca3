"""What the panels ask to change, made into undoable edits of the document.

Each request (a setting, the data set, the seed, a typed weight, a layer added on the canvas,
a point clicked on the boundary plot...) pauses training, builds the edited document with
``backprop_gui.editing`` and pushes it on the session's undo stack under a name the Edit menu
shows (« Annuler : ajouter un neurone »). An edit that cannot be made is explained instead.
"""

from __future__ import annotations

import copy
import dataclasses
import random
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from backprop_gui import editing
from backprop_gui.document import EmbeddedCsv, Hyperparameters, NetworkDocument
from backprop_gui.messages import QT_TRANSLATE_NOOP, TranslatableError
from backprop_gui.session import Change, Session
from backprop_gui.training.controller import TrainingController
from backprop_gui.ui.csv_import_dialog import CsvImportDialog
from backprop_gui.ui.document_binding import DocumentBinding

MAX_SEED = 2**31 - 1


class DocumentEdits(QObject):
    """Slots for the panels' change requests; ``refused`` says why one could not be made."""

    refused = Signal(object)  # Message
    controls_outdated = Signal()  # a refused data change: the controls show the document again

    def __init__(
        self,
        window: QWidget,
        session: Session,
        controller: TrainingController,
        binding: DocumentBinding,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._controller = controller
        self._binding = binding

    # -- settings, data and seed (the controls panel) -----------------------------------------

    @Slot(object)
    def change_hyperparameters(self, hyperparameters: Hyperparameters) -> None:
        document = copy.deepcopy(self._session.document)
        document.hyperparameters = hyperparameters
        self._session.edit(
            document,
            QCoreApplication.translate("MainWindow", "change the settings"),
            Change.SETTINGS,
        )

    @Slot(object)
    def change_dataset(self, spec) -> None:
        document = self._binding.current_document()
        document.dataset = spec
        try:
            train, _ = document.build_dataset()
            document = editing.fit_to_dataset(document, train)
        except TranslatableError as error:
            self.refused.emit(error.message)
            self.controls_outdated.emit()
            return
        self.apply(
            document,
            QCoreApplication.translate("MainWindow", "change the data"),
            Change.ARCHITECTURE,
        )

    @Slot(int)
    def change_seed(self, seed: int) -> None:
        document = copy.deepcopy(self._session.document)
        document.seed = seed
        document.weights = document.biases = None
        self.apply(
            document, QCoreApplication.translate("MainWindow", "change the seed"), Change.SEED
        )

    @Slot()
    def new_random_weights(self) -> None:
        document = copy.deepcopy(self._session.document)
        document.seed = random.randint(0, MAX_SEED)
        document.weights = document.biases = None
        self.apply(
            document, QCoreApplication.translate("MainWindow", "new random weights"), Change.SEED
        )

    @Slot()
    def import_csv(self) -> None:
        self._controller.pause()
        dialog = CsvImportDialog(self._window)
        dataset = dialog.dataset() if dialog.exec() else None
        if dataset is None:
            self.controls_outdated.emit()
            return
        self._binding.csv_name = Path(dialog.source_path()).name
        document = self._binding.current_document()
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
            self.refused.emit(error.message)
            return
        self.apply(
            document,
            QCoreApplication.translate("MainWindow", "import a CSV file"),
            Change.ARCHITECTURE,
        )

    # -- the network (the canvas) -------------------------------------------------------------

    @Slot(int, int, int, float)
    def edit_weight(self, layer: int, j: int, i: int, value: float) -> None:
        snapshot = self._controller.latest
        if snapshot is None:
            return
        self._controller.pause()
        old = float(snapshot.weights[layer][j, i])
        self._session.edit_parameter(
            layer, j, i, old, value, QCoreApplication.translate("MainWindow", "edit a weight")
        )

    @Slot(int, int, float)
    def edit_bias(self, layer: int, j: int, value: float) -> None:
        snapshot = self._controller.latest
        if snapshot is None:
            return
        self._controller.pause()
        # The canvas numbers layers from the inputs; biases[l - 1] belongs to layer l.
        old = float(snapshot.biases[layer - 1][j])
        self._session.edit_parameter(
            layer - 1, j, -1, old, value, QCoreApplication.translate("MainWindow", "edit a bias")
        )

    @Slot(str, int, object)
    def edit_structure(self, action: str, layer: int, argument) -> None:
        """A layer or neuron added or removed, an activation or the loss changed on the canvas."""
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
            edited = function(self._binding.current_document(), *arguments)
        except TranslatableError as error:
            self.refused.emit(error.message)
            return
        self.apply(edited, QCoreApplication.translate("MainWindow", text), Change.ARCHITECTURE)

    # -- the data (points clicked on the boundary plot) ---------------------------------------

    @Slot(float, float, int)
    def add_point(self, x: float, y: float, label: int) -> None:
        train = self._binding.train_set
        if train is None:
            return
        document = editing.add_point(
            self._binding.current_document(), train, self._binding.test_set, x, y, label
        )
        self.apply(
            document, QCoreApplication.translate("MainWindow", "add a point"), Change.ARCHITECTURE
        )

    @Slot(int)
    def remove_point(self, index: int) -> None:
        train = self._binding.train_set
        if train is None:
            return
        document = editing.remove_point(
            self._binding.current_document(), train, self._binding.test_set, index
        )
        self.apply(
            document,
            QCoreApplication.translate("MainWindow", "remove a point"),
            Change.ARCHITECTURE,
        )

    def apply(self, document: NetworkDocument, text: str, change: str) -> None:
        """Pause, then apply an edit through the undo stack; bad edits are explained."""
        self._controller.pause()
        try:
            self._session.edit(document, text, change)
        except TranslatableError as error:
            self.refused.emit(error.message)
