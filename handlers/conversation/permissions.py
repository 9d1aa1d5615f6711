"""Who may use what: organizer-only commands, buttons and forms are refused politely."""

from __future__ import annotations

import logging

from handlers.context import Context
from handlers.replies import Reply

log = logging.getLogger(__name__)


def refusal(ctx: Context, what: str) -> Reply | None:
    """A polite no for anyone who is not an organizer; the attempt is logged."""
    if ctx.is_organizer:
        return None
    log.warning("user %s tried the organizer command %r", ctx.user_id, what)
    return Reply(ctx.t("org.refused"), language=ctx.language)
