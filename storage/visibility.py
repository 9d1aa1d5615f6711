"""Who agreed to be shown to the other participants of a conference ("Wer kommt noch?").
Functions take a session and never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import Registration
from storage.registrations import ACTIVE, CONFIRMED


def visible_participants(
    session: Session, conference_id: int, *, besides: str
) -> Sequence[Registration]:
    """Confirmed participants who agreed to be shown, without the one asking, by name."""
    query = select(Registration).where(
        Registration.conference_id == conference_id,
        Registration.status == CONFIRMED,
        Registration.visible_since.is_not(None),
        Registration.anonymised.is_(False),
        Registration.user_id != besides,
    )
    return session.scalars(query.order_by(Registration.name, Registration.id)).all()


def set_visible(
    session: Session,
    user_id: str,
    *,
    visible: bool,
    now: datetime,
    conference_id: int | None = None,
) -> int:
    """Give or withdraw the consent on the member's active registrations (all, or the one
    for `conference_id`); returns how many changed."""
    changes = (
        Registration.visible_since.is_(None) if visible else Registration.visible_since.is_not(None)
    )
    statement = (
        update(Registration)
        .where(Registration.user_id == user_id, Registration.status.in_(ACTIVE), changes)
        .values(visible_since=now if visible else None)
        .execution_options(synchronize_session="fetch")
    )
    if conference_id is not None:
        statement = statement.where(Registration.conference_id == conference_id)
    result = session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)
