"""Only one replica syncs the bot's Matrix account: it holds a lease row in the database and
renews it; when it dies, another replica takes over within a minute."""

from __future__ import annotations

import os
import socket
import uuid
from datetime import timedelta

from bot.services import Services
from storage.leases import acquire_lease, release_lease

LEASE_DURATION = timedelta(seconds=45)
RENEW_EVERY = timedelta(seconds=15)


class SyncLease:
    """The lease `matrix:<user id>`, held by this process (host, pid and a random part)."""

    def __init__(self, services: Services, user_id: str) -> None:
        self.services = services
        self.name = f"matrix:{user_id}"
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def acquire(self) -> bool:
        """Take or renew it; False while another replica holds it."""
        with self.services.sessions.begin() as session:
            return acquire_lease(
                session,
                self.name,
                holder=self.holder,
                now=self.services.clock(),
                duration=LEASE_DURATION,
            )

    def release(self) -> None:
        """Give the lease up at once (a clean stop), so another replica need not wait."""
        with self.services.sessions.begin() as session:
            release_lease(session, self.name, holder=self.holder)
