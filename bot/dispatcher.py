"""Sends what the outbox says is due: claim one message, commit, send, record the outcome.

Safe with several replicas (claims are atomic) and across crashes (a claim left behind is
taken again after its lease). Paced to a configured rate; Slack's 429 answers are honoured by
the client's retry handler on top.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from bot.config import Config
from bot.services import Services
from handlers.conferences.changes import change_reply
from handlers.context import Context
from handlers.notify.notices import (
    new_conference_reply,
    plan_registration_notices,
    registration_open_reply,
)
from handlers.registration.offers import lapse_offers, seat_offer_reply
from handlers.reminders.announcements import (
    announcement_reply,
    digest_reply,
    expand_job,
    plan_reports,
    report_reply,
)
from handlers.reminders.reminders import ReminderSettings, plan_reminders, reminder_reply
from handlers.reminders.schedule_times import QuietHours
from handlers.replies import Reply
from storage.models import OutboxMessage
from storage.outbox import FAILED, SENT, SKIPPED, claim_next, finish, retry_later

log = logging.getLogger(__name__)
WORKER = "dispatcher"
Renderer = Callable[[Context, OutboxMessage], Reply | str]
RENDERERS: dict[str, Renderer] = {
    "reminder": reminder_reply,
    "announcement": announcement_reply,
    "report": report_reply,
    "digest": lambda ctx, _message: digest_reply(ctx),
    "conference_change": change_reply,
    "new_conference": new_conference_reply,
    "registration_open": registration_open_reply,
    "seat_offer": seat_offer_reply,
}
# Kinds that are pointless once late by more than the grace period.
TIMELY = frozenset({"reminder", "digest"})


class SendError(Exception):
    """Sending failed; `permanent` when trying again cannot help (user gone, bot blocked)."""

    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.reason, self.permanent = reason, permanent


class Sender(Protocol):
    def send(self, recipient: str, reply: Reply) -> None: ...


def reminder_settings(config: Config) -> ReminderSettings:
    settings = config.reminders
    return ReminderSettings(
        offsets=settings.offsets,
        quiet=QuietHours.parse(settings.quiet_start, settings.quiet_end),
        grace=timedelta(hours=settings.grace_hours),
    )


class Pacer:
    """At most `rate` sends per second, evenly spaced."""

    def __init__(self, rate: float) -> None:
        self.interval, self.next = 1.0 / rate, 0.0

    def wait(self) -> None:
        now = time.monotonic()
        if self.next > now:
            time.sleep(self.next - now)
        self.next = max(now, self.next) + self.interval


@dataclass
class Dispatcher:
    services: Services
    sender: Sender
    outcomes: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        settings = self.services.config.reminders
        self.pacer = Pacer(settings.messages_per_second)
        self.reminders = reminder_settings(self.services.config)
        self.grace = self.reminders.grace

    def plan(self) -> None:
        with self.services.context(WORKER) as ctx:
            plan_reminders(ctx, self.reminders)
            plan_registration_notices(ctx)
            lapse_offers(ctx)

    def run_once(self) -> Counter[str]:
        """Plan reminders, then send everything due now; returns the outcomes."""
        self.plan()
        while True:
            with self.services.context(WORKER) as ctx:
                message = claim_next(ctx.session, now=ctx.now)
                message_id = message.id if message else None
            if message_id is None:
                with self.services.context(WORKER) as ctx:
                    if not plan_reports(ctx):
                        return self.outcomes
                continue
            self._process(message_id)

    def _process(self, message_id: int) -> None:
        with self.services.context(WORKER) as ctx:
            message = ctx.session.get(OutboxMessage, message_id)
            assert message is not None
            prepared = self._prepare(ctx, message)
            recipient, attempts = message.recipient, message.attempts
        if isinstance(prepared, Reply):
            self._send(message_id, recipient, attempts, prepared)

    def _prepare(self, ctx: Context, message: OutboxMessage) -> Reply | None:
        """The reply to send, or None after recording why nothing is sent."""
        late = ctx.now - message.due_at
        if message.kind in TIMELY and late > self.grace:
            hours = late.total_seconds() / 3600
            self._done(ctx, message.id, SKIPPED, f"missed by {hours:.1f} h (offline)")
            return None
        if message.kind == "announcement_job":
            reason = expand_job(ctx, message)
            self._done(ctx, message.id, SKIPPED if reason else SENT, reason or "")
            return None
        rendered = RENDERERS[message.kind](ctx, message)
        if isinstance(rendered, str):
            self._done(ctx, message.id, SKIPPED, rendered)
            return None
        return rendered

    def _done(self, ctx: Context, message_id: int, status: str, reason: str) -> None:
        finish(ctx.session, message_id, status, now=ctx.now, error=reason)
        self.outcomes[status] += 1

    def _send(self, message_id: int, recipient: str, attempts: int, reply: Reply) -> None:
        self.pacer.wait()
        try:
            self.sender.send(recipient, reply)
        except SendError as error:
            log.warning("sending message %s to %s failed: %s", message_id, recipient, error)
            with self.services.context(WORKER) as ctx:
                if error.permanent or attempts >= self.services.config.reminders.max_attempts:
                    self._done(ctx, message_id, FAILED, error.reason)
                else:
                    backoff = timedelta(seconds=30 * 2 ** (attempts - 1))
                    retry_later(ctx.session, message_id, at=ctx.now + backoff, error=error.reason)
                    self.outcomes["retried"] += 1
            return
        with self.services.context(WORKER) as ctx:
            self._done(ctx, message_id, SENT, "")
