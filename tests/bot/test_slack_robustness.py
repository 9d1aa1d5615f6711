"""Slack's limits kept when Slack or the member misbehaves: a slow Web API, a modal that does
not open, a replayed organizer command, a message of a megabyte."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, func, select

from bot.clock import FixedClock
from bot.config import Config, OrganizersSection
from bot.services import Services, build_services
from storage.models import Announcement
from tests.bot.slack_harness import SlackHarness
from tests.fake_slack import FakeSlack
from tests.slack_requests import block_actions, direct_message, event_callback, slash_command


@pytest.fixture
def organizer_services(engine: Engine, slack_config: Config, clock: FixedClock) -> Services:
    config = dataclasses.replace(
        slack_config,
        organizers=OrganizersSection(user_ids=("UORG",)),
        slack=dataclasses.replace(slack_config.slack, announcement_channel="CANN"),
    )
    return build_services(config, clock=clock)


@pytest.fixture
def organizer_slack(organizer_services: Services, fake_slack: FakeSlack) -> Iterator[SlackHarness]:
    harness = SlackHarness.start(organizer_services, fake_slack)
    yield harness
    harness.settle()


@pytest.mark.parametrize(
    "request_body",
    [slash_command("anmelden zwönitz"), block_actions("register", "rk24-2025-zwoenitz")],
    ids=["command", "button"],
)
def test_what_opens_a_form_is_acked_before_slack_is_called(
    slack: SlackHarness, request_body: str
) -> None:
    calls_before = len(slack.api.calls)
    slack.api.hold()  # Slack answers no Web API call until released
    with ThreadPoolExecutor(max_workers=1) as request:
        sent = request.submit(slack.send, request_body)
        try:
            # Answered while no Web API call could return: the ack did not wait for Slack.
            response = sent.result(timeout=10)
            carried_out = len(slack.api.calls)
        finally:
            slack.api.release()
    assert response.status == 200
    assert carried_out == calls_before
    [opened] = slack.api.wait_for("views.open", timeout=10)
    assert opened.params["view"]["callback_id"] == "form:registration"


def test_a_modal_slack_refuses_to_open_becomes_a_message_with_a_button(
    slack: SlackHarness,
) -> None:
    slack.api.script("views.open", 200, {"ok": False, "error": "expired_trigger_id"})
    assert slack.send(slash_command("anmelden zwönitz")).status == 200
    slack.settle()
    [post] = slack.api.calls_to("chat.postMessage")
    assert post.params["channel"] == "U100"
    assert post.params["text"].startswith("Das Formular ließ sich nicht öffnen.")
    buttons = [e for b in post.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["action_id"] for b in buttons] == ["register"]


def test_a_replayed_organizer_command_runs_once(
    organizer_slack: SlackHarness, organizer_services: Services
) -> None:
    command = slash_command("ankuendigen kanal morgen 9 Uhr: Bitte Raum 2 nutzen", user="UORG")
    answers = [json.loads(organizer_slack.send(command).body)["text"] for _ in range(5)]
    with organizer_services.sessions() as session:
        scheduled = session.scalar(select(func.count()).select_from(Announcement))
    assert scheduled == 1
    assert answers[0].startswith("Geplant für Dienstag, 2. September 2025, 9:00")
    assert (
        answers[1:]
        == ["Diesen Befehl habe ich schon ausgeführt; ich führe ihn nicht ein zweites Mal aus."] * 4
    )
    assert answers[0] != answers[1]


def test_a_message_of_a_megabyte_is_answered_from_its_beginning(slack: SlackHarness) -> None:
    question = "Wo findet die 23. Regionalkonferenz statt? "
    text = (question * (1_000_000 // len(question) + 1))[:1_000_000]
    slack.send(event_callback(direct_message(text), event_id="EvHuge"))
    # Reading the whole megabyte would take minutes; the beginning is answered well within this.
    [post] = slack.api.wait_for("chat.postMessage", timeout=30)
    assert "Bodenseeforum Konstanz" in post.params["text"]
    sections = [b["text"]["text"] for b in post.params["blocks"] if b["type"] == "section"]
    assert "Ihre Nachricht ist sehr lang; ich habe nur den Anfang gelesen." in sections[-1]
