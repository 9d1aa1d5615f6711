"""`smartcity-bot run --matrix`: wait for the sync lease, then run the bot until stopped."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from bot.config import ConfigError
from bot.courier import Courier
from bot.dispatcher import Dispatcher
from bot.matrix.bot import MatrixBot
from bot.matrix.lease import RENEW_EVERY, SyncLease
from bot.matrix.sender import MatrixSender
from bot.routing import RoutingSender, unconfigured_transports
from bot.scheduler import build_scheduler
from bot.services import Services

log = logging.getLogger(__name__)
HANDLER_THREADS = 8


class MatrixRunner:
    """Runs the Matrix side in a thread of its own, beside Slack or alone."""

    def __init__(
        self,
        services: Services,
        *,
        renew_every: timedelta = RENEW_EVERY,
        sender: RoutingSender | None = None,
    ) -> None:
        if not services.config.matrix_configured:
            raise ConfigError(
                "Matrix needs MATRIX_HOMESERVER, MATRIX_USER_ID and MATRIX_ACCESS_TOKEN "
                "or MATRIX_PASSWORD"
            )
        self.services = services
        # The outbox's sender: Matrix rows go through this process while it syncs.
        self.sender = sender or RoutingSender(unconfigured=unconfigured_transports(services.config))
        if services.courier is None:  # Matrix alone: nobody else sends queued rows at once
            # An executor of its own: the handlers' pool ends with each lease, the courier not.
            courier_pool = ThreadPoolExecutor(1, thread_name_prefix="matrix-courier")
            services.courier = Courier(Dispatcher(services, self.sender), courier_pool)
        self.lease = SyncLease(services, services.config.matrix.user_id)
        self.renew_every = renew_every.total_seconds()
        self.syncing = threading.Event()
        self.error: Exception | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="matrix-runner", daemon=True)

    def start(self) -> None:
        """Start waiting for the sync lease, then syncing, in a thread of its own."""
        self._thread.start()

    def stop(self) -> None:
        """Stop syncing, release the lease and wait for the thread."""
        self._stopping.set()
        self._thread.join()

    def wait(self) -> None:
        """Block until stopped (Ctrl-C ends the wait)."""
        while self._thread.is_alive():
            self._thread.join(timeout=1)

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                if self._wait_for_lease():
                    self._sync_while_leased()
        except Exception as error:  # reported by run_matrix; the thread must not die silently
            log.exception("the Matrix connection failed")
            self.error = error

    def _wait_for_lease(self) -> bool:
        while not self.lease.acquire():
            log.warning("another replica syncs %s; waiting for its lease", self.lease.name)
            if self._stopping.wait(self.renew_every):
                return False
        return True

    def _sync_while_leased(self) -> None:
        with ThreadPoolExecutor(HANDLER_THREADS, thread_name_prefix="matrix-handler") as pool:
            bot = MatrixBot(self.services, executor=pool)
            bot.start()
            self.sender.matrix = MatrixSender(bot)
            self.syncing.set()
            log.warning("Matrix: syncing as %s, device %s", bot.client.mxid, bot.device_id)
            try:
                while not self._stopping.wait(self.renew_every):
                    if not self.lease.acquire():
                        log.error("lost the Matrix sync lease to another replica; waiting again")
                        return
            finally:
                self.sender.matrix = None
                self.syncing.clear()
                bot.stop()
                self.lease.release()


def run_matrix(services: Services) -> int:
    """`smartcity-bot run --matrix`: the bot and the scheduler that sends the outbox through
    it, until stopped; 1 if the connection failed."""
    runner = MatrixRunner(services)
    scheduler = build_scheduler(services, runner.sender)
    runner.start()
    scheduler.start()
    try:
        runner.wait()
    finally:
        scheduler.shutdown(wait=False)
        runner.stop()
    return 1 if runner.error else 0
