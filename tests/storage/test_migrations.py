"""The Alembic migrations: they build exactly the models' schema, and every one can be undone.

Run on a database of their own (a new SQLite file), so that going down to nothing cannot
disturb the shared test database.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from storage.db import MIGRATIONS, make_engine, pending_migrations, upgrade
from storage.models import Base


def _alembic(engine: Engine) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_builds_the_models_schema_and_downgrade_removes_it(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'migrations.sqlite3'}")
    assert len(pending_migrations(engine)) >= 6
    upgrade(engine)
    assert pending_migrations(engine) == []
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []

    command.downgrade(_alembic(engine), "base")
    assert _tables(engine) == set()
    upgrade(engine)
    assert _tables(engine) == set(Base.metadata.tables)
    engine.dispose()
