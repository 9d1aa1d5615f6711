"""A second Matrix account for tests, speaking the client-server API over plain HTTP."""

from __future__ import annotations

import itertools
import json
import time
import urllib.parse
import urllib.request
from typing import Any

from tests.matrix.synapse import Account

_transactions = itertools.count()


class MatrixUser:
    """A person in the chat: opens rooms, writes, and reads what the bot answers."""

    def __init__(self, homeserver: str, account: Account) -> None:
        self.homeserver = homeserver
        self.account = account
        self.user_id = account.user_id
        self._since = self._sync(timeout_ms=0)["next_batch"]
        self._unread: dict[str, list[dict[str, Any]]] = {}

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.homeserver}/_matrix/client/v3{path}",
            data=data,
            method=method,
            headers={
                "Authorization": f"Bearer {self.account.access_token}",
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request, timeout=40) as response:
            return json.load(response)

    def download(self, mxc: str) -> bytes:
        """A file the bot uploaded, fetched as a client does (authenticated media)."""
        server_and_id = mxc.removeprefix("mxc://")
        request = urllib.request.Request(
            f"{self.homeserver}/_matrix/client/v1/media/download/{server_and_id}",
            headers={"Authorization": f"Bearer {self.account.access_token}"},
        )
        with urllib.request.urlopen(request, timeout=40) as response:
            return bytes(response.read())

    def open_direct_chat(self, bot_id: str) -> str:
        """A new DM with the bot, once the bot has joined it."""
        room = self.request(
            "POST",
            "/createRoom",
            {"invite": [bot_id], "is_direct": True, "preset": "trusted_private_chat"},
        )["room_id"]
        self.wait_until_joined(room, bot_id)
        return str(room)

    def open_room(self, name: str, invite: list[str]) -> str:
        room = self.request("POST", "/createRoom", {"name": name, "invite": invite})["room_id"]
        return str(room)

    def open_room_with(self, name: str, *, bot: str, others: list[MatrixUser]) -> str:
        """A room with the bot and other people in it, once all have joined."""
        room = self.open_room(name, invite=[bot, *(other.user_id for other in others)])
        for other in others:
            other.join(room)
        for user in (bot, *(other.user_id for other in others)):
            self.wait_until_joined(room, user)
        return room

    def join(self, room_id: str) -> None:
        self.request("POST", f"/join/{urllib.parse.quote(room_id)}", {})

    def wait_until_joined(self, room_id: str, user_id: str, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        path = f"/rooms/{urllib.parse.quote(room_id)}/joined_members"
        while user_id not in self.request("GET", path)["joined"]:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{user_id} did not join {room_id}")
            # Long-polling: returns as soon as anything (such as the join) happens in our rooms.
            self._read_new_events(timeout_ms=int(left * 1000))

    def say(self, room_id: str, text: str, **extra: Any) -> str:
        """Send a text message; returns its event id."""
        content = {"msgtype": "m.text", "body": text, **extra}
        txn = f"t{time.time_ns()}-{next(_transactions)}"
        path = f"/rooms/{urllib.parse.quote(room_id)}/send/m.room.message/{txn}"
        return str(self.request("PUT", path, content)["event_id"])

    def react(self, room_id: str, event_id: str, key: str) -> None:
        """Tap a reaction under a message, as Element sends it."""
        relation = {"rel_type": "m.annotation", "event_id": event_id, "key": key}
        txn = f"r{time.time_ns()}-{next(_transactions)}"
        path = f"/rooms/{urllib.parse.quote(room_id)}/send/m.reaction/{txn}"
        self.request("PUT", path, {"m.relates_to": relation})

    def next_message_from(self, sender: str, room_id: str, timeout: float = 15) -> dict[str, Any]:
        """The next event `sender` posts in the room (waiting for it with long-polling sync)."""
        deadline = time.monotonic() + timeout
        unread = self._unread.setdefault(room_id, [])
        while True:
            for index, event in enumerate(unread):
                if event["sender"] == sender and event["type"] != "m.room.member":
                    del unread[: index + 1]
                    return event
            unread.clear()
            if time.monotonic() >= deadline:
                break
            self._read_new_events(timeout_ms=int(max(deadline - time.monotonic(), 0) * 1000))
        raise AssertionError(f"no message from {sender} in {room_id} within {timeout} s")

    def _read_new_events(self, *, timeout_ms: int) -> None:
        answer = self._sync(timeout_ms=timeout_ms)
        self._since = answer["next_batch"]
        for room_id, room in answer.get("rooms", {}).get("join", {}).items():
            events = room.get("timeline", {}).get("events", [])
            self._unread.setdefault(room_id, []).extend(events)

    def _sync(self, *, timeout_ms: int) -> dict[str, Any]:
        query = {"timeout": str(timeout_ms)}
        if getattr(self, "_since", None):
            query["since"] = self._since
        result: dict[str, Any] = self.request("GET", "/sync?" + urllib.parse.urlencode(query))
        return result
