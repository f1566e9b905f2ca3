"""The gradient plot follows a real run: one curve per weight or per layer, heat maps, selection."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from backprop_gui.engine import Network, Phase, Trainer
from backprop_gui.engine import history as history_module
from backprop_gui.engine.datasets import make_dataset
from backprop_gui.engine.snapshot import HistoryCursor, take_snapshot
from backprop_gui.ui.plots import GradientPlot, layer_pair_name, weight_name
from backprop_gui.ui.plots.export import explicit_closes
from backprop_gui.ui.plots.gradient_plot import HEAT_DECADES, HIGHLIGHT_WIDTH, LAYERS, WEIGHTS
from backprop_gui.ui.plots.plot_style import LocaleAxisItem, log_tick
from backprop_gui.ui.style import NEGATIVE, NEUTRAL, POSITIVE

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
    x, y = curve.getOriginalDataset()
    if x is None:
        return np.zeros(0), np.zeros(0)
    return np.asarray(x), np.asarray(y)


def test_weight_names_read_like_the_textbook():
    assert weight_name(0, 1, 0) == "w₂₁ (layer 1→2)"
    assert weight_name(2, 0, 3) == "w₁₄ (layer 3→4)"
    assert weight_name(1, 10, 2) == "w₁₁,₃ (layer 2→3)"
    assert layer_pair_name(0) == "layer 1→2"


def test_a_small_network_gets_one_named_curve_per_weight_and_one_per_layer(plot):
    plot.set_network(XOR)
    assert len(plot.weight_curves) == 12
    assert len(plot.norm_curves) == 2
    assert plot.mode == WEIGHTS
    assert plot.weight_curve(1, 0, 3).name() == "w₁₄ (layer 2→3)"
    assert plot.norm_curves[1].name() == "layer 2→3"
    assert all(curve.isVisible() for curve in plot.weight_curves)
    assert not any(curve.isVisible() for curve in plot.norm_curves)


def test_larger_networks_open_on_the_layer_norms_in_log_scale(plot):
    plot.set_network(SPIRAL)
    assert len(plot.weight_curves) == 152
    assert plot.mode == LAYERS
    assert plot.log_scale
    assert plot.norm_curves[0].opts["logMode"] == [False, True]


def test_a_network_too_big_to_follow_each_weight_offers_only_the_layers(plot):
    plot.set_network((2, 30, 30, 1))
    assert plot.weight_curves == []
    assert len(plot.norm_curves) == 3
    plot.set_mode(WEIGHTS)
    assert plot.mode == LAYERS


def test_after_n_iterations_each_weight_curve_holds_n_magnitudes(plot):
    trainer = make_trainer()
    feed(plot, trainer, 30, HistoryCursor())
    _, magnitudes = trainer.history.weight_magnitudes()
    index = trainer.history.weight_index(0, 2, 1)
    x, y = points(plot.weight_curve(0, 2, 1))
    np.testing.assert_array_equal(x, np.arange(1, 31))
    np.testing.assert_array_equal(y, magnitudes[:, index])
    assert all(len(points(curve)[0]) == 30 for curve in plot.weight_curves)


def test_the_layer_mode_draws_the_norm_of_each_layer(plot):
    trainer = make_trainer(sizes=SPIRAL, batch_size=10)
    feed(plot, trainer, 24, HistoryCursor())
    assert plot.mode == LAYERS
    stamps, norms = trainer.history.layer_norms.arrays()
    for layer, curve in enumerate(plot.norm_curves):
        x, y = points(curve)
        np.testing.assert_array_equal(x, stamps)
        np.testing.assert_array_equal(y, norms[:, layer])


def test_switching_mode_draws_the_other_curves(plot):
    trainer = make_trainer()
    feed(plot, trainer, 12, HistoryCursor())
    plot.set_mode(LAYERS)
    plot.refresh()
    assert all(len(points(curve)[0]) == 12 for curve in plot.norm_curves)
    assert plot.norm_curves[0].isVisible()
    assert not plot.weight_curves[0].isVisible()
    assert plot.plot_item.getAxis("left").labelText.startswith("‖∂E/∂W‖")


def test_the_deep_sigmoid_stack_shows_first_layers_with_far_smaller_gradients(plot):
    trainer = make_trainer(sizes=DEEP_SIGMOID, activation="sigmoid", batch_size=10)
    feed(plot, trainer, 40, HistoryCursor(), chunk=20)
    first = points(plot.norm_curves[0])[1]
    last = points(plot.norm_curves[-1])[1]
    assert np.median(last / first) > 100  # what the log scale is there to show


def test_a_decimated_history_replaces_the_points_drawn(plot, monkeypatch):
    monkeypatch.setattr(history_module, "WEIGHT_CAPACITY", 16)
    trainer = make_trainer()
    feed(plot, trainer, 60, HistoryCursor(), chunk=7)
    stamps, _ = trainer.history.weight_gradients.arrays()
    x, _ = points(plot.weight_curves[0])
    assert len(x) == len(stamps) < 60
    np.testing.assert_array_equal(x, stamps)


def test_clear_empties_the_curves_and_the_heat_maps(plot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    plot.mark_divergence(11)
    plot.clear()
    plot.refresh()
    assert all(len(points(curve)[0]) == 0 for curve in plot.weight_curves)
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
    curve = plot.weight_curve(0, *positive)
    assert curve.opts["pen"].widthF() == HIGHLIGHT_WIDTH
    assert curve.opts["pen"].color().name() == POSITIVE.lower()
    assert curve.zValue() > 0  # drawn over the grey ones
    plot.select_weight(0, *negative)
    assert plot.weight_curve(0, *negative).opts["pen"].color().name() == NEGATIVE.lower()
    assert curve.opts["pen"].widthF() == 1
    assert curve.opts["pen"].color().name() == NEUTRAL.lower()
    assert plot.selected_weight == (0, *negative)
    assert "w" in plot.plot_item.titleLabel.text


def test_selecting_something_that_is_not_a_weight_clears_the_selection(plot):
    plot.set_network(XOR)
    plot.select_weight(0, 1, 1)
    plot.select_weight(5, 0, 0)
    assert plot.selected_weight is None
    assert all(curve.opts["pen"].widthF() == 1 for curve in plot.weight_curves)


def test_clicking_a_curve_selects_its_weight_and_says_so(plot, qtbot):
    trainer = make_trainer()
    feed(plot, trainer, 10, HistoryCursor())
    curve = plot.weight_curve(1, 0, 2)
    assert curve.curveClickable()
    with qtbot.waitSignal(plot.weight_selected) as signal:
        curve.sigClicked.emit(curve, None)
    assert signal.args == [1, 0, 2]
    assert plot.selected_weight == (1, 0, 2)
    assert curve.opts["pen"].widthF() == HIGHLIGHT_WIDTH


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
    high = np.log10(max(g.max() for g in gradients))
    for image, magnitude in zip(plot.heat_images, gradients, strict=True):
        # ImageItem is indexed [x, y]: x = neuron i (columns), y = neuron j (rows).
        assert image.image.shape == magnitude.T.shape
        np.testing.assert_allclose(
            image.image, np.maximum(np.log10(magnitude.T), high - HEAT_DECADES)
        )
        assert image.levels[1] == pytest.approx(high)
    plot.set_log_scale(False)
    plot.refresh()
    np.testing.assert_allclose(plot.heat_images[0].image, gradients[0].T)


def test_clicking_a_heat_map_cell_selects_that_weight(plot, qtbot):
    trainer = make_trainer()
    feed(plot, trainer, 5, HistoryCursor())
    image = plot.heat_images[0]

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

    click = Click(1.5, 3.2)  # column i = 1, row j = 3
    with qtbot.waitSignal(plot.weight_selected) as signal:
        image.mouseClickEvent(click)
    assert click.accepted
    assert signal.args == [0, 3, 1]
    assert plot.selected_weight == (0, 3, 1)


def test_log_scale_is_the_default_and_can_be_switched_off(plot):
    plot.set_network(XOR)
    assert plot.weight_curves[0].opts["logMode"] == [False, True]
    plot.set_log_scale(False)
    assert not plot.log_scale
    assert plot.weight_curves[0].opts["logMode"] == [False, False]


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
