"""The loss plot follows a real training run: points, epochs, accuracy, scale, marks, exports."""

from __future__ import annotations

import csv
import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox, QFileDialog

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine import history as history_module
from backprop_gui.engine.datasets import make_dataset, train_test_split
from backprop_gui.engine.snapshot import (
    HistoryCursor,
    HistoryUpdate,
    SeriesUpdate,
    take_snapshot,
)
from backprop_gui.ui.plots import LossPlot
from backprop_gui.ui.plots import loss_plot as loss_plot_module
from backprop_gui.ui.plots.loss_plot import ACCURACY_RANGE, DASHED_SWATCH
from backprop_gui.ui.plots.plot_style import LocaleAxisItem

SIZE = (640, 300)


def classification_trainer(batch_size: int | None = 40) -> Trainer:
    """XOR cloud, 2-4-1, 160 training and 40 test samples."""
    train, test = train_test_split(make_dataset("xor", n_samples=200, seed=2), 0.2, seed=2)
    network = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    return Trainer(
        network,
        train.X,
        train.Y,
        learning_rate=0.5,
        batch_size=batch_size,
        X_test=test.X,
        Y_test=test.Y,
    )


def regression_trainer() -> Trainer:
    data = make_dataset("sine", n_samples=50, seed=1)
    network = Network([1, 6, 1], ["tanh", "linear"], seed=0)
    return Trainer(network, data.X, data.Y, learning_rate=0.1, batch_size=10)


@pytest.fixture
def plot(qtbot) -> LossPlot:
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.show()
    return widget


def feed(plot: LossPlot, trainer: Trainer, iterations: int, cursor: HistoryCursor, chunk=7):
    """Train ``iterations`` more, showing a snapshot after every ``chunk``, then redraw."""
    done = 0
    while done < iterations:
        step = min(chunk, iterations - done)
        trainer.run_iterations(step)
        done += step
        plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh()


def points(curve) -> tuple[np.ndarray, np.ndarray]:
    x, y = curve.getOriginalDataset()
    if x is None:
        return np.zeros(0), np.zeros(0)
    return np.asarray(x), np.asarray(y)


def test_after_n_iterations_the_train_curve_holds_n_batch_losses(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 60, HistoryCursor())
    x, y = points(plot.curves()["train"])
    _, losses = trainer.history.loss.arrays()
    np.testing.assert_array_equal(x, np.arange(1, 61))
    np.testing.assert_array_equal(y, losses[:, 0])


def test_the_test_loss_is_drawn_once_per_epoch_at_the_iteration_ending_it(plot):
    trainer = classification_trainer()  # 4 batches per epoch
    feed(plot, trainer, 60, HistoryCursor())
    x, y = points(plot.curves()["test"])
    np.testing.assert_array_equal(x, np.arange(4, 61, 4))
    assert y[-1] == pytest.approx(trainer.test_loss)


def test_per_epoch_draws_the_mean_training_loss_of_each_epoch(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 60, HistoryCursor())
    plot.set_per_epoch(True)
    plot.refresh()
    assert plot.per_epoch
    x, y = points(plot.curves()["train"])
    np.testing.assert_array_equal(x, np.arange(1, 16))
    assert y[-1] == pytest.approx(trainer.last_epoch_loss)
    assert points(plot.curves()["test"])[0].tolist() == list(range(1, 16))
    assert plot.accuracy_item.getAxis("bottom").labelText == "Epoch"


def test_a_few_epoch_points_are_drawn_as_dots_so_a_single_one_shows(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 4, HistoryCursor())
    test_curve = plot.curves()["test"]
    assert len(points(test_curve)[0]) == 1
    assert test_curve.opts["symbol"] == "o"


def test_classification_shows_the_accuracy_in_percent_below_the_loss(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 40, HistoryCursor())
    assert plot.accuracy_shown
    _, train = points(plot.curves()["train_accuracy"])
    _, test = points(plot.curves()["test_accuracy"])
    assert len(train) == len(test) == 10
    assert train[-1] == pytest.approx(100 * trainer.train_accuracy)
    assert test[-1] == pytest.approx(100 * trainer.test_accuracy)
    assert "accuracy" in plot.accuracy_item.titleLabel.text


def test_regression_has_no_accuracy_plot_and_no_test_curve_without_test_data(plot):
    trainer = regression_trainer()
    feed(plot, trainer, 30, HistoryCursor())
    assert not plot.accuracy_shown
    assert len(points(plot.curves()["test"])[0]) == 0
    assert len(points(plot.curves()["train"])[0]) == 30
    assert plot.loss_item.getAxis("bottom").labelText == "Iteration"


