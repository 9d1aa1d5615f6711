"""Telling registrants and the waiting list when a conference moves, changes place or is
cancelled: detect what changed, plan one notice each through the outbox, word it when sent."""

from __future__ import annotations

from datetime import datetime

from handlers.conferences.calendar_file import registration_ics
from handlers.conferences.cards import when_text, where_text
from handlers.conferences.naming import names
from handlers.context import Context
from handlers.dates import format_period
from handlers.replies import Reply
from storage.conference_changes import (
    change_id_of,
    forget_pending_reminders,
    get_change,
    people_concerned,
    plan_notices,
    record_change,
    unsent_change,
    withdraw_notices,
)
from storage.models import Conference, OutboxMessage
from storage.registrations import ACTIVE, find_registration

TIME, PLACE, ONLINE = "time", "place", "online"
_PLACE_KEYS = ("venue", "address", "city")


def snapshot(conference: Conference) -> dict[str, str]:
    """What registrants have been told about time and place, to compare after an edit."""
    return {
        "starts_at": conference.starts_at.isoformat(),
        "ends_at": conference.ends_at.isoformat(),
        "times_known": "yes" if conference.times_known else "",
        **{key: getattr(conference, key) for key in (*_PLACE_KEYS, "online_url")},
    }


def changed_aspects(before: dict[str, str], conference: Conference) -> tuple[str, ...]:
    """Which of time, place and online access differ from `before`."""
    now = snapshot(conference)
    time_keys = ("starts_at", "ends_at", "times_known")
    changed = {
        TIME: any(before[key] != now[key] for key in time_keys),
        PLACE: any(before[key] != now[key] for key in _PLACE_KEYS),
        ONLINE: bool(now["online_url"]) and before["online_url"] != now["online_url"],
    }
    return tuple(aspect for aspect, differs in changed.items() if differs)


def inform_about_change(
    ctx: Context, conference: Conference, before: dict[str, str], *, cancelled: bool = False
) -> int:
    """Plan a notice to everyone registered or waiting if time, place or online access
    changed, or the conference was cancelled; returns how many people will be told.

    A change whose notices are all still unsent is folded into this one: people get one
    message, comparing with what they were last told."""
    if not cancelled and not changed_aspects(before, conference):
        return 0
    unsent = unsent_change(ctx.session, conference.id)
    if unsent is not None:
        withdraw_notices(ctx.session, unsent, now=ctx.now)
        before = unsent.before
        if not cancelled and not changed_aspects(before, conference):
            return 0  # changed back before anyone was told
    if cancelled or TIME in changed_aspects(before, conference):
        forget_pending_reminders(ctx.session, conference.id)
    recipients = people_concerned(ctx.session, conference.id)
    if not recipients:
        return 0
    change = record_change(
        ctx.session, conference.id, before=before, cancelled=cancelled, now=ctx.now
    )
    return plan_notices(ctx.session, change, recipients, now=ctx.now)


def change_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """The notice to send now, with the updated calendar entry; or why it is skipped."""
    change = get_change(ctx.session, change_id_of(message))
    if change is None:
        return "change gone"
    conference = ctx.session.get(Conference, change.conference_id)
    if conference is None:
        return "conference gone"
    registration = find_registration(ctx.session, conference.id, message.recipient)
    if registration is None or registration.status not in ACTIVE:
        return "no longer registered"
    language = ctx.language
    lines = _lines(ctx, conference, change.before, cancelled=change.cancelled)
    if not lines:
        return "changed back before it was sent"
    calendar = registration_ics(
        conference, registration_id=registration.id, now=ctx.now, tz=ctx.tz, language=language
    )
    return Reply(
        "\n".join(lines),
        notes=(ctx.t("change.calendar"),),
        attachments=(calendar,),
        language=language,
    )


def _lines(
    ctx: Context, conference: Conference, before: dict[str, str], *, cancelled: bool
) -> list[str]:
    language = ctx.language
    name = names(conference, language).as_values()
    if cancelled:
        return [ctx.t("change.cancelled", when=when_text(conference, ctx.tz, language), **name)]
    aspects = changed_aspects(before, conference)
    lines = []
    if TIME in aspects:
        old = format_period(
            datetime.fromisoformat(before["starts_at"]),
            datetime.fromisoformat(before["ends_at"]),
            times_known=bool(before["times_known"]),
            tz=ctx.tz,
            language=language,
        )
        when = when_text(conference, ctx.tz, language)
        lines.append(ctx.t("change.moved", when=when, before=old, **name))
    if PLACE in aspects:
        old_place = ", ".join(before[key] for key in _PLACE_KEYS if before[key]) or "–"
        where = where_text(conference, language)
        lines.append(ctx.t("change.relocated", where=where, before=old_place, **name))
    if ONLINE in aspects:
        lines.append(ctx.t("change.online", link=conference.online_url, **name))
    return lines
