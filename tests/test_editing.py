"""Architecture edits keep every weight that still has a place and stay valid networks."""

import numpy as np
import pytest

from backprop_gui import editing
from backprop_gui.document import DatasetSpec, NetworkDocument, default_document
from backprop_gui.engine.datasets import make_dataset
from backprop_gui.engine.network import NetworkError


def document_with_weights() -> NetworkDocument:
    document = NetworkDocument([2, 3, 4, 1], ["tanh", "relu", "sigmoid"], seed=5)
    network = document.build_network()
    return document.with_parameters(network)


def test_add_hidden_layer_keeps_the_weights_before_it_and_the_output_biases():
    before = document_with_weights()
    after = editing.add_hidden_layer(before, 1)
    assert after.layer_sizes == [2, 3, 3, 4, 1]
    assert after.activations == ["tanh", "tanh", "relu", "sigmoid"]
    np.testing.assert_array_equal(after.weights[0], before.weights[0])
    np.testing.assert_array_equal(after.weights[3], before.weights[2])
    np.testing.assert_array_equal(after.biases[2], before.biases[1])
    assert [w.shape for w in after.weights] == [(3, 2), (3, 3), (4, 3), (1, 4)]
    after.build_network()


def test_remove_hidden_layer_connects_its_neighbours():
    before = document_with_weights()
    after = editing.remove_hidden_layer(before, 2)
    assert after.layer_sizes == [2, 3, 1]
    assert after.activations == ["tanh", "sigmoid"]
    np.testing.assert_array_equal(after.weights[0], before.weights[0])
    assert after.weights[1].shape == (1, 3)
    np.testing.assert_array_equal(after.biases[1], before.biases[2])


def test_add_then_remove_a_neuron_gives_back_the_same_weights():
    before = document_with_weights()
    grown = editing.add_neuron(before, 1)
    assert grown.layer_sizes == [2, 4, 4, 1]
    np.testing.assert_array_equal(grown.weights[0][:3], before.weights[0])
    np.testing.assert_array_equal(grown.weights[1][:, :3], before.weights[1])
    assert grown.biases[0][3] == 0.0
    shrunk = editing.remove_neuron(grown, 1, 3)
    for w_before, w_after in zip(before.weights, shrunk.weights, strict=True):
        np.testing.assert_array_equal(w_before, w_after)


def test_remove_neuron_deletes_its_row_and_column():
    before = document_with_weights()
    after = editing.remove_neuron(before, 2, 1)
    np.testing.assert_array_equal(after.weights[1], np.delete(before.weights[1], 1, axis=0))
    np.testing.assert_array_equal(after.weights[2], np.delete(before.weights[2], 1, axis=1))


def test_the_last_neuron_of_a_layer_and_input_neurons_cannot_be_removed():
    document = NetworkDocument([2, 1, 1], ["tanh", "sigmoid"])
    with pytest.raises(IndexError):
        editing.remove_neuron(document, 1, 0)
    with pytest.raises(IndexError):
        editing.remove_neuron(document_with_weights(), 0, 0)


def test_a_linear_output_switches_cross_entropy_to_squared_error():
    document = default_document()
    assert document.loss == "cross_entropy"
    edited = editing.set_activation(document, 2, "linear")
    assert edited.loss == "squared_error"
    edited.build_network()


def test_softmax_on_a_hidden_layer_is_refused_with_a_sentence():
    with pytest.raises(NetworkError, match="output layer"):
        editing.set_activation(document_with_weights(), 1, "softmax")


def test_a_network_too_big_is_refused_before_it_is_built():
    document = NetworkDocument([2, 1024, 1024, 1], ["tanh", "tanh", "sigmoid"])
    with pytest.raises(NetworkError):
        editing.add_hidden_layer(document, 2)


def test_fit_to_a_multiclass_data_set_gives_a_softmax_output_of_the_right_size():
    document = document_with_weights()
    blobs = make_dataset("blobs")
    document.dataset = DatasetSpec("blobs")
    fitted = editing.fit_to_dataset(document, blobs)
    assert fitted.layer_sizes[-1] == blobs.n_targets
    assert fitted.activations[-1] == "softmax"
    assert fitted.loss == "cross_entropy"
    np.testing.assert_array_equal(fitted.weights[0], document.weights[0])
    fitted.build_network()


def test_fit_to_a_one_input_regression_replaces_the_input_weights_and_the_sigmoid_output():
    document = document_with_weights()
    sine = make_dataset("sine")
    fitted = editing.fit_to_dataset(document, sine)
    assert fitted.layer_sizes[0] == 1
    assert fitted.weights[0].shape == (3, 1)
    assert fitted.activations[-1] == "linear"
    np.testing.assert_array_equal(fitted.weights[1], document.weights[1])


def test_a_clicked_point_joins_the_data_set_which_becomes_the_documents_own():
    document = default_document()
    train, test = document.build_dataset()
    edited = editing.add_point(document, train, test, 0.25, -0.5, 1)
    assert edited.dataset.name == "csv"
    new_train, new_test = edited.build_dataset()
    assert new_train.n_samples + new_test.n_samples == train.n_samples + test.n_samples + 1
    everything = np.vstack([new_train.X, new_test.X])
    assert ((everything == [0.25, -0.5]).all(axis=1)).sum() == 1


def test_removing_a_training_point_keeps_all_the_others():
    document = default_document()
    train, test = document.build_dataset()
    edited = editing.remove_point(document, train, test, 0)
    new_train, new_test = edited.build_dataset()
    assert new_train.n_samples + new_test.n_samples == train.n_samples + test.n_samples - 1
    assert not ((np.vstack([new_train.X, new_test.X]) == train.X[0]).all(axis=1)).any()
