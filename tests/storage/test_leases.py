"""Only one replica syncs a Matrix account: the lease passes on only when its holder is gone."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from storage.leases import acquire_lease, release_lease
from tests.conftest import berlin

NOW = berlin("2025-09-01T10:00")
MINUTE = timedelta(minutes=1)


def take(engine: Engine, holder: str, *, after: timedelta = timedelta(0)) -> bool:
    with Session(engine) as session, session.begin():
        return acquire_lease(session, "matrix", holder=holder, now=NOW + after, duration=MINUTE)


def test_the_second_replica_waits_while_the_first_renews(engine: Engine) -> None:
    assert take(engine, "replica-a")
    assert not take(engine, "replica-b", after=timedelta(seconds=30))
    assert take(engine, "replica-a", after=timedelta(seconds=40))
    assert not take(engine, "replica-b", after=timedelta(seconds=90))


def test_another_replica_takes_over_once_the_holder_stops_renewing(engine: Engine) -> None:
    assert take(engine, "replica-a")
    assert take(engine, "replica-b", after=timedelta(seconds=61))
    assert not take(engine, "replica-a", after=timedelta(seconds=62))


def test_a_released_lease_is_free_at_once(engine: Engine) -> None:
    assert take(engine, "replica-a")
    with Session(engine) as session, session.begin():
        release_lease(session, "matrix", holder="replica-a")
    assert take(engine, "replica-b", after=timedelta(seconds=1))
