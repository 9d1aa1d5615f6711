"""Sends what the outbox says is due: claim a batch, commit, send, record the outcomes.

Safe with several replicas (claims are atomic, outcomes fenced by the attempt number) and
across crashes (a claim left behind is taken again after its lease, and looked up before it is
sent again). Messages to different recipients go out at once; the pace is one shared by every
replica, kept in the database. While one batch is being sent, the next is claimed and the
last one's outcomes are recorded, so the database work does not slow the pace down.
Authentication errors pause sending; passing trouble is retried with growing pauses until the
message would no longer make sense.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.clock import Clock, system_clock
from bot.config import Config
from bot.outbox_rows import AWAITED, QUIET_KINDS, RENDERERS, TIMELY, outgoing_of, render
from bot.pacing import CATCH_UP, Pacing
from bot.sending import AMBIGUOUS, AUTH, PERMANENT, RATE_LIMITED, Outgoing, Sender, SendError
from bot.services import Services
from handlers.context import Context
from handlers.notify.notices import plan_registration_notices
from handlers.registration.offers import lapse_offers
from handlers.reminders.reminders import ReminderSettings, plan_reminders
from handlers.reminders.report import plan_reports
from handlers.reminders.schedule_times import QuietHours
from storage.errors import DATABASE_UNAVAILABLE
from storage.models import OutboxMessage
from storage.outbox import (
    FAILED,
    LEASE,
    SENT,
    SKIPPED,
    Claim,
    Outcome,
    claim_due,
    load_claimed,
    recipients_of,
    record,
    release,
)
from storage.send_gate import hold_off, pause, paused, resume

__all__ = ["RENDERERS", "TIMELY", "Dispatcher", "SendError", "reminder_settings"]

log = logging.getLogger(__name__)
WORKER = "dispatcher"
# A send must be over (answered or timed out) well before its lease can run out.
SEND_TIMEOUT = timedelta(seconds=20)
MAX_BACKOFF = timedelta(minutes=15)
MAX_BATCH = 50
# A sender that wakes late takes a new slot; after this many late wakes it goes anyway.
LATE_WAKE_TRIES = 3
RELEASED = "released"  # an outcome that gives the row back without counting the attempt
assert SEND_TIMEOUT * 3 < LEASE


def reminder_settings(config: Config) -> ReminderSettings:
    """The reminder settings of the config, parsed."""
    settings = config.reminders
    return ReminderSettings(
        offsets=settings.offsets,
        quiet=QuietHours.parse(settings.quiet_start, settings.quiet_end),
        grace=timedelta(hours=settings.grace_hours),
    )


@dataclass(frozen=True)
class Job:
    """A claimed row with what to send, and until when trying again makes sense."""

    claim: Claim
    outgoing: Outgoing
    expires_at: datetime | None


@dataclass
class Dispatcher:
    """Sends what the outbox holds due: claims in batches, paces, records each result."""

    services: Services
    sender: Sender
    wall: Clock = system_clock  # real time, for the pace shared with other replicas
    sleep: Callable[[float], None] = time.sleep
    outcomes: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        settings = self.services.config.reminders
        self.reminders = reminder_settings(self.services.config)
        self.batch = max(1, min(MAX_BATCH, settings.messages_per_second))
        self.parallel = settings.parallel_sends
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        interval = timedelta(seconds=1 / settings.messages_per_second)
        self.pacing = Pacing(self.services.sessions, interval=interval, wall=self.wall)

    def plan(self) -> None:
        """Put the reminders still to come into the outbox."""
        with self.services.context(WORKER) as ctx:
            plan_reminders(ctx, self.reminders)
            plan_registration_notices(ctx)
            lapse_offers(ctx)

    def run_once(self) -> Counter[str]:
        """Plan reminders, then send everything due now; returns the outcomes."""
        if self._paused(probe=True):
            return self.outcomes
        self.plan()
        self._drain(None)
        return self.outcomes

    def deliver(self, ids: Collection[int]) -> None:
        """Send what is due for the recipients of these rows (a request's own messages,
        after any earlier ones to the same people); whatever fails here stays in the outbox
        for the next dispatch."""
        if self._paused(probe=False):
            return
        with self.services.context(WORKER) as ctx:
            recipients = recipients_of(ctx.session, ids)
        self._drain(recipients)

    def _drain(self, recipients: Collection[str] | None) -> None:
        """Claim, send and record in a pipeline: batch n+1 is claimed and queued behind
        batch n while n is on its way (so the pace has no gap while n's last sends wait for
        their answers), and n is recorded once it is through."""
        self.stopped.clear()
        with ThreadPoolExecutor(self.parallel, thread_name_prefix="send") as pool:
            sending: list[Future[Outcome]] = []
            while not self.stopped.is_set():
                claimed, jobs = self._claim(recipients)
                queued = [pool.submit(self._send, job) for job in jobs]
                done = [future.result() for future in sending]
                sending = queued
                self._record(done)
                # Rows held back behind ones in flight are claimable once those are recorded.
                idle = not claimed and not done
                if idle and (recipients is not None or not self._reports()):
                    break
            self._record([future.result() for future in sending])

    def _claim(self, recipients: Collection[str] | None) -> tuple[int, list[Job]]:
        """How many due rows were claimed, and what to send for them (rows with nothing to
        send are recorded in the same transaction)."""
        # Only rows this replica can send: another one may sync Matrix (or reach Slack).
        transports = self.sender.transports()
        with self.services.context(WORKER) as ctx:
            claims = claim_due(
                ctx.session,
                now=ctx.now,
                limit=self.batch,
                recipients=recipients,
                transports=transports,
            )
            # Loaded in two queries, and held here, so that wording them asks for no more.
            messages, _conferences = load_claimed(ctx.session, [c.id for c in claims])
            jobs = [self._prepare(ctx, claim, messages[claim.id]) for claim in claims]
        return len(claims), [job for job in jobs if job is not None]

    def _reports(self) -> bool:
        with self.services.context(WORKER) as ctx:
            return plan_reports(ctx) > 0

    def _count(self, outcome: str, n: int = 1) -> None:
        with self.lock:
            self.outcomes[outcome] += n

    def _prepare(self, ctx: Context, claim: Claim, message: OutboxMessage) -> Job | None:
        """What to send, or None after recording why nothing is sent (now)."""
        late = ctx.now - message.due_at
        if message.kind in TIMELY and late > self.reminders.grace:
            hours = late.total_seconds() / 3600
            self._settle(ctx, [Outcome(claim, SKIPPED, f"missed by {hours:.1f} h")])
            return None
        opens = self.reminders.quiet.next_open(ctx.now, ctx.tz)
        if message.kind in QUIET_KINDS and opens > ctx.now:
            release(ctx.session, [claim], until=opens)
            self._count("deferred")
            return None
        rendered = render(ctx, message)
        if isinstance(rendered, tuple):
            self._settle(ctx, [Outcome(claim, *rendered)])
            return None
        return Job(claim, outgoing_of(message, rendered), message.expires_at)

    def _settle(self, ctx: Context, outcomes: Sequence[Outcome]) -> None:
        """Record outcomes (and give back released rows) in the context's transaction."""
        final = [o for o in outcomes if o.status != RELEASED]
        back = [o.claim for o in outcomes if o.status == RELEASED]
        recorded = record(ctx.session, final, now=ctx.now) + release(ctx.session, back)
        for outcome in outcomes:
            self._count("retried" if outcome.retry_at else outcome.status)
        if recorded < len(outcomes):
            self._count("lost claim", len(outcomes) - recorded)

    def _record(self, outcomes: Sequence[Outcome]) -> None:
        if outcomes:
            with self.services.context(WORKER) as ctx:
                self._settle(ctx, outcomes)

    def _send(self, job: Job) -> Outcome:
        """Send one job (after its turn in the pace); the outcome to record."""
        claim, outgoing = job.claim, job.outgoing
        try:
            if claim.uncertain and self.sender.delivered(outgoing):
                return Outcome(claim, SENT, "arrived although its answer was lost")
        except SendError as error:
            return self._failed(job, error)
        if not self._take_turn(claim, outgoing):
            return Outcome(claim, RELEASED)
        try:
            self.sender.send(outgoing)
        except SendError as error:
            return self._failed(job, error)
        except Exception as error:  # a bug or a surprise from the SDK must not stop the rest
            log.exception("sending message %s broke", claim.id)
            return self._failed(job, SendError(repr(error)[:200], kind=AMBIGUOUS))
        return Outcome(claim, SENT)

    def _take_turn(self, claim: Claim, outgoing: Outgoing) -> bool:
        """Wait for this send's slot of the shared pace. False if there is none before the
        claim's lease ends (until then no other dispatcher can take the row), or the pace
        could not be read: the row is then given back unsent, the attempt not counted.

        A sender that wakes well after its slot (the process was busy) takes a new one: the
        senders that slept through the same pause would otherwise all go at once, and such a
        burst is what the API answers with 429 and a second's pause for everyone."""
        for _ in range(LATE_WAKE_TRIES):
            try:
                slot = self.pacing.slot(self.sender.cost(outgoing))
            except DATABASE_UNAVAILABLE as error:
                log.warning("no send slot for message %s: %s", claim.id, error)
                return False
            delay = max(slot - self.wall(), timedelta(0))
            if self.services.clock() + delay + SEND_TIMEOUT >= claim.claimed_at + LEASE:
                self.stopped.set()  # the pace is booked beyond the lease: try at the next tick
                return False
            if delay:
                self.sleep(delay.total_seconds())
            if self.wall() - slot <= self.pacing.interval * CATCH_UP:
                return True
        return True

    def _failed(self, job: Job, error: SendError) -> Outcome:
        claim = job.claim
        log.warning("sending message %s failed: %s (%s)", claim.id, error.reason, error.kind)
        if error.kind == PERMANENT:
            return Outcome(claim, FAILED, error.reason)
        if error.kind == AUTH:
            with self.services.context(WORKER) as ctx:
                pause(ctx.session, error.reason, now=ctx.now)
            self.stopped.set()
            log.error("sending paused: Slack refuses the token (%s)", error.reason)
            self._count("paused")
            return Outcome(claim, RELEASED)
        return self._retry(job, error)

    def _retry(self, job: Job, error: SendError) -> Outcome:
        claim, now = job.claim, self.services.clock()
        if error.kind == RATE_LIMITED:
            wait_for = timedelta(seconds=error.retry_after)
            with self.services.context(WORKER) as ctx:
                hold_off(ctx.session, until=self.wall() + wait_for)
        else:
            wait_for = min(timedelta(seconds=30) * 2 ** (claim.attempt - 1), MAX_BACKOFF)
        at = now + wait_for
        if claim.kind not in AWAITED:
            at = self.reminders.quiet.next_open(at, self.services.config.tz)
        deadline = job.expires_at or now + self.services.give_up
        if at >= deadline:
            return Outcome(claim, FAILED, f"gave up after {claim.attempt} attempts: {error.reason}")
        uncertain = error.kind == AMBIGUOUS
        return Outcome(
            claim, "", error.reason, retry_at=at, expires_at=deadline, uncertain=uncertain
        )

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