def test_a_decimated_history_replaces_the_points_drawn(plot, monkeypatch):
    monkeypatch.setattr(history_module, "LOSS_CAPACITY", 32)
    trainer = classification_trainer()
    feed(plot, trainer, 100, HistoryCursor(), chunk=9)
    x, _ = points(plot.curves()["train"])
    stamps, _ = trainer.history.loss.arrays()
    assert len(x) == len(stamps) < 100
    np.testing.assert_array_equal(x, stamps)


def test_a_reset_run_starts_the_curve_over(plot):
    trainer = classification_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 40, cursor)
    trainer.reset()
    feed(plot, trainer, 8, cursor)
    np.testing.assert_array_equal(points(plot.curves()["train"])[0], np.arange(1, 9))


def test_clear_empties_every_curve_and_removes_the_divergence_mark(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 40, HistoryCursor())
    plot.mark_divergence(41)
    plot.clear()
    plot.refresh()
    assert all(len(points(curve)[0]) == 0 for curve in plot.curves().values())
    assert plot.divergence_line is None
    assert "No iteration yet" in plot.loss_item.titleLabel.text


def test_divergence_is_marked_at_its_iteration_or_its_epoch(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 40, HistoryCursor())
    plot.mark_divergence(41)
    plot.refresh()
    line = plot.divergence_line
    assert line is not None
    assert line.value() == 41
    assert line.label.format == "divergence"
    assert line.pen.style() == line.pen.style().DashLine
    plot.set_per_epoch(True)
    plot.refresh()
    assert line.value() == pytest.approx(41 / 4)


def test_log_scale_switches_the_loss_axis_only(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 20, HistoryCursor())
    assert not plot.log_scale
    plot.set_log_scale(True)
    assert plot.log_scale
    assert plot.curves()["train"].opts["logMode"] == [False, True]
    assert plot.curves()["train_accuracy"].opts["logMode"] == [False, False]
    plot.set_log_scale(False)
    assert plot.curves()["train"].opts["logMode"] == [False, False]


def test_the_title_gives_the_current_losses_outside_the_data(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 8, HistoryCursor())
    title = plot.loss_item.titleLabel.text
    assert "Batch loss" in title
    assert "Test loss" in title
    assert f"{trainer.test_loss:.4g}" in title


def last_loss(trainer: Trainer) -> str:
    return f"{trainer.history.loss.arrays()[1][-1, 0]:.4g}"


def test_while_training_runs_the_values_in_the_title_wait_for_their_next_rewrite(plot, monkeypatch):
    monkeypatch.setattr(loss_plot_module, "TITLE_INTERVAL", 3600.0)
    trainer = classification_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 8, cursor)
    written = plot.loss_item.titleLabel.text
    trainer.run_iterations(5)
    plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh(complete=False)
    assert len(points(plot.curves()["train"])[0]) == 13  # the curve at once...
    assert plot.loss_item.titleLabel.text == written  # ...its value at the next rewrite
    plot.refresh()  # an export, a dock shown: everything now
    assert last_loss(trainer) in plot.loss_item.titleLabel.text


def test_the_values_in_the_title_catch_up_by_themselves(plot, qtbot, monkeypatch):
    monkeypatch.setattr(loss_plot_module, "TITLE_INTERVAL", 0.05)
    trainer = classification_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 8, cursor)
    trainer.run_iterations(5)
    plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh(complete=False)
    qtbot.waitUntil(lambda: last_loss(trainer) in plot.loss_item.titleLabel.text, timeout=2000)


