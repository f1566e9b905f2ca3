"""The gradient plot follows a real run: one curve per weight or per layer, heat maps, selection."""

from __future__ import annotations

import csv

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolTip

from backprop_gui.engine import Network, Phase, Trainer
from backprop_gui.engine import history as history_module
from backprop_gui.engine.datasets import make_dataset
from backprop_gui.engine.snapshot import HistoryCursor, take_snapshot
from backprop_gui.ui.plots import GradientPlot, layer_pair_name, weight_name
from backprop_gui.ui.plots import gradient_plot as gradient_plot_module
from backprop_gui.ui.plots.export import explicit_closes
from backprop_gui.ui.plots.gradient_plot import (
    COLORMAP,
    HEAT_DECADES,
    HEAT_INTERVAL,
    HIGHLIGHT_WIDTH,
    LAYERS,
    WEIGHTS,
    color_scale,
)
from backprop_gui.ui.plots.plot_style import LocaleAxisItem, log_tick, stepped_bound
from backprop_gui.ui.style import NEGATIVE, POSITIVE

SIZE = (640, 300)
XOR = (2, 4, 1)
SPIRAL = (2, 8, 8, 8, 1)
DEEP_SIGMOID = (2, 8, 8, 8, 8, 8, 8, 1)


def make_trainer(sizes=XOR, activation="tanh", batch_size=None) -> Trainer:
    data = make_dataset("xor", n_samples=40, seed=4)
    activations = [activation] * (len(sizes) - 2) + ["sigmoid"]
    network = Network(list(sizes), activations, seed=2)
    return Trainer(network, data.X, data.Y, learning_rate=0.5, batch_size=batch_size)


@pytest.fixture
def plot(qtbot) -> GradientPlot:
    widget = GradientPlot()
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.show()
    return widget


def feed(plot: GradientPlot, trainer: Trainer, iterations: int, cursor: HistoryCursor, chunk=6):
    done = 0
    while done < iterations:
        step = min(chunk, iterations - done)
        trainer.run_iterations(step)
        done += step
        plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh()


def points(curve) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) given to a curve: as they are to a layer norm's, before any log10 to the others."""
    if isinstance(curve, pg.PlotCurveItem):
        x, y = curve.getData()
    else:
        x, y = curve.getOriginalDataset()
    if x is None:
        return np.zeros(0), np.zeros(0)
    return np.asarray(x), np.asarray(y)


def test_weight_names_read_like_the_textbook():
    assert weight_name(0, 1, 0) == "w₂₁ (layer 1→2)"
    assert weight_name(2, 0, 3) == "w₁₄ (layer 3→4)"
    assert weight_name(1, 10, 2) == "w₁₁,₃ (layer 2→3)"
    assert layer_pair_name(0) == "layer 1→2"


def test_a_small_network_follows_each_weight_and_gets_one_named_curve_per_layer(plot):
    plot.set_network(XOR)
    assert len(plot.weight_keys) == 12
    assert plot.weight_keys[:3] == [(0, 0, 0), (0, 0, 1), (0, 1, 0)]
    assert len(plot.norm_curves) == 2
    assert plot.mode == WEIGHTS
    assert plot.norm_curves[1].name() == "layer 2→3"
    assert not any(curve.isVisible() for curve in plot.norm_curves)


def test_larger_networks_open_on_the_layer_norms_in_log_scale(plot):
    plot.set_network(SPIRAL)
    assert len(plot.weight_keys) == 152
    assert plot.mode == LAYERS
    assert plot.log_scale
    assert plot.plot_item.getAxis("left").logMode


def test_a_network_too_big_to_follow_each_weight_offers_only_the_layers(plot):
    plot.set_network((2, 30, 30, 1))
    assert plot.weight_keys == []
    assert len(plot.norm_curves) == 3
    plot.set_mode(WEIGHTS)
    assert plot.mode == LAYERS


def view_point(x: float, magnitude: float) -> tuple[float, float]:
    """Where (iteration, |∂E/∂w|) is in the plot's coordinates (y in log10: log scale)."""
    return x, float(np.log10(magnitude))


