"""Dates and times as people write them, from CLDR data via Babel (Europe/Berlin by default)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from handlers.texts import t

_TIME_PATTERN = {"de": "H:mm", "en": "h:mm a"}


def format_clock(moment: datetime, tz: ZoneInfo, language: str) -> str:
    """A wall-clock time: "9:30" in German, "9:30 AM" in English."""
    return format_time(moment.astimezone(tz), _TIME_PATTERN.get(language, "H:mm"), locale=language)


def format_day(moment: datetime, tz: ZoneInfo, language: str) -> str:
    """A full date: "Mittwoch, 24. September 2025"."""
    return format_date(moment.astimezone(tz).date(), "full", locale=language)


def format_short_day(moment: datetime, tz: ZoneInfo, language: str) -> str:
    """A compact date for lists: "24.09.2025" or "Sep 24, 2025"."""
    return format_date(moment.astimezone(tz).date(), "medium", locale=language)


def format_period(
    starts_at: datetime, ends_at: datetime, *, times_known: bool, tz: ZoneInfo, language: str
) -> str:
    """ "Mittwoch, 24. September 2025, 9:30–17:15 Uhr", or a day range for longer events."""
    first = starts_at.astimezone(tz)
    # An event without known times is stored as ending at midnight after its last day.
    last = ends_at.astimezone(tz) - (timedelta(0) if times_known else timedelta(seconds=1))
    if first.date() == last.date():
        text = format_day(first, tz, language)
        if times_known:
            text += ", " + t(
                language,
                "time.range",
                start=format_clock(first, tz, language),
                end=format_clock(last, tz, language),
            )
        return text
    text = f"{format_day(first, tz, language)} – {format_day(last, tz, language)}"
    if times_known:
        text += ", " + t(language, "time.from", start=format_clock(first, tz, language))
    return text


def format_month(month: int, language: str) -> str:
    """ "November" / "November": the month's name in the language."""
    from babel.dates import get_month_names  # noqa: PLC0415 - rarely needed

    return str(get_month_names("wide", locale=language)[month])
