"""HTTP mode serves calendar feeds: `/kalender.ics` for everyone, `/kalender/<token>.ics` for
one member. Responses carry ETag and Last-Modified and answer conditional requests with 304."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

from bot.services import Services
from handlers.conferences.feed import (
    NETWORK_PATH,
    PERSONAL_PREFIX,
    Feed,
    network_feed,
    personal_feed,
)

StartResponse = Callable[..., Any]
FeedRoute = Callable[[dict[str, Any], StartResponse], Iterable[bytes] | None]


def feed_route(services: Services) -> FeedRoute:
    """A WSGI handler for the feed paths; returns None for any other path."""

    def route(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes] | None:
        path = environ.get("PATH_INFO", "")
        if path != NETWORK_PATH and not path.startswith(PERSONAL_PREFIX):
            return None
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, HEAD")])
            return [b""]
        feed = _feed(services, path)
        if feed is None:
            start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"unknown or revoked calendar link"]
        public = path == NETWORK_PATH
        return _respond(environ, start_response, feed, public=public)

    return route


def _feed(services: Services, path: str) -> Feed | None:
    language, tz = services.config.bot.language, services.config.tz
    with services.sessions() as session:
        if path == NETWORK_PATH:
            return network_feed(session, tz=tz, language=language)
        token = path.removeprefix(PERSONAL_PREFIX).removesuffix(".ics")
        if not token or "/" in token:
            return None
        return personal_feed(session, token, tz=tz, language=language)


def _respond(
    environ: dict[str, Any], start_response: StartResponse, feed: Feed, *, public: bool
) -> Iterable[bytes]:
    headers = [
        ("ETag", feed.etag),
        ("Cache-Control", f"{'public' if public else 'private'}, max-age=300"),
    ]
    if feed.last_modified is not None:
        headers.append(("Last-Modified", format_datetime(feed.last_modified, usegmt=True)))
    if _unchanged(environ, feed):
        start_response("304 Not Modified", headers)
        return [b""]
    headers += [
        ("Content-Type", "text/calendar; charset=utf-8"),
        ("Content-Length", str(len(feed.body))),
    ]
    start_response("200 OK", headers)
    return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else feed.body]


def _unchanged(environ: dict[str, Any], feed: Feed) -> bool:
    """RFC 9110: If-None-Match decides when present; else If-Modified-Since."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return feed.etag in tags or "*" in tags
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since is None or feed.last_modified is None:
        return False
    try:
        return feed.last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