def test_a_hidden_plot_redraws_only_once_shown(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    trainer = classification_trainer()
    trainer.run_iterations(12)
    plot.show_snapshot(take_snapshot(trainer, 0, HistoryCursor()))
    assert len(points(plot.curves()["train"])[0]) == 0
    plot.show()
    qtbot.waitUntil(lambda: len(points(plot.curves()["train"])[0]) == 12)


def test_snapshots_without_history_change_nothing_drawn(plot):
    trainer = classification_trainer()
    feed(plot, trainer, 12, HistoryCursor())
    plot.show_snapshot(dataclasses.replace(take_snapshot(trainer), history=None))
    plot.refresh()
    assert len(points(plot.curves()["train"])[0]) == 12


def test_exports_write_a_png_an_svg_and_a_csv_of_every_row(plot, tmp_path):
    trainer = classification_trainer()
    feed(plot, trainer, 30, HistoryCursor())
    plot.export_png(tmp_path / "loss.png")
    image = QImage(str(tmp_path / "loss.png"))
    assert not image.isNull()
    assert image.width() >= SIZE[0]
    plot.export_svg(tmp_path / "loss.svg")
    assert (tmp_path / "loss.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    plot.export_csv(tmp_path / "loss.csv")
    with open(tmp_path / "loss.csv", newline="", encoding="utf-8") as stream:
        table = list(csv.reader(stream))
    assert table[0][:3] == ["iteration", "batch_loss", "epoch"]
    assert len(table) == 1 + 30
    assert table[4][:3] == ["4", repr(float(trainer.history.loss.arrays()[1][3, 0])), "1"]
    assert table[1][2] == ""  # no epoch ended at iteration 1


def test_pyqtgraph_menus_are_off_and_ours_exports_through_a_file_dialog(
    plot, tmp_path, monkeypatch
):
    trainer = classification_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    for item in (plot.loss_item, plot.accuracy_item):
        assert not item.menuEnabled()
        assert not item.getViewBox().menuEnabled()
    texts = [action.text() for action in plot.menu.menu.actions() if action.text()]
    assert texts == [
        "Export as PNG image…",
        "Export as SVG image…",
        "Export data as CSV…",
        "Reset zoom",
    ]
    target = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    plot.menu.csv_action.trigger()
    assert (tmp_path / "chosen.csv").read_text(encoding="utf-8").startswith("iteration,")


def x_range(item) -> list[float]:
    """The round x range shown (the view adds a few pixels either side for the end labels)."""
    low, high = item.getViewBox().viewRange()[0]
    assert -0.1 * high < low < 0
    return [0, next(bound for bound in (20, 25, 30, 40, 50) if bound < high < 1.1 * bound)]


def test_the_x_axis_grows_in_round_steps_just_past_the_data(plot):
    trainer = classification_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 20, cursor)
    assert x_range(plot.loss_item) == [0, 20]
    feed(plot, trainer, 3, cursor)
    assert x_range(plot.loss_item) == [0, 25]
    feed(plot, trainer, 2, cursor)
    assert x_range(plot.loss_item) == [0, 25]  # unchanged: the ticks are not laid out again
    assert x_range(plot.accuracy_item) == [0, 25]


def test_a_user_zoom_stops_the_following_until_reset_zoom(plot):
    trainer = classification_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 20, cursor)
    box = plot.loss_item.getViewBox()
    plot.loss_item.setXRange(2, 3, padding=0)
    box.sigRangeChangedManually.emit([True, False])  # what a drag or the mouse wheel sends
    feed(plot, trainer, 20, cursor)
    assert box.viewRange()[0] == [2, 3]
    assert not plot.following
    plot.menu.reset_zoom_action.trigger()
    plot.refresh()
    assert plot.following
    assert x_range(plot.loss_item) == [0, 40]
    _, losses = trainer.history.loss.arrays()
    low, high = box.viewRange()[1]
    assert low <= losses.min()  # y frames the data again
    assert losses.max() <= high


