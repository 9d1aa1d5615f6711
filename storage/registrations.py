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
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from storage.models import Conference, Registration
from storage.outbox import plan

CONFIRMED = "confirmed"
WAITLISTED = "waitlisted"
# A freed seat held for the first person waiting until they accept or the offer expires; it
# counts as taken (confirmed_count), so nobody can jump the queue for it.
OFFERED = "offered"
CANCELLED = "cancelled"
ACTIVE = (CONFIRMED, WAITLISTED, OFFERED)
SEAT_OFFER = "seat_offer"
OFFER_LAPSED = "offer_lapsed"


@dataclass(frozen=True)
class Details:
    """What a member tells us when registering."""

    name: str
    municipality: str
    role: str
    notes: str
    # Agreed to be shown to other participants of the conference (name, municipality, role).
    visible: bool = False


@dataclass(frozen=True)
class Outcome:
    """The result of a registration attempt; `new` is False when nothing changed."""

    registration_id: int
    status: str
    new: bool
    position: int | None


def lock_conference(session: Session, conference_id: int) -> Conference:
    """The conference, locked for this transaction: seat counts change one at a time."""
    query = select(Conference).where(Conference.id == conference_id).with_for_update()
    return session.scalars(query).one()


# The registration hot path uses statements built once, with bound parameters: building and
# hashing a statement on every call cost about as much as running it.
_FIND = select(Registration).where(
    Registration.conference_id == bindparam("conference"), Registration.user_id == bindparam("user")
)
_REGISTRATIONS = cast(Table, Registration.__table__)
_INSERT = _REGISTRATIONS.insert().returning(_REGISTRATIONS.c.id)
_CONFERENCES = cast(Table, Conference.__table__)
_COUNT_CONFIRMED = (
    _CONFERENCES.update()
    .where(_CONFERENCES.c.id == bindparam("conference"))
    .values(confirmed_count=bindparam("confirmed"))
)
_COUNT_WAITING = (
    _CONFERENCES.update()
    .where(_CONFERENCES.c.id == bindparam("conference"))
    .values(waitlist_last_seq=bindparam("seq"), waitlisted_count=bindparam("waiting"))
)


