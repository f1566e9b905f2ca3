"""The controls panel shows a document without echoing it, and turns user edits into new values."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from backprop_gui import i18n
from backprop_gui.document import (
    DatasetSpec,
    EmbeddedCsv,
    Hyperparameters,
    NetworkDocument,
    default_document,
)
from backprop_gui.engine.datasets import DATASETS, MAX_SEED
from backprop_gui.ui.controls_panel import (
    DICE_MAX_SEED,
    EDIT_DELAY_MS,
    IMPORT_ENTRY,
    LINE_EDIT_MARGIN,
    SPEEDS,
    ControlsPanel,
)

QUIET_MS = 3 * EDIT_DELAY_MS
"""Long enough for any pending coalescing timer to have fired."""

GLOSSARY_TERMS = {
    "speed_control": "iteration",
    "seed": "initialisation_poids",
    "learning_rate": "taux_apprentissage",
    "batch_size": "lot",
    "momentum": "moment",
    "regularization_kind": "regularisation",
    "regularization_strength": "regularisation",
    "dataset": "donnees_entrainement",
    "noise": "donnees_entrainement",
    "n_samples": "donnees_entrainement",
    "test_fraction": "donnees_test",
    "data_seed": "donnees_entrainement",
}


def _document() -> NetworkDocument:
    """A document whose every value differs from the panel's start-up values."""
    return NetworkDocument(
        layer_sizes=[2, 3, 1],
        activations=["tanh", "sigmoid"],
        hyperparameters=Hyperparameters(
            learning_rate=0.03, batch_size=16, momentum=0.9, l1=0.0, l2=0.01
        ),
        dataset=DatasetSpec("circles", n_samples=300, noise=0.2, test_fraction=0.25, seed=7),
        seed=42,
    )


def _csv_document() -> NetworkDocument:
    csv = EmbeddedCsv(
        feature_names=["a", "b"],
        target_names=["y"],
        task="regression",
        X=np.arange(10.0).reshape(5, 2),
        Y=np.arange(5.0).reshape(5, 1),
    )
    return NetworkDocument(
        layer_sizes=[2, 1],
        activations=["linear"],
        dataset=DatasetSpec("csv", test_fraction=0.2, seed=3, csv=csv),
    )


@pytest.fixture
def panel(qtbot) -> ControlsPanel:
    widget = ControlsPanel()
    qtbot.addWidget(widget)
    widget.set_document(_document())
    return widget


def _all_signals(panel: ControlsPanel) -> list:
    return [
        panel.hyperparameters_changed,
        panel.dataset_changed,
        panel.seed_changed,
        panel.speed_changed,
        panel.csv_import_requested,
    ]


@contextlib.contextmanager
def _nothing_emitted(qtbot, panel: ControlsPanel):
    """Fail if any change signal of ``panel`` fires in the block or while its timers could."""
    with contextlib.ExitStack() as stack:
        signals = _all_signals(panel)
        for signal in signals[:-1]:
            stack.enter_context(qtbot.assertNotEmitted(signal))
        stack.enter_context(qtbot.assertNotEmitted(signals[-1], wait=QUIET_MS))
        yield


def _child(panel: ControlsPanel, kind: type, name: str):
    widget = panel.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not in the combo"
    combo.setCurrentIndex(index)


def test_set_document_fills_every_control_with_the_document_values(panel: ControlsPanel) -> None:
    assert _child(panel, QDoubleSpinBox, "learning_rate").value() == pytest.approx(0.03)
    assert _child(panel, QSpinBox, "batch_size").value() == 16
    assert _child(panel, QDoubleSpinBox, "momentum").value() == pytest.approx(0.9)
    assert _child(panel, QComboBox, "regularization_kind").currentData() == "l2"
    assert _child(panel, QDoubleSpinBox, "regularization_strength").value() == pytest.approx(0.01)
    assert _child(panel, QDoubleSpinBox, "regularization_strength").isEnabled()
    assert _child(panel, QComboBox, "dataset").currentData() == "circles"
    assert _child(panel, QDoubleSpinBox, "noise").value() == pytest.approx(0.2)
    assert _child(panel, QSpinBox, "n_samples").value() == 300
    assert _child(panel, QSpinBox, "test_fraction").value() == 25
    assert _child(panel, QSpinBox, "data_seed").value() == 7
    assert _child(panel, QSpinBox, "seed").value() == 42


