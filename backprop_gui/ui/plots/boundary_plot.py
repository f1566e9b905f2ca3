"""The decision boundary: what the network answers over the whole input plane, under the data.

A student sees the boundary bend as training goes on, and which points still sit on the wrong
side. The network's output over a grid (computed by the engine, :mod:`engine.boundary`) is a
heat map under the points: blue where it says class 1, vermillion where it says class 0, with
the 0.5 line drawn; for several classes each pixel takes a tint of the class it predicts.
Hovering a hidden neuron on the canvas shows that neuron's own map instead: each neuron cuts
the plane with a line, and the output combines those cuts. For 1 input the plot is the curve
y = f(x) over the points. The user can add points with a click (binary 2-D data); the plot
only emits the request, the main window edits the document.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
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
from backprop_gui.ui.plots.contour import IsolineItem
from backprop_gui.ui.plots.export import PlotMenu, save_csv, save_png, save_svg
from backprop_gui.ui.plots.plot_style import (
    SWATCH,
    ScaledImageItem,
    apply_view_transforms,
    legend_html,
    new_plot_item,
    new_view,
    set_axis_label,
    set_title,
    text_html,
    title_width,
)
from backprop_gui.ui.plots.refresh import RefreshThrottle
from backprop_gui.ui.style import (
    BACKGROUND,
    MUTED_TEXT,
    NEGATIVE,
    OUTLINE,
    POSITIVE,
    TEXT,
    blend,
    diverging_ramp,
)

CLASS_COLORS = (
    NEGATIVE,
    POSITIVE,
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)
"""Okabe-Ito: class 0 vermillion and class 1 blue (as negative and positive), then the rest."""

HEAT_STRENGTH = 0.6
"""Opacity of the heat map's colours over white: light enough for the points to stand out."""

CLASS_TINT = 0.35
"""Opacity of a class colour in the region the network gives to that class (several classes)."""

POINT_SIZE = 9
TEST_POINT_SIZE = 10
CURVE_WIDTH = 3

REMOVE_RADIUS = 10.0
"""Pixels from a point within which a Ctrl+click removes it."""

LUT_STEPS = 256


def class_color(label: int) -> str:
    """The colour of class ``label`` (colours repeat past the palette's eight)."""
    return CLASS_COLORS[label % len(CLASS_COLORS)]


@functools.cache
def _heat_lut() -> np.ndarray:
    """The diverging vermillion-grey-blue ramp, lightened over white (made once)."""
    ramp = diverging_ramp(LUT_STEPS)
    white = np.full(3, 255.0)
    lut = np.rint(white + HEAT_STRENGTH * (ramp - white)).astype(np.uint8)
    lut.setflags(write=False)  # shared by every map
    return lut


def _tints(count: int) -> np.ndarray:
    """(count, 3) uint8 light tints of the class colours, for the predicted-class map."""
    rows = []
    for label in range(count):
        color = blend(class_color(label), BACKGROUND, CLASS_TINT)
        rows.append((color.red(), color.green(), color.blue()))
    return np.array(rows, dtype=np.uint8).reshape(count, 3)


