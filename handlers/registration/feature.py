"""What registration offers: register, cancel, my registrations, waitlist, organizer tools."""

from __future__ import annotations

from handlers.conferences.answers import meant_conference
from handlers.context import Context
from handlers.conversation.features import (
    Action,
    Command,
    CommandRun,
    Feature,
    FormHandler,
    IntentRun,
    no_argument,
)
from handlers.conversation.meaning import Meaning
from handlers.registration.fellows import fellows_command, fellows_intent
from handlers.registration.flow import (
    FORM_ID,
    cancel_registration,
    my_registrations,
    registration_form_for,
    start_registration,
    submit_registration,
    waitlist_reply,
)
from handlers.registration.municipalities import suggest_municipalities
from handlers.registration.offers import ACCEPT_ACTION, accept_seat
from handlers.registration.organizer import ADMIN_WORDS, conference_admin, participant_list
from handlers.registration.visibility import hide_me, visibility_command
from handlers.registration.waitlist import LEAVE_ACTION, leave_waitlist
from handlers.replies import Reply


def _for_conference(run: CommandRun) -> IntentRun:
    """Run a command for the conference the sentence names (none named: the command asks);
    a named conference that does not exist is said so, not replaced by another."""

    def answer(ctx: Context, meaning: Meaning) -> Reply:
        conference = meant_conference(ctx, meaning.ref)
        if conference is None and meaning.ref.explicit:
            text = ctx.t("not_found", query=meaning.text.strip())
            return Reply(text + ctx.t("not_found_hint"), language=ctx.language)
        return run(ctx, conference.slug if conference else "")

    return answer


def _admin_shaped(argument: str) -> bool:
    """ "konferenz <slug> kapazitaet 120 | oeffnen | schliessen", not "Konferenz Halle"."""
    words = argument.split()
    return len(words) >= 2 and words[1].casefold() in ADMIN_WORDS


FEATURE = Feature(
    name="registration",
    commands=(
        Command("anmelden", "register", "help.anmelden", start_registration),
        Command("abmelden", "cancel", "help.abmelden", cancel_registration),
        Command(
            "meine", "mine", "help.meine", lambda ctx, _: my_registrations(ctx), accepts=no_argument
        ),
        Command(
            "warteliste-verlassen", "leave-waitlist", "help.warteliste_verlassen", leave_waitlist
        ),
        Command("wer-kommt", "whos-coming", "help.wer-kommt", fellows_command),
        Command("sichtbarkeit", "visibility", "help.sichtbarkeit", visibility_command),
        Command(
            "teilnehmende",
            "participants",
            "help.teilnehmende",
            participant_list,
            organizer_only=True,
        ),
        Command(
            "konferenz",
            "conference",
            "help.konferenz",
            conference_admin,
            organizer_only=True,
            accepts=_admin_shaped,
        ),
    ),
    actions=(
        Action("register", registration_form_for, opens_form=True),
        Action("cancel_registration", cancel_registration),
        Action("participants", participant_list, organizer_only=True),
        Action(LEAVE_ACTION, leave_waitlist),
        Action(ACCEPT_ACTION, accept_seat),
    ),
    forms=(FormHandler(FORM_ID, submit_registration),),
    suggestions={"municipality": suggest_municipalities},
    intents={
        "register": _for_conference(start_registration),
        "cancel": _for_conference(cancel_registration),
        "my_registrations": lambda ctx, _: my_registrations(ctx),
        "waitlist_position": lambda ctx, _: waitlist_reply(ctx),
        "fellows": fellows_intent,
        "hide_me": hide_me,
    },
)
