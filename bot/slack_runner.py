"""Start the Slack connection: Socket Mode (no public URL) or the HTTP Events API."""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.config import ConfigError
from bot.dispatcher import Dispatcher
from bot.feed_http import feed_route
from bot.http import serve_http
from bot.routing import RoutingSender, unconfigured_transports
from bot.scheduler import build_scheduler
from bot.services import Services
from bot.slack_app import create_app
from bot.slack_sender import SlackSender

log = logging.getLogger(__name__)


def run_slack(
    services: Services,
    *,
    http: bool,
    host: str | None,
    port: int | None,
    sender: RoutingSender | None = None,
) -> int:
    """Run the Slack app (Socket Mode, or HTTP with `http`) and the scheduler until stopped;
    the outbox goes through `sender` (Slack, and Matrix when it runs beside)."""
    secrets = services.config.secrets
    if not secrets.bot_token:
        raise ConfigError("SLACK_BOT_TOKEN is not set; without tokens, use `smartcity-bot console`")
    if http and not secrets.signing_secret:
        raise ConfigError("SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify requests")
    if not http and not secrets.app_token:
        raise ConfigError("SLACK_APP_TOKEN is not set: Socket Mode needs it (or use --http)")
    sender = sender or RoutingSender(
        slack=SlackSender.from_config(services.config),
        unconfigured=unconfigured_transports(services.config),
    )
    app = create_app(services, dispatcher=Dispatcher(services, sender))
    scheduler = build_scheduler(services, sender)
    scheduler.start()
    if http:
        log.warning("serving Slack events on http://%s:%s/slack/events", host, port)
        serve_http(
            app, services, host=host or "0.0.0.0", port=port or 3000, feeds=feed_route(services)
        )
    else:
        log.warning("connecting to Slack in Socket Mode")
        # Bolt's Socket Mode handler has no annotation on start(); it blocks until stopped.
        SocketModeHandler(app, secrets.app_token).start()  # type: ignore[no-untyped-call]
    scheduler.shutdown(wait=False)
    return 0
