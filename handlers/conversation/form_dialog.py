"""A form asked field by field in a text conversation (console, Matrix, a Slack DM without a
modal): each answer is checked as it comes; "abbrechen" leaves the form with nothing stored."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from handlers.conversation.choices import is_no, is_yes
from handlers.normalize import fold
from handlers.replies import Form, FormField
from handlers.texts import t

CANCEL = frozenset({"abbrechen", "abbruch", "cancel", "stop", "stopp", "ende", "quit"})
SKIP = frozenset({"-", "–", "skip", "ueberspringen", "weiter"})


@dataclass(frozen=True)
class Answer:
    """A typed answer read for one field: its value, or the problem with it."""

    value: str | None = None
    problem: str | None = None


def form_state(form: Form, values: Mapping[str, str]) -> dict[str, Any]:
    """The dialog state to store while the form is filled in."""
    return {"kind": "form", "form": dataclasses.asdict(form), "values": dict(values)}


def form_from(state: Mapping[str, Any]) -> Form:
    """The form of a stored dialog state."""
    data = dict(state["form"])
    fields = []
    for stored in data.pop("fields"):
        field = dict(stored)
        field["options"] = tuple(tuple(option) for option in field["options"])
        fields.append(FormField(**field))
    return Form(**data, fields=tuple(fields))


def is_cancel(text: str) -> bool:
    """ "abbrechen", "cancel": the member leaves the form."""
    return fold(text.strip()).rstrip("!.") in CANCEL


def prompt(field: FormField, language: str) -> str:
    """The question for one field, with what may be typed."""
    lines = [field.label + _suffix(field, language)]
    if field.hint and field.kind != "consent":
        lines.append(field.hint)
    if field.kind == "consent" and field.hint:
        lines.insert(0, field.hint)
    lines += [f"{number}) {label}" for number, (_, label) in enumerate(field.options, start=1)]
    return "\n".join(lines)


def _suffix(field: FormField, language: str) -> str:
    if field.kind == "consent":
        return " " + t(language, "form.yes_no")
    if field.initial:
        shown = dict(field.options).get(field.initial, field.initial)  # a choice by its label
        return " " + t(language, "form.keep", value=shown)
    if not field.required:
        return " " + t(language, "form.optional")
    return ""


def read_answer(field: FormField, text: str) -> Answer:
    """The value a typed answer gives a field, or the text key of what is wrong with it."""
    typed = text.strip()
    if fold(typed) in SKIP:
        if field.initial or not field.required:
            return Answer(field.initial)
        return Answer(problem="form.required")
    if field.kind == "consent":
        return Answer("yes") if is_yes(typed) else Answer(problem="form.yes_no_only")
    if field.kind == "choice":
        return _choice(field, typed)
    if not typed:
        return Answer(problem="form.required")
    return Answer(typed)


def declines(field: FormField, text: str) -> bool:
    """ "nein" to a consent question ends the form."""
    return field.kind == "consent" and is_no(text)


def _choice(field: FormField, typed: str) -> Answer:
    if typed.isdigit() and 0 < int(typed) <= len(field.options):
        return Answer(field.options[int(typed) - 1][0])
    values = {value for value, _ in field.options}
    if values == {"yes", "no"} and (is_yes(typed) or is_no(typed)):
        return Answer("yes" if is_yes(typed) else "no")  # "ja", "nein" to a yes/no choice
    for value, label in field.options:
        if fold(typed) in (fold(value), fold(label)):
            return Answer(value)
    return Answer(problem="form.bad_choice")
