"""The training controls: speed, hyper-parameters and data set, as one scrollable dock panel.

The panel never edits the document itself: it shows a document (``set_document``) and emits
the new Hyperparameters / DatasetSpec / seed the user asked for; the main window applies them.
Each group box is its own class (``controls_training``, ``controls_hyperparameters``,
``controls_dataset``); the panel stacks them, lines their labels up and sizes the dock.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backprop_gui.document import NetworkDocument
from backprop_gui.ui.controls_dataset import IMPORT_ENTRY, MAX_TEST_PERCENT, DatasetGroup
from backprop_gui.ui.controls_dice import DICE_MAX_SEED
from backprop_gui.ui.controls_editing import EDIT_DELAY_MS
from backprop_gui.ui.controls_fields import LINE_EDIT_MARGIN, CompactDoubleSpinBox, minimum_width
from backprop_gui.ui.controls_hyperparameters import (
    DEFAULT_REGULARIZATION_STRENGTH,
    MIN_LEARNING_RATE,
    REGULARIZATION_KINDS,
    HyperparametersGroup,
)
from backprop_gui.ui.controls_training import DEFAULT_SPEED, SPEEDS, TrainingGroup

__all__ = [  # the names this module offered before its groups got modules of their own
    "DEFAULT_REGULARIZATION_STRENGTH",
    "DEFAULT_SPEED",
    "DICE_MAX_SEED",
    "EDIT_DELAY_MS",
    "IMPORT_ENTRY",
    "LINE_EDIT_MARGIN",
    "MAX_TEST_PERCENT",
    "MIN_LEARNING_RATE",
    "REGULARIZATION_KINDS",
    "SPEEDS",
    "CompactDoubleSpinBox",
    "ControlsPanel",
]


class ControlsPanel(QWidget):
    """Speed, learning rate, batch, momentum, regularization, data set, split and seeds."""

    hyperparameters_changed = Signal(object)
    """A new :class:`Hyperparameters`."""
    dataset_changed = Signal(object)
    """A new :class:`DatasetSpec`."""
    seed_changed = Signal(int)
    """The seed of the initial weights."""
    speed_changed = Signal(int)
    """Iterations per second; 0 means as fast as possible."""
    csv_import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controls_panel")
        self._label_width = 0
        """The width every label of the form column gets, so all fields start at the same x."""

        self._training_group = TrainingGroup()
        self._training_group.speed_changed.connect(self.speed_changed)
        self._training_group.seed_changed.connect(self.seed_changed)
        self._hyper_group = HyperparametersGroup()
        self._hyper_group.hyperparameters_changed.connect(self.hyperparameters_changed)
        self._data_group = DatasetGroup()
        self._data_group.dataset_changed.connect(self.dataset_changed)
        self._data_group.csv_import_requested.connect(self.csv_import_requested)
        self._groups = (self._training_group, self._hyper_group, self._data_group)

        self._content = QWidget()
        self._content.setObjectName("controls_content")
        column = QVBoxLayout(self._content)
        for group in self._groups:
            column.addWidget(group)
        column.addStretch(1)

        self._scroll = QScrollArea()
        self._scroll.setObjectName("controls_scroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)

        self._fit_to_texts()

    # -- public API -----------------------------------------------------------------------------

    def set_document(self, document: NetworkDocument, csv_name: str | None = None) -> None:
        """Show ``document``'s values; emits nothing. ``csv_name`` names embedded data (a file)."""
        self._hyper_group.set_hyperparameters(document.hyperparameters)
        self._data_group.set_dataset(document.dataset, csv_name)
        self._training_group.set_seed(document.seed)

    def set_speed(self, iterations_per_second: int) -> None:
        """Show the closest offered speed (0: as fast as possible); emits nothing."""
        self._training_group.set_speed(iterations_per_second)

    def speed(self) -> int:
        """The chosen iterations per second; 0 means as fast as possible."""
        return self._training_group.speed()

    def retranslate_ui(self) -> None:
        """Re-set every visible text in the current language."""
        for group in self._groups:
            group.retranslate_ui()
        self._fit_to_texts()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LanguageChange:
            # QWidget passes LanguageChange to its children after this panel's changeEvent:
            # only now have the groups re-translated the texts the widths depend on.
            self._fit_to_texts()
        return handled

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_texts()
        super().changeEvent(event)

    # -- size -----------------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        """As narrow as the content allows (labels then go above their fields), never narrower.

        The scroll area alone would let the dock squeeze the content and cut its fields.
        """
        hint = super().minimumSizeHint()
        width = self._content.minimumSizeHint().width() + self._scroll_chrome_width()
        return QSize(max(hint.width(), width), hint.height())

    def sizeHint(self) -> QSize:
        """Wide enough for every number field and seed to sit beside its label."""
        form = self._hyper_group.layout()
        margins = form.contentsMargins()
        column = self._content.layout().contentsMargins()
        group = self._hyper_group.contentsMargins()
        spacing = form.horizontalSpacing()
        if spacing < 0:  # a style that spaces each pair of controls its own way
            spacing = self.style().layoutSpacing(
                QSizePolicy.ControlType.Label,
                QSizePolicy.ControlType.SpinBox,
                Qt.Orientation.Horizontal,
            )
        fields = [field for group in self._groups for field in group.number_fields()]
        field = max(minimum_width(widget) for widget in fields)
        width = (
            column.left()
            + group.left()
            + margins.left()
            + self._label_width
            + spacing
            + field
            + margins.right()
            + group.right()
            + column.right()
            + self._scroll_chrome_width()
        )
        return QSize(max(width, self.minimumSizeHint().width()), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Labels beside their fields when they all fit, else all above: never half of them."""
        if event.size().width() >= self.sizeHint().width():
            policy = QFormLayout.RowWrapPolicy.WrapLongRows
        else:
            policy = QFormLayout.RowWrapPolicy.WrapAllRows
        for group in self._groups:
            form = group.layout()
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)
        super().resizeEvent(event)

    def _scroll_chrome_width(self) -> int:
        """The scroll bar (it appears when the dock is too short) and the scroll area's frame."""
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        return bar + 2 * self._scroll.frameWidth()

    def _fit_to_texts(self) -> None:
        """Line the labels up and widen the fields for the texts of this language and font."""
        self._align_label_columns()
        for group in self._groups:
            group.fit_fields_to_texts()

    def _align_label_columns(self) -> None:
        """Give every group the same label width, so all fields start at the same x."""
        labels = [label for group in self._groups for label in group.form_labels()]
        self._label_width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(self._label_width)
