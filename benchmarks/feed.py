"""Serving `/kalender.ics` with 500 conferences over real HTTP (waitress, loopback).

Measures, per database: the first request after start (every event serialised), the first
request after each of 20 edits (one event built again), repeated requests (served from
memory after a signature query), and conditional requests that end in 304. Prints p50/p99
in milliseconds; the target is p99 <= 50 ms.

    python benchmarks/feed.py [--conferences 500] [--requests 1000] [--postgres URL]
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
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import FixedClock
from bot.config import DatabaseSection, Secrets, load_config
from bot.feed_http import feed_route
from bot.http import make_server
from bot.services import Services, build_services
from bot.slack_app import create_app
from handlers.conferences.editing import edit_conference
from storage.conferences import get_conference
from storage.db import make_engine, upgrade
from storage.models import AgendaItem, Base, Conference
from tests.conftest import berlin
from tests.fake_slack import FakeSlack


def fill(services: Services, count: int) -> None:
    """`count` conferences over ten years, each with a four-item programme."""
    first = berlin("2022-01-10T09:30")
    with services.sessions.begin() as session:
        for n in range(count):
            starts = first + timedelta(days=7 * n)
            session.add(
                Conference(
                    slug=f"rk{n}-bench",
                    kind="regionalkonferenz",
                    number=n + 1,
                    title=f"{n + 1}. Regionalkonferenz Modellprojekte Smart Cities",
                    motto="Gemeinsam digital: Daten, Klima, Teilhabe",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=8),
                    times_known=True,
                    venue="Stadthalle",
                    address=f"Marktplatz {n % 90 + 1}, 07743 Jena",
                    city="Jena",
                    topics=["Daten", "Klimaanpassung"],
                    source_url=f"https://www.smart-city-dialog.de/rk{n}",
                    capacity=150,
                    updated_at=services.clock(),
                    agenda=[
                        AgendaItem(starts_at=starts + timedelta(hours=h), title=f"Punkt {h}")
                        for h in range(4)
                    ],
                )
            )


def timed(connection: http.client.HTTPConnection, headers: dict[str, str]) -> tuple[float, int]:
    started = time.perf_counter()
    connection.request("GET", "/kalender.ics", headers=headers)
    response = connection.getresponse()
    response.read()
    return (time.perf_counter() - started) * 1000, response.status


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return f"p50={cuts[49]:6.2f} ms p99={cuts[98]:6.2f} ms max={max(samples):6.2f} ms"


def change(services: Services, clock: FixedClock, n: int) -> None:
    """An organizer edit a minute later: the next request has to build the feed again."""
    clock.now += timedelta(minutes=1)
    with services.context("UORG") as ctx:
        conference = get_conference(ctx.session, "rk0-bench", for_update=True)
        assert conference is not None
        edit_conference(ctx, conference, {"motto": f"Fassung {n}"})


def run(name: str, url: str, conferences: int, requests: int) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade(engine)
    fake = FakeSlack()  # the Slack app asks who it is on start
    fake.start()
    config = load_config(environ={})
    config = dataclasses.replace(
        config,
        database=DatabaseSection(url=url, import_samples=False),
        slack=dataclasses.replace(config.slack, api_url=fake.base_url),
        secrets=Secrets(bot_token="xoxb-bench", signing_secret="bench"),
    )
    clock = FixedClock(berlin("2026-11-25T10:00"))
    services = build_services(config, clock=clock)
    fill(services, conferences)
    server = make_server(create_app(services), host="127.0.0.1", port=0, feeds=feed_route(services))
    threading.Thread(target=server.run, daemon=True).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=30)
    first = timed(connection, {})[0]  # every event serialised once
    rebuilt = []
    for n in range(20):
        change(services, clock, n)
        rebuilt.append(timed(connection, {})[0])
    warm = [timed(connection, {})[0] for _ in range(requests)]
    connection.request("GET", "/kalender.ics")
    response = connection.getresponse()
    etag, size = response.getheader("ETag") or "", len(response.read())
    conditional = [timed(connection, {"If-None-Match": etag})[0] for _ in range(requests)]
    print(f"{name:<8} {conferences} conferences, feed {size / 1024:.0f} KiB")
    print(f"  first request:           {first:6.2f} ms (all {conferences} events serialised)")
    print(f"  after a change (built):  {percentiles(rebuilt)}")
    print(f"  repeated GET (200):      {percentiles(warm)}")
    print(f"  conditional GET (304):   {percentiles(conditional)}")
    connection.close()
    fake.stop()  # the server thread ends with the process
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conferences", type=int, default=500)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    sqlite = f"sqlite:///{tempfile.mkdtemp()}/feed.sqlite3"
    run("sqlite", sqlite, args.conferences, args.requests)
    if not args.no_postgres:
        run("postgres", args.postgres, args.conferences, args.requests)


if __name__ == "__main__":
    main()
