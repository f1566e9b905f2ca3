"""Start the application: read the command line, create Qt, install a language, open a window.

Qt's GUI modules and the engine are imported only once the arguments are parsed, so
``--version`` and ``--help`` answer fast, even on a machine without a display or OpenGL.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from backprop_gui import __version__, i18n
from backprop_gui.paths import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

    from backprop_gui.document import DocumentError, NetworkDocument

ORGANIZATION = "backprop-gui"
APPLICATION = "backprop-gui"
"""The names QSettings stores the preferences under."""

ICON = ("icons", "app.svg")
"""The application icon, under ``resources/``."""


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv`` (without the program name) into ``lang`` (None, "fr", "en") and ``file``."""
    parser = argparse.ArgumentParser(
        prog="backprop-gui",
        description="Learn backpropagation step by step: build a small neural network, "
        "train it, and watch every number of the forward pass, the error, the backward "
        "pass and the weight update.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=None,
        help="interface language, fr (French) or en (English); by default the one chosen "
        "last time, else the system's if it is one of these, else French",
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        default=None,
        metavar="FILE",
        help="a network file (.json) to open; if it cannot be read, the default network "
        "opens and a message says why",
    )
    return parser.parse_args(list(argv))


def application_icon() -> QIcon:
    """The icon of the application and its windows: a small three-layer network."""
    from PySide6.QtGui import QIcon

    return QIcon(str(resource_path(*ICON)))


def application() -> QApplication:
    """The running QApplication, or a new one named for QSettings and with our icon."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setWindowIcon(application_icon())
    return app


def create_main_window(
    document: NetworkDocument | None = None, language: str | None = None
) -> QMainWindow:
    """Install the translators for ``language`` (default: the preferred one), build the window.

    ``document`` None opens the default network.
    """
    app = application()
    i18n.install_translators(app, language or i18n.preferred_language())
    # Imported here so that the window's modules load after the translators are in place.
    from backprop_gui.ui.main_window import MainWindow

    window = MainWindow(document)
    window.setWindowIcon(application_icon())
    return window


def open_error_box(parent: QWidget, path: Path, error: DocumentError) -> QMessageBox:
    """Show, without blocking, why ``path`` did not open; the default network is open instead."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("App", "Cannot open the file"))
    box.setText(
        QCoreApplication.translate("App", "The file {path} could not be opened.").format(
            path=path
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("App", "{reason}\n\nThe default network is open instead.")
        .format(reason=i18n.translate_message(error.message))
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def main(argv: Sequence[str] | None = None) -> int:
    """The ``backprop-gui`` command: returns the exit status of the Qt event loop."""
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    from backprop_gui.document import DocumentError, load

    app = application()
    opened: NetworkDocument | None = None
    error: DocumentError | None = None
    if arguments.file is not None:
        try:
            opened = load(arguments.file)
        except DocumentError as load_error:
            error = load_error
    window = create_main_window(opened, arguments.lang)
    window.show()
    from backprop_gui.ui.how_it_works import HowItWorksDialog

    if HowItWorksDialog.should_show_at_startup():
        # At first launch (until "don't show again"): the four steps, beside the window.
        QTimer.singleShot(0, window.show_how_it_works)
    if error is not None:
        # After the window is on screen, so the message has a parent to sit on.
        QTimer.singleShot(0, partial(open_error_box, window, arguments.file, error))
    return app.exec()
