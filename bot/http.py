"""HTTP mode: Bolt behind a production WSGI server (waitress), with a health check."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.feed_http import FeedRoute

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Slack opens many connections at once in a burst; waitress allows 100 by default.
CONNECTION_LIMIT = 1000

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def wsgi_app(app: App, *, feeds: FeedRoute | None = None) -> WsgiApp:
    """`/slack/events` goes to Bolt (signature checked there); `/healthz` answers "ok";
    calendar feeds go to `feeds`."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        served = feeds(environ, start_response) if feeds else None
        return slack(environ, start_response) if served is None else served

    return application


def make_server(
    app: App, *, host: str, port: int, threads: int = 8, feeds: FeedRoute | None = None
) -> Any:
    """A waitress server for the app, not yet running; port 0 picks a free port."""
    from waitress.server import create_server  # noqa: PLC0415

    return create_server(
        wsgi_app(app, feeds=feeds),
        host=host,
        port=port,
        threads=threads,
        connection_limit=CONNECTION_LIMIT,
        ident="smartcity-bot",
    )


def serve_http(app: App, *, host: str, port: int, feeds: FeedRoute | None = None) -> None:
    make_server(app, host=host, port=port, feeds=feeds).run()
