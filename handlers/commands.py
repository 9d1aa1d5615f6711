"""The slash command: `/smartcity <subcommand> [arguments]`, or a plain question."""

from __future__ import annotations

from handlers.chat import answer_question, help_reply
from handlers.context import Context
from handlers.normalize import fold
from handlers.replies import Reply

_HELP = frozenset({"", "hilfe", "help", "?"})


def handle_command(ctx: Context, text: str) -> Reply:
    """Dispatch on the first word; anything that is not a subcommand is a question."""
    first = fold(text.strip().split(maxsplit=1)[0]) if text.strip() else ""
    if first in _HELP:
        return help_reply(ctx.language if first != "help" else "en")
    return answer_question(ctx, text)
