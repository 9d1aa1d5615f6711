"""Strict CSV reading: every problem is reported with file, row and column."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from charset_normalizer import from_bytes

from storage.errors import DataFileError

Validator = Callable[[str], str | None]
# What spreadsheet programs write: UTF-8 is tried first; Windows-1252 before Latin-1, which
# decodes any byte and so only fits when the others do not.
_ENCODINGS = ("utf_16", "cp1252", "latin_1")
_DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited)' and import that file"


def read_rows(
    path: Path, columns: Sequence[str], validators: dict[str, Validator]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, row) after checking the header and each value.

    Files come from Excel as often as from scripts: the encoding (UTF-8 with or without BOM,
    Windows-1252, Latin-1, UTF-16) and the delimiter (`,`, `;` or tab) are detected. Row
    numbers count the header as row 1, as spreadsheet programs show them.
    """
    text = decode(path)
    delimiter = _delimiter(path, text, columns)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=2):
            if None in row or any(value is None for value in row.values()):
                raise DataFileError(f"{path}, row {number}: wrong number of fields")
            yield number, _checked(path, number, row, validators)
    except csv.Error as error:
        raise DataFileError(f"{path}, row {reader.line_num}: not valid CSV ({error})") from error


def decode(path: Path) -> str:
    """The file's text in whichever of the usual encodings it is written."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataFileError(f"{path}: cannot read the file ({error.strerror})") from error
    if data.startswith(_ZIP_MAGIC):
        raise DataFileError(f"{path}: this is an Excel workbook; {_SAVE_AS}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(_ENCODINGS)).best()
    if best is None:
        raise DataFileError(f"{path}: cannot tell the text encoding; {_SAVE_AS}")
    return str(best).removeprefix("\ufeff")


def _delimiter(path: Path, text: str, columns: Sequence[str]) -> str:
    """The delimiter with which the header names every expected column."""
    header = text.split("\n", 1)[0].rstrip("\r")
    for delimiter in _DELIMITERS:
        names = [name.strip() for name in next(csv.reader([header], delimiter=delimiter))]
        if all(column in names for column in columns):
            return delimiter
    names = [name.strip() for name in next(csv.reader([header]))]
    missing = [column for column in columns if column not in names]
    raise DataFileError(
        f"{path}, row 1: missing column(s) {', '.join(missing)}; the first row must name the "
        f"columns {', '.join(columns)}, separated by ',' or ';'"
    )


def _checked(
    path: Path, number: int, row: dict[str, str], validators: dict[str, Validator]
) -> dict[str, str]:
    clean = {key: value.strip() for key, value in row.items()}
    for column, validator in validators.items():
        problem = validator(clean[column])
        if problem:
            raise DataFileError(f"{path}, row {number}, column {column!r}: {problem}")
    return clean


def required(value: str) -> str | None:
    """A field that must not be empty."""
    return None if value else "must not be empty"


def one_of(*allowed: str) -> Validator:
    """A field that must be one of the `allowed` values."""

    def check(value: str) -> str | None:
        return None if value in allowed else f"must be one of {', '.join(allowed)}"

    return check


def url_or_empty(value: str) -> str | None:
    """A field that is empty or a web address."""
    return None if not value or value.startswith(("http://", "https://")) else "must be a URL"
