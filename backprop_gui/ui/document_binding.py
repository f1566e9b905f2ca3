"""The open document and the trainer kept in step: every change of the document reaches training.

A settings change goes to the running trainer as it is; any other change (architecture, data,
seed, a file opened) builds a new network and data set and hands a new trainer to the worker.
The weights the worker trains make the document « modified », and Save writes them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from backprop_gui.document import NetworkDocument
from backprop_gui.engine.datasets import Dataset
from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.messages import TranslatableError
from backprop_gui.session import Change, Session
from backprop_gui.training.controller import TrainingController
from backprop_gui.training.worker import HyperparameterSettings, TrainingSetup


@dataclass(frozen=True)
class LoadedNetwork:
    """What the panels show of a document just handed to training."""

    document: NetworkDocument
    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    train: Dataset
    test: Dataset | None
    csv_name: str | None


def hyperparameter_settings(document: NetworkDocument) -> HyperparameterSettings:
    hp = document.hyperparameters
    return HyperparameterSettings(hp.learning_rate, hp.batch_size, hp.momentum, hp.l1, hp.l2)


class DocumentBinding(QObject):
    """Feeds the session's document to the controller; panels listen to its signals."""

    loaded = Signal(object)  # LoadedNetwork: a new trainer is on its way
    settings_changed = Signal(object)  # NetworkDocument whose hyper-parameters changed
    failed = Signal(object)  # Message: the document cannot be trained (bad CSV...)

    def __init__(
        self, session: Session, controller: TrainingController, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._controller = controller
        self.train_set: Dataset | None = None
        self.test_set: Dataset | None = None
        self.csv_name: str | None = None
        """The name of the CSV file the data came from, shown by the controls."""
        session.document_changed.connect(self._on_document_changed)
        session.parameter_edited.connect(controller.set_weight)
        controller.snapshot_ready.connect(self._on_snapshot)

    def current_document(self) -> NetworkDocument:
        """The open document with the weights the network has now (what Save writes)."""
        document = copy.deepcopy(self._session.document)
        snapshot = self._controller.latest
        if snapshot is not None and list(snapshot.layer_sizes) == list(document.layer_sizes):
            document.weights = [w.copy() for w in snapshot.weights]
            document.biases = [b.copy() for b in snapshot.biases]
        return document

    def load(self) -> None:
        """Hand a new trainer to the worker, built from the session's document."""
        document = self._session.document
        try:
            network = document.build_network()
            train, test = document.build_dataset()
        except TranslatableError as error:
            self.failed.emit(error.message)
            return
        self.train_set = train
        self.test_set = test if test.n_samples else None
        self.loaded.emit(
            LoadedNetwork(
                document,
                tuple(network.layer_sizes),
                tuple(network.activations),
                train,
                self.test_set,
                self.csv_name,
            )
        )
        self._controller.load(
            TrainingSetup(
                network=network,
                train=train,
                test=self.test_set,
                settings=hyperparameter_settings(document),
                seed=document.seed,
            )
        )

    @Slot(str)
    def _on_document_changed(self, change: str) -> None:
        if change == Change.SETTINGS:
            document = self._session.document
            self.settings_changed.emit(document)
            self._controller.set_settings(hyperparameter_settings(document))
        else:
            self.load()

    @Slot(object)
    def _on_snapshot(self, snapshot: TrainerSnapshot) -> None:
        if snapshot.iteration > 0:
            self._session.mark_trained()
