"""The glossary panel (search, list, entry, history, phases) and the « Comment ça marche ? »."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSettings, Qt, QTranslator, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QToolButton,
)

from backprop_gui.engine import Phase
from backprop_gui.glossary import Glossary
from backprop_gui.ui.glossary_panel import WORD_JOINER, GlossaryPanel, keep_fractions_together
from backprop_gui.ui.how_it_works import SHOW_SETTING, HowItWorksDialog, action_name

PHASE_ENTRIES = {
    Phase.FORWARD: "propagation_avant",
    Phase.LOSS: "calcul_erreur",
    Phase.BACKWARD: "retropropagation",
    Phase.UPDATE: "ajustement_poids",
}


class PseudoTranslator(QTranslator):
    """Marks every string of one context, to prove a widget re-translates itself at run time."""

    def __init__(self, context: str) -> None:
        super().__init__()
        self._context = context

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return f"[[{source_text}]]" if context == self._context else None


@pytest.fixture
def panel(qtbot) -> GlossaryPanel:
    widget = GlossaryPanel(language="fr")
    qtbot.addWidget(widget)
    widget.resize(360, 600)
    return widget


@pytest.fixture
def dialog(qtbot) -> HowItWorksDialog:
    widget = HowItWorksDialog()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def pseudo_translation() -> Iterator[None]:
    app = QCoreApplication.instance()
    translators = [PseudoTranslator("GlossaryPanel"), PseudoTranslator("HowItWorksDialog")]
    for translator in translators:
        app.installTranslator(translator)
    yield
    for translator in translators:
        app.removeTranslator(translator)


def _search(panel: GlossaryPanel) -> QLineEdit:
    return panel.findChild(QLineEdit, "glossary_search")


def _list(panel: GlossaryPanel) -> QListWidget:
    return panel.findChild(QListWidget, "glossary_list")


def _view(panel: GlossaryPanel) -> QTextBrowser:
    return panel.findChild(QTextBrowser, "glossary_entry")


def _button(panel: GlossaryPanel, name: str) -> QToolButton:
    return panel.findChild(QToolButton, name)


def _plain(text: str) -> str:
    """``text`` as the entry view shows it: plain spaces, and a word joiner in each fraction."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"(?<=[^\s/])/(?=[^\s/])", "/" + WORD_JOINER, text)


def _terms(panel: GlossaryPanel) -> list[str]:
    listing = _list(panel)
    return [listing.item(row).text() for row in range(listing.count())]


def _click_term(qtbot, panel: GlossaryPanel, term: str) -> None:
    listing = _list(panel)
    item = listing.findItems(term, Qt.MatchFlag.MatchExactly)[0]
    listing.scrollToItem(item)
    center = listing.visualItemRect(item).center()
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=center)


# -- panel ----------------------------------------------------------------------------------


def test_panel_lists_every_term_alphabetically(panel: GlossaryPanel) -> None:
    glossary = Glossary.load("fr")
    assert _terms(panel) == [entry.term for entry in glossary.entries]
    assert panel.current_entry_id() is None
    assert not _button(panel, "glossary_back").isEnabled()
    assert not _button(panel, "glossary_forward").isEnabled()


