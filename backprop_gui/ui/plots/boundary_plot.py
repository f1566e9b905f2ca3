"""The decision boundary: what the network answers over the whole input plane, under the data.

A student sees the boundary bend as training goes on, and which points still sit on the wrong
side. The network's output over a grid (computed by the engine, :mod:`engine.boundary`) is a
heat map under the points: blue where it says class 1, vermillion where it says class 0, with
the 0.5 line drawn; for several classes each pixel takes a tint of the class it predicts.
Hovering a hidden neuron on the canvas shows that neuron's own map instead: each neuron cuts
the plane with a line, and the output combines those cuts. For 1 input the plot is the curve
y = f(x) over the points. The user can add points with a click (binary 2-D data); the plot
only emits the request, the main window edits the document.

This widget keeps the state and the translated texts (heading, legend, notes) and composes
its layers: the map (:mod:`.decision_map`, colours in :mod:`.boundary_colors`), the points
(:mod:`.data_points`), the 1-input curves (:mod:`.fit_curves`) and the clicks
(:mod:`.point_clicks`).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backprop_gui.engine.boundary import BoundaryGrid, input_bounds
from backprop_gui.engine.datasets import Dataset
from backprop_gui.ui.canvas.names import neuron_name, subscript
from backprop_gui.ui.formatting import format_number
from backprop_gui.ui.plots.boundary_colors import (
    CLASS_COLORS,
    CLASS_TINT,
    HEAT_STRENGTH,
    LUT_STEPS,
    class_color,
    map_levels,
    regression_levels,
)
from backprop_gui.ui.plots.boundary_csv import save_grid_csv
from backprop_gui.ui.plots.data_points import POINT_SIZE, TEST_POINT_SIZE, DataPoints
from backprop_gui.ui.plots.decision_map import DecisionMap
from backprop_gui.ui.plots.export import PlotMenu, save_png, save_svg
from backprop_gui.ui.plots.fit_curves import CURVE_WIDTH, FitCurves
from backprop_gui.ui.plots.plot_style import (
    SWATCH,
    apply_view_transforms,
    legend_html,
    new_plot_item,
    new_view,
    set_axis_label,
    set_title,
    text_html,
    title_width,
)
from backprop_gui.ui.plots.point_clicks import REMOVE_RADIUS, PointClicks, is_editable
from backprop_gui.ui.plots.refresh import RefreshThrottle
from backprop_gui.ui.style import MUTED_TEXT, OUTLINE, POSITIVE, TEXT

__all__ = [
    "CLASS_COLORS",
    "CLASS_TINT",
    "CURVE_WIDTH",
    "HEAT_STRENGTH",
    "LUT_STEPS",
    "POINT_SIZE",
    "REMOVE_RADIUS",
    "TEST_POINT_SIZE",
    "BoundaryPlot",
    "class_color",
    "feature_label",
    "map_levels",
]


def feature_label(name: str) -> str:
    """An input's name for an axis: "x1" as on the canvas, "x₁"; other names as they are."""
    match = re.fullmatch(r"x(\d+)", name)
    return name if match is None else "x" + subscript(int(match.group(1)))


