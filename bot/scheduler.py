"""Periodic jobs on APScheduler 3, in the configured time zone.

The database is the source of truth; jobs only trigger work that is safe to run on every
replica at once (idempotent, or claimed atomically in the database).
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.services import Services
from storage.personal_data import purge_after_conferences

log = logging.getLogger(__name__)

# A job that could not run on time (process asleep, busy) still runs if it is at most this
# late; several missed runs collapse into one. APScheduler's default grace is one second.
MISFIRE_GRACE_SECONDS = 6 * 60 * 60


def purge_personal_data(services: Services) -> int:
    """Anonymise participants of conferences that ended more than the configured days ago."""
    with services.sessions.begin() as session:
        count = purge_after_conferences(
            session, now=services.clock(), keep_days=services.config.registration.purge_after_days
        )
    if count:
        log.warning("anonymised %d registrations of past conferences", count)
    return count


def build_scheduler(services: Services) -> BackgroundScheduler:
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
    return scheduler
