"""Read and validate a conferences TOML file (`[[conference]]` tables) into plain records."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from storage.errors import DataFileError

KINDS = ("regionalkonferenz", "kongress", "other")
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
_TEXT_KEYS = ("title", "motto", "venue", "address", "city", "source_url", "online_url")
_KNOWN_KEYS = {
    "slug",
    "kind",
    "number",
    "date",
    "end_date",
    "start_time",
    "end_time",
    "topics",
    "capacity",
    "registration_opens",
    "registration_deadline",
    "agenda",
    *_TEXT_KEYS,
}
_AGENDA_KEYS = {"day", "start", "end", "title", "speaker"}


@dataclass(frozen=True)
class AgendaRecord:
    """One programme item read from a conference file."""

    starts_at: datetime
    ends_at: datetime | None
    title: str
    speaker: str


@dataclass(frozen=True)
class ConferenceRecord:
    """A conference read and checked from a file, ready to store."""

    slug: str
    kind: str
    number: int | None
    title: str
    motto: str
    starts_at: datetime
    ends_at: datetime
    times_known: bool
    venue: str
    address: str
    city: str
    topics: tuple[str, ...]
    source_url: str
    capacity: int | None
    registration_opens_at: datetime | None
    registration_deadline: datetime | None
    agenda: tuple[AgendaRecord, ...]
    online_url: str = ""


def read_conference_file(path: Path, tz: ZoneInfo) -> list[ConferenceRecord]:
    """Parse the whole file; raise `DataFileError` on the first problem, importing nothing."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"{path}: cannot read the file ({error})") from error
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(f"{path}: not valid TOML: {error}") from error
    entries = document.get("conference")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(f"{path}: no [[conference]] tables found")
    lines = _header_lines(text)
    records: list[ConferenceRecord] = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else "?"
        where = f"{path}, line {line} ([[conference]] #{index + 1})"
        records.append(_Entry(entry, where, tz).record())
    _reject_duplicates(records, path)
    return records


def _header_lines(text: str) -> list[int]:
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() == "[[conference]]"
    ]


def _reject_duplicates(records: list[ConferenceRecord], path: Path) -> None:
    seen: set[str] = set()
    for record in records:
        if record.slug in seen:
            raise DataFileError(f"{path}: slug {record.slug!r} appears twice")
        seen.add(record.slug)


class _Entry:
    """Validates one `[[conference]]` table, naming the key at fault."""

    def __init__(self, raw: dict[str, Any], where: str, tz: ZoneInfo) -> None:
        self.raw, self.where, self.tz = raw, where, tz
        unknown = set(raw) - _KNOWN_KEYS
        if unknown:
            self.fail(sorted(unknown)[0], f"unknown key; known: {', '.join(sorted(_KNOWN_KEYS))}")

    def fail(self, key: str, problem: str) -> None:
        raise DataFileError(f"{self.where}, key {key!r}: {problem}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.raw.get(key, default)
        if value is not default and (
            not isinstance(value, kind) or (isinstance(value, bool) and kind is int)
        ):
            self.fail(key, f"expected {getattr(kind, '__name__', kind)}, got {value!r}")
        return value

    def record(self) -> ConferenceRecord:
        slug = self.get("slug", str)
        if not slug or not SLUG_PATTERN.match(slug):
            self.fail("slug", "required; lower-case letters, digits and '-'")
        kind = self.get("kind", str)
        if kind not in KINDS:
            self.fail("kind", f"must be one of {', '.join(KINDS)}")
        texts = {key: self.get(key, str, "").strip() for key in _TEXT_KEYS}
        if not texts["title"]:
            self.fail("title", "required and not empty")
        starts_at, ends_at, times_known = self._period()
        return ConferenceRecord(
            slug=slug,
            kind=kind,
            number=self._positive("number"),
            **texts,
            starts_at=starts_at,
            ends_at=ends_at,
            times_known=times_known,
            topics=self._topics(),
            capacity=self._positive("capacity"),
            registration_opens_at=self._moment("registration_opens", time(0, 0)),
            registration_deadline=self._moment("registration_deadline", time(23, 59)),
            agenda=self._agenda(starts_at),
        )

    def _positive(self, key: str) -> int | None:
        value: int | None = self.get(key, int)
        if value is not None and value < 1:
            self.fail(key, "must be a positive whole number")
        return value

    def _topics(self) -> tuple[str, ...]:
        topics = self.get("topics", list, [])
        if not all(isinstance(topic, str) and topic.strip() for topic in topics):
            self.fail("topics", "must be a list of non-empty strings")
        return tuple(topic.strip() for topic in topics)

    def _local(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.tz).astimezone(UTC)

    def _period(self) -> tuple[datetime, datetime, bool]:
        first = self.get("date", date)
        if first is None or isinstance(first, datetime):
            self.fail("date", "required, a date such as 2025-09-24")
        last = self.get("end_date", date, first)
        if isinstance(last, datetime) or last < first:
            self.fail("end_date", "must be a date on or after 'date'")
        start, end = self.get("start_time", time), self.get("end_time", time)
        starts_at = self._local(first, start or time(0, 0))
        ends_at = self._local(last, end) if end else self._local(last + timedelta(days=1), time(0))
        if ends_at <= starts_at:
            self.fail("end_time", "must be after start_time")
        return starts_at, ends_at, start is not None

    def _moment(self, key: str, default_time: time) -> datetime | None:
        value = self.get(key, (date, datetime))
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=self.tz)
        return self._local(value, default_time)

    def _agenda(self, starts_at: datetime) -> tuple[AgendaRecord, ...]:
        items = self.get("agenda", list, [])
        first_day = starts_at.astimezone(self.tz).date()
        return tuple(self._agenda_item(item, first_day) for item in items)

    def _agenda_item(self, item: Any, first_day: date) -> AgendaRecord:
        if not isinstance(item, dict) or set(item) - _AGENDA_KEYS or "start" not in item:
            self.fail("agenda", f"each item needs 'start' and 'title', may have {_AGENDA_KEYS}")
        day = item.get("day", first_day)
        start, end = item.get("start"), item.get("end")
        if (
            not isinstance(day, date)
            or not isinstance(start, time)
            or not (end is None or isinstance(end, time))
        ):
            self.fail("agenda", "'day' must be a date, 'start' and 'end' times such as 09:30:00")
        title = item.get("title", "")
        if not isinstance(title, str) or not title.strip():
            self.fail("agenda", "every item needs a non-empty 'title'")
        return AgendaRecord(
            starts_at=self._local(day, start),
            ends_at=self._local(day, end) if end else None,
            title=title.strip(),
            speaker=str(item.get("speaker", "")).strip(),
        )
