"""Built-in data sets, the train/test split and CSV import (backprop_gui/engine/datasets.py)."""

from __future__ import annotations

import ast
import io
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backprop_gui.engine import datasets, limits
from backprop_gui.engine.datasets import (
    DATASETS,
    MAX_SEED,
    PLANE_SLOPES,
    TASKS,
    CsvError,
    CsvTable,
    Dataset,
    DatasetError,
    load_csv,
    make_dataset,
    read_csv_table,
    train_test_split,
)

NOISY = [name for name, info in DATASETS.items() if info.uses_noise]
PLANAR = [name for name, info in DATASETS.items() if info.n_features == 2]


def text(content: str) -> io.StringIO:
    return io.StringIO(content)


def numbered(n: int, n_features: int = 1) -> Dataset:
    """A regression set whose first input is the row number, so rows can be traced."""
    X = np.column_stack([np.arange(n, dtype=float)] * n_features)
    return Dataset(
        "numbered",
        X,
        np.arange(n, dtype=float).reshape(-1, 1),
        "regression",
        tuple(f"x{i}" for i in range(n_features)),
        ("y",),
    )


# --------------------------------------------------------------------------- built-in sets


@pytest.mark.parametrize("name", DATASETS)
def test_builtin_set_has_the_shapes_task_and_names_its_info_documents(name):
    info = DATASETS[name]
    dataset = make_dataset(name)

    assert dataset.name == name
    assert dataset.task == info.task in TASKS
    assert dataset.X.shape == (info.default_n_samples, info.n_features)
    assert dataset.Y.shape == (info.default_n_samples, info.n_targets)
    assert dataset.X.dtype == dataset.Y.dtype == np.float64
    assert len(dataset.feature_names) == info.n_features
    assert len(dataset.target_names) == info.n_targets
    assert np.all(np.isfinite(dataset.X))
    assert np.all(np.isfinite(dataset.Y))
    assert not dataset.X.flags.writeable
    assert not dataset.Y.flags.writeable


@pytest.mark.parametrize("name", DATASETS)
def test_builtin_set_is_bit_identical_for_the_same_seed(name):
    first = make_dataset(name, seed=7)
    second = make_dataset(name, seed=7)

    assert first.X.tobytes() == second.X.tobytes()
    assert first.Y.tobytes() == second.Y.tobytes()


@pytest.mark.parametrize("name", NOISY)
def test_builtin_set_changes_with_the_seed(name):
    assert not np.array_equal(make_dataset(name, seed=1).X, make_dataset(name, seed=2).X)


@pytest.mark.parametrize("name", NOISY)
def test_builtin_set_takes_the_requested_size_and_noise(name):
    calm = make_dataset(name, n_samples=60, noise=0.0, seed=3)
    noisy = make_dataset(name, n_samples=60, noise=0.5, seed=3)

    assert calm.n_samples == noisy.n_samples == 60
    assert not np.array_equal(calm.X, noisy.X) or not np.array_equal(calm.Y, noisy.Y)


def test_xor_4_is_exactly_the_truth_table_whatever_the_seed_and_noise():
    for seed, noise in ((0, None), (5, 1.0)):
        dataset = make_dataset("xor_4", noise=noise, seed=seed)
        np.testing.assert_array_equal(dataset.X, [[0, 0], [0, 1], [1, 0], [1, 1]])
        np.testing.assert_array_equal(dataset.Y, [[0], [1], [1], [0]])
        assert dataset.task == "binary"


@pytest.mark.parametrize("name", [n for n, info in DATASETS.items() if info.task == "binary"])
def test_binary_set_has_one_zero_one_column_with_balanced_classes(name):
    dataset = make_dataset(name, n_samples=101 if DATASETS[name].max_samples > 4 else None)

    assert set(np.unique(dataset.Y)) == {0.0, 1.0}
    counts = np.bincount(dataset.class_labels())
    assert abs(counts[0] - counts[1]) <= 1
    assert dataset.class_names == ("class 0", "class 1")


