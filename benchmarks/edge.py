"""The HTTP edge under abuse, against a real `smartcity-bot run --http` and a stand-in Slack.

Prints: the bot's peak memory before and after a 300 MB unsigned body, how long /healthz
takes with 1,100 idle connections open, and how long a 1 MB direct message takes to be
answered. Usage: python -m benchmarks.edge [DATABASE_URL]
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.fake_slack import FakeSlack
from tests.slack_requests import SIGNING_SECRET, direct_message, event_callback, signed_headers

HUNDRED_MB = 100 * 1024 * 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def healthz(port: int, timeout: float = 60) -> float:
    """Seconds until /healthz answers 200."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: bot\r\nConnection: close\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 200"), "healthz did not answer 200"
    return time.monotonic() - started


def huge_unsigned_body(port: int) -> tuple[str, int]:
    """Announce 300 MB and keep sending until the server answers or closes."""
    head = b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Length: 314572800\r\n\r\n"
    block, sent = b"x" * 65536, 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head)
        with contextlib.suppress(OSError):
            while sent < 3 * HUNDRED_MB:
                sock.sendall(block)
                sent += len(block)
        with contextlib.suppress(OSError):
            return sock.recv(100).split(b"\r\n", 1)[0].decode(), sent
    return "(connection closed)", sent


def idle_connections(port: int, count: int) -> list[socket.socket]:
    return [socket.create_connection(("127.0.0.1", port)) for _ in range(count)]


def megabyte_message(port: int, fake: FakeSlack) -> float:
    question = "Wo findet die 23. Regionalkonferenz statt? "
    text = (question * (1_000_000 // len(question) + 1))[:1_000_000]
    body = event_callback(direct_message(text), event_id="EvMegabyte")
    headers = signed_headers(body)
    lines = [
        "POST /slack/events HTTP/1.1",
        "Host: bot",
        f"Content-Length: {len(body.encode())}",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body.encode())
        status = sock.recv(100).split(b"\r\n", 1)[0]
    fake.wait_for("chat.postMessage", timeout=120)
    print(f"  1 MB message: ack {status.decode()}")
    return time.monotonic() - started


def main() -> None:
    database = sys.argv[1] if len(sys.argv) > 1 else ""
    fake = FakeSlack()
    fake.start()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        url = database or f"sqlite:///{tmp}/edge.sqlite3"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SLACK_BOT_TOKEN": "xoxb-edge",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.base_url,
        }
        command = [sys.executable, "-m", "bot", "run", "--http", "--port", str(port)]
        bot = subprocess.Popen([*command, "--host", "127.0.0.1"], env=env)
        try:
            run(bot.pid, port, fake)
        finally:
            bot.terminate()
            bot.wait(timeout=10)
            fake.stop()


def run(pid: int, port: int, fake: FakeSlack) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, AssertionError):
            healthz(port, timeout=1)
            break
        time.sleep(0.2)  # the bot process is still starting
    before = peak_memory_mb(pid)
    status, sent = huge_unsigned_body(port)
    after = peak_memory_mb(pid)
    print(f"300 MB unsigned body: {status}, client got {sent / 2**20:.1f} MB out before refusal")
    print(f"  peak memory of the bot: {before:.0f} MB before, {after:.0f} MB after")
    idle = idle_connections(port, 1100)
    try:
        print(f"1,100 idle connections opened: /healthz answered in {healthz(port):.3f} s")
        print(f"  and while they stay open: in {healthz(port):.3f} s")
        time.sleep(40)  # past channel_timeout: the idle connections are closed by the bot
        print(f"  40 s later: in {healthz(port):.3f} s")
    finally:
        for sock in idle:
            sock.close()
    print(f"1 MB direct message answered in {megabyte_message(port, fake):.2f} s")


if __name__ == "__main__":
    main()
