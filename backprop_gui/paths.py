"""Where the data files are, whether the app runs from a checkout or from an installed wheel.

In the repository, ``resources/`` and ``translations/`` sit next to the ``backprop_gui``
package; the wheel ships them inside it as ``backprop_gui/resources`` and
``backprop_gui/translations`` (see ``[tool.setuptools.package-dir]`` in pyproject.toml).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_PACKAGE = __package__ or "backprop_gui"


def _package_dir() -> Path:
    root = resources.files(_PACKAGE)
    # An unpacked install or a checkout gives a real folder; anything else (a zip) is not
    # supported because Qt loads icons and translations by file name.
    if isinstance(root, Path):
        return root
    return Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    package = _package_dir()
    installed = package / name
    if installed.is_dir():
        return installed
    # Only trust a top-level folder that belongs to this project's checkout, never a stray
    # ``resources/`` that another distribution dropped into site-packages.
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / name).is_dir():
        return checkout / name
    raise FileNotFoundError(
        f"backprop_gui: no {name!r} folder in {installed} nor in a checkout at {checkout}"
    )


def resources_dir() -> Path:
    """The folder holding icons, presets and glossaries."""
    return _data_dir("resources")


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>``; the file itself may not exist."""
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path:
    """The folder holding the compiled ``backprop_gui_<lang>.qm`` (and, in a checkout, .ts)."""
    return _data_dir("translations")
