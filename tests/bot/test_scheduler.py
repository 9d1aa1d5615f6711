"""The scheduler's jobs: which exist, when they fire on the Berlin clock, and what each does.

Nothing here starts the scheduler or waits for it: fire times come from the triggers with a
given "now", and each job's function is called with the arguments the scheduler would pass.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from apscheduler.job import Job
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine, select

from bot.config import Config
from bot.scheduler import MISFIRE_GRACE_SECONDS, build_scheduler
from bot.sending import Outgoing
from bot.services import Services
from storage.models import OutboxMessage, Registration
from tests.bot.outbox_helpers import add_conference, fast, register_users, services_at
from tests.conftest import berlin


@dataclasses.dataclass
class RecordingSender:
    """Takes what the dispatcher sends, as the Slack sender would."""

    sent: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    def send(self, message: Outgoing) -> None:
        assert message.reply is not None
        self.sent.append((message.recipient, message.reply.text))

    def delivered(self, message: Outgoing) -> bool:
        return False

    def auth_problem(self) -> str | None:
        return None

    def cost(self, message: Outgoing) -> int:
        return 1

    def transports(self) -> frozenset[str]:
        return frozenset({"slack"})


def _config(config: Config, **reminders: object) -> Config:
    config = fast(config, **reminders)
    return dataclasses.replace(
        config, slack=dataclasses.replace(config.slack, announcement_channel="CANN")
    )


@pytest.fixture
def bot(engine: Engine, config: Config) -> Services:
    return services_at(_config(config), "2026-03-23T14:00")


def _jobs(scheduler: BackgroundScheduler) -> dict[str, Job]:
    return {job.id: job for job in scheduler.get_jobs()}


def _next_fire(job: Job, now: datetime) -> datetime:
    fire = job.trigger.get_next_fire_time(None, now)
    assert fire is not None
    return fire


def test_three_jobs_in_berlin_time_not_yet_started(bot: Services) -> None:
    scheduler = build_scheduler(bot, RecordingSender())
    assert not scheduler.running
    assert str(scheduler.timezone) == "Europe/Berlin"
    jobs = _jobs(scheduler)
    assert set(jobs) == {"purge_personal_data", "dispatch", "weekly_digest"}


def test_missed_runs_collapse_into_one_and_run_up_to_six_hours_late(bot: Services) -> None:
    scheduler = build_scheduler(bot, RecordingSender())
    scheduler.start(paused=True)  # defaults are applied on start; paused, nothing runs
    try:
        jobs = scheduler.get_jobs()
        assert len(jobs) == 3
        for job in jobs:
            assert (job.coalesce, job.max_instances) == (True, 1), job.id
            assert job.misfire_grace_time == MISFIRE_GRACE_SECONDS == 6 * 3600, job.id
    finally:
        scheduler.shutdown(wait=False)


def test_the_purge_runs_nightly_at_half_past_three_berlin_time(bot: Services) -> None:
    purge = _jobs(build_scheduler(bot, RecordingSender()))["purge_personal_data"]
    assert _next_fire(purge, berlin("2026-03-27T12:00")) == berlin("2026-03-28T03:30")
    assert _next_fire(purge, berlin("2026-03-28T12:00")) == berlin("2026-03-29T03:30")
    # In the night summer time begins (02:00 becomes 03:00) the purge still runs at 03:30.
    assert _next_fire(purge, berlin("2026-03-29T04:00")) == berlin("2026-03-30T03:30")


def test_dispatch_runs_every_30_seconds(bot: Services) -> None:
    dispatch = _jobs(build_scheduler(bot, RecordingSender()))["dispatch"]
    now = berlin("2026-03-23T14:00")
    first = _next_fire(dispatch, now)
    assert job_interval(dispatch, first) == timedelta(seconds=30)


def job_interval(job: Job, fire: datetime) -> timedelta:
    following = job.trigger.get_next_fire_time(fire, fire)
    assert following is not None
    return following - fire


def test_the_digest_fires_on_the_configured_day_and_berlin_wall_time(bot: Services) -> None:
    digest = _jobs(build_scheduler(bot, RecordingSender()))["weekly_digest"]
    # Friday before summer time begins -> Monday 09:00 CEST (07:00 UTC, not 08:00).
    fire = _next_fire(digest, berlin("2026-03-27T10:00"))
    assert fire == berlin("2026-03-30T09:00")
    assert fire.utcoffset() == timedelta(hours=2)

    other = _config(bot.config, digest_day="wed", digest_time="17:45")
    digest = _jobs(build_scheduler(services_at(other, "2026-03-23T14:00"), RecordingSender()))[
        "weekly_digest"
    ]
    assert _next_fire(digest, berlin("2026-03-27T10:00")) == berlin("2026-04-01T17:45")


def test_a_switched_off_digest_has_no_job(bot: Services) -> None:
    quiet = services_at(_config(bot.config, digest_enabled=False), "2026-03-23T14:00")
    assert set(_jobs(build_scheduler(quiet, RecordingSender()))) == {
        "purge_personal_data",
        "dispatch",
    }


def test_the_dispatch_job_sends_due_reminders_through_its_sender(bot: Services) -> None:
    conference = add_conference(bot, "2026-03-30T14:00")
    register_users(bot, conference, "U1", "U2")
    sender = RecordingSender()
    job = _jobs(build_scheduler(bot, sender))["dispatch"]
    job.func(*job.args)
    assert sorted(recipient for recipient, _ in sender.sent) == ["U1", "U2"]
    assert all(text.startswith("Erinnerung:") for _, text in sender.sent), sender.sent
    job.func(*job.args)  # the next run 30 s later finds nothing new
    assert len(sender.sent) == 2


def test_the_digest_job_plans_one_digest_per_week(bot: Services) -> None:
    job = _jobs(build_scheduler(bot, RecordingSender()))["weekly_digest"]
    job.func(*job.args)
    job.func(*job.args)
    with bot.sessions() as session:
        planned = session.execute(select(OutboxMessage.kind, OutboxMessage.recipient)).all()
    assert planned == [("digest", "CANN")]


def test_the_purge_job_anonymises_participants_of_long_past_conferences(bot: Services) -> None:
    past = add_conference(bot, "2025-11-10T10:00", slug="rk39-2025-test")
    register_users(bot, past, "U1")
    job = _jobs(build_scheduler(bot, RecordingSender()))["purge_personal_data"]
    assert job.func(*job.args) == 1  # ended 133 days before the clock's 2026-03-23
    assert job.func(*job.args) == 0
    with bot.sessions() as session:
        [registration] = session.scalars(select(Registration))
    assert (registration.user_id, registration.name) != ("U1", "Erika Muster")
