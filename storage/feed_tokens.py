"""Secret tokens of members' personal calendar links, and what a feed is built from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.models import Conference, FeedToken


class FeedRow(NamedTuple):
    """A conference as the feed needs it."""

    id: int
    slug: str
    updated_at: datetime | None
    cancelled_at: datetime | None


def token_of(session: Session, user_id: str) -> str | None:
    """A member's calendar token, if they have one."""
    row = session.get(FeedToken, user_id)
    return row.token if row else None


def store_token(session: Session, user_id: str, token: str, *, now: datetime) -> None:
    """Give a member a calendar token."""
    session.add(FeedToken(user_id=user_id, token=token, created_at=now))
    session.flush()


def user_of_token(session: Session, token: str) -> str | None:
    """Whose calendar a token opens, if anyone's."""
    return session.scalar(select(FeedToken.user_id).where(FeedToken.token == token))


def revoke_token(session: Session, user_id: str) -> bool:
    """Delete the user's token; True if there was one."""
    result = session.execute(delete(FeedToken).where(FeedToken.user_id == user_id))
    return bool(getattr(result, "rowcount", 0))


def feed_signature(session: Session) -> tuple[int, datetime | None, int]:
    """(count, last change, highest id): changes whenever the public feed would."""
    count, changed, highest = session.execute(
        select(func.count(), func.max(Conference.updated_at), func.max(Conference.id))
    ).one()
    return int(count), changed, int(highest or 0)


def feed_rows(session: Session) -> list[FeedRow]:
    """Id, slug and change times of every conference, soonest first: enough to tell which
    entries of a feed must be built again."""
    query = select(
        Conference.id, Conference.slug, Conference.updated_at, Conference.cancelled_at
    ).order_by(Conference.starts_at, Conference.id)
    return [FeedRow(*row) for row in session.execute(query)]


def conferences_by_id(session: Session, ids: Sequence[int]) -> list[Conference]:
    """The conferences with these ids."""
    if not ids:
        return []
    return list(session.scalars(select(Conference).where(Conference.id.in_(ids))))
