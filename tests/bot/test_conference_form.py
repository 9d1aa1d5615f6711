"""Organizers add, edit and cancel conferences in chat: a Slack modal or field by field in
the console, checked like `smartcity-bot conference`, nothing half-saved, people told."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config, OrganizersSection
from bot.services import Services, build_services
from storage.conferences import count_conferences, get_conference
from tests.bot.outbox_helpers import dispatch, fast, register_users
from tests.bot.slack_harness import SlackHarness
from tests.chat import ask, verify_dialog
from tests.slack_requests import slash_command, view_submission

ZWOENITZ = "rk24-2025-zwoenitz"


@pytest.fixture
def organizer_config(slack_config: Config) -> Config:
    return fast(dataclasses.replace(slack_config, organizers=OrganizersSection(user_ids=("UORG",))))


@pytest.fixture
def bot(engine: Engine, organizer_config: Config, clock: FixedClock) -> Services:
    return build_services(organizer_config, clock=clock)


def text_input(**values: str) -> dict[str, dict[str, Any]]:
    return {
        name: {name: {"type": "plain_text_input", "value": value}} for name, value in values.items()
    }


def select(name: str, value: str) -> dict[str, dict[str, Any]]:
    return {name: {name: {"type": "static_select", "selected_option": {"value": value}}}}


def conferences(bot: Services) -> int:
    with bot.sessions() as session:
        return count_conferences(session)


def test_slack_the_form_opens_and_a_wrong_field_is_named_with_nothing_saved(
    organizer_slack: SlackHarness, bot: Services
) -> None:
    organizer_slack.send(slash_command("konferenz-neu", user="UORG"))
    [opened] = organizer_slack.api.wait_for("views.open")
    view = opened.params["view"]
    assert view["callback_id"] == "form:conference"
    inputs = [b["block_id"] for b in view["blocks"] if b["type"] == "input"]
    assert inputs[:6] == ["slug", "kind", "number", "title", "motto", "date"]
    assert {"capacity", "registration_opens", "registration_deadline", "online_url"} <= set(inputs)
    before = conferences(bot)
    values = {
        **text_input(slug="rk30-2027-jena", title="30. Regionalkonferenz", date="31.02.2027",
                     start_time="13:00", end_time="09:30", capacity="viele"),
        **select("kind", "regionalkonferenz"),
        **select("registration", "open"),
    }  # fmt: skip
    response = organizer_slack.send(view_submission("form:conference", "", values, user="UORG"))
    assert json.loads(response.body) == {
        "response_action": "errors",
        "errors": {
            "date": "muss ein Datum sein, z. B. 2027-03-30 oder 30.03.2027",
            "capacity": "muss eine positive ganze Zahl sein",
        },
    }
    assert conferences(bot) == before


def test_slack_a_valid_form_adds_the_conference_closed_as_chosen(
    organizer_slack: SlackHarness, bot: Services
) -> None:
    values = {
        **text_input(slug="rk30-2027-jena", title="30. Regionalkonferenz", date="30.03.2027",
                     start_time="09:30", end_time="13:00", city="Jena", capacity="120"),
        **select("kind", "regionalkonferenz"),
        **select("registration", "closed"),
    }  # fmt: skip
    response = organizer_slack.send(view_submission("form:conference", "", values, user="UORG"))
    assert response.status == 200 and not response.body
    organizer_slack.settle()
    [confirmation] = organizer_slack.api.calls_to("chat.postMessage")
    assert confirmation.params["channel"] == "UORG"
    assert confirmation.params["text"].startswith(
        "Gespeichert: 30. Regionalkonferenz (rk30-2027-jena). 0 Mitglieder"
    )
    with bot.sessions() as session:
        jena = get_conference(session, "rk30-2027-jena")
        assert jena is not None
        assert (jena.city, jena.capacity, jena.registration_open) == ("Jena", 120, False)


def test_slack_members_get_a_refusal_and_no_form(organizer_slack: SlackHarness) -> None:
    body = json.loads(organizer_slack.send(slash_command("konferenz-neu", user="U1")).body)
    assert "Organisator" in body["text"]
    assert organizer_slack.api.calls_to("views.open") == []


def test_slack_editing_shows_the_current_values_and_a_new_date_reaches_registrants(
    organizer_slack: SlackHarness, bot: Services
) -> None:
    with bot.sessions() as session:
        conference = get_conference(session, ZWOENITZ)
        assert conference is not None
    register_users(bot, conference.id, "U1")
    organizer_slack.send(slash_command(f"konferenz-bearbeiten {ZWOENITZ}", user="UORG"))
    [opened] = organizer_slack.api.wait_for("views.open")
    blocks = {b.get("block_id"): b for b in opened.params["view"]["blocks"]}
    assert "slug" not in blocks
    assert blocks["city"]["element"]["initial_value"] == "Zwönitz"
    assert blocks["kind"]["element"]["initial_option"]["value"] == "regionalkonferenz"
    values = {
        name: {name: {"type": "plain_text_input", "value": b["element"].get("initial_value")}}
        for name, b in blocks.items()
        if b.get("type") == "input" and b["element"]["type"] == "plain_text_input"
    }
    values.update(text_input(date="2025-12-05"))
    values.update({**select("kind", "regionalkonferenz"), **select("registration", "open")})
    organizer_slack.send(view_submission("form:conference", ZWOENITZ, values, user="UORG"))
    organizer_slack.settle()
    [confirmation] = organizer_slack.api.calls_to("chat.postMessage")
    assert confirmation.params["text"].startswith(
        "Geändert: Regionalkonferenz Zwönitz (rk24-2025-zwoenitz). 1 Angemeldete"
    )
    assert dispatch(bot) == {"sent": 1}
    notice = organizer_slack.api.calls_to("chat.postMessage")[-1]
    assert notice.params["channel"] == "U1"
    assert notice.params["text"].startswith("Geänderter Termin: Die 24. Regionalkonferenz")


def test_console_asks_field_by_field_asks_again_for_a_wrong_date_and_saves(bot: Services) -> None:
    answers = ["rk30-2027-jena", "1", "30", "30. Regionalkonferenz", "-", "gestern"]
    answers += ["-"] * 13
    for answer in ["konferenz-neu", *answers[:-1]]:
        ask(bot, answer, user="UORG")
    reply = ask(bot, answers[-1], user="UORG")
    assert reply.startswith(
        "Erster Tag (z. B. 30.03.2027): muss ein Datum sein, z. B. 2027-03-30 oder 30.03.2027"
    )
    assert get_conference_slug(bot, "rk30-2027-jena") is False
    assert ask(bot, "30.03.2027", user="UORG").startswith(
        "Gespeichert: 30. Regionalkonferenz (rk30-2027-jena)."
    )
    assert get_conference_slug(bot, "rk30-2027-jena") is True


def get_conference_slug(bot: Services, slug: str) -> bool:
    with bot.sessions() as session:
        return get_conference(session, slug) is not None


def test_console_cancelling_asks_first_and_tells_registrants_once(bot: Services) -> None:
    with bot.sessions() as session:
        conference = get_conference(session, ZWOENITZ)
        assert conference is not None
    register_users(bot, conference.id, "U1", "U2")
    verify_dialog(
        bot,
        [
            (f"konferenz-absagen {ZWOENITZ}", ["wirklich absagen? 2 Angemeldete und Wartende"]),
            ("ja", ["Abgesagt: Regionalkonferenz Zwönitz. 2 Angemeldete und Wartende"]),
            (f"konferenz-absagen {ZWOENITZ}", ["ist bereits abgesagt"]),
        ],
        user="UORG",
    )
    assert dispatch(bot) == {"sent": 2}
    assert dispatch(bot) == {}
    assert "Organisator" in ask(bot, f"konferenz-absagen {ZWOENITZ}", user="U1")


def test_console_editing_keeps_what_is_skipped_and_tells_of_a_new_place(bot: Services) -> None:
    with bot.sessions() as session:
        conference = get_conference(session, ZWOENITZ)
        assert conference is not None
        before = (conference.title, conference.starts_at, conference.venue)
    register_users(bot, conference.id, "U1")
    first = ask(bot, f"konferenz-bearbeiten {ZWOENITZ}", user="UORG")
    assert "\nArt (bisher: „Regionalkonferenz“ – „-“ behält es)\n1) Regionalkonferenz\n" in first
    answers = ["-"] * 18
    answers[10] = "Chemnitz"  # the city, the eleventh field without the short name
    replies = [ask(bot, answer, user="UORG") for answer in answers]
    assert replies[-1].startswith("Geändert: Regionalkonferenz Zwönitz (rk24-2025-zwoenitz). 1")
    with bot.sessions() as session:
        changed = get_conference(session, ZWOENITZ)
        assert changed is not None
        assert (changed.title, changed.starts_at, changed.venue) == before
        assert changed.city == "Chemnitz"
    assert dispatch(bot) == {"sent": 1}
