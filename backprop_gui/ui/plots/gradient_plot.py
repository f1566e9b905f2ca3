"""How big the gradients are: per weight or per layer over training, and each layer's matrix now.

This is where a vanishing gradient shows: on a deep sigmoid stack the norm ‖∂E/∂W‖ of the
first layers sits orders of magnitude below the last ones (hence a log scale by default).
Left, curves over iterations: (a) |∂E/∂w| of every weight of a small network, grey, with the
selected weight thick in the colour of its sign; or (b) one curve per layer. Right, a heat map
of the current |∂E/∂w| of each layer (rows: neuron j of the next layer, columns: neuron i),
on one colour scale. Clicking a curve or a cell selects that weight (``weight_selected``);
:meth:`GradientPlot.select_weight` follows a selection made elsewhere without echoing it.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backprop_gui.engine.history import MAX_TRACKED_WEIGHTS
from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.engine.trainer import Phase
from backprop_gui.ui.canvas.names import subscript
from backprop_gui.ui.formatting import format_number
from backprop_gui.ui.plots.export import PlotMenu, merge_on_stamps, save_csv, save_png, save_svg
from backprop_gui.ui.plots.history_buffers import HistoryBuffers
from backprop_gui.ui.plots.plot_style import (
    CLICK_WIDTH,
    LocaleAxisItem,
    XRangeFollower,
    muted_html,
    new_plot_item,
    new_view,
    plot_font,
    sampled_colors,
    set_axis_label,
    set_title,
    sparing_curve,
    swatch_html,
)
from backprop_gui.ui.plots.refresh import RefreshThrottle
from backprop_gui.ui.style import MUTED_TEXT, NEGATIVE, NEUTRAL, SELECTION, qcolor, sign_color

SMALL_NETWORK_WEIGHTS = 50
"""Up to this many weights the plot opens on one curve per weight; beyond, one per layer."""

WEIGHTS, LAYERS = "weights", "layers"
"""The two curve modes."""

COLORMAP = "viridis"
"""Heat-map colours: perceptually even and readable with any colour vision."""

HEAT_DECADES = 4.0
"""On the log colour scale, gradients more than 10⁴ times below the largest are all darkest."""

COLOR_BAR_AXIS_WIDTH = 52
"""Pixels for the colour bar's tick labels (10⁻⁴); pyqtgraph drops labels that do not fit."""

DOWNSAMPLING = "mean"
"""Mini-batch gradients jump from one batch to the next; 'peak' downsampling would draw every
curve as a band of its extremes, hiding the others. The mean (of the logarithms, on a log
axis) keeps each layer's trend readable; zooming in shows every point."""

GREY_PEN = pg.mkPen(qcolor(NEUTRAL, 0.7), width=1)
HIGHLIGHT_WIDTH = 3.5


def weight_name(layer: int, j: int, i: int) -> str:
    """ "w₂₁ (couche 1→2)": the weight to neuron j from neuron i, counted from 1 as on paper.

    ``layer`` is the engine's index of ``weights[layer]``; layers are numbered from 1 (the
    inputs) like in the legend. With a neuron number above 9 the indices get a comma.
    """
    indices = [subscript(j + 1), subscript(i + 1)]
    weight = "w" + ("," if j >= 9 or i >= 9 else "").join(indices)
    #: fr: {weight} (couche {source}→{target})
    return QCoreApplication.translate("GradientPlot", "{weight} (layer {source}→{target})").format(
        weight=weight, source=layer + 1, target=layer + 2
    )


def layer_pair_name(layer: int) -> str:
    """ "couche 1→2": the weights of ``weights[layer]``, between layers counted from 1."""
    #: fr: couche {source}→{target}
    return QCoreApplication.translate("GradientPlot", "layer {source}→{target}").format(
        source=layer + 1, target=layer + 2
    )


