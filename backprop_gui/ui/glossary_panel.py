"""The glossary as a dock panel: search, an alphabetical list, and the chosen entry with links.

Choosing an entry asks the main window to point at the parts of the screen it names
(``screen_parts_requested``); the phase being stepped shows its own entry (``show_phase``).
The glossary's language follows the interface's through ``set_language``, called by the lead.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backprop_gui.engine import Phase
from backprop_gui.glossary import Entry, Glossary
from backprop_gui.ui.phase_panel import phase_term
from backprop_gui.ui.style import MUTED_TEXT, SEQUENTIAL_LIGHT, TEXT

MIN_POINT_SIZE = 11.0
"""Smallest font of the panel, readable from the back of a classroom."""

HISTORY_LIMIT = 100
"""Entries remembered for the back button; older ones are forgotten."""

ENTRY_SCHEME = "glossary"
SCREEN_SCHEME = "screen"
"""Link schemes inside the entry view: another entry, or "show this on screen"."""

_ID_ROLE = Qt.ItemDataRole.UserRole

_FORMULA_SEPARATOR = re.compile(r"\s{3,}")
"""Formulas write "a = …   and   b = …" with three spaces around the joining word."""

_FRACTION_SLASH = re.compile(r"(?<=[^\s/])/(?=[^\s/])")
"""The slash of a fraction such as ∂E/∂w, where a line break would split the fraction."""

WORD_JOINER = "\u2060"


def keep_fractions_together(text: str) -> str:
    """``text`` as rich text whose fractions (∂E/∂w) are never broken across two lines.

    A word joiner after the slash forbids the line break that Unicode allows there.
    """
    return escape(_FRACTION_SLASH.sub("/" + WORD_JOINER, text))


def _formula_html(formula: str) -> str:
    """One line per equation; a joining word ("and", "puis") starts the next line, in grey."""
    lines: list[str] = []
    joining = ""
    for segment in _FORMULA_SEPARATOR.split(formula.strip()):
        if " " not in segment and segment.isalpha():
            joining = f"<span style='color:{MUTED_TEXT}'>{escape(segment)}</span> "
            continue
        lines.append(joining + keep_fractions_together(segment))
        joining = ""
    return "<br>".join(lines)


class GlossaryPanel(QWidget):
    """Search field, alphabetical list of terms, and the chosen entry with back/forward."""

    screen_parts_requested = Signal(list)
    """The ``screen`` ids (see ``glossary.SCREEN_PARTS``) of the entry the user chose."""

    def __init__(self, parent: QWidget | None = None, language: str = "fr") -> None:
        super().__init__(parent)
        self.setObjectName("glossary_panel")
        font = self.font()
        if font.pointSizeF() < MIN_POINT_SIZE:
            font.setPointSizeF(MIN_POINT_SIZE)
            self.setFont(font)
        self._glossary = Glossary.load(language)
        self._history: list[str] = []
        self._index = -1
        # True while the newest history item was put there by show_phase: the next phase
        # replaces it, so stepping through phases never buries what the user looked at.
        self._phase_item = False

        style = self.style()
        self._back = self._history_button(
            "glossary_back", style, QStyle.StandardPixmap.SP_ArrowBack
        )
        self._back.clicked.connect(self.go_back)
        self._forward = self._history_button(
            "glossary_forward", style, QStyle.StandardPixmap.SP_ArrowForward
        )
        self._forward.clicked.connect(self.go_forward)

        self._search = QLineEdit()
        self._search.setObjectName("glossary_search")
        self._search.setClearButtonEnabled(True)
        self._search.textChanged.connect(self._on_search_text_changed)
        self._search.returnPressed.connect(self._on_search_return_pressed)

        self._no_match = QLabel()
        self._no_match.setObjectName("glossary_no_match")
        self._no_match.setWordWrap(True)
        self._no_match.setTextFormat(Qt.TextFormat.PlainText)
        palette = self._no_match.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED_TEXT))
        self._no_match.setPalette(palette)
        self._no_match.setVisible(False)

        self._list = QListWidget()
        self._list.setObjectName("glossary_list")
        self._list.setUniformItemSizes(True)
        self._list.setSpacing(1)
        self._list.currentRowChanged.connect(self._on_current_row_changed)

        self._view = QTextBrowser()
        self._view.setObjectName("glossary_entry")
        self._view.setOpenLinks(False)
        self._view.document().setDocumentMargin(8)
        self._view.anchorClicked.connect(self._on_anchor_clicked)

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self._back)
        top.addWidget(self._forward)
        top.addWidget(self._search, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("glossary_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list)
        splitter.addWidget(self._view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self._no_match)
        layout.addWidget(splitter, 1)

        self._refresh_list()
        self._update_buttons()
        self.retranslate_ui()

    # -- public API --------------------------------------------------------------------------

    @property
    def glossary(self) -> Glossary:
        """The glossary on display, in its current language."""
        return self._glossary

    def current_entry_id(self) -> str | None:
        """The id of the entry on display, or None before any is chosen."""
        return self._history[self._index] if self._index >= 0 else None

    def show_entry(self, entry_id: str) -> None:
        """Show ``entry_id`` (KeyError if unknown) and ask to point at what it names on screen."""
        self._glossary.entry(entry_id)
        self._navigate(entry_id)
        self._request_screen_parts()

    def show_phase(self, phase: Phase | None) -> None:
        """Show the entry of the phase being stepped; None (no phase yet) changes nothing.

        Consecutive phases share one history item, so the back button still leads to what
        the user read before stepping.
        """
        if phase is None:
            return
        entry_id = phase_term(phase)
        if entry_id == self.current_entry_id():
            return
        self._navigate(entry_id, from_phase=True)

    def set_language(self, language: str) -> None:
        """Show the glossary of ``language`` ("fr", "en"), keeping the entry and the history."""
        if language == self._glossary.language:
            return
        self._glossary = Glossary.load(language)
        self._refresh_list()
        self._render()

    def go_back(self) -> None:
        """Show the previous entry of the history."""
        if self._index > 0:
            self._index -= 1
            self._phase_item = False
            self._show_current()
            self._request_screen_parts()

    def go_forward(self) -> None:
        """Show the next entry of the history, after going back."""
        if self._index < len(self._history) - 1:
            self._index += 1
            self._phase_item = False
            self._show_current()
            self._request_screen_parts()

    def retranslate_ui(self) -> None:
        """Write every label of the panel again in the interface language."""
        #: fr: Chercher un terme…
        self._search.setPlaceholderText(self.tr("Search for a term…"))
        #: fr: Chercher dans le glossaire (les accents et les majuscules ne comptent pas)
        self._search.setToolTip(self.tr("Search the glossary (accents and capitals do not matter)"))
        #: fr: Terme précédent
        self._back.setToolTip(self.tr("Previous term"))
        self._back.setAccessibleName(self._back.toolTip())
        #: fr: Terme suivant
        self._forward.setToolTip(self.tr("Next term"))
        self._forward.setAccessibleName(self._forward.toolTip())
        #: fr: Termes du glossaire
        self._list.setAccessibleName(self.tr("Glossary terms"))
        #: fr: Définition du terme choisi
        self._view.setAccessibleName(self.tr("Definition of the chosen term"))
        self._update_no_match()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- navigation --------------------------------------------------------------------------

    def _navigate(self, entry_id: str, *, from_phase: bool = False) -> None:
        at_end = self._index == len(self._history) - 1
        if from_phase and self._phase_item and at_end:
            self._history[self._index] = entry_id
        elif entry_id != self.current_entry_id():
            del self._history[self._index + 1 :]
            self._history.append(entry_id)
            if len(self._history) > HISTORY_LIMIT:
                del self._history[0]
            self._index = len(self._history) - 1
        self._phase_item = from_phase
        self._show_current()

    def _show_current(self) -> None:
        self._select_in_list(self.current_entry_id())
        self._render()
        self._update_buttons()

    def _request_screen_parts(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is not None:
            self.screen_parts_requested.emit(list(self._glossary.entry(entry_id).screen))

    def _update_buttons(self) -> None:
        self._back.setEnabled(self._index > 0)
        self._forward.setEnabled(self._index < len(self._history) - 1)

    # -- slots -------------------------------------------------------------------------------

    def _on_search_text_changed(self, _text: str) -> None:
        self._refresh_list()
        self._update_no_match()

    def _on_search_return_pressed(self) -> None:
        if self._list.count():
            self.show_entry(self._list.item(0).data(_ID_ROLE))

    def _on_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.show_entry(self._list.item(row).data(_ID_ROLE))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == ENTRY_SCHEME and url.path() in self._glossary:
            self.show_entry(url.path())
        elif url.scheme() == SCREEN_SCHEME:
            self._request_screen_parts()

    # -- list and entry view -----------------------------------------------------------------

    def _refresh_list(self) -> None:
        text = self._search.text()
        entries = self._glossary.search(text)
        with QSignalBlocker(self._list):
            self._list.clear()
            for entry in entries:
                item = QListWidgetItem(entry.term)
                item.setData(_ID_ROLE, entry.id)
                self._list.addItem(item)
        self._no_match.setVisible(not entries)
        self._select_in_list(self.current_entry_id())

    def _update_no_match(self) -> None:
        self._no_match.setText(
            #: fr: Aucun terme ne correspond à « {text} ».
            self.tr("No term matches “{text}”.").format(text=self._search.text().strip())
        )

    def _select_in_list(self, entry_id: str | None) -> None:
        with QSignalBlocker(self._list):
            self._list.setCurrentRow(-1)
            for row in range(self._list.count()):
                item = self._list.item(row)
                if item.data(_ID_ROLE) == entry_id:
                    # Centred when it was out of sight; left alone under the user's pointer.
                    viewport = self._list.viewport().rect()
                    in_sight = viewport.contains(self._list.visualItemRect(item))
                    self._list.setCurrentRow(row)
                    if not in_sight:
                        self._list.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                    break

    def _render(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None:
            #: fr: Choisissez un terme dans la liste, ou tapez un mot pour le chercher.
            hint = self.tr("Choose a term in the list, or type a word to search for it.")
            self._view.setHtml(f"<p style='color:{MUTED_TEXT}'>{escape(hint)}</p>")
            return
        self._view.setHtml(self._entry_html(self._glossary.entry(entry_id)))

    def _entry_html(self, entry: Entry) -> str:
        parts = [f"<h2 style='color:{TEXT}; margin-bottom:4px'>{escape(entry.term)}</h2>"]
        if entry.other_names:
            #: fr: Aussi appelé : (with a non-breaking space before the colon)
            label = self.tr("Also called:")
            names = ", ".join(escape(name) for name in entry.other_names)
            parts.append(f"<p style='color:{MUTED_TEXT}'><i>{escape(label)} {names}</i></p>")
        parts.append(f"<p>{keep_fractions_together(entry.definition)}</p>")
        if entry.formula:
            parts.append(
                f"<table width='100%' cellpadding='8' bgcolor='{SEQUENTIAL_LIGHT}'><tr><td>"
                f"<span style='font-size:large'>{_formula_html(entry.formula)}</span>"
                "</td></tr></table>"
            )
        if entry.example:
            #: fr: Exemple
            label = self.tr("Example")
            example = keep_fractions_together(entry.example)
            parts.append(f"<p><b>{escape(label)}</b><br>{example}</p>")
        if entry.related:
            #: fr: Voir aussi
            label = self.tr("See also")
            links = " · ".join(
                f"<a href='{ENTRY_SCHEME}:{related}' style='white-space:nowrap'>"
                f"{escape(self._glossary.entry(related).term)}</a>"
                for related in entry.related
            )
            parts.append(f"<p><b>{escape(label)}</b><br>{links}</p>")
        if entry.screen:
            #: fr: Montrer à l'écran
            label = self.tr("Show it on screen")
            parts.append(f"<p><a href='{SCREEN_SCHEME}:{entry.id}'>◎ {escape(label)}</a></p>")
        return "".join(parts)

    def _history_button(
        self, name: str, style: QStyle, pixmap: QStyle.StandardPixmap
    ) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(style.standardIcon(pixmap))
        button.setAutoRaise(True)
        return button
