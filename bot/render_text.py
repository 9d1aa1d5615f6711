"""Plain-text rendering of replies, for the console and `ask`: buttons become numbered
choices that the router understands when typed."""

from __future__ import annotations

from handlers.conversation.choices import choices_of, numbered
from handlers.replies import Reply
from handlers.texts import t


def render_text(reply: Reply) -> str:
    """The reply as the console shows it: text, cards, notes, numbered choices, files."""
    lines = [reply.text]
    for card in reply.cards:
        lines.append("")
        if card.title:
            lines.append(f"  {card.title}")
        lines += [f"    {label}: {value}" for label, value in card.fields]
        if card.body:
            lines.append(f"    {card.body}")
        if card.link:
            lines.append(f"    {t(reply.language, 'link.source')}: {card.link}")
    if reply.notes:
        lines += ["", *(f"  {note}" for note in reply.notes)]
    choices = choices_of(reply)
    if choices:
        lines += [
            "",
            *(f"  {line}" for line in numbered(choices)),
            t(reply.language, "choice.hint"),
        ]
    lines += [
        f"  [{attachment.filename}, {len(attachment.content)} Bytes]"
        for attachment in reply.attachments
    ]
    for message in reply.direct_messages:
        lines += ["", f"  → {message.user_id}: {render_text(message.reply)}"]
    return "\n".join(lines)
