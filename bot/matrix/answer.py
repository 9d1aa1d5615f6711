"""The one place where a Matrix message enters the handlers."""

from __future__ import annotations

from bot.services import Services
from handlers.replies import Reply


def answer(services: Services, user_id: str, text: str, *, held: list[int]) -> Reply:
    """The reply to a message through the router, in its own transaction (runs in the thread
    pool); forms are asked field by field, buttons are numbered choices. What it queued in the
    outbox (files, messages to others) is left in `held`, to be sent after the answer."""
    return services.message(user_id, text, held=held)