def map_levels(values: np.ndarray) -> tuple[float, float]:
    """Colour range of a map: [0, 1] (sigmoid), [-1, 1] (tanh) or symmetric around 0."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.0, 1.0
    low, high = float(finite.min()), float(finite.max())
    if low >= 0.0 and high <= 1.0:
        return 0.0, 1.0
    if low >= -1.0 and high <= 1.0:
        return -1.0, 1.0
    extent = max(abs(low), abs(high))
    return -extent, extent


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
        # PlotMenu was given this widget, so a right click on the bar opens it. On the plot a
        # right click adds a class-0 point, so the view opens the menu only outside the data.
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._view.customContextMenuRequested.connect(self._on_view_menu)
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
        self._image = ScaledImageItem(axisOrder="row-major")
        self._image.setZValue(-10)
        self._item.addItem(self._image)
        self._contour = IsolineItem(level=0.5, pen=pg.mkPen(TEXT, width=2), axisOrder="row-major")
        self._contour.setParentItem(self._image)
        self._curves: list[pg.PlotDataItem] = []
        self._train_points: list[pg.ScatterPlotItem] = []
        self._test_points: list[pg.ScatterPlotItem] = []
        self._view.scene().sigMouseClicked.connect(self._on_click)

        self._points_stale = True
        """Whether the points changed since drawn (they cost more than the map to redraw)."""
        self._show_test.toggled.connect(self._points_changed)
        self._throttle = RefreshThrottle(self, self._redraw)
        self.retranslate_ui()
        self._request()

    # -- public API --------------------------------------------------------------------------

    def set_data(self, train: Dataset, test: Dataset | None = None) -> None:
        """Show these points (the view frames them, unless they fit the current frame)."""
        self._train, self._test = train, test
        self._points_stale = True
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
        grid = self._grid
        n_outputs = 0 if grid is None else grid.outputs.shape[2]
        two_d = grid is not None and grid.ys.shape[0] > 1
        header = ["x", *(["y"] if two_d or grid is None else [])]
        header += [f"output_{k + 1}" for k in range(n_outputs)]
        if grid is None:
            save_csv(path, header, np.zeros(0), np.zeros((0, len(header) - 1)))
            return
        grid_x, grid_y = np.meshgrid(grid.xs, grid.ys)
        outputs = grid.outputs.reshape(-1, n_outputs)
        columns = [grid_y.reshape(-1, 1)] if two_d else []
        save_csv(path, header, grid_x.ravel(), np.hstack([*columns, outputs]))

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
        return self._image

    @property
    def contour(self) -> pg.IsocurveItem:
        return self._contour

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
        return self._train_points

    def test_points(self) -> list[pg.ScatterPlotItem]:
        return self._test_points

    def curves(self) -> list[pg.PlotDataItem]:
        """The fitted curves y = f(x) of 1-input data, one per output."""
        return self._curves

    def title_text(self) -> str:
        return self._item.titleLabel.text

    # -- state -------------------------------------------------------------------------------

    def _request(self, *_: object) -> None:
        self._throttle.request()

    def _points_changed(self, *_: object) -> None:
        self._points_stale = True
        self._throttle.request()

    def _is_1d(self) -> bool:
        return self._train is not None and self._train.n_features == 1

    def _editable(self) -> bool:
        train = self._train
        return train is not None and train.task == "binary" and train.n_features == 2

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
        self._points_stale = False
        self._view.setToolTip(self._click_hint() if self._editable() else "")
        apply_view_transforms(self._item)

    def _clear_items(self) -> None:
        self._image.clear()
        self._image.hide()
        self._contour.setData(None)
        for item in (*self._curves, *self._train_points, *self._test_points):
            item.setData([], [])
        self._points_stale = True

    def _scatter(self, items: list[pg.ScatterPlotItem], count: int) -> list[pg.ScatterPlotItem]:
        """``count`` scatter items (created once, reused); the rest emptied."""
        while len(items) < count:
            scatter = pg.ScatterPlotItem(pxMode=True)
            # Kept as a picture: the map under the points changes at every frame, and the
            # points, drawn again, cost more than the map (measured: 0.4 ms each for the
            # spiral's 500 points, 0.05 ms as a picture).
            scatter.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            scatter.setZValue(10 if items is self._test_points else 5)
            self._item.addItem(scatter)
            items.append(scatter)
        for extra in items[count:]:
            extra.setData([], [])
        return items[:count]

    def _draw_points(self, x_train, y_train, labels, x_test, y_test, test_labels, colors):
        """Filled outlined dots for training, hollow rings for test, one item per colour."""
        show_test = self._show_test.isChecked() and x_test is not None
        for label, scatter in enumerate(self._scatter(self._train_points, len(colors))):
            mask = labels == label
            scatter.setData(
                x_train[mask],
                y_train[mask],
                symbol="o",
                size=POINT_SIZE,
                brush=pg.mkBrush(colors[label]),
                pen=pg.mkPen(OUTLINE, width=1),
            )
        for label, scatter in enumerate(self._scatter(self._test_points, len(colors))):
            if not show_test:
                scatter.setData([], [])
                continue
            mask = test_labels == label
            scatter.setData(
                x_test[mask],
                y_test[mask],
                symbol="s",
                size=TEST_POINT_SIZE,
                brush=pg.mkBrush(BACKGROUND + "00"),
                pen=pg.mkPen(colors[label], width=2.5),
            )

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
        for curve in self._curves:
            curve.setData([], [])
        values, neuron = self._shown_map()
        self._draw_map(values, neuron, grid)
        if train is None:
            self._write_title((self._empty_hint(), MUTED_TEXT), [])
            return
        test = self._shown_test()
        test_X = None if test is None else test.X
        if train.task == "regression":
            self._draw_regression_points(train, test)  # their colours follow the map's scale
            names: list[str] = []
            colors: list[str] = []
        else:
            colors = [class_color(k) for k in range(len(train.class_names))]
            names = [self._class_label(name) for name in train.class_names]
        if train.task != "regression" and self._points_stale:
            test_labels = None if test is None else test.class_labels()
            self._draw_points(
                train.X[:, 0],
                train.X[:, 1],
                train.class_labels(),
                None if test_X is None else test_X[:, 0],
                None if test_X is None else test_X[:, 1],
                test_labels,
                colors,
            )
        legend = self._legend(colors, names)
        if train.task == "regression":
            #: fr: "cible y (mêmes couleurs)"
            legend.insert(0, (OUTLINE, self.tr("target y (same colours)"), "◐"))
        self._write_title(self._map_heading(neuron, train), legend)

    def _draw_regression_points(self, train: Dataset, test: Dataset | None) -> None:
        """Targets of a 2-input regression: dots on the heat map's scale, in full strength."""
        low, high = self._regression_levels()
        lut = diverging_ramp(LUT_STEPS)

        def brushes(targets: np.ndarray) -> list:
            position = np.clip((targets - low) / (high - low), 0.0, 1.0)
            rows = lut[np.rint(position * (LUT_STEPS - 1)).astype(int)]
            return [pg.mkBrush(*row) for row in rows.tolist()]

        (scatter,) = self._scatter(self._train_points, 1)
        scatter.setData(
            train.X[:, 0],
            train.X[:, 1],
            symbol="o",
            size=POINT_SIZE,
            brush=brushes(train.Y[:, 0]),
            pen=pg.mkPen(OUTLINE, width=1),
        )
        (ring,) = self._scatter(self._test_points, 1)
        if test is not None and self._show_test.isChecked():
            ring.setData(
                test.X[:, 0],
                test.X[:, 1],
                symbol="s",
                size=TEST_POINT_SIZE,
                brush=pg.mkBrush(BACKGROUND + "00"),
                pen=pg.mkPen(TEXT, width=2),
            )
        else:
            ring.setData([], [])

    def _draw_map(self, values, neuron, grid: BoundaryGrid | None) -> None:
        if values is None or grid is None or grid.ys.shape[0] < 2:
            self._image.clear()
            self._image.hide()
            self._contour.setData(None)
            return
        self._image.show()
        xs, ys = grid.xs, grid.ys
        dx = (xs[-1] - xs[0]) / max(xs.shape[0] - 1, 1)
        dy = (ys[-1] - ys[0]) / max(ys.shape[0] - 1, 1)
        rect = QRectF(xs[0] - dx / 2, ys[0] - dy / 2, xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy)
        if values.shape[2] == 1:
            scalar = values[..., 0]
            regression = self._train is not None and self._train.task == "regression"
            if regression and neuron is None:
                low, high = self._regression_levels()
            else:
                low, high = map_levels(scalar)
            self._image.setImage(scalar, levels=(low, high), lut=_heat_lut(), autoLevels=False)
            middle = 0.5 * (low + high)
            # The 0.5 (or 0) line is the boundary of a class or of a neuron; not of a regression.
            crosses = not (regression and neuron is None)
            crosses = crosses and np.nanmin(scalar) < middle < np.nanmax(scalar)
            self._contour.setLevel(middle)
            self._contour.setData(scalar if crosses else None)
        else:
            classes = np.argmax(values, axis=2)
            rgb = _tints(values.shape[2])[classes]
            self._image.setImage(rgb, levels=(0, 255), lut=None, autoLevels=False)
            self._contour.setData(None)
        self._image.setRect(rect)

    def _regression_levels(self) -> tuple[float, float]:
        """One colour scale for the targets and the output map of a 2-input regression."""
        values = [self._train.Y[:, 0]]
        if self._grid is not None:
            values.append(self._grid.outputs[..., 0].ravel())
        return map_levels(np.concatenate(values))

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
        self._image.clear()
        self._image.hide()
        self._contour.setData(None)
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
        if self._points_stale:
            self._draw_points(
                train.X[:, 0],
                heights(train),
                labels,
                None if test is None else test.X[:, 0],
                None if test is None else heights(test),
                test_labels,
                colors,
            )
        n_outputs = 0 if grid is None or grid.ys.shape[0] != 1 else grid.outputs.shape[2]
        while len(self._curves) < n_outputs:
            curve = pg.PlotDataItem()
            curve.setZValue(8)  # over the points: the fit is what the class watches
            self._item.addItem(curve)
            self._curves.append(curve)
        for k, curve in enumerate(self._curves):
            if k >= n_outputs:
                curve.setData([], [])
                continue
            color = class_color(k) if multiclass else TEXT
            curve.setPen(pg.mkPen(color, width=CURVE_WIDTH))
            curve.setData(grid.xs, grid.outputs[0, :, k])
        if grid is None:
            self._write_title((self._empty_hint(), MUTED_TEXT), [])
            return
        #: fr: "données"
        labels = [self._class_label(name) for name in train.class_names]
        entries = self._legend(colors, labels if classes else [self.tr("data")])
        #: fr: "sortie du réseau f(x)"
        entries.append((TEXT, self.tr("network output f(x)"), SWATCH))
        set_title(self._item, self, legend_html(self, entries, title_width(self._item, self._view)))

    # -- user input ----------------------------------------------------------------------------

    def _inside(self, scene_pos: QPointF) -> bool:
        return self._box.sceneBoundingRect().contains(scene_pos)

    def _on_view_menu(self, position) -> None:
        scene_pos = self._view.mapToScene(position)
        if self._editable() and self._inside(scene_pos):
            return  # a right click in the data adds a class-0 point
        self._menu.menu.popup(self._view.mapToGlobal(position))

    def _on_click(self, event) -> None:
        if not self._editable() or event.double() or not self._inside(event.scenePos()):
            return
        point = self._box.mapSceneToView(event.scenePos())
        x, y = point.x(), point.y()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            index = self._nearest(x, y)
            if index is not None:
                event.accept()
                self.point_removed.emit(index)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.point_added.emit(x, y, 1)
        elif event.button() == Qt.MouseButton.RightButton:
            event.accept()
            self.point_added.emit(x, y, 0)

    def _nearest(self, x: float, y: float) -> int | None:
        """The training point within :data:`REMOVE_RADIUS` pixels of (x, y), nearest first."""
        train = self._train
        if train is None or train.n_samples == 0:
            return None
        width, height = self._box.viewPixelSize()
        if not (width > 0 and height > 0):
            return None
        distances = np.hypot((train.X[:, 0] - x) / width, (train.X[:, 1] - y) / height)
        index = int(np.argmin(distances))
        return index if distances[index] <= REMOVE_RADIUS else None
