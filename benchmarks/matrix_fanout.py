"""Outbox fan-out to Matrix: 1,000 DMs to Synapse users under a set `rc_message` limit.

Starts Synapse (from `.synapse-venv/`) with `rc_message` at --limit messages/s (burst
--burst), registers --users members who each open a DM with the bot, queues --messages ready
outbox rows to them (round robin, each with a text of its own) and lets one dispatcher send
them through the Matrix sender at the outbox pace --pace/s, until every row has an outcome.
Then each member's client reads its DM and counts what arrived: lost (queued, never seen)
and duplicated (seen more than once). Prints the achieved rate as a share of the limit.

Time to first answer: a member asks questions in their DM one after another (from sending to
their client receiving the answer), once while the fan-out runs (the answers share the
account's rate limit with it) and once after it.

    python benchmarks/matrix_fanout.py [--messages 1000] [--users 100] [--limit 20]
        [--pace 19] [--questions 50] [--postgres URL]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from benchmarks.drain import started_synapse, until_done  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.config import (  # noqa: E402
    Config,
    DatabaseSection,
    MatrixSection,
    RemindersSection,
    load_config,
)
from bot.dispatcher import Dispatcher  # noqa: E402
from bot.matrix.bot import MatrixBot  # noqa: E402
from bot.matrix.sender import MatrixSender  # noqa: E402
from bot.routing import RoutingSender  # noqa: E402
from bot.services import Services, build_services  # noqa: E402
from handlers.outgoing import MESSAGE, reply_to_data  # noqa: E402
from handlers.replies import Reply  # noqa: E402
from storage.db import make_engine, upgrade  # noqa: E402
from storage.models import Base  # noqa: E402
from storage.outbox import queue  # noqa: E402
from tests.conftest import berlin  # noqa: E402
from tests.matrix.client import MatrixUser  # noqa: E402
from tests.matrix.synapse import Account, RateLimit, Synapse  # noqa: E402

QUESTIONS = ("Wann ist die nächste Konferenz?", "meine", "hilfe", "Welche Konferenzen gibt es?")
# Daytime in Berlin, so that quiet hours hold nothing back whenever the benchmark runs.
START = berlin("2026-03-02T10:00")


def moving_clock(start: datetime) -> Clock:
    """A clock at `start` that runs on in real time."""
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def percentiles(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):.0f} ms, p99 {p99:.0f} ms, max {ms[-1]:.0f} ms"


def ask_questions(
    member: MatrixUser, room: str, bot: str, count: int, stop: threading.Event
) -> list[float]:
    """Seconds from each question to its answer, one after another (until `stop`)."""
    seconds = []
    for question in islice(cycle(QUESTIONS), count):
        if stop.is_set():
            break
        began = time.perf_counter()
        member.say(room, question)
        member.next_message_from(bot, room, timeout=60)
        seconds.append(time.perf_counter() - began)
    return seconds


def queue_messages(services: Services, users: list[MatrixUser], messages: int) -> dict[str, str]:
    """`messages` ready rows, round robin over the users; body -> recipient."""
    expected = {}
    with services.context("benchmark") as ctx:
        for n, user in zip(range(messages), cycle(users), strict=False):
            body = f"Rundschreiben {n:05d}"
            payload = {"reply": reply_to_data(Reply(body)), "thread_ts": None}
            queue(ctx.session, kind=MESSAGE, recipient=user.user_id, payload=payload, now=ctx.now)
            expected[body] = user.user_id
    return expected


def received(member: MatrixUser, room: str, bot: str) -> list[str]:
    """Every message body the bot posted in the room, read back page by page."""
    bodies: list[str] = []
    token = ""
    while True:
        query = {"dir": "b", "limit": "100"} | ({"from": token} if token else {})
        path = f"/rooms/{urllib.parse.quote(room)}/messages?{urllib.parse.urlencode(query)}"
        page = member.request("GET", path)
        bodies += [
            e["content"].get("body", "")
            for e in page["chunk"]
            if e["sender"] == bot and e["type"] == "m.room.message"
        ]
        if not page["chunk"] or "end" not in page:
            return bodies
        token = page["end"]


def bench_config(synapse: Synapse, account: Account, url: str, pace: int) -> Config:
    base = load_config(environ={})
    return dataclasses.replace(
        base,
        database=DatabaseSection(url=url, import_samples=True),
        matrix=MatrixSection(homeserver=synapse.url, user_id=account.user_id),
        secrets=dataclasses.replace(base.secrets, matrix_password=account.password),
        reminders=RemindersSection(messages_per_second=pace),
    )


def run(synapse: Synapse, folder: Path, args: argparse.Namespace) -> None:
    account = synapse.register("smartcity")
    url = args.postgres or f"sqlite:///{folder / 'bot.sqlite3'}"
    if args.postgres:  # a fresh schema, as on SQLite
        engine = make_engine(url)
        with engine.begin() as connection:
            Base.metadata.drop_all(connection)
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        upgrade(engine)
        engine.dispose()
    config = bench_config(synapse, account, url, args.pace)
    services = build_services(config, clock=moving_clock(START))
    bot_id = account.user_id
    with ThreadPoolExecutor(max_workers=8) as pool:
        bot = MatrixBot(services, executor=pool)
        bot.start()
        try:
            measure(services, bot, synapse, bot_id, args)
        finally:
            bot.stop()


def measure(
    services: Services, bot: MatrixBot, synapse: Synapse, bot_id: str, args: argparse.Namespace
) -> None:
    began = time.perf_counter()
    users = [MatrixUser(synapse.url, synapse.register(f"m{n:04d}")) for n in range(args.users)]
    rooms = {user.user_id: user.open_direct_chat(bot_id) for user in users}
    print(f"set-up: {args.users} members with a DM in {time.perf_counter() - began:.0f} s")
    asker = MatrixUser(synapse.url, synapse.register("fragende"))
    asker_room = asker.open_direct_chat(bot_id)

    expected = queue_messages(services, users, args.messages)
    sender = MatrixSender(bot)
    dispatcher = Dispatcher(services, RoutingSender(matrix=sender))
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as questions:
        during = questions.submit(ask_questions, asker, asker_room, bot_id, args.questions, stop)
        started = time.perf_counter()
        outcomes = until_done(dispatcher)
        elapsed = time.perf_counter() - started
        stop.set()
        answered_during = during.result()

    seen: Counter[str] = Counter()
    for user in users:
        seen.update(b for b in received(user, rooms[user.user_id], bot_id) if b in expected)
    lost = sum(1 for body in expected if seen[body] == 0)
    duplicated = sum(n - 1 for n in seen.values() if n > 1)
    rate = args.messages / elapsed
    print(
        f"fan-out: {args.messages} DMs to {args.users} members, rc_message {args.limit}/s "
        f"(burst {args.burst}), pace {args.pace}/s: {elapsed:.1f} s, {rate:.2f} messages/s = "
        f"{rate / args.limit * 100:.1f} % of the limit; lost {lost}, duplicated {duplicated}, "
        f"M_LIMIT_EXCEEDED waited out {sender.rate_limited}, outcomes {dict(outcomes)}"
    )
    if answered_during:
        count = len(answered_during)
        print(f"answers during the fan-out: {count} questions, {percentiles(answered_during)}")
    after = ask_questions(asker, asker_room, bot_id, args.questions, threading.Event())
    print(f"answers after the fan-out: {len(after)} questions, {percentiles(after)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--limit", type=float, default=20, help="rc_message per_second")
    parser.add_argument("--burst", type=int, default=20, help="rc_message burst_count")
    parser.add_argument("--pace", type=int, default=19, help="reminders.messages_per_second")
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--postgres", help="database URL instead of a temporary SQLite file")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="matrix-fanout-"))
    synapse = started_synapse(folder, RateLimit(args.limit, args.burst))
    try:
        run(synapse, folder, args)
    finally:
        synapse.stop()


if __name__ == "__main__":
    main()
