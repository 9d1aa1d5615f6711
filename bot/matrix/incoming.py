"""Which Matrix messages the bot answers, and what the question is once the mention is gone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ANSWERED_TYPES = ("m.text",)


@dataclass(frozen=True)
class MatrixMessage:
    """A message to answer. `thread_root` is set when it was written in a thread; `answer_to`
    when the answer belongs under another event (a tapped reaction answers the question that
    the reacted-to message answered)."""

    room_id: str
    event_id: str
    sender: str
    text: str
    direct: bool
    thread_root: str | None = None
    answer_to: str | None = None


@dataclass(frozen=True)
class BotIdentity:
    """How the bot can be addressed: its user id and the names clients put in mentions."""

    user_id: str
    names: tuple[str, ...]

    def mention_pattern(self) -> re.Pattern[str]:
        """A mention of the bot: a name at the start of a message, or its user id anywhere."""
        names = sorted({self.user_id, *self.names}, key=len, reverse=True)
        alternatives = "|".join(re.escape(name) for name in names if name)
        return re.compile(rf"(?:^\s*(?:{alternatives})\s*[:,]?\s*)|(?:{re.escape(self.user_id)})")


def read_message(
    *,
    room_id: str,
    event_id: str,
    sender: str,
    content: Mapping[str, Any],
    bot: BotIdentity,
    direct: bool,
    answer_everything: bool,
) -> MatrixMessage | None:
    """The message to answer, or None: not text, an edit, or a room message not meant for us."""
    if sender == bot.user_id or content.get("msgtype") not in ANSWERED_TYPES:
        return None
    relation = content.get("m.relates_to") or {}
    if relation.get("rel_type") == "m.replace":
        return None
    body = str(content.get("body", ""))
    if not (direct or answer_everything or _mentions(content, body, bot)):
        return None
    text = bot.mention_pattern().sub(" ", _without_reply_quote(body)).strip()
    thread = relation.get("event_id") if relation.get("rel_type") == "m.thread" else None
    return MatrixMessage(room_id, event_id, sender, text, direct=direct, thread_root=thread)


def _mentions(content: Mapping[str, Any], body: str, bot: BotIdentity) -> bool:
    mentioned: Iterable[str] = (content.get("m.mentions") or {}).get("user_ids") or ()
    if bot.user_id in mentioned:
        return True
    return bool(bot.mention_pattern().search(body))


def _without_reply_quote(body: str) -> str:
    """Drop the "> <@someone> quoted text" fallback lines older clients put before a reply."""
    return "\n".join(line for line in body.split("\n") if not line.startswith("> "))
