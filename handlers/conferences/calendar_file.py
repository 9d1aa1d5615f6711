"""Calendar entries (.ics) for registrations, built with the icalendar library."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from handlers.conferences.cards import where_text
from handlers.replies import Attachment
from storage.models import Conference

PRODUCT_ID = "-//Modellprojekte Smart Cities//smartcity-bot//DE"


@cache
def _vtimezone(key: str, first_year: int = 1970, last_year: int = 2037) -> Timezone:
    """The VTIMEZONE for an IANA zone, with the transitions of the years given; computing it
    takes milliseconds, so it is kept."""
    first, last = date(first_year, 1, 1), date(last_year + 1, 1, 1)
    return Timezone.from_tzid(key, first_date=first, last_date=last)


def registration_uid(registration_id: int) -> str:
    """The UID of a registration's calendar entry: every file and feed uses the same one."""
    return f"registration-{registration_id}@smartcity-bot"


def registration_ics(
    conference: Conference, *, registration_id: int, now: datetime, tz: ZoneInfo, language: str
) -> Attachment:
    """One VEVENT whose UID is stable per registration, so a re-sent file updates the entry
    (and a cancelled conference's file removes it)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    cancelled = conference.cancelled_at is not None
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = conference_event(
        conference, uid=registration_uid(registration_id), tz=tz, language=language
    )
    event.add("sequence", int(now.timestamp()) // 60)
    event.add("dtstamp", now)
    calendar.add_component(event)
    if conference.times_known:
        # The years of the conference only: all of 1970-2037 is 40 lines of transitions,
        # which made up most of the time to write the file (within the registration's lock)
        years = (conference.starts_at.astimezone(tz).year, conference.ends_at.astimezone(tz).year)
        calendar.add_component(_vtimezone(tz.key, *years))
    return Attachment(
        filename=f"{conference.slug}.ics", content=calendar.to_ical(), title=conference.title
    )


def conference_event(conference: Conference, *, uid: str, tz: ZoneInfo, language: str) -> Event:
    """The VEVENT of a conference (without DTSTAMP and SEQUENCE, which the caller knows)."""
    event = Event()
    event.add("uid", uid)
    event.add("summary", conference.title)
    if conference.cancelled_at is not None:
        event.add("status", "CANCELLED")
    if conference.times_known:
        event.add("dtstart", conference.starts_at.astimezone(tz))
        event.add("dtend", conference.ends_at.astimezone(tz))
    else:
        event.add("dtstart", conference.starts_at.astimezone(tz).date())
        event.add(
            "dtend",
            (conference.ends_at.astimezone(tz) - timedelta(seconds=1)).date() + timedelta(days=1),
        )
    event.add("location", where_text(conference, language))
    description = conference.motto or conference.title
    online = f"\nOnline: {conference.online_url}" if conference.online_url else ""
    event.add("description", f"{description}\n{conference.source_url}{online}".strip())
    return event


def vtimezone(tz: ZoneInfo) -> Timezone:
    """The VTIMEZONE component for `tz`, so calendar programs show the right local time."""
    return _vtimezone(tz.key)