def find_registration(session: Session, conference_id: int, user_id: str) -> Registration | None:
    """A member's registration for a conference, if any."""
    parameters = {"conference": conference_id, "user": user_id}
    return session.scalars(_FIND, parameters).one_or_none()


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
    in this transaction. New rows are written with plain Core statements on the session's
    connection: the unit of work cost more than the rest of a registration together.
    """
    registration = find_registration(session, locked.id, user_id)
    if registration is not None and registration.status in ACTIVE:
        position = waitlist_position(session, registration)
        return Outcome(registration.id, registration.status, new=False, position=position)
    position = None
    connection = session.connection()
    if has_free_seat(locked):
        status, seq = CONFIRMED, None
        counts = {"confirmed_count": locked.confirmed_count + 1}
        connection.execute(
            _COUNT_CONFIRMED, {"conference": locked.id, "confirmed": counts["confirmed_count"]}
        )
    else:
        status, seq = WAITLISTED, locked.waitlist_last_seq + 1
        position = locked.waitlisted_count + 1
        counts = {"waitlist_last_seq": seq, "waitlisted_count": position}
        connection.execute(
            _COUNT_WAITING, {"conference": locked.id, "seq": seq, "waiting": position}
        )
    for key, value in counts.items():
        set_committed_value(locked, key, value)
    values: dict[str, object] = {
        "status": status,
        "waitlist_seq": seq,
        "name": details.name,
        "municipality": details.municipality,
        "role": details.role,
        "notes": details.notes,
        "consent_at": now,
        "visible_since": now if details.visible else None,
        "updated_at": now,
    }
    if registration is None:
        row = {
            "conference_id": locked.id,
            "user_id": user_id,
            "created_at": now,
            "anonymised": False,
            **values,
        }
        registration_id = int(connection.execute(_INSERT, row).scalar_one())
    else:
        for column, new_value in values.items():
            setattr(registration, column, new_value)
        registration_id = registration.id
        session.flush()
    return Outcome(registration_id, status, new=True, position=position)


def has_free_seat(conference: Conference) -> bool:
    """Whether one more person can be confirmed."""
    return conference.capacity is None or conference.confirmed_count < conference.capacity


def cancel(
    session: Session,
    conference_id: int,
    user_id: str,
    *,
    now: datetime,
    offer_for: timedelta | None = None,
) -> tuple[Registration | None, list[Registration]]:
    """Cancel the user's registration; returns it (None if there was none) and who moved up
    (with `offer_for`, the freed seat is offered instead and nobody moves up yet)."""
    conference = lock_conference(session, conference_id)
    registration = find_registration(session, conference_id, user_id)
    if registration is None or registration.status not in ACTIVE:
        return None, []
    _release(conference, registration, now=now)
    session.flush()
    return registration, fill_free_seats(session, conference, now=now, offer_for=offer_for)


def _release(conference: Conference, registration: Registration, *, now: datetime) -> None:
    if registration.status == WAITLISTED:
        conference.waitlisted_count -= 1
    else:  # confirmed, or a held offer
        conference.confirmed_count -= 1
    registration.status, registration.waitlist_seq = CANCELLED, None
    registration.offer_expires_at = None
    registration.updated_at = now


def fill_free_seats(
    session: Session,
    conference: Conference,
    *,
    now: datetime,
    offer_for: timedelta | None = None,
) -> list[Registration]:
    """Promote waiting people in order while seats are free (the conference must be locked);
    with `offer_for`, hold the seats for them as offers instead (returns nobody then)."""
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
        if offer_for is not None:
            _offer(session, registration, until=now + offer_for)
    conference.confirmed_count += len(promoted)
    conference.waitlisted_count -= len(promoted)
    session.flush()
    return [] if offer_for is not None else promoted


def _offer(session: Session, registration: Registration, *, until: datetime) -> None:
    """Hold the seat for the person and plan the offer message, once per offer."""
    registration.status, registration.offer_expires_at = OFFERED, until
    plan(
        session,
        key=f"{SEAT_OFFER}:{registration.id}:{int(until.timestamp())}",
        kind=SEAT_OFFER,
        recipient=registration.user_id,
        due_at=registration.updated_at,
        conference_id=registration.conference_id,
    )


def accept_offer(
    session: Session, conference_id: int, user_id: str, *, now: datetime
) -> Registration | None:
    """Confirm a held seat if the offer still stands; None if there is none (any more)."""
    lock_conference(session, conference_id)
    registration = find_registration(session, conference_id, user_id)
    expires = registration.offer_expires_at if registration is not None else None
    if registration is None or registration.status != OFFERED or expires is None or expires <= now:
        return None
    registration.status, registration.offer_expires_at = CONFIRMED, None
    registration.updated_at = now
    session.flush()
    return registration


def expire_offers(session: Session, *, now: datetime, offer_for: timedelta) -> int:
    """Offers not accepted in time lapse and pass to the next person waiting; returns how
    many lapsed."""
    query = select(Registration.conference_id, Registration.user_id).where(
        Registration.status == OFFERED, Registration.offer_expires_at <= now
    )
    lapsed = session.execute(query.order_by(Registration.id)).all()
    for conference_id, user_id in lapsed:
        conference = lock_conference(session, conference_id)
        registration = find_registration(session, conference_id, user_id)
        if registration is None or registration.status != OFFERED:
            continue  # accepted or cancelled meanwhile
        _tell_lapsed(session, registration, now=now)
        _release(conference, registration, now=now)
        session.flush()
        fill_free_seats(session, conference, now=now, offer_for=offer_for)
    return len(lapsed)


def _tell_lapsed(session: Session, registration: Registration, *, now: datetime) -> None:
    """Plan the message that the offer lapsed: once per offer (its key names the offer)."""
    expired = registration.offer_expires_at or now
    plan(
        session,
        key=f"{OFFER_LAPSED}:{registration.id}:{int(expired.timestamp())}",
        kind=OFFER_LAPSED,
        recipient=registration.user_id,
        due_at=now,
        conference_id=registration.conference_id,
    )


def registrations_of_user(session: Session, user_id: str) -> Sequence[Registration]:
    """All of a member's registrations, by conference date."""
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
    session: Session,
    conference_id: int,
    capacity: int | None,
    *,
    now: datetime,
    offer_for: timedelta | None = None,
) -> list[Registration]:
    """Change the capacity (None: unlimited); raising it promotes waiting people in order."""
    conference = lock_conference(session, conference_id)
    if capacity is not None and capacity < conference.confirmed_count:
        raise CapacityError(f"{conference.confirmed_count} seats are already confirmed")
    conference.capacity = capacity
    session.flush()
    return fill_free_seats(session, conference, now=now, offer_for=offer_for)
