"""The delivery report of an announcement, for the organizer who made it: sent, failed (and
why) and skipped, counted per transport when it went to Matrix too."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from handlers.context import Context
from handlers.replies import Reply
from handlers.texts import t
from storage.announcements import delivered_announcements, mark_done, outcome_counts
from storage.models import Announcement, OutboxMessage
from storage.outbox import FAILED, SENT, SKIPPED, messages_of_announcement, plan
from storage.recipients import MATRIX, SLACK, transport_of


def plan_reports(ctx: Context) -> int:
    """A delivery report for every announcement whose messages all have an outcome."""
    planned = 0
    for announcement, _messages in delivered_announcements(ctx.session):
        mark_done(announcement)
        planned += plan(
            ctx.session,
            key=f"report:{announcement.id}",
            kind="report",
            recipient=announcement.created_by,
            due_at=ctx.now,
            announcement_id=announcement.id,
        )
    return planned


def report_reply(ctx: Context, message: OutboxMessage) -> Reply | str:
    """Sent, failed (and why), skipped: for the organizer who made the announcement."""
    announcement = ctx.session.get(Announcement, message.announcement_id or 0)
    if announcement is None:
        return "announcement gone"
    messages = messages_of_announcement(ctx.session, announcement.id)
    counts = outcome_counts(messages)
    text = t(
        ctx.language,
        "ann.report",
        text=announcement.text[:60],
        sent=counts[SENT],
        failed=counts[FAILED],
        skipped=counts[SKIPPED],
    )
    text += _per_transport(ctx, messages)
    failures = [f"{m.recipient} ({m.error})" for m in messages if m.status == FAILED]
    if failures:
        text += ctx.t("ann.report_failure", details=", ".join(failures[:20]))
    return Reply(text, language=ctx.language)


def _per_transport(ctx: Context, messages: Sequence[OutboxMessage]) -> str:
    """Slack's and Matrix's share, once Matrix took part (a Slack-only report stays short)."""
    rows = Counter(transport_of(m.recipient) for m in messages)
    if not rows[MATRIX]:
        return ""
    sent = Counter(transport_of(m.recipient) for m in messages if m.status == SENT)
    return t(
        ctx.language,
        "ann.report_transports",
        slack_sent=sent[SLACK],
        slack=rows[SLACK],
        matrix_sent=sent[MATRIX],
        matrix=rows[MATRIX],
    )
