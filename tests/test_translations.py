"""The French interface is complete and up to date, and languages load and switch at run time.

When one of the catalog tests fails, run ``python -m backprop_gui.i18n update``, translate
the new entries of ``translations/backprop_gui_fr.ts``, and run it again.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QWidget

from backprop_gui import i18n
from backprop_gui.app import open_error_box
from backprop_gui.document import DocumentError, load
from backprop_gui.messages import Message

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
FRENCH = TRANSLATIONS / "backprop_gui_fr.ts"
ENGLISH = TRANSLATIONS / "backprop_gui_en.ts"
FIX = "run `python -m backprop_gui.i18n update`, translate, and run it again"


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    comment: str  # the disambiguation, e.g. self.tr("Open", "verb")
    kind: str  # the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    forms: tuple[str, ...]  # the translation, or each plural form

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}" + (f" ({self.comment})" if self.comment else "")


def read_catalog(path: Path) -> list[Entry]:
    entries = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name} has a message without translation"
            forms = [form.text or "" for form in translation.iter("numerusform")]
            entries.append(
                Entry(
                    name,
                    message.findtext("source", ""),
                    message.findtext("comment", ""),
                    translation.get("type", ""),
                    tuple(forms) if message.get("numerus") == "yes" else (translation.text or "",),
                )
            )
    return entries


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[^{}]*\}|%n", text))


@pytest.mark.parametrize("catalog", [FRENCH, ENGLISH], ids=["fr", "en"])
def test_catalog_has_no_unfinished_empty_or_obsolete_entry(catalog: Path) -> None:
    faulty = [
        f"{entry} ({entry.kind or 'empty'})"
        for entry in read_catalog(catalog)
        if entry.kind or not all(form.strip() for form in entry.forms)
    ]
    assert faulty == [], f"{catalog.name}: {FIX}:\n" + "\n".join(faulty)


def test_every_string_has_a_translation_context() -> None:
    # lupdate reads only literal QCoreApplication.translate("Context", "text") and self.tr("text")
    # calls; through an alias (tr = QCoreApplication.translate) it files the context as the
    # text, and the running app then never finds the translation.
    lost = [str(entry) for entry in read_catalog(FRENCH) if not entry.context]
    assert lost == [], (
        "strings lupdate found outside any context; call QCoreApplication.translate("
        '"Context", "text") by that name, or self.tr("text") in a class:\n' + "\n".join(lost)
    )


def test_english_catalog_holds_only_plural_forms() -> None:
    singular = [str(entry) for entry in read_catalog(ENGLISH) if "%n" not in entry.source]
    assert singular == [], "English is the source language: only %n strings need a translation"


@pytest.mark.parametrize("catalog", [FRENCH, ENGLISH], ids=["fr", "en"])
def test_translations_keep_the_placeholders_of_their_source(catalog: Path) -> None:
    wrong = [
        f"{entry}: {form!r}"
        for entry in read_catalog(catalog)
        for form in entry.forms
        if form and _placeholders(form) - {"%n"} != _placeholders(entry.source) - {"%n"}
    ]
    assert wrong == [], "a translation must use exactly the {names} of its source:\n" + "\n".join(
        wrong
    )


@pytest.mark.parametrize("catalog", [FRENCH, ENGLISH], ids=["fr", "en"])
def test_compiled_catalog_is_what_lrelease_makes_of_its_source(
    catalog: Path, tmp_path: Path
) -> None:
    shipped = catalog.with_suffix(".qm")
    assert shipped.is_file(), f"{shipped.name} is missing: {FIX}"
    fresh = tmp_path / shipped.name
    subprocess.run(i18n.lrelease_command(catalog, fresh), check=True, capture_output=True)
    assert fresh.read_bytes() == shipped.read_bytes(), f"{shipped.name} is out of date: {FIX}"


@pytest.mark.parametrize(
    ("catalog", "language"), [(FRENCH, "fr"), (ENGLISH, "en")], ids=["fr", "en"]
)
def test_catalog_holds_exactly_the_strings_of_the_code(
    catalog: Path, language: str, tmp_path: Path
) -> None:
    refreshed = tmp_path / catalog.name
    shutil.copy2(catalog, refreshed)
    command = i18n.lupdate_command(i18n.source_files(ROOT), refreshed, language)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)

    in_code = {entry.key for entry in read_catalog(refreshed)}
    in_catalog = {entry.key for entry in read_catalog(catalog)}
    new = sorted(in_code - in_catalog)
    gone = sorted(in_catalog - in_code)
    assert new == [], f"strings of the code missing from {catalog.name}: {FIX}:\n{new}"
    assert gone == [], f"strings of {catalog.name} no longer in the code: {FIX}:\n{gone}"


def test_update_extracts_new_strings_and_keeps_existing_translations(tmp_path: Path) -> None:
    for name in ("backprop_gui", "translations"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", tmp_path)
    copied = tmp_path / "translations" / FRENCH.name
    i18n.update_translations(tmp_path)  # in sync with the code, even if the repository is not
    before = {entry.key: entry for entry in read_catalog(copied)}
    (tmp_path / "backprop_gui" / "lesson.py").write_text(
        "from backprop_gui.messages import QT_TRANSLATE_NOOP\n"
        'TEXT = QT_TRANSLATE_NOOP("Lesson", "The gradient points uphill.")\n',
        encoding="utf-8",
    )

    i18n.update_translations(tmp_path)

    after = {entry.key: entry for entry in read_catalog(copied)}
    assert after.pop(("Lesson", "The gradient points uphill.", "")).kind == "unfinished"
    assert after == before
    assert (tmp_path / "translations" / "backprop_gui_fr.qm").stat().st_size > 0


def test_update_command_requires_its_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        i18n.main([])
    assert stop.value.code == 2
    assert "update" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("system", "expected"),
    [("fr_FR.UTF-8", "fr"), ("en_GB.UTF-8", "en"), ("de_DE.UTF-8", "fr"), ("C", "fr")],
)
def test_default_language_is_the_system_one_when_french_or_english(
    system: str, expected: str
) -> None:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LC_") and key not in {"LANG", "LANGUAGE"}
    }
    child = subprocess.run(
        [sys.executable, "-c", "from backprop_gui import i18n; print(i18n.default_language())"],
        env={**environment, "LANG": system},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert child.stdout.strip() == expected


def test_saved_language_wins_over_the_default() -> None:
    i18n.save_language("en")
    assert i18n.preferred_language() == "en"
    i18n.save_language("fr")
    assert i18n.preferred_language() == "fr"


def test_unknown_language_is_refused(qapp: QCoreApplication) -> None:
    with pytest.raises(ValueError, match="de"):
        i18n.install_translators(qapp, "de")
    with pytest.raises(ValueError, match="de"):
        i18n.save_language("de")


def test_french_translates_our_strings_and_qt_dialog_buttons(qapp: QCoreApplication) -> None:
    installed = i18n.install_translators(qapp, "fr")
    assert len(installed) == 2, "ours and Qt's qtbase_fr"
    assert QCoreApplication.translate("App", "Cannot open the file") == (
        "Impossible d'ouvrir le fichier"
    )
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_switching_language_removes_the_previous_translators(qapp: QCoreApplication) -> None:
    i18n.install_translators(qapp, "fr")
    assert i18n.current_language() == "fr"
    i18n.install_translators(qapp, "en")
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("App", "Cannot open the file") == "Cannot open the file"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    i18n.install_translators(qapp, "fr")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_removing_translators_goes_back_to_the_english_source(qapp: QCoreApplication) -> None:
    i18n.install_translators(qapp, "fr")
    i18n.remove_translators()
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("App", "Cannot open the file") == "Cannot open the file"


def test_translate_message_translates_then_fills_in_the_parameters(
    qapp: QCoreApplication,
) -> None:
    message = Message("App", "The file {path} could not be opened.", path="xor.json")
    assert i18n.translate_message(message) == "The file xor.json could not be opened."
    i18n.install_translators(qapp, "fr")
    assert i18n.translate_message(message) == "Impossible d'ouvrir le fichier xor.json."


def test_translate_message_falls_back_to_english_on_a_broken_translation(
    qapp: QCoreApplication, tmp_path: Path
) -> None:
    catalog = tmp_path / "broken_fr.ts"
    catalog.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
        '<TS version="2.1" language="fr"><context><name>Test</name><message>'
        "<source>Layer {layer} is empty.</source>"
        "<translation>La couche {couche} est vide.</translation>"
        "</message></context></TS>",
        encoding="utf-8",
    )
    compiled = tmp_path / "broken_fr.qm"
    subprocess.run(i18n.lrelease_command(catalog, compiled), check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    qapp.installTranslator(translator)
    try:
        message = Message("Test", "Layer {layer} is empty.", layer=2)
        assert i18n.translate_message(message) == "Layer 2 is empty."
    finally:
        qapp.removeTranslator(translator)


def test_file_error_box_explains_in_french(qtbot, qapp: QCoreApplication, tmp_path: Path) -> None:
    i18n.install_translators(qapp, "fr")
    parent = QWidget()
    qtbot.addWidget(parent)
    missing = tmp_path / "absent.json"
    with pytest.raises(DocumentError) as failure:
        load(missing)

    box = open_error_box(parent, missing, failure.value)

    assert box.isVisible()
    assert box.windowTitle() == "Impossible d'ouvrir le fichier"
    assert box.text() == f"Impossible d'ouvrir le fichier {missing}."
    reason = i18n.translate_message(failure.value.message)
    assert reason != failure.value.message.format(), "the reason is translated too"
    assert box.informativeText().startswith(reason)
    box.close()
