"""How big the gradients are: per weight or per layer over training, and each layer's matrix now.

This is where a vanishing gradient shows: on a deep sigmoid stack the norm ‖∂E/∂W‖ of the
first layers sits orders of magnitude below the last ones (hence a log scale by default).
Left, curves over iterations: (a) |∂E/∂w| of every weight, in grey (drawn as one picture,
:mod:`.curve_raster`), with the selected weight in the colour of its edge's sign and the one
under the pointer named in a tooltip; or (b) one curve per layer. Right, a heat map of the
current |∂E/∂w| of each layer (rows: neuron j of the next layer, columns: neuron i), on one
colour scale. Clicking a curve or a cell selects that weight (``weight_selected``);
:meth:`GradientPlot.select_weight` follows a selection made elsewhere without echoing it.
Long histories are reduced to the mean of each pixel column (:mod:`.decimation`): mini-batch
gradients jump from one batch to the next, and the extremes would draw each curve as a band.
When a long history of hundreds of weights is reduced anew (the engine thinned it, the view
moved), the grey curves' new picture comes a frame later (see :data:`SPREAD_VALUES`).
"""

from __future__ import annotations

import html
import math
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from backprop_gui.engine.history import MAX_TRACKED_WEIGHTS
from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.engine.trainer import Phase
from backprop_gui.ui.canvas.names import subscript
from backprop_gui.ui.formatting import format_number
from backprop_gui.ui.plots.curve_raster import CurveRaster
from backprop_gui.ui.plots.decimation import MEAN, ColumnReducer, log10
from backprop_gui.ui.plots.export import PlotMenu, merge_on_stamps, save_csv, save_png, save_svg
from backprop_gui.ui.plots.heat_mosaic import HeatMosaic
from backprop_gui.ui.plots.history_buffers import HistoryBuffers
from backprop_gui.ui.plots.plot_style import (
    CLICK_WIDTH,
    HINT,
    RangeFollower,
    apply_view_transforms,
    data_columns,
    finite_bounds,
    legend_html,
    new_plot_item,
    new_view,
    plain_curve,
    plot_font,
    positive_bounds,
    sampled_colors,
    set_axis_label,
    set_label_text,
    set_title,
    stepped_bound,
    text_html,
    title_width,
    view_curve,
    view_x_range,
)
from backprop_gui.ui.plots.refresh import RefreshThrottle
from backprop_gui.ui.style import MUTED_TEXT, NEGATIVE, SELECTION, TEXT, qcolor, sign_color

SMALL_NETWORK_WEIGHTS = 50
"""Up to this many weights the plot opens on one curve per weight; beyond, one per layer."""

WEIGHTS, LAYERS = "weights", "layers"
"""The two curve modes."""

COLORMAP = "viridis"
"""Heat-map colours: perceptually even and readable with any colour vision."""

HEAT_DECADES = 4.0
"""On the log colour scale, gradients more than 10⁴ times below the top are all darkest."""

HEAT_STEP = 0.5
"""The top of the log colour scale is the largest gradient rounded up to half a decade, so
the scale (and the colour bar's ticks) moves only when the gradients change that much."""

HEAT_KEEP = 1.0
"""Decades the largest gradient may fall below the top of the colour scale before the scale
follows it down (see color_scale)."""

HEAT_INTERVAL = 0.25
"""Seconds between two redraws of the heat maps while training runs: four pictures a second
show the gradients change; thirty would only cost time (a manual step redraws at once)."""

COLOR_BAR_HEIGHT = 12
"""Pixels of the colour bar's ramp, under the heat maps, across their whole width."""

COLOR_BAR_AXIS_ROOM = 14
"""Pixels of the colour bar's scale besides its labels' height: ticks and spacing."""

HEAT_MIN_WIDTH = 150

THICK_PIXELS_PER_POINT = 2
"""The thick curves (layer norms, the selected weight) get a point every other pixel: a pen
2.5 pixels wide shows the trend, not one pixel's detail, and strokes half the segments."""

SPREAD_VALUES = 200_000
"""From this many |∂E/∂w| values kept (a deep network after a few thousand iterations), a
redraw that reduces the whole history again leaves the grey curves' picture to the next frame:
each of the two frames then takes about two thirds of the time of one doing both
(tests/benchmarks/plot_refresh.py)."""

HOVER_PEN = pg.mkPen(qcolor("#333333"), width=1.5)
HIGHLIGHT_WIDTH = 3.5
NORM_WIDTH = 2.5


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


