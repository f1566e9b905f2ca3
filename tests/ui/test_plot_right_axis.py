"""A second y scale on the right: a view box over the plot's, sharing x, leaving it the mouse."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from backprop_gui.ui.plots.right_axis import RightAxisView


@pytest.fixture
def plot(qtbot):
    view = pg.GraphicsLayoutWidget(show=False)
    qtbot.addWidget(view)
    item = view.addPlot()
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    yield item
    view.close()


def test_it_is_hidden_until_shown_and_then_takes_the_right_axis(plot):
    right = RightAxisView(plot)
    assert not right.shown
    assert not plot.getAxis("right").isVisible()
    right.set_shown(True)
    assert right.shown
    assert plot.getAxis("right").isVisible()
    assert plot.getAxis("right").linkedView() is right.box
    right.set_shown(False)
    assert not plot.getAxis("right").isVisible()


def test_it_covers_the_plots_data_area_and_follows_its_size(plot, qtbot):
    right = RightAxisView(plot)
    right.set_shown(True)
    assert right.box.geometry() == plot.getViewBox().geometry()
    plot.scene().views()[0].resize(600, 200)
    qtbot.waitUntil(lambda: plot.getViewBox().width() > 400)
    assert right.box.geometry() == plot.getViewBox().geometry()


def test_it_shares_x_keeps_its_own_y_and_leaves_the_mouse_to_the_plot(plot):
    right = RightAxisView(plot)
    right.set_shown(True)
    right.box.setYRange(0, 100, padding=0)
    plot.setXRange(5, 15, padding=0)
    plot.setYRange(-1, 1, padding=0)
    assert right.box.viewRange()[0] == pytest.approx([5, 15])
    assert right.box.viewRange()[1] == pytest.approx([0, 100])
    assert right.box.acceptedMouseButtons() == Qt.MouseButton.NoButton
    assert right.box.zValue() < plot.getViewBox().zValue()  # under it: the mouse reaches it
