"""The one entry point: an incoming message, click, form or type-ahead query -> a reply.

Order for a message: an open dialog first (a numbered choice, a yes/no, the next form field),
then a command when the message is shaped like one, then what the sentence means.
"""

from __future__ import annotations

import dataclasses

from handlers.context import Context
from handlers.conversation import dialog
from handlers.conversation.features import Command
from handlers.conversation.form_dialog import is_cancel
from handlers.conversation.help import help_reply
from handlers.conversation.incoming import Click, Incoming, Message, Submission, Suggest
from handlers.conversation.language import detect_language
from handlers.conversation.permissions import refusal
from handlers.conversation.registry import (
    actions,
    command_named,
    forms,
    intent_handlers,
    suggestions,
)
from handlers.conversation.understand import MAX_CHARS, understand
from handlers.conversation.world import world_of
from handlers.embedding import shared_embedder
from handlers.replies import FormErrors, Reply
from handlers.texts import EASY_GERMAN

HELP_WORDS = frozenset({"hilfe", "help", "?"})
EASY_HELP_WORDS = frozenset({"einfach", "leichte sprache", "einfache sprache"})
Outcome = Reply | FormErrors | list[str]


def handle(ctx: Context, incoming: Incoming) -> Outcome:
    """Answer anything that reaches the bot."""
    if isinstance(incoming, Message):
        return answer_message(ctx, incoming)
    if isinstance(incoming, Click):
        return click(ctx, incoming)
    if isinstance(incoming, Submission):
        return submit(ctx, incoming)
    return suggest(ctx, incoming)


def answer_message(ctx: Context, message: Message) -> Reply:
    """A line of text: continue a dialog, run a command, or answer what it means."""
    text = _without_prefix(ctx, message.text)
    ctx = dataclasses.replace(ctx, language=detect_language(text, fallback=ctx.language))
    if not text:
        return Reply(ctx.t("empty_text"), language=ctx.language)
    pending = dialog.continue_dialog(ctx, text, click=click, submit=submit)
    if pending is not None:
        return pending
    reply = (
        _command(ctx, text[:MAX_CHARS])
        or _nothing_open(ctx, text)
        or _meaning(ctx, text[:MAX_CHARS])
    )
    if len(text) > MAX_CHARS:
        reply = dataclasses.replace(reply, notes=(*reply.notes, ctx.t("error.long")))
    return dialog.after_reply(ctx, reply, can_open_forms=message.can_open_forms)


def _nothing_open(ctx: Context, text: str) -> Reply | None:
    """ "abbrechen" when no form or choice is open."""
    return Reply(ctx.t("form.nothing_open"), language=ctx.language) if is_cancel(text) else None


def _without_prefix(ctx: Context, text: str) -> str:
    """ "/smartcity anmelden" typed as a message is the command."""
    stripped = text.strip()
    for prefix in (ctx.command, "/smartcity"):
        if prefix and stripped.casefold().startswith(prefix.casefold()):
            return stripped[len(prefix) :].strip()
    return stripped


def _command(ctx: Context, text: str) -> Reply | None:
    """Run the command the message is shaped as, if it is shaped as one."""
    first, _, argument = text.partition(" ")
    if first.casefold() in HELP_WORDS and not argument.strip():
        return help_reply(ctx)
    if " ".join(text.casefold().split()) in EASY_HELP_WORDS:
        return help_reply(dataclasses.replace(ctx, language=EASY_GERMAN))
    command = command_named(first)
    if command is None or not command.accepts(argument.strip()):
        return None
    return _run_command(ctx, command, argument.strip())


def _run_command(ctx: Context, command: Command, argument: str) -> Reply:
    return _denied(ctx, command.organizer_only, command.name) or command.run(ctx, argument)


def _denied(ctx: Context, organizer_only: bool, what: str) -> Reply | None:
    """The polite refusal where only organizers may, and the user is none."""
    return refusal(ctx, what) if organizer_only else None


def _meaning(ctx: Context, text: str) -> Reply:
    meaning = understand(text, world_of(ctx.session), embedder=shared_embedder())
    ctx = dataclasses.replace(ctx, language=meaning.language)
    if meaning.intent == "help":
        reply = help_reply(ctx)
    else:
        reply = intent_handlers()[meaning.intent](ctx, meaning)
    if meaning.social:
        reply = dataclasses.replace(reply, text=f"{ctx.t('ack.' + meaning.social)} {reply.text}")
    return reply


def click(ctx: Context, pressed: Click) -> Reply:
    """A button, or its typed equivalent."""
    action = actions().get(pressed.action)
    if action is None:
        return Reply(ctx.t("error"), language=ctx.language)
    denied = _denied(ctx, action.organizer_only, action.name)
    reply = denied or action.run(ctx, pressed.value)
    return dialog.after_reply(ctx, reply, can_open_forms=pressed.can_open_forms)


def submit(ctx: Context, submission: Submission) -> Reply | FormErrors:
    """A filled-in form, to the feature that declared it."""
    handler = forms().get(submission.form_id)
    if handler is None:
        return Reply(ctx.t("error"), language=ctx.language)
    denied = _denied(ctx, handler.organizer_only, submission.form_id)
    return denied or handler.submit(ctx, submission.context, submission.values)


def suggest(ctx: Context, query: Suggest) -> list[str]:
    """Type-ahead options for a form field."""
    provider = suggestions().get(query.field)
    return provider(ctx, query.typed) if provider else []
