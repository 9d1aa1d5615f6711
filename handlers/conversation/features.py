"""How a feature declares what it offers: commands, buttons, forms and the intents it answers.

Help texts, the organizer check, Slack's listener registration and the numbered choices of text
transports are derived from these declarations, so a new command touches one feature module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from handlers.context import Context
from handlers.conversation.meaning import Meaning
from handlers.replies import FormErrors, Reply

CommandRun = Callable[[Context, str], Reply]
ActionRun = Callable[[Context, str], Reply]
FormRun = Callable[[Context, str, Mapping[str, str]], Reply | FormErrors]
IntentRun = Callable[[Context, Meaning], Reply]
ArgumentCheck = Callable[[str], bool]
SuggestRun = Callable[[Context, str], list[str]]


def any_argument(_argument: str) -> bool:
    """Every argument is command-shaped (e.g. a search question after `loesungen`)."""
    return True


def no_argument(argument: str) -> bool:
    """Command-shaped only alone ("meine"), not at the start of a sentence ("Meine Gemeinde")."""
    return not argument.strip()


def short_argument(argument: str) -> bool:
    """A few words naming a thing ("anmelden halle", "abmelden 22"), not a whole sentence."""
    return len(argument.split()) <= 3 and not argument.rstrip().endswith("?")


@dataclass(frozen=True)
class Command:
    """`/smartcity <name> [argument]`; `help_key` names its line in the help text."""

    name: str
    alias: str
    help_key: str
    run: CommandRun
    organizer_only: bool = False
    accepts: ArgumentCheck = short_argument


@dataclass(frozen=True)
class Action:
    """A button; `opens_form` marks those that answer with a form (Slack must answer at once)."""

    name: str
    run: ActionRun
    opens_form: bool = False
    organizer_only: bool = False


@dataclass(frozen=True)
class FormHandler:
    """Where a submitted form goes."""

    form_id: str
    submit: FormRun
    organizer_only: bool = False


@dataclass(frozen=True)
class Feature:
    """Everything one feature offers to the conversation."""

    name: str
    commands: tuple[Command, ...] = ()
    actions: tuple[Action, ...] = ()
    forms: tuple[FormHandler, ...] = ()
    intents: Mapping[str, IntentRun] = field(default_factory=dict)
    suggestions: Mapping[str, SuggestRun] = field(default_factory=dict)
