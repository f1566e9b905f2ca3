"""The glossary content (French reference, English twin) and its loading, sorting and search."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backprop_gui.glossary import SCREEN_PARTS, Glossary, GlossaryError, fold, sort_key
from backprop_gui.messages import TranslatableError
from backprop_gui.paths import resource_path

LANGUAGES = ("fr", "en")

SEED_TERMS = {
    "Réseau de neurones artificiels": "reseau_neurones",
    "Neurone": "neurone",
    "Propagation avant": "propagation_avant",
    "Erreur": "erreur",
    "Perte": "erreur",
    "Rétropropagation": "retropropagation",
    "Propagation arrière": "retropropagation",
    "Rétropropagation du gradient d'erreur": "retropropagation",
    "Poids": "poids",
    "Gradient de l'erreur": "gradient",
    "Itération": "iteration",
    "Calcul de l'erreur": "calcul_erreur",
    "Ajustement des poids": "ajustement_poids",
}
"""Every term of the seed document's glossary and steps (as a term or another name)."""

REQUIRED_IDS = (
    "biais",
    "fonction_activation",
    "sigmoide",
    "tanh",
    "relu",
    "fonction_lineaire",
    "softmax",
    "couche_entree",
    "couche_cachee",
    "couche_sortie",
    "fonction_perte",
    "erreur_quadratique",
    "entropie_croisee",
    "taux_apprentissage",
    "epoque",
    "lot",
    "descente_gradient",
    "derivee_partielle",
    "derivation_chaine",
    "delta",
    "initialisation_poids",
    "graine_aleatoire",
    "donnees_entrainement",
    "donnees_test",
    "surapprentissage",
    "regularisation",
    "divergence",
    "disparition_gradient",
    "explosion_gradient",
    "frontiere_decision",
    "verification_gradient",
    "moment",
    "pre_activation",
    "activation",
    "classification",
    "regression",
    "precision",
    "bruit",
)
"""The other words a student meets on screen, by id."""

PHASE_IDS = ("propagation_avant", "calcul_erreur", "retropropagation", "ajustement_poids")

CONTROL_TERMS = ("iteration", "initialisation_poids", "taux_apprentissage", "lot", "moment")
"""Ids other panels already name in their ``glossary_term`` properties."""

SPACE_BEFORE_PUNCTUATION = re.compile(r" [:;?!»]|« ")
"""An ASCII space where French typography wants a non-breaking one."""

GLUED_PUNCTUATION = re.compile(r"[^\s\u00a0\u202f][:;?!](?=\s|$)")
"""A French « : ; ? ! » with no space at all before it."""

SENTENCE_END = re.compile(r"[.!?…](?=\s+[A-ZÀ-ÖØ-Ý«“(]|$)")


def _raw(language: str) -> dict[str, Any]:
    return json.loads(resource_path("glossary", f"{language}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def french() -> Glossary:
    return Glossary.load("fr")


@pytest.fixture(scope="module")
def english() -> Glossary:
    return Glossary.load("en")


def _ids(entries: list) -> list[str]:
    return [entry.id for entry in entries]


# -- search and order -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("retropropagation", "retropropagation"),
        ("RÉTROPROPAGATION", "retropropagation"),
        ("Retropropagation", "retropropagation"),
        ("tangente", "tanh"),
        ("TANGENTE Hyperbolique", "tanh"),
        ("epoque", "epoque"),
        ("sigmoide", "sigmoide"),
        ("taux d apprentissage", "taux_apprentissage"),
        ("taux d’apprentissage", "taux_apprentissage"),
        ("pre-activation", "pre_activation"),
        ("donnees de test", "donnees_test"),
    ],
)
def test_search_ignores_accents_case_and_punctuation(
    french: Glossary, query: str, expected: str
) -> None:
    assert _ids(french.search(query))[0] == expected


def test_search_finds_other_names(french: Glossary) -> None:
    assert _ids(french.search("backpropagation"))[0] == "retropropagation"
    assert _ids(french.search("mini-batch"))[0] == "lot"
    assert _ids(french.search("vanishing"))[0] == "disparition_gradient"


