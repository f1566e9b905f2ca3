"""The remark under the phase caption: what the canvas leaves out, and where to read it.

A class that turns the numbers on and sees none would think the button broken: when they
are hidden (too many to write, or too small to read at this size) the canvas says so, and
says where the values are (tooltips, the inspector). Likewise for the weakest edges of a
large network, which are not drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def canvas_remark(
    n_edges: int,
    drawn_edges: int,
    numbers_on: bool,
    too_many_neurons: bool,
    values_readable: bool,
    too_many_weights: bool,
) -> str:
    """The remark, in the current language, or "" when the canvas shows what was asked.

    ``values_readable``: the neurons' values would be large enough to read at this zoom;
    ``too_many_weights``: the network has more edges than get a label.
    """
    remarks = []
    if drawn_edges < n_edges:
        remarks.append(
            QCoreApplication.translate(
                "NetworkView", "The {shown} strongest of {total} weights are drawn."
            ).format(shown=QLocale().toString(drawn_edges), total=QLocale().toString(n_edges))
        )
    if numbers_on:
        hidden = _hidden_numbers(too_many_neurons, values_readable, too_many_weights)
        if hidden:
            remarks.append(hidden)
    return " ".join(remarks)


def _hidden_numbers(too_many_neurons: bool, values_readable: bool, too_many_weights: bool) -> str:
    """Why numbers that are on are not written, and where to read them; "" if they are."""
    if too_many_neurons:
        return QCoreApplication.translate(
            "NetworkView",
            "Too many neurons to write their values: point at a neuron or a weight "
            "to read its value, click it for the details.",
        )
    if not values_readable:
        return QCoreApplication.translate(
            "NetworkView",
            "The numbers are hidden: they would be too small to read. Enlarge the "
            "window or close a panel, or click a neuron or a weight to read its values "
            "in the inspector.",
        )
    if too_many_weights:
        return QCoreApplication.translate(
            "NetworkView",
            "Too many weights to write on the connections: point at one to read its "
            "value, click it for the details.",
        )
    return ""
