"""Read conferences from an iCalendar (.ics) file, as calendar programs and event sites
export them: one VEVENT per conference, validated whole before anything is imported."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component

from storage.conference_file import SLUG_PATTERN, ConferenceRecord
from storage.errors import DataFileError

# Our own feeds name the slug in the UID; other calendars get one from date and title.
_OUR_UID = re.compile(r"^conference-([a-z0-9][a-z0-9-]*)@smartcity-bot$")
_NUMBER = re.compile(r"(\d+)\.\s*(Regionalkonferenz|Kongress)", re.IGNORECASE)
_POSTCODE = re.compile(r"^\d{5}\s+")


def read_ics_file(path: Path, tz: ZoneInfo) -> list[ConferenceRecord]:
    """Every VEVENT as a conference; raise `DataFileError` naming the event and property."""
    try:
        calendar = Calendar.from_ical(path.read_bytes())
    except OSError as error:
        raise DataFileError(f"{path}: cannot read the file ({error.strerror})") from error
    except ValueError as error:
        raise DataFileError(f"{path}: not a valid iCalendar file ({error})") from error
    events = calendar.walk("VEVENT")
    if not events:
        raise DataFileError(f"{path}: no VEVENT (calendar entry) found")
    records = [_record(event, f"{path}, VEVENT #{n}", tz) for n, event in enumerate(events, 1)]
    seen: set[str] = set()
    for record in records:
        if record.slug in seen:
            raise DataFileError(f"{path}: slug {record.slug!r} appears twice")
        seen.add(record.slug)
    return records


def _record(event: Component, where: str, tz: ZoneInfo) -> ConferenceRecord:
    title = str(event.get("summary", "")).strip()
    if not title:
        raise DataFileError(f"{where}, property SUMMARY: required, the conference's title")
    starts_at, ends_at, times_known = _period(event, where, tz)
    venue, address, city = _place(str(event.get("location", "")))
    number = _NUMBER.search(title)
    return ConferenceRecord(
        slug=_slug(event, title, starts_at.astimezone(tz).date(), where),
        kind=_kind(title),
        number=int(number[1]) if number else None,
        title=title[:300],
        motto="",
        starts_at=starts_at,
        ends_at=ends_at,
        times_known=times_known,
        venue=venue,
        address=address,
        city=city,
        topics=tuple(str(c) for c in _categories(event)),
        source_url=str(event.get("url", ""))[:300],
        capacity=None,
        registration_opens_at=None,
        registration_deadline=None,
        agenda=(),
    )


def _moment(value: object, tz: ZoneInfo) -> tuple[datetime, bool]:
    """(an aware UTC time, whether it had a time of day); floating times are local."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=tz)
        return aware.astimezone(UTC), True
    assert isinstance(value, date)
    return datetime.combine(value, time(0), tzinfo=tz).astimezone(UTC), False


def _period(event: Component, where: str, tz: ZoneInfo) -> tuple[datetime, datetime, bool]:
    if "dtstart" not in event:
        raise DataFileError(f"{where}, property DTSTART: required, when the conference begins")
    starts_at, timed = _moment(event.decoded("dtstart"), tz)
    if "dtend" in event:
        ends_at, _ = _moment(event.decoded("dtend"), tz)
    elif "duration" in event:
        ends_at = starts_at + event.decoded("duration")
    else:
        ends_at = starts_at + (timedelta(hours=1) if timed else timedelta(days=1))
    if ends_at <= starts_at:
        raise DataFileError(f"{where}, property DTEND: must be after DTSTART")
    return starts_at, ends_at, timed


def _place(location: str) -> tuple[str, str, str]:
    """ "Volkshaus, Carl-Zeiß-Platz 15, 07743 Jena" -> venue, street address, city."""
    parts = [part.strip() for part in location.split(",") if part.strip()]
    if len(parts) < 2:
        return (parts[0] if parts else ""), "", ""
    city = _POSTCODE.sub("", parts[-1])
    return parts[0], ", ".join(parts[1:]) if len(parts) > 2 else "", city


def _categories(event: Component) -> list[str]:
    value = event.get("categories")
    if value is None:
        return []
    lists = value if isinstance(value, list) else [value]
    return [str(category) for item in lists for category in item.cats]


def _kind(title: str) -> str:
    folded = title.casefold()
    if "regionalkonferenz" in folded:
        return "regionalkonferenz"
    return "kongress" if "kongress" in folded else "other"


def _slug(event: Component, title: str, first_day: date, where: str) -> str:
    own = _OUR_UID.match(str(event.get("uid", "")))
    if own:
        return own[1]
    ascii_title = unicodedata.normalize("NFKD", title.casefold().replace("ß", "ss"))
    words = re.sub(r"[^a-z0-9]+", "-", ascii_title.encode("ascii", "ignore").decode()).strip("-")
    slug = f"{first_day.isoformat()}-{words}"[:80].strip("-")
    if not SLUG_PATTERN.match(slug):
        raise DataFileError(f"{where}, property SUMMARY: cannot make a slug from {title!r}")
    return slug
