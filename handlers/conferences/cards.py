"""A conference as a card, and the small phrases (when, where) that sentences reuse."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.dates import format_clock, format_period, format_short_day
from handlers.registration.window import registration_problem
from handlers.replies import Button, Card
from handlers.texts import t
from storage.models import Conference


def when_text(conference: Conference, tz: ZoneInfo, language: str) -> str:
    """Date and time of a conference in words, in `tz` and `language`."""
    return format_period(
        conference.starts_at,
        conference.ends_at,
        times_known=conference.times_known,
        tz=tz,
        language=language,
    )


def where_text(conference: Conference, language: str) -> str:
    """Venue, street address and city, without repeating the city."""
    parts = [part for part in (conference.venue, conference.address) if part]
    if conference.city and not any(conference.city in part for part in parts):
        parts.append(conference.city)
    text = ", ".join(parts)
    if not conference.venue and not conference.address:
        text += f" ({t(language, 'where.unknown')})"
    return text.strip()


def place_suffix(conference: Conference, language: str) -> str:
    """ " in Konstanz" for a sentence, or nothing when the city is not known."""
    return t(language, "lead.place", city=conference.city) if conference.city else ""


def register_buttons(
    conference: Conference, language: str, now: datetime | None
) -> tuple[Button, ...]:
    """An "Anmelden" button while the conference takes registrations (`now` None: never)."""
    if now is None or registration_problem(conference, now) is not None:
        return ()
    return (Button(t(language, "reg.button"), "register", conference.slug, primary=True),)


def conference_card(
    conference: Conference, tz: ZoneInfo, language: str, *, now: datetime | None = None
) -> Card:
    """Everything about one conference: when, where, motto, topics, link; "Anmelden" if open."""
    fields = [
        (t(language, "field.when"), when_text(conference, tz, language)),
        (t(language, "field.where"), where_text(conference, language)),
    ]
    if conference.motto:
        fields.append((t(language, "field.motto"), conference.motto))
    if conference.topics:
        fields.append((t(language, "field.topics"), ", ".join(conference.topics)))
    return Card(
        title=conference.title,
        fields=tuple(fields),
        link=conference.source_url,
        buttons=register_buttons(conference, language, now),
    )


def summary_card(conference: Conference, tz: ZoneInfo, language: str, now: datetime) -> Card:
    """A one-line entry for lists, with a details button (and "Anmelden" while open)."""
    details = Button(t(language, "button.details"), "conference_details", conference.slug)
    when = format_short_day(conference.starts_at, tz, language)
    return Card(
        title=conference.title,
        fields=(
            (t(language, "field.when"), when),
            (t(language, "field.where"), conference.city or "–"),
        ),
        buttons=(details, *register_buttons(conference, language, now)),
    )


def agenda_lines(conference: Conference, tz: ZoneInfo, language: str) -> tuple[str, ...]:
    """The programme, one line per item: time, title and speaker."""
    lines = []
    for item in conference.agenda:
        start = format_clock(item.starts_at, tz, language)
        clock = f"{start}–{format_clock(item.ends_at, tz, language)}" if item.ends_at else start
        speaker = f" ({item.speaker})" if item.speaker else ""
        lines.append(f"{clock}  {item.title}{speaker}")
    return tuple(lines)
