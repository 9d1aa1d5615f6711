"""Organizers' announcements: by form or command, now or later, to the announcement channel
(and room), a Matrix room, a conference's registrants or its waitlist; list and cancel them.
Their delivery report is in `report.py`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from handlers.conferences.lookup import lookup_conference
from handlers.context import Context
from handlers.dates import format_clock, format_day
from handlers.reminders.schedule_times import parse_when
from handlers.replies import Button, Card, Form, FormErrors, FormField, Reply
from storage.announcements import (
    AUDIENCES,
    CANCELLED,
    SCHEDULED,
    audience_ids,
    cancel_announcement,
    create_announcement,
    fan_out,
    scheduled_announcements,
)
from storage.conferences import all_conferences, upcoming_conferences
from storage.models import Announcement, Conference, OutboxMessage
from storage.recipients import is_matrix_room

FORM_ID = "announcement"
OPEN_ACTION = "new_announcement"
CANCEL_ACTION = "cancel_announcement"
_TEXT_START = re.compile(r":\s")
_AUDIENCE_WORDS = {
    "kanal": "channel",
    "channel": "channel",
    "angemeldete": "registrants",
    "registrants": "registrants",
    "warteliste": "waitlist",
    "waitlist": "waitlist",
    "raum": "room",
    "room": "room",
}


def announce_command(ctx: Context, argument: str) -> Reply:
    """`/smartcity ankuendigen` (form) or `... kanal morgen 9 Uhr: Text`; a Matrix room is
    named with or without `raum` before it (`... !abc:server Freitag 14:30: Text`)."""
    if not argument.strip():
        return announcement_form(ctx)
    # "kanal Freitag 14:30: Text": the text starts after a colon followed by a space.
    head, text = _split_text(argument)
    words = head.split()
    if words and is_matrix_room(words[0]):
        words.insert(0, "raum")
    audience = _AUDIENCE_WORDS.get(words[0].casefold()) if words else None
    if not text.strip() or audience is None:
        return Reply(ctx.t("ann.usage"), language=ctx.language)
    target, when_words = "", words[1:]
    if audience != "channel":
        if not when_words:
            return Reply(ctx.t("ann.usage"), language=ctx.language)
        target, when_words = when_words[0], when_words[1:]
    return _schedule(
        ctx, text=text.strip(), audience=audience, target=target, when=" ".join(when_words)
    )


def _split_text(argument: str) -> tuple[str, str]:
    """ "kanal Freitag 14:30: Text" -> ("kanal Freitag 14:30", "Text"): the text starts after
    the first colon that is followed by a space, so times (and room ids) keep their colons."""
    parts = _TEXT_START.split(argument, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (argument, "")


def announcement_form(ctx: Context) -> Reply:
    """The organizer's form: audience, text and when to send."""
    language = ctx.language
    options = [("channel", ctx.t("ann.audience_channel"))]
    for conference in upcoming_conferences(ctx.session, ctx.now)[:45]:
        options += [
            (
                f"registrants:{conference.slug}",
                ctx.t("ann.audience_registrants", title=conference.title),
            ),
            (
                f"waitlist:{conference.slug}",
                ctx.t("ann.audience_waitlist", title=conference.title),
            ),
        ]
    fields = (
        FormField("text", ctx.t("ann.field_text"), kind="multiline", max_length=3000),
        FormField("audience", ctx.t("ann.field_audience"), kind="choice", options=tuple(options)),
        FormField("room", ctx.t("ann.field_room"), required=False, max_length=255),
        FormField("when", ctx.t("ann.field_when"), required=False, max_length=100),
    )
    intro = ctx.t("ann.intro")
    form = Form(
        FORM_ID,
        OPEN_ACTION,
        ctx.t("ann.form_title"),
        ctx.t("ann.form_submit"),
        "",
        intro,
        fields,
    )
    return Reply(intro, form=form, language=language)


def submit_announcement(
    ctx: Context, _context: str, values: Mapping[str, str]
) -> Reply | FormErrors:
    """Schedule the announcement from the form, or name the fields to fix. A Matrix room
    typed into its field is the audience instead of the choice."""
    audience, _, target = values.get("audience", "").partition(":")
    room = values.get("room", "").strip()
    if room and not is_matrix_room(room):
        return FormErrors({"room": ctx.t("ann.bad_room", room=room)})
    if room:
        audience, target = "room", room
    text = values.get("text", "").strip()
    if not text or audience not in AUDIENCES:
        field = "text" if not text else "audience"
        return FormErrors({field: ctx.t("reg.error_required")})
    when = values.get("when", "")
    problem = _when_problem(ctx, when)
    if problem:
        return FormErrors({"when": problem})
    return _schedule(ctx, text=text, audience=audience, target=target, when=when)


