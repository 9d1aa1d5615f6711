"""Announcements and reminder settings through Slack: the form, its submission, opting out."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config, OrganizersSection
from bot.services import build_services
from tests.bot.slack_harness import SlackHarness
from tests.fake_slack import FakeSlack
from tests.slack_requests import slash_command, view_submission


@pytest.fixture
def organizer_slack(
    engine: Engine, slack_config: Config, clock: FixedClock, fake_slack: FakeSlack
) -> Iterator[SlackHarness]:
    config = dataclasses.replace(
        slack_config,
        organizers=OrganizersSection(user_ids=("UORG",)),
        slack=dataclasses.replace(slack_config.slack, announcement_channel="CANN"),
    )
    harness = SlackHarness.start(build_services(config, clock=clock), fake_slack)
    yield harness
    harness.settle()


def test_the_announcement_form_opens_and_its_submission_is_scheduled(
    organizer_slack: SlackHarness,
) -> None:
    slack = organizer_slack
    assert slack.send(slash_command("ankuendigen", user="UORG")).status == 200
    [opened] = slack.api.wait_for("views.open")
    blocks = {b.get("block_id"): b for b in opened.params["view"]["blocks"]}
    options = [o["value"] for o in blocks["audience"]["element"]["options"]]
    assert options[:3] == [
        "channel",
        "registrants:rk23-2025-konstanz",
        "waitlist:rk23-2025-konstanz",
    ]
    values = {
        "text": {"text": {"type": "plain_text_input", "value": "Save the date!"}},
        "audience": {
            "audience": {"type": "static_select", "selected_option": {"value": "channel"}}
        },
        "when": {"when": {"type": "plain_text_input", "value": "morgen 9 Uhr"}},
    }
    response = slack.send(view_submission("form:announcement", "", values, user="UORG"))
    assert response.status == 200 and not response.body
    slack.settle()
    [confirmation] = slack.api.calls_to("chat.postMessage")
    assert confirmation.params["channel"] == "UORG"
    assert confirmation.params["text"].startswith("Geplant für Dienstag, 2. September 2025, 9:00")


def test_a_bad_time_is_shown_inside_the_form(organizer_slack: SlackHarness) -> None:
    values = {
        "text": {"text": {"type": "plain_text_input", "value": "Hallo"}},
        "audience": {
            "audience": {"type": "static_select", "selected_option": {"value": "channel"}}
        },
        "when": {"when": {"type": "plain_text_input", "value": "irgendwann"}},
    }
    body = json.loads(
        organizer_slack.send(view_submission("form:announcement", "", values, user="UORG")).body
    )
    assert body == {
        "response_action": "errors",
        "errors": {"when": "Diese Zeitangabe verstehe ich nicht; z. B. „morgen 9 Uhr“."},
    }


def test_members_switch_reminders_off(slack: SlackHarness) -> None:
    body = json.loads(slack.send(slash_command("erinnerungen aus")).body)
    assert body["text"].startswith("In Ordnung: Sie bekommen keine Erinnerungen und keine Hinweise")


def test_a_matrix_room_typed_into_the_modal_is_the_audience(organizer_slack: SlackHarness) -> None:
    def submit(room: str) -> tuple[int, str]:
        values = {
            "text": {"text": {"type": "plain_text_input", "value": "Hallo Rat"}},
            "audience": {
                "audience": {"type": "static_select", "selected_option": {"value": "channel"}}
            },
            "room": {"room": {"type": "plain_text_input", "value": room}},
            "when": {"when": {"type": "plain_text_input", "value": ""}},
        }
        response = organizer_slack.send(
            view_submission("form:announcement", "", values, user="UORG")
        )
        return response.status, response.body

    status, body = submit("rat")
    assert (status, json.loads(body)["errors"]) == (
        200,
        {
            "room": "„rat“ ist kein Matrix-Raum; bitte geben Sie die Raum-ID (!abc:server) oder "
            "die Adresse (#name:server) an."
        },
    )
    assert submit("#rat:ulm.de") == (200, "")
    organizer_slack.settle()
    [confirmation] = organizer_slack.api.calls_to("chat.postMessage")
    assert "„Hallo Rat“ an Matrix-Raum #rat:ulm.de." in confirmation.params["text"]
