"""The backpropagation engine: pure numpy, no Qt, importable in a notebook.

>>> from backprop_gui.engine import Network
>>> net = Network([2, 2, 1], ["tanh", "sigmoid"], seed=0)
>>> net.weights[0].shape  # weights[l][j, i]: from neuron i of layer l to neuron j of layer l+1
(2, 2)
"""

from backprop_gui.engine.activations import ACTIVATIONS, Activation
from backprop_gui.engine.gradcheck import gradient_check
from backprop_gui.engine.history import History
from backprop_gui.engine.losses import LOSSES, Loss
from backprop_gui.engine.network import BackwardTrace, ForwardTrace, Network, NetworkError
from backprop_gui.engine.trainer import PHASES, Phase, Trainer, TrainingDiverged

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "PHASES",
    "Activation",
    "BackwardTrace",
    "ForwardTrace",
    "History",
    "Loss",
    "Network",
    "NetworkError",
    "Phase",
    "Trainer",
    "TrainingDiverged",
    "gradient_check",
]
