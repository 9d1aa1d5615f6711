"""What data protection offers: my data as a file, and deleting it after a confirmation."""

from __future__ import annotations

from handlers.conversation.features import Action, Command, Feature, no_argument
from handlers.privacy.personal_data import CONFIRM_ACTION, delete_confirmed, delete_request, my_data

FEATURE = Feature(
    name="privacy",
    commands=(
        Command(
            "meine-daten",
            "my-data",
            "help.meine-daten",
            lambda ctx, _: my_data(ctx),
            accepts=no_argument,
        ),
        Command("daten-loeschen", "delete-my-data", "help.daten-loeschen", delete_request),
    ),
    actions=(Action(CONFIRM_ACTION, lambda ctx, _: delete_confirmed(ctx)),),
    intents={
        "my_data": lambda ctx, _: my_data(ctx),
        "delete_data": lambda ctx, _: delete_request(ctx, ""),
    },
)
