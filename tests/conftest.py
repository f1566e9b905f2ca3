"""Shared test set-up: Qt without a screen, and settings that never touch the user's own.

This runs before any test module imports Qt: the platform plugin and the XDG folders are read
when the first QApplication is created. After every test, the saved preferences are cleared and
the translators removed, so a test that wants French installs it itself (in the test or in a
function-scoped fixture).
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Forced, not setdefault: a developer's DISPLAY or QT_QPA_PLATFORM must not open real windows.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

# Every per-user folder Qt may write to (QSettings, QStandardPaths) lives in a throw-away
# sandbox. QStandardPaths.setTestModeEnabled(True) is not used: it redirects to ~/.qttest,
# which is still in the user's home.
SANDBOX = Path(tempfile.mkdtemp(prefix="backprop-gui-tests-"))
for _variable, _folder in {
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",  # Qt warns unless it exists with mode 0700
}.items():
    (SANDBOX / _folder).mkdir(mode=0o700)
    os.environ[_variable] = str(SANDBOX / _folder)

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings  # noqa: E402 - after the environment

QCoreApplication.setOrganizationName("backprop-gui-tests")
QCoreApplication.setApplicationName("backprop-gui-tests")  # pytest-qt: qt_qapp_name
for _format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(_format, QSettings.Scope.UserScope, str(SANDBOX / "settings"))


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SANDBOX, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_qt_state() -> Iterator[None]:
    """Each test starts with no saved preference, no installed translator, the same locale,
    and none of the previous tests' garbage."""
    locale = QLocale()
    yield
    QLocale.setDefault(locale)
    settings = QSettings()
    settings.clear()
    settings.sync()
    i18n = sys.modules.get("backprop_gui.i18n")
    if i18n is not None:
        i18n.remove_translators()
    # The test's widgets are closed by now: collect their reference cycles (pyqtgraph has
    # many) here, not whenever the collector next runs, which could be during a later test's
    # paint event, with Qt objects of this test still half attached.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
