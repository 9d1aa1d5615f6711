"""The Bolt app: Slack payloads in, the router's replies out as Block Kit.

Slash commands and form submissions are answered in the ack body; events and button clicks
are acknowledged at once and then handled as lazy listeners. Files and messages to other
people go out afterwards on the listener executor.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.services import Services
from bot.slack_listeners import register_listeners
from bot.slack_wiring import Wiring

log = logging.getLogger(__name__)


def create_app(services: Services, *, listener_executor: Executor | None = None) -> App:
    """A Bolt app wired to the handlers, talking to the configured Web API URL."""
    config = services.config
    executor = listener_executor or ThreadPoolExecutor(max_workers=8)
    client = WebClient(token=config.secrets.bot_token, base_url=config.slack.api_url)
    app = App(
        client=client,
        signing_secret=config.secrets.signing_secret,
        name="smartcity-bot",
        logger=log,
        process_before_response=True,
        listener_executor=executor,
    )
    wiring = Wiring(services, executor)
    register_listeners(app, wiring)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error for %s: %s", body.get("type"), error, exc_info=error)

    return app
