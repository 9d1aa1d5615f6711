"""Dialect-specific INSERT ... ON CONFLICT statements for SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_for(session: Session, model: type) -> Any:
    """An INSERT construct of the session's dialect (both offer on_conflict_do_*)."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)
