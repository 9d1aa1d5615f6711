"""Buttons as numbered choices, so that "1", "2", the item's name or "ja" select them by text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from handlers.normalize import fold, words
from handlers.replies import Reply

YES = frozenset({"ja", "j", "jo", "jawohl", "klar", "gerne", "bitte", "ok", "okay", "yes", "y",
                 "sure", "bestaetigen", "bestaetige", "genau", "passt"})  # fmt: skip
NO = frozenset({"nein", "n", "ne", "nee", "no", "nope", "lieber nicht", "doch nicht",
                "abbrechen", "cancel", "stopp", "stop"})  # fmt: skip
_NAME_SCORE = 85.0


@dataclass(frozen=True)
class Choice:
    """One button: what it says, the item it belongs to, and what pressing it does."""

    label: str
    item: str
    action: str
    value: str
    primary: bool = False

    def as_list(self) -> list[str | bool]:
        """The choice as stored with an open dialog (JSON-friendly)."""
        return [self.label, self.item, self.action, self.value, self.primary]


def choices_of(reply: Reply) -> tuple[Choice, ...]:
    """Every button of a reply, in the order they are shown and numbered."""
    seen: set[tuple[str, str]] = set()
    found: list[Choice] = []
    for card in reply.cards:
        for button in card.buttons:
            if (button.action, button.value) not in seen:
                seen.add((button.action, button.value))
                found.append(
                    Choice(button.label, card.title, button.action, button.value, button.primary)
                )
    return tuple(found)


def numbered(choices: Sequence[Choice]) -> list[str]:
    """ "1) Anmelden – 24. Regionalkonferenz" lines, as text transports show them."""
    return [
        f"{number}) {choice.label}" + (f" – {choice.item}" if choice.item else "")
        for number, choice in enumerate(choices, start=1)
    ]


def is_yes(text: str) -> bool:
    """ "ja", "klar", "yes" and the like."""
    return " ".join(words(text)) in YES


def is_no(text: str) -> bool:
    """ "nein", "lieber nicht", "no" and the like."""
    return " ".join(words(text)) in NO


def select(text: str, choices: Sequence[Choice]) -> Choice | None:
    """The choice a typed answer means: its number, its name or label, or "ja" for the only
    confirming one. None when the text does not pick exactly one."""
    typed = text.strip().rstrip(".)")
    if typed.isdigit():
        number = int(typed)
        return choices[number - 1] if 0 < number <= len(choices) else None
    if is_yes(text):
        primary = [choice for choice in choices if choice.primary]
        return primary[0] if len(primary) == 1 else (choices[0] if len(choices) == 1 else None)
    return _by_name(fold(text), choices)


def _by_name(folded: str, choices: Sequence[Choice]) -> Choice | None:
    for names in ([fold(c.label) for c in choices], [fold(c.item) for c in choices]):
        exact = [i for i, name in enumerate(names) if name and name == folded]
        if len(exact) == 1:
            return choices[exact[0]]
    items = [fold(c.item) for c in choices]
    scored = process.extract(folded, items, scorer=fuzz.partial_ratio, limit=2)
    if scored and scored[0][1] >= _NAME_SCORE and (len(scored) == 1 or scored[1][1] < scored[0][1]):
        return choices[scored[0][2]]
    return None
