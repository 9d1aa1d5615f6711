"""Block Kit rendering of replies, with a plain-text fallback for notifications."""

from __future__ import annotations

from typing import Any

from handlers.replies import Button, Card, Reply
from handlers.texts import t

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000

Block = dict[str, Any]


def escape(text: str) -> str:
    """Escape the three characters Slack treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_SECTION_TEXT]}}


def button_element(button: Button) -> Block:
    """A Block Kit button; the primary one is styled as such."""
    element: Block = {
        "type": "button",
        "action_id": button.action,
        "value": button.value,
        "text": {"type": "plain_text", "text": button.label[:75], "emoji": True},
    }
    if button.primary:
        element["style"] = "primary"
    return element


def card_blocks(card: Card, language: str) -> list[Block]:
    """A card as a section of Markdown (title, labelled fields, body, link) and its buttons."""
    lines = [f"*{escape(card.title)}*"] if card.title else []
    lines += [f"*{escape(label)}:* {escape(value)}" for label, value in card.fields]
    if card.body:
        lines.append(escape(card.body))
    if card.link:
        lines.append(f"<{card.link}|{escape(t(language, 'link.source'))}>")
    blocks = [_section("\n".join(lines))] if lines else []
    if card.buttons:
        blocks.append({"type": "actions", "elements": [button_element(b) for b in card.buttons]})
    return blocks


def reply_blocks(reply: Reply) -> list[Block]:
    """The whole reply as Block Kit: lead text, cards between dividers, notes."""
    blocks = [_section(escape(reply.text))]
    for card in reply.cards:
        blocks += [{"type": "divider"}, *card_blocks(card, reply.language)]
    if reply.notes:
        blocks.append(_section("\n".join(escape(note) for note in reply.notes)))
    return blocks[:MAX_BLOCKS]


def fallback_text(reply: Reply) -> str:
    """The notification text: the lead sentence and the card titles, escaped like the blocks
    so that `<!channel>` or `<@U...>` typed by someone never becomes a mention."""
    lines = [reply.text, *(f"• {card.title}" for card in reply.cards)]
    return escape("\n".join(lines))[:3000]


def message_payload(reply: Reply) -> dict[str, Any]:
    """`chat.postMessage` arguments: the blocks and an escaped plain-text fallback."""
    return {"text": fallback_text(reply), "blocks": reply_blocks(reply)}
