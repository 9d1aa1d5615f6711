"""The conference each user last talked about, for follow-up questions."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.dialect import insert_for
from storage.models import ConversationContext


def remember_conference(session: Session, user_id: str, slug: str, *, now: datetime) -> None:
    """The conference a member talked about last, for "sie" and "dort"."""
    statement = insert_for(session, ConversationContext).values(
        user_id=user_id, conference_slug=slug, updated_at=now
    )
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id"], set_={"conference_slug": slug, "updated_at": now}
        )
    )


def recall_conference(
    session: Session, user_id: str, *, now: datetime, max_age: timedelta
) -> str | None:
    """The slug talked about last, if that was within `max_age`."""
    context = session.scalars(
        select(ConversationContext).where(ConversationContext.user_id == user_id)
    ).one_or_none()
    if context is None or now - context.updated_at > max_age:
        return None
    return context.conference_slug
