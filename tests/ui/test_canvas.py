"""The network canvas: items follow the architecture, phases light up, clicks select and edit."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, Qt, QTimer, QTranslator
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from backprop_gui.engine import Network, Phase, Trainer
from backprop_gui.engine.snapshot import take_snapshot
from backprop_gui.ui import style
from backprop_gui.ui.canvas import FLASH_TARGETS, NetworkView
from backprop_gui.ui.canvas.edges import MAX_DRAWN_EDGES, WIDTH_STEPS
from backprop_gui.ui.canvas.editor import MAX_EDIT_VALUE
from backprop_gui.ui.canvas.formatting import format_change, parse_number
from backprop_gui.ui.canvas.formatting import format_number as canvas_format_number
from backprop_gui.ui.canvas.geometry import NetworkGeometry
from backprop_gui.ui.canvas.names import neuron_name
from backprop_gui.ui.canvas.placement import place_edge_labels
from backprop_gui.ui.canvas.view import FLASH_MS
from backprop_gui.ui.formatting import format_number

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)

CLASSIC_WEIGHTS = [np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])]
CLASSIC_BIASES = [np.array([0.35, 0.35]), np.array([0.60, 0.60])]


@pytest.fixture
def french() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(FRENCH)
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def view(qtbot) -> NetworkView:
    canvas = NetworkView()
    qtbot.addWidget(canvas)
    canvas.resize(900, 560)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def classic_trainer() -> Trainer:
    """Matt Mazur's 2-2-2 network, the one a class computes by hand."""
    net = Network([2, 2, 2], ["sigmoid", "sigmoid"])
    net.set_parameters(CLASSIC_WEIGHTS, CLASSIC_BIASES)
    return Trainer(net, np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]]), learning_rate=0.5)


def random_trainer(sizes: list[int], activations: list[str], seed: int = 0) -> Trainer:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(16, sizes[0]))
    Y = (X[:, :1] > 0).astype(float).repeat(sizes[-1], axis=1)
    return Trainer(Network(sizes, activations, seed=seed), X, Y, learning_rate=0.5)


def snapshot_after(trainer: Trainer, phases: int):
    for _ in range(phases):
        trainer.step_phase()
    return take_snapshot(trainer)


def classic_view(view: NetworkView, phases: int = 0) -> Trainer:
    trainer = classic_trainer()
    view.set_network([2, 2, 2], ["sigmoid", "sigmoid"], ["i1", "i2"], ["o1", "o2"])
    view.show_snapshot(snapshot_after(trainer, phases))
    return trainer


def scene_point(x: float, y: float) -> QPointF:
    return QPointF(float(x), float(y))


def click(qtbot, view: NetworkView, point: QPointF) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(point))


def double_click(qtbot, view: NetworkView, point: QPointF) -> None:
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(point))


def editor_of(view: NetworkView) -> QLineEdit:
    editor = view.viewport().findChild(QLineEdit, "value_editor")
    assert editor is not None, "double-click opened no editor"
    return editor


# -- geometry and placement (no widget) -----------------------------------------------------


def test_edges_are_stored_in_the_order_of_the_flattened_weight_matrices() -> None:
    geometry = NetworkGeometry([3, 2, 4])
    keys = [geometry.edge_key(flat) for flat in range(geometry.n_edges)]
    expected = [(0, j, i) for j in range(2) for i in range(3)]
    expected += [(1, j, i) for j in range(4) for i in range(2)]
    assert keys == expected
    assert all(geometry.edge_flat(*key) == flat for flat, key in enumerate(keys))


def test_edges_join_the_neurons_of_their_weight() -> None:
    geometry = NetworkGeometry([3, 2, 4])
    for flat in range(geometry.n_edges):
        layer, j, i = geometry.edge_key(flat)
        source = geometry.centers[geometry.neuron_flat(layer, i)]
        target = geometry.centers[geometry.neuron_flat(layer + 1, j)]
        np.testing.assert_array_equal(geometry.edge_start[flat], source)
        np.testing.assert_array_equal(geometry.edge_end[flat], target)


def test_layers_are_columns_from_inputs_on_the_left_to_outputs_on_the_right() -> None:
    geometry = NetworkGeometry([2, 5, 1])
    assert np.all(np.diff(geometry.column_x) > 0)
    for layer in range(3):
        assert np.all(geometry.layer_centers(layer)[:, 0] == geometry.column_x[layer])
        assert np.all(np.diff(geometry.layer_centers(layer)[:, 1]) > 0)


