"""The model projects of the network: import from CSV, queries."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.csv_file import one_of, read_rows, required, url_or_empty
from storage.dialect import insert_for
from storage.models import ModelProject

COLUMNS = ("name", "state", "cohort_year", "category", "notes", "source_url")
CATEGORIES = (
    "Großstadt",
    "Mittelstadt",
    "Kleinstadt und Landgemeinde",
    "Interkommunale Kooperation und Landkreis",
)


def read_project_file(path: Path) -> list[dict[str, object]]:
    """Validated rows of a model-projects CSV; raises DataFileError naming row and column."""
    validators = {
        "name": required,
        "state": required,
        "cohort_year": one_of("2019", "2020", "2021"),
        "category": one_of(*CATEGORIES),
        "source_url": url_or_empty,
    }
    rows = [row for _, row in read_rows(path, COLUMNS, validators)]
    return [
        {**{c: row[c] for c in COLUMNS}, "cohort_year": int(row["cohort_year"])} for row in rows
    ]


def upsert_projects(session: Session, rows: Sequence[dict[str, object]]) -> int:
    """Insert or update by name; returns how many rows were written."""
    for row in rows:
        statement = insert_for(session, ModelProject).values(**row)
        update = {key: value for key, value in row.items() if key != "name"}
        session.execute(statement.on_conflict_do_update(index_elements=["name"], set_=update))
    return len(rows)


def all_projects(session: Session) -> Sequence[ModelProject]:
    """The model projects, by name."""
    return session.scalars(select(ModelProject).order_by(ModelProject.name)).all()


def count_projects(session: Session) -> int:
    """How many model projects are stored."""
    return session.scalar(select(func.count()).select_from(ModelProject)) or 0


def get_project(session: Session, name: str) -> ModelProject | None:
    """The model project of that exact name."""
    return session.get(ModelProject, name)


def project_places(session: Session) -> list[tuple[str, str]]:
    """(name, state) of every model project: what names in a message can refer to."""
    rows = session.execute(
        select(ModelProject.name, ModelProject.state).order_by(ModelProject.name)
    )
    return [(name, state) for name, state in rows]
