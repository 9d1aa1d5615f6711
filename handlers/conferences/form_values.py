"""A conference as form values (field name -> text) and back, with a problem named per field.

The command line, the chat form and the organizer dialog all hand in plain text values; this
module is the one place that turns them into a validated `ConferenceRecord`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers.replies import FormErrors
from handlers.texts import t
from storage.conference_file import KINDS, SLUG_PATTERN, AgendaRecord, ConferenceRecord
from storage.models import AgendaItem, Conference

FIELDS = (
    "slug",
    "kind",
    "number",
    "title",
    "motto",
    "date",
    "end_date",
    "start_time",
    "end_time",
    "venue",
    "address",
    "city",
    "topics",
    "capacity",
    "registration_opens",
    "registration_deadline",
    "online_url",
    "source_url",
    "programme",
)
_TEXTS = ("title", "motto", "venue", "address", "city")
_URLS = ("online_url", "source_url")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
# "2027-03-31 09:30-10:15 Title | Speaker"; the day and the end are optional.
# "09:30 Titel - Sprecherin": without a "|", the last spaced dash separates the speakers.
_SPEAKER_DASH = re.compile(r"^(?P<title>.+)\s[-–]\s(?P<speaker>[^-–]+)$")
_ITEM = re.compile(
    r"^(?:(?P<day>\S+)\s+)??(?P<start>\d{1,2}[:.]\d{2})(?:\s*[-–]\s*(?P<end>\d{1,2}[:.]\d{2}))?"
    r"\s+(?P<title>[^|]+?)\s*(?:\|\s*(?P<speaker>.*))?$"
)


class _InvalidError(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def conference_values(conference: Conference, tz: ZoneInfo) -> dict[str, str]:
    """The conference as the text values a form shows (and `parse_values` reads back)."""
    first, last = conference.starts_at.astimezone(tz), conference.ends_at.astimezone(tz)
    if not conference.times_known:
        last = (conference.ends_at - timedelta(seconds=1)).astimezone(tz)
    return {
        "slug": conference.slug,
        "kind": conference.kind,
        "number": "" if conference.number is None else str(conference.number),
        **{key: getattr(conference, key) for key in (*_TEXTS, *_URLS)},
        "date": first.date().isoformat(),
        "end_date": last.date().isoformat() if last.date() != first.date() else "",
        "start_time": f"{first:%H:%M}" if conference.times_known else "",
        "end_time": f"{last:%H:%M}" if conference.times_known else "",
        "topics": "; ".join(conference.topics),
        "capacity": "" if conference.capacity is None else str(conference.capacity),
        "registration_opens": _moment_text(conference.registration_opens_at, tz),
        "registration_deadline": _moment_text(conference.registration_deadline, tz),
        "programme": "\n".join(_item_text(item, tz) for item in conference.agenda),
    }


def _moment_text(moment: datetime | None, tz: ZoneInfo) -> str:
    return "" if moment is None else f"{moment.astimezone(tz):%Y-%m-%d %H:%M}"


def _item_text(item: AgendaItem, tz: ZoneInfo) -> str:
    start = item.starts_at.astimezone(tz)
    end = f"-{item.ends_at.astimezone(tz):%H:%M}" if item.ends_at else ""
    speaker = f" | {item.speaker}" if item.speaker else ""
    if not speaker and _SPEAKER_DASH.match(item.title):
        speaker = " |"  # a dash in the title is not read as the speakers' separator
    return f"{start:%Y-%m-%d %H:%M}{end} {item.title}{speaker}"


def parse_date(value: str) -> date | None:
    """2027-03-30 or 30.03.2027, else None."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value.strip(), pattern).date()  # noqa: DTZ007 - a date only
        except ValueError:
            continue
    return None


def parse_values(
    values: Mapping[str, str], *, tz: ZoneInfo, language: str
) -> ConferenceRecord | FormErrors:
    """A validated record, or every problem found, each under its field name."""
    parser = _Parser(values, tz, language)
    record = parser.record()
    return FormErrors(parser.errors) if parser.errors or record is None else record