def test_blobs_are_three_balanced_one_hot_classes():
    dataset = make_dataset("blobs", n_samples=90)

    assert dataset.task == "multiclass"
    assert set(np.unique(dataset.Y)) == {0.0, 1.0}
    np.testing.assert_array_equal(dataset.Y.sum(axis=1), 1.0)
    np.testing.assert_array_equal(np.bincount(dataset.class_labels()), [30, 30, 30])


@pytest.mark.parametrize("name", [n for n in PLANAR if n != "xor_4"])
def test_planar_inputs_without_noise_lie_within_minus_one_one(name):
    dataset = make_dataset(name, noise=0.0) if DATASETS[name].uses_noise else make_dataset(name)
    if name in ("gaussians", "blobs"):  # Gaussian clusters have tails: most points inside
        assert np.mean(np.abs(dataset.X) <= 1.0) > 0.95
    else:
        assert np.all(np.abs(dataset.X) <= 1.0)


def test_circles_inner_disc_is_class_1_and_outer_ring_class_0():
    dataset = make_dataset("circles", noise=0.0)
    radius = np.hypot(dataset.X[:, 0], dataset.X[:, 1])
    inside = dataset.Y[:, 0] == 1.0

    assert np.all(radius[inside] <= 0.5)
    assert np.all((radius[~inside] >= 0.7) & (radius[~inside] <= 1.0))


def test_xor_cloud_is_class_1_where_the_coordinates_have_opposite_signs():
    dataset = make_dataset("xor", noise=0.0)

    np.testing.assert_array_equal(dataset.Y[:, 0], dataset.X[:, 0] * dataset.X[:, 1] < 0)


def test_plane_without_noise_is_the_documented_linear_function():
    dataset = make_dataset("plane", noise=0.0)

    np.testing.assert_allclose(dataset.Y[:, 0], dataset.X @ np.array(PLANE_SLOPES), atol=1e-12)
    assert dataset.task == "regression"


def test_sine_without_noise_is_sin_x_on_minus_pi_pi():
    dataset = make_dataset("sine", noise=0.0)

    assert dataset.X.shape[1] == 1
    assert np.all(np.abs(dataset.X) <= np.pi)
    np.testing.assert_allclose(dataset.Y, np.sin(dataset.X), atol=1e-12)


def test_regression_noise_is_the_standard_deviation_of_the_target_jitter():
    calm = make_dataset("plane", n_samples=4000, noise=0.0, seed=4)
    noisy = make_dataset("plane", n_samples=4000, noise=0.3, seed=4)

    residual = noisy.Y[:, 0] - noisy.X @ np.array(PLANE_SLOPES)
    assert np.std(residual) == pytest.approx(0.3, rel=0.05)
    assert np.std(calm.Y[:, 0] - calm.X @ np.array(PLANE_SLOPES)) < 1e-12


@pytest.mark.parametrize(
    ("kwargs", "shown"),
    [
        ({"name": "nope"}, "nope"),
        ({"name": "xor", "n_samples": 0}, "0"),
        ({"name": "xor", "n_samples": 3}, "3"),  # fewer than the four quarters
        ({"name": "xor", "n_samples": limits.MAX_SAMPLES + 1}, str(limits.MAX_SAMPLES + 1)),
        ({"name": "xor", "n_samples": 2.5}, "2.5"),
        ({"name": "xor", "n_samples": True}, "True"),
        ({"name": "xor_4", "n_samples": 8}, "8"),
        ({"name": "xor", "noise": -0.1}, "-0.1"),
        ({"name": "xor", "noise": 1.5}, "1.5"),
        ({"name": "xor", "noise": math.nan}, "nan"),
        ({"name": "xor", "noise": math.inf}, "inf"),
        ({"name": "xor", "noise": "0.1"}, "0.1"),
        ({"name": "xor", "seed": -1}, "-1"),
        ({"name": "xor", "seed": MAX_SEED + 1}, str(MAX_SEED + 1)),
        ({"name": "xor", "seed": 1.0}, "1.0"),
    ],
)
def test_make_dataset_refuses_bad_parameters_naming_the_value(kwargs, shown):
    with pytest.raises(DatasetError) as excinfo:
        make_dataset(**kwargs)

    assert shown in str(excinfo.value)


