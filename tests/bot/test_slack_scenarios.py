"""Slack scenarios: signed requests in Slack's payload formats through the real Bolt app."""

from __future__ import annotations

import json
import time

from tests.bot.slack_harness import SlackHarness
from tests.slack_requests import (
    app_home_opened,
    app_mention,
    block_actions,
    direct_message,
    event_callback,
    signed_headers,
    slash_command,
)


def test_slash_command_is_answered_in_the_ack_body(slack: SlackHarness) -> None:
    response = slack.send(slash_command("Wann ist die nächste Regionalkonferenz?"))
    assert response.status == 200
    body = json.loads(response.body)
    assert body["response_type"] == "ephemeral"
    assert "24. September 2025" in body["text"]
    section_texts = [b["text"]["text"] for b in body["blocks"] if b["type"] == "section"]
    assert any("*Wo:* Bodenseeforum Konstanz, Reichenaustr. 21" in t for t in section_texts)


def test_mention_in_a_channel_is_answered_in_its_thread(slack: SlackHarness) -> None:
    response = slack.send(event_callback(app_mention("Wo ist die nächste Konferenz?")))
    assert response.status == 200
    slack.settle()
    [post] = slack.api.calls_to("chat.postMessage")
    assert post.params["channel"] == "C100"
    assert post.params["thread_ts"] == "1700000000.000100"
    assert "Bodenseeforum Konstanz" in post.params["text"]


def test_direct_message_is_answered(slack: SlackHarness) -> None:
    slack.send(event_callback(direct_message("When is the next regional conference?")))
    slack.settle()
    [post] = slack.api.calls_to("chat.postMessage")
    assert post.params["channel"] == "D100"
    assert post.params["text"].startswith("The next regional conference is on Wednesday")


def test_an_event_delivered_four_times_is_answered_once(slack: SlackHarness) -> None:
    body = event_callback(direct_message("Wann ist die nächste Konferenz?"), event_id="EvRetry")
    for retry in range(4):
        extra = {"x-slack-retry-num": str(retry), "x-slack-retry-reason": "http_timeout"}
        assert slack.send(body, **(extra if retry else {})).status == 200
    slack.settle()
    assert len(slack.api.calls_to("chat.postMessage")) == 1


def test_the_bots_own_messages_are_ignored(slack: SlackHarness) -> None:
    own = direct_message("Wann ist die nächste Konferenz?", user="UBOT")
    own["bot_id"] = "BBOT"
    slack.send(event_callback(own, event_id="EvOwn"))
    slack.settle()
    assert slack.api.calls_to("chat.postMessage") == []


def test_forged_signature_and_stale_timestamp_are_rejected_without_effect(
    slack: SlackHarness,
) -> None:
    body = event_callback(direct_message("Wann ist die nächste Konferenz?"), event_id="EvForged")
    forged = signed_headers(body, secret="not-the-secret")
    assert slack.send_raw(body, forged).status == 401
    stale = signed_headers(body, timestamp=int(time.time()) - 6 * 60)
    assert slack.send_raw(body, stale).status == 401
    # The rejected deliveries did not claim the event id: the genuine one is answered, once.
    slack.send(body)
    slack.settle()
    assert len(slack.api.calls_to("chat.postMessage")) == 1


def test_app_home_lists_upcoming_conferences_with_details_buttons(slack: SlackHarness) -> None:
    slack.send(event_callback(app_home_opened(), event_id="EvHome"))
    slack.settle()
    [publish] = slack.api.calls_to("views.publish")
    assert publish.params["user_id"] == "U100"
    view = publish.params["view"]
    assert view["type"] == "home"
    buttons = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert {"action_id": "conference_details", "value": "rk23-2025-konstanz"}.items() <= (
        buttons[0].items()
    )


def test_details_button_posts_the_conference(slack: SlackHarness) -> None:
    response = slack.send(block_actions("conference_details", "rk24-2025-zwoenitz"))
    assert response.status == 200
    slack.settle()
    [post] = slack.api.calls_to("chat.postMessage")
    assert post.params["channel"] == "D100"
    assert "Buntspeicher" in json.dumps(post.params["blocks"], ensure_ascii=False)


def test_on_slack_texts_name_commands_with_the_slash_command(slack: SlackHarness) -> None:
    body = json.loads(slack.send(slash_command("erinnerungen aus")).body)
    assert body["text"] == (
        "In Ordnung: Sie bekommen keine Erinnerungen und keine Hinweise auf neue Konferenzen "
        "oder Anmeldestarts mehr. Wieder einschalten mit „/smartcity erinnerungen an“."
    )
    help_text = json.loads(slack.send(slash_command("hilfe")).body)["text"]
    assert "Kurzbefehle (im Kanal mit „/smartcity“ davor, im Chat mit mir auch ohne):" in help_text
