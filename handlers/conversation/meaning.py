"""What a message means: the intent, its language, a greeting in front, and what it names."""

from __future__ import annotations

from dataclasses import dataclass, field

from handlers.conferences.references import ConferenceRef


@dataclass(frozen=True)
class Meaning:
    """The understood message. `text` is the request without a greeting or thanks around it;
    `social` is "greeting" or "thanks" when one came with a request and should be acknowledged."""

    text: str
    intent: str
    language: str
    ref: ConferenceRef = field(default_factory=ConferenceRef)
    municipality: str | None = None
    state: str | None = None
    social: str | None = None
