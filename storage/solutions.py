"""Solutions of the knowledge base: CSV import, upserts, queries for the search index."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.csv_file import Validator, one_of, read_rows, required, url_or_empty
from storage.dialect import insert_for
from storage.errors import DataFileError
from storage.models import Solution

COLUMNS = (
    "id",
    "title",
    "municipality",
    "topics",
    "summary",
    "status",
    "contact_hint",
    "source_url",
)
STATUSES = ("idee", "pilot", "umsetzung", "verstetigt", "unbekannt")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")


def _valid_id(value: str) -> str | None:
    return None if ID_PATTERN.match(value) else "must be lower-case letters, digits and '-'"


def _at_most(limit: int) -> Validator:
    return lambda value: None if len(value) <= limit else f"longer than {limit} characters"


def _all(*checks: Validator) -> Validator:
    return lambda value: next((problem for check in checks if (problem := check(value))), None)


VALIDATORS: dict[str, Validator] = {
    "id": _valid_id,
    "title": _all(required, _at_most(300)),
    "municipality": _all(required, _at_most(300)),
    "summary": _at_most(2000),
    "status": one_of(*STATUSES),
    "contact_hint": _at_most(300),
    "source_url": _all(url_or_empty, _at_most(500)),
}


def read_solution_file(
    path: Path, *, progress: Callable[[int], None] | None = None
) -> list[dict[str, Any]]:
    """Validated rows of a solutions CSV; raises DataFileError naming row and column."""
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, row in read_rows(path, COLUMNS, VALIDATORS):
        if row["id"] in seen:
            raise DataFileError(
                f"{path}, row {number}, column 'id': {row['id']!r} is already in row "
                f"{seen[row['id']]}"
            )
        seen[row["id"]] = number
        topics = [topic.strip() for topic in row["topics"].split(";") if topic.strip()]
        rows.append({**{c: row[c] for c in COLUMNS}, "topics": topics})
        if progress:
            progress(len(rows))
    return rows


def upsert_solutions(session: Session, rows: Sequence[dict[str, Any]], *, now: datetime) -> int:
    """Insert or update by id; written rows get `updated_at = now` and a new revision."""
    revision = _next_revision(session)
    for row in rows:
        values = {**row, "updated_at": now, "revision": revision}
        statement = insert_for(session, Solution).values(**values)
        update = {key: value for key, value in values.items() if key != "id"}
        session.execute(statement.on_conflict_do_update(index_elements=["id"], set_=update))
    return len(rows)


def _next_revision(session: Session) -> int:
    return (session.scalar(select(func.max(Solution.revision))) or 0) + 1


def store_vectors(session: Session, vectors: Mapping[str, tuple[bytes, str]]) -> None:
    """Save computed vectors (bytes, key) by solution id, under a new revision so that every
    replica's search index takes them up."""
    revision = _next_revision(session)
    for solution_id, (vector, key) in vectors.items():
        session.execute(
            update(Solution)
            .where(Solution.id == solution_id)
            .values(vector=vector, vector_key=key, revision=revision)
        )


def solutions_page(session: Session, *, after_id: str, limit: int) -> Sequence[Solution]:
    """Up to `limit` solutions by id after `after_id`: pages for work over the whole table."""
    query = select(Solution).where(Solution.id > after_id).order_by(Solution.id).limit(limit)
    return session.scalars(query).all()


def get_solution(session: Session, solution_id: str) -> Solution | None:
    """A solution by id."""
    return session.get(Solution, solution_id)


def solutions_changed_since(session: Session, revision: int) -> Sequence[Solution]:
    """Solutions written after `revision` (-1: all of them)."""
    query = select(Solution).where(Solution.revision > revision)
    return session.scalars(query.order_by(Solution.revision, Solution.id)).all()


def solution_signature(session: Session) -> tuple[int, int]:
    """(count, newest revision): enough to tell whether an in-memory index is current."""
    count, newest = session.execute(
        select(func.count(), func.max(Solution.revision)).select_from(Solution)
    ).one()
    return int(count), int(newest or 0)


def count_solutions(session: Session) -> int:
    """How many solutions are stored."""
    return session.scalar(select(func.count()).select_from(Solution)) or 0
