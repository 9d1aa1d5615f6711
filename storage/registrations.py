"""Registrations with capacity and a FIFO waitlist. Functions take a session and never commit.

Every change to a conference's registrations first locks that conference's row (PostgreSQL:
SELECT ... FOR UPDATE; SQLite: the write lock that BEGIN IMMEDIATE took) and keeps the seat
counters on that row in step, so checking for a free seat and taking it cannot interleave.
The database itself refuses more confirmed seats than capacity (a check constraint) and a
second row for the same person (a unique constraint).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from storage.models import Conference, Registration

CONFIRMED = "confirmed"
WAITLISTED = "waitlisted"
CANCELLED = "cancelled"
ACTIVE = (CONFIRMED, WAITLISTED)


@dataclass(frozen=True)
class Details:
    """What a member tells us when registering."""

    name: str
    municipality: str
    role: str
    notes: str


@dataclass(frozen=True)
class Outcome:
    """The result of a registration attempt; `new` is False when nothing changed."""

    registration: Registration
    new: bool
    position: int | None


def lock_conference(session: Session, conference_id: int) -> Conference:
    query = select(Conference).where(Conference.id == conference_id).with_for_update()
    return session.scalars(query).one()


def find_registration(session: Session, conference_id: int, user_id: str) -> Registration | None:
    query = select(Registration).where(
        Registration.conference_id == conference_id, Registration.user_id == user_id
    )
    return session.scalars(query).one_or_none()


def waitlist_position(session: Session, registration: Registration) -> int | None:
    """1 for the first person waiting; None if not on the waitlist."""
    if registration.status != WAITLISTED or registration.waitlist_seq is None:
        return None
    query = select(func.count()).where(
        Registration.conference_id == registration.conference_id,
        Registration.status == WAITLISTED,
        Registration.waitlist_seq <= registration.waitlist_seq,
    )
    return session.scalar(query)


def register(
    session: Session, locked: Conference, user_id: str, details: Details, *, now: datetime
) -> Outcome:
    """Confirm a seat if one is free, else join the end of the waitlist; idempotent per user.

    `locked` must come from `lock_conference` (or `get_conference(..., for_update=True)`)
    in this transaction.
    """
    registration = find_registration(session, locked.id, user_id)
    if registration is not None and registration.status in ACTIVE:
        return Outcome(registration, new=False, position=waitlist_position(session, registration))
    if registration is None:
        registration = Registration(conference_id=locked.id, user_id=user_id, created_at=now)
        session.add(registration)
    position = None
    if has_free_seat(locked):
        registration.status, registration.waitlist_seq = CONFIRMED, None
        locked.confirmed_count += 1
    else:
        locked.waitlist_last_seq += 1
        locked.waitlisted_count += 1
        registration.status, registration.waitlist_seq = WAITLISTED, locked.waitlist_last_seq
        position = locked.waitlisted_count
    registration.name, registration.municipality = details.name, details.municipality
    registration.role, registration.notes = details.role, details.notes
    registration.consent_at = registration.updated_at = now
    session.flush()
    return Outcome(registration, new=True, position=position)


def has_free_seat(conference: Conference) -> bool:
    return conference.capacity is None or conference.confirmed_count < conference.capacity


def cancel(
    session: Session, conference_id: int, user_id: str, *, now: datetime
) -> tuple[Registration | None, list[Registration]]:
    """Cancel the user's registration; returns it (None if there was none) and who moved up."""
    conference = lock_conference(session, conference_id)
    registration = find_registration(session, conference_id, user_id)
    if registration is None or registration.status not in ACTIVE:
        return None, []
    if registration.status == CONFIRMED:
        conference.confirmed_count -= 1
    else:
        conference.waitlisted_count -= 1
    registration.status, registration.waitlist_seq = CANCELLED, None
    registration.updated_at = now
    session.flush()
    return registration, fill_free_seats(session, conference, now=now)


def fill_free_seats(
    session: Session, conference: Conference, *, now: datetime
) -> list[Registration]:
    """Promote waiting people in order while seats are free (the conference must be locked)."""
    query = (
        select(Registration)
        .where(Registration.conference_id == conference.id, Registration.status == WAITLISTED)
        .order_by(Registration.waitlist_seq)
    )
    if conference.capacity is not None:
        free = conference.capacity - conference.confirmed_count
        if free <= 0:
            return []
        query = query.limit(free)
    promoted = list(session.scalars(query))
    for registration in promoted:
        registration.status, registration.waitlist_seq = CONFIRMED, None
        registration.updated_at = now
    conference.confirmed_count += len(promoted)
    conference.waitlisted_count -= len(promoted)
    session.flush()
    return promoted


def registrations_of_user(session: Session, user_id: str) -> Sequence[Registration]:
    query = (
        select(Registration)
        .where(Registration.user_id == user_id, Registration.status.in_(ACTIVE))
        .options(selectinload(Registration.conference))
        .join(Conference)
        .order_by(Conference.starts_at)
    )
    return session.scalars(query).all()


def participants(session: Session, conference_id: int) -> Sequence[Registration]:
    """Active registrations: confirmed first (by date), then the waitlist in order."""
    query = select(Registration).where(
        Registration.conference_id == conference_id, Registration.status.in_(ACTIVE)
    )
    rows = session.scalars(query.order_by(Registration.created_at, Registration.id)).all()
    return sorted(rows, key=lambda r: (r.status != CONFIRMED, r.waitlist_seq or 0))


class CapacityError(ValueError):
    """The new capacity is below the number of confirmed seats."""


def set_capacity(
    session: Session, conference_id: int, capacity: int | None, *, now: datetime
) -> list[Registration]:
    """Change the capacity (None: unlimited); raising it promotes waiting people in order."""
    conference = lock_conference(session, conference_id)
    if capacity is not None and capacity < conference.confirmed_count:
        raise CapacityError(f"{conference.confirmed_count} seats are already confirmed")
    conference.capacity = capacity
    session.flush()
    return fill_free_seats(session, conference, now=now)
