"""What the canvas keeps between frames: it must never show a stale picture.

Layers (backdrop, edge lines), box images, text widths, formatted numbers and label layouts
are kept while what they show stays the same. The strongest check: a view that went through
many snapshots, selections and language changes paints exactly what a fresh view paints.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, QRectF, Qt, QTranslator
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen, QTransform

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.snapshot import take_snapshot
from backprop_gui.ui import style
from backprop_gui.ui.canvas import NetworkView
from backprop_gui.ui.canvas import view as view_module
from backprop_gui.ui.canvas.boxes import BoxCache, BoxStyle
from backprop_gui.ui.canvas.edges import label_font
from backprop_gui.ui.canvas.formatting import format_change, format_number
from backprop_gui.ui.canvas.layers import Layer
from backprop_gui.ui.canvas.text import TextCache

SIZES, ACTIVATIONS = [2, 4, 4, 1], ["tanh", "tanh", "sigmoid"]


@pytest.fixture
def french() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(previous)


def snapshots(count: int, sizes=SIZES, activations=ACTIVATIONS) -> list:
    rng = np.random.default_rng(1)
    X = rng.normal(size=(16, sizes[0]))
    Y = (X[:, :1] > 0).astype(float).repeat(sizes[-1], axis=1)
    trainer = Trainer(Network(sizes, activations, seed=1), X, Y, learning_rate=0.5)
    taken = []
    for _ in range(count):
        trainer.step_phase()
        taken.append(take_snapshot(trainer))
    return taken


def make_view(qtbot, numbers: bool = True) -> NetworkView:
    canvas = NetworkView()
    qtbot.addWidget(canvas)
    canvas.resize(1280, 720)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_network(SIZES, ACTIVATIONS)
    canvas.set_show_numbers(numbers)
    return canvas


def picture(view: NetworkView) -> QImage:
    """The view at rest: no sweep running, whatever the last phase change started."""
    view._sweep.stop()
    view._on_sweep(1.0)
    return view.grab().toImage()


def pixels(picture: QImage) -> np.ndarray:
    picture = picture.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(picture.constBits(), np.uint8).reshape(picture.height(), -1)
    return rows[:, : picture.width() * 4].reshape(picture.height(), picture.width(), 4).astype(int)


def image(width: int = 200, height: int = 120) -> QImage:
    target = QImage(width, height, QImage.Format.Format_RGB32)
    target.fill(QColor("white"))
    return target


# -- the view as a whole ----------------------------------------------------------------------


@pytest.mark.parametrize("numbers", [False, True])
def test_a_view_that_showed_many_snapshots_paints_like_a_fresh_view(
    qtbot, french, numbers: bool
) -> None:
    frames = snapshots(11)
    used = make_view(qtbot, numbers)
    for index, snapshot in enumerate(frames):
        used.show_snapshot(snapshot)
        if index == 4:
            used.select_neuron(1, 0)
        picture(used)  # every frame is painted, so every cache is used
    used.select_neuron(2, 1)
    picture(used)
    used.select_edge(1, 2, 3)
    fresh = make_view(qtbot, numbers)
    fresh.show_snapshot(frames[-1])
    fresh.select_edge(1, 2, 3)
    assert picture(used) == picture(fresh)


def test_the_same_weights_repainted_keep_the_layer_of_lines(qtbot) -> None:
    view = make_view(qtbot)
    first, second = snapshots(2)  # forward then error: the weights do not change
    view.show_snapshot(first)
    picture(view)
    version = view.edges_item._layer_version
    view.show_snapshot(second)
    assert view.edges_item._layer_version == version
    view.select_edge(0, 1, 1)
    assert view.edges_item._layer_version > version


def test_a_new_sign_repaints_the_lines(qtbot) -> None:
    view = make_view(qtbot, numbers=False)
    snapshot = snapshots(1)[0]
    view.show_snapshot(snapshot)
    before = picture(view)
    version = view.edges_item._layer_version
    flipped = [-w for w in snapshot.weights]
    view.edges_item.set_weights(np.concatenate([w.ravel() for w in flipped]))
    assert view.edges_item._layer_version > version
    assert picture(view) != before


def test_the_backdrop_follows_a_language_change(qtbot) -> None:
    class Marking(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "T:" + source if context == "NetworkView" else None

    view = make_view(qtbot, numbers=False)
    view.show_snapshot(snapshots(1)[0])
    english = picture(view)
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    try:
        assert picture(view) != english
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert picture(view) == english


def test_bands_sweeping_in_are_painted_over_a_band_less_backdrop(qtbot) -> None:
    view = make_view(qtbot, numbers=False)
    view.show_snapshot(snapshots(1)[0])  # forward: every column lights up, inputs first
    band = view.bands_item.band_rects()[0]
    geometry = view.network_geometry
    # Left of the input discs, level with the middle of the column: only the band is there.
    point = view.mapFromScene(QPointF(band.left() + 4, float(geometry.centers[:2, 1].mean())))
    view._sweep.stop()
    tints = []
    for progress in (0.0, 0.1, 1.0):  # the first band is half in at 0.1
        view._on_sweep(progress)
        tints.append(view.grab().toImage().pixelColor(point))
    assert tints[0] == QColor(style.BACKGROUND)
    assert tints[1] != tints[0]
    assert tints[2].lightness() < tints[1].lightness() < tints[0].lightness()


def test_numbers_that_stay_off_are_never_formatted(qtbot, monkeypatch) -> None:
    made = []

    def counting(snapshot):
        made.append(snapshot)
        return ["1"] * sum(w.size for w in snapshot.weights)

    monkeypatch.setattr(view_module, "edge_label_texts", counting)
    view = make_view(qtbot, numbers=False)
    for snapshot in snapshots(4):
        view.show_snapshot(snapshot)
        picture(view)
    assert made == []
    view.set_show_numbers(True)
    picture(view)
    assert len(made) == 1


# -- layers -----------------------------------------------------------------------------------


def paint_layer(layer: Layer, target: QImage, key, render, transform=None) -> None:
    painter = QPainter(target)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(transform or QTransform.fromScale(1.5, 1.5))
    layer.paint(painter, key, render, QRectF(0, 0, 100, 60))
    painter.end()


def cross(painter: QPainter) -> None:
    painter.setPen(QPen(QColor(style.POSITIVE), 3.0))
    painter.drawLine(QPointF(5, 5), QPointF(95, 55))
    painter.drawLine(QPointF(5, 55), QPointF(95, 5))


def test_a_layer_renders_once_per_key_and_looks_like_direct_painting(qtbot) -> None:
    renders = []

    def render(painter: QPainter) -> None:
        renders.append(1)
        cross(painter)

    layer = Layer()
    paint_layer(layer, image(), "a", render)
    copied = image()
    paint_layer(layer, copied, "a", render)
    assert len(renders) == 1
    direct = image()
    painter = QPainter(direct)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(QTransform.fromScale(1.5, 1.5))
    cross(painter)
    painter.end()
    # Compositing a premultiplied layer may round an edge pixel one unit differently.
    assert np.abs(pixels(copied) - pixels(direct)).max() <= 1
    paint_layer(layer, image(), "b", render)
    assert len(renders) == 2


def test_a_layer_renders_again_for_another_transform(qtbot) -> None:
    renders = []
    layer = Layer()
    paint_layer(layer, image(), "a", lambda painter: renders.append(1))
    paint_layer(layer, image(), "a", lambda painter: renders.append(1), QTransform.fromScale(2, 2))
    assert len(renders) == 2


def test_a_layer_keeps_as_many_images_as_its_capacity(qtbot) -> None:
    renders = []
    layer = Layer(capacity=2, background=QColor("white"))
    for key in ("a", "b", "a", "b", "c", "a"):
        paint_layer(layer, image(), key, lambda painter, key=key: renders.append(key))
    assert renders == ["a", "b", "c", "a"]
    assert len(layer) == 2


def test_a_layer_keeps_no_more_images_than_its_memory_allows(qtbot) -> None:
    one_image = 150 * 90 * 4  # the 100 × 60 bounds at a zoom of 1.5
    layer = Layer(capacity=8, max_bytes=int(2.5 * one_image))
    for key in "abcd":
        paint_layer(layer, image(), key, cross)
    assert len(layer) == 2
    huge = Layer(capacity=8, max_bytes=one_image // 2)
    for key in "ab":
        paint_layer(huge, image(), key, cross)
    assert len(huge) == 1  # the last image is kept whatever its size


# -- boxes, texts and numbers -----------------------------------------------------------------


def test_a_box_image_looks_like_the_box_drawn_directly(qtbot) -> None:
    pen = QPen(QColor(style.NEGATIVE), 2.0)
    fill = QColor(style.BACKGROUND)
    cached = image()
    painter = QPainter(cached)
    BoxCache().paint(painter, "one", lambda: [(100.0, 60.0, 80.0, 30.0, BoxStyle(6.0, pen, fill))])
    painter.end()
    direct = image()
    painter = QPainter(direct)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(60, 45, 80, 30), 6.0, 6.0)
    painter.end()
    assert cached == direct


def test_boxes_of_one_size_and_style_share_one_image(qtbot) -> None:
    boxes = BoxCache()
    box_style = BoxStyle(5.0, QPen(QColor(style.POSITIVE), 1.2), QColor(style.BACKGROUND))
    target = image()
    painter = QPainter(target)
    boxes.paint(
        painter, "a", lambda: [(x, 40.0, 61.0, 20.0, box_style) for x in (40.0, 100.5, 150.25)]
    )
    boxes.paint(painter, "b", lambda: [(60.0, 90.0, 71.0, 20.0, box_style)])
    painter.end()
    assert len(boxes._images) == 2


def test_boxes_are_laid_out_again_only_for_a_new_key(qtbot) -> None:
    boxes = BoxCache()
    box_style = BoxStyle(5.0, None, QColor(style.NEGATIVE))
    layouts = []

    def layout(x: float) -> list:
        layouts.append(x)
        return [(x, 40.0, 30.0, 20.0, box_style)]

    target = image()
    painter = QPainter(target)
    for key, x in (("left", 40.0), ("left", 40.0), ("right", 150.0), ("left", 40.0)):
        boxes.paint(painter, key, lambda x=x: layout(x))
    painter.end()
    assert layouts == [40.0, 150.0]
    assert target.pixelColor(40, 40) == QColor(style.NEGATIVE)
    assert target.pixelColor(150, 40) == QColor(style.NEGATIVE)


def test_numbers_are_measured_as_wide_as_qt_measures_them(qtbot) -> None:
    texts = TextCache(label_font())
    metrics = QFontMetricsF(label_font())
    for text in ("−0,564", "0,2739 → 0,2744", "b −0,00767", "1,01e−05", "δ 0,0388"):
        assert texts.width(text) == pytest.approx(metrics.horizontalAdvance(text), abs=1e-6)


def test_remembered_numbers_follow_a_change_of_locale() -> None:
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        assert format_number(0.5) == "0,5"
        assert format_change(0.15, 0.149780716) == "0,15 → 0,1498"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert format_number(0.5) == "0.5"
        assert format_change(0.15, 0.149780716) == "0.15 → 0.1498"
        assert format_number(float("nan")) == "NaN"
        assert format_number(-0.25) == "−0.25"
    finally:
        QLocale.setDefault(previous)


def test_a_painter_that_does_more_than_zoom_gets_the_same_picture(qtbot) -> None:
    """Printing or exporting may shear or rotate: boxes and discs are then drawn directly."""
    view = make_view(qtbot)
    view.show_snapshot(snapshots(3)[-1])
    view.select_edge(0, 1, 0)

    def render(transform: QTransform) -> np.ndarray:
        target = QImage(1280, 720, QImage.Format.Format_RGB32)
        target.fill(Qt.GlobalColor.white)
        painter = QPainter(target)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(transform)
        view.scene().render(painter, QRectF(0, 0, 1280, 720), view.sceneRect())
        painter.end()
        return (pixels(target)[:, :, :3] < 250).any(axis=2)

    plain = render(QTransform())
    sheared = render(QTransform(1, 1e-9, 0, 1, 0, 0))  # not a plain zoom, same geometry
    assert plain.sum() > 20_000
    assert abs(int(sheared.sum()) - int(plain.sum())) < 0.02 * plain.sum()
