"""What reminders are planned from, and members' opt-outs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, contains_eager

from storage.dialect import insert_for
from storage.models import Conference, Registration, ReminderOptOut
from storage.registrations import ACTIVE


def reminder_targets(session: Session, *, now: datetime) -> Sequence[Registration]:
    """Active registrations of conferences that have not started (and are not cancelled),
    with their conference."""
    query = (
        select(Registration)
        .join(Registration.conference)
        .options(contains_eager(Registration.conference))
        .where(Conference.starts_at > now, Conference.cancelled_at.is_(None))
        .where(Registration.status.in_(ACTIVE))
        .where(~Registration.user_id.in_(select(ReminderOptOut.user_id)))
    )
    return session.scalars(query).all()


def set_opt_out(session: Session, user_id: str, *, opted_out: bool, now: datetime) -> None:
    """Switch a member's reminders off or on again."""
    if opted_out:
        statement = insert_for(session, ReminderOptOut).values(user_id=user_id, since=now)
        session.execute(statement.on_conflict_do_nothing())
    else:
        session.execute(delete(ReminderOptOut).where(ReminderOptOut.user_id == user_id))


def is_opted_out(session: Session, user_id: str) -> bool:
    """True if the member switched reminders off."""
    return session.get(ReminderOptOut, user_id) is not None