def test_make_dataset_accepts_the_extreme_sizes_and_noises():
    assert make_dataset("xor", n_samples=4, noise=1.0).n_samples == 4
    assert make_dataset("sine", n_samples=1, noise=0).n_samples == 1
    assert make_dataset("circles", n_samples=np.int64(2), seed=MAX_SEED).n_samples == 2


def test_every_builtin_title_and_description_is_marked_for_translation():
    tree = ast.parse(Path(datasets.__file__).read_text(encoding="utf-8"))
    marked = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
        and node.args[0].value == "Dataset"
    }
    for info in DATASETS.values():
        assert info.title in marked
        assert info.description in marked


# --------------------------------------------------------------------------- the Dataset type


def test_dataset_owns_read_only_copies_of_its_arrays():
    X = np.zeros((2, 1))
    dataset = Dataset("d", X, np.ones((2, 1)), "regression", ("x",), ("y",))
    X[0, 0] = 5.0

    assert dataset.X[0, 0] == 0.0
    with pytest.raises(ValueError, match="read-only"):
        dataset.X[0, 0] = 1.0


@pytest.mark.parametrize(
    ("X", "Y", "task", "features", "targets"),
    [
        (np.zeros((2, 1)), np.zeros((3, 1)), "regression", ("x",), ("y",)),
        (np.zeros(2), np.zeros((2, 1)), "regression", ("x",), ("y",)),
        (np.zeros((2, 0)), np.zeros((2, 1)), "regression", (), ("y",)),
        (np.array([[np.nan], [0]]), np.zeros((2, 1)), "regression", ("x",), ("y",)),
        (np.zeros((2, 1)), np.array([[0.5], [1]]), "binary", ("x",), ("y",)),
        (np.zeros((2, 1)), np.array([[1, 1], [0, 1]]), "multiclass", ("x",), ("a", "b")),
        (np.zeros((2, 1)), np.zeros((2, 1)), "clustering", ("x",), ("y",)),
        (np.zeros((2, 1)), np.zeros((2, 1)), "regression", ("x", "z"), ("y",)),
        ([["a"], ["b"]], np.zeros((2, 1)), "regression", ("x",), ("y",)),
    ],
)
def test_dataset_refuses_inconsistent_contents(X, Y, task, features, targets):
    with pytest.raises(DatasetError):
        Dataset("d", X, Y, task, features, targets)


def test_class_labels_read_binary_and_one_hot_targets_and_refuse_regression():
    binary = Dataset("b", np.zeros((3, 1)), [[0], [1], [1]], "binary", ("x",), ("c",))
    multi = Dataset(
        "m", np.zeros((2, 1)), [[0, 0, 1], [1, 0, 0]], "multiclass", ("x",), ("a", "b", "c")
    )

    np.testing.assert_array_equal(binary.class_labels(), [0, 1, 1])
    np.testing.assert_array_equal(multi.class_labels(), [2, 0])
    with pytest.raises(DatasetError):
        numbered(3).class_labels()


def test_subset_takes_the_rows_in_the_given_order_and_keeps_the_names():
    dataset = make_dataset("blobs", n_samples=9)
    part = dataset.subset([4, 1])

    np.testing.assert_array_equal(part.X, dataset.X[[4, 1]])
    np.testing.assert_array_equal(part.Y, dataset.Y[[4, 1]])
    assert (part.name, part.task, part.feature_names, part.target_names, part.class_names) == (
        dataset.name,
        dataset.task,
        dataset.feature_names,
        dataset.target_names,
        dataset.class_names,
    )
    assert dataset.subset([]).X.shape == (0, 2)


