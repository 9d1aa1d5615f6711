"""The content of the bot's messages: `m.notice`, plain text and HTML, placed as a reply."""

from __future__ import annotations

from typing import Any

from bot.matrix.incoming import MatrixMessage
from bot.render_matrix import MatrixText


def notice_content(text: MatrixText, *, answering: MatrixMessage | None = None) -> dict[str, Any]:
    """A notice (bots' messages that clients never answer automatically). In a room it is a
    reply to the question, inside the question's thread when it was asked in one."""
    content: dict[str, Any] = {
        "msgtype": "m.notice",
        "body": text.body,
        "format": "org.matrix.custom.html",
        "formatted_body": text.html,
    }
    if answering is None or answering.direct:
        return content
    question = answering.answer_to or answering.event_id
    reply_to: dict[str, Any] = {"m.in_reply_to": {"event_id": question}}
    if answering.thread_root:
        reply_to |= {
            "rel_type": "m.thread",
            "event_id": answering.thread_root,
            "is_falling_back": False,
        }
    content["m.relates_to"] = reply_to
    return content
