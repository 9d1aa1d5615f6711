"""Announcements and their delivery: scheduling, cancelling, recipients, reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Announcement, OutboxMessage, Registration
from storage.outbox import FINAL, cancel_for_announcement, plan
from storage.registrations import CONFIRMED, WAITLISTED

SCHEDULED, SENDING, DONE, CANCELLED = "scheduled", "sending", "done", "cancelled"
# "channel": the announcement channel and room; "room": one Matrix room named by the organizer.
AUDIENCES = ("channel", "room", "registrants", "waitlist")


def create_announcement(
    session: Session,
    *,
    created_by: str,
    text: str,
    audience: str,
    conference_id: int | None,
    send_at: datetime,
    now: datetime,
    room: str | None = None,
) -> Announcement:
    """Store it and plan the job that fans it out at `send_at`."""
    announcement = Announcement(
        created_by=created_by,
        text=text,
        audience=audience,
        conference_id=conference_id,
        room=room,
        send_at=send_at,
        status=SCHEDULED,
        created_at=now,
    )
    session.add(announcement)
    session.flush()
    plan(
        session,
        key=f"announcement:{announcement.id}",
        kind="announcement_job",
        recipient=created_by,
        due_at=send_at,
        announcement_id=announcement.id,
    )
    return announcement


def scheduled_announcements(session: Session) -> Sequence[Announcement]:
    """Announcements not yet sent, soonest first."""
    query = select(Announcement).where(Announcement.status == SCHEDULED)
    return session.scalars(query.order_by(Announcement.send_at)).all()


def cancel_announcement(session: Session, announcement_id: int, *, now: datetime) -> bool:
    """Cancel one not yet sent; False if there is none such."""
    announcement = session.get(Announcement, announcement_id, with_for_update=True)
    if announcement is None or announcement.status != SCHEDULED:
        return False
    announcement.status = CANCELLED
    cancel_for_announcement(session, announcement_id, now=now)
    return True


def audience_ids(session: Session, announcement: Announcement, places: Sequence[str]) -> list[str]:
    """Who gets it: the announcement places (Slack channel, Matrix room), the organizer's
    Matrix room, or the conference's confirmed or waiting people."""
    if announcement.audience == "channel":
        return [place for place in places if place]
    if announcement.audience == "room":
        return [announcement.room] if announcement.room else []
    status = CONFIRMED if announcement.audience == "registrants" else WAITLISTED
    query = select(Registration.user_id).where(
        Registration.conference_id == announcement.conference_id, Registration.status == status
    )
    return list(session.scalars(query.order_by(Registration.id)))


def fan_out(
    session: Session, announcement: Announcement, recipients: Sequence[str], *, now: datetime
) -> int:
    """One outbox row per recipient of an announcement; how many were planned."""
    announcement.status = SENDING
    return sum(
        plan(
            session,
            key=f"announcement:{announcement.id}:{recipient}",
            kind="announcement",
            recipient=recipient,
            due_at=now,
            announcement_id=announcement.id,
        )
        for recipient in recipients
    )


def delivered_announcements(session: Session) -> list[tuple[Announcement, list[OutboxMessage]]]:
    """Announcements whose every message has an outcome, and those messages."""
    done = []
    for announcement in session.scalars(select(Announcement).where(Announcement.status == SENDING)):
        messages = list(
            session.scalars(
                select(OutboxMessage).where(
                    OutboxMessage.announcement_id == announcement.id,
                    OutboxMessage.kind == "announcement",
                )
            )
        )
        if all(message.status in FINAL for message in messages):
            done.append((announcement, messages))
    return done


def recent_announcements(session: Session, *, limit: int) -> Sequence[Announcement]:
    """The latest announcements, newest first, whatever their state."""
    query = select(Announcement).order_by(Announcement.send_at.desc(), Announcement.id.desc())
    return session.scalars(query.limit(limit)).all()


def mark_done(announcement: Announcement) -> None:
    """The announcement went out to everyone planned."""
    announcement.status = DONE


def outcome_counts(messages: Sequence[OutboxMessage]) -> Counter[str]:
    """Sent, failed and skipped, counted over an announcement's rows."""
    return Counter(message.status for message in messages)