def test_edge_hit_test_finds_the_nearest_edge_and_ignores_far_points() -> None:
    geometry = NetworkGeometry([2, 3, 1])
    flat = geometry.edge_flat(0, 2, 0)
    x, y = geometry.point_on_edge(flat, 0.25)
    assert geometry.edge_at(x, y + 2.0, tolerance=5.0) == flat
    assert geometry.edge_at(x, y + 60.0, tolerance=5.0) is None


@pytest.mark.parametrize("sizes", [[2, 2, 2], [2, 4, 1], [2, 3, 1], [2, 3, 2]])
@pytest.mark.parametrize("half_width", [30.0, 45.0, 70.0])
def test_edge_labels_of_small_networks_neither_overlap_nor_cover_a_neuron(
    sizes: list[int], half_width: float
) -> None:
    geometry = NetworkGeometry(sizes)
    half_height = 12.0
    r = geometry.metrics.radius
    neurons = np.hstack([geometry.centers - r, geometry.centers + r])
    centres = place_edge_labels(geometry, half_width, half_height, neurons)
    half = np.array([half_width, half_height])
    boxes = np.hstack([centres - half, centres + half])
    for first, second in itertools.combinations(range(len(boxes)), 2):
        a, b = boxes[first], boxes[second]
        disjoint = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
        assert disjoint, f"labels of edges {first} and {second} overlap"
    for box in boxes:
        assert all(
            box[2] <= n[0] or n[2] <= box[0] or box[3] <= n[1] or n[3] <= box[1] for n in neurons
        )


def test_neurons_are_named_as_on_the_blackboard() -> None:
    assert [neuron_name(0, 0, 3), neuron_name(1, 1, 3), neuron_name(2, 0, 3)] == ["x₁", "h₂", "ŷ₁"]
    assert neuron_name(2, 1, 4) == "h₂⁽²⁾"


def test_numbers_use_the_locale_and_an_update_shows_enough_digits_to_differ(french) -> None:
    assert format_change(0.4, 0.358916480) == "0,4 → 0,359"
    assert format_change(0.15, 0.149780716) == "0,15 → 0,1498"
    assert format_change(-3.788571, -3.788572) == "−3,79 → −3,79"  # below what six digits show
    assert format_change(-5.46712, -5.46710) == "−5,47 → −5,47"  # too long for its room
    assert parse_number("0,5") == 0.5
    assert parse_number("−1.25") == -1.25
    assert parse_number("abc") is None


# -- items follow the architecture ----------------------------------------------------------


def test_one_item_paints_every_edge_and_one_every_neuron(view: NetworkView) -> None:
    view.set_network([3, 4, 5, 2], ["tanh", "relu", "sigmoid"])
    assert view.edges_item.edge_count == 3 * 4 + 4 * 5 + 5 * 2
    assert view.network_geometry.n_neurons == 14
    assert len(view.scene().items()) == 2  # edges, neurons (the bands belong to the backdrop)


def test_setting_a_new_architecture_replaces_the_items(view: NetworkView) -> None:
    view.set_network([2, 2, 2], ["sigmoid", "sigmoid"])
    view.set_network([2, 8, 1], ["tanh", "sigmoid"])
    assert view.edges_item.edge_count == 24
    assert view.network_geometry.layer_sizes == (2, 8, 1)
    assert len(view.scene().items()) == 2


def test_a_network_needs_one_activation_per_layer_after_the_inputs(view: NetworkView) -> None:
    with pytest.raises(ValueError, match="activations"):
        view.set_network([2, 3, 1], ["sigmoid"])


def test_a_snapshot_of_another_architecture_rebuilds_the_items(view: NetworkView) -> None:
    view.set_network([2, 2, 2], ["sigmoid", "sigmoid"])
    view.show_snapshot(snapshot_after(random_trainer([2, 3, 1], ["tanh", "sigmoid"]), 1))
    assert view.network_geometry.layer_sizes == (2, 3, 1)
    assert view.edges_item.edge_count == 9


def test_column_headers_name_each_layer_and_its_activation(view: NetworkView) -> None:
    view.set_network([2, 3, 3, 1], ["tanh", "relu", "sigmoid"])
    assert view.column_headers() == [
        ("Input", ""),
        ("Hidden 1", "tanh"),
        ("Hidden 2", "ReLU"),
        ("Output", "sigmoid"),
    ]