def test_after_n_iterations_each_weight_has_n_magnitudes_all_drawn_in_grey(plot):
    trainer = make_trainer()
    feed(plot, trainer, 30, HistoryCursor())
    _, magnitudes = trainer.history.weight_magnitudes()
    index = trainer.history.weight_index(0, 2, 1)
    assert plot.weight_keys[index] == (0, 2, 1)
    x, y = plot.weight_history(0, 2, 1)
    np.testing.assert_array_equal(x, np.arange(1, 31))
    np.testing.assert_array_equal(y, magnitudes[:, index])
    raster = plot.weight_raster
    assert raster.image.isVisible()
    assert raster.curve_count == 12
    for key in plot.weight_keys:
        x, y = plot.weight_history(*key)
        for row in (0, 14, 29):
            assert raster.coverage_at(*view_point(x[row], y[row])) >= 1, (key, row)


def test_the_layer_mode_draws_the_norm_of_each_layer(plot):
    trainer = make_trainer(sizes=SPIRAL, batch_size=10)
    feed(plot, trainer, 24, HistoryCursor())
    assert plot.mode == LAYERS
    stamps, norms = trainer.history.layer_norms.arrays()
    for layer, curve in enumerate(plot.norm_curves):
        x, y = points(curve)
        np.testing.assert_array_equal(x, stamps)
        np.testing.assert_allclose(y, np.log10(norms[:, layer]))  # drawn on the log scale


def test_switching_mode_draws_the_other_curves(plot):
    trainer = make_trainer()
    feed(plot, trainer, 12, HistoryCursor())
    plot.set_mode(LAYERS)
    plot.refresh()
    assert all(len(points(curve)[0]) == 12 for curve in plot.norm_curves)
    assert plot.norm_curves[0].isVisible()
    assert not plot.weight_raster.image.isVisible()
    assert plot.plot_item.getAxis("left").labelText.startswith("‖∂E/∂W‖")


def test_the_deep_sigmoid_stack_shows_first_layers_with_far_smaller_gradients(plot):
    trainer = make_trainer(sizes=DEEP_SIGMOID, activation="sigmoid", batch_size=10)
    feed(plot, trainer, 40, HistoryCursor(), chunk=20)
    first = points(plot.norm_curves[0])[1]
    last = points(plot.norm_curves[-1])[1]
    assert np.median(last - first) > 2  # two decades apart: what the log scale is there to show


def test_a_decimated_history_replaces_the_points_drawn(plot, monkeypatch):
    monkeypatch.setattr(history_module, "WEIGHT_CAPACITY", 16)
    trainer = make_trainer()
    feed(plot, trainer, 60, HistoryCursor(), chunk=7)
    stamps, _ = trainer.history.weight_gradients.arrays()
    x, _ = plot.weight_history(0, 0, 0)
    assert len(x) == len(stamps) < 60
    np.testing.assert_array_equal(x, stamps)


