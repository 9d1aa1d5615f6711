"""Announcements and the digest reach Matrix rooms through the same outbox as Slack: a room
named in the command or the form, the announcement room beside the channel, a report that
counts both transports. (Against a real Synapse: tests/matrix/test_announcements.py.)"""

from __future__ import annotations

import dataclasses

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.config import Config, MatrixSection, OrganizersSection
from bot.dispatcher import Dispatcher
from bot.routing import RoutingSender
from bot.scheduler import weekly_digest
from bot.services import Services
from bot.slack_sender import SlackSender
from handlers.conversation.incoming import Message
from handlers.conversation.router import handle
from handlers.reminders.announcements import submit_announcement
from handlers.replies import FormErrors
from tests.bot.outbox_helpers import add_conference, fast, services_at
from tests.bot.test_routing import Recording
from tests.fake_slack import FakeSlack

ROOM = "#ankuendigungen:stadt-ulm.de"


@pytest.fixture
def bot(engine: Engine, slack_config: Config) -> Services:
    config = dataclasses.replace(
        fast(slack_config),
        organizers=OrganizersSection(user_ids=("UORG",)),
        slack=dataclasses.replace(slack_config.slack, announcement_channel="CANN"),
        matrix=MatrixSection(announcement_room=ROOM),
    )
    return services_at(config, "2026-11-25T10:00")


def say(services: Services, text: str) -> str:
    return services.reply("UORG", lambda ctx: handle(ctx, Message(text=text))).text


def dispatch_both(services: Services, fake: FakeSlack) -> Recording:
    """One dispatch through Slack and a recording Matrix transport; what Matrix got."""
    matrix = Recording(reaches="matrix")
    slack = SlackSender(WebClient(base_url=fake.base_url))
    dispatcher = Dispatcher(
        services,
        RoutingSender(slack=slack, matrix=matrix),
        wall=services.clock,
        sleep=lambda _seconds: None,
    )
    dispatcher.run_once()
    return matrix


def slack_posts(fake: FakeSlack) -> list[tuple[str, str]]:
    return [(c.params["channel"], c.params["text"]) for c in fake.calls_to("chat.postMessage")]


def test_a_room_named_in_the_command_gets_the_announcement_and_the_report_counts_it(
    bot: Services, fake_slack: FakeSlack
) -> None:
    answer = say(bot, "ankuendigen !AbCd:bund.de: Die Anmeldung ist offen")
    assert answer == (
        "Geplant für Mittwoch, 25. November 2026, 10:00: „Die Anmeldung ist offen“ an "
        "Matrix-Raum !AbCd:bund.de. Sie bekommen danach einen Zustellbericht."
    )
    assert dispatch_both(bot, fake_slack).sent == ["!AbCd:bund.de"]
    [(organizer, report)] = slack_posts(fake_slack)
    assert organizer == "UORG"
    assert report == (
        "Zustellbericht Ihrer Ankündigung „Die Anmeldung ist offen“: 1 gesendet, "
        "0 fehlgeschlagen, 0 übersprungen. Slack: 0 von 0 gesendet; Matrix: 1 von 1 gesendet."
    )


def test_the_channel_audience_is_the_slack_channel_and_the_matrix_room(
    bot: Services, fake_slack: FakeSlack
) -> None:
    say(bot, "ankuendigen kanal: Save the date")
    assert dispatch_both(bot, fake_slack).sent == [ROOM]
    channel, report = slack_posts(fake_slack)
    assert channel == ("CANN", "Save the date")
    assert report[0] == "UORG"
    assert "2 gesendet" in report[1]
    assert report[1].endswith("Slack: 1 von 1 gesendet; Matrix: 1 von 1 gesendet.")


def test_a_room_is_named_with_raum_too_and_a_bad_one_is_refused(
    bot: Services, fake_slack: FakeSlack
) -> None:
    assert "an Matrix-Raum #rat:ulm.de." in say(
        bot, "ankuendigen raum #rat:ulm.de Freitag 9 Uhr: Hallo"
    )
    assert say(bot, "ankuendigen raum rat: Hallo") == (
        "„rat“ ist kein Matrix-Raum; bitte geben Sie die Raum-ID (!abc:server) oder die "
        "Adresse (#name:server) an."
    )
    assert say(bot, "ankuendigen raum: Hallo").startswith("So geht es")


def test_a_room_typed_into_the_form_is_the_audience(bot: Services) -> None:
    values = {"text": "Hallo", "audience": "channel", "room": "!AbCd:bund.de", "when": ""}
    scheduled = bot.reply("UORG", lambda ctx: submit_announcement(ctx, "", values))
    assert not isinstance(scheduled, FormErrors)
    assert "an Matrix-Raum !AbCd:bund.de." in scheduled.text
    values["room"] = "AbCd"
    refused = bot.reply("UORG", lambda ctx: submit_announcement(ctx, "", values))
    assert isinstance(refused, FormErrors)
    assert list(refused.errors) == ["room"]


def test_the_weekly_digest_goes_to_the_channel_and_the_room_once(
    bot: Services, fake_slack: FakeSlack
) -> None:
    add_conference(bot, "2026-12-10T10:00", capacity=100)
    weekly_digest(bot)
    weekly_digest(bot)  # a second replica's scheduler fires too
    assert dispatch_both(bot, fake_slack).sent == [ROOM]
    [(channel, text)] = slack_posts(fake_slack)
    assert channel == "CANN"
    assert text.startswith("Wochenüberblick")
    assert dispatch_both(bot, fake_slack).sent == []


def test_the_digest_goes_to_who_asked_for_it_until_they_stop(
    bot: Services, fake_slack: FakeSlack
) -> None:
    add_conference(bot, "2026-12-10T10:00", capacity=100)
    erika = "@erika:stadt-ulm.de"
    bot.reply(erika, lambda ctx: handle(ctx, Message(text="bescheid wochenueberblick")))
    bot.reply("U100", lambda ctx: handle(ctx, Message(text="notify weekly")))
    weekly_digest(bot)
    bot.reply("U100", lambda ctx: handle(ctx, Message(text="bescheid aus")))  # before it is sent

    assert sorted(dispatch_both(bot, fake_slack).sent) == sorted([ROOM, erika])
    assert [channel for channel, _text in slack_posts(fake_slack)] == ["CANN"]
    listed = bot.reply(erika, lambda ctx: handle(ctx, Message(text="bescheid"))).text
    assert listed == (
        "Ich gebe Ihnen Bescheid, sobald:\n• der Wochenüberblick erscheint (montags, mit den "
        "anstehenden Konferenzen und freien Plätzen)"
    )
