"""A registration rush through the signed HTTP endpoint, with Slack rate-limited.

1,000 members submit the registration form at once (200 at a time) to the app behind
waitress; 100 seats; the stand-in Slack allows 100 calls/s and answers 429 beyond. Prints
p50/p99/max ack time, the share over 3 s, seats confirmed, and how many registrants received
their outcome (a DM to them) once the outbox has drained, with duplicates; beside it the same
requests against a bare Bolt app that only acknowledges (the floor).

    python benchmarks/rush.py [--registrants 1000] [--postgres URL | --no-postgres]
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_bolt import App  # noqa: E402
from slack_sdk import WebClient  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from benchmarks.registration import CAPACITY, SLUG, prepare  # noqa: E402
from bot.dispatcher import Dispatcher  # noqa: E402
from bot.http import make_server  # noqa: E402
from bot.outbox_rows import READY  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.slack_app import create_app  # noqa: E402
from bot.slack_sender import SlackSender  # noqa: E402
from storage.models import OutboxMessage, Registration  # noqa: E402
from storage.outbox import FINAL  # noqa: E402
from storage.registrations import CONFIRMED  # noqa: E402
from tests.fake_slack import FakeSlack  # noqa: E402
from tests.slack_requests import SIGNING_SECRET, signed_headers, view_submission  # noqa: E402

LIMIT, PACE, CONCURRENCY = 100, 95, 200
VALUES: dict[str, dict[str, Any]] = {
    "name": {"name": {"type": "plain_text_input", "value": "Erika Muster"}},
    "municipality": {
        "municipality": {"type": "external_select", "selected_option": {"value": "Zwönitz"}}
    },
    "role": {"role": {"type": "plain_text_input", "value": "Team"}},
    "notes": {"notes": {"type": "plain_text_input", "value": None}},
    "consent": {"consent": {"type": "checkboxes", "selected_options": [{"value": "yes"}]}},
}


def serve(app: App, services: Services, port: int) -> Any:
    server = make_server(app, services, host="127.0.0.1", port=port)
    threading.Thread(target=server.run, daemon=True).start()
    return server


def submit(port: int, user: str) -> float:
    body = view_submission("form:registration", SLUG, VALUES, user=user)
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/slack/events", body=body, headers=signed_headers(body))
    assert connection.getresponse().read() is not None
    return time.perf_counter() - started


def rush(port: int, users: list[str]) -> list[float]:
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        return list(pool.map(lambda user: submit(port, user), users))


def summary(name: str, acks: list[float]) -> str:
    ordered = sorted(acks)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    over = sum(1 for a in acks if a > 3) / len(acks)
    return (
        f"{name:<22} ack p50={statistics.median(acks):6.3f} s p99={p99:6.3f} s "
        f"max={ordered[-1]:6.3f} s over 3 s={over:6.1%}"
    )


def drain(services: Services, sender: SlackSender) -> float:
    """Run the dispatcher until every row the rush queued has an outcome (reminders it
    planned are for later); returns seconds taken."""
    started = time.perf_counter()
    while True:
        with services.sessions.begin() as session:
            open_rows = session.scalar(
                select(func.count()).where(
                    OutboxMessage.status.not_in(FINAL), OutboxMessage.kind.in_(READY)
                )
            )
        if not open_rows:
            return time.perf_counter() - started
        Dispatcher(services, sender).run_once()
        time.sleep(0.2)  # retries come due on the moving clock


def run(name: str, url: str, registrants: int, port: Callable[[], int]) -> None:
    fake = FakeSlack(rate_per_second=LIMIT)
    fake.start()
    services = prepare(url)
    # The conference's registration window as in prepare(), but a clock that moves, so that
    # retries come due.
    begun, base = time.monotonic(), services.clock()
    services.clock = lambda: base + timedelta(seconds=time.monotonic() - begun)
    reminders = dataclasses.replace(services.config.reminders, messages_per_second=PACE)
    slack = dataclasses.replace(services.config.slack, api_url=fake.base_url)
    secrets = dataclasses.replace(
        services.config.secrets, bot_token="xoxb-bench", signing_secret=SIGNING_SECRET
    )
    services.config = dataclasses.replace(
        services.config, reminders=reminders, slack=slack, secrets=secrets
    )
    floor = App(
        client=WebClient(token="xoxb-floor", base_url=fake.base_url), signing_secret=SIGNING_SECRET
    )
    floor.view("form:registration")(lambda ack: ack())
    floor_port, our_port = port(), port()
    servers = [serve(floor, services, floor_port), serve(create_app(services), services, our_port)]
    time.sleep(0.5)
    users = [f"U{n:06d}" for n in range(registrants)]
    floor_acks = rush(floor_port, [f"F{n:06d}" for n in range(registrants)])
    started = time.perf_counter()
    acks = rush(our_port, users)
    drained = drain(services, SlackSender.from_config(services.config))
    informed_after = time.perf_counter() - started
    with services.sessions.begin() as session:
        confirmed = session.scalar(select(func.count()).where(Registration.status == CONFIRMED))
    dms = Counter(c.params["channel"] for c in fake.calls_to("chat.postMessage"))
    informed = sum(1 for user in users if dms[user] >= 1)
    duplicates = sum(n - 1 for n in dms.values() if n > 1)
    print(summary(f"{name} bare Bolt floor", floor_acks))
    print(summary(f"{name} smartcity-bot", acks))
    print(
        f"{name:<22} seats confirmed={confirmed}/{CAPACITY} informed={informed}/{registrants} "
        f"({informed / registrants:.0%}) duplicates={duplicates} "
        f"all informed after {informed_after:.0f} s (dispatcher drain {drained:.0f} s) "
        f"429 answers={fake.rejected}"
    )
    for server in servers:
        server.close()
    fake.stop()
    services.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrants", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18600, help="first of the ports to use")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    ports = iter(range(args.port, args.port + 100))
    sqlite = f"sqlite:///{tempfile.mkdtemp()}/rush.sqlite3"
    run("sqlite", sqlite, args.registrants, lambda: next(ports))
    if not args.no_postgres:
        run("postgresql", args.postgres, args.registrants, lambda: next(ports))


if __name__ == "__main__":
    main()
