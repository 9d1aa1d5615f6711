"""Registration throughput and latency through the handler and storage path.

Many concurrent registrants submit the registration form for one conference (capacity 100);
prints registrations/s, p50/p99 latency and the overbooking check, on SQLite and PostgreSQL.

    python benchmarks/registration.py [--registrants 5000] [--threads 16] [--no-postgres]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.config import DatabaseSection, load_config
from bot.services import Services, build_services
from handlers.conversation.incoming import Submission
from handlers.conversation.router import handle
from storage.conferences import get_conference
from storage.db import make_engine, upgrade
from storage.models import Base, Registration
from storage.registrations import CONFIRMED, set_capacity

SLUG = "rk24-2025-zwoenitz"
CAPACITY = 100
FORM = {
    "name": "Erika Muster",
    "municipality": "Zwönitz",
    "role": "Team",
    "notes": "",
    "consent": "yes",
}


def prepare(url: str) -> Services:
    engine = make_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade(engine)
    config = load_config(environ={})
    config = dataclasses.replace(config, database=DatabaseSection(url=url, import_samples=True))
    now = datetime(2025, 9, 1, 10, tzinfo=ZoneInfo("Europe/Berlin"))
    services = build_services(config, clock=FixedClock(now))
    with services.sessions.begin() as session:
        conference = get_conference(session, SLUG)
        assert conference is not None
        set_capacity(session, conference.id, CAPACITY, now=now)
    return services


def register_one(services: Services, user: str) -> float:
    started = time.perf_counter()
    services.reply(user, lambda ctx: handle(ctx, Submission("registration", SLUG, FORM)))
    return (time.perf_counter() - started) * 1000


def run(name: str, url: str, registrants: int, threads: int) -> None:
    services = prepare(url)
    users = [f"U{n:06d}" for n in range(registrants)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        latencies = list(pool.map(lambda user: register_one(services, user), users))
    elapsed = time.perf_counter() - started
    with services.sessions.begin() as session:
        confirmed = session.scalar(select(func.count()).where(Registration.status == CONFIRMED))
        total = session.scalar(select(func.count()).select_from(Registration))
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    overbooked = max(0, (confirmed or 0) - CAPACITY)
    print(
        f"{name:<11} registrants={registrants} threads={threads} "
        f"rate={registrants / elapsed:7.0f}/s p50={statistics.median(latencies):6.2f} ms "
        f"p99={p99:6.2f} ms confirmed={confirmed} rows={total} overbooked={overbooked}"
    )
    services.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrants", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    run("sqlite", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3", args.registrants, args.threads)
    if not args.no_postgres:
        run("postgresql", args.postgres, args.registrants, args.threads)


if __name__ == "__main__":
    main()
