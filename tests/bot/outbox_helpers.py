"""Conferences, registrations and a dispatcher for the reminder tests."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from bot.clock import FixedClock
from bot.config import Config, RemindersSection
from bot.dispatcher import Dispatcher
from bot.services import Services, build_services
from bot.slack_sender import SlackSender
from storage.models import Conference
from storage.registrations import Details, lock_conference, register
from tests.conftest import berlin

DETAILS = Details(name="Erika Muster", municipality="Ulm", role="Team", notes="")


def fast(config: Config, **changes: object) -> Config:
    """Reminder settings that do not pace tests down, sending one at a time (in order)."""
    reminders = RemindersSection(messages_per_second=1000, parallel_sends=1)
    reminders = dataclasses.replace(reminders, **changes)
    return dataclasses.replace(config, reminders=reminders)


def services_at(config: Config, iso: str) -> Services:
    return build_services(config, clock=FixedClock(berlin(iso)))


def add_conference(
    services: Services, start: str, *, slug: str = "rk40-2026-test", capacity: int | None = None
) -> int:
    begins = berlin(start)
    with services.sessions.begin() as session:
        conference = Conference(
            slug=slug,
            kind="regionalkonferenz",
            number=40,
            title="40. Regionalkonferenz",
            motto="",
            starts_at=begins,
            ends_at=begins + timedelta(hours=6),
            times_known=True,
            venue="Rathaus",
            address="Marktplatz 1, 89073 Ulm",
            city="Ulm",
            topics=[],
            source_url="",
            capacity=capacity,
        )
        session.add(conference)
        session.flush()
        return conference.id


def register_users(services: Services, conference_id: int, *users: str) -> None:
    for user in users:
        with services.sessions.begin() as session:
            register(
                session,
                lock_conference(session, conference_id),
                user,
                DETAILS,
                now=services.clock(),
            )


def dispatcher(services: Services) -> Dispatcher:
    """A dispatcher whose pace runs on the test's clock: waits are computed, never slept."""
    sender = SlackSender.from_config(services.config)
    return Dispatcher(services, sender, wall=services.clock, sleep=lambda _seconds: None)


def dispatch(services: Services) -> dict[str, int]:
    """Send what is due once; the outcomes."""
    return dict(dispatcher(services).run_once())
