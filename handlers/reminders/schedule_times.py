"""When a reminder is due: offsets on the Berlin wall clock, quiet hours, and German times in
words for announcements ("morgen 9 Uhr", "Freitag 14:30")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import dateparser

_OFFSET = re.compile(r"^([1-9][0-9]*)([dhm])$")
_UHR = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*uhr\b", re.IGNORECASE)
_UM = re.compile(r"\bum\s+(\d{1,2})\b(?![:.]\d)", re.IGNORECASE)


@dataclass(frozen=True)
class QuietHours:
    """A nightly span without scheduled messages (may cross midnight)."""

    start: time
    end: time

    @classmethod
    def parse(cls, start: str, end: str) -> QuietHours:
        """From "HH:MM" start and end."""
        return cls(time.fromisoformat(start), time.fromisoformat(end))

    def contains(self, local: time) -> bool:
        """Whether a local time of day falls inside."""
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def next_open(self, moment: datetime, tz: ZoneInfo) -> datetime:
        """`moment` itself if it is outside quiet hours, else the end of these quiet hours."""
        local = moment.astimezone(tz)
        if not self.contains(local.time()):
            return moment
        end_day = local.date() if local.time() < self.end else local.date() + timedelta(days=1)
        return datetime.combine(end_day, self.end, tzinfo=tz).astimezone(moment.tzinfo)


def offset_minutes(offset: str) -> int:
    """ "7d" -> 10080, "2h" -> 120, "30m" -> 30."""
    match = _OFFSET.match(offset)
    if match is None:
        raise ValueError(f"not an offset: {offset!r}")
    amount, unit = int(match.group(1)), match.group(2)
    return amount * {"d": 1440, "h": 60, "m": 1}[unit]


def offset_label(minutes: int) -> str:
    """10080 -> "7d", 120 -> "2h", 45 -> "45m"."""
    for unit, size in (("d", 1440), ("h", 60)):
        if minutes % size == 0:
            return f"{minutes // size}{unit}"
    return f"{minutes}m"


def reminder_due(starts_at: datetime, offset: str, *, tz: ZoneInfo, quiet: QuietHours) -> datetime:
    """Days count on the wall clock (same local time N days earlier, across daylight-saving
    changes); hours and minutes are absolute. Inside quiet hours the reminder moves to their
    end, unless the conference has started by then."""
    minutes = offset_minutes(offset)
    if offset.endswith("d"):
        local = starts_at.astimezone(tz).replace(tzinfo=None) - timedelta(days=minutes // 1440)
        due = local.replace(tzinfo=tz)
    else:
        due = (starts_at - timedelta(minutes=minutes)).astimezone(tz)
    moved = quiet.next_open(due, tz)
    return (due if moved >= starts_at else moved).astimezone(starts_at.tzinfo)


def parse_when(text: str, *, now: datetime, tz: ZoneInfo) -> datetime | None:
    """A German (or English) time in words, relative to `now`; None if not understood."""
    cleaned = _UM.sub(r"\1:00", _UHR.sub(lambda m: f"{m.group(1)}:{m.group(2) or '00'}", text))
    parsed = dateparser.parse(
        cleaned,
        languages=["de", "en"],
        settings={
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": now.astimezone(tz).replace(tzinfo=None),
        },
    )
    return None if parsed is None else parsed.replace(tzinfo=tz)