def color_scale(
    largest: float, log_scale: bool, current: tuple[float, float] | None = None
) -> tuple[float, float]:
    """The colour scale of the heat maps for this largest |∂E/∂w|: (low, high), as exponents
    on a log scale.

    The top is rounded up (see :data:`HEAT_STEP`), and the ``current`` scale is kept while the
    largest gradient stays in its top decade (its top quarter on a linear scale): colours
    then compare from one picture to the next, and a gradient falling shows as colours
    darkening, instead of the scale following it.
    """
    finite = largest > 0 and math.isfinite(largest)
    if log_scale:
        if not finite:
            return current or (-HEAT_DECADES, 0.0)
        top = math.log10(largest)
        if current is not None and current[1] - HEAT_KEEP < top <= current[1]:
            return current
        high = math.ceil(top / HEAT_STEP - 1e-9) * HEAT_STEP
        return high - HEAT_DECADES, high
    if not finite:
        return current or (0.0, 1.0)
    if current is not None and current[1] / 4.0 < largest <= current[1]:
        return current
    return 0.0, stepped_bound(largest)


def heat_indices(
    magnitudes: np.ndarray, levels: tuple[float, float], log_scale: bool
) -> np.ndarray:
    """|∂E/∂w| as indices 0 to 255 into the colour map, clipped to ``levels``."""
    low, high = levels
    with np.errstate(divide="ignore", invalid="ignore"):
        shown = np.log10(magnitudes) if log_scale else magnitudes
        position = (np.nan_to_num(shown, nan=low, neginf=low) - low) / (high - low)
    return np.rint(np.clip(position, 0.0, 1.0) * 255.0).astype(np.uint8)


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
        self._norm_curves: list[pg.PlotCurveItem] = []
        self._norms_drawn: tuple | None = None
        """What the layer norms' curves were last drawn from."""
        self._norm_colors: list[str] = []
        self._selected: tuple[int, int, int] | None = None
        self._hovered: int | None = None
        self._weights: tuple[np.ndarray, ...] | None = None
        self._gradients: tuple[np.ndarray, ...] | None = None
        self._gradient_iteration = 0
        self._heat_stale = False
        self._heat_not_before = 0.0
        self._heat_levels: tuple[float, float] | None = None
        self._heat_text = ""
        self._heat_iteration: int | None = None
        """The iteration whose gradients the heat maps show."""
        self._drawing = False
        self._drawn_view: tuple | None = None
        self._spread = True
        """Whether a redraw may leave the grey curves' picture to the next frame."""

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
        self._heat_view.setMinimumWidth(HEAT_MIN_WIDTH)
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
        self._item.setLogMode(x=False, y=True)
        self._view.ci.addItem(self._item, row=0, col=0)
        self._range = RangeFollower(self._item)
        self._raster = CurveRaster(self._item)
        self._hover_curve = plain_curve(self._item, HOVER_PEN)
        self._hover_curve.setZValue(5)
        self._selected_curve = plain_curve(self._item, pg.mkPen(SELECTION, width=HIGHLIGHT_WIDTH))
        self._selected_curve.setZValue(10)
        # The curves' picture takes the log itself, in float32 (see CurveRaster.draw).
        self._weight_reducer = ColumnReducer(MEAN)
        self._selected_reducer = ColumnReducer(MEAN)
        self._hover_reducer = ColumnReducer(MEAN)
        self._norm_reducer = ColumnReducer(MEAN, log10)
        self._divergence_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(NEGATIVE, width=2, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.92, "color": NEGATIVE, "fill": qcolor("#FFFFFF", 0.8)},
        )
        self._divergence_line.setZValue(20)

        colors = pg.colormap.get(COLORMAP).getLookupTable(nPts=256, alpha=False)
        self._heat_mosaic = HeatMosaic(colors, plot_font(self))
        self._heat_mosaic.cell_clicked.connect(self._on_cell_clicked)
        self._heat_header = pg.LabelItem(color=TEXT, size=f"{plot_font(self).pointSizeF():g}pt")
        self._color_bar = new_plot_item(self)
        self._color_bar_image = pg.ImageItem()
        self._build_color_bar()
        heat_layout = self._heat_view.ci
        heat_layout.addItem(self._heat_header, row=0, col=0)
        heat_layout.addItem(self._heat_mosaic, row=1, col=0)
        heat_layout.addItem(self._color_bar, row=2, col=0)
        heat_layout.layout.setRowStretchFactor(1, 1)
        self._heat_timer = QTimer(self)
        self._heat_timer.setSingleShot(True)
        self._heat_timer.timeout.connect(self._on_heat_timer)

        box = self._item.getViewBox()
        box.sigXRangeChanged.connect(self._on_view_changed)
        box.sigYRangeChanged.connect(self._on_view_changed)
        box.sigResized.connect(self._on_view_changed)
        self._view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._view.scene().sigMouseClicked.connect(self._on_mouse_clicked)
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
        self._selected = self._hovered = None
        self._heat_stale = True
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
            if snapshot.grad_weights is not self._gradients:
                self._gradients = snapshot.grad_weights
                self._heat_stale = True
            finished = snapshot.phase is Phase.UPDATE
            self._gradient_iteration = snapshot.iteration + (0 if finished else 1)
        elif snapshot.iteration == 0 and self._gradients is not None:
            self._gradients = None  # a new run: the last one's gradients no longer hold
            self._heat_stale = True
        self._throttle.request()

    def clear(self) -> None:
        """Forget the history, the gradients and the divergence mark (a new run starts)."""
        self._buffers.clear()
        self._gradients = None
        self._heat_stale = True
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
        self._show_selection()

    def clear_selection(self) -> None:
        self._selected = None
        self._show_selection()

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
        self._color_bar.getAxis("bottom").setLogMode(log_scale)
        self._norm_reducer = ColumnReducer(MEAN, log10 if log_scale else None)
        self._heat_levels = None
        self._heat_stale = True
        self._heat_not_before = 0.0
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
        self._range.resume()
        self._throttle.request()

    def refresh(self, complete: bool = True) -> None:
        """Redraw now if anything changed (the plot otherwise redraws at its own pace).

        With ``complete`` False, redraw as one frame while training runs does: after the
        history of many weights started over, the grey curves' picture is left for the next
        frame (:attr:`pending` says so; that frame comes by itself in the event loop).
        """
        self._spread = not complete
        try:
            self._throttle.flush()
        finally:
            self._spread = True
        if self._heat_stale:
            self._heat_not_before = 0.0
            self._draw_heat_maps()

    @property
    def pending(self) -> bool:
        """Whether a redraw is waiting (the plot is hidden, just redrew, or left some work)."""
        return self._throttle.pending

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
        for layer, curve in enumerate(self._norm_curves):
            curve.opts["name"] = layer_pair_name(layer)
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._throttle.request()  # the titles wrap to the new width

    # -- what the tests and the benchmark look at ------------------------------------------

    @property
    def buffers(self) -> HistoryBuffers:
        return self._buffers

    @property
    def weight_keys(self) -> list[tuple[int, int, int]]:
        """(layer, j, i) of each followed weight, in ``History.weight_index`` order."""
        return list(self._weight_keys)

    def weight_history(self, layer: int, j: int, i: int) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, |∂E/∂w|) kept for ``weights[layer][j, i]`` (views, not copies)."""
        series = self._buffers.weight_gradients
        index = self._weight_keys.index((layer, j, i))
        return series.stamps, series.column(index)

    @property
    def weight_raster(self) -> CurveRaster:
        """Every weight's curve, in grey, as one picture (weights mode)."""
        return self._raster

    @property
    def selected_curve(self) -> pg.PlotDataItem:
        """The selected weight's curve, drawn over the grey ones (empty without a selection)."""
        return self._selected_curve

    @property
    def hovered_curve(self) -> pg.PlotDataItem:
        """The curve under the pointer, darker than the grey ones."""
        return self._hover_curve

    def weight_at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """The weight whose curve passes near the point (x, y) of the plot (view coordinates)."""
        if self.mode != WEIGHTS:
            return None
        index = self._raster.curve_at(x, y, CLICK_WIDTH)
        if index is None or index >= len(self._weight_keys):
            return None
        return self._weight_keys[index]

    @property
    def norm_curves(self) -> list[pg.PlotCurveItem]:
        """One curve per layer, its values in the view's coordinates (log10 on a log scale)."""
        return list(self._norm_curves)

    @property
    def heat_mosaic(self) -> HeatMosaic:
        """Every layer's heat map, as one picture."""
        return self._heat_mosaic

    @property
    def heat_levels(self) -> tuple[float, float] | None:
        """(low, high) of the heat maps' colour scale (exponents on a log scale)."""
        return self._heat_levels

    @property
    def heat_map_title(self) -> str:
        """The heading of the heat maps, as plain text (it is shown wrapped)."""
        return self._heat_text

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
    def heat_view(self) -> pg.GraphicsLayoutWidget:
        return self._heat_view

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

    def _make_curves(self) -> None:
        for curve in self._norm_curves:
            self._item.removeItem(curve)
        shapes = self._shapes()
        self._weight_keys = []
        if self.weight_count <= MAX_TRACKED_WEIGHTS:
            self._weight_keys = [
                (layer, j, i)
                for layer, (rows, columns) in enumerate(shapes)
                for j in range(rows)
                for i in range(columns)
            ]
        self._norm_colors = sampled_colors(COLORMAP, len(shapes))
        self._norm_curves = []
        self._norms_drawn = None
        for layer, color in enumerate(self._norm_colors):
            pen = pg.mkPen(color, width=NORM_WIDTH)
            self._norm_curves.append(view_curve(self._item, pen, layer_pair_name(layer)))
        for reducer in (self._weight_reducer, self._norm_reducer):
            reducer.reset()
        self._raster.clear()

    def _build_color_bar(self) -> None:
        """A horizontal ramp under the heat maps, with its scale below: it takes the whole
        width of a narrow dock instead of a column the maps would need."""
        bar = self._color_bar
        bar.hideAxis("left")
        axis = bar.getAxis("bottom")
        axis.setLogMode(True)
        bar.setMouseEnabled(x=False, y=False)
        font_height = QFontMetrics(plot_font(self)).height()
        bar.setFixedHeight(COLOR_BAR_HEIGHT + font_height + COLOR_BAR_AXIS_ROOM)
        # Fixed, so that new labels (10⁻⁴ after 0,01) do not lay the heat maps out again.
        axis.setHeight(font_height + COLOR_BAR_AXIS_ROOM)
        bar.addItem(self._color_bar_image)
        lut = pg.colormap.get(COLORMAP).getLookupTable(nPts=256)
        self._color_bar_image.setLookupTable(lut)
        self._color_bar_image.setImage(np.linspace(0.0, 1.0, 256).reshape(256, 1), levels=(0, 1))
        bar.setYRange(0, 1, padding=0)

    def _make_heat_maps(self) -> None:
        self._heat_mosaic.set_shapes(self._shapes())
        self._heat_levels = None

    # -- drawing -----------------------------------------------------------------------------

    def _redraw(self) -> bool:
        """Redraw; return False when the grey curves' picture was left for the next frame."""
        self._drawing = True
        finished = True
        try:
            if self.mode == WEIGHTS:
                finished = self._draw_weights()
            else:
                self._draw_norms()
            self._drawn_view = self._view_state()
        finally:
            self._drawing = False
        self._write_title()
        self._write_heat_header()
        self._draw_heat_maps()
        apply_view_transforms(self._item)
        return finished

    def _view_state(self) -> tuple:
        box = self._item.getViewBox()
        return (tuple(map(tuple, box.viewRange())), data_columns(self._item), box.height())

    def _draw_norms(self) -> None:
        series = self._buffers.layer_norms
        if series.width != len(self._norm_curves):
            return
        self._range.follow_x(series.stamps[-1] if len(series) else None)
        x_range, columns = view_x_range(self._item), data_columns(self._item)
        reduced = self._norm_reducer.reduce(
            series.stamps,
            series.columns,
            series.generation,
            x_range,
            columns // THICK_PIXELS_PER_POINT,
        )
        # A redraw with no new row (a new heat map, a title) leaves the curves as they are.
        drawn = (series.generation, len(series), x_range, columns, self.log_scale)
        if drawn != self._norms_drawn:
            self._norms_drawn = drawn
            for curve, values in zip(self._norm_curves, reduced.y, strict=True):
                curve.setData(reduced.x, values, connect="finite")
        self._follow_y(view=reduced.y)

    def _draw_weights(self) -> bool:
        """Draw the weights' curves; return False when their picture was left for later."""
        series = self._buffers.weight_gradients
        if series.width != len(self._weight_keys) or len(series) == 0:
            self._raster.clear()
            self._selected_curve.setData([], [])
            self._hover_curve.setData([], [])
            return True
        self._range.follow_x(series.stamps[-1] if len(series) else None)
        x_range, columns = view_x_range(self._item), data_columns(self._item)
        reduced = self._weight_reducer.reduce(
            series.stamps, series.columns, series.generation, x_range, columns
        )
        selected = self._draw_single(self._selected_curve, self._selected_reducer, self._selected)
        hovered = None if self._hovered is None else self._weight_keys[self._hovered]
        self._draw_single(self._hover_curve, self._hover_reducer, hovered)
        self._follow_y(data=(reduced.y, selected))
        if (
            self._spread
            and reduced.decimated
            and reduced.unchanged == 0
            and series.values.size >= SPREAD_VALUES
        ):
            # The whole history was reduced again (the engine thinned it, or the view moved):
            # the old picture stays one more frame, and the next one draws the new one.
            self._raster.forget()
            return False
        y_range = tuple(self._item.getViewBox().viewRange()[1])
        self._raster.draw(
            reduced.x,
            reduced.y,
            view_x_range(self._item),
            y_range,
            reduced.unchanged,
            log=self.log_scale,
        )
        return True

    def _draw_single(
        self, curve: pg.PlotDataItem, reducer: ColumnReducer, key: tuple[int, int, int] | None
    ) -> np.ndarray | None:
        """Draw one weight's curve on ``curve`` (or nothing); return the values drawn."""
        series = self._buffers.weight_gradients
        if key is None or key not in self._weight_keys or series.width != len(self._weight_keys):
            curve.setData([], [])
            return None
        index = self._weight_keys.index(key)
        reduced = reducer.reduce(
            series.stamps,
            series.column(index),
            (series.generation, index),
            view_x_range(self._item),
            data_columns(self._item) // THICK_PIXELS_PER_POINT,
        )
        curve.setData(reduced.x, reduced.y[0])
        return reduced.y[0]

    def _follow_y(
        self, view: np.ndarray | None = None, data: tuple[np.ndarray | None, ...] = ()
    ) -> None:
        """Frame the values drawn: ``view`` in view coordinates (exponents on a log scale),
        ``data`` in data units (the bounds are found first, then only they take the log)."""
        log = self.log_scale
        arrays = [a for a in data if a is not None]
        bounds = [finite_bounds(view)] if view is not None else []
        if log:
            low, high = positive_bounds(*arrays)
            if low is not None and high is not None:
                bounds.append((math.log10(low), math.log10(high)))
        else:
            bounds.append(finite_bounds(*arrays))
        lows = [low for low, _ in bounds if low is not None]
        highs = [high for _, high in bounds if high is not None]
        if lows and highs:
            self._range.follow_y(min(lows), max(highs), log=log)

    def _show_selection(self) -> None:
        """Draw the selected weight's curve, cell outline and title now (a click awaits it)."""
        self._mark_selected_cell()
        if self.mode == WEIGHTS:
            self._draw_single(self._selected_curve, self._selected_reducer, self._selected)
        self._write_title()

    def _selected_color(self) -> str:
        if self._selected is None or self._weights is None:
            return SELECTION
        layer, j, i = self._selected
        return sign_color(float(self._weights[layer][j, i]))

    def _write_title(self) -> None:
        width = title_width(self._item, self._view)
        if self.mode == LAYERS:
            entries = [
                (color, f"{layer + 1}→{layer + 2}") for layer, color in enumerate(self._norm_colors)
            ]
            set_title(self._item, self, legend_html(self, entries, width) if entries else None)
            return
        if self.weight_count > MAX_TRACKED_WEIGHTS:
            set_title(self._item, self, None)
            return
        if self._selected is None:
            hint = self.tr("Click a curve to follow one weight.")
            set_title(self._item, self, legend_html(self, [(HINT, hint)], width))
            return
        series = self._buffers.weight_gradients
        index = self._weight_keys.index(self._selected)
        value = series.column(index)[-1] if len(series) and index < series.width else None
        text = self.tr("{weight}: |∂E/∂w| = {value}").format(
            weight=weight_name(*self._selected), value=format_number(value)
        )
        color = self._selected_color()
        if self._selected_curve.opts["pen"].color().name() != color.lower():
            # The colour of its edge: the sign of the weight, which may change as it learns.
            self._selected_curve.setPen(pg.mkPen(color, width=HIGHLIGHT_WIDTH))
        set_title(self._item, self, legend_html(self, [(color, text)], width))

    def _label_y_axis(self) -> None:
        if self.mode == WEIGHTS:
            set_axis_label(self._item, "left", self.tr("|∂E/∂w| (each weight)"))
        else:
            set_axis_label(self._item, "left", self.tr("‖∂E/∂W‖ (each layer)"))

    def _write_heat_header(self) -> None:
        """Say which iteration the heat maps show (wrapped to their width)."""
        if self._heat_iteration is None:
            self._heat_text = ""
            self._heat_header.setText("")
            return
        #: fr: |∂E/∂w| par couche, itération {iteration}
        self._heat_text = text = self.tr("|∂E/∂w| per layer, iteration {iteration}").format(
            iteration=self._heat_iteration
        )
        width = max(self._heat_view.width() - 12, 40)
        markup = text_html(self, text, width)
        if not set_label_text(self._heat_header, markup):
            self._heat_header.setText(markup)

    def _draw_heat_maps(self) -> None:
        """Redraw the heat maps if the gradients changed, at most every HEAT_INTERVAL."""
        if not self._heat_stale:
            return
        gradients = self._gradients
        if gradients is None or len(gradients) != len(self._shapes()):
            self._heat_stale = False
            self._heat_iteration = None
            self._heat_stack.setCurrentWidget(self._heat_hint)
            return
        wait = self._heat_not_before - time.monotonic()
        if wait > 0.0:
            if not self._heat_timer.isActive():
                self._heat_timer.start(math.ceil(wait * 1000.0))
            return
        self._heat_stale = False
        self._heat_not_before = time.monotonic() + HEAT_INTERVAL
        self._heat_stack.setCurrentWidget(self._heat_view)
        # Every layer in one pass: seven small matrices cost numpy's overhead seven times.
        magnitudes = np.abs(np.concatenate([g.ravel() for g in gradients]))
        largest = float(magnitudes.max()) if magnitudes.size else 0.0
        levels = color_scale(largest, self.log_scale, self._heat_levels)
        self._heat_mosaic.show_indices(heat_indices(magnitudes, levels, self.log_scale))
        self._heat_iteration = self._gradient_iteration
        if levels != self._heat_levels:
            self._heat_levels = levels
            low, high = levels
            self._color_bar_image.setRect(QRectF(low, 0.0, high - low, 1.0))
            self._color_bar.setXRange(low, high, padding=0)
            apply_view_transforms(self._color_bar)
        self._write_heat_header()

    def _mark_selected_cell(self) -> None:
        """Outline the selected weight's cell (black and white: seen on any colour)."""
        self._heat_mosaic.set_selected(self._selected)

    def _show_mode(self) -> None:
        weights = self.mode == WEIGHTS
        for item in (self._raster.image, self._selected_curve, self._hover_curve):
            item.setVisible(weights)
        for curve in self._norm_curves:
            curve.setVisible(not weights)
        self._set_hovered(None)
        self._label_y_axis()
        self._write_title()
        self._throttle.request()

    def _set_hovered(self, index: int | None) -> None:
        if index == self._hovered:
            return
        self._hovered = index
        key = None if index is None else self._weight_keys[index]
        self._draw_single(self._hover_curve, self._hover_reducer, key)
        if key is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), html.escape(weight_name(*key)), self._view)

    # -- user actions ------------------------------------------------------------------------

    def _on_mode_changed(self) -> None:
        self._show_mode()
        self.reset_zoom()

    def _on_view_changed(self, *_: object) -> None:
        """A zoom, a pan or a new size: reduce the history again for what is now on screen."""
        if not self._drawing and self._view_state() != self._drawn_view:
            self._throttle.request()

    def _on_heat_timer(self) -> None:
        if self.isVisible():
            self._draw_heat_maps()

    def _view_point(self, scene_pos: QPointF) -> QPointF | None:
        """The point of the plot under ``scene_pos``, or None outside its data area."""
        box = self._item.getViewBox()
        if not box.sceneBoundingRect().contains(scene_pos):
            return None
        return box.mapSceneToView(scene_pos)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self._view_point(scene_pos)
        key = None if point is None else self.weight_at(point.x(), point.y())
        self._set_hovered(None if key is None else self._weight_keys.index(key))

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        point = self._view_point(event.scenePos())
        key = None if point is None else self.weight_at(point.x(), point.y())
        if key is None:
            return
        event.accept()
        self.select_weight(*key)
        self.weight_selected.emit(*key)

    def _on_cell_clicked(self, layer: int, j: int, i: int) -> None:
        self.select_weight(layer, j, i)
        self.weight_selected.emit(layer, j, i)
