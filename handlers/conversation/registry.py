"""All features of the bot, and lookups over what they declare."""

from __future__ import annotations

from functools import cache

from handlers.conferences.feature import FEATURE as CONFERENCES
from handlers.conversation import talk
from handlers.conversation.features import (
    Action,
    Command,
    Feature,
    FormHandler,
    IntentRun,
    SuggestRun,
)
from handlers.knowledge.feature import FEATURE as KNOWLEDGE
from handlers.normalize import fold
from handlers.notify.feature import FEATURE as NOTIFY
from handlers.privacy.feature import FEATURE as PRIVACY
from handlers.registration.feature import FEATURE as REGISTRATION
from handlers.reminders.feature import FEATURE as REMINDERS

FEATURES: tuple[Feature, ...] = (
    CONFERENCES,
    REGISTRATION,
    REMINDERS,
    NOTIFY,
    PRIVACY,
    KNOWLEDGE,
    talk.FEATURE,
)


def all_commands() -> tuple[Command, ...]:
    """Every command, in help order."""
    return tuple(command for feature in FEATURES for command in feature.commands)


def command_named(word: str) -> Command | None:
    """The command with this German name or English alias (case and umlauts folded)."""
    return _commands_by_name().get(fold(word))


@cache
def _commands_by_name() -> dict[str, Command]:
    # Built once; not a cache keyed by what members type, which would grow for years.
    return {
        name: command
        for command in all_commands()
        for name in (command.name, command.alias, fold(command.name))
    }


@cache
def actions() -> dict[str, Action]:
    """Every button by its action name."""
    return {action.name: action for feature in FEATURES for action in feature.actions}


@cache
def forms() -> dict[str, FormHandler]:
    """Every form by its id."""
    return {form.form_id: form for feature in FEATURES for form in feature.forms}


@cache
def intent_handlers() -> dict[str, IntentRun]:
    """Who answers each intent."""
    return {name: run for feature in FEATURES for name, run in feature.intents.items()}


@cache
def suggestions() -> dict[str, SuggestRun]:
    """Type-ahead providers by field."""
    return {name: run for feature in FEATURES for name, run in feature.suggestions.items()}
