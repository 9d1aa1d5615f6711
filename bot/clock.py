"""Clocks: the system clock for production, a pinned one for `--now` and tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time, as an aware datetime."""

    def __call__(self) -> datetime:
        """The current time."""


def system_clock() -> datetime:
    """The real time, in UTC."""
    return datetime.now(UTC)


@dataclass
class FixedClock:
    """Always answers `now`; tests move it forward explicitly."""

    now: datetime

    def __call__(self) -> datetime:
        """The pinned time."""
        return self.now


def clock_for(now: datetime | None, tz: tzinfo) -> Clock:
    """The system clock, or one pinned at `now` (a naive `now` is read in `tz`)."""
    if now is None:
        return system_clock
    return FixedClock(now if now.tzinfo else now.replace(tzinfo=tz))
