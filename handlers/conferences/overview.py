"""The organizers' overview (`übersicht`, and their App Home): per upcoming conference the
seats, the waitlist and the registration window; the last announcements with delivery counts."""

from __future__ import annotations

from handlers.conferences.cards import when_text
from handlers.conferences.conference_form import ASK_CANCEL_ACTION, EDIT_ACTION
from handlers.context import Context
from handlers.dates import format_clock, format_day, format_short_day
from handlers.registration.window import registration_problem
from handlers.replies import Button, Card, Reply
from handlers.texts import t
from storage.announcements import SCHEDULED, outcome_counts, recent_announcements
from storage.conferences import upcoming_conferences
from storage.models import Announcement, Conference
from storage.outbox import FAILED, SENT, SKIPPED, messages_of_announcement
from storage.seat_counts import held_offers

PARTICIPANTS_ACTION = "participants"
# Keeps the App Home within Slack's block limit: 3 blocks per conference, 2 per announcement.
CONFERENCE_LIMIT, ANNOUNCEMENT_LIMIT = 8, 3
_STATES = {None: "open", "reg.closed": "closed", "reg.not_yet": "not_yet",
           "reg.deadline": "deadline", "reg.past": "past"}  # fmt: skip


def overview(ctx: Context, _argument: str = "") -> Reply:
    """`übersicht` / `overview`: what an organizer checks before and during registration."""
    language = ctx.language
    moment = f"{format_day(ctx.now, ctx.tz, language)}, {format_clock(ctx.now, ctx.tz, language)}"
    conferences = upcoming_conferences(ctx.session, ctx.now)[:CONFERENCE_LIMIT]
    lead = ctx.t("ov.title", moment=moment)
    if not conferences:
        lead += "\n" + ctx.t("ov.none")
    held = held_offers(ctx.session, [c.id for c in conferences])
    cards = tuple(_conference_card(ctx, c, held.get(c.id, 0)) for c in conferences)
    return Reply(
        lead,
        cards=(*cards, *_announcement_cards(ctx)),
        notes=(ctx.t("ov.commands"),),
        language=language,
    )


def _conference_card(ctx: Context, conference: Conference, held: int) -> Card:
    language = ctx.language
    fields = (
        (ctx.t("ov.when"), when_text(conference, ctx.tz, language)),
        (ctx.t("ov.seats"), _seats(ctx, conference, held)),
        *_held_field(ctx, conference, held),
        (ctx.t("ov.waiting"), str(conference.waitlisted_count)),
        (ctx.t("ov.registration"), _state(ctx, conference)),
        (ctx.t("ov.window"), _window(ctx, conference)),
    )
    slug = conference.slug
    buttons = (
        Button(ctx.t("ov.participants"), PARTICIPANTS_ACTION, slug),
        Button(ctx.t("ov.edit"), EDIT_ACTION, slug),
        Button(ctx.t("ov.cancel"), ASK_CANCEL_ACTION, slug),
    )
    return Card(f"{conference.title} ({slug})", fields=fields, buttons=buttons)


def _seats(ctx: Context, conference: Conference, held: int) -> str:
    """Confirmed seats without the held offers (the counter on the row includes them: they
    are taken, but not yet accepted), and what is really free."""
    confirmed = conference.confirmed_count - held
    if conference.capacity is None:
        return ctx.t("ov.seats_unlimited", confirmed=confirmed)
    free = max(conference.capacity - conference.confirmed_count, 0)
    return t(
        ctx.language, "ov.seats_limited", confirmed=confirmed, capacity=conference.capacity,
        free=free,
    )  # fmt: skip


def _held_field(ctx: Context, conference: Conference, held: int) -> tuple[tuple[str, str], ...]:
    """Seats offered and held for someone waiting: shown while any are, and in offer mode
    wherever seats are limited (only then can a seat be freed for someone waiting)."""
    if not held and (ctx.seat_offer is None or conference.capacity is None):
        return ()
    return ((ctx.t("ov.held"), str(held)),)


def _state(ctx: Context, conference: Conference) -> str:
    return ctx.t(f"ov.state.{_STATES[registration_problem(conference, ctx.now)]}")


def _window(ctx: Context, conference: Conference) -> str:
    unset = ctx.t("ov.not_set")
    opens, deadline = conference.registration_opens_at, conference.registration_deadline
    return t(
        ctx.language,
        "ov.window_text",
        opens=format_short_day(opens, ctx.tz, ctx.language) if opens else unset,
        deadline=format_short_day(deadline, ctx.tz, ctx.language) if deadline else unset,
    )


def _announcement_cards(ctx: Context) -> tuple[Card, ...]:
    recent = recent_announcements(ctx.session, limit=ANNOUNCEMENT_LIMIT)
    announce = Button(ctx.t("ov.announce"), "new_announcement", "")
    heading = Card(
        ctx.t("ov.announcements"),
        body="" if recent else ctx.t("ov.no_announcements"),
        buttons=(announce,),
    )
    return (heading, *(_announcement_card(ctx, a) for a in recent))


def _announcement_card(ctx: Context, announcement: Announcement) -> Card:
    language = ctx.language
    when = format_short_day(announcement.send_at, ctx.tz, language)
    counts = outcome_counts(messages_of_announcement(ctx.session, announcement.id))
    delivery = (
        ctx.t("ov.scheduled")
        if announcement.status == SCHEDULED
        else ctx.t("ov.delivery", sent=counts[SENT], failed=counts[FAILED],
               skipped=counts[SKIPPED])
    )  # fmt: skip
    audience = _audience(ctx, announcement)
    return Card(f"{when} · {audience}", fields=((delivery, announcement.text[:120]),))


def _audience(ctx: Context, announcement: Announcement) -> str:
    conference = (
        ctx.session.get(Conference, announcement.conference_id)
        if announcement.conference_id
        else None
    )
    if conference is None:
        return ctx.t("ann.audience_channel")
    return ctx.t(f"ann.audience_{announcement.audience}", title=conference.title)
