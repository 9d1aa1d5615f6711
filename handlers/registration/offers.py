"""Seat offers (registration.promotion = "offer"): the first person waiting is offered a
freed seat to accept in time; an offer not accepted passes to the next person waiting."""

from __future__ import annotations

from handlers.conferences.naming import names
from handlers.context import Context
from handlers.dates import format_clock, format_day
from handlers.registration.flow import confirmation
from handlers.registration.my_cards import ACCEPT_ACTION
from handlers.replies import Button, Card, Reply
from storage.conferences import get_conference
from storage.models import Conference, OutboxMessage
from storage.registrations import (
    ACTIVE,
    CONFIRMED,
    OFFERED,
    accept_offer,
    expire_offers,
    find_registration,
)

__all__ = ["ACCEPT_ACTION", "accept_seat", "lapse_offers", "offer_lapsed_reply", "seat_offer_reply"]


def seat_offer_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """The offer to send now, with buttons to accept or decline; or why it is skipped."""
    conference = ctx.session.get(Conference, message.conference_id or 0)
    if conference is None:
        return "conference gone"
    registration = find_registration(ctx.session, conference.id, message.recipient)
    expires = registration.offer_expires_at if registration is not None else None
    if registration is None or registration.status != OFFERED or expires is None:
        return "offer no longer open"
    language = ctx.language
    until = f"{format_day(expires, ctx.tz, language)}, {format_clock(expires, ctx.tz, language)}"
    values = names(conference, language).as_values()
    buttons = (
        Button(ctx.t("offer.accept"), ACCEPT_ACTION, conference.slug, primary=True),
        Button(ctx.t("offer.decline"), "cancel_registration", conference.slug),
    )
    text = ctx.t("offer.text", until=until, **values)
    return Reply(text, cards=(Card("", buttons=buttons),), language=language)


def accept_seat(ctx: Context, slug: str) -> Reply:
    """The accepting button: the held seat is confirmed, with the calendar entry."""
    conference = get_conference(ctx.session, slug)
    if conference is None:
        return Reply(ctx.t("reg.unknown", query=slug), language=ctx.language)
    registration = accept_offer(ctx.session, conference.id, ctx.user_id, now=ctx.now)
    if registration is None:
        values = names(conference, ctx.language).as_values()
        return Reply(ctx.t("offer.gone", **values), language=ctx.language)
    return confirmation(ctx, conference, registration.id, CONFIRMED, None, key="offer.accepted")


def lapse_offers(ctx: Context) -> int:
    """Offers past their time pass on to the next person waiting (offer mode only)."""
    if ctx.seat_offer is None:
        return 0
    return expire_offers(ctx.session, now=ctx.now, offer_for=ctx.seat_offer)


def offer_lapsed_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """Tells the member whose offer was not accepted in time that it lapsed and that they
    are off the waitlist (a lapsed offer ends the registration); or why it is skipped."""
    conference = ctx.session.get(Conference, message.conference_id or 0)
    if conference is None:
        return "conference gone"
    registration = find_registration(ctx.session, conference.id, message.recipient)
    if registration is not None and registration.status in ACTIVE:
        return "registered again"
    values = names(conference, ctx.language).as_values()
    text = ctx.t("offer.lapsed", slug=conference.slug, **values)
    return Reply(text, language=ctx.language)
