"""Organizers added at run time (those in config.toml are added to these by the wiring)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.dialect import insert_for
from storage.models import Organizer


def organizer_ids(session: Session) -> set[str]:
    """Everyone added as organizer at run time."""
    return set(session.scalars(select(Organizer.user_id)))


def is_organizer(session: Session, user_id: str) -> bool:
    """Added as organizer at run time (config.toml's list is checked by the context)."""
    return session.get(Organizer, user_id) is not None


def add_organizer(session: Session, user_id: str, *, now: datetime) -> bool:
    """True if added, False if already an organizer."""
    statement = (
        insert_for(session, Organizer)
        .values(user_id=user_id, added_at=now)
        .on_conflict_do_nothing()
        .returning(Organizer.user_id)
    )
    return session.execute(statement).scalar_one_or_none() is not None


def remove_organizer(session: Session, user_id: str) -> bool:
    """True if removed, False if the user was no organizer."""
    statement = delete(Organizer).where(Organizer.user_id == user_id).returning(Organizer.user_id)
    return session.execute(statement).scalar_one_or_none() is not None
