"""What the knowledge base offers: solution search, the directory, organizers' edits."""

from __future__ import annotations

from handlers.context import Context
from handlers.conversation.features import (
    Action,
    Command,
    Feature,
    FormHandler,
    any_argument,
    no_argument,
)
from handlers.conversation.meaning import Meaning
from handlers.knowledge.answers import (
    EDIT_ACTION,
    FORWARD_ACTION,
    SIMILAR_ACTION,
    forward_question,
    search_reply,
    similar_reply,
)
from handlers.knowledge.directory import member_reply, place_reply, state_reply
from handlers.knowledge.solution_form import FORM_ID, NEW_ACTION, solution_form, submit_solution
from handlers.replies import Reply


def _state(ctx: Context, meaning: Meaning) -> Reply:
    if meaning.state is None:
        return search_reply(ctx, meaning.text)
    return state_reply(ctx, meaning.state)


def _place(ctx: Context, meaning: Meaning) -> Reply:
    if meaning.municipality is None:
        return search_reply(ctx, meaning.text)
    return place_reply(ctx, meaning.municipality)


def _member(ctx: Context, meaning: Meaning) -> Reply:
    return member_reply(ctx, meaning.municipality, meaning.text)


FEATURE = Feature(
    name="knowledge",
    commands=(
        Command("loesungen", "solutions", "help.loesungen", search_reply, accepts=any_argument),
        Command(
            "loesung-neu",
            "new-solution",
            "help.loesung-neu",
            lambda ctx, _: solution_form(ctx),
            organizer_only=True,
            accepts=no_argument,
        ),
    ),
    actions=(
        Action(SIMILAR_ACTION, similar_reply),
        Action(FORWARD_ACTION, forward_question),
        Action(EDIT_ACTION, solution_form, opens_form=True, organizer_only=True),
        Action(NEW_ACTION, lambda ctx, _: solution_form(ctx), opens_form=True, organizer_only=True),
    ),
    forms=(FormHandler(FORM_ID, submit_solution, organizer_only=True),),
    intents={
        "knowledge": lambda ctx, meaning: search_reply(ctx, meaning.text),
        "directory_state": _state,
        "directory_place": _place,
        "directory_member": _member,
    },
)
