"""Leases: one replica at a time does a job (e.g. syncing a Matrix account) while it renews."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import delete, or_, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from storage.dialect import insert_for
from storage.models import Lease


def acquire_lease(
    session: Session, name: str, *, holder: str, now: datetime, duration: timedelta
) -> bool:
    """Take or renew the lease; True if `holder` has it until now + duration.

    Succeeds when nobody holds it, when `holder` already does, or when the last holder let it
    expire (it died, or lost its connection to the database).
    """
    renewed = session.execute(
        update(Lease)
        .where(Lease.name == name, or_(Lease.holder == holder, Lease.expires_at < now))
        .values(holder=holder, expires_at=now + duration)
    )
    if cast(CursorResult[Any], renewed).rowcount == 1:
        return True
    created = session.execute(
        insert_for(session, Lease)
        .values(name=name, holder=holder, expires_at=now + duration)
        .on_conflict_do_nothing()
        .returning(Lease.name)
    )
    return created.scalar_one_or_none() is not None


def release_lease(session: Session, name: str, *, holder: str) -> None:
    """Give the lease up at once, so that another replica need not wait for it to expire."""
    session.execute(delete(Lease).where(Lease.name == name, Lease.holder == holder))