def test_headers_follow_a_language_change(view: NetworkView, qtbot) -> None:
    class Marking(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "T:" + source if context == "NetworkView" else None

    view.set_network([2, 2, 1], ["tanh", "sigmoid"])
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    try:
        assert view.column_headers()[1] == ("T:Hidden 1", "tanh")
        assert view.accessibleName() == "T:Network"
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert view.accessibleName() == "Network"


# -- values ---------------------------------------------------------------------------------


def test_edges_are_coloured_by_sign_and_widened_by_magnitude(view: NetworkView) -> None:
    trainer = classic_trainer()
    weights = [np.array([[0.15, -0.20], [0.25, 0.30]]), np.array([[-0.40, 0.45], [0.50, -0.55]])]
    trainer.network.set_parameters(weights, CLASSIC_BIASES)
    view.set_network([2, 2, 2], ["sigmoid", "sigmoid"])
    view.show_snapshot(take_snapshot(trainer))
    edges = view.edges_item
    flat = np.concatenate([w.ravel() for w in weights])
    for index, weight in enumerate(flat):
        expected = style.NEGATIVE if weight < 0 else style.POSITIVE
        assert edges.pen_of(index).color().name() == QColor(expected).name()
        assert (edges.buckets[index] >= WIDTH_STEPS) == (weight < 0)
    widest = int(np.argmax(np.abs(flat)))
    assert edges.pen_of(widest).widthF() == max(edges.pen_of(k).widthF() for k in range(8))
    assert edges.pen_of(widest).widthF() > edges.pen_of(0).widthF()


def test_a_new_snapshot_moves_edges_to_the_bucket_of_their_new_sign(view: NetworkView) -> None:
    trainer = classic_trainer()
    view.set_network([2, 2, 2], ["sigmoid", "sigmoid"])
    view.show_snapshot(take_snapshot(trainer))
    assert np.all(view.edges_item.buckets < WIDTH_STEPS)
    flipped = [-w for w in CLASSIC_WEIGHTS]
    trainer.network.set_parameters(flipped, CLASSIC_BIASES)
    view.show_snapshot(take_snapshot(trainer))
    assert np.all(view.edges_item.buckets >= WIDTH_STEPS)
    assert view.edges_item.pen_of(0).color().name() == QColor(style.NEGATIVE).name()


def test_before_any_snapshot_edges_are_neutral(view: NetworkView) -> None:
    view.set_network([2, 2, 2], ["sigmoid", "sigmoid"])
    assert np.all(view.edges_item.buckets == -1)
    assert view.edges_item.pen_of(0).color().name() == QColor(style.NEUTRAL).name()


def test_a_higher_sigmoid_activation_fills_its_neuron_darker(view: NetworkView) -> None:
    classic_view(view, phases=1)
    brushes = view.neurons_item.brushes
    geometry = view.network_geometry
    h1, o2 = geometry.neuron_flat(1, 0), geometry.neuron_flat(2, 1)  # a = 0.593 and 0.773
    assert brushes[o2].color().lightness() < brushes[h1].color().lightness()


# -- numbers and phases ---------------------------------------------------------------------


def test_numbers_toggle_shows_weights_on_edges_and_values_in_neurons(
    view: NetworkView, french
) -> None:
    classic_view(view, phases=1)
    scale = view.scale_factor()
    assert not view.edges_item.labels_visible(scale)
    view.set_show_numbers(True)
    assert view.edges_item.labels_visible(scale)
    assert view.neurons_item.texts_visible(scale)
    assert view.edges_item.labels[:4] == ["0,15", "0,2", "0,25", "0,3"]
    h1 = view.network_geometry.neuron_flat(1, 0)
    assert view.neurons_item.badge_text(h1) == "b 0,35"
    view.set_show_numbers(False)
    assert not view.edges_item.labels_visible(scale)
    assert view.neurons_item.badge_text(h1) == "b"


def test_numbers_with_numbers_on_change_the_picture(view: NetworkView) -> None:
    classic_view(view, phases=1)
    without = view.grab().toImage()
    view.set_show_numbers(True)
    assert view.grab().toImage() != without


def test_a_large_network_keeps_its_numbers_in_the_tooltips(view: NetworkView) -> None:
    trainer = random_trainer([4, 12, 12, 3], ["tanh", "tanh", "sigmoid"])
    view.set_network([4, 12, 12, 3], ["tanh", "tanh", "sigmoid"])
    view.show_snapshot(snapshot_after(trainer, 1))
    view.set_show_numbers(True)
    assert not view.edges_item.labels_visible(view.scale_factor())
    assert not view.edges_item.labels_visible(10.0)  # too many edges, at any zoom


def test_labels_are_hidden_when_the_zoom_makes_them_unreadable(view: NetworkView) -> None:
    classic_view(view, phases=1)
    view.set_show_numbers(True)
    assert view.edges_item.labels_visible(1.0)
    assert not view.edges_item.labels_visible(0.3)
    assert not view.neurons_item.texts_visible(0.3)


def test_before_the_first_phase_nothing_is_highlighted(view: NetworkView) -> None:
    classic_view(view, phases=0)
    display = view.phase_display
    assert display.phase is None
    assert display.lit_layers == ()
    assert not display.lit_edges
    assert view.bands_item.band_rects() == []


def test_forward_pass_lights_every_layer_left_to_right_with_z_and_a(
    view: NetworkView, french
) -> None:
    classic_view(view, phases=1)
    display = view.phase_display
    assert display.phase is Phase.FORWARD
    assert display.lit_layers == (0, 1, 2)
    assert display.direction == 1
    assert len(view.bands_item.band_rects()) == 3
    h1 = view.network_geometry.neuron_flat(1, 0)
    lines = view.neurons_item.lines_of(h1)
    assert [line.symbol for line in lines] == ["z", "a"]
    assert lines[0].value == pytest.approx(0.3775)
    assert lines[1].value == pytest.approx(0.593269992)
    assert lines[1].emphasised


def test_error_phase_lights_the_outputs_with_target_output_and_error(view: NetworkView) -> None:
    classic_view(view, phases=2)
    display = view.phase_display
    assert display.lit_layers == (2,)
    panel = view.neurons_item.panel_of(0)
    assert [line.symbol for line in panel] == ["t", "o", "E"]
    assert [line.value for line in panel] == pytest.approx([0.01, 0.751365070, 0.274811083])


def test_backward_pass_lights_layers_right_to_left_with_deltas_and_gradients(
    view: NetworkView, french
) -> None:
    trainer = classic_view(view, phases=3)
    display = view.phase_display
    assert display.lit_layers == (1, 2)
    assert display.direction == -1
    o1 = view.network_geometry.neuron_flat(2, 0)
    lines = view.neurons_item.lines_of(o1)
    assert [line.symbol for line in lines] == ["a", "δ"]
    assert lines[1].value == pytest.approx(trainer.backward_trace.delta[2][0, 0])
    w5 = view.network_geometry.edge_flat(1, 0, 0)
    assert view.edges_item.labels[w5] == "0,0822"  # ∂E/∂w5 = 0.082167041


def test_update_lights_the_edges_and_shows_old_and_new_weights(view: NetworkView, french) -> None:
    classic_view(view, phases=4)
    display = view.phase_display
    assert display.lit_edges
    assert len(view.bands_item.band_rects()) == 2  # the gaps between the three columns
    geometry = view.network_geometry
    assert view.edges_item.labels[geometry.edge_flat(1, 0, 0)] == "0,4 → 0,359"
    assert view.edges_item.labels[geometry.edge_flat(0, 0, 0)] == "0,15 → 0,1498"


def test_a_phase_change_sweeps_the_bands_in_then_leaves_them_on(view: NetworkView, qtbot) -> None:
    trainer = classic_view(view, phases=0)
    view.show_snapshot(snapshot_after(trainer, 1))
    assert view._sweep.state() == view._sweep.State.Running
    qtbot.waitUntil(lambda: view._sweep.state() == view._sweep.State.Stopped, timeout=3000)
    assert view.bands_item._opacities(3).tolist() == [1.0, 1.0, 1.0]


def test_snapshots_shown_while_training_runs_start_no_sweep(view: NetworkView) -> None:
    trainer = classic_view(view, phases=0)
    view.set_running(True)
    for _ in range(8):  # two iterations: every phase change, none animated
        view.show_snapshot(snapshot_after(trainer, 1))
        assert view._sweep.state() == view._sweep.State.Stopped
        assert view.bands_item.at_rest


def test_running_ends_a_sweep_at_rest_and_a_manual_step_after_it_sweeps_again(
    view: NetworkView,
) -> None:
    trainer = classic_view(view, phases=0)
    view.show_snapshot(snapshot_after(trainer, 1))
    assert view._sweep.state() == view._sweep.State.Running
    view.set_running(True)
    assert view._sweep.state() == view._sweep.State.Stopped
    assert view.bands_item.at_rest
    view.set_running(False)
    view.show_snapshot(snapshot_after(trainer, 1))
    assert view._sweep.state() == view._sweep.State.Running


# -- selection ------------------------------------------------------------------------------


def unique_midpoints(geometry: NetworkGeometry) -> list[tuple[int, QPointF]]:
    """Edges whose midpoint no other edge passes near (crossing edges share theirs)."""
    found = []
    for flat in range(geometry.n_edges):
        x, y = geometry.point_on_edge(flat, 0.5)
        others = np.delete(geometry.edge_distances(x, y), flat)
        if others.min() > 25.0:
            found.append((flat, scene_point(x, y)))
    return found


def test_a_click_on_an_edge_midpoint_selects_that_weight(view: NetworkView, qtbot) -> None:
    trainer = random_trainer([2, 3, 2], ["tanh", "sigmoid"])
    view.set_network([2, 3, 2], ["tanh", "sigmoid"])
    view.show_snapshot(snapshot_after(trainer, 1))
    geometry = view.network_geometry
    targets = unique_midpoints(geometry)
    assert len(targets) >= 4
    for flat, point in targets:
        with qtbot.waitSignal(view.edge_selected) as signal:
            click(qtbot, view, point)
        assert tuple(signal.args) == geometry.edge_key(flat)
        assert view.selection == ("edge", geometry.edge_key(flat))
        assert view.edges_item.selected == flat


def test_a_click_on_a_neuron_selects_it(view: NetworkView, qtbot) -> None:
    classic_view(view, phases=1)
    geometry = view.network_geometry
    x, y = geometry.centers[geometry.neuron_flat(1, 1)]
    with qtbot.waitSignal(view.neuron_selected) as signal:
        click(qtbot, view, scene_point(x + 10, y - 10))
    assert signal.args == [1, 1]
    assert view.neurons_item.selected == geometry.neuron_flat(1, 1)
    assert view.edges_item.selected is None


def test_a_click_on_empty_space_clears_the_selection(view: NetworkView, qtbot) -> None:
    classic_view(view, phases=1)
    geometry = view.network_geometry
    x, y = geometry.centers[geometry.neuron_flat(0, 0)]
    click(qtbot, view, scene_point(x, y))
    empty = scene_point(x, y + geometry.metrics.row_spacing / 2)
    with qtbot.waitSignal(view.selection_cleared):
        click(qtbot, view, empty)
    assert view.selection is None
    assert view.neurons_item.selected is None


def test_escape_clears_the_selection(view: NetworkView, qtbot) -> None:
    classic_view(view, phases=1)
    view.select_neuron(2, 1)
    view.setFocus()
    with qtbot.waitSignal(view.selection_cleared):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selection is None


def test_programmatic_selection_emphasises_without_emitting(view: NetworkView, qtbot) -> None:
    classic_view(view, phases=1)
    with qtbot.assertNotEmitted(view.edge_selected), qtbot.assertNotEmitted(view.neuron_selected):
        view.select_edge(1, 0, 1)
        assert view.edges_item.selected == view.network_geometry.edge_flat(1, 0, 1)
        view.select_neuron(0, 1)
        assert view.edges_item.selected is None
        assert view.neurons_item.selected == view.network_geometry.neuron_flat(0, 1)
    with qtbot.assertNotEmitted(view.selection_cleared):
        view.clear_selection()
    assert view.selection is None


def test_a_selection_survives_a_rebuild_that_keeps_it_and_not_one_that_drops_it(
    view: NetworkView,
) -> None:
    classic_view(view, phases=1)
    view.select_edge(1, 1, 1)
    view.set_network([2, 2, 2], ["tanh", "sigmoid"])
    assert view.selection == ("edge", (1, 1, 1))
    view.set_network([2, 1, 2], ["tanh", "sigmoid"])
    assert view.selection is None


def test_hovering_a_neuron_reports_it_and_leaving_reports_minus_one(
    view: NetworkView, qtbot
) -> None:
    classic_view(view, phases=1)
    geometry = view.network_geometry
    x, y = geometry.centers[geometry.neuron_flat(2, 0)]
    with qtbot.waitSignal(view.neuron_hovered) as signal:
        qtbot.mouseMove(view.viewport(), view.mapFromScene(scene_point(x, y)))
    assert signal.args == [2, 0]
    with qtbot.waitSignal(view.neuron_hovered) as signal:
        qtbot.mouseMove(
            view.viewport(),
            view.mapFromScene(scene_point(x, y + geometry.metrics.row_spacing / 2)),
        )
    assert signal.args == [-1, -1]


def test_tooltips_give_the_values_of_an_edge_and_of_a_neuron(view: NetworkView, french) -> None:
    classic_view(view, phases=4)
    geometry = view.network_geometry
    w5 = geometry.edge_flat(1, 0, 0)
    x, y = geometry.point_on_edge(w5, 0.5)
    text = view.tooltip_at(scene_point(x, y - 1))
    for expected in ("h₁", "ŷ₁ (o1)", "0,4", "0,358916", "0,082167"):
        assert expected in text
    x, y = geometry.centers[geometry.neuron_flat(0, 1)]
    assert "x₂ (i2)" in view.tooltip_at(scene_point(x, y))
    x, y = geometry.centers[geometry.neuron_flat(1, 0)]
    text = view.tooltip_at(scene_point(x, y))
    for expected in ("0,3775", "0,59327", "0,35"):
        assert expected in text
    assert view.tooltip_at(scene_point(x, y + geometry.metrics.row_spacing / 2)) == ""


# -- editing --------------------------------------------------------------------------------


def test_double_click_on_an_edge_edits_its_weight(view: NetworkView, qtbot, french) -> None:
    classic_view(view, phases=1)
    geometry = view.network_geometry
    w1 = geometry.edge_flat(0, 0, 0)
    double_click(qtbot, view, scene_point(*geometry.point_on_edge(w1, 0.6)))
    editor = editor_of(view)
    assert parse_number(editor.text()) == 0.15
    editor.selectAll()
    qtbot.keyClicks(editor, "0,75")
    with qtbot.waitSignal(view.weight_edit_requested) as signal:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert signal.args == [0, 0, 0, 0.75]
    qtbot.waitUntil(lambda: view.viewport().findChild(QLineEdit, "value_editor") is None)


@pytest.mark.parametrize("typed", ["abc", "inf", "nan", "2e6", str(-MAX_EDIT_VALUE * 1.5)])
def test_the_editor_refuses_what_is_not_a_reasonable_number(
    view: NetworkView, qtbot, typed: str
) -> None:
    classic_view(view, phases=1)
    geometry = view.network_geometry
    double_click(qtbot, view, scene_point(*geometry.point_on_edge(0, 0.6)))
    editor = editor_of(view)
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    with qtbot.assertNotEmitted(view.weight_edit_requested):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert "border" in editor.styleSheet()


def test_escape_closes_the_editor_without_a_request(view: NetworkView, qtbot) -> None:
    classic_view(view, phases=1)
    double_click(qtbot, view, scene_point(*view.network_geometry.point_on_edge(0, 0.6)))
    editor = editor_of(view)
    with qtbot.assertNotEmitted(view.weight_edit_requested):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.viewport().findChild(QLineEdit, "value_editor") is None)


