"""The loss over training (batch loss and test loss), and below it the accuracy for classification.

A class watches it fall: per iteration it draws the loss of every batch (noisy with small
batches) and the test loss at the end of each epoch; per epoch it draws the epoch's mean
training loss and its test loss. Current values sit in the title, which is also the legend:
outside the data, so nothing is ever hidden, and wrapped to the plot's width; while training
runs they are rewritten a few times a second (:data:`TITLE_INTERVAL`). Curves are
created once; a long history is reduced to the lowest and highest value of each pixel column
(spikes stay visible), only where rows were added, so a million iterations redraw in a few
milliseconds.

Classification also draws the accuracy: in a panel of its own under the loss when the plot is
tall enough, else (a short dock) over the loss, dashed, against a scale on the right.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.ui.formatting import format_number
from backprop_gui.ui.plots.decimation import PEAK, ColumnReducer, Reduction
from backprop_gui.ui.plots.export import PlotMenu, merge_on_stamps, save_csv, save_png, save_svg
from backprop_gui.ui.plots.history_buffers import HistoryBuffers
from backprop_gui.ui.plots.plot_style import (
    HINT,
    RangeFollower,
    align_left_axes,
    apply_view_transforms,
    axis_width,
    data_columns,
    finite_bounds,
    legend_html,
    new_plot_item,
    new_view,
    plain_curve,
    plot_font,
    positive_bounds,
    set_axis_label,
    set_title,
    title_width,
    view_x_range,
)
from backprop_gui.ui.plots.refresh import RefreshThrottle
from backprop_gui.ui.plots.right_axis import RightAxisView
from backprop_gui.ui.style import NEGATIVE, qcolor

TRAIN_COLOR = "#0072B2"
"""Training data (Okabe-Ito blue); losses have no sign, so it cannot be read as "positive"."""

TEST_COLOR = "#E69F00"
"""Test data (Okabe-Ito orange, distinct from the vermillion of negative values)."""

FEW_POINTS = 60
"""Per-epoch curves with at most this many points also draw a dot at each (one epoch = one dot)."""

SYMBOL_SIZES = {"o": 7, "s": 6}
"""Dots of the losses; squares of the accuracies when drawn over the losses (short plots)."""

ACCURACY_RANGE = (-12.0, 112.0)
"""0 to 100 %, with room for the labels of the end ticks (pyqtgraph drops any that overflow)."""

ACCURACY_TICKS = [[(0.0, "0"), (50.0, "50"), (100.0, "100")], [(25.0, ""), (75.0, "")]]

CSV_HEADER = (
    "iteration",
    "batch_loss",
    "epoch",
    "mean_train_loss",
    "test_loss",
    "train_accuracy",
    "test_accuracy",
)

EPOCH_PIXELS_PER_BIN = 2
"""Per-epoch values (test loss, accuracies) are reduced two pixel columns at a time: they
change slowly, their pens are 2 pixels wide, and Qt strokes a wide pen segment by segment."""

DASHED_SWATCH = "╍╍"
"""The legend's sample of an accuracy curve drawn dashed over the loss (short plots)."""

DASHED_WIDTH = 2
"""Pixels of a dashed accuracy curve: a thinner dash is lost among the loss's noise."""

STACKED_LINES = 16
"""Text lines (of the plot font) the stacked loss and accuracy panels need besides their
titles: seven for the loss, four for the accuracy (0, 50 and 100 apart), three for the x
axis, the rest for margins. A shorter plot draws the accuracy over the loss instead."""

SAMPLE_LOSS = 0.012345
"""A loss as wide as those the title shows, to know how many lines the titles take."""

TITLE_INTERVAL = 0.25
"""Seconds between two rewrites of the current values in the titles while training runs: four
a second read as well as thirty, which cost a third of each frame (measured: 0.8 ms)."""

LOSS_ONLY, STACKED, RIGHT_AXIS = "loss only", "stacked", "right axis"
"""Where the accuracy goes: nowhere (regression), in a panel below, or over the loss."""

_LOSS_ROW, _ACCURACY_ROW = 0, 1

_MEAN_TRAIN, _TEST, _TRAIN_ACCURACY, _TEST_ACCURACY = range(4)
"""Rows of the epoch reduction: the epoch columns after the first (the iteration)."""


