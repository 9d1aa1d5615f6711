"""Sends what requests queued in the outbox at once, without waiting for the next dispatch.

One run at a time on its executor: rows handed in while it is busy are taken together in the
next round, so a rush of requests becomes a few batched claims instead of one small delivery
(and its transactions) per request. Whatever it does not send, the dispatcher sends later.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from concurrent.futures import Executor

from bot.dispatcher import Dispatcher

log = logging.getLogger(__name__)


class Courier:
    """Called with the ids of outbox rows a request just committed."""

    def __init__(self, dispatcher: Dispatcher, executor: Executor) -> None:
        self.dispatcher, self.executor = dispatcher, executor
        self.lock = threading.Lock()
        self.waiting: set[int] = set()
        self.running = False

    def __call__(self, ids: Sequence[int]) -> None:
        """Send these rows soon; one run at a time takes what arrived meanwhile too."""
        with self.lock:
            self.waiting.update(ids)
            if self.running:
                return
            self.running = True
        self.executor.submit(self._run)

    def _run(self) -> None:
        while True:
            with self.lock:
                ids, self.waiting = self.waiting, set()
                if not ids:
                    self.running = False
                    return
            try:
                self.dispatcher.deliver(ids)
            except Exception:  # the dispatcher sends them later; the courier must go on
                log.exception("sending %d queued messages at once failed", len(ids))
