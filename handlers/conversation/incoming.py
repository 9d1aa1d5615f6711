"""What reaches the bot, whatever the transport: adapters turn payloads into these objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    """A line of text: a DM, a mention, a slash command's text, a console or Matrix line.

    `can_open_forms` is True where the transport shows a form at once (a Slack modal); elsewhere
    a form is asked field by field in the conversation.
    """

    text: str
    can_open_forms: bool = False


@dataclass(frozen=True)
class Click:
    """A button pressed (or its typed equivalent): the action's name and its value."""

    action: str
    value: str = ""
    can_open_forms: bool = False


@dataclass(frozen=True)
class Submission:
    """A filled-in form: its id, the context it was opened with, and the values by field."""

    form_id: str
    context: str
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggest:
    """A type-ahead query for a form field (the municipality picker)."""

    field: str
    typed: str


Incoming = Message | Click | Submission | Suggest
