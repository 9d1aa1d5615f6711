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
from urllib.parse import quote

from mautrix.errors import MatrixRequestError
from mautrix.types import EventType, RoomAlias, RoomID, UserID

from bot.matrix.bot import MatrixBot
from bot.matrix.files import file_contents
from bot.matrix.outgoing import notice_content
from bot.render_matrix import render_matrix
from bot.sending import PERMANENT, RATE_LIMITED, TRANSIENT, Outgoing, SendError
from storage.recipients import MATRIX

MAX_RATE_LIMITED = 50
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
        self.sleep = sleep
        self.rate_limited = 0
        self._rooms: dict[str, RoomID] = {}  # room ids and aliases joined by this sender

    def send(self, message: Outgoing) -> None:
        """Post the row's message and files to a room (`!…`) or a user's direct chat (`@…`)."""
        self.bot.run(self._send(message))

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
        event_type = EventType.ROOM_MESSAGE
        client = self.bot.client
        assert client.state_store is not None
        if await client.state_store.is_encrypted(room):
            content = (await client.encrypt(room, event_type, content)).serialize()
            event_type = EventType.ROOM_ENCRYPTED
        return await self._put(room, str(event_type), content, transaction_id(key))

    async def _room_of(self, recipient: str) -> RoomID:
        if recipient.startswith("@"):
            return await self.bot.direct_room(UserID(recipient))
        if recipient not in self._rooms:
            self._rooms[recipient] = await self._join(recipient)
        return self._rooms[recipient]

    async def _join(self, address: str) -> RoomID:
        """Join a room by id or alias, and read its state (members, encryption) into the
        store, which the sync has not filled for a room joined just now."""
        client = self.bot.client
        target = RoomAlias(address) if address.startswith("#") else RoomID(address)
        try:
            room = await client.join_room(target, max_retries=0)
            await client.get_state(room)
        except MatrixRequestError as error:
            kind = PERMANENT if error.http_status in PERMANENT_STATUS else TRANSIENT
            raise SendError(f"cannot join {address}: {error.errcode}", kind=kind) from error
        return room

    async def _put(self, room: RoomID, event_type: str, content: dict[str, Any], txn: str) -> str:
        api = self.bot.client.api
        url = f"{api.base_url}/_matrix/client/v3/rooms/{quote(room)}/send/{event_type}/{txn}"
        headers = {"Authorization": f"Bearer {api.token}"}
        for _ in range(MAX_RATE_LIMITED):
            async with api.session.put(url, json=content, headers=headers) as response:
                answer = await response.json(content_type=None)
            if response.status == 200:
                return str(answer["event_id"])
            errcode = str(answer.get("errcode", f"HTTP {response.status}"))
            if errcode != "M_LIMIT_EXCEEDED":
                kind = PERMANENT if response.status in PERMANENT_STATUS else TRANSIENT
                raise SendError(errcode, kind=kind)
            self.rate_limited += 1
            await self.sleep(int(answer.get("retry_after_ms", 1000)) / 1000)
        raise SendError("M_LIMIT_EXCEEDED", kind=RATE_LIMITED)
