"""Matrix rendering of replies: a plain-text `body` and HTML `formatted_body` that say the same.

Buttons become numbered choices, counted across the whole reply, so that a text-only client,
a screen reader and the HTML view all offer the same options in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from handlers.replies import Button, Card, Reply
from handlers.texts import t


@dataclass(frozen=True)
class MatrixText:
    """The two renderings of one message."""

    body: str
    html: str


def choices(reply: Reply) -> tuple[Button, ...]:
    """The reply's buttons in the order they are numbered (1, 2, ...)."""
    return tuple(button for card in reply.cards for button in card.buttons)


def render_matrix(reply: Reply) -> MatrixText:
    plain = [reply.text]
    html = [f"<p>{_html_lines(reply.text)}</p>"]
    number = 1
    for card in reply.cards:
        card_plain, card_html = _card(card, reply.language, first_number=number)
        number += len(card.buttons)
        plain += ["", *card_plain]
        html.append(card_html)
    if reply.notes:
        plain += ["", *reply.notes]
        html += [f"<p>{_html_lines(note)}</p>" for note in reply.notes]
    return MatrixText(body="\n".join(plain), html="".join(html))


def _card(card: Card, language: str, *, first_number: int) -> tuple[list[str], str]:
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
    if card.buttons:
        numbered = list(enumerate(card.buttons, start=first_number))
        plain += [f"{n}. {button.label}" for n, button in numbered]
        items = "".join(f"<li>{escape(button.label)}</li>" for _, button in numbered)
        html.append(f'<ol start="{first_number}">{items}</ol>')
    return plain, "".join(html)


def _html_lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))
