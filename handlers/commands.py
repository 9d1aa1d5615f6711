"""The slash command: `/smartcity <subcommand> [arguments]`, or a plain question."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from handlers.announcements import announce_command, list_announcements
from handlers.chat import answer_question, help_reply
from handlers.context import Context
from handlers.knowledge import search_reply
from handlers.normalize import fold
from handlers.organizer import conference_admin, participant_list
from handlers.privacy import delete_request, my_data
from handlers.registration import cancel_registration, my_registrations, start_registration
from handlers.reminders import reminders_command
from handlers.replies import Reply
from handlers.solution_form import solution_form
from handlers.texts import t

Subcommand = Callable[[Context, str], Reply]

# Each subcommand by its German name and its English alias.
_TABLE: tuple[tuple[str, str, Subcommand], ...] = (
    ("anmelden", "register", start_registration),
    ("abmelden", "cancel", cancel_registration),
    ("meine", "mine", lambda ctx, _: my_registrations(ctx)),
    ("meine-daten", "my-data", lambda ctx, _: my_data(ctx)),
    ("daten-loeschen", "delete-my-data", delete_request),
    ("teilnehmende", "participants", participant_list),
    ("konferenz", "conference", conference_admin),
    ("erinnerungen", "reminders", reminders_command),
    ("ankuendigen", "announce", announce_command),
    ("ankuendigungen", "announcements", list_announcements),
    ("loesungen", "solutions", search_reply),
    ("loesung-neu", "new-solution", lambda ctx, _: solution_form(ctx)),
)
SUBCOMMANDS: dict[str, Subcommand] = {
    name: handler for german, english, handler in _TABLE for name in (german, english)
}
_HELP = frozenset({"", "hilfe", "help", "?"})
# Longer than any real question or command; reading more only makes the answer slow
# (a 1 MB message took over a minute to understand).
MAX_TEXT = 4000


def handle_command(ctx: Context, text: str) -> Reply:
    """Dispatch on the first word; anything that is not a subcommand is a question.

    Only the beginning of a very long message is read, and the reply says so."""
    if len(text) <= MAX_TEXT:
        return _dispatch(ctx, text)
    reply = _dispatch(ctx, text[:MAX_TEXT])
    return dataclasses.replace(reply, notes=(*reply.notes, t(ctx.language, "error.long")))


def _dispatch(ctx: Context, text: str) -> Reply:
    first, _, rest = text.strip().partition(" ")
    name = fold(first)
    if name in _HELP:
        return help_reply("en" if name == "help" else ctx.language)
    subcommand = SUBCOMMANDS.get(name)
    if subcommand is not None:
        return subcommand(ctx, rest)
    return answer_question(ctx, text)
