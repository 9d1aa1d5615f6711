"""Free seats and the registration deadline of a conference, in one sentence each."""

from __future__ import annotations

from handlers.context import Context
from handlers.dates import format_day
from handlers.registration.window import registration_problem
from handlers.texts import t
from storage.models import Conference


def seats_text(conference: Conference, ctx: Context, language: str, values: dict[str, str]) -> str:
    """How many seats are left, or that there is no limit, or how many wait."""
    if conference.ends_at <= ctx.now:
        return t(language, "seats.past", **values)
    if conference.capacity is None:
        return t(language, "seats.unlimited", **values)
    free = max(conference.capacity - conference.confirmed_count, 0)
    if free:
        return t(language, "seats.free", free=free, capacity=conference.capacity, **values)
    return t(language, "seats.full", waiting=conference.waitlisted_count, **values)


def deadline_text(
    conference: Conference, ctx: Context, language: str, values: dict[str, str]
) -> str:
    """Until when one can register, and whether that is still possible now."""
    problem = registration_problem(conference, ctx.now)
    if problem in ("reg.past", "reg.closed"):
        return t(language, problem, **values)
    if conference.registration_deadline is None:
        return t(language, "deadline.none", **values)
    day = format_day(conference.registration_deadline, ctx.tz, language)
    key = "deadline.passed" if problem == "reg.deadline" else "deadline.until"
    return t(language, key, day=day, **values)
