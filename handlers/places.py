"""Municipalities and federal states named in a message, from the 73 model projects.

The longest name found wins, so "Sachsen-Anhalt" is not read as "Sachsen" and "Landkreis Hof"
not as something else; "die Stadt X", "der Landkreis Y" and "Kreis Z" are understood.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from handlers.normalize import fold, words

# Common short and English names of the federal states.
STATE_ALIASES = {
    "nrw": "Nordrhein-Westfalen",
    "bw": "Baden-Württemberg",
    "bawue": "Baden-Württemberg",
    "mv": "Mecklenburg-Vorpommern",
    "meck pomm": "Mecklenburg-Vorpommern",
    "bavaria": "Bayern",
    "saxony": "Sachsen",
    "lower saxony": "Niedersachsen",
    "hesse": "Hessen",
    "thuringia": "Thüringen",
    "north rhine westphalia": "Nordrhein-Westfalen",
    "rhineland palatinate": "Rheinland-Pfalz",
    "saxony anhalt": "Sachsen-Anhalt",
    "mecklenburg western pomerania": "Mecklenburg-Vorpommern",
}
_GENERIC = frozenset(
    "landkreis kreis stadt amt smart region verband und mit im am an der die das bad i b fuer "
    "st sankt".split()
)
_COUNTY = ("landkreis", "kreis", "lk")
_FUZZY_MIN_LENGTH = 6
_FUZZY_SCORE = 88.0


@dataclass(frozen=True)
class Found:
    """A name found in a message and what it stands for."""

    value: str
    words: tuple[str, ...]


def find_state(text: str, states: Iterable[str]) -> str | None:
    """The federal state a message names (longest name first; typos tolerated)."""
    found = _longest(words(text), _state_aliases(tuple(sorted(states))))
    return found.value if found else None


def find_municipality(text: str, names: Iterable[str]) -> str | None:
    """The model project a message names, as its full name in the directory."""
    found = _longest(words(text), _municipality_aliases(tuple(sorted(names))))
    return found.value if found else None


def state_names(project_states: Sequence[str]) -> list[str]:
    """Distinct states of the projects ("Baden-Württemberg; Hessen" counts for both)."""
    return sorted({state.strip() for value in project_states for state in value.split(";")})


@cache
def _state_aliases(states: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    aliases = {tuple(words(alias)): state for alias, state in STATE_ALIASES.items()}
    aliases.update({tuple(words(state)): state for state in states})
    return aliases


@cache
def _municipality_aliases(names: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    aliases: dict[tuple[str, ...], str] = {}
    for name in names:
        for alias in _aliases_of(name):
            aliases.setdefault(alias, name)
    return aliases


def _aliases_of(name: str) -> set[tuple[str, ...]]:
    folded = fold(name)
    aliases = {tuple(words(folded))}
    for part in re.split(r"[(),/]|\bund\b|\bmit\b", folded):
        tokens = tuple(words(part))
        core = tuple(token for token in tokens if token not in _GENERIC)
        if not core:
            continue
        aliases.add(tokens)
        if tokens[0] in _COUNTY:
            aliases |= {(county, *core) for county in _COUNTY}
        if len(core) > 1 or len(core[0]) >= 4:
            aliases.add(core)
        if len(core) > 1 and len(core[0]) >= 5 and not core[0].isdigit():
            aliases.add(core[:1])  # "Freiburg" for "Freiburg im Breisgau"
    return aliases


def _longest(tokens: list[str], aliases: dict[tuple[str, ...], str]) -> Found | None:
    starts = _by_first_word(tuple(aliases.items()))
    fuzzy = [word for word in starts if len(word) >= _FUZZY_MIN_LENGTH]
    best: Found | None = None
    for position, token in enumerate(tokens):
        firsts = {token} if token in starts else set()
        if len(token) >= _FUZZY_MIN_LENGTH - 1:
            found = process.extract(token, fuzzy, scorer=fuzz.ratio, score_cutoff=_FUZZY_SCORE)
            firsts |= {word for word, _, _ in found}
        for first in firsts:
            for alias, value in starts[first]:
                if _follows(tokens, position, alias) and (
                    best is None or _longer(alias, best.words)
                ):
                    best = Found(value, alias)
    return best


@cache
def _by_first_word(
    aliases: tuple[tuple[tuple[str, ...], str], ...],
) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    starts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for alias, value in aliases:
        starts.setdefault(alias[0], []).append((alias, value))
    return starts


def _longer(alias: tuple[str, ...], other: tuple[str, ...]) -> bool:
    return (len(alias), len("".join(alias))) > (len(other), len("".join(other)))


def _follows(tokens: list[str], position: int, alias: tuple[str, ...]) -> bool:
    rest = tokens[position + 1 : position + len(alias)]
    return len(rest) == len(alias) - 1 and all(map(_same, rest, alias[1:]))


def _same(token: str, word: str) -> bool:
    if token == word:
        return True
    return len(word) >= _FUZZY_MIN_LENGTH and fuzz.ratio(token, word) >= _FUZZY_SCORE