# --------------------------------------------------------------------------- train/test split


@pytest.mark.parametrize(("fraction", "n_test"), [(0.0, 0), (0.25, 25), (0.5, 50), (0.9, 90)])
def test_split_sizes_are_disjoint_and_cover_every_sample(fraction, n_test):
    train, test = train_test_split(numbered(100, n_features=2), fraction, seed=1)

    assert test.n_samples == n_test
    assert train.n_samples == 100 - n_test
    rows = np.concatenate([train.X[:, 0], test.X[:, 0]])
    np.testing.assert_array_equal(np.sort(rows), np.arange(100))
    assert test.X.shape == (n_test, 2)
    assert test.Y.shape == (n_test, 1)


def test_split_is_deterministic_per_seed_and_changes_with_it():
    dataset = numbered(50)
    first = train_test_split(dataset, 0.3, seed=4)[1].X
    again = train_test_split(dataset, 0.3, seed=4)[1].X
    other = train_test_split(dataset, 0.3, seed=5)[1].X

    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_split_keeps_the_order_of_the_data_set():
    train, test = train_test_split(numbered(40), 0.5, seed=2)

    assert np.all(np.diff(train.X[:, 0]) > 0)
    assert np.all(np.diff(test.X[:, 0]) > 0)


def test_split_always_leaves_a_training_sample():
    assert train_test_split(numbered(1), 0.9)[0].n_samples == 1
    assert train_test_split(numbered(2), 0.9)[0].n_samples == 1


@pytest.mark.parametrize("fraction", [-0.1, 0.95, 1.0, math.nan, "0.2", None])
def test_split_refuses_a_fraction_outside_zero_to_nine_tenths(fraction):
    with pytest.raises(DatasetError):
        train_test_split(numbered(10), fraction)


# --------------------------------------------------------------------------- CSV: reading


def test_csv_with_commas_loads_inputs_and_a_regression_target():
    dataset = load_csv(text("age,height,weight\n10,1.40,35.5\n12,1.52,41\n"), ["weight"])

    assert dataset.name == "csv"
    assert dataset.feature_names == ("age", "height")
    assert dataset.target_names == ("weight",)
    assert dataset.task == "regression"
    np.testing.assert_array_equal(dataset.X, [[10, 1.40], [12, 1.52]])
    np.testing.assert_array_equal(dataset.Y, [[35.5], [41.0]])


def test_csv_target_by_index_is_the_same_as_by_name():
    content = "a,b,c\n1,2,3\n4,5,6.5\n"
    by_name = load_csv(text(content), ["b"])
    by_index = load_csv(text(content), [1])
    bare = load_csv(text(content), "b")

    for dataset in (by_index, bare):
        np.testing.assert_array_equal(dataset.X, by_name.X)
        np.testing.assert_array_equal(dataset.Y, by_name.Y)
    assert by_name.feature_names == ("a", "c")


def test_csv_several_targets_of_real_numbers_are_a_regression():
    dataset = load_csv(text("x,y1,y2\n1,0.5,2\n2,1.5,3\n"), ["y1", "y2"])

    assert dataset.task == "regression"
    assert dataset.target_names == ("y1", "y2")
    np.testing.assert_array_equal(dataset.Y, [[0.5, 2], [1.5, 3]])
    huge = load_csv(text("x,y1,y2\n1,1e308,1e308\n"), ["y1", "y2"])
    assert huge.task == "regression"


def test_french_excel_csv_with_semicolons_and_decimal_commas_loads():
    dataset = load_csv(text("taille;poids;note\n1,52;41,5;12,25\n1,6;50;-3,5e1\n"), ["note"])

    np.testing.assert_array_equal(dataset.X, [[1.52, 41.5], [1.6, 50]])
    np.testing.assert_array_equal(dataset.Y, [[12.25], [-35.0]])