def long_history(n: int) -> HistoryUpdate:
    """A replacing update of ``n`` noisy falling batch losses, and no epoch yet."""
    rng = np.random.default_rng(3)
    stamps = np.arange(1, n + 1)
    losses = np.exp(-stamps / n) * (0.5 + rng.random(n))
    losses[n // 3] = 5.0  # one spike, as a batch of outliers gives
    return HistoryUpdate(
        loss=SeriesUpdate(stamps, losses.reshape(-1, 1), True),
        epochs=SeriesUpdate(np.zeros(0, dtype=np.int64), np.zeros((0, 5)), True),
        layer_norms=SeriesUpdate(np.zeros(0, dtype=np.int64), np.zeros((0, 1)), True),
        weight_gradients=None,
    )


def show_history(plot: LossPlot, update: HistoryUpdate) -> None:
    snapshot = take_snapshot(regression_trainer())
    plot.show_snapshot(dataclasses.replace(snapshot, history=update))
    plot.refresh()


def test_a_long_history_is_drawn_as_the_extremes_of_each_pixel_column(plot):
    update = long_history(100_000)
    show_history(plot, update)
    x, y = points(plot.curves()["train"])
    columns = round(plot.loss_item.getViewBox().width())
    assert len(x) <= 2 * columns + 2  # a low and a high point per column, at most
    losses = update.loss.values[:, 0]
    assert y.max() == losses.max() == 5.0  # the spike is kept
    assert y.min() == losses.min()
    assert x[0] >= 1
    assert x[-1] == 100_000  # the line ends at the newest iteration


def test_a_zoom_on_a_long_history_draws_the_rows_in_view_in_more_detail(plot):
    show_history(plot, long_history(100_000))
    box = plot.loss_item.getViewBox()
    plot.loss_item.setXRange(20_000, 30_000, padding=0)
    box.sigRangeChangedManually.emit([True, False])
    plot.refresh()
    x, _ = points(plot.curves()["train"])
    inside = x[(x >= 20_000) & (x <= 30_000)]
    assert len(x) - len(inside) <= 2  # the row just outside each side, for the line's ends
    columns = round(box.width())
    assert len(inside) >= columns  # every pixel column has its points
    assert np.diff(inside).max() <= 2 * 10_000 / columns


def test_new_rows_of_a_long_history_reduce_like_the_whole_history_at_once(plot):
    update = long_history(100_000)
    head = dataclasses.replace(
        update,
        loss=SeriesUpdate(update.loss.iterations[:60_000], update.loss.values[:60_000], True),
    )
    show_history(plot, head)
    for start in range(60_000, 100_000, 7_000):
        rows = slice(start, min(start + 7_000, 100_000))
        tail = SeriesUpdate(update.loss.iterations[rows], update.loss.values[rows], False)
        show_history(plot, dataclasses.replace(update, loss=tail))
    incremental = points(plot.curves()["train"])
    fresh = LossPlot()
    fresh.resize(*SIZE)
    fresh.show()
    try:
        show_history(fresh, update)
        np.testing.assert_array_equal(incremental[0], points(fresh.curves()["train"])[0])
        np.testing.assert_array_equal(incremental[1], points(fresh.curves()["train"])[1])
    finally:
        fresh.close()


@pytest.mark.parametrize("height", [300, 520])
def test_in_a_narrow_dock_the_titles_wrap_instead_of_widening_the_plot(qtbot, height):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(300, height)
    plot.show()
    qtbot.waitExposed(plot)
    feed(plot, classification_trainer(), 40, HistoryCursor())
    qtbot.wait(1)  # the layout settles in the event loop
    assert plot.accuracy_on_right_axis == (height == 300)
    items = [plot.loss_item]
    if not plot.accuracy_on_right_axis:
        items.append(plot.accuracy_item)
    for item in items:
        title = item.titleLabel
        assert "<br>" in title.text  # two entries do not fit side by side in 300 pixels
        assert title.boundingRect().width() <= item.getViewBox().width() + 1
        right = item.mapRectToScene(item.boundingRect()).right()
        assert right <= plot.view.width()


def short_plot(qtbot, width: int, height: int) -> LossPlot:
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(width, height)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def test_a_short_plot_draws_the_accuracy_dashed_over_the_loss_on_a_right_axis(qtbot):
    plot = short_plot(qtbot, 400, 250)
    trainer = classification_trainer()
    feed(plot, trainer, 40, HistoryCursor())
    qtbot.wait(1)
    assert plot.accuracy_shown
    assert plot.accuracy_on_right_axis
    assert plot.accuracy_item.scene() is None  # no second panel squeezed under the loss
    box = plot.accuracy_box
    for name in ("train_accuracy", "test_accuracy"):
        curve = plot.curves()[name]
        assert curve.getViewBox() is box
        assert curve.opts["pen"].style() == Qt.PenStyle.DashLine
    assert points(plot.curves()["train_accuracy"])[1][-1] == pytest.approx(
        100 * trainer.train_accuracy
    )
    right = plot.loss_item.getAxis("right")
    assert right.isVisible()
    assert right.labelText == "Accuracy (%)"
    assert plot.loss_item.getAxis("bottom").isVisible()
    assert box.viewRange()[1] == pytest.approx(list(ACCURACY_RANGE))
    assert box.viewRange()[0] == pytest.approx(plot.loss_item.getViewBox().viewRange()[0])
    assert box.geometry() == plot.loss_item.getViewBox().geometry()
    title = plot.loss_item.titleLabel.text
    assert "Batch loss" in title
    assert "Training accuracy" in title
    assert DASHED_SWATCH in title


def test_the_y_axis_titles_of_a_short_plot_do_not_overlap(qtbot):
    plot = short_plot(qtbot, 400, 250)
    feed(plot, classification_trainer(), 40, HistoryCursor())
    qtbot.wait(1)
    left, right = (plot.loss_item.getAxis(side) for side in ("left", "right"))
    left_label = left.label.mapRectToScene(left.label.boundingRect())
    right_label = right.label.mapRectToScene(right.label.boundingRect())
    assert not left_label.intersects(right_label)
    assert right_label.right() <= plot.view.width()


def test_a_taller_plot_puts_the_accuracy_back_in_its_own_panel(qtbot):
    plot = short_plot(qtbot, 400, 250)
    trainer = classification_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 40, cursor)
    plot.resize(640, 420)
    feed(plot, trainer, 4, cursor)
    assert not plot.accuracy_on_right_axis
    assert plot.accuracy_item.scene() is plot.view.scene()
    assert not plot.loss_item.getAxis("right").isVisible()
    assert not plot.loss_item.getAxis("bottom").isVisible()  # the accuracy panel carries it
    curve = plot.curves()["test_accuracy"]
    assert curve.getViewBox() is plot.accuracy_item.getViewBox() is plot.accuracy_box
    assert curve.opts["pen"].style() == Qt.PenStyle.SolidLine
    assert len(points(curve)[0]) == 11
    assert "Test accuracy" in plot.accuracy_item.titleLabel.text
    assert "accuracy" not in plot.loss_item.titleLabel.text


