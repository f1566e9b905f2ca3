"""The context menu of a layer column or a neuron: structure edits, sent as requests.

The menu changes nothing itself: each action calls ``request(action, layer, argument)``,
which the view turns into its ``structure_edit_requested`` signal; the main window's undo
commands edit the document. Input and output sizes follow the data set, so those actions
are disabled there, with a tooltip that says why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from backprop_gui.engine import ACTIVATIONS, LOSSES, limits
from backprop_gui.ui.canvas.names import layer_title, neuron_name

Request = Callable[[str, int, object], None]


def _action(
    menu: QMenu, name: str, text: str, request: Request, layer: int, argument: object
) -> QAction:
    """An action of ``menu`` that sends the request ``(name, layer, argument)``."""
    action = QAction(text, menu)
    action.setObjectName(name)
    action.triggered.connect(partial(_send, request, name, layer, argument))
    menu.addAction(action)
    return action


def _send(request: Request, name: str, layer: int, argument: object, *_checked: bool) -> None:
    """Slot of ``triggered``, whose ``checked`` argument the request does not take."""
    request(name, layer, argument)


def _disable(action: QAction, why: str) -> None:
    action.setEnabled(False)
    action.setToolTip(why)


def structure_menu(
    parent: QWidget,
    layer_sizes: Sequence[int],
    activations: Sequence[str],
    layer: int,
    index: int | None,
    request: Request,
    loss: str | None = None,
) -> QMenu:
    """The menu for ``layer`` (and neuron ``index`` of it, if the click was on a neuron)."""
    n_layers = len(layer_sizes)
    is_input, is_output = layer == 0, layer == n_layers - 1
    menu = QMenu(parent)
    menu.setObjectName("structure_menu")
    menu.setToolTipsVisible(True)
    title = layer_title(layer, n_layers)
    if index is not None:
        title = f"{neuron_name(layer, index, n_layers)} — {title}"
    menu.addSection(title)

    data_set = QCoreApplication.translate(
        "NetworkView", "The input and output layers have one neuron per column of the data set."
    )

    add_layer = _action(
        menu,
        "add_layer",
        QCoreApplication.translate("NetworkView", "Add a hidden layer after this one"),
        request,
        layer,
        None,
    )
    if is_output:
        _disable(
            add_layer,
            QCoreApplication.translate("NetworkView", "Nothing comes after the output layer."),
        )
    elif n_layers >= limits.MAX_LAYERS:
        _disable(
            add_layer,
            QCoreApplication.translate(
                "NetworkView", "A network has at most {count} layers."
            ).format(count=limits.MAX_LAYERS),
        )
    remove_layer = _action(
        menu,
        "remove_layer",
        QCoreApplication.translate("NetworkView", "Remove this hidden layer"),
        request,
        layer,
        None,
    )
    if is_input or is_output:
        _disable(remove_layer, data_set)

    menu.addSeparator()
    add_neuron = _action(
        menu,
        "add_neuron",
        QCoreApplication.translate("NetworkView", "Add a neuron to this layer"),
        request,
        layer,
        None,
    )
    if is_input or is_output:
        _disable(add_neuron, data_set)
    elif layer_sizes[layer] >= limits.MAX_NEURONS_PER_LAYER:
        _disable(
            add_neuron,
            QCoreApplication.translate(
                "NetworkView", "A layer has at most {count} neurons."
            ).format(count=limits.MAX_NEURONS_PER_LAYER),
        )
    if index is not None:
        remove_neuron = _action(
            menu,
            "remove_neuron",
            QCoreApplication.translate("NetworkView", "Remove this neuron"),
            request,
            layer,
            index,
        )
        if is_input or is_output:
            _disable(remove_neuron, data_set)
        elif layer_sizes[layer] <= 1:
            _disable(
                remove_neuron,
                QCoreApplication.translate(
                    "NetworkView", "A hidden layer keeps at least one neuron."
                ),
            )

    menu.addSeparator()
    submenu = menu.addMenu(QCoreApplication.translate("NetworkView", "Activation"))
    submenu.setObjectName("activation_menu")
    submenu.setToolTipsVisible(True)
    if is_input:
        submenu.setEnabled(False)
        submenu.menuAction().setToolTip(
            QCoreApplication.translate("NetworkView", "Inputs pass their values on unchanged.")
        )
        return menu
    group = QActionGroup(submenu)
    current = activations[layer - 1]
    for name, activation in ACTIVATIONS.items():
        if activation.output_only and not is_output:
            continue
        text = QCoreApplication.translate("Activation", activation.title)
        action = _action(submenu, "set_activation", text, request, layer, name)
        action.setObjectName(f"activation_{name}")
        action.setCheckable(True)
        action.setChecked(name == current)
        group.addAction(action)
    if is_output:
        _add_loss_menu(menu, activations[-1], loss, layer, request)
    return menu


def _add_loss_menu(
    menu: QMenu, output_activation: str, current: str | None, layer: int, request: Request
) -> None:
    """The loss function, chosen where it acts: on the output layer."""
    submenu = menu.addMenu(QCoreApplication.translate("NetworkView", "Loss function"))
    submenu.setObjectName("loss_menu")
    submenu.setToolTipsVisible(True)
    group = QActionGroup(submenu)
    for name, loss in LOSSES.items():
        text = QCoreApplication.translate("Loss", loss.title)
        action = _action(submenu, "set_loss", text, request, layer, name)
        action.setObjectName(f"loss_{name}")
        action.setCheckable(True)
        action.setChecked(name == current)
        group.addAction(action)
        if name == "cross_entropy" and output_activation not in ("sigmoid", "softmax"):
            _disable(
                action,
                QCoreApplication.translate(
                    "NetworkView", "Cross-entropy needs a sigmoid or softmax output."
                ),
            )
