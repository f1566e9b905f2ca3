"""The engine and the document stay usable without Qt: in a notebook, a script, a test.

Checked in a fresh interpreter, since this test session has long imported PySide6.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")

_CHILD = """
import json, sys
import backprop_gui.engine
import backprop_gui.document
print(json.dumps(sorted(sys.modules)))
"""


def test_importing_the_engine_and_the_document_loads_no_gui_library() -> None:
    child = subprocess.run(
        [sys.executable, "-c", _CHILD],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    modules = json.loads(child.stdout)
    assert "backprop_gui.document" in modules
    leaked = [name for name in modules if name.split(".")[0] in GUI_PACKAGES]
    assert leaked == [], f"the engine or the document imported GUI modules: {leaked}"
