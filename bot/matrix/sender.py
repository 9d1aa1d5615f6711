"""Sends outbox messages to Matrix users and rooms, exactly once per outbox key.

A room is named by its id (`!id:server`) or an alias (`#name:server`); the bot joins it on the
first message (a room it is in already changes nothing), so an organizer can announce to a
room the bot was invited to or that anyone may join.

The outbox row's key, hashed, is the Matrix transaction id: sending the same row again (after a
crash between sending and recording it) returns the first event instead of posting a second.
`M_LIMIT_EXCEEDED` is waited out for as long as `retry_after_ms` says, like Slack's 429.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

from mautrix.errors import MatrixRequestError
from mautrix.types import RoomAlias, RoomID, UserID

from bot.matrix.bot import MatrixBot
from bot.matrix.files import file_contents
from bot.matrix.outgoing import notice_content
from bot.matrix.posting import LIMIT_EXCEEDED, Poster, PostError
from bot.render_matrix import render_matrix
from bot.sending import PERMANENT, RATE_LIMITED, TRANSIENT, Outgoing, SendError
from storage.recipients import MATRIX

# The request can never succeed as it is: no such room, not allowed there, too large.
PERMANENT_STATUS = frozenset({400, 403, 404, 413})


def transaction_id(key: str) -> str:
    """A URL-safe transaction id that is the same for the same outbox key."""
    return "outbox-" + hashlib.sha256(key.encode()).hexdigest()[:32]


class MatrixSender:
    """The outbox's transport to Matrix (the `Sender` of `bot/sending.py`): called from the
    outbox's threads, the sending runs on the bot's loop."""

    def __init__(
        self, bot: MatrixBot, *, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    ) -> None:
        self.bot = bot
        self.poster = Poster(bot.client, sleep=sleep)
        self._rooms: dict[str, RoomID] = {}  # room ids and aliases joined by this sender

    @property
    def rate_limited(self) -> int:
        """How often a send waited out `M_LIMIT_EXCEEDED`."""
        return self.poster.rate_limited

    def send(self, message: Outgoing) -> None:
        """Post the row's message and files to a room (`!…`) or a user's direct chat (`@…`)."""
        try:
            self.bot.run(self._send(message))
        except RuntimeError as error:  # the sync ended (a lost lease, a stop) meanwhile
            raise SendError(f"the Matrix connection has ended: {error}", kind=TRANSIENT) from error

    def delivered(self, message: Outgoing) -> bool:
        """Never needed: sending again under the same transaction ids returns the events
        that arrived instead of posting them twice."""
        return False

    def auth_problem(self) -> str | None:
        """None: a refused token ends the bot's sync, which the runner reports."""
        return None

    def cost(self, message: Outgoing) -> int:
        """One event for the message, one upload and one event per file."""
        return (1 if message.reply else 0) + 2 * len(message.files)

    def transports(self) -> frozenset[str]:
        """Matrix only."""
        return frozenset({MATRIX})

    async def _send(self, message: Outgoing) -> None:
        """The notice, then each file; every event has a transaction id of its own, derived
        from the key, so that a repeat after a crash posts none of them twice."""
        room = await self._room_of(message.recipient)
        if message.reply is not None:
            await self._put_message(room, notice_content(render_matrix(message.reply)), message.key)
        files = (*(message.reply.attachments if message.reply else ()), *message.files)
        contents = await file_contents(self.bot.client, room, files)
        for number, content in enumerate(contents, start=1):
            await self._put_message(room, content, f"{message.key}#file{number}")

    async def _put_message(self, room: RoomID, content: Any, key: str) -> str:
        try:
            return await self.poster.post(room, content, transaction_id(key))
        except PostError as error:
            if error.errcode == LIMIT_EXCEEDED:
                raise SendError(error.errcode, kind=RATE_LIMITED) from error
            kind = PERMANENT if error.status in PERMANENT_STATUS else TRANSIENT
            raise SendError(error.errcode, kind=kind) from error

    async def _room_of(self, recipient: str) -> RoomID:
        if recipient.startswith("@"):
            return await self.bot.direct_room(UserID(recipient))
        if recipient not in self._rooms:
            self._rooms[recipient] = await self._join(recipient)
        return self._rooms[recipient]

    async def _join(self, address: str) -> RoomID:
        """Join a room by id or alias. Its state is left to the sync: reading it into the
        store here raced with the sync storing the same members (a unique violation on
        PostgreSQL), and whether it is encrypted is asked of the server when posting."""
        target = RoomAlias(address) if address.startswith("#") else RoomID(address)
        try:
            return await self.bot.client.join_room(target, max_retries=0)
        except MatrixRequestError as error:
            kind = PERMANENT if error.http_status in PERMANENT_STATUS else TRANSIENT
            raise SendError(f"cannot join {address}: {error.errcode}", kind=kind) from error
