"""Find the conference a command argument names: slug, number, city, month or title words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz, process

from handlers.conferences.references import extract_reference
from handlers.conferences.selection import filter_conferences, pick_one
from handlers.normalize import fold
from storage.models import Conference

_SURE = 90.0
_SUGGEST = 60.0


@dataclass(frozen=True)
class Lookup:
    """The conference meant, or, if none, the closest ones to suggest."""

    conference: Conference | None
    suggestions: tuple[Conference, ...] = ()


def lookup_conference(
    conferences: Sequence[Conference], text: str, *, now: datetime, tz: ZoneInfo
) -> Lookup:
    """The conference a text names: by slug, number, city, month or title words."""
    wanted = text.strip()
    by_slug = {c.slug: c for c in conferences}
    if wanted in by_slug:
        return Lookup(by_slug[wanted])
    ref = extract_reference(wanted, conferences)
    if ref.explicit:
        found = filter_conferences(conferences, ref, tz)
        if found:
            return Lookup(pick_one(found, now))
    scores = _closest(conferences, wanted)
    # A named year or number that matches nothing must not be replaced by a guess.
    if scores and scores[0][0] >= _SURE and not ref.explicit:
        return Lookup(by_slug[scores[0][1]])
    return Lookup(None, tuple(by_slug[slug] for score, slug in scores[:3] if score >= _SUGGEST))


def _closest(conferences: Sequence[Conference], wanted: str) -> list[tuple[float, str]]:
    """(best score over title, city and slug, slug), best first."""
    labels = [(c.slug, label) for c in conferences for label in (c.title, c.city, c.slug)]
    matches = process.extract(
        wanted, [label for _, label in labels], scorer=fuzz.WRatio, processor=fold, limit=None
    )
    best: dict[str, float] = {}
    for _, score, index in matches:
        slug = labels[index][0]
        best[slug] = max(best.get(slug, 0.0), score)
    return sorted(((score, slug) for slug, score in best.items()), reverse=True)
