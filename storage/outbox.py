"""The outbox: every scheduled message is a row, planned idempotently, sent at most once.

A dispatcher claims one due row at a time (PostgreSQL: FOR UPDATE SKIP LOCKED, so replicas
never take the same row; SQLite: under the write lock of BEGIN IMMEDIATE), marks it
`sending`, commits, sends, and records the outcome. A row left in `sending` by a process
that died is claimable again once its lease has expired; so at most the one message that
was in flight at a crash can go out twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import and_, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from storage.dialect import insert_for
from storage.models import OutboxMessage

PENDING, SENDING, SENT, FAILED, SKIPPED, CANCELLED = (
    "pending",
    "sending",
    "sent",
    "failed",
    "skipped",
    "cancelled",
)
FINAL = (SENT, FAILED, SKIPPED, CANCELLED)
LEASE = timedelta(minutes=5)


def plan(
    session: Session, *, key: str, kind: str, recipient: str, due_at: datetime, **refs: Any
) -> bool:
    """Insert the message unless its key exists; True if it is new."""
    statement = (
        insert_for(session, OutboxMessage)
        .values(
            key=key,
            kind=kind,
            recipient=recipient,
            due_at=due_at,
            status=PENDING,
            attempts=0,
            error="",
            **refs,
        )
        .on_conflict_do_nothing()
        .returning(OutboxMessage.id)
    )
    return session.execute(statement).scalar_one_or_none() is not None


def _claimable(now: datetime) -> Any:
    return or_(
        and_(OutboxMessage.status == PENDING, OutboxMessage.due_at <= now),
        and_(OutboxMessage.status == SENDING, OutboxMessage.claimed_at < now - LEASE),
    )


def claim_next(session: Session, *, now: datetime) -> OutboxMessage | None:
    """Take the earliest due message for sending; None when nothing is due."""
    query = (
        select(OutboxMessage)
        .where(_claimable(now))
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    message = session.scalars(query).first()
    if message is not None:
        message.status, message.claimed_at = SENDING, now
        message.attempts += 1
        session.flush()
    return message


def finish(
    session: Session, message_id: int, status: str, *, now: datetime, error: str = ""
) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(status=status, finished_at=now, error=error[:300])
    )


def retry_later(session: Session, message_id: int, *, at: datetime, error: str) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(status=PENDING, due_at=at, claimed_at=None, error=error[:300])
    )


def due_messages(session: Session, *, now: datetime) -> Sequence[OutboxMessage]:
    """What a dispatch at `now` would take, earliest first."""
    query = select(OutboxMessage).where(_claimable(now))
    return session.scalars(query.order_by(OutboxMessage.due_at, OutboxMessage.id)).all()


def cancel_for_announcement(session: Session, announcement_id: int, *, now: datetime) -> int:
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.announcement_id == announcement_id, OutboxMessage.status == PENDING)
        .values(status=CANCELLED, finished_at=now)
    )
    return cast(CursorResult[Any], result).rowcount


def messages_of_announcement(session: Session, announcement_id: int) -> Sequence[OutboxMessage]:
    query = select(OutboxMessage).where(
        OutboxMessage.announcement_id == announcement_id, OutboxMessage.kind == "announcement"
    )
    return session.scalars(query).all()
