"""Leaving a waitlist explicitly: the place in the queue goes, a confirmed seat never does."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.config import Config
from bot.services import Services
from storage.conferences import get_conference
from storage.registrations import find_registration, waitlist_position
from tests.bot.outbox_helpers import add_conference, fast, register_users, services_at
from tests.bot.slack_harness import SlackHarness
from tests.chat import ask, verify_dialog
from tests.slack_requests import block_actions

SLUG = "rk40-2026-test"


@pytest.fixture
def bot(engine: Engine, slack_config: Config) -> Services:
    services = services_at(fast(slack_config), "2025-09-01T10:00")
    conference = add_conference(services, "2026-12-10T10:00", capacity=1)
    register_users(services, conference, "U1", "U2", "U3")
    return services


def position(bot: Services, user: str) -> int | None:
    with bot.sessions() as session:
        conference = get_conference(session, SLUG)
        assert conference is not None
        registration = find_registration(session, conference.id, user)
        assert registration is not None
        return waitlist_position(session, registration)


def test_console_the_waiting_card_offers_leaving_and_the_queue_moves_up(bot: Services) -> None:
    verify_dialog(
        bot,
        [
            ("meine", ["Warteliste, Platz 1", "1) Warteliste verlassen"]),
            ("1", ["Sie stehen nicht mehr auf der Warteliste der 40. Regionalkonferenz."]),
        ],
        user="U2",
    )
    assert position(bot, "U3") == 1
    assert ask(bot, "warteliste-verlassen", user="U1") == "Sie stehen auf keiner Warteliste."
    assert ask(bot, f"warteliste-verlassen {SLUG}", user="U1").startswith(
        "Bei der 40. Regionalkonferenz haben Sie einen bestätigten Platz"
    )
    assert position(bot, "U1") is None and position(bot, "U3") == 1


def test_slack_the_leave_button_works_and_a_second_click_changes_nothing(
    slack: SlackHarness, bot: Services
) -> None:
    slack.send(block_actions("leave_waitlist", SLUG, user="U3", channel="DU3"))
    slack.send(block_actions("leave_waitlist", SLUG, user="U3", channel="DU3"))
    slack.settle()
    texts = sorted(c.params["text"] for c in slack.api.calls_to("chat.postMessage"))
    assert texts == [
        "Sie stehen nicht auf der Warteliste der 40. Regionalkonferenz.",
        "Sie stehen nicht mehr auf der Warteliste der 40. Regionalkonferenz.",
    ]
    assert position(bot, "U2") == 1
