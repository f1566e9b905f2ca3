"""Messages the engine and the document raise, translatable later by the UI without Qt here.

The engine and the document must not import Qt, yet their errors reach a French screen.
They raise exceptions carrying an English template and its parameters; the template is
marked with ``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` extracts it, and the UI
translates the template at display time, then fills in the parameters.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for extraction under ``context``; returns it unchanged."""
    return text


class Message:
    """An English template with named parameters, e.g. ``"Row {row}: {column} is empty"``."""

    __slots__ = ("context", "params", "template")

    def __init__(self, context: str, template: str, **params: Any) -> None:
        self.context = context
        self.template = template
        self.params = params

    def format(self, template: str | None = None) -> str:
        """The message in English, or with ``template`` (its translation) filled in."""
        return (template or self.template).format(**self.params)

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Message({self.context!r}, {self.template!r}, **{self.params!r})"


class TranslatableError(ValueError):
    """A ``ValueError`` whose text is a :class:`Message` the UI can translate."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message
