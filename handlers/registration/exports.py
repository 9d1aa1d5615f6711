"""Participant lists as CSV (for spreadsheets) and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from storage.models import Registration
from storage.registrations import WAITLISTED

COLUMNS = (
    "status",
    "waitlist_position",
    "name",
    "municipality",
    "role",
    "notes",
    "registered_at",
    "user_id",
)


def participant_rows(rows: Sequence[Registration]) -> list[dict[str, str]]:
    """One dict per registration; `rows` in the order of `storage.registrations.participants`."""
    waiting = [r.id for r in rows if r.status == WAITLISTED]
    positions = {registration_id: n for n, registration_id in enumerate(waiting, start=1)}
    return [
        {
            "status": r.status,
            "waitlist_position": str(positions.get(r.id, "")),
            "name": r.name,
            "municipality": r.municipality,
            "role": r.role,
            "notes": r.notes,
            "registered_at": r.created_at.isoformat(),
            "user_id": r.user_id,
        }
        for r in rows
    ]


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...)).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """The value as text a spreadsheet shows but never evaluates: a leading quote defuses it."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def to_csv(rows: list[dict[str, str]]) -> bytes:
    """UTF-8 with BOM, so that spreadsheet programs show umlauts correctly; no cell is a formula."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_json(rows: list[dict[str, str]]) -> bytes:
    """The rows as UTF-8 JSON, readable by people too."""
    return json.dumps(rows, ensure_ascii=False, indent=2).encode()