def test_clear_empties_the_curves_and_the_heat_maps(plot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    plot.mark_divergence(11)
    plot.clear()
    plot.refresh()
    assert len(plot.weight_history(0, 0, 0)[0]) == 0
    assert not plot.weight_raster.image.isVisible()
    assert plot.divergence_line is None
    assert not plot.heat_maps_shown


def test_divergence_is_marked_with_a_dashed_line(plot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    plot.mark_divergence(11)
    assert plot.divergence_line.value() == 11
    assert plot.divergence_line.label.format == "divergence"


def test_selecting_a_weight_highlights_its_curve_in_its_sign_colour_and_emits_nothing(plot, qtbot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    weights = trainer.network.weights
    positive = next(zip(*np.nonzero(weights[0] > 0), strict=True))
    negative = next(zip(*np.nonzero(weights[0] < 0), strict=True))
    with qtbot.assertNotEmitted(plot.weight_selected):
        plot.select_weight(0, *positive)
    curve = plot.selected_curve
    assert curve.opts["pen"].widthF() == HIGHLIGHT_WIDTH
    assert curve.opts["pen"].color().name() == POSITIVE.lower()
    assert curve.zValue() > plot.weight_raster.image.zValue()  # over the grey ones
    np.testing.assert_array_equal(points(curve)[1], plot.weight_history(0, *positive)[1])
    plot.select_weight(0, *negative)
    assert curve.opts["pen"].color().name() == NEGATIVE.lower()
    np.testing.assert_array_equal(points(curve)[1], plot.weight_history(0, *negative)[1])
    assert plot.selected_weight == (0, *negative)
    assert "w" in plot.plot_item.titleLabel.text


def test_selecting_something_that_is_not_a_weight_clears_the_selection(plot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    plot.select_weight(0, 1, 1)
    plot.select_weight(5, 0, 0)
    assert plot.selected_weight is None
    assert len(points(plot.selected_curve)[0]) == 0
    assert "Click a curve" in plot.plot_item.titleLabel.text


def alone_at(plot: GradientPlot, row: int) -> tuple[tuple[int, int, int], QPointF]:
    """A weight whose curve is the only one at its point ``row``, and where that is on screen."""
    for key in plot.weight_keys:
        x, y = plot.weight_history(*key)
        point = view_point(x[row], y[row])
        if plot.weight_raster.coverage_at(*point) == 1:
            box = plot.plot_item.getViewBox()
            return key, box.mapViewToScene(QPointF(*point))
    raise AssertionError("every point is shared by several curves")


class SceneClick:
    """What pyqtgraph's scene says of a left click at ``scene_pos``."""

    def __init__(self, scene_pos: QPointF):
        self._scene_pos = scene_pos
        self.accepted = False

    def button(self):
        return Qt.MouseButton.LeftButton

    def double(self):
        return False

    def scenePos(self):
        return self._scene_pos

    def accept(self):
        self.accepted = True


def test_clicking_a_grey_curve_selects_its_weight_and_says_so(plot, qtbot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    key, scene_pos = alone_at(plot, 9)
    click = SceneClick(scene_pos)
    with qtbot.waitSignal(plot.weight_selected) as signal:
        plot.view.scene().sigMouseClicked.emit(click)
    assert click.accepted
    assert tuple(signal.args) == key
    assert plot.selected_weight == key
    assert plot.selected_curve.opts["pen"].widthF() == HIGHLIGHT_WIDTH


def test_a_click_away_from_every_curve_selects_nothing(plot, qtbot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    box = plot.plot_item.getViewBox()
    (x0, _), (y0, y1) = box.viewRange()
    far = box.mapViewToScene(QPointF(x0 + 0.01, y1 - 0.01 * (y1 - y0)))  # top left corner
    with qtbot.assertNotEmitted(plot.weight_selected):
        plot.view.scene().sigMouseClicked.emit(SceneClick(far))
    assert plot.selected_weight is None


def test_hovering_a_grey_curve_names_its_weight_and_darkens_it(plot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    key, scene_pos = alone_at(plot, 5)
    plot.view.scene().sigMouseMoved.emit(scene_pos)
    np.testing.assert_array_equal(points(plot.hovered_curve)[1], plot.weight_history(*key)[1])
    assert QToolTip.text() == weight_name(*key)
    plot.view.scene().sigMouseMoved.emit(QPointF(-50, -50))  # off the plot
    assert len(points(plot.hovered_curve)[0]) == 0


def test_heat_maps_wait_for_the_first_backward_pass_with_an_explanation(plot):
    trainer = make_trainer()
    cursor = HistoryCursor()
    plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh()
    assert not plot.heat_maps_shown
    for _ in range(3):
        trainer.step_phase()
    assert trainer.phase is Phase.BACKWARD
    plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    plot.refresh()
    assert plot.heat_maps_shown
    assert plot.heat_map_title == "|∂E/∂w| per layer, iteration 1"


def test_each_heat_map_shows_its_layer_matrix_on_one_log_colour_scale(plot):
    trainer = make_trainer()
    feed(plot, trainer, 5, HistoryCursor())
    gradients = [np.abs(g) for g in trainer.grad_weights]
    top = np.log10(max(g.max() for g in gradients))
    low, high = plot.heat_levels
    assert high - 1 < top <= high  # the largest gradient sits in the scale's top decade
    assert high == pytest.approx(round(2 * high) / 2)  # a round top: it moves rarely
    assert low == pytest.approx(high - HEAT_DECADES)
    colors = pg.colormap.get(COLORMAP).getLookupTable(nPts=256, alpha=False)
    mosaic = plot.heat_mosaic
    for layer, magnitude in enumerate(gradients):
        indices = mosaic.layer_indices(layer)
        position = np.clip((np.log10(magnitude) - low) / (high - low), 0, 1)
        np.testing.assert_array_equal(indices, np.rint(position * 255))
        tile = mosaic.tiling.tiles[layer]
        for j, i in np.ndindex(*magnitude.shape):  # rows: neuron j, columns: neuron i
            centre = tile.cell(j, i).center()
            pixel = int(mosaic.pixels[int(centre.y()), int(centre.x())])
            rgb = [(pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF]
            assert rgb == list(colors[indices[j, i]])
    plot.set_log_scale(False)
    plot.refresh()
    largest = max(g.max() for g in gradients)
    assert plot.heat_levels == (0.0, stepped_bound(largest))
    expected = np.rint(gradients[0] / stepped_bound(largest) * 255)
    np.testing.assert_array_equal(mosaic.layer_indices(0), expected)


def test_the_colour_scale_stays_while_the_largest_gradient_stays_in_its_top_decade():
    scale = color_scale(0.03, log_scale=True)
    assert scale == (-1.5 - HEAT_DECADES, -1.5)  # log10(0.03) = -1.52, up to half a decade
    assert color_scale(0.02, True, scale) == scale
    assert color_scale(0.004, True, scale) == scale
    assert color_scale(0.003, True, scale) == (-2.5 - HEAT_DECADES, -2.5)
    assert color_scale(0.05, True, scale) == (-1.0 - HEAT_DECADES, -1.0)
    assert color_scale(0.0, True, scale) == scale
    linear = color_scale(0.03, log_scale=False)
    assert linear == (0.0, 0.03)
    assert color_scale(0.02, False, linear) == linear
    assert color_scale(0.005, False, linear) == (0.0, 0.005)
    assert color_scale(0.04, False, linear) == (0.0, 0.04)


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def test_while_training_runs_the_heat_maps_redraw_at_most_a_few_times_a_second(
    plot, qtbot, monkeypatch
):
    clock = Clock()
    monkeypatch.setattr(gradient_plot_module, "time", clock)
    trainer = make_trainer()
    cursor = HistoryCursor()
    feed(plot, trainer, 2, cursor)
    assert plot.heat_map_title.endswith("iteration 2")
    first = plot.heat_mosaic.layer_indices(0).copy()
    clock.now += HEAT_INTERVAL / 2
    trainer.run_iterations(40)
    plot.show_snapshot(take_snapshot(trainer, 0, cursor))
    qtbot.waitUntil(lambda: len(plot.weight_history(0, 0, 0)[0]) == 42)
    assert plot.heat_map_title.endswith("iteration 2")  # too soon: the curves only
    np.testing.assert_array_equal(plot.heat_mosaic.layer_indices(0), first)
    clock.now += HEAT_INTERVAL
    qtbot.waitUntil(lambda: plot.heat_map_title.endswith("iteration 42"))
    assert not np.array_equal(plot.heat_mosaic.layer_indices(0), first)


def test_clicking_a_heat_map_cell_selects_that_weight(plot, qtbot):
    trainer = make_trainer()
    feed(plot, trainer, 5, HistoryCursor())
    mosaic = plot.heat_mosaic

    class Click:
        def __init__(self, x, y):
            self._pos = QPointF(x, y)
            self.accepted = False

        def button(self):
            return Qt.MouseButton.LeftButton

        def pos(self):
            return self._pos

        def accept(self):
            self.accepted = True

    centre = mosaic.tiling.tiles[0].cell(3, 1).center()  # row j = 3, column i = 1
    click = Click(centre.x(), centre.y())
    with qtbot.waitSignal(plot.weight_selected) as signal:
        mosaic.mouseClickEvent(click)
    assert click.accepted
    assert signal.args == [0, 3, 1]
    assert plot.selected_weight == (0, 3, 1)
    assert mosaic.selected == (0, 3, 1)  # outlined
    away = Click(1, 1)  # a corner, on no matrix
    mosaic.mouseClickEvent(away)
    assert not away.accepted


def test_log_scale_is_the_default_and_can_be_switched_off(plot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    plot.select_weight(0, 0, 0)
    assert plot.selected_curve.opts["logMode"] == [False, True]
    x, y = plot.weight_history(0, 0, 0)
    assert plot.weight_raster.coverage_at(x[5], np.log10(y[5])) >= 1
    plot.set_log_scale(False)
    plot.refresh()
    assert not plot.log_scale
    assert plot.selected_curve.opts["logMode"] == [False, False]
    assert plot.weight_raster.coverage_at(x[5], y[5]) >= 1
    plot.set_mode(LAYERS)
    plot.refresh()
    _, norms = trainer.history.layer_norms.arrays()
    np.testing.assert_allclose(points(plot.norm_curves[0])[1], norms[:, 0])  # no log10


def test_exports_write_a_png_an_svg_and_a_csv_of_every_row(plot, tmp_path):
    trainer = make_trainer()
    feed(plot, trainer, 20, HistoryCursor())
    plot.export_png(tmp_path / "g.png")
    assert not QImage(str(tmp_path / "g.png")).isNull()
    plot.export_svg(tmp_path / "g.svg")
    assert (tmp_path / "g.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    plot.export_csv(tmp_path / "g.csv")
    with open(tmp_path / "g.csv", newline="", encoding="utf-8") as stream:
        table = list(csv.reader(stream))
    assert table[0][:4] == ["iteration", "norm_layer_1_2", "norm_layer_2_3", "w_1_1_layer_1_2"]
    assert len(table[0]) == 1 + 2 + 12
    assert len(table) == 1 + 20
    assert not plot.plot_item.menuEnabled()
    assert not plot.plot_item.getViewBox().menuEnabled()


def test_svg_path_closes_are_spelled_out_as_lines_back_to_the_start():
    assert explicit_closes("M0,0 L4,0 L4,2 Z M5,5 L6,6 Z") == ("M0,0 L4,0 L4,2 L0,0 M5,5 L6,6 L5,5")
    assert explicit_closes("M1,1 L2,2Z") == "M1,1 L2,2 L1,1"
    assert explicit_closes("M1,1 L2,2") == "M1,1 L2,2"


def test_log_axis_labels_use_powers_of_ten_and_round_values():
    assert log_tick(-5) == "10⁻⁵"
    assert log_tick(np.log10(2e-5)) == "2·10⁻⁵"
    assert log_tick(-1) == "0.1"
    assert log_tick(np.log10(0.12)) == "0.12"
    axis = LocaleAxisItem("left")
    axis.setLogMode(True)
    axis.setRange(-3.5, -0.5)
    assert axis.tickStrings([-3.0, np.log10(2e-3), np.log10(3e-3)], 1.0, 1.0) == [
        "10⁻³",
        "2·10⁻³",
        "",
    ]


def test_in_a_narrow_dock_titles_and_heat_header_wrap_instead_of_widening_the_plot(qtbot):
    plot = GradientPlot()
    qtbot.addWidget(plot)
    plot.resize(360, 300)
    plot.show()
    qtbot.waitExposed(plot)
    trainer = make_trainer(sizes=DEEP_SIGMOID, activation="sigmoid", batch_size=10)
    feed(plot, trainer, 12, HistoryCursor())
    qtbot.wait(1)  # the layouts settle in the event loop
    item = plot.plot_item
    assert item.titleLabel.text.count("<br>") >= 1  # seven layers do not fit on one line
    assert item.titleLabel.boundingRect().width() <= item.getViewBox().width() + 1
    assert item.mapRectToScene(item.boundingRect()).right() <= plot.view.width()
    assert plot.heat_map_title == "|∂E/∂w| per layer, iteration 12"
    header = plot.heat_view.ci.getItem(0, 0)
    assert header.boundingRect().width() <= plot.heat_view.width()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.mark.parametrize("mode", [LAYERS, WEIGHTS])
def test_a_redraw_that_moves_the_axes_paints_each_view_once(plot, qtbot, qapp, mode):
    plot.set_network(SPIRAL)
    plot.set_mode(mode)
    trainer = make_trainer(sizes=SPIRAL)
    cursor = HistoryCursor()
    feed(plot, trainer, 20, cursor)
    # The heat maps' own timer, started by the frames above, fires and their view settles.
    qtbot.wait(round(1000 * HEAT_INTERVAL) + 50)
    counters = (PaintCounter(), PaintCounter())
    for view, counter in zip((plot.view, plot.heat_view), counters, strict=True):
        view.viewport().installEventFilter(counter)
    feed(plot, trainer, 5, cursor)  # past 20: the x axis grows, the heat maps change
    for _ in range(5):
        qapp.processEvents()
    assert plot.plot_item.getViewBox().viewRange()[0][1] > 25
    assert plot.heat_map_title.endswith("iteration 25")
    assert [counter.count for counter in counters] == [1, 1]
