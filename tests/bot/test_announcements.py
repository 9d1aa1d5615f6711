"""Announcements: scheduled in words, surviving a restart, cancelled, reported; the digest."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import Engine, select

from bot.config import Config, OrganizersSection
from bot.scheduler import weekly_digest
from bot.services import Services
from handlers.conversation.incoming import Message
from handlers.conversation.router import handle
from handlers.reminders.announcements import cancel_command
from storage.models import OutboxMessage
from tests.bot.outbox_helpers import add_conference, dispatch, fast, register_users, services_at
from tests.fake_slack import FakeSlack


@pytest.fixture
def config_(slack_config: Config) -> Config:
    config = fast(slack_config)
    return dataclasses.replace(
        config,
        organizers=OrganizersSection(user_ids=("UORG",)),
        slack=dataclasses.replace(config.slack, announcement_channel="CANN"),
    )


@pytest.fixture
def bot(engine: Engine, config_: Config) -> Services:
    return services_at(config_, "2026-11-25T10:00")


def say(services: Services, text: str, user: str = "UORG") -> str:
    return services.reply(
        user, lambda ctx: handle(ctx, Message(can_open_forms=True, text=text))
    ).text


def posts(fake: FakeSlack) -> list[tuple[str, str]]:
    return [(c.params["channel"], c.params["text"]) for c in fake.calls_to("chat.postMessage")]


def test_a_scheduled_announcement_survives_a_restart_and_is_reported(
    bot: Services, config_: Config, fake_slack: FakeSlack
) -> None:
    answer = say(bot, "ankuendigen kanal morgen 9 Uhr: Die Anmeldung für 2027 ist offen!")
    assert answer.startswith("Geplant für Donnerstag, 26. November 2026, 9:00:")
    assert dispatch(bot) == {}
    restarted = services_at(config_, "2026-11-26T09:00")
    assert dispatch(restarted) == {"sent": 3}  # the fan-out job, the post, the report
    assert posts(fake_slack)[0] == ("CANN", "Die Anmeldung für 2027 ist offen!")
    channel, report = posts(fake_slack)[1]
    assert channel == "UORG"
    assert report.startswith(
        "Zustellbericht Ihrer Ankündigung „Die Anmeldung für 2027 ist "
        "offen!“: 1 gesendet, 0 fehlgeschlagen, 0 übersprungen."
    )
    assert dispatch(restarted) == {}


def test_a_cancelled_announcement_is_never_sent(
    bot: Services, config_: Config, fake_slack: FakeSlack
) -> None:
    say(bot, "ankuendigen kanal Freitag 14:30: Bitte nicht senden")
    listed = bot.reply(
        "UORG", lambda ctx: handle(ctx, Message(can_open_forms=True, text="ankuendigungen"))
    )
    [card] = listed.cards
    assert card.title == "Freitag, 27. November 2026, 14:30"
    [button] = card.buttons
    assert button.action == "cancel_announcement"

    cancelled = bot.reply("UORG", lambda ctx: cancel_command(ctx, button.value))
    assert cancelled.text == "Die Ankündigung ist abgesagt und wird nicht gesendet."
    assert dispatch(services_at(config_, "2026-11-28T10:00")) == {}
    with bot.sessions() as session:
        assert session.execute(select(OutboxMessage.kind, OutboxMessage.status)).all() == [
            ("announcement_job", "cancelled")
        ]
    assert posts(fake_slack) == []
    assert say(bot, "ankuendigungen") == "Es sind keine Ankündigungen geplant."


def test_registrants_and_the_waitlist_are_audiences_and_failures_are_reported(
    bot: Services, fake_slack: FakeSlack
) -> None:
    conference = add_conference(bot, "2026-12-10T10:00", capacity=2)
    register_users(bot, conference, "U1", "U2", "U3")
    say(bot, "ankuendigen angemeldete rk40-2026-test: Bitte Ausweis mitbringen")
    say(bot, "ankuendigen warteliste rk40-2026-test: Noch ist Hoffnung")
    fake_slack.script("chat.postMessage", 200, {"ok": False, "error": "user_not_found"})
    dispatch(bot)
    sent = posts(fake_slack)
    assert ("U2", "Bitte Ausweis mitbringen") in sent
    assert ("U3", "Noch ist Hoffnung") in sent
    reports = [text for channel, text in sent if channel == "UORG"]
    assert any("1 gesendet, 1 fehlgeschlagen" in r and "U1 (user_not_found)" in r for r in reports)


def test_bad_input_and_members_are_refused(bot: Services, fake_slack: FakeSlack) -> None:
    assert say(bot, "ankuendigen kanal: Hallo", user="U1").startswith("Das dürfen nur")
    assert say(bot, "ankuendigen kanal irgendwann: Hallo").startswith(
        "Diese Zeitangabe verstehe ich nicht"
    )
    assert say(bot, "ankuendigen kanal gestern 9 Uhr: Hallo").startswith(
        "Dieser Zeitpunkt liegt in der Vergangenheit"
    )
    assert say(bot, "ankuendigen").startswith("Eine Ankündigung an den Kanal")
    assert say(bot, "ankuendigen allen: Hallo").startswith("So geht es")
    assert dispatch(bot) == {}
    assert posts(fake_slack) == []


def test_the_weekly_digest_goes_out_once_per_week(bot: Services, fake_slack: FakeSlack) -> None:
    add_conference(bot, "2026-12-10T10:00", capacity=100)
    weekly_digest(bot)
    weekly_digest(bot)  # a second replica's scheduler fires too
    dispatch(bot)
    [(channel, text)] = posts(fake_slack)
    assert channel == "CANN"
    assert text.startswith("Wochenüberblick: anstehende Konferenzen")
    assert "40. Regionalkonferenz" in text
