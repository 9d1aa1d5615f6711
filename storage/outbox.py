"""The outbox: every message that leaves later is a row, planned idempotently, sent once.

A dispatcher claims due rows (PostgreSQL: FOR UPDATE SKIP LOCKED, so replicas never take the
same row; SQLite: under the write lock of BEGIN IMMEDIATE), marks them `sending` with a new
attempt number, commits, sends, and records the outcome only if the row still carries that
attempt number (fencing): a dispatcher whose lease ran out cannot overwrite what the one that
took the row over recorded. A row left in `sending` by a process that died is claimable again
once its lease has expired, and is then marked `uncertain`: it may have arrived.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast
from uuid import uuid4

from sqlalchemy import and_, bindparam, delete, exists, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session, selectinload

from storage.dialect import insert_for
from storage.models import Conference, OutboxFile, OutboxMessage
from storage.recipients import for_transports

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
    """A file to send with a message."""

    filename: str
    title: str
    content: bytes


@dataclass(frozen=True)
class Outcome:
    """What became of a claimed row: a final status, or (with `retry_at`) pending again."""

    claim: Claim
    status: str
    error: str = ""
    retry_at: datetime | None = None
    expires_at: datetime | None = None
    uncertain: bool = False


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
    """Insert the message unless its key exists; True if it is new. `refs` are further
    columns (conference_id, announcement_id, offset_minutes, expires_at, payload).

    On PostgreSQL a conflicting insert still draws an id: callers that plan the same keys
    over and over leave out what `planned_keys` returns (ids are 64-bit besides)."""
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


def claim_due(
    session: Session,
    *,
    now: datetime,
    limit: int,
    recipients: Collection[str] | None = None,
    transports: Collection[str] | None = None,
) -> list[Claim]:
    """Take up to `limit` due messages (to `recipients`, if given; reached through
    `transports`, if given), at most one per recipient, earliest first; an empty list when
    none is due."""
    taken: list[OutboxMessage] = []
    # Expired leases first, then due rows in order: two simple conditions that walk the
    # (status, due_at) index instead of scanning every row.
    for due in (
        and_(OutboxMessage.status == SENDING, OutboxMessage.claimed_at < now - LEASE),
        and_(OutboxMessage.status == PENDING, OutboxMessage.due_at <= now),
    ):
        query = select(OutboxMessage).where(due, _recipient_idle(now))
        if recipients is not None:
            query = query.where(OutboxMessage.recipient.in_(recipients))
        if transports is not None:
            query = query.where(for_transports(transports))
        query = query.order_by(OutboxMessage.due_at, OutboxMessage.id).limit(limit - len(taken))
        taken += session.scalars(query.with_for_update(skip_locked=True)).all()
        if len(taken) >= limit:
            break
    claims = [_take(message, now) for message in _one_per_recipient(taken)]
    session.flush()  # the fenced updates below go around the ORM
    return claims


def claim_next(
    session: Session, *, now: datetime, recipients: Collection[str] | None = None
) -> Claim | None:
    """Take the earliest due message for sending; None when nothing is due."""
    claims = claim_due(session, now=now, limit=1, recipients=recipients)
    return claims[0] if claims else None


def _one_per_recipient(messages: Sequence[OutboxMessage]) -> list[OutboxMessage]:
    seen: set[str] = set()
    first = []
    for message in messages:
        if message.recipient not in seen:
            seen.add(message.recipient)
            first.append(message)
    return first


def _take(message: OutboxMessage, now: datetime) -> Claim:
    # A row still `sending` was left by a dispatcher that died or hung mid-send: it may have
    # arrived, so the next send first looks whether it did.
    uncertain = message.uncertain or message.status == SENDING
    message.status, message.claimed_at, message.uncertain = SENDING, now, uncertain
    message.attempts += 1
    return Claim(message.id, message.attempts, message.kind, message.recipient, uncertain, now)


def load_claimed(
    session: Session, ids: Collection[int]
) -> tuple[dict[int, OutboxMessage], list[Conference]]:
    """The claimed rows with their files, and the conferences they are about (to keep in
    the session while they are worded)."""
    query = select(OutboxMessage).where(OutboxMessage.id.in_(ids))
    messages = {m.id: m for m in session.scalars(query.options(selectinload(OutboxMessage.files)))}
    about = {m.conference_id for m in messages.values() if m.conference_id is not None}
    conferences = list(session.scalars(select(Conference).where(Conference.id.in_(about))))
    return messages, conferences


def recipients_of(session: Session, ids: Collection[int]) -> set[str]:
    """Who the given rows go to."""
    query = select(OutboxMessage.recipient).where(OutboxMessage.id.in_(ids))
    return set(session.scalars(query))


def _fenced() -> Any:
    return update(OutboxMessage).where(
        OutboxMessage.id == bindparam("claim_id"),
        OutboxMessage.attempts == bindparam("claim_attempt"),
        OutboxMessage.status == SENDING,
    )


def record(session: Session, outcomes: Sequence[Outcome], *, now: datetime) -> int:
    """Record outcomes, each only if its claim still holds; returns how many were recorded
    (the others were taken over after their lease ran out, and changed nothing)."""
    done = [o for o in outcomes if o.retry_at is None]
    again = [o for o in outcomes if o.retry_at is not None]
    recorded = 0
    if done:
        values = {"status": bindparam("new_status"), "finished_at": now}
        values |= {"error": bindparam("new_error"), "uncertain": False}
        recorded += _many(session, _fenced().values(**values), [_final(o) for o in done])
    if again:
        values = {"status": PENDING, "due_at": bindparam("new_due"), "claimed_at": None}
        values |= {"error": bindparam("new_error"), "uncertain": bindparam("new_uncertain")}
        values |= {"expires_at": bindparam("new_expires")}
        recorded += _many(session, _fenced().values(**values), [_retry(o) for o in again])
    return recorded


def _final(outcome: Outcome) -> dict[str, Any]:
    return _fence(outcome.claim) | {"new_status": outcome.status, "new_error": outcome.error[:300]}


def _retry(outcome: Outcome) -> dict[str, Any]:
    return _fence(outcome.claim) | {
        "new_due": outcome.retry_at,
        "new_error": outcome.error[:300],
        "new_uncertain": outcome.uncertain,
        "new_expires": outcome.expires_at,
    }


def _fence(claim: Claim) -> dict[str, Any]:
    return {"claim_id": claim.id, "claim_attempt": claim.attempt}


def _many(session: Session, statement: Any, rows: list[dict[str, Any]]) -> int:
    # One statement per row inside one transaction: rowcount per row is what tells a lost
    # claim, and executemany does not report it on every driver.
    connection = session.connection()
    return sum(cast(CursorResult[Any], connection.execute(statement, row)).rowcount for row in rows)


def finish(session: Session, claim: Claim, status: str, *, now: datetime, error: str = "") -> bool:
    """Record a final outcome; False (and nothing changed) if the claim was lost meanwhile."""
    return record(session, [Outcome(claim, status, error)], now=now) == 1


def release(session: Session, claims: Iterable[Claim], *, until: datetime | None = None) -> int:
    """Give rows back (sending is paused, or quiet hours: then due `until`); the attempt does
    not count."""
    values: dict[str, Any] = {
        "status": PENDING,
        "claimed_at": None,
        "attempts": bindparam("claim_attempt") - 1,
    }
    if until is not None:
        values["due_at"] = until
    return _many(session, _fenced().values(**values), [_fence(c) for c in claims])


def prune(session: Session, *, before: datetime) -> int:
    """Delete the record of messages finished before `before` (and their files)."""
    old = and_(OutboxMessage.status.in_(FINAL), OutboxMessage.finished_at < before)
    session.execute(
        delete(OutboxFile).where(OutboxFile.message_id.in_(select(OutboxMessage.id).where(old)))
    )
    result = session.execute(delete(OutboxMessage).where(old))
    return cast(CursorResult[Any], result).rowcount


def due_messages(session: Session, *, now: datetime) -> Sequence[OutboxMessage]:
    """What a dispatch at `now` would take, earliest first."""
    query = select(OutboxMessage).where(_claimable(now))
    return session.scalars(query.order_by(OutboxMessage.due_at, OutboxMessage.id)).all()


def cancel_for_announcement(session: Session, announcement_id: int, *, now: datetime) -> int:
    """Cancel an announcement's unsent messages; returns how many."""
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.announcement_id == announcement_id, OutboxMessage.status == PENDING)
        .values(status=CANCELLED, finished_at=now)
    )
    return cast(CursorResult[Any], result).rowcount


def messages_of_announcement(session: Session, announcement_id: int) -> Sequence[OutboxMessage]:
    """The messages an announcement was expanded into."""
    query = select(OutboxMessage).where(
        OutboxMessage.announcement_id == announcement_id, OutboxMessage.kind == "announcement"
    )
    return session.scalars(query).all()
