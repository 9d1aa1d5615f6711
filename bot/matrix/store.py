"""Where mautrix keeps the crypto keys, the sync token and what it knows of rooms.

Everything Matrix-specific lives in the bot's own database, so that all replicas share it: on
PostgreSQL in the same database (mautrix's `crypto_*` and `mx_*` tables, through asyncpg); with
SQLite in a file beside the bot's database (`<name>.matrix.sqlite3`), since two drivers writing
one SQLite file would lock each other out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mautrix.crypto.store.asyncpg import PgCryptoStateStore, PgCryptoStore
from mautrix.util.async_db import Database
from sqlalchemy.engine import make_url

# The crypto store pickles the Olm account with this key. It protects nothing the database
# does not already guard (the device's access token is there too), so it is not a secret.
PICKLE_KEY = "smartcity-bot"


def store_url(database_url: str) -> str:
    """The mautrix database URL for the bot's SQLAlchemy database URL."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        return url.set(drivername="postgres").render_as_string(hide_password=False)
    if not url.database or url.database == ":memory:":
        raise ValueError("the Matrix store needs a database file or PostgreSQL, not :memory:")
    path = Path(url.database)
    return f"sqlite:{path.with_name(path.stem + '.matrix' + path.suffix)}"


@dataclass
class MatrixStore:
    """mautrix's crypto and state stores, in the bot's database (or beside it on SQLite)."""

    crypto: PgCryptoStore
    state: PgCryptoStateStore
    databases: tuple[Database, Database]

    async def close(self) -> None:
        """Close both store databases."""
        for database in self.databases:
            await database.stop()


async def open_store(database_url: str, *, user_id: str) -> MatrixStore:
    """Open (and create or upgrade) the crypto and state tables."""
    url = store_url(database_url)
    crypto_db = Database.create(url, upgrade_table=PgCryptoStore.upgrade_table)
    state_db = Database.create(url, upgrade_table=PgCryptoStateStore.upgrade_table)
    await crypto_db.start()
    await state_db.start()
    crypto = PgCryptoStore(account_id=user_id, pickle_key=PICKLE_KEY, db=crypto_db)
    await crypto.open()
    return MatrixStore(
        crypto=crypto, state=PgCryptoStateStore(state_db), databases=(crypto_db, state_db)
    )
