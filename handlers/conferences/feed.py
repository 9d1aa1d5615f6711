"""Calendar feeds: the network's conferences for everyone, and a member's own registrations
behind a secret link they can revoke. Transport-neutral: the HTTP server serves the bytes."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
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
    conferences_by_id,
    feed_rows,
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
# Serialising an event costs about a millisecond (line folding) and loading it from the
# database as much again: each is kept until its conference changes, so after an edit only
# that conference is loaded and serialised.
_events: dict[tuple[object, ...], bytes] = {}
_EVENTS_KEPT = 20_000


def network_feed(session: Session, *, tz: ZoneInfo, language: str) -> Feed:
    """All conferences, cancelled ones marked so; built again only when one has changed."""
    key = (_source(session), feed_signature(session), tz.key, language)
    cached = _network_cache.get(key)
    if cached is None:
        cached = _build_network_feed(session, tz=tz, language=language)
        _network_cache.clear()  # only the current version is ever asked for
        _network_cache[key] = cached
    return cached


def _build_network_feed(session: Session, *, tz: ZoneInfo, language: str) -> Feed:
    rows = feed_rows(session)
    keys = {
        row.id: (f"conference-{row.slug}@smartcity-bot", row.updated_at, row.cancelled_at)
        for row in rows
    }
    if len(_events) > _EVENTS_KEPT:
        _events.clear()
    source = _source(session)
    built = {row.id: _events.get((*keys[row.id], source, tz.key, language)) for row in rows}
    missing = [conference_id for conference_id, entry in built.items() if entry is None]
    for conference in conferences_by_id(session, missing):
        uid, changed, _ = keys[conference.id]
        entry = _event(conference, uid, changed, tz=tz, language=language).to_ical()
        built[conference.id] = _events[(*keys[conference.id], source, tz.key, language)] = entry
    entries = [(built[row.id] or b"", row.updated_at) for row in rows]
    return _feed(entries, t(language, "feed.title"), zone=tz.key)


def _source(session: Session) -> str:
    """Which database: one process may serve from two (tests, benchmarks)."""
    return str(session.get_bind().engine.url)


def personal_feed(session: Session, token: str, *, tz: ZoneInfo, language: str) -> Feed | None:
    """The registrations of the member whose link this is; None for an unknown token."""
    user_id = user_of_token(session, token)
    if user_id is None:
        return None
    entries = []
    for registration in registrations_of_user(session, user_id):
        conference = registration.conference
        changed = _later(registration.updated_at, conference.updated_at)
        uid = registration_uid(registration.id)
        event = _event(conference, uid, changed, tz=tz, language=language)
        entries.append((event.to_ical(), changed))
    return _feed(entries, t(language, "feed.mine"), zone=tz.key)


def _later(first: datetime, second: datetime | None) -> datetime:
    return max(first, second) if second else first


def _feed(entries: Sequence[tuple[bytes, datetime | None]], name: str, *, zone: str) -> Feed:
    head, tail = _frame(name, zone)
    body = b"".join([head, *(entry for entry, _ in entries), tail])
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    changes = [changed or _EPOCH for _, changed in entries]
    return Feed(body, etag, max(changes) if changes else None)


@cache
def _frame(name: str, zone: str) -> tuple[bytes, bytes]:
    """The calendar around the events (properties, time zone), split where they go."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    calendar.add_component(vtimezone(ZoneInfo(zone)))
    text = calendar.to_ical()
    end = text.rindex(b"END:VCALENDAR")
    return text[:end], text[end:]


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
        return Reply(ctx.t("feed.no_base"), language=ctx.language)
    token = token_of(ctx.session, ctx.user_id)
    if token is None:
        token = secrets.token_urlsafe(24)
        store_token(ctx.session, ctx.user_id, token, now=ctx.now)
    url = f"{base_url.rstrip('/')}{PERSONAL_PREFIX}{token}.ics"
    return Reply(ctx.t("feed.link", url=url), language=ctx.language)


def revoke_calendar_link(ctx: Context) -> Reply:
    """Delete the member's link; a new request gives a new one."""
    key = "feed.revoked" if revoke_token(ctx.session, ctx.user_id) else "feed.none"
    return Reply(ctx.t(key), language=ctx.language)
