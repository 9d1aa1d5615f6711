"""Queries and upserts for conferences. Functions take a session and never commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from storage.conference_file import ConferenceRecord
from storage.models import AgendaItem, Conference


def all_conferences(session: Session) -> Sequence[Conference]:
    """Every conference in chronological order, with its agenda loaded."""
    query = select(Conference).options(selectinload(Conference.agenda))
    return session.scalars(query.order_by(Conference.starts_at)).all()


_BY_SLUG = select(Conference).where(Conference.slug == bindparam("slug"))
_BY_SLUG_LOCKED = _BY_SLUG.with_for_update()


def get_conference(session: Session, slug: str, *, for_update: bool = False) -> Conference | None:
    """One conference by slug (its agenda loads when first used).

    `for_update` locks its row until the transaction ends, as registration changes need.
    """
    query = _BY_SLUG_LOCKED if for_update else _BY_SLUG
    return session.scalars(query, {"slug": slug}).one_or_none()


def upcoming_conferences(session: Session, now: datetime) -> Sequence[Conference]:
    """Conferences that have not ended yet and are not cancelled, soonest first."""
    query = (
        select(Conference)
        .where(Conference.ends_at > now, Conference.cancelled_at.is_(None))
        .order_by(Conference.starts_at)
    )
    return session.scalars(query).all()


def count_conferences(session: Session) -> int:
    """How many conferences are stored."""
    return session.scalar(select(func.count()).select_from(Conference)) or 0


def upsert_conferences(
    session: Session, records: Sequence[ConferenceRecord], *, now: datetime
) -> tuple[int, int]:
    """Insert new conferences and update existing ones by slug; returns (created, updated).

    Capacity and registration dates are only overwritten when the file gives them, so that an
    organizer's change in the bot survives a re-import.
    """
    existing = {
        c.slug: c
        for c in session.scalars(
            select(Conference)
            .where(Conference.slug.in_([r.slug for r in records]))
            .options(selectinload(Conference.agenda))
        )
    }
    created = 0
    for record in records:
        conference = existing.get(record.slug)
        if conference is None:
            conference = Conference(slug=record.slug)
            session.add(conference)
            created += 1
        apply_record(conference, record, now=now)
    session.flush()
    return created, len(records) - created


_TICK = timedelta(microseconds=1)
_KEEP_WHEN_MISSING = ("capacity", "registration_opens_at", "registration_deadline")


def touch(conference: Conference, *, now: datetime) -> None:
    """Mark a write: `updated_at` moves forward every time, even twice within one clock tick,
    so that feeds and their caches always see the change."""
    previous = conference.updated_at
    conference.updated_at = now if previous is None or now > previous else previous + _TICK


def apply_record(conference: Conference, record: ConferenceRecord, *, now: datetime) -> None:
    """Write the record's values over the conference (capacity and registration dates only
    when given) and replace its programme."""
    touch(conference, now=now)
    values = asdict(record)
    values.pop("agenda")
    for key, value in values.items():
        if key in _KEEP_WHEN_MISSING and value is None:
            continue
        setattr(conference, key, list(value) if key == "topics" else value)
    conference.agenda = [
        AgendaItem(
            starts_at=item.starts_at, ends_at=item.ends_at, title=item.title, speaker=item.speaker
        )
        for item in record.agenda
    ]


def conference_signature(session: Session) -> tuple[int, datetime | None, int]:
    """(count, newest `updated_at`, highest id): changes with every write, since each write
    moves `updated_at` forward (see `touch`), and with every insert or delete."""
    count, changed, highest = session.execute(
        select(func.count(), func.max(Conference.updated_at), func.max(Conference.id))
    ).one()
    return int(count), changed, int(highest or 0)
