"""The open dialog of each user, as JSON: replaced by the next question, dropped when done."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.dialect import insert_for
from storage.models import Dialog


def open_dialog(
    session: Session, user_id: str, *, now: datetime, max_age: timedelta
) -> dict[str, Any] | None:
    """The state of the user's open dialog, unless it is older than `max_age`."""
    dialog = session.scalars(select(Dialog).where(Dialog.user_id == user_id)).one_or_none()
    if dialog is None or now - dialog.updated_at > max_age:
        return None
    return dict(dialog.state)


def save_dialog(session: Session, user_id: str, state: dict[str, Any], *, now: datetime) -> None:
    """Start or continue the user's dialog."""
    statement = insert_for(session, Dialog).values(user_id=user_id, state=state, updated_at=now)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id"], set_={"state": state, "updated_at": now}
        )
    )


def close_dialog(session: Session, user_id: str) -> None:
    """Nothing is pending for the user any more."""
    session.execute(delete(Dialog).where(Dialog.user_id == user_id))
