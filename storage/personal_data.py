"""Data protection: export and delete a member's data; purge participants after an event."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, cast, delete, literal, or_, select, update
from sqlalchemy.orm import Session, selectinload

from storage.models import (
    Conference,
    ConversationContext,
    Dialog,
    FeedToken,
    NoticeSubscription,
    OutboxFile,
    OutboxMessage,
    Registration,
    ReminderOptOut,
)
from storage.outbox import PENDING, SENDING
from storage.registrations import ACTIVE, cancel


def export_user_data(session: Session, user_id: str) -> dict[str, Any]:
    """Everything stored about the user, as JSON-ready data."""
    query = (
        select(Registration)
        .where(Registration.user_id == user_id)
        .options(selectinload(Registration.conference))
    )
    context = session.get(ConversationContext, user_id)
    opted_out = session.get(ReminderOptOut, user_id)
    dialog = session.get(Dialog, user_id)
    feed = session.get(FeedToken, user_id)
    return {
        "reminders_off_since": opted_out.since.isoformat() if opted_out else None,
        "calendar_link_since": feed.created_at.isoformat() if feed else None,
        "user_id": user_id,
        "registrations": [_registration(r) for r in session.scalars(query)],
        "conversation": None
        if context is None
        else {"conference": context.conference_slug, "at": context.updated_at.isoformat()},
        "open_dialog": None if dialog is None else dialog.state,
        "notices_wanted": [
            {"subject": wish.subject, "since": wish.created_at.isoformat()}
            for wish in session.scalars(
                select(NoticeSubscription).where(NoticeSubscription.user_id == user_id)
            )
        ],
    }


def _registration(registration: Registration) -> dict[str, Any]:
    return {
        "conference": registration.conference.slug,
        "conference_title": registration.conference.title,
        "status": registration.status,
        "name": registration.name,
        "municipality": registration.municipality,
        "role": registration.role,
        "notes": registration.notes,
        "consent_at": registration.consent_at.isoformat() if registration.consent_at else None,
        "visible_to_participants_since": (
            registration.visible_since.isoformat() if registration.visible_since else None
        ),
        "registered_at": registration.created_at.isoformat(),
    }


def delete_user_data(
    session: Session, user_id: str, *, now: datetime, offer_for: timedelta | None = None
) -> list[Registration]:
    """Cancel the user's registrations (promoting the waitlist) and erase what names them.

    Returns the registrations promoted as a consequence, whose people should be told.
    """
    promoted: list[Registration] = []
    mine = session.scalars(select(Registration).where(Registration.user_id == user_id)).all()
    for registration in mine:
        if registration.status in ACTIVE:
            freed = cancel(
                session, registration.conference_id, user_id, now=now, offer_for=offer_for
            )
            promoted += freed[1]
        anonymise(registration)
    session.execute(delete(ConversationContext).where(ConversationContext.user_id == user_id))
    session.execute(delete(Dialog).where(Dialog.user_id == user_id))
    session.execute(delete(ReminderOptOut).where(ReminderOptOut.user_id == user_id))
    session.execute(delete(FeedToken).where(FeedToken.user_id == user_id))
    session.execute(delete(NoticeSubscription).where(NoticeSubscription.user_id == user_id))
    _forget_messages_to(session, user_id)
    session.flush()
    return promoted


def _forget_messages_to(session: Session, user_id: str) -> None:
    """Unsent messages to the user are dropped; the record of sent ones keeps no user id,
    nor the files sent to them."""
    theirs = select(OutboxMessage.id).where(OutboxMessage.recipient == user_id)
    session.execute(delete(OutboxFile).where(OutboxFile.message_id.in_(theirs)))
    session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.recipient == user_id, OutboxMessage.status.in_((PENDING, SENDING))
        )
    )
    session.execute(
        update(OutboxMessage).where(OutboxMessage.recipient == user_id).values(**_NAMELESS)
    )


# A sent message's record without the person: keys like reminder:<conference>:<offset>:<user>
# name them too, so they become geloescht:<id>.
_NAMELESS = {
    "recipient": "geloescht",
    "key": literal("geloescht:") + cast(OutboxMessage.id, String),
    "payload": None,
}


def anonymise(registration: Registration) -> None:
    """Keep the row for statistics (status, dates) but nothing that identifies the person."""
    registration.user_id = f"geloescht-{registration.id}"
    registration.name = registration.municipality = registration.role = registration.notes = ""
    registration.consent_at = registration.visible_since = None
    registration.anonymised = True


def purge_after_conferences(session: Session, *, now: datetime, keep_days: int) -> int:
    """Anonymise participants of conferences that ended more than `keep_days` ago."""
    cutoff = now - timedelta(days=keep_days)
    query = (
        select(Registration)
        .join(Conference)
        .where(Conference.ends_at < cutoff, Registration.anonymised.is_(False))
    )
    rows = session.scalars(query).all()
    for registration in rows:
        anonymise(registration)
    # Messages about past conferences, and any message older than the cutoff (confirmations,
    # files, replies, which name no conference), keep no user id, text or file.
    past = select(Conference.id).where(Conference.ends_at < cutoff)
    old = or_(OutboxMessage.conference_id.in_(past), OutboxMessage.due_at < cutoff)
    aged = select(OutboxMessage.id).where(old)
    session.execute(delete(OutboxFile).where(OutboxFile.message_id.in_(aged)))
    session.execute(
        update(OutboxMessage).where(old, OutboxMessage.recipient != "geloescht").values(**_NAMELESS)
    )
    session.flush()
    return len(rows)