def test_double_click_on_a_bias_badge_edits_that_bias(view: NetworkView, qtbot) -> None:
    classic_view(view, phases=1)
    geometry = view.network_geometry
    o2 = geometry.neuron_flat(2, 1)
    x0, y0, x1, y1 = view.neurons_item.badge_rects[o2]
    double_click(qtbot, view, scene_point((x0 + x1) / 2, (y0 + y1) / 2))
    editor = editor_of(view)
    assert parse_number(editor.text()) == 0.6
    editor.selectAll()
    qtbot.keyClicks(editor, "-1.5")
    with qtbot.waitSignal(view.bias_edit_requested) as signal:
        qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert signal.args == [2, 1, -1.5]


def test_inputs_have_no_bias_to_edit(view: NetworkView, qtbot) -> None:
    classic_view(view, phases=1)
    geometry = view.network_geometry
    assert np.isnan(view.neurons_item.badge_rects[geometry.neuron_flat(0, 0)]).all()
    double_click(qtbot, view, scene_point(*geometry.centers[geometry.neuron_flat(0, 0)]))
    assert view.viewport().findChild(QLineEdit, "value_editor") is None


# -- context menu ---------------------------------------------------------------------------


def actions_by_name(menu) -> dict:
    found = {action.objectName(): action for action in menu.actions()}
    for action in menu.actions():
        if action.menu() is not None:
            found.update({sub.objectName(): sub for sub in action.menu().actions()})
    return found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("add_layer", ("add_layer", 1, None)),
        ("remove_layer", ("remove_layer", 1, None)),
        ("add_neuron", ("add_neuron", 1, None)),
        ("remove_neuron", ("remove_neuron", 1, 2)),
        ("activation_relu", ("set_activation", 1, "relu")),
    ],
)
def test_hidden_neuron_menu_requests_structure_edits(
    view: NetworkView, qtbot, name: str, expected: tuple
) -> None:
    view.set_network([2, 3, 1], ["tanh", "sigmoid"])
    actions = actions_by_name(view.context_menu(1, 2))
    assert actions[name].isEnabled()
    with qtbot.waitSignal(view.structure_edit_requested) as signal:
        actions[name].trigger()
    assert tuple(signal.args) == expected


