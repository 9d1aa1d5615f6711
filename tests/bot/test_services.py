"""The wiring every request goes through: one transaction, and a polite answer on failure."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.clock import FixedClock
from bot.config import Config, DatabaseSection
from bot.services import Failure, Services, build_services
from handlers.context import Context
from handlers.replies import Attachment, Reply
from storage.conferences import count_conferences
from storage.db import pending_migrations
from storage.organizers import add_organizer, organizer_ids


def test_a_failing_handler_gets_a_polite_answer_and_changes_nothing(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    def half_done(ctx: Context) -> Reply:
        add_organizer(ctx.session, "U9", now=ctx.now)
        raise RuntimeError("broken on purpose")

    answer = services.reply("U9", half_done)
    assert answer == Failure(
        "Entschuldigung, da ist bei mir etwas schiefgegangen. "
        "Bitte versuchen Sie es gleich noch einmal."
    )
    assert "handler failed for user U9" in caplog.text
    with services.sessions() as session:
        assert organizer_ids(session) == set()


def test_a_new_sqlite_database_is_migrated_and_filled_only_when_asked(
    config: Config, clock: FixedClock, tmp_path: Path
) -> None:
    for import_samples, conferences in ((False, 0), (True, 26)):
        url = f"sqlite:///{tmp_path / f'bot-{import_samples}.sqlite3'}"
        database = DatabaseSection(url=url, import_samples=import_samples)
        services = build_services(dataclasses.replace(config, database=database), clock=clock)
        assert pending_migrations(services.engine) == []
        with services.sessions() as session:
            assert count_conferences(session) == conferences
        services.engine.dispose()


def test_held_outbox_rows_wait_for_the_caller_instead_of_the_courier(services: Services) -> None:
    handed: list[list[int]] = []
    services.courier = handed.append  # type: ignore[assignment]
    with_file = Reply(
        "Die Liste kommt gleich.", attachments=(Attachment("l.csv", b"a;b", "Liste"),)
    )
    held: list[int] = []
    services.reply("U9", lambda _ctx: with_file, held=held)
    assert len(held) == 1 and handed == []  # the caller posts its answer first, then hands them
    services.reply("U9", lambda _ctx: with_file)
    assert len(handed) == 1 and handed[0] != held
