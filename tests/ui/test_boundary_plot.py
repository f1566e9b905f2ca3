"""The decision-boundary plot: heat map under the points, neuron maps, clicks, notes, exports."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.boundary import decision_grid, input_bounds
from backprop_gui.engine.datasets import Dataset, make_dataset, train_test_split
from backprop_gui.ui.plots.boundary_plot import BoundaryPlot

SIZE = (640, 480)


@pytest.fixture
def plot(qtbot) -> BoundaryPlot:
    widget = BoundaryPlot()
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def xor_sets() -> tuple[Dataset, Dataset]:
    return train_test_split(make_dataset("xor", n_samples=120, seed=2), 0.25, seed=2)


def trained_xor() -> tuple[Dataset, Dataset, Network]:
    train, test = xor_sets()
    network = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    Trainer(network, train.X, train.Y, learning_rate=0.5).run_iterations(300)
    return train, test, network


def shown_xor(plot: BoundaryPlot, resolution: int = 40) -> tuple[Dataset, Dataset, Network]:
    train, test, network = trained_xor()
    plot.set_data(train, test)
    plot.show_grid(decision_grid(network, plot.grid_bounds(), resolution=resolution))
    plot.refresh()
    return train, test, network


def point_count(scatter) -> int:
    return len(scatter.data)


def test_xor_shows_the_output_map_with_the_grid_shape_under_the_class_points(plot):
    train, _, _ = shown_xor(plot, resolution=40)
    assert plot.image.isVisible()
    assert plot.image.image.shape[:2] == (40, 40)
    labels = train.class_labels()
    counts = [point_count(s) for s in plot.train_points()]
    assert counts == [int(np.sum(labels == 0)), int(np.sum(labels == 1))]
    assert plot.image.zValue() < min(s.zValue() for s in plot.train_points())


def test_heat_map_covers_the_grid_bounds(plot):
    shown_xor(plot)
    x_min, x_max, y_min, y_max = plot.grid_bounds()
    rect = plot.image.mapRectToParent(plot.image.boundingRect())
    assert rect.left() < x_min < x_max < rect.right()
    assert rect.top() < y_min < y_max < rect.bottom()


def test_grid_bounds_frame_training_and_test_points(plot):
    train, test = xor_sets()
    plot.set_data(train, test)
    assert plot.grid_bounds() == pytest.approx(input_bounds(np.vstack((train.X, test.X))))


def test_sigmoid_output_draws_the_half_contour(plot):
    shown_xor(plot)
    assert plot.contour.level == pytest.approx(0.5)
    assert plot.contour.data is not None


def test_test_points_appear_only_when_the_checkbox_is_ticked(plot):
    _, test, _ = shown_xor(plot)
    assert sum(point_count(s) for s in plot.test_points()) == 0
    plot.findChild(QCheckBox, "show_test_points").setChecked(True)
    plot.refresh()
    assert sum(point_count(s) for s in plot.test_points()) == test.n_samples
    assert "test" in plot.title_text()


def test_multiclass_legend_names_the_classes_and_pixels_take_class_tints(plot):
    data = make_dataset("blobs", n_samples=90, seed=1)
    network = Network([2, 5, 3], ["relu", "softmax"], "cross_entropy", seed=0)
    plot.set_data(data, None)
    plot.show_grid(decision_grid(network, plot.grid_bounds(), resolution=20))
    plot.refresh()
    for name in data.class_names:
        assert name in plot.title_text()
    assert plot.image.image.shape == (20, 20, 3)
    assert [point_count(s) for s in plot.train_points()] == [30, 30, 30]


def test_more_than_two_inputs_show_a_note_and_no_image(plot, qtbot):
    X = np.random.default_rng(0).normal(size=(10, 3))
    Y = (X[:, :1] > 0).astype(float)
    data = Dataset("csv", X, Y, "binary", ("a", "b", "c"), ("y",))
    plot.set_data(data, None)
    plot.show_grid(None)
    plot.refresh()
    assert plot.note.isVisible()
    assert "3" in plot.note.text()
    assert not plot.view.isVisible()
    assert not plot.image.isVisible()


def test_one_input_regression_draws_the_fitted_curve_over_the_grid(plot):
    data = make_dataset("sine", n_samples=40, seed=1)
    network = Network([1, 6, 1], ["tanh", "linear"], seed=0)
    plot.set_data(data, None)
    grid = decision_grid(network, plot.grid_bounds(), resolution=50)
    plot.show_grid(grid)
    plot.refresh()
    (curve,) = [c for c in plot.curves() if c.xData is not None and len(c.xData)]
    assert len(curve.xData) == 50
    np.testing.assert_allclose(curve.yData, grid.outputs[0, :, 0])
    assert point_count(plot.train_points()[0]) == 40
    assert not plot.image.isVisible()


def test_show_neuron_switches_the_image_to_its_hidden_map_and_back(plot):
    train, _, network = trained_xor()
    plot.set_data(train, None)
    grid = decision_grid(network, plot.grid_bounds(), resolution=30)
    plot.show_grid(grid)
    plot.show_neuron(1, 2)
    plot.refresh()
    np.testing.assert_array_equal(plot.image.image, grid.hidden[0][..., 2])
    assert "h₃" in plot.title_text()
    plot.show_output()
    plot.refresh()
    np.testing.assert_array_equal(plot.image.image, grid.outputs[..., 0])
    plot.show_neuron(1, 0)
    plot.show_neuron(-1, -1)
    plot.refresh()
    np.testing.assert_array_equal(plot.image.image, grid.outputs[..., 0])


def viewport_position(plot: BoundaryPlot, x: float, y: float):
    box = plot.plot_item.getViewBox()
    scene = box.mapViewToScene(QPointF(x, y))
    return plot.view.mapFromScene(scene)


def test_left_and_right_clicks_ask_for_points_at_the_clicked_data_coordinates(plot, qtbot):
    shown_xor(plot)
    target = (0.3, -0.4)
    position = viewport_position(plot, *target)
    with qtbot.waitSignal(plot.point_added) as blocker:
        qtbot.mouseClick(plot.view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    x, y, label = blocker.args
    pixel = plot.plot_item.getViewBox().viewPixelSize()
    assert abs(x - target[0]) <= 1.5 * pixel[0]
    assert abs(y - target[1]) <= 1.5 * pixel[1]
    assert label == 1
    with qtbot.waitSignal(plot.point_added) as blocker:
        qtbot.mouseClick(plot.view.viewport(), Qt.MouseButton.RightButton, pos=position)
    assert blocker.args[2] == 0


def test_ctrl_click_on_a_point_asks_to_remove_it(plot, qtbot):
    train, _, _ = shown_xor(plot)
    index = 7
    position = viewport_position(plot, *train.X[index])
    with qtbot.waitSignal(plot.point_removed) as blocker:
        qtbot.mouseClick(
            plot.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            position,
        )
    assert blocker.args == [index]


def test_clicks_add_nothing_to_multiclass_data(plot, qtbot):
    plot.set_data(make_dataset("blobs", n_samples=30, seed=1), None)
    plot.refresh()
    with qtbot.assertNotEmitted(plot.point_added):
        position = viewport_position(plot, 0.0, 0.0)
        qtbot.mouseClick(plot.view.viewport(), Qt.MouseButton.LeftButton, pos=position)


def test_exports_write_a_picture_and_one_csv_row_per_grid_point(plot, tmp_path):
    shown_xor(plot, resolution=12)
    plot.export_png(tmp_path / "b.png")
    plot.export_svg(tmp_path / "b.svg")
    plot.export_csv(tmp_path / "b.csv")
    assert not QImage(str(tmp_path / "b.png")).isNull()
    assert "<svg" in (tmp_path / "b.svg").read_text(encoding="utf-8")
    with open(tmp_path / "b.csv", newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["x", "y", "output_1"]
    assert len(rows) == 1 + 12 * 12
    assert all(len(row) == 3 for row in rows)


def test_two_input_regression_colours_points_and_draws_no_class_line(plot):
    data = make_dataset("plane", n_samples=60, seed=1)
    network = Network([2, 3, 1], ["tanh", "linear"], seed=0)
    plot.set_data(data, None)
    plot.show_grid(decision_grid(network, plot.grid_bounds(), resolution=16))
    plot.refresh()
    assert plot.image.image.shape == (16, 16)
    assert plot.contour.data is None
    assert point_count(plot.train_points()[0]) == 60
    brushes = {s.brush().color().name() for s in plot.train_points()[0].points()}
    assert len(brushes) > 5


def test_a_neuron_without_a_kept_map_leaves_the_output_shown(plot):
    train, _, network = trained_xor()
    plot.set_data(train, None)
    grid = decision_grid(network, plot.grid_bounds(), resolution=10)
    plot.show_grid(grid)
    plot.show_neuron(1, 9)
    plot.refresh()
    np.testing.assert_array_equal(plot.image.image, grid.outputs[..., 0])


FRENCH_WORDS = {
    "Show test points": "Afficher les points de test",
    "Predicted class (the largest output)": "Classe prédite (la plus grande sortie)",
}


class FrenchForTest(QTranslator):
    """Just enough French to see the plot re-translate itself on a language change."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return FRENCH_WORDS.get(source, "")

    def isEmpty(self) -> bool:
        return False


def test_a_language_change_retranslates_the_checkbox_and_the_title(plot, qapp):
    data = make_dataset("blobs", n_samples=30, seed=1)
    plot.set_data(data, None)
    network = Network([2, 3], ["softmax"], "cross_entropy")
    plot.show_grid(decision_grid(network, plot.grid_bounds(), resolution=8))
    plot.refresh()
    checkbox = plot.findChild(QCheckBox, "show_test_points")
    translator = FrenchForTest()
    qapp.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(plot, QEvent(QEvent.Type.LanguageChange))
        plot.refresh()
        assert checkbox.text() == "Afficher les points de test"
        assert "Classe prédite" in plot.title_text()
    finally:
        qapp.removeTranslator(translator)
    QCoreApplication.sendEvent(plot, QEvent(QEvent.Type.LanguageChange))
    plot.refresh()
    assert checkbox.text() == "Show test points"