def test_input_and_output_sizes_follow_the_data_set(view: NetworkView) -> None:
    view.set_network([2, 3, 1], ["tanh", "sigmoid"])
    for layer, index in ((0, 1), (2, 0)):
        actions = actions_by_name(view.context_menu(layer, index))
        for name in ("remove_layer", "add_neuron", "remove_neuron"):
            assert not actions[name].isEnabled()
            assert "data set" in actions[name].toolTip()
    assert actions_by_name(view.context_menu(0))["add_layer"].isEnabled()
    assert not actions_by_name(view.context_menu(2))["add_layer"].isEnabled()


def test_activation_menu_checks_the_current_one_and_offers_softmax_only_at_the_output(
    view: NetworkView,
) -> None:
    view.set_network([2, 3, 2], ["tanh", "sigmoid"])
    hidden = actions_by_name(view.context_menu(1))
    assert "activation_softmax" not in hidden
    assert hidden["activation_tanh"].isChecked()
    assert not hidden["activation_sigmoid"].isChecked()
    output = actions_by_name(view.context_menu(2))
    assert "activation_softmax" in output
    assert output["activation_sigmoid"].isChecked()
    inputs = view.context_menu(0)
    submenu = inputs.findChild(type(inputs), "activation_menu")
    assert not submenu.isEnabled()