def test_set_document_emits_no_change_signal(qtbot) -> None:
    panel = ControlsPanel()
    qtbot.addWidget(panel)
    with _nothing_emitted(qtbot, panel):
        panel.set_document(_document())
        panel.set_document(default_document())
        panel.set_document(_csv_document())


def test_built_in_defaults_are_shown_when_the_document_leaves_them_unset(qtbot) -> None:
    panel = ControlsPanel()
    qtbot.addWidget(panel)
    document = default_document()  # xor with n_samples and noise None
    panel.set_document(document)
    info = DATASETS["xor"]
    assert _child(panel, QSpinBox, "n_samples").value() == info.default_n_samples
    assert _child(panel, QDoubleSpinBox, "noise").value() == pytest.approx(info.default_noise)
    assert _child(panel, QSpinBox, "batch_size").value() == 0
    assert _child(panel, QComboBox, "regularization_kind").currentData() == "none"
    assert not _child(panel, QDoubleSpinBox, "regularization_strength").isEnabled()


def test_learning_rate_edit_emits_new_hyperparameters_keeping_the_others(
    qtbot, panel: ControlsPanel
) -> None:
    with qtbot.waitSignal(panel.hyperparameters_changed) as blocker:
        _child(panel, QDoubleSpinBox, "learning_rate").setValue(0.3)
    assert blocker.args[0] == Hyperparameters(
        learning_rate=0.3, batch_size=16, momentum=0.9, l1=0.0, l2=0.01
    )


def test_typed_learning_rate_is_emitted_once_on_enter(qtbot, panel: ControlsPanel) -> None:
    spin = _child(panel, QDoubleSpinBox, "learning_rate")
    spin.setLocale(QLocale.c())
    spin.setFocus()
    spin.selectAll()
    emitted = []
    panel.hyperparameters_changed.connect(emitted.append)
    with qtbot.assertNotEmitted(panel.hyperparameters_changed, wait=QUIET_MS):
        qtbot.keyClicks(spin, "0.05")  # no emission per keystroke: 0, 0., 0.0, 0.05
    with qtbot.waitSignal(panel.hyperparameters_changed):
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    with qtbot.assertNotEmitted(panel.hyperparameters_changed, wait=QUIET_MS):
        pass
    assert [hyper.learning_rate for hyper in emitted] == [pytest.approx(0.05)]


def test_a_burst_of_steps_is_coalesced_into_one_change(qtbot, panel: ControlsPanel) -> None:
    spin = _child(panel, QDoubleSpinBox, "momentum")
    emitted = []
    panel.hyperparameters_changed.connect(emitted.append)
    with qtbot.waitSignal(panel.hyperparameters_changed):
        for _ in range(6):
            spin.stepDown()
    with qtbot.assertNotEmitted(panel.hyperparameters_changed, wait=QUIET_MS):
        pass
    assert len(emitted) == 1
    assert emitted[0].momentum == pytest.approx(0.9 - 6 * 0.05)


def test_learning_rate_steps_adapt_to_its_magnitude(panel: ControlsPanel) -> None:
    spin = _child(panel, QDoubleSpinBox, "learning_rate")
    assert spin.stepType() == QAbstractSpinBox.StepType.AdaptiveDecimalStepType
    spin.setValue(0.01)
    spin.stepUp()
    assert spin.value() == pytest.approx(0.011)
    spin.setValue(2.0)
    spin.stepUp()
    assert spin.value() == pytest.approx(2.1)


def test_spin_boxes_show_numbers_without_trailing_zeros(panel: ControlsPanel) -> None:
    spin = _child(panel, QDoubleSpinBox, "learning_rate")
    spin.setLocale(QLocale.c())
    spin.setValue(0.5)
    assert spin.text() == "0.5"
    spin.setValue(2.0)
    assert spin.text() == "2"


def test_full_batch_choice_maps_to_batch_size_none(qtbot, panel: ControlsPanel) -> None:
    spin = _child(panel, QSpinBox, "batch_size")
    with qtbot.waitSignal(panel.hyperparameters_changed) as blocker:
        spin.setValue(spin.minimum())
    assert blocker.args[0].batch_size is None
    assert spin.text() == "Full batch"
    with qtbot.waitSignal(panel.hyperparameters_changed) as blocker:
        spin.setValue(32)
    assert blocker.args[0].batch_size == 32


