"""What handlers return: transport-neutral reply objects, rendered by the adapters in `bot/`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """An action the user can take; `action` names the handler, `value` its argument."""

    label: str
    action: str
    value: str
    primary: bool = False


@dataclass(frozen=True)
class Card:
    """One item (a conference, a solution): a title, labelled details and actions."""

    title: str
    fields: tuple[tuple[str, str], ...] = ()
    body: str = ""
    link: str = ""
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class FormField:
    """One input of a form. `kind`: text, multiline, municipality (type-ahead), consent, or
    choice (one of `options`, given as (value, label) pairs)."""

    name: str
    label: str
    kind: str = "text"
    required: bool = True
    initial: str = ""
    hint: str = ""
    max_length: int = 150
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Form:
    """A form to fill in (a Slack modal, or prompts in the console); `context` is echoed back.

    Where a form cannot be opened directly (a plain chat message), a button with `action` and
    `context` as its value opens it.
    """

    form_id: str
    action: str
    title: str
    submit: str
    context: str
    intro: str
    fields: tuple[FormField, ...]


@dataclass(frozen=True)
class Attachment:
    """A file sent along with a reply (an .ics calendar entry, a CSV export)."""

    filename: str
    content: bytes
    title: str


@dataclass(frozen=True)
class Reply:
    """A message to the user: a lead text, cards, notes; optionally a form to open, files to
    attach and messages for other people (e.g. someone promoted from the waitlist)."""

    text: str
    cards: tuple[Card, ...] = ()
    notes: tuple[str, ...] = ()
    language: str = "de"
    form: Form | None = None
    attachments: tuple[Attachment, ...] = ()
    direct_messages: tuple[DirectMessage, ...] = ()


@dataclass(frozen=True)
class DirectMessage:
    """A message the bot sends as a consequence of this request: to another user, or to a
    channel when `user_id` is a channel id (e.g. the organizers' channel)."""

    user_id: str
    reply: Reply


@dataclass(frozen=True)
class FormErrors:
    """A submitted form was not accepted: an error text per field name."""

    errors: dict[str, str]