def test_tab_separated_csv_loads_with_decimal_commas():
    dataset = load_csv(text("x\ty\n1,5\t2\n3\t4.5\n"), ["y"])

    np.testing.assert_array_equal(dataset.X, [[1.5], [3]])
    np.testing.assert_array_equal(dataset.Y, [[2], [4.5]])


def test_single_column_of_decimal_commas_is_not_split_on_its_commas():
    table = read_csv_table(text("y\n3,5\n4\n"))

    assert table.columns == ("y",)
    assert table.decimal_comma


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("cp1252", "cp1252"), ("utf-16", "utf-16")],
)
def test_csv_file_is_decoded_from_utf8_windows_1252_or_utf16(tmp_path, encoding, expected):
    path = tmp_path / "élèves.csv"
    path.write_bytes("âge;poids\n12;41,5\n13;45\n".encode(encoding))

    dataset = load_csv(path, ["poids"])
    table = read_csv_table(str(path))

    assert dataset.feature_names == ("âge",)
    np.testing.assert_array_equal(dataset.Y, [[41.5], [45]])
    assert table.encoding == expected


def test_csv_from_a_binary_stream_is_decoded_like_a_file():
    dataset = load_csv(io.BytesIO("x,é\n1,2.5\n3,4\n".encode("cp1252")), ["é"])

    np.testing.assert_array_equal(dataset.Y, [[2.5], [4]])


def test_csv_skips_blank_lines_and_strips_spaces_around_names_and_numbers():
    dataset = load_csv(text("\n a , b \n\n 1 , 2 \n,\n3,4\n\n"), [" b"])

    assert dataset.feature_names == ("a",)
    np.testing.assert_array_equal(dataset.X, [[1], [3]])


