"""Remembering handled Events API deliveries, shared by all replicas through the database."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import delete
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from storage.dialect import insert_for
from storage.models import ProcessedEvent


def claim_event(session: Session, event_id: str, *, now: datetime, keep: timedelta) -> bool:
    """Record the event id; True if this call is the first to see it (so it should be handled)."""
    statement = (
        insert_for(session, ProcessedEvent)
        .values(event_id=event_id, expires_at=now + keep)
        .on_conflict_do_nothing()
        .returning(ProcessedEvent.event_id)
    )
    return session.execute(statement).scalar_one_or_none() is not None


def purge_expired_events(session: Session, *, now: datetime) -> int:
    """Forget event ids older than their deduplication window; how many."""
    result = session.execute(delete(ProcessedEvent).where(ProcessedEvent.expires_at < now))
    return cast(CursorResult[Any], result).rowcount
