"""The organizers' overview, as a golden Block Kit transcript: by command and in the App Home."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config, OrganizersSection, RegistrationSection
from bot.services import Services, build_services
from storage.conferences import get_conference
from storage.registrations import cancel
from tests.bot.outbox_helpers import dispatch, fast, register_users
from tests.bot.slack_harness import SlackHarness
from tests.chat import ask
from tests.golden import assert_golden
from tests.slack_requests import app_home_opened, block_actions, event_callback, slash_command

KONSTANZ = "rk23-2025-konstanz"


def organizer_config(slack_config: Config, promotion: str) -> Config:
    return dataclasses.replace(
        fast(slack_config),
        organizers=OrganizersSection(user_ids=("UORG",)),
        slack=dataclasses.replace(slack_config.slack, announcement_channel="CANN"),
        registration=RegistrationSection(promotion=promotion, offer_hours=24),
    )


@pytest.fixture
def bot(engine: Engine, slack_config: Config, clock: FixedClock) -> Services:
    """Offer mode: a freed seat is held for the first person waiting."""
    return build_services(organizer_config(slack_config, "offer"), clock=clock)


@pytest.fixture
def automatic_bot(engine: Engine, slack_config: Config, clock: FixedClock) -> Services:
    """The default: a freed seat goes to the first person waiting at once."""
    return build_services(organizer_config(slack_config, "auto"), clock=clock)


def busy_day(bot: Services) -> None:
    """Konstanz with three seats for five people, one of whom cancels (in offer mode the
    freed seat is then held for U4); two announcements."""
    with bot.sessions.begin() as session:
        konstanz = get_conference(session, KONSTANZ)
        assert konstanz is not None
        konstanz.capacity, conference_id = 3, konstanz.id
    register_users(bot, conference_id, "U1", "U2", "U3", "U4", "U5")
    with bot.sessions.begin() as session:
        offer_for = timedelta(hours=24) if bot.config.registration.promotion == "offer" else None
        cancel(session, conference_id, "U2", now=bot.clock(), offer_for=offer_for)
    ask(bot, "ankuendigen kanal: Save the date!", user="UORG")
    ask(bot, f"ankuendigen angemeldete {KONSTANZ} morgen 9 Uhr: Anreise", user="UORG")
    dispatch(bot)


def test_the_overview_by_command_and_in_the_app_home_is_the_golden_one(
    organizer_slack: SlackHarness, bot: Services
) -> None:
    busy_day(bot)
    body = json.loads(organizer_slack.send(slash_command("übersicht", user="UORG")).body)
    organizer_slack.send(event_callback(app_home_opened(user="UORG"), event_id="EvHome"))
    [published] = organizer_slack.api.wait_for("views.publish")
    assert_golden(
        "organizer_overview",
        {"overview": body["blocks"], "app_home": published.params["view"]["blocks"]},
    )


def test_members_get_the_calendar_at_home_and_a_refusal_for_the_overview(
    organizer_slack: SlackHarness,
) -> None:
    body = json.loads(organizer_slack.send(slash_command("übersicht", user="U1")).body)
    assert "Organisator" in body["text"]
    organizer_slack.send(event_callback(app_home_opened(user="U1"), event_id="EvHome1"))
    [published] = organizer_slack.api.wait_for("views.publish")
    assert published.params["view"]["blocks"][0]["text"]["text"] == "Anstehende Konferenzen"


def test_the_buttons_of_the_overview_work(organizer_slack: SlackHarness, bot: Services) -> None:
    organizer_slack.send(block_actions("edit_conference", KONSTANZ, user="UORG"))
    [opened] = organizer_slack.api.wait_for("views.open")
    assert opened.params["view"]["private_metadata"] == KONSTANZ
    organizer_slack.send(block_actions("ask_cancel_conference", KONSTANZ, user="UORG"))
    organizer_slack.settle()
    [question] = organizer_slack.api.calls_to("chat.postMessage")
    assert "wirklich absagen?" in question.params["text"]
    with bot.sessions() as session:
        konstanz = get_conference(session, KONSTANZ)
        assert konstanz is not None and konstanz.cancelled_at is None


def test_the_overview_reads_as_text_in_the_console(automatic_bot: Services) -> None:
    busy_day(automatic_bot)
    text = ask(automatic_bot, "overview", user="UORG")
    assert "Plätze: 3 von 3 bestätigt, 0 frei" in text
    assert "Warteliste: 1" in text
    assert "Angeboten" not in text  # no offers in automatic mode, no line for them
    assert "1 gesendet, 0 fehlgeschlagen, 0 übersprungen" in text


def test_a_held_offer_is_shown_apart_from_the_confirmed_seats(bot: Services) -> None:
    busy_day(bot)
    text = ask(bot, "übersicht", user="UORG")
    konstanz = text.split("\n\n")[1]
    seats = "Plätze: 2 von 3 bestätigt, 0 frei\n    Angeboten, noch nicht angenommen: 1\n"
    assert seats in konstanz
    assert "Warteliste: 1" in konstanz
    unlimited = text.split("\n\n")[2]  # nothing can be held where seats are unlimited
    assert "Plätze: 0 bestätigt, unbegrenzt" in unlimited and "Angeboten" not in unlimited
