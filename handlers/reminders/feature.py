"""What reminders and announcements offer: switching reminders, organizers' announcements."""

from __future__ import annotations

from handlers.conversation.features import (
    Action,
    Command,
    Feature,
    FormHandler,
    any_argument,
    no_argument,
)
from handlers.reminders.announcements import (
    CANCEL_ACTION,
    FORM_ID,
    OPEN_ACTION,
    announce_command,
    announcement_form,
    cancel_command,
    list_announcements,
    submit_announcement,
)
from handlers.reminders.reminders import reminders_command, switch_argument

FEATURE = Feature(
    name="reminders",
    commands=(
        Command(
            "erinnerungen",
            "reminders",
            "help.erinnerungen",
            reminders_command,
            accepts=switch_argument,
        ),
        Command(
            "ankuendigen",
            "announce",
            "help.ankuendigen",
            announce_command,
            organizer_only=True,
            accepts=any_argument,
        ),
        Command(
            "ankuendigungen",
            "announcements",
            "help.ankuendigungen",
            list_announcements,
            organizer_only=True,
            accepts=no_argument,
        ),
    ),
    actions=(
        Action(
            OPEN_ACTION, lambda ctx, _: announcement_form(ctx), opens_form=True, organizer_only=True
        ),
        Action(CANCEL_ACTION, cancel_command, organizer_only=True),
    ),
    forms=(FormHandler(FORM_ID, submit_announcement, organizer_only=True),),
    intents={
        "reminders_off": lambda ctx, _: reminders_command(ctx, "aus"),
        "reminders_on": lambda ctx, _: reminders_command(ctx, "an"),
    },
)
