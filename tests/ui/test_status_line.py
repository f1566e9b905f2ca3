"""The status line counts as the phase panel counts, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from backprop_gui import i18n
from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.datasets import make_dataset
from backprop_gui.engine.snapshot import take_snapshot
from backprop_gui.ui.status_line import StatusLine


def snapshot_after(phases: int):
    data = make_dataset("xor", n_samples=20, seed=0)
    trainer = Trainer(Network([2, 2, 1], ["tanh", "sigmoid"], seed=0), data.X, data.Y)
    for _ in range(phases):
        trainer.step_phase()
    return take_snapshot(trainer, 0)


def test_it_names_the_iteration_under_way_and_the_loss_in_french(qtbot, qapp):
    QLocale.setDefault(QLocale(QLocale.Language.French))
    i18n.install_translators(qapp, "fr")
    line = StatusLine()
    qtbot.addWidget(line)
    line.show_snapshot(snapshot_after(2))  # forward pass and error of the first iteration
    assert line.text().startswith("Itération 1 · Époque 1 · Phase\u00a0: ")
    assert " · Erreur\u00a0: 0," in line.text()


def test_it_is_empty_before_the_first_snapshot_and_follows_a_language_switch(qtbot, qapp):
    i18n.install_translators(qapp, "fr")
    line = StatusLine()
    qtbot.addWidget(line)
    line.show_snapshot(None)
    assert line.text() == ""
    line.show_snapshot(snapshot_after(0))
    assert line.text() == "Itération 0 · Époque 0 · Phase\u00a0: prêt"
    i18n.install_translators(qapp, "en")
    qtbot.waitUntil(lambda: line.text() == "Iteration 0 · Epoch 0 · Phase: ready")
