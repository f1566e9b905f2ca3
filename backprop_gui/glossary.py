"""The built-in glossary: its entries in one language, checked on load, sorted and searchable.

The content lives in ``resources/glossary/<language>.json`` (French is the reference, English
has the same ids). Loading validates everything a panel relies on, so a broken file fails at
once with one clear message instead of showing a dead link in class. No Qt here: the panel
and the tests share this module.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backprop_gui.messages import QT_TRANSLATE_NOOP, Message, TranslatableError
from backprop_gui.paths import resource_path

FORMAT = "backprop-gui-glossary"
VERSION = 1

SCREEN_PARTS: tuple[str, ...] = (
    "edges",
    "neurons",
    "biases",
    "inputs",
    "hidden",
    "outputs",
    "learning_rate",
    "batch_size",
    "momentum",
    "regularization",
    "dataset",
    "test_fraction",
    "seed",
    "speed",
    "loss_plot",
    "gradient_plot",
    "boundary_plot",
    "inspector",
    "phase_panel",
    "action_run",
    "action_step_phase",
    "action_step_iteration",
    "action_step_epoch",
    "action_reset",
    "action_reinitialize",
    "action_gradient_check",
)
"""Parts of the main window an entry may point at; the window knows which widget each names."""

_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_REQUIRED = ("id", "term", "other_names", "definition", "related", "screen")
_OPTIONAL = ("formula", "example")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "ʼ": "'"})
_NOT_A_WORD = re.compile(r"[^\w]+")


class GlossaryError(TranslatableError):
    """A glossary file that is missing, unreadable or inconsistent."""


def _error(template: str, **params: Any) -> GlossaryError:
    return GlossaryError(Message("Glossary", template, **params))


def fold(text: str) -> str:
    """``text`` without accents, case or punctuation: what search and sorting compare.

    "Rétropropagation" and "retropropagation" fold alike, "d’erreur" and "d'erreur" too;
    punctuation becomes a single space so that "pré-activation" matches "pre activation".
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_A_WORD.sub(" ", bare).replace("_", " ").split())


def sort_key(term: str) -> tuple[str, str, str]:
    """Dictionary order: letters first (É files with E), then accents, then case."""
    return (fold(term), unicodedata.normalize("NFKD", term.casefold()), term)


@dataclass(frozen=True)
class Entry:
    """One term: what it means, its formula and example, and where it is on screen."""

    id: str
    term: str
    other_names: tuple[str, ...]
    definition: str
    formula: str | None
    example: str | None
    related: tuple[str, ...]
    screen: tuple[str, ...]


