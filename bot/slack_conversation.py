"""Listeners for talking to the bot: slash command, mentions, DMs, App Home, details button."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks import message_payload, reply_blocks
from bot.slack_app import Wiring, acknowledge
from handlers.conferences.answers import conference_details
from handlers.conferences.home import home_reply
from handlers.conversation.commands import handle_command
from handlers.outgoing import Destination

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def register_conversation(app: App, wiring: Wiring) -> None:
    services = wiring.services
    command_name = services.config.slack.command

    @app.command(command_name)
    def on_command(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
        user = command["user_id"]
        reply = services.reply(user, lambda ctx: handle_command(ctx, command.get("text", "")))
        if reply.form is not None:
            wiring.open_form(client, reply, trigger_id=command["trigger_id"], user_id=user)
            ack()
        else:
            ack(response_type="ephemeral", **message_payload(reply))

    def on_mention(event: dict[str, Any], body: dict[str, Any]) -> None:
        if not wiring.first_delivery(body):
            return
        text = _MENTION.sub(" ", event.get("text", ""))
        thread = event.get("thread_ts") or event.get("ts")
        services.reply(
            event["user"],
            lambda ctx: handle_command(ctx, text),
            post_to=Destination(event["channel"], thread),
        )

    def on_message(event: dict[str, Any], body: dict[str, Any]) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        if not wiring.first_delivery(body):
            return
        text = event.get("text", "")
        services.reply(
            event["user"],
            lambda ctx: handle_command(ctx, text),
            post_to=Destination(event["channel"]),
        )

    def on_home(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        reply = services.reply(event["user"], lambda ctx: home_reply(ctx, command=command_name))
        view = {"type": "home", "blocks": reply_blocks(reply)}
        client.views_publish(user_id=event["user"], view=view)

    def on_details(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(
            user,
            lambda ctx: conference_details(ctx, action["value"]),
            post_to=wiring.click_destination(body),
        )
        wiring.answer_click(client, reply, body)

    app.event("app_mention")(ack=acknowledge, lazy=[on_mention])
    app.event("message")(ack=acknowledge, lazy=[on_message])
    app.event("app_home_opened")(ack=acknowledge, lazy=[on_home])
    app.action("conference_details")(ack=acknowledge, lazy=[on_details])
