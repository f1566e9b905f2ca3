"""Size limits a network or a data set must respect, checked before anything is allocated.

They keep a school PC responsive and let a corrupt file fail with a sentence rather than
a MemoryError: a file that declares a 10**9-neuron layer is refused before numpy sees it.
"""

MAX_LAYERS = 12
"""Layers in all, input and output included."""

MAX_NEURONS_PER_LAYER = 1024
"""Enough for 28x28 images (784 inputs)."""

MAX_PARAMETERS = 1_000_000
"""Weights and biases in all."""

MAX_SAMPLES = 100_000
"""Rows of a data set (built-in or imported)."""

MAX_FEATURES = MAX_NEURONS_PER_LAYER
"""Columns of a data set: each one is an input or an output neuron."""

MAX_CSV_BYTES = 50 * 1024 * 1024
"""Largest CSV file read for import."""
