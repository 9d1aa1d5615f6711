"""Time-to-response of the HTTP endpoint for signed slash commands and events.

Starts `smartcity-bot run --http` (SQLite, then PostgreSQL) and, as the floor, a bare Bolt app
with no-op listeners behind the same server; each gets a steady 50 requests/s and a burst of
200 concurrent requests. Prints p50/p99 per request kind and our/floor ratios.

    python benchmarks/ack_latency.py [--seconds 20] [--postgres URL | --no-postgres]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fake_slack import FakeSlack  # noqa: E402
from tests.slack_requests import (  # noqa: E402
    SIGNING_SECRET,
    direct_message,
    event_callback,
    signed_headers,
    slash_command,
)

RATE = 50
BURST = 200
QUESTIONS = ["Wann ist die nächste Regionalkonferenz?", "Wo findet die 23. statt?", "hilfe"]


def serve_floor(port: int, api_url: str) -> None:
    """A bare Bolt app: no-op listeners that only acknowledge."""
    from slack_bolt import App
    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from slack_sdk import WebClient
    from waitress import serve

    app = App(client=WebClient(token="xoxb-floor", base_url=api_url), signing_secret=SIGNING_SECRET)
    app.command("/smartcity")(lambda ack: ack())
    app.event("message")(lambda: None)
    serve(SlackRequestHandler(app), host="127.0.0.1", port=port, threads=8, connection_limit=1000)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(command: list[str], env: dict[str, str], port: int) -> Iterator[None]:
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                connection.request("GET", "/healthz")
                connection.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


class Client:
    """Sends signed requests; one keep-alive connection per thread."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.local = threading.local()
        self.serial = 0
        self.lock = threading.Lock()

    def _connection(self) -> http.client.HTTPConnection:
        if not hasattr(self.local, "connection"):
            self.local.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        return self.local.connection

    def _body(self, kind: str) -> str:
        with self.lock:
            self.serial += 1
            serial = self.serial
        if kind == "command":
            return slash_command(QUESTIONS[serial % len(QUESTIONS)], user=f"U{serial % 500}")
        event = direct_message("hallo", user=f"U{serial % 500}", ts=f"1700000000.{serial:06d}")
        return event_callback(event, event_id=f"EvBench{serial}-{time.time_ns()}")

    def send(self, kind: str) -> float:
        body = self._body(kind)
        headers = signed_headers(body)
        started = time.perf_counter()
        connection = self._connection()
        try:
            connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            del self.local.connection
            raise
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise RuntimeError(f"{kind}: HTTP {response.status}")
        return elapsed * 1000


def steady(client: Client, seconds: float) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"command": [], "event": []}
    with ThreadPoolExecutor(max_workers=32) as pool:
        start = time.perf_counter()
        futures = []
        for index in range(int(RATE * seconds)):
            delay = start + index / RATE - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            kind = "command" if index % 2 == 0 else "event"
            futures.append((kind, pool.submit(client.send, kind)))
        for kind, future in futures:
            results[kind].append(future.result())
    return results


def burst(client: Client) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"command": [], "event": []}
    barrier = threading.Barrier(BURST)

    def one(kind: str) -> float:
        barrier.wait()
        return client.send(kind)

    with ThreadPoolExecutor(max_workers=BURST) as pool:
        kinds = ["command" if i % 2 == 0 else "event" for i in range(BURST)]
        for kind, latency in zip(kinds, pool.map(one, kinds), strict=True):
            results[kind].append(latency)
    return results


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(
    label: str, start: Callable[[int], AbstractContextManager[None]], seconds: float
) -> dict[str, dict[str, list[float]]]:
    port = free_port()
    with start(port):
        client = Client(port)
        for _ in range(20):
            client.send("command")
        figures = {"steady": steady(client, seconds), "burst": burst(Client(port))}
    for phase, results in figures.items():
        for kind, values in results.items():
            print(
                f"{label:<22} {phase:<7} {kind:<8} n={len(values):<5} "
                f"p50={statistics.median(values):7.2f} ms  p99={percentile(values, 0.99):7.2f} ms"
            )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--serve-floor", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--api-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_floor:
        serve_floor(args.serve_floor, args.api_url)
        return
    fake = FakeSlack()
    fake.start()
    scratch = tempfile.mkdtemp()
    databases = {"sqlite": f"sqlite:///{scratch}/bench.sqlite3"}
    if not args.no_postgres:
        databases["postgresql"] = args.postgres

    def floor(port: int) -> AbstractContextManager[None]:
        command = [sys.executable, __file__, "--serve-floor", str(port), "--api-url", fake.base_url]
        return server(command, dict(os.environ), port)

    floor_figures = measure("bare Bolt (floor)", floor, args.seconds)
    for name, url in databases.items():
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.base_url,
        }
        subprocess.run(
            [sys.executable, "-m", "bot", "db", "upgrade"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

        def ours(port: int, env: dict[str, str] = env) -> AbstractContextManager[None]:
            command = [
                sys.executable,
                "-m",
                "bot",
                "run",
                "--http",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ]
            return server(command, env, port)

        figures = measure(f"smartcity-bot {name}", ours, args.seconds)
        for phase in ("steady", "burst"):
            for kind in ("command", "event"):
                ratio = percentile(figures[phase][kind], 0.99) / percentile(
                    floor_figures[phase][kind], 0.99
                )
                print(f"ratio {name:<11} {phase:<7} {kind:<8} p99 ours/floor = {ratio:5.2f}")
    fake.stop()


if __name__ == "__main__":
    main()
