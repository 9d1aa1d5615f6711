"""One Matrix account: log in once, sync, join invites, answer DMs and mentions.

mautrix runs on an asyncio loop in a thread of its own; each question goes to the synchronous
handlers in the thread pool, and the reply comes back to the loop to be sent.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Coroutine
from concurrent.futures import Executor
from dataclasses import replace
from datetime import timedelta
from typing import Any, TypeVar

from mautrix.api import Method, Path
from mautrix.client import Client, InternalEventType, SyncStream
from mautrix.client.encryption_manager import DecryptionDispatcher
from mautrix.crypto import OlmMachine
from mautrix.errors import DecryptionError, SessionNotFound
from mautrix.types import (
    EncryptedEvent,
    EncryptedMegolmEventContent,
    Event,
    EventID,
    EventType,
    Membership,
    MemberStateEventContent,
    MessageEvent,
    ReactionEvent,
    RoomCreatePreset,
    RoomID,
    StateEvent,
    UserID,
)

from bot.matrix.answer import answer
from bot.matrix.crypto import cross_sign, enable_encryption
from bot.matrix.incoming import BotIdentity, MatrixMessage, read_message
from bot.matrix.login import resolve_login
from bot.matrix.loop import STOP_TIMEOUT, LoopThread, cancel_the_rest
from bot.matrix.outgoing import notice_content
from bot.matrix.posting import Poster, fresh_transaction_id
from bot.matrix.shortcuts import Offer, Offers, shortcuts_for, with_hint
from bot.matrix.store import MatrixStore, open_store
from bot.render_matrix import MatrixText, render_matrix
from bot.services import Services
from handlers.replies import Reply
from handlers.texts import t
from storage.events import claim_event
from storage.matrix_devices import DeviceLogin, find_device, save_device

log = logging.getLogger(__name__)
FIRST_SYNC_TIMEOUT = 60
KEY_WAIT_SECONDS = 5
Result = TypeVar("Result")
TIMELINE = SyncStream.JOINED_ROOM | SyncStream.TIMELINE


class MatrixBot:
    """Start with `start()` (returns once the first sync is through), end with `stop()`."""

    def __init__(self, services: Services, *, executor: Executor) -> None:
        self.services = services
        self.executor = executor
        self.config = services.config
        self._loop = LoopThread("matrix")
        self.key_wait_seconds = KEY_WAIT_SECONDS
        self._told_undecryptable: set[str] = set()
        self._offers = Offers()
        self._room_locks: dict[str, asyncio.Lock] = {}
        self._direct_rooms: dict[UserID, RoomID] = {}
        self.client: Client
        self.machine: OlmMachine
        self._store: MatrixStore
        self._identity: BotIdentity
        self._backlog_before_ms = 0
        self.poster: Poster

    @property
    def device_id(self) -> str:
        """The device this account uses for good (stored, never a new login)."""
        return str(self.client.device_id)

    def start(self) -> None:
        """Log in (or reuse the stored device), open the crypto store, sync once."""
        self._loop.start()
        login = self._loop.run(resolve_login(self.config, self._stored_login()))
        self._remember(login)
        self._loop.run(self._connect(login), timeout=FIRST_SYNC_TIMEOUT)

    def stop(self) -> None:
        """Stop syncing, let running handlers end, close the store."""
        self._loop.run(self._disconnect())
        self._loop.stop()

    def run(self, coroutine: Coroutine[Any, Any, Result]) -> Result:
        """Run a coroutine on the bot's loop (from any other thread) and wait for its result."""
        return self._loop.run(coroutine)

    async def direct_room(self, user_id: UserID) -> RoomID:
        """The direct chat with a user: a room of just the two of them, else a new one.
        The last one found is checked first: looking through every joined room cost an API
        call and a query per room for each message of a fan-out."""
        pair = {self.client.mxid, user_id}
        known = self._direct_rooms.get(user_id)
        if known is not None and await self._members(known) == pair:
            return known
        for room in await self.client.get_joined_rooms():
            if await self._members(room) == pair:
                self._direct_rooms[user_id] = room
                return room
        room = await self.client.create_room(
            is_direct=True, invitees=[user_id], preset=RoomCreatePreset.TRUSTED_PRIVATE
        )
        self._direct_rooms[user_id] = room
        return room

    def _stored_login(self) -> DeviceLogin | None:
        with self.services.sessions.begin() as session:
            return find_device(session, self.config.matrix.user_id)

    def _remember(self, login: DeviceLogin) -> None:
        with self.services.sessions.begin() as session:
            if find_device(session, login.user_id) != login:
                save_device(session, login, now=self.services.clock())

    async def _connect(self, login: DeviceLogin) -> None:
        self._store = await open_store(self.config.database.url, user_id=login.user_id)
        self.client = Client(
            mxid=login.user_id,
            device_id=login.device_id,
            base_url=self.config.matrix.homeserver,
            token=login.access_token,
            state_store=self._store.state,
            sync_store=self._store.crypto,
        )
        self.machine = await enable_encryption(self.client, self._store)
        self.poster = Poster(self.client)
        # Decryption is ours, so that a message we cannot read gets an answer, not silence.
        self.client.remove_dispatcher(DecryptionDispatcher)
        if self.config.secrets.matrix_recovery_key:
            await cross_sign(self.machine, self.config.secrets.matrix_recovery_key)
        self._identity = BotIdentity(login.user_id, names=await self._names())
        if await self._store.crypto.get_next_batch() is None:
            # A brand-new device: what was said before it existed is not for it to answer.
            self._backlog_before_ms = int(time.time() * 1000)
        await self._sync_until_first_response()

    async def _names(self) -> tuple[str, ...]:
        localpart = self.client.mxid.split(":", 1)[0].removeprefix("@")
        try:
            display = await self.client.get_displayname(self.client.mxid)
        except Exception:  # a missing profile only means one name fewer to be mentioned by
            display = None
        return (localpart, display) if display else (localpart,)

    async def _sync_until_first_response(self) -> None:
        synced = asyncio.Event()

        async def first_sync(_: object) -> None:
            synced.set()

        self.client.add_event_handler(InternalEventType.SYNC_SUCCESSFUL, first_sync)
        self.client.add_event_handler(EventType.ROOM_MEMBER, self._on_member)
        self.client.add_event_handler(EventType.ROOM_MESSAGE, self._on_message)
        self.client.add_event_handler(EventType.ROOM_ENCRYPTED, self._on_encrypted)
        self.client.add_event_handler(EventType.REACTION, self._on_reaction)
        self.client.start(None)
        await synced.wait()
        self.client.remove_event_handler(InternalEventType.SYNC_SUCCESSFUL, first_sync)

    async def _disconnect(self) -> None:
        self.client.stop()
        # Handlers still waiting (for a room key, a reply) would keep store connections busy,
        # and closing a PostgreSQL pool waits for every connection to come back.
        await cancel_the_rest()
        await self.client.api.session.close()
        try:
            await asyncio.wait_for(self._store.close(), timeout=STOP_TIMEOUT)
        except TimeoutError:
            log.warning("the Matrix store did not close within %s s; leaving it", STOP_TIMEOUT)

    async def _on_member(self, evt: StateEvent) -> None:
        content = evt.content
        invited = isinstance(content, MemberStateEventContent) and (
            content.membership == Membership.INVITE
        )
        if invited and evt.state_key == self.client.mxid:
            await self.client.join_room(evt.room_id)

    async def _on_encrypted(self, evt: EncryptedEvent) -> None:
        if evt.sender == self.client.mxid or self._is_backlog(evt.timestamp):
            return
        try:
            decrypted = await self._decrypt(evt)
        except DecryptionError as error:
            log.warning("cannot decrypt %s in %s: %s", evt.event_id, evt.room_id, error)
            await self._say_undecryptable(evt.room_id)
            return
        self.client.dispatch_event(decrypted, TIMELINE)

    async def _decrypt(self, evt: EncryptedEvent) -> Event:
        try:
            return await self.machine.decrypt_megolm_event(evt)
        except SessionNotFound:
            assert isinstance(evt.content, EncryptedMegolmEventContent)
            # The room key travels separately and may arrive a moment after the message.
            await self.machine.wait_for_session(
                evt.room_id, evt.content.session_id, timeout=self.key_wait_seconds
            )
            return await self.machine.decrypt_megolm_event(evt)

    async def _say_undecryptable(self, room_id: RoomID) -> None:
        if room_id in self._told_undecryptable:
            return
        self._told_undecryptable.add(room_id)
        text = t(self.config.bot.language, "matrix.undecryptable")
        await self._send(room_id, MatrixText(body=text, html=text))

    async def _on_message(self, evt: MessageEvent) -> None:
        if self._is_backlog(evt.timestamp):
            return
        # One message per room at a time, in order: a dialog must see its answers in sequence.
        async with self._room_locks.setdefault(evt.room_id, asyncio.Lock()):
            await self._take_up(evt)

    async def _take_up(self, evt: MessageEvent) -> None:
        message = read_message(
            room_id=evt.room_id,
            event_id=evt.event_id,
            sender=evt.sender,
            content=evt.content.serialize(),
            bot=self._identity,
            direct=await self._is_direct(evt.room_id),
            answer_everything=evt.room_id in self.config.matrix.rooms,
        )
        if message is not None:
            await self._answer(message)

    async def _on_reaction(self, evt: ReactionEvent) -> None:
        """A tap on one of the shortcuts under the bot's latest message: the number it stands
        for is answered as if typed. Any other reaction is not a request."""
        relation = evt.content.relates_to
        if evt.sender == self.client.mxid or self._is_backlog(evt.timestamp):
            return
        key, reacted_to = str(relation.key or ""), str(relation.event_id or "")
        async with self._room_locks.setdefault(evt.room_id, asyncio.Lock()):
            offer = self._offers.take(
                evt.room_id, sender=evt.sender, reacted_to=reacted_to, key=key
            )
            if offer is not None:
                number = offer.keys[key]
                await self._answer(replace(offer.answered, event_id=evt.event_id, text=number))

    def _is_backlog(self, timestamp: int) -> bool:
        return timestamp < self._backlog_before_ms

    async def _is_direct(self, room_id: RoomID) -> bool:
        return len(await self._members(room_id)) <= 2

    async def _members(self, room_id: RoomID) -> set[UserID]:
        """Who is in the room (or invited), from the synced state or, before that, the server."""
        members = await self._store.state.get_members(room_id)
        if len(members) < 2:  # just joined: the room's state has not come through sync yet
            # Asked directly, not through the client's storing wrapper: storing the list would
            # race with the sync writing the same room's members.
            answer = await self.client.api.request(
                Method.GET, Path.v3.rooms[room_id].joined_members
            )
            members = list(answer.get("joined", {}))
        return set(members)

    async def _answer(self, message: MatrixMessage) -> None:
        loop = asyncio.get_running_loop()
        held: list[int] = []
        reply = await loop.run_in_executor(self.executor, self._reply_once, message, held)
        if reply is None:
            return
        room = RoomID(message.room_id)
        text, shortcuts = render_matrix(reply), shortcuts_for(reply)
        if shortcuts:
            text = with_hint(text, shortcuts, reply.language)
        try:
            event_id = await self._send(room, text, answering=message)
        finally:
            # What the answer announces (a file, say) follows it, not the other way round.
            if held and self.services.courier is not None:
                self.services.courier(held)
        answered = replace(message, answer_to=message.answer_to or message.event_id)
        self._offers.offer(room, Offer(event_id, message.sender, shortcuts, answered))
        for key in shortcuts:
            await self.poster.react(room, event_id, key)

    def _reply_once(self, message: MatrixMessage, held: list[int]) -> Reply | None:
        """The reply, unless another replica or an earlier run already answered this event;
        what it queued in the outbox is left in `held`."""
        keep = timedelta(hours=self.config.slack.event_dedupe_hours)
        with self.services.sessions.begin() as session:
            if not claim_event(session, message.event_id, now=self.services.clock(), keep=keep):
                return None
        return answer(self.services, message.sender, message.text, held=held)

    async def _send(
        self, room_id: RoomID, text: MatrixText, *, answering: MatrixMessage | None = None
    ) -> EventID:
        content: Any = notice_content(text, answering=answering)  # plain JSON is fine for mautrix
        # Waits out the account's rate limit instead of losing the answer to it.
        return await self.poster.post(room_id, content, fresh_transaction_id())
