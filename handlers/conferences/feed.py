"""Calendar feeds: the network's conferences for everyone, and a member's own registrations
behind a secret link they can revoke. Transport-neutral: the HTTP server serves the bytes."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy.orm import Session

from handlers.conferences.calendar_file import (
    PRODUCT_ID,
    conference_event,
    registration_uid,
    vtimezone,
)
from handlers.context import Context
from handlers.replies import Reply
from handlers.texts import t
from storage.feed_tokens import (
    feed_conferences,
    feed_signature,
    revoke_token,
    store_token,
    token_of,
    user_of_token,
)
from storage.models import Conference
from storage.registrations import registrations_of_user

NETWORK_PATH = "/kalender.ics"
PERSONAL_PREFIX = "/kalender/"
_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
REFRESH = timedelta(hours=6)


@dataclass(frozen=True)
class Feed:
    """An iCalendar document with what HTTP caching needs."""

    body: bytes
    etag: str
    last_modified: datetime | None


_network_cache: dict[tuple[object, ...], Feed] = {}


def network_feed(session: Session, *, tz: ZoneInfo, language: str) -> Feed:
    """All conferences, cancelled ones marked so; built again only when one has changed."""
    key = (feed_signature(session), tz.key, language)
    cached = _network_cache.get(key)
    if cached is None:
        conferences = feed_conferences(session)
        entries = [(c, f"conference-{c.slug}@smartcity-bot", c.updated_at) for c in conferences]
        cached = _feed(entries, t(language, "feed.title"), tz=tz, language=language)
        _network_cache.clear()  # only the current version is ever asked for
        _network_cache[key] = cached
    return cached


def personal_feed(session: Session, token: str, *, tz: ZoneInfo, language: str) -> Feed | None:
    """The registrations of the member whose link this is; None for an unknown token."""
    user_id = user_of_token(session, token)
    if user_id is None:
        return None
    entries = [
        (r.conference, registration_uid(r.id), _later(r.updated_at, r.conference.updated_at))
        for r in registrations_of_user(session, user_id)
    ]
    return _feed(entries, t(language, "feed.mine"), tz=tz, language=language)


def _later(first: datetime, second: datetime | None) -> datetime:
    return max(first, second) if second else first


def _feed(
    entries: Iterable[tuple[Conference, str, datetime | None]],
    name: str,
    *,
    tz: ZoneInfo,
    language: str,
) -> Feed:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", tz.key)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    calendar.add_component(vtimezone(tz))
    changes = []
    for conference, uid, changed in entries:
        calendar.add_component(_event(conference, uid, changed, tz=tz, language=language))
        changes.append(changed or _EPOCH)
    body = calendar.to_ical()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Feed(body, etag, max(changes) if changes else None)


def _event(
    conference: Conference, uid: str, changed: datetime | None, *, tz: ZoneInfo, language: str
) -> Event:
    event = conference_event(conference, uid=uid, tz=tz, language=language)
    if conference.cancelled_at is not None:
        event["summary"] = t(language, "feed.cancelled", title=conference.title)
    stamp = changed or _EPOCH
    event.add("dtstamp", stamp)
    # Minutes, as in the files sent at registration, so the newest version always wins.
    event.add("sequence", int(stamp.timestamp()) // 60)
    return event


def calendar_link(ctx: Context, *, base_url: str) -> Reply:
    """The member's personal feed link; made on first request, the same until revoked."""
    if not base_url:
        return Reply(t(ctx.language, "feed.no_base"), language=ctx.language)
    token = token_of(ctx.session, ctx.user_id)
    if token is None:
        token = secrets.token_urlsafe(24)
        store_token(ctx.session, ctx.user_id, token, now=ctx.now)
    url = f"{base_url.rstrip('/')}{PERSONAL_PREFIX}{token}.ics"
    return Reply(t(ctx.language, "feed.link", url=url), language=ctx.language)


def revoke_calendar_link(ctx: Context) -> Reply:
    """Delete the member's link; a new request gives a new one."""
    key = "feed.revoked" if revoke_token(ctx.session, ctx.user_id) else "feed.none"
    return Reply(t(ctx.language, key), language=ctx.language)
