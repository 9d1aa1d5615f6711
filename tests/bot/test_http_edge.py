"""The HTTP edge as the internet sees it: a real waitress server on localhost, raw sockets and
HTTP requests that Slack would never send."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import logging
import resource
import select
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.clock import FixedClock
from bot.config import Config, HttpSection
from bot.http import make_server
from bot.services import build_services
from bot.slack_app import create_app
from tests.slack_requests import SIGNING_SECRET, event_callback, signed_headers, slash_command

LIMIT = 64 * 1024


@pytest.fixture
def server(engine: Engine, slack_config: Config, clock: FixedClock) -> Iterator[tuple[str, int]]:
    config = dataclasses.replace(slack_config, http=HttpSection(max_body_bytes=LIMIT))
    services = build_services(config, clock=clock)
    waitress = make_server(create_app(services), services, host="127.0.0.1", port=0)
    threading.Thread(target=waitress.run, daemon=True).start()
    yield "127.0.0.1", waitress.effective_port
    waitress.task_dispatcher.shutdown()
    waitress.close()


def exchange(address: tuple[str, int], raw: bytes, *, timeout: float = 5) -> str:
    """Send raw bytes, return what the server answers (status line, headers and body)."""
    with socket.create_connection(address, timeout=timeout) as sock:
        sock.sendall(raw)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode("latin-1")


def post(body: str | bytes, headers: dict[str, str], path: str = "/slack/events") -> bytes:
    data = body.encode() if isinstance(body, str) else body
    lines = [f"POST {path} HTTP/1.1", "Host: bot", f"Content-Length: {len(data)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + data


def status_of(answer: str) -> int:
    return int(answer.split(" ", 2)[1])


def signed(body: str | bytes, content_type: str) -> dict[str, str]:
    """Headers of a correctly signed request, for bodies that need not be UTF-8."""
    data = body.encode() if isinstance(body, str) else body
    stamp = str(int(time.time()))
    mac = hmac.new(SIGNING_SECRET.encode(), f"v0:{stamp}:".encode() + data, hashlib.sha256)
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": "v0=" + mac.hexdigest(),
    }


FORM = "application/x-www-form-urlencoded"
GARBAGE: list[tuple[str, bytes, int]] = [
    ("no headers", post("x", {}), 401),
    ("timestamp not a number", post("x", {"X-Slack-Request-Timestamp": "abc"}), 401),
    ("timestamp Arabic digits", post("x", {"X-Slack-Request-Timestamp": "١٧٠٠"}), 401),
    ("timestamp huge", post("x", {"X-Slack-Request-Timestamp": "9" * 400}), 401),
    ("stale", post("x", signed_headers("x", timestamp=1_000_000)), 401),
    ("forged", post("x", signed_headers("x", secret="wrong")), 401),
    ("signed text/plain", post("hello", signed("hello", "text/plain")), 400),
    ("signed broken JSON", post("{nope", signed("{nope", "application/json")), 400),
    ("signed JSON list", post("[1]", signed("[1]", "application/json")), 400),
    ("signed not UTF-8", post(b"\xff\xfe", signed(b"\xff\xfe", FORM)), 400),
    ("signed broken payload", post("payload=%7Bnope", signed("payload=%7Bnope", FORM)), 400),
    ("signed form of nothing", post("a=1", signed("a=1", FORM)), 400),
    ("GET", b"GET /slack/events HTTP/1.1\r\nHost: bot\r\n\r\n", 405),
    ("elsewhere", post("x", {}, path="/admin"), 404),
    ("bad Content-Length", b"POST /slack/events HTTP/1.1\r\nContent-Length: -5\r\n\r\n", 400),
]


def test_malformed_requests_are_refused_without_a_trace(
    server: tuple[str, int], caplog: Any
) -> None:
    caplog.set_level(logging.INFO)
    answers = {name: exchange(server, raw) for name, raw, _ in GARBAGE}
    assert {name: status_of(answers[name]) for name, _, _ in GARBAGE} == {
        name: expected for name, _, expected in GARBAGE
    }
    assert [name for name, answer in answers.items() if "Traceback" in answer] == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_body_over_the_limit_is_refused_before_it_is_sent(server: tuple[str, int]) -> None:
    head = b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Length: 314572800\r\n\r\n"
    started = time.monotonic()
    answer = exchange(server, head)  # not one byte of the 300 MB follows
    assert status_of(answer) == 413
    assert time.monotonic() - started < 2


def test_a_streamed_body_is_cut_off_at_the_limit(server: tuple[str, int]) -> None:
    chunk = b"a" * 8192
    piece = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    head = b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nTransfer-Encoding: chunked\r\n\r\n"
    with socket.create_connection(server, timeout=5) as sock:
        sock.sendall(head)
        sent = 0
        # Keep streaming, as an attacker would, until the server answers.
        while not select.select([sock], [], [], 0.05)[0] and sent < 100 * LIMIT:
            sock.sendall(piece)
            sent += len(chunk)
        answer = sock.recv(65536).decode("latin-1")
    assert status_of(answer) == 413
    assert sent < 2 * LIMIT


def test_signed_requests_with_missing_fields_get_a_polite_answer(
    server: tuple[str, int], caplog: Any
) -> None:
    fields = dict(urllib.parse.parse_qsl(slash_command("Wann ist die nächste Konferenz?")))
    del fields["user_id"]
    command = urllib.parse.urlencode(fields)
    answer = exchange(server, post(command, signed_headers(command)))
    assert status_of(answer) == 200
    assert json.loads(answer.split("\r\n\r\n", 1)[1])["text"].startswith("Entschuldigung")

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []

    click = {"type": "block_actions", "actions": [{"action_id": "conference_details"}]}
    clicked = urllib.parse.urlencode({"payload": json.dumps(click)})
    assert status_of(exchange(server, post(clicked, signed_headers(clicked)))) == 200
    event = event_callback({"type": "app_mention"}, event_id="EvBare")
    assert status_of(exchange(server, post(event, signed_headers(event)))) == 200


def test_the_bot_still_answers_with_1100_idle_connections_open(server: tuple[str, int]) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 3000:
        pytest.skip(f"the open-file limit {hard} is too low for this test")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 3000), hard))
    idle = [socket.create_connection(server) for _ in range(1100)]
    health = b"GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n"
    try:
        # The first answer waits while waitress accepts the burst (3-6 s on two busy cores).
        assert status_of(exchange(server, health, timeout=20)) == 200
        started = time.monotonic()
        assert status_of(exchange(server, health)) == 200
        assert time.monotonic() - started < 2
        body = slash_command("Wo findet die 23. Regionalkonferenz statt?")
        answer = exchange(server, post(body, signed_headers(body)), timeout=10)
        assert "Bodenseeforum Konstanz" in answer
    finally:
        for sock in idle:
            sock.close()
