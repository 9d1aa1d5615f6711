"""The Bolt app: Slack payloads in, the router's replies out as Block Kit.

Slash commands and form submissions are answered in the ack body; events and button clicks
are acknowledged at once and then handled as lazy listeners. Everything else a request sends
(answers posted into a conversation, files, messages to other people) is an outbox row
written with the request's changes; the request then tries to send its rows at once on a
thread of its own (the courier), and the dispatcher sends whatever that did not.
"""

from __future__ import annotations

import json
import logging
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot.courier import Courier
from bot.dispatcher import Dispatcher
from bot.services import Services
from bot.slack_listeners import register_listeners
from bot.slack_sender import SlackSender
from bot.slack_wiring import InFlight, Wiring

log = logging.getLogger(__name__)


def create_app(
    services: Services,
    *,
    listener_executor: Executor | None = None,
    courier_executor: Executor | None = None,
    dispatcher: Dispatcher | None = None,
    submissions: InFlight | None = None,
) -> App:
    """A Bolt app wired to the handlers, talking to the configured Web API URL; what requests
    queue in the outbox is sent at once on `courier_executor`, by `dispatcher` (by default one
    paced on the real clock, shared with the scheduled dispatcher and other replicas);
    `submissions` counts the forms being saved (a submission behind others is answered at
    once)."""
    config = services.config
    executor = listener_executor or ThreadPoolExecutor(max_workers=8)
    dispatcher = dispatcher or Dispatcher(services, SlackSender.from_config(config))
    services.courier = Courier(dispatcher, courier_executor or ThreadPoolExecutor(1))
    client = WebClient(token=config.secrets.bot_token, base_url=config.slack.api_url)
    app = App(
        client=client,
        signing_secret=config.secrets.signing_secret,
        name="smartcity-bot",
        logger=log,
        process_before_response=True,
        listener_executor=executor,
    )
    wiring = Wiring(services, executor, submissions or InFlight())
    register_listeners(app, wiring)

    @app.error
    def on_error(error: Exception, body: dict[str, Any], response: BoltResponse) -> None:
        """A listener failed: Slack gets a 200 (a command the polite error text), not a 500."""
        kind = body.get("type") or body.get("command")
        if isinstance(error, KeyError):
            log.warning("signed %s request without the field %s", kind, error)
        else:
            log.error("unhandled error for %s: %s", kind, error, exc_info=error)
        response.status = 200
        response.body = ""
        if "command" in body:
            text = services.failure("error").text
            response.body = json.dumps({"response_type": "ephemeral", "text": text})
            response.headers["content-type"] = ["application/json;charset=utf-8"]

    return app
