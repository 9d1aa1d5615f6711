"""What "tell me when" offers the conversation: the `bescheid` command, its buttons and the
request in words."""

from __future__ import annotations

from handlers.conversation.features import Action, Command, Feature
from handlers.notify.intent import notify_me
from handlers.notify.wishes import (
    NEW_ACTION,
    REGISTRATION_ACTION,
    STOP_ACTION,
    notify_command,
    stop_wishes,
    wish_new,
    wish_registration,
)

FEATURE = Feature(
    name="notify",
    commands=(Command("bescheid", "notify", "help.bescheid", notify_command),),
    actions=(
        Action(NEW_ACTION, wish_new),
        Action(REGISTRATION_ACTION, wish_registration),
        Action(STOP_ACTION, stop_wishes),
    ),
    intents={"notify_me": notify_me},
)
