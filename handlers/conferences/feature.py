"""What the conference feature offers the conversation: questions about conferences."""

from __future__ import annotations

from functools import partial

from handlers.conferences.answers import answer_conference_question, conference_details
from handlers.context import Context
from handlers.conversation.features import Action, Feature
from handlers.conversation.meaning import Meaning
from handlers.replies import Reply
from storage.conferences import all_conferences

ASPECTS = (
    "conference", "when", "where", "motto", "topics", "programme", "list",
    "registration_info", "deadline", "free_seats",
)  # fmt: skip


def answer(ctx: Context, meaning: Meaning, *, aspect: str) -> Reply:
    """A conference question, about the conference the message (or the conversation) means."""
    return answer_conference_question(
        ctx,
        intent=aspect,
        ref=meaning.ref,
        conferences=all_conferences(ctx.session),
        language=ctx.language,
        query=meaning.text,
    )


FEATURE = Feature(
    name="conferences",
    actions=(Action("conference_details", conference_details),),
    intents={aspect: partial(answer, aspect=aspect) for aspect in ASPECTS},
)
