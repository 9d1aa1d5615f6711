"""Organizer commands: participant lists and exports, capacity, opening and closing."""

from __future__ import annotations

from handlers.conferences.naming import names
from handlers.context import Context
from handlers.registration.exports import participant_rows, to_csv
from handlers.registration.flow import find_conference, promotion_messages
from handlers.replies import Attachment, DirectMessage, Reply
from handlers.texts import tn
from storage.conferences import all_conferences
from storage.models import Conference
from storage.registrations import (
    CapacityError,
    participants,
    set_capacity,
)

_CAPACITY = frozenset({"kapazitaet", "kapazität", "capacity"})
_OPEN = frozenset({"oeffnen", "öffnen", "open"})
_CLOSE = frozenset({"schliessen", "schließen", "close"})
ADMIN_WORDS = _CAPACITY | _OPEN | _CLOSE


def participant_list(ctx: Context, argument: str) -> Reply:
    """`/smartcity teilnehmende <konferenz>`: counts, the list, and a CSV export by DM."""
    conference = find_conference(ctx, all_conferences(ctx.session), argument)
    if isinstance(conference, Reply):
        return conference
    rows = participants(ctx.session, conference.id)
    confirmed, waitlisted = conference.confirmed_count, conference.waitlisted_count
    free = None if conference.capacity is None else max(conference.capacity - confirmed, 0)
    text = tn(
        ctx.language,
        "org.participants",
        "org.participants.plural",
        0 if free is None else free,
        title=conference.title,
        confirmed=confirmed,
        waitlisted=waitlisted,
        free="–" if free is None else free,
    )
    table = participant_rows(rows)
    lines = tuple(
        f"{n}. {row['name']} ({row['municipality']}, {row['role']})"
        + (
            f" – {ctx.t('reg.status_waitlisted', position=row['waitlist_position'])}"
            if row["waitlist_position"]
            else ""
        )
        for n, row in enumerate(table, start=1)
    )
    export = Attachment(f"teilnehmende-{conference.slug}.csv", to_csv(table), conference.title)
    export_note = Reply(
        ctx.t("org.export_sent", **names(conference, ctx.language).as_values()),
        attachments=(export,),
        language=ctx.language,
    )
    return Reply(
        text,
        notes=lines[:100],
        language=ctx.language,
        direct_messages=(DirectMessage(ctx.user_id, export_note),),
    )


def conference_admin(ctx: Context, argument: str) -> Reply:
    """`/smartcity konferenz <slug> kapazitaet 120 | oeffnen | schliessen`."""
    words = argument.split()
    if len(words) < 2:
        return Reply(ctx.t("org.usage"), language=ctx.language)
    conference = find_conference(ctx, all_conferences(ctx.session), words[0])
    if isinstance(conference, Reply):
        return conference
    values = names(conference, ctx.language).as_values()
    action = words[1].casefold()
    if action in _OPEN | _CLOSE:
        conference.registration_open = action in _OPEN
        key = "org.opened" if conference.registration_open else "org.closed"
        return Reply(ctx.t(key, **values), language=ctx.language)
    if action in _CAPACITY and len(words) == 3 and words[2].isdigit() and int(words[2]) > 0:
        return _set_capacity(ctx, conference, int(words[2]), values)
    return Reply(ctx.t("org.usage"), language=ctx.language)


def _set_capacity(
    ctx: Context, conference: Conference, capacity: int, values: dict[str, str]
) -> Reply:
    try:
        promoted = set_capacity(
            ctx.session, conference.id, capacity, now=ctx.now, offer_for=ctx.seat_offer
        )
    except CapacityError:
        confirmed = conference.confirmed_count
        return Reply(ctx.t("org.capacity_too_low", confirmed=confirmed), language=ctx.language)
    text = ctx.t("org.capacity_set", capacity=capacity, **values)
    if promoted:
        text += tn(
            ctx.language, "org.capacity_promoted", "org.capacity_promoted.plural", len(promoted)
        )
    return Reply(
        text, language=ctx.language, direct_messages=promotion_messages(ctx, conference, promoted)
    )
