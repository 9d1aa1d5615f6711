"""Text people typed reaches Slack as text: no mention, no link, in the blocks and in the
notification fallback alike."""

from __future__ import annotations

import json

from bot.blocks import message_payload
from handlers.replies import Card, Reply
from tests.bot.slack_harness import SlackHarness
from tests.slack_requests import block_actions, slash_command

TYPED = "<!channel> Jodelkurs für <@U999> & Alphorn"
SHOWN = "&lt;!channel&gt; Jodelkurs für &lt;@U999&gt; &amp; Alphorn"


def test_a_forwarded_question_cannot_notify_the_whole_channel(
    slack_with_channel: SlackHarness,
) -> None:
    slack = slack_with_channel
    body = json.loads(slack.send(slash_command(f"loesungen {TYPED}")).body)
    elements = [e for b in body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    [button] = [e for e in elements if e["action_id"] == "forward_question"]
    slack.send(block_actions("forward_question", button["value"]))
    slack.settle()
    [post] = [c for c in slack.api.calls_to("chat.postMessage") if c.params["channel"] == "CORG"]
    assert SHOWN in post.params["text"]
    assert "<!channel>" not in post.params["text"]
    assert "<@U999>" not in post.params["text"]


def test_fallback_text_is_escaped_exactly_like_the_blocks() -> None:
    reply = Reply(TYPED, cards=(Card("Titel <!here>"),))
    payload = message_payload(reply)
    assert payload["text"] == f"{SHOWN}\n• Titel &lt;!here&gt;"
    assert payload["blocks"][0]["text"]["text"] == SHOWN
