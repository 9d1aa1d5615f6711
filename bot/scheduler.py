"""Periodic jobs on APScheduler 3, in the configured time zone.

The database is the source of truth; jobs only trigger work that is safe to run on every
replica at once (idempotent, or claimed atomically in the database).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.dispatcher import Dispatcher
from bot.sending import Sender
from bot.services import Services
from handlers.reminders.digest import plan_digest
from storage.events import purge_expired_events
from storage.outbox import prune
from storage.personal_data import purge_after_conferences

log = logging.getLogger(__name__)

# A job that could not run on time (process asleep, busy) still runs if it is at most this
# late; several missed runs collapse into one. APScheduler's default grace is one second.
MISFIRE_GRACE_SECONDS = 6 * 60 * 60
# How often the outbox is checked for due messages.
DISPATCH_SECONDS = 30


def purge_personal_data(services: Services) -> int:
    """Anonymise participants of conferences that ended more than the configured days ago,
    forget Events API ids whose retry window has long passed, and delete the record of
    messages finished more than `reminders.retention_days` ago."""
    with services.sessions.begin() as session:
        now = services.clock()
        count = purge_after_conferences(
            session, now=now, keep_days=services.config.registration.purge_after_days
        )
        purge_expired_events(session, now=now)
        prune(session, before=now - timedelta(days=services.config.reminders.retention_days))
    if count:
        log.warning("anonymised %d registrations of past conferences", count)
    return count


def dispatch(dispatcher: Dispatcher) -> None:
    """Plan reminders and send what is due; every replica may run this at the same time."""
    outcomes = dispatcher.run_once()
    if outcomes:
        log.info("dispatch: %s", dict(outcomes))
    dispatcher.outcomes.clear()


def weekly_digest(services: Services) -> None:
    """Plan this week's digest for everyone who gets it."""
    with services.context("scheduler") as ctx:
        plan_digest(ctx)


def build_scheduler(services: Services, sender: Sender) -> BackgroundScheduler:
    """A scheduler with every periodic job, not yet started."""
    scheduler = BackgroundScheduler(
        timezone=services.config.tz,
        job_defaults={
            "coalesce": True,
            "misfire_grace_time": MISFIRE_GRACE_SECONDS,
            "max_instances": 1,
        },
    )
    scheduler.add_job(
        purge_personal_data,
        CronTrigger(hour=3, minute=30, timezone=services.config.tz),
        args=[services],
        id="purge_personal_data",
        replace_existing=True,
    )
    scheduler.add_job(
        dispatch,
        IntervalTrigger(seconds=DISPATCH_SECONDS),
        args=[Dispatcher(services, sender)],
        id="dispatch",
        replace_existing=True,
    )
    reminders = services.config.reminders
    if reminders.digest_enabled:
        hour, minute = reminders.digest_time.split(":")
        scheduler.add_job(
            weekly_digest,
            CronTrigger(
                day_of_week=reminders.digest_day,
                hour=int(hour),
                minute=int(minute),
                timezone=services.config.tz,
            ),
            args=[services],
            id="weekly_digest",
            replace_existing=True,
        )
    return scheduler
