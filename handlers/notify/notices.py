"""The notices members asked for: planned into the outbox when a conference is published or
its registration opens (once per member by the outbox key), worded when sent."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session

from handlers.conferences.cards import conference_card, place_suffix, when_text
from handlers.conferences.naming import names
from handlers.context import Context
from handlers.registration.window import registration_problem
from handlers.replies import Reply
from storage.conferences import get_conference
from storage.models import Conference, OutboxMessage
from storage.reminders import is_opted_out
from storage.subscriptions import (
    is_subscribed,
    new_subject,
    plan_new_conference_notices,
    plan_registration_notice,
    registration_waiters,
)

_TOO_LATE = ("reg.past", "reg.deadline")


def announce_new_conference(session: Session, conference: Conference, *, now: datetime) -> int:
    """Plan the notice of a newly published conference for everyone who asked (nothing for
    one that is over or cancelled); returns how many will be told."""
    if conference.cancelled_at is not None or conference.ends_at <= now:
        return 0
    return plan_new_conference_notices(session, conference, now=now)


def announce_new_conferences(session: Session, slugs: Iterable[str], *, now: datetime) -> int:
    """The same for conferences an import created."""
    found = (get_conference(session, slug) for slug in slugs)
    return sum(announce_new_conference(session, c, now=now) for c in found if c is not None)


def plan_registration_notices(ctx: Context) -> int:
    """Plan "registration is open" for every wish whose conference now takes registrations;
    wishes that can no longer come true are dropped. Returns how many notices are new."""
    planned = 0
    for wish in registration_waiters(ctx.session):
        conference = wish.conference
        assert conference is not None  # joined in the query
        problem = registration_problem(conference, ctx.now)
        if problem is None:
            planned += plan_registration_notice(ctx.session, wish, now=ctx.now)
        elif problem in _TOO_LATE or conference.cancelled_at is not None:
            ctx.session.delete(wish)
    return planned


def new_conference_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """The notice of a new conference, or why it is skipped."""
    conference = _conference(ctx, message)
    if isinstance(conference, str):
        return conference
    subjects = (new_subject("any"), new_subject(conference.kind))
    if not is_subscribed(ctx.session, message.recipient, subjects):
        return "no longer wanted"
    values = names(conference, ctx.language).as_values()
    when, place = (
        when_text(conference, ctx.tz, ctx.language),
        place_suffix(conference, ctx.language),
    )
    return _notice(ctx, conference, ctx.t("notice.new", when=when, place=place, **values))


def registration_open_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """The notice that registration is open, or why it is skipped."""
    conference = _conference(ctx, message)
    if isinstance(conference, str):
        return conference
    if registration_problem(conference, ctx.now) is not None:
        return "registration not open"
    values = names(conference, ctx.language).as_values()
    return _notice(ctx, conference, ctx.t("notice.registration", **values))


def _conference(ctx: Context, message: OutboxMessage) -> Conference | str:
    conference = ctx.session.get(Conference, message.conference_id or 0)
    if conference is None:
        return "conference gone"
    if conference.cancelled_at is not None or conference.ends_at <= ctx.now:
        return "conference cancelled or over"
    if is_opted_out(ctx.session, message.recipient):
        return "opted out of reminders"
    return conference


def _notice(ctx: Context, conference: Conference, text: str) -> Reply:
    card = conference_card(conference, ctx.tz, ctx.language, now=ctx.now)
    return Reply(text, cards=(card,), notes=(ctx.t("notice.stop_hint"),), language=ctx.language)
