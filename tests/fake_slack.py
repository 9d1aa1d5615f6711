"""A local stand-in for the Slack Web API: records every call, answers like Slack does.

The real `WebClient` reaches it through `base_url`; nothing in the SDK is mocked. It can
answer 429 with `Retry-After`, either on demand or by enforcing a workspace-wide rate limit.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class FakeSlack:
    """Start with `start()`; `base_url` is then what `WebClient(base_url=...)` needs."""

    rate_per_second: float | None = None
    delay_seconds: float = 0.0
    calls: list[Call] = field(default_factory=list)
    scripted: dict[str, deque[tuple[int, dict[str, Any], dict[str, str]]]] = field(
        default_factory=dict
    )
    rejected: int = 0
    # Calls of a method that are carried out, then answered only after this many seconds.
    stalls: dict[str, deque[float]] = field(default_factory=dict)
    # While set, every call is answered with this HTTP status (an outage).
    outage_status: int | None = None

    def __post_init__(self) -> None:
        self._changed = threading.Condition()
        self._window: deque[float] = deque()
        self._server: ThreadingHTTPServer | None = None
        self._holding = False
        self._answers_held: dict[str, int] = {}  # method -> calls still answered at once

    def hold(self) -> None:
        """Keep every call from now on waiting, not yet carried out, until `release()`: a
        Slack that answers nothing, without the test sleeping or timing anything."""
        with self._changed:
            self._holding = True

    def hold_answers(self, method: str, *, after: int) -> None:
        """Carry out every call of `method` beyond the next `after`, but keep its answer back
        until `release()`: Slack has the message, its sender never hears so."""
        with self._changed:
            self._answers_held[method] = after

    def release(self) -> None:
        """Carry out and answer the calls held since `hold()`, and the answers held back."""
        with self._changed:
            self._holding = False
            self._answers_held.clear()
            self._changed.notify_all()

    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                declared = self.headers.get("Content-Length")
                length = int(declared or 0)
                raw = self.rfile.read(length)
                if declared is None or len(raw) < length:
                    return  # the client died mid-request (a kill): Slack would not act on it
                fake._handle(self, raw)

            def log_message(self, *_: object) -> None:
                pass

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # serve_forever checks for shutdown only between polls; Python's default poll of 0.5 s
        # made every test that used the fake wait that long in stop().
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()
        return self.base_url

    def stop(self) -> None:
        self.release()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def script(
        self, method: str, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        """Answer the next call of `method` with this response instead of the normal one."""
        self.scripted.setdefault(method, deque()).append((status, body, headers or {}))

    def calls_to(self, method: str) -> list[Call]:
        with self._changed:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until `count` calls of `method` arrived (listener threads run async)."""
        with self._changed:
            self._changed.wait_for(
                lambda: len([c for c in self.calls if c.method == method]) >= count, timeout
            )
            return [call for call in self.calls if call.method == method]

    def _handle(self, request: BaseHTTPRequestHandler, raw: bytes) -> None:
        method = request.path.rsplit("/", 1)[-1]
        if request.path.startswith("/upload/"):  # the file upload URL handed out below
            method, params = "upload", {"file_id": method, "content": raw}
        else:
            params = _parse(request, raw)
        with self._changed:
            self._changed.wait_for(lambda: not self._holding)
        if self.delay_seconds:
            time.sleep(self.delay_seconds)  # a slow Slack, so that a test can kill mid-way
        status, body, headers = self._respond(method, params)
        with self._changed:
            self._changed.wait_for(lambda: not self._answer_held(method))
        if self.stalls.get(method):
            time.sleep(self.stalls[method].popleft())  # carried out, the answer is late
        payload = json.dumps(body).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json; charset=utf-8")
        request.send_header("Content-Length", str(len(payload)))
        for name, value in headers.items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(payload)

    def _respond(
        self, method: str, params: dict[str, Any]
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        with self._changed:
            if self.outage_status is not None:
                return self.outage_status, {"ok": False, "error": "service_unavailable"}, {}
            if self.scripted.get(method):
                return self.scripted[method].popleft()
            if not self._within_rate():
                self.rejected += 1
                return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
            self.calls.append(Call(method, params))
            self._changed.notify_all()
            if method == "conversations.history":
                return 200, self._history(str(params.get("channel", ""))), {}
            return 200, _answer(method, params, len(self.calls), self.base_url), {}

    def _answer_held(self, method: str) -> bool:
        """Whether this answer waits (called under the lock, once per check)."""
        passing = self._answers_held.get(method)
        if passing is None:
            return False
        if passing > 0:
            self._answers_held[method] = passing - 1
            return False
        return True

    def _history(self, channel: str) -> dict[str, Any]:
        """The messages posted to a conversation (a DM by the user's id too), newest first."""
        posted = [
            {"ts": f"1700000000.{n:06d}", "text": c.params.get("text", ""), **_metadata(c)}
            for n, c in enumerate(self.calls)
            if c.method == "chat.postMessage"
            and channel in (c.params.get("channel"), "D" + str(c.params.get("channel")))
        ]
        return {"ok": True, "messages": posted[::-1][:100], "has_more": False}

    def _within_rate(self) -> bool:
        if self.rate_per_second is None:
            return True
        now = time.monotonic()
        while self._window and now - self._window[0] >= 1.0:
            self._window.popleft()
        if len(self._window) >= self.rate_per_second:
            return False
        self._window.append(now)
        return True


def _metadata(call: Call) -> dict[str, Any]:
    metadata = call.params.get("metadata")
    if isinstance(metadata, str):
        metadata = json.loads(metadata)
    return {"metadata": metadata} if metadata else {}


class _Server(ThreadingHTTPServer):
    # Slack does not refuse connections; the default backlog of 5 did under parallel senders.
    request_queue_size = 256


def _parse(request: BaseHTTPRequestHandler, raw: bytes) -> dict[str, Any]:
    if "json" in (request.headers.get("Content-Type") or ""):
        return dict(json.loads(raw or b"{}"))
    params: dict[str, Any] = {key: values[0] for key, values in parse_qs(raw.decode()).items()}
    for key in ("blocks", "view", "files", "metadata"):
        if isinstance(params.get(key), str):
            params[key] = json.loads(params[key])
    return params


def _answer(method: str, params: dict[str, Any], serial: int, base_url: str) -> dict[str, Any]:
    if method == "auth.test":
        return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "bot"}
    if method == "chat.postMessage":
        return {"ok": True, "channel": params.get("channel"), "ts": f"1700000000.{serial:06d}"}
    if method == "conversations.open":
        return {"ok": True, "channel": {"id": "D" + str(params.get("users", "X"))}}
    if method == "users.info":
        user = params.get("user", "U0")
        return {
            "ok": True,
            "user": {"id": user, "profile": {"real_name": f"Person {user}"}, "tz": "Europe/Berlin"},
        }
    if method == "files.getUploadURLExternal":
        upload_url = base_url.replace("/api/", f"/upload/F{serial}")
        return {"ok": True, "upload_url": upload_url, "file_id": f"F{serial}"}
    completed = method == "files.completeUploadExternal"
    return {"ok": True, "files": params.get("files") or []} if completed else {"ok": True}
