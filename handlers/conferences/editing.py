"""Organizers add, edit and cancel conferences: validated whole, saved whole, people told.

Transport-neutral: the command line calls these today, the chat form will call the same.
Values are form texts by field name (see `form_values.FIELDS`); permission checks are the
caller's, as the command line is trusted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from handlers.conferences.changes import inform_about_change, snapshot
from handlers.conferences.form_values import conference_values, parse_date, parse_values
from handlers.context import Context
from handlers.notify.notices import announce_new_conference
from handlers.outgoing import queue_messages
from handlers.registration.flow import promotion_messages
from handlers.replies import FormErrors
from handlers.texts import tn
from storage.conference_file import ConferenceRecord
from storage.conferences import apply_record, get_conference, touch
from storage.models import Conference
from storage.registrations import set_capacity


@dataclass(frozen=True)
class Saved:
    """What an edit did: the conference, how many moved up from the waitlist, and how many
    registrants and waiting people will be told about a change (or, for a new conference, how
    many members who asked to hear of new ones)."""

    conference: Conference
    promoted: int = 0
    informed: int = 0


def add_conference(ctx: Context, values: Mapping[str, str]) -> Saved | FormErrors:
    """Create a conference from form values; nothing is stored if any field is wrong."""
    record = parse_values(values, tz=ctx.tz, language=ctx.language)
    if isinstance(record, FormErrors):
        return record
    if get_conference(ctx.session, record.slug) is not None:
        return FormErrors({"slug": ctx.t("edit.slug_taken")})
    conference = Conference(slug=record.slug, registration_open=True)
    apply_record(conference, record, now=ctx.now)
    ctx.session.add(conference)
    ctx.session.flush()
    return Saved(conference, informed=announce_new_conference(ctx.session, conference, now=ctx.now))


def edit_conference(
    ctx: Context,
    conference: Conference,
    changes: Mapping[str, str],
    *,
    registration_open: bool | None = None,
) -> Saved | FormErrors:
    """Apply changed form values over the current ones, all or nothing; a change of time or
    place is announced to everyone registered or waiting (through the outbox)."""
    current = conference_values(conference, ctx.tz)
    values = {**current, **_moved_along(current, changes), **changes}
    record = parse_values(values, tz=ctx.tz, language=ctx.language)
    if isinstance(record, FormErrors):
        return record
    if record.slug != conference.slug and get_conference(ctx.session, record.slug):
        return FormErrors({"slug": ctx.t("edit.slug_taken")})
    problem = _capacity_problem(ctx, conference, record)
    if problem:
        return problem
    before = snapshot(conference)
    promoted = _write(ctx, conference, record)
    if registration_open is not None:
        conference.registration_open = registration_open
    return Saved(conference, promoted, inform_about_change(ctx, conference, before))


def cancel_conference(ctx: Context, conference: Conference) -> Saved:
    """Mark it cancelled and closed; everyone registered or waiting is told, once."""
    if conference.cancelled_at is not None:
        return Saved(conference)
    before = snapshot(conference)
    conference.cancelled_at = ctx.now
    conference.registration_open = False
    touch(conference, now=ctx.now)
    return Saved(conference, informed=inform_about_change(ctx, conference, before, cancelled=True))


def _moved_along(current: Mapping[str, str], changes: Mapping[str, str]) -> dict[str, str]:
    """When only the first day changes, the last day and the programme move with it."""
    new_date = parse_date(changes.get("date", ""))
    if new_date is None:  # no new date, or a wrong one that parse_values reports
        return {}
    shift = new_date - date.fromisoformat(current["date"])
    moved = {}
    if current["end_date"]:
        moved["end_date"] = str(date.fromisoformat(current["end_date"]) + shift)
    lines = []
    for line in current["programme"].splitlines():
        day, _, rest = line.partition(" ")
        lines.append(f"{date.fromisoformat(day) + shift} {rest}")
    return {**moved, "programme": "\n".join(lines)}


def _capacity_problem(
    ctx: Context, conference: Conference, record: ConferenceRecord
) -> FormErrors | None:
    if record.capacity is not None and record.capacity < conference.confirmed_count:
        confirmed = conference.confirmed_count
        problem = tn(
            ctx.language,
            "edit.capacity_low",
            "edit.capacity_low.plural",
            confirmed,
            confirmed=confirmed,
        )
        return FormErrors({"capacity": problem})
    return None


def _write(ctx: Context, conference: Conference, record: ConferenceRecord) -> int:
    """Store the record; capacity goes through the seat counters, which promote waiting
    people when seats are added. Returns how many moved up."""
    capacity_changed = record.capacity != conference.capacity
    apply_record(conference, replace(record, capacity=conference.capacity), now=ctx.now)
    # An edit may clear these; an import keeps them when its file leaves them out.
    conference.registration_opens_at = record.registration_opens_at
    conference.registration_deadline = record.registration_deadline
    if not capacity_changed:
        return 0
    # Checked before; raises CapacityError only if seats were taken since (the caller's
    # transaction then rolls back).
    promoted = set_capacity(
        ctx.session, conference.id, record.capacity, now=ctx.now, offer_for=ctx.seat_offer
    )
    # Told through the outbox in this transaction, in German (the members' default; the
    # command line's English is for the operator). Held seats (offer mode) plan their offer.
    queue_messages(ctx, promotion_messages(replace(ctx, language="de"), conference, promoted))
    return len(promoted)
