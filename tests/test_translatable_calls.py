"""Every string shown to the user can be found by pyside6-lupdate.

lupdate only sees string literals written inside ``tr(...)``, ``translate(context, ...)`` or
``QT_TRANSLATE_NOOP(...)``. A helper such as ``def _tr(text): return translate("Ctx", text)``
hides its callers' strings: they never reach the .ts file and stay English on a French
screen, while every catalog test still passes. This test finds such wrappers.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "backprop_gui"
ALLOWED = "lupdate: sources extracted where defined"
"""A wrapper carrying this comment only ever receives strings extracted elsewhere."""


def translation_wrappers(path: Path) -> list[str]:
    """Functions of ``path`` that pass one of their own parameters as a source text."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        parameters = {argument.arg for argument in function.args.args}
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            position = {"tr": 0, "translate": 1}.get(name)
            if position is None or len(call.args) <= position:
                continue
            text = call.args[position]
            if isinstance(text, ast.Name) and text.id in parameters:
                if ALLOWED not in lines[call.lineno - 1] and ALLOWED not in lines[
                    function.lineno - 1
                ]:
                    found.append(f"{path.name}:{call.lineno} {function.name}")
    return found


def test_no_function_hides_its_callers_strings_from_lupdate():
    wrappers = [w for path in sorted(PACKAGE.rglob("*.py")) for w in translation_wrappers(path)]
    assert wrappers == [], "write translate(context, 'literal') at each call instead"


def test_the_check_finds_a_wrapper(tmp_path):
    sample = tmp_path / "wrapper.py"
    sample.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Ctx', text)\n",
        encoding="utf-8",
    )
    assert translation_wrappers(sample) == ["wrapper.py:3 _tr"]


def import_time_translations(path: Path) -> list[str]:
    """Calls to tr()/translate() that run when the module is imported (outside functions).

    A string translated at import time keeps the language of that moment forever: switching
    the language at run time would leave it behind.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside_functions = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            inside_functions.update(id(node) for node in ast.walk(function))
    found = []
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and id(call) not in inside_functions:
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            if name in ("tr", "translate"):
                found.append(f"{path.name}:{call.lineno}")
    return found


def test_no_string_is_translated_at_import_time():
    found = [f for path in sorted(PACKAGE.rglob("*.py")) for f in import_time_translations(path)]
    assert found == []


def test_the_import_time_check_finds_a_class_level_translation(tmp_path):
    sample = tmp_path / "frozen.py"
    sample.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "class Panel:\n"
        "    TITLE = QCoreApplication.translate('Panel', 'Loss')\n",
        encoding="utf-8",
    )
    assert import_time_translations(sample) == ["frozen.py:3"]
