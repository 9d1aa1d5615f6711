"""The Bolt app: turns Slack payloads into handler calls and replies into Block Kit."""

from __future__ import annotations

import logging
import re
from concurrent.futures import Executor
from datetime import timedelta
from typing import Any

from slack_bolt import Ack, App, Say
from slack_sdk import WebClient

from bot.blocks import message_payload, reply_blocks
from bot.services import Services
from handlers.chat import answer_question
from handlers.commands import handle_command
from handlers.conferences import conference_details
from handlers.home import home_reply
from storage.events import claim_event

log = logging.getLogger(__name__)
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def create_app(services: Services, *, listener_executor: Executor | None = None) -> App:
    """A Bolt app wired to the handlers, talking to the configured Web API URL."""
    config = services.config
    client = WebClient(token=config.secrets.bot_token, base_url=config.slack.api_url)
    app = App(
        client=client,
        signing_secret=config.secrets.signing_secret,
        name="smartcity-bot",
        logger=log,
        # Commands are answered in the ack body; everything else acks first and then runs
        # as a lazy listener, so Slack never waits on Bolt's ack polling.
        process_before_response=True,
        listener_executor=listener_executor,
    )
    _register(app, services)
    return app


def first_delivery(services: Services, body: dict[str, Any]) -> bool:
    """False for a retry or a copy of an event that this or another replica already took."""
    event_id = body.get("event_id")
    if not event_id:
        return True
    keep = services.config.slack.event_dedupe_hours
    with services.sessions.begin() as session:
        return claim_event(session, event_id, now=services.clock(), keep=timedelta(hours=keep))


def acknowledge(ack: Ack) -> None:
    """Answer Slack at once; the work runs afterwards as a lazy listener."""
    ack()


def _register(app: App, services: Services) -> None:
    command = services.config.slack.command

    @app.command(command)
    def on_command(ack: Ack, command: dict[str, Any]) -> None:
        reply = services.reply(
            command["user_id"], lambda ctx: handle_command(ctx, command.get("text", ""))
        )
        ack(response_type="ephemeral", **message_payload(reply))

    def on_mention(event: dict[str, Any], body: dict[str, Any], say: Say) -> None:
        if not first_delivery(services, body):
            return
        text = _MENTION.sub(" ", event.get("text", ""))
        reply = services.reply(event["user"], lambda ctx: answer_question(ctx, text))
        say(thread_ts=event.get("thread_ts") or event.get("ts"), **message_payload(reply))

    def on_message(event: dict[str, Any], body: dict[str, Any], say: Say) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        if not first_delivery(services, body):
            return
        text = event.get("text", "")
        reply = services.reply(event["user"], lambda ctx: answer_question(ctx, text))
        say(**message_payload(reply))

    def on_home(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        reply = services.reply(event["user"], lambda ctx: home_reply(ctx, command=command))
        view = {"type": "home", "blocks": reply_blocks(reply)}
        client.views_publish(user_id=event["user"], view=view)

    def on_details(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reply = services.reply(user, lambda ctx: conference_details(ctx, action["value"]))
        channel = (body.get("channel") or {}).get("id") or user
        client.chat_postMessage(channel=channel, **message_payload(reply))

    app.event("app_mention")(ack=acknowledge, lazy=[on_mention])
    app.event("message")(ack=acknowledge, lazy=[on_message])
    app.event("app_home_opened")(ack=acknowledge, lazy=[on_home])
    app.action("conference_details")(ack=acknowledge, lazy=[on_details])

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error for %s: %s", body.get("type"), error, exc_info=error)
