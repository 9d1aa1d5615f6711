"""Registration guarantees under concurrency, on the real database (SQLite or PostgreSQL)."""

from __future__ import annotations

import random
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from storage.models import Conference, Registration
from storage.registrations import (
    CONFIRMED,
    WAITLISTED,
    CapacityError,
    Details,
    cancel,
    lock_conference,
    register,
    set_capacity,
    waitlist_position,
)

NOW = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
DETAILS = Details(name="Erika Muster", municipality="Ulm", role="Smart-City-Team", notes="")


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@pytest.fixture
def conference_id(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        conference = Conference(
            slug="rk30-2027-test",
            kind="regionalkonferenz",
            number=30,
            title="30. RK",
            motto="",
            starts_at=NOW + timedelta(days=30),
            ends_at=NOW + timedelta(days=30, hours=8),
            venue="",
            address="",
            city="Ulm",
            topics=[],
            source_url="",
            capacity=100,
        )
        session.add(conference)
        session.flush()
        return conference.id


def _register(sessions: sessionmaker[Session], conference_id: int, user: str) -> str:
    with sessions.begin() as session:
        locked = lock_conference(session, conference_id)
        return register(session, locked, user, DETAILS, now=NOW).status


def _state(sessions: sessionmaker[Session], conference_id: int) -> tuple[int, list[int]]:
    with sessions.begin() as session:
        rows = session.scalars(
            select(Registration).where(Registration.conference_id == conference_id)
        ).all()
        confirmed = sum(r.status == CONFIRMED for r in rows)
        positions = sorted(
            waitlist_position(session, r) or 0 for r in rows if r.status == WAITLISTED
        )
        return confirmed, positions


def test_1000_concurrent_registrations_for_100_seats(
    sessions: sessionmaker[Session], conference_id: int
) -> None:
    users = [f"U{n:04d}" for n in range(1000)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = Counter(pool.map(lambda u: _register(sessions, conference_id, u), users))
    assert outcomes == {CONFIRMED: 100, WAITLISTED: 900}
    confirmed, positions = _state(sessions, conference_id)
    assert confirmed == 100
    assert positions == list(range(1, 901))


def test_the_same_user_registering_20_times_concurrently_gets_one_registration(
    sessions: sessionmaker[Session], conference_id: int
) -> None:
    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(lambda _: _register(sessions, conference_id, "U1"), range(20)))
    with sessions.begin() as session:
        rows = session.scalars(select(Registration).where(Registration.user_id == "U1")).all()
    assert [r.status for r in rows] == [CONFIRMED]


def test_concurrent_cancels_and_registrations_never_overbook_or_skip(
    sessions: sessionmaker[Session], conference_id: int
) -> None:
    with sessions.begin() as session:
        set_capacity(session, conference_id, 10, now=NOW)
    first = [f"A{n}" for n in range(30)]
    for user in first:  # 10 confirmed, 20 waiting in this order
        _register(sessions, conference_id, user)

    def act(item: tuple[str, str]) -> None:
        action, user = item
        if action == "cancel":
            with sessions.begin() as session:
                cancel(session, conference_id, user, now=NOW)
        else:
            _register(sessions, conference_id, user)

    work = [("cancel", u) for u in first[:8]] + [("register", f"B{n}") for n in range(20)]
    random.Random(7).shuffle(work)
    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(act, work))
    with sessions.begin() as session:
        rows = session.scalars(
            select(Registration).where(Registration.conference_id == conference_id)
        ).all()
        confirmed = {r.user_id for r in rows if r.status == CONFIRMED}
    assert len(confirmed) == 10
    # The first ten still waiting among the early registrants (A10..A17) moved up before any
    # late registrant: nobody waiting was skipped.
    assert {f"A{n}" for n in range(8, 18)} == confirmed


def test_raising_capacity_promotes_in_order_and_lowering_below_confirmed_is_refused(
    sessions: sessionmaker[Session], conference_id: int
) -> None:
    with sessions.begin() as session:
        set_capacity(session, conference_id, 2, now=NOW)
    for user in ("U1", "U2", "U3", "U4", "U5"):
        _register(sessions, conference_id, user)
    with sessions.begin() as session:
        promoted = set_capacity(session, conference_id, 4, now=NOW)
        assert [r.user_id for r in promoted] == ["U3", "U4"]
    with sessions.begin() as session, pytest.raises(CapacityError):
        set_capacity(session, conference_id, 3, now=NOW)
    assert _state(sessions, conference_id) == (4, [1])