class HeatMapImage(pg.ImageItem):
    """One layer's |∂E/∂w| matrix; a left click on a cell says which (row j, column i)."""

    cell_clicked = Signal(int, int)

    def mouseClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.image is None:
            return
        column, row = math.floor(event.pos().x()), math.floor(event.pos().y())
        columns, rows = self.image.shape[:2]
        if 0 <= row < rows and 0 <= column < columns:
            event.accept()
            self.cell_clicked.emit(row, column)


class GradientPlot(QWidget):
    """Gradient magnitudes over training and now, fed by :meth:`show_snapshot`."""

    weight_selected = Signal(int, int, int)
    """(layer, j, i) of a weight the user clicked, as in ``weights[layer][j, i]``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradient_plot")
        self._buffers = HistoryBuffers(("layer_norms", "weight_gradients"))
        self._layer_sizes: tuple[int, ...] | None = None
        self._weight_keys: list[tuple[int, int, int]] = []
        self._weight_curves: list[pg.PlotDataItem] = []
        self._curve_index: dict[pg.PlotDataItem, int] = {}
        self._norm_curves: list[pg.PlotDataItem] = []
        self._selected: tuple[int, int, int] | None = None
        self._highlighted: int | None = None
        self._weights: tuple[np.ndarray, ...] | None = None
        self._gradients: tuple[np.ndarray, ...] | None = None
        self._gradient_iteration = 0

        self._mode = QComboBox(self)
        self._mode.setObjectName("gradient_plot_mode")
        self._mode.addItem("", WEIGHTS)
        self._mode.addItem("", LAYERS)
        self._log_scale = QCheckBox(self)
        self._log_scale.setObjectName("gradient_plot_log_scale")
        self._log_scale.setChecked(True)
        self._view = new_view(self)
        self._menu = PlotMenu(self, self._view)
        self._menu_button = QToolButton(self)
        self._menu_button.setMenu(self._menu.menu)
        self._menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self._heat_view = new_view(self)
        self._heat_view.setMinimumWidth(160)
        self._heat_hint = QLabel(self)
        self._heat_hint.setWordWrap(True)
        self._heat_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._heat_hint.setStyleSheet(f"color: {MUTED_TEXT}; background: white; padding: 8px")
        self._heat_stack = QStackedWidget(self)
        self._heat_stack.addWidget(self._heat_hint)
        self._heat_stack.addWidget(self._heat_view)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._mode)
        bar.addWidget(self._log_scale)
        bar.addStretch(1)
        bar.addWidget(self._menu_button)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2)
        body.addWidget(self._view, 3)
        body.addWidget(self._heat_stack, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self._item = new_plot_item(self)
        # Set on the plot, which imposes them on every curve it holds.
        self._item.setDownsampling(auto=True, mode=DOWNSAMPLING)
        self._item.setClipToView(True)
        self._item.setLogMode(x=False, y=True)
        self._view.ci.addItem(self._item, row=0, col=0)
        font_size = f"{plot_font(self).pointSizeF():g}pt"
        self._legend = pg.LegendItem(labelTextColor="#1A1A1A", labelTextSize=font_size)
        self._legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._divergence_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(NEGATIVE, width=2, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.92, "color": NEGATIVE, "fill": qcolor("#FFFFFF", 0.8)},
        )
        self._divergence_line.setZValue(20)

        self._heat_images: list[HeatMapImage] = []
        self._heat_boxes: list[pg.ViewBox] = []
        self._heat_cells: list[pg.PlotItem] = []
        self._heat_header = pg.LabelItem(color="#1A1A1A", size=font_size)
        self._color_bar = new_plot_item(self)
        self._color_bar_image = pg.ImageItem()
        self._selection_marks = (QGraphicsRectItem(), QGraphicsRectItem())
        for mark, color, width in zip(
            self._selection_marks, (SELECTION, "#FFFFFF"), (4.0, 1.5), strict=True
        ):
            pen = pg.mkPen(color, width=width)
            pen.setCosmetic(True)
            mark.setPen(pen)
            mark.setZValue(10)
        self._marked_box: pg.ViewBox | None = None
        self._build_color_bar()

        self._x_range = XRangeFollower(self._item)

        self._mode.currentIndexChanged.connect(self._on_mode_changed)
        self._log_scale.toggled.connect(self.set_log_scale)
        self._throttle = RefreshThrottle(self, self._redraw)
        self.retranslate_ui()
        self._show_mode()

    # -- public API --------------------------------------------------------------------------

    def set_network(self, layer_sizes: tuple[int, ...] | list[int]) -> None:
        """Make the curves and heat maps of a network with these layer sizes (inputs first)."""
        layer_sizes = tuple(int(n) for n in layer_sizes)
        if layer_sizes == self._layer_sizes:
            return
        self._layer_sizes = layer_sizes
        self._buffers.clear()
        self._weights = self._gradients = None
        self._selected = self._highlighted = None
        self._make_curves()
        self._make_heat_maps()
        tracked = self.weight_count <= MAX_TRACKED_WEIGHTS
        self._mode.model().item(0).setEnabled(tracked)
        small = tracked and self.weight_count <= SMALL_NETWORK_WEIGHTS
        self._mode.setCurrentIndex(0 if small else 1)
        self._show_mode()

    def show_snapshot(self, snapshot: TrainerSnapshot) -> None:
        """Take the snapshot's new history rows and gradients, and redraw when worthwhile."""
        if tuple(snapshot.layer_sizes) != self._layer_sizes:
            self.set_network(snapshot.layer_sizes)
        if snapshot.history is not None:
            self._buffers.apply(snapshot.history)
        self._weights = snapshot.weights
        if snapshot.grad_weights is not None:
            self._gradients = snapshot.grad_weights
            finished = snapshot.phase is Phase.UPDATE
            self._gradient_iteration = snapshot.iteration + (0 if finished else 1)
        elif snapshot.iteration == 0:
            self._gradients = None  # a new run: the last one's gradients no longer hold
        self._throttle.request()

    def clear(self) -> None:
        """Forget the history, the gradients and the divergence mark (a new run starts)."""
        self._buffers.clear()
        self._gradients = None
        if self._divergence_line.scene() is not None:
            self._item.removeItem(self._divergence_line)
        self._throttle.request()
        self.reset_zoom()

    def mark_divergence(self, iteration: int) -> None:
        """Draw a dashed vertical line labelled "divergence" where training blew up."""
        self._divergence_line.setValue(int(iteration))
        if self._divergence_line.scene() is None:
            self._item.addItem(self._divergence_line, ignoreBounds=True)

    def select_weight(self, layer: int, j: int, i: int) -> None:
        """Highlight ``weights[layer][j, i]`` (its curve and its cell); emits nothing."""
        key = (int(layer), int(j), int(i))
        self._selected = key if self._is_weight(key) else None
        self._highlight()
        self._mark_selected_cell()
        self._write_title()

    def clear_selection(self) -> None:
        self._selected = None
        self._highlight()
        self._mark_selected_cell()
        self._write_title()

    @property
    def selected_weight(self) -> tuple[int, int, int] | None:
        return self._selected

    def set_mode(self, mode: str) -> None:
        """``"weights"``: one curve per weight; ``"layers"``: one curve per layer."""
        index = self._mode.findData(mode)
        if index < 0:
            raise ValueError(f"unknown gradient plot mode {mode!r}")
        if self._mode.model().item(index).isEnabled():
            self._mode.setCurrentIndex(index)

    @property
    def mode(self) -> str:
        return self._mode.currentData()

    def set_log_scale(self, log_scale: bool) -> None:
        """Log scale (the default) for the curves and the heat-map colours."""
        if self._log_scale.isChecked() != log_scale:
            self._log_scale.setChecked(log_scale)  # comes back here through toggled
            return
        self._item.setLogMode(x=False, y=log_scale)
        self._color_bar.getAxis("right").setLogMode(log_scale)
        self._throttle.request()
        self.reset_zoom()

    @property
    def log_scale(self) -> bool:
        return self._log_scale.isChecked()

    @property
    def weight_count(self) -> int:
        return sum(rows * columns for rows, columns in self._shapes())

    def reset_zoom(self) -> None:
        """Back to the view that follows the data (after the user zoomed or panned)."""
        self._x_range.resume()
        self._throttle.request()

    def refresh(self) -> None:
        """Redraw now if anything changed (the plot otherwise redraws at its own pace)."""
        self._throttle.flush()

    def export_png(self, path: str | Path) -> None:
        """The curves and their legend (the heat maps are a separate view)."""
        self.refresh()
        save_png(self._view.ci, path)

    def export_svg(self, path: str | Path) -> None:
        self.refresh()
        save_svg(self._view.ci, path)

    def export_csv(self, path: str | Path) -> None:
        """Iteration, the norm of each layer, then |∂E/∂w| of each followed weight."""
        norms, weights = self._buffers.layer_norms, self._buffers.weight_gradients
        layers = range(norms.width)
        header = ["iteration"] + [f"norm_layer_{k + 1}_{k + 2}" for k in layers]
        parts = [(norms.stamps, norms.values)]
        if weights.width == len(self._weight_keys) and weights.width:
            header += [f"w_{j + 1}_{i + 1}_layer_{k + 1}_{k + 2}" for k, j, i in self._weight_keys]
            parts.append((weights.stamps, weights.values))
        stamps, table = merge_on_stamps(parts)
        save_csv(path, header, stamps, table)

    def export_file_stem(self) -> str:
        return self.tr("gradients")

    def retranslate_ui(self) -> None:
        self._mode.setItemText(0, self.tr("Each weight |∂E/∂w|"))
        self._mode.setItemText(1, self.tr("Each layer ‖∂E/∂W‖"))
        self._mode.setToolTip(
            self.tr(
                "Each weight: the size of the gradient of every weight (small networks). "
                "Each layer: the norm of the gradient of all the weights of a layer."
            )
        )
        self._log_scale.setText(self.tr("Log scale"))
        self._log_scale.setToolTip(
            self.tr(
                "Gradients span several orders of magnitude: on a log scale a vanishing "
                "gradient (far smaller in the first layers) stays visible."
            )
        )
        self._menu_button.setText(self.tr("Export"))
        self._menu.retranslate()
        set_axis_label(self._item, "bottom", self.tr("Iteration"))
        self._heat_hint.setText(
            self.tr(
                "The gradient ∂E/∂w of every weight appears here after the first backward "
                "pass (step 3 of an iteration)."
            )
        )
        self._divergence_line.label.setFormat(self.tr("divergence"))
        for curve, (layer, j, i) in zip(self._weight_curves, self._weight_keys, strict=True):
            curve.opts["name"] = weight_name(layer, j, i)
        for layer, curve in enumerate(self._norm_curves):
            curve.opts["name"] = layer_pair_name(layer)
            self._legend.getLabel(curve).setText(layer_pair_name(layer))
        self._fit_legend()
        for layer, cell in enumerate(self._heat_cells):
            self._title_heat_cell(cell, layer)
        self._label_y_axis()
        self._write_title()
        self._write_heat_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._throttle.shown()

    # -- what the tests and the benchmark look at ------------------------------------------

    @property
    def buffers(self) -> HistoryBuffers:
        return self._buffers

    @property
    def weight_curves(self) -> list[pg.PlotDataItem]:
        """One curve per weight, in ``History.weight_index`` order (empty for big networks)."""
        return list(self._weight_curves)

    def weight_curve(self, layer: int, j: int, i: int) -> pg.PlotDataItem:
        return self._weight_curves[self._weight_keys.index((layer, j, i))]

    @property
    def norm_curves(self) -> list[pg.PlotDataItem]:
        return list(self._norm_curves)

    @property
    def heat_images(self) -> list[HeatMapImage]:
        return list(self._heat_images)

    @property
    def heat_map_title(self) -> str:
        return self._heat_header.text

    @property
    def heat_maps_shown(self) -> bool:
        """False while the explanation stands in for them (no gradient computed yet)."""
        return self._heat_stack.currentWidget() is self._heat_view

    @property
    def divergence_line(self) -> pg.InfiniteLine | None:
        return self._divergence_line if self._divergence_line.scene() is not None else None

    @property
    def view(self) -> pg.GraphicsLayoutWidget:
        return self._view

    @property
    def plot_item(self) -> pg.PlotItem:
        return self._item

    @property
    def menu(self) -> PlotMenu:
        return self._menu

    # -- building ----------------------------------------------------------------------------

    def _shapes(self) -> list[tuple[int, int]]:
        sizes = self._layer_sizes or ()
        return list(zip(sizes[1:], sizes[:-1], strict=False))

    def _is_weight(self, key: tuple[int, int, int]) -> bool:
        layer, j, i = key
        shapes = self._shapes()
        return 0 <= layer < len(shapes) and 0 <= j < shapes[layer][0] and 0 <= i < shapes[layer][1]

    def _fit_legend(self) -> None:
        """Reserve the legend's width beside the plot (pyqtgraph sizes it, but does not say so
        to the layout, which would let the plot run under it)."""
        self._legend.updateSize()
        self._legend.setMinimumWidth(self._legend.width())

    def _make_curves(self) -> None:
        for curve in self._weight_curves + self._norm_curves:
            self._item.removeItem(curve)
        self._legend.clear()
        self._weight_curves, self._curve_index, self._weight_keys = [], {}, []
        shapes = self._shapes()
        if self.weight_count <= MAX_TRACKED_WEIGHTS:
            for layer, (rows, columns) in enumerate(shapes):
                for j in range(rows):
                    for i in range(columns):
                        self._add_weight_curve(layer, j, i)
        colors = sampled_colors(COLORMAP, len(shapes))
        self._norm_curves = []
        for layer, color in enumerate(colors):
            pen = pg.mkPen(color, width=2.5)
            curve = sparing_curve(self._item, pen, layer_pair_name(layer))
            self._legend.addItem(curve, layer_pair_name(layer))
            self._norm_curves.append(curve)

    def _add_weight_curve(self, layer: int, j: int, i: int) -> None:
        curve = sparing_curve(self._item, GREY_PEN, weight_name(layer, j, i))
        curve.setCurveClickable(True, CLICK_WIDTH)
        curve.sigClicked.connect(self._on_curve_clicked)
        self._curve_index[curve] = len(self._weight_curves)
        self._weight_curves.append(curve)
        self._weight_keys.append((layer, j, i))

    def _build_color_bar(self) -> None:
        bar = self._color_bar
        bar.setAxisItems({"right": LocaleAxisItem("right")})
        bar.hideAxis("left")
        bar.hideAxis("bottom")
        bar.showAxis("right")
        bar.getAxis("right").setLogMode(True)
        bar.getAxis("right").enableAutoSIPrefix(False)
        bar.getAxis("right").setTickFont(plot_font(self))
        bar.getAxis("right").setTextPen("#1A1A1A")
        bar.showGrid(x=False, y=False)
        bar.setMouseEnabled(x=False, y=False)
        bar.getAxis("right").setWidth(COLOR_BAR_AXIS_WIDTH)
        bar.setFixedWidth(COLOR_BAR_AXIS_WIDTH + 24)
        bar.addItem(self._color_bar_image)
        lut = pg.colormap.get(COLORMAP).getLookupTable(nPts=256)
        self._color_bar_image.setLookupTable(lut)
        self._color_bar_image.setImage(np.linspace(0.0, 1.0, 256).reshape(1, 256), levels=(0, 1))

    def _make_heat_maps(self) -> None:
        layout = self._heat_view.ci
        if self._marked_box is not None:
            for mark in self._selection_marks:
                self._marked_box.removeItem(mark)
            self._marked_box = None
        layout.clear()
        self._heat_images, self._heat_boxes, self._heat_cells = [], [], []
        shapes = self._shapes()
        columns = max(1, math.ceil(math.sqrt(len(shapes))))
        rows = math.ceil(len(shapes) / columns)
        layout.addItem(self._heat_header, row=0, col=0, colspan=columns + 1)
        lut = pg.colormap.get(COLORMAP).getLookupTable(nPts=256)
        for layer in range(len(shapes)):
            cell = pg.PlotItem(enableMenu=False)
            cell.hideButtons()
            for side in ("left", "bottom"):
                cell.hideAxis(side)
            self._title_heat_cell(cell, layer)
            box = cell.getViewBox()
            box.setAspectLocked(True)
            box.invertY(True)
            box.setMouseEnabled(x=False, y=False)
            image = HeatMapImage()
            image.setLookupTable(lut)
            image.cell_clicked.connect(self._make_cell_handler(layer))
            box.addItem(image)
            layout.addItem(cell, row=1 + layer // columns, col=layer % columns)
            self._heat_cells.append(cell)
            self._heat_boxes.append(box)
            self._heat_images.append(image)
        layout.addItem(self._color_bar, row=1, col=columns, rowspan=rows)

    def _title_heat_cell(self, cell: pg.PlotItem, layer: int) -> None:
        # Only "1→2": the header says these are layers, and seven matrices must fit side by side.
        set_title(cell, self, f"{layer + 1}→{layer + 2}")

    def _make_cell_handler(self, layer: int):
        def clicked(j: int, i: int) -> None:
            self._on_cell_clicked(layer, j, i)

        return clicked

    # -- drawing -----------------------------------------------------------------------------

    def _redraw(self) -> None:
        if self.mode == WEIGHTS:
            series, curves = self._buffers.weight_gradients, self._weight_curves
        else:
            series, curves = self._buffers.layer_norms, self._norm_curves
        if series.width == len(curves):
            stamps = series.stamps
            for index, curve in enumerate(curves):
                curve.setData(stamps, series.column(index))
            self._x_range.follow(stamps[-1] if len(stamps) else None)
        self._highlight()
        self._write_title()
        self._draw_heat_maps()

    def _highlight(self) -> None:
        """Grey for every weight curve, the selected one thick in the colour of its sign."""
        if self._highlighted is not None and self._highlighted < len(self._weight_curves):
            curve = self._weight_curves[self._highlighted]
            curve.setPen(GREY_PEN)
            curve.setZValue(0)
        self._highlighted = None
        if self._selected is None or self._selected not in self._weight_keys:
            return
        index = self._weight_keys.index(self._selected)
        curve = self._weight_curves[index]
        curve.setPen(pg.mkPen(self._selected_color(), width=HIGHLIGHT_WIDTH))
        curve.setZValue(10)
        self._highlighted = index

    def _selected_color(self) -> str:
        if self._selected is None or self._weights is None:
            return SELECTION
        layer, j, i = self._selected
        return sign_color(float(self._weights[layer][j, i]))

    def _write_title(self) -> None:
        if self.mode == LAYERS:
            set_title(self._item, self, None)
            return
        if self.weight_count > MAX_TRACKED_WEIGHTS:
            set_title(self._item, self, None)
            return
        if self._selected is None:
            hint = self.tr("Click a curve to follow one weight.")
            set_title(self._item, self, muted_html(hint))
            return
        series = self._buffers.weight_gradients
        index = self._weight_keys.index(self._selected)
        value = series.column(index)[-1] if len(series) and index < series.width else None
        text = self.tr("{weight}: |∂E/∂w| = {value}").format(
            weight=weight_name(*self._selected), value=format_number(value)
        )
        set_title(self._item, self, swatch_html(self._selected_color(), text))

    def _label_y_axis(self) -> None:
        if self.mode == WEIGHTS:
            set_axis_label(self._item, "left", self.tr("|∂E/∂w| (each weight)"))
        else:
            set_axis_label(self._item, "left", self.tr("‖∂E/∂W‖ (each layer)"))

    def _write_heat_header(self) -> None:
        if self._gradients is None:
            self._heat_header.setText("")
            return
        #: fr: |∂E/∂w| par couche, itération {iteration}
        text = self.tr("|∂E/∂w| per layer, iteration {iteration}").format(
            iteration=self._gradient_iteration
        )
        self._heat_header.setText(text)

    def _draw_heat_maps(self) -> None:
        gradients = self._gradients
        if gradients is None or len(gradients) != len(self._heat_images):
            self._heat_stack.setCurrentWidget(self._heat_hint)
            return
        self._heat_stack.setCurrentWidget(self._heat_view)
        magnitudes = [np.abs(g) for g in gradients]
        largest = max(float(m.max()) if m.size else 0.0 for m in magnitudes)
        if self.log_scale:
            high = math.log10(largest) if largest > 0 else 0.0
            low = high - HEAT_DECADES
            with np.errstate(divide="ignore"):
                shown = [np.maximum(np.log10(m), low) for m in magnitudes]
        else:
            low, high = 0.0, largest if largest > 0 else 1.0
            shown = magnitudes
        for image, box, values in zip(self._heat_images, self._heat_boxes, shown, strict=True):
            # ImageItem indexes [x, y]: columns (neuron i) across, rows (neuron j) down.
            image.setImage(values.T, levels=(low, high), autoLevels=False)
            box.setRange(QRectF(0, 0, values.shape[1], values.shape[0]), padding=0.02)
        self._color_bar_image.setRect(QRectF(0.0, low, 1.0, high - low))
        self._color_bar.setYRange(low, high, padding=0)
        self._color_bar.setXRange(0, 1, padding=0)
        self._write_heat_header()
        self._mark_selected_cell()

    def _mark_selected_cell(self) -> None:
        """Outline the selected weight's cell (black and white: seen on any colour)."""
        if self._marked_box is not None:
            for mark in self._selection_marks:
                self._marked_box.removeItem(mark)
            self._marked_box = None
        if self._selected is None or not self._heat_boxes:
            return
        layer, j, i = self._selected
        box = self._heat_boxes[layer]
        for mark in self._selection_marks:
            mark.setRect(QRectF(i, j, 1, 1))
            box.addItem(mark, ignoreBounds=True)
        self._marked_box = box

    def _show_mode(self) -> None:
        weights = self.mode == WEIGHTS
        for curve in self._weight_curves:
            curve.setVisible(weights)
        for curve in self._norm_curves:
            curve.setVisible(not weights)
        layout = self._view.ci
        if weights and self._legend.scene() is not None:
            layout.removeItem(self._legend)
        elif not weights and self._legend.scene() is None:
            layout.addItem(self._legend, row=0, col=1)
            layout.layout.setAlignment(self._legend, Qt.AlignmentFlag.AlignTop)
            self._fit_legend()
        self._label_y_axis()
        self._write_title()
        self._throttle.request()

    # -- user actions ------------------------------------------------------------------------

    def _on_mode_changed(self) -> None:
        self._show_mode()
        self.reset_zoom()

    def _on_curve_clicked(self, curve: pg.PlotDataItem, _event=None) -> None:
        index = self._curve_index.get(curve)
        if index is None:
            return
        key = self._weight_keys[index]
        self.select_weight(*key)
        self.weight_selected.emit(*key)

    def _on_cell_clicked(self, layer: int, j: int, i: int) -> None:
        self.select_weight(layer, j, i)
        self.weight_selected.emit(layer, j, i)