class BoundaryPlot(QWidget):
    """The network's output over the input plane, with the data points on top."""

    point_added = Signal(float, float, int)
    """(x, y, class label 0/1) of a point the user clicked to add (binary 2-D data)."""

    point_removed = Signal(int)
    """Index into the training set of the point the user Ctrl+clicked to remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boundary_plot")
        self._train: Dataset | None = None
        self._test: Dataset | None = None
        self._grid: BoundaryGrid | None = None
        self._neuron: tuple[int, int] | None = None
        self._bounds: tuple[float, float, float, float] | None = None
        self._data_key: tuple | None = None

        self._show_test = QCheckBox(self)
        self._show_test.setObjectName("show_test_points")
        self._view = new_view(self)
        self._menu = PlotMenu(self, self)
        self._menu_button = QToolButton(self)
        self._menu_button.setMenu(self._menu.menu)
        self._menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._note = QLabel(self)
        self._note.setObjectName("boundary_note")
        self._note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._note.setWordWrap(True)
        self._note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self._note.setContentsMargins(16, 16, 16, 16)
        self._note.hide()

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._show_test)
        bar.addStretch(1)
        bar.addWidget(self._menu_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._note, 1)

        self._item = new_plot_item(self)
        self._view.ci.addItem(self._item, row=0, col=0)
        self._box = self._item.getViewBox()
        self._box.disableAutoRange()
        self._map = DecisionMap(self._item)
        self._curves = FitCurves(self._item)
        self._points = DataPoints(self._item)
        # PlotMenu was given this widget, so a right click on the bar opens it; on the plot
        # the clicks decide (a right click in the data adds a class-0 point).
        self._clicks = PointClicks(
            self._view,
            self._box,
            self._menu.menu,
            self._training_set,
            self.point_added.emit,
            self.point_removed.emit,
        )
        self._show_test.toggled.connect(self._points_changed)
        self._throttle = RefreshThrottle(self, self._redraw)
        self.retranslate_ui()
        self._request()

    # -- public API --------------------------------------------------------------------------

    def set_data(self, train: Dataset, test: Dataset | None = None) -> None:
        """Show these points (the view frames them, unless they fit the current frame)."""
        self._train, self._test = train, test
        self._points.stale = True
        samples = train.X if test is None or test.n_samples == 0 else np.vstack((train.X, test.X))
        key = (train.name, train.task, train.n_features)
        bounds = input_bounds(samples) if train.n_features <= 2 else None
        if key != self._data_key or bounds is None or not self._frames(bounds):
            self._bounds = bounds
            self._data_key = key
            self.reset_zoom()
        self._request()

    def show_grid(self, grid: BoundaryGrid | None) -> None:
        """Show the network's answers over ``grid`` (None: the points only)."""
        self._grid = grid
        self._request()

    def show_neuron(self, layer: int, index: int) -> None:
        """Show the activation map of hidden neuron ``index`` of ``layer``; (-1, -1): output."""
        self._neuron = None if (layer, index) == (-1, -1) else (int(layer), int(index))
        self._request()

    def show_output(self) -> None:
        """Back to the network's output (the pointer left the neuron)."""
        self.show_neuron(-1, -1)

    def grid_bounds(self) -> tuple[float, float, float, float] | None:
        """The region the grid should cover (:func:`decision_grid`): the data with a margin."""
        return self._bounds

    def reset_zoom(self) -> None:
        """Frame the data again (after the user zoomed or panned)."""
        if self._bounds is None:
            return
        x_min, x_max, y_min, y_max = self._bounds
        self._box.setXRange(x_min, x_max, padding=0.0)
        if self._is_1d():
            self._box.enableAutoRange(y=True)
        else:
            self._box.disableAutoRange()
            self._box.setYRange(y_min, y_max, padding=0.0)

    def refresh(self) -> None:
        """Redraw now if anything changed."""
        self._throttle.flush()

    def export_png(self, path: str | Path) -> None:
        self.refresh()
        save_png(self._view.ci, path)

    def export_svg(self, path: str | Path) -> None:
        self.refresh()
        save_svg(self._view.ci, path)

    def export_csv(self, path: str | Path) -> None:
        """One row per grid point: x, y (2 inputs) and each network output."""
        save_grid_csv(path, self._grid)

    def export_file_stem(self) -> str:
        #: fr: "frontiere_de_decision"
        return self.tr("decision_boundary")

    def _class_label(self, name: str) -> str:
        """A class name for the legend: the engine's default "class k" in the user's language."""
        match = re.fullmatch(r"class (\d+)", name)
        if match is None:
            return name
        #: fr: classe {number}
        return self.tr("class {number}").format(number=match.group(1))

    def retranslate_ui(self) -> None:
        #: fr: "Afficher les points de test"
        self._show_test.setText(self.tr("Show test points"))
        self._show_test.setToolTip(
            #: fr: "Les points de test (symboles creux) ne servent pas à l'entraînement : ils
            #: montrent si la frontière vaut aussi pour des données jamais vues."
            self.tr(
                "Test points (hollow symbols) are not used for training: they show whether "
                "the boundary also holds for data the network never saw."
            )
        )
        #: fr: "Exporter"
        self._menu_button.setText(self.tr("Export"))
        self._menu.retranslate()
        self._view.setToolTip(self._click_hint() if self._editable() else "")
        self._request()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._throttle.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._request()  # the title wraps to the new width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- what the tests look at --------------------------------------------------------------

    @property
    def plot_item(self) -> pg.PlotItem:
        return self._item

    @property
    def image(self) -> pg.ImageItem:
        return self._map.image

    @property
    def contour(self) -> pg.IsocurveItem:
        return self._map.contour

    @property
    def note(self) -> QLabel:
        return self._note

    @property
    def view(self) -> pg.GraphicsLayoutWidget:
        return self._view

    @property
    def menu(self) -> PlotMenu:
        return self._menu

    def train_points(self) -> list[pg.ScatterPlotItem]:
        """One scatter per class (index = class label); one in all for regression."""
        return self._points.train

    def test_points(self) -> list[pg.ScatterPlotItem]:
        return self._points.test

    def curves(self) -> list[pg.PlotDataItem]:
        """The fitted curves y = f(x) of 1-input data, one per output."""
        return self._curves.curves

    def title_text(self) -> str:
        return self._item.titleLabel.text

    # -- state -------------------------------------------------------------------------------

    def _request(self, *_: object) -> None:
        self._throttle.request()

    def _points_changed(self, *_: object) -> None:
        self._points.stale = True
        self._throttle.request()

    def _training_set(self) -> Dataset | None:
        return self._train

    def _is_1d(self) -> bool:
        return self._train is not None and self._train.n_features == 1

    def _editable(self) -> bool:
        return is_editable(self._train)

    def _frames(self, bounds: tuple[float, float, float, float]) -> bool:
        """Whether the current bounds already hold ``bounds`` (a point added inside them)."""
        if self._bounds is None:
            return False
        x_min, x_max, y_min, y_max = self._bounds
        inside_x = x_min <= bounds[0] and bounds[1] <= x_max
        return inside_x and y_min <= bounds[2] and bounds[3] <= y_max

    def _shown_map(self) -> tuple[np.ndarray | None, tuple[int, int] | None]:
        """(values (ny, nx, k), neuron) the heat map shows: a hidden neuron's or the output."""
        grid = self._grid
        if grid is None:
            return None, None
        if self._neuron is not None:
            layer, index = self._neuron
            if 1 <= layer <= len(grid.hidden) and 0 <= index < grid.hidden[layer - 1].shape[2]:
                return grid.hidden[layer - 1][..., index : index + 1], self._neuron
        return grid.outputs, None

    # -- drawing -----------------------------------------------------------------------------

    def _redraw(self) -> None:
        train = self._train
        too_many = train is not None and train.n_features > 2
        self._view.setVisible(not too_many)
        self._note.setVisible(too_many)
        if too_many:
            self._note.setText(
                #: fr: "La frontière de décision est tracée pour des données à 1 ou 2 entrées ;
                #: ce jeu de données en a {count}."
                self.tr(
                    "The decision boundary is drawn for data with 1 or 2 inputs; "
                    "this data set has {count}."
                ).format(count=train.n_features)
            )
            self._clear_items()
            return
        if train is not None and train.n_features >= 1:
            set_axis_label(self._item, "bottom", feature_label(train.feature_names[0]))
            if train.n_features == 2:
                set_axis_label(self._item, "left", feature_label(train.feature_names[1]))
            else:
                #: fr: "Cible y et sortie f(x)"
                set_axis_label(self._item, "left", self.tr("Target y and output f(x)"))
        if self._is_1d():
            self._draw_1d()
        else:
            self._draw_2d()
        self._points.stale = False
        self._view.setToolTip(self._click_hint() if self._editable() else "")
        apply_view_transforms(self._item)

    def _clear_items(self) -> None:
        self._map.clear()
        self._curves.clear()
        self._points.clear()

    def _legend(self, colors: list[str], names: list[str]) -> list[tuple[str, str, str]]:
        """Legend entries (colour, name, symbol): a dot per class, a square for the test set."""
        entries = [(color, name, "●") for color, name in zip(colors, names, strict=True)]
        if self._show_test.isChecked() and self._test is not None and self._test.n_samples:
            #: fr: "test"
            entries.append((TEXT, self.tr("test"), "□"))
        return entries

    def _write_title(self, heading: tuple[str, str], legend: list[tuple[str, str, str]]) -> None:
        """The heading (text, colour) over the legend, each wrapped to the plot's width."""
        width = title_width(self._item, self._view)
        lines = [text_html(self, heading[0], width, heading[1])]
        if legend:
            lines.append(legend_html(self, legend, width))
        set_title(self._item, self, "<br>".join(lines))

    def _shown_test(self) -> Dataset | None:
        """The test set, if it has samples (drawn only when the checkbox is ticked)."""
        test = self._test
        return test if test is not None and test.n_samples else None

    def _draw_2d(self) -> None:
        train, grid = self._train, self._grid
        self._curves.clear()
        values, neuron = self._shown_map()
        regression = train is not None and train.task == "regression"
        fixed_levels = self._regression_levels() if regression and neuron is None else None
        self._map.draw(values, grid, fixed_levels)
        if train is None:
            self._write_title((self._empty_hint(), MUTED_TEXT), [])
            return
        test = self._shown_test()
        test_X = None if test is None else test.X
        if train.task == "regression":
            # Their colours follow the map's scale.
            self._points.draw_targets(
                train, test, self._regression_levels(), self._show_test.isChecked()
            )
            names: list[str] = []
            colors: list[str] = []
        else:
            colors = [class_color(k) for k in range(len(train.class_names))]
            names = [self._class_label(name) for name in train.class_names]
        if train.task != "regression" and self._points.stale:
            test_labels = None if test is None else test.class_labels()
            self._points.draw_classes(
                train.X[:, 0],
                train.X[:, 1],
                train.class_labels(),
                None if test_X is None else test_X[:, 0],
                None if test_X is None else test_X[:, 1],
                test_labels,
                colors,
                self._show_test.isChecked(),
            )
        legend = self._legend(colors, names)
        if train.task == "regression":
            #: fr: "cible y (mêmes couleurs)"
            legend.insert(0, (OUTLINE, self.tr("target y (same colours)"), "◐"))
        self._write_title(self._map_heading(neuron, train), legend)

    def _regression_levels(self) -> tuple[float, float]:
        """One colour scale for the targets and the output map of a 2-input regression."""
        return regression_levels(self._train, self._grid)

    def _map_heading(self, neuron: tuple[int, int] | None, train: Dataset) -> tuple[str, str]:
        """(text, colour) of the line saying what the map shows."""
        grid = self._grid
        if grid is None:
            return self._empty_hint(), MUTED_TEXT
        if neuron is not None:
            layer, index = neuron
            name = neuron_name(layer, index, len(grid.hidden) + 2)
            #: fr: "Neurone {name} (couche cachée {layer}) : son activation"
            text = self.tr("Neuron {name} (hidden layer {layer}): its activation").format(
                name=name, layer=layer
            )
        elif grid.outputs.shape[2] > 1:
            #: fr: "Classe prédite (la plus grande sortie)"
            text = self.tr("Predicted class (the largest output)")
        elif train.task == "binary":
            #: fr: "Sortie ŷ{index} du réseau ; trait noir : ŷ{index} = {middle}"
            low, high = map_levels(grid.outputs[..., 0])
            text = self.tr("Network output ŷ{index}; black line: ŷ{index} = {middle}").format(
                index=subscript(1), middle=format_number(0.5 * (low + high))
            )
        else:
            #: fr: "Sortie ŷ{index} du réseau"
            text = self.tr("Network output ŷ{index}").format(index=subscript(1))
        return text, TEXT

    def _empty_hint(self) -> str:
        #: fr: "La frontière de décision apparaîtra ici."
        return self.tr("The decision boundary will appear here.")

    def _click_hint(self) -> str:
        #: fr: "Clic gauche : ajouter un point bleu (classe 1). Clic droit : un point vermillon
        #: (classe 0). Ctrl+clic : retirer le point le plus proche."
        return self.tr(
            "Left click: add a blue point (class 1). Right click: a vermillion point "
            "(class 0). Ctrl+click: remove the nearest point."
        )

    def _draw_1d(self) -> None:
        train, grid = self._train, self._grid
        self._map.clear()
        test = self._shown_test()
        classes = train.task != "regression"
        multiclass = train.task == "multiclass"

        def heights(data: Dataset) -> np.ndarray:
            # Each point sits at its target: 0/1 (binary), 1 on its own class curve (multiclass).
            return np.ones(data.n_samples) if multiclass else data.Y[:, 0]

        if classes:
            colors = [class_color(k) for k in range(len(train.class_names))]
            labels = train.class_labels()
            test_labels = None if test is None else test.class_labels()
        else:
            colors, labels = [POSITIVE], np.zeros(train.n_samples, dtype=int)
            test_labels = None if test is None else np.zeros(test.n_samples, dtype=int)
        if self._points.stale:
            self._points.draw_classes(
                train.X[:, 0],
                heights(train),
                labels,
                None if test is None else test.X[:, 0],
                None if test is None else heights(test),
                test_labels,
                colors,
                self._show_test.isChecked(),
            )
        self._curves.draw(grid, multiclass)
        if grid is None:
            self._write_title((self._empty_hint(), MUTED_TEXT), [])
            return
        #: fr: "données"
        labels = [self._class_label(name) for name in train.class_names]
        entries = self._legend(colors, labels if classes else [self.tr("data")])
        #: fr: "sortie du réseau f(x)"
        entries.append((TEXT, self.tr("network output f(x)"), SWATCH))
        set_title(self._item, self, legend_html(self, entries, title_width(self._item, self._view)))
