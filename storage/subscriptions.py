"""Members' wishes to be told of new conferences or opening registration, or to get the weekly
digest, and the notices about them in the outbox (planned once per conference and member by
their key)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, contains_eager

from storage.dialect import insert_for
from storage.models import Conference, NoticeSubscription
from storage.outbox import plan

NEW_CONFERENCE, REGISTRATION_OPEN = "new_conference", "registration_open"
# The wish to get the weekly digest by direct message (on Matrix, where there is no channel
# to join, or on Slack).
DIGEST_SUBJECT = "digest:weekly"


def new_subject(kind: str) -> str:
    """The subject of "tell me of new conferences" (kind "any" for all)."""
    return f"new:{kind}"


def registration_subject(conference_id: int) -> str:
    """The wish to hear when registration for a conference opens."""
    return f"registration:{conference_id}"


def subscribe(
    session: Session, user_id: str, subject: str, *, now: datetime, conference_id: int | None = None
) -> bool:
    """Store the wish unless it is stored already; True if it is new."""
    statement = (
        insert_for(session, NoticeSubscription)
        .values(user_id=user_id, subject=subject, conference_id=conference_id, created_at=now)
        .on_conflict_do_nothing()
        .returning(NoticeSubscription.id)
    )
    return session.execute(statement).scalar_one_or_none() is not None


def subscriptions_of(session: Session, user_id: str) -> Sequence[NoticeSubscription]:
    """A member's wishes to be told, oldest first."""
    query = select(NoticeSubscription).where(NoticeSubscription.user_id == user_id)
    return session.scalars(query.order_by(NoticeSubscription.id)).all()


def is_subscribed(session: Session, user_id: str, subjects: Sequence[str]) -> bool:
    """Whether the member has any of these wishes."""
    query = select(NoticeSubscription.id).where(
        NoticeSubscription.user_id == user_id, NoticeSubscription.subject.in_(subjects)
    )
    return session.scalars(query.limit(1)).first() is not None


def digest_subscribers(session: Session) -> list[str]:
    """Who asked for the weekly digest by direct message, in the order they asked."""
    query = select(NoticeSubscription.user_id).where(NoticeSubscription.subject == DIGEST_SUBJECT)
    return list(session.scalars(query.order_by(NoticeSubscription.id)))


def unsubscribe_all(session: Session, user_id: str) -> int:
    """Forget every wish of the user; returns how many there were."""
    found = len(subscriptions_of(session, user_id))
    session.execute(delete(NoticeSubscription).where(NoticeSubscription.user_id == user_id))
    return found


def plan_new_conference_notices(session: Session, conference: Conference, *, now: datetime) -> int:
    """One notice per member who wants to hear of this conference's kind (or of all), once;
    returns how many are new."""
    subjects = (new_subject("any"), new_subject(conference.kind))
    query = select(NoticeSubscription.user_id).where(NoticeSubscription.subject.in_(subjects))
    users = sorted(set(session.scalars(query)))
    return sum(
        plan(
            session,
            key=f"{NEW_CONFERENCE}:{conference.id}:{user}",
            kind=NEW_CONFERENCE,
            recipient=user,
            due_at=now,
            conference_id=conference.id,
        )
        for user in users
    )


def registration_waiters(session: Session) -> Sequence[NoticeSubscription]:
    """Every wish to be told when registration opens, with its conference."""
    query = (
        select(NoticeSubscription)
        .join(Conference, NoticeSubscription.conference_id == Conference.id)
        .options(contains_eager(NoticeSubscription.conference))
        .where(NoticeSubscription.subject.startswith("registration:"))
    )
    return session.scalars(query.order_by(NoticeSubscription.id)).all()


def plan_registration_notice(
    session: Session, subscription: NoticeSubscription, *, now: datetime
) -> bool:
    """The notice that registration is open, once; the wish is then fulfilled and dropped."""
    conference_id = subscription.conference_id
    new = plan(
        session,
        key=f"{REGISTRATION_OPEN}:{conference_id}:{subscription.user_id}",
        kind=REGISTRATION_OPEN,
        recipient=subscription.user_id,
        due_at=now,
        conference_id=conference_id,
    )
    session.delete(subscription)
    return new
