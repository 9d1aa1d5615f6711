"""Shared fixtures: a real database (SQLite, or PostgreSQL via TEST_DATABASE_URL), services
with a pinned clock, and a local fake of the Slack Web API."""

from __future__ import annotations

import dataclasses
import os
import socket
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, create_engine, inspect, make_url, select, text

import storage.db
from bot.clock import FixedClock
from bot.config import Config, DatabaseSection, Secrets, load_config
from bot.services import Services, build_services
from storage.db import make_engine, upgrade
from storage.models import Base
from tests.fake_slack import FakeSlack
from tests.slack_requests import SIGNING_SECRET

BERLIN = ZoneInfo("Europe/Berlin")

if os.environ.get("PYTEST_XDIST_WORKER"):
    # One OpenMP thread for the embedding model per worker: the workers already fill the
    # cores, and a second thread per worker only waited for its turn (set before it loads).
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def berlin(iso: str) -> datetime:
    """An aware Berlin time from "2025-09-01T10:00"."""
    return datetime.fromisoformat(iso).replace(tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach a host other than this machine."""
    original = socket.create_connection

    def local_only(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        if address[0] not in ("127.0.0.1", "localhost", "::1"):
            raise AssertionError(f"test tried to reach {address[0]}")
        return original(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", local_only)


@pytest.fixture(autouse=True)
def _engines_disposed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dispose every engine a test built, once it is over: their idle pooled connections
    stayed open until garbage collection, and two workers held 73 of PostgreSQL's 100."""
    built: list[Engine] = []

    def recorded(*args: Any, **kwargs: Any) -> Engine:
        engine = create_engine(*args, **kwargs)
        built.append(engine)
        return engine

    monkeypatch.setattr(storage.db, "create_engine", recorded)
    yield
    for engine in built:
        engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One database per run (per pytest-xdist worker), migrated from scratch with Alembic."""
    configured = os.environ.get("TEST_DATABASE_URL")
    if configured:
        url = worker_database(configured, os.environ.get("PYTEST_XDIST_WORKER"))
    else:  # the temporary folder is already one of the worker's own
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    upgrade(engine)
    engine.dispose()
    return url


def worker_database(url: str, worker: str | None) -> str:
    """The PostgreSQL database of one xdist worker ("test" -> "test_gw0"), created when
    missing; without workers, the database named."""
    if worker is None:
        return url
    configured = make_url(url)
    name = f"{configured.database}_{worker}"
    server = make_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    return configured.set(database=name).render_as_string(hide_password=False)


Rows = dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="session")
def first_start_rows(database_url: str) -> Rows:
    """Every row the bot's first start writes (the sample data), imported once per run.

    Putting these rows back before each test is several times cheaper than importing the
    sample files again, and leaves the database exactly as a first start would.
    """
    engine = make_engine(database_url)
    _empty_all_tables(engine)
    config = dataclasses.replace(
        load_config(environ={}), database=DatabaseSection(url=database_url, import_samples=True)
    )
    build_services(config, clock=FixedClock(berlin("2025-09-01T10:00"))).engine.dispose()
    with engine.connect() as connection:
        rows = {
            table.name: [dict(row._mapping) for row in connection.execute(select(table))]
            for table in Base.metadata.sorted_tables
        }
    engine.dispose()
    return rows


def _empty_all_tables(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            if inspect(connection).has_table(table.name):
                connection.execute(table.delete())


def _restore(engine: Engine, rows: Rows) -> None:
    # The ids come from the first import, so PostgreSQL's sequences are already past them.
    with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            if rows[table.name]:
                connection.execute(table.insert(), rows[table.name])


@pytest.fixture
def engine(database_url: str, first_start_rows: Rows) -> Iterator[Engine]:
    """The test database as the bot's first start leaves it: schema and sample data only."""
    engine = make_engine(database_url)
    _empty_all_tables(engine)
    _restore(engine, first_start_rows)
    yield engine
    engine.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(berlin("2025-09-01T10:00"))


@pytest.fixture
def config(database_url: str, tmp_path: Path) -> Config:
    base = load_config(environ={})
    return dataclasses.replace(
        base,
        database=DatabaseSection(url=database_url, import_samples=True),
        secrets=Secrets(bot_token="xoxb-test", signing_secret=SIGNING_SECRET),
    )


@pytest.fixture
def services(engine: Engine, config: Config, clock: FixedClock) -> Services:
    return build_services(config, clock=clock)


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    fake.start()
    yield fake
    fake.stop()
