"""The app manifest asks for exactly what the bot handles."""

from __future__ import annotations

import json

from bot.config import PROJECT_ROOT
from tests.bot.slack_harness import SlackHarness
from tests.slack_requests import (
    app_home_opened,
    app_mention,
    direct_message,
    event_callback,
    slash_command,
)

MANIFEST = json.loads((PROJECT_ROOT / "slack-manifest.json").read_text(encoding="utf-8"))
SAMPLES = {
    "app_home_opened": app_home_opened(),
    "app_mention": app_mention("hallo"),
    "message.im": direct_message("hallo"),
}


def test_every_subscribed_event_has_a_listener(slack: SlackHarness) -> None:
    events = MANIFEST["settings"]["event_subscriptions"]["bot_events"]
    assert sorted(events) == sorted(SAMPLES)
    for number, name in enumerate(events):
        response = slack.send(event_callback(SAMPLES[name], event_id=f"EvManifest{number}"))
        assert response.status == 200, name


def test_the_slash_command_is_the_configured_one(slack: SlackHarness) -> None:
    [command] = MANIFEST["features"]["slash_commands"]
    assert slack.send(slash_command("hilfe", command=command["command"])).status == 200
    assert slack.send(slash_command("hilfe", command="/other")).status == 404
