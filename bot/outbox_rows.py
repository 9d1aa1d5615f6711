"""From an outbox row to what is sent: worded now (reminders, announcements, reports) or
ready since the request that queued it (replies, messages to others, files)."""

from __future__ import annotations

from collections.abc import Callable

from bot.sending import Outgoing
from handlers.conferences.changes import change_reply
from handlers.context import Context
from handlers.notify.notices import new_conference_reply, registration_open_reply
from handlers.outgoing import FILES, MESSAGE, REPLY, reply_from_data
from handlers.registration.offers import offer_lapsed_reply, seat_offer_reply
from handlers.reminders.announcements import announcement_reply, expand_job
from handlers.reminders.digest import digest_row_reply
from handlers.reminders.reminders import reminder_reply
from handlers.reminders.report import report_reply
from handlers.replies import Attachment, Reply
from storage.models import OutboxMessage
from storage.outbox import SENT, SKIPPED

Renderer = Callable[[Context, OutboxMessage], Reply | str]
RENDERERS: dict[str, Renderer] = {
    "reminder": reminder_reply,
    "announcement": announcement_reply,
    "report": report_reply,
    "digest": digest_row_reply,
    "conference_change": change_reply,
    "new_conference": new_conference_reply,
    "registration_open": registration_open_reply,
    "seat_offer": seat_offer_reply,
    "offer_lapsed": offer_lapsed_reply,
}
READY = frozenset({REPLY, MESSAGE, FILES})
# Kinds that are pointless once late by more than the grace period.
TIMELY = frozenset({"reminder", "digest"})
# Kinds nobody is waiting for: held back during quiet hours, however late they are.
QUIET_KINDS = frozenset(
    {"reminder", "announcement", "digest", "new_conference", "registration_open"}
)
# Kinds someone is waiting for right now: their retries do not wait for the morning.
AWAITED = frozenset({REPLY, FILES})


def render(ctx: Context, message: OutboxMessage) -> Reply | tuple[str, str] | None:
    """The reply to send (None for files only), or (status, reason) when nothing is sent."""
    if message.kind == "announcement_job":
        reason = expand_job(ctx, message)
        return (SKIPPED, reason) if reason else (SENT, "")
    if message.kind in READY:
        data = (message.payload or {}).get("reply")
        return reply_from_data(data) if isinstance(data, dict) else None
    rendered = RENDERERS[message.kind](ctx, message)
    return (SKIPPED, rendered) if isinstance(rendered, str) else rendered


def outgoing_of(message: OutboxMessage, reply: Reply | None) -> Outgoing:
    """What the transport gets for a row: its message (maybe in a thread) and its files."""
    thread = (message.payload or {}).get("thread_ts")
    return Outgoing(
        key=message.key,
        recipient=message.recipient,
        reply=reply,
        thread_ts=thread if isinstance(thread, str) else None,
        files=tuple(Attachment(f.filename, f.content, f.title) for f in message.files),
    )
