"""The bot's Matrix device (id and access token), shared by all replicas through the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import MatrixDevice


@dataclass(frozen=True)
class DeviceLogin:
    """The Matrix device the bot uses for good: id and access token."""

    user_id: str
    device_id: str
    access_token: str


def find_device(session: Session, user_id: str) -> DeviceLogin | None:
    """The stored device of a Matrix account, if it logged in before."""
    row = session.scalars(select(MatrixDevice).where(MatrixDevice.user_id == user_id)).first()
    if row is None:
        return None
    return DeviceLogin(row.user_id, row.device_id, row.access_token)


def save_device(session: Session, login: DeviceLogin, *, now: datetime) -> None:
    """Remember the device of a new login (replacing one whose token the server revoked)."""
    row = session.get(MatrixDevice, login.user_id)
    if row is None:
        session.add(
            MatrixDevice(
                user_id=login.user_id,
                device_id=login.device_id,
                access_token=login.access_token,
                created_at=now,
            )
        )
    else:
        row.device_id = login.device_id
        row.access_token = login.access_token
        row.created_at = now
