"""Matrix rendering of replies: a plain-text `body` and HTML `formatted_body` that say the same.

Buttons become the numbered choices the router understands when typed (as in the console), so
that a text-only client, a screen reader and the HTML view all offer the same options.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from handlers.conversation.choices import choices_of, numbered
from handlers.replies import Card, Reply
from handlers.texts import t


@dataclass(frozen=True)
class MatrixText:
    """The two renderings of one message."""

    body: str
    html: str


def render_matrix(reply: Reply) -> MatrixText:
    """The reply as a Matrix message: plain body and HTML, buttons as numbered choices."""
    plain = [reply.text]
    html = [f"<p>{_html_lines(reply.text)}</p>"]
    for card in reply.cards:
        card_plain, card_html = _card(card, reply.language)
        plain += ["", *card_plain]
        html.append(card_html)
    if reply.notes:
        plain += ["", *reply.notes]
        html += [f"<p>{_html_lines(note)}</p>" for note in reply.notes]
    choices = choices_of(reply)
    if choices:
        hint = t(reply.language, "choice.hint")
        plain += ["", *numbered(choices), hint]
        items = "".join(f"<li>{escape(line.split(') ', 1)[1])}</li>" for line in numbered(choices))
        html.append(f"<ol>{items}</ol><p>{escape(hint)}</p>")
    return MatrixText(body="\n".join(plain), html="".join(html))


def _card(card: Card, language: str) -> tuple[list[str], str]:
    plain = [card.title] if card.title else []
    html = [f"<p><strong>{escape(card.title)}</strong></p>"] if card.title else []
    plain += [f"{label}: {value}" for label, value in card.fields]
    if card.fields:
        items = "".join(
            f"<li><strong>{escape(label)}:</strong> {escape(value)}</li>"
            for label, value in card.fields
        )
        html.append(f"<ul>{items}</ul>")
    if card.body:
        plain.append(card.body)
        html.append(f"<p>{_html_lines(card.body)}</p>")
    if card.link:
        label = t(language, "link.source")
        plain.append(f"{label}: {card.link}")
        html.append(f'<p><a href="{escape(card.link)}">{escape(label)}</a></p>')
    return plain, "".join(html)


def _html_lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))
