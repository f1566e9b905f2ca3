"""The network canvas: a QGraphicsView of the network and the numbers of the current phase."""

from backprop_gui.ui.canvas.view import FLASH_TARGETS, NetworkView

__all__ = ["FLASH_TARGETS", "NetworkView"]
