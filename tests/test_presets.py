"""The example networks: each loads, trains, and shows what its notes promise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from backprop_gui.document import dumps, load, preset_paths

PRESETS = {path.name: path for path in preset_paths()}


def preset(name: str) -> Path:
    return PRESETS[name]


def accuracy(outputs: np.ndarray, targets: np.ndarray) -> float:
    if targets.shape[1] == 1:
        return float(np.mean((outputs > 0.5) == (targets > 0.5)))
    return float(np.mean(outputs.argmax(axis=1) == targets.argmax(axis=1)))


def test_the_expected_presets_are_shipped() -> None:
    assert set(PRESETS) >= {
        "classique_2-2-2.json",
        "xor.json",
        "cercles.json",
        "spirale.json",
        "sigmoide_profonde.json",
        "regression_sinus.json",
        "regression_plan.json",
        "multiclasse.json",
    }


@pytest.mark.parametrize("path", preset_paths(), ids=lambda path: path.stem)
def test_a_preset_is_a_titled_annotated_document_in_canonical_form(path: Path) -> None:
    document = load(path)
    assert document.title.strip()
    assert len(document.notes) > 200
    assert dumps(document) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", preset_paths(), ids=lambda path: path.stem)
def test_a_preset_lowers_its_loss_with_plain_gradient_descent(path: Path) -> None:
    document = load(path)
    network = document.build_network()
    train, _ = document.build_dataset()
    rate = document.hyperparameters.learning_rate
    before = network.loss(train.X, train.Y)
    for _ in range(200):
        network.train_step(train.X, train.Y, rate)
    after = network.loss(train.X, train.Y)
    assert np.isfinite(after)
    assert after < before


def test_xor_classifies_its_four_points_after_a_few_hundred_steps() -> None:
    document = load(preset("xor.json"))
    network = document.build_network()
    train, _ = document.build_dataset()
    assert train.n_samples == 4
    for _ in range(400):
        network.train_step(train.X, train.Y, document.hyperparameters.learning_rate)
    assert accuracy(network.predict(train.X), train.Y) == 1.0


def test_classic_network_gives_the_hand_computed_numbers() -> None:
    document = load(preset("classique_2-2-2.json"))
    network = document.build_network()
    train, test = document.build_dataset()
    assert (train.n_samples, test.n_samples) == (1, 0)
    assert document.hyperparameters.learning_rate == 0.5
    loss = network.train_step(train.X, train.Y, document.hyperparameters.learning_rate)
    assert loss == pytest.approx(0.298371109, abs=1e-9)
    assert network.weights[1][0, 0] == pytest.approx(0.35891647971788465, abs=1e-15)  # w5
    assert network.weights[0][0, 0] == pytest.approx(0.1497807161327628, abs=1e-15)  # w1


def test_deep_sigmoid_stack_shows_a_vanishing_gradient() -> None:
    document = load(preset("sigmoide_profonde.json"))
    network = document.build_network()
    train, _ = document.build_dataset()
    assert set(document.activations) == {"sigmoid"}
    _, grad_weights, _ = network.gradients(train.X, train.Y)
    assert np.linalg.norm(grad_weights[0]) < np.linalg.norm(grad_weights[-1]) / 100


def test_multiclass_preset_uses_softmax_and_cross_entropy() -> None:
    document = load(preset("multiclasse.json"))
    train, _ = document.build_dataset()
    assert (document.activations[-1], document.loss) == ("softmax", "cross_entropy")
    assert train.task == "multiclass"
    assert train.n_targets == 3


def test_regression_presets_have_a_linear_output() -> None:
    for name in ("regression_sinus.json", "regression_plan.json"):
        document = load(preset(name))
        train, _ = document.build_dataset()
        assert train.task == "regression"
        assert document.activations[-1] == "linear"
