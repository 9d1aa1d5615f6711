"""Sends what the outbox says is due: claim a message, commit, send, record the outcome.

Safe with several replicas (claims are atomic, outcomes fenced by the attempt number) and
across crashes (a claim left behind is taken again after its lease). A few messages to
different recipients go out at once; the pace is one shared by every replica, kept in the
database. Authentication errors pause sending; passing trouble is retried with growing
pauses until the message would no longer make sense.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from bot.clock import Clock, system_clock
from bot.config import Config
from bot.outbox_rows import QUIET_KINDS, TIMELY, outgoing_of, render
from bot.sending import AMBIGUOUS, AUTH, PERMANENT, RATE_LIMITED, Outgoing, Sender, SendError
from bot.services import Services
from handlers.context import Context
from handlers.outgoing import REPLY
from handlers.reminders.announcements import plan_reports
from handlers.reminders.reminders import ReminderSettings, plan_reminders
from handlers.reminders.schedule_times import QuietHours
from storage.models import OutboxMessage
from storage.outbox import (
    FAILED,
    LEASE,
    SENT,
    SKIPPED,
    Claim,
    claim_next,
    finish,
    recipients_of,
    release,
    retry_later,
)
from storage.send_gate import hold_off, pause, paused, resume, take_slot

log = logging.getLogger(__name__)
WORKER = "dispatcher"
# A send must be over (answered or timed out) well before its lease can run out.
SEND_TIMEOUT = timedelta(seconds=20)
MAX_BACKOFF = timedelta(minutes=15)
SLOT_BLOCK = 10
assert SEND_TIMEOUT * 3 < LEASE


def reminder_settings(config: Config) -> ReminderSettings:
    settings = config.reminders
    return ReminderSettings(
        offsets=settings.offsets,
        quiet=QuietHours.parse(settings.quiet_start, settings.quiet_end),
        grace=timedelta(hours=settings.grace_hours),
    )


@dataclass
class Dispatcher:
    services: Services
    sender: Sender
    wall: Clock = system_clock  # real time, for the pace shared with other replicas
    sleep: Callable[[float], None] = time.sleep
    outcomes: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        settings = self.services.config.reminders
        self.interval = timedelta(seconds=1 / settings.messages_per_second)
        self.reminders = reminder_settings(self.services.config)
        self.give_up = timedelta(hours=settings.give_up_hours)
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        self.slot_lock = threading.Lock()  # never taken inside a transaction's lock order
        self.block_at = self.block_end = datetime.min.replace(tzinfo=UTC)

    def plan(self) -> None:
        with self.services.context(WORKER) as ctx:
            plan_reminders(ctx, self.reminders)

    def run_once(self) -> Counter[str]:
        """Plan reminders, then send everything due now; returns the outcomes."""
        if self._paused(probe=True):
            return self.outcomes
        self.plan()
        with ThreadPoolExecutor(self.services.config.reminders.parallel_sends) as pool:
            self._drain(pool, None)
        return self.outcomes

    def deliver(self, ids: Collection[int]) -> None:
        """Send what is due for the recipients of these rows (a request's own messages,
        after any earlier ones to the same people); whatever fails here stays in the outbox
        for the next dispatch."""
        if self._paused(probe=False):
            return
        with self.services.context(WORKER) as ctx:
            recipients = recipients_of(ctx.session, ids)
        self._drain(None, recipients)

    def _drain(self, pool: ThreadPoolExecutor | None, recipients: Collection[str] | None) -> None:
        self.stopped.clear()
        running: set[Future[None]] = set()
        limit = pool._max_workers if pool else 1
        while not self.stopped.is_set():
            taken = self._claim(recipients) if len(running) < limit else None
            if taken is not None:
                if pool is None:
                    self._handle(*taken)
                else:
                    running.add(pool.submit(self._handle, *taken))
            elif running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    future.result()
            elif recipients is not None or not self._reports():
                return
        for future in running:
            future.result()

    def _claim(self, recipients: Collection[str] | None) -> tuple[Claim, Outgoing | None] | None:
        """The next due row, claimed, with what to send (None: nothing, and recorded why)."""
        with self.services.context(WORKER) as ctx:
            claim = claim_next(ctx.session, now=ctx.now, recipients=recipients)
            return None if claim is None else (claim, self._prepare(ctx, claim))

    def _reports(self) -> bool:
        with self.services.context(WORKER) as ctx:
            return plan_reports(ctx) > 0

    def _count(self, outcome: str) -> None:
        with self.lock:
            self.outcomes[outcome] += 1

    def _handle(self, claim: Claim, outgoing: Outgoing | None) -> None:
        if outgoing is None:
            return
        try:
            if claim.uncertain and self.sender.delivered(outgoing):
                self._record(claim, SENT, "arrived although its answer was lost")
                return
            if not self._take_turn(claim, outgoing):
                return
            self.sender.send(outgoing)
        except SendError as error:
            self._failed(claim, error)
            return
        except Exception as error:  # a bug or a surprise from the SDK must not stop the rest
            log.exception("sending message %s broke", claim.id)
            self._failed(claim, SendError(repr(error)[:200], kind=AMBIGUOUS))
            return
        self._record(claim, SENT, "")

    def _prepare(self, ctx: Context, claim: Claim) -> Outgoing | None:
        """What to send, or None after recording why nothing is sent (now)."""
        message = ctx.session.get(OutboxMessage, claim.id)
        assert message is not None
        late = ctx.now - message.due_at
        if message.kind in TIMELY and late > self.reminders.grace:
            hours = late.total_seconds() / 3600
            self._finish(ctx.session, claim, SKIPPED, f"missed by {hours:.1f} h")
            return None
        opens = self.reminders.quiet.next_open(ctx.now, ctx.tz)
        if message.kind in QUIET_KINDS and opens > ctx.now:
            release(ctx.session, claim, until=opens)
            self._count("deferred")
            return None
        rendered = render(ctx, message)
        if isinstance(rendered, tuple):
            self._finish(ctx.session, claim, *rendered)
            return None
        return outgoing_of(message, rendered)

    def _finish(self, session: Session, claim: Claim, status: str, reason: str) -> None:
        if finish(session, claim, status, now=self.services.clock(), error=reason):
            self._count(status)
        else:
            self._count("lost claim")

    def _record(self, claim: Claim, status: str, reason: str) -> None:
        with self.services.context(WORKER) as ctx:
            self._finish(ctx.session, claim, status, reason)

    def _take_turn(self, claim: Claim, outgoing: Outgoing) -> bool:
        """Wait for this send's slot of the shared pace. False (and the row given back) if
        the send could not be over before the claim's lease ends: until then no other
        dispatcher can take the row, so no second check is needed."""
        slot = self._slot(self.sender.cost(outgoing))
        delay = max(slot - self.wall(), timedelta(0))
        if self.services.clock() + delay + SEND_TIMEOUT >= claim.claimed_at + LEASE:
            with self.services.context(WORKER) as ctx:
                release(ctx.session, claim)
            self._count("released")
            return False
        if delay:
            self.sleep(delay.total_seconds())
        return True

    def _slot(self, cost: int) -> datetime:
        """When a send of `cost` calls may start. Slots of the shared pace are reserved in
        blocks of SLOT_BLOCK calls, so that pacing costs one transaction per block."""
        with self.slot_lock:
            need = self.interval * cost
            if self.block_at + need > self.block_end or self.block_end < self.wall():
                size = self.interval * max(SLOT_BLOCK, cost)
                with self.services.context(WORKER) as ctx:
                    self.block_at = take_slot(ctx.session, now=self.wall(), interval=size)
                self.block_end = self.block_at + size
            slot, self.block_at = self.block_at, self.block_at + need
            return slot

    def _failed(self, claim: Claim, error: SendError) -> None:
        log.warning("sending message %s failed: %s (%s)", claim.id, error.reason, error.kind)
        with self.services.context(WORKER) as ctx:
            if error.kind == PERMANENT:
                self._finish(ctx.session, claim, FAILED, error.reason)
            elif error.kind == AUTH:
                pause(ctx.session, error.reason, now=ctx.now)
                release(ctx.session, claim)
                self.stopped.set()
                log.error("sending paused: Slack refuses the token (%s)", error.reason)
                self._count("paused")
            else:
                self._retry(ctx.session, claim, error)

    def _retry(self, session: Session, claim: Claim, error: SendError) -> None:
        now = self.services.clock()
        if error.kind == RATE_LIMITED:
            wait_for = timedelta(seconds=error.retry_after)
            hold_off(session, until=self.wall() + wait_for)
        else:
            wait_for = min(timedelta(seconds=30) * 2 ** (claim.attempt - 1), MAX_BACKOFF)
        at = now + wait_for
        if claim.kind != REPLY:
            at = self.reminders.quiet.next_open(at, self.services.config.tz)
        message = session.get(OutboxMessage, claim.id)
        assert message is not None
        deadline = message.expires_at or now + self.give_up
        if at >= deadline:
            reason = f"gave up after {claim.attempt} attempts: {error.reason}"
            self._finish(session, claim, FAILED, reason)
            return
        uncertain = error.kind == AMBIGUOUS
        retry_later(
            session, claim, at=at, error=error.reason, expires_at=deadline, uncertain=uncertain
        )
        self._count("retried")

    def _paused(self, *, probe: bool) -> bool:
        """Whether sending is paused; with `probe`, try the token and resume if it works."""
        with self.services.context(WORKER) as ctx:
            state = paused(ctx.session)
        if state is None:
            return False
        problem = self.sender.auth_problem() if probe else state[0]
        if problem:
            log.error("sending paused since %s: %s", state[1].isoformat(), problem)
            return True
        with self.services.context(WORKER) as ctx:
            resume(ctx.session)
        log.warning("sending resumed: the token works again")
        return False
