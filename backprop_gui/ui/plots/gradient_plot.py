"""How big the gradients are: per weight or per layer over training, and each layer's matrix now.

This is where a vanishing gradient shows: on a deep sigmoid stack the norm ‖∂E/∂W‖ of the
first layers sits orders of magnitude below the last ones (hence a log scale by default).
Left, curves over iterations: (a) |∂E/∂w| of every weight (:mod:`.weight_curves`), or (b) one
curve per layer (:mod:`.layer_norm_curves`). Right, a heat map of the current |∂E/∂w| of each
layer on one colour scale (:mod:`.gradient_heat_panel`). Clicking a curve or a cell selects
that weight (``weight_selected``); :meth:`GradientPlot.select_weight` follows a selection made
elsewhere without echoing it. Long histories are reduced to the mean of each pixel column
(:mod:`.decimation`): mini-batch gradients jump from one batch to the next, and the extremes
would draw each curve as a band. This module composes the parts, paces the heat maps and
holds the plot's texts.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from backprop_gui.engine.history import MAX_TRACKED_WEIGHTS
from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.engine.trainer import Phase
from backprop_gui.ui.formatting import format_number
from backprop_gui.ui.plots.curve_raster import CurveRaster
from backprop_gui.ui.plots.export import PlotMenu, merge_on_stamps, save_csv, save_png, save_svg
from backprop_gui.ui.plots.gradient_colors import (
    COLORMAP,
    HEAT_DECADES,
    HEAT_KEEP,
    HEAT_STEP,
    color_scale,
    heat_indices,
)
from backprop_gui.ui.plots.gradient_framing import THICK_PIXELS_PER_POINT
from backprop_gui.ui.plots.gradient_heat_panel import GradientHeatPanel
from backprop_gui.ui.plots.gradient_names import layer_pair_name, weight_name
from backprop_gui.ui.plots.gradient_toolbar import LAYERS, WEIGHTS, GradientToolbar
from backprop_gui.ui.plots.heat_mosaic import HeatMosaic
from backprop_gui.ui.plots.history_buffers import HistoryBuffers
from backprop_gui.ui.plots.layer_norm_curves import NORM_WIDTH, LayerNormCurves
from backprop_gui.ui.plots.plot_style import (
    HINT,
    RangeFollower,
    apply_view_transforms,
    data_columns,
    legend_html,
    new_plot_item,
    new_view,
    set_axis_label,
    set_title,
    title_width,
)
from backprop_gui.ui.plots.refresh import RefreshThrottle
from backprop_gui.ui.plots.weight_curves import (
    HIGHLIGHT_WIDTH,
    HOVER_PEN,
    SPREAD_VALUES,
    WeightCurves,
)
from backprop_gui.ui.style import NEGATIVE, SELECTION, qcolor, sign_color

__all__ = [
    "COLORMAP",
    "HEAT_DECADES",
    "HEAT_INTERVAL",
    "HEAT_KEEP",
    "HEAT_STEP",
    "HIGHLIGHT_WIDTH",
    "HOVER_PEN",
    "LAYERS",
    "NORM_WIDTH",
    "SMALL_NETWORK_WEIGHTS",
    "SPREAD_VALUES",
    "THICK_PIXELS_PER_POINT",
    "WEIGHTS",
    "GradientPlot",
    "color_scale",
    "heat_indices",
    "layer_pair_name",
    "weight_name",
]

SMALL_NETWORK_WEIGHTS = 50
"""Up to this many weights the plot opens on one curve per weight; beyond, one per layer."""

HEAT_INTERVAL = 0.25
"""Seconds between two redraws of the heat maps while training runs: four pictures a second
show the gradients change; thirty would only cost time (a manual step redraws at once)."""


class GradientPlot(QWidget):
    """Gradient magnitudes over training and now, fed by :meth:`show_snapshot`."""

    weight_selected = Signal(int, int, int)
    """(layer, j, i) of a weight the user clicked, as in ``weights[layer][j, i]``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradient_plot")
        self._buffers = HistoryBuffers(("layer_norms", "weight_gradients"))
        self._layer_sizes: tuple[int, ...] | None = None
        self._selected: tuple[int, int, int] | None = None
        self._weights: tuple[np.ndarray, ...] | None = None
        self._gradients: tuple[np.ndarray, ...] | None = None
        self._gradient_iteration = 0
        self._heat_stale = False
        self._heat_not_before = 0.0
        self._heat_iteration: int | None = None
        """The iteration whose gradients the heat maps show."""
        self._drawing = False
        self._drawn_view: tuple | None = None
        self._spread = True
        """Whether a redraw may leave the grey curves' picture to the next frame."""

        self._toolbar = GradientToolbar(self)
        self._mode = self._toolbar.mode
        self._log_scale = self._toolbar.log_scale
        self._view = new_view(self)
        bar = self._toolbar.add_menu(self._view)
        self._menu = self._toolbar.menu
        self._heat = GradientHeatPanel(self)
        self._heat.mosaic.cell_clicked.connect(self._on_cell_clicked)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2)
        body.addWidget(self._view, 3)
        body.addWidget(self._heat.widget, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self._item = new_plot_item(self)
        self._item.setLogMode(x=False, y=True)
        self._view.ci.addItem(self._item, row=0, col=0)
        self._range = RangeFollower(self._item)
        self._weight_curves = WeightCurves(
            self._item, self._range, self._buffers.weight_gradients, self._view
        )
        self._norms = LayerNormCurves(self._item, self._range, self._buffers.layer_norms)
        self._divergence_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(NEGATIVE, width=2, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.92, "color": NEGATIVE, "fill": qcolor("#FFFFFF", 0.8)},
        )
        self._divergence_line.setZValue(20)
        self._redraws = 0
        self._redraws_seen = 0
        """Redraws of the curves so far, and at the last :meth:`refresh` (a frame that drew
        the curves leaves the heat maps to the next)."""
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
        self._selected = None
        self._weight_curves.forget_hovered()
        self._heat_stale = True
        self._make_curves()
        self._heat.set_shapes(self._shapes())
        tracked = self.weight_count <= MAX_TRACKED_WEIGHTS
        self._toolbar.offer_weights(tracked)
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
        self._toolbar.choose_mode(mode)

    @property
    def mode(self) -> str:
        return self._toolbar.current_mode

    def set_log_scale(self, log_scale: bool) -> None:
        """Log scale (the default) for the curves and the heat-map colours."""
        if self._log_scale.isChecked() != log_scale:
            self._log_scale.setChecked(log_scale)  # comes back here through toggled
            return
        self._item.setLogMode(x=False, y=log_scale)
        self._heat.set_log_scale(log_scale)
        self._norms.set_log_scale(log_scale)
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
        # A frame draws the curves or the heat maps: the second ones then come next. The
        # curves may have been drawn since the last call, as soon as the snapshot came.
        curves_drawn = self._redraws != self._redraws_seen
        self._redraws_seen = self._redraws
        if self._heat_stale and (complete or not curves_drawn):
            self._heat_not_before = 0.0
            self._draw_heat_maps()

    @property
    def pending(self) -> bool:
        """Whether a redraw is waiting (the plot is hidden, just redrew, or left some work),
        the heat maps' included."""
        return self._throttle.pending or (self._heat_stale and self._heat_timer.isActive())

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
        keys = self._weight_curves.keys
        if weights.width == len(keys) and weights.width:
            header += [f"w_{j + 1}_{i + 1}_layer_{k + 1}_{k + 2}" for k, j, i in keys]
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
        self._toolbar.menu_button.setText(self.tr("Export"))
        self._menu.retranslate()
        set_axis_label(self._item, "bottom", self.tr("Iteration"))
        self._heat.hint.setText(
            self.tr(
                "The gradient ∂E/∂w of every weight appears here after the first backward "
                "pass (step 3 of an iteration)."
            )
        )
        self._divergence_line.label.setFormat(self.tr("divergence"))
        self._norms.retranslate()
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
        return list(self._weight_curves.keys)

    def weight_history(self, layer: int, j: int, i: int) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, |∂E/∂w|) kept for ``weights[layer][j, i]`` (views, not copies)."""
        series = self._buffers.weight_gradients
        index = self._weight_curves.keys.index((layer, j, i))
        return series.stamps, series.column(index)

    @property
    def weight_raster(self) -> CurveRaster:
        """Every weight's curve, in grey, as one picture (weights mode)."""
        return self._weight_curves.raster

    @property
    def selected_curve(self) -> pg.PlotDataItem:
        """The selected weight's curve, drawn over the grey ones (empty without a selection)."""
        return self._weight_curves.selected_curve

    @property
    def hovered_curve(self) -> pg.PlotDataItem:
        """The curve under the pointer, darker than the grey ones."""
        return self._weight_curves.hover_curve

    def weight_at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """The weight whose curve passes near the point (x, y) of the plot (view coordinates)."""
        if self.mode != WEIGHTS:
            return None
        return self._weight_curves.weight_at(x, y)

    @property
    def norm_curves(self) -> list[pg.PlotCurveItem]:
        """One curve per layer, its values in the view's coordinates (log10 on a log scale)."""
        return list(self._norms.curves)

    @property
    def heat_mosaic(self) -> HeatMosaic:
        """Every layer's heat map, as one picture."""
        return self._heat.mosaic

    @property
    def heat_levels(self) -> tuple[float, float] | None:
        """(low, high) of the heat maps' colour scale (exponents on a log scale)."""
        return self._heat.levels

    @property
    def heat_map_title(self) -> str:
        """The heading of the heat maps, as plain text (it is shown wrapped)."""
        return self._heat.text

    @property
    def heat_maps_shown(self) -> bool:
        """False while the explanation stands in for them (no gradient computed yet)."""
        return self._heat.shown

    @property
    def divergence_line(self) -> pg.InfiniteLine | None:
        return self._divergence_line if self._divergence_line.scene() is not None else None

    @property
    def view(self) -> pg.GraphicsLayoutWidget:
        return self._view

    @property
    def heat_view(self) -> pg.GraphicsLayoutWidget:
        return self._heat.view

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
        shapes = self._shapes()
        self._weight_curves.make(shapes, self.weight_count <= MAX_TRACKED_WEIGHTS)
        self._norms.make(len(shapes))

    # -- drawing -----------------------------------------------------------------------------

    def _redraw(self) -> bool:
        """Redraw; return False when the grey curves' picture was left for the next frame."""
        self._drawing = True
        self._redraws += 1
        finished = True
        try:
            if self.mode == WEIGHTS:
                finished = self._weight_curves.draw(self._selected, self.log_scale, self._spread)
            else:
                self._norms.draw(self.log_scale)
            self._drawn_view = self._view_state()
        finally:
            self._drawing = False
        self._write_title()
        self._write_heat_header()
        if self._spread:
            self._schedule_heat_maps()  # in an event-loop turn of their own: two short frames
        else:
            self._draw_heat_maps()
        apply_view_transforms(self._item)
        return finished

    def _view_state(self) -> tuple:
        box = self._item.getViewBox()
        return (tuple(map(tuple, box.viewRange())), data_columns(self._item), box.height())

    def _show_selection(self) -> None:
        """Draw the selected weight's curve, cell outline and title now (a click awaits it)."""
        self._mark_selected_cell()
        if self.mode == WEIGHTS:
            self._weight_curves.draw_selected(self._selected)
        self._write_title()

    def _selected_color(self) -> str:
        if self._selected is None or self._weights is None:
            return SELECTION
        layer, j, i = self._selected
        return sign_color(float(self._weights[layer][j, i]))

    def _write_title(self) -> None:
        width = title_width(self._item, self._view)
        if self.mode == LAYERS:
            colors = self._norms.colors
            entries = [(color, f"{layer + 1}→{layer + 2}") for layer, color in enumerate(colors)]
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
        index = self._weight_curves.keys.index(self._selected)
        value = series.column(index)[-1] if len(series) and index < series.width else None
        text = self.tr("{weight}: |∂E/∂w| = {value}").format(
            weight=weight_name(*self._selected), value=format_number(value)
        )
        color = self._selected_color()
        self._weight_curves.set_selected_color(color)
        set_title(self._item, self, legend_html(self, [(color, text)], width))

    def _label_y_axis(self) -> None:
        if self.mode == WEIGHTS:
            set_axis_label(self._item, "left", self.tr("|∂E/∂w| (each weight)"))
        else:
            set_axis_label(self._item, "left", self.tr("‖∂E/∂W‖ (each layer)"))

    def _write_heat_header(self) -> None:
        """Say which iteration the heat maps show (wrapped to their width)."""
        if self._heat_iteration is None:
            self._heat.set_header("")
            return
        #: fr: |∂E/∂w| par couche, itération {iteration}
        text = self.tr("|∂E/∂w| per layer, iteration {iteration}").format(
            iteration=self._heat_iteration
        )
        self._heat.set_header(text)

    def _schedule_heat_maps(self) -> None:
        """Have the heat maps redrawn by their timer, once due (see :meth:`_draw_heat_maps`)."""
        if self._heat_stale and not self._heat_timer.isActive():
            wait = max(self._heat_not_before - time.monotonic(), 0.0)
            self._heat_timer.start(math.ceil(wait * 1000.0))

    def _draw_heat_maps(self) -> None:
        """Redraw the heat maps if the gradients changed, at most every HEAT_INTERVAL."""
        if not self._heat_stale:
            return
        gradients = self._gradients
        if gradients is None or len(gradients) != len(self._shapes()):
            self._heat_stale = False
            self._heat_iteration = None
            self._heat.show_hint()
            return
        wait = self._heat_not_before - time.monotonic()
        if wait > 0.0:
            if not self._heat_timer.isActive():
                self._heat_timer.start(math.ceil(wait * 1000.0))
            return
        self._heat_stale = False
        self._heat_timer.stop()
        self._heat_not_before = time.monotonic() + HEAT_INTERVAL
        self._heat.show_gradients(gradients, self.log_scale)
        self._heat_iteration = self._gradient_iteration
        self._write_heat_header()

    def _mark_selected_cell(self) -> None:
        """Outline the selected weight's cell (black and white: seen on any colour)."""
        self._heat.mosaic.set_selected(self._selected)

    def _show_mode(self) -> None:
        weights = self.mode == WEIGHTS
        self._weight_curves.set_visible(weights)
        self._norms.set_visible(not weights)
        self._weight_curves.set_hovered(None)
        self._label_y_axis()
        self._write_title()
        self._throttle.request()

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
        self._weight_curves.set_hovered(
            None if key is None else self._weight_curves.keys.index(key)
        )

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