@pytest.mark.parametrize(("kind", "expected"), [("l1", (0.01, 0.0)), ("none", (0.0, 0.0))])
def test_regularization_kind_decides_which_penalty_gets_the_strength(
    qtbot, panel: ControlsPanel, kind: str, expected: tuple[float, float]
) -> None:
    with qtbot.waitSignal(panel.hyperparameters_changed) as blocker:
        _choose(_child(panel, QComboBox, "regularization_kind"), kind)
    hyper = blocker.args[0]
    assert (hyper.l1, hyper.l2) == pytest.approx(expected)
    strength = _child(panel, QDoubleSpinBox, "regularization_strength")
    assert strength.isEnabled() == (kind != "none")


def test_regularization_strength_edit_emits_the_new_strength(qtbot, panel: ControlsPanel) -> None:
    with qtbot.waitSignal(panel.hyperparameters_changed) as blocker:
        _child(panel, QDoubleSpinBox, "regularization_strength").setValue(0.05)
    assert (blocker.args[0].l1, blocker.args[0].l2) == (0.0, pytest.approx(0.05))


def test_values_a_control_rounds_are_kept_exactly_until_edited(qtbot) -> None:
    panel = ControlsPanel()
    qtbot.addWidget(panel)
    document = _document()
    document.hyperparameters = Hyperparameters(learning_rate=0.00015, l1=0.002, l2=0.003)
    document.dataset = dataclasses.replace(document.dataset, noise=0.125, test_fraction=0.8)
    panel.set_document(document)
    with qtbot.waitSignal(panel.hyperparameters_changed) as hyper_blocker:
        _child(panel, QSpinBox, "batch_size").setValue(8)
    assert hyper_blocker.args[0] == Hyperparameters(
        learning_rate=0.00015, batch_size=8, l1=0.002, l2=0.003
    )
    with qtbot.waitSignal(panel.dataset_changed) as data_blocker:
        _child(panel, QSpinBox, "data_seed").setValue(11)
    spec = data_blocker.args[0]
    assert (spec.noise, spec.test_fraction, spec.seed) == (0.125, 0.8, 11)


def test_speed_positions_map_to_iterations_per_second(qtbot, panel: ControlsPanel) -> None:
    slider = _child(panel, QSlider, "speed_control")
    assert slider.maximum() - slider.minimum() + 1 == len(SPEEDS)
    for position, expected in reversed(list(enumerate(SPEEDS))):
        with qtbot.waitSignal(panel.speed_changed) as blocker:
            slider.setValue(position)
        assert blocker.args == [expected]
        assert panel.speed() == expected
    assert SPEEDS[0] == 1
    assert SPEEDS[-1] == 0


def test_speed_text_says_the_choice_in_words(panel: ControlsPanel) -> None:
    slider = _child(panel, QSlider, "speed_control")
    text = panel.findChild(QWidget, "speed_text")
    slider.setValue(SPEEDS.index(1))
    assert "1 iteration" in text.text()
    slider.setValue(SPEEDS.index(100))
    assert "100 iteration" in text.text()
    slider.setValue(SPEEDS.index(0))
    assert text.text() == "Speed: as fast as possible"


@pytest.mark.parametrize(("asked", "shown"), [(30, 30), (0, 0), (7, 5), (5000, 1000), (-3, 0)])
def test_set_speed_shows_the_closest_offered_speed_silently(
    qtbot, panel: ControlsPanel, asked: int, shown: int
) -> None:
    with _nothing_emitted(qtbot, panel):
        panel.set_speed(asked)
    assert panel.speed() == shown


def test_dataset_combo_lists_every_built_in_set_with_its_description(
    panel: ControlsPanel,
) -> None:
    combo = _child(panel, QComboBox, "dataset")
    listed = {combo.itemData(i): i for i in range(combo.count()) if combo.itemData(i)}
    assert [name for name in listed if name in DATASETS] == list(DATASETS)
    for name, info in DATASETS.items():
        assert combo.itemText(listed[name]) == info.title
        assert combo.itemData(listed[name], Qt.ItemDataRole.ToolTipRole) == info.description
    assert IMPORT_ENTRY in listed
    assert "csv" not in listed  # no embedded data seen yet


def test_choosing_a_built_in_set_emits_its_spec_with_its_defaults(
    qtbot, panel: ControlsPanel
) -> None:
    with qtbot.waitSignal(panel.dataset_changed) as blocker:
        _choose(_child(panel, QComboBox, "dataset"), "spiral")
    assert blocker.args[0] == DatasetSpec("spiral", None, None, test_fraction=0.25, seed=7)
    info = DATASETS["spiral"]
    assert _child(panel, QSpinBox, "n_samples").value() == info.default_n_samples
    assert _child(panel, QDoubleSpinBox, "noise").value() == pytest.approx(info.default_noise)


