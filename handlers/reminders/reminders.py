"""Reminders: planning them into the outbox, wording them when they are sent, opting out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from babel.dates import format_timedelta

from handlers.conferences.cards import when_text, where_text
from handlers.conferences.naming import names
from handlers.context import Context
from handlers.notify.wishes import new_conference_offer
from handlers.reminders.schedule_times import QuietHours, offset_minutes, reminder_due
from handlers.replies import Reply
from storage.models import Conference, OutboxMessage
from storage.outbox import plan, planned_keys
from storage.registrations import ACTIVE, WAITLISTED, find_registration, waitlist_position
from storage.reminders import is_opted_out, reminder_targets, set_opt_out

# The reminder that also goes to people on the waitlist, with their position.
WAITLIST_OFFSET = "1d"


@dataclass(frozen=True)
class ReminderSettings:
    """When reminders go out: offsets before the start, quiet hours, grace for lateness."""

    offsets: tuple[str, ...]
    quiet: QuietHours
    grace: timedelta


def plan_reminders(ctx: Context, settings: ReminderSettings) -> int:
    """Put every reminder still to come into the outbox (idempotent); returns how many new."""
    planned = 0
    targets = reminder_targets(ctx.session, now=ctx.now)
    # Rows that exist are not offered to the database again: on PostgreSQL even a conflicting
    # INSERT draws an id, and this runs on every tick of every replica.
    known = planned_keys(
        ctx.session, kind="reminder", conference_ids={r.conference_id for r in targets}
    )
    for registration in targets:
        conference = registration.conference
        for offset in settings.offsets:
            key = f"reminder:{conference.id}:{offset}:{registration.user_id}"
            if key in known or (registration.status == WAITLISTED and offset != WAITLIST_OFFSET):
                continue
            due = reminder_due(conference.starts_at, offset, tz=ctx.tz, quiet=settings.quiet)
            if due < registration.created_at:
                continue  # registered after this reminder's time: it would be stale
            planned += plan(
                ctx.session,
                key=key,
                kind="reminder",
                recipient=registration.user_id,
                due_at=due,
                conference_id=conference.id,
                offset_minutes=offset_minutes(offset),
                expires_at=conference.starts_at,
            )
    return planned


def reminder_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """The reminder to send now, or why it is skipped."""
    conference = ctx.session.get(Conference, message.conference_id or 0)
    if conference is None:
        return "conference gone"
    if conference.cancelled_at is not None:
        return "conference cancelled"
    registration = find_registration(ctx.session, conference.id, message.recipient)
    if registration is None or registration.status not in ACTIVE:
        return "no longer registered"
    if is_opted_out(ctx.session, message.recipient):
        return "opted out of reminders"
    if ctx.now >= conference.starts_at:
        return "conference has started"
    language = ctx.language
    left = format_timedelta(
        conference.starts_at - ctx.now, threshold=1, add_direction=True, locale=language
    )
    text = ctx.t(
        "rem.text",
        left=left,
        when=when_text(conference, ctx.tz, language),
        where=where_text(conference, language),
        **names(conference, language).as_values(),
    )
    position = waitlist_position(ctx.session, registration)
    if position is not None:
        text += ctx.t("rem.waitlist", position=position)
    cancel = ctx.t("rem.cancel", slug=conference.slug)
    return Reply(text, notes=(cancel,), language=language)


_OFF = ("aus", "off", "stop")
_ON = ("an", "ein", "on", "start")


def switch_argument(argument: str) -> bool:
    """Command-shaped: "erinnerungen", "erinnerungen aus"; "Erinnerungen wieder einschalten"
    is a sentence for understanding."""
    return argument.strip().casefold() in ("", *_OFF, *_ON)


def reminders_command(ctx: Context, argument: str) -> Reply:
    """`/smartcity erinnerungen aus|an`."""
    choice = argument.strip().casefold()
    if choice in _OFF:
        set_opt_out(ctx.session, ctx.user_id, opted_out=True, now=ctx.now)
        return Reply(ctx.t("rem.off"), language=ctx.language)
    if choice in _ON:
        # "Sag mir Bescheid ..." often means new dates, not reminders: offer those too.
        offer = new_conference_offer(ctx, None)
        key = "rem.on" if is_opted_out(ctx.session, ctx.user_id) else "rem.already_on"
        set_opt_out(ctx.session, ctx.user_id, opted_out=False, now=ctx.now)
        return Reply(ctx.t(key), cards=(offer,), language=ctx.language)
    return Reply(ctx.t("rem.usage"), language=ctx.language)
