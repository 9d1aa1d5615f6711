"""Intent matching: fuzzy, word-based scoring of a question against a catalogue of phrasings."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from handlers.normalize import words

CATALOGUE = Path(__file__).resolve().parent / "intents.toml"
THRESHOLD = 85.0
_MIN_WORD_SCORE = 80.0

_GERMAN_HINTS = frozenset(
    "wann wo was wie welche welcher ist sind die der das den dem gibt es ich mich "
    "findet statt naechste naechsten letzte und im am zur zum fuer mit bitte".split()
)
_ENGLISH_HINTS = frozenset(
    "when where what which how is are the a an there do does i me next last of for to "
    "please".split()
)


@dataclass(frozen=True)
class Phrasing:
    intent: str
    language: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class IntentMatch:
    intent: str | None
    score: float
    language: str


@cache
def load_catalogue(path: Path = CATALOGUE) -> tuple[Phrasing, ...]:
    """All phrasings of the catalogue, folded into words."""
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Phrasing(intent, language, tuple(words(text)))
        for intent, languages in document.items()
        for language, texts in languages.items()
        for text in texts
    )


def match_intent(
    question: str, *, default_language: str, catalogue: tuple[Phrasing, ...] | None = None
) -> IntentMatch:
    """The best intent for the question (None below the threshold) and its language."""
    tokens = words(question)
    phrasings = load_catalogue() if catalogue is None else catalogue
    best: tuple[float, int, Phrasing] | None = None
    for phrasing in phrasings:
        score = _phrasing_score(phrasing.words, tokens)
        candidate = (score, len(phrasing.words), phrasing)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None or best[0] < THRESHOLD:
        score = best[0] if best else 0.0
        return IntentMatch(None, score, detect_language(tokens, fallback=default_language))
    return IntentMatch(best[2].intent, best[0], detect_language(tokens, fallback=best[2].language))


def _phrasing_score(phrase: tuple[str, ...], tokens: list[str]) -> float:
    """Mean over the phrasing's words of their best fuzzy match among the question's words."""
    if not phrase or not tokens:
        return 0.0
    total = 0.0
    for word in phrase:
        found = process.extractOne(word, tokens, scorer=_word_similarity)
        score = found[1] if found else 0.0
        total += score if score >= _MIN_WORD_SCORE else 0.0
    return total / len(phrase)


def _word_similarity(a: str, b: str, **_: object) -> float:
    # Short words must match exactly: "wo" is not "wie", "juni" is not "juli".
    if min(len(a), len(b)) <= 4:
        return 100.0 if a == b else 0.0
    return fuzz.ratio(a, b)


def detect_language(tokens: list[str], *, fallback: str) -> str:
    """German or English, from function words; `fallback` when they do not tell."""
    german = sum(token in _GERMAN_HINTS for token in tokens)
    english = sum(token in _ENGLISH_HINTS for token in tokens)
    if german == english:
        return fallback
    return "de" if german > english else "en"
