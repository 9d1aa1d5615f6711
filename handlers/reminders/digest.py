"""The weekly digest: upcoming conferences with free seats, to the announcement channel on
Slack and the announcement room on Matrix (whoever is in the room reads it there)."""

from __future__ import annotations

from handlers.conferences.cards import when_text
from handlers.context import Context
from handlers.replies import Card, Reply
from handlers.texts import t, tn
from storage.conferences import upcoming_conferences
from storage.outbox import plan


def digest_reply(ctx: Context) -> Reply:
    """The weekly overview: upcoming conferences that still take registrations."""
    language = ctx.language
    upcoming = [c for c in upcoming_conferences(ctx.session, ctx.now) if c.registration_open]
    if not upcoming:
        return Reply(t(language, "digest.none"), language=language)
    cards = []
    for conference in upcoming[:10]:
        free = (
            t(language, "digest.unlimited")
            if conference.capacity is None
            else _free_seats(language, conference.capacity - conference.confirmed_count)
        )
        cards.append(
            Card(
                conference.title,
                (
                    (t(language, "field.when"), when_text(conference, ctx.tz, language)),
                    (t(language, "reg.field_status"), free),
                ),
            )
        )
    return Reply(t(language, "digest.title"), cards=tuple(cards), language=language)


def plan_digest(ctx: Context) -> bool:
    """This week's digest into the outbox, once per place (the Slack channel, the Matrix
    room), whichever replica asks first; True if anything was planned."""
    year, week, _ = ctx.now.astimezone(ctx.tz).isocalendar()
    key = f"digest:{year}-W{week:02d}"
    planned = False
    # The channel keeps the key it had before there was a room, so no week is sent twice.
    for place, place_key in (
        (ctx.announcement_channel, key),
        (ctx.announcement_room, f"{key}:{ctx.announcement_room}"),
    ):
        if place:
            new = plan(ctx.session, key=place_key, kind="digest", recipient=place, due_at=ctx.now)
            planned = planned or new
    return planned


def _free_seats(language: str, free: int) -> str:
    return tn(language, "digest.free", "digest.free.plural", free, free=free)
