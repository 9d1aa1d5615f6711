"""Seat figures beyond the counters on the conference row. Functions never commit."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Registration
from storage.registrations import OFFERED


def held_offers(session: Session, conference_ids: Collection[int]) -> dict[int, int]:
    """Per conference, the seats held for an open offer; they are part of `confirmed_count`
    (so nobody jumps the queue for them) but nobody has accepted them yet."""
    if not conference_ids:
        return {}
    query = (
        select(Registration.conference_id, func.count())
        .where(Registration.conference_id.in_(conference_ids), Registration.status == OFFERED)
        .group_by(Registration.conference_id)
    )
    return {conference_id: count for conference_id, count in session.execute(query).all()}
