"""Reminder fan-out against a rate-limited fake Slack: 2,000 DMs at 100 messages/s allowed.

The fake answers 429 with Retry-After beyond its limit. Runs with 1, 2 and 3 dispatchers at
once (replicas sharing the database, hence one pace); prints the time taken, the ideal time
at that limit, the share of the allowed rate achieved, and lost/duplicated counts.

    python benchmarks/fanout.py [--messages 2000] [--limit 100] [--pace 95] [--postgres URL]
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from benchmarks.drain import until_done
from bot.clock import Clock
from bot.config import DatabaseSection, RemindersSection, Secrets, load_config
from bot.dispatcher import Dispatcher
from bot.services import build_services
from bot.slack_sender import SlackSender
from storage.db import make_engine, upgrade
from storage.models import Base
from storage.registrations import lock_conference, register
from tests.bot.outbox_helpers import DETAILS, add_conference, services_at
from tests.conftest import berlin
from tests.fake_slack import FakeSlack

NOW = berlin("2026-03-01T10:00")


def moving_clock(start: datetime) -> Clock:
    """A clock at `start` that runs on in real time, so that waits for 429s end."""
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def serve_fake_slack(limit: int, pipe: Connection) -> None:
    """The stand-in Slack in a process of its own, as Slack is: in the bot's process its
    thread would get the interpreter only between the dispatchers' threads, and stamp the
    calls that waited meanwhile as one burst. Sends its URL; when told, what it received."""
    fake = FakeSlack(rate_per_second=limit)
    fake.start()
    pipe.send(fake.base_url)
    pipe.recv()
    pipe.send(([c.params["channel"] for c in fake.calls_to("chat.postMessage")], fake.rejected))
    fake.stop()


def run(name: str, url: str, messages: int, *, limit: int, pace: int, replicas: int) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade(engine)
    pipe, child_end = multiprocessing.Pipe()
    slack = multiprocessing.Process(target=serve_fake_slack, args=(limit, child_end))
    slack.start()
    base_url = pipe.recv()
    config = load_config(environ={})
    config = dataclasses.replace(
        config,
        database=DatabaseSection(url=url, import_samples=False),
        slack=dataclasses.replace(config.slack, api_url=base_url),
        secrets=Secrets(bot_token="xoxb-bench"),
        reminders=RemindersSection(offsets=("7d",), messages_per_second=pace),
    )
    services = services_at(config, "2026-03-01T10:00")
    conference = add_conference(services, "2026-03-30T14:00")
    users = [f"U{n:05d}" for n in range(messages)]
    with services.sessions.begin() as session:  # one transaction: setting up is not measured
        for user in users:
            register(session, lock_conference(session, conference), user, DETAILS, now=NOW)
    clock = moving_clock(berlin("2026-03-23T14:00"))
    dispatchers = [
        Dispatcher(build_services(config, clock=clock), SlackSender.from_config(config))
        for _ in range(replicas)
    ]
    dispatchers[0].plan()  # planning 2,000 reminders is not what is measured
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=replicas) as pool:
        results = list(pool.map(until_done, dispatchers))
    elapsed = time.perf_counter() - started
    outcomes = sum(results, Counter())
    pipe.send("stop")
    channels, rejected = pipe.recv()
    slack.join()
    counts = Counter(channels)
    lost = sum(1 for user in users if counts[user] == 0)
    duplicated = sum(n - 1 for n in counts.values() if n > 1)
    ideal = messages / limit
    print(
        f"{name:<11} dispatchers={replicas} messages={messages} limit={limit}/s pace={pace}/s "
        f"time={elapsed:6.1f} s ideal={ideal:5.1f} s rate={ideal / elapsed * 100:5.1f} % "
        f"of allowed  429s={rejected} lost={lost} duplicated={duplicated} "
        f"outcomes={dict(outcomes)}"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--pace", type=int, default=95)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    for replicas in (1, 2, 3):
        sqlite = f"sqlite:///{tempfile.mkdtemp()}/fanout.sqlite3"
        options = {"limit": args.limit, "pace": args.pace, "replicas": replicas}
        run("sqlite", sqlite, args.messages, **options)
        if not args.no_postgres:
            run("postgresql", args.postgres, args.messages, **options)


if __name__ == "__main__":
    main()
