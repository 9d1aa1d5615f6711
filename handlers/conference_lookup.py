"""Find the conference a command argument names: slug, number, city, month or title words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz, process

from handlers.normalize import fold
from handlers.references import extract_reference
from storage.models import Conference

_SURE = 90.0
_SUGGEST = 50.0


@dataclass(frozen=True)
class Lookup:
    """The conference meant, or, if none, the closest ones to suggest."""

    conference: Conference | None
    suggestions: tuple[Conference, ...] = ()


def pick_one(candidates: Sequence[Conference], now: datetime) -> Conference:
    """Of several matches, the soonest upcoming one, else the most recent."""
    upcoming = [c for c in candidates if c.ends_at > now]
    return upcoming[0] if upcoming else candidates[-1]


def lookup_conference(
    conferences: Sequence[Conference], text: str, *, now: datetime, tz: ZoneInfo
) -> Lookup:
    from handlers.conferences import filter_conferences  # noqa: PLC0415 - avoids a cycle

    wanted = text.strip()
    by_slug = {c.slug: c for c in conferences}
    if wanted in by_slug:
        return Lookup(by_slug[wanted])
    ref = extract_reference(wanted, conferences)
    if ref.explicit:
        found = filter_conferences(conferences, ref, tz)
        if found:
            return Lookup(pick_one(found, now))
    labels = {c.slug: f"{c.title} {c.city} {c.slug}" for c in conferences}
    matches = process.extract(wanted, labels, scorer=fuzz.WRatio, processor=fold, limit=3)
    if matches and matches[0][1] >= _SURE:
        return Lookup(by_slug[matches[0][2]])
    return Lookup(None, tuple(by_slug[m[2]] for m in matches if m[1] >= _SUGGEST))
