"""Changes of time or place and cancellations, and the notices about them in the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.models import ConferenceChange, OutboxMessage, Registration
from storage.outbox import CANCELLED, PENDING, plan
from storage.registrations import ACTIVE

NOTICE = "conference_change"


def record_change(
    session: Session,
    conference_id: int,
    *,
    before: dict[str, str],
    cancelled: bool,
    now: datetime,
) -> ConferenceChange:
    """Remember what a conference was before an edit or its cancellation."""
    change = ConferenceChange(
        conference_id=conference_id, before=before, cancelled=cancelled, created_at=now
    )
    session.add(change)
    session.flush()
    return change


def get_change(session: Session, change_id: int) -> ConferenceChange | None:
    """A recorded change by id."""
    return session.get(ConferenceChange, change_id)


def people_concerned(session: Session, conference_id: int) -> list[str]:
    """Everyone registered or waiting, in the order they registered."""
    query = select(Registration.user_id).where(
        Registration.conference_id == conference_id, Registration.status.in_(ACTIVE)
    )
    return list(session.scalars(query.order_by(Registration.id)))


def notice_key(change_id: int, recipient: str) -> str:
    """The outbox key of one person's notice about one change."""
    return f"{NOTICE}:{change_id}:{recipient}"


def change_id_of(message: OutboxMessage) -> int:
    """The change a notice is about (its key names it, see `notice_key`)."""
    return int(message.key.split(":")[1])


def plan_notices(
    session: Session, change: ConferenceChange, recipients: Sequence[str], *, now: datetime
) -> int:
    """One notice per recipient into the outbox, once; returns how many are new."""
    return sum(
        plan(
            session,
            key=notice_key(change.id, recipient),
            kind=NOTICE,
            recipient=recipient,
            due_at=now,
            conference_id=change.conference_id,
        )
        for recipient in recipients
    )


def unsent_change(session: Session, conference_id: int) -> ConferenceChange | None:
    """The conference's latest change if none of its notices has gone out yet."""
    latest = session.scalars(
        select(ConferenceChange)
        .where(ConferenceChange.conference_id == conference_id)
        .order_by(ConferenceChange.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        return None
    statuses = set(
        session.scalars(
            select(OutboxMessage.status).where(
                OutboxMessage.key.startswith(f"{NOTICE}:{latest.id}:", autoescape=True)
            )
        )
    )
    return latest if statuses == {PENDING} else None


def withdraw_notices(session: Session, change: ConferenceChange, *, now: datetime) -> None:
    """Unsent notices of a change that a newer one replaces are not sent."""
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.key.startswith(f"{NOTICE}:{change.id}:", autoescape=True),
            OutboxMessage.status == PENDING,
        )
        .values(status=CANCELLED, finished_at=now, error="replaced by a newer change")
    )


def forget_pending_reminders(session: Session, conference_id: int) -> None:
    """Drop unsent reminders, so they are planned again for the new time (or not at all)."""
    session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.conference_id == conference_id,
            OutboxMessage.kind == "reminder",
            OutboxMessage.status == PENDING,
        )
    )