def test_fixed_size_noiseless_set_disables_noise_and_samples(qtbot, panel: ControlsPanel) -> None:
    with qtbot.waitSignal(panel.dataset_changed):
        _choose(_child(panel, QComboBox, "dataset"), "xor_4")
    assert not _child(panel, QDoubleSpinBox, "noise").isEnabled()
    assert not _child(panel, QSpinBox, "n_samples").isEnabled()
    assert _child(panel, QSpinBox, "n_samples").value() == 4


def test_data_edits_emit_a_new_spec(qtbot, panel: ControlsPanel) -> None:
    expected = DatasetSpec("circles", n_samples=300, noise=0.2, test_fraction=0.25, seed=7)
    for name, value, field, stored in (
        ("noise", 0.35, "noise", 0.35),
        ("n_samples", 450, "n_samples", 450),
        ("test_fraction", 40, "test_fraction", 0.4),
        ("data_seed", 123, "seed", 123),
    ):
        kind = QDoubleSpinBox if name == "noise" else QSpinBox
        with qtbot.waitSignal(panel.dataset_changed) as blocker:
            _child(panel, kind, name).setValue(value)
        expected = dataclasses.replace(expected, **{field: stored})
        assert blocker.args[0] == expected


def test_test_share_is_a_percentage_from_0_to_50(panel: ControlsPanel) -> None:
    spin = _child(panel, QSpinBox, "test_fraction")
    assert (spin.minimum(), spin.maximum()) == (0, 50)
    assert spin.text() == "25 %"


def test_import_entry_asks_for_an_import_and_keeps_the_shown_set(
    qtbot, panel: ControlsPanel
) -> None:
    combo = _child(panel, QComboBox, "dataset")
    with (
        qtbot.assertNotEmitted(panel.dataset_changed),
        qtbot.waitSignal(panel.csv_import_requested),
    ):
        _choose(combo, IMPORT_ENTRY)
    assert combo.currentData() == "circles"


def test_embedded_csv_is_the_current_entry_and_stays_selectable(qtbot) -> None:
    panel = ControlsPanel()
    qtbot.addWidget(panel)
    document = _csv_document()
    panel.set_document(document, csv_name="mesures.csv")
    combo = _child(panel, QComboBox, "dataset")
    assert combo.currentData() == "csv"
    assert "mesures.csv" in combo.currentText()
    assert not _child(panel, QDoubleSpinBox, "noise").isEnabled()
    assert not _child(panel, QSpinBox, "n_samples").isEnabled()
    assert _child(panel, QSpinBox, "n_samples").value() == 5

    with qtbot.waitSignal(panel.dataset_changed) as blocker:
        _child(panel, QSpinBox, "test_fraction").setValue(30)
    assert blocker.args[0] == dataclasses.replace(document.dataset, test_fraction=0.3)

    with qtbot.waitSignal(panel.dataset_changed):
        _choose(combo, "moons")
    with qtbot.waitSignal(panel.dataset_changed) as blocker:
        _choose(combo, "csv")
    assert blocker.args[0].csv == document.dataset.csv
    assert (blocker.args[0].n_samples, blocker.args[0].noise) == (None, None)


def test_a_long_file_name_is_shortened_in_the_middle(qtbot) -> None:
    panel = ControlsPanel()
    qtbot.addWidget(panel)
    panel.set_document(_csv_document(), csv_name="mesures_de_temperature_2024_lycee.csv")
    text = _child(panel, QComboBox, "dataset").currentText()
    assert "Imported: mesures_" in text
    assert text.endswith("lycee.csv")
    assert "…" in text


def test_embedded_csv_without_a_file_name_names_its_sample_count(qtbot) -> None:
    panel = ControlsPanel()
    qtbot.addWidget(panel)
    panel.set_document(_csv_document())
    assert "5" in _child(panel, QComboBox, "dataset").currentText()


@pytest.mark.parametrize(("name", "value"), [("seed", 90_000), ("data_seed", 90_000)])
def test_an_edit_is_emitted_after_the_short_delay_whatever_its_value(
    qtbot, panel: ControlsPanel, name: str, value: int
) -> None:
    signal = panel.seed_changed if name == "seed" else panel.dataset_changed
    with qtbot.waitSignal(signal, timeout=QUIET_MS):
        _child(panel, QSpinBox, name).setValue(value)


