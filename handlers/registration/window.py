"""Whether a conference takes registrations now, and if not, why (as a text key)."""

from __future__ import annotations

from datetime import datetime

from storage.models import Conference


def registration_problem(conference: Conference, now: datetime) -> str | None:
    """None when registration is open; else the text key saying why not."""
    if now >= conference.starts_at:
        return "reg.past"
    if not conference.registration_open:
        return "reg.closed"
    if conference.registration_opens_at and now < conference.registration_opens_at:
        return "reg.not_yet"
    if conference.registration_deadline and now > conference.registration_deadline:
        return "reg.deadline"
    return None
