"""What every plot shares: ranges that follow the data in round steps, titles that wrap."""

from __future__ import annotations

import html
import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QWidget

from backprop_gui.ui.plots import plot_style
from backprop_gui.ui.plots.plot_style import (
    HINT,
    TITLE_SLACK,
    RangeFollower,
    ScaledImageItem,
    ViewCurveItem,
    apply_view_transforms,
    finite_bounds,
    legend_html,
    new_plot_item,
    new_view,
    nice_bounds,
    plot_font,
    positive_bounds,
    text_html,
    title_width,
)


def test_followed_bounds_are_rounded_out_to_about_six_round_steps():
    assert nice_bounds(0.013, 0.137) == pytest.approx((0.0, 0.15))  # steps of 0.025
    assert nice_bounds(0.1251, 0.1274) == pytest.approx((0.125, 0.1275))
    assert nice_bounds(-2.37, -0.61, log=True) == pytest.approx((-2.5, -0.5))  # half decades
    assert nice_bounds(-7.23, -6.91, log=True) == pytest.approx((-7.3, -6.9))  # tenths
    low, high = nice_bounds(0.3, 0.3)  # a flat curve still gets a range around it
    assert low < 0.3 < high


def plain_lines(markup: str) -> list[str]:
    """The text of each line of a rich-text title, as displayed."""
    return [html.unescape(re.sub(r"<[^>]+>", "", line)) for line in markup.split("<br>")]


