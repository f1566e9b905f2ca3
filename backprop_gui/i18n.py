"""Choose the interface language, load its Qt translators, and refresh the translation files.

English is the source language of every string; French is the translation a classroom sees by
default. ``python -m backprop_gui.i18n update`` re-extracts the strings from the code into
``translations/*.ts`` (keeping existing translations) and recompiles the ``.qm`` files.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import sysconfig
import warnings
from collections.abc import Sequence
from pathlib import Path
from shutil import which

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from backprop_gui.messages import Message
from backprop_gui.paths import translations_dir

LANGUAGES = ("fr", "en")
"""Languages the interface exists in, as ISO 639-1 codes."""

FALLBACK_LANGUAGE = "fr"
"""The language of a system whose own language is neither French nor English."""

SOURCE_LANGUAGE = "en"
"""The language the strings are written in, in the code."""

LANGUAGE_SETTING = "language"
"""QSettings key of the language the user chose."""

CATALOG = "backprop_gui"
"""Base name of our translation files: ``backprop_gui_<lang>.ts`` / ``.qm``."""

# Qt keeps raw pointers to installed translators: holding them here keeps them alive and lets
# the next switch remove them before installing the new language's.
_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE


def default_language() -> str:
    """The system's interface language if the app speaks it, otherwise French."""
    preferred = QLocale.system().uiLanguages()
    code = preferred[0].split("-")[0].lower() if preferred else ""
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


def preferred_language() -> str:
    """The language the user chose last time (QSettings), or :func:`default_language`."""
    saved = QSettings().value(LANGUAGE_SETTING, "", str)
    return saved if saved in LANGUAGES else default_language()


def save_language(language: str) -> None:
    """Remember ``language`` for the next start."""
    _check_language(language)
    QSettings().setValue(LANGUAGE_SETTING, language)


def current_language() -> str:
    """The language the interface is in: the last one installed, else English (the source)."""
    return _language


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace the installed translators by ours and Qt's own for ``language``.

    Qt's ``qtbase_<lang>`` catalog translates the standard dialog buttons; it is skipped
    when the Qt build ships no translations. Installing sends ``LanguageChange`` to every
    widget, so windows can re-translate themselves.
    """
    global _language
    _check_language(language)
    remove_translators()

    ours = QTranslator()
    if ours.load(f"{CATALOG}_{language}", str(translations_dir())):
        _installed.append(ours)
    else:
        warnings.warn(
            f"no {CATALOG}_{language}.qm in {translations_dir()}: the interface stays in English",
            RuntimeWarning,
            stacklevel=2,
        )
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator()
    if qt_base.load(f"qtbase_{language}", qt_translations):
        _installed.append(qt_base)

    _language = language
    # Numbers follow the language too (0,593 in French), before widgets re-translate.
    QLocale.setDefault(QLocale(language))
    for translator in _installed:
        app.installTranslator(translator)
    return list(_installed)


def remove_translators() -> None:
    """Uninstall the translators :func:`install_translators` put in: back to English."""
    global _language
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _language = SOURCE_LANGUAGE


def translate_message(message: Message) -> str:
    """``message`` in the current language, with its parameters filled in."""
    translated = QCoreApplication.translate(message.context, message.template)
    try:
        return message.format(translated)
    except (KeyError, IndexError, ValueError):
        # A translation with a mistyped {parameter} must not hide the error it describes.
        return message.format()


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")


# --- Refreshing the translation files (developer tool) -------------------------------------


def checkout_root() -> Path:
    """The repository root: translation sources are only updated in a checkout."""
    root = Path(__file__).resolve().parent.parent
    if not (root / "pyproject.toml").is_file() or not (root / "translations").is_dir():
        raise FileNotFoundError(f"{root} is not a backprop_gui checkout (no pyproject.toml)")
    return root


def source_files(root: Path) -> list[Path]:
    """Every Python file of the package, relative to ``root``, in a stable order."""
    return sorted(path.relative_to(root) for path in (root / CATALOG).rglob("*.py"))


def qt_tool(name: str) -> str:
    """The ``pyside6-<name>`` executable of this interpreter's environment."""
    search = os.pathsep.join([sysconfig.get_path("scripts"), os.environ.get("PATH", "")])
    found = which(f"pyside6-{name}", path=search)
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def lupdate_command(sources: Sequence[Path], ts_file: Path, language: str) -> list[str]:
    """The lupdate call that merges the strings of ``sources`` into ``ts_file``.

    The English catalog keeps only plural forms (``%n``): every other English string is
    its own source text, which Qt shows when a catalog has no entry for it.
    """
    _check_language(language)
    command = [qt_tool("lupdate"), *map(str, sources)]
    command += ["-source-language", SOURCE_LANGUAGE, "-target-language", language]
    command += ["-no-obsolete", "-locations", "relative"]
    if language == SOURCE_LANGUAGE:
        command.append("-pluralonly")
    return [*command, "-ts", str(ts_file)]


def lrelease_command(ts_file: Path, qm_file: Path) -> list[str]:
    """The lrelease call that compiles ``ts_file`` into ``qm_file``."""
    return [qt_tool("lrelease"), str(ts_file), "-qm", str(qm_file)]


def update_translations(root: Path | None = None) -> None:
    """Re-extract the strings into every ``.ts`` (keeping translations), then compile them."""
    root = checkout_root() if root is None else root
    sources = source_files(root)
    for language in LANGUAGES:
        ts_file = Path("translations") / f"{CATALOG}_{language}.ts"
        subprocess.run(lupdate_command(sources, ts_file, language), cwd=root, check=True)
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run(lrelease_command(ts_file, qm_file), cwd=root, check=True)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m backprop_gui.i18n update``."""
    parser = argparse.ArgumentParser(
        prog="python -m backprop_gui.i18n",
        description="Maintain the Qt Linguist translations of backprop-gui.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "update",
        help="extract the strings into translations/*.ts (keeping translations), "
        "drop the obsolete ones, and compile the .qm files",
    )
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    update_translations()
    print(
        "If lrelease reported unfinished translations, translate them in "
        "translations/backprop_gui_fr.ts (pyside6-linguist) and run this command again."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
