"""The network canvas: the network as columns of neurons, the numbers of the current phase.

The view shows snapshots and sends requests; it never edits the network. Clicks select,
double-clicks open a small editor whose value goes out as an edit request, the context
menu asks for structure changes. Hit testing is done here against the geometry arrays,
because one item paints all the edges.

Two scene items paint the edges and the neurons. Everything that does not follow the
numbers (background, phase bands, column headers, phase caption) is the backdrop, painted
into an image kept per phase and copied under the items at each frame.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial

import numpy as np
from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QTransform,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QMenu, QToolTip, QWidget

from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.engine.trainer import PHASES, Phase
from backprop_gui.ui import style
from backprop_gui.ui.canvas import overlay
from backprop_gui.ui.canvas.bands import PhaseBands
from backprop_gui.ui.canvas.edges import MAX_DRAWN_EDGES, MAX_LABELLED_EDGES, EdgesItem
from backprop_gui.ui.canvas.editor import InlineValueEditor
from backprop_gui.ui.canvas.geometry import NetworkGeometry
from backprop_gui.ui.canvas.layers import Layer
from backprop_gui.ui.canvas.menu import structure_menu
from backprop_gui.ui.canvas.names import activation_label, layer_title
from backprop_gui.ui.canvas.neurons import NeuronsItem
from backprop_gui.ui.canvas.phase import (
    PhaseDisplay,
    edge_label_texts,
    phase_caption,
    phase_display,
    phase_name,
)
from backprop_gui.ui.canvas.remarks import canvas_remark
from backprop_gui.ui.canvas.tooltips import edge_tooltip, neuron_tooltip

FLASH_TARGETS = ("edges", "neurons", "biases", "inputs", "outputs", "hidden")
"""What :meth:`NetworkView.flash` can point at."""

FLASH_MS = 1500
SWEEP_MS = 900
HIT_PIXELS = 6.0
"""How far from an edge (in screen pixels) a click still selects it."""

SIDE_MARGIN = 12.0
MAX_ZOOM = 2.6
"""A tiny network is enlarged for the back of the room, but not without limit."""

BACKDROPS = 8
"""Backdrop images kept: one per phase at rest, and the band-less one of its sweep..."""
BACKDROP_BYTES = 48 * 2**20
"""...within this much memory (8 at 1280×720, 5 at 1920×1080, one on a 4K screen)."""


class NetworkView(QGraphicsView):
    """The canvas at the centre of the main window."""

    edge_selected = Signal(int, int, int)
    """(layer, j, i): the user clicked the edge of ``weights[layer][j, i]``."""
    neuron_selected = Signal(int, int)
    """(layer, index): the user clicked a neuron (layer 0 = inputs)."""
    selection_cleared = Signal()
    """The user clicked where there is nothing, or pressed Escape."""
    neuron_hovered = Signal(int, int)
    """(layer, index) under the pointer; (-1, -1) when it leaves the neurons."""
    weight_edit_requested = Signal(int, int, int, float)
    """(layer, j, i, value): the user typed a new value for ``weights[layer][j, i]``."""
    bias_edit_requested = Signal(int, int, float)
    """(layer 1..L, j, value): the user typed a new bias for neuron j of that layer."""
    structure_edit_requested = Signal(str, int, object)
    """(action, layer, argument) from the context menu; see :mod:`.menu`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("network_view")
        scene = QGraphicsScene(self)
        # Two items that cover the whole network: a spatial index would only cost upkeep.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QBrush(style.qcolor(style.BACKGROUND)))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Headers and caption are painted over the whole viewport: repaint it whole.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        # The backdrop covers every pixel: Qt need not clear the viewport first.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)

        self._geometry: NetworkGeometry | None = None
        self._activations: tuple[str, ...] = ()
        self._input_names: tuple[str, ...] | None = None
        self._output_names: tuple[str, ...] | None = None
        self._snapshot: TrainerSnapshot | None = None
        self._edges: EdgesItem | None = None
        self._neurons: NeuronsItem | None = None
        self._bands: PhaseBands | None = None
        self._backdrop = Layer(BACKDROPS, style.qcolor(style.BACKGROUND), BACKDROP_BYTES)
        self._backdrop_version = 0
        """Bumped when the backdrop's text or layout changes (language, fit, network)."""
        self._display = phase_display(None, 2)
        self._selection: tuple[str, tuple[int, ...]] | None = None
        self._hovered = (-1, -1)
        self._show_numbers = False
        self._running = False
        """Training runs: snapshots come many times a second and the bands do not sweep."""
        self._flash_target: str | None = None
        self._overlay_fonts = overlay.overlay_fonts(self.font(), 1.0)

        self._sweep = QVariantAnimation(self)
        self._sweep.setStartValue(0.0)
        self._sweep.setEndValue(1.0)
        self._sweep.setDuration(SWEEP_MS)
        self._sweep.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._sweep.valueChanged.connect(self._on_sweep)

        self.flash_animation = QVariantAnimation(self)
        self.flash_animation.setStartValue(0.0)
        self.flash_animation.setEndValue(1.0)
        self.flash_animation.setDuration(FLASH_MS)
        self.flash_animation.valueChanged.connect(self._on_flash)
        self.flash_animation.finished.connect(self._end_flash)
        self.retranslate_ui()

    # -- public API --------------------------------------------------------------------------

    def set_network(
        self,
        layer_sizes: Sequence[int],
        activations: Sequence[str],
        input_names: Sequence[str] | None = None,
        output_names: Sequence[str] | None = None,
    ) -> None:
        """Rebuild the items for a new architecture; the values wait for the next snapshot."""
        sizes = tuple(int(n) for n in layer_sizes)
        if len(activations) != len(sizes) - 1:
            raise ValueError(f"{len(sizes)} layers need {len(sizes) - 1} activations")
        selection = self._selection
        scene = self.scene()
        for item in (self._edges, self._neurons):
            if item is not None:
                scene.removeItem(item)
        self._geometry = geometry = NetworkGeometry(sizes)
        self._activations = tuple(activations)
        self._input_names = None if input_names is None else tuple(input_names)
        self._output_names = None if output_names is None else tuple(output_names)
        self._bands = PhaseBands(geometry)
        self._edges = EdgesItem(geometry)
        self._neurons = NeuronsItem(geometry, self._activations)
        self._neurons.setZValue(10)
        for item in (self._edges, self._neurons):
            scene.addItem(item)
        self._backdrop_version += 1
        self._edges.set_show_numbers(self._show_numbers)
        self._neurons.set_show_numbers(self._show_numbers)
        self._snapshot = None
        self._display = phase_display(None, geometry.n_layers)
        # The same weight or neuron stays selected if the new architecture still has it.
        self._set_selection(selection)
        self._fit()
        self.viewport().update()

    def show_snapshot(self, snapshot: TrainerSnapshot) -> None:
        """Show the values of ``snapshot`` (rebuilding first if its architecture differs)."""
        geometry = self._geometry
        if (
            geometry is None
            or tuple(snapshot.layer_sizes) != geometry.layer_sizes
            or tuple(snapshot.activations) != self._activations
        ):
            sizes = snapshot.layer_sizes
            inputs = self._input_names
            outputs = self._output_names
            self.set_network(
                sizes,
                snapshot.activations,
                inputs if inputs is not None and len(inputs) == sizes[0] else None,
                outputs if outputs is not None and len(outputs) == sizes[-1] else None,
            )
            geometry = self._geometry
        previous = self._snapshot
        self._snapshot = snapshot
        self._edges.set_weights(np.concatenate([w.ravel() for w in snapshot.weights]))
        if geometry.n_edges <= MAX_LABELLED_EDGES:
            self._edges.set_labels(partial(edge_label_texts, snapshot), self._label_kind(snapshot))
        self._neurons.set_snapshot(snapshot)
        display = phase_display(snapshot.phase, geometry.n_layers)
        if display != self._display:
            self._display = display
            self._bands.set_display(display)
            self.viewport().update()
        phase_changed = previous is None or previous.phase is not snapshot.phase
        animate = self.isVisible() and not self._running
        if phase_changed and snapshot.phase is not None and animate:
            self._sweep.stop()
            self._sweep.start()

    def set_running(self, running: bool) -> None:
        """Whether training runs: the sweep then waits for the next manual step.

        A sweep shows one step a class follows with its eyes; at full speed it would only
        take the GIL from the training thread (60 frames a second) for nothing to see.
        """
        self._running = bool(running)
        if self._running and self._sweep.state() != QVariantAnimation.State.Stopped:
            self._sweep.stop()
            self._on_sweep(1.0)

    def set_show_numbers(self, on: bool) -> None:
        """Show values in neurons and on edges (when the network is small enough)."""
        self._show_numbers = bool(on)
        if self._edges is not None:
            self._edges.set_show_numbers(self._show_numbers)
            self._neurons.set_show_numbers(self._show_numbers)
            self._fit()  # the remark under the caption may change, and the room it takes
            self.viewport().update()

    def select_edge(self, layer: int, j: int, i: int) -> None:
        """Emphasise the edge of ``weights[layer][j, i]``, without emitting a signal."""
        self._set_selection(("edge", (layer, j, i)))

    def select_neuron(self, layer: int, index: int) -> None:
        """Emphasise neuron (layer, index), without emitting a signal."""
        self._set_selection(("neuron", (layer, index)))

    def clear_selection(self) -> None:
        """Drop the emphasis, without emitting a signal."""
        self._set_selection(None)

    def flash(self, target: str) -> None:
        """Make ``target`` (one of FLASH_TARGETS) glow for a moment, to point at it."""
        if target not in FLASH_TARGETS:
            raise ValueError(f"cannot flash {target!r}; expected one of {FLASH_TARGETS}")
        self._flash_target = target
        self.flash_animation.stop()
        self.flash_animation.start()

    def retranslate_ui(self) -> None:
        self._backdrop_version += 1
        self._fit()  # captions of another length may need another line
        self.setToolTip("")
        self.setAccessibleName(self.tr("Network"))
        self.setAccessibleDescription(
            self.tr("The neural network: layers of neurons joined by weighted edges.")
        )
        self.viewport().update()

    # -- read-only state (for the main window and the tests) ---------------------------------

    @property
    def network_geometry(self) -> NetworkGeometry | None:
        return self._geometry

    @property
    def edges_item(self) -> EdgesItem | None:
        return self._edges

    @property
    def neurons_item(self) -> NeuronsItem | None:
        return self._neurons

    @property
    def bands_item(self) -> PhaseBands | None:
        """The phase bands (painted with the backdrop, not a scene item)."""
        return self._bands

    @property
    def phase_display(self) -> PhaseDisplay:
        """What the current phase highlights (lit layers, lit edges, direction)."""
        return self._display

    @property
    def selection(self) -> tuple[str, tuple[int, ...]] | None:
        """("edge", (layer, j, i)), ("neuron", (layer, index)) or None."""
        return self._selection

    def context_menu(self, layer: int, index: int | None = None) -> QMenu:
        """The structure menu of ``layer`` (and of its neuron ``index``); the caller shows it."""
        if self._geometry is None:
            raise RuntimeError("no network to edit yet")
        return structure_menu(
            self,
            self._geometry.layer_sizes,
            self._activations,
            layer,
            index,
            self._request_structure_edit,
            loss=None if self._snapshot is None else self._snapshot.loss_name,
        )

    def tooltip_at(self, point: QPointF) -> str:
        """The rich-text tooltip of what is at scene ``point``, or "" for nothing."""
        hit = self._hit(point)
        if hit is None:
            return ""
        kind, flat = hit
        geometry = self._geometry
        if kind == "edge":
            return edge_tooltip(
                self._snapshot,
                geometry.edge_key(flat),
                geometry.n_layers,
                self._input_names,
                self._output_names,
            )
        return neuron_tooltip(
            self._snapshot,
            geometry.neuron_key(flat),
            self._activations,
            self._input_names,
            self._output_names,
        )

    def column_headers(self) -> list[tuple[str, str]]:
        """(title, activation) above each column, in the current language."""
        if self._geometry is None:
            return []
        n_layers = self._geometry.n_layers
        return [
            (
                layer_title(layer, n_layers),
                "" if layer == 0 else activation_label(self._activations[layer - 1]),
            )
            for layer in range(n_layers)
        ]

    def note(self) -> str:
        """The remark under the caption: what the canvas leaves out, and where to find it."""
        return self._note_at(self.scale_factor())

    def _note_at(self, scale: float, drawn: int | None = None) -> str:
        """The remark at zoom ``scale`` with ``drawn`` edges (default: those drawn now)."""
        geometry, edges, neurons = self._geometry, self._edges, self._neurons
        if geometry is None or edges is None or neurons is None:
            return ""
        return canvas_remark(
            n_edges=geometry.n_edges,
            drawn_edges=edges.drawn_count if drawn is None else drawn,
            numbers_on=self._show_numbers,
            too_many_neurons=not neurons.texts_possible,
            values_readable=neurons.texts_visible(scale),
            too_many_weights=geometry.n_edges > MAX_LABELLED_EDGES,
        )

    def caption_lines(self) -> tuple[str, ...]:
        """The phase caption as painted: on one line, on two, or the phase's name alone."""
        width = self.viewport().width()
        return self._caption_lines(self._display.phase, self._overlay_fonts, width)

    def scale_factor(self) -> float:
        """Screen pixels per scene unit."""
        return self.transform().m11()

    # -- selection ---------------------------------------------------------------------------

    def _set_selection(self, selection: tuple[str, tuple[int, ...]] | None) -> None:
        self._selection = None
        if self._geometry is None:
            return
        edge = neuron = None
        try:
            if selection is not None and selection[0] == "edge":
                edge = self._geometry.edge_flat(*selection[1])
            elif selection is not None:
                neuron = self._geometry.neuron_flat(*selection[1])
        except IndexError:
            selection = None
        self._selection = selection
        self._edges.set_selected(edge)
        self._neurons.set_selected(neuron)

    def _select_by_user(self, hit: tuple[str, int] | None) -> None:
        geometry = self._geometry
        if hit is None:
            if self._selection is not None:
                self._set_selection(None)
                self.selection_cleared.emit()
            return
        kind, flat = hit
        if kind == "edge":
            key = geometry.edge_key(flat)
            self._set_selection(("edge", key))
            self.edge_selected.emit(*key)
        else:
            key = geometry.neuron_key(flat)
            self._set_selection(("neuron", key))
            self.neuron_selected.emit(*key)

    # -- hit testing -------------------------------------------------------------------------

    def _hit(self, point: QPointF) -> tuple[str, int] | None:
        """("badge" | "neuron" | "edge", flat index) of what lies at scene ``point``."""
        geometry = self._geometry
        if geometry is None:
            return None
        x, y = point.x(), point.y()
        tolerance = HIT_PIXELS / max(self.scale_factor(), 1e-6)
        badge = self._neurons.badge_at(x, y, tolerance / 3)
        if badge is not None:
            return "badge", badge
        neuron = geometry.neuron_at(x, y, tolerance / 3)
        if neuron is not None:
            return "neuron", neuron
        edge = geometry.edge_at(x, y, tolerance + self._edges.widths[-1] / 2)
        if edge is not None:
            return "edge", edge
        return None

    def _scene_point(self, event: QMouseEvent) -> QPointF:
        return self.mapToScene(event.position().toPoint())

    # -- events ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._select_by_user(self._hit(self._scene_point(event)))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # The press was handled here, not by the scene: its release belongs here too.
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        hit = self._hit(self._scene_point(event))
        event.accept()
        if hit is None:
            return
        kind, flat = hit
        geometry = self._geometry
        where = event.position().toPoint()
        if kind == "edge":
            layer, j, i = geometry.edge_key(flat)
            current = None if self._snapshot is None else self._snapshot.weights[layer][j, i]
            self._open_editor(current, where, partial(self._emit_weight_edit, layer, j, i))
            return
        layer, index = geometry.neuron_key(flat)
        if layer == 0:
            return
        current = None if self._snapshot is None else self._snapshot.biases[layer - 1][index]
        self._open_editor(current, where, partial(self._emit_bias_edit, layer, index))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(self._scene_point(event))
        self.viewport().setCursor(
            Qt.CursorShape.ArrowCursor if hit is None else Qt.CursorShape.PointingHandCursor
        )
        hovered = (-1, -1)
        if hit is not None and hit[0] != "edge":
            hovered = self._geometry.neuron_key(hit[1])
        self._set_hovered(hovered)
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hovered((-1, -1))
        super().leaveEvent(event)

    def _set_hovered(self, hovered: tuple[int, int]) -> None:
        if hovered != self._hovered:
            self._hovered = hovered
            self.neuron_hovered.emit(*hovered)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._selection is not None:
            self._select_by_user(None)
            event.accept()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(self.mapToScene(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        geometry = self._geometry
        if geometry is None:
            return
        point = self.mapToScene(event.pos())
        hit = self._hit(point)
        if hit is not None and hit[0] != "edge":
            layer, index = geometry.neuron_key(hit[1])
        else:
            layer, index = geometry.column_at(point.x()), None
        menu = self.context_menu(layer, index)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    # -- requests ----------------------------------------------------------------------------

    def _open_editor(
        self, current: float | None, where: QPoint, on_accept: Callable[[float], None]
    ) -> None:
        editor = InlineValueEditor(self.viewport(), None if current is None else float(current))
        editor.accepted.connect(on_accept)
        editor.open_at(where)

    def _emit_weight_edit(self, layer: int, j: int, i: int, value: float) -> None:
        self.weight_edit_requested.emit(layer, j, i, value)

    def _emit_bias_edit(self, layer: int, index: int, value: float) -> None:
        self.bias_edit_requested.emit(layer, index, value)

    def _request_structure_edit(self, action: str, layer: int, argument: object) -> None:
        self.structure_edit_requested.emit(action, layer, argument)

    # -- animations --------------------------------------------------------------------------

    def _on_sweep(self, value: float) -> None:
        if self._bands is not None:
            self._bands.set_progress(float(value))
            self.viewport().update()

    def _on_flash(self, value: float) -> None:
        # Two pulses, back to nothing at the end.
        self._apply_flash(math.sin(2.0 * math.pi * float(value)) ** 2)

    def _end_flash(self) -> None:
        self._apply_flash(0.0)

    def _apply_flash(self, strength: float) -> None:
        geometry = self._geometry
        if geometry is None or self._flash_target is None:
            return
        target = self._flash_target
        layers = geometry.neuron_layer
        last = geometry.n_layers - 1
        masks = {
            "neurons": np.ones(geometry.n_neurons, dtype=bool),
            "inputs": layers == 0,
            "outputs": layers == last,
            "hidden": (layers > 0) & (layers < last),
        }
        self._neurons.set_flash(
            masks.get(target, np.zeros(geometry.n_neurons, dtype=bool)),
            target == "biases",
            strength,
        )
        self._edges.set_flash(strength if target == "edges" else 0.0)

    # -- fitting and overlay -----------------------------------------------------------------

    def _label_kind(self, snapshot: TrainerSnapshot) -> int:
        if snapshot.phase is Phase.BACKWARD and snapshot.grad_weights is not None:
            return 1
        if snapshot.phase is Phase.UPDATE and snapshot.weights_before is not None:
            return 2
        return 0

    def _fit(self) -> None:
        """Scale the network to the viewport, keeping its aspect, with room for the overlay."""
        geometry = self._geometry
        width, height = self.viewport().width(), self.viewport().height()
        if geometry is None or width < 10 or height < 10:
            return
        left, upper, right, lower = geometry.bounds
        content_w, content_h = right - left, lower - upper
        fonts = overlay.overlay_fonts(self.font(), 0.0)
        scale = self.transform().m11()
        # The overlay's size follows the zoom, which follows the room the overlay leaves.
        for _ in range(2):
            # Room for the longest caption of the four: stepping keeps the network in place.
            lines = max(len(self._caption_lines(phase, fonts, width)) for phase in PHASES)
            top, bottom = fonts.header_height, fonts.caption_height(max(lines, 1))
            drawn = min(geometry.n_edges, MAX_DRAWN_EDGES)  # once the weights are known
            bottom += fonts.note_height(self._note_at(scale, drawn), width)
            scale = min(
                (width - 2 * SIDE_MARGIN) / content_w,
                (height - top - bottom) / content_h,
                MAX_ZOOM,
            )
            scale = max(scale, 1e-3)
            fonts = overlay.overlay_fonts(self.font(), scale)
        self._overlay_fonts = fonts
        self._backdrop_version += 1
        free_w, free_h = width / scale, height / scale
        gap_px = (height - top - bottom - content_h * scale) / 2
        rect = QRectF(
            left - (free_w - content_w) / 2, upper - (top + gap_px) / scale, free_w, free_h
        )
        self.setSceneRect(rect)
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        if self._geometry is None:
            super().drawBackground(painter, rect)
            return
        # While the bands sweep in, they are painted over a band-less backdrop at each frame.
        at_rest = self._bands.at_rest
        key = (
            self._backdrop_version,
            self._display,
            at_rest,
            self._edges.drawn_count,
            QLocale().name(),
        )
        self._backdrop.paint(painter, key, partial(self._paint_backdrop, bands=at_rest))
        if not at_rest:
            self._bands.paint(painter)

    def _paint_backdrop(self, painter: QPainter, bands: bool) -> None:
        """Bands (in scene coordinates), then headers, note and caption (in viewport pixels)."""
        geometry = self._geometry
        if bands:
            self._bands.paint(painter)
        to_view = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        left, upper, _, lower = geometry.bounds
        columns = [to_view.map(QPointF(float(x), upper)).x() for x in geometry.column_x]
        content_top = to_view.map(QPointF(left, upper)).y()
        content_bottom = to_view.map(QPointF(left, lower)).y()
        n_layers = geometry.n_layers
        titles, subtitles = zip(*self.column_headers(), strict=True)
        spacing = geometry.metrics.column_spacing * to_view.m11()
        fonts = self._overlay_fonts
        viewport = QRectF(self.viewport().rect())
        overlay.paint_headers(painter, fonts, columns, content_top, titles, subtitles, spacing - 8)
        note = self.note()
        if note:
            overlay.paint_note(painter, fonts, viewport, note)
        display = self._display
        lit = display.lit_layers or (tuple(range(n_layers)) if display.lit_edges else ())
        if lit:
            overlay.paint_caption(
                painter,
                fonts,
                viewport,
                content_bottom,
                display,
                self._caption_lines(display.phase, fonts, viewport.width()),
                (columns[min(lit)], columns[max(lit)]),
            )
        painter.restore()

    @staticmethod
    def _caption_lines(
        phase: Phase | None, fonts: overlay.OverlayFonts, viewport_width: float
    ) -> tuple[str, ...]:
        return overlay.caption_lines(
            fonts.texts["caption"],
            phase_caption(phase),
            phase_name(phase),
            overlay.caption_room(viewport_width),
        )
