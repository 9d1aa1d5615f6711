"""Handled Events API ids: claimed once, forgotten after they expire."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.scheduler import purge_personal_data
from bot.services import Services
from storage.events import claim_event
from storage.models import ProcessedEvent
from tests.conftest import berlin


def test_an_event_id_is_claimed_once(engine: Engine) -> None:
    now = berlin("2026-01-01T10:00")
    with Session(engine) as session, session.begin():
        assert claim_event(session, "Ev1", now=now, keep=timedelta(hours=24))
        assert not claim_event(session, "Ev1", now=now, keep=timedelta(hours=24))


def test_the_daily_job_forgets_expired_event_ids(services: Services, engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        claim_event(session, "EvOld", now=berlin("2025-08-01T10:00"), keep=timedelta(hours=24))
        claim_event(session, "EvNew", now=berlin("2025-09-01T09:00"), keep=timedelta(hours=24))
    purge_personal_data(services)  # the services' clock says 2025-09-01 10:00
    with Session(engine) as session:
        ids = set(session.scalars(select(ProcessedEvent.event_id)))
        assert ids == {"EvNew"}
        assert session.scalar(select(func.count()).select_from(ProcessedEvent)) == 1
