"""Conversation helpers: tests that read like the chat they check."""

from __future__ import annotations

from collections.abc import Sequence

from bot.render_text import render_text
from bot.services import Services


def ask(services: Services, question: str, *, user: str = "U100") -> str:
    """The bot's answer to a chat message, as the console shows it."""
    return render_text(services.message(user, question))


def command(services: Services, text: str, *, user: str = "U100") -> str:
    """The bot's answer to `/smartcity <text>`, as plain text."""
    return render_text(services.message(user, text, can_open_forms=True))


def verify_dialog(
    services: Services, dialog: Sequence[tuple[str, Sequence[str]]], *, user: str = "U100"
) -> None:
    """Each question, in order, must be answered with text containing every expected part."""
    for question, expected in dialog:
        answer = ask(services, question, user=user)
        for part in expected:
            assert part in answer, f"{question!r}: expected {part!r} in:\n{answer}"
