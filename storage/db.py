"""Engine, sessions and schema migrations."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class Timeouts:
    """How long anything may wait for the database, in seconds; nothing waits for ever."""

    connect: int = 5
    statement: int = 10
    pool: int = 5
    busy: int = 5


def make_engine(url: str, *, timeouts: Timeouts = Timeouts(), **kwargs: Any) -> Engine:
    """Create an engine; on SQLite every transaction takes the write lock up front."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url, timeouts, **kwargs)
    return create_engine(
        url,
        connect_args=_postgres_connect_args(timeouts),
        pool_size=10,
        max_overflow=20,
        pool_timeout=timeouts.pool,
        # A connection that died while the database was away is noticed and replaced here,
        # so the bot recovers without a restart.
        pool_pre_ping=True,
        pool_recycle=1800,
        **kwargs,
    )


def _postgres_connect_args(timeouts: Timeouts) -> dict[str, Any]:
    statement_ms = timeouts.statement * 1000
    return {
        "connect_timeout": max(timeouts.connect, 2),  # libpq treats 1 as 2
        "options": f"-c statement_timeout={statement_ms} -c lock_timeout={statement_ms}"
        f" -c idle_in_transaction_session_timeout={statement_ms * 6}",
        # A partition shows as a silent peer: keepalives and the TCP user timeout turn it
        # into an error instead of a read that waits for ever.
        "keepalives": 1,
        "keepalives_idle": max(timeouts.statement, 1),
        "keepalives_interval": 2,
        "keepalives_count": 3,
        "tcp_user_timeout": statement_ms,
    }


def _sqlite_engine(url: str, timeouts: Timeouts, **kwargs: Any) -> Engine:
    # One connection, handed out in turn: writers queue in the pool instead of sleeping
    # in SQLite's busy handler, which made tail latency jump under concurrency.
    engine = create_engine(
        url,
        connect_args={"timeout": timeouts.busy, "check_same_thread": False},
        pool_size=1,
        max_overflow=0,
        pool_timeout=timeouts.pool,
        **kwargs,
    )
    event.listen(engine, "connect", partial(_sqlite_on_connect, busy_ms=timeouts.busy * 1000))
    event.listen(engine, "begin", _sqlite_begin_immediate)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any, *, busy_ms: int) -> None:
    # Let SQLAlchemy, not the driver, emit BEGIN, so that it can be BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
    cursor.close()


def _sqlite_begin_immediate(connection: Any) -> None:
    # Readers and writers serialise here, so check-then-write sequences cannot interleave.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions on `engine` that keep loaded objects usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def _alembic_config(engine: Engine) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


@cache
def _scripts() -> ScriptDirectory:
    # Reading the scripts compiles every revision file (about 25 ms); they do not change
    # while the process runs, and every build of the services on SQLite asks for them.
    return ScriptDirectory(str(MIGRATIONS))


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; a database already there is left alone."""
    if pending_migrations(engine):
        command.upgrade(_alembic_config(engine), "head")


def pending_migrations(engine: Engine) -> list[str]:
    """Revisions not yet applied to the database (empty when up to date)."""
    script = _scripts()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    return [
        rev.revision
        for rev in script.iterate_revisions("heads", current or "base")
        if rev.revision not in current
    ]
