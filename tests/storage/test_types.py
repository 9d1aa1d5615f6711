"""Times are stored as aware UTC datetimes; a naive one is refused before it reaches the row."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from storage.models import Organizer
from tests.conftest import berlin


def test_an_aware_time_comes_back_as_the_same_instant_in_utc(engine: Engine) -> None:
    added = berlin("2026-07-01T09:30")
    with Session(engine) as session, session.begin():
        session.add(Organizer(user_id="U1", added_at=added))
    with Session(engine) as session:
        stored = session.get(Organizer, "U1")
        assert stored is not None
        assert stored.added_at == added
        assert stored.added_at.utcoffset() == timedelta(0)


def test_a_naive_time_is_refused(engine: Engine) -> None:
    with Session(engine) as session, pytest.raises(StatementError, match="naive datetime"):
        session.add(Organizer(user_id="U2", added_at=datetime(2026, 7, 1, 9, 30)))  # noqa: DTZ001
        session.flush()