def test_weight_seed_edit_emits_the_seed(qtbot, panel: ControlsPanel) -> None:
    with qtbot.waitSignal(panel.seed_changed) as blocker:
        _child(panel, QSpinBox, "seed").setValue(2024)
    assert blocker.args == [2024]


@pytest.mark.parametrize(
    ("button", "spin", "signal"),
    [
        ("seed_dice", "seed", "seed_changed"),
        ("data_seed_dice", "data_seed", "dataset_changed"),
    ],
)
def test_dice_buttons_pick_a_new_random_seed(
    qtbot, panel: ControlsPanel, button: str, spin: str, signal: str
) -> None:
    before = _child(panel, QSpinBox, spin).value()
    with qtbot.waitSignal(getattr(panel, signal)) as blocker:
        qtbot.mouseClick(_child(panel, QToolButton, button), Qt.MouseButton.LeftButton)
    after = _child(panel, QSpinBox, spin).value()
    assert after != before
    assert 0 <= after <= MAX_SEED
    emitted = blocker.args[0]
    assert (emitted if signal == "seed_changed" else emitted.seed) == after


def test_every_control_has_a_tooltip_naming_its_glossary_term(panel: ControlsPanel) -> None:
    for name, term in GLOSSARY_TERMS.items():
        control = panel.findChild(QWidget, name)
        assert control is not None, name
        assert control.property("glossary_term") == term, name
        assert "Glossary:" in control.toolTip(), name


def test_language_change_retranslates_the_panel(qtbot, panel: ControlsPanel) -> None:
    translator = _MarkingTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: panel.findChild(QGroupBox).title().startswith("FR:"))
        combo = _child(panel, QComboBox, "dataset")
        assert combo.itemText(combo.findData("circles")) == "FR:Circles"
        assert _child(panel, QSpinBox, "batch_size").specialValueText() == "FR:Full batch"
    finally:
        QCoreApplication.removeTranslator(translator)


class _MarkingTranslator(QTranslator):
    """Translates every string of the panel and of the data sets to "FR:" + source."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if context in ("TrainingGroup", "HyperparametersGroup", "DatasetGroup", "Dataset"):
            return "FR:" + source_text
        return None

    def isEmpty(self) -> bool:
        return False


# -- sizes: no text cut, in French and in English -------------------------------------------------


@pytest.fixture(params=["fr", "en"])
def shown_panel(request, qtbot) -> ControlsPanel:
    """The panel in French or English, shown at the narrowest width a dock may give it."""
    i18n.install_translators(QApplication.instance(), request.param)
    widget = ControlsPanel()
    qtbot.addWidget(widget)
    widget.set_document(default_document())
    widget.resize(widget.minimumSizeHint().width(), 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _text_room(spin: QAbstractSpinBox) -> int:
    """The pixels a spin box's line edit has for its text, inside its own fixed margins."""
    edit = spin.lineEdit()
    margins = edit.textMargins()
    return edit.contentsRect().width() - margins.left() - margins.right() - 2 * LINE_EDIT_MARGIN


def _all_spin_boxes(panel: ControlsPanel) -> list[QAbstractSpinBox]:
    return panel.findChildren(QAbstractSpinBox)


def _dock_widths(panel: ControlsPanel) -> Iterator[int]:
    """Resize ``panel`` to each width a dock may give it, narrowest first, and yield it."""
    narrowest = panel.minimumSizeHint().width()
    for width in range(narrowest, panel.sizeHint().width() + 60, 7):
        panel.resize(width, 900)
        QApplication.processEvents()
        yield width


def test_the_batch_size_field_shows_its_whole_full_batch_text(shown_panel: ControlsPanel) -> None:
    batch = _child(shown_panel, QSpinBox, "batch_size")
    assert batch.value() == 0
    text = batch.specialValueText()
    assert text in ("Lot complet", "Full batch")
    needed = batch.fontMetrics().horizontalAdvance(text)
    for width in _dock_widths(shown_panel):
        assert _text_room(batch) >= needed, width