def _new_curve(item: pg.PlotItem, color: str, width: float) -> pg.PlotDataItem:
    return plain_curve(item, pg.mkPen(color, width=width))


def _log_bounds(*arrays: np.ndarray) -> tuple[float | None, float | None]:
    """Lowest and highest exponent of the positive values (a log axis cannot show the rest)."""
    low, high = positive_bounds(*arrays)
    if low is None or high is None:
        return None, None
    return math.log10(low), math.log10(high)


class _Points:
    """One row of a reduction, ready to draw: (x, y), or nothing when the row has no value."""

    def __init__(self, reduced: Reduction, row: int, scale: float = 1.0) -> None:
        self.decimated = reduced.decimated
        self.x = reduced.x
        self.y = reduced.y[row] * scale if scale != 1.0 else reduced.y[row]

    def draw(
        self,
        curve: pg.PlotDataItem,
        color: str,
        optional: bool = False,
        few_as_dots: bool = True,
        symbol: str = "o",
    ) -> None:
        """Draw on ``curve``; with ``optional``, a row all NaN (no test set) draws nothing.

        A few per-epoch points also get a dot (a ``symbol``) each: a lone point is no line.
        """
        if optional and not (self.y.shape[0] and np.isfinite(self.y).any()):
            curve.setData([], [])
            return
        dots = few_as_dots and not self.decimated and self.x.shape[0] <= FEW_POINTS
        shown = symbol if dots else None
        if curve.opts["symbol"] != shown:  # each setter draws the curve again
            if shown is not None:
                curve.setSymbolSize(SYMBOL_SIZES[shown])
                curve.setSymbolPen(None)
                curve.setSymbolBrush(color)
            curve.setSymbol(shown)
        curve.setData(self.x, self.y)