def _when_problem(ctx: Context, when: str) -> str | None:
    """Why a time in words cannot be used (not understood, in the past), or None."""
    if not when.strip():
        return None
    parsed = parse_when(when, now=ctx.now, tz=ctx.tz)
    if parsed is None:
        return ctx.t("ann.bad_when")
    return ctx.t("ann.past_when") if parsed < ctx.now else None


def _schedule(ctx: Context, *, text: str, audience: str, target: str, when: str) -> Reply:
    language = ctx.language
    conference: Conference | None = None
    if audience == "channel" and not (ctx.announcement_channel or ctx.announcement_room):
        return Reply(ctx.t("ann.no_channel"), language=language)
    if audience == "room" and not is_matrix_room(target):
        return Reply(ctx.t("ann.bad_room", room=target), language=language)
    if audience in ("registrants", "waitlist"):
        conference = lookup_conference(
            all_conferences(ctx.session), target, now=ctx.now, tz=ctx.tz
        ).conference
        if conference is None:
            return Reply(ctx.t("reg.unknown", query=target), language=language)
    problem = _when_problem(ctx, when)
    if problem:
        return Reply(problem, language=language)
    send_at = (parse_when(when, now=ctx.now, tz=ctx.tz) if when.strip() else None) or ctx.now
    announcement = create_announcement(
        ctx.session,
        created_by=ctx.user_id,
        text=text,
        audience=audience,
        conference_id=conference.id if conference else None,
        send_at=send_at,
        now=ctx.now,
        room=target if audience == "room" else None,
    )
    return Reply(
        ctx.t(
            "ann.scheduled",
            when=_moment(ctx, send_at),
            text=text[:80],
            audience=_audience(ctx, announcement, conference),
        ),
        language=language,
    )


def _moment(ctx: Context, moment: datetime) -> str:
    return (
        f"{format_day(moment, ctx.tz, ctx.language)}, {format_clock(moment, ctx.tz, ctx.language)}"
    )


def _audience(ctx: Context, announcement: Announcement, conference: Conference | None) -> str:
    if announcement.audience == "room":
        return ctx.t("ann.audience_room", room=announcement.room or "")
    if conference is None:
        return ctx.t("ann.audience_channel")
    key = f"ann.audience_{announcement.audience}"
    return ctx.t(key, title=conference.title)


def list_announcements(ctx: Context, _argument: str = "") -> Reply:
    """`/smartcity ankuendigungen`: what is scheduled, each with a cancel button."""
    scheduled = scheduled_announcements(ctx.session)
    if not scheduled:
        return Reply(ctx.t("ann.none"), language=ctx.language)
    cards = tuple(
        Card(
            _moment(ctx, a.send_at),
            body=a.text[:200],
            buttons=(Button(ctx.t("ann.cancel_button"), CANCEL_ACTION, str(a.id)),),
        )
        for a in scheduled
    )
    return Reply(ctx.t("ann.list"), cards=cards, language=ctx.language)


def cancel_command(ctx: Context, announcement_id: str) -> Reply:
    """Cancel a scheduled announcement that has not gone out."""
    done = announcement_id.isdigit() and cancel_announcement(
        ctx.session, int(announcement_id), now=ctx.now
    )
    key = "ann.cancelled" if done else "ann.not_found"
    return Reply(ctx.t(key), language=ctx.language)


def expand_job(ctx: Context, message: OutboxMessage) -> str | None:
    """The announcement's time has come: plan one message per recipient, or say why not."""
    announcement = ctx.session.get(Announcement, message.announcement_id or 0, with_for_update=True)
    if announcement is None or announcement.status != SCHEDULED:
        return "announcement cancelled"
    places = (ctx.announcement_channel, ctx.announcement_room)
    recipients = audience_ids(ctx.session, announcement, places)
    fan_out(ctx.session, announcement, recipients, now=ctx.now)
    return None


def announcement_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """The announcement to send for an outbox row, or why nothing is sent."""
    announcement = ctx.session.get(Announcement, message.announcement_id or 0)
    if announcement is None or announcement.status == CANCELLED:
        return "announcement cancelled"
    return Reply(announcement.text, language=ctx.language)