def test_every_spin_box_has_room_for_its_widest_value(shown_panel: ControlsPanel) -> None:
    needed = {}
    for spin in _all_spin_boxes(shown_panel):
        if spin.objectName() in ("seed", "data_seed"):  # room for a dice seed, not ten digits
            texts = [spin.textFromValue(DICE_MAX_SEED)]
        else:
            values = [spin.minimum(), spin.maximum()]
            if isinstance(spin, QDoubleSpinBox):
                values.append(spin.maximum() - 10.0 ** -spin.decimals())
            texts = [spin.prefix() + spin.textFromValue(v) + spin.suffix() for v in values]
            texts.append(spin.specialValueText())
        needed[spin] = max(spin.fontMetrics().horizontalAdvance(text) for text in texts)
    for width in _dock_widths(shown_panel):
        for spin, room in needed.items():
            assert _text_room(spin) >= room, (width, spin.objectName())


def test_the_noise_field_has_room_for_two_decimals(shown_panel: ControlsPanel) -> None:
    noise = _child(shown_panel, QDoubleSpinBox, "noise")
    noise.setValue(0.85)
    for width in _dock_widths(shown_panel):
        assert _text_room(noise) >= noise.fontMetrics().horizontalAdvance(noise.text()), width


def test_the_combo_boxes_show_their_longest_choice_whole(shown_panel: ControlsPanel) -> None:
    for name in ("regularization_kind", "dataset"):
        combo = _child(shown_panel, QComboBox, name)
        longest = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(index))
            for index in range(combo.count())
        )
        assert combo.width() >= combo.sizeHint().width(), name
        assert combo.width() > longest, name


def test_no_label_or_field_is_cut_at_any_dock_width(shown_panel: ControlsPanel) -> None:
    viewport = _child(shown_panel, QScrollArea, "controls_scroll").viewport()
    fields = _all_spin_boxes(shown_panel) + shown_panel.findChildren(QComboBox)
    for width in _dock_widths(shown_panel):
        for label in shown_panel.findChildren(QLabel):
            if not label.isVisible() or not label.text():
                continue
            if label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()
            else:
                assert label.width() >= label.sizeHint().width(), (width, label.text())
            right = label.mapTo(viewport, label.rect().topRight()).x()
            assert right < viewport.width(), (width, label.text())
        for field in fields:
            right = field.mapTo(viewport, field.rect().topRight()).x()
            assert right < viewport.width(), (width, field.objectName())


def test_the_panel_is_never_narrower_than_its_content(shown_panel: ControlsPanel) -> None:
    content = _child(shown_panel, QWidget, "controls_content")
    scroll_bar = _child(shown_panel, QScrollArea, "controls_scroll").verticalScrollBar()
    needed = content.minimumSizeHint().width() + scroll_bar.sizeHint().width()
    assert shown_panel.minimumSizeHint().width() >= needed


def _beside_their_labels(panel: ControlsPanel) -> dict[str, bool]:
    """For each field with a label of its own: does it sit on its label's line (not under it)?"""
    rows = {}
    for label in panel.findChildren(QLabel):
        field = label.buddy()
        if field is None or isinstance(field, QSlider) or field.objectName() == "dataset":
            continue  # the speed slider and the data set combo always take a row of their own
        name = field.objectName()
        if name in ("seed", "data_seed"):
            field = field.parentWidget()  # the row of the seed and its dice
        top = field.mapTo(panel, field.rect().topLeft()).y()
        rows[name] = top < label.mapTo(panel, label.rect().bottomLeft()).y()
    return rows


def _without_regularization(panel: ControlsPanel) -> dict[str, bool]:
    beside = _beside_their_labels(panel)
    assert len(beside) == 10
    del beside["regularization_kind"]  # its long choices may put the combo under its label
    return beside


def test_at_its_preferred_width_every_number_sits_beside_its_label(
    qtbot, shown_panel: ControlsPanel
) -> None:
    width = shown_panel.sizeHint().width()
    assert width > shown_panel.minimumSizeHint().width()
    shown_panel.resize(width, 900)
    # The rows move once the layout has run again, after the resize.
    qtbot.waitUntil(lambda: all(_without_regularization(shown_panel).values()))


def test_narrower_than_that_every_field_goes_under_its_label(
    qtbot, shown_panel: ControlsPanel
) -> None:
    for width in (shown_panel.sizeHint().width() - 1, shown_panel.minimumSizeHint().width()):
        shown_panel.resize(shown_panel.sizeHint().width(), 900)
        qtbot.waitUntil(lambda: all(_without_regularization(shown_panel).values()))
        shown_panel.resize(width, 900)
        qtbot.waitUntil(lambda: not any(_beside_their_labels(shown_panel).values()))
