"""Sends outbox messages to Matrix users and rooms, exactly once per outbox key.

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

from mautrix.types import EventType, RoomID, UserID

from bot.matrix.bot import MatrixBot
from bot.matrix.files import file_contents
from bot.matrix.outgoing import notice_content
from bot.render_matrix import render_matrix
from bot.sending import PERMANENT, RATE_LIMITED, TRANSIENT, SendError
from handlers.replies import Reply

MAX_RATE_LIMITED = 50
# The request can never succeed as it is: no such room, not allowed there, too large.
PERMANENT_STATUS = frozenset({400, 403, 404, 413})


def transaction_id(key: str) -> str:
    """A URL-safe transaction id that is the same for the same outbox key."""
    return "outbox-" + hashlib.sha256(key.encode()).hexdigest()[:32]


class MatrixSender:
    """Called from the outbox's threads; the sending runs on the bot's loop."""

    def __init__(
        self, bot: MatrixBot, *, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    ) -> None:
        self.bot = bot
        self.sleep = sleep
        self.rate_limited = 0

    def send(self, recipient: str, reply: Reply, *, key: str) -> str:
        """Post `reply` to a room (`!…`) or a user's direct chat (`@…`); the event id."""
        return self.bot.run(self._send(recipient, reply, key))

    async def _send(self, recipient: str, reply: Reply, key: str) -> str:
        """The notice, then each file; every event has a transaction id of its own, derived
        from the key, so that a repeat after a crash posts none of them twice."""
        room = await self._room_of(recipient)
        event_id = await self._put_message(room, notice_content(render_matrix(reply)), key)
        files = await file_contents(self.bot.client, room, reply.attachments)
        for number, content in enumerate(files, start=1):
            await self._put_message(room, content, f"{key}#file{number}")
        return event_id

    async def _put_message(self, room: RoomID, content: Any, key: str) -> str:
        event_type = EventType.ROOM_MESSAGE
        client = self.bot.client
        assert client.state_store is not None
        if await client.state_store.is_encrypted(room):
            content = (await client.encrypt(room, event_type, content)).serialize()
            event_type = EventType.ROOM_ENCRYPTED
        return await self._put(room, str(event_type), content, transaction_id(key))

    async def _room_of(self, recipient: str) -> RoomID:
        if recipient.startswith("!"):
            return RoomID(recipient)
        return await self.bot.direct_room(UserID(recipient))

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
