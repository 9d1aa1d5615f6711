"""What a request sends besides its direct answer, as outbox rows in the request's own
transaction: the answer itself when it is posted rather than returned, files, and messages
to other people. A reply travels as plain JSON and is rebuilt when it is sent."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from handlers.context import Context
from handlers.replies import Button, Card, DirectMessage, Reply
from storage.outbox import File, queue

REPLY, MESSAGE, FILES = "reply", "message", "files"
# How long a queued message is tried when the caller does not say (reminders.give_up_hours).
GIVE_UP = timedelta(hours=24)


@dataclass(frozen=True)
class Destination:
    """Where the answer is posted: a user's DM or a channel, maybe in a thread. With
    `opens_forms` a reply that carries a form is opened by the caller, not posted."""

    channel: str
    thread_ts: str | None = None
    opens_forms: bool = False


def queue_reply(
    ctx: Context, reply: Reply, *, to: Destination | None, give_up: timedelta
) -> list[int]:
    """Outbox rows for everything `reply` sends later; the answer too when `to` is given."""
    expires = ctx.now + give_up
    ids = []
    if to is not None and not (reply.form is not None and to.opens_forms):
        payload = {"reply": reply_to_data(form_as_button(reply)), "thread_ts": to.thread_ts}
        ids.append(_queue(ctx, REPLY, to.channel, payload, expires))
    return ids + _extras(ctx, reply, ctx.user_id, expires)


def queue_messages(
    ctx: Context, messages: tuple[DirectMessage, ...], *, give_up: timedelta = GIVE_UP
) -> list[int]:
    """Outbox rows for messages to other people (and their files), e.g. from the command
    line, which has no conversation to answer in."""
    return queue_reply(ctx, Reply("", direct_messages=messages), to=None, give_up=give_up)


def _extras(ctx: Context, reply: Reply, user_id: str, expires: datetime) -> list[int]:
    ids = []
    if reply.attachments:
        files = [File(a.filename, a.title, a.content) for a in reply.attachments]
        ids.append(_queue(ctx, FILES, user_id, {}, expires, files=files))
    for message in reply.direct_messages:
        payload = {"reply": reply_to_data(message.reply), "thread_ts": None}
        ids.append(_queue(ctx, MESSAGE, message.user_id, payload, expires))
        ids += _extras(ctx, message.reply, message.user_id, expires)
    return ids


def _queue(
    ctx: Context,
    kind: str,
    recipient: str,
    payload: dict[str, Any],
    expires: datetime,
    *,
    files: list[File] | None = None,
) -> int:
    return queue(
        ctx.session,
        kind=kind,
        recipient=recipient,
        payload=payload,
        now=ctx.now,
        expires_at=expires,
        files=files or (),
    )


def form_as_button(reply: Reply) -> Reply:
    """Where no form can be opened (a posted message), a button that opens it."""
    if reply.form is None:
        return reply
    button = Button(reply.form.title, reply.form.action, reply.form.context, primary=True)
    return Reply(
        reply.text,
        cards=(*reply.cards, Card("", buttons=(button,))),
        notes=reply.notes,
        language=reply.language,
    )


def reply_to_data(reply: Reply) -> dict[str, Any]:
    """The message part of a reply (text, cards, notes) as JSON-ready data."""
    return {
        "text": reply.text,
        "cards": [dataclasses.asdict(card) for card in reply.cards],
        "notes": list(reply.notes),
        "language": reply.language,
    }


def reply_from_data(data: dict[str, Any]) -> Reply:
    """The reply `reply_to_data` made this data from."""
    cards = tuple(
        Card(
            card["title"],
            fields=tuple((label, value) for label, value in card["fields"]),
            body=card["body"],
            link=card["link"],
            buttons=tuple(Button(**button) for button in card["buttons"]),
        )
        for card in data["cards"]
    )
    return Reply(data["text"], cards=cards, notes=tuple(data["notes"]), language=data["language"])