def test_search_ranks_terms_before_other_names_before_definitions(french: Glossary) -> None:
    found = _ids(french.search("gradient"))
    in_terms = [i for i in found if "gradient" in fold(french.entry(i).term)]
    only_in_definitions = "biais"  # says "gradient" in its definition only
    assert only_in_definitions in found
    assert found[: len(in_terms)] == in_terms
    assert found.index(only_in_definitions) > len(in_terms) - 1


def test_search_puts_exact_names_then_names_starting_with_the_text_first(
    english: Glossary,
) -> None:
    found = _ids(english.search("gradient"))
    assert found[:3] == ["gradient", "verification_gradient", "descente_gradient"]
    assert found.index("verification_gradient") < found.index("explosion_gradient")
    assert _ids(english.search("loss"))[0] == "erreur"


def test_search_with_every_word_anywhere_in_the_term(french: Glossary) -> None:
    assert _ids(french.search("poids ajustement"))[0] == "ajustement_poids"


def test_search_without_match_is_empty_and_empty_text_gives_everything(
    french: Glossary,
) -> None:
    assert french.search("zzzz") == []
    assert french.search("  ") == list(french.entries)


def test_entries_are_sorted_like_a_dictionary(french: Glossary) -> None:
    terms = [entry.term for entry in french.entries]
    assert terms == sorted(terms, key=sort_key)
    # É files with E, not after Z as plain code-point order would put it.
    assert terms.index("Données de test") < terms.index("Échantillon") < terms.index("Erreur")
    assert terms.index("Époque") < terms.index("Erreur")
    assert terms[-1] == "Vérification du gradient"


def test_entry_lookup(french: Glossary) -> None:
    assert french.entry("retropropagation").term == "Rétropropagation"
    assert "retropropagation" in french
    with pytest.raises(KeyError, match="nope"):
        french.entry("nope")


# -- content --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "entry_id"), SEED_TERMS.items())
def test_every_seed_term_has_its_entry(french: Glossary, name: str, entry_id: str) -> None:
    entry = french.entry(entry_id)
    assert fold(name) in {fold(entry.term), *(fold(other) for other in entry.other_names)}
    assert _ids(french.search(name))[0] == entry_id


@pytest.mark.parametrize("entry_id", REQUIRED_IDS + PHASE_IDS + CONTROL_TERMS)
def test_every_word_on_screen_has_its_entry(french: Glossary, entry_id: str) -> None:
    assert entry_id in french


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_glossary_has_at_least_40_entries(language: str) -> None:
    assert len(Glossary.load(language)) >= 40


@pytest.mark.parametrize("language", LANGUAGES)
def test_related_ids_exist_and_screen_ids_are_known(language: str) -> None:
    """Checked on the raw file, independently of the validation in ``Glossary.load``."""
    entries = _raw(language)["entries"]
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        assert set(entry["related"]) <= set(ids) - {entry["id"]}, entry["id"]
        assert set(entry["screen"]) <= set(SCREEN_PARTS), entry["id"]
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", entry["id"])


def test_french_and_english_have_the_same_entries_and_links() -> None:
    french, english = _raw("fr")["entries"], _raw("en")["entries"]
    assert [e["id"] for e in french] == [e["id"] for e in english]
    for fr_entry, en_entry in zip(french, english, strict=True):
        assert fr_entry.keys() == en_entry.keys(), fr_entry["id"]
        assert fr_entry["related"] == en_entry["related"]
        assert fr_entry["screen"] == en_entry["screen"]
        assert fr_entry["term"] != en_entry["term"] or fr_entry["term"] in {
            "Classification",
            "Softmax",
            "ReLU",
            "Divergence",
            "Delta (δ)",
            "Activation (a)",
        }


