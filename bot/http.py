"""HTTP mode: Bolt behind a production WSGI server (waitress), with a health check."""

from __future__ import annotations

import logging
import resource
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.config import HttpSection
from bot.feed_http import FeedRoute
from bot.http_guard import Guard, WsgiApp
from bot.services import Services

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# File descriptors kept free for the database pool, log files and the Web API client.
_SPARE_FILES = 256
_MAX_HEADER_BYTES = 64 * 1024


def wsgi_app(app: App, services: Services, *, feeds: FeedRoute | None = None) -> WsgiApp:
    """`/slack/events` goes through the guard to Bolt; `/healthz` answers 200 "ok" while the
    database answers, else 503; calendar feeds go to `feeds`."""
    guard = Guard(
        signing_secret=services.config.secrets.signing_secret or "",
        max_body_bytes=services.config.http.max_body_bytes,
    )
    slack = guard.wrap(SlackRequestHandler(app, path=EVENTS_PATH))

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO")
        if path == HEALTH_PATH:
            return _health(services, start_response)
        served = feeds(environ, start_response) if feeds else None
        if served is not None:
            return served
        if path != EVENTS_PATH:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        return slack(environ, start_response)

    return application


def _health(services: Services, start_response: Callable[..., Any]) -> Iterable[bytes]:
    if services.database_ok():
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"database unavailable"]


def make_server(
    app: App, services: Services, *, host: str, port: int, feeds: FeedRoute | None = None
) -> Any:
    """A waitress server for the app, not yet running; port 0 picks a free port."""
    from waitress.server import create_server  # noqa: PLC0415

    limits = services.config.http
    return create_server(
        wsgi_app(app, services, feeds=feeds),
        host=host,
        port=port,
        threads=limits.threads,
        connection_limit=_affordable_connections(limits),
        # Idle and half-sent connections are closed after this; the sweep runs often enough
        # that the limit above frees up within seconds.
        channel_timeout=limits.channel_timeout_seconds,
        cleanup_interval=max(1, min(limits.channel_timeout_seconds // 3, 10)),
        # Waitress refuses a larger body itself, from Content-Length or while it streams in.
        max_request_body_size=limits.max_body_bytes,
        max_request_header_size=_MAX_HEADER_BYTES,
        # select() cannot watch more than 1024 sockets; poll() can.
        asyncore_use_poll=True,
        ident="smartcity-bot",
    )


def _affordable_connections(limits: HttpSection) -> int:
    """The connection limit, after raising the open-file limit to fit it where allowed."""
    wanted = limits.connection_limit + _SPARE_FILES
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    affordable = limits.connection_limit
    if soft != resource.RLIM_INFINITY:
        affordable = min(affordable, soft - _SPARE_FILES)
    if affordable < limits.connection_limit:
        log.warning("open-file limit %d allows only %d connections", soft, affordable)
    return max(affordable, 1)


def serve_http(
    app: App, services: Services, *, host: str, port: int, feeds: FeedRoute | None = None
) -> None:
    """Serve Slack's Events API, `/healthz` and the calendar feeds until stopped."""
    make_server(app, services, host=host, port=port, feeds=feeds).run()
