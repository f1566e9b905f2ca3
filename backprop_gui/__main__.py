"""``python -m backprop_gui``: the same as the ``backprop-gui`` command."""

import sys

from backprop_gui.app import main

if __name__ == "__main__":
    sys.exit(main())