def test_standardised_inputs_have_zero_mean_and_unit_deviation_and_constants_become_zero():
    content = "a,b,c,y\n1,10,7,0\n2,20,7,1\n3,60,7,0\n4,30,7,1\n"
    raw = load_csv(text(content), ["y"])
    scaled = load_csv(text(content), ["y"], standardize=True)

    np.testing.assert_array_equal(raw.X[:, 0], [1, 2, 3, 4])
    np.testing.assert_allclose(scaled.X[:, :2].mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(scaled.X[:, :2].std(axis=0), 1.0)
    np.testing.assert_array_equal(scaled.X[:, 2], 0.0)
    np.testing.assert_array_equal(scaled.Y, raw.Y)


def test_standardising_numbers_too_large_names_the_column():
    with pytest.raises(CsvError, match='"big"'):
        load_csv(text("big,y\n1e308,0\n-1e308,1\n1e308,0\n"), ["y"], standardize=True)


# --------------------------------------------------------------------------- CSV: task detection


def test_two_whole_numbers_make_a_binary_target_in_sorted_order():
    dataset = load_csv(text("x,y\n1,4\n2,2\n3,4\n"), ["y"])

    assert dataset.task == "binary"
    np.testing.assert_array_equal(dataset.Y, [[1], [0], [1]])
    assert dataset.class_names == ("2", "4")
    assert dataset.target_names == ("y",)


def test_three_to_twenty_whole_numbers_make_a_one_hot_multiclass_target():
    dataset = load_csv(text("x,digit\n0,7\n1,3\n2,9\n3,3\n"), ["digit"])

    assert dataset.task == "multiclass"
    np.testing.assert_array_equal(dataset.Y, [[0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 0, 0]])
    assert dataset.class_names == ("3", "7", "9")
    assert dataset.target_names == ("digit = 3", "digit = 7", "digit = 9")


def test_real_numbers_or_more_than_twenty_whole_numbers_make_a_regression_target():
    many = "x,y\n" + "".join(f"{i},{i}\n" for i in range(21))

    assert load_csv(text("x,y\n1,0.5\n2,1.5\n"), ["y"]).task == "regression"
    assert load_csv(text(many), ["y"]).task == "regression"


def test_words_in_the_target_column_are_class_names():
    binary = load_csv(text("x;réussi\n1;oui\n2;non\n3;oui\n"), ["réussi"])
    iris = load_csv(text("l,species\n1,setosa\n2,virginica\n3,versicolor\n"), ["species"])

    assert binary.task == "binary"
    assert binary.class_names == ("non", "oui")
    np.testing.assert_array_equal(binary.Y, [[1], [0], [1]])
    assert iris.task == "multiclass"
    assert iris.class_names == ("setosa", "versicolor", "virginica")
    np.testing.assert_array_equal(iris.class_labels(), [0, 2, 1])


def test_several_one_hot_target_columns_make_a_multiclass_target():
    dataset = load_csv(text("x,cat,dog\n1,1,0\n2,0,1\n"), ["cat", "dog"])

    assert dataset.task == "multiclass"
    assert dataset.class_names == ("cat", "dog")
    np.testing.assert_array_equal(dataset.class_labels(), [0, 1])


def test_a_forced_task_overrides_the_detection():
    content = "x,y\n1,0.5\n2,1.5\n3,0.5\n"
    assert load_csv(text("x,y\n1,0\n2,1\n"), ["y"], task="regression").task == "regression"
    binary = load_csv(text(content), ["y"], task="binary")
    two_classes = load_csv(text(content), ["y"], task="multiclass")

    assert binary.class_names == ("0.5", "1.5")
    np.testing.assert_array_equal(binary.Y, [[0], [1], [0]])
    assert two_classes.Y.shape == (3, 2)


@pytest.mark.parametrize(
    ("content", "targets", "task", "expected"),
    [
        ("x,y\n1,1\n2,2\n3,3\n", ["y"], "binary", '"y" holds 3 different values'),
        ("x,y,z\n1,0,1\n2,1,0\n", ["y", "z"], "binary", "2 were chosen"),
        ("x,y,z\n1,0,1\n2,1,1\n", ["y", "z"], "multiclass", "Row 3"),
        ("x,y\n1,a\n2,b\n", ["y"], "regression", 'Row 2, column "y": "a" is not a number'),
        ("x,y\n1,a\n2,a\n", ["y"], None, '"y" holds 1 different values'),
    ],
)
def test_a_target_that_cannot_have_the_task_is_refused(content, targets, task, expected):
    with pytest.raises(CsvError, match=expected):
        load_csv(text(content), targets, task=task)


def test_too_many_words_for_a_class_column_is_refused():
    content = "x,y\n" + "".join(f"{i},w{i}\n" for i in range(21))

    with pytest.raises(CsvError, match='"y" holds 21 different values'):
        load_csv(text(content), ["y"])


def test_an_unknown_task_is_a_parameter_error():
    with pytest.raises(DatasetError) as excinfo:
        load_csv(text("x,y\n1,2\n"), ["y"], task="clustering")

    assert not isinstance(excinfo.value, CsvError)


# --------------------------------------------------------------------------- CSV: errors


@pytest.mark.parametrize(
    ("content", "targets", "expected"),
    [
        ("", ["y"], "The file is empty."),
        ("\n \n,,\n", ["y"], "The file is empty."),
        ("x,y\n", ["y"], "The file has a header row but no data rows."),
        ("x,y\n\n\n", ["y"], "The file has a header row but no data rows."),
        ("x,,y\n1,2,3\n", ["y"], "Row 1 is the header, but column B has no name there."),
        ("x,y,x\n1,2,3\n", ["y"], 'Row 1 is the header, and it names two columns "x" (A and C).'),
        ("x,y\n1,2\n\n3,4,5\n", ["y"], "Row 4 has 3 fields, but the header (row 1) has 2."),
        ("x,y\n1,2\n3\n", ["y"], "Row 3 has 1 fields, but the header (row 1) has 2."),
        ("x,y\n1,2\n ,4\n", ["y"], 'Row 3, column "x": the value is missing.'),
        ("x,y\n1,2\n3,\n", ["y"], 'Row 3, column "y": the value is missing.'),
        ("age,y\nabc,2\n", ["y"], 'Row 2, column "age": "abc" is not a number.'),
        ("age,y\n1_000,2\n", ["y"], 'Row 2, column "age": "1_000" is not a number.'),
        ("age,y\n1.2.3,2\n", ["y"], 'Row 2, column "age": "1.2.3" is not a number.'),
        ("a;y\n1,2,3;2\n", ["y"], 'Row 2, column "a": "1,2,3" is not a number.'),
        ("x,y\n1,2\n2,oui\n", ["y"], 'Row 3, column "y": "oui" is not a number.'),
        ("x,y,z\n1,2,a\n", ["y", "z"], 'Row 2, column "z": "a" is not a number.'),
        ("x,y\nnan,2\n", ["y"], 'Row 2, column "x": "nan" is not a finite number.'),
        ("x,y\n1,-Inf\n", ["y"], 'Row 2, column "y": "-Inf" is not a finite number.'),
        ("x,y\n1,2\n1e999,2\n", ["y"], 'Row 3, column "x": "1e999" is not a finite number.'),
        ('x,y\n"1\n",2\nz,3\n', ["y"], 'Row 3, column "x": "z" is not a number.'),
        ("x,y\n1,2\n", ["z"], 'There is no column "z"; the columns are "x", "y".'),
        ("x,y\n1,2\n", [2], "There is no column number 2: the columns are numbered from 0 to 1."),
        ("x,y\n1,2\n", [-1], "There is no column number -1"),
        ("x,y\n1,2\n", ["x", "y"], "Every column is a target"),
        ("x,y,z\n1,2,3\n", ["y", 1], 'Column "y" is chosen twice as a target.'),
        ("x,y\n1,2\n", [], "Choose at least one target column."),
        ("x,y\n" + "9" * 200_000 + ",1\n", ["y"], "Row 2 cannot be read as CSV"),
    ],
)
def test_each_csv_problem_is_one_sentence_naming_the_row_and_column(content, targets, expected):
    with pytest.raises(CsvError) as excinfo:
        load_csv(text(content), targets)

    assert expected in str(excinfo.value)


def test_the_row_count_limit_stops_reading_at_the_first_row_too_many(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SAMPLES", 3)
    assert load_csv(text("x,y\n1,1\n2,2\n3,3\n"), ["y"]).n_samples == 3

    # Row 6 is ragged, but reading stops at row 5, the fourth data row.
    with pytest.raises(CsvError, match="more than 3 data rows"):
        load_csv(text("x,y\n1,1\n2,2\n3,3\n4,4\n5\n"), ["y"])


def test_too_many_columns_are_refused_from_the_header(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FEATURES", 3)

    with pytest.raises(CsvError, match="Row 1 names 4 columns; at most 3"):
        read_csv_table(text("a,b,c,d\n1,2,3,4\n"))


def test_a_file_too_large_is_refused_before_it_is_read(monkeypatch, tmp_path):
    monkeypatch.setattr(limits, "MAX_CSV_BYTES", 100)
    path = tmp_path / "big.csv"
    path.write_text("x,y\n" + "1,2\n" * 40)

    with pytest.raises(CsvError, match="larger than"):
        load_csv(path, ["y"])
    with pytest.raises(CsvError, match="larger than"):
        read_csv_table(io.StringIO(path.read_text()))


def test_bytes_that_are_not_text_name_the_byte():
    with pytest.raises(CsvError, match="byte 0x81 at position 6"):
        load_csv(io.BytesIO(b"x,y\n1,\x81\n"), ["y"])


def test_a_binary_file_is_refused_as_not_csv(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")

    with pytest.raises(CsvError, match="binary data"):
        read_csv_table(path)


def test_a_missing_file_or_a_folder_is_a_csv_error(tmp_path):
    with pytest.raises(CsvError, match="cannot be read"):
        load_csv(tmp_path / "absent.csv", ["y"])
    with pytest.raises(CsvError, match="cannot be read"):
        read_csv_table(tmp_path)


# --------------------------------------------------------------------------- CSV: preview


def test_table_preview_shows_columns_first_rows_and_the_row_count_as_text():
    content = "nom;âge;ville\n" + "".join(f"élève {i};{i},5;Lyon\n" for i in range(30))
    table = read_csv_table(text(content), max_rows=5)

    assert isinstance(table, CsvTable)
    assert table.columns == ("nom", "âge", "ville")
    assert table.rows[0] == ("élève 0", "0,5", "Lyon")
    assert len(table.rows) == 5
    assert table.n_rows == 30
    assert table.delimiter == ";"
    assert table.decimal_comma


def test_table_preview_checks_structure_but_not_numbers():
    assert read_csv_table(text("a,b\nx,\n")).rows == (("x", ""),)
    with pytest.raises(CsvError, match="Row 3 has 1 fields"):
        read_csv_table(text("a,b\nx,y\nz\n"))
    with pytest.raises(CsvError, match="no data rows"):
        read_csv_table(text("a,b\n"))


# --------------------------------------------------------------------------- CSV: fuzzing

COLUMN_KINDS = {
    "real": ["0.5", "-3e2", "1", ".25", "2,5", " 7 ", "+4."],
    "whole": ["0", "1", "2", "1", "0"],
    "word": ["oui", "non", "peut-être", "non"],
    "one-hot": ["0", "1"],
}
BAD_CELLS = ["", " ", "nan", "-inf", "1e999", "abc", "1_0", "٣", '"4"', '"x,y"', "1,2,3", "\x00"]


@st.composite
def csv_texts(draw) -> str:
    """Tables that mostly load, with now and then a bad cell, a bad name or a ragged row."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    n_columns = draw(st.integers(1, 4))
    names = list(draw(st.permutations(["a", "b", "x", "y"])))[:n_columns]
    if draw(st.integers(0, 9)) == 0:
        names[-1] = draw(st.sampled_from(["", names[0], " "]))
    kinds = [draw(st.sampled_from(sorted(COLUMN_KINDS))) for _ in names]
    rows = [names]
    for _ in range(draw(st.integers(0, 6))):
        width = n_columns if draw(st.integers(0, 19)) else draw(st.integers(0, n_columns + 1))
        rows.append(
            [
                draw(st.sampled_from(BAD_CELLS))
                if draw(st.integers(0, 19)) == 0
                else draw(st.sampled_from(COLUMN_KINDS[kinds[min(i, n_columns - 1)]]))
                for i in range(width)
            ]
        )
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(delimiter.join(row) for row in rows)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.one_of(
        csv_texts(),
        st.text(max_size=200),
        st.text(alphabet=',;\t\n\r" .-+eE0123456789naifxy\x00é', max_size=200),
    ),
    targets=st.sampled_from([["y"], [0], [1], ["a", "b"], [0, 2], "x"]),
    standardize=st.booleans(),
    task=st.sampled_from([None, "binary", "multiclass", "regression"]),
)
def test_any_text_loads_or_fails_with_a_csv_error(content, targets, standardize, task):
    try:
        dataset = load_csv(io.StringIO(content), targets, standardize=standardize, task=task)
    except CsvError:
        return
    assert dataset.task in TASKS
    assert dataset.X.shape[0] == dataset.Y.shape[0] >= 1
    assert np.all(np.isfinite(dataset.X))
    assert np.all(np.isfinite(dataset.Y))
    assert task is None or dataset.task == task


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300), targets=st.sampled_from([["y"], [0], [1]]))
def test_any_bytes_load_or_fail_with_a_csv_error(data, targets):
    try:
        read_csv_table(io.BytesIO(data))
        load_csv(io.BytesIO(data), targets)
    except CsvError:
        pass
