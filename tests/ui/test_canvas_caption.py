"""The phase caption under the network: the whole sentence, on one line or two, never cut."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QTranslator
from PySide6.QtGui import QFont

from backprop_gui.engine import PHASES, Network, Trainer
from backprop_gui.engine.snapshot import take_snapshot
from backprop_gui.ui.canvas import NetworkView
from backprop_gui.ui.canvas.overlay import SMALLEST, caption_lines, caption_room, fitted
from backprop_gui.ui.canvas.phase import phase_caption, phase_name
from backprop_gui.ui.canvas.text import TextCache

FRENCH_CAPTIONS = {
    "1 · Forward pass: each neuron computes z, then a = f(z)": (
        "1 · Propagation avant\u00a0: chaque neurone calcule z, puis a = f(z)"
    ),
    "2 · Error: each output o is compared with its target t": (
        "2 · Erreur\u00a0: chaque sortie o est comparée à sa cible t"
    ),
    "3 · Backward pass: the δ of each neuron, ∂E/∂w on the edges": (
        "3 · Propagation arrière\u00a0: le δ de chaque neurone, ∂E/∂w sur les connexions"
    ),
    "4 · Weight update: w ← w − η · ∂E/∂w": "4 · Ajustement des poids\u00a0: w ← w − η · ∂E/∂w",
    "3 · Backward pass": "3 · Propagation arrière",
}


class FrenchCaptions(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return FRENCH_CAPTIONS.get(source) if context == "NetworkView" else None


@pytest.fixture
def french_captions():
    translator = FrenchCaptions()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def trainer() -> Trainer:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(8, 2))
    Y = (X[:, :1] > 0).astype(float)
    return Trainer(Network([2, 4, 1], ["tanh", "sigmoid"], seed=0), X, Y, learning_rate=0.5)


def make_view(qtbot, width: int, height: int) -> NetworkView:
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.set_network([2, 4, 1], ["tanh", "sigmoid"])
    return view


def network_bottom(view: NetworkView) -> int:
    """The lowest point of the network (neurons and bands), in viewport pixels."""
    return view.mapFromScene(QPointF(0.0, view.network_geometry.bounds[3])).y()


def cache() -> TextCache:
    font = QFont()
    font.setPixelSize(15)
    return TextCache(font)


def test_a_caption_that_fits_stays_on_one_line(qapp) -> None:
    text = cache()
    caption = "2 · Error: each output o is compared with its target t"
    assert caption_lines(text, caption, "2 · Error", text.width(caption)) == (caption,)


def test_a_long_caption_breaks_after_its_colon_when_both_halves_fit(qapp) -> None:
    text = cache()
    caption = "3 · Backward pass: the δ of each neuron, ∂E/∂w on the edges"
    room = text.width("the δ of each neuron, ∂E/∂w on the edges") + 1
    assert caption_lines(text, caption, "3 · Backward pass", room) == (
        "3 · Backward pass:",
        "the δ of each neuron, ∂E/∂w on the edges",
    )


def test_a_wrapped_caption_keeps_numbers_and_formulas_whole(qapp) -> None:
    text = cache()
    caption = "4 · Weight update: w ← w − η · ∂E/∂w"
    name = text.width("4 · Weight update")
    for room in np.linspace(name, text.width(caption) - 1, 25):
        lines = caption_lines(text, caption, "4 · Weight update", float(room))
        if len(lines) == 2:
            assert lines == ("4 · Weight update:", "w ← w − η · ∂E/∂w")
        else:
            assert lines == ("4 · Weight update",)


def test_a_caption_too_long_for_two_lines_gives_way_to_the_phase_name(qapp) -> None:
    text = cache()
    caption = "3 · Backward pass: the δ of each neuron, ∂E/∂w on the edges"
    room = text.width("3 · Backward pass") + 2
    assert caption_lines(text, caption, "3 · Backward pass", room) == ("3 · Backward pass",)
    room = text.width("3 · Backward") + 2
    assert caption_lines(text, caption, "3 · Backward pass", room) == ("3 · Backward", "pass")


@pytest.mark.parametrize("size", [(360, 385), (315, 385), (571, 507), (180, 300)])
def test_each_phase_caption_is_shown_whole_within_the_canvas(
    qtbot, french_captions, size: tuple[int, int]
) -> None:
    view = make_view(qtbot, *size)
    training = trainer()
    room = caption_room(view.viewport().width())
    for phase in PHASES:
        training.step_phase()
        view.show_snapshot(take_snapshot(training))
        lines = view.caption_lines()
        assert 1 <= len(lines) <= 2
        assert all("…" not in line for line in lines)
        assert " ".join(lines) in (phase_caption(phase), phase_name(phase))
        widths = [view._overlay_fonts.texts["caption"].width(line) for line in lines]
        assert max(widths) <= room


def test_the_view_keeps_room_under_the_network_for_a_two_line_caption(
    qtbot, french_captions
) -> None:
    view = make_view(qtbot, 315, 385)
    training = trainer()
    for _ in range(3):
        training.step_phase()
    view.show_snapshot(take_snapshot(training))
    assert len(view.caption_lines()) == 2
    fonts = view._overlay_fonts
    assert network_bottom(view) + fonts.caption_height(2) <= view.viewport().height() + 1


def test_a_language_with_longer_captions_fits_the_network_again(qtbot) -> None:
    view = make_view(qtbot, 440, 385)  # room for the English captions, not the French
    training = trainer()
    for _ in range(3):  # the backward pass, whose caption is the longest
        training.step_phase()
    view.show_snapshot(take_snapshot(training))
    bottom = network_bottom(view)
    translator = FrenchCaptions()
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
        assert len(view.caption_lines()) == 2
        assert network_bottom(view) < bottom  # the network made room for the second line
    finally:
        QCoreApplication.removeTranslator(translator)
    QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert len(view.caption_lines()) == 1
    assert network_bottom(view) == bottom


def test_a_column_header_too_wide_is_drawn_smaller_before_it_loses_its_number(qtbot) -> None:
    font = QFont()
    font.setPixelSize(20)
    cache = TextCache(font)
    natural = cache.width("Hidden 3")
    assert fitted(cache, "Hidden 3", natural + 1) == ("Hidden 3", 1.0)
    text, ratio = fitted(cache, "Hidden 3", 0.8 * natural)
    assert text == "Hidden 3"
    assert ratio == pytest.approx(0.8)
    text, ratio = fitted(cache, "Hidden 3", 0.3 * natural)  # far too narrow: elided at last
    assert text.endswith("…")
    assert ratio == SMALLEST
    assert cache.width(text) * ratio <= 0.3 * natural