def test_the_last_neuron_of_a_hidden_layer_cannot_be_removed(view: NetworkView) -> None:
    view.set_network([2, 1, 1], ["tanh", "sigmoid"])
    assert not actions_by_name(view.context_menu(1, 0))["remove_neuron"].isEnabled()


# -- flash, large networks, picture ---------------------------------------------------------


def test_flash_makes_its_target_glow_then_fade(view: NetworkView) -> None:
    classic_view(view, phases=1)
    view.flash("hidden")
    view.flash_animation.setCurrentTime(FLASH_MS // 4)
    neurons = view.neurons_item
    assert neurons.flash_strength == pytest.approx(1.0)
    assert neurons.flash_mask.tolist() == [False, False, True, True, False, False]
    view.flash("edges")
    view.flash_animation.setCurrentTime(FLASH_MS // 4)
    assert view.edges_item.flash_strength == pytest.approx(1.0)
    view.flash_animation.setCurrentTime(FLASH_MS)
    assert view.edges_item.flash_strength == pytest.approx(0.0, abs=1e-9)


def test_flash_knows_its_targets(view: NetworkView) -> None:
    classic_view(view, phases=1)
    for target in FLASH_TARGETS:
        view.flash(target)
    with pytest.raises(ValueError, match="cannot flash"):
        view.flash("weights")


def test_a_large_network_renders_its_strongest_edges(view: NetworkView) -> None:
    sizes, activations = [2, *[32] * 8, 1], [*["tanh"] * 8, "sigmoid"]
    view.resize(1280, 720)
    view.set_network(sizes, activations)
    view.set_show_numbers(True)
    view.show_snapshot(snapshot_after(random_trainer(sizes, activations), 3))
    image = view.grab().toImage()
    assert not image.isNull()
    assert view.edges_item.drawn_count == MAX_DRAWN_EDGES < view.edges_item.edge_count
    assert not view.neurons_item.texts_visible(view.scale_factor())


def test_numbers_too_small_to_read_are_hidden_with_a_remark_saying_where_to_read_them(
    view: NetworkView,
) -> None:
    classic_view(view, phases=1)
    view.set_show_numbers(True)
    assert view.neurons_item.texts_visible(view.scale_factor())
    assert view.note() == ""
    view.resize(360, 420)  # a laptop's canvas between two docks
    assert not view.neurons_item.texts_visible(view.scale_factor())
    assert "hidden" in view.note()
    assert "inspector" in view.note()
    view.set_show_numbers(False)
    assert view.note() == ""


def test_the_remark_fits_under_the_caption_without_covering_the_network(
    view: NetworkView,
) -> None:
    classic_view(view, phases=1)
    view.resize(900, 250)  # the height sets the zoom
    without_note = view.scale_factor()
    view.set_show_numbers(True)
    assert view.note()
    assert view.scale_factor() < without_note  # room was made for the remark's lines
    _left, _top, right, bottom = view.network_geometry.bounds
    lowest = view.mapFromScene(scene_point(right, bottom)).y()
    assert lowest < view.viewport().height() - 3 * view.fontMetrics().height()


def test_too_many_weights_to_label_says_how_to_read_one(view: NetworkView) -> None:
    sizes, activations = [4, 6, 6, 2], ["tanh", "tanh", "sigmoid"]  # 72 edges, 18 neurons
    view.resize(1280, 720)
    view.set_network(sizes, activations)
    view.show_snapshot(snapshot_after(random_trainer(sizes, activations), 1))
    view.set_show_numbers(True)
    assert view.neurons_item.texts_visible(view.scale_factor())
    assert "Too many weights" in view.note()


def test_a_large_network_names_what_it_leaves_out(view: NetworkView) -> None:
    sizes, activations = [2, *[32] * 8, 1], [*["tanh"] * 8, "sigmoid"]
    view.resize(1280, 720)
    view.set_network(sizes, activations)
    view.show_snapshot(snapshot_after(random_trainer(sizes, activations), 3))
    assert "strongest" in view.note()
    assert "Too many neurons" not in view.note()
    view.set_show_numbers(True)
    assert "strongest" in view.note()
    assert "Too many neurons" in view.note()


def test_the_network_fits_the_view_without_scrollbars(view: NetworkView) -> None:
    classic_view(view, phases=1)
    for width, height in ((900, 560), (500, 700), (1280, 300)):
        view.resize(width, height)
        left, top, right, bottom = view.network_geometry.bounds
        corners = [
            view.mapFromScene(scene_point(x, y)) for x in (left, right) for y in (top, bottom)
        ]
        assert all(view.viewport().rect().contains(corner) for corner in corners)
    assert not view.horizontalScrollBar().isVisible()
    assert not view.verticalScrollBar().isVisible()


def test_right_click_on_a_neuron_opens_the_menu_of_that_neuron(view: NetworkView, qtbot) -> None:
    view.set_network([2, 3, 1], ["tanh", "sigmoid"])
    geometry = view.network_geometry
    seen = []

    def choose_remove_neuron() -> None:
        menu = QApplication.activePopupWidget()
        seen.append(menu)
        actions_by_name(menu)["remove_neuron"].trigger()
        menu.close()

    QTimer.singleShot(0, choose_remove_neuron)
    point = view.mapFromScene(scene_point(*geometry.centers[geometry.neuron_flat(1, 2)]))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    with qtbot.waitSignal(view.structure_edit_requested) as signal:
        QApplication.sendEvent(view.viewport(), event)
    assert seen
    assert signal.args == ["remove_neuron", 1, 2]


@pytest.mark.parametrize(
    "locale",
    [
        QLocale(QLocale.Language.French, QLocale.Country.France),
        QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
        QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt),  # other digits: QLocale
    ],
)
def test_canvas_numbers_read_exactly_as_the_panels_write_them(locale: QLocale) -> None:
    previous = QLocale()
    QLocale.setDefault(locale)
    try:
        rng = np.random.default_rng(7)
        values = rng.normal(size=3000) * 10.0 ** rng.integers(-12, 8, size=3000)
        edges = [0.0, -0.0, 999.9999, -1000.0, 99999.9, 5e-324, 1e300, float("inf"), float("nan")]
        for digits in range(3, 7):
            for value in [*values.tolist(), *edges]:
                assert canvas_format_number(value, digits) == format_number(value, digits)
    finally:
        QLocale.setDefault(previous)