class _Parser:
    def __init__(self, values: Mapping[str, str], tz: ZoneInfo, language: str) -> None:
        self.values = {key: (values.get(key) or "").strip() for key in FIELDS}
        self.tz, self.language = tz, language
        self.errors: dict[str, str] = {}

    def text(self, key: str, **values: object) -> str:
        return t(self.language, f"edit.{key}", **values)

    def field(self, name: str, convert: object) -> object:
        """`convert(value)`, or None after noting the problem under `name`."""
        try:
            return convert(self.values[name])  # type: ignore[operator]
        except _InvalidError as invalid:
            self.errors.setdefault(name, invalid.problem)
            return None

    def record(self) -> ConferenceRecord | None:
        slug = self.field("slug", self._slug)
        kind = self.field("kind", self._kind)
        number, capacity = self.field("number", self._count), self.field("capacity", self._count)
        texts = {key: self.field(key, self._short) for key in _TEXTS}
        urls = {key: self.field(key, self._url) for key in _URLS}
        if not texts["title"]:
            self.errors.setdefault("title", self.text("required"))
        period = self._period()
        opens = self.field("registration_opens", lambda v: self._moment(v, time(0, 0)))
        deadline = self.field("registration_deadline", lambda v: self._moment(v, time(23, 59)))
        if isinstance(opens, datetime) and isinstance(deadline, datetime) and deadline <= opens:
            self.errors["registration_deadline"] = self.text("deadline_order")
        agenda = self.field("programme", lambda v: self._programme(v, period))
        if self.errors or period is None:
            return None
        return ConferenceRecord(
            slug=str(slug),
            kind=str(kind),
            number=number,  # type: ignore[arg-type]
            **{key: str(value) for key, value in texts.items()},
            source_url=str(urls["source_url"]),
            online_url=str(urls["online_url"]),
            starts_at=period[0],
            ends_at=period[1],
            times_known=period[2],
            topics=tuple(topic.strip() for topic in self.values["topics"].split(";") if topic),
            capacity=capacity,  # type: ignore[arg-type]
            registration_opens_at=opens,  # type: ignore[arg-type]
            registration_deadline=deadline,  # type: ignore[arg-type]
            agenda=agenda,  # type: ignore[arg-type]
        )

    def _slug(self, value: str) -> str:
        if not SLUG_PATTERN.match(value):
            raise _InvalidError(self.text("slug"))
        return value

    def _kind(self, value: str) -> str:
        if value not in KINDS:
            raise _InvalidError(self.text("kind", kinds=", ".join(KINDS)))
        return value

    def _count(self, value: str) -> int | None:
        if not value:
            return None
        if not value.isdigit() or int(value) < 1:
            raise _InvalidError(self.text("count"))
        return int(value)

    def _short(self, value: str) -> str:
        if len(value) > 300:
            raise _InvalidError(self.text("too_long", limit=300))
        return value

    def _url(self, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise _InvalidError(self.text("url"))
        return value

    def _date(self, value: str) -> date:
        day = parse_date(value)
        if day is None:
            raise _InvalidError(self.text("date"))
        return day

    def _time(self, value: str) -> time | None:
        if not value:
            return None
        match = _TIME.match(value)
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise _InvalidError(self.text("time"))
        return time(int(match[1]), int(match[2]))

    def _local(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.tz).astimezone(UTC)

    def _period(self) -> tuple[datetime, datetime, bool] | None:
        """(start, end, whether the times are known), or None after noting the problem."""
        days, times = self._days(), self._times()
        if days is None or times is None:
            return None
        (first, last), (start, end) = days, times
        if start is None or end is None:
            midnight = time(0)
            return self._local(first, midnight), self._local(last + timedelta(1), midnight), False
        starts_at, ends_at = self._local(first, start), self._local(last, end)
        if ends_at <= starts_at:
            self.errors["end_time"] = self.text("end_time")
            return None
        return starts_at, ends_at, True

    def _days(self) -> tuple[date, date] | None:
        if not self.values["date"]:
            self.errors["date"] = self.text("required")
            return None
        first = self.field("date", self._date)
        last = self.field("end_date", lambda v: self._date(v) if v else first)
        if not isinstance(first, date) or not isinstance(last, date):
            return None
        if last < first:
            self.errors["end_date"] = self.text("end_date")
            return None
        return first, last

    def _times(self) -> tuple[time | None, time | None] | None:
        start, end = self.field("start_time", self._time), self.field("end_time", self._time)
        if self.errors.keys() & {"start_time", "end_time"}:
            return None
        if (start is None) != (end is None):
            self.errors["end_time" if end is None else "start_time"] = self.text("both_times")
            return None
        return start, end  # type: ignore[return-value]

    def _moment(self, value: str, default_time: time) -> datetime | None:
        if not value:
            return None
        day, _, clock = value.replace("T", " ").partition(" ")
        return self._local(self._date(day), self._time(clock.strip()) or default_time)

    def _programme(
        self, value: str, period: tuple[datetime, datetime, bool] | None
    ) -> tuple[AgendaRecord, ...]:
        if period is None:
            return ()
        first = period[0].astimezone(self.tz).date()
        last = (period[1] - timedelta(seconds=1)).astimezone(self.tz).date()
        lines = [line.strip() for line in value.splitlines() if line.strip()]
        return tuple(
            self._item(number, line, first, last) for number, line in enumerate(lines, start=1)
        )

    def _item(self, number: int, line: str, first: date, last: date) -> AgendaRecord:
        match = _ITEM.match(line)
        if not match:
            raise _InvalidError(self.text("item", line=number))
        try:
            day = self._date(match["day"]) if match["day"] else first
            start, end = self._time(match["start"]), self._time(match["end"] or "")
        except _InvalidError as invalid:
            raise _InvalidError(self.text("item", line=number)) from invalid
        if not first <= day <= last:
            raise _InvalidError(self.text("item_day", line=number))
        assert start is not None
        title, speaker = match["title"].strip(), match["speaker"]
        dashed = _SPEAKER_DASH.match(title) if speaker is None else None
        if dashed:
            title, speaker = dashed["title"].strip(), dashed["speaker"]
        return AgendaRecord(
            starts_at=self._local(day, start),
            ends_at=self._local(day, end) if end else None,
            title=title,
            speaker=(speaker or "").strip(),
        )