class LossPlot(QWidget):
    """Loss (and accuracy) over iterations or epochs, fed by :meth:`show_snapshot`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loss_plot")
        self._buffers = HistoryBuffers(("loss", "epochs"))
        self._classification = False
        self._arrangement = LOSS_ONLY
        self._batches_per_epoch = 1
        self._divergence: int | None = None

        self._x_axis = QComboBox(self)
        self._x_axis.setObjectName("loss_plot_x_axis")
        self._x_axis.addItem("", "iteration")
        self._x_axis.addItem("", "epoch")
        self._log_scale = QCheckBox(self)
        self._log_scale.setObjectName("loss_plot_log_scale")
        self._view = new_view(self)
        self._menu = PlotMenu(self, self._view)
        self._menu_button = QToolButton(self)
        self._menu_button.setMenu(self._menu.menu)
        self._menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._x_axis)
        bar.addWidget(self._log_scale)
        bar.addStretch(1)
        bar.addWidget(self._menu_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self._view, 1)

        self._loss_item = new_plot_item(self, ("left", "bottom", "right"))
        self._accuracy_item = new_plot_item(self)
        self._accuracy_item.setXLink(self._loss_item)
        align_left_axes(self, self._loss_item, self._accuracy_item)
        self._accuracy_item.getAxis("left").setTicks(ACCURACY_TICKS)
        self._accuracy_item.setYRange(*ACCURACY_RANGE, padding=0)
        self._accuracy_item.setMouseEnabled(x=True, y=False)
        self._view.ci.addItem(self._loss_item, row=_LOSS_ROW, col=0)
        self._view.ci.layout.setRowStretchFactor(_LOSS_ROW, 3)
        self._right_axis = RightAxisView(self._loss_item)
        self._right_axis.box.setYRange(*ACCURACY_RANGE, padding=0)
        right_axis = self._loss_item.getAxis("right")
        right_axis.setTicks(ACCURACY_TICKS)
        # Fixed, as the left one: titles wrap to the room the axes leave before they are drawn.
        right_axis.setWidth(axis_width(self, "100"))
        # Thin pens for the curves that may hold thousands of points: a wide pen costs
        # Qt a stroke per segment. The test curve is wider, to stand out over the batch noise.
        self._train_curve = _new_curve(self._loss_item, TRAIN_COLOR, 1)
        self._test_curve = _new_curve(self._loss_item, TEST_COLOR, 2)
        self._train_accuracy_curve = _new_curve(self._accuracy_item, TRAIN_COLOR, 1)
        self._test_accuracy_curve = _new_curve(self._accuracy_item, TEST_COLOR, 2)
        self._accuracy_pens = (
            (self._train_accuracy_curve, TRAIN_COLOR, 1),
            (self._test_accuracy_curve, TEST_COLOR, 2),
        )
        self._divergence_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(NEGATIVE, width=2, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.92, "color": NEGATIVE, "fill": qcolor("#FFFFFF", 0.8)},
        )
        self._divergence_line.setZValue(20)

        self._range = RangeFollower(self._loss_item, self._accuracy_item)
        self._accuracy_item.setYRange(*ACCURACY_RANGE, padding=0)
        self._loss_reducer = ColumnReducer(PEAK)
        self._epoch_reducer = ColumnReducer(PEAK)
        self._drawing = False
        self._drawn_view: tuple | None = None
        """(x range, pixel columns) the curves were reduced for."""
        self._drawn_epochs: tuple | None = None
        """What the per-epoch curves were drawn from (they change only when an epoch ends)."""
        self._epoch_points: Reduction | None = None
        self._title_not_before = 0.0
        self._title_room: float | None = None
        """The width the titles were last wrapped to."""
        self._title_timer = QTimer(self)
        self._title_timer.setSingleShot(True)
        self._title_timer.timeout.connect(self._write_title)

        box = self._loss_item.getViewBox()
        box.sigXRangeChanged.connect(self._on_view_changed)
        box.sigResized.connect(self._on_view_changed)
        self._x_axis.currentIndexChanged.connect(self._on_x_axis_changed)
        self._log_scale.toggled.connect(self.set_log_scale)
        self._throttle = RefreshThrottle(self, self._redraw)
        self.retranslate_ui()
        self._throttle.request()

    # -- public API --------------------------------------------------------------------------

    def show_snapshot(self, snapshot: TrainerSnapshot) -> None:
        """Take the snapshot's new history rows and redraw (now, or as soon as worthwhile)."""
        if snapshot.history is not None:
            self._buffers.apply(snapshot.history)
        self._batches_per_epoch = max(1, snapshot.batches_per_epoch)
        classification = snapshot.task != "regression"
        if classification != self._classification:
            self._classification = classification
            self._drawn_epochs = None
            self._arrange()
        self._throttle.request()

    def clear(self) -> None:
        """Forget the whole history and the divergence mark (a new run starts)."""
        self._buffers.clear()
        self._unmark_divergence()
        self._throttle.request()
        self.reset_zoom()

    def mark_divergence(self, iteration: int) -> None:
        """Draw a dashed vertical line labelled "divergence" where training blew up."""
        self._divergence = int(iteration)
        if self._divergence_line.scene() is None:
            self._loss_item.addItem(self._divergence_line, ignoreBounds=True)
        self._throttle.request()

    def set_per_epoch(self, per_epoch: bool) -> None:
        """One point per epoch (the mean loss of the epoch) instead of one per iteration."""
        self._x_axis.setCurrentIndex(1 if per_epoch else 0)

    @property
    def per_epoch(self) -> bool:
        return self._x_axis.currentData() == "epoch"

    def set_log_scale(self, log_scale: bool) -> None:
        """A logarithmic loss axis: a loss still falling by factors of ten stays visible."""
        if self._log_scale.isChecked() != log_scale:
            self._log_scale.setChecked(log_scale)  # comes back here through toggled
            return
        self._loss_item.setLogMode(x=False, y=log_scale)
        self.reset_zoom()

    @property
    def log_scale(self) -> bool:
        return self._log_scale.isChecked()

    def reset_zoom(self) -> None:
        """Back to the view that follows the data (after the user zoomed or panned)."""
        self._range.resume()
        self._accuracy_item.setYRange(*ACCURACY_RANGE, padding=0)
        self._throttle.request()

    @property
    def following(self) -> bool:
        """Whether the view follows the data (no zoom or pan by the user since reset_zoom)."""
        return self._range.following

    def refresh(self, complete: bool = True) -> None:
        """Redraw now if anything changed (the plot otherwise redraws at its own pace).

        With ``complete`` False, redraw as one frame while training runs does: the current
        values in the titles may wait for their next rewrite (:data:`TITLE_INTERVAL`).
        """
        self._throttle.flush()
        if complete and self._title_timer.isActive():
            self._write_title()

    def export_png(self, path: str | Path) -> None:
        self.refresh()
        save_png(self._view.ci, path)

    def export_svg(self, path: str | Path) -> None:
        self.refresh()
        save_svg(self._view.ci, path)

    def export_csv(self, path: str | Path) -> None:
        """Every row kept: iteration, batch loss, then the epoch columns where an epoch ended."""
        loss, epochs = self._buffers.loss, self._buffers.epochs
        epoch_iterations, epoch_numbers = self._epoch_axes()
        epoch_table = np.column_stack((epoch_numbers, epochs.values[:, 1:]))
        stamps, table = merge_on_stamps(
            [(loss.stamps, loss.values), (epoch_iterations, epoch_table)]
        )
        save_csv(path, CSV_HEADER, stamps, table)

    def export_file_stem(self) -> str:
        return self.tr("loss")

    def retranslate_ui(self) -> None:
        self._x_axis.setItemText(0, self.tr("Per iteration"))
        self._x_axis.setItemText(1, self.tr("Per epoch"))
        self._x_axis.setToolTip(
            self.tr(
                "Per iteration: the loss of each batch. Per epoch: the mean loss over each "
                "epoch (one pass over the training set)."
            )
        )
        self._log_scale.setText(self.tr("Log scale"))
        self._log_scale.setToolTip(
            self.tr("A logarithmic vertical axis shows the loss still falling when it is small.")
        )
        self._menu_button.setText(self.tr("Export"))
        self._menu.retranslate()
        set_axis_label(self._loss_item, "left", self.tr("Loss (error)"))
        accuracy = self.tr("Accuracy (%)")
        set_axis_label(self._accuracy_item, "left", accuracy)
        set_axis_label(self._loss_item, "right", accuracy)
        self._divergence_line.label.setFormat(self.tr("divergence"))
        self._label_x_axis()
        self._arrange()
        self._write_title()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._throttle.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        self._throttle.request()  # the titles wrap to the new width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- what the tests and the benchmark look at ------------------------------------------

    @property
    def buffers(self) -> HistoryBuffers:
        return self._buffers

    def curves(self) -> dict[str, pg.PlotDataItem]:
        return {
            "train": self._train_curve,
            "test": self._test_curve,
            "train_accuracy": self._train_accuracy_curve,
            "test_accuracy": self._test_accuracy_curve,
        }

    @property
    def loss_item(self) -> pg.PlotItem:
        return self._loss_item

    @property
    def accuracy_item(self) -> pg.PlotItem:
        """The accuracy panel; in the view only for classification in a tall enough plot."""
        return self._accuracy_item

    @property
    def accuracy_shown(self) -> bool:
        """Whether the accuracy is drawn (classification), below the loss or over it."""
        return self._arrangement != LOSS_ONLY

    @property
    def accuracy_on_right_axis(self) -> bool:
        """Whether the accuracy is drawn over the loss, against a scale on the right (a plot
        too short for two panels), instead of in its own panel (:attr:`accuracy_item`)."""
        return self._arrangement == RIGHT_AXIS

    @property
    def accuracy_box(self) -> pg.ViewBox:
        """The view box the accuracy curves are drawn in, wherever they are."""
        if self._arrangement == RIGHT_AXIS:
            return self._right_axis.box
        return self._accuracy_item.getViewBox()

    @property
    def divergence_line(self) -> pg.InfiniteLine | None:
        """The divergence mark, when one is shown."""
        return self._divergence_line if self._divergence_line.scene() is not None else None

    @property
    def view(self) -> pg.GraphicsLayoutWidget:
        return self._view

    @property
    def menu(self) -> PlotMenu:
        return self._menu

    # -- drawing -----------------------------------------------------------------------------

    def _epoch_axes(self) -> tuple[np.ndarray, np.ndarray]:
        """(iteration it ended at, epoch number) of each epoch row (stamped by epoch)."""
        epochs = self._buffers.epochs
        return epochs.column(0), epochs.stamps

    def _redraw(self) -> None:
        self._drawing = True
        try:
            self._draw_curves()
        finally:
            self._drawing = False
        self._write_title_in_time()
        apply_view_transforms(self._loss_item, self.accuracy_box)

    def _write_title_in_time(self) -> None:
        """Rewrite the titles now if they are old enough or must wrap anew, else a bit later."""
        wait = self._title_not_before - time.monotonic()
        if wait > 0.0 and title_width(self._loss_item, self._view) == self._title_room:
            if not self._title_timer.isActive():
                self._title_timer.start(math.ceil(wait * 1000.0))
            return
        self._write_title()

    def _draw_curves(self) -> None:
        epochs = self._buffers.epochs
        if self.per_epoch:
            epoch_x = epochs.stamps
            self._range.follow_x(epoch_x[-1] if len(epoch_x) else None)
        else:
            epoch_x = epochs.column(0)
            loss = self._buffers.loss
            self._range.follow_x(loss.stamps[-1] if len(loss) else None)
        x_range, columns = view_x_range(self._loss_item), data_columns(self._loss_item)
        # The epoch curves change only when an epoch ends, and most frames end none.
        drawn = (epochs.generation, len(epochs), self.per_epoch, self._classification)
        drawn += (x_range, columns)
        epochs_changed = drawn != self._drawn_epochs or self._epoch_points is None
        if epochs_changed:
            self._drawn_epochs = drawn
            self._epoch_points = self._epoch_reducer.reduce(
                epoch_x,
                epochs.columns[1:5],
                (epochs.generation, self.per_epoch),
                x_range,
                max(columns // EPOCH_PIXELS_PER_BIN, 1),
            )
        reduced = self._epoch_points
        if self.per_epoch:
            train = _Points(reduced, _MEAN_TRAIN)
        else:
            loss_reduced = self._loss_reducer.reduce(
                loss.stamps, loss.columns, loss.generation, x_range, columns
            )
            train = _Points(loss_reduced, 0)
        test = _Points(reduced, _TEST)
        if epochs_changed or not self.per_epoch:
            train.draw(self._train_curve, TRAIN_COLOR, few_as_dots=self.per_epoch)
        if epochs_changed:
            test.draw(self._test_curve, TEST_COLOR, optional=True)
        if epochs_changed and self._classification:
            for curve, row, color in (
                (self._train_accuracy_curve, _TRAIN_ACCURACY, TRAIN_COLOR),
                (self._test_accuracy_curve, _TEST_ACCURACY, TEST_COLOR),
            ):
                accuracy = _Points(reduced, row, scale=100.0)
                symbol = "s" if self._arrangement == RIGHT_AXIS else "o"
                accuracy.draw(curve, color, optional=True, symbol=symbol)
        if self.log_scale:
            self._range.follow_y(*_log_bounds(train.y, test.y), log=True)
        else:
            self._range.follow_y(*finite_bounds(train.y, test.y))
        if self._divergence is not None:
            position = self._divergence
            if self.per_epoch:
                position = position / self._batches_per_epoch
            if self._divergence_line.value() != position:
                self._divergence_line.setValue(position)
        self._drawn_view = (view_x_range(self._loss_item), data_columns(self._loss_item))

    def _on_view_changed(self, *_: object) -> None:
        """A zoom, a pan or a new size: reduce the history again for what is now on screen."""
        if self._drawing:
            return
        if (view_x_range(self._loss_item), data_columns(self._loss_item)) != self._drawn_view:
            self._throttle.request()

    def _write_title(self) -> None:
        self._title_timer.stop()
        self._title_not_before = time.monotonic() + TITLE_INTERVAL
        loss, epochs = self._buffers.loss, self._buffers.epochs
        last_epoch = epochs.last_row()
        width = title_width(self._loss_item, self._view)
        self._title_room = width
        if len(loss) == 0:
            hint = self.tr("No iteration yet: the loss appears here during training.")
            set_title(self._loss_item, self, legend_html(self, [(HINT, hint)], width), width)
            set_title(self._accuracy_item, self, None)
            return
        entries = self._loss_entries(loss.column(0)[-1], last_epoch)
        accuracy_entries = self._accuracy_entries(last_epoch)
        if self._arrangement == RIGHT_AXIS:
            entries += [(color, text, DASHED_SWATCH) for color, text in accuracy_entries]
            accuracy_entries = []
        set_title(self._loss_item, self, legend_html(self, entries, width), width)
        accuracy_title = None
        if accuracy_entries:
            width = title_width(self._accuracy_item, self._view)
            accuracy_title = legend_html(self, accuracy_entries, width)
        set_title(self._accuracy_item, self, accuracy_title, width)

    def _loss_entries(self, batch_loss: float, last_epoch: np.ndarray | None) -> list[tuple]:
        """(colour, text) of the current training loss, and the test loss when there is one."""
        if self.per_epoch:
            train = None if last_epoch is None else last_epoch[1]
            text = self.tr("Mean training loss {value}").format(value=format_number(train))
        else:
            text = self.tr("Batch loss {value}").format(value=format_number(batch_loss))
        entries: list[tuple] = [(TRAIN_COLOR, text)]
        if last_epoch is not None and math.isfinite(last_epoch[2]):
            text = self.tr("Test loss {value}").format(value=format_number(last_epoch[2]))
            entries.append((TEST_COLOR, text))
        return entries

    def _accuracy_entries(self, last_epoch: np.ndarray | None) -> list[tuple[str, str]]:
        """(colour, text) of the current training and test accuracies (classification)."""
        if not self._classification or last_epoch is None:
            return []
        entries = []
        for color, value, text in (
            (TRAIN_COLOR, last_epoch[3], self.tr("Training accuracy {value}")),
            (TEST_COLOR, last_epoch[4], self.tr("Test accuracy {value}")),
        ):
            if math.isfinite(value):
                entries.append((color, text.format(value=self._percent(value))))
        return entries

    def _percent(self, fraction: float) -> str:
        #: fr: "{percent} %" (a space before the sign in French)
        return self.tr("{percent}%").format(percent=format_number(fraction * 100.0, 3))

    def _label_x_axis(self) -> None:
        text = self.tr("Epoch") if self.per_epoch else self.tr("Iteration")
        for item in (self._loss_item, self._accuracy_item):
            set_axis_label(item, "bottom", text)

    def _stacked_height(self) -> float:
        """Pixels the loss and accuracy panels need one above the other, their titles
        wrapped to the plot's width as they are with values as wide as they get."""
        width = title_width(self._accuracy_item, self._view)
        last = np.array([0.0, SAMPLE_LOSS, SAMPLE_LOSS, 1.0, 1.0])
        lines = STACKED_LINES
        for entries in (self._loss_entries(SAMPLE_LOSS, last), self._accuracy_entries(last)):
            lines += legend_html(self, entries, width).count("<br>") + 1
        return lines * QFontMetrics(plot_font(self)).lineSpacing()

    def _arrange(self) -> None:
        """Put the accuracy where it reads best: below the loss, over it, or nowhere."""
        if not self._classification:
            arrangement = LOSS_ONLY
        elif self._view.height() < self._stacked_height():
            arrangement = RIGHT_AXIS
        else:
            arrangement = STACKED
        if arrangement == self._arrangement:
            return
        box = self.accuracy_box
        for curve, _, _ in self._accuracy_pens:
            if self._arrangement == RIGHT_AXIS:
                box.removeItem(curve)
            else:
                self._accuracy_item.removeItem(curve)
        self._arrangement = arrangement
        self._drawn_epochs = None  # the accuracy's dots change
        layout = self._view.ci
        if arrangement == STACKED:
            layout.addItem(self._accuracy_item, row=_ACCURACY_ROW, col=0)
            layout.layout.setRowStretchFactor(_ACCURACY_ROW, 2)
        elif self._accuracy_item.scene() is not None:
            layout.removeItem(self._accuracy_item)
            layout.layout.setRowStretchFactor(_ACCURACY_ROW, 0)
        self._loss_item.showAxis("bottom", arrangement != STACKED)
        self._right_axis.set_shown(arrangement == RIGHT_AXIS)
        for curve, color, width in self._accuracy_pens:
            if arrangement == RIGHT_AXIS:
                # Over the loss, dashed (and wide enough for the dashes to show) so that the
                # accuracy and the loss read apart: they share their colours.
                pen = pg.mkPen(color, width=DASHED_WIDTH, style=Qt.PenStyle.DashLine)
            else:
                pen = pg.mkPen(color, width=width)
            curve.setPen(pen)
            if arrangement == RIGHT_AXIS:
                self._right_axis.box.addItem(curve, ignoreBounds=True)
            else:
                self._accuracy_item.addItem(curve)
        self._write_title()
        self._throttle.request()

    def _unmark_divergence(self) -> None:
        self._divergence = None
        if self._divergence_line.scene() is not None:
            self._loss_item.removeItem(self._divergence_line)

    def _on_x_axis_changed(self) -> None:
        self._label_x_axis()
        self._throttle.request()
        self.reset_zoom()