def test_every_entry_points_somewhere(french: Glossary) -> None:
    for entry in french.entries:
        assert entry.related, entry.id
    assert all(entry.screen for entry in french.entries if entry.id in PHASE_IDS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_definitions_have_two_to_five_sentences(language: str) -> None:
    for entry in Glossary.load(language).entries:
        sentences = len(SENTENCE_END.findall(entry.definition))
        assert 2 <= sentences <= 5, (entry.id, sentences)


def test_french_texts_follow_french_typography(french: Glossary) -> None:
    """Non-breaking space before « : ; ? ! » and inside « guillemets »; formulas excepted."""
    for entry in french.entries:
        for text in (entry.term, *entry.other_names, entry.definition, entry.example or ""):
            assert SPACE_BEFORE_PUNCTUATION.search(text) is None, (entry.id, text)
            assert GLUED_PUNCTUATION.search(text) is None, (entry.id, text)


def test_french_numbers_use_a_decimal_comma(french: Glossary) -> None:
    for entry in french.entries:
        for text in (entry.definition, entry.example or ""):
            assert re.search(r"\d\.\d", text) is None, (entry.id, text)


def test_english_texts_use_english_typography(english: Glossary) -> None:
    for entry in english.entries:
        for text in (entry.definition, entry.example or "", entry.formula or ""):
            assert "\u00a0" not in text, entry.id
            assert "\u202f" not in text, entry.id
            assert "«" not in text, entry.id
            assert re.search(r"\d,\d{1,2}(?!\d)", text) is None, (entry.id, text)


def test_classic_example_numbers_are_the_textbook_ones(french: Glossary) -> None:
    """The 2-2-2 numbers a teacher checks by hand on the board."""
    assert "0,75136507" in french.entry("propagation_avant").example
    assert "0,298371109" in french.entry("calcul_erreur").example
    assert "0,082167041" in french.entry("retropropagation").example
    assert "0,35891648" in french.entry("ajustement_poids").example


# -- validation -----------------------------------------------------------------------------


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(_raw("fr"))
    entries = data["entries"]
    if change == "duplicate id":
        entries[1]["id"] = entries[0]["id"]
    elif change == "unknown related":
        entries[0]["related"].append("nulle_part")
    elif change == "self related":
        entries[0]["related"].append(entries[0]["id"])
    elif change == "unknown screen part":
        entries[0]["screen"].append("toaster")
    elif change == "bad id":
        entries[0]["id"] = "Rétro-propagation"
    elif change == "missing definition":
        del entries[0]["definition"]
    elif change == "unknown field":
        entries[0]["definiton"] = "typo"
    elif change == "empty term":
        entries[0]["term"] = "  "
    elif change == "names not a list":
        entries[0]["other_names"] = "Perte"
    elif change == "wrong format":
        data["format"] = "backprop-gui-network"
    elif change == "wrong version":
        data["version"] = 2
    elif change == "no entries":
        data["entries"] = []
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("duplicate id", "two entries with the id"),
        ("unknown related", "links to 'nulle_part'"),
        ("self related", "which is not another entry"),
        ("unknown screen part", "screen part 'toaster'"),
        ("bad id", "lower-case ASCII"),
        ("missing definition", "missing fields definition"),
        ("unknown field", "unknown fields definiton"),
        ("empty term", "term must be a text"),
        ("names not a list", "other_names must be a list"),
        ("wrong format", "not a glossary"),
        ("wrong version", "version 2"),
        ("no entries", "no entries"),
    ],
)
def test_an_inconsistent_glossary_is_refused_with_a_clear_message(
    change: str, message: str
) -> None:
    with pytest.raises(GlossaryError, match=re.escape(message)) as caught:
        Glossary.from_data(_broken(change), "fr")
    assert isinstance(caught.value, TranslatableError)
    assert caught.value.message.context == "Glossary"


def test_a_glossary_in_another_language_is_refused() -> None:
    with pytest.raises(GlossaryError, match="not in 'en'"):
        Glossary.from_data(_raw("fr"), "en")


def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "fr.json"
    broken.write_text('{"format": "backprop-gui-glossary",', encoding="utf-8")
    with pytest.raises(GlossaryError, match="not valid JSON"):
        Glossary.from_file(broken, "fr")
    with pytest.raises(GlossaryError, match="cannot be read"):
        Glossary.from_file(tmp_path / "missing.json", "fr")


@pytest.mark.parametrize("language", ["xx", "../fr", "FR", ""])
def test_an_unknown_language_is_refused(language: str) -> None:
    with pytest.raises(GlossaryError):
        Glossary.load(language)


def test_the_glossary_module_does_not_load_qt() -> None:
    code = (
        "import sys, backprop_gui.glossary as g; g.Glossary.load('fr'); "
        "print(any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
