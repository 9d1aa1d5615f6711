"""Greetings, thanks, goodbyes, questions about the bot, and what it cannot help with."""

from __future__ import annotations

from handlers.context import Context
from handlers.conversation.features import Feature, IntentRun
from handlers.conversation.meaning import Meaning
from handlers.replies import Reply


def _say(key: str) -> IntentRun:
    def reply(ctx: Context, _meaning: Meaning) -> Reply:
        return Reply(ctx.t(key), language=ctx.language)

    return reply


FEATURE = Feature(
    name="talk",
    intents={
        intent: _say(f"talk.{intent}")
        for intent in ("greeting", "thanks", "goodbye", "smalltalk", "none")
    },
)
