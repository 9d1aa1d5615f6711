"""Strict CSV reading: every problem is reported with file, row and column."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from storage.errors import DataFileError

Validator = Callable[[str], str | None]


def read_rows(
    path: Path, columns: Sequence[str], validators: dict[str, Validator]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, row) after checking the header and each value.

    Row numbers count the header as row 1, as spreadsheet programs show them.
    """
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise DataFileError(f"{path}: cannot read the file ({error})") from error
    with handle:
        reader = csv.DictReader(handle)
        try:
            # Reading the header already decodes the file, so it belongs inside the try.
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise DataFileError(f"{path}, row 1: missing column(s) {', '.join(missing)}")
            for number, row in enumerate(reader, start=2):
                if None in row or any(value is None for value in row.values()):
                    raise DataFileError(f"{path}, row {number}: wrong number of fields")
                yield number, _checked(path, number, row, validators)
        except (csv.Error, UnicodeDecodeError) as error:
            raise DataFileError(f"{path}: not a valid UTF-8 CSV file ({error})") from error


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
    return None if value else "must not be empty"


def one_of(*allowed: str) -> Validator:
    def check(value: str) -> str | None:
        return None if value in allowed else f"must be one of {', '.join(allowed)}"

    return check


def url_or_empty(value: str) -> str | None:
    return None if not value or value.startswith(("http://", "https://")) else "must be a URL"
