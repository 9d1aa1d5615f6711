"""The outbox: every message that leaves later is a row, planned idempotently, sent once.

A dispatcher claims one due row at a time (PostgreSQL: FOR UPDATE SKIP LOCKED, so replicas
never take the same row; SQLite: under the write lock of BEGIN IMMEDIATE), marks it
`sending` with a new attempt number, commits, sends, and records the outcome only if the row
still carries that attempt number (fencing): a dispatcher whose lease ran out cannot
overwrite what the one that took the row over recorded. A row left in `sending` by a process
that died is claimable again once its lease has expired.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast
from uuid import uuid4

from sqlalchemy import and_, delete, exists, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from storage.dialect import insert_for
from storage.models import OutboxFile, OutboxMessage

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


@dataclass(frozen=True)
class Claim:
    """A row taken for sending; `attempt` is the fencing token for recording its outcome."""

    id: int
    attempt: int
    kind: str
    recipient: str
    uncertain: bool
    claimed_at: datetime


@dataclass(frozen=True)
class File:
    filename: str
    title: str
    content: bytes


def queue(
    session: Session,
    *,
    kind: str,
    recipient: str,
    payload: dict[str, Any],
    now: datetime,
    expires_at: datetime | None = None,
    files: Iterable[File] = (),
) -> int:
    """A ready message (and its files) to send as soon as possible; returns its id."""
    message = OutboxMessage(
        key=f"{kind}:{uuid4().hex}",
        kind=kind,
        recipient=recipient,
        due_at=now,
        status=PENDING,
        attempts=0,
        error="",
        payload=payload,
        expires_at=expires_at,
        files=[OutboxFile(filename=f.filename, title=f.title, content=f.content) for f in files],
    )
    session.add(message)
    session.flush()
    return message.id


def planned_keys(session: Session, *, kind: str, conference_ids: Collection[int]) -> set[str]:
    """Keys already planned, so that planning again inserts (and numbers) nothing."""
    query = select(OutboxMessage.key).where(
        OutboxMessage.kind == kind, OutboxMessage.conference_id.in_(conference_ids)
    )
    return set(session.scalars(query))


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


def _recipient_idle(now: datetime) -> Any:
    """No other message to the same recipient is in flight or due before this one: their
    order is kept, and the other recipients are served in parallel."""
    other = OutboxMessage.__table__.alias("other")
    return ~exists().where(
        other.c.recipient == OutboxMessage.recipient,
        other.c.id != OutboxMessage.id,
        or_(
            and_(other.c.status == SENDING, other.c.claimed_at >= now - LEASE),
            and_(other.c.status == PENDING, other.c.due_at <= now, other.c.id < OutboxMessage.id),
        ),
    )


def claim_next(
    session: Session, *, now: datetime, recipients: Collection[str] | None = None
) -> Claim | None:
    """Take the earliest due message (to `recipients`, if given) for sending; None when
    none is."""
    # Expired leases first, then due rows in order: two simple conditions that walk the
    # (status, due_at) index and stop at the first fit, instead of scanning every row.
    message = None
    for due in (
        and_(OutboxMessage.status == SENDING, OutboxMessage.claimed_at < now - LEASE),
        and_(OutboxMessage.status == PENDING, OutboxMessage.due_at <= now),
    ):
        query = select(OutboxMessage).where(due, _recipient_idle(now))
        if recipients is not None:
            query = query.where(OutboxMessage.recipient.in_(recipients))
        query = query.order_by(OutboxMessage.due_at).limit(1)
        message = session.scalars(query.with_for_update(skip_locked=True)).first()
        if message is not None:
            break
    if message is None:
        return None
    # A row still `sending` was left by a dispatcher that died or hung mid-send: it may have
    # arrived, so the next send first looks whether it did.
    uncertain = message.uncertain or message.status == SENDING
    message.status, message.claimed_at, message.uncertain = SENDING, now, uncertain
    message.attempts += 1
    session.flush()
    return Claim(message.id, message.attempts, message.kind, message.recipient, uncertain, now)


def recipients_of(session: Session, ids: Collection[int]) -> set[str]:
    query = select(OutboxMessage.recipient).where(OutboxMessage.id.in_(ids))
    return set(session.scalars(query))


def _fenced(claim: Claim) -> Any:
    return update(OutboxMessage).where(
        OutboxMessage.id == claim.id,
        OutboxMessage.attempts == claim.attempt,
        OutboxMessage.status == SENDING,
    )


def _changed(session: Session, statement: Any) -> bool:
    return cast(CursorResult[Any], session.execute(statement)).rowcount == 1


def finish(session: Session, claim: Claim, status: str, *, now: datetime, error: str = "") -> bool:
    """Record the outcome; False (and nothing changed) if the claim was lost meanwhile."""
    values = {"status": status, "finished_at": now, "error": error[:300], "uncertain": False}
    return _changed(session, _fenced(claim).values(**values))


def retry_later(
    session: Session,
    claim: Claim,
    *,
    at: datetime,
    error: str,
    expires_at: datetime,
    uncertain: bool = False,
) -> bool:
    """Back to pending until `at`; `uncertain` when the message may have arrived already."""
    values = {
        "status": PENDING,
        "due_at": at,
        "claimed_at": None,
        "error": error[:300],
        "uncertain": uncertain,
        "expires_at": expires_at,
    }
    return _changed(session, _fenced(claim).values(**values))


def release(session: Session, claim: Claim, *, until: datetime | None = None) -> bool:
    """Give the row back (sending is paused, or quiet hours: then due `until`); the attempt
    does not count."""
    values: dict[str, Any] = {"status": PENDING, "claimed_at": None, "attempts": claim.attempt - 1}
    if until is not None:
        values["due_at"] = until
    return _changed(session, _fenced(claim).values(**values))


def prune(session: Session, *, before: datetime) -> int:
    """Delete the record of messages finished before `before` (and their files)."""
    old = select(OutboxMessage.id).where(
        OutboxMessage.status.in_(FINAL), OutboxMessage.finished_at < before
    )
    session.execute(delete(OutboxFile).where(OutboxFile.message_id.in_(old)))
    result = session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.status.in_(FINAL), OutboxMessage.finished_at < before
        )
    )
    return cast(CursorResult[Any], result).rowcount


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
