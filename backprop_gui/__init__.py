"""backprop_gui: learn backpropagation step by step, with every number shown."""

__version__ = "0.1.0"
