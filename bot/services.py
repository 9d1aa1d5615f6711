"""Wiring: from a Config to an engine, sessions, the clock and a handler context per request."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, system_clock
from bot.config import Config
from handlers.context import Context
from handlers.outgoing import Destination, queue_reply
from handlers.replies import Reply
from handlers.texts import t
from storage.conference_file import read_conference_file
from storage.conferences import count_conferences, upsert_conferences
from storage.db import make_engine, make_session_factory, pending_migrations, upgrade
from storage.projects import count_projects, read_project_file, upsert_projects
from storage.solutions import count_solutions, read_solution_file, upsert_solutions

log = logging.getLogger(__name__)
Result = TypeVar("Result")
Courier = Callable[[Sequence[int]], object]


@dataclass
class Services:
    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    # Takes the ids of outbox rows a request just committed, to try to send them at once.
    courier: Courier | None = None

    @contextmanager
    def context(self, user_id: str) -> Iterator[Context]:
        """One transaction and handler context for one incoming request or job."""
        with self.sessions.begin() as session:
            yield self._context(session, user_id)

    @contextmanager
    def preview(self, user_id: str) -> Iterator[Context]:
        """A context whose changes are rolled back: to show what would happen."""
        with self.sessions() as session:
            try:
                yield self._context(session, user_id)
            finally:
                session.rollback()

    def _context(self, session: Session, user_id: str) -> Context:
        return Context(
            session=session,
            user_id=user_id,
            now=self.clock(),
            tz=self.config.tz,
            language=self.config.bot.language,
            organizers=frozenset(self.config.organizers.user_ids),
            purge_after_days=self.config.registration.purge_after_days,
            organizer_channel=self.config.slack.organizer_channel,
            announcement_channel=self.config.slack.announcement_channel,
        )

    def reply(
        self,
        user_id: str,
        handler: Callable[[Context], Result],
        *,
        post_to: Destination | None = None,
    ) -> Result | Reply:
        """Run a handler in its own transaction; a failure becomes a polite reply, not a trace.

        Whatever the reply sends besides the direct answer (files, messages to others; with
        `post_to` the answer itself) is written to the outbox in the same transaction.
        """
        result: Result | Reply
        try:
            with self.context(user_id) as ctx:
                result = handler(ctx)
                ids = self._queue(ctx, result, post_to)
        except Exception:
            log.exception("handler failed for user %s", user_id)
            apology = Reply(t(self.config.bot.language, "error"))
            result, ids = apology, self._queue_apology(user_id, apology, post_to)
        if ids and self.courier is not None:
            self.courier(ids)
        return result

    def _queue(self, ctx: Context, result: object, post_to: Destination | None) -> list[int]:
        if not isinstance(result, Reply):
            return []
        give_up = timedelta(hours=self.config.reminders.give_up_hours)
        return queue_reply(ctx, result, to=post_to, give_up=give_up)

    def _queue_apology(
        self, user_id: str, apology: Reply, post_to: Destination | None
    ) -> list[int]:
        if post_to is None:
            return []
        try:
            with self.context(user_id) as ctx:
                return self._queue(ctx, apology, post_to)
        except Exception:
            log.exception("could not queue the apology to %s", user_id)
            return []


def build_services(config: Config, *, clock: Clock = system_clock) -> Services:
    """Connect to the database, bring SQLite up to date and load the samples into a new one."""
    engine = make_engine(config.database.url)
    services = Services(
        config=config, engine=engine, sessions=make_session_factory(engine), clock=clock
    )
    if engine.dialect.name == "sqlite":
        upgrade(engine)
    elif pending_migrations(engine):
        raise RuntimeError(
            "the database schema is not up to date: run `smartcity-bot db upgrade` first"
        )
    if config.database.import_samples:
        import_samples(services)
    return services


def import_samples(services: Services) -> None:
    """Fill an empty database with the shipped sample data."""
    data = services.config.data_path
    with services.sessions.begin() as session:
        if count_projects(session) == 0:
            upsert_projects(session, read_project_file(data / "model_projects.csv"))
        if count_solutions(session) == 0:
            rows = read_solution_file(data / "solutions.csv")
            upsert_solutions(session, rows, now=services.clock())
        if count_conferences(session) == 0:
            records = read_conference_file(data / "conferences.toml", services.config.tz)
            upsert_conferences(session, records)
            log.info("imported %d sample conferences", len(records))
