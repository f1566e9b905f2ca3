"""CSV import: a spreadsheet export turned into a Dataset, or one clear sentence saying why not.

Import is defensive, since a spreadsheet export can hold anything: every problem comes back as
one :class:`CsvError` sentence naming the row (numbered as a spreadsheet shows it, the header
being row 1) and the column. Bytes are decoded as UTF-8 (with or without BOM), else as
Windows-1252 (what a French Excel saves as "CSV"), or as UTF-16 when they start with its BOM
(Excel's "Unicode text").
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import math
import os
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO

import numpy as np

from backprop_gui.engine import limits
from backprop_gui.engine.datasets import (
    MAX_CLASSES,
    TASKS,
    Dataset,
    DatasetError,
    _dataset_error,
    _is_whole,
    _shorten,
)
from backprop_gui.messages import QT_TRANSLATE_NOOP, Message


class CsvError(DatasetError):
    """A CSV file that cannot be imported; the message names the row and the column."""


def _csv_error(template: str, **params: object) -> CsvError:
    return CsvError(Message("CsvImport", template, **params))


@dataclass(frozen=True)
class CsvTable:
    """A CSV file as text, for a preview: its column names, first rows and data-row count."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    n_rows: int
    delimiter: str
    decimal_comma: bool
    encoding: str
    """"utf-8", "cp1252" or "utf-16"; for a text stream, its own encoding or ""."""


_DELIMITERS = (",", ";", "\t")
_DELIMITERS_AND_SPACES = ",;\t "
_SAMPLE_CHARS = 64 * 1024
_SAMPLE_LINES = 20
_NUMBER_CHARS = "0123456789+-.eE"
_NON_FINITE_WORDS = frozenset({"nan", "inf", "infinity"})