@pytest.fixture
def widget(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_legend_entries_sit_side_by_side_while_they_fit(widget):
    entries = [("#0072B2", "Batch loss 0.04"), ("#E69F00", "Test loss 0.11")]
    assert "<br>" not in legend_html(widget, entries, 1000)
    narrow = legend_html(widget, entries, 150)
    assert plain_lines(narrow) == ["━━\u00a0Batch loss 0.04", "━━\u00a0Test loss 0.11"]


def test_a_long_entry_wraps_between_words_within_the_width(widget):
    hint = "Click a curve to follow one weight through the whole training run."
    markup = legend_html(widget, [(HINT, hint)], 120)
    lines = plain_lines(markup)
    assert len(lines) > 1
    assert " ".join(lines) == hint
    metrics = QFontMetrics(plot_font(widget))
    assert all(metrics.horizontalAdvance(line) <= 120 for line in lines)
    assert plain_lines(text_html(widget, hint, 120)) == lines


def test_legend_entries_can_have_their_own_symbol(widget):
    markup = legend_html(widget, [("#D55E00", "class 0", "●")], 500)
    assert plain_lines(markup) == ["●\u00a0class 0"]


@pytest.fixture
def plots(qtbot):
    view = pg.GraphicsLayoutWidget(show=False)
    qtbot.addWidget(view)
    first, second = view.addPlot(row=0, col=0), view.addPlot(row=1, col=0)
    second.setXLink(first)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    yield first, second
    view.close()


def test_the_y_range_moves_only_when_the_data_leaves_its_round_bounds(plots, qtbot):
    first, _ = plots
    follower = RangeFollower(*plots)
    follower.follow_y(0.013, 0.137)
    shown = first.getViewBox().viewRange()[1]
    assert shown[0] < 0.0
    assert 0.15 < shown[1] < 0.16  # a little padding past the round bound
    with qtbot.assertNotEmitted(first.getViewBox().sigYRangeChanged):
        follower.follow_y(0.02, 0.14)  # inside, and filling most of it
    follower.follow_y(0.02, 0.2)
    assert first.getViewBox().viewRange()[1][1] > 0.2
    follower.follow_y(0.1, 0.11)  # inside, but a tenth of it: zoom in on the data
    low, high = first.getViewBox().viewRange()[1]
    assert 0.09 < low < 0.1
    assert 0.11 < high < 0.12


def test_a_zoom_by_the_user_stops_the_following_until_resumed(plots):
    first, second = plots
    follower = RangeFollower(first, second)
    follower.follow_x(40)
    box = first.getViewBox()
    box.sigRangeChangedManually.emit([True, True])
    assert not follower.following
    follower.follow_x(400)
    follower.follow_y(0.0, 5.0)
    assert box.viewRange()[0][1] < 100
    follower.resume()
    follower.follow_x(400)
    assert box.viewRange()[0][1] > 400
    assert second.getViewBox().viewRange()[0] == box.viewRange()[0]


def test_a_new_range_is_applied_to_the_view_at_once_not_at_the_next_paint(plots):
    first, _ = plots
    box = first.getViewBox()
    first.setXRange(0, 10, padding=0)
    apply_view_transforms(first)
    before = box.childGroup.transform()
    first.setXRange(0, 20, padding=0)
    assert box.childGroup.transform() == before  # pyqtgraph waits for the paint
    apply_view_transforms(first)
    assert box.childGroup.transform().m11() == pytest.approx(before.m11() / 2)


def test_a_titles_room_leaves_out_the_views_margins_and_the_axes(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    view = new_view(holder)
    item = new_plot_item(holder)
    view.ci.addItem(item)
    view.resize(500, 300)
    left, _, right, _ = view.ci.layout.getContentsMargins()
    axis = item.getAxis("left").width()
    assert left + right > 0
    assert title_width(item, view) == view.width() - left - right - TITLE_SLACK - axis


def test_the_same_legend_is_wrapped_once(widget, monkeypatch):
    monkeypatch.setattr(plot_style, "_LEGENDS", {})
    entries = [("#0072B2", "Batch loss 0.04"), ("#E69F00", "Test loss 0.11")]
    first = legend_html(widget, entries, 150)
    wrapped = []
    monkeypatch.setattr(plot_style, "_wrap_words", lambda *args: wrapped.append(args) or [])
    assert legend_html(widget, entries, 150) == first
    assert wrapped == []
    legend_html(widget, entries, 140)  # another width: wrapped again
    assert wrapped


def test_a_scaled_image_is_kept_as_32_bit_pixels(qtbot):
    view = pg.GraphicsLayoutWidget(show=False)
    qtbot.addWidget(view)
    image = ScaledImageItem(axisOrder="row-major")
    view.addPlot().addItem(image)
    lut = np.array([[255, 0, 0], [0, 0, 255]] * 128, dtype=np.uint8)
    image.setImage(np.array([[0.0, 1.0], [1.0, 0.0]]), levels=(0, 1), lut=lut, autoLevels=False)
    image.render()
    assert image.qimage.format() == QImage.Format.Format_RGB32
    assert image.qimage.pixelColor(0, 0).name() == "#ff0000"
    assert image.qimage.pixelColor(1, 0).name() == "#0000ff"


def test_bounds_skip_what_a_plot_cannot_show():
    values = np.array([[np.nan, 0.5, 3.0], [np.inf, -2.0, 0.0]])
    assert finite_bounds(values) == (-2.0, 3.0)
    assert positive_bounds(values) == (0.5, 3.0)
    assert positive_bounds(np.array([0.25, 4.0]), np.array([8.0])) == (0.25, 8.0)  # fast path
    assert finite_bounds(np.array([np.nan, np.nan]), np.zeros(0)) == (None, None)
    assert positive_bounds(np.array([-1.0, 0.0])) == (None, None)


@pytest.mark.parametrize(
    "y", [[1.0, 3.0, 2.0], [np.nan, 1.0, -np.inf, 5.0], [np.nan, np.nan], [4.0]]
)
def test_a_view_curve_measures_its_data_as_pyqtgraph_does(qtbot, y):
    pen = pg.mkPen("#0072B2", width=2.5)
    y = np.array(y)
    x = np.arange(y.size, dtype=float)
    fast, reference = ViewCurveItem(pen=pen), pg.PlotCurveItem(pen=pen)
    for curve in (fast, reference):
        curve.setData(x, y, connect="finite")
    for axis in (0, 1):
        expected = reference.dataBounds(axis)
        if expected[0] is not None and np.isnan(expected[0]):
            expected = (None, None)  # all NaN: pyqtgraph says NaN, which draws nothing either
        assert fast.dataBounds(axis) == expected
    fast.setData(x, 2.0 * y, connect="finite")  # measured anew after new data
    assert fast.dataBounds(1) == finite_bounds(2.0 * y)


@pytest.mark.parametrize("pixels", [120, 300, 900])
def test_horizontal_tick_labels_never_touch_on_a_narrow_plot(qtbot, pixels: int) -> None:
    axis = plot_style.LocaleAxisItem("bottom")
    low, high = 0.0, 43_000.0
    spacing, _ = axis.tickSpacing(low, high, pixels)[0]
    labels = [plot_style.linear_tick(v, 0) for v in np.arange(low, high + 1, spacing)]
    widest = max(QFontMetrics(axis.font()).horizontalAdvance(label) for label in labels)
    assert spacing * pixels / (high - low) >= widest + plot_style.TICK_GAP
    assert len(labels) >= 2  # still a scale to read
