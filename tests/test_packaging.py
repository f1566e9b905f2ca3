"""``pip install .`` gives a working ``backprop-gui``: code, data files and the command line.

The wheel is built from a copy of the sources and installed into a virtual environment that
borrows the already-installed PySide6 and numpy (nothing to download) and runs from a folder
outside the checkout, so only the wheel can be imported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from backprop_gui import __version__, paths
from backprop_gui.app import application_icon, parse_arguments

ROOT = Path(__file__).resolve().parent.parent
# Hidden folders (.git, caches, .venv) and build products stay out of the copy built from.
_NOT_SOURCES = shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "__pycache__")
NO_DISPLAY = {
    key: value
    for key, value in os.environ.items()
    if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
}


def _run(
    command: list[str | Path], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built offline from a clean copy of the sources (no stale build/ folder)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCES)
    build = _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", work / "dist"],
        cwd=source,
    )
    assert build.returncode == 0, (
        "building the wheel failed (is the test extra installed? pip install -e '.[test]')\n"
        + build.stdout[-3000:]
        + build.stderr[-3000:]
    )
    (built,) = (work / "dist").glob("backprop_gui-*.whl")
    return built


@dataclass(frozen=True)
class Venv:
    root: Path
    site_packages: Path

    def bin(self, name: str) -> Path:
        return self.root / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    """A virtual environment with the wheel installed; PySide6 and numpy come from outside.

    The outer site-packages is added as a plain path (a .pth line), not as a site folder
    (--system-site-packages): its own .pth files, among them the editable install's import
    hook that would serve the checkout, are then never run.
    """
    root = tmp_path_factory.mktemp("venv")
    created = _run([sys.executable, "-m", "venv", "--without-pip", root], cwd=root)
    assert created.returncode == 0, created.stderr
    python = Venv(root, root).bin("python")
    where = _run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], root)
    venv = Venv(root, Path(where.stdout.strip()))
    outer = sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})
    (venv.site_packages / "outer_site_packages.pth").write_text("\n".join(outer) + "\n")
    # The outer pip installs into the venv; --ignore-installed because the editable checkout
    # is installed outside it too.
    installed = _run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed", wheel],
        cwd=root,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return venv


def _files_under(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_wheel_contains_every_module_resource_and_compiled_translation(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    expected = {f"backprop_gui/{name}" for name in _files_under(ROOT / "backprop_gui")}
    expected |= {f"backprop_gui/resources/{name}" for name in _files_under(ROOT / "resources")}
    expected |= {
        f"backprop_gui/translations/{path.name}" for path in (ROOT / "translations").glob("*.qm")
    }
    missing = sorted(expected - shipped)
    assert missing == [], (
        "not in the wheel; add the package to [tool.setuptools] packages or the file type to "
        f"[tool.setuptools.package-data] in pyproject.toml: {missing}"
    )
    assert not any(name.endswith(".ts") for name in shipped), "only .qm files are needed"


def test_installed_package_finds_its_data_inside_site_packages(venv: Venv, tmp_path: Path) -> None:
    script = (
        "import json, backprop_gui, backprop_gui.paths as p\n"
        "print(json.dumps({'package': backprop_gui.__file__,"
        " 'icon': str(p.resource_path('icons', 'app.svg')),"
        " 'qm': str(p.translations_dir() / 'backprop_gui_fr.qm')}))"
    )
    # -I: no current folder, PYTHONPATH or user site on sys.path, so no checkout can leak in.
    child = _run([venv.bin("python"), "-I", "-c", script], cwd=tmp_path)
    assert child.returncode == 0, child.stderr
    found = {key: Path(value) for key, value in json.loads(child.stdout).items()}
    for key, path in found.items():
        assert path.resolve().is_relative_to(venv.site_packages.resolve()), f"{key} at {path}"
        assert path.is_file(), f"{key} missing at {path}"


def test_installed_command_prints_the_version_without_a_display(
    venv: Venv, tmp_path: Path
) -> None:
    command = _run([venv.bin("backprop-gui"), "--version"], cwd=tmp_path, env=NO_DISPLAY)
    assert command.returncode == 0, command.stderr
    assert command.stdout.strip() == f"backprop-gui {__version__}"
    module = _run(
        [venv.bin("python"), "-I", "-m", "backprop_gui", "--version"],
        cwd=tmp_path,
        env=NO_DISPLAY,
    )
    assert module.returncode == 0, module.stderr
    assert module.stdout.strip() == f"backprop-gui {__version__}"


_LAUNCH = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox
from backprop_gui import app

qt = app.application()
deadline = time.monotonic() + 20
seen = {}


def look():
    windows = [w for w in qt.topLevelWidgets() if w.isVisible()]
    seen["window"] = any(isinstance(w, QMainWindow) for w in windows)
    seen["messages"] = [w.windowTitle() for w in windows if isinstance(w, QMessageBox)]
    if seen["messages"] or time.monotonic() > deadline:
        qt.quit()


poll = QTimer(interval=50, timeout=look)
poll.start()
status = app.main(sys.argv[1:])
print(seen)
sys.exit(status)
"""


def test_installed_app_opens_its_window_and_explains_a_file_it_cannot_read(
    venv: Venv, tmp_path: Path
) -> None:
    missing = tmp_path / "absent.json"
    child = _run(
        [venv.bin("python"), "-I", "-c", _LAUNCH, "--lang", "fr", missing],
        cwd=tmp_path,
        env={**NO_DISPLAY, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == str(
        {"window": True, "messages": ["Impossible d'ouvrir le fichier"]}
    )


def test_checkout_paths_point_at_the_top_level_folders() -> None:
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.resource_path("icons", "app.svg").is_file()
    assert paths.translations_dir() == ROOT / "translations"


def test_arguments_default_to_no_language_and_no_file() -> None:
    arguments = parse_arguments([])
    assert arguments.lang is None
    assert arguments.file is None


def test_arguments_accept_a_language_and_a_file() -> None:
    arguments = parse_arguments(["--lang", "en", "réseau.json"])
    assert arguments.lang == "en"
    assert arguments.file == Path("réseau.json")


def test_arguments_refuse_an_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        parse_arguments(["--lang", "de"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_version_argument_prints_the_package_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        parse_arguments(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"backprop-gui {__version__}"


def test_help_documents_the_language_and_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        parse_arguments(["--help"])
    assert stop.value.code == 0
    usage = capsys.readouterr().out
    assert "--lang {fr,en}" in usage
    assert "FILE" in usage


def test_application_icon_is_a_drawable_image(qapp: QApplication) -> None:
    assert not application_icon().pixmap(64, 64).isNull()
