"""A second vertical scale on the right of a plot, for curves of another unit over the same x.

A short loss plot has no room for the accuracy in a panel of its own under the loss (two
stacked panels each get a sliver, and their axis titles run into each other): the accuracy
is then drawn over the loss against a scale on the right. pyqtgraph has no second y axis;
this is its usual recipe, kept in one place: a view box laid over the plot's own, sharing
its x range, with the plot's right axis reading its y range.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from backprop_gui.ui.plots.plot_style import transform_on_resize


class RightAxisView:
    """A view box over ``item``'s data area, drawn against ``item``'s right axis.

    It sits under the plot's own view box, which keeps the mouse (pan and zoom move the
    shared x range); its own y range is fixed by the caller. Hidden until :meth:`set_shown`.
    """

    def __init__(self, item: pg.PlotItem) -> None:
        self._item = item
        main = item.getViewBox()
        self.box = pg.ViewBox(enableMenu=False)
        self.box.setParentItem(item)
        self.box.setZValue(main.zValue() - 1)
        self.box.setMouseEnabled(x=False, y=False)
        self.box.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.box.disableAutoRange()
        self.box.setXLink(main)
        item.getAxis("right").linkToView(self.box)
        main.sigResized.connect(self._follow_geometry)
        transform_on_resize(self.box)
        self.set_shown(False)

    @property
    def shown(self) -> bool:
        return self.box.isVisible()

    def set_shown(self, shown: bool) -> None:
        self.box.setVisible(shown)
        self._item.showAxis("right", shown)
        if shown:
            self._follow_geometry()

    def _follow_geometry(self, *_: object) -> None:
        self.box.setGeometry(self._item.getViewBox().geometry())
