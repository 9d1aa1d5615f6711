"""Reactions as shortcuts for the numbered choices: ✅ for the only one, 1️⃣-9️⃣ for several.

The bot puts the reactions under its own message, so that one tap answers; the tap becomes the
number a member could have typed and takes the same way through the router. Typing stays the
way that always works: a shortcut is offered only for the bot's latest message in a room, to
the member it answered, and not kept across restarts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from bot.matrix.incoming import MatrixMessage
from bot.render_matrix import MatrixText
from handlers.conversation.choices import choices_of
from handlers.replies import Reply
from handlers.texts import t

CONFIRM = "✅"
KEYCAPS = tuple(f"{digit}\ufe0f\u20e3" for digit in "123456789")


def shortcuts_for(reply: Reply) -> dict[str, str]:
    """Reaction key -> the number it stands for; empty when there is nothing to choose or more
    than the nine keycaps can number."""
    count = len(choices_of(reply))
    if count == 1:
        return {CONFIRM: "1"}
    if count > len(KEYCAPS):
        return {}
    return {KEYCAPS[number]: str(number + 1) for number in range(count)}


def with_hint(text: MatrixText, shortcuts: dict[str, str], language: str) -> MatrixText:
    """The message with one more line naming the reactions (screen readers read it too)."""
    hint = t(language, "matrix.reactions", keys=" ".join(shortcuts))
    return MatrixText(body=f"{text.body}\n{hint}", html=f"{text.html}<p>{escape(hint)}</p>")


@dataclass(frozen=True)
class Offer:
    """The shortcuts under one message of the bot, for the member it answered."""

    event_id: str
    member: str
    keys: dict[str, str]
    answered: MatrixMessage  # what the bot's message answered; a tap's answer goes there too


@dataclass
class Offers:
    """The latest offer per room; a new message of the bot in the room replaces it."""

    _latest: dict[str, Offer] = field(default_factory=dict)

    def offer(self, room_id: str, offer: Offer) -> None:
        """Replace the room's offer; an offer without keys only withdraws the older one."""
        if offer.keys:
            self._latest[room_id] = offer
        else:
            self._latest.pop(room_id, None)

    def take(self, room_id: str, *, sender: str, reacted_to: str, key: str) -> Offer | None:
        """The offer a reaction answers (used up by it), or None: another member, an older
        message of the bot, or a reaction that is not one of the shortcuts."""
        offer = self._latest.get(room_id)
        if offer is None or (offer.member, offer.event_id) != (sender, reacted_to):
            return None
        if key not in offer.keys:
            return None
        del self._latest[room_id]
        return offer
