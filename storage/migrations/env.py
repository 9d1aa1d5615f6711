"""Alembic environment: runs migrations on the engine handed in by `storage.db`.

For `alembic revision --autogenerate` on the command line, DATABASE_URL names the database.
"""

from __future__ import annotations

import os

from alembic import context

from storage.db import make_engine
from storage.models import Base

engine = context.config.attributes.get("engine") or make_engine(os.environ["DATABASE_URL"])
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
