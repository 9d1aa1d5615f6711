"""The weekly digest: upcoming conferences with free seats, to the announcement channel on
Slack, the announcement room on Matrix (whoever is in the room reads it there), and by direct
message to every member who asked for it (`bescheid wochenueberblick`), on either."""

from __future__ import annotations

from handlers.conferences.cards import when_text
from handlers.context import Context
from handlers.replies import Card, Reply
from handlers.texts import tn
from storage.conferences import upcoming_conferences
from storage.models import OutboxMessage
from storage.outbox import plan
from storage.subscriptions import DIGEST_SUBJECT, digest_subscribers, is_subscribed


def digest_row_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """The digest for an outbox row, or why it is skipped (a member who has since stopped
    wanting it)."""
    places = (ctx.announcement_channel, ctx.announcement_room)
    if message.recipient not in places and not is_subscribed(
        ctx.session, message.recipient, (DIGEST_SUBJECT,)
    ):
        return "no longer wanted"
    return digest_reply(ctx)


def digest_reply(ctx: Context) -> Reply:
    """The weekly overview: upcoming conferences that still take registrations."""
    language = ctx.language
    upcoming = [c for c in upcoming_conferences(ctx.session, ctx.now) if c.registration_open]
    if not upcoming:
        return Reply(ctx.t("digest.none"), language=language)
    cards = []
    for conference in upcoming[:10]:
        free = (
            ctx.t("digest.unlimited")
            if conference.capacity is None
            else _free_seats(language, conference.capacity - conference.confirmed_count)
        )
        cards.append(
            Card(
                conference.title,
                (
                    (ctx.t("field.when"), when_text(conference, ctx.tz, language)),
                    (ctx.t("reg.field_status"), free),
                ),
            )
        )
    return Reply(ctx.t("digest.title"), cards=tuple(cards), language=language)


def plan_digest(ctx: Context) -> bool:
    """This week's digest into the outbox, once per place (the Slack channel, the Matrix
    room) and subscriber, whichever replica asks first; True if anything was planned."""
    year, week, _ = ctx.now.astimezone(ctx.tz).isocalendar()
    key = f"digest:{year}-W{week:02d}"
    planned = False
    # The channel keeps the key it had before there were others, so no week is sent twice.
    others = (ctx.announcement_room, *digest_subscribers(ctx.session))
    for place, place_key in ((ctx.announcement_channel, key), *((o, f"{key}:{o}") for o in others)):
        if place:
            new = plan(ctx.session, key=place_key, kind="digest", recipient=place, due_at=ctx.now)
            planned = planned or new
    return planned


def _free_seats(language: str, free: int) -> str:
    return tn(language, "digest.free", "digest.free.plural", free, free=free)