class Glossary:
    """The entries of one language, in alphabetical order."""

    def __init__(self, language: str, entries: Iterable[Entry]) -> None:
        entries = tuple(entries)
        _check_consistency(entries)
        self.language = language
        self._entries = tuple(sorted(entries, key=lambda entry: sort_key(entry.term)))
        self._by_id = {entry.id: entry for entry in self._entries}
        self._folded = {
            entry.id: (
                fold(entry.term),
                tuple(fold(name) for name in entry.other_names),
                fold(entry.definition),
            )
            for entry in self._entries
        }

    @classmethod
    def load(cls, language: str) -> Glossary:
        """The glossary of ``language`` ("fr", "en") from ``resources/glossary``."""
        if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
            raise _error(
                QT_TRANSLATE_NOOP("Glossary", "{language!r} is not a language code."),
                language=language,
            )
        return cls.from_file(resource_path("glossary", f"{language}.json"), language)

    @classmethod
    def from_file(cls, path: Path, language: str) -> Glossary:
        """The glossary stored in ``path``, which must say it is in ``language``."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise _error(
                QT_TRANSLATE_NOOP("Glossary", "The glossary file {path} cannot be read: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Glossary", "The glossary file {path} is not valid JSON (line {line})."
                ),
                path=str(path),
                line=exc.lineno,
            ) from exc
        return cls.from_data(data, language)

    @classmethod
    def from_data(cls, data: Any, language: str) -> Glossary:
        """The glossary described by ``data`` (the parsed JSON document)."""
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise _error(
                QT_TRANSLATE_NOOP("Glossary", "This is not a glossary (format {expected!r})."),
                expected=FORMAT,
            )
        if data.get("version") != VERSION:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Glossary", "Glossary version {version!r} is not supported (only {expected})."
                ),
                version=data.get("version"),
                expected=VERSION,
            )
        if data.get("language") != language:
            raise _error(
                QT_TRANSLATE_NOOP("Glossary", "The glossary is in {found!r}, not in {expected!r}."),
                found=data.get("language"),
                expected=language,
            )
        raw_entries = data.get("entries")
        if not isinstance(raw_entries, list) or not raw_entries:
            raise _error(QT_TRANSLATE_NOOP("Glossary", "The glossary has no entries."))
        entries = (_parse_entry(raw, number) for number, raw in enumerate(raw_entries, 1))
        return cls(language, entries)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, sorted by term (accent- and case-insensitive, as in a dictionary)."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def entry(self, entry_id: str) -> Entry:
        """The entry called ``entry_id``; KeyError if there is none."""
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise KeyError(f"no glossary entry {entry_id!r} in {self.language!r}") from None

    def search(self, text: str) -> list[Entry]:
        """Entries matching ``text``, ignoring accents and case, best matches first.

        Exact names come first ("perte" finds « Erreur », also called « Perte »), then names
        that start with the text, then names containing every word of it, then definitions.
        An empty text gives every entry.
        """
        query = fold(text)
        if not query:
            return list(self._entries)
        words = query.split()
        ranked = []
        for entry in self._entries:
            rank = self._rank(entry.id, query, words)
            if rank is not None:
                ranked.append((rank, entry))
        ranked.sort(key=lambda pair: pair[0])  # stable: alphabetical within a rank
        return [entry for _, entry in ranked]

    def _rank(self, entry_id: str, query: str, words: Sequence[str]) -> int | None:
        term, names, definition = self._folded[entry_id]
        checks = (
            term == query,
            query in names,
            term.startswith(query),
            any(name.startswith(query) for name in names),
            _has_all(term, words),
            any(_has_all(name, words) for name in names),
            _has_all(definition, words),
        )
        return next((rank for rank, matches in enumerate(checks) if matches), None)


def _has_all(folded: str, words: Sequence[str]) -> bool:
    return all(word in folded for word in words)


def _parse_entry(raw: Any, number: int) -> Entry:
    if not isinstance(raw, Mapping):
        raise _error(
            QT_TRANSLATE_NOOP("Glossary", "Glossary entry {number} is not an object."),
            number=number,
        )
    name = raw.get("id") if isinstance(raw.get("id"), str) else f"#{number}"
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    missing = [key for key in _REQUIRED if key not in raw]
    if unknown or missing:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Glossary",
                "Glossary entry {entry}: missing fields {missing}, unknown fields {unknown}.",
            ),
            entry=name,
            missing=", ".join(missing) or "-",
            unknown=", ".join(unknown) or "-",
        )
    entry_id = raw["id"]
    if not isinstance(entry_id, str) or not _ID.fullmatch(entry_id):
        raise _error(
            QT_TRANSLATE_NOOP(
                "Glossary",
                "Glossary entry {number}: the id {id!r} must be lower-case ASCII words joined "
                "by underscores.",
            ),
            number=number,
            id=entry_id,
        )
    texts = {key: _text(raw[key], entry_id, key) for key in ("term", "definition")}
    optional = {key: _optional_text(raw.get(key), entry_id, key) for key in _OPTIONAL}
    return Entry(
        id=entry_id,
        term=texts["term"],
        other_names=_texts(raw["other_names"], entry_id, "other_names"),
        definition=texts["definition"],
        formula=optional["formula"],
        example=optional["example"],
        related=_texts(raw["related"], entry_id, "related"),
        screen=_texts(raw["screen"], entry_id, "screen"),
    )


def _text(value: Any, entry_id: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _error(
            QT_TRANSLATE_NOOP("Glossary", "Glossary entry {entry}: {field} must be a text."),
            entry=entry_id,
            field=field,
        )
    return value.strip()


def _optional_text(value: Any, entry_id: str, field: str) -> str | None:
    return None if value is None else _text(value, entry_id, field)


def _texts(value: Any, entry_id: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _error(
            QT_TRANSLATE_NOOP(
                "Glossary", "Glossary entry {entry}: {field} must be a list of texts."
            ),
            entry=entry_id,
            field=field,
        )
    return tuple(_text(item, entry_id, field) for item in value)


def _check_consistency(entries: Sequence[Entry]) -> None:
    """Unique ids, links to entries that exist, screen parts the window knows."""
    ids: set[str] = set()
    for entry in entries:
        if entry.id in ids:
            raise _error(
                QT_TRANSLATE_NOOP("Glossary", "The glossary has two entries with the id {id!r}."),
                id=entry.id,
            )
        ids.add(entry.id)
    for entry in entries:
        for target in entry.related:
            if target not in ids or target == entry.id:
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "Glossary",
                        "Glossary entry {entry} links to {target!r}, which is not another entry.",
                    ),
                    entry=entry.id,
                    target=target,
                )
        if len(set(entry.related)) != len(entry.related):
            raise _error(
                QT_TRANSLATE_NOOP("Glossary", "Glossary entry {entry} lists a link twice."),
                entry=entry.id,
            )
        for part in entry.screen:
            if part not in SCREEN_PARTS:
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "Glossary",
                        "Glossary entry {entry} names the screen part {part!r}, which does not "
                        "exist.",
                    ),
                    entry=entry.id,
                    part=part,
                )
