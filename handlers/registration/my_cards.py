"""A member's registrations as cards: status (confirmed, waiting with position, a seat
offered until when) and the one button that fits it."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.conferences.cards import when_text
from handlers.context import Context
from handlers.dates import format_clock, format_day
from handlers.replies import Button, Card
from handlers.texts import t
from storage.models import Registration
from storage.registrations import OFFERED, waitlist_position

ACCEPT_ACTION = "accept_seat"


def my_cards(ctx: Context, mine: Sequence[Registration]) -> tuple[Card, ...]:
    """One card per active registration."""
    return tuple(_card(ctx, registration) for registration in mine)


def _card(ctx: Context, registration: Registration) -> Card:
    language, conference = ctx.language, registration.conference
    slug = conference.slug
    position = waitlist_position(ctx.session, registration)
    expires = registration.offer_expires_at
    if registration.status == OFFERED and expires is not None:
        until = (
            f"{format_day(expires, ctx.tz, language)}, {format_clock(expires, ctx.tz, language)}"
        )
        status = t(language, "offer.status", until=until)
        button = Button(t(language, "offer.accept"), ACCEPT_ACTION, slug, primary=True)
    elif position is not None:
        status = t(language, "reg.status_waitlisted", position=position)
        button = Button(t(language, "wl.leave_button"), "leave_waitlist", slug)
    else:
        status = t(language, "reg.status_confirmed")
        button = Button(t(language, "reg.cancel_button"), "cancel_registration", slug)
    fields = (
        (t(language, "field.when"), when_text(conference, ctx.tz, language)),
        (t(language, "reg.field_status"), status),
    )
    return Card(conference.title, fields, buttons=(button,))
