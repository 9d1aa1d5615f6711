"""A member whose client encrypts, as Element does: mautrix with its own Olm machine."""

from __future__ import annotations

import asyncio
import queue
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mautrix.client import Client
from mautrix.crypto import OlmMachine
from mautrix.crypto.attachments import decrypt_attachment
from mautrix.types import (
    ContentURI,
    EventType,
    Membership,
    MessageEvent,
    MessageType,
    RoomCreatePreset,
    RoomID,
    TextMessageEventContent,
    UserID,
)

from bot.matrix.loop import LoopThread
from bot.matrix.store import MatrixStore, open_store
from tests.matrix.synapse import Account

ENCRYPTION = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}


@dataclass(frozen=True)
class Received:
    content: dict[str, Any]
    encrypted: bool
    event_id: str = ""


def _was_encrypted(evt: MessageEvent) -> bool:
    try:
        return bool(evt["mautrix"]["was_encrypted"])
    except (KeyError, TypeError):
        return False


class EncryptedMember:
    """Writes encrypted messages and reads the bot's encrypted answers."""

    def __init__(self, homeserver: str, account: Account, folder: Path) -> None:
        self.user_id = account.user_id
        self._loop = LoopThread(f"member-{account.user_id}")
        self._loop.start()
        self._received: queue.Queue[MessageEvent] = queue.Queue()
        self._folder = folder
        self._loop.run(self._connect(homeserver, account))

    async def _connect(self, homeserver: str, account: Account) -> None:
        self._store: MatrixStore = await open_store(
            f"sqlite:///{self._folder / 'member.sqlite3'}", user_id=account.user_id
        )
        self.client = Client(
            mxid=UserID(account.user_id),
            device_id=account.device_id,
            base_url=homeserver,
            token=account.access_token,
            state_store=self._store.state,
            sync_store=self._store.crypto,
        )
        machine = OlmMachine(self.client, self._store.crypto, self._store.state)
        await machine.load()
        self.client.crypto = machine
        await machine.share_keys()

        async def on_message(evt: MessageEvent) -> None:
            self._received.put(evt)

        self.client.add_event_handler(EventType.ROOM_MESSAGE, on_message)
        self.client.start(None)

    def open_encrypted_chat(self, bot_id: str, timeout: float = 20) -> RoomID:
        """A new encrypted DM with the bot, once our client has seen the bot join it."""
        return self._loop.run(self._open(UserID(bot_id), timeout))

    async def _open(self, bot_id: UserID, timeout: float) -> RoomID:
        room = await self.client.create_room(
            preset=RoomCreatePreset.TRUSTED_PRIVATE,
            is_direct=True,
            invitees=[bot_id],
            initial_state=[ENCRYPTION],
        )
        deadline = time.monotonic() + timeout
        while bot_id not in await self._store.state.get_members(room, (Membership.JOIN,)):
            if time.monotonic() > deadline:
                raise AssertionError(f"{bot_id} did not join {room}")
            await asyncio.sleep(0.05)
        return room

    def say(self, room: RoomID, text: str) -> None:
        content = TextMessageEventContent(msgtype=MessageType.TEXT, body=text)
        self._loop.run(self.client.send_message(room, content))

    def react(self, room: RoomID, event_id: str, key: str) -> None:
        """Tap a reaction under a message, encrypted as Element sends it."""
        self._loop.run(self._react(room, event_id, key))

    async def _react(self, room: RoomID, event_id: str, key: str) -> None:
        # mautrix leaves reactions unencrypted unless told; Element encrypts them.
        relation = {"rel_type": "m.annotation", "event_id": event_id, "key": key}
        content = {"m.relates_to": relation}
        encrypted = await self.client.encrypt(room, EventType.REACTION, content)
        await self.client.send_message_event(
            room, EventType.ROOM_ENCRYPTED, encrypted, disable_encryption=True
        )

    def say_unreadable(self, room: RoomID) -> None:
        """An encrypted message whose key the bot never gets (as from a broken client)."""
        content = {
            "algorithm": "m.megolm.v1.aes-sha2",
            "ciphertext": "AwgAEhB0aGlzIGlzIG5vdCBhIGtleQ",
            "session_id": "a-session-nobody-shared",
            "sender_key": self.client.crypto.account.identity_key,
            "device_id": self.client.device_id,
        }
        self._loop.run(
            self.client.send_message_event(
                room, EventType.ROOM_ENCRYPTED, content, disable_encryption=True
            )
        )

    def download_decrypted(self, file: dict[str, Any]) -> bytes:
        """An encrypted file (the `file` of an `m.file` event), downloaded and decrypted."""
        ciphertext = self._loop.run(self.client.download_media(ContentURI(file["url"])))
        return decrypt_attachment(
            ciphertext, file["key"]["k"], file["hashes"]["sha256"], file["iv"]
        )

    def forget_outbound_session(self, room: RoomID) -> None:
        """Start a new Megolm session for the next message (its key goes out anew by Olm)."""
        self._loop.run(self._store.crypto.remove_outbound_group_session(room))

    def next_message_from(self, sender: str, room: RoomID, timeout: float = 20) -> Received:
        """The next message `sender` writes in the room, decrypted."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                evt = self._received.get(timeout=left)
            except queue.Empty:
                break
            if evt.sender == sender and evt.room_id == room:
                content = dict(evt.content.serialize())
                return Received(content, encrypted=_was_encrypted(evt), event_id=evt.event_id)
        raise AssertionError(f"no message from {sender} in {room} within {timeout} s")

    def set_up_cross_signing(self) -> str:
        """What the account owner does once in Element: make cross-signing keys, keep them in
        secret storage, and note the recovery key (returned)."""
        return str(self._loop.run(self.client.crypto.generate_recovery_key()))

    def close(self) -> None:
        self._loop.run(self._close())
        self._loop.stop()

    async def _close(self) -> None:
        task = self.client.syncing_task
        self.client.stop()
        if task is not None:
            await asyncio.gather(task, return_exceptions=True)
        await self.client.api.session.close()
        await self._store.close()
