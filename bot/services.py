"""Wiring: from a Config to an engine, sessions, the clock and a handler context per request."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, system_clock
from bot.config import Config
from handlers.context import Context
from handlers.conversation.incoming import Message
from handlers.conversation.router import answer_message
from handlers.knowledge.vectors import embed_samples
from handlers.outgoing import Destination, queue_reply
from handlers.replies import Reply
from handlers.texts import t
from storage.conference_file import read_conference_file
from storage.conferences import count_conferences, upsert_conferences
from storage.db import Timeouts, make_engine, make_session_factory, pending_migrations, upgrade
from storage.errors import DATABASE_UNAVAILABLE
from storage.projects import count_projects, read_project_file, upsert_projects
from storage.solutions import count_solutions, read_solution_file, upsert_solutions

log = logging.getLogger(__name__)
Result = TypeVar("Result")
# Takes the ids of outbox rows a request just committed, to try to send them at once.
Courier = Callable[[Sequence[int]], object]


@dataclass
class Services:
    """What every adapter shares: configuration, database, clock, and the courier."""

    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    # Set where a transport sends the outbox (Slack): then whatever a reply sends besides
    # the direct answer is queued with the request's changes and handed to the courier.
    courier: Courier | None = None

    @contextmanager
    def context(self, user_id: str, *, prefix: str = "") -> Iterator[Context]:
        """One transaction and handler context for one incoming request or job; `prefix` is
        what the member types before a short command on their transport."""
        with self.sessions.begin() as session:
            yield self._context(session, user_id, prefix=prefix)

    @contextmanager
    def preview(self, user_id: str) -> Iterator[Context]:
        """A context whose changes are rolled back: to show what would happen."""
        with self.sessions() as session:
            try:
                yield self._context(session, user_id)
            finally:
                session.rollback()

    def _context(self, session: Session, user_id: str, *, prefix: str = "") -> Context:
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
            announcement_room=self.config.matrix.announcement_room,
            command=self.config.slack.command,
            prefix=prefix,
            seat_offer=self._seat_offer,
        )

    @property
    def _seat_offer(self) -> timedelta | None:
        registration = self.config.registration
        if registration.promotion != "offer":
            return None
        return timedelta(hours=registration.offer_hours)

    def reply(
        self,
        user_id: str,
        handler: Callable[[Context], Result],
        *,
        prefix: str = "",
        post_to: Destination | None = None,
        held: list[int] | None = None,
    ) -> Result | Failure:
        """Run a handler in its own transaction; a failure becomes a polite reply, not a trace.

        `prefix` is what the member types before a short command on their transport. With a
        courier, whatever the reply sends besides the direct answer (files, messages to
        others; with `post_to` the answer itself) is written to the outbox in the same
        transaction, and the courier is asked to send it at once - or, with `held`, the ids
        are put there for the caller to hand over once it has posted the answer itself (a
        file must not arrive before the message that announces it). A Failure is not queued:
        the adapter shows it directly (the database may be what failed).
        """
        try:
            with self.context(user_id, prefix=prefix) as ctx:
                result = handler(ctx)
                ids = self._queue(ctx, result, post_to)
        except DATABASE_UNAVAILABLE as error:
            log.warning("database unavailable for user %s: %s", user_id, error)
            return self.failure("error.database")
        except Exception:
            log.exception("handler failed for user %s", user_id)
            return self.failure("error")
        if held is not None:
            held.extend(ids)
        elif ids and self.courier is not None:
            self.courier(ids)
        return result

    def _queue(self, ctx: Context, result: object, post_to: Destination | None) -> list[int]:
        if self.courier is None or not isinstance(result, Reply) or isinstance(result, Failure):
            return []
        return queue_reply(ctx, result, to=post_to, give_up=self.give_up)

    @property
    def give_up(self) -> timedelta:
        """How long a queued message is tried before it is recorded as failed."""
        return timedelta(hours=self.config.reminders.give_up_hours)

    def message(
        self,
        user_id: str,
        text: str,
        *,
        can_open_forms: bool = False,
        prefix: str = "",
        post_to: Destination | None = None,
        held: list[int] | None = None,
    ) -> Reply:
        """Answer a line of text through the router (posted through the outbox to `post_to`;
        `held`: see `reply`)."""
        message = Message(text, can_open_forms=can_open_forms)
        return self.reply(
            user_id,
            lambda ctx: answer_message(ctx, message),
            prefix=prefix,
            post_to=post_to,
            held=held,
        )

    def failure(self, key: str) -> Failure:
        """The polite reply for a request that could not be handled (`key`: which kind)."""
        language = self.config.bot.language
        return Failure(t(language, key), language=language)

    def database_ok(self) -> bool:
        """True if the database answers now (within the configured timeouts)."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DATABASE_UNAVAILABLE as error:
            log.warning("health check: database unavailable: %s", error)
            return False
        return True


@dataclass(frozen=True)
class Failure(Reply):
    """The polite answer when a request could not be handled; adapters may show it differently
    (inside a form, as a type-ahead option)."""


def database_timeouts(config: Config) -> Timeouts:
    """The configured connect, statement, pool and busy timeouts."""
    database = config.database
    return Timeouts(
        connect=database.connect_timeout_seconds,
        statement=database.statement_timeout_seconds,
        pool=database.pool_timeout_seconds,
        busy=database.busy_timeout_seconds,
    )


def build_services(config: Config, *, clock: Clock = system_clock) -> Services:
    """Connect to the database, bring SQLite up to date and load the samples into a new one."""
    engine = make_engine(config.database.url, timeouts=database_timeouts(config))
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
            embed_samples(session, data / "solution_vectors.npz")
        if count_conferences(session) == 0:
            records = read_conference_file(data / "conferences.toml", services.config.tz)
            upsert_conferences(session, records, now=services.clock())
            log.info("imported %d sample conferences", len(records))
