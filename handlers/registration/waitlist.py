"""Leaving a waitlist explicitly: only a place in the queue is given up, never a seat."""

from __future__ import annotations

from handlers.conferences.naming import names
from handlers.context import Context
from handlers.registration.flow import find_conference, promotion_messages
from handlers.replies import Reply
from storage.conferences import all_conferences
from storage.models import Conference
from storage.registrations import (
    CONFIRMED,
    WAITLISTED,
    cancel,
    find_registration,
    lock_conference,
    registrations_of_user,
)

LEAVE_ACTION = "leave_waitlist"


def leave_waitlist(ctx: Context, argument: str) -> Reply:
    """`warteliste-verlassen [konferenz]` or the button on a waiting registration."""
    conference = _meant(ctx, argument)
    if isinstance(conference, Reply):
        return conference
    values = names(conference, ctx.language).as_values()
    # Locked first: a second click, or a promotion meanwhile, is seen before anything changes.
    lock_conference(ctx.session, conference.id)
    registration = find_registration(ctx.session, conference.id, ctx.user_id)
    if registration is None or registration.status != WAITLISTED:
        confirmed = registration is not None and registration.status == CONFIRMED
        key = "wl.confirmed" if confirmed else "wl.not_waiting"
        return _say(ctx, key, slug=conference.slug, **values)
    _, promoted = cancel(
        ctx.session, conference.id, ctx.user_id, now=ctx.now, offer_for=ctx.seat_offer
    )
    return Reply(
        ctx.t("wl.left", **values),
        direct_messages=promotion_messages(ctx, conference, promoted),
        language=ctx.language,
    )


def _meant(ctx: Context, argument: str) -> Conference | Reply:
    if argument.strip():
        return find_conference(ctx, all_conferences(ctx.session), argument)
    waiting = [
        r.conference
        for r in registrations_of_user(ctx.session, ctx.user_id)
        if r.status == WAITLISTED
    ]
    if len(waiting) == 1:
        return waiting[0]
    return _say(ctx, "wl.pick" if waiting else "wait.none")


def _say(ctx: Context, key: str, **values: str) -> Reply:
    return Reply(ctx.t(key, **values), language=ctx.language)
