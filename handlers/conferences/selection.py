"""Choosing among conferences: those matching a reference, and the one to show of several."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.conferences.references import ConferenceRef
from storage.models import Conference


def pick_one(candidates: Sequence[Conference], now: datetime) -> Conference:
    """Of several matches, the soonest upcoming one, else the most recent."""
    upcoming = [c for c in candidates if c.ends_at > now]
    return upcoming[0] if upcoming else candidates[-1]


def filter_conferences(
    conferences: Sequence[Conference], ref: ConferenceRef, tz: ZoneInfo
) -> list[Conference]:
    """The conferences matching every explicit part of the reference, in date order."""
    found = [c for c in conferences if ref.kind is None or c.kind == ref.kind]
    if ref.number is not None:
        numbered = [c for c in found if c.number == ref.number]
        regional = [c for c in numbered if c.kind == "regionalkonferenz"]
        found = regional if ref.kind is None and regional else numbered
    if ref.places is not None:
        found = [c for c in found if c.slug in ref.places]
    return [c for c in found if _on_date(c.starts_at.astimezone(tz), ref)]


def _on_date(local: datetime, ref: ConferenceRef) -> bool:
    return (
        (ref.year is None or local.year == ref.year)
        and (ref.month is None or local.month == ref.month)
        and (ref.day is None or local.day == ref.day)
    )
