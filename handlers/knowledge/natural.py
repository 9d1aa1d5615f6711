"""Filters named in a sentence: "Projekte aus Hessen", "die Stadt Gera", "Landkreis Kusel",
"was läuft noch als Pilot?", "schon verstetigt" act like `land:`, `ort:` and `status:`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from handlers.normalize import fold, words
from handlers.places import STATE_ALIASES

# Common short and English names of the federal states.
STATUS_WORDS = {
    "verstetigt": "verstetigt",
    "dauerbetrieb": "verstetigt",
    "pilot": "pilot",
    "piloten": "pilot",
    "pilotprojekt": "pilot",
    "pilotprojekte": "pilot",
    "pilotphase": "pilot",
    "pilots": "pilot",
}
_PLACE_PREFIXES = ("landkreis ", "kreis ", "stadt ", "gemeinde ", "amt ")
_MIN_PLACE = 4


@dataclass(frozen=True)
class NaturalQuery:
    """A question with the filters it names in words taken out."""

    text: str
    filters: dict[str, str]


def natural_filters(
    text: str, *, states: Iterable[str], municipalities: Iterable[str]
) -> NaturalQuery:
    """Take the state, place and status a sentence names out of it, as filters."""
    folded = " ".join(words(text))
    filters: dict[str, str] = {}
    for name, found, span in (
        ("state", *_state(folded, tuple(states))),
        ("municipality", *_place(folded, tuple(municipalities))),
        ("status", *_status(folded)),
    ):
        if found:
            filters[name] = found
            folded = _remove(folded, span)
    return NaturalQuery(" ".join(folded.split()) if filters else text, filters)


def _remove(folded: str, span: str) -> str:
    return re.sub(rf"\b{re.escape(span)}\b", " ", folded, count=1)


def _state(folded: str, states: tuple[str, ...]) -> tuple[str, str]:
    for name, state, pattern in _state_patterns(states):
        if pattern.search(folded):
            return state, name
    return "", ""


@lru_cache(maxsize=4)
def _state_patterns(states: tuple[str, ...]) -> list[tuple[str, str, re.Pattern[str]]]:
    """Longest name first, compiled once per collection (not once per question)."""
    names = {" ".join(words(name)): state for name, state in STATE_ALIASES.items()}
    names |= {" ".join(words(state)): state for state in states}
    ordered = sorted(names, key=len, reverse=True)
    return [(name, names[name], re.compile(rf"\b{re.escape(name)}\b")) for name in ordered]


def _place(folded: str, municipalities: tuple[str, ...]) -> tuple[str, str]:
    for core, pattern in _place_patterns(municipalities):
        match = pattern.search(folded)
        if match:
            return core, match.group(0)
    return "", ""


@lru_cache(maxsize=4)
def _place_patterns(municipalities: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    prefix = "(?:(?:landkreis|kreis|stadt|gemeinde|amt) )?"
    ordered = sorted(place_names(municipalities), key=len, reverse=True)
    return [(core, re.compile(rf"\b{prefix}{re.escape(core)}\b")) for core in ordered]


def place_names(municipalities: Iterable[str]) -> set[str]:
    """The names a sentence would use: "Landkreis Kusel" -> "kusel", "Halle (Saale)" ->
    "halle", "Mühlhausen/Thüringen" -> "muehlhausen"."""
    names = set()
    for label in municipalities:
        core = re.split(r"[(/,]| und | mit ", fold(label))[0].strip()
        for prefix in _PLACE_PREFIXES:
            core = core.removeprefix(prefix)
        core = " ".join(words(core))
        if len(core) >= _MIN_PLACE and not core[0].isdigit():
            names.add(core)
    return names


def _status(folded: str) -> tuple[str, str]:
    for word in folded.split():
        if word in STATUS_WORDS:
            return STATUS_WORDS[word], word
    return "", ""