def test_typing_in_the_search_filters_the_list(qtbot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(_search(panel), "tangente")
    assert _terms(panel) == ["Tangente hyperbolique"]
    _search(panel).clear()
    qtbot.keyClicks(_search(panel), "retropropagation")
    assert _terms(panel)[0] == "Rétropropagation"
    _search(panel).clear()
    assert len(_terms(panel)) == len(Glossary.load("fr"))


def test_a_search_without_match_says_so(qtbot, panel: GlossaryPanel) -> None:
    no_match = panel.findChild(QLabel, "glossary_no_match")
    assert not no_match.isVisibleTo(panel)
    qtbot.keyClicks(_search(panel), "zzzz")
    assert _terms(panel) == []
    assert no_match.isVisibleTo(panel)
    assert "zzzz" in no_match.text()


def test_enter_in_the_search_shows_the_best_match(qtbot, panel: GlossaryPanel) -> None:
    qtbot.keyClicks(_search(panel), "perte")
    with qtbot.waitSignal(panel.screen_parts_requested):
        qtbot.keyClick(_search(panel), Qt.Key.Key_Return)
    assert panel.current_entry_id() == "erreur"


def test_choosing_a_term_shows_it_and_points_at_the_screen(qtbot, panel: GlossaryPanel) -> None:
    panel.show()
    entry = Glossary.load("fr").entry("retropropagation")
    with qtbot.waitSignal(panel.screen_parts_requested) as blocker:
        _click_term(qtbot, panel, "Rétropropagation")
    assert blocker.args == [list(entry.screen)]
    assert panel.current_entry_id() == "retropropagation"
    text = _view(panel).toPlainText()
    assert entry.term in text
    assert _plain(entry.definition) in text
    assert _plain(entry.formula.split("   ")[0]) in text
    assert _plain(entry.example) in text
    for other in entry.other_names:
        assert _plain(other) in text
    assert _list(panel).currentItem().text() == "Rétropropagation"


def test_related_entries_are_links_that_show_their_entry(qtbot, panel: GlossaryPanel) -> None:
    glossary = Glossary.load("fr")
    panel.show_entry("retropropagation")
    html = _view(panel).toHtml()
    see_also = _view(panel).toPlainText().split("See also")[1]
    for related in glossary.entry("retropropagation").related:
        assert f'href="glossary:{related}"' in html
        assert glossary.entry(related).term in see_also
    with qtbot.waitSignal(panel.screen_parts_requested) as blocker:
        _view(panel).anchorClicked.emit(QUrl("glossary:delta"))
    assert panel.current_entry_id() == "delta"
    assert blocker.args == [list(glossary.entry("delta").screen)]
    assert "Delta (δ)" in _view(panel).toPlainText()


def test_back_and_forward_walk_the_history(qtbot, panel: GlossaryPanel) -> None:
    back, forward = _button(panel, "glossary_back"), _button(panel, "glossary_forward")
    panel.show_entry("retropropagation")
    _view(panel).anchorClicked.emit(QUrl("glossary:delta"))
    _view(panel).anchorClicked.emit(QUrl("glossary:gradient"))
    assert back.isEnabled()
    assert not forward.isEnabled()

    with qtbot.waitSignal(panel.screen_parts_requested):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert panel.current_entry_id() == "delta"
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert panel.current_entry_id() == "retropropagation"
    assert not back.isEnabled()
    assert forward.isEnabled()
    assert _list(panel).currentItem().text() == "Rétropropagation"

    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert panel.current_entry_id() == "delta"
    panel.show_entry("poids")  # a new choice drops the entries ahead
    assert not forward.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert panel.current_entry_id() == "delta"


def test_showing_the_same_entry_twice_adds_one_history_item(panel: GlossaryPanel) -> None:
    panel.show_entry("poids")
    panel.show_entry("biais")
    panel.show_entry("biais")
    panel.go_back()
    assert panel.current_entry_id() == "poids"


def test_fractions_are_never_split_across_lines() -> None:
    assert keep_fractions_together("d'où ∂E/∂w5 < 1, et 1 / 2") == (
        "d&#x27;où ∂E/\u2060∂w5 &lt; 1, et 1 / 2"
    )


def test_the_screen_link_points_at_the_screen_again(qtbot, panel: GlossaryPanel) -> None:
    panel.show_entry("taux_apprentissage")
    assert 'href="screen:taux_apprentissage"' in _view(panel).toHtml()
    with qtbot.waitSignal(panel.screen_parts_requested) as blocker:
        _view(panel).anchorClicked.emit(QUrl("screen:taux_apprentissage"))
    assert blocker.args == [["learning_rate"]]


@pytest.mark.parametrize(("phase", "entry_id"), PHASE_ENTRIES.items())
def test_show_phase_shows_the_phase_entry(
    qtbot, panel: GlossaryPanel, phase: Phase, entry_id: str
) -> None:
    with qtbot.assertNotEmitted(panel.screen_parts_requested):
        panel.show_phase(phase)
    assert panel.current_entry_id() == entry_id
    assert Glossary.load("fr").entry(entry_id).term in _view(panel).toPlainText()


def test_show_phase_without_a_phase_changes_nothing(panel: GlossaryPanel) -> None:
    panel.show_phase(None)
    assert panel.current_entry_id() is None
    panel.show_entry("poids")
    panel.show_phase(None)
    assert panel.current_entry_id() == "poids"


def test_stepping_through_phases_leaves_one_history_item(panel: GlossaryPanel) -> None:
    panel.show_entry("poids")
    for _ in range(3):
        for phase in PHASE_ENTRIES:
            panel.show_phase(phase)
    assert panel.current_entry_id() == "ajustement_poids"
    panel.go_back()
    assert panel.current_entry_id() == "poids"
    assert not _button(panel, "glossary_back").isEnabled()


def test_a_phase_after_a_user_choice_is_a_new_history_item(panel: GlossaryPanel) -> None:
    panel.show_phase(Phase.FORWARD)
    panel.show_entry("poids")
    panel.show_phase(Phase.LOSS)
    panel.go_back()
    assert panel.current_entry_id() == "poids"
    panel.go_back()
    assert panel.current_entry_id() == "propagation_avant"


def test_set_language_switches_the_content_and_keeps_the_entry(qtbot, panel: GlossaryPanel) -> None:
    panel.show_entry("retropropagation")
    qtbot.keyClicks(_search(panel), "grad")
    panel.set_language("en")
    assert panel.current_entry_id() == "retropropagation"
    assert "Backpropagation" in _view(panel).toPlainText()
    assert "Error gradient" in _terms(panel)
    panel.go_back()  # the history survives the switch
    assert panel.current_entry_id() == "retropropagation"
    panel.set_language("fr")
    assert "Rétropropagation" in _view(panel).toPlainText()


def test_show_entry_refuses_an_unknown_id(panel: GlossaryPanel) -> None:
    with pytest.raises(KeyError):
        panel.show_entry("nulle_part")
    assert panel.current_entry_id() is None


def test_panel_retranslates_its_labels_on_language_change(
    panel: GlossaryPanel, pseudo_translation: None
) -> None:
    # Installing a translator sends LanguageChange; send one more to be independent of timing.
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert _search(panel).placeholderText() == "[[Search for a term…]]"
    assert _button(panel, "glossary_back").toolTip() == "[[Previous term]]"
    panel.show_entry("poids")
    assert "[[See also]]" in _view(panel).toPlainText()


def test_panel_is_readable_in_a_dock(qtbot, panel: GlossaryPanel, tmp_path: Path) -> None:
    panel.show()
    panel.show_phase(Phase.BACKWARD)
    qtbot.waitExposed(panel)
    for widget in (_search(panel), _list(panel), _view(panel)):
        assert widget.font().pointSizeF() >= 11
        assert widget.width() > 250
    assert _view(panel).height() > _list(panel).height()
    listing = _list(panel)
    selected = listing.visualItemRect(listing.currentItem())
    assert listing.viewport().rect().contains(selected.center())
    assert listing.currentItem().text() == "Rétropropagation"
    assert _view(panel).horizontalScrollBar().maximum() == 0  # nothing wider than the dock
    image = panel.grab()
    assert image.save(str(tmp_path / "glossary_panel_fr.png"))
    assert image.width() == 360


# -- « Comment ça marche ? » ----------------------------------------------------------------


def test_dialog_is_shown_at_start_up_until_the_user_says_otherwise(qtbot) -> None:
    assert HowItWorksDialog.should_show_at_startup()
    first = HowItWorksDialog()
    qtbot.addWidget(first)
    checkbox = first.findChild(QCheckBox, "how_it_works_dont_show")
    assert not checkbox.isChecked()
    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton, pos=QPoint(4, checkbox.height() // 2))
    assert checkbox.isChecked()
    assert QSettings().value(SHOW_SETTING, True, bool) is False
    assert not HowItWorksDialog.should_show_at_startup()

    second = HowItWorksDialog()
    qtbot.addWidget(second)
    again = second.findChild(QCheckBox, "how_it_works_dont_show")
    assert again.isChecked()
    again.setChecked(False)
    assert HowItWorksDialog.should_show_at_startup()


@pytest.mark.parametrize("entry_id", [*PHASE_ENTRIES.values(), "iteration"])
def test_each_step_opens_its_glossary_entry(qtbot, dialog: HowItWorksDialog, entry_id: str) -> None:
    assert entry_id in Glossary.load("fr")
    button = dialog.findChild(QPushButton, f"how_it_works_glossary_{entry_id}")
    assert button.text()
    with qtbot.waitSignal(dialog.glossary_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [entry_id]


def test_each_step_names_its_toolbar_button(dialog: HowItWorksDialog) -> None:
    assert action_name("Next &phase") == "Next phase"
    for phase in Phase:
        line = dialog.findChild(QLabel, f"how_it_works_toolbar_{phase.value}")
        assert "Next phase" in line.text()
        text = dialog.findChild(QLabel, f"how_it_works_text_{phase.value}")
        assert len(text.text().split(". ")) >= 2
    iteration = dialog.findChild(QLabel, "how_it_works_toolbar_iteration")
    assert "Next iteration" in iteration.text()
    assert "Run" in iteration.text()


def test_dialog_retranslates_on_language_change(
    dialog: HowItWorksDialog, pseudo_translation: None
) -> None:
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert dialog.windowTitle() == "[[How does it work?]]"
    checkbox = dialog.findChild(QCheckBox, "how_it_works_dont_show")
    assert checkbox.text() == "[[Don't show at start-up]]"


def test_dialog_fits_a_projected_screen(qtbot, dialog: HowItWorksDialog, tmp_path: Path) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.objectName() == "how_it_works"
    assert dialog.width() <= 1280
    assert dialog.height() <= 720
    for label in dialog.findChildren(QLabel):
        assert label.font().pointSizeF() >= 11, label.objectName()
    for button in dialog.findChildren(QPushButton):
        hint = button.fontMetrics().horizontalAdvance(button.text())
        assert button.width() >= hint, button.objectName()  # no clipped button text
    assert dialog.grab().save(str(tmp_path / "how_it_works.png"))
