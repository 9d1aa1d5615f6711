"""Free-text questions: decide what is asked and hand it to the feature that answers."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from handlers.conferences.answers import answer_conference_question
from handlers.conferences.references import extract_reference
from handlers.context import Context
from handlers.conversation.intents import match_intent
from handlers.knowledge.answers import found_reply, search_reply
from handlers.knowledge.directory import place_reply, state_reply
from handlers.knowledge.index_cache import current_index
from handlers.replies import Reply
from handlers.texts import t
from storage.conferences import all_conferences

CONFERENCE_INTENTS = frozenset(
    {"when", "where", "motto", "topics", "programme", "registration", "list"}
)
Route = Callable[[Context, str, str | None], Reply | None]


def answer_question(ctx: Context, text: str) -> Reply:
    """Answer one chat message, slash-command question or console line."""
    if not text.strip():
        return Reply(t(ctx.language, "empty"), language=ctx.language)
    match = match_intent(text, default_language=ctx.language)
    ctx = dataclasses.replace(ctx, language=match.language)
    for route in ROUTES:
        reply = route(ctx, text, match.intent)
        if reply is not None:
            return reply
    key = "greeting" if match.intent == "greeting" else "fallback"
    return Reply(f"{t(ctx.language, key)} {t(ctx.language, 'help')}", language=ctx.language)


def help_reply(language: str) -> Reply:
    return Reply(t(language, "help"), language=language)


def _help(ctx: Context, _text: str, intent: str | None) -> Reply | None:
    return help_reply(ctx.language) if intent == "help" else None


def _directory(ctx: Context, text: str, intent: str | None) -> Reply | None:
    if intent == "directory_state":
        return state_reply(ctx, text)
    if intent == "directory_place":
        return place_reply(ctx, text)
    return None


def _solutions(ctx: Context, text: str, intent: str | None) -> Reply | None:
    return search_reply(ctx, text) if intent == "solutions" else None


def _conference(ctx: Context, text: str, intent: str | None) -> Reply | None:
    conferences = all_conferences(ctx.session)
    ref = extract_reference(text, conferences)
    named = ref.explicit or ref.relative is not None or ref.kind is not None
    if intent in CONFERENCE_INTENTS or (named and intent != "greeting"):
        return answer_conference_question(
            ctx,
            intent=intent,
            ref=ref,
            conferences=conferences,
            language=ctx.language,
            query=text,
        )
    return None


def _free_search(ctx: Context, text: str, intent: str | None) -> Reply | None:
    """A question without a known phrasing may still name a solution ("Carsharing")."""
    return found_reply(ctx, current_index(ctx.session), text) if intent is None else None


ROUTES: tuple[Route, ...] = (_help, _directory, _solutions, _conference, _free_search)