def _column_letter(index: int) -> str:
    """The spreadsheet name of column ``index`` (0-based): A, B, ..., Z, AA, AB..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _too_big() -> CsvError:
    return _csv_error(
        QT_TRANSLATE_NOOP("CsvImport", "The file is larger than {max} MB; it cannot be imported."),
        max=limits.MAX_CSV_BYTES // (1024 * 1024),
    )


def _not_text(error: UnicodeDecodeError) -> CsvError:
    return _csv_error(
        QT_TRANSLATE_NOOP(
            "CsvImport",
            "The file is not text: byte {byte} at position {position} cannot be decoded.",
        ),
        byte=f"0x{error.object[error.start]:02X}",
        position=error.start,
    )


def _binary_file() -> CsvError:
    return _csv_error(
        QT_TRANSLATE_NOOP(
            "CsvImport",
            "The file is not a CSV text file (it holds binary data). "
            "From a spreadsheet, save it as CSV first.",
        )
    )


def _read_text(source: object) -> tuple[str, str]:
    """The text of ``source`` and its encoding, never reading more than the size limit."""
    limit = limits.MAX_CSV_BYTES
    try:
        if hasattr(source, "read"):
            data = source.read(limit + 1)
        else:
            path = os.fspath(source)  # anything else is a programming error: TypeError
            if os.stat(path).st_size > limit:
                raise _too_big()
            with open(path, "rb") as file:
                data = file.read(limit + 1)
    except CsvError:
        raise
    except UnicodeDecodeError as error:
        raise _not_text(error) from error
    except (OSError, ValueError) as error:
        raise _csv_error(
            QT_TRANSLATE_NOOP("CsvImport", "The file cannot be read: {reason}."),
            reason=getattr(error, "strerror", None) or str(error),
        ) from error
    if len(data) > limit:
        raise _too_big()
    if isinstance(data, (bytes, bytearray)):
        text, encoding = _decode(bytes(data))
    elif isinstance(data, str):
        text, encoding = data, getattr(source, "encoding", None) or ""
    else:
        raise TypeError(f"read() returned {type(data).__name__}, not str or bytes")
    if "\x00" in text:
        raise _binary_file()
    return text.removeprefix("\ufeff"), encoding


def _decode(data: bytes) -> tuple[str, str]:
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "utf-16"
        if b"\x00" in data:
            raise _binary_file()
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise _not_text(error) from error


def _filled(fields: list[str]) -> bool:
    """Whether a record holds something: ",," alone is a blank row whatever the delimiter."""
    return any(field.strip().strip(_DELIMITERS_AND_SPACES) for field in fields)


def _detect_delimiter(text: str) -> str:
    """The delimiter that splits the header into the most columns; on a tie, the one that
    splits the next lines into as many ("y" then "3,5" is one column of 3.5, split by ";").
    """
    lines = list(itertools.islice(io.StringIO(text[:_SAMPLE_CHARS], newline=""), _SAMPLE_LINES))
    if len(text) > _SAMPLE_CHARS and lines and not lines[-1].endswith(("\n", "\r")):
        lines.pop()  # cut in the middle by the sample's end
    best, best_score = _DELIMITERS[0], (0, False)
    for delimiter in _DELIMITERS:
        try:
            records = [
                fields for fields in csv.reader(lines, delimiter=delimiter) if _filled(fields)
            ]
        except csv.Error:
            continue
        if not records:
            continue
        width = len(records[0])
        score = (width, all(len(fields) == width for fields in records))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(row, fields) of each non-blank record; rows count from 1 and include blank ones."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in itertools.count(1):
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _csv_error(
                QT_TRANSLATE_NOOP("CsvImport", "Row {row} cannot be read as CSV ({reason})."),
                row=row,
                reason=str(error),
            ) from error
        if _filled(fields):
            yield row, fields


@dataclass(frozen=True)
class _Table:
    """A CSV text opened: checked header, and its data rows checked one by one as they are read."""

    columns: tuple[str, ...]
    rows: Iterator[tuple[int, list[str]]]
    delimiter: str
    encoding: str

    @property
    def decimal_comma(self) -> bool:
        # Where "," is not the delimiter, a French export writes 3,5 for 3.5.
        return self.delimiter != ","


def _open_table(source: object) -> _Table:
    text, encoding = _read_text(source)
    delimiter = _detect_delimiter(text)
    records = _records(text, delimiter)
    first = next(records, None)
    if first is None:
        raise _csv_error(QT_TRANSLATE_NOOP("CsvImport", "The file is empty."))
    header_row, header = first
    columns = _check_header(header_row, header)
    return _Table(columns, _data_rows(records, header_row, columns), delimiter, encoding)


def _check_header(row: int, header: list[str]) -> tuple[str, ...]:
    if len(header) > limits.MAX_FEATURES:
        raise _csv_error(
            QT_TRANSLATE_NOOP(
                "CsvImport", "Row {row} names {count} columns; at most {max} can be imported."
            ),
            row=row,
            count=len(header),
            max=limits.MAX_FEATURES,
        )
    columns = tuple(name.strip() for name in header)
    seen: dict[str, int] = {}
    for index, name in enumerate(columns):
        if not name:
            raise _csv_error(
                QT_TRANSLATE_NOOP(
                    "CsvImport",
                    "Row {row} is the header, but column {letter} has no name there.",
                ),
                row=row,
                letter=_column_letter(index),
            )
        if name in seen:
            raise _csv_error(
                QT_TRANSLATE_NOOP(
                    "CsvImport",
                    'Row {row} is the header, and it names two columns "{column}" '
                    "({first} and {second}).",
                ),
                row=row,
                column=_shorten(name),
                first=_column_letter(seen[name]),
                second=_column_letter(index),
            )
        seen[name] = index
    return columns


def _data_rows(
    records: Iterator[tuple[int, list[str]]], header_row: int, columns: tuple[str, ...]
) -> Iterator[tuple[int, list[str]]]:
    count = 0
    for row, fields in records:
        if len(fields) != len(columns):
            raise _csv_error(
                QT_TRANSLATE_NOOP(
                    "CsvImport",
                    "Row {row} has {count} fields, "
                    "but the header (row {header_row}) has {expected}.",
                ),
                row=row,
                count=len(fields),
                header_row=header_row,
                expected=len(columns),
            )
        count += 1
        if count > limits.MAX_SAMPLES:
            raise _csv_error(
                QT_TRANSLATE_NOOP(
                    "CsvImport", "The file has more than {max} data rows; it cannot be imported."
                ),
                max=limits.MAX_SAMPLES,
            )
        yield row, fields
    if count == 0:
        raise _csv_error(
            QT_TRANSLATE_NOOP("CsvImport", "The file has a header row but no data rows.")
        )


def read_csv_table(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], max_rows: int = 20
) -> CsvTable:
    """The columns, first ``max_rows`` rows and row count of a CSV file, for a preview.

    Reads the whole file and checks its structure as :func:`load_csv` does, without
    converting any number. ``source`` is a path or an open file (text or binary).
    """
    table = _open_table(source)
    preview: list[tuple[str, ...]] = []
    n_rows = 0
    for _row, fields in table.rows:
        n_rows += 1
        if len(preview) < max_rows:
            preview.append(tuple(fields))
    return CsvTable(
        table.columns, tuple(preview), n_rows, table.delimiter, table.decimal_comma, table.encoding
    )


def _parse_number(cell: str, decimal_comma: bool) -> float | None:
    """The number written in ``cell`` (nan or inf included), or None when it is not one.

    Stricter than ``float()``, which also reads "1_000" and non-ASCII digits.
    """
    text = cell.strip()
    if decimal_comma and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if text and not text.strip(_NUMBER_CHARS):
        try:
            return float(text)
        except ValueError:
            return None
    unsigned = text[1:] if text.startswith(("+", "-")) else text
    return math.nan if unsigned.lower() in _NON_FINITE_WORDS else None


def _missing(row: int, column: str) -> CsvError:
    return _csv_error(
        QT_TRANSLATE_NOOP("CsvImport", 'Row {row}, column "{column}": the value is missing.'),
        row=row,
        column=_shorten(column),
    )


def _not_a_number(row: int, column: str, cell: str) -> CsvError:
    return _csv_error(
        QT_TRANSLATE_NOOP("CsvImport", 'Row {row}, column "{column}": "{value}" is not a number.'),
        row=row,
        column=_shorten(column),
        value=_shorten(cell.strip()),
    )


def _not_finite(row: int, column: str, cell: str) -> CsvError:
    return _csv_error(
        QT_TRANSLATE_NOOP(
            "CsvImport", 'Row {row}, column "{column}": "{value}" is not a finite number.'
        ),
        row=row,
        column=_shorten(column),
        value=_shorten(cell.strip()),
    )


def _cell_value(cell: str, row: int, column: str, decimal_comma: bool) -> float:
    if not cell.strip():
        raise _missing(row, column)
    value = _parse_number(cell, decimal_comma)
    if value is None:
        raise _not_a_number(row, column, cell)
    if not math.isfinite(value):
        raise _not_finite(row, column, cell)
    return value


def _target_indices(
    columns: tuple[str, ...], target_columns: Sequence[str | int] | str | int
) -> list[int]:
    chosen = [target_columns] if isinstance(target_columns, (str, int)) else list(target_columns)
    if not chosen:
        raise _csv_error(QT_TRANSLATE_NOOP("CsvImport", "Choose at least one target column."))
    indices: list[int] = []
    for column in chosen:
        if isinstance(column, str):
            name = column.strip()
            if name not in columns:
                raise _csv_error(
                    QT_TRANSLATE_NOOP(
                        "CsvImport", 'There is no column "{column}"; the columns are {columns}.'
                    ),
                    column=_shorten(name),
                    columns=_shorten(", ".join(f'"{c}"' for c in columns), 200),
                )
            index = columns.index(name)
        elif _is_whole(column):
            index = int(column)
            if not 0 <= index < len(columns):
                raise _csv_error(
                    QT_TRANSLATE_NOOP(
                        "CsvImport",
                        "There is no column number {index}: the columns are numbered "
                        "from 0 to {last}.",
                    ),
                    index=index,
                    last=len(columns) - 1,
                )
        else:
            raise TypeError(f"a target column is a name or an index, not {column!r}")
        if index in indices:
            raise _csv_error(
                QT_TRANSLATE_NOOP("CsvImport", 'Column "{column}" is chosen twice as a target.'),
                column=_shorten(columns[index]),
            )
        indices.append(index)
    if len(indices) == len(columns):
        raise _csv_error(
            QT_TRANSLATE_NOOP(
                "CsvImport", "Every column is a target: leave at least one column as an input."
            )
        )
    return indices


@dataclass
class _ClassColumn:
    """The single target column as read: its cells, their numbers, and where text was met."""

    cells: list[str]
    numbers: array
    first_text: tuple[int, str] | None = None
    has_number: bool = False


def load_csv(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    target_columns: Sequence[str | int] | str | int,
    standardize: bool = False,
    task: str | None = None,
) -> Dataset:
    """A data set from a CSV file with a header row: targets are ``target_columns``, by name or
    0-based index; every other column is an input and must hold numbers.

    ``task`` None detects it: one column of 2 distinct whole numbers (or of 2 words) is binary,
    3 to :data:`MAX_CLASSES` of them multiclass (one-hot), several 0/1 columns with a single 1
    per row multiclass too, anything else regression. Binary and class columns map their values
    in sorted order to class 0, 1...; ``class_names`` keeps the original values.
    ``standardize`` centres each input column and divides it by its standard deviation.
    Raises :class:`CsvError` for any problem with the file.
    """
    if task is not None and task not in TASKS:
        raise _dataset_error(
            QT_TRANSLATE_NOOP(
                "Dataset", 'Unknown task "{task}": it is binary, multiclass or regression.'
            ),
            task=_shorten(str(task)),
        )
    table = _open_table(source)
    columns = table.columns
    targets = _target_indices(columns, target_columns)
    features = [index for index in range(len(columns)) if index not in targets]
    decimal_comma = table.decimal_comma
    inputs = array("d")
    outputs = array("d")
    row_numbers = array("q")
    single = _ClassColumn([], outputs) if len(targets) == 1 else None
    for row, fields in table.rows:
        row_numbers.append(row)
        for index in features:
            inputs.append(_cell_value(fields[index], row, columns[index], decimal_comma))
        if single is None:
            for index in targets:
                outputs.append(_cell_value(fields[index], row, columns[index], decimal_comma))
            continue
        cell = fields[targets[0]]
        if not cell.strip():
            raise _missing(row, columns[targets[0]])
        value = _parse_number(cell, decimal_comma)
        if value is None:
            single.first_text = single.first_text or (row, cell)
            value = 0.0
        elif not math.isfinite(value):
            raise _not_finite(row, columns[targets[0]], cell)
        else:
            single.has_number = True
        single.cells.append(cell.strip())
        outputs.append(value)
    n = len(row_numbers)
    X = np.frombuffer(inputs, dtype=np.float64).reshape(n, len(features))
    if standardize:
        X = _standardized(X, [columns[index] for index in features])
    target_names = tuple(columns[index] for index in targets)
    T = np.frombuffer(outputs, dtype=np.float64).reshape(n, len(targets))
    if single is None:
        Y, found_task, target_names, class_names = _several_targets(
            T, target_names, task, row_numbers
        )
    else:
        Y, found_task, target_names, class_names = _one_target(single, target_names[0], task)
    return Dataset(
        "csv",
        X,
        Y,
        found_task,
        tuple(columns[index] for index in features),
        target_names,
        class_names,
    )


def _standardized(X: np.ndarray, names: list[str]) -> np.ndarray:
    """Each column minus its mean, over its standard deviation; a constant column becomes 0."""
    with np.errstate(all="ignore"):
        mean = X.mean(axis=0)
        spread = X.std(axis=0)
        constant = np.ptp(X, axis=0) == 0.0
        scaled = np.where(constant, 0.0, (X - mean) / np.where(constant, 1.0, spread))
    usable = constant | (
        np.isfinite(mean) & np.isfinite(spread) & np.all(np.isfinite(scaled), axis=0)
    )
    if not np.all(usable):
        raise _csv_error(
            QT_TRANSLATE_NOOP(
                "CsvImport", 'Column "{column}" holds numbers too large to be standardised.'
            ),
            column=_shorten(names[int(np.argmin(usable))]),
        )
    return scaled


def _format_value(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _class_count_error(column: str, count: int, binary: bool) -> CsvError:
    if binary:
        return _csv_error(
            QT_TRANSLATE_NOOP(
                "CsvImport",
                'Column "{column}" holds {count} different values; a binary target holds 2.',
            ),
            column=_shorten(column),
            count=count,
        )
    return _csv_error(
        QT_TRANSLATE_NOOP(
            "CsvImport",
            'Column "{column}" holds {count} different values; a class column holds 2 to {max}.',
        ),
        column=_shorten(column),
        count=count,
        max=MAX_CLASSES,
    )


def _one_target(
    target: _ClassColumn, column: str, task: str | None
) -> tuple[np.ndarray, str, tuple[str, ...], tuple[str, ...]]:
    """(Y, task, target_names, class_names) from the single target column."""
    if target.first_text is not None:
        if target.has_number or task == "regression":
            row, cell = target.first_text
            raise _not_a_number(row, column, cell)
        class_names = tuple(sorted(set(target.cells)))
        lookup = {name: k for k, name in enumerate(class_names)}
        labels = np.array([lookup[cell] for cell in target.cells], dtype=np.intp)
        if task is None:
            task = "binary" if len(class_names) == 2 else "multiclass"
    else:
        values = np.frombuffer(target.numbers, dtype=np.float64)
        distinct = np.unique(values)
        if task is None:
            whole = bool(np.all(distinct == np.round(distinct)))
            if whole and len(distinct) == 2:
                task = "binary"
            elif whole and 3 <= len(distinct) <= MAX_CLASSES:
                task = "multiclass"
            else:
                task = "regression"
        if task == "regression":
            return values.reshape(-1, 1), task, (column,), ()
        class_names = tuple(_format_value(float(value)) for value in distinct)
        labels = np.searchsorted(distinct, values)
    if task == "binary":
        if len(class_names) != 2:
            raise _class_count_error(column, len(class_names), binary=True)
        return labels.astype(np.float64).reshape(-1, 1), task, (column,), class_names
    if not 2 <= len(class_names) <= MAX_CLASSES:
        raise _class_count_error(column, len(class_names), binary=False)
    target_names = tuple(f"{column} = {name}" for name in class_names)
    return np.eye(len(class_names))[labels], task, target_names, class_names


def _several_targets(
    T: np.ndarray, names: tuple[str, ...], task: str | None, row_numbers: array
) -> tuple[np.ndarray, str, tuple[str, ...], tuple[str, ...]]:
    """(Y, task, target_names, class_names) from several target columns."""
    # Counted rather than summed: a sum of huge values overflows.
    one_hot = np.all((T == 0.0) | (T == 1.0), axis=1) & (np.count_nonzero(T, axis=1) == 1)
    if task is None:
        task = "multiclass" if np.all(one_hot) else "regression"
    if task == "regression":
        return T, task, names, ()
    if task == "binary":
        raise _csv_error(
            QT_TRANSLATE_NOOP(
                "CsvImport", "A binary target is a single column, but {count} were chosen."
            ),
            count=len(names),
        )
    if not np.all(one_hot):
        raise _csv_error(
            QT_TRANSLATE_NOOP(
                "CsvImport",
                "Row {row}: with one target column per class, each row holds a single 1 "
                "and 0 elsewhere.",
            ),
            row=row_numbers[int(np.argmin(one_hot))],
        )
    return T, task, names, names
