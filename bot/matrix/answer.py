"""The one place where a Matrix message enters the handlers."""

from __future__ import annotations

from bot.services import Services
from handlers.commands import handle_command
from handlers.replies import Reply


def answer(services: Services, user_id: str, text: str) -> Reply:
    """The reply to a question or command, in its own transaction (runs in the thread pool)."""
    return services.reply(user_id, lambda ctx: handle_command(ctx, text))
