"""Free-text questions: decide what is asked and hand it to the feature that answers."""

from __future__ import annotations

from handlers.conferences import answer_conference_question
from handlers.context import Context
from handlers.intents import match_intent
from handlers.references import extract_reference
from handlers.replies import Reply
from handlers.texts import t
from storage.conferences import all_conferences


def answer_question(ctx: Context, text: str) -> Reply:
    """Answer one chat message, slash-command question or console line."""
    if not text.strip():
        return Reply(t(ctx.language, "empty"), language=ctx.language)
    match = match_intent(text, default_language=ctx.language)
    language = match.language
    if match.intent == "help":
        return help_reply(language)
    conferences = all_conferences(ctx.session)
    ref = extract_reference(text, conferences)
    about_conference = ref.explicit or ref.relative is not None or ref.kind is not None
    if match.intent == "greeting" and not about_conference:
        return Reply(t(language, "greeting") + " " + t(language, "help"), language=language)
    if match.intent is None and not about_conference:
        return Reply(t(language, "fallback") + " " + t(language, "help"), language=language)
    return answer_conference_question(
        ctx, intent=match.intent, ref=ref, conferences=conferences, language=language, query=text
    )


def help_reply(language: str) -> Reply:
    return Reply(t(language, "help"), language=language)
