"""Secret tokens of members' personal calendar links, and what a feed is built from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from storage.models import Conference, FeedToken


def token_of(session: Session, user_id: str) -> str | None:
    row = session.get(FeedToken, user_id)
    return row.token if row else None


def store_token(session: Session, user_id: str, token: str, *, now: datetime) -> None:
    session.add(FeedToken(user_id=user_id, token=token, created_at=now))
    session.flush()


def user_of_token(session: Session, token: str) -> str | None:
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


def feed_conferences(session: Session) -> list[Conference]:
    """Every conference, soonest first, for the public feed (the programme loaded too)."""
    query = select(Conference).options(selectinload(Conference.agenda))
    return list(session.scalars(query.order_by(Conference.starts_at, Conference.id)))
