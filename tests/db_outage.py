"""A real database outage for tests: on PostgreSQL the connection runs through a TCP proxy
that is cut; on SQLite another process-like connection holds the write lock."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.engine import make_url

from tests.tcp_proxy import TcpProxy


class Outage(Protocol):
    url: str

    def begin(self) -> None: ...

    def end(self) -> None: ...


@dataclass
class ProxiedPostgres:
    """The database is reachable only through `proxy`; `begin()` cuts it."""

    proxy: TcpProxy
    url: str

    @classmethod
    def around(cls, database_url: str) -> ProxiedPostgres:
        real = make_url(database_url)
        proxy = TcpProxy((real.host or "127.0.0.1", real.port or 5432))
        port = proxy.start()
        url = real.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
        return cls(proxy, url)

    def begin(self) -> None:
        self.proxy.cut()

    def end(self) -> None:
        self.proxy.heal()


@dataclass
class LockedSqlite:
    """`begin()` takes SQLite's write lock from a second connection and keeps it."""

    url: str
    _holder: sqlite3.Connection | None = None

    def begin(self) -> None:
        path = make_url(self.url).database or ""
        self._holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._holder.execute("BEGIN EXCLUSIVE")

    def end(self) -> None:
        if self._holder is not None:
            self._holder.execute("ROLLBACK")
            self._holder.close()
            self._holder = None


def outage_for(database_url: str) -> ProxiedPostgres | LockedSqlite:
    if database_url.startswith("sqlite"):
        return LockedSqlite(database_url)
    return ProxiedPostgres.around(database_url)
