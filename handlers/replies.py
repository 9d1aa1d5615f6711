"""What handlers return: transport-neutral reply objects, rendered by the adapters in `bot/`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """An action the user can take; `action` names the handler, `value` its argument."""

    label: str
    action: str
    value: str
    primary: bool = False


@dataclass(frozen=True)
class Card:
    """One item (a conference, a solution): a title, labelled details and actions."""

    title: str
    fields: tuple[tuple[str, str], ...] = ()
    body: str = ""
    link: str = ""
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Reply:
    """A message to the user: a lead text, optional cards and optional closing notes."""

    text: str
    cards: tuple[Card, ...] = ()
    notes: tuple[str, ...] = ()
    language: str = "de"
