"""What the conference feature offers the conversation: questions about conferences."""

from __future__ import annotations

from functools import partial

from handlers.conferences.answers import answer_conference_question, conference_details
from handlers.conferences.conference_form import (
    ASK_CANCEL_ACTION,
    CANCEL_ACTION,
    EDIT_ACTION,
    FORM_ID,
    NEW_ACTION,
    cancel_confirmed,
    cancel_request,
    edit_conference_form,
    new_conference_form,
    submit_conference,
)
from handlers.conferences.overview import overview
from handlers.context import Context
from handlers.conversation.features import (
    Action,
    Command,
    Feature,
    FormHandler,
    no_argument,
)
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
    commands=(
        Command(
            "konferenz-neu",
            "new-conference",
            "help.konferenz_neu",
            new_conference_form,
            organizer_only=True,
            accepts=no_argument,
        ),
        Command(
            "konferenz-bearbeiten",
            "edit-conference",
            "help.konferenz_bearbeiten",
            edit_conference_form,
            organizer_only=True,
        ),
        Command(
            "konferenz-absagen",
            "cancel-conference",
            "help.konferenz_absagen",
            cancel_request,
            organizer_only=True,
        ),
        Command(
            "übersicht",
            "overview",
            "help.uebersicht",
            overview,
            organizer_only=True,
            accepts=no_argument,
        ),
    ),
    actions=(
        Action("conference_details", conference_details),
        Action(NEW_ACTION, new_conference_form, opens_form=True, organizer_only=True),
        Action(EDIT_ACTION, edit_conference_form, opens_form=True, organizer_only=True),
        Action(ASK_CANCEL_ACTION, cancel_request, organizer_only=True),
        Action(CANCEL_ACTION, cancel_confirmed, organizer_only=True),
    ),
    forms=(FormHandler(FORM_ID, submit_conference, organizer_only=True),),
    intents={aspect: partial(answer, aspect=aspect) for aspect in ASPECTS},
)