def test_a_short_regression_plot_has_no_right_axis(qtbot):
    plot = short_plot(qtbot, 400, 250)
    feed(plot, regression_trainer(), 30, HistoryCursor())
    assert not plot.accuracy_shown
    assert not plot.accuracy_on_right_axis
    assert not plot.loss_item.getAxis("right").isVisible()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.mark.parametrize("height", [250, 420])
def test_a_redraw_that_moves_the_axes_paints_the_plot_once(qtbot, qapp, height):
    plot = short_plot(qtbot, 640, height)
    trainer = classification_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 20, cursor)
    qtbot.wait(20)
    counter = PaintCounter()
    plot.view.viewport().installEventFilter(counter)
    trainer.run_iterations(5)  # past 20: the x axis grows to 25
    plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh()
    for _ in range(5):
        qapp.processEvents()
    assert x_range(plot.loss_item) == [0, 25]
    assert counter.count == 1


def test_a_frame_that_ends_no_epoch_leaves_the_epoch_curves_alone(plot, monkeypatch):
    trainer = classification_trainer()  # 4 batches per epoch
    cursor = HistoryCursor()
    feed(plot, trainer, 8, cursor)
    redrawn = []
    for name, curve in plot.curves().items():
        monkeypatch.setattr(curve, "setData", lambda *a, name=name, **k: redrawn.append(name))
    trainer.run_iterations(1)  # iteration 9: an epoch starts, none ends
    plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh()
    assert redrawn == ["train"]
    trainer.run_iterations(3)  # iteration 12 ends the third epoch
    plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh()
    assert sorted(set(redrawn)) == ["test", "test_accuracy", "train", "train_accuracy"]


def test_the_y_axis_follows_the_data_in_round_steps(plot):
    trainer = classification_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 20, cursor)
    box = plot.loss_item.getViewBox()
    shown = box.viewRange()[1]
    _, losses = trainer.history.loss.arrays()
    assert shown[0] <= losses.min()
    assert losses.max() <= shown[1]
    feed(plot, trainer, 1, cursor)
    assert box.viewRange()[1] == shown  # one more loss inside the range: no new ticks
    plot.set_log_scale(True)
    plot.refresh()
    low, high = box.viewRange()[1]
    assert low <= np.log10(losses.min())
    assert np.log10(losses.max()) <= high


FRENCH_WORDS = {
    "Iteration": "Itération",
    "Loss (error)": "Perte (erreur)",
    "Log scale": "Échelle log",
}


class FrenchForTest(QTranslator):
    """Just enough French to see the plot re-translate itself on a language change."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return FRENCH_WORDS.get(source, "")

    def isEmpty(self) -> bool:
        return False


def test_a_language_change_retranslates_the_labels(plot, qapp):
    translator = FrenchForTest()
    qapp.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(plot, QEvent(QEvent.Type.LanguageChange))
        assert plot.loss_item.getAxis("left").labelText == "Perte (erreur)"
        assert plot.findChild(QCheckBox, "loss_plot_log_scale").text() == "Échelle log"
    finally:
        qapp.removeTranslator(translator)
    QCoreApplication.sendEvent(plot, QEvent(QEvent.Type.LanguageChange))
    assert plot.loss_item.getAxis("left").labelText == "Loss (error)"


@pytest.fixture
def french_numbers():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French))
    yield
    QLocale.setDefault(previous)


def test_tick_labels_are_written_in_the_interface_locale(french_numbers):
    axis = LocaleAxisItem("left")
    assert axis.tickStrings([0.0, 0.25, -0.5], 1.0, 0.25) == ["0", "0,25", "−0,50"]
    assert axis.tickStrings([1_000_000.0], 1.0, 200_000.0) == ["1\u202f000\u202f000"]
