"""When reminders fall due: daylight saving, quiet hours, German times in words."""

from __future__ import annotations

import pytest

from handlers.reminders.schedule_times import QuietHours, offset_label, parse_when, reminder_due
from tests.conftest import BERLIN, berlin

QUIET = QuietHours.parse("20:00", "08:00")


@pytest.mark.parametrize(
    ("start", "offset", "expected"),
    [
        # Summer time starts on 2026-03-29: the day before is still 14:00 on the wall clock.
        ("2026-03-30T14:00", "1d", "2026-03-29T14:00"),
        ("2026-03-30T14:00", "2h", "2026-03-30T12:00"),
        ("2026-03-30T14:00", "7d", "2026-03-23T14:00"),
        # Winter time starts on 2026-10-25.
        ("2026-10-26T14:00", "1d", "2026-10-25T14:00"),
        ("2026-10-26T14:00", "2h", "2026-10-26T12:00"),
        ("2026-10-26T14:00", "7d", "2026-10-19T14:00"),
        # 2 hours before 9:30 is 7:30, inside quiet hours: moved to 8:00.
        ("2026-03-30T09:30", "2h", "2026-03-30T08:00"),
        ("2026-10-26T09:30", "2h", "2026-10-26T08:00"),
        # ... unless the conference has started by then: then it stays.
        ("2026-10-26T07:45", "2h", "2026-10-26T05:45"),
        # Late evening moves to the next morning.
        ("2026-10-27T22:00", "1d", "2026-10-27T08:00"),
    ],
)
def test_reminders_fall_due_at_the_right_berlin_wall_clock_time(
    start: str, offset: str, expected: str
) -> None:
    due = reminder_due(berlin(start), offset, tz=BERLIN, quiet=QUIET)
    assert due.astimezone(BERLIN) == berlin(expected)
    assert due.astimezone(BERLIN).utcoffset() == berlin(expected).utcoffset()


def test_offset_labels() -> None:
    assert [offset_label(m) for m in (10080, 1440, 120, 45)] == ["7d", "1d", "2h", "45m"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("morgen 9 Uhr", "2026-11-26T09:00"),
        ("Freitag 14:30", "2026-11-27T14:30"),
        ("übermorgen um 8", "2026-11-27T08:00"),
        ("24.12.2026 10:00", "2026-12-24T10:00"),
        ("heute 18 Uhr", "2026-11-25T18:00"),
    ],
)
def test_german_times_in_words(words: str, expected: str) -> None:
    assert parse_when(words, now=berlin("2026-11-25T10:00"), tz=BERLIN) == berlin(expected)


def test_nonsense_is_not_a_time() -> None:
    assert parse_when("irgendwann", now=berlin("2026-11-25T10:00"), tz=BERLIN) is None
