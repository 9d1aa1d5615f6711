"""One pace for every replica: send slots handed out from a row in the database.

Each replica reserves slots in blocks (one transaction per block, not per message) and hands
them to its sending threads in order; a 429 pushes the shared next slot past Retry-After.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from bot.clock import Clock
from storage.send_gate import take_slot

SLOT_BLOCK = 10
# A sender that comes a little late may still use the slots it missed, at most this many.
CATCH_UP = 1
_LONG_AGO = datetime.min.replace(tzinfo=UTC)


class Pacing:
    """Hands out send times at `interval` per API call, shared through the database."""

    def __init__(
        self, sessions: Callable[[], Session], *, interval: timedelta, wall: Clock
    ) -> None:
        self.sessions, self.interval, self.wall = sessions, interval, wall
        self.lock = threading.Lock()  # never held while waiting for a database lock elsewhere
        self.block_at = self.block_end = _LONG_AGO

    def slot(self, cost: int) -> datetime:
        """When a send of `cost` calls may start (now or later)."""
        with self.lock:
            need = self.interval * cost
            # Slots long passed unused are given up: catching up on them would be a burst.
            self.block_at = max(self.block_at, self.wall() - self.interval * CATCH_UP)
            if self.block_at + need > self.block_end:
                size = self.interval * max(SLOT_BLOCK, cost)
                with self.sessions() as session, session.begin():
                    self.block_at = take_slot(session, now=self.wall(), interval=size)
                self.block_end = self.block_at + size
            slot, self.block_at = self.block_at, self.block_at + need
            return slot
