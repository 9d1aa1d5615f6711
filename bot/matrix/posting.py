"""Posting one event to a room: encrypted where the room is, under a transaction id, and
waiting out `M_LIMIT_EXCEEDED` for as long as the homeserver's `retry_after_ms` says.

Used for the outbox's rows and for the bot's direct answers alike. mautrix raises a 429 at once
and drops the server's `retry_after_ms`, so an answer that met the account's `rc_message`
limit (for instance while the outbox sends a fan-out) used to be lost.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from mautrix.client import Client
from mautrix.errors import MNotFound
from mautrix.types import EventID, EventType, RoomID

MAX_RATE_LIMITED = 50
LIMIT_EXCEEDED = "M_LIMIT_EXCEEDED"


class PostError(Exception):
    """The homeserver refused the event (or kept refusing it for its rate limit)."""

    def __init__(self, errcode: str, status: int) -> None:
        super().__init__(errcode)
        self.errcode, self.status = errcode, status


def fresh_transaction_id() -> str:
    """For an event that is posted once, not resent from the outbox."""
    return "answer-" + secrets.token_hex(16)


class Poster:
    """Posts events for one client; `rate_limited` counts the waits for the rate limit."""

    def __init__(
        self, client: Client, *, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    ) -> None:
        self.client, self.sleep = client, sleep
        self.rate_limited = 0

    async def post(
        self,
        room: RoomID,
        content: Any,
        txn: str,
        *,
        event_type: EventType = EventType.ROOM_MESSAGE,
        encrypt: bool = True,
    ) -> EventID:
        """The event id; the same `txn` again returns the first event instead of a second."""
        if encrypt and await self._is_encrypted(room):
            content = (await self.client.encrypt(room, event_type, content)).serialize()
            event_type = EventType.ROOM_ENCRYPTED
        elif not isinstance(content, dict):
            content = content.serialize()
        return await self._put(room, str(event_type), content, txn)

    async def _is_encrypted(self, room: RoomID) -> bool:
        """From the synced state; for a room whose state has not come through yet, asked of
        the server (as mautrix does), so nothing goes out in the clear by mistake."""
        assert self.client.state_store is not None
        known = await self.client.state_store.is_encrypted(room)
        if known is not None:
            return known
        try:
            await self.client.get_state_event(room, EventType.ROOM_ENCRYPTION)  # stored as read
        except MNotFound:
            return False
        return True

    async def react(self, room: RoomID, event_id: EventID, key: str) -> EventID:
        """A reaction under an event (unencrypted, as mautrix sends reactions)."""
        relation = {"rel_type": "m.annotation", "event_id": event_id, "key": key}
        content = {"m.relates_to": relation}
        txn = fresh_transaction_id()
        return await self.post(room, content, txn, event_type=EventType.REACTION, encrypt=False)

    async def _put(
        self, room: RoomID, event_type: str, content: dict[str, Any], txn: str
    ) -> EventID:
        api = self.client.api
        url = f"{api.base_url}/_matrix/client/v3/rooms/{quote(room)}/send/{event_type}/{txn}"
        headers = {"Authorization": f"Bearer {api.token}"}
        for _ in range(MAX_RATE_LIMITED):
            async with api.session.put(url, json=content, headers=headers) as response:
                answer = await response.json(content_type=None)
            if response.status == 200:
                return EventID(answer["event_id"])
            errcode = str(answer.get("errcode", f"HTTP {response.status}"))
            if errcode != LIMIT_EXCEEDED:
                raise PostError(errcode, response.status)
            self.rate_limited += 1
            await self.sleep(int(answer.get("retry_after_ms", 1000)) / 1000)
        raise PostError(LIMIT_EXCEEDED, 429)
