"""Which conference a question is about: next/last, kind, number, place, title words, dates."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Protocol

from babel.dates import get_month_names
from rapidfuzz import fuzz, process

from handlers.normalize import fold, words

_NEXT = frozenset(
    "naechste naechsten naechster kommende kommenden bevorstehende anstehende next "
    "upcoming coming".split()
)
_AFTER = frozenset(
    "danach darauf darauffolgende anschliessend uebernaechste afterwards after".split()
)
_BACK = frozenset("sie dort da dahin dorthin dafuer dazu hin it there that".split())
_LAST = frozenset(
    "letzte letzten letzter vorige vorigen vorherige vergangene last previous past recent".split()
)
_NOT_PLACES = frozenset(
    "rk virtuell gastgeber landkreis kreis stadt und bad sankt st im am der die das "
    "online veranstaltung konferenz kongress regionalkonferenz messe".split()
)
_CONFERENCE_WORDS = (
    "konferenz",
    "kongress",
    "tagung",
    "veranstaltung",
    "conference",
    "congress",
    "event",
    "termin",
)
_NUMBER = re.compile(
    r"(?:\b(?:nr|nummer|no|number)\.?\s*|#)(\d{1,3})\b|\b(\d{1,3})(?:\.|st\b|nd\b"
    r"|rd\b|th\b)"
    # without its dot after a word that introduces a conference: "regionalkonferenz 22"
    r"|\b(?:rk|konferenz|regionalkonferenz|kongress|conference|anmelden|abmelden|register"
    r"|cancel|fuer|for|zur|zum|die|der|von|bei)\s+(\d{1,2})\b(?!\s*(?:uhr|h\b|:|\.\d))"
    # a message that is only a number
    r"|^\s*(\d{1,2})\s*\??\s*$"
)
_STRONG_SCORE = 85.0
_WEAK_SCORE = 90.0


class Nameable(Protocol):
    """What a conference can be named by: a stored conference, or its names held in memory."""

    @property
    def slug(self) -> str:
        """The conference's short name."""

    @property
    def city(self) -> str:
        """Where it takes place."""

    @property
    def title(self) -> str:
        """Its full title."""

    @property
    def motto(self) -> str:
        """Its motto, or empty."""

    @property
    def topics(self) -> Sequence[str]:
        """Its topics."""


@dataclass(frozen=True)
class ConferenceRef:
    """What a question says about the conference it means; empty fields were not mentioned."""

    relative: str | None = None
    refers_back: bool = False
    kind: str | None = None
    number: int | None = None
    places: frozenset[str] | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    words: tuple[str, ...] = field(default=(), compare=False)

    @property
    def explicit(self) -> bool:
        """True when the question names a particular conference or period."""
        return any(
            value is not None
            for value in (self.number, self.places, self.year, self.month, self.day)
        )


@cache
def _months() -> dict[str, int]:
    names: dict[str, int] = {"maerz": 3, "marz": 3, "sept": 9}
    for locale in ("de", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[fold(name).rstrip(".")] = number
    return names


def extract_reference(text: str, conferences: Sequence[Nameable]) -> ConferenceRef:
    """Read the conference reference out of a question."""
    tokens = words(text)
    months = _months()
    month = next((months[token] for token in tokens if token in months), None)
    day = _day_of_month(tokens, months)
    year = next((int(token) for token in tokens if re.fullmatch(r"20\d\d", token)), None)
    number = _number(text, day)
    rest = [token for token in tokens if token not in months and not token.isdigit()]
    # Title and topic words only count in a question that speaks of a conference at all.
    matched, used = _places(rest, conferences, with_titles=_mentions_conference(tokens))
    return ConferenceRef(
        relative=_relative(tokens),
        refers_back=any(token in _BACK for token in tokens),
        kind=_kind(tokens),
        number=number,
        places=matched,
        year=year,
        month=month,
        day=day,
        words=tuple(used),
    )


def _relative(tokens: Iterable[str]) -> str | None:
    for token in tokens:
        if token in _AFTER:
            return "after"
        if token in _NEXT:
            return "next"
        if token in _LAST:
            return "last"
    return None


def _kind(tokens: Iterable[str]) -> str | None:
    for token in tokens:
        if "regional" in token:
            return "regionalkonferenz"
        if fuzz.ratio(token, "kongress") >= 85 or fuzz.ratio(token, "congress") >= 85:
            return "kongress"
    return None


def _day_of_month(tokens: list[str], months: dict[str, int]) -> int | None:
    for token, following in pairwise(tokens):
        if token.isdigit() and 1 <= int(token) <= 31 and following in months:
            return int(token)
    return None


def _number(text: str, day: int | None) -> int | None:
    for match in _NUMBER.finditer(fold(text)):
        value = int(next(group for group in match.groups() if group))
        if value != day and value > 0:
            return value
    return None


def _mentions_conference(tokens: Iterable[str]) -> bool:
    return any(word in token for token in tokens for word in _CONFERENCE_WORDS)


def _places(
    tokens: list[str], conferences: Sequence[Nameable], *, with_titles: bool
) -> tuple[frozenset[str] | None, list[str]]:
    strong, weak = _place_index(
        tuple((c.slug, c.city, c.title, c.motto, tuple(c.topics)) for c in conferences)
    )
    indexes = [(strong, _STRONG_SCORE)] + ([(weak, _WEAK_SCORE)] if with_titles else [])
    for index, minimum in indexes:
        slugs: set[str] = set()
        used: list[str] = []
        for token in tokens:
            if len(token) < 4 or token in _NOT_PLACES:
                continue
            found = process.extractOne(
                token,
                index.keys(),
                scorer=fuzz.ratio,
                score_cutoff=100 if len(token) == 4 else minimum,
            )
            if found:
                slugs |= index[found[0]]
                used.append(token)
        if slugs:
            return frozenset(slugs), used
    return None, []


@cache
def _place_index(
    rows: tuple[tuple[str, str, str, str, tuple[str, ...]], ...],
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Words naming a place (city, slug) and distinctive title/motto/topic words -> slugs."""
    strong: defaultdict[str, set[str]] = defaultdict(set)
    weak: defaultdict[str, set[str]] = defaultdict(set)
    for slug, city, title, motto, topics in rows:
        for word in [*words(city), *slug.split("-")]:
            if len(word) >= 4 and word not in _NOT_PLACES and not word[-1].isdigit():
                strong[word].add(slug)
        for word in words(" ".join((title, motto, *topics))):
            if len(word) >= 6:
                weak[word].add(slug)
    distinctive = {
        word: slugs for word, slugs in weak.items() if len(slugs) <= 2 and word not in strong
    }
    return (
        {word: frozenset(slugs) for word, slugs in strong.items()},
        {word: frozenset(slugs) for word, slugs in distinctive.items()},
    )
